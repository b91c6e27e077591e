import { describe, expect, it } from 'vitest';
import {
  alarmChangedUnseen,
  firstBreach,
  lackedDataDuring,
  mayHaveMissedRun,
  NEXT_RUN_MAX_PERIODS,
  type RunCadence,
  type RunSighting,
} from '../../core/signals.js';

const MINUTE_MS = 60_000;
const EVERY_5_MIN: RunCadence = { runOnce: false, periodMs: 5 * MINUTE_MS };
const finished = (startedAt: number, retry = false): RunSighting => ({ startedAt, finished: true, retry });

describe('alarmChangedUnseen: the one alarm-flap rule', () => {
  const windowStart = 1_000_000;

  it('at the first read, a state update inside the window needs the history; one before it does not', () => {
    expect(alarmChangedUnseen(windowStart + 1, undefined, windowStart)).toBe(true);
    expect(alarmChangedUnseen(windowStart, undefined, windowStart)).toBe(true);
    expect(alarmChangedUnseen(windowStart - 1, undefined, windowStart)).toBe(false);
  });

  it('later, only a moved timestamp needs the history', () => {
    expect(alarmChangedUnseen(windowStart + 5, windowStart + 5, windowStart)).toBe(false);
    expect(alarmChangedUnseen(windowStart + 9, windowStart + 5, windowStart)).toBe(true);
  });

  it('an alarm without a timestamp gives nothing to compare', () => {
    expect(alarmChangedUnseen(undefined, undefined, windowStart)).toBe(false);
  });

  it('firstBreach finds the flap inside the window only', () => {
    const history = [
      { at: 10, from: 'OK', to: 'ALARM' },
      { at: 20, from: 'ALARM', to: 'OK' },
      { at: 30, from: 'OK', to: 'ALARM' },
      { at: 40, from: 'ALARM', to: 'OK' },
    ];
    expect(firstBreach(history, 15)?.at).toBe(30);
    expect(firstBreach(history, 15, 30)).toBeUndefined();
    expect(firstBreach(history, 0)?.at).toBe(10);
  });
});

describe('mayHaveMissedRun: the one "could a run have been missed" rule', () => {
  const t0 = 10 * MINUTE_MS;

  it('the next scheduled run, up to 1.5 periods after the one seen finished, hides nothing', () => {
    expect(
      mayHaveMissedRun(finished(t0), { startedAt: t0 + 5 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0),
    ).toBe(false);
    // Start jitter either way.
    expect(
      mayHaveMissedRun(finished(t0), { startedAt: t0 + 4 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0),
    ).toBe(false);
    expect(
      mayHaveMissedRun(finished(t0), { startedAt: t0 + 7 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0),
    ).toBe(false);
  });

  it('a run two periods later may hide the one between', () => {
    const limit = NEXT_RUN_MAX_PERIODS * 5 * MINUTE_MS;
    expect(mayHaveMissedRun(finished(t0), { startedAt: t0 + limit, retry: false }, EVERY_5_MIN, 0)).toBe(
      true,
    );
    expect(
      mayHaveMissedRun(finished(t0), { startedAt: t0 + 10 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0),
    ).toBe(true);
  });

  it('nothing seen before, or a run seen still RUNNING, is never proof', () => {
    expect(mayHaveMissedRun(undefined, { startedAt: t0, retry: false }, EVERY_5_MIN, 0)).toBe(true);
    const running: RunSighting = { startedAt: t0, finished: false, retry: false };
    expect(mayHaveMissedRun(running, { startedAt: t0 + 5 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0)).toBe(
      true,
    );
  });

  it('retries, run-once canaries and unknown periods always need the list of runs', () => {
    const next = { startedAt: t0 + 5 * MINUTE_MS, retry: false };
    // A failed run retried 2 s later: the retry fits inside any gap.
    expect(mayHaveMissedRun(finished(t0), next, { ...EVERY_5_MIN, maxRetries: 1 }, 0)).toBe(true);
    expect(mayHaveMissedRun(finished(t0), { ...next, retry: true }, EVERY_5_MIN, 0)).toBe(true);
    expect(mayHaveMissedRun(finished(t0, true), next, EVERY_5_MIN, 0)).toBe(true);
    expect(mayHaveMissedRun(finished(t0), next, { runOnce: true }, 0)).toBe(true);
    expect(mayHaveMissedRun(finished(t0), next, { runOnce: false }, 0)).toBe(true);
    expect(mayHaveMissedRun(finished(t0), next, { ...EVERY_5_MIN, maxRetries: 0 }, 0)).toBe(false);
  });

  it('a run from before the window seen RUNNING does not count: its outcome is not evidence', () => {
    const running: RunSighting = { startedAt: t0, finished: false, retry: false };
    const next = { startedAt: t0 + 5 * MINUTE_MS, retry: false };
    expect(mayHaveMissedRun(running, next, EVERY_5_MIN, t0 + 1)).toBe(false);
    expect(mayHaveMissedRun(running, next, EVERY_5_MIN, t0)).toBe(true);
  });

  it('after a read that saw no run of the window, a run within half a period of it hides nothing', () => {
    const read = { noRunAt: t0 };
    expect(mayHaveMissedRun(read, { startedAt: t0 + 2 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0)).toBe(
      false,
    );
    expect(mayHaveMissedRun(read, { startedAt: t0 + 2.5 * MINUTE_MS, retry: false }, EVERY_5_MIN, 0)).toBe(
      true,
    );
    expect(mayHaveMissedRun(read, { startedAt: t0 + MINUTE_MS, retry: true }, EVERY_5_MIN, 0)).toBe(true);
    expect(mayHaveMissedRun(read, { startedAt: t0 + MINUTE_MS, retry: false }, { runOnce: false }, 0)).toBe(
      true,
    );
  });

  it('a run that did not start after the one seen is not the next run', () => {
    expect(mayHaveMissedRun(finished(t0), { startedAt: t0 - 1, retry: false }, EVERY_5_MIN, 0)).toBe(true);
  });
});

describe('lackedDataDuring: the window, not what a later read saw', () => {
  it('a change to INSUFFICIENT_DATA after the window does not count; the state the window had does', () => {
    const afterEnd = [{ at: 200, from: 'OK', to: 'INSUFFICIENT_DATA' }];
    expect(lackedDataDuring(afterEnd, 'INSUFFICIENT_DATA', 100)).toBe(false);
    expect(lackedDataDuring(afterEnd, 'INSUFFICIENT_DATA')).toBe(true);
    const noDataUntilAfter = [{ at: 200, from: 'INSUFFICIENT_DATA', to: 'OK' }];
    expect(lackedDataDuring(noDataUntilAfter, 'OK', 100)).toBe(true);
    expect(lackedDataDuring([], 'INSUFFICIENT_DATA', 100)).toBe(true);
    expect(lackedDataDuring([{ at: 50, from: 'OK', to: 'INSUFFICIENT_DATA' }], 'OK', 100)).toBe(true);
  });
});
