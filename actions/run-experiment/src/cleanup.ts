import { FisClient } from '@aws-sdk/client-fis';
import { awsClientOptions, instrumentAwsClient, readAwsSettings } from '../../../core/aws.js';
import { describeAwsError } from '../../../core/errors.js';
import type { Host } from '../../../core/host.js';
import { getExperiment, listAllExperiments, stopExperiment } from './fis.js';
import { mayStillInject } from './outcome.js';
import {
  ACTION_NAME,
  CLIENT_TOKEN_TAG,
  nothingStarted,
  STATE_CLIENT_TOKEN,
  STATE_EXPERIMENT_ID,
  STATE_FINISHED_ID,
} from './state.js';

/**
 * The `post:` step's whole job, in a module of its own: the post bundle imports this file only,
 * so it carries the FIS client and nothing of the main step (CloudWatch, Synthetics, reports).
 */
/** Each post-step call answers within this, or counts as failed (the job is ending). */
export const POST_CALL_TIMEOUT_MS = 10_000;
/** Every page of ListExperiments together. */
export const POST_LIST_TIMEOUT_MS = 20_000;

/**
 * The `post:` step (post-if: always()). The main step saves the client token just before
 * StartExperiment, the experiment id right after it, and a `finished` marker once it has ended.
 * If the main step was killed before that, the experiment may still be injecting faults: stop it.
 * Without an id (killed while StartExperiment had not answered), the experiments tagged with this
 * step's client token are found with ListExperiments and stopped. Every call here is bounded.
 */
export async function stopLeftoverExperiment(host: Host): Promise<void> {
  const id = host.getState(STATE_EXPERIMENT_ID);
  const token = host.getState(STATE_CLIENT_TOKEN);
  if (nothingStarted(host)) {
    host.log.debug('run-experiment post: no experiment was started, nothing to clean up');
    return;
  }
  if (id && host.getState(STATE_FINISHED_ID) === id) {
    host.log.info(`run-experiment post: experiment ${id} was settled by the main step, nothing to clean up`);
    return;
  }
  const fis = new FisClient(
    awsClientOptions('FIS', ACTION_NAME, readAwsSettings(host.inputs, host.env), host.env),
  );
  instrumentAwsClient(fis, 'FIS');
  const ids = id ? [id] : await experimentsByClientToken(fis, token, host);
  const failures: string[] = [];
  for (const leftover of ids) {
    const error = await stopIfStillRunning(fis, leftover, host);
    if (error) failures.push(error);
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/** Experiments tagged with this step's client token (ListExperiments has no tag filter: all pages). */
async function experimentsByClientToken(fis: FisClient, token: string, host: Host): Promise<string[]> {
  const experiments = await listAllExperiments(fis, AbortSignal.timeout(POST_LIST_TIMEOUT_MS));
  const ours = experiments.filter((experiment) => experiment.tags?.[CLIENT_TOKEN_TAG] === token);
  if (ours.length === 0) {
    host.log.info(`run-experiment post: no experiment carries client token ${token}, nothing to clean up`);
    return [];
  }
  const ids = ours.map((experiment) => experiment.id ?? '').filter(Boolean);
  host.log.info(
    `run-experiment post: the main step saved no experiment id; found ${ids.join(', ')} by its client-token tag`,
  );
  return ids;
}

/** GetExperiment, then StopExperiment unless it has ended; the error line when the stop failed. */
async function stopIfStillRunning(fis: FisClient, id: string, host: Host): Promise<string | undefined> {
  let status = 'unknown';
  try {
    status =
      (await getExperiment(fis, id, AbortSignal.timeout(POST_CALL_TIMEOUT_MS))).state?.status ?? 'unknown';
  } catch (error) {
    host.log.warning(`${describeAwsError(error, `GetExperiment ${id}`)}; stopping it anyway`);
  }
  // 'unknown' (GetExperiment failed) and statuses this code does not know are stopped too.
  if (!mayStillInject(status)) {
    host.log.info(`run-experiment post: experiment ${id} is ${status}, nothing to stop`);
    return undefined;
  }
  host.log.info(
    `run-experiment post: experiment ${id} is still ${status} after the main step ended: stopping it`,
  );
  const stop = await stopExperiment(fis, id, host.log);
  if (!stop.requested) return `Could not stop experiment ${id}: ${stop.error}`;
  host.log.info(`run-experiment post: stopped experiment ${id} that the main step left ${status}`);
  return undefined;
}
