import { GetExperimentCommand, StartExperimentCommand } from '@aws-sdk/client-fis';
import { executeExperiment } from '../actions/run-experiment/src/experiment.js';
import type { ExperimentStep, RecordedRequest } from '../tools/emulator/index.js';
import {
  MINUTE_MS,
  SECOND_MS,
  STOP_ALARM,
  scenario,
  settings,
  template,
  world,
} from '../tools/harness/run-experiment-world.js';
import { median, ms, ratio, recordResults } from './lib.js';

/**
 * run-experiment in-process: real SDK clients over HTTP to the emulator, a ManualClock that the
 * gate's injected sleep advances, so a 10-minute experiment replays in milliseconds. Counts the
 * API calls against the ideal (one GetExperiment per poll interval), measures on the emulator's
 * clock how long after the terminal state the verdict came, and times the whole replay against
 * the same number of bare GetExperiment calls made with the SDK client in a loop.
 * Goals: GetExperiment calls ≈ duration / interval + 1; verdict within one interval.
 */
const RUNS = 5;
const STOPPING_MS = 2 * SECOND_MS;

interface Variant {
  name: string;
  steps: ExperimentStep[];
  /** Steady-state canaries (rate(1 minute), all passing) watched in the same poll. */
  canaries?: number;
  /** After StartExperiment, when the experiment reaches its terminal state. */
  terminalAtMs: number;
}

const RUNNING_AT_MS = 15 * SECOND_MS;
const COMPLETES: Variant = {
  name: 'completes after 10 min running',
  steps: [
    { afterMs: 0, status: 'pending' },
    { afterMs: 5 * SECOND_MS, status: 'initiating', reason: 'Experiment is initiating.' },
    { afterMs: RUNNING_AT_MS, status: 'running', reason: 'Experiment is running.' },
    { afterMs: RUNNING_AT_MS + 10 * MINUTE_MS, status: 'completed', reason: 'Experiment completed.' },
  ],
  terminalAtMs: RUNNING_AT_MS + 10 * MINUTE_MS,
};
/** Seven canaries: two DescribeCanariesLastRun per poll if canary reads are batched by five. */
const STEADY_CANARIES = 7;
const COMPLETES_WATCHED: Variant = {
  ...COMPLETES,
  name: `completes after 10 min running, ${STEADY_CANARIES} steady-state canaries`,
  canaries: STEADY_CANARIES,
};
const canaryNames = (count: number) => Array.from({ length: count }, (_, i) => `bench-canary-${i + 1}`);

const STOP_AT_MS = 6 * MINUTE_MS;
const STOP_REASON = `Stop condition triggered: arn:aws:cloudwatch:us-east-1:123456789012:alarm:${STOP_ALARM}`;
const STOP_CONDITION: Variant = {
  name: 'stop condition fires at minute 6',
  steps: [
    { afterMs: 0, status: 'pending' },
    { afterMs: 5 * SECOND_MS, status: 'initiating', reason: 'Experiment is initiating.' },
    { afterMs: RUNNING_AT_MS, status: 'running', reason: 'Experiment is running.' },
    {
      afterMs: STOP_AT_MS,
      status: 'stopping',
      reason: STOP_REASON,
      setAlarm: { name: STOP_ALARM, state: 'ALARM' },
    },
    { afterMs: STOP_AT_MS + STOPPING_MS, status: 'stopped', reason: STOP_REASON },
  ],
  terminalAtMs: STOP_AT_MS + STOPPING_MS,
};

const TEMPLATE_ID = 'EXTbench10minute';

function byOperation(requests: readonly RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
}

interface Replay {
  wallMs: number;
  getExperimentCalls: number;
  requests: RecordedRequest[];
  /** Emulator-clock ms from the terminal state to the verdict. */
  verdictDelayMs: number;
  /** Emulator-clock ms from StartExperiment to the terminal state. */
  durationMs: number;
  outcome: string;
  passed: boolean;
}

async function replay(variant: Variant, pollInterval: string): Promise<Replay> {
  const names = canaryNames(variant.canaries ?? 0);
  const canaries = names.map((name, i) => ({
    name,
    schedule: 'rate(1 minute)',
    defaultOutcome: {
      state: 'PASSED' as const,
      afterMs: (i + 1) * 3 * SECOND_MS,
      durationMs: 10 * SECOND_MS,
    },
  }));
  const w = await world(scenario([template(TEMPLATE_ID, variant.steps)], { canaries }));
  try {
    const inputs = {
      'experiment-template-id': TEMPLATE_ID,
      'poll-interval': pollInterval,
      timeout: '30m',
      ...(names.length > 0 ? { 'steady-state-canaries': names.join(',') } : {}),
    };
    const started = performance.now();
    const report = await executeExperiment(w.deps, settings(inputs));
    const wallMs = performance.now() - started;
    const verdictAt = w.clock.now();
    const record = w.emu.experiment(report.experiment!.id)!;
    return {
      wallMs,
      getExperimentCalls: w.emu.calls('GetExperiment').length,
      requests: [...w.emu.requests],
      verdictDelayMs: verdictAt - record.endTime!,
      durationMs: record.endTime! - record.startTime!,
      outcome: report.outcome,
      passed: report.passed,
    };
  } finally {
    await w.emu.close();
  }
}

/** The same number of GetExperiment calls, bare, with the SDK client of a fresh world. */
async function bareCalls(variant: Variant, calls: number): Promise<number> {
  const w = await world(scenario([template(TEMPLATE_ID, variant.steps)]));
  try {
    const { experiment } = await w.deps.fis.send(
      new StartExperimentCommand({ experimentTemplateId: TEMPLATE_ID, clientToken: `bench-${Date.now()}` }),
    );
    const started = performance.now();
    for (let i = 0; i < calls; i += 1)
      await w.deps.fis.send(new GetExperimentCommand({ id: experiment!.id! }));
    return performance.now() - started;
  } finally {
    await w.emu.close();
  }
}

export async function run(): Promise<void> {
  const rows: string[][] = [];
  // Warm up the SDK, the emulator and the JIT once before anything is timed.
  for (let i = 0; i < 3; i += 1) {
    await replay(COMPLETES, '15s');
    await bareCalls(COMPLETES, 42);
  }
  for (const variant of [COMPLETES, COMPLETES_WATCHED, STOP_CONDITION]) {
    for (const pollInterval of ['15s', '30s']) {
      const intervalMs = pollInterval === '15s' ? 15 * SECOND_MS : 30 * SECOND_MS;
      await replay(variant, pollInterval); // warm-up
      const replays: Replay[] = [];
      for (let i = 0; i < RUNS; i += 1) replays.push(await replay(variant, pollInterval));
      const first = replays[0]!;
      const baselines: number[] = [];
      await bareCalls(variant, first.getExperimentCalls);
      for (let i = 0; i < RUNS; i += 1) baselines.push(await bareCalls(variant, first.getExperimentCalls));
      const ideal = Math.ceil(first.durationMs / intervalMs) + 1;
      const gateMs = median(replays.map((r) => r.wallMs));
      const bareMs = median(baselines);
      const delays = replays.map((r) => r.verdictDelayMs);
      const worstDelay = Math.max(...delays);
      const callsOk = first.getExperimentCalls <= ideal + 1;
      rows.push([
        variant.name,
        pollInterval,
        `${(first.durationMs / 1000).toFixed(0)} s`,
        `${first.outcome}${first.passed ? ' (pass)' : ' (fail)'}`,
        `${first.getExperimentCalls} / ${ideal}`,
        byOperation(first.requests),
        `${(worstDelay / 1000).toFixed(1)} s`,
        ms(gateMs),
        ms(bareMs),
        ratio(gateMs, bareMs),
        `${callsOk ? 'calls met' : 'calls NOT met'}; ${worstDelay <= intervalMs ? 'verdict met' : 'verdict NOT met'}`,
      ]);
    }
  }
  recordResults({
    title: 'run-experiment: a 10-minute experiment replayed on a ManualClock',
    note:
      `In-process executeExperiment with real SDK clients over HTTP to the emulator (tools/harness/run-experiment-world.ts world()). ` +
      `Template timeline: pending → initiating (5 s) → running (15 s) → completed 10 min later, or stopping at minute 6 (stop-condition alarm) → stopped 2 s later. ` +
      `With ${STEADY_CANARIES} steady-state canaries (rate(1 minute), passing) DescribeCanariesLastRun is read in batches of five, in the same poll. ` +
      `Ideal GetExperiment calls = ceil(duration / interval) + 1. Verdict delay is on the emulator clock, terminal state → report returned (worst of ${RUNS}). ` +
      `Wall: median of ${RUNS} replays (after a warm-up), fresh emulator each, vs the same number of bare GetExperiment calls with the SDK client (median of ${RUNS}). ` +
      'Goals: one GetExperiment per poll interval (≤ ideal + 1), verdict within one interval.',
    headers: [
      'variant',
      'poll',
      'duration',
      'outcome',
      'GetExperiment / ideal',
      'API calls by operation',
      'verdict delay',
      'gate wall',
      'bare GetExperiment',
      'vs bare',
      'goals',
    ],
    rows,
  });
}
