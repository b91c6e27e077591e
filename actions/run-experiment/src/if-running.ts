import { type ExperimentSummary, type FisClient, ListExperimentsCommand } from '@aws-sdk/client-fis';
import { cancelReason } from '../../../core/cancel.js';
import type { Clock, Sleep } from '../../../core/clock.js';
import { formatDuration } from '../../../core/duration.js';
import type { Logger } from '../../../core/log.js';
import { collectPages } from '../../../core/paging.js';
import { waitFor } from '../../../core/wait.js';
import { EXPERIMENTS_PAGE_SIZE } from './fis.js';
import { isTerminalStatus } from './outcome.js';
import { rewriteSerializedRequest } from './serialized-request.js';
import { CLIENT_TOKEN_TAG, type IfRunning } from './state.js';

/**
 * `if-running`: what the gate does when another experiment of the same template is already in
 * progress (issue 14, as steadybit/run-experiment retries while one is running). Two faults at
 * once prove nothing about either, so nothing is ever started while another is in progress:
 * - `fail` (default): the gate fails before StartExperiment, naming the experiment in progress.
 * - `wait`: the gate polls until none is in progress, bounded by `timeout`, then goes on (the
 *   preflight, then StartExperiment). Still in progress at the timeout: it fails, naming it.
 *
 * In progress is every status that is not final (API reference, ExperimentState: pending,
 * initiating, running, completed, stopping, stopped, failed, cancelled; the final ones are
 * outcome.ts FIS_TERMINAL_STATUSES). `stopping` counts: its actions are still being rolled back.
 * A status this code does not know counts too: waiting for nothing is cheaper than two faults.
 * An experiment tagged with this step's own client token is this step's (a retried step): FIS
 * hands it back for the same token instead of starting a second, so it is not "another".
 */

export interface IfRunningDeps {
  fis: FisClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal;
}

export interface IfRunningOptions {
  templateId: string;
  clientToken: string;
  mode: IfRunning;
  timeoutMs: number;
  pollIntervalMs: number;
}

/** What the gate waited for, for the JSON report: the experiments in progress at the first look. */
export interface IfRunningFacts {
  mode: IfRunning;
  waitedMs: number;
  waitedFor: string[];
}

export type IfRunningResult = ({ ok: true } & IfRunningFacts) | { ok: false; reason: string };

export const TEMPLATE_FILTER_MIDDLEWARE = 'resilienceGatesExperimentTemplateFilter';

/**
 * ListExperiments takes `experimentTemplateId` as a query parameter (API reference,
 * ListExperiments: `GET /experiments?experimentTemplateId=...&maxResults=...&nextToken=...`,
 * maxResults 1-100), which @aws-sdk/client-fis 3.523.0 (the newest the registry serves) does not
 * know: it is added to the serialized query (see serialized-request.ts).
 */
export function addTemplateFilter(command: ListExperimentsCommand, templateId: string): void {
  rewriteSerializedRequest(command, TEMPLATE_FILTER_MIDDLEWARE, (request) => {
    request.query = { ...(request.query ?? {}), experimentTemplateId: templateId };
  });
}

/** Every experiment of the template, over all pages (filtered by FIS, and checked again here). */
export async function listTemplateExperiments(
  fis: FisClient,
  templateId: string,
  signal?: AbortSignal,
): Promise<ExperimentSummary[]> {
  const all = await collectPages('ListExperiments', async (nextToken) => {
    const command = new ListExperimentsCommand({ maxResults: EXPERIMENTS_PAGE_SIZE, nextToken });
    addTemplateFilter(command, templateId);
    const page = await fis.send(command, { abortSignal: signal });
    return { items: page.experiments, next: page.nextToken };
  });
  // An endpoint that ignores the filter (an older API) must not make other templates count.
  return all.filter((experiment) => experiment.experimentTemplateId === templateId);
}

/** The other experiments of the template still in progress: the one rule (preflight uses it too). */
export async function experimentsInProgress(
  fis: FisClient,
  templateId: string,
  clientToken: string,
  signal?: AbortSignal,
): Promise<ExperimentSummary[]> {
  const experiments = await listTemplateExperiments(fis, templateId, signal);
  return experiments.filter(
    (e) => !isTerminalStatus(e.state?.status) && e.tags?.[CLIENT_TOKEN_TAG] !== clientToken,
  );
}

/** `EXP1 (running), EXP2 (stopping)` */
export function describeInProgress(experiments: readonly ExperimentSummary[]): string {
  return experiments.map((e) => `${e.id} (${e.state?.status ?? 'no status'})`).join(', ');
}

/** Settles `if-running` before anything is started: ok to go on, or the reason not to start. */
export async function settleIfRunning(
  deps: IfRunningDeps,
  options: IfRunningOptions,
): Promise<IfRunningResult> {
  const running = await experimentsInProgress(deps.fis, options.templateId, options.clientToken, deps.signal);
  if (running.length === 0) return { ok: true, mode: options.mode, waitedMs: 0, waitedFor: [] };
  const what = `experiment ${describeInProgress(running)} of template ${options.templateId}`;
  if (options.mode === 'fail') {
    return {
      ok: false,
      reason: `${what} is in progress and if-running is fail (set if-running: wait to wait for it to end)`,
    };
  }
  deps.log.info(
    `Waiting for ${what} to end (if-running: wait, at most ${formatDuration(options.timeoutMs)})`,
  );
  return waitUntilNoneInProgress(deps, options, running);
}

async function waitUntilNoneInProgress(
  deps: IfRunningDeps,
  options: IfRunningOptions,
  running: ExperimentSummary[],
): Promise<IfRunningResult> {
  const { templateId, clientToken } = options;
  const begin = deps.clock.now();
  const result = await waitFor({
    what: `the other experiments of template ${templateId} to end`,
    poll: (signal) => experimentsInProgress(deps.fis, templateId, clientToken, signal),
    done: (experiments) => experiments.length === 0,
    describe: (experiments) => `in progress: ${describeInProgress(experiments)}`,
    intervalMs: options.pollIntervalMs,
    timeoutMs: options.timeoutMs,
    log: deps.log,
    clock: deps.clock,
    sleep: deps.sleep,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const waitedMs = deps.clock.now() - begin;
  if (result.status === 'done') {
    deps.log.info(
      `No other experiment of template ${templateId} in progress after ${formatDuration(waitedMs)}`,
    );
    return { ok: true, mode: options.mode, waitedMs, waitedFor: running.map((e) => e.id ?? '') };
  }
  const last = result.last && result.last.length > 0 ? result.last : running;
  const still = `experiment ${describeInProgress(last)} of template ${templateId}`;
  if (result.status === 'aborted') {
    return {
      ok: false,
      reason: `the job was cancelled (${cancelReason(deps.signal)}) while waiting for ${still} to end`,
    };
  }
  return {
    ok: false,
    reason: `${still} was still in progress after waiting ${formatDuration(options.timeoutMs)} (if-running: wait, bounded by timeout)`,
  };
}
