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
 * Whether an alarm lacked data at any moment of a window, from its StateUpdate history inside the
 * window (oldest first) and its state now: a transition to INSUFFICIENT_DATA in the window, a
 * first transition out of it (it lacked data when the window began), or no transition at all
 * while it is INSUFFICIENT_DATA now (it lacked data throughout).
 */
export function lackedDataDuring(history: readonly AlarmTransition[], stateNow: string | undefined): boolean {
  const NO_DATA = 'INSUFFICIENT_DATA';
  if (history.some((transition) => transition.to === NO_DATA)) return true;
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
