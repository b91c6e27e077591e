import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import type { AlarmSpec, AlarmState, CanarySpec } from '../../tools/emulator/index.js';
import { scenario, settings, template, world } from '../../tools/harness/run-experiment-world.js';

/**
 * Issue 9, done-when: the verdict never depends on where poll ticks fall, a pass always rests on
 * in-window evidence for every signal, and no experiment is left running. Each generated timeline
 * (an experiment of random length, a steady-state alarm changing state at random times, a canary
 * whose scheduled runs pass or fail, start late and last long at random) is replayed by the real
 * gate in-process (real SDK clients over HTTP to the emulator, ManualClock) under several poll
 * intervals, each sleep stretched by a random few seconds, so the ticks fall at different points
 * of the same timeline.
 *
 * Runs: a fixed number, not FUZZ_RUNS. One timeline costs POLL_PLANS gate runs of a few hundred
 * milliseconds each (an emulator, HTTP round trips, a 15-minute timeline replayed); 10,000 of them
 * would take hours, and even 500 several minutes of a shared two-core machine.
 */
const TIMELINES = 12;
const POLL_PLANS = 3;
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const ALARM = 'orders-errors';
const CANARY = 'checkout-canary';
const TERMINAL = new Set(['completed', 'stopped', 'failed', 'cancelled']);

interface Timeline {
  durationMs: number;
  initialAlarm: AlarmState;
  alarmChanges: { atMs: number; state: AlarmState }[];
  runs: { afterMs: number; durationMs: number; state: 'PASSED' | 'FAILED' }[];
}

interface PollPlan {
  intervalS: number;
  /** Extra milliseconds added to each sleep, in turn (a runner slower than its timer). */
  lag: number[];
}

const alarmState = fc.constantFrom<AlarmState>('OK', 'ALARM', 'INSUFFICIENT_DATA');

const timelineArb: fc.Arbitrary<Timeline> = fc.record({
  durationMs: fc.integer({ min: 20 * SECOND_MS, max: 4 * MINUTE_MS }),
  initialAlarm: fc.constantFrom<AlarmState>('OK', 'OK', 'OK', 'INSUFFICIENT_DATA'),
  alarmChanges: fc.array(
    fc.record({ atMs: fc.integer({ min: SECOND_MS, max: 6 * MINUTE_MS }), state: alarmState }),
    { maxLength: 2 },
  ),
  runs: fc.array(
    fc.record({
      afterMs: fc.integer({ min: 0, max: 10 * SECOND_MS }),
      durationMs: fc.integer({ min: 2 * SECOND_MS, max: 40 * SECOND_MS }),
      state: fc.constantFrom<'PASSED' | 'FAILED'>('PASSED', 'PASSED', 'PASSED', 'FAILED'),
    }),
    { minLength: 8, maxLength: 8 },
  ),
});

const pollPlanArb: fc.Arbitrary<PollPlan> = fc.record({
  intervalS: fc.integer({ min: 5, max: 45 }),
  lag: fc.array(fc.integer({ min: 0, max: 3 * SECOND_MS }), { minLength: 1, maxLength: 5 }),
});

/** Alarm changes in time order, each to a state different from the one before (as CloudWatch records them). */
function alarmSpec(timeline: Timeline): AlarmSpec {
  const changes: AlarmSpec['timeline'] = [];
  let state = timeline.initialAlarm;
  for (const change of [...timeline.alarmChanges].sort((a, b) => a.atMs - b.atMs)) {
    if (change.state === state || changes.some((c) => c.atMs === change.atMs)) continue;
    changes.push(change);
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
    defaultOutcome: { state: 'PASSED', durationMs: 10 * SECOND_MS },
  };
}

interface Verdict {
  passed: boolean;
  failures: string[];
  window: { start: number; end: number };
  /** Every experiment the gate started, with its status when the gate returned. */
  statuses: string[];
}

async function judge(timeline: Timeline, plan: PollPlan): Promise<Verdict> {
  const w = await world(
    scenario([template('EXTgen', { preset: 'completes', durationMs: timeline.durationMs })], {
      alarms: [alarmSpec(timeline)],
      canaries: [canarySpec(timeline)],
    }),
  );
  try {
    // The emulator's start: every scenario time is relative to it (the clock has not moved yet).
    const begin = w.clock.now();
    const sleep = w.deps.sleep;
    let tick = 0;
    w.deps.sleep = (ms, signal) => sleep(ms + plan.lag[tick++ % plan.lag.length]!, signal);
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTgen',
        preflight: 'false',
        'poll-interval': `${plan.intervalS}s`,
        timeout: '15m',
        'steady-state-alarms': ALARM,
        'steady-state-canaries': CANARY,
      }),
    );
    const experiment = w.emu.experiment(w.started[0]!)!;
    return {
      passed: report.passed,
      failures: report.failures,
      window: { start: experiment.startTime! - begin, end: (experiment.endTime ?? Number.NaN) - begin },
      statuses: w.started.map((id) => w.emu.experiment(id)?.status ?? 'unknown'),
    };
  } finally {
    await w.emu.close();
  }
}

/** The alarm's state at each moment of [start, end], from the generated timeline. */
function alarmOkThroughout(spec: AlarmSpec, start: number, end: number): boolean {
  let state = spec.state;
  for (const change of spec.timeline ?? []) {
    if (change.atMs > end) break;
    if (change.atMs > start && state !== 'OK') return false;
    state = change.state;
  }
  return state === 'OK';
}

/** Scheduled runs as the emulator makes them: the k-th at k minutes plus its own delay. */
function runsInWindow(timeline: Timeline, start: number, end: number) {
  return timeline.runs
    .map((run, index) => ({ ...run, startedAt: (index + 1) * MINUTE_MS + run.afterMs }))
    .filter((run) => run.startedAt >= start && run.startedAt <= end);
}

/**
 * Found by this property: signals that change just after FIS ended were judged by whichever poll
 * first saw the experiment ended. An alarm that fires 1 s after the end failed the gate when a
 * tick fell after it and passed when a tick fell between the end and it.
 */
const passingRuns = Array.from({ length: 8 }, () => ({
  afterMs: 0,
  durationMs: 5 * SECOND_MS,
  state: 'PASSED' as const,
}));
const AFTER_THE_END: [Timeline, PollPlan[]] = [
  {
    durationMs: 90 * SECOND_MS,
    initialAlarm: 'OK',
    alarmChanges: [{ atMs: 91 * SECOND_MS, state: 'ALARM' }],
    runs: passingRuns,
  },
  [
    { intervalS: 5, lag: [0] },
    { intervalS: 7, lag: [0] },
    { intervalS: 13, lag: [0] },
  ],
];

describe('run-experiment over generated timelines (issue 9)', () => {
  it('same verdict under every poll plan; a pass only on in-window evidence; nothing left running', async () => {
    await fc.assert(
      fc.asyncProperty(
        timelineArb,
        fc.array(pollPlanArb, { minLength: POLL_PLANS, maxLength: POLL_PLANS }),
        async (timeline, plans) => {
          const verdicts: Verdict[] = [];
          for (const plan of plans) verdicts.push(await judge(timeline, plan));
          // (c) every started experiment has ended (or is stopping after the gate's StopExperiment).
          for (const verdict of verdicts) {
            expect(verdict.statuses.length).toBe(1);
            for (const status of verdict.statuses) expect([...TERMINAL, 'stopping']).toContain(status);
          }
          // (a) the verdict does not depend on where the ticks fell.
          const passes = verdicts.map((verdict) => verdict.passed);
          expect(passes, JSON.stringify(verdicts.map((v) => v.failures))).toEqual(
            passes.map(() => passes[0]),
          );
          // (b) a pass rests on evidence from inside the experiment's window, for every signal.
          for (const verdict of verdicts.filter((v) => v.passed)) {
            const { start, end } = verdict.window;
            expect(alarmOkThroughout(alarmSpec(timeline), start, end)).toBe(true);
            const runs = runsInWindow(timeline, start, end);
            expect(runs.some((run) => run.state === 'PASSED')).toBe(true);
            expect(runs.some((run) => run.state === 'FAILED')).toBe(false);
          }
        },
      ),
      // A fixed seed, so CI judges the same timelines every run; PROPERTY_SEED=<n> explores others.
      {
        numRuns: TIMELINES,
        examples: [AFTER_THE_END],
        seed: Number(process.env.PROPERTY_SEED ?? 20_261_128),
      },
    );
  }, 120_000);
});
