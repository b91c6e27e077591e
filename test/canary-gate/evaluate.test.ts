import { describe, expect, it } from 'vitest';
import {
  type EvaluationContext,
  evaluateCanary,
  groupAttempts,
  isExecutionFailure,
  maxNewRuns,
} from '../../actions/canary-gate/src/evaluate.js';
import type { Thresholds } from '../../actions/canary-gate/src/settings.js';
import type { CanaryInfo, RunRecord } from '../../actions/canary-gate/src/types.js';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const canary: CanaryInfo = {
  name: 'api',
  state: 'RUNNING',
  schedule: 'rate(1 minute)',
  runOnce: false,
  periodMs: MINUTE,
};
const thresholds: Thresholds = {
  minRuns: 1,
  minSuccessPercent: 100,
  failFast: true,
  treatExecutionFailuresAs: 'failure',
};

function ctx(overrides: Partial<EvaluationContext> = {}, t: Partial<Thresholds> = {}): EvaluationContext {
  return {
    now: T0 + 10 * MINUTE,
    deadline: T0 + 15 * MINUTE,
    since: T0,
    thresholds: { ...thresholds, ...t },
    trigger: 'auto',
    final: false,
    ...overrides,
  };
}

let seq = 0;
function run(minute: number, state: RunRecord['state'], extra: Partial<RunRecord> = {}): RunRecord {
  seq += 1;
  return { id: `run-${seq}`, startedAt: T0 + minute * MINUTE, state, ...extra };
}

describe('evaluateCanary', () => {
  it('never passes while a run that could break the threshold is in progress', () => {
    const runs = [run(1, 'PASSED'), run(2, 'RUNNING')];
    expect(evaluateCanary(canary, runs, ctx()).verdict).toBe('pending');
    // With room to spare, an in-flight failure cannot change the verdict: pass.
    expect(evaluateCanary(canary, runs, ctx({}, { minSuccessPercent: 50 })).verdict).toBe('pass');
    // At the deadline the run in progress is not counted, and a pass still must not rest on it.
    expect(evaluateCanary(canary, runs, ctx({ final: true })).verdict).toBe('timeout');
  });

  it('an in-progress run blocks consecutive-passes until it is known', () => {
    const runs = [run(1, 'PASSED'), run(2, 'PASSED'), run(3, 'RUNNING')];
    expect(
      evaluateCanary(canary, runs, ctx({}, { consecutivePasses: 2, minSuccessPercent: 0 })).verdict,
    ).toBe('pending');
  });

  it('ignores runs before since', () => {
    const result = evaluateCanary(canary, [run(-1, 'FAILED'), run(1, 'PASSED')], ctx());
    expect(result).toMatchObject({ verdict: 'pass', runs: 1, failed: 0 });
    expect(result.attempts).toHaveLength(1);
  });

  it('fails fast only when the threshold is provably out of reach', () => {
    const runs = [run(1, 'FAILED', { reason: 'x' }), run(2, 'PASSED')];
    // 1/2 passed, 80% needed: 3 more passes reach 4/5 = 80%; 5 minutes left allow 6 runs.
    expect(evaluateCanary(canary, runs, ctx({}, { minSuccessPercent: 80 })).verdict).toBe('pending');
    // One minute left: at most 2 runs can start.
    expect(
      evaluateCanary(canary, runs, ctx({ now: T0 + 14 * MINUTE }, { minSuccessPercent: 80 })).verdict,
    ).toBe('fail');
    // fail-fast off: keep watching.
    expect(
      evaluateCanary(canary, runs, ctx({ now: T0 + 14 * MINUTE }, { minSuccessPercent: 80, failFast: false }))
        .verdict,
    ).toBe('pending');
  });

  it('never fails a canary early without a failure: lack of runs is a timeout at the deadline', () => {
    expect(evaluateCanary(canary, [], ctx({ now: T0 + 15 * MINUTE }, { minRuns: 50 })).verdict).toBe(
      'pending',
    );
    expect(evaluateCanary(canary, [], ctx({ final: true })).verdict).toBe('timeout');
    expect(
      evaluateCanary(canary, [run(1, 'FAILED')], ctx({ final: true }, { failFast: false })).verdict,
    ).toBe('fail');
  });

  it('counts a scheduled run and its retries once, with the latest attempt', () => {
    const retried = { ...canary, maxRetries: 2 };
    const first = run(1, 'FAILED', { reason: 'timeout', scheduledRunId: 'sched-1' });
    const retry = run(1.5, 'PASSED', { scheduledRunId: 'sched-1', retryAttempt: 1 });
    const result = evaluateCanary(retried, [retry, first], ctx());
    expect(result).toMatchObject({ verdict: 'pass', runs: 1, passed: 1, failed: 0 });
    expect(result.attempts.map((a) => [a.outcome, a.superseded])).toEqual([
      ['passed', false],
      ['failed', true],
    ]);
  });

  it('waits for a retry that is still due, and counts the failure if the deadline comes first', () => {
    const retried = { ...canary, maxRetries: 1 };
    const failed = [run(1, 'FAILED', { reason: 'timeout', scheduledRunId: 'sched-2' })];
    expect(evaluateCanary(retried, failed, ctx())).toMatchObject({ verdict: 'pending', inFlight: 1 });
    expect(evaluateCanary(retried, failed, ctx({ final: true }))).toMatchObject({
      verdict: 'fail',
      failed: 1,
    });
  });

  it('fails at once on ERROR or DELETING, whatever the runs say', () => {
    const broken = { ...canary, state: 'ERROR', stateReason: 'Role not found' };
    const result = evaluateCanary(broken, [run(1, 'PASSED')], ctx());
    expect(result).toMatchObject({ verdict: 'fail', reason: 'canary is in state ERROR: Role not found' });
  });
});

describe('execution failures', () => {
  it('uses TestResult when AWS sends it, StateReasonCode otherwise', () => {
    expect(isExecutionFailure(run(1, 'FAILED', { testResult: 'PASSED', reasonCode: 'CANARY_FAILURE' }))).toBe(
      true,
    );
    expect(
      isExecutionFailure(run(1, 'FAILED', { testResult: 'FAILED', reasonCode: 'EXECUTION_FAILURE' })),
    ).toBe(false);
    expect(
      isExecutionFailure(run(1, 'FAILED', { testResult: 'UNKNOWN', reasonCode: 'EXECUTION_FAILURE' })),
    ).toBe(true);
    expect(isExecutionFailure(run(1, 'FAILED', { reasonCode: 'CANARY_FAILURE' }))).toBe(false);
    expect(isExecutionFailure(run(1, 'PASSED', { reasonCode: 'EXECUTION_FAILURE' }))).toBe(false);
  });
});

describe('helpers', () => {
  it('groups attempts by ScheduledRunId, in attempt order', () => {
    const a = run(1, 'FAILED', { scheduledRunId: 's' });
    const b = run(2, 'FAILED', { scheduledRunId: 's', retryAttempt: 1 });
    const c = run(3, 'PASSED');
    expect(groupAttempts([c, b, a]).map((g) => g.map((r) => r.id))).toEqual([[c.id], [a.id, b.id]]);
  });

  it('bounds the runs that can still start by the schedule', () => {
    expect(maxNewRuns(canary, ctx())).toBe(6);
    expect(maxNewRuns({ ...canary, periodMs: undefined, schedule: 'cron(0 * * * ? *)' }, ctx())).toBe(
      Infinity,
    );
    expect(maxNewRuns({ ...canary, runOnce: true }, ctx())).toBe(Infinity);
    expect(maxNewRuns({ ...canary, runOnce: true }, ctx({ trigger: 'never' }))).toBe(0);
    expect(maxNewRuns({ ...canary, state: 'STOPPED' }, ctx({ trigger: 'never' }))).toBe(0);
  });
});
