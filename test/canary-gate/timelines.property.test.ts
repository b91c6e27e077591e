import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlarmSpec, AlarmState, CanarySpec } from '../../tools/emulator/index.js';
import { MINUTE_MS, manualEmulator, runGate, SECOND_MS } from '../../tools/harness/canary-gate-world.js';

/**
 * Issue 9, done-when, canary-gate side: the verdict never depends on where poll ticks fall, and a
 * pass always rests on in-window evidence for every signal. Each generated timeline (a 1-minute
 * canary whose first `min-runs` scheduled runs pass or fail, start late and last long at random;
 * an alarm changing state at random times) is judged by the real gate in-process (real SDK
 * clients over HTTP to the emulator, ManualClock) under several poll plans: a random start offset
 * (the window is fixed by an absolute `since`), a random interval up to 2.5 canary periods (so
 * whole runs fall between two polls), and each sleep stretched by a random few seconds.
 *
 * canary-gate decides as soon as the evidence is in, so its window ends at its decision: signal
 * changes are generated before the last run the verdict needs has finished, and the runs after it
 * pass. Within that, nothing about the ticks may change the verdict.
 *
 * Runs: a fixed number, not FUZZ_RUNS: one timeline costs POLL_PLANS gate runs of a few hundred
 * milliseconds each (an emulator, HTTP round trips, minutes replayed); 10,000 would take hours.
 */
const TIMELINES = 12;
/**
 * A fixed seed, so CI judges the same timelines every run; `PROPERTY_SEED=<n>` explores others.
 * Random seeds find the known defect below (one CI run in three did), which must not make CI
 * flaky while it is open.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_128);
const POLL_PLANS = 3;
const CANARY = 'checkout-api';
const ALARM = 'api-5xx';

interface Run {
  afterMs: number;
  durationMs: number;
  state: 'PASSED' | 'FAILED';
}

interface Timeline {
  minRuns: number;
  runs: Run[];
  initialAlarm: AlarmState;
  /** Fractions of the time before the last needed run ends. */
  alarmChanges: { at: number; state: AlarmState }[];
}

interface PollPlan {
  startOffsetMs: number;
  intervalS: number;
  lag: number[];
}

const runArb = (states: ('PASSED' | 'FAILED')[]) =>
  fc.record({
    afterMs: fc.integer({ min: 0, max: 10 * SECOND_MS }),
    durationMs: fc.integer({ min: 2 * SECOND_MS, max: 40 * SECOND_MS }),
    state: fc.constantFrom(...states),
  });

const timelineArb: fc.Arbitrary<Timeline> = fc.integer({ min: 1, max: 3 }).chain((minRuns) =>
  fc.record({
    minRuns: fc.constant(minRuns),
    runs: fc
      .tuple(
        fc.array(runArb(['PASSED', 'PASSED', 'PASSED', 'FAILED']), {
          minLength: minRuns,
          maxLength: minRuns,
        }),
        fc.array(runArb(['PASSED']), { minLength: 12, maxLength: 12 }),
      )
      .map(([needed, after]) => [...needed, ...after]),
    initialAlarm: fc.constantFrom<AlarmState>('OK', 'OK', 'OK', 'INSUFFICIENT_DATA'),
    alarmChanges: fc.array(
      fc.record({
        at: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        state: fc.constantFrom<AlarmState>('OK', 'ALARM', 'INSUFFICIENT_DATA'),
      }),
      { maxLength: 2 },
    ),
  }),
);

const pollPlanArb: fc.Arbitrary<PollPlan> = fc.record({
  startOffsetMs: fc.integer({ min: 0, max: 30 * SECOND_MS }),
  intervalS: fc.integer({ min: 5, max: 150 }),
  lag: fc.array(fc.integer({ min: 0, max: 3 * SECOND_MS }), { minLength: 1, maxLength: 5 }),
});

/** When scheduled run `index` (0-based) starts and ends, as the emulator makes it. */
const startOf = (timeline: Timeline, index: number) =>
  (index + 1) * MINUTE_MS + timeline.runs[index]!.afterMs;
const endOf = (timeline: Timeline, index: number) =>
  startOf(timeline, index) + timeline.runs[index]!.durationMs;

/** The last needed run's end: every signal change happens before it. */
const decisionBound = (timeline: Timeline) => endOf(timeline, timeline.minRuns - 1);

function alarmSpec(timeline: Timeline): AlarmSpec {
  const bound = decisionBound(timeline);
  const changes: NonNullable<AlarmSpec['timeline']> = [];
  let state = timeline.initialAlarm;
  for (const change of [...timeline.alarmChanges].sort((a, b) => a.at - b.at)) {
    const atMs = Math.floor(change.at * bound);
    if (change.state === state || changes.some((c) => c.atMs === atMs)) continue;
    changes.push({ atMs, state: change.state });
    state = change.state;
  }
  return { name: ALARM, state: timeline.initialAlarm, timeline: changes };
}

function canarySpec(timeline: Timeline): CanarySpec {
  return {
    name: CANARY,
    schedule: 'rate(1 minute)',
    history: [{ startedAtMs: -50 * SECOND_MS, durationMs: 10 * SECOND_MS, state: 'PASSED' }],
    script: timeline.runs,
  };
}

async function judge(timeline: Timeline, plan: PollPlan): Promise<'pass' | 'fail' | 'neutral'> {
  const { emu, clock } = await manualEmulator({
    canaries: [canarySpec(timeline)],
    alarms: [alarmSpec(timeline)],
  });
  try {
    const since = new Date(clock.now()).toISOString();
    emu.advance(plan.startOffsetMs);
    let tick = 0;
    const { report } = await runGate(
      emu,
      clock,
      {
        canaries: CANARY,
        alarms: ALARM,
        since,
        'min-runs': String(timeline.minRuns),
        'poll-interval': `${plan.intervalS}s`,
        timeout: '15m',
      },
      { onSleep: () => emu.advance(plan.lag[tick++ % plan.lag.length]!) },
    );
    return report.result;
  } finally {
    await emu.close();
  }
}

/** What the timeline says: a pass needs every needed run PASSED, no ALARM, and OK at the end. */
function earned(timeline: Timeline): boolean {
  const spec = alarmSpec(timeline);
  const states = [spec.state, ...(spec.timeline ?? []).map((change) => change.state)];
  const runsPassed = timeline.runs.slice(0, timeline.minRuns).every((run) => run.state === 'PASSED');
  return runsPassed && !states.includes('ALARM') && states.at(-1) === 'OK';
}

describe('canary-gate over generated timelines (issue 9)', () => {
  it('same verdict under every poll plan, and a pass only on in-window evidence', async () => {
    await fc.assert(
      fc.asyncProperty(
        timelineArb,
        fc.array(pollPlanArb, { minLength: POLL_PLANS, maxLength: POLL_PLANS }),
        async (timeline, plans) => {
          const results: string[] = [];
          for (const plan of plans) results.push(await judge(timeline, plan));
          // (a) the verdict does not depend on where the ticks fell.
          expect(results).toEqual(results.map(() => results[0]));
          // (b) a pass rests on in-window evidence (the needed runs passed, the alarm was never in
          // ALARM in the window and was OK at the last look), and such evidence is a pass.
          expect(results[0] === 'pass').toBe(earned(timeline));
        },
      ),
      { numRuns: TIMELINES, seed: SEED },
    );
  }, 180_000);
});

/**
 * Found by this property with seed 592784985: when a run in flight was never a pass and the window
 * ended at the gate's look, a canary mid-run at every poll (every poll 117-120 s apart landed in
 * the first seconds of a minute, while a run was going) never reached a quiet moment and timed
 * out, where 5 s polls passed on the same timeline. The runs are now judged as they stood at each
 * completion (evaluate.ts), so both plans pass. This test failed before that change.
 */
describe('canary-gate: a canary mid-run at every poll (issue 9, seed 592784985)', () => {
  const mid = (durationMs: number): Run => ({ afterMs: 0, durationMs, state: 'PASSED' });
  const timeline: Timeline = {
    minRuns: 1,
    runs: [2000, 13568, 2000, 12416, 2000, 10992, 2000, 9502, 2000, 8350, 2000, 6926, 2000].map(mid),
    initialAlarm: 'OK',
    alarmChanges: [],
  };

  it('gets the verdict fast polls give', async () => {
    const fast = await judge(timeline, { startOffsetMs: 0, intervalS: 5, lag: [0] });
    const slow = await judge(timeline, { startOffsetMs: 8_880, intervalS: 117, lag: [1_848, 1_576] });
    expect(fast).toBe('pass');
    expect(slow).toBe(fast);
  }, 180_000);
});
