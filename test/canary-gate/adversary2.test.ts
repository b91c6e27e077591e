import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../actions/canary-gate/src/evaluate.js';
import { evaluateGate } from '../../actions/canary-gate/src/moments.js';
import type { CanaryInfo, RunRecord } from '../../actions/canary-gate/src/types.js';
import type { GateReport } from '../../actions/canary-gate/src/watch.js';
import { type Emulator, ManualClock, type Scenario, startEmulator } from '../../tools/emulator/index.js';
import {
  failedOutcome,
  MINUTE_MS,
  manualEmulator,
  passedOutcome,
  runGate,
  SECOND_MS,
} from '../../tools/harness/canary-gate-world.js';

/**
 * Second adversary of canary-gate's verdict rule as rewritten in 0580e42 (moments.ts: every canary
 * judged at the gate's deciding moment; a canary that passed keeps its pass on finished runs).
 * Each attack drives the real gate (evaluateCanaries, real SDK clients over HTTP to the emulator,
 * ManualClock) unless it needs what the emulator cannot yet do (retries): then evaluateGate.
 * Cases whose comment says "At 0580e42" failed there and were fixed after (moments.ts waits for
 * the runs in flight at the deciding moment; watch.ts reads the states before any pass; a failure
 * without Timeline.Completed counts from its start).
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

/** fast-x: runs at 1, 2, 3 min pass; the run at 4 min takes 90 s and FAILS at 5m30s. */
const inFlightAtOthersPass: Scenario = {
  canaries: [
    {
      name: 'fast-x',
      schedule: 'rate(1 minute)',
      script: [passed(), passed(), passed(), failed('HTTP 500 from /pay', 90 * SECOND_MS)],
    },
    // Its only run in the window starts at 5m and passes at 5m20s (default: 20 s).
    { name: 'slow-y', schedule: 'rate(5 minutes)' },
  ],
};

async function gateOverInFlight(interval: string): Promise<GateReport> {
  const { emu, clock } = await world(inFlightAtOthersPass);
  const { report } = await runGate(emu, clock, {
    canaries: 'fast-x\nslow-y',
    timeout: '10m',
    'poll-interval': interval,
  });
  await emu.close();
  return report;
}

describe("adversary2: a passed canary's run in flight when the last canary passes", () => {
  /**
   * False pass. Reproduction: fast-x rate(1 minute), runs at 1m, 2m, 3m pass (10 s each); its run
   * at 4m takes 90 s and FAILS at 5m30s ("HTTP 500 from /pay"); slow-y rate(5 minutes) passes at
   * 5m20s; defaults (min-runs 1, min-success-percent 100, fail-fast), timeout 10m.
   * Now, with poll-interval 30s: result pass at the 5m30s poll, decidedAt 5m20s, "fast-x 4/4" and
   * inFlight 1 in the report, though that very poll read the run FAILED (listed "after the
   * verdict", a warning only). With 5s polls: pass at 5m20s, the failure 10 s later unseen.
   * Now, as it should: fail, at every poll interval. At 5m20s fast-x's thresholds do not hold if its run in
   * progress fails (4 passed of 5, 80% < 100%). README "Pass and fail, exactly": "A canary passes
   * when its counted runs meet every threshold even if every run still in progress fails. A pass
   * never rests on a run whose result is not known yet." moments.ts holdsOnFinished (passedOnce)
   * lets a run in flight not hold back a canary that passed earlier, which a gate of fast-x alone
   * never allows. A timing-independent fix: a pass at moment T is released only once every run
   * in flight at T has finished (their outcomes, not the look, decide), else the next moment.
   */
  it('fails at every poll interval: the run in flight at the deciding moment failed', async () => {
    const results: string[] = [];
    for (const interval of ['5s', '30s']) results.push((await gateOverInFlight(interval)).result);
    expect(results).toEqual(['fail', 'fail']);
  });
});

/** fast-x goes to ERROR at 5m30s (after its pass); slow-y's run at 5m takes 80 s, passing at 6m20s. */
async function gateWithErrorAfterPass(interval: string): Promise<GateReport> {
  const { emu, clock } = await world({
    canaries: [
      { name: 'fast-x', schedule: 'rate(1 minute)', defaultOutcome: passed() },
      { name: 'slow-y', schedule: 'rate(5 minutes)', defaultOutcome: passed(80 * SECOND_MS) },
    ],
  });
  const brokenAt = clock.now() + 5 * MINUTE_MS + 30 * SECOND_MS;
  let broken = false;
  const { report } = await runGate(
    emu,
    clock,
    { canaries: 'fast-x\nslow-y', timeout: '10m', 'poll-interval': interval },
    {
      onSleep: (now) => {
        if (broken || now < brokenAt) return;
        broken = true;
        emu.setCanaryState('fast-x', 'ERROR', 'Lambda function not found');
      },
    },
  );
  await emu.close();
  return report;
}

describe('adversary2: a canary in ERROR at the look, after its pass', () => {
  /**
   * False pass that depends on poll timing. Reproduction: fast-x rate(1 minute) passing (10 s runs),
   * slow-y rate(5 minutes) whose run at 5m takes 80 s and passes at 6m20s; fast-x goes to ERROR
   * ("Lambda function not found") at 5m30s, after its last run (5m); timeout 10m, defaults.
   * At 0580e42: poll-interval 5s -> pass at 6m20s, fast-x reported in state RUNNING; poll-interval 30s ->
   * fail at 6m30s ("fast-x: canary is in state ERROR"), because only there is fast-x's next run
   * overdue (1.5 periods after 5m), which is what makes watch.ts read the states again (else every
   * 5 minutes: last at 5m00s). Now, as it should: fail at both. README "When the verdict is decided": "What
   * is read at the gate's own look instead: the canary's state (ERROR, DELETING or deleted fails
   * it, whatever its runs decided)"; "A canary fails at once when it is in ERROR"; DEVELOPERS.md:
   * "The verdict never depends on where poll ticks fall." Fix: read the states (DescribeCanaries,
   * one per five names) before a pass, as verify() confirms the runs before one.
   */
  it('fails at every poll interval', async () => {
    const results: string[] = [];
    for (const interval of ['5s', '30s']) results.push((await gateWithErrorAfterPass(interval)).result);
    expect(results).toEqual(['fail', 'fail']);
  });

  it('held: with 30 s polls the overdue run makes the gate read the state, and ERROR fails it', async () => {
    const report = await gateWithErrorAfterPass('30s');
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('ERROR');
  });
});

describe('adversary2: attacks through the gate that held', () => {
  it('a canary deleted after its pass fails the gate at the next 5 s poll (DescribeCanariesLastRun leaves it out, the states are read again)', async () => {
    for (const unknownLastRunNames of ['omit', 'not-found'] as const) {
      const clock = new ManualClock();
      const started = await startEmulator({
        clock,
        synthetics: { unknownLastRunNames },
        scenario: {
          canaries: [
            { name: 'fast-x', schedule: 'rate(1 minute)', defaultOutcome: passed() },
            { name: 'slow-y', schedule: 'rate(5 minutes)', defaultOutcome: passed(80 * SECOND_MS) },
          ],
        },
      });
      emu = started;
      const deletedAt = clock.now() + 5 * MINUTE_MS + 30 * SECOND_MS;
      let deleted = false;
      const { report } = await runGate(
        started,
        clock,
        { canaries: 'fast-x\nslow-y', timeout: '10m', 'poll-interval': '5s' },
        {
          onSleep: (now) => {
            if (deleted || now < deletedAt) return;
            deleted = true;
            started.setCanaryState('fast-x', 'DELETED');
          },
        },
      );
      expect(report.result).toBe('fail');
      expect(report.reason).toContain('deleted');
      await started.close();
      emu = undefined;
    }
  });

  it('consecutive-passes 2, passing, then a failure, then passes again: same verdict and moment at 5 s and 60 s polls', async () => {
    const outcomes: string[] = [];
    for (const interval of ['5s', '60s']) {
      const { emu, clock } = await world({
        canaries: [
          {
            name: 'fast-x',
            schedule: 'rate(1 minute)',
            script: [...Array.from({ length: 9 }, () => passed()), failed('HTTP 502')],
          },
          { name: 'slow-y', schedule: 'rate(5 minutes)' },
        ],
      });
      const { report } = await runGate(emu, clock, {
        canaries: 'fast-x\nslow-y',
        'consecutive-passes': '2',
        'min-success-percent': '80',
        timeout: '15m',
        'poll-interval': interval,
      });
      outcomes.push(`${report.result} ${(report.canaries[0]!.decidedAt! - report.startedAt) / SECOND_MS}s`);
      await emu.close();
    }
    // slow-y passes its second run at 10m20s; fast-x failed at 10m10s, passes again at 11m20s and
    // 12m20s (runs after the script take the default 20 s): the moment is 12m20s at any interval.
    expect(outcomes).toEqual(['pass 740s', 'pass 740s']);
  });

  it('min-success-percent 75, min-runs 3: pass, lost to two failures, regained: the same moment at 5 s and 60 s polls', async () => {
    const outcomes: string[] = [];
    for (const interval of ['5s', '60s']) {
      const { emu, clock } = await world({
        canaries: [
          {
            name: 'fast-x',
            schedule: 'rate(1 minute)',
            script: [passed(), passed(), passed(), failed('HTTP 502'), failed('HTTP 502')],
          },
          { name: 'slow-y', schedule: 'rate(2 minutes)' },
        ],
      });
      const { report } = await runGate(emu, clock, {
        canaries: 'fast-x\nslow-y',
        'min-runs': '3',
        'min-success-percent': '75',
        timeout: '15m',
        'poll-interval': interval,
      });
      const x = report.canaries[0]!;
      outcomes.push(
        `${report.result} ${(x.decidedAt! - report.startedAt) / SECOND_MS}s ${x.passed}/${x.runs}`,
      );
      await emu.close();
    }
    // fast-x passes at 3m10s, drops to 3/5 at 5m10s, is back at 6/8 (75%) at 8m20s; slow-y
    // passed its third run at 6m20s.
    expect(outcomes).toEqual(['pass 500s 6/8', 'pass 500s 6/8']);
  });

  it('on-timeout neutral: a canary that passed and then failed fails the gate; it is not a timeout', async () => {
    for (const failFast of ['true', 'false']) {
      const { emu, clock } = await world({
        canaries: [
          { name: 'fast-x', schedule: 'rate(1 minute)', script: [passed(), failed('HTTP 500 from /pay')] },
          { name: 'silent-y', schedule: 'rate(1 hour)' },
        ],
      });
      const { report } = await runGate(emu, clock, {
        canaries: 'fast-x\nsilent-y',
        'on-timeout': 'neutral',
        'fail-fast': failFast,
        timeout: '4m',
        'poll-interval': '60s',
      });
      expect(report).toMatchObject({ result: 'fail', status: 'failed' });
      expect(report.reason).toContain('HTTP 500 from /pay');
      await emu.close();
    }
  });

  it('trigger auto: a run-once canary that passed is not started again while the gate waits for another', async () => {
    const { emu, clock } = await world({
      canaries: [
        { name: 'once-x', schedule: 'rate(0 minute)', state: 'READY', script: [passed(5 * SECOND_MS)] },
        { name: 'slow-y', schedule: 'rate(0 minute)', state: 'READY', script: [passed(3 * MINUTE_MS)] },
      ],
    });
    const { report } = await runGate(emu, clock, {
      canaries: 'once-x\nslow-y',
      timeout: '10m',
      'poll-interval': '5s',
    });
    expect(report.result).toBe('pass');
    expect(report.canaries.map((c) => c.triggered)).toEqual([1, 1]);
    expect(emu.calls('StartCanary').filter((call) => call.params.Name === 'once-x')).toHaveLength(1);
  });
});

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const at = (minutes: number) => T0 + minutes * MINUTE_MS;
const everyMinute = (name: string, maxRetries?: number): CanaryInfo => ({
  name,
  state: 'RUNNING',
  schedule: 'rate(1 minute)',
  runOnce: false,
  periodMs: MINUTE_MS,
  ...(maxRetries === undefined ? {} : { maxRetries }),
});
const context = (overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({
  now: at(2.5),
  deadline: at(15),
  since: T0,
  startedAt: T0,
  thresholds: { minRuns: 1, minSuccessPercent: 100, failFast: true, treatExecutionFailuresAs: 'failure' },
  trigger: 'auto',
  final: false,
  ...overrides,
});

describe('adversary2: pure evaluation (retries: the emulator has none yet)', () => {
  /**
   * False pass. Reproduction (evaluateGate, one look at 2m30s): fast-x rate(1 minute) with
   * Schedule.RetryConfig.MaxRetries 2; its run at 1m passes at 1m10s; its scheduled run at 2m
   * FAILS at 2m10s (attempt 0, ScheduledRunId s2), the retry not yet started. slow-y's run at 1m
   * passes at 2m20s. At 0580e42: both pass, decidedAt 2m20s. The gate passes on a canary whose latest
   * scheduled run is known to have FAILED and whose retry is pending. Now, as it should: pending (not pass)
   * until the retry finishes: README "a failed attempt that still has retries left is treated as
   * in progress", and "A pass never rests on a run whose result is not known yet". Same root as
   * the first finding (holdsOnFinished ignores runs in flight), with a failure already in hand.
   */
  it('a failed attempt with a retry pending holds back a canary that passed before', () => {
    const x: RunRecord[] = [
      { id: 'x1', startedAt: at(1), completedAt: at(1) + 10 * SECOND_MS, state: 'PASSED' },
      {
        id: 'x2',
        startedAt: at(2),
        completedAt: at(2) + 10 * SECOND_MS,
        state: 'FAILED',
        reason: 'HTTP 500',
        scheduledRunId: 's2',
      },
    ];
    const y: RunRecord[] = [
      { id: 'y1', startedAt: at(1), completedAt: at(2) + 20 * SECOND_MS, state: 'PASSED' },
    ];
    const gate = evaluateGate(
      [
        { canary: everyMinute('fast-x', 2), runs: x },
        { canary: everyMinute('slow-y'), runs: y },
      ],
      context(),
    );
    expect(gate.evaluations[0]!.verdict).not.toBe('pass');
  });
});

describe('adversary2: a FAILED run without Timeline.Completed', () => {
  /**
   * False pass. Reproduction (evaluateGate, one look at 5m30s, defaults): fast-x rate(1 minute),
   * its run at 1m passes at 1m10s; its run at 2m is FAILED ("HTTP 500") with no Timeline.Completed
   * (CanaryRunTimeline.Completed is "Required: No", Synthetics API reference,
   * https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_CanaryRunTimeline.html); slow-y's run
   * at 5m passes at 5m20s. At 0580e42: pass, decidedAt 5m20s: moments.ts finishedAt() places the failure
   * at the gate's look (5m30s), so at 5m20s it is "in flight", which no longer holds back a
   * canary that passed (holdsOnFinished), and it is listed "after the verdict". A gate of fast-x
   * alone judges the same run at the look and is not hurt (adversary.test.ts "odd run records");
   * here a failure that started 3m20s before the deciding moment is waved through. Now, as it should: fail
   * (README "Pass and fail, exactly": a failure breaks min-success-percent 100; "A pass never
   * rests on a run whose result is not known yet": here the result is known, only its time is not).
   * A failure of unknown completion time is conservatively placed at its start, not at the look.
   */
  it('is not placed after the verdict when another canary passes later', () => {
    const x: RunRecord[] = [
      { id: 'x1', startedAt: at(1), completedAt: at(1) + 10 * SECOND_MS, state: 'PASSED' },
      { id: 'x2', startedAt: at(2), state: 'FAILED', reason: 'HTTP 500' },
    ];
    const y: RunRecord[] = [
      { id: 'y1', startedAt: at(5), completedAt: at(5) + 20 * SECOND_MS, state: 'PASSED' },
    ];
    const gate = evaluateGate(
      [
        { canary: { ...everyMinute('fast-x'), schedule: 'rate(1 minute)' }, runs: x },
        {
          canary: { ...everyMinute('slow-y'), schedule: 'rate(5 minutes)', periodMs: 5 * MINUTE_MS },
          runs: y,
        },
      ],
      context({ now: at(5.5) }),
    );
    expect(gate.evaluations[0]!.verdict).toBe('fail');
  });
});
