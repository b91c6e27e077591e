import {
  ConflictException,
  DescribeCanariesCommand,
  DescribeCanariesLastRunCommand,
  GetCanaryCommand,
  GetCanaryRunsCommand,
  ListGroupResourcesCommand,
  StartCanaryCommand,
  type SyntheticsClient,
  ValidationException,
} from '@aws-sdk/client-synthetics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { ManualClock } from '../../tools/emulator/clock.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';
import type { Scenario } from '../../tools/emulator/scenario.js';

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HISTORY_RUNS = 7;

const scenario: Scenario = {
  canaries: [
    ...['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => ({ name: `canary-${letter}` })),
    {
      name: 'busy-canary',
      schedule: 'rate(1 minute)',
      history: Array.from({ length: HISTORY_RUNS }, (_, index) => ({
        startedAtMs: -(index + 1) * MINUTE_MS,
        state: 'PASSED' as const,
      })),
      script: [
        {
          state: 'FAILED',
          reason: 'Timed out waiting for #checkout',
          reasonCode: 'CANARY_FAILURE',
          durationMs: 30 * SECOND_MS,
        },
      ],
    },
    {
      name: 'once-canary',
      schedule: 'rate(0 minute)',
      script: [{ state: 'PASSED', durationMs: 10 * SECOND_MS }],
    },
  ],
  canaryGroups: [{ name: 'gate', canaries: ['busy-canary', 'once-canary'] }],
};

describe('Synthetics over REST-JSON', () => {
  let clock: ManualClock;
  let emu: Emulator;
  let synthetics: SyntheticsClient;

  beforeEach(async () => {
    clock = new ManualClock();
    emu = await startEmulator({ scenario, clock });
    synthetics = emulatorClients(emu).synthetics;
  });
  afterEach(() => emu.close());

  it('pages DescribeCanaries and rejects more than 5 names', async () => {
    const first = await synthetics.send(new DescribeCanariesCommand({ MaxResults: 5 }));
    expect(first.Canaries).toHaveLength(5);
    const second = await synthetics.send(
      new DescribeCanariesCommand({ MaxResults: 5, NextToken: first.NextToken }),
    );
    expect(second.Canaries).toHaveLength(3);
    expect(second.NextToken).toBeUndefined();
    const names = ['canary-a', 'canary-b', 'canary-c', 'canary-d', 'canary-e', 'canary-f'];
    await expect(synthetics.send(new DescribeCanariesCommand({ Names: names }))).rejects.toBeInstanceOf(
      ValidationException,
    );
    const some = await synthetics.send(new DescribeCanariesCommand({ Names: ['canary-a', 'missing'] }));
    expect(some.Canaries?.map((canary) => canary.Name)).toEqual(['canary-a']);
  });

  it('pages GetCanaryRuns newest first', async () => {
    const first = await synthetics.send(new GetCanaryRunsCommand({ Name: 'busy-canary', MaxResults: 4 }));
    const second = await synthetics.send(
      new GetCanaryRunsCommand({ Name: 'busy-canary', MaxResults: 4, NextToken: first.NextToken }),
    );
    const runs = [...(first.CanaryRuns ?? []), ...(second.CanaryRuns ?? [])];
    expect(runs).toHaveLength(HISTORY_RUNS);
    expect(second.NextToken).toBeUndefined();
    const starts = runs.map((run) => run.Timeline!.Started!.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(runs[0]?.Status?.State).toBe('PASSED');
    expect(runs[0]?.ArtifactS3Location).toMatch(
      /^cw-syn-results-123456789012-us-east-1\/canary\/us-east-1\/busy-canary-/,
    );
  });

  it('runs scheduled canaries from the script as time passes', async () => {
    clock.advance(MINUTE_MS + 5 * SECOND_MS);
    const running = await synthetics.send(new DescribeCanariesLastRunCommand({ Names: ['busy-canary'] }));
    expect(running.CanariesLastRun?.[0]?.LastRun?.Status?.State).toBe('RUNNING');
    expect(running.CanariesLastRun?.[0]?.LastRun?.Timeline?.Completed).toBeUndefined();
    clock.advance(30 * SECOND_MS);
    const done = await synthetics.send(new DescribeCanariesLastRunCommand({ Names: ['busy-canary'] }));
    expect(done.CanariesLastRun?.[0]?.LastRun?.Status).toEqual({
      State: 'FAILED',
      StateReason: 'Timed out waiting for #checkout',
      StateReasonCode: 'CANARY_FAILURE',
    });
  });

  it('StartCanary on a rate(0 minute) canary makes exactly one run, then the canary stops', async () => {
    const before = await synthetics.send(new GetCanaryCommand({ Name: 'once-canary' }));
    expect(before.Canary?.Status?.State).toBe('READY');
    expect(before.Canary?.Schedule?.Expression).toBe('rate(0 minute)');
    await synthetics.send(new StartCanaryCommand({ Name: 'once-canary' }));
    const started = await synthetics.send(new GetCanaryCommand({ Name: 'once-canary' }));
    expect(started.Canary?.Status?.State).toBe('RUNNING');
    await expect(synthetics.send(new StartCanaryCommand({ Name: 'once-canary' }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    clock.advance(15 * SECOND_MS);
    const runs = await synthetics.send(new GetCanaryRunsCommand({ Name: 'once-canary' }));
    expect(runs.CanaryRuns).toHaveLength(1);
    expect(runs.CanaryRuns?.[0]?.Status?.State).toBe('PASSED');
    const after = await synthetics.send(new GetCanaryCommand({ Name: 'once-canary' }));
    expect(after.Canary?.Status?.State).toBe('STOPPED');
    expect(after.Canary?.Timeline?.LastStarted).toBeInstanceOf(Date);
  });

  it('lists group resources as canary ARNs', async () => {
    const { Resources } = await synthetics.send(new ListGroupResourcesCommand({ GroupIdentifier: 'gate' }));
    expect(Resources).toEqual([
      'arn:aws:synthetics:us-east-1:123456789012:canary:busy-canary',
      'arn:aws:synthetics:us-east-1:123456789012:canary:once-canary',
    ]);
    await expect(
      synthetics.send(new ListGroupResourcesCommand({ GroupIdentifier: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
