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
  /** AWS's time (core/aws.ts AwsClock), on which canary runs are compared with read times. */
  awsNow?: () => number;
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

/** Each change of the experiment's or an action's state, once, in the timeline and the log. */
class TimelineRecorder {
  readonly entries: TimelineEntry[] = [];
  private lastKey = '';

  constructor(
    private readonly deps: Pick<WatchDeps, 'clock' | 'log'>,
    private readonly experimentId: string,
    private readonly started: number,
  ) {}

  record(experiment: Experiment): void {
    const actions = actionStatuses(experiment);
    const key = JSON.stringify([experiment.state?.status, experiment.state?.reason, actions]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const now = this.deps.clock.now();
    this.entries.push({
      at: new Date(now).toISOString(),
      elapsedMs: now - this.started,
      status: experiment.state?.status ?? 'unknown',
      ...(experiment.state?.reason ? { reason: experiment.state.reason } : {}),
      actions,
    });
    const reason = experiment.state?.reason ? ` (${experiment.state.reason})` : '';
    this.deps.log.info(
      `[${formatDuration(now - this.started)}] Experiment ${this.experimentId} is ${experiment.state?.status}${reason}; actions: ${describeActions(experiment)}`,
    );
  }
}

/** The steady-state watcher, when there is a steady state to watch. */
function steadyStateWatcher(deps: WatchDeps, options: WatchOptions, started: number) {
  if (options.steadyStateAlarms.length === 0 && options.steadyStateCanaries.length === 0) return undefined;
  return new SteadyStateWatcher(
    deps,
    options.steadyStateAlarms,
    options.steadyStateCanaries,
    options.since?.getTime() ?? started,
    deps.awsNow ?? (() => deps.clock.now()),
    deps.log,
  );
}

/** One poll: GetExperiment and the steady-state signals side by side. */
async function observe(
  deps: WatchDeps,
  experimentId: string,
  watcher: SteadyStateWatcher | undefined,
  signal: AbortSignal | undefined,
): Promise<Observation> {
  const [experiment, read] = await Promise.all([
    getExperiment(deps.fis, experimentId, signal),
    watcher ? watcher.read(signal) : Promise.resolve(undefined),
  ]);
  const steadyState = read?.snapshot;
  const breaches = read?.breaches ?? {};
  const breach = breaches.alarm ?? breaches.canary;
  return { experiment, ...(steadyState ? { steadyState } : {}), ...(breach ? { breach } : {}), breaches };
}

/**
 * A breach stops the watch while the fault may still be injected (an unknown status included):
 * once FIS is stopping (a stop condition fired) the gate waits for the end instead.
 */
function watchIsOver(value: Observation): boolean {
  const status = value.experiment.state?.status;
  return isTerminalStatus(status) || (value.breach !== undefined && mayStillInject(status));
}

/**
 * Polls GetExperiment (and the steady-state signals, in the same poll) with the core waiter until
 * the experiment ends, a breach is seen, the timeout runs out or the job is cancelled. Each
 * change of the experiment's or an action's state is logged once.
 */
export async function watchExperiment(deps: WatchDeps, options: WatchOptions): Promise<WatchResult> {
  const started = deps.clock.now();
  const timeline = new TimelineRecorder(deps, options.experimentId, started);
  const watcher = steadyStateWatcher(deps, options, started);
  let lastSteadyState: SteadyStateSnapshot | undefined;
  let breachSeen: string | undefined;
  const breachesSeen: Breaches = {};
  const result = await waitFor<Observation>({
    what: `experiment ${options.experimentId} to end`,
    poll: (signal) => observe(deps, options.experimentId, watcher, signal),
    done: watchIsOver,
    describe: (value) => describeExperimentState(value.experiment),
    intervalMs: options.intervalMs,
    timeoutMs: options.timeoutMs,
    log: deps.log,
    clock: deps.clock,
    sleep: deps.sleep,
    signal: deps.signal,
    onValue: (value) => {
      lastSteadyState = value.steadyState ?? lastSteadyState;
      // A poll that finds FIS ended reads signals from after the window: what they show then
      // depends on when that poll fell. The window itself is judged from the alarms' history and
      // the canaries' runs once FIS has ended (experiment.ts), whatever the ticks saw.
      if (!isTerminalStatus(value.experiment.state?.status)) {
        breachSeen ??= value.breach;
        breachesSeen.alarm ??= value.breaches.alarm;
        breachesSeen.canary ??= value.breaches.canary;
      }
      timeline.record(value.experiment);
    },
    ...(deps.random ? { random: deps.random } : {}),
  });
  return {
    result,
    timeline: timeline.entries,
    ...(lastSteadyState ? { lastSteadyState } : {}),
    ...(breachSeen ? { breachSeen } : {}),
    breachesSeen,
  };
}
