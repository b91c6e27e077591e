import { afterEach, describe, expect, it } from 'vitest';
import { type ExperimentDeps, executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import { CancelledError } from '../../core/cancel.js';
import { MemoryLogger } from '../../core/log.js';
import { emulatorClients } from '../../tools/emulator/clients.js';
import {
  type Emulator,
  type EmulatorOptions,
  ManualClock,
  startEmulator,
} from '../../tools/emulator/index.js';
import { scenario, settings, template } from '../../tools/harness/run-experiment-world.js';

/**
 * Where the AWS API references document nothing, the emulator offers each plausible behaviour
 * (tools/emulator/services/fis.ts FisBehaviour, services/synthetics.ts SyntheticsBehaviour) and
 * the gate must be right under every one of them.
 */
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** The gate in-process on a ManualClock; `cancelAtMs`: the job is cancelled then (SIGINT). */
async function gate(options: EmulatorOptions, inputs: Record<string, string>, cancelAtMs?: number) {
  const clock = new ManualClock();
  const begin = clock.now();
  emu = await startEmulator({ ...options, clock });
  const log = new MemoryLogger();
  const controller = new AbortController();
  const deps: ExperimentDeps = {
    ...emulatorClients(emu, { maxAttempts: 1 }),
    clock,
    log,
    signal: controller.signal,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      if (cancelAtMs !== undefined && clock.now() + ms >= begin + cancelAtMs && !controller.signal.aborted) {
        clock.set(begin + cancelAtMs);
        controller.abort(new CancelledError('SIGINT'));
        throw controller.signal.reason;
      }
      clock.set(clock.now() + ms);
      await Promise.resolve();
    },
  };
  const report = await executeExperiment(deps, settings({ preflight: 'false', ...inputs }));
  return { report, log, emu };
}

describe('run-experiment under each undocumented AWS behaviour', () => {
  it.for(['return-experiment', 'validation-error'] as const)(
    'StopExperiment on an experiment that has just ended (%s): the report does not claim it may still run',
    async (stopEnded) => {
      // FIS completes at 10 s; the job is cancelled at 12 s, before the next poll: the gate stops
      // an experiment that has ended in the meantime.
      const { report, emu } = await gate(
        {
          scenario: scenario([template('EXTten', { preset: 'completes', durationMs: 10 * SECOND_MS })]),
          fis: { stopEnded },
        },
        { 'experiment-template-id': 'EXTten', 'poll-interval': '30s' },
        12 * SECOND_MS,
      );
      expect(emu.calls('fis:StopExperiment')).toHaveLength(1);
      expect(report.passed).toBe(false);
      expect(report.failures.join('; ')).not.toMatch(/may still be running/);
      expect(report.warnings.join('; ')).not.toMatch(/post step will try again/);
      expect(report.experiment?.status).toBe('completed');
    },
  );

  it.for(['newest-first', 'oldest-first'] as const)(
    'GetCanaryRuns listed %s over two pages: a run that failed under the fault fails the gate',
    async (runOrder) => {
      // 150 passing runs before the experiment (two pages of GetCanaryRuns), then one that fails
      // under the fault and one that passes after it.
      const history = Array.from({ length: 150 }, (_, index) => ({
        startedAtMs: -(index + 1) * MINUTE_MS,
        durationMs: 10 * SECOND_MS,
        state: 'PASSED' as const,
      }));
      const { report } = await gate(
        {
          scenario: scenario([template('EXTlong', { preset: 'completes', durationMs: 3 * MINUTE_MS })], {
            canaries: [
              {
                name: 'checkout-canary',
                schedule: 'rate(1 minute)',
                history,
                script: [{ state: 'FAILED', reason: 'HTTP 503', durationMs: 10 * SECOND_MS }],
                defaultOutcome: { state: 'PASSED', durationMs: 10 * SECOND_MS },
              },
            ],
          }),
          synthetics: { runOrder },
        },
        {
          'experiment-template-id': 'EXTlong',
          'steady-state-canaries': 'checkout-canary',
          'poll-interval': '2m',
          timeout: '10m',
        },
      );
      expect(report.passed).toBe(false);
      expect(report.failures.join('; ')).toMatch(/canary checkout-canary failed .*HTTP 503/);
    },
  );
});
