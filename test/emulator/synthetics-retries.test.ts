import {
  DescribeCanariesCommand,
  DescribeCanariesLastRunCommand,
  GetCanaryRunsCommand,
  type SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { afterEach, describe, expect, it } from 'vitest';
import { installRawFields } from '../../core/synthetics-raw-fields.js';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { ManualClock } from '../../tools/emulator/clock.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';
import type { CanarySpec } from '../../tools/emulator/scenario.js';
import type { SyntheticsBehaviour } from '../../tools/emulator/services/synthetics.js';
import { DEFAULT_RETRY_DELAY_MS } from '../../tools/emulator/state/canaries.js';

/**
 * Automatic retries (Schedule.RetryConfig.MaxRetries 0-2; CanaryRun.RetryAttempt 1-2 and
 * ScheduledRunId, https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_CanaryRun.html).
 * client-synthetics 3.669 does not model these members: the raw-field plugin reads them back.
 */
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;

interface RawRun {
  Id?: string;
  RetryAttempt?: number;
  ScheduledRunId?: string;
  Status?: { State?: string; StateReason?: string };
  Timeline?: { Started?: Date; Completed?: Date };
}

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(canary: CanarySpec, synthetics: SyntheticsBehaviour = {}) {
  emu = await startEmulator({ scenario: { canaries: [canary] }, clock: new ManualClock(), synthetics });
  const client = emulatorClients(emu).synthetics;
  installRawFields(client.middlewareStack);
  return { emu, client };
}

/** Every attempt so far, oldest first, as the raw body has them. */
async function runsOf(client: SyntheticsClient, name: string): Promise<RawRun[]> {
  const page = await client.send(new GetCanaryRunsCommand({ Name: name }));
  return ([...(page.CanaryRuns ?? [])] as RawRun[]).reverse();
}

const flaky: CanarySpec = {
  name: 'flaky',
  schedule: 'rate(5 minutes)',
  maxRetries: 2,
  script: [
    {
      state: 'FAILED',
      durationMs: 10 * SECOND_MS,
      reason: 'first',
      retries: [
        { state: 'FAILED', durationMs: 10 * SECOND_MS, reason: 'second', afterMs: 3 * SECOND_MS },
        { state: 'PASSED', durationMs: 10 * SECOND_MS, afterMs: 4 * SECOND_MS },
      ],
    },
  ],
};

describe('Synthetics automatic retries', () => {
  it('retries a failed scheduled run up to MaxRetries, after each failed attempt, under one ScheduledRunId', async () => {
    const { emu, client } = await start(flaky);
    emu.advance(5 * MINUTE_MS + 40 * SECOND_MS);
    const runs = await runsOf(client, 'flaky');
    expect(runs.map((run) => [run.Status?.State, run.RetryAttempt])).toEqual([
      ['FAILED', undefined],
      ['FAILED', 1],
      ['PASSED', 2],
    ]);
    expect(runs.map((run) => run.ScheduledRunId)).toEqual([runs[0]!.Id, runs[0]!.Id, runs[0]!.Id]);
    const started = runs.map((run) => run.Timeline!.Started!.getTime());
    const completed = runs.map((run) => run.Timeline!.Completed!.getTime());
    expect(started[1]! - completed[0]!).toBe(3 * SECOND_MS);
    expect(started[2]! - completed[1]!).toBe(4 * SECOND_MS);
    const described = await client.send(new DescribeCanariesCommand({ Names: ['flaky'] }));
    expect(described.Canaries?.[0]?.Schedule).toMatchObject({ RetryConfig: { MaxRetries: 2 } });
  });

  it('shows a retry as the last run once it has started, RUNNING until it ends', async () => {
    const { emu, client } = await start(flaky);
    emu.advance(5 * MINUTE_MS + 14 * SECOND_MS);
    const last = await client.send(new DescribeCanariesLastRunCommand({ Names: ['flaky'] }));
    const run = last.CanariesLastRun?.[0]?.LastRun as RawRun;
    expect(run).toMatchObject({ RetryAttempt: 1, Status: { State: 'RUNNING' } });
  });

  it('stops at MaxRetries, and a retry not scripted fails as the attempt before it', async () => {
    const { emu, client } = await start({
      name: 'broken',
      schedule: 'rate(5 minutes)',
      maxRetries: 1,
      script: [{ state: 'FAILED', durationMs: 10 * SECOND_MS, reason: 'HTTP 503' }],
    });
    emu.advance(6 * MINUTE_MS);
    const runs = (await runsOf(client, 'broken')).slice(0, 3);
    expect(runs.map((run) => [run.Status?.State, run.Status?.StateReason, run.RetryAttempt])).toEqual([
      ['FAILED', 'HTTP 503', undefined],
      ['FAILED', 'HTTP 503', 1],
    ]);
    const gap = runs[1]!.Timeline!.Started!.getTime() - runs[0]!.Timeline!.Completed!.getTime();
    expect(gap).toBe(DEFAULT_RETRY_DELAY_MS);
  });

  it('does not retry a passed run, nor any run of a canary with MaxRetries 0', async () => {
    const { emu, client } = await start({
      name: 'no-retries',
      schedule: 'rate(5 minutes)',
      maxRetries: 0,
      script: [{ state: 'FAILED', durationMs: 10 * SECOND_MS }, { state: 'PASSED' }],
    });
    emu.advance(11 * MINUTE_MS);
    const runs = await runsOf(client, 'no-retries');
    expect(runs.map((run) => [run.Status?.State, run.RetryAttempt])).toEqual([
      ['FAILED', undefined],
      ['PASSED', undefined],
    ]);
    expect(runs.every((run) => run.ScheduledRunId === run.Id)).toBe(true);
  });

  it('leaves ScheduledRunId off first attempts when asked (the API reference does not say)', async () => {
    const { emu, client } = await start(flaky, { scheduledRunIds: 'retries-only' });
    emu.advance(5 * MINUTE_MS + 40 * SECOND_MS);
    const runs = await runsOf(client, 'flaky');
    expect(runs.map((run) => run.ScheduledRunId)).toEqual([undefined, runs[0]!.Id, runs[0]!.Id]);
  });

  it('shows no retry members for a canary without a RetryConfig', async () => {
    const { emu, client } = await start({
      name: 'plain',
      schedule: 'rate(5 minutes)',
      script: [{ state: 'FAILED' }],
    });
    emu.advance(6 * MINUTE_MS);
    const runs = await runsOf(client, 'plain');
    expect(runs).toHaveLength(1);
    expect(runs[0]).not.toHaveProperty('ScheduledRunId');
    expect(runs[0]).not.toHaveProperty('RetryAttempt');
    const described = await client.send(new DescribeCanariesCommand({ Names: ['plain'] }));
    expect(described.Canaries?.[0]?.Schedule).not.toHaveProperty('RetryConfig');
  });

  it('refuses a MaxRetries outside 0-2', async () => {
    await expect(
      startEmulator({ scenario: { canaries: [{ name: 'x', maxRetries: 3 }] }, clock: new ManualClock() }),
    ).rejects.toThrow(/maxRetries 3 is outside 0-2/);
  });
});
