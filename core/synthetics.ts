import {
  type Canary,
  type CanaryRun,
  DescribeCanariesCommand,
  DescribeCanariesLastRunCommand,
  GetCanaryRunsCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { chunk, unique } from './collections.js';
import { collectPages } from './paging.js';

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
export const MAX_CANARY_RUNS_PAGES = 100;

/**
 * The runs of one canary that started at or after `since`, newest first (GetCanaryRuns lists
 * newest first, so paging stops at the first page that reaches back before `since`). This is the
 * read that sees a FAILED run followed by a PASSED one, which DescribeCanariesLastRun hides.
 */
export async function canaryRunsSince(
  synthetics: SyntheticsReader,
  name: string,
  since: number,
  signal?: AbortSignal,
): Promise<CanaryRun[]> {
  const runs: CanaryRun[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages === MAX_CANARY_RUNS_PAGES) {
      throw new Error(`GetCanaryRuns still had more pages after ${MAX_CANARY_RUNS_PAGES}`);
    }
    const page = await synthetics.send(
      new GetCanaryRunsCommand({ Name: name, MaxResults: CANARY_RUNS_PAGE_SIZE, NextToken: nextToken }),
      { abortSignal: signal },
    );
    pages += 1;
    let reachedBefore = false;
    for (const run of page.CanaryRuns ?? []) {
      const started = run.Timeline?.Started?.getTime();
      if (started !== undefined && started < since) {
        reachedBefore = true;
        continue;
      }
      runs.push(run);
    }
    nextToken = reachedBefore ? undefined : page.NextToken;
  } while (nextToken);
  return runs;
}

const RATE_PATTERN = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/i;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The period of `rate(N minutes|hours)`; undefined for cron(), `rate(0 minute)` (run once) or nonsense. */
export function schedulePeriodMs(expression: string | undefined): number | undefined {
  const match = RATE_PATTERN.exec((expression ?? '').trim());
  if (!match) return undefined;
  const period = Number(match[1]) * (match[2]!.toLowerCase().startsWith('hour') ? HOUR_MS : MINUTE_MS);
  return period > 0 ? period : undefined;
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

/** Canary name -> its schedule expression (DescribeCanaries, five names per call, every page). */
export async function describeCanarySchedules(
  synthetics: SyntheticsReader,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const schedules = new Map<string, string>();
  for (const [name, canary] of await describeCanariesByName(synthetics, names, signal)) {
    if (canary.Schedule?.Expression) schedules.set(name, canary.Schedule.Expression);
  }
  return schedules;
}
