import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../actions/canary-gate/src/evaluate.js';
import { evaluateCanary } from '../../actions/canary-gate/src/moments.js';
import type { CanaryInfo, RunRecord } from '../../actions/canary-gate/src/types.js';
import { evaluateCanaries, type GateReport } from '../../actions/canary-gate/src/watch.js';
import { AwsClock, instrumentAwsClient } from '../../core/aws.js';
import type { Sleep } from '../../core/clock.js';
import { MemoryLogger } from '../../core/log.js';
import { type Emulator, ManualClock, type Scenario, startEmulator } from '../../tools/emulator/index.js';
import {
  clientsFor,
  failedOutcome,
  MINUTE_MS,
  manualEmulator,
  passedOutcome,
  runGate,
  SECOND_MS,
  settingsFor,
} from '../../tools/harness/canary-gate-world.js';

/**
 * Adversarial tests of canary-gate's verdict rule (runs judged as they stood at each completion,
 * moments.ts). Each attack drives the real gate (evaluateCanaries, real SDK clients over HTTP to
 * the emulator, ManualClock). Cases marked "Was a defect" failed against commit 7e03aa0 and were
 * fixed after (moments.ts judges every canary at the gate's deciding moment; moments after the
 * deadline never decide; an ISO `since` is read on the later clock). "held" cases never failed.
 */
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function world(scenario: Scenario) {
  const started = await manualEmulator(scenario);
  emu = started.emu;
  return started;
}

const passed = passedOutcome;
const failed = failedOutcome;

describe('adversary: one canary decided early, the gate still open for another', () => {
  /**
   * Was a defect (false pass). Reproduction: fast-x rate(1 minute), its run at 1m passes (done 1m10s),
   * its run at 2m FAILS (done 2m10s, "HTTP 500 from /pay"); slow-y rate(5 minutes) passes at
   * 5m20s; min-runs 1, min-success-percent 100 (defaults), poll-interval 30s, timeout 10m.
   * Was: result pass at ~5m30s, fast-x verdict pass "1/1 runs passed", only a warning that says
   * the failure is "not judged, as a gate looking continuously would not have seen them".
   * Correct: fail. The gate was still open (waiting for slow-y) for three minutes after fast-x's
   * counted failure, and its own poll at 2m30s read it. README "Pass and fail, exactly": a canary
   * fails "with fail-fast: true, as soon as it has a counted failure and ... the thresholds could
   * not be met" (a run in the window, 100% required); "Any canary fails ... -> fail". Alarms are
   * judged to the end of the window ("in ALARM at some point between since and the end"), canary
   * runs only to each canary's own first deciding moment. The per-canary first moment is what a
   * gate looking continuously would decide only if the gate ended there; a gate's verdict moment
   * is when the last canary decides, and every run that finished before it is evidence.
   */
  it('a canary that passed at 1m and failed at 2m fails the gate while it waits for another', async () => {
    const { emu, clock } = await world({
      canaries: [
        { name: 'fast-x', schedule: 'rate(1 minute)', script: [passed(), failed('HTTP 500 from /pay')] },
        { name: 'slow-y', schedule: 'rate(5 minutes)' },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'fast-x\nslow-y',
      timeout: '10m',
      'poll-interval': '30s',
    });
    // The gate fails at the next poll after fast-x's failure, long before slow-y could pass.
    const failedRun = report.canaries[0]!.attempts.find((run) => run.state === 'FAILED')!;
    expect(report.finishedAt - failedRun.completedAt!).toBeLessThanOrEqual(30 * SECOND_MS);
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('HTTP 500 from /pay');
  });

  /** Same defect with fail-fast: false; correct: fail (README: "at the timeout ... a counted failure"). */
  it('fail-fast: false, same runs: fail at the deadline (was a pass)', async () => {
    const { emu, clock } = await world({
      canaries: [
        { name: 'fast-x', schedule: 'rate(1 minute)', script: [passed(), failed('HTTP 500 from /pay')] },
        { name: 'slow-y', schedule: 'rate(5 minutes)' },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'fast-x\nslow-y',
      timeout: '10m',
      'poll-interval': '30s',
      'fail-fast': 'false',
    });
    expect(report.result).toBe('fail');
  });

  it('held: a single canary that passed at 1m10s ends the gate at the next poll (its later failure is after the verdict)', async () => {
    const { emu, clock } = await world({
      canaries: [{ name: 'fast-x', schedule: 'rate(1 minute)', script: [passed(), failed('HTTP 500')] }],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'fast-x',
      timeout: '10m',
      'poll-interval': '30s',
    });
    expect(report.result).toBe('pass');
    expect(report.finishedAt - report.startedAt).toBeLessThanOrEqual(90 * SECOND_MS);
  });
});

describe('adversary: a final look that lands after the deadline', () => {
  /**
   * Was a defect (verdict depended on when the final look landed). Reproduction: canary rate(2 minutes),
   * its run at 2m FAILS (done 2m10s), its run at 4m takes 61 s and passes at 5m01s, one second
   * after the deadline; min-runs 2, min-success-percent 50, fail-fast false, timeout 5m,
   * poll-interval 30s. The gate's last
   * sleep overshoots the deadline by 2 s (a timer firing late on a busy runner: the injected
   * sleep advances the clock 2 s more than asked), so the final look reads that run PASSED and
   * firstDecisiveMoment passes the canary at 5m01s (decidedAt = deadline + 1 s).
   * With an exact sleep: fail ("1 of 1 runs failed"). With a 2 s late timer: pass.
   * Correct: fail both times. README: "Runs still RUNNING at the timeout are not counted" and a
   * canary fails "at the timeout, when it does not pass and has at least one counted failure";
   * DEVELOPERS.md: "The verdict never depends on where poll ticks fall." Completion moments after
   * the deadline (on AWS's clock: deadline + offset) must not decide.
   */
  const scenario: Scenario = {
    canaries: [
      {
        name: 'checkout',
        schedule: 'rate(2 minutes)',
        script: [failed('HTTP 503 from /checkout'), { state: 'PASSED', durationMs: 61 * SECOND_MS }],
        defaultOutcome: { state: 'PASSED', durationMs: 61 * SECOND_MS },
      },
    ],
  };
  const inputs = {
    canaries: 'checkout',
    'min-runs': '2',
    'min-success-percent': '50',
    'fail-fast': 'false',
    timeout: '5m',
    'poll-interval': '30s',
  };

  async function gateWithLateFinalTimer(lateMs: number): Promise<GateReport> {
    const { emu, clock } = await world(scenario);
    const deadline = clock.now() + 5 * MINUTE_MS;
    const { report } = await runGate(emu, clock, inputs, {
      onSleep: (now) => {
        if (now === deadline && lateMs > 0) emu.advance(lateMs);
      },
    });
    return report;
  }

  it('held: with an exact timer the run still in flight at the deadline is not counted: fail', async () => {
    const report = await gateWithLateFinalTimer(0);
    expect(report.result).toBe('fail');
    expect(report.canaries[0]).toMatchObject({ verdict: 'fail', runs: 1, failed: 1 });
  });

  it('a timer 2 s late does not let a run that finished 1 s after the deadline turn the fail into a pass', async () => {
    const report = await gateWithLateFinalTimer(2 * SECOND_MS);
    expect(report.canaries[0]!.decidedAt ?? 0).toBeLessThanOrEqual(report.deadline);
    expect(report.result).toBe('fail');
  });
});

/**
 * The gate in-process with AWS's clock `aheadMs` ahead of the runner's: the emulator reads the
 * runner's ManualClock plus the skew, and the clients observe its Date headers as the bundle's do
 * (evaluation.ts instrumentAwsClient), so the gate learns the offset through the real header.
 */
async function runSkewedGate(
  scenario: Scenario,
  aheadMs: number,
  values: (runnerNow: number) => Record<string, string>,
  startMs = Date.UTC(2025, 0, 15, 12, 0, 0),
) {
  const runner = new ManualClock(startMs);
  const skewed = await startEmulator({ scenario, clock: { now: () => runner.now() + aheadMs } });
  emu = skewed;
  const settings = settingsFor(skewed, values(runner.now()), runner.now());
  const { synthetics, cloudwatch } = clientsFor(skewed);
  const awsClock = new AwsClock(runner);
  instrumentAwsClient(synthetics, 'Synthetics', awsClock);
  instrumentAwsClient(cloudwatch, 'CloudWatch', awsClock);
  const sleep: Sleep = async (ms) => {
    runner.advance(ms);
  };
  try {
    return await evaluateCanaries(
      { synthetics, cloudwatch, clock: runner, awsClock, sleep, log: new MemoryLogger(), random: () => 0.5 },
      settings,
    );
  } finally {
    synthetics.destroy();
    cloudwatch.destroy();
  }
}

describe('adversary: AWS clock skew', () => {
  const AHEAD_MS = 90 * SECOND_MS;
  /** On AWS's clock, 60 s before the runner's "now" in true time: before the deploy began. */
  const beforeDeploy: Scenario = {
    canaries: [
      {
        name: 'checkout',
        schedule: 'rate(5 minutes)',
        history: [{ startedAtMs: -60 * SECOND_MS, durationMs: 20 * SECOND_MS, state: 'PASSED' }],
      },
    ],
  };

  it("held: default since (step start on AWS's clock) does not count a run that started before the step", async () => {
    const report = await runSkewedGate(beforeDeploy, AHEAD_MS, () => ({
      canaries: 'checkout',
      timeout: '1m',
      'poll-interval': '30s',
    }));
    expect(report.awsClockOffsetMs).toBe(AHEAD_MS);
    expect(report.result).toBe('fail');
    expect(report.canaries[0]!.attempts).toEqual([]);
  });

  /**
   * Was a defect (false pass, with the README's own recipe). Reproduction: AWS's clock 90 s ahead of
   * the runner's; `since` is the runner's `date -u` when the deploy started (README "Usage":
   * `echo "at=$(date -u ...)"` then `since: ${{ steps.deploy-started.outputs.at }}`), here the
   * runner's now. A run PASSED that started 60 s before that moment in true time: on AWS's
   * clock it started 30 s after the runner's timestamp. The gate reads the ISO `since` as AWS's
   * time unchanged (settings.ts sinceOnAwsClock, kind 'at'), counts that pre-deploy run, and
   * passes at once. The default and the `10m` form are shifted onto AWS's clock; the ISO form is
   * not, although the gate knows the offset (report.awsClockOffsetMs = 90000).
   * Correct: no run in the window -> timeout -> fail. A run that began before the deploy is no
   * evidence for it (README: "Only runs that started at or after this count"). A conservative
   * reading that holds whichever clock the timestamp came from: max(since, since + offset).
   */
  it('an ISO since taken on the runner (README recipe) does not count a run that started before the deploy', async () => {
    const report = await runSkewedGate(beforeDeploy, AHEAD_MS, (runnerNow) => ({
      canaries: 'checkout',
      since: new Date(runnerNow).toISOString(),
      timeout: '1m',
      'poll-interval': '30s',
    }));
    expect(report.awsClockOffsetMs).toBe(AHEAD_MS);
    expect(report.result).toBe('fail');
  });
});

describe("adversary: the step start on AWS's clock, to the Date header's second", () => {
  /**
   * A documented bound, not a defect: the runner's and AWS's clocks agree; the step starts at
   * 12:00:00.900. AWS's Date header has whole seconds ("12:00:00"), so AwsClock takes its lower
   * bound, offset -900 ms (core/aws.ts observe), and `since` (default: the step start) becomes
   * 12:00:00.000: a run that started in the second before the step would count. The README says
   * the step start may read up to a second early; the runs that matter start after the deploy,
   * which ended before this step began. (The upper bound would drop a run the gate itself starts
   * in its first second.) A run more than a second before the step never counts.
   */
  it('a run more than a second before the step start is not counted', async () => {
    const stepStart = Date.UTC(2025, 0, 15, 12, 0, 0) + 900;
    const report = await runSkewedGate(
      {
        canaries: [
          {
            name: 'checkout',
            schedule: 'rate(1 hour)',
            history: [{ startedAtMs: -1_100, durationMs: 100, state: 'PASSED' }],
          },
        ],
      },
      0,
      () => ({ canaries: 'checkout', timeout: '1m', 'poll-interval': '30s' }),
      stepStart,
    );
    expect(report.result).toBe('fail');
  });
});

describe('adversary: attacks through the gate that held', () => {
  it('since 10m: old passes and a failure just before the step are judged together at the start: fail', async () => {
    const { emu, clock } = await world({
      canaries: [
        {
          name: 'checkout',
          schedule: 'rate(1 minute)',
          history: [
            { startedAtMs: -9 * MINUTE_MS, durationMs: 10 * SECOND_MS, state: 'PASSED' },
            { startedAtMs: -8 * MINUTE_MS, durationMs: 10 * SECOND_MS, state: 'PASSED' },
            { startedAtMs: -90 * SECOND_MS, durationMs: 10 * SECOND_MS, state: 'FAILED', reason: 'HTTP 503' },
          ],
        },
      ],
    });
    const { report } = await runGate(emu, clock, { canaries: 'checkout', since: '10m', timeout: '5m' });
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('HTTP 503');
  });

  it('a run that started before since and failed after the step started is not counted, nor does it pass anything', async () => {
    const { emu, clock } = await world({
      canaries: [
        {
          name: 'checkout',
          schedule: 'rate(1 hour)',
          history: [{ startedAtMs: -10 * SECOND_MS, durationMs: 40 * SECOND_MS, state: 'FAILED' }],
        },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'checkout',
      timeout: '2m',
      'on-timeout': 'fail',
    });
    expect(report).toMatchObject({ result: 'fail', status: 'timeout' });
    expect(report.canaries[0]!.attempts).toEqual([]);
  });

  it('run-once, trigger auto, min-runs 2: the second triggered run fails, so the gate fails', async () => {
    const { emu, clock } = await world({
      canaries: [
        {
          name: 'smoke',
          schedule: 'rate(0 minute)',
          state: 'READY',
          script: [passed(5 * SECOND_MS), failed('login broke', 5 * SECOND_MS)],
        },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'smoke',
      'min-runs': '2',
      timeout: '5m',
      'poll-interval': '5s',
    });
    expect(report.result).toBe('fail');
    expect(report.canaries[0]!.triggered).toBe(2);
  });

  it('a failure hidden between two slow polls (DescribeCanariesLastRun shows only the latest) still fails, even with on-timeout: pass', async () => {
    const { emu, clock } = await world({
      canaries: [
        {
          name: 'checkout',
          schedule: 'rate(1 minute)',
          script: [passed(), failed('HTTP 500 hidden'), passed()],
        },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'checkout',
      'min-runs': '50',
      'fail-fast': 'false',
      'on-timeout': 'pass',
      timeout: '6m',
      'poll-interval': '3m',
    });
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('HTTP 500 hidden');
  });

  it('poll phase: a canary mid-run at every 60 s poll passes as 5 s polls do (the 7e03aa0 fix holds)', async () => {
    const results: string[] = [];
    for (const interval of ['5s', '60s']) {
      const { emu, clock } = await world({
        canaries: [
          {
            name: 'slow',
            schedule: 'rate(1 minute)',
            defaultOutcome: { state: 'PASSED', durationMs: 50 * SECOND_MS },
          },
        ],
      });
      const { report } = await runGate(emu, clock, {
        canaries: 'slow',
        'min-runs': '2',
        timeout: '6m',
        'poll-interval': interval,
      });
      results.push(report.result);
      await emu.close();
    }
    expect(results).toEqual(['pass', 'pass']);
  });
});

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const rateMinute: CanaryInfo = {
  name: 'api',
  state: 'RUNNING',
  schedule: 'rate(1 minute)',
  runOnce: false,
  periodMs: MINUTE_MS,
};
const context = (overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({
  now: T0 + 5 * MINUTE_MS,
  deadline: T0 + 15 * MINUTE_MS,
  since: T0,
  startedAt: T0,
  thresholds: { minRuns: 1, minSuccessPercent: 100, failFast: true, treatExecutionFailuresAs: 'failure' },
  trigger: 'auto',
  final: false,
  ...overrides,
});
const at = (minutes: number) => T0 + minutes * MINUTE_MS;

describe('adversary: odd run records (pure evaluation; attacks that held)', () => {
  it('a FAILED run without Timeline.Completed (Required: No in CanaryRunTimeline) is judged at the look, never hidden', () => {
    const runs: RunRecord[] = [
      { id: 'f', startedAt: at(1), state: 'FAILED', reason: 'HTTP 500' },
      { id: 'p', startedAt: at(1.5), completedAt: at(1.7), state: 'PASSED' },
    ];
    // The failure started before the pass completed: at 1.7m it was in flight, so no pass then.
    expect(evaluateCanary(rateMinute, runs, context()).verdict).toBe('fail');
  });

  it('a retry-pending attempt counts as in flight, then the retry decides (maxRetries known)', () => {
    const canary = { ...rateMinute, maxRetries: 2 };
    const runs: RunRecord[] = [
      { id: 'a0', startedAt: at(1), completedAt: at(1.2), state: 'FAILED', scheduledRunId: 's1' },
      { id: 'a1', startedAt: at(1.3), state: 'RUNNING', retryAttempt: 1, scheduledRunId: 's1' },
    ];
    expect(evaluateCanary(canary, runs, context()).verdict).toBe('pending');
  });

  it('a failed attempt with no retry config known fails at once (never waits on a retry that may not come)', () => {
    const runs: RunRecord[] = [
      { id: 'a0', startedAt: at(1), completedAt: at(1.2), state: 'FAILED', scheduledRunId: 's1' },
    ];
    expect(evaluateCanary(rateMinute, runs, context()).verdict).toBe('fail');
  });

  it('since in the past: an old pass and a recent failure are judged together at the gate start', () => {
    const runs: RunRecord[] = [
      { id: 'old', startedAt: at(-9), completedAt: at(-8.7), state: 'PASSED' },
      { id: 'recent', startedAt: at(-2), completedAt: at(-1.7), state: 'FAILED', reason: 'HTTP 503' },
    ];
    const evaluation = evaluateCanary(rateMinute, runs, context({ since: at(-10), now: at(0.5) }));
    expect(evaluation.verdict).toBe('fail');
  });

  it('min-success-percent 50 with runs in flight: a pass holds even if every one fails', () => {
    const thresholds = {
      minRuns: 2,
      minSuccessPercent: 50,
      failFast: true,
      treatExecutionFailuresAs: 'failure' as const,
    };
    const runs: RunRecord[] = [
      { id: 'a', startedAt: at(1), completedAt: at(1.2), state: 'PASSED' },
      { id: 'b', startedAt: at(1.1), completedAt: at(1.3), state: 'PASSED' },
      { id: 'c', startedAt: at(1.15), state: 'RUNNING' },
      { id: 'd', startedAt: at(1.16), state: 'RUNNING' },
      { id: 'e', startedAt: at(1.17), state: 'RUNNING' },
    ];
    // 2 passed, 3 in flight: 2/5 = 40% < 50% if all fail.
    expect(evaluateCanary(rateMinute, runs, context({ thresholds })).verdict).toBe('pending');
  });
});
