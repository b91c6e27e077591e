import { StopExperimentCommand } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import type { Emulator } from '../../tools/emulator/index.js';
import {
  MINUTE_MS,
  SECOND_MS,
  STOP_ALARM,
  scenario,
  settings,
  template,
  type World,
  world,
} from '../../tools/harness/run-experiment-world.js';

/**
 * What one DescribeAlarms / DescribeCanariesLastRun snapshot per poll cannot see: an alarm that
 * flaps to ALARM and back between two polls, a FAILED canary run followed by a PASSED one between
 * two polls, and a manual stop while a stop-condition alarm happens to be in ALARM. Each test
 * failed before the fix, against the real SDK clients and the emulator on a ManualClock.
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

function ok(emu: Emulator, operation: string) {
  return emu.calls(operation).filter((call) => call.status === 200);
}

describe('run-experiment: steady-state changes between two polls', () => {
  it('an alarm that went to ALARM and back between two polls is a breach, with its time and reason', async () => {
    const w = await setup(
      scenario([template('EXTlong', { preset: 'completes', durationMs: 5 * MINUTE_MS })], {
        alarms: [
          {
            name: 'orders-errors',
            timeline: [
              { atMs: 2 * MINUTE_MS + 20 * SECOND_MS, state: 'ALARM', reason: '5xx above 1%' },
              { atMs: 2 * MINUTE_MS + 30 * SECOND_MS, state: 'OK' },
            ],
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTlong',
        'steady-state-alarms': 'orders-errors',
        'poll-interval': '1m',
      }),
    );
    // No poll saw ALARM: the alarm was OK at every DescribeAlarms.
    expect(report.steadyState.alarms).toMatchObject([{ name: 'orders-errors', state: 'OK' }]);
    expect(report.passed).toBe(false);
    expect(report.outcome).toBe('stopped-by-gate');
    expect(report.gateStop?.cause.kind).toBe('breach');
    const at = w.emu.calls('fis:StartExperiment')[0]!.time;
    expect(report.steadyState.breach).toMatch(
      /^alarm orders-errors went to ALARM at \S+Z \(5xx above 1%\) and was OK again by the next poll$/,
    );
    const flapAt = Date.parse(/at (\S+Z)/.exec(report.steadyState.breach!)![1]!);
    expect(flapAt - at).toBeGreaterThan(2 * MINUTE_MS);
    // History was read once: at the one poll where the alarm's timestamp had moved.
    expect(ok(w.emu, 'cloudwatch:DescribeAlarmHistory')).toHaveLength(1);
  });

  it('a FAILED canary run followed by a PASSED one between two polls is a breach', async () => {
    // Runs start at 1m05s (PASSED), 2m05s (FAILED), 3m05s (PASSED), ...; polls every 2 minutes
    // see 1m05s then 3m05s as the last run: the failure is never the last run at a poll.
    const w = await setup(
      scenario([template('EXTlong', { preset: 'completes', durationMs: 5 * MINUTE_MS })], {
        canaries: [
          {
            name: 'checkout-canary',
            schedule: 'rate(1 minute)',
            script: [
              { state: 'PASSED', afterMs: 5 * SECOND_MS, durationMs: 10 * SECOND_MS },
              { state: 'FAILED', reason: 'HTTP 503', afterMs: 5 * SECOND_MS, durationMs: 10 * SECOND_MS },
            ],
            defaultOutcome: { state: 'PASSED', afterMs: 5 * SECOND_MS, durationMs: 10 * SECOND_MS },
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTlong',
        'steady-state-canaries': 'checkout-canary',
        'poll-interval': '2m',
      }),
    );
    expect(report.steadyState.canaries[0]?.state).not.toBe('FAILED');
    expect(report.passed).toBe(false);
    expect(report.steadyState.breach).toMatch(
      /^canary checkout-canary failed in a run started at \S+Z \(HTTP 503\), before its last run$/,
    );
    expect(ok(w.emu, 'synthetics:GetCanaryRuns').length).toBeGreaterThan(0);
  });

  it('steady polling reads no history: one new run per poll, no alarm change', async () => {
    const w = await setup(
      scenario([template('EXTlong', { preset: 'completes', durationMs: 5 * MINUTE_MS })], {
        alarms: [{ name: 'orders-errors' }],
        canaries: [
          {
            name: 'checkout-canary',
            schedule: 'rate(1 minute)',
            defaultOutcome: { state: 'PASSED', afterMs: 3 * SECOND_MS, durationMs: 10 * SECOND_MS },
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTlong',
        'steady-state-alarms': 'orders-errors',
        'steady-state-canaries': 'checkout-canary',
      }),
    );
    expect(report.passed).toBe(true);
    expect(ok(w.emu, 'synthetics:DescribeCanariesLastRun').length).toBeGreaterThan(15);
    // One history read at the end: did the alarm fire while FIS injected (issue 9 case 6)?
    expect(ok(w.emu, 'cloudwatch:DescribeAlarmHistory')).toHaveLength(1);
    // None while polling; one when FIS has ended: which runs started under the fault (issue 9 case 3)?
    expect(ok(w.emu, 'synthetics:GetCanaryRuns')).toHaveLength(1);
    // Once to check the name before the start, once for the schedule when the watch begins.
    expect(ok(w.emu, 'synthetics:DescribeCanaries')).toHaveLength(2);
  });

  it('a canary whose schedule cannot be read is checked with GetCanaryRuns: dearer, never blinder', async () => {
    const w = await setup(
      scenario([template('EXTlong', { preset: 'completes', durationMs: 5 * MINUTE_MS })], {
        canaries: [
          {
            name: 'checkout-canary',
            schedule: 'rate(1 minute)',
            defaultOutcome: { state: 'PASSED', afterMs: 3 * SECOND_MS, durationMs: 10 * SECOND_MS },
          },
        ],
      }),
    );
    // The name check before the start is answered (a zero-latency fault uses up one call); every
    // DescribeCanaries after it fails.
    w.emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanaries',
      kind: 'latency',
      latencyMs: 0,
    });
    w.emu.injectFault({
      service: 'synthetics',
      operation: 'DescribeCanaries',
      kind: 'server-error',
      times: Number.POSITIVE_INFINITY,
    });
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTlong', 'steady-state-canaries': 'checkout-canary' }),
    );
    expect(report.passed).toBe(true);
    expect(w.log.lines.join('\n')).toMatch(/Could not read the canary schedules/);
    // One GetCanaryRuns per new run in the window (runs at 1m03s, 2m03s, 3m03s, 4m03s), and the
    // evidence read once FIS has ended (issue 9 case 3).
    expect(ok(w.emu, 'synthetics:GetCanaryRuns')).toHaveLength(5);
  });
});

describe('run-experiment: who stopped the experiment', () => {
  it('a manual stop while a stop-condition alarm is in ALARM is stopped-manually', async () => {
    const w = await setup(scenario([template('EXTmanual', { preset: 'runs-forever' })]));
    w.at(2 * MINUTE_MS + 50 * SECOND_MS, () => w.emu.setAlarmState(STOP_ALARM, 'ALARM', 'after the fact'));
    w.at(3 * MINUTE_MS, () => {
      void w.deps.fis.send(new StopExperimentCommand({ id: w.started[0]! }));
    });
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTmanual' }));
    expect(report.experiment?.reason).toBe('Experiment stopped by user.');
    expect(report.stopConditions[0]).toMatchObject({ state: 'ALARM', fired: false });
    expect(report.outcome).toBe('stopped-manually');
    // FIS gave a reason: no history was needed to decide.
    expect(ok(w.emu, 'cloudwatch:DescribeAlarmHistory')).toHaveLength(0);
  });

  it('without a FIS reason, the alarm history inside the experiment decides', async () => {
    const stoppedWithoutReason = (id: string) =>
      template(id, [
        { afterMs: 0, status: 'initiating' },
        { afterMs: SECOND_MS, status: 'running' },
        { afterMs: 2 * MINUTE_MS, status: 'stopped', actions: 'cancelled' },
      ]);
    // The stop-condition alarm went to ALARM at 1m50s and was OK again by the end.
    let w = await setup(
      scenario([stoppedWithoutReason('EXTnoReason')], {
        alarms: [
          {
            name: STOP_ALARM,
            timeline: [
              { atMs: MINUTE_MS + 50 * SECOND_MS, state: 'ALARM' },
              { atMs: MINUTE_MS + 55 * SECOND_MS, state: 'OK' },
            ],
          },
        ],
      }),
    );
    let report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTnoReason' }));
    expect(report.experiment?.reason).toBeUndefined();
    expect(report.stopConditions[0]).toMatchObject({ state: 'OK', fired: true });
    expect(report.outcome).toBe('stopped-by-stop-condition');
    await w.emu.close();

    // No transition to ALARM inside the experiment: stopped by someone else.
    w = await setup(scenario([stoppedWithoutReason('EXTnoReason')]));
    report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTnoReason' }));
    expect(report.stopConditions[0]).toMatchObject({ state: 'OK', fired: false });
    expect(report.outcome).toBe('stopped-manually');
  });
});
