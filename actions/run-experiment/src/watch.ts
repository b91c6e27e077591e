import type { Experiment, FisClient } from '@aws-sdk/client-fis';
import type { Clock, Sleep } from '../../../core/clock.js';
import { formatDuration } from '../../../core/duration.js';
import type { Logger } from '../../../core/log.js';
import { type WaitResult, waitFor } from '../../../core/wait.js';
import { describeActions, describeExperimentState, getExperiment } from './fis.js';
import { isTerminalStatus, mayStillInject } from './outcome.js';
import {
  type Breaches,
  type SteadyStateClients,
  type SteadyStateSnapshot,
  SteadyStateWatcher,
} from './steady-state.js';

/** One observed change of the experiment or of any of its actions. */
export interface TimelineEntry {
  /** ISO time on the gate's clock. */
  at: string;
  elapsedMs: number;
  status: string;
  reason?: string;
  actions: Record<string, string>;
}

export interface WatchDeps extends SteadyStateClients {
  fis: FisClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal;
  random?: () => number;
}

export interface WatchOptions {
  experimentId: string;
  intervalMs: number;
  timeoutMs: number;
  steadyStateAlarms: readonly string[];
  steadyStateCanaries: readonly string[];
  /** Canary runs that started before this say nothing about the fault. */
  since?: Date;
}

export interface Observation {
  experiment: Experiment;
  steadyState?: SteadyStateSnapshot;
  /** The first breach in this poll's snapshot (an alarm before a canary). */
  breach?: string;
  breaches: Breaches;
}

export interface WatchResult {
  result: WaitResult<Observation>;
  timeline: TimelineEntry[];
  lastSteadyState?: SteadyStateSnapshot;
  /** The first breach seen at any point, including while FIS was already stopping or done. */
  breachSeen?: string;
  /** The first breach of each kind: recovery-timeout forgives alarms that recover, not canary failures. */
  breachesSeen: Breaches;
}

export function actionStatuses(experiment: Experiment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(experiment.actions ?? {}).map(([name, action]) => [
      name,
      action.state?.status ?? 'unknown',
    ]),
  );
}

/**
 * Polls GetExperiment (and the steady-state signals, in the same poll) with the core waiter until
 * the experiment ends, a breach is seen, the timeout runs out or the job is cancelled. Each
 * change of the experiment's or an action's state is logged once.
 */
export async function watchExperiment(deps: WatchDeps, options: WatchOptions): Promise<WatchResult> {
  const timeline: TimelineEntry[] = [];
  const started = deps.clock.now();
  let lastKey = '';
  let lastSteadyState: SteadyStateSnapshot | undefined;
  let breachSeen: string | undefined;
  const breachesSeen: Breaches = {};
  const watchSteadyState = options.steadyStateAlarms.length > 0 || options.steadyStateCanaries.length > 0;
  const watcher = watchSteadyState
    ? new SteadyStateWatcher(
        deps,
        options.steadyStateAlarms,
        options.steadyStateCanaries,
        options.since?.getTime() ?? started,
        () => deps.clock.now(),
        deps.log,
      )
    : undefined;

  const poll = async (signal: AbortSignal | undefined): Promise<Observation> => {
    const [experiment, read] = await Promise.all([
      getExperiment(deps.fis, options.experimentId, signal),
      watcher ? watcher.read(signal) : Promise.resolve(undefined),
    ]);
    const steadyState = read?.snapshot;
    if (steadyState) lastSteadyState = steadyState;
    const breaches = read?.breaches ?? {};
    const breach = breaches.alarm ?? breaches.canary;
    return { experiment, ...(steadyState ? { steadyState } : {}), ...(breach ? { breach } : {}), breaches };
  };

  const onValue = ({ experiment, breach, breaches }: Observation) => {
    breachSeen ??= breach;
    breachesSeen.alarm ??= breaches.alarm;
    breachesSeen.canary ??= breaches.canary;
    const actions = actionStatuses(experiment);
    const key = JSON.stringify([experiment.state?.status, experiment.state?.reason, actions]);
    if (key === lastKey) return;
    lastKey = key;
    const now = deps.clock.now();
    timeline.push({
      at: new Date(now).toISOString(),
      elapsedMs: now - started,
      status: experiment.state?.status ?? 'unknown',
      ...(experiment.state?.reason ? { reason: experiment.state.reason } : {}),
      actions,
    });
    const reason = experiment.state?.reason ? ` (${experiment.state.reason})` : '';
    deps.log.info(
      `[${formatDuration(now - started)}] Experiment ${options.experimentId} is ${experiment.state?.status}${reason}; actions: ${describeActions(experiment)}`,
    );
  };

  const result = await waitFor<Observation>({
    what: `experiment ${options.experimentId} to end`,
    poll,
    // A breach stops the watch while the fault may still be injected (an unknown status included):
    // once FIS is stopping (a stop condition fired) the gate waits for the end instead.
    done: (value) =>
      isTerminalStatus(value.experiment.state?.status) ||
      (value.breach !== undefined && mayStillInject(value.experiment.state?.status)),
    describe: (value) => describeExperimentState(value.experiment),
    intervalMs: options.intervalMs,
    timeoutMs: options.timeoutMs,
    log: deps.log,
    clock: deps.clock,
    sleep: deps.sleep,
    signal: deps.signal,
    onValue,
    ...(deps.random ? { random: deps.random } : {}),
  });
  return {
    result,
    timeline,
    ...(lastSteadyState ? { lastSteadyState } : {}),
    ...(breachSeen ? { breachSeen } : {}),
    breachesSeen,
  };
}
