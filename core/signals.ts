import type { AlarmTransition } from './cloudwatch.js';
import type { Inputs } from './inputs.js';

/**
 * The rules both AWS gates apply to their signals, each in one place (issue 9, "one set of signal
 * rules"). The readers themselves live in core/synthetics.ts (runs, canaries, schedules) and
 * core/cloudwatch.ts (alarms, alarm history).
 */

/** What an alarm in INSUFFICIENT_DATA (no data, so no evidence either way) does to the verdict. */
export const INSUFFICIENT_DATA_TREATMENTS = ['fail', 'warn', 'ignore'] as const;
export type InsufficientDataTreatment = (typeof INSUFFICIENT_DATA_TREATMENTS)[number];
/** No data is no evidence of health: a gate passes on it only when the user says so. */
export const DEFAULT_INSUFFICIENT_DATA: InsufficientDataTreatment = 'fail';
export const INSUFFICIENT_DATA_INPUT = 'insufficient-data';

/** The `insufficient-data` input, the same in every gate. */
export function readInsufficientData(inputs: Inputs): InsufficientDataTreatment {
  return inputs.enumeration(INSUFFICIENT_DATA_INPUT, INSUFFICIENT_DATA_TREATMENTS, DEFAULT_INSUFFICIENT_DATA);
}

/** A failure (the gate fails with it) or a warning (the gate may pass, loudly), never both. */
export type NoDataJudgement = { failure: string } | { warning: string };

/**
 * What alarms without data do to the verdict. `lacked` says what happened, e.g.
 * "alarm orders-errors went to INSUFFICIENT_DATA during the experiment".
 */
export function judgeNoData(
  lacked: string | undefined,
  treatment: InsufficientDataTreatment,
): NoDataJudgement | undefined {
  if (lacked === undefined || treatment === 'ignore') return undefined;
  if (treatment === 'fail') {
    return { failure: `${lacked}: no data is no evidence of health (insufficient-data: fail)` };
  }
  return { warning: `${lacked}: it proved nothing about this deployment (insufficient-data: warn)` };
}

/** "alarm a was ..." / "alarms a, b were ...": the subject of a no-data sentence. */
export function alarmsSubject(
  names: readonly string[],
  singular: string,
  plural: string,
): string | undefined {
  if (names.length === 0) return undefined;
  return `alarm${names.length === 1 ? '' : 's'} ${names.join(', ')} ${names.length === 1 ? singular : plural}`;
}

/**
 * Whether an alarm lacked data at any moment of the window [from, until) (until open when
 * undefined), from its StateUpdate history since the window start (oldest first, possibly reaching
 * past `until`) and its state now: a transition to INSUFFICIENT_DATA inside the window; else the
 * state the window began with, which is the first transition's `from` (it lacked data when the
 * window began), or, with no transition at all since the window start, the state now.
 */
export function lackedDataDuring(
  history: readonly AlarmTransition[],
  stateNow: string | undefined,
  until?: number,
): boolean {
  const NO_DATA = 'INSUFFICIENT_DATA';
  const inWindow = history.filter((transition) => until === undefined || transition.at < until);
  if (inWindow.some((transition) => transition.to === NO_DATA)) return true;
  if (history.length > 0) return history[0]!.from === NO_DATA;
  return stateNow === NO_DATA;
}

/**
 * The one alarm-flap rule: the first transition to ALARM inside [from, until) (until open when
 * undefined). An alarm that went to ALARM and back between two reads is a breach all the same.
 */
export function firstBreach(
  history: readonly AlarmTransition[],
  from: number,
  until?: number,
): AlarmTransition | undefined {
  return history.find((t) => t.to === 'ALARM' && t.at >= from && (until === undefined || t.at < until));
}

/**
 * The one "did this alarm change unseen" rule. DescribeAlarms shows an alarm's state now; an alarm
 * that went to ALARM and back between two reads looks OK at both. Its StateUpdatedTimestamp gives
 * it away: when it moved since the previous read (at the first read: when it lies inside the
 * window), the alarm's StateUpdate history must be read, and `firstBreach` over it decides.
 */
export function alarmChangedUnseen(
  updatedAt: number | undefined,
  updatedAtLastRead: number | undefined,
  windowStart: number,
): boolean {
  return updatedAt !== undefined && updatedAt >= windowStart && updatedAt !== updatedAtLastRead;
}

/** A canary's latest run as one read saw it. */
export interface RunSighting {
  startedAt: number;
  /** False while the run was RUNNING: its outcome was never read. */
  finished: boolean;
  /** The run is an automatic retry of a failed scheduled run (RetryAttempt or ScheduledRunId set). */
  retry: boolean;
}

/** What a canary's configuration says about when its runs come. */
export interface RunCadence {
  /** rate(N) period, N > 0; undefined for cron(), run-once, or a schedule that could not be read. */
  periodMs?: number;
  runOnce: boolean;
  /** Schedule.RetryConfig.MaxRetries; absent means none (AWS omits RetryConfig when unset). */
  maxRetries?: number;
}

/**
 * A new latest run that started less than this many periods after the previous latest run is the
 * next scheduled run: the one after it would start about two periods later, so 1.5 periods leaves
 * half a period of start jitter either way (see mayHaveMissedRun).
 */
export const NEXT_RUN_MAX_PERIODS = 1.5;

/** The previous read saw no run of the window yet; it was made at `at` (AWS's clock). */
export interface NoRunSeen {
  noRunAt: number;
}

/**
 * The one "could a canary run have been missed" rule. DescribeCanariesLastRun shows only the
 * latest run, so a FAILED run followed by a PASSED one between two reads is hidden. Runs of a
 * rate(N) canary start about a period apart; NEXT_RUN_MAX_PERIODS allows each start half a period
 * of jitter, so two consecutive runs start at least half a period apart and runs two apart at
 * least 1.5 periods apart. `latest` (a run not seen before) hides no other run only when all hold;
 * otherwise a run may have been missed and the caller must list the runs (GetCanaryRuns):
 *
 * - the canary runs on a known rate(N) period, not run-once, without retries, and no run involved
 *   is a retry (a retry starts one failed run's duration after it: it fits inside any gap);
 * - the previous read is known: either its latest run, seen finished or started before the window
 *   (a run of the window seen RUNNING has an outcome never read), with `latest` starting after it
 *   and less than NEXT_RUN_MAX_PERIODS periods later; or no run of the window as of `noRunAt`, with
 *   `latest` starting less than half a period after that read (a run in between would start at
 *   least half a period before `latest`).
 */
export function mayHaveMissedRun(
  previous: RunSighting | NoRunSeen | undefined,
  latest: Pick<RunSighting, 'startedAt' | 'retry'>,
  cadence: RunCadence,
  windowStart: number,
): boolean {
  const { periodMs, runOnce, maxRetries } = cadence;
  if (previous === undefined || periodMs === undefined || runOnce || (maxRetries ?? 0) > 0) return true;
  if (latest.retry) return true;
  if ('noRunAt' in previous)
    return latest.startedAt - previous.noRunAt >= (NEXT_RUN_MAX_PERIODS - 1) * periodMs;
  if (previous.retry || (!previous.finished && previous.startedAt >= windowStart)) return true;
  const gap = latest.startedAt - previous.startedAt;
  return !(gap > 0 && gap < NEXT_RUN_MAX_PERIODS * periodMs);
}
