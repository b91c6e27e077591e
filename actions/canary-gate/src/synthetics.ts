import {
  type Canary,
  type CanaryRun,
  DescribeCanariesCommand,
  GetCanaryRunsCommand,
  ListGroupResourcesCommand,
  StartCanaryCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { chunk } from '../../../core/collections.js';
import { collectPages } from '../../../core/paging.js';
import { CANARY_NAMES_PER_CALL, describeCanariesLastRun } from '../../../core/synthetics.js';
import type { CanaryInfo, RunRecord, RunState } from './types.js';
/** GetCanaryRuns' largest page. */
export const RUNS_PAGE_SIZE = 100;
/** DescribeCanaries' largest page when listing everything. */
export const DESCRIBE_PAGE_SIZE = 20;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const RATE_PATTERN = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/i;

/** The newer API members read through raw-fields.ts, absent from the 3.669 SDK types. */
interface RawRunExtras {
  RetryAttempt?: number;
  ScheduledRunId?: string;
  Status?: { TestResult?: string };
}
interface RawCanaryExtras {
  Schedule?: { RetryConfig?: { MaxRetries?: number } };
}

/** Period of `rate(N minutes)`; 0 for `rate(0 minute)` (run once); undefined for cron(). */
export function schedulePeriodMs(expression: string): number | undefined {
  const match = RATE_PATTERN.exec(expression.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase().startsWith('hour') ? MS_PER_HOUR : MS_PER_MINUTE;
  return Number(match[1]) * unit;
}

export function toCanaryInfo(canary: Canary): CanaryInfo {
  const schedule = canary.Schedule?.Expression ?? '';
  const period = schedulePeriodMs(schedule);
  const maxRetries = (canary as RawCanaryExtras).Schedule?.RetryConfig?.MaxRetries;
  return {
    name: canary.Name ?? '',
    state: canary.Status?.State ?? 'UNKNOWN',
    ...(canary.Status?.StateReason ? { stateReason: canary.Status.StateReason } : {}),
    schedule,
    runOnce: period === 0,
    ...(period ? { periodMs: period } : {}),
    ...(typeof maxRetries === 'number' ? { maxRetries } : {}),
  };
}

export function toRunRecord(run: CanaryRun): RunRecord {
  const extras = run as RawRunExtras;
  const state = (run.Status?.State ?? 'RUNNING') as RunState;
  return {
    id: run.Id ?? '',
    startedAt: run.Timeline?.Started?.getTime() ?? 0,
    ...(run.Timeline?.Completed ? { completedAt: run.Timeline.Completed.getTime() } : {}),
    state,
    ...(run.Status?.StateReason ? { reason: run.Status.StateReason } : {}),
    ...(run.Status?.StateReasonCode ? { reasonCode: run.Status.StateReasonCode } : {}),
    ...(extras.Status?.TestResult ? { testResult: extras.Status.TestResult } : {}),
    ...(typeof extras.RetryAttempt === 'number' ? { retryAttempt: extras.RetryAttempt } : {}),
    ...(extras.ScheduledRunId ? { scheduledRunId: extras.ScheduledRunId } : {}),
    ...(run.ArtifactS3Location ? { artifactS3Location: run.ArtifactS3Location } : {}),
  };
}

/** Every canary of the account and region, over all pages. */
export function listAllCanaries(client: SyntheticsClient, signal?: AbortSignal): Promise<Canary[]> {
  return collectPages('DescribeCanaries', async (token) => {
    const page = await client.send(
      new DescribeCanariesCommand({ MaxResults: DESCRIBE_PAGE_SIZE, NextToken: token }),
      {
        abortSignal: signal,
      },
    );
    return { items: page.Canaries, next: page.NextToken };
  });
}

/** Canaries by name, five per call; names AWS does not know are simply absent. */
export async function describeCanariesByName(
  client: SyntheticsClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Canary[]> {
  const found: Canary[] = [];
  for (const batch of chunk(names, CANARY_NAMES_PER_CALL)) {
    const canaries = await collectPages('DescribeCanaries', async (token) => {
      const page = await client.send(new DescribeCanariesCommand({ Names: batch, NextToken: token }), {
        abortSignal: signal,
      });
      return { items: page.Canaries, next: page.NextToken };
    });
    found.push(...canaries);
  }
  return found;
}

/** Canary names in a group: ListGroupResources returns ARNs (`...:canary:NAME`). */
export async function listGroupCanaries(
  client: SyntheticsClient,
  group: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const arns = await collectPages('ListGroupResources', async (token) => {
    const page = await client.send(
      new ListGroupResourcesCommand({ GroupIdentifier: group, NextToken: token }),
      {
        abortSignal: signal,
      },
    );
    return { items: page.Resources, next: page.NextToken };
  });
  return arns.map((arn) => arn.slice(arn.lastIndexOf(':') + 1));
}

/** The latest run of each canary (five names per call); canaries that never ran are absent. */
export async function describeLastRuns(
  client: SyntheticsClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, RunRecord>> {
  const lastRuns = await describeCanariesLastRun(client, names, signal);
  return new Map([...lastRuns].map(([name, run]) => [name, toRunRecord(run)]));
}

/** GetCanaryRuns pages read at most per canary (100 runs each): weeks of a 1-minute canary. */
export const MAX_RUN_PAGES = 100;

/** True when a page lists runs newest first (each starts no later than the one before it). */
function newestFirst(batch: readonly RunRecord[]): boolean {
  return batch.every((run, index) => index === 0 || run.startedAt <= batch[index - 1]!.startedAt);
}

/**
 * The runs of a canary back to `since`, through the one capped paging loop (core/paging.ts).
 * GetCanaryRuns does not document its order: a page listed newest first that reaches back before
 * `since` ends the read (older pages hold only older runs); a page in any other order does not,
 * and every page is read. The run before `since` is kept: a retry after `since` may belong to it.
 */
export async function getRunsSince(
  client: SyntheticsClient,
  name: string,
  since: number,
  signal?: AbortSignal,
): Promise<{ runs: RunRecord[] }> {
  const runs = await collectPages(
    'GetCanaryRuns',
    async (token) => {
      const page = await client.send(
        new GetCanaryRunsCommand({ Name: name, MaxResults: RUNS_PAGE_SIZE, NextToken: token }),
        { abortSignal: signal },
      );
      const batch = (page.CanaryRuns ?? []).map(toRunRecord);
      const reachedBefore = newestFirst(batch) && batch.some((run) => run.startedAt < since);
      return { items: batch, next: reachedBefore ? undefined : page.NextToken };
    },
    MAX_RUN_PAGES,
  );
  return { runs };
}

export async function startCanary(
  client: SyntheticsClient,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  await client.send(new StartCanaryCommand({ Name: name }), { abortSignal: signal });
}
