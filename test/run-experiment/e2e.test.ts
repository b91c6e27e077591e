import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Emulator, type IamPolicy, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';
import {
  availableRuntime,
  NODE24_PATH,
  REPO_ROOT,
  type RunOptions,
  runPost,
  runStep,
} from '../../tools/harness/runner.js';

/**
 * The committed bundles, run exactly as the GitHub runner runs them (node24, INPUT_*, GITHUB_*
 * files, signals, the post step with the saved state) against the emulator on real time. The
 * timelines are seconds long; the minimum poll interval is 5 s. Long timelines are covered
 * in-process (experiment.test.ts). No assertion on wall time.
 */
const ACTION = 'run-experiment';
const POLICY = JSON.parse(
  readFileSync(`${REPO_ROOT}examples/run-experiment/iam-policy.json`, 'utf8'),
) as IamPolicy;
const E2E_TIMEOUT_MS = 180_000;

// The tests run concurrently: emulators are closed when all are done, not after each test.
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
  return {
    action: ACTION,
    inputs: { 'poll-interval': '5s', ...inputs },
    env: emulatorEnv(emu),
    ...extra,
  };
}

const RUNNING = /Experiment EXP\w+ is running/;

describe.concurrent('run-experiment bundle e2e', () => {
  it(
    'passes a completed experiment on Node 24, with outputs, summary, report and a no-op post',
    async () => {
      expect(existsSync(NODE24_PATH)).toBe(true);
      expect(availableRuntime('node24')).toBe(NODE24_PATH);
      const emu = await emulator({
        scenario: scenario([template('EXTquick', { preset: 'completes', durationMs: 3_000 })]),
      });
      const options = step(emu, { 'experiment-template-id': 'EXTquick', 'junit-path': 'junit.xml' });
      const main = await runStep(options);
      expect(main.stderr).toBe('');
      expect(main.exitCode).toBe(0);
      expect(main.failure).toBeUndefined();
      expect(main.outputs).toMatchObject({
        outcome: 'completed',
        state: 'completed',
        result: 'pass',
        'state-reason': 'Experiment completed.',
      });
      expect(main.outputs.reason).toMatch(/^Experiment EXP\w+ completed .*: passed$/);
      const id = main.outputs['experiment-id']!;
      expect(main.state).toMatchObject({ 'experiment-id': id, 'finished-experiment-id': id });
      expect(JSON.parse(main.outputs.actions!)).toEqual({
        'inject-latency': { status: 'completed' },
        'stress-cpu': { status: 'completed' },
      });
      expect(main.outputs['console-url']).toContain(`ExperimentId=${id}`);
      expect(JSON.parse(readFileSync(main.outputs['report-path']!, 'utf8'))).toMatchObject({
        outcome: 'completed',
        passed: true,
      });
      expect(main.summary).toContain('## ✅ run-experiment: completed');
      expect(main.stdout).toMatch(
        /Experiment EXP\w+ is completed \(Experiment completed\.\); actions: inject-latency completed, stress-cpu completed/,
      );
      const post = await runPost(main, options);
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain(`experiment ${id} was settled by the main step, nothing to clean up`);
      expect(emu.calls('fis:StopExperiment')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'fails on a stop condition, naming the outcome and the FIS reason',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTstop', { preset: 'stop-condition', afterMs: 2_000 })]),
      });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTstop' }));
      expect(main.exitCode).toBe(1);
      expect(main.outputs.outcome).toBe('stopped-by-stop-condition');
      expect(main.failure).toMatch(
        /^Experiment EXP\w+ stopped-by-stop-condition \(reason: Stop condition triggered: arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-5xx; actions: .*\): outcome stopped-by-stop-condition is not in allowed-outcomes \(completed\)$/,
      );
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'stops the experiment on SIGINT (job cancelled) and fails with stopped-by-gate',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      const main = await runStep(
        step(
          emu,
          { 'experiment-template-id': 'EXTforever' },
          { signals: [{ signal: 'SIGINT', whenOutput: RUNNING }] },
        ),
      );
      const id = main.state['experiment-id']!;
      expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain(`Stopping experiment ${id}: the job was cancelled (SIGINT)`);
      expect(main.stdout).toContain(`StopExperiment accepted: experiment ${id} is stopping`);
      expect(emu.calls('fis:StopExperiment').map((c) => [c.params.id, c.status])).toEqual([[id, 200]]);
      expect(main.outputs.outcome).toBe('stopped-by-gate');
      expect(main.failure).toMatch(/the gate stopped the experiment: the job was cancelled \(SIGINT\)/);
      expect(main.state['finished-experiment-id']).toBe(id);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'SIGKILL mid-experiment: the post step finds the saved id and stops it',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      const options = step(emu, { 'experiment-template-id': 'EXTforever' });
      const main = await runStep({ ...options, signals: [{ signal: 'SIGKILL', whenOutput: RUNNING }] });
      expect(main.signal).toBe('SIGKILL');
      const id = main.state['experiment-id']!;
      expect(id).toMatch(/^EXP/);
      expect(main.state['finished-experiment-id']).toBeUndefined();
      expect(emu.calls('fis:StopExperiment')).toHaveLength(0);
      const post = await runPost(main, options);
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain(
        `run-experiment post: experiment ${id} is still running after the main step ended: stopping it`,
      );
      expect(post.stdout).toContain(
        `run-experiment post: stopped experiment ${id} that the main step left running`,
      );
      expect(emu.calls('fis:StopExperiment').map((c) => [c.params.id, c.status])).toEqual([[id, 200]]);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'stops the experiment when the timeout runs out, and fails',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
      });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTforever', timeout: '6s' }));
      const id = main.outputs['experiment-id']!;
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain(`Stopping experiment ${id}: the timeout of 6s ran out`);
      expect(emu.calls('fis:StopExperiment').map((c) => c.params.id)).toEqual([id]);
      expect(main.outputs).toMatchObject({ outcome: 'stopped-by-gate', state: 'stopped' });
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'bad input: one line, no AWS call at all, no StartExperiment, post does nothing',
    async () => {
      const emu = await emulator({ scenario: scenario([template('EXTquick', { preset: 'completes' })]) });
      const options = step(emu, { 'experiment-template-id': 'EXTquick', 'poll-interval': '1s' });
      const main = await runStep(options);
      expect(main.exitCode).toBe(1);
      expect(main.failure).toBe("Invalid poll-interval '1s': use at least 5s (FIS API rate limits)");
      expect(main.stdout).not.toMatch(/\s+at .*\.js:\d+/);
      expect(emu.calls('fis:StartExperiment')).toHaveLength(0);
      expect(emu.requests).toHaveLength(0);
      const post = await runPost(main, options);
      expect(post.exitCode).toBe(0);
      expect(emu.requests).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'preflight refusal: a stop-condition alarm in ALARM means nothing is injected',
    async () => {
      const emu = await emulator({ scenario: scenario([template('EXTquick', { preset: 'completes' })]) });
      emu.setAlarmState('checkout-api-5xx', 'ALARM');
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTquick' }));
      expect(main.exitCode).toBe(1);
      expect(main.outputs).toMatchObject({ outcome: 'not-started', 'experiment-id': '' });
      expect(main.failure).toMatch(
        /^Experiment not started: preflight refused \(stop-condition-alarms\): checkout-api-5xx is ALARM/,
      );
      expect(emu.calls('fis:StartExperiment')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'works under the documented least-privilege IAM policy, every call included',
    async () => {
      // A run-once canary (no schedule period: every new run is listed with GetCanaryRuns).
      const canary = (history: { startedAtMs: number; state: 'PASSED'; durationMs?: number }[]) => ({
        name: 'checkout-canary',
        schedule: 'rate(0 minute)',
        history,
      });
      const before = { startedAtMs: -60_000, state: 'PASSED' as const };
      // Scenario times count from the emulator's construction: read the clock before it, never
      // after `listen` (on a busy machine that gap put the new run before the experiment's start,
      // outside the window, and GetCanaryRuns was never needed).
      const scenarioZero = Date.now();
      const emu = await emulator({
        scenario: scenario(
          [template('EXTquick', { preset: 'completes', durationMs: 7_000 }, { tags: { gate: 'pd' } })],
          { alarms: [{ name: 'orders-errors' }], canaries: [canary([before])] },
        ),
        policy: POLICY,
      });
      // Once the experiment runs, the alarm leaves OK and comes back (its history is read), and the
      // canary gets a new passing run (its runs are listed). The gate must still pass.
      const during = setInterval(() => {
        // The second start: the first is validate-targets' skip-all run.
        if (emu.calls('fis:StartExperiment').filter((call) => call.status === 200).length < 2) return;
        clearInterval(during);
        emu.setAlarmState('orders-errors', 'INSUFFICIENT_DATA');
        emu.setAlarmState('orders-errors', 'OK');
        emu.addCanary(
          canary([before, { startedAtMs: emu.now() - scenarioZero, state: 'PASSED', durationMs: 500 }]),
        );
      }, 20);
      const main = await runStep(
        step(emu, {
          'experiment-template-tags': 'gate=pd',
          'validate-targets': 'true',
          'steady-state-alarms': 'orders-errors',
          'steady-state-canaries': 'checkout-canary',
          'recovery-timeout': '10s',
          // The alarm's pass through INSUFFICIENT_DATA is there to make the gate read its history.
          'insufficient-data': 'warn',
        }),
      ).finally(() => clearInterval(during));
      expect(main.failure).toBeUndefined();
      expect(main.exitCode).toBe(0);
      const denied = emu.requests.filter((r) => r.errorCode === 'AccessDeniedException');
      expect(denied).toEqual([]);
      const used = new Set(emu.requests.map((r) => r.iamAction));
      for (const action of [
        'fis:ListExperimentTemplates',
        'fis:GetExperimentTemplate',
        'fis:ListExperiments',
        'fis:StartExperiment',
        'fis:GetExperiment',
        'fis:ListExperimentResolvedTargets',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:DescribeAlarmHistory',
        'synthetics:DescribeCanariesLastRun',
        'synthetics:DescribeCanaries',
        'synthetics:GetCanaryRuns',
      ]) {
        expect(used, action).toContain(action);
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'a policy without fis:StopExperiment is caught: the failure names the refused action',
    async () => {
      const noStop = structuredClone(POLICY);
      for (const statement of [noStop.Statement].flat()) {
        if (Array.isArray(statement.Action))
          statement.Action = statement.Action.filter((a) => a !== 'fis:StopExperiment');
      }
      const emu = await emulator({
        scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]),
        policy: noStop,
      });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTforever', timeout: '5s' }));
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(
        /StopExperiment EXP\w+ failed: AccessDeniedException: .*not authorized to perform: fis:StopExperiment.*\(the IAM policy of the role does not allow fis:StopExperiment/,
      );
      expect(main.state['finished-experiment-id']).toBeUndefined();
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'survives a throttling burst and 5xx while polling, with no false pass',
    async () => {
      const emu = await emulator({
        scenario: scenario([template('EXTstop', { preset: 'stop-condition', afterMs: 4_000 })]),
      });
      emu.injectFault({ service: 'fis', operation: 'GetExperiment', kind: 'throttle', times: 4 });
      emu.injectFault({ service: 'fis', operation: 'GetExperiment', kind: 'server-error', times: 2 });
      const main = await runStep(step(emu, { 'experiment-template-id': 'EXTstop', 'max-attempts': '2' }));
      const faults = emu.calls('fis:GetExperiment').map((c) => c.fault ?? 'ok');
      expect(faults.filter((f) => f === 'throttle')).toHaveLength(4);
      expect(faults.filter((f) => f === 'server-error')).toHaveLength(2);
      expect(main.stdout).toMatch(
        /Polling experiment EXP\w+ to end failed \(ThrottlingException: Rate exceeded\); retry 1\/8/,
      );
      expect(main.exitCode).toBe(1);
      expect(main.outputs.outcome).toBe('stopped-by-stop-condition');
    },
    E2E_TIMEOUT_MS,
  );
});
