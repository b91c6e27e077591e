import {
  type CanaryRun,
  DescribeCanariesLastRunCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { chunk, unique } from './collections.js';

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
    let nextToken: string | undefined;
    let pages = 0;
    do {
      if (pages === MAX_LAST_RUN_PAGES) {
        throw new Error(`DescribeCanariesLastRun still had more pages after ${MAX_LAST_RUN_PAGES}`);
      }
      const page = await synthetics.send(
        new DescribeCanariesLastRunCommand({ Names: batch, NextToken: nextToken }),
        {
          abortSignal: signal,
        },
      );
      pages += 1;
      for (const entry of page.CanariesLastRun ?? []) {
        if (entry.CanaryName && entry.LastRun) lastRuns.set(entry.CanaryName, entry.LastRun);
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return lastRuns;
}
