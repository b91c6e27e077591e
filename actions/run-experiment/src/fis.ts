import {
  type Experiment,
  type ExperimentSummary,
  type FisClient,
  GetExperimentCommand,
  ListExperimentResolvedTargetsCommand,
  ListExperimentsCommand,
  type ResolvedTarget,
  StartExperimentCommand,
  StopExperimentCommand,
  TagResourceCommand,
} from '@aws-sdk/client-fis';
import { describeAwsError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { collectPages } from '../../../core/paging.js';
import { type ActionsMode, addActionsMode } from './actions-mode.js';

/** Thin, typed wrappers over the FIS calls the action makes; each pages where the API pages. */
export const EXPERIMENTS_PAGE_SIZE = 100;
export const RESOLVED_TARGETS_PAGE_SIZE = 100;

export interface StartRequest {
  templateId: string;
  clientToken: string;
  tags: Record<string, string>;
  actionsMode: ActionsMode;
}

/**
 * Never given the job's abort signal: a StartExperiment aborted mid-flight may still have started
 * the experiment, and then nobody would know its id to stop it. The caller checks the signal
 * right after, with the id in hand.
 */
export async function startExperiment(fis: FisClient, request: StartRequest): Promise<Experiment> {
  const command = new StartExperimentCommand({
    experimentTemplateId: request.templateId,
    clientToken: request.clientToken,
    tags: request.tags,
  });
  // run-all is FIS's default: only send the field when it changes something.
  if (request.actionsMode !== 'run-all') addActionsMode(command, request.actionsMode);
  const { experiment } = await fis.send(command);
  if (!experiment?.id) throw new Error('StartExperiment returned no experiment id');
  return experiment;
}

export async function getExperiment(fis: FisClient, id: string, signal?: AbortSignal): Promise<Experiment> {
  const { experiment } = await fis.send(new GetExperimentCommand({ id }), { abortSignal: signal });
  if (!experiment) throw new Error(`GetExperiment returned nothing for ${id}`);
  return experiment;
}

export type StopResult = { requested: true } | { requested: false; error: string };

/**
 * StopExperiment must answer within this, or the stop counts as failed (and the post step tries
 * again): a call that never answers would otherwise hold the step while the fault goes on, and
 * GitHub kills a cancelled job about 10 s after SIGINT.
 */
export const STOP_CALL_TIMEOUT_MS = 5_000;
/** The tag that records "this step stopped it" answers within this, or the stop goes on without it. */
export const TAG_CALL_TIMEOUT_MS = 2_000;

/** StopExperiment, bounded; an experiment that already ended is not an error. */
export async function stopExperiment(
  fis: FisClient,
  id: string,
  log: Logger,
  timeoutMs: number = STOP_CALL_TIMEOUT_MS,
): Promise<StopResult> {
  try {
    const { experiment } = await fis.send(new StopExperimentCommand({ id }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    log.info(`StopExperiment accepted: experiment ${id} is ${experiment?.state?.status ?? 'stopping'}`);
    return { requested: true };
  } catch (error) {
    const message = describeAwsError(error, `StopExperiment ${id}`);
    log.warning(message);
    return { requested: false, error: message };
  }
}

/** TagResource on an experiment, bounded; a failure is returned, never thrown. */
export async function tagExperiment(
  fis: FisClient,
  arn: string,
  tags: Record<string, string>,
  timeoutMs: number = TAG_CALL_TIMEOUT_MS,
): Promise<string | undefined> {
  try {
    await fis.send(new TagResourceCommand({ resourceArn: arn, tags }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return undefined;
  } catch (error) {
    return describeAwsError(error, `TagResource ${arn}`);
  }
}

export function listAllExperiments(fis: FisClient, signal?: AbortSignal): Promise<ExperimentSummary[]> {
  return collectPages('ListExperiments', async (nextToken) => {
    const page = await fis.send(
      new ListExperimentsCommand({ maxResults: EXPERIMENTS_PAGE_SIZE, nextToken }),
      {
        abortSignal: signal,
      },
    );
    return { items: page.experiments, next: page.nextToken };
  });
}

export function listResolvedTargets(
  fis: FisClient,
  experimentId: string,
  signal?: AbortSignal,
): Promise<ResolvedTarget[]> {
  return collectPages('ListExperimentResolvedTargets', async (nextToken) => {
    const page = await fis.send(
      new ListExperimentResolvedTargetsCommand({
        experimentId,
        maxResults: RESOLVED_TARGETS_PAGE_SIZE,
        nextToken,
      }),
      { abortSignal: signal },
    );
    return { items: page.resolvedTargets, next: page.nextToken };
  });
}

export function consoleUrl(region: string, experimentId: string): string {
  return `https://${region}.console.aws.amazon.com/fis/home?region=${region}#ExperimentDetails:ExperimentId=${experimentId}`;
}

/** `inject-latency running, stop-instances pending`: the action-level states in one line. */
export function describeActions(experiment: Experiment): string {
  const actions = Object.entries(experiment.actions ?? {});
  if (actions.length === 0) return 'no actions';
  return actions.map(([name, action]) => `${name} ${action.state?.status ?? 'unknown'}`).join(', ');
}

export function describeExperimentState(experiment: Experiment): string {
  const reason = experiment.state?.reason ? ` (${experiment.state.reason})` : '';
  return `${experiment.state?.status ?? 'unknown'}${reason}; actions: ${describeActions(experiment)}`;
}
