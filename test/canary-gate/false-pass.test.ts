import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../actions/canary-gate/src/evaluate.js';
import { evaluateCanary } from '../../actions/canary-gate/src/moments.js';
import type { CanaryInfo, RunRecord } from '../../actions/canary-gate/src/types.js';
import type { Emulator } from '../../tools/emulator/index.js';
import { MINUTE_MS, manualEmulator, runGate, SECOND_MS } from '../../tools/harness/canary-gate-world.js';

/**
 * Regression tests for passes the gate had not earned. Each was written failing first: the pure
 * evaluation, then the domain entry with real SDK clients against the emulator on a ManualClock.
 */
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const canary: CanaryInfo = {
  name: 'api',
  state: 'RUNNING',
  schedule: 'rate(1 minute)',
  runOnce: false,
  periodMs: MINUTE_MS,
};
const finalContext: EvaluationContext = {
  now: T0 + 15 * MINUTE_MS,
  deadline: T0 + 15 * MINUTE_MS,
  since: T0,
  thresholds: { minRuns: 1, minSuccessPercent: 100, failFast: true, treatExecutionFailuresAs: 'failure' },
  trigger: 'auto',
  final: true,
};

describe('canary-gate: a pass never rests on a run still in progress', () => {
  it('at the deadline, a run still RUNNING that could break the thresholds is no pass', () => {
    // `open` started before `done` finished: at no moment were the runs so far all finished.
    const runs: RunRecord[] = [
      { id: 'done', startedAt: T0 + 13 * MINUTE_MS, completedAt: T0 + 14.5 * MINUTE_MS, state: 'PASSED' },
      { id: 'open', startedAt: T0 + 14 * MINUTE_MS, state: 'RUNNING' },
    ];
    const evaluation = evaluateCanary(canary, runs, finalContext);
    expect(evaluation.verdict).toBe('timeout');
    expect(evaluation.reason).toMatch(/1 still running at the deadline/);
    expect(evaluation.runs).toBe(1);
  });

  it('at the deadline, a run still RUNNING that cannot change the verdict does not block a pass', () => {
    const runs: RunRecord[] = [
      { id: 'a', startedAt: T0 + MINUTE_MS, completedAt: T0 + 2 * MINUTE_MS, state: 'PASSED' },
      { id: 'b', startedAt: T0 + 2 * MINUTE_MS, completedAt: T0 + 3 * MINUTE_MS, state: 'PASSED' },
      { id: 'open', startedAt: T0 + 14 * MINUTE_MS, state: 'RUNNING' },
    ];
    const context = { ...finalContext, thresholds: { ...finalContext.thresholds, minSuccessPercent: 50 } };
    expect(evaluateCanary(canary, runs, context).verdict).toBe('pass');
  });

  it('overlapping runs: the run in flight at the deadline fails 30 s later, so the gate must not pass', async () => {
    // Every run takes 90 s on a 1-minute schedule: one is always in flight. Run 4 (4m-5m30s) fails.
    const slow = { state: 'PASSED' as const, durationMs: 90 * SECOND_MS };
    const started = await manualEmulator({
      canaries: [
        {
          name: 'checkout-slow',
          schedule: 'rate(1 minute)',
          script: [slow, slow, slow, { state: 'FAILED', reason: 'HTTP 503', durationMs: 90 * SECOND_MS }],
          defaultOutcome: slow,
        },
      ],
    });
    emu = started.emu;
    const { report } = await runGate(started.emu, started.clock, {
      canaries: 'checkout-slow',
      timeout: '5m',
    });
    expect(report.canaries[0]).toMatchObject({ runs: 3, passed: 3, failed: 0 });
    expect(report.result).toBe('fail');
    expect(report.status).toBe('timeout');
  });
});
