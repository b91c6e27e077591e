import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';
import { type RunOptions, runPost, runStep } from '../../tools/harness/runner.js';

/**
 * Issue 9, run-experiment side: each case a false pass (or a leak) reproduced through the
 * committed bundle, run as the GitHub runner runs it, against the emulator on real time.
 */
const ACTION = 'run-experiment';
const E2E_TIMEOUT_MS = 90_000;

const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.splice(0).map((emu) => emu.close()));
});

async function emulator(...args: Parameters<typeof startEmulator>): Promise<Emulator> {
  const emu = await startEmulator(...args);
  emulators.push(emu);
  return emu;
}

function step(emu: Emulator, inputs: Record<string, string>, extra: Partial<RunOptions> = {}): RunOptions {
  return { action: ACTION, inputs: { 'poll-interval': '5s', ...inputs }, env: emulatorEnv(emu), ...extra };
}

function report(main: { outputs: Record<string, string> }): { outcome: string; failures: string[] } {
  return JSON.parse(readFileSync(main.outputs['report-path']!, 'utf8'));
}

/** A wait action and a fault whose target resolves to nothing; another target does resolve. */
function waitAndEmptyFault(id: string, extra: Parameters<typeof template>[2] = {}) {
  const base = template(id, { preset: 'completes', durationMs: 3_000 });
  return template(
    id,
    { preset: 'completes', durationMs: 3_000 },
    {
      targets: {
        ...base.targets,
        'db-cluster': {
          resourceType: 'aws:rds:cluster',
          resourceTags: { env: 'gone' },
          selectionMode: 'ALL',
        },
      },
      actions: {
        'wait-a-bit': { actionId: 'aws:fis:wait', parameters: { duration: 'PT3S' } },
        failover: { actionId: 'aws:rds:failover-db-cluster', targets: { Clusters: 'db-cluster' } },
      },
      emptyTargetResolutionMode: 'skip',
      resolvedTargets: (base.targets['api-tasks']?.resourceArns ?? []).map((arn) => ({
        targetName: 'api-tasks',
        resourceType: 'aws:ecs:task',
        targetInformation: { identifier: arn },
      })),
      ...extra,
    },
  );
}

describe.concurrent('run-experiment verdicts (issue 9)', () => {
  it(
    'case 1: completed with every fault action skipped is nothing-injected, not a pass (validate-targets too)',
    async () => {
      const emu = await emulator({ scenario: scenario([waitAndEmptyFault('EXTskipped')]) });
      const main = await runStep(
        step(emu, { 'experiment-template-id': 'EXTskipped', 'validate-targets': 'true' }),
      );
      expect(JSON.parse(main.outputs.actions!)).toMatchObject({
        'wait-a-bit': { status: 'completed' },
        failover: { status: 'skipped' },
      });
      expect(main.outputs.state).toBe('completed');
      expect(main.exitCode).toBe(1);
      expect(main.outputs.outcome).toBe('nothing-injected');
      expect(main.failure).toMatch(/every fault action was skipped \(failover\): nothing was injected/);
    },
    E2E_TIMEOUT_MS,
  );

  for (const end of ['completed', 'cancelled'] as const) {
    it(
      `case 1: every action skipped, FIS ending ${end} (AWS documents neither): never a pass`,
      async () => {
        const only = waitAndEmptyFault('EXTallSkipped', { whenAllActionsSkipped: end });
        delete (only.actions as Record<string, unknown>)['wait-a-bit'];
        const emu = await emulator({ scenario: scenario([only]) });
        const main = await runStep(
          step(emu, {
            'experiment-template-id': 'EXTallSkipped',
            'allowed-outcomes': 'completed, cancelled',
          }),
        );
        expect(main.outputs.state).toBe(end);
        expect(main.exitCode).toBe(1);
        expect(report(main).failures.join('; ')).toMatch(/nothing was injected/);
      },
      E2E_TIMEOUT_MS,
    );
  }

  it(
    'case 1: completed with an action failed is a failure, whatever allowed-outcomes says',
    async () => {
      const emu = await emulator({
        scenario: scenario([
          template('EXTactionFailed', [
            { afterMs: 0, status: 'initiating' },
            { afterMs: 1_000, status: 'running', actions: 'running' },
            {
              afterMs: 3_000,
              status: 'completed',
              reason: 'Experiment completed.',
              actions: { 'inject-latency': 'completed', 'stress-cpu': 'failed' },
            },
          ]),
        ]),
      });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTactionFailed' }));
      expect(main.outputs.state).toBe('completed');
      expect(main.exitCode).toBe(1);
      expect(main.failure).toMatch(/action stress-cpu failed/);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 2: a misspelled steady-state canary is an input error before StartExperiment',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 3_000 })], {
          canaries: [{ name: 'checkout-api-canary', schedule: 'rate(1 minute)' }],
        }),
      });
      const main = await runStep(
        step(emu, {
          'experiment-template-id': 'EXTquick',
          'steady-state-canaries': 'checkout-api-canray',
        }),
      );
      expect(main.exitCode).toBe(1);
      expect(main.failure).toBe(
        "Invalid steady-state-canaries 'checkout-api-canray': no such Synthetics canary in us-east-1 (check the name and the region)",
      );
      expect(emu.calls('fis:StartExperiment')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 2: unknown steady-state alarms are an input error before StartExperiment, also with preflight: false',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 3_000 })]),
      });
      const main = await runStep(
        step(emu, {
          'experiment-template-id': 'EXTquick',
          'steady-state-alarms': 'checkout-latency-p99\norders-erors',
          preflight: 'false',
        }),
      );
      expect(main.exitCode).toBe(1);
      expect(main.failure).toBe(
        "Invalid steady-state-alarms 'orders-erors': no such CloudWatch alarm in us-east-1 (check the name and the region)",
      );
      expect(emu.calls('fis:StartExperiment')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 6: an alarm that fires while FIS injects is a breach, even when the polls only see it as FIS ends and it recovers',
    async () => {
      const emu = await emulator({
        scenario: scenario(
          [
            template('EXTlateBreach', [
              { afterMs: 0, status: 'initiating' },
              { afterMs: 500, status: 'running', actions: 'running' },
              // 7.5 s: the alarm fires under the fault; 9.5 s: FIS completes.
              { afterMs: 7_500, status: 'running', setAlarm: { name: 'orders-errors', state: 'ALARM' } },
              { afterMs: 9_500, status: 'completed', reason: 'Experiment completed.', actions: 'completed' },
            ]),
          ],
          { alarms: [{ name: 'orders-errors' }] },
        ),
      });
      // 12.5 s after the start, the alarm is OK again: within recovery-timeout.
      const recover = setInterval(() => {
        const start = emu.calls('fis:StartExperiment').find((c) => c.status === 200);
        if (!start) return;
        clearInterval(recover);
        setTimeout(() => emu.setAlarmState('orders-errors', 'OK'), 12_500 - 50);
      }, 20);
      const main = await runStep(
        step(emu, {
          'experiment-template-id': 'EXTlateBreach',
          'steady-state-alarms': 'orders-errors',
          'recovery-timeout': '20s',
        }),
      ).finally(() => clearInterval(recover));
      expect(main.outputs.state).toBe('completed');
      expect(main.exitCode).toBe(1);
      expect(main.failure).toMatch(
        /steady state breached while the fault was injected: alarm orders-errors went to ALARM at \S+ \(the experiment ended at/,
      );
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "case 7: a re-run with the same client token does not turn the gate's own stop into stopped-manually",
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      const inputs = {
        'experiment-template-id': 'EXTforever',
        timeout: '6s',
        'allowed-outcomes': 'completed, stopped-manually',
      };
      const first = await runStep(step(emu, inputs));
      expect(first.outputs.outcome).toBe('stopped-by-gate');
      const again = await runStep(step(emu, inputs));
      expect(again.outputs['experiment-id']).toBe(first.outputs['experiment-id']);
      expect(again.outputs.outcome).toBe('stopped-by-gate');
      expect(again.exitCode).toBe(1);
      expect(again.failure).toMatch(/this step stopped the experiment in an earlier run/);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 3: a scheduled canary with no run during the experiment is no evidence, not a pass',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 3_000 })], {
          canaries: [
            {
              name: 'hourly-canary',
              schedule: 'rate(1 hour)',
              history: [{ startedAtMs: -5 * 60_000, durationMs: 20_000, state: 'PASSED' }],
            },
          ],
        }),
      });
      const main = await runStep(
        step(emu, { 'experiment-template-id': 'EXTquick', 'steady-state-canaries': 'hourly-canary' }),
      );
      expect(main.outputs.state).toBe('completed');
      expect(main.exitCode).toBe(1);
      expect(main.failure).toMatch(
        /no evidence: canary hourly-canary had no run that started during the experiment \(last run seen: started \S+, PASSED\)/,
      );
    },
    E2E_TIMEOUT_MS,
  );

  for (const [state, schedule] of [
    ['STOPPED', 'rate(1 hour)'],
    ['READY', 'rate(0 minute)'],
  ] as const) {
    it(
      `case 3: a ${state} canary (${schedule}) is started under the fault, and its failed run fails the gate`,
      async () => {
        const emu = await emulator({
          scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 4_000 })], {
            canaries: [
              {
                name: 'idle-canary',
                schedule,
                state,
                history: [{ startedAtMs: -60 * 60_000, durationMs: 20_000, state: 'PASSED' }],
                script: [{ state: 'FAILED', durationMs: 1_000, reason: 'checkout returned 503' }],
              },
            ],
          }),
        });
        const main = await runStep(
          step(emu, { 'experiment-template-id': 'EXTquick', 'steady-state-canaries': 'idle-canary' }),
        );
        expect(emu.calls('synthetics:StartCanary')).toHaveLength(1);
        expect(main.exitCode).toBe(1);
        expect(main.failure).toMatch(/canary idle-canary failed .*checkout returned 503/);
      },
      E2E_TIMEOUT_MS,
    );
  }

  for (const [outcome, verdict] of [
    ['FAILED', 1],
    ['PASSED', 0],
  ] as const) {
    it(
      `case 4: a run that started under the fault and ends ${outcome} after FIS completed is judged when it ends`,
      async () => {
        const emu = await emulator({
          scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 3_000 })], {
            canaries: [{ name: 'hourly-canary', schedule: 'rate(1 hour)' }],
          }),
        });
        // Once the experiment has started: a run begins under the fault and ends 8 s later.
        const begin = setInterval(() => {
          if (!emu.calls('fis:StartExperiment').some((c) => c.status === 200)) return;
          clearInterval(begin);
          emu.runCanaryNow('hourly-canary', { state: outcome, durationMs: 8_000, reason: 'timed out' });
        }, 20);
        const main = await runStep(
          step(emu, { 'experiment-template-id': 'EXTquick', 'steady-state-canaries': 'hourly-canary' }),
        ).finally(() => clearInterval(begin));
        expect(main.outputs.state).toBe('completed');
        expect(main.exitCode).toBe(verdict);
        if (outcome === 'FAILED') expect(main.failure).toMatch(/canary hourly-canary failed/);
        // Issue 14: result and a one-line reason, like the other gates; FIS's reason moves aside.
        expect(main.outputs.result).toBe(outcome === 'FAILED' ? 'fail' : 'pass');
        expect(main.outputs.reason).toMatch(
          /^Experiment EXP\w+ completed .*: (passed|steady state breached)/,
        );
        expect(main.outputs.reason).not.toContain('\n');
        expect(main.outputs['state-reason']).toBe('Experiment completed.');
      },
      E2E_TIMEOUT_MS,
    );
  }

  for (const [treatment, exitCode] of [
    [undefined, 1],
    ['fail', 1],
    ['warn', 0],
    ['ignore', 0],
  ] as const) {
    it(
      `case 5: an alarm that goes OK -> INSUFFICIENT_DATA during the experiment, insufficient-data: ${treatment ?? '(default)'}`,
      async () => {
        const emu = await emulator({
          scenario: scenario(
            [
              template('EXTnoData', [
                { afterMs: 0, status: 'initiating' },
                { afterMs: 500, status: 'running', actions: 'running' },
                // The fault kills the metric's emitters: no data, not ALARM.
                {
                  afterMs: 1_500,
                  status: 'running',
                  setAlarm: { name: 'orders-errors', state: 'INSUFFICIENT_DATA', reason: 'no datapoints' },
                },
                {
                  afterMs: 3_000,
                  status: 'completed',
                  reason: 'Experiment completed.',
                  actions: 'completed',
                },
              ]),
            ],
            { alarms: [{ name: 'orders-errors' }] },
          ),
        });
        const main = await runStep(
          step(emu, {
            'experiment-template-id': 'EXTnoData',
            'steady-state-alarms': 'orders-errors',
            ...(treatment ? { 'insufficient-data': treatment } : {}),
          }),
        );
        expect(main.outputs.state).toBe('completed');
        expect(main.exitCode).toBe(exitCode);
        if (exitCode === 1) {
          expect(main.failure).toMatch(
            /alarm orders-errors went to INSUFFICIENT_DATA during the experiment: no data is no evidence of health \(insufficient-data: fail\)/,
          );
        }
        const warned = main.annotations.some((a) =>
          /orders-errors .*insufficient-data: warn/.test(a.message),
        );
        expect(warned).toBe(treatment === 'warn');
      },
      E2E_TIMEOUT_MS,
    );
  }

  it(
    "SIGINT, SIGTERM, then SIGKILL while the main step's StopExperiment hangs: the post step stops the experiment",
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      // The main step's stop never gets through before the kill: FIS holds it for 60 s.
      emu.injectFault({ service: 'fis', operation: 'StopExperiment', kind: 'latency', latencyMs: 60_000 });
      const running = /Experiment EXP\w+ is running/;
      const options = step(
        emu,
        { 'experiment-template-id': 'EXTforever', preflight: 'false' },
        {
          // The runner's cancellation, compressed: SIGINT, SIGTERM, then SIGKILL.
          signals: [
            { signal: 'SIGINT', whenOutput: running },
            { signal: 'SIGTERM', whenOutput: running, afterMs: 1_500 },
          ],
          killAfterMs: 8_000,
        },
      );
      const main = await runStep(options);
      expect(main.signalsSent.map((sent) => sent.signal)).toEqual(['SIGINT', 'SIGTERM']);
      expect(main.signal).toBe('SIGKILL');
      const id = main.state['experiment-id']!;
      expect(id).toMatch(/^EXP/);
      expect(main.state['finished-experiment-id']).toBeUndefined();
      expect(emu.experiment(id)?.status).toBe('running');
      const post = await runPost(main, { ...options, signals: [], killAfterMs: 30_000 });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain(
        `run-experiment post: stopped experiment ${id} that the main step left running`,
      );
      expect(['stopping', 'stopped']).toContain(emu.experiment(id)?.status);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 12: an HTML 404 from FIS names the service, operation, endpoint and status, not a SyntaxError',
    async () => {
      const emu = await emulator({ scenario: scenario([template('EXTok', { preset: 'completes' })]) });
      emu.injectFault({ service: 'fis', operation: 'GetExperimentTemplate', kind: 'html', status: 404 });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTok', 'max-attempts': '1' }));
      expect(main.exitCode).toBe(1);
      expect(main.failure).not.toMatch(/SyntaxError|Unexpected token/);
      expect(main.failure).toContain('FIS GetExperimentTemplate');
      expect(main.failure).toContain(new URL(emu.url).host);
      expect(main.failure).toContain('HTTP 404');
      expect(emu.calls('fis:StartExperiment')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'case 10: StartExperiment answers after the job was killed; the post step finds the experiment by its client-token tag and stops it',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      // FIS starts the experiment at once; its reply comes 60 s later, after the kill.
      emu.injectFault({
        service: 'fis',
        operation: 'StartExperiment',
        kind: 'late-reply',
        latencyMs: 60_000,
      });
      const options = step(
        emu,
        { 'experiment-template-id': 'EXTforever', preflight: 'false' },
        {
          // The runner's cancellation: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that
          // (compressed here: only the order matters, and that the reply comes after the kill).
          signals: [
            { signal: 'SIGINT', whenOutput: /Experiment template EXTforever/, afterMs: 1_000 },
            { signal: 'SIGTERM', whenOutput: /Experiment template EXTforever/, afterMs: 2_000 },
          ],
          killAfterMs: 5_000,
        },
      );
      const main = await runStep(options);
      expect(main.signal).toBe('SIGKILL');
      expect(main.state['experiment-id']).toBeUndefined();
      const started = emu.calls('fis:StartExperiment');
      expect(started).toHaveLength(1);
      const [experiment] = [...emu.experimentIds()].map((id) => emu.experiment(id)!);
      expect(experiment?.status).toBe('running');
      const post = await runPost(main, { ...options, signals: [], killAfterMs: 30_000 });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toMatch(/found \S+ by its client-token tag/);
      expect(['stopping', 'stopped']).toContain(emu.experiment(experiment!.id)?.status);
    },
    E2E_TIMEOUT_MS,
  );
});
