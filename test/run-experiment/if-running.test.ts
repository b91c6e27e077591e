import { StartExperimentCommand, StopExperimentCommand } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import { RUN_TAG_KEYS } from '../../actions/run-experiment/src/settings.js';
import { CancelledError } from '../../core/cancel.js';
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
 * `if-running` in-process (issue 14): real SDK clients over HTTP to the emulator and a ManualClock
 * moved by the gate's own sleeps, so waits of many minutes replay at once. The bundle-level
 * behaviour is in if-running.e2e.test.ts.
 */
let current: World | undefined;
afterEach(async () => {
  await current?.emu.close();
  current = undefined;
});

async function busyWorld(timelineMs?: number): Promise<{ w: World; otherId: string }> {
  const timeline =
    timelineMs === undefined
      ? ({ preset: 'runs-forever' } as const)
      : ({ preset: 'completes', durationMs: timelineMs } as const);
  current = await world(scenario([template('EXTbusy', timeline)]));
  const other = await current.deps.fis.send(
    new StartExperimentCommand({ experimentTemplateId: 'EXTbusy', clientToken: 'someone-else' }),
  );
  return { w: current, otherId: other.experiment!.id! };
}

const gateStarts = (w: World) => w.emu.calls('fis:StartExperiment').length - 1;

describe('if-running', () => {
  it('wait is bounded by timeout: still in progress then, nothing is started and the reason names it', async () => {
    const { w, otherId } = await busyWorld();
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTbusy', 'if-running': 'wait', timeout: '10m' }),
    );
    expect(report.outcome).toBe('not-started');
    expect(report.passed).toBe(false);
    expect(report.summaryLine).toBe(
      `Experiment not started: experiment ${otherId} (running) of template EXTbusy was still in progress after waiting 10m (if-running: wait, bounded by timeout)`,
    );
    expect(gateStarts(w)).toBe(0);
    expect(w.started).toEqual([]);
    // It polled, every poll filtered by the template.
    const lists = w.emu.calls('fis:ListExperiments');
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.every((call) => call.params.experimentTemplateId === 'EXTbusy')).toBe(true);
  });

  it('wait starts once the other has ended, not before', async () => {
    const { w, otherId } = await busyWorld(7 * MINUTE_MS);
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTbusy', 'if-running': 'wait', timeout: '30m' }),
    );
    expect(report.outcome).toBe('completed');
    expect(report.experiment?.id).not.toBe(otherId);
    const [, mine] = w.emu.calls('fis:StartExperiment');
    // The other started at 0 and completed 7 minutes later (on the emulator clock).
    expect(mine!.time - w.emu.calls('fis:StartExperiment')[0]!.time).toBeGreaterThanOrEqual(7 * MINUTE_MS);
    expect(w.log.lines.join('\n')).toMatch(/No other experiment of template EXTbusy in progress after 7m/);
    // The JSON report keeps what the gate waited for.
    expect(report.ifRunning).toMatchObject({ mode: 'wait', waitedFor: [otherId] });
    expect(report.ifRunning!.waitedMs).toBeGreaterThanOrEqual(7 * MINUTE_MS);
  });

  it('finds an experiment in progress on a later page of ListExperiments', async () => {
    const { w, otherId } = await busyWorld(60 * MINUTE_MS);
    // 100 newer experiments of the same template, all stopped: the one in progress is on page 2.
    for (let i = 0; i < 100; i += 1) {
      const { experiment } = await w.deps.fis.send(
        new StartExperimentCommand({ experimentTemplateId: 'EXTbusy', clientToken: `older-run-${i}` }),
      );
      w.clock.advance(SECOND_MS);
      await w.deps.fis.send(new StopExperimentCommand({ id: experiment!.id! }));
    }
    w.clock.advance(MINUTE_MS);
    const startsBefore = w.emu.calls('fis:StartExperiment').length;
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTbusy' }));
    expect(report.outcome).toBe('not-started');
    expect(report.failures).toEqual([
      `experiment ${otherId} (running) of template EXTbusy is in progress and if-running is fail (set if-running: wait to wait for it to end)`,
    ]);
    const pages = w.emu.calls('fis:ListExperiments');
    expect(pages.map((call) => call.params.nextToken === undefined)).toEqual([true, false]);
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(startsBefore);
  });

  it("does not count this step's own experiment (a retried step gets it back from FIS)", async () => {
    current = await world(
      scenario([template('EXTmine', { preset: 'completes', durationMs: 5 * MINUTE_MS })]),
    );
    const w = current;
    const mine = settings({ 'experiment-template-id': 'EXTmine' });
    await w.deps.fis.send(
      new StartExperimentCommand({
        experimentTemplateId: 'EXTmine',
        clientToken: mine.clientToken,
        tags: { [RUN_TAG_KEYS.clientToken]: mine.clientToken },
      }),
    );
    const report = await executeExperiment(w.deps, mine);
    expect(report.outcome).toBe('completed');
  });

  it('a cancelled job while waiting starts nothing and says so', async () => {
    const { w, otherId } = await busyWorld();
    w.at(2 * MINUTE_MS, () => w.controller.abort(new CancelledError('SIGINT')));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTbusy', 'if-running': 'wait', timeout: '30m' }),
    );
    expect(report.outcome).toBe('not-started');
    expect(report.failures).toEqual([
      `the job was cancelled (SIGINT) while waiting for experiment ${otherId} (running) of template EXTbusy to end`,
    ]);
    expect(gateStarts(w)).toBe(0);
  });

  it('refuses an unknown if-running value in one line', () => {
    expect(() => settings({ 'experiment-template-id': 'EXTbusy', 'if-running': 'queue' })).toThrow(
      "Invalid if-running 'queue': use one of fail, wait",
    );
  });
});
