import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CanaryState,
  type Emulator,
  type EmulatorOptions,
  type Scenario,
  startEmulator,
} from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { passing } from '../../tools/harness/canary-gate-world.js';
import { runStep, type StepResult } from '../../tools/harness/runner.js';
import { until } from '../../tools/harness/until.js';

/**
 * Issue 9, canary-gate: no pass without evidence, every AWS call bounded. Each test runs the
 * committed bundle as the runner does, against the emulator in real time, and was seen failing on
 * the bundle before the fix. Waits are conditions on what the emulator has seen, never sleeps.
 */
type Cleanup = (fn: () => Promise<void>) => void;

async function emulator(onTestFinished: Cleanup, scenario: Scenario, options: EmulatorOptions = {}) {
  const emu = await startEmulator({ scenario, ...options });
  onTestFinished(() => emu.close());
  return emu;
}

interface ReportJson {
  result: string;
  status: string;
  reason: string;
  since: string;
  startedAt: string;
  finishedAt: string;
  deadline: string;
  warnings: string[];
  canaries: { name: string; verdict: string; reason: string; runs: { started: string }[] }[];
  alarms: { name: string; state: string; breached: boolean }[];
}

function report(step: StepResult): ReportJson {
  return JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8')) as ReportJson;
}

const gate = (emu: Emulator, inputs: Record<string, string>, extra: { killAfterMs?: number } = {}) =>
  runStep({
    action: 'canary-gate',
    inputs,
    env: emulatorEnv(emu),
    killAfterMs: extra.killAfterMs ?? 120_000,
  });

const hourly: Scenario = { canaries: [{ name: 'hourly-canary', schedule: 'rate(1 hour)' }] };
const runOnce = (durationMs: number): Scenario => ({
  canaries: [
    {
      name: 'smoke-once',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [{ state: 'PASSED', durationMs }],
    },
  ],
});

describe.concurrent('canary-gate: every AWS call is bounded (issue 9, cases 8 and 9)', () => {
  it('ends near its deadline when one call is held for 90 s, fails, and reports the real times', {
    timeout: 150_000,
  }, async ({ onTestFinished }) => {
    const emu = await emulator(onTestFinished, hourly);
    emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanariesLastRun',
      kind: 'latency',
      latencyMs: 90_000,
    });
    const began = Date.now();
    const step = await gate(emu, {
      canaries: 'hourly-canary',
      'poll-interval': '5s',
      timeout: '10s',
      'on-timeout': 'pass',
    });
    const wallMs = Date.now() - began;
    // The held call answers at 90 s: a step that ended before then did not wait for it (a causal
    // bound, not a speed assertion: a busy machine may take long, but never past the answer).
    expect(step.signal).toBeNull();
    expect(wallMs).toBeLessThan(90_000);
    expect(step.outputs.result).toBe('fail');
    const json = report(step);
    const ranMs = Date.parse(json.finishedAt) - Date.parse(json.startedAt);
    expect(ranMs).toBeGreaterThanOrEqual(10_000);
    expect(ranMs).toBeLessThanOrEqual(wallMs);
    expect(json.reason).toMatch(/DescribeCanariesLastRun/);
    expect(json.reason).toMatch(/no answer|did not answer|unanswered/);
  });

  it('stops a list whose NextToken never changes instead of paging until the job dies', {
    timeout: 150_000,
  }, async ({ onTestFinished }) => {
    const emu = await emulator(onTestFinished, runOnce(1_000));
    emu.injectFault({ service: 'synthetics', operation: 'GetCanaryRuns', kind: 'repeat-token', times: -1 });
    const step = await gate(
      emu,
      { canaries: 'smoke-once', 'poll-interval': '5s', timeout: '10s', 'on-timeout': 'pass' },
      { killAfterMs: 60_000 },
    );
    expect(step.signal).toBeNull();
    expect(step.outputs.result ?? 'fail').toBe('fail');
    expect(step.exitCode).toBe(1);
    expect(step.failure).toMatch(/GetCanaryRuns/);
    expect(step.failure).toMatch(/NextToken/);
    expect(emu.calls('GetCanaryRuns').length).toBeLessThan(50);
  });
});

describe.concurrent('canary-gate: AWS time, not the runner clock (issue 9, case 11)', () => {
  const AHEAD_MS = 90_000;
  const ahead = { clock: { now: () => Date.now() + AHEAD_MS } };

  it('does not count a run that started before the step when AWS is 90 s ahead of the runner', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(
      onTestFinished,
      {
        canaries: [
          {
            name: 'checkout-api',
            schedule: 'rate(1 minute)',
            history: [{ startedAtMs: -30_000, durationMs: 5_000, state: 'PASSED' }],
          },
        ],
      },
      ahead,
    );
    const step = await gate(emu, { canaries: 'checkout-api', 'poll-interval': '5s', timeout: '10s' });
    expect(step.outputs.result).toBe('fail');
    const json = report(step);
    // timeout, or error when a poll was cut short by the deadline on a slow machine: never a pass.
    expect(['timeout', 'error']).toContain(json.status);
    expect(json.canaries[0]!.runs).toEqual([]);
    // `since` is AWS's time at the step start: within a few seconds of the emulator's clock.
    expect(Math.abs(Date.parse(json.since) - (Date.parse(json.startedAt) + AHEAD_MS))).toBeLessThan(5_000);
  });

  it('reads alarm history on AWS time: a flap after the step start fails the gate', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(
      onTestFinished,
      { ...runOnce(6_000), alarms: [{ name: 'api-5xx', state: 'OK' }] },
      ahead,
    );
    const stepDone = gate(emu, {
      canaries: 'smoke-once',
      alarms: 'api-5xx',
      'poll-interval': '5s',
      timeout: '40s',
    });
    await until(() => emu.calls('StartCanary').length > 0);
    emu.setAlarmState('api-5xx', 'ALARM', 'Threshold Crossed: 5xx');
    emu.setAlarmState('api-5xx', 'OK');
    const step = await stepDone;
    expect(step.outputs.result).toBe('fail');
    expect(report(step).alarms[0]).toMatchObject({ name: 'api-5xx', breached: true });
  });
});

describe.concurrent('canary-gate: errors name what failed (issue 9, case 12)', () => {
  it('an HTML 404 names the service, operation, endpoint and status, not a SyntaxError', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(onTestFinished, hourly);
    emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanaries',
      kind: 'html',
      status: 404,
      times: -1,
    });
    const step = await gate(emu, { canaries: 'hourly-canary', 'poll-interval': '5s', timeout: '10s' });
    expect(step.exitCode).toBe(1);
    expect(step.failure).not.toMatch(/SyntaxError|Unexpected token/);
    expect(step.failure).toContain('Synthetics DescribeCanaries');
    expect(step.failure).toContain(new URL(emu.url).host);
    expect(step.failure).toContain('HTTP 404');
    expect(step.failure).not.toContain('\n');
  });

  it('an HTML 502 while polling is retried and then named in the verdict', async ({ onTestFinished }) => {
    const emu = await emulator(onTestFinished, hourly);
    emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanariesLastRun',
      kind: 'html',
      status: 502,
      times: -1,
    });
    const step = await gate(emu, {
      canaries: 'hourly-canary',
      'poll-interval': '5s',
      timeout: '10s',
      'on-timeout': 'pass',
      'max-attempts': '1',
    });
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).not.toMatch(/SyntaxError|Unexpected token/);
    expect(step.failure).toContain('Synthetics DescribeCanariesLastRun');
    expect(step.failure).toContain('HTTP 502');
    expect(emu.calls('DescribeCanariesLastRun').length).toBeGreaterThan(1);
  });
});

describe.concurrent('canary-gate: an alarm with no data is no evidence (issue 9, case 5)', () => {
  const scenario: Scenario = { ...runOnce(1_000), alarms: [{ name: 'api-5xx', state: 'INSUFFICIENT_DATA' }] };

  it.for([
    [undefined, 'fail'],
    ['fail', 'fail'],
    ['warn', 'pass'],
    ['ignore', 'pass'],
  ] as const)('insufficient-data: %s -> %s', async ([treatment, result], { onTestFinished }) => {
    const emu = await emulator(onTestFinished, scenario);
    const step = await gate(emu, {
      canaries: 'smoke-once',
      alarms: 'api-5xx',
      'poll-interval': '5s',
      timeout: '30s',
      ...(treatment ? { 'insufficient-data': treatment } : {}),
    });
    expect(step.outputs.result).toBe(result);
    if (result === 'fail') expect(step.failure).toMatch(/api-5xx.*INSUFFICIENT_DATA/);
    expect(step.outputs).toMatchObject({ passed: '1', failed: '0', 'in-flight': '0', 'not-found': '0' });
    const warned = step.annotations.some(
      (a) =>
        a.level === 'warning' && a.message.includes('api-5xx') && a.message.includes('INSUFFICIENT_DATA'),
    );
    expect(warned).toBe(treatment === 'warn');
  });

  it('on-timeout: pass speaks for missing runs, not for an alarm without data: fail', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(onTestFinished, { ...hourly, alarms: scenario.alarms! });
    const step = await gate(emu, {
      canaries: 'hourly-canary',
      alarms: 'api-5xx',
      'poll-interval': '5s',
      timeout: '10s',
      'on-timeout': 'pass',
    });
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).toMatch(/api-5xx.*INSUFFICIENT_DATA/);
  });
});

describe.concurrent('canary-gate: a canary that goes away mid-gate is no pass (issue 9)', () => {
  it.for([
    ['DELETED', 'omit'],
    ['DELETED', 'not-found'],
    ['STOPPED', 'omit'],
    ['ERROR', 'omit'],
  ] as const)(
    '%s mid-gate (unknown last-run names: %s) fails, even with on-timeout: pass',
    async ([state, unknownLastRunNames], { onTestFinished }) => {
      const emu = await emulator(onTestFinished, hourly, { synthetics: { unknownLastRunNames } });
      const stepDone = gate(emu, {
        canaries: 'hourly-canary',
        'poll-interval': '5s',
        timeout: '12s',
        'on-timeout': 'pass',
      });
      await until(() => emu.calls('DescribeCanariesLastRun').length > 0);
      emu.setCanaryState('hourly-canary', state as CanaryState | 'DELETED', 'changed during the gate');
      const step = await stepDone;
      expect(step.outputs.result).toBe('fail');
      expect(step.failure).toMatch(new RegExp(`hourly-canary.*${state === 'DELETED' ? 'deleted' : state}`));
      // Issue 14: counts as outputs, like Datadog's synthetics action.
      const deleted = state === 'DELETED';
      expect(step.outputs).toMatchObject({
        passed: '0',
        failed: deleted ? '0' : '1',
        'in-flight': '0',
        'not-found': deleted ? '1' : '0',
      });
    },
  );
});

describe.concurrent('canary-gate: whatever order GetCanaryRuns lists runs in (issue 9, emulator audit)', () => {
  it.for(['newest-first', 'oldest-first'] as const)(
    'sees the failed run in the window among 150 runs (%s)',
    async (runOrder, { onTestFinished }) => {
      const history = [
        {
          startedAtMs: -30_000,
          durationMs: 5_000,
          state: 'FAILED' as const,
          reason: 'HTTP 503 from /checkout',
        },
        ...passing(150, 60_000),
      ];
      const emu = await emulator(
        onTestFinished,
        { canaries: [{ name: 'checkout-api', schedule: 'rate(1 minute)', history }] },
        { synthetics: { runOrder } },
      );
      const step = await gate(emu, {
        canaries: 'checkout-api',
        since: '150s',
        'poll-interval': '5s',
        timeout: '10s',
        'on-timeout': 'pass',
      });
      expect(step.outputs.result).toBe('fail');
      expect(step.failure).toContain('HTTP 503 from /checkout');
    },
  );
});

describe.concurrent('canary-gate: the verdict does not depend on where polls fall (issue 9)', () => {
  it('a run that passed between two polls decides, though the next run is in flight at every later poll', {
    timeout: 120_000,
  }, async ({ onTestFinished }) => {
    // Hourly schedule, so only these two runs exist: `first` passes 4 s after the emulator starts,
    // `next` starts at 20 s and runs for 10 minutes. Polls 30 s apart see `first` running, then
    // `next` running. Before the fix the gate never saw a moment without a run in flight and
    // timed out; a 5 s poll would have passed at 4 s.
    const emu = await emulator(onTestFinished, {
      canaries: [
        {
          name: 'checkout-api',
          schedule: 'rate(1 hour)',
          history: [
            { startedAtMs: -8_000, durationMs: 12_000, state: 'PASSED' },
            { startedAtMs: 20_000, durationMs: 600_000, state: 'PASSED' },
          ],
        },
      ],
    });
    const step = await gate(emu, {
      canaries: 'checkout-api',
      since: '30s',
      'poll-interval': '30s',
      timeout: '45s',
    });
    expect(step.outputs.result).toBe('pass');
    const [canary] = report(step).canaries as unknown as {
      decidedAt: string;
      runs: { started: string; completed?: string; afterVerdict?: boolean; counted: boolean }[];
    }[];
    // Decided when `first` finished (or at the gate's start, on a machine slow to start it).
    const [next, first] = canary!.runs;
    expect(Date.parse(canary!.decidedAt)).toBeGreaterThanOrEqual(Date.parse(first!.completed!));
    expect(Date.parse(canary!.decidedAt)).toBeLessThan(Date.parse(next!.started));
    expect(canary!.runs.map((run) => [run.counted, run.afterVerdict ?? false])).toEqual([
      [false, true],
      [true, false],
    ]);
  });
});
