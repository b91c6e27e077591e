import {
  type Canary,
  type CanaryRun,
  DescribeCanariesCommand,
  ListGroupResourcesCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { collectPages } from '../../../core/paging.js';
import {
  canaryRunsBackTo,
  describeCanariesLastRun,
  describeCanariesByName as describeCanariesMap,
  maxRetriesOf,
  parseSchedule,
  startCanary,
} from '../../../core/synthetics.js';
import type { CanaryInfo, RunRecord, RunState } from './types.js';
/** DescribeCanaries' largest page when listing everything. */
export const DESCRIBE_PAGE_SIZE = 20;

/** The newer API members read through raw-fields.ts, absent from the 3.669 SDK types. */
interface RawRunExtras {
  RetryAttempt?: number;
  ScheduledRunId?: string;
  Status?: { TestResult?: string };
}

export function toCanaryInfo(canary: Canary): CanaryInfo {
  const schedule = canary.Schedule?.Expression ?? '';
  const { runOnce, periodMs: period } = parseSchedule(schedule);
  const maxRetries = maxRetriesOf(canary);
  return {
    name: canary.Name ?? '',
    state: canary.Status?.State ?? 'UNKNOWN',
    ...(canary.Status?.StateReason ? { stateReason: canary.Status.StateReason } : {}),
    schedule,
    runOnce,
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

/** Canaries by name (core's one reader); names AWS does not know are simply absent. */
export async function describeCanariesByName(
  client: SyntheticsClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<Canary[]> {
  return [...(await describeCanariesMap(client, names, signal)).values()];
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

/** The runs of a canary back to `since` (core's one GetCanaryRuns reader), as the gate sees runs. */
export async function getRunsSince(
  client: SyntheticsClient,
  name: string,
  since: number,
  signal?: AbortSignal,
): Promise<{ runs: RunRecord[] }> {
  const runs = await canaryRunsBackTo(client, name, since, signal);
  return { runs: runs.map(toRunRecord) };
}

export { startCanary };
