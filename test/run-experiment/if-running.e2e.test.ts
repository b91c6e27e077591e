import { GetExperimentCommand, StartExperimentCommand } from '@aws-sdk/client-fis';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { type Emulator, type ExperimentTimeline, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';
import { runStep } from '../../tools/harness/runner.js';

/**
 * Issue 14, `if-running: fail | wait` (as steadybit/run-experiment retries while one runs): the
 * committed bundle, run as the runner runs it, against the emulator in real time, while someone
 * else's experiment of the same template is in progress. Nothing may be started beside it.
 */
const E2E_TIMEOUT_MS = 180_000;
const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.splice(0).map((emu) => emu.close()));
});

/** An emulator, and an experiment of `templateId` someone else started just now. */
async function busy(templateId: string, timeline: ExperimentTimeline) {
  const emu = await startEmulator({ scenario: scenario([template(templateId, timeline)]) });
  emulators.push(emu);
  const { fis } = emulatorClients(emu);
  const other = await fis.send(
    new StartExperimentCommand({ experimentTemplateId: templateId, clientToken: 'someone-else' }),
  );
  return { emu, fis, otherId: other.experiment!.id! };
}

/** The other experiment's status as the step saw it (FIS moves it from initiating to running). */
function otherStatus(stdout: string): string {
  return /experiment EXP\w+ \((\w+)\) of template/.exec(stdout)?.[1] ?? 'not in the log';
}

describe.concurrent('run-experiment if-running (bundle e2e)', () => {
  it(
    'fails by default before StartExperiment, naming the experiment in progress, even with preflight: false',
    async () => {
      const { emu, otherId } = await busy('EXTbusy', { preset: 'runs-forever' });
      const step = await runStep({
        action: 'run-experiment',
        inputs: { 'experiment-template-id': 'EXTbusy', 'poll-interval': '5s', preflight: 'false' },
        env: emulatorEnv(emu),
      });
      expect(step.exitCode).toBe(1);
      expect(step.outputs).toMatchObject({ outcome: 'not-started', result: 'fail', 'experiment-id': '' });
      expect(step.failure).toBe(
        `Experiment not started: experiment ${otherId} (${otherStatus(step.failure ?? '')}) of template EXTbusy is in progress and if-running is fail (set if-running: wait to wait for it to end)`,
      );
      expect(['initiating', 'running']).toContain(otherStatus(step.failure ?? ''));
      // Only the other one was ever started.
      expect(emu.calls('fis:StartExperiment')).toHaveLength(1);
      // The listing asked FIS for this template's experiments only.
      expect(emu.calls('fis:ListExperiments')[0]?.params).toMatchObject({ experimentTemplateId: 'EXTbusy' });
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'waits with if-running: wait until the other ends, then starts and passes',
    async () => {
      const { emu, fis, otherId } = await busy('EXTshort', { preset: 'completes', durationMs: 6_000 });
      const step = await runStep({
        action: 'run-experiment',
        inputs: { 'experiment-template-id': 'EXTshort', 'poll-interval': '5s', 'if-running': 'wait' },
        env: emulatorEnv(emu),
      });
      expect(step.stderr).toBe('');
      expect(step.exitCode).toBe(0);
      expect(step.outputs).toMatchObject({ outcome: 'completed', result: 'pass' });
      expect(step.stdout).toMatch(
        new RegExp(
          `Waiting for experiment ${otherId} \\((initiating|running)\\) of template EXTshort to end`,
        ),
      );
      const starts = emu.calls('fis:StartExperiment');
      expect(starts).toHaveLength(2);
      const { experiment: other } = await fis.send(new GetExperimentCommand({ id: otherId }));
      expect(other?.state?.status).toBe('completed');
      // The gate's StartExperiment came after the other experiment had ended.
      expect(starts[1]!.time).toBeGreaterThanOrEqual(other!.endTime!.getTime());
      expect(step.outputs['experiment-id']).not.toBe(otherId);
    },
    E2E_TIMEOUT_MS,
  );
});
