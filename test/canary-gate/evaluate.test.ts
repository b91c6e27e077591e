import { describe, expect, it } from 'vitest';
import {
  type EvaluationContext,
  groupAttempts,
  isExecutionFailure,
  maxNewRuns,
} from '../../actions/canary-gate/src/evaluate.js';
import { evaluateCanary, evaluateGate } from '../../actions/canary-gate/src/moments.js';
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

/** A finished run with its completion time, `minutes` after T0 as `run` takes them. */
function done(start: number, end: number, state: 'PASSED' | 'FAILED', extra: Partial<RunRecord> = {}) {
  return run(start, state, { completedAt: T0 + end * MINUTE, ...extra });
}

describe('evaluateCanary: runs judged as they stood at each completion (issue 9)', () => {
  it('a pass decided before the next run started stands while that run is in flight', () => {
    const runs = [done(1, 1.5, 'PASSED'), run(2, 'RUNNING')];
    const result = evaluateCanary(canary, runs, ctx());
    expect(result).toMatchObject({ verdict: 'pass', decidedAt: T0 + 1.5 * MINUTE, runs: 1, inFlight: 0 });
    expect(result.attempts.map((a) => [a.outcome, a.counted, a.afterVerdict ?? false])).toEqual([
      ['running', false, true],
      ['passed', true, false],
    ]);
  });

  it('a run that failed after the deciding moment does not undo the pass, and is named in a warning', () => {
    const runs = [done(1, 1.5, 'PASSED'), done(2, 2.5, 'FAILED', { reason: 'HTTP 503' })];
    const result = evaluateCanary(canary, runs, ctx());
    expect(result).toMatchObject({ verdict: 'pass', runs: 1, failed: 0 });
    expect(result.warnings).toEqual([expect.stringMatching(/1 run\(s\) that started after .*HTTP 503/)]);
  });

  it('overlapping runs: with a run in flight at every completion, nothing passes', () => {
    const runs = [done(1, 2.5, 'PASSED'), done(2, 3.5, 'PASSED'), run(3, 'RUNNING')];
    expect(evaluateCanary(canary, runs, ctx())).toMatchObject({ verdict: 'pending', inFlight: 1 });
  });

  it('the verdict is the same wherever the look falls after the deciding moment', () => {
    const runs = [done(1, 1.5, 'FAILED', { reason: 'x' }), done(2, 2.5, 'PASSED'), done(3, 3.5, 'PASSED')];
    const looks = [2.6, 3.2, 3.6, 9].map((minute) =>
      evaluateCanary(canary, runs, ctx({ now: T0 + minute * MINUTE }, { minRuns: 3, minSuccessPercent: 60 })),
    );
    expect(looks.map((r) => [r.verdict, r.decidedAt])).toEqual(looks.map(() => ['pass', T0 + 3.5 * MINUTE]));
  });

  it('runs that finished before the gate started are judged together, as they stood at its start', () => {
    const runs = [done(1, 1.5, 'PASSED'), done(2, 2.5, 'FAILED', { reason: 'HTTP 503' })];
    const result = evaluateCanary(canary, runs, ctx({ startedAt: T0 + 5 * MINUTE }));
    expect(result).toMatchObject({ verdict: 'fail', decidedAt: T0 + 5 * MINUTE, failed: 1 });
  });

  it('at a past moment, only the schedule bounds the runs to come: a canary stopped later still passes', () => {
    const stopped = { ...canary, state: 'STOPPED', stoppedDuringGate: true };
    const runs = [done(1, 1.5, 'FAILED', { reason: 'x' }), done(2, 2.5, 'PASSED')];
    const result = evaluateCanary(stopped, runs, ctx({}, { minRuns: 2, minSuccessPercent: 50 }));
    expect(result).toMatchObject({ verdict: 'pass', decidedAt: T0 + 2.5 * MINUTE });
  });

  it('a broken canary fails at the look even after its runs decided a pass', () => {
    const broken = { ...canary, state: 'ERROR', stateReason: 'Role not found' };
    const result = evaluateCanary(broken, [done(1, 1.5, 'PASSED')], ctx());
    expect(result).toMatchObject({ verdict: 'fail', reason: 'canary is in state ERROR: Role not found' });
  });

  it('run times on AWS clock: the look is AWS now, and a reported completion is never in the future', () => {
    // AWS 90 s ahead: at runner T0+1.2min AWS is at 2.7, so the run finished at 2.5 is known and decides.
    const runs = [done(2, 2.5, 'PASSED')];
    const ahead = ctx({ now: T0 + 1.2 * MINUTE, awsOffsetMs: 90_000 });
    expect(evaluateCanary(canary, runs, ahead)).toMatchObject({
      verdict: 'pass',
      decidedAt: T0 + 2.5 * MINUTE,
    });
    // The Date header lags by up to a second: a run AWS reports finished still decides.
    const lagging = ctx({ now: T0 + 2.5 * MINUTE - 800, awsOffsetMs: -400 });
    expect(evaluateCanary(canary, runs, lagging).verdict).toBe('pass');
  });
});

describe('evaluateGate: every canary at the deciding moment (issue 9)', () => {
  const other = { ...canary, name: 'other', schedule: 'rate(5 minutes)', periodMs: 5 * MINUTE };
  const gateAt = (minute: number, aRuns: RunRecord[], bRuns: RunRecord[]) =>
    evaluateGate(
      [
        { canary, runs: aRuns },
        { canary: other, runs: bRuns },
      ],
      ctx({ now: T0 + minute * MINUTE }),
    );

  it('a pass resting on finished runs waits for the run then in flight, and is judged by its outcome', () => {
    const b = [done(2, 2.5, 'PASSED')];
    const waiting = gateAt(3, [done(1, 1.5, 'PASSED'), run(2, 'RUNNING')], b);
    expect(waiting.decidedAt).toBeUndefined();
    expect(waiting.evaluations.map((e) => e.verdict)).toEqual(['pending', 'pass']);
    expect(waiting.evaluations[0]!.reason).toMatch(/waiting for 1 run\(s\) in flight/);

    const confirmed = gateAt(4, [done(1, 1.5, 'PASSED'), done(2, 3.5, 'PASSED')], b);
    expect(confirmed.decidedAt).toBe(T0 + 2.5 * MINUTE);
    expect(confirmed.evaluations.map((e) => [e.verdict, e.runs])).toEqual([
      ['pass', 2],
      ['pass', 1],
    ]);

    const broken = gateAt(4, [done(1, 1.5, 'PASSED'), done(2, 3.5, 'FAILED', { reason: 'HTTP 500' })], b);
    expect(broken.evaluations[0]).toMatchObject({ verdict: 'fail', decidedAt: T0 + 3.5 * MINUTE });
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
