import { afterEach, describe, expect, it } from 'vitest';
import type { CanarySpec, Emulator, Scenario } from '../../tools/emulator/index.js';
import { MINUTE_MS, manualEmulator, passing, runGate } from '../../tools/harness/canary-gate-world.js';

/**
 * The domain entry (evaluateCanaries) with real SDK clients over HTTP to the emulator, on a
 * ManualClock that the gate's injected sleep advances: 15-minute timelines replay in milliseconds.
 */
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function gate(
  scenario: Scenario,
  inputs: Record<string, string>,
  options: Parameters<typeof runGate>[3] = {},
) {
  const started = await manualEmulator(scenario);
  emu = started.emu;
  const run = await runGate(started.emu, started.clock, inputs, options);
  return { ...run, emu: started.emu, startedAt: started.emu.now() };
}

const everyMinute = (name: string, extra: Partial<CanarySpec> = {}): CanarySpec => ({
  name,
  schedule: 'rate(1 minute)',
  ...extra,
});

describe('evaluateCanaries: verdicts', () => {
  it('passes on runs after since, ignoring older runs (a failure before the deploy never counts)', async () => {
    const { report } = await gate(
      {
        canaries: [
          everyMinute('checkout-api', {
            history: [{ startedAtMs: -30_000, state: 'FAILED', reason: 'old' }, ...passing(3)],
          }),
        ],
      },
      { canaries: 'checkout-api' },
    );
    expect(report.result).toBe('pass');
    expect(report.canaries[0]).toMatchObject({ verdict: 'pass', runs: 1, passed: 1, failed: 0 });
    expect(report.canaries[0]!.attempts.every((run) => run.startedAt >= report.since)).toBe(true);
  });

  it('counts runs since a duration ago, including ones before the step started', async () => {
    const { report } = await gate(
      { canaries: [everyMinute('checkout-api', { history: passing(3, MINUTE_MS) })] },
      { canaries: 'checkout-api', since: '150s', 'min-runs': '2' },
    );
    expect(report.result).toBe('pass');
    expect(report.polls).toBe(1);
    expect(report.canaries[0]!.runs).toBe(2);
  });

  it('fails fast on a script failure with the canary reason, long before the timeout', async () => {
    const { report } = await gate(
      {
        canaries: [
          everyMinute('login-flow', {
            script: [{ state: 'FAILED', reason: 'Element #login not found', reasonCode: 'CANARY_FAILURE' }],
          }),
        ],
      },
      { canaries: 'login-flow', timeout: '15m' },
    );
    expect(report.result).toBe('fail');
    expect(report.status).toBe('failed');
    expect(report.reason).toContain('Element #login not found');
    expect(report.finishedAt - report.startedAt).toBeLessThan(3 * MINUTE_MS);
  });

  it('fail-fast: false watches until the timeout, then fails on the same evidence', async () => {
    const { report } = await gate(
      { canaries: [everyMinute('login-flow', { script: [{ state: 'FAILED', reason: 'boom' }] })] },
      { canaries: 'login-flow', timeout: '5m', 'fail-fast': 'false' },
    );
    expect(report.result).toBe('fail');
    expect(report.finishedAt - report.startedAt).toBeGreaterThanOrEqual(5 * MINUTE_MS);
    expect(report.canaries[0]!.runs).toBeGreaterThan(3);
  });

  it('does not fail early while the success percentage can still be reached, and passes when it is', async () => {
    const { report } = await gate(
      { canaries: [everyMinute('search', { script: [{ state: 'FAILED', reason: 'flaky' }] })] },
      { canaries: 'search', 'min-runs': '4', 'min-success-percent': '75', timeout: '10m' },
    );
    expect(report.result).toBe('pass');
    expect(report.canaries[0]).toMatchObject({ runs: 4, passed: 3, failed: 1, successPercent: 75 });
  });

  it('fails early once the percentage can no longer be reached before the deadline', async () => {
    const failures = Array.from({ length: 3 }, () => ({ state: 'FAILED' as const, reason: 'HTTP 503' }));
    const { report } = await gate(
      { canaries: [everyMinute('search', { script: failures })] },
      { canaries: 'search', 'min-runs': '2', 'min-success-percent': '80', timeout: '4m' },
    );
    expect(report.result).toBe('fail');
    expect(report.reason).toMatch(/at most \d+ can complete before the timeout/);
    expect(report.finishedAt).toBeLessThan(report.deadline);
  });

  it('requires the latest runs to pass in a row with consecutive-passes', async () => {
    const { report } = await gate(
      {
        canaries: [
          everyMinute('cart', { script: [{ state: 'PASSED' }, { state: 'FAILED', reason: 'once' }] }),
        ],
      },
      { canaries: 'cart', 'consecutive-passes': '2', 'min-success-percent': '50', timeout: '10m' },
    );
    expect(report.result).toBe('pass');
    expect(report.canaries[0]).toMatchObject({ runs: 4, consecutivePasses: 2 });
  });

  it('treats execution failures as failures by default, or leaves them out as warnings', async () => {
    const spec = everyMinute('upload', {
      script: [
        { state: 'FAILED', reason: 'Failed to upload artifacts to S3', reasonCode: 'EXECUTION_FAILURE' },
      ],
    });
    const strict = await gate({ canaries: [spec] }, { canaries: 'upload' });
    expect(strict.report.result).toBe('fail');
    await emu?.close();
    const lenient = await gate(
      { canaries: [spec] },
      { canaries: 'upload', 'treat-execution-failures-as': 'warning' },
    );
    expect(lenient.report.result).toBe('pass');
    expect(lenient.report.canaries[0]).toMatchObject({ runs: 1, executionFailures: 1 });
    expect(lenient.report.warnings.join()).toContain('execution failures');
  });

  it('fails at once on a canary in ERROR, with its state reason', async () => {
    const { report, emu: e } = await gate(
      {
        canaries: [
          everyMinute('broken', { state: 'ERROR', stateReason: 'Lambda function not found' }),
          everyMinute('fine'),
        ],
      },
      { canaries: 'broken\nfine' },
    );
    expect(report.result).toBe('fail');
    expect(report.polls).toBe(1);
    expect(report.reason).toContain('broken: canary is in state ERROR: Lambda function not found');
    expect(e.calls('StartCanary')).toHaveLength(0);
  });

  it('fails at once on a STOPPED canary with trigger: never, and starts it with trigger: auto', async () => {
    const stopped = everyMinute('paused', { state: 'STOPPED', stateReason: 'Stopped by user' });
    const never = await gate({ canaries: [stopped] }, { canaries: 'paused', trigger: 'never' });
    expect(never.report.result).toBe('fail');
    expect(never.report.reason).toContain('STOPPED and trigger is never');
    await emu?.close();
    const auto = await gate({ canaries: [stopped] }, { canaries: 'paused' });
    expect(auto.report.result).toBe('pass');
    expect(auto.emu.calls('StartCanary')).toHaveLength(1);
  });

  it('starts a run-once canary again until it has min-runs', async () => {
    const { report, emu: e } = await gate(
      { canaries: [{ name: 'smoke-once', schedule: 'rate(0 minute)', state: 'READY' }] },
      { canaries: 'smoke-once', 'min-runs': '3', 'poll-interval': '10s' },
    );
    expect(report.result).toBe('pass');
    expect(report.canaries[0]).toMatchObject({ runs: 3, triggered: 3 });
    expect(e.calls('StartCanary')).toHaveLength(3);
  });

  it('does not count runs still RUNNING at the deadline, and times out', async () => {
    const { report } = await gate(
      {
        canaries: [everyMinute('slow', { defaultOutcome: { state: 'PASSED', durationMs: 10 * MINUTE_MS } })],
      },
      { canaries: 'slow', timeout: '3m', 'on-timeout': 'neutral' },
    );
    expect(report.result).toBe('neutral');
    expect(report.status).toBe('timeout');
    expect(report.canaries[0]).toMatchObject({ verdict: 'timeout', runs: 0 });
    expect(report.canaries[0]!.reason).toMatch(/still running at the deadline/);
    expect(report.warnings[0]).toContain('TIMED OUT');
  });

  it('stops with a cancelled verdict when the signal aborts', async () => {
    const controller = new AbortController();
    const { report } = await gate(
      { canaries: [{ name: 'hourly', schedule: 'rate(1 hour)' }] },
      { canaries: 'hourly' },
      { signal: controller.signal, onSleep: () => controller.abort(new Error('SIGINT')) },
    );
    expect(report).toMatchObject({ result: 'fail', status: 'cancelled' });
  });
});

describe('evaluateCanaries: resolution and API cost', () => {
  const fleet = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => everyMinute(`${prefix}-${String(i).padStart(2, '0')}`));

  it('resolves glob patterns over every page of DescribeCanaries', async () => {
    const { report, emu: e } = await gate(
      { canaries: [...fleet(22, 'aaa'), ...fleet(3, 'zzz-checkout')] },
      { canaries: 'zzz-checkout-*\naaa-01' },
    );
    expect(report.canaries.map((c) => c.name)).toEqual([
      'aaa-01',
      'zzz-checkout-00',
      'zzz-checkout-01',
      'zzz-checkout-02',
    ]);
    // Two pages to resolve the patterns; state re-reads (once a minute) ask by name.
    expect(e.calls('DescribeCanaries').filter((call) => call.params.Names === undefined).length).toBe(2);
    expect(report.result).toBe('pass');
  });

  it('refuses a pattern that matches nothing and a name that does not exist', async () => {
    await expect(gate({ canaries: fleet(2, 'api') }, { canaries: 'web-*' })).rejects.toThrow(
      "Invalid canaries 'web-*': the pattern matches none of the 2 canaries in us-east-1",
    );
    await emu?.close();
    await expect(gate({ canaries: fleet(2, 'api') }, { canaries: 'api-00\napi-07' })).rejects.toThrow(
      'Canary not found in us-east-1: api-07',
    );
  });

  it('resolves a group with ListGroupResources', async () => {
    const { report } = await gate(
      {
        canaries: fleet(3, 'shop'),
        canaryGroups: [{ name: 'checkout-gate', canaries: ['shop-00', 'shop-02'] }],
      },
      { group: 'checkout-gate' },
    );
    expect(report.canaries.map((c) => c.name)).toEqual(['shop-00', 'shop-02']);
  });

  it('watches more than five canaries for one DescribeCanariesLastRun per five canaries per poll', async () => {
    // The latest run started just before the step (since), the next one is due a minute later.
    const history = [{ startedAtMs: -1_000, durationMs: 18_000, state: 'PASSED' as const }];
    const fleetWithHistory = fleet(12, 'svc').map((spec) => ({ ...spec, history }));
    const { report, emu: e } = await gate(
      { canaries: fleetWithHistory },
      { canaries: 'svc-*', 'min-runs': '3' },
    );
    expect(report.result).toBe('pass');
    const names = e.calls('DescribeCanariesLastRun').map((r) => (r.params.Names as string[]).length);
    expect(Math.max(...names)).toBeLessThanOrEqual(5);
    expect(e.calls('DescribeCanariesLastRun').length).toBe(3 * report.polls);
    // Each new run is the one right after the last run seen: no GetCanaryRuns while polling, one
    // per canary to confirm the pass.
    expect(e.calls('GetCanaryRuns').length).toBe(12);
    const pollingCalls = e.requests.filter(
      (r) => r.operation === 'DescribeCanariesLastRun' || r.operation === 'GetCanaryRuns',
    );
    expect(pollingCalls.length).toBe(Math.ceil(12 / 5) * report.polls + 12);
  });

  it('reads every run with GetCanaryRuns when more than one could have started between polls', async () => {
    const { report, emu: e } = await gate(
      {
        canaries: [
          everyMinute('api', {
            history: passing(1, MINUTE_MS),
            script: [{ state: 'FAILED', reason: 'hidden between polls' }, { state: 'PASSED' }],
          }),
        ],
      },
      { canaries: 'api', 'poll-interval': '150s', 'min-success-percent': '50', 'min-runs': '2' },
    );
    expect(report.canaries[0]!.attempts.some((run) => run.reason === 'hidden between polls')).toBe(true);
    expect(report.canaries[0]!.failed).toBe(1);
    expect(e.calls('GetCanaryRuns').length).toBeGreaterThanOrEqual(1);
  });

  it('pages GetCanaryRuns past 100 runs when since is far back', async () => {
    const { report, emu: e } = await gate(
      { canaries: [everyMinute('busy', { history: passing(150, MINUTE_MS) })] },
      { canaries: 'busy', since: '3h', 'min-runs': '140' },
    );
    expect(report.result).toBe('pass');
    expect(report.canaries[0]!.runs).toBe(150);
    expect(e.calls('GetCanaryRuns').length).toBeGreaterThanOrEqual(2);
  });
});

describe('evaluateCanaries: alarms', () => {
  const healthy = {
    canaries: [everyMinute('api', { defaultOutcome: { state: 'PASSED' as const, durationMs: 50_000 } })],
  };

  it('fails when a metric alarm goes into ALARM mid-window', async () => {
    const { report } = await gate(
      {
        ...healthy,
        alarms: [
          {
            name: 'api-5xx',
            timeline: [{ atMs: 30_000, state: 'ALARM', reason: 'Threshold Crossed: 12 > 10' }],
          },
        ],
      },
      { canaries: 'api', alarms: 'api-5xx', 'min-runs': '3' },
    );
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('alarm api-5xx in ALARM (Threshold Crossed: 12 > 10)');
    expect(report.alarms[0]).toMatchObject({ breached: true, type: 'MetricAlarm' });
  });

  it('fails on a composite alarm, and catches a flap to ALARM and back between two polls', async () => {
    const { report, emu: e } = await gate(
      {
        ...healthy,
        alarms: [
          { name: 'api-5xx' },
          {
            name: 'checkout-health',
            alarmRule: 'ALARM("api-5xx")',
            timeline: [
              { atMs: 40_000, state: 'ALARM', reason: 'api-5xx in ALARM' },
              { atMs: 45_000, state: 'OK' },
            ],
          },
        ],
      },
      { canaries: 'api', alarms: 'checkout-health\napi-5xx', 'min-runs': '3', 'poll-interval': '30s' },
    );
    expect(report.result).toBe('fail');
    const composite = report.alarms.find((a) => a.name === 'checkout-health')!;
    expect(composite).toMatchObject({ type: 'CompositeAlarm', state: 'OK', breached: true });
    expect(composite.history.map((h) => h.to)).toEqual(['ALARM', 'OK']);
    expect(e.calls('DescribeAlarms').every((r) => (r.params.AlarmTypes as string[]).length === 2)).toBe(true);
  });

  it('refuses an alarm name that does not exist', async () => {
    await expect(
      gate({ ...healthy, alarms: [{ name: 'api-5xx' }] }, { canaries: 'api', alarms: 'api-5xxx' }),
    ).rejects.toThrow('Alarm not found in us-east-1: api-5xxx');
  });
});

describe('evaluateCanaries: canary states read again', () => {
  it('reads the states when a scheduled run is overdue: a canary stopped mid-gate fails within two periods', async () => {
    const started = await manualEmulator({
      canaries: [everyMinute('api', { history: passing(2, MINUTE_MS) })],
    });
    emu = started.emu;
    const begin = started.emu.now();
    let stopped = false;
    const { report } = await runGate(
      started.emu,
      started.clock,
      { canaries: 'api', 'min-runs': '10', 'poll-interval': '30s', timeout: '20m' },
      {
        onSleep: () => {
          if (stopped || started.emu.now() - begin < 70_000) return;
          stopped = true;
          started.emu.setCanaryState('api', 'STOPPED', 'stopped during the gate');
        },
      },
    );
    expect(report).toMatchObject({ result: 'fail', status: 'failed' });
    expect(report.reason).toContain('STOPPED during the gate');
    // Not left to the five-minute backstop: the missing run is noticed 1.5 periods after the last.
    expect(report.finishedAt - begin).toBeLessThan(3.5 * MINUTE_MS);
  });

  it('does not read the states at every poll while runs keep coming', async () => {
    const { report, emu: e } = await gate(
      { canaries: [everyMinute('api', { history: passing(2, MINUTE_MS) })] },
      { canaries: 'api', 'min-runs': '8', 'poll-interval': '30s', timeout: '20m' },
    );
    expect(report.result).toBe('pass');
    // Resolution, one backstop read after five minutes, none per poll.
    expect(e.calls('DescribeCanaries').length).toBeLessThanOrEqual(3);
    expect(report.polls).toBeGreaterThan(12);
  });
});

describe('evaluateCanaries: AWS faults', () => {
  it('retries throttled polls without a verdict on partial data', async () => {
    const started = await manualEmulator({
      canaries: [everyMinute('api', { script: [{ state: 'FAILED', reason: 'boom' }] })],
    });
    emu = started.emu;
    let injected = false;
    const { report, log } = await runGate(
      started.emu,
      started.clock,
      { canaries: 'api' },
      {
        onSleep: () => {
          if (injected) return;
          injected = true;
          started.emu.injectFault({
            service: 'synthetics',
            operation: 'GetCanaryRuns',
            kind: 'throttle',
            times: 3,
          });
          started.emu.injectFault({ service: 'monitoring', kind: 'server-error', times: 1 });
        },
      },
    );
    expect(report.result).toBe('fail');
    expect(report.reason).toContain('boom');
    expect(log.lines.filter((line) => line.startsWith('Polling')).length).toBeGreaterThanOrEqual(3);
  });

  it('gives up with a fail (never on-timeout) when AWS keeps throttling', async () => {
    const started = await manualEmulator({ canaries: [everyMinute('api')] });
    emu = started.emu;
    started.emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanariesLastRun',
      kind: 'throttle',
      times: -1,
    });
    const { report } = await runGate(started.emu, started.clock, {
      canaries: 'api',
      'on-timeout': 'pass',
      timeout: '1h',
    });
    expect(report).toMatchObject({ result: 'fail', status: 'error' });
    expect(report.reason).toMatch(/failed polls in a row: TooManyRequestsException/);
  });
});
