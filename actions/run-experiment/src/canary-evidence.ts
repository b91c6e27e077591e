import type { Canary, CanaryRun, SyntheticsClient } from '@aws-sdk/client-synthetics';
import type { Clock, Sleep } from '../../../core/clock.js';
import { mapLimited } from '../../../core/collections.js';
import { describeAwsError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import {
  CANARY_NAMES_PER_CALL,
  canaryRunsBackTo,
  IDLE_CANARY_STATES,
  parseSchedule,
  startCanary,
} from '../../../core/synthetics.js';
import { WaitFailedError, waitFor } from '../../../core/wait.js';

/**
 * A steady-state canary proves something about the fault only through a run that STARTED while
 * FIS ran the experiment (issue 9, cases 3 and 4): the run before the experiment proves nothing,
 * and neither does silence. So, per canary:
 *
 * - a canary that produces no runs by itself (STOPPED, READY, or run-once `rate(0 minute)`) is
 *   started right after StartExperiment, as canary-gate's `trigger: auto` does;
 * - after FIS ends, the runs that started in [experiment start, experiment end] are read with
 *   GetCanaryRuns; runs among them still RUNNING are awaited (bounded by the gate's deadline);
 * - a FAILED run among them fails the gate; none finished is "no evidence", a failure that names
 *   the canary and the last run seen; only a PASSED run is evidence of health.
 */
export interface CanaryEvidence {
  name: string;
  /** PASSED, FAILED, RUNNING (still in flight at the deadline) or NO_RUN (none in the window). */
  state: 'PASSED' | 'FAILED' | 'RUNNING' | 'NO_RUN';
  /** One sentence for the report and the verdict. */
  detail: string;
  run?: CanaryRun;
}

export interface EvidenceDeps {
  synthetics: SyntheticsClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal;
  random?: () => number;
}

export interface EvidenceWindow {
  /** The experiment's start and end (FIS timestamps, AWS's clock), epoch ms. */
  from: number;
  until: number;
  /** Runner-clock epoch ms after which in-flight runs are no longer awaited. */
  deadline: number;
  intervalMs: number;
}

/** Canaries that produce no run unless started: idle ones and run-once ones. */
export function canariesToTrigger(known: ReadonlyMap<string, Canary>): string[] {
  return [...known.values()]
    .filter((canary) => {
      const idle = IDLE_CANARY_STATES.has(canary.Status?.State ?? '');
      return idle || parseSchedule(canary.Schedule?.Expression).runOnce;
    })
    .map((canary) => canary.Name ?? '')
    .filter(Boolean);
}

/**
 * StartCanary for each canary that would otherwise have no run under the fault. A failure is a
 * warning, not an error: the evidence check then finds no run and fails the gate with the reason.
 */
export async function triggerCanaries(
  deps: Pick<EvidenceDeps, 'synthetics' | 'log'>,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const name of names) {
    try {
      const started = await startCanary(deps.synthetics, name, signal);
      deps.log.info(
        started === 'started'
          ? `Started canary ${name} (StartCanary) so that it runs under the fault`
          : `Canary ${name} is already starting or running: its run counts if it starts during the experiment`,
      );
    } catch (error) {
      warnings.push(`could not start canary ${name}: ${describeAwsError(error, 'StartCanary')}`);
    }
  }
  return warnings;
}

/** Each canary's runs back to the window start; ResourceNotFound (deleted) is an empty list. */
type RunLists = Map<string, CanaryRun[] | 'deleted'>;

async function readRuns(
  synthetics: SyntheticsClient,
  names: readonly string[],
  from: number,
  signal?: AbortSignal,
): Promise<RunLists> {
  const lists = await mapLimited(names, CANARY_NAMES_PER_CALL, async (name) => {
    try {
      return await canaryRunsBackTo(synthetics, name, from, signal);
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return 'deleted' as const;
      throw error;
    }
  });
  return new Map(names.map((name, index) => [name, lists[index]!]));
}

const startOf = (run: CanaryRun): number => run.Timeline?.Started?.getTime() ?? 0;

function inWindow(runs: readonly CanaryRun[], window: EvidenceWindow): CanaryRun[] {
  return runs.filter((run) => startOf(run) >= window.from && startOf(run) <= window.until);
}

function inFlight(lists: RunLists, window: EvidenceWindow): boolean {
  return [...lists.values()].some(
    (runs) => runs !== 'deleted' && inWindow(runs, window).some((run) => run.Status?.State === 'RUNNING'),
  );
}

/**
 * Waits (bounded by the deadline) until no run that started in the window is still RUNNING, then
 * judges each canary. A read that keeps failing judges every canary as "no evidence", with why.
 */
export async function settleCanaryEvidence(
  deps: EvidenceDeps,
  names: readonly string[],
  window: EvidenceWindow,
): Promise<CanaryEvidence[]> {
  if (names.length === 0) return [];
  try {
    const result = await waitFor<RunLists>({
      what: `canary runs that started during the experiment (${names.join(', ')}) to finish`,
      poll: (signal) => readRuns(deps.synthetics, names, window.from, signal),
      done: (lists) => !inFlight(lists, window),
      describe: (lists) => describeLists(lists, window),
      intervalMs: window.intervalMs,
      timeoutMs: Math.max(0, window.deadline - deps.clock.now()),
      log: deps.log,
      clock: deps.clock,
      sleep: deps.sleep,
      signal: deps.signal,
      ...(deps.random ? { random: deps.random } : {}),
    });
    const lists = result.status === 'done' ? result.value : result.last;
    if (!lists) return names.map((name) => unreadable(name, 'no answer before the deadline'));
    return names.map((name) => judgeCanary(name, lists.get(name) ?? [], window));
  } catch (error) {
    // Access denied, throttling that outlasted the retries, a list that never ends: no evidence.
    const why = describeAwsError(error instanceof WaitFailedError ? error.cause : error, 'GetCanaryRuns');
    return names.map((name) => unreadable(name, why));
  }
}

function unreadable(name: string, why: string): CanaryEvidence {
  return { name, state: 'NO_RUN', detail: `no evidence: could not read the runs of canary ${name} (${why})` };
}

function describeLists(lists: RunLists, window: EvidenceWindow): string {
  return [...lists]
    .map(([name, runs]) => {
      if (runs === 'deleted') return `${name} deleted`;
      const running = inWindow(runs, window).filter((run) => run.Status?.State === 'RUNNING');
      return `${name} ${running.length} running`;
    })
    .join(', ');
}

const iso = (run: CanaryRun): string => new Date(startOf(run)).toISOString();
const because = (run: CanaryRun): string => (run.Status?.StateReason ? ` (${run.Status.StateReason})` : '');

/** The verdict on one canary from its runs (see the module comment for the rule). */
export function judgeCanary(
  name: string,
  runs: readonly CanaryRun[] | 'deleted',
  window: EvidenceWindow,
): CanaryEvidence {
  if (runs === 'deleted') {
    return { name, state: 'NO_RUN', detail: `no evidence: canary ${name} was deleted during the experiment` };
  }
  const during = inWindow(runs, window).sort((a, b) => startOf(a) - startOf(b));
  const failed = during.find((run) => run.Status?.State === 'FAILED');
  if (failed) {
    const detail = `canary ${name} failed in a run started at ${iso(failed)} during the experiment${because(failed)}`;
    return { name, state: 'FAILED', detail, run: failed };
  }
  const running = during.find((run) => run.Status?.State === 'RUNNING');
  if (running) {
    const detail = `no evidence: the run of canary ${name} that started at ${iso(running)} under the fault was still RUNNING at the deadline`;
    return { name, state: 'RUNNING', detail, run: running };
  }
  const passed = during.find((run) => run.Status?.State === 'PASSED');
  if (passed)
    return {
      name,
      state: 'PASSED',
      detail: `canary ${name} passed in a run started at ${iso(passed)}`,
      run: passed,
    };
  const last = [...runs].sort((a, b) => startOf(b) - startOf(a))[0];
  const seen = last
    ? `last run seen: started ${iso(last)}, ${last.Status?.State ?? 'UNKNOWN'}`
    : 'it has no run at all';
  return {
    name,
    state: 'NO_RUN',
    detail: `no evidence: canary ${name} had no run that started during the experiment (${seen})`,
  };
}
