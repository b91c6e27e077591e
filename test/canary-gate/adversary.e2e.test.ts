import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Scenario, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { runStep } from '../../tools/harness/runner.js';
import { until } from '../../tools/harness/until.js';

/**
 * The adversary's findings (adversary.test.ts) through the committed bundle, spawned as the runner
 * does, against the emulator in real time. Waits are conditions on what the emulator has seen.
 */
interface RunJson {
  state: string;
  completed?: string;
  reason?: string;
}
interface ReportJson {
  result: string;
  finishedAt: string;
  canaries: { name: string; verdict: string; runs: RunJson[] }[];
}

describe('adversary (bundle): one canary decided early, the gate still open for another', () => {
  /**
   * Was a false pass (fixed in moments.ts; this failed on the bundle before), see adversary.test.ts. Reproduction: two run-once canaries, trigger auto
   * (default), poll-interval 5s, timeout 60s. fast-x's run passes after 1 s; then (the test,
   * once that run is over) fast-x runs again and FAILS after 1 s ("HTTP 500 from /pay"); slow-y's
   * run passes after 20 s. Was: result pass (fast-x locked at its first pass), the failure only a
   * warning. Now: fail, as the gate was still open after fast-x's counted failure.
   */
  it('a failure of an already-passed canary before the gate ends fails the gate', async ({
    onTestFinished,
  }) => {
    const scenario: Scenario = {
      canaries: [
        {
          name: 'fast-x',
          schedule: 'rate(0 minute)',
          state: 'READY',
          script: [{ state: 'PASSED', durationMs: 1_000 }],
        },
        {
          name: 'slow-y',
          schedule: 'rate(0 minute)',
          state: 'READY',
          script: [{ state: 'PASSED', durationMs: 20_000 }],
        },
      ],
    };
    const emu = await startEmulator({ scenario });
    onTestFinished(() => emu.close());
    const stepDone = runStep({
      action: 'canary-gate',
      inputs: { canaries: 'fast-x\nslow-y', 'poll-interval': '5s', timeout: '60s' },
      env: emulatorEnv(emu),
      killAfterMs: 150_000,
    });
    const startOf = (name: string) =>
      emu.calls('StartCanary').find((call) => call.params.Name === name && call.status === 200);
    await until(() => startOf('fast-x') !== undefined);
    const xStarted = startOf('fast-x')!.time;
    await until(() => emu.now() > xStarted + 1_500);
    emu.runCanaryNow('fast-x', { state: 'FAILED', reason: 'HTTP 500 from /pay', durationMs: 1_000 });
    const step = await stepDone;
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8')) as ReportJson;
    const failedRun = report.canaries
      .find((c) => c.name === 'fast-x')!
      .runs.find((run) => run.state === 'FAILED');
    expect(failedRun?.reason).toBe('HTTP 500 from /pay');
    expect(step.outputs.result).toBe('fail');
    expect(step.failure).toContain('HTTP 500 from /pay');
  });
});

describe('adversary (bundle): AWS clock skew and an ISO since', () => {
  /**
   * Was a false pass (fixed in settings.ts sinceOnAwsClock), see adversary.test.ts "an ISO since taken on the runner". Reproduction:
   * AWS's clock (the emulator's, seen through the Date header) 90 s ahead of the runner's; one
   * canary whose only run PASSED and started 60 s before "now" on the runner's clock in true time
   * (on AWS's clock 30 s after it); since = the runner's now as ISO, as the README's recipe
   * (`date -u` in a step before the deploy) produces. Was: pass on that pre-deploy run.
   * Now: no run started after the deploy -> timeout -> fail.
   */
  it('a run that started before the deploy is no evidence for it', async ({ onTestFinished }) => {
    const AHEAD_MS = 90_000;
    const emu = await startEmulator({
      scenario: {
        canaries: [
          {
            name: 'checkout',
            schedule: 'rate(1 hour)',
            history: [{ startedAtMs: -60_000, durationMs: 5_000, state: 'PASSED' }],
          },
        ],
      },
      clock: { now: () => Date.now() + AHEAD_MS },
    });
    onTestFinished(() => emu.close());
    const deployStarted = new Date(Date.now()).toISOString();
    const step = await runStep({
      action: 'canary-gate',
      inputs: { canaries: 'checkout', since: deployStarted, 'poll-interval': '5s', timeout: '10s' },
      env: emulatorEnv(emu),
      killAfterMs: 120_000,
    });
    expect(step.outputs.result).toBe('fail');
  });
});
