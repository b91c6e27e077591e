import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import { runExperimentGate, STATE_EXPERIMENT_ID } from '../../actions/run-experiment/src/gate.js';
import type { Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import type { Emulator, ExperimentStatus } from '../../tools/emulator/index.js';
import {
  MINUTE_MS,
  SECOND_MS,
  scenario,
  settings,
  template,
  type World,
  world,
} from '../../tools/harness/run-experiment-world.js';

/**
 * Regression tests for gates that passed (or left chaos running) when they should not have. Each
 * was written failing first, against the real SDK clients and the emulator on a ManualClock.
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

/** A status FIS might add one day (or a response without one): neither active nor terminal. */
const UNKNOWN_STATUS = 'paused' as ExperimentStatus;

describe('run-experiment: no unearned pass', () => {
  it('a canary that failed during the experiment fails the gate even with recovery-timeout', async () => {
    // The experiment completes at 3m; the canary run starts at 2m50s and FAILS at 2m58s. The first
    // poll that sees the failure also sees `completed`, so the watch ends without a gate stop.
    const w = await setup(
      scenario([template('EXTcompletes', { preset: 'completes', durationMs: 3 * MINUTE_MS })], {
        canaries: [
          {
            name: 'checkout-canary',
            schedule: 'rate(2 minutes)',
            script: [
              { state: 'FAILED', reason: 'HTTP 503', afterMs: 50 * SECOND_MS, durationMs: 8 * SECOND_MS },
            ],
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTcompletes',
        'steady-state-alarms': 'checkout-latency-p99',
        'steady-state-canaries': 'checkout-canary',
        'recovery-timeout': '5m',
      }),
    );
    expect(report.outcome).toBe('completed');
    expect(report.recovery?.recovered).toBe(true);
    expect(report.passed).toBe(false);
    // Judged from the canary's runs once FIS ended, not from what the poll after the end saw.
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^steady state breached: canary checkout-canary failed in a run started at \S+ during the experiment \(HTTP 503\)$/,
      ),
    ]);
  });

  it('a completed experiment whose every action was skipped injected nothing: no pass', async () => {
    const w = await setup(
      scenario([
        template('EXTskipped', [
          { afterMs: 0, status: 'initiating' },
          { afterMs: SECOND_MS, status: 'running', actions: 'skipped' },
          { afterMs: MINUTE_MS, status: 'completed', reason: 'Experiment completed.', actions: 'skipped' },
        ]),
      ]),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTskipped' }));
    expect(report.outcome).toBe('nothing-injected');
    expect(report.passed).toBe(false);
    expect(report.failures.join()).toMatch(/every fault action was skipped.*nothing was injected/);
  });

  it('a template with no actions at all proves nothing: no pass', async () => {
    const w = await setup(
      scenario([template('EXTnoActions', { preset: 'completes', durationMs: MINUTE_MS }, { actions: {} })]),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTnoActions' }));
    expect(report.passed).toBe(false);
    expect(report.failures.join()).toMatch(/the template has no fault action: nothing was injected/);
  });

  it('says loudly that StopExperiment failed and the experiment may still be running', async () => {
    const w = await setup(scenario([template('EXTforever', { preset: 'runs-forever' })]));
    w.emu.injectFault({ service: 'fis', operation: 'StopExperiment', kind: 'server-error', times: Infinity });
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTforever', timeout: '5m' }),
    );
    expect(report.passed).toBe(false);
    expect(report.gateStop?.stopRequested).toBe(false);
    expect(report.summaryLine).toMatch(/StopExperiment failed/);
    expect(report.summaryLine).toMatch(/may still be running/);
    // The post step must still try: the main step never marked it finished.
    expect(w.finished).toEqual([]);
  });
});

describe('run-experiment: never leaves chaos running', () => {
  it('stops at once on a breach while FIS reports a status it does not know', async () => {
    const w = await setup(
      scenario(
        [
          template('EXTodd', [
            { afterMs: 0, status: 'initiating' },
            { afterMs: SECOND_MS, status: UNKNOWN_STATUS, reason: 'Something new.' },
          ]),
        ],
        { alarms: [{ name: 'orders-errors', timeline: [{ atMs: 2 * MINUTE_MS, state: 'ALARM' }] }] },
      ),
    );
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTodd', 'steady-state-alarms': 'orders-errors' }),
    );
    expect(report.gateStop?.cause.kind).toBe('breach');
    const [stop] = stopCalls(w.emu);
    expect(stop!.time - w.emu.calls('fis:StartExperiment')[0]!.time).toBe(2 * MINUTE_MS);
    expect(report.passed).toBe(false);
  });

  it('the post step stops an experiment in a status it does not know', async () => {
    const w = await setup(
      scenario([
        template('EXTodd', [
          { afterMs: 0, status: 'initiating' },
          { afterMs: 0, status: UNKNOWN_STATUS },
        ]),
      ]),
    );
    const main = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTodd', wait: 'false' }),
    );
    const id = main.experiment!.id;
    const log = new MemoryLogger();
    const host = {
      inputs: new Inputs(mapInputReader({ 'experiment-template-id': 'EXTodd', 'endpoint-url': w.emu.url })),
      log,
      env: {
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: w.emu.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: w.emu.credentials.secretAccessKey,
      },
      workspace: '/tmp',
      setOutput: () => {},
      annotate: () => {},
      appendSummary: async () => {},
      saveState: () => {},
      getState: (name: string) => (name === STATE_EXPERIMENT_ID ? id : ''),
      setSecret: () => {},
      signal: new AbortController().signal,
    } satisfies Host;
    process.env.AWS_ACCESS_KEY_ID = w.emu.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = w.emu.credentials.secretAccessKey;
    await runExperimentGate.post!(host);
    expect(stopCalls(w.emu).map((call) => call.params.id)).toEqual([id]);
  });
});
