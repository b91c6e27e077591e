import type { AlarmState } from '../../tools/emulator/index.js';

/**
 * A reference oracle for canary-gate over one canary and one alarm, written from the rules in
 * actions/canary-gate/README.md ("Pass and fail, exactly"), not from the gate's code: a gate that
 * looks continuously. It walks the moments at which runs complete, in time order, and at each asks
 * the README's two questions; the first that answers is the verdict. Nothing answered by the
 * deadline: the timeout rules. Every time here is on the emulator's one clock, from its start,
 * which is also `since`.
 */

export const PERIOD_MS = 60_000;

export type RunState = 'PASSED' | 'FAILED';

/** One scheduled run of a `rate(1 minute)` canary, as the emulator's script makes it. */
export interface Run {
  /** Delay after its scheduled time (the k-th run is scheduled at (k + 1) minutes). */
  afterMs: number;
  durationMs: number;
  state: RunState;
  /** EXECUTION_FAILURE: a FAILED run that failed in Synthetics, not in the script. */
  reasonCode?: 'CANARY_FAILURE' | 'EXECUTION_FAILURE';
  /**
   * Its automatic retries, if it fails and the canary retries (`maxRetries`): each starts
   * `afterMs` after the attempt before it ended; they stop at the first pass or at `maxRetries`.
   */
  retries?: Omit<Run, 'retries'>[];
}

export interface Thresholds {
  minRuns: number;
  minSuccessPercent: number;
  consecutivePasses?: number;
}

export interface Timeline {
  thresholds: Thresholds;
  failFast: boolean;
  onTimeout: 'fail' | 'pass' | 'neutral';
  /** `treat-execution-failures-as` (default failure). */
  executionFailures?: 'failure' | 'warning';
  /** The gate's deadline (its start plus its timeout), fixed whatever its start. */
  deadlineMs: number;
  /** Schedule.RetryConfig.MaxRetries; none: the canary has no RetryConfig. */
  maxRetries?: number;
  runs: Run[];
  initialAlarm: AlarmState;
  /** State changes as fractions of the time before the oracle's decision moment. */
  alarmChanges: { at: number; state: AlarmState }[];
}

/** One attempt on the clock. */
export interface Attempt {
  startedAt: number;
  completedAt: number;
  state: RunState;
  /** Failed outside the script (StateReasonCode EXECUTION_FAILURE). */
  execution: boolean;
}

/** A scheduled run on the clock: its attempts (the first, then its retries), in order. */
export interface TimedRun {
  startedAt: number;
  attempts: Attempt[];
  /** How many retries may follow its first attempt. */
  maxRetries: number;
  /** An execution failure as its outcome is left out of the counts (`warning`). */
  ignoreExecutionFailures: boolean;
}

export type Result = 'pass' | 'fail' | 'neutral';

export interface OracleVerdict {
  result: Result;
  /** The moment it was decided: a run's completion, or the deadline. */
  at: number;
  why: 'runs-pass' | 'fail-fast' | 'timeout';
}

export function timedRuns(timeline: Pick<Timeline, 'runs' | 'maxRetries' | 'executionFailures'>): TimedRun[] {
  const maxRetries = timeline.maxRetries ?? 0;
  const ignoreExecutionFailures = timeline.executionFailures === 'warning';
  return timeline.runs.map((run, index) => {
    const attempts: Attempt[] = [];
    let startsAt = (index + 1) * PERIOD_MS + run.afterMs;
    for (const attempt of [run, ...(run.retries ?? [])].slice(0, maxRetries + 1)) {
      attempts.push({
        startedAt: startsAt,
        completedAt: startsAt + attempt.durationMs,
        state: attempt.state,
        execution: attempt.state === 'FAILED' && attempt.reasonCode === 'EXECUTION_FAILURE',
      });
      if (attempt.state === 'PASSED') break;
      startsAt = startsAt + attempt.durationMs + (run.retries?.[attempts.length - 1]?.afterMs ?? 0);
    }
    return { startedAt: attempts[0]!.startedAt, attempts, maxRetries, ignoreExecutionFailures };
  });
}

/** When the scheduled run's last attempt ends. */
const endOf = (run: TimedRun) => run.attempts.at(-1)!.completedAt;

/**
 * A scheduled run at `at`, judged by its latest attempt ("A scheduled run and its automatic
 * retries count once, with the outcome of the latest attempt; a failed attempt that still has
 * retries left is treated as in progress"). At the deadline (`final`) no retry can come: a failed
 * attempt is the run's failure (the README leaves this case open; the gate reads it so). An
 * execution failure with `treat-execution-failures-as: warning` is "left out of the counts".
 */
function standing(run: TimedRun, at: number, final: boolean): RunState | 'RUNNING' | 'LEFT-OUT' {
  const started = run.attempts.filter((attempt) => attempt.startedAt <= at);
  const latest = started.at(-1)!;
  if (latest.completedAt > at) return 'RUNNING';
  if (latest.state === 'PASSED') return 'PASSED';
  if (started.length - 1 < run.maxRetries && !final) return 'RUNNING';
  return latest.execution && run.ignoreExecutionFailures ? 'LEFT-OUT' : 'FAILED';
}

/** The scheduled runs that had started by `at` and count, oldest first, as they stood then. */
function asOf(runs: readonly TimedRun[], at: number, final = false): (RunState | 'RUNNING')[] {
  return runs
    .filter((run) => run.startedAt <= at)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((run) => standing(run, at, final))
    .filter((state) => state !== 'LEFT-OUT');
}

/**
 * "A canary passes when its counted runs meet every threshold even if every run still in progress
 * fails. A pass never rests on a run whose result is not known yet": `min-runs` counts finished
 * runs only; the share and the streak are taken with every running run as a failure.
 */
export function thresholdsHold(states: readonly (RunState | 'RUNNING')[], thresholds: Thresholds): boolean {
  const finished = states.filter((state) => state !== 'RUNNING');
  const worst = states.map((state) => (state === 'PASSED' ? 'PASSED' : 'FAILED'));
  const passed = worst.filter((state) => state === 'PASSED').length;
  const streak = thresholds.consecutivePasses ?? 0;
  return (
    finished.length >= thresholds.minRuns &&
    passed * 100 >= thresholds.minSuccessPercent * worst.length &&
    worst.length >= streak &&
    worst.slice(worst.length - streak).every((state) => state === 'PASSED')
  );
}

/** Completion moments up to the deadline, in time order ("Runs still RUNNING at the timeout are not counted"). */
function moments(runs: readonly TimedRun[], deadline: number): number[] {
  const ends = runs.flatMap((run) => run.attempts.map((attempt) => attempt.completedAt));
  return [...new Set(ends.filter((at) => at <= deadline))].sort((a, b) => a - b);
}

function firstPass(runs: readonly TimedRun[], thresholds: Thresholds, deadline: number, after = 0) {
  return moments(runs, deadline).find((at) => at > after && thresholdsHold(asOf(runs, at), thresholds));
}

/**
 * fail-fast: "a counted failure and, even if every run in progress and every run that can still
 * start before the timeout passed, the thresholds could not be met". The oracle knows the
 * schedule and the durations, so it asks exactly that of the timeline in which every run not yet
 * finished passes. (The gate does not know the durations and bounds the runs to come by the
 * schedule, so it may only decide later; a fail either way.)
 */
function doomed(runs: readonly TimedRun[], at: number, thresholds: Thresholds, deadline: number): boolean {
  if (!asOf(runs, at).includes('FAILED')) return false;
  // Every run not decided at `at` passes, when its last attempt ends (no later than it would).
  const hopeful = runs.map((run) =>
    run.startedAt <= at && standing(run, at, false) !== 'RUNNING'
      ? run
      : {
          ...run,
          attempts: [
            { startedAt: run.startedAt, completedAt: endOf(run), state: 'PASSED' as const, execution: false },
          ],
        },
  );
  return firstPass(hopeful, thresholds, deadline, at) === undefined;
}

/** What the runs decide: the first completion moment that passes or is doomed, else the timeout. */
export function runsVerdict(timeline: Timeline): OracleVerdict {
  const runs = timedRuns(timeline);
  const { thresholds, deadlineMs } = timeline;
  for (const at of moments(runs, deadlineMs)) {
    if (thresholdsHold(asOf(runs, at), thresholds)) return { result: 'pass', at, why: 'runs-pass' };
    if (timeline.failFast && doomed(runs, at, thresholds, deadlineMs)) {
      return { result: 'fail', at, why: 'fail-fast' };
    }
  }
  // "At the timeout, when it does not pass and has at least one counted failure": fail; no
  // counted failure: timed out, and `on-timeout` says what that is.
  const failed = asOf(runs, deadlineMs, true).includes('FAILED');
  return { result: failed ? 'fail' : timeline.onTimeout, at: deadlineMs, why: 'timeout' };
}

/**
 * The alarm as the emulator scripts it: changes at fractions of the runs' decision moment. Alarms
 * are read at the gate's own look, which is at or after that moment: a change after it could
 * legitimately make a slower gate fail where a faster one passed, so none is generated there.
 */
export function alarmTimeline(timeline: Timeline): { atMs: number; state: AlarmState }[] {
  const bound = runsVerdict(timeline).at;
  const changes: { atMs: number; state: AlarmState }[] = [];
  let state = timeline.initialAlarm;
  for (const change of [...timeline.alarmChanges].sort((a, b) => a.at - b.at)) {
    const atMs = Math.floor(change.at * bound);
    if (change.state === state || changes.some((c) => c.atMs === atMs)) continue;
    changes.push({ atMs, state: change.state });
    state = change.state;
  }
  return changes;
}

/**
 * The gate's result. "Any watched alarm in ALARM at some point between since and the end" fails;
 * an alarm INSUFFICIENT_DATA at the last look fails too (`insufficient-data: fail`, the default),
 * whether the runs passed or timed out: `on-timeout` speaks for missing runs, not for alarms.
 * Otherwise a timeout is `on-timeout`'s, as the README's result table puts it.
 */
export function oracle(timeline: Timeline): OracleVerdict {
  const verdict = runsVerdict(timeline);
  const states = [timeline.initialAlarm, ...alarmTimeline(timeline).map((change) => change.state)];
  if (states.includes('ALARM')) return { ...verdict, result: 'fail' };
  if (states.at(-1) !== 'OK') return { ...verdict, result: 'fail' };
  return verdict;
}
