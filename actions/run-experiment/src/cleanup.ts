import { FisClient } from '@aws-sdk/client-fis';
import { awsClientOptions, readAwsSettings } from '../../../core/aws.js';
import { describeAwsError } from '../../../core/errors.js';
import type { Host } from '../../../core/host.js';
import { getExperiment, stopExperiment } from './fis.js';
import { mayStillInject } from './outcome.js';

/**
 * The `post:` step's whole job, in a module of its own: the post bundle imports this file only,
 * so it carries the FIS client and nothing of the main step (CloudWatch, Synthetics, reports).
 */
export const ACTION_NAME = 'run-experiment';
/** Names in GITHUB_STATE, written by the main step and read by the post step. */
export const STATE_EXPERIMENT_ID = 'experiment-id';
export const STATE_FINISHED_ID = 'finished-experiment-id';

/**
 * The `post:` step (post-if: always()). The main step saves the experiment id right after
 * StartExperiment and a `finished` marker once it has ended; if the main step was killed before
 * that, the experiment may still be injecting faults: stop it.
 */
export async function stopLeftoverExperiment(host: Host): Promise<void> {
  const id = host.getState(STATE_EXPERIMENT_ID);
  if (!id) {
    host.log.debug('run-experiment post: no experiment was started, nothing to clean up');
    return;
  }
  if (host.getState(STATE_FINISHED_ID) === id) {
    host.log.info(`run-experiment post: experiment ${id} was settled by the main step, nothing to clean up`);
    return;
  }
  const fis = new FisClient(
    awsClientOptions('FIS', ACTION_NAME, readAwsSettings(host.inputs, host.env), host.env),
  );
  let status = 'unknown';
  try {
    status = (await getExperiment(fis, id)).state?.status ?? 'unknown';
  } catch (error) {
    host.log.warning(`${describeAwsError(error, `GetExperiment ${id}`)}; stopping it anyway`);
  }
  // 'unknown' (GetExperiment failed) and statuses this code does not know are stopped too.
  if (!mayStillInject(status)) {
    host.log.info(`run-experiment post: experiment ${id} is ${status}, nothing to stop`);
    return;
  }
  host.log.info(
    `run-experiment post: experiment ${id} is still ${status} after the main step ended: stopping it`,
  );
  const stop = await stopExperiment(fis, id, host.log);
  if (!stop.requested) throw new Error(`Could not stop experiment ${id}: ${stop.error}`);
  host.log.info(`run-experiment post: stopped experiment ${id} that the main step left ${status}`);
}
