import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Emulator, type IamPolicy, type Scenario, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { availableRuntime, NODE24_PATH, REPO_ROOT, runStep } from '../../tools/harness/runner.js';

/**
 * The committed bundle, run as the GitHub runner runs it (Node 24, INPUT_*, GITHUB_OUTPUT...),
 * against the emulator in real time. Timelines are seconds long; long ones are in-process tests.
 */
type Cleanup = (fn: () => Promise<void>) => void;

/** Tests run concurrently: each closes only its own emulators. */
async function emulator(onTestFinished: Cleanup, scenario: Scenario, policy?: IamPolicy): Promise<Emulator> {
  const emu = await startEmulator({ scenario, ...(policy ? { policy } : {}) });
  onTestFinished(() => emu.close());
  return emu;
}

const FAST = { 'poll-interval': '5s', timeout: '1m' };

const passingOnce: Scenario = {
  canaries: [
    {
      name: 'smoke-once',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [{ state: 'PASSED', durationMs: 1_000 }],
    },
  ],
  alarms: [{ name: 'checkout-api-5xx' }],
};

const failingOnce: Scenario = {
  canaries: [
    {
      name: 'login-once',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [
        {
          state: 'FAILED',
          durationMs: 1_000,
          reason: 'Element #login not found',
          reasonCode: 'CANARY_FAILURE',
        },
      ],
    },
  ],
};

/** A scheduled canary whose next run is an hour away: nothing arrives within a test. */
const silent: Scenario = { canaries: [{ name: 'hourly-canary', schedule: 'rate(1 hour)' }] };

function readmePolicy(): IamPolicy {
  const readme = readFileSync(join(REPO_ROOT, 'actions/canary-gate/README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Minimum IAM policy'))!;
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as IamPolicy;
}

describe.concurrent('canary-gate bundle (e2e, real time)', () => {
  it('passes: resolves a glob, starts the run-once canary, waits for its run, writes outputs and reports', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(onTestFinished, passingOnce);
    const step = await runStep({
      action: 'canary-gate',
      inputs: {
        ...FAST,
        canaries: 'smoke-*',
        alarms: 'checkout-api-5xx',
        'junit-path': 'reports/canaries.xml',
      },
      env: emulatorEnv(emu),
    });
    expect(step.stderr).toBe('');
    expect(step.exitCode).toBe(0);
    expect(step.outputs.result).toBe('pass');
    const canaries = JSON.parse(step.outputs.canaries!) as {
      name: string;
      verdict: string;
      runs: unknown[];
    }[];
    expect(canaries).toMatchObject([{ name: 'smoke-once', verdict: 'pass', runCount: 1, triggered: 1 }]);
    expect(existsSync(step.outputs['report-path']!)).toBe(true);
    expect(step.outputs['report-path']!.startsWith(step.runnerTemp)).toBe(true);
    expect(step.summary).toContain('| Canary | Verdict |');
    expect(step.summary).toContain('cw-syn-results-');
    expect(emu.calls('StartCanary')).toHaveLength(1);
    const junitPath = join(step.runnerTemp, '..', 'reports', 'canaries.xml');
    expect(readFileSync(junitPath, 'utf8')).toContain('<testcase name="smoke-once"');
  });

  it('fails with the canary, its run and the script reason in one line', async ({ onTestFinished }) => {
    const emu = await emulator(onTestFinished, failingOnce);
    const step = await runStep({
      action: 'canary-gate',
      inputs: { ...FAST, canaries: 'login-once' },
      env: emulatorEnv(emu),
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).toMatch(/^canary-gate failed: login-once: .*Element #login not found/);
    expect(step.failure).not.toContain('\n');
    expect(step.annotations.some((a) => a.level === 'error' && a.title === 'canary login-once')).toBe(true);
  });

  it.for([
    ['neutral', 0, 'neutral'],
    ['pass', 0, 'pass'],
    ['fail', 1, 'fail'],
  ] as const)('times out with on-timeout: %s', async ([onTimeout, exitCode, result], { onTestFinished }) => {
    const emu = await emulator(onTestFinished, silent);
    const step = await runStep({
      action: 'canary-gate',
      inputs: { canaries: 'hourly-canary', 'poll-interval': '5s', timeout: '10s', 'on-timeout': onTimeout },
      env: emulatorEnv(emu),
    });
    expect(step.exitCode).toBe(exitCode);
    expect(step.outputs.result).toBe(result);
    expect(step.outputs.reason).toMatch(
      /^timed out after 10s: hourly-canary: timed out: 0\/1 runs completed/,
    );
    const loud = step.annotations.some((a) => a.level === 'warning' && a.message.includes('TIMED OUT'));
    expect(loud).toBe(onTimeout !== 'fail');
    if (onTimeout !== 'fail') expect(step.summary).toContain('> [!WARNING]');
  });

  it.for([
    [{ 'poll-interval': '1s' }, "Invalid poll-interval '1s': use at least 5s"],
    [{ canaries: 'Checkout API' }, "Invalid canaries 'Checkout API': use canary names"],
    [{ 'min-success-percent': '101' }, "Invalid min-success-percent '101': use a whole number from 0 to 100"],
    [{ canaries: '' }, 'Input required and not supplied: canaries'],
    [{ since: 'yesterday' }, "Invalid since 'yesterday': use an ISO timestamp"],
  ] as [Record<string, string>, string][])(
    'refuses bad input %j in one line before any AWS call',
    async ([bad, message], { onTestFinished }) => {
      const emu = await emulator(onTestFinished, passingOnce);
      const step = await runStep({
        action: 'canary-gate',
        inputs: { canaries: 'smoke-once', ...bad },
        env: emulatorEnv(emu),
      });
      expect(step.exitCode).toBe(1);
      expect(step.failure).toContain(message);
      expect(step.failure).not.toContain('\n');
      expect(step.stdout).not.toMatch(/\s+at .*\.js:\d+/);
      expect(emu.requests).toHaveLength(0);
    },
  );

  it('works with exactly the README least-privilege policy, and names a missing action in one line', async ({
    onTestFinished,
  }) => {
    const policy = readmePolicy();
    const allowed = await emulator(onTestFinished, passingOnce, policy);
    const ok = await runStep({
      action: 'canary-gate',
      inputs: { ...FAST, canaries: 'smoke-once', alarms: 'checkout-api-5xx' },
      env: emulatorEnv(allowed),
    });
    expect(ok.outputs.result).toBe('pass');
    expect(allowed.requests.filter((r) => r.status === 403)).toEqual([]);

    const withoutStart = structuredClone(policy);
    for (const statement of [withoutStart.Statement].flat()) {
      const actions = [statement.Action ?? []].flat().filter((action) => action !== 'synthetics:StartCanary');
      statement.Action = actions;
    }
    const denied = await emulator(onTestFinished, passingOnce, withoutStart);
    const refused = await runStep({
      action: 'canary-gate',
      inputs: { ...FAST, canaries: 'smoke-once' },
      env: emulatorEnv(denied),
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.failure).toContain('does not allow synthetics:StartCanary');
    expect(refused.failure).not.toContain('\n');
  });

  it('rides out throttling and 5xx while polling and still reports the failure', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(onTestFinished, failingOnce);
    emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanariesLastRun',
      kind: 'throttle',
      times: 2,
    });
    emu.injectFault({ service: 'synthetics', operation: 'GetCanaryRuns', kind: 'server-error', times: 1 });
    const step = await runStep({
      action: 'canary-gate',
      inputs: { ...FAST, canaries: 'login-once', 'max-attempts': '1' },
      env: emulatorEnv(emu),
    });
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).toContain('Element #login not found');
    expect(step.stdout).toMatch(/Polling .* failed \(TooManyRequestsException/);
    expect(emu.requests.filter((r) => r.fault).length).toBe(3);
  });

  it('never passes when throttling hides the runs, even with on-timeout: pass', async ({
    onTestFinished,
  }) => {
    const emu = await emulator(onTestFinished, passingOnce);
    emu.injectFault({ service: 'synthetics', operation: 'GetCanaryRuns', kind: 'throttle', times: -1 });
    const step = await runStep({
      action: 'canary-gate',
      inputs: {
        canaries: 'smoke-once',
        'poll-interval': '5s',
        timeout: '12s',
        'on-timeout': 'pass',
        'max-attempts': '1',
      },
      env: emulatorEnv(emu),
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).toContain('TooManyRequestsException');
  });

  it('runs on the Node 24 runtime that action.yml declares', () => {
    const meta = parse(readFileSync(join(REPO_ROOT, 'actions/canary-gate/action.yml'), 'utf8')) as {
      runs: { using: string };
    };
    expect(meta.runs.using).toBe('node24');
    expect(availableRuntime(undefined)).toBe(NODE24_PATH);
  });
});
