import {
  type Canary,
  type CanaryRun,
  DescribeCanariesCommand,
  DescribeCanariesLastRunCommand,
  GetCanaryRunsCommand,
  StartCanaryCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { chunk, unique } from './collections.js';
import { collectPages } from './paging.js';
import type { RunCadence } from './signals.js';

/**
 * The latest run of each Synthetics canary, the one read every gate makes of them:
 * DescribeCanariesLastRun, five names per call (the API's limit), every page.
 */
export const CANARY_NAMES_PER_CALL = 5;
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
export const MAX_LAST_RUN_PAGES = 100;

export type SyntheticsReader = Pick<SyntheticsClient, 'send'>;

/**
 * Canary name -> its latest run, as the SDK parsed it (members a client middleware added stay on
 * it). A canary that never ran, or that AWS does not know, is absent: callers decide what that means.
 */
export async function describeCanariesLastRun(
  synthetics: SyntheticsReader,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, CanaryRun>> {
  const lastRuns = new Map<string, CanaryRun>();
  for (const batch of chunk(unique(names), CANARY_NAMES_PER_CALL)) {
    const entries = await collectPages(
      'DescribeCanariesLastRun',
      async (nextToken) => {
        const page = await synthetics.send(
          new DescribeCanariesLastRunCommand({ Names: batch, NextToken: nextToken }),
          { abortSignal: signal },
        );
        return { items: page.CanariesLastRun, next: page.NextToken };
      },
      MAX_LAST_RUN_PAGES,
    );
    for (const entry of entries) {
      if (entry.CanaryName && entry.LastRun) lastRuns.set(entry.CanaryName, entry.LastRun);
    }
  }
  return lastRuns;
}

/** GetCanaryRuns' largest page. */
export const CANARY_RUNS_PAGE_SIZE = 100;
/** GetCanaryRuns pages read at most per canary (100 runs each): weeks of a 1-minute canary. */
export const MAX_CANARY_RUNS_PAGES = 100;

/** True when a page lists runs newest first (each starts no later than the one before it). */
function listedNewestFirst(runs: readonly CanaryRun[]): boolean {
  return runs.every((run, index) => index === 0 || startOf(run) <= startOf(runs[index - 1]!));
}

function startOf(run: CanaryRun): number {
  return run.Timeline?.Started?.getTime() ?? 0;
}

/**
 * Every run of one canary read back to `since`, through the one capped paging loop. GetCanaryRuns
 * does not document its order: a page listed newest first that reaches back before `since` ends
 * the read (older pages hold older runs); a page in any other order does not, and every page is
 * read. The runs before `since` on the pages read are kept: the last one is "the last run seen",
 * and a retry after `since` may belong to it.
 */
export function canaryRunsBackTo(
  synthetics: SyntheticsReader,
  name: string,
  since: number,
  signal?: AbortSignal,
): Promise<CanaryRun[]> {
  return collectPages(
    'GetCanaryRuns',
    async (nextToken) => {
      const page = await synthetics.send(
        new GetCanaryRunsCommand({ Name: name, MaxResults: CANARY_RUNS_PAGE_SIZE, NextToken: nextToken }),
        { abortSignal: signal },
      );
      const runs = page.CanaryRuns ?? [];
      const reachedBefore = listedNewestFirst(runs) && runs.some((run) => startOf(run) < since);
      return { items: runs, next: reachedBefore ? undefined : page.NextToken };
    },
    MAX_CANARY_RUNS_PAGES,
  );
}

/**
 * The runs of one canary that started at or after `since`, newest first whatever order AWS listed
 * them in. This is the read that sees a FAILED run followed by a PASSED one, which
 * DescribeCanariesLastRun hides.
 */
export async function canaryRunsSince(
  synthetics: SyntheticsReader,
  name: string,
  since: number,
  signal?: AbortSignal,
): Promise<CanaryRun[]> {
  const runs = await canaryRunsBackTo(synthetics, name, since, signal);
  return runs.filter((run) => startOf(run) >= since).sort((a, b) => startOf(b) - startOf(a));
}

const RATE_PATTERN = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/i;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What a canary's schedule expression says about when runs come. */
export interface CanarySchedule {
  /** `rate(0 minute)` (or `rate(0 hours)`): one run per StartCanary, then the canary stops. */
  runOnce: boolean;
  /** The period of `rate(N minutes|hours)`, N > 0; undefined for cron() and anything unreadable. */
  periodMs?: number;
}

/** The one rate() parser of the suite: run-once for a zero rate, a period for N > 0, else nothing. */
export function parseSchedule(expression: string | undefined): CanarySchedule {
  const match = RATE_PATTERN.exec((expression ?? '').trim());
  if (!match) return { runOnce: false };
  const period = Number(match[1]) * (match[2]!.toLowerCase().startsWith('hour') ? HOUR_MS : MINUTE_MS);
  return period > 0 ? { runOnce: false, periodMs: period } : { runOnce: true };
}

/** The period of `rate(N minutes|hours)`; undefined for cron(), `rate(0 minute)` (run once) or nonsense. */
export function schedulePeriodMs(expression: string | undefined): number | undefined {
  return parseSchedule(expression).periodMs;
}

/**
 * Members newer than client-synthetics 3.669, present only on a client with the raw-field plugin
 * (synthetics-raw-fields.ts installRawFields); without it they read as absent.
 */
interface RawRunExtras {
  RetryAttempt?: number;
  ScheduledRunId?: string;
}
interface RawCanaryExtras {
  Schedule?: { RetryConfig?: { MaxRetries?: number } };
}

/** True for an automatic retry of a failed scheduled run (RetryAttempt or ScheduledRunId set). */
export function isRetryRun(run: CanaryRun): boolean {
  const extras = run as RawRunExtras;
  return typeof extras.RetryAttempt === 'number' || extras.ScheduledRunId !== undefined;
}

/** Schedule.RetryConfig.MaxRetries, when the API returned it. */
export function maxRetriesOf(canary: Canary): number | undefined {
  const maxRetries = (canary as RawCanaryExtras).Schedule?.RetryConfig?.MaxRetries;
  return typeof maxRetries === 'number' ? maxRetries : undefined;
}

/** When a canary's runs come, for the "could a run have been missed" rule (core/signals.ts). */
export function cadenceOf(canary: Canary): RunCadence {
  const { runOnce, periodMs } = parseSchedule(canary.Schedule?.Expression);
  const maxRetries = maxRetriesOf(canary);
  return {
    runOnce,
    ...(periodMs === undefined ? {} : { periodMs }),
    ...(maxRetries === undefined ? {} : { maxRetries }),
  };
}

/** Canary states from which only StartCanary produces runs. */
export const IDLE_CANARY_STATES: ReadonlySet<string> = new Set(['STOPPED', 'READY']);

/**
 * StartCanary. A canary that is already starting or running (ConflictException) is not an error:
 * the run the caller wants is coming anyway.
 */
export async function startCanary(
  synthetics: SyntheticsReader,
  name: string,
  signal?: AbortSignal,
): Promise<'started' | 'already-running'> {
  try {
    await synthetics.send(new StartCanaryCommand({ Name: name }), { abortSignal: signal });
    return 'started';
  } catch (error) {
    if ((error as { name?: string }).name === 'ConflictException') return 'already-running';
    throw error;
  }
}

/**
 * Canary name -> the canary (DescribeCanaries, five names per call, every page). Names AWS does
 * not know are absent (DescribeCanaries skips them silently): callers decide what that means.
 */
export async function describeCanariesByName(
  synthetics: SyntheticsReader,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, Canary>> {
  const found = new Map<string, Canary>();
  for (const batch of chunk(unique(names), CANARY_NAMES_PER_CALL)) {
    const canaries = await collectPages(
      'DescribeCanaries',
      async (nextToken) => {
        const page = await synthetics.send(
          new DescribeCanariesCommand({ Names: batch, NextToken: nextToken }),
          { abortSignal: signal },
        );
        return { items: page.Canaries, next: page.NextToken };
      },
      MAX_LAST_RUN_PAGES,
    );
    for (const canary of canaries) if (canary.Name) found.set(canary.Name, canary);
  }
  return found;
}
