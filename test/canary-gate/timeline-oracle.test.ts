import { describe, expect, it } from 'vitest';
import { oracle, type Run, type Timeline } from './timeline-oracle.js';

/** The reference oracle of the canary-gate property, on timelines worked out by hand. */
const S = 1_000;
const run = (durationS: number, state: Run['state'] = 'PASSED', afterS = 0): Run => ({
  afterMs: afterS * S,
  durationMs: durationS * S,
  state,
});
const base: Timeline = {
  thresholds: { minRuns: 1, minSuccessPercent: 100 },
  failFast: true,
  onTimeout: 'fail',
  deadlineMs: 600 * S,
  runs: [],
  initialAlarm: 'OK',
  alarmChanges: [],
};
const timeline = (changes: Partial<Timeline>): Timeline => ({ ...base, ...changes });

describe('the canary-gate reference oracle', () => {
  it('passes at the completion that meets min-runs', () => {
    const t = timeline({ thresholds: { minRuns: 2, minSuccessPercent: 100 }, runs: [run(10), run(10)] });
    expect(oracle(t)).toEqual({ result: 'pass', at: 130 * S, why: 'runs-pass' });
  });

  it('does not pass while an earlier run, overlapping, is still in flight and could fail', () => {
    // Run 1: 60 s -> 150 s; run 2: 120 s -> 125 s. At 125 s one of two may still fail.
    expect(oracle(timeline({ runs: [run(90), run(5)] }))).toMatchObject({ result: 'pass', at: 150 * S });
  });

  it('counts failures against min-success-percent and consecutive-passes', () => {
    const half = timeline({
      thresholds: { minRuns: 2, minSuccessPercent: 50 },
      runs: [run(10, 'FAILED'), run(10)],
    });
    expect(oracle(half)).toMatchObject({ result: 'pass', at: 130 * S });
    const streak = timeline({
      thresholds: { minRuns: 1, minSuccessPercent: 0, consecutivePasses: 2 },
      runs: [run(10), run(10, 'FAILED'), run(10), run(10)],
    });
    expect(oracle(streak)).toMatchObject({ result: 'pass', at: 250 * S });
  });

  it('fails fast only when no pass can come before the deadline', () => {
    const any = timeline({ runs: [run(10, 'FAILED'), run(10)] });
    expect(oracle(any)).toEqual({ result: 'fail', at: 70 * S, why: 'fail-fast' });
    // At least 3 runs, half of them passed, after two failures: two passes, by 250 s.
    const reachable = timeline({
      thresholds: { minRuns: 3, minSuccessPercent: 50 },
      runs: [run(10, 'FAILED'), run(10, 'FAILED'), run(10), run(10), run(10)],
    });
    expect(oracle(reachable)).toMatchObject({ result: 'pass', at: 250 * S });
    const late = { ...reachable, deadlineMs: 245 * S };
    expect(oracle(late)).toEqual({ result: 'fail', at: 130 * S, why: 'fail-fast' });
    expect(oracle({ ...late, failFast: false })).toEqual({ result: 'fail', at: 245 * S, why: 'timeout' });
  });

  it('times out with on-timeout when no run failed, and does not count a run that ends after the deadline', () => {
    const t = timeline({ deadlineMs: 90 * S, runs: [run(31)] });
    expect(oracle(t)).toEqual({ result: 'fail', at: 90 * S, why: 'timeout' });
    expect(oracle({ ...t, onTimeout: 'neutral' })).toMatchObject({ result: 'neutral' });
  });

  it('counts a scheduled run and its retries once, with the latest attempt', () => {
    const retried: Run = { ...run(10, 'FAILED'), retries: [run(10, 'PASSED', 5), run(10, 'PASSED', 5)] };
    // No RetryConfig: the failure is final.
    expect(oracle(timeline({ runs: [retried] }))).toMatchObject({ result: 'fail', at: 70 * S });
    // MaxRetries 1: in progress from 70 s until the retry (75 s -> 85 s) passes.
    expect(oracle(timeline({ maxRetries: 1, runs: [retried] }))).toEqual({
      result: 'pass',
      at: 85 * S,
      why: 'runs-pass',
    });
    // Still waiting for the retry at the deadline: no retry can come, the failure stands.
    const pending = timeline({ maxRetries: 1, deadlineMs: 72 * S, runs: [retried] });
    expect(oracle(pending)).toEqual({ result: 'fail', at: 72 * S, why: 'timeout' });
  });

  it('leaves execution failures out of the counts with treat-execution-failures-as: warning', () => {
    const runs = [{ ...run(10, 'FAILED'), reasonCode: 'EXECUTION_FAILURE' as const }, run(10)];
    expect(oracle(timeline({ runs }))).toMatchObject({ result: 'fail', at: 70 * S, why: 'fail-fast' });
    expect(oracle(timeline({ runs, executionFailures: 'warning' }))).toMatchObject({
      result: 'pass',
      at: 130 * S,
    });
  });

  it('fails on ALARM in the window, and a pass on INSUFFICIENT_DATA at the last look', () => {
    const alarmed = timeline({ runs: [run(10)], alarmChanges: [{ at: 0.5, state: 'ALARM' }] });
    expect(oracle(alarmed)).toMatchObject({ result: 'fail' });
    const recovered = timeline({
      runs: [run(10)],
      alarmChanges: [
        { at: 0.2, state: 'ALARM' },
        { at: 0.4, state: 'OK' },
      ],
    });
    expect(oracle(recovered)).toMatchObject({ result: 'fail' });
    expect(oracle(timeline({ runs: [run(10)], initialAlarm: 'INSUFFICIENT_DATA' }))).toMatchObject({
      result: 'fail',
    });
  });
});
