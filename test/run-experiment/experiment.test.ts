import { StopExperimentCommand } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import { RUN_TAG_KEYS } from '../../actions/run-experiment/src/settings.js';
import { CancelledError } from '../../core/cancel.js';
import type { Emulator } from '../../tools/emulator/index.js';
import {
  MINUTE_MS,
  RUN_ENV,
  SECOND_MS,
  STOP_ALARM,
  scenario,
  settings,
  template,
  type World,
  world,
} from '../../tools/harness/run-experiment-world.js';

/**
 * The domain end to end in-process: real SDK clients over HTTP to the emulator, a ManualClock
 * advanced by the gate's own sleeps. Long timelines replay in milliseconds; no wall time asserted.
 */
let current: World | undefined;
async function setup(...args: Parameters<typeof world>): Promise<World> {
  current = await world(...args);
  return current;
}
afterEach(async () => {
  await current?.emu.close();
  current = undefined;
});

function stopCalls(emu: Emulator) {
  return emu.calls('fis:StopExperiment').filter((call) => call.status === 200);
}

describe('executeExperiment: outcomes', () => {
  it('passes a completed 30-minute experiment, with timeline, actions, targets and tags', async () => {
    const w = await setup(
      scenario([template('EXTcompletes', { preset: 'completes', durationMs: 30 * MINUTE_MS })]),
    );
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTcompletes', timeout: '45m' }),
    );
    expect(report.outcome).toBe('completed');
    expect(report.passed).toBe(true);
    expect(report.summaryLine).toMatch(
      /EXP\w+ completed \(reason: Experiment completed\.; actions: inject-latency completed, stress-cpu completed\): passed/,
    );
    expect(report.timeline.map((entry) => entry.status)).toEqual(['initiating', 'running', 'completed']);
    expect(report.timeline[1]!.actions).toEqual({ 'inject-latency': 'running', 'stress-cpu': 'running' });
    expect(report.actions.map((a) => [a.name, a.status])).toEqual([
      ['inject-latency', 'completed'],
      ['stress-cpu', 'completed'],
    ]);
    expect(report.resolvedTargets).toHaveLength(2);
    expect(report.experiment?.durationSeconds).toBe(30 * 60);
    expect(report.stopConditions).toEqual([
      { alarm: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${STOP_ALARM}`, state: 'OK', fired: false },
    ]);
    expect(w.started).toEqual([report.experiment!.id]);
    expect(w.finished).toEqual([report.experiment!.id]);
    const start = w.emu.calls('fis:StartExperiment')[0]!;
    expect(start.params.tags).toMatchObject({
      'github:repository': RUN_ENV.GITHUB_REPOSITORY,
      'github:workflow': RUN_ENV.GITHUB_WORKFLOW,
      'github:run-id': RUN_ENV.GITHUB_RUN_ID,
      'github:run-attempt': RUN_ENV.GITHUB_RUN_ATTEMPT,
      'github:sha': RUN_ENV.GITHUB_SHA,
    });
    expect(start.params.clientToken).toMatch(/^rg-[0-9a-f]{40}$/);
    expect(start.params.experimentOptions).toBeUndefined();
    // 15 s polls over 30 minutes, and a progress line at most once a minute.
    const polls = w.emu.calls('fis:GetExperiment').length;
    expect(polls).toBeGreaterThanOrEqual(120);
    expect(polls).toBeLessThanOrEqual(125);
    const progress = w.log.lines.filter((line) => line.startsWith('Still waiting'));
    expect(progress.length).toBeGreaterThanOrEqual(28);
    expect(progress.length).toBeLessThanOrEqual(31);
    // Each state change is logged once.
    expect(w.log.lines.filter((line) => / is running \(/.test(line))).toHaveLength(1);
  });

  it('reports stopped-by-stop-condition and fails unless allowed', async () => {
    const templates = [template('EXTstopCond', { preset: 'stop-condition', afterMs: 2 * MINUTE_MS })];
    let w = await setup(scenario(templates));
    let report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTstopCond' }));
    expect(report.outcome).toBe('stopped-by-stop-condition');
    expect(report.passed).toBe(false);
    expect(report.experiment?.reason).toMatch(
      /^Stop condition triggered: arn:aws:cloudwatch:.*checkout-api-5xx$/,
    );
    expect(report.stopConditions[0]).toMatchObject({ state: 'ALARM', fired: true });
    expect(report.failures.join()).toMatch(/not in allowed-outcomes \(completed\)/);
    expect(stopCalls(w.emu)).toHaveLength(0);
    await w.emu.close();

    w = await setup(scenario(templates));
    report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTstopCond',
        'allowed-outcomes': 'completed\nstopped-by-stop-condition',
      }),
    );
    expect(report.passed).toBe(true);
  });

  it('reports stopped-manually when someone else stops it', async () => {
    const w = await setup(scenario([template('EXTmanual', { preset: 'runs-forever' })]));
    w.at(3 * MINUTE_MS, () => {
      void w.deps.fis.send(new StopExperimentCommand({ id: w.started[0]! }));
    });
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTmanual' }));
    expect(report.outcome).toBe('stopped-manually');
    expect(report.experiment?.reason).toBe('Experiment stopped by user.');
    expect(report.passed).toBe(false);
  });

  it('reports failed with state.error and the action reasons in the verdict', async () => {
    const w = await setup(
      scenario([
        template('EXTfails', [
          { afterMs: 0, status: 'initiating' },
          { afterMs: SECOND_MS, status: 'running', reason: 'Experiment is running.' },
          {
            afterMs: MINUTE_MS,
            status: 'failed',
            reason: 'Action inject-latency failed.',
            error: { code: 'ActionFailed', location: 'inject-latency' },
            actions: { 'inject-latency': 'failed', 'stress-cpu': 'cancelled' },
          },
        ]),
      ]),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTfails' }));
    expect(report.outcome).toBe('failed');
    expect(report.experiment?.error).toEqual({ code: 'ActionFailed', location: 'inject-latency' });
    expect(report.summaryLine).toContain('reason: Action inject-latency failed.');
    expect(report.summaryLine).toContain('error: ActionFailed at inject-latency');
    expect(report.summaryLine).toContain('inject-latency failed, stress-cpu cancelled');
  });

  it('no targets resolve: nothing-injected (skip; FIS ending completed or cancelled) and failed with TargetResolutionFailed (fail)', async () => {
    const unresolved = { resolvedTargets: [] };
    const skip = { ...unresolved, emptyTargetResolutionMode: 'skip' } as const;
    const w = await setup(
      scenario([
        template('EXTskip', { preset: 'targets-unresolved' }, skip),
        template(
          'EXTskipCancel',
          { preset: 'targets-unresolved' },
          { ...skip, whenAllActionsSkipped: 'cancelled' },
        ),
        template('EXTfail', { preset: 'targets-unresolved' }, unresolved),
      ]),
    );
    const skipped = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTskip' }));
    expect(skipped.outcome).toBe('nothing-injected');
    expect(skipped.experiment?.status).toBe('completed');
    expect(skipped.actions.map((a) => a.status)).toEqual(['skipped', 'skipped']);
    const cancelled = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTskipCancel', 'allowed-outcomes': 'cancelled' }),
    );
    expect(cancelled.outcome).toBe('nothing-injected');
    expect(cancelled.passed).toBe(false);
    expect(cancelled.experiment?.reason).toBe('Target resolution returned empty set.');
    const failed = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTfail' }));
    expect(failed.outcome).toBe('failed');
    expect(failed.experiment?.error?.code).toBe('TargetResolutionFailed');
  });

  it('wait: false starts the experiment and returns at once', async () => {
    const w = await setup(scenario([template('EXTfire', { preset: 'runs-forever' })]));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTfire', wait: 'false' }),
    );
    expect(report.outcome).toBe('started');
    expect(report.passed).toBe(true);
    expect(w.emu.calls('fis:GetExperiment')).toHaveLength(0);
    expect(report.summaryLine).toMatch(/not a gate/);
  });
});

describe('executeExperiment: never leaves chaos running', () => {
  it('stops the experiment when the timeout runs out, and fails', async () => {
    const w = await setup(scenario([template('EXTforever', { preset: 'runs-forever' })]));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTforever', timeout: '10m' }),
    );
    expect(report.outcome).toBe('stopped-by-gate');
    expect(report.gateStop?.cause).toEqual({ kind: 'timeout', timeoutMs: 10 * MINUTE_MS });
    expect(report.passed).toBe(false);
    expect(stopCalls(w.emu)).toHaveLength(1);
    expect(w.emu.experiment(w.started[0]!)?.status).toBe('stopped');
    expect(report.experiment?.status).toBe('stopped');
    expect(report.timeline.map((entry) => entry.status)).toEqual(['initiating', 'running', 'stopped']);
    expect(w.finished).toEqual(w.started);
    expect(w.log.lines).toContain(`Stopping experiment ${w.started[0]}: the timeout of 600s ran out`);
  });

  it('stops the experiment as soon as the job is cancelled, without waiting for the next poll', async () => {
    const w = await setup(scenario([template('EXTforever', { preset: 'runs-forever' })]));
    const cancelAtMs = 4 * MINUTE_MS + 7 * SECOND_MS;
    w.at(cancelAtMs, () => w.controller.abort(new CancelledError('SIGINT')));
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTforever' }));
    expect(report.outcome).toBe('stopped-by-gate');
    expect(report.gateStop?.cause).toEqual({ kind: 'cancel', signal: 'SIGINT' });
    expect(report.passed).toBe(false);
    const [stop] = stopCalls(w.emu);
    // On the emulator's clock the StopExperiment arrives at the instant of the signal.
    expect(stop!.time - w.emu.calls('fis:StartExperiment')[0]!.time).toBe(cancelAtMs);
    expect(w.log.lines).toContain(`Stopping experiment ${w.started[0]}: the job was cancelled (SIGINT)`);
    expect(w.emu.experiment(w.started[0]!)?.status).toBe('stopped');
  });

  it('stops the experiment at once on a steady-state alarm breach', async () => {
    const w = await setup(
      scenario([template('EXTforever', { preset: 'runs-forever' })], {
        alarms: [
          {
            name: 'orders-errors',
            timeline: [{ atMs: 3 * MINUTE_MS, state: 'ALARM', reason: 'errors > 5' }],
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTforever', 'steady-state-alarms': 'orders-errors' }),
    );
    expect(report.outcome).toBe('stopped-by-gate');
    expect(report.gateStop?.cause).toEqual({
      kind: 'breach',
      detail: 'alarm orders-errors is in ALARM (errors > 5)',
    });
    expect(report.steadyState.breach).toMatch(/orders-errors/);
    expect(stopCalls(w.emu)).toHaveLength(1);
    expect(stopCalls(w.emu)[0]!.time - w.emu.calls('fis:StartExperiment')[0]!.time).toBe(3 * MINUTE_MS);
  });

  it('stops on a canary run that fails during the experiment, not on one that failed before', async () => {
    const w = await setup(
      scenario([template('EXTforever', { preset: 'runs-forever' })], {
        canaries: [
          {
            name: 'checkout-canary',
            schedule: 'rate(1 minute)',
            history: [{ startedAtMs: -MINUTE_MS, state: 'PASSED' }],
            script: [{ state: 'PASSED' }, { state: 'FAILED', reason: 'HTTP 503' }],
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTforever', 'steady-state-canaries': 'checkout-canary' }),
    );
    expect(report.gateStop?.cause.kind).toBe('breach');
    expect(report.steadyState.breach).toBe('canary checkout-canary failed (HTTP 503)');
    expect(stopCalls(w.emu)).toHaveLength(1);
  });

  it('survives throttling bursts and 5xx while polling, with no false pass', async () => {
    const w = await setup(
      scenario([template('EXTstopCond', { preset: 'stop-condition', afterMs: 2 * MINUTE_MS })]),
    );
    w.at(30 * SECOND_MS, () => {
      w.emu.injectFault({ service: 'fis', operation: 'GetExperiment', kind: 'throttle', times: 7 });
      w.emu.injectFault({ service: 'fis', operation: 'GetExperiment', kind: 'server-error', times: 3 });
    });
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTstopCond' }));
    expect(w.emu.calls('fis:GetExperiment').filter((c) => c.fault === 'throttle')).toHaveLength(7);
    expect(report.outcome).toBe('stopped-by-stop-condition');
    expect(report.passed).toBe(false);
    expect(
      w.log.lines.some((line) => /Polling experiment EXP\w+ to end failed \(Throttling/.test(line)),
    ).toBe(true);
  });

  it('fails with the cause on a persistent fault, and still stops the experiment', async () => {
    const w = await setup(scenario([template('EXTforever', { preset: 'runs-forever' })]));
    w.at(MINUTE_MS, () =>
      w.emu.injectFault({
        service: 'fis',
        operation: 'GetExperiment',
        kind: 'server-error',
        times: Infinity,
      }),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTforever' }));
    expect(report.outcome).toBe('stopped-by-gate');
    expect(report.gateStop?.cause.kind).toBe('watch-failed');
    expect(report.summaryLine).toMatch(
      /could not be watched: Gave up waiting for experiment EXP\w+ to end after 9 failed polls in a row: InternalFailure/,
    );
    expect(stopCalls(w.emu)).toHaveLength(1);
    expect(w.emu.experiment(w.started[0]!)?.status).toMatch(/stopp/);
  });
});

describe('executeExperiment: recovery', () => {
  const endsAlarming = (okAtMs: number) =>
    scenario([template('EXTcompletes', { preset: 'completes', durationMs: MINUTE_MS })], {
      alarms: [
        {
          name: 'orders-errors',
          timeline: [
            { atMs: MINUTE_MS, state: 'ALARM' },
            { atMs: okAtMs, state: 'OK' },
          ],
        },
      ],
    });
  const inputs = {
    'experiment-template-id': 'EXTcompletes',
    'steady-state-alarms': 'orders-errors',
    'recovery-timeout': '5m',
  };

  it('passes when the alarms return to OK within recovery-timeout', async () => {
    const w = await setup(endsAlarming(3 * MINUTE_MS));
    const report = await executeExperiment(w.deps, settings(inputs));
    expect(report.outcome).toBe('completed');
    expect(report.recovery).toMatchObject({ recovered: true });
    expect(report.passed).toBe(true);
  });

  it('fails when they do not', async () => {
    const w = await setup(endsAlarming(20 * MINUTE_MS));
    const report = await executeExperiment(w.deps, settings(inputs));
    expect(report.outcome).toBe('completed');
    expect(report.recovery).toMatchObject({ recovered: false, timeoutMs: 5 * MINUTE_MS });
    expect(report.passed).toBe(false);
    expect(report.summaryLine).toMatch(/alarms did not return to OK within 5m: orders-errors ALARM/);
  });

  it('without recovery-timeout, an alarm that fires as the experiment ends fails the gate', async () => {
    const w = await setup(endsAlarming(3 * MINUTE_MS));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTcompletes', 'steady-state-alarms': 'orders-errors' }),
    );
    expect(report.outcome).toBe('completed');
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^steady state breached while the fault was injected: alarm orders-errors went to ALARM at \S+ \(the experiment ended at \S+\) \(Threshold Crossed: 1 datapoint was greater than the threshold\)$/,
      ),
    ]);
  });
});

describe('executeExperiment: client token', () => {
  it('a retried step gets its own experiment back instead of starting a second one', async () => {
    const w = await setup(
      scenario([template('EXTcompletes', { preset: 'completes', durationMs: MINUTE_MS })]),
    );
    const first = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTcompletes' }));
    const again = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTcompletes' }));
    expect(again.experiment?.id).toBe(first.experiment?.id);
    const other = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTcompletes' }, { ...RUN_ENV, GITHUB_RUN_ATTEMPT: '2' }),
    );
    expect(other.experiment?.id).not.toBe(first.experiment?.id);
    expect(w.emu.calls('fis:StartExperiment')[0]!.params.tags).toHaveProperty(RUN_TAG_KEYS.clientToken);
  });
});
