import { DescribeCanariesLastRunCommand } from '@aws-sdk/client-synthetics';
import type { CanarySpec, RecordedRequest, Scenario } from '../tools/emulator/index.js';
import {
  clientsFor,
  MINUTE_MS,
  manualEmulator,
  runGate,
  SECOND_MS,
} from '../tools/harness/canary-gate-world.js';
import { median, ms, ratio, recordResults } from './lib.js';

/**
 * canary-gate in-process: evaluateCanaries with real SDK clients over HTTP to the emulator and a
 * ManualClock that the gate's sleep advances. 20 canaries on rate(1 minute) / rate(5 minutes)
 * schedules whose runs appear over time; min-runs 2, poll-interval 30 s. Counts Synthetics calls
 * against issue 9's goal, "canary reads batched by five": one DescribeCanariesLastRun per five
 * canaries per poll (≤ 4), never more than five names in a DescribeCanaries or
 * DescribeCanariesLastRun call, and GetCanaryRuns at most twice per canary (the "could a run have
 * been missed" read and the confirmation before a pass). Measures on the emulator clock the delay
 * from the deciding run's completion to the verdict (goal: within one interval), and times whole
 * replays against the same number of bare DescribeCanariesLastRun calls.
 */
const RUNS = 5;
const CANARIES = 20;
const MIN_RUNS = 2;
const POLL_MS = 30 * SECOND_MS;
const INPUTS = { canaries: 'bench-*', 'min-runs': String(MIN_RUNS), 'poll-interval': '30s', timeout: '20m' };

interface CanaryPlan {
  spec: CanarySpec;
  rateMs: number;
  /** Start of the first run after since, relative to since (= the emulator start). */
  firstRunAtMs: number;
  durationMs: number;
  /** 1-based run after since that fails, if any. */
  failsAtRun?: number;
}

interface Variant {
  name: string;
  plans: CanaryPlan[];
}

/**
 * Canary i: its own phase (offset) and run duration, deterministic. A deployed canary has been
 * running all along: its history holds runs every period on its phase, the newest of them at
 * +offset (it appears once the clock gets there; the emulator schedules the next one a period
 * later). A new canary (history false) has its first run one period plus its offset after since.
 */
function plan(index: number, rateMs: number, failsAtRun?: number, history = true): CanaryPlan {
  const offsetMs = ((index * 7_919) % Math.min(rateMs - 25 * SECOND_MS, 4 * MINUTE_MS)) + SECOND_MS;
  const durationMs = 12 * SECOND_MS + ((index * 3_331) % (12 * SECOND_MS));
  const outcome = { state: 'PASSED' as const, afterMs: offsetMs, durationMs };
  // Index of the first scripted (scheduled by the emulator) run among the runs after since.
  const firstScripted = history ? 2 : 1;
  const script =
    failsAtRun === undefined
      ? []
      : Array.from({ length: failsAtRun - firstScripted + 1 }, (_, k) =>
          k + firstScripted === failsAtRun
            ? {
                state: 'FAILED' as const,
                afterMs: offsetMs,
                durationMs,
                reason: 'Timed out waiting for #checkout-button',
                reasonCode: 'CANARY_FAILURE' as const,
              }
            : outcome,
        );
  return {
    spec: {
      name: `bench-${String(index).padStart(2, '0')}`,
      schedule: rateMs === MINUTE_MS ? 'rate(1 minute)' : `rate(${rateMs / MINUTE_MS} minutes)`,
      defaultOutcome: outcome,
      ...(history
        ? {
            history: [0, 1, 2, 3].map((k) => ({
              startedAtMs: offsetMs - k * rateMs,
              durationMs,
              state: 'PASSED' as const,
            })),
          }
        : {}),
      ...(script.length > 0 ? { script } : {}),
    },
    rateMs,
    firstRunAtMs: history ? offsetMs : rateMs + offsetMs,
    durationMs,
    ...(failsAtRun === undefined ? {} : { failsAtRun }),
  };
}

const VARIANTS: Variant[] = [
  {
    name: '20 × rate(1 minute), all pass',
    plans: Array.from({ length: CANARIES }, (_, i) => plan(i, MINUTE_MS)),
  },
  {
    name: '20 × rate(1 minute), all pass, new canaries (no run before since)',
    plans: Array.from({ length: CANARIES }, (_, i) => plan(i, MINUTE_MS, undefined, false)),
  },
  {
    name: '20 × rate(5 minutes), all pass',
    plans: Array.from({ length: CANARIES }, (_, i) => plan(i, 5 * MINUTE_MS)),
  },
  {
    name: '10 × 1 min + 10 × 5 min, bench-03 fails its 2nd run',
    plans: Array.from({ length: CANARIES }, (_, i) =>
      plan(i, i % 2 === 0 ? 5 * MINUTE_MS : MINUTE_MS, i === 3 ? 2 : undefined),
    ),
  },
];

/**
 * When the verdict became decidable, from the scenario itself (ground truth, not the gate's
 * view), relative to the emulator start (= since): the completion of the failing run, else of
 * the last canary's MIN_RUNS-th run after since.
 */
function decidingAtMs(variant: Variant): number {
  const completion = (p: CanaryPlan, run: number) => p.firstRunAtMs + (run - 1) * p.rateMs + p.durationMs;
  const failing = variant.plans.filter((p) => p.failsAtRun !== undefined);
  if (failing.length > 0) return Math.min(...failing.map((p) => completion(p, p.failsAtRun!)));
  return Math.max(...variant.plans.map((p) => completion(p, MIN_RUNS)));
}

function scenarioOf(variant: Variant): Scenario {
  return { canaries: variant.plans.map((p) => p.spec) };
}

interface Replay {
  wallMs: number;
  result: string;
  polls: number;
  synthetics: RecordedRequest[];
  other: RecordedRequest[];
  /** Emulator-clock ms from the deciding run's completion to the verdict. */
  verdictDelayMs: number;
  describeLastRunCalls: number;
}

async function replay(variant: Variant): Promise<Replay> {
  const { emu, clock } = await manualEmulator(scenarioOf(variant));
  try {
    const begin = clock.now();
    const started = performance.now();
    const { report } = await runGate(emu, clock, INPUTS);
    const wallMs = performance.now() - started;
    const synthetics = emu.requests.filter((r) => r.service === 'synthetics');
    return {
      wallMs,
      result: `${report.result} (${report.status})`,
      polls: report.polls,
      synthetics,
      other: emu.requests.filter((r) => r.service !== 'synthetics'),
      verdictDelayMs: report.finishedAt - (begin + decidingAtMs(variant)),
      describeLastRunCalls: synthetics.filter((r) => r.operation === 'DescribeCanariesLastRun').length,
    };
  } finally {
    await emu.close();
  }
}

/** The same number of DescribeCanariesLastRun calls (five names each), bare, on a fresh emulator. */
async function bareCalls(variant: Variant, calls: number): Promise<number> {
  const { emu } = await manualEmulator(scenarioOf(variant));
  const { synthetics, cloudwatch } = clientsFor(emu);
  try {
    const names = variant.plans.map((p) => p.spec.name!);
    const started = performance.now();
    for (let i = 0; i < calls; i += 1) {
      const batch = (i % (names.length / 5)) * 5;
      await synthetics.send(new DescribeCanariesLastRunCommand({ Names: names.slice(batch, batch + 5) }));
    }
    return performance.now() - started;
  } finally {
    synthetics.destroy();
    cloudwatch.destroy();
    await emu.close();
  }
}

/** Issue 9's "canary reads batched by five", checked on what the emulator recorded. */
function readsBatchedByFive(replay: Replay): boolean {
  const perPoll = replay.describeLastRunCalls / replay.polls;
  const batched = replay.synthetics
    .filter((r) => r.operation === 'DescribeCanaries' || r.operation === 'DescribeCanariesLastRun')
    .every((r) => !Array.isArray(r.params.Names) || r.params.Names.length <= 5);
  const getRuns = replay.synthetics.filter((r) => r.operation === 'GetCanaryRuns').length;
  return perPoll <= Math.ceil(CANARIES / 5) && batched && getRuns <= 2 * CANARIES;
}

function byOperation(requests: readonly RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
}

export async function run(): Promise<void> {
  for (let i = 0; i < 2; i += 1) {
    await replay(VARIANTS[0]!);
    await bareCalls(VARIANTS[0]!, 20);
  }
  const rows: string[][] = [];
  for (const variant of VARIANTS) {
    const replays: Replay[] = [];
    for (let i = 0; i < RUNS; i += 1) replays.push(await replay(variant));
    const first = replays[0]!;
    const baselines: number[] = [];
    for (let i = 0; i < RUNS; i += 1) baselines.push(await bareCalls(variant, first.describeLastRunCalls));
    const perPoll = first.synthetics.length / first.polls;
    // Polls happen at distinct emulator times (the clock only moves in the gate's sleep).
    const perTime = new Map<number, number>();
    for (const r of first.synthetics) perTime.set(r.time, (perTime.get(r.time) ?? 0) + 1);
    const busiest = Math.max(...perTime.values());
    const worstDelay = Math.max(...replays.map((r) => r.verdictDelayMs));
    const gateMs = median(replays.map((r) => r.wallMs));
    const bareMs = median(baselines);
    rows.push([
      variant.name,
      first.result,
      `${(decidingAtMs(variant) / 1000).toFixed(0)} s`,
      String(first.polls),
      `${first.synthetics.length} (${perPoll.toFixed(2)} / poll)`,
      `${(first.describeLastRunCalls / first.polls).toFixed(2)}`,
      String(busiest),
      byOperation(first.synthetics) + (first.other.length > 0 ? `; other: ${byOperation(first.other)}` : ''),
      `${(worstDelay / 1000).toFixed(1)} s`,
      ms(gateMs),
      ms(bareMs),
      ratio(gateMs, bareMs),
      `${readsBatchedByFive(first) ? 'reads met' : 'reads NOT met'}; ${worstDelay <= POLL_MS ? 'verdict met' : 'verdict NOT met'}`,
    ]);
  }
  recordResults({
    title: 'canary-gate: 20 canaries on a scripted clock',
    note:
      `In-process evaluateCanaries (tools/harness/canary-gate-world.ts runGate) with real SDK clients over HTTP to the emulator; ` +
      `canaries 'bench-*' (glob), min-runs ${MIN_RUNS}, poll-interval 30s, timeout 20m, since = the step start. Each canary has its own phase (1 s to 4 min after its schedule), a 12–24 s run and runs every period on that phase before since (except 'new canaries'). ` +
      `"decidable at": completion of the failing run, else of the last canary's ${MIN_RUNS}nd run, from the scenario (ground truth). ` +
      `Calls per poll = all Synthetics calls (resolution included) / polls; "busiest poll" = most Synthetics calls at one emulator time. Verdict delay on the emulator clock, worst of ${RUNS}. ` +
      `Wall: median of ${RUNS} replays (fresh emulator each) vs the same number of bare DescribeCanariesLastRun calls (5 names each, median of ${RUNS}). ` +
      'Goals: reads batched by five (≤ 4 DescribeCanariesLastRun per poll, ≤ 5 names per call, ≤ 2 GetCanaryRuns per canary), verdict within one interval (30 s). ' +
      'Canary states (DescribeCanaries) are read again when a scheduled run is overdue and every 5 minutes, not at every poll.',
    headers: [
      'variant',
      'verdict',
      'decidable at',
      'polls',
      'Synthetics calls',
      'DescribeCanariesLastRun / poll',
      'busiest poll',
      'calls by operation',
      'verdict delay',
      'gate wall',
      'bare DescribeCanariesLastRun',
      'vs bare',
      'goals',
    ],
    rows,
  });
}
