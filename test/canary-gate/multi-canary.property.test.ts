import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanaryRunSpec, CanarySpec } from '../../tools/emulator/index.js';
import { MINUTE_MS, manualEmulator, runGate, SECOND_MS } from '../../tools/harness/canary-gate-world.js';
import {
  type OracleCanary,
  type OracleGate,
  type OracleVerdict,
  oracleVerdict,
} from './multi-canary.oracle.js';

/**
 * Issue 9 for gates of several canaries: 2-4 canaries on rate(1), rate(2) and rate(5 minutes)
 * schedules, each at its own random phase, with runs of random length (on the 1-minute ones up
 * to 90 s, so runs overlap and finish out of order) and random outcomes; random thresholds,
 * fail-fast, timeout and on-timeout. The real gate judges each scenario in-process (real SDK
 * clients over HTTP to the emulator, ManualClock) under several poll plans, as
 * timelines.property.test.ts does, and
 *
 * (a) every plan that starts the gate before any run in the window finished gets the same
 *     `result` (unless the oracle says the plans' deadlines, which follow their starts, decide);
 * (b) each plan's `result` is the oracle's (multi-canary.oracle.ts: the README rule, replayed on
 *     the scenario's timeline), and a pass is decided at the oracle's moment; also for one more
 *     plan that starts the gate up to 3 minutes late, after some runs finished (the README judges
 *     those together, as they stood at the gate's start, so its result may differ).
 *
 * Runs: a fixed number, not FUZZ_RUNS: one scenario costs POLL_PLANS + 1 gate runs of up to a
 * second each.
 */
const SCENARIOS = Number(process.env.PROPERTY_RUNS ?? 24);
/** A fixed seed, so CI judges the same scenarios every run; `PROPERTY_SEED=<n>` explores others. */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_128);
const POLL_PLANS = 3;
/** Runs scripted per canary reach past the latest deadline (timeout 15 min, start offset 30 s). */
const HORIZON_MS = 18 * MINUTE_MS;

interface Run {
  durationMs: number;
  state: 'PASSED' | 'FAILED';
}

interface Canary {
  periodMin: 1 | 2 | 5;
  /** Runs start at `phaseMs + k * period` after the emulator's start, for every k. */
  phaseMs: number;
  /** k = -2 and -1: before `since` (the later one may still be running at it). */
  before: Run[];
  /** k = 0, 1, ...: in the window. */
  runs: Run[];
}

interface Scenario {
  canaries: Canary[];
  minRuns: number;
  minSuccessPercent: number;
  consecutivePasses?: number;
  failFast: boolean;
  timeoutS: number;
  onTimeout: 'fail' | 'neutral';
}

interface PollPlan {
  startOffsetMs: number;
  intervalS: number;
  lag: number[];
}

/** Run lengths: any, or all long (a 1-minute canary then always has a run in flight). */
type Lengths = 'any' | 'long';

const runArb = (periodMin: number, failRate: number, lengths: Lengths): fc.Arbitrary<Run> =>
  fc.record({
    durationMs: fc.integer({
      min: (lengths === 'long' ? 55 : 2) * SECOND_MS,
      max: (periodMin === 1 ? 90 : 100) * SECOND_MS,
    }),
    state: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x < failRate ? 'FAILED' : 'PASSED')),
  });

/**
 * How a canary's runs in the window fail: never, at random (some or many), or once among its first
 * five runs (where the verdict is decided; a run in flight that fails must hold a pass back).
 */
const FAIL_RATES = { none: 0, some: 0.1, many: 0.4, once: 0 } as const;
type Trouble = keyof typeof FAIL_RATES;

const canaryArb: fc.Arbitrary<Canary> = fc
  .tuple(
    fc.constantFrom<1 | 2 | 5>(1, 2, 5),
    fc.constantFrom<Trouble>('none', 'none', 'none', 'some', 'many', 'once', 'once'),
    fc.constantFrom<Lengths>('any', 'any', 'long'),
  )
  .chain(([periodMin, trouble, lengths]) => {
    const count = Math.ceil(HORIZON_MS / (periodMin * MINUTE_MS));
    const runs = fc.array(runArb(periodMin, FAIL_RATES[trouble], lengths), {
      minLength: count,
      maxLength: count,
    });
    return fc.record({
      periodMin: fc.constant(periodMin),
      phaseMs: fc.integer({ min: 0, max: periodMin * MINUTE_MS - 1 }),
      before: fc.array(runArb(periodMin, 0.3, 'any'), { minLength: 2, maxLength: 2 }),
      runs:
        trouble === 'once'
          ? fc
              .tuple(runs, fc.integer({ min: 0, max: 4 }))
              .map(([all, at]) => all.map((run, i): Run => (i === at ? { ...run, state: 'FAILED' } : run)))
          : runs,
    });
  });

const scenarioArb: fc.Arbitrary<Scenario> = fc.record(
  {
    canaries: fc.array(canaryArb, { minLength: 2, maxLength: 4 }),
    minRuns: fc.integer({ min: 1, max: 3 }),
    minSuccessPercent: fc.oneof(fc.constant(100), fc.integer({ min: 50, max: 80 })),
    consecutivePasses: fc.integer({ min: 1, max: 3 }),
    failFast: fc.boolean(),
    timeoutS: fc.integer({ min: 600, max: 900 }),
    onTimeout: fc.constantFrom<'fail' | 'neutral'>('fail', 'neutral'),
  },
  { requiredKeys: ['canaries', 'minRuns', 'minSuccessPercent', 'failFast', 'timeoutS', 'onTimeout'] },
);

/** The gate starts before any run in the window can finish, or (`late`) after some did. */
const pollPlanArb = (late: boolean): fc.Arbitrary<PollPlan> =>
  fc.record({
    startOffsetMs: late
      ? fc.integer({ min: 30 * SECOND_MS, max: 3 * MINUTE_MS })
      : fc.integer({ min: 0, max: 30 * SECOND_MS }),
    intervalS: fc.integer({ min: 5, max: 150 }),
    lag: fc.array(fc.integer({ min: 0, max: 3 * SECOND_MS }), { minLength: 1, maxLength: 5 }),
  });

const nameOf = (index: number) => `canary-${index}`;
const periodMs = (canary: Canary) => canary.periodMin * MINUTE_MS;
/** Start of run k (k < 0: before the window), relative to the emulator's start. */
const startOf = (canary: Canary, k: number) => canary.phaseMs + k * periodMs(canary);

/** The emulator schedules run k >= 1 at k periods; the phase delays each. Earlier runs: history. */
function canarySpec(canary: Canary, index: number): CanarySpec {
  const history: CanaryRunSpec[] = [...canary.before, canary.runs[0]!].map((run, i) => ({
    startedAtMs: startOf(canary, i - canary.before.length),
    durationMs: run.durationMs,
    state: run.state,
  }));
  return {
    name: nameOf(index),
    schedule: canary.periodMin === 1 ? 'rate(1 minute)' : `rate(${canary.periodMin} minutes)`,
    history,
    script: canary.runs.slice(1).map((run) => ({ ...run, afterMs: canary.phaseMs })),
    defaultOutcome: { state: 'PASSED', afterMs: canary.phaseMs, durationMs: 10 * SECOND_MS },
  };
}

/** The same timeline for the oracle, on the emulator's clock. */
function oracleCanary(canary: Canary, start: number): OracleCanary {
  const runs = [...canary.before, ...canary.runs].map((run, i) => {
    const startedAt = start + startOf(canary, i - canary.before.length);
    return { startedAt, completedAt: startedAt + run.durationMs, passed: run.state === 'PASSED' };
  });
  return { periodMs: periodMs(canary), runs };
}

function oracleFor(scenario: Scenario, start: number, plan: PollPlan): OracleVerdict {
  const gateStart = start + plan.startOffsetMs;
  const gate: OracleGate = {
    since: start,
    gateStart,
    deadline: gateStart + scenario.timeoutS * SECOND_MS,
    thresholds: {
      minRuns: scenario.minRuns,
      minSuccessPercent: scenario.minSuccessPercent,
      ...(scenario.consecutivePasses === undefined ? {} : { consecutivePasses: scenario.consecutivePasses }),
    },
    failFast: scenario.failFast,
    onTimeout: scenario.onTimeout,
  };
  return oracleVerdict(
    scenario.canaries.map((canary) => oracleCanary(canary, start)),
    gate,
  );
}

function gateInputs(scenario: Scenario, plan: PollPlan, since: string): Record<string, string> {
  return {
    canaries: scenario.canaries.map((_, i) => nameOf(i)).join('\n'),
    since,
    'min-runs': String(scenario.minRuns),
    'min-success-percent': String(scenario.minSuccessPercent),
    ...(scenario.consecutivePasses === undefined
      ? {}
      : { 'consecutive-passes': String(scenario.consecutivePasses) }),
    'fail-fast': String(scenario.failFast),
    'on-timeout': scenario.onTimeout,
    'poll-interval': `${plan.intervalS}s`,
    timeout: `${scenario.timeoutS}s`,
  };
}

interface Judged {
  result: string;
  decidedAt?: number;
  oracle: OracleVerdict;
}

async function judge(scenario: Scenario, plan: PollPlan): Promise<Judged> {
  const { emu, clock } = await manualEmulator({ canaries: scenario.canaries.map(canarySpec) });
  try {
    const start = clock.now();
    const since = new Date(start).toISOString();
    emu.advance(plan.startOffsetMs);
    let tick = 0;
    const { report } = await runGate(emu, clock, gateInputs(scenario, plan, since), {
      onSleep: () => emu.advance(plan.lag[tick++ % plan.lag.length]!),
    });
    const decidedAt = report.canaries.find((canary) => canary.decidedAt !== undefined)?.decidedAt;
    return {
      result: report.result,
      ...(decidedAt === undefined ? {} : { decidedAt }),
      oracle: oracleFor(scenario, start, plan),
    };
  } finally {
    await emu.close();
  }
}

/** Each plan's result is the oracle's, a pass at the oracle's moment. */
function checkOracle(judged: readonly Judged[]): void {
  for (const { result, decidedAt, oracle } of judged) {
    expect({ result }).toEqual({ result: oracle.result });
    if (oracle.result === 'pass') expect(decidedAt).toBe(oracle.decidedAt);
  }
}

/** The same result for every plan, unless the README lets their start or deadline matter. */
function checkSameResult(judged: readonly Judged[]): void {
  if (new Set(judged.map(({ oracle }) => oracle.result)).size > 1) return;
  expect(judged.map(({ result }) => result)).toEqual(judged.map(() => judged[0]!.result));
}

describe('canary-gate over generated multi-canary timelines (issue 9)', () => {
  it('the README verdict, whatever the poll plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.array(pollPlanArb(false), { minLength: POLL_PLANS, maxLength: POLL_PLANS }),
        pollPlanArb(true),
        async (scenario, plans, late) => {
          const judged: Judged[] = [];
          for (const plan of plans) judged.push(await judge(scenario, plan));
          checkSameResult(judged);
          checkOracle([...judged, await judge(scenario, late)]);
        },
      ),
      { numRuns: SCENARIOS, seed: SEED },
    );
  }, 600_000);
});

/** The oracle on timelines worked by hand from the README (seconds after `since`). */
describe('the multi-canary oracle on hand-worked timelines', () => {
  const s = SECOND_MS;
  const canary = (periodS: number, runs: [number, number, boolean][]): OracleCanary => ({
    periodMs: periodS * s,
    runs: runs.map(([from, to, passed]) => ({ startedAt: from * s, completedAt: to * s, passed })),
  });
  const gate = (overrides: Partial<OracleGate> = {}): OracleGate => ({
    since: 0,
    gateStart: 0,
    deadline: 600 * s,
    thresholds: { minRuns: 1, minSuccessPercent: 100 },
    failFast: true,
    onTimeout: 'neutral',
    ...overrides,
  });

  it('a failure that breaks the streak takes the pass back; the finished runs give it again', () => {
    const a = canary(60, [
      [0, 10, true],
      [60, 70, false],
      [120, 130, true],
    ]);
    const b = canary(120, [[30, 80, true]]);
    const thresholds = { minRuns: 1, minSuccessPercent: 50, consecutivePasses: 1 };
    // At 80 b passes but a's failure at 70 broke its streak; at 130 a holds again (2/3, 1 in a row).
    expect(oracleVerdict([a, b], gate({ thresholds }))).toEqual({ result: 'pass', decidedAt: 130 * s });
  });

  it('a first pass waits until no run in flight could break it', () => {
    const a = canary(60, [
      [0, 70, true],
      [60, 100, true],
    ]);
    const b = canary(120, [[0, 20, true]]);
    expect(oracleVerdict([a, b], gate())).toEqual({ result: 'pass', decidedAt: 100 * s });
  });

  it('at the deadline: a counted failure fails, missing runs time out', () => {
    const short = canary(300, [[0, 10, true]]);
    const thresholds = { minRuns: 3, minSuccessPercent: 100 };
    expect(oracleVerdict([short, canary(60, [[0, 5, true]])], gate({ thresholds }))).toEqual({
      result: 'neutral',
    });
    const failing = canary(60, [[0, 5, false]]);
    expect(oracleVerdict([short, failing], gate({ thresholds, failFast: false }))).toEqual({
      result: 'fail',
    });
  });

  it('runs before since never count; runs done before the gate started are judged together', () => {
    const a = canary(60, [
      [-30, 20, false],
      [0, 10, true],
      [60, 65, false],
    ]);
    const b = canary(120, [[5, 40, true]]);
    expect(oracleVerdict([a, b], gate({ gateStart: 50 * s }))).toEqual({ result: 'pass', decidedAt: 50 * s });
    expect(oracleVerdict([a, b], gate({ gateStart: 70 * s }))).toEqual({ result: 'fail', decidedAt: 70 * s });
  });
});

/** Directed timelines through the real gate: each would flip under the rule it names. */
describe('canary-gate multi-canary: the rule on worked timelines (issue 9)', () => {
  const ok = (durationMs = 10 * SECOND_MS): Run => ({ durationMs, state: 'PASSED' });
  const bad = (durationMs = 10 * SECOND_MS): Run => ({ durationMs, state: 'FAILED' });
  /** A canary whose first window runs are `first`, then passes; passing runs before `since`. */
  const canary = (periodMin: 1 | 2 | 5, phaseMs: number, first: Run[]): Canary => ({
    periodMin,
    phaseMs,
    before: [ok(), ok()],
    runs: [...first, ...Array.from({ length: HORIZON_MS / (periodMin * MINUTE_MS) }, () => ok())],
  });
  const strict: Omit<Scenario, 'canaries'> = {
    minRuns: 1,
    minSuccessPercent: 100,
    failFast: true,
    timeoutS: 600,
    onTimeout: 'neutral',
  };
  const plan = (startOffsetMs: number, intervalS: number, lag = 0): PollPlan => ({
    startOffsetMs,
    intervalS,
    lag: [lag],
  });

  it('a pass never rests on a run in flight: the overlapping run that fails decides', async () => {
    // b passes at 11 s. a's first run (5-75 s) passes while its second (65-80 s) runs, and fails.
    const scenario: Scenario = {
      ...strict,
      canaries: [
        canary(1, 5 * SECOND_MS, [ok(70 * SECOND_MS), bad(15 * SECOND_MS)]),
        canary(2, SECOND_MS, []),
      ],
    };
    const judged = [
      await judge(scenario, plan(0, 5)),
      await judge(scenario, plan(20 * SECOND_MS, 150, 3_000)),
    ];
    expect(judged.map(({ oracle }) => oracle.result)).toEqual(['fail', 'fail']);
    checkOracle(judged);
  }, 60_000);

  it('runs that finished before the gate started are judged together, as they stood then', async () => {
    // a passes early and fails at 70 s (66-70 s); b passes at 65 s, before a's failing run
    // starts. A gate started at the emulator's start passes at 65 s; one started at 100 s sees
    // a's failure with b's pass.
    const scenario: Scenario = {
      ...strict,
      canaries: [
        canary(1, 6 * SECOND_MS, [ok(), bad(4 * SECOND_MS)]),
        canary(2, 5 * SECOND_MS, [ok(60 * SECOND_MS)]),
      ],
    };
    const judged = [await judge(scenario, plan(0, 5)), await judge(scenario, plan(100 * SECOND_MS, 30))];
    expect(judged.map(({ oracle }) => oracle.result)).toEqual(['pass', 'fail']);
    checkOracle(judged);
  }, 60_000);
});
