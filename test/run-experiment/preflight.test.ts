import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import { ConfigurationError } from '../../core/errors.js';
import type { ExperimentTemplateSpec } from '../../tools/emulator/index.js';
import {
  MINUTE_MS,
  STOP_ALARM,
  scenario,
  settings,
  template,
  type World,
  world,
} from '../../tools/harness/run-experiment-world.js';

let current: World | undefined;
async function setup(...args: Parameters<typeof world>): Promise<World> {
  current = await world(...args);
  return current;
}
afterEach(async () => {
  await current?.emu.close();
  current = undefined;
});

const completes = { preset: 'completes', durationMs: MINUTE_MS } as const;

/** 45 templates sorted by id: the emulator pages 20 by default, the action asks for 100 a page. */
function manyTemplates(count: number): ExperimentTemplateSpec[] {
  return Array.from({ length: count }, (_, index) =>
    template(`EXTfiller${String(index).padStart(3, '0')}`, completes, {
      tags: { team: 'other', n: String(index) },
    }),
  );
}

describe('template lookup by tags', () => {
  it('finds the one template tagged so, over all pages of ListExperimentTemplates', async () => {
    const target = template('EXTzzzLast', completes, { tags: { service: 'checkout', gate: 'post-deploy' } });
    const w = await setup(scenario([...manyTemplates(230), target]));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-tags': 'service=checkout\ngate=post-deploy' }),
    );
    expect(report.template.id).toBe('EXTzzzLast');
    expect(report.passed).toBe(true);
    expect(w.emu.calls('fis:ListExperimentTemplates')).toHaveLength(3);
  });

  it('refuses zero matches, naming what it searched', async () => {
    const w = await setup(scenario(manyTemplates(3)));
    const run = executeExperiment(w.deps, settings({ 'experiment-template-tags': 'service=nothing' }));
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(
      /No experiment template is tagged service=nothing \(searched 3 templates\)/,
    );
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(0);
  });

  it('refuses several matches and lists them', async () => {
    const w = await setup(
      scenario([
        template('EXTone', completes, { tags: { team: 'checkout' } }),
        template('EXTtwo', completes, { tags: { team: 'checkout' } }),
      ]),
    );
    await expect(
      executeExperiment(w.deps, settings({ 'experiment-template-tags': 'team=checkout' })),
    ).rejects.toThrow(
      /2 experiment templates are tagged team=checkout: EXTone \(EXTone description\), EXTtwo \(EXTtwo description\)/,
    );
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(0);
  });

  it('says so in one line when the template id does not exist', async () => {
    const w = await setup(scenario([]));
    await expect(
      executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTmissing' })),
    ).rejects.toThrow(
      "Experiment template 'EXTmissing' was not found in this account and region: check experiment-template-id and region",
    );
  });
});

describe('preflight', () => {
  it('refuses to inject while a stop-condition alarm is in ALARM', async () => {
    const w = await setup(scenario([template('EXTcompletes', completes)], { alarms: [] }));
    w.emu.setAlarmState(STOP_ALARM, 'ALARM');
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTcompletes' }));
    expect(report.outcome).toBe('not-started');
    expect(report.passed).toBe(false);
    expect(report.summaryLine).toBe(
      'Experiment not started: preflight refused (stop-condition-alarms): checkout-api-5xx is ALARM: the system is not healthy enough to inject a fault',
    );
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(0);
  });

  it('refuses when a stop-condition alarm does not exist', async () => {
    const w = await setup(
      scenario([template('EXTcompletes', completes, { stopConditionAlarms: ['no-such-alarm'] })]),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTcompletes' }));
    expect(report.preflight[0]).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no-such-alarm is MISSING/),
    });
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(0);
  });

  it('refuses while another experiment of the template is running', async () => {
    const w = await setup(scenario([template('EXTforever', { preset: 'runs-forever' })]));
    const first = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTforever', wait: 'false', 'client-token': 'someone-else' }),
    );
    const report = await executeExperiment(w.deps, settings({ 'experiment-template-id': 'EXTforever' }));
    expect(report.outcome).toBe('not-started');
    // Refused by if-running (fail by default), before the preflight's own checks.
    expect(report.summaryLine).toContain(
      `${first.experiment!.id} (initiating) of template EXTforever is in progress and if-running is fail`,
    );
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(1);
  });

  it('refuses when a steady-state alarm is already in ALARM or a canary already failing', async () => {
    const w = await setup(
      scenario([template('EXTcompletes', completes)], {
        alarms: [{ name: 'orders-errors', state: 'ALARM' }],
        canaries: [
          {
            name: 'checkout-canary',
            history: [{ startedAtMs: -MINUTE_MS, state: 'FAILED', reason: 'HTTP 503' }],
          },
        ],
      }),
    );
    const report = await executeExperiment(
      w.deps,
      settings({
        'experiment-template-id': 'EXTcompletes',
        'steady-state-alarms': 'orders-errors',
        'steady-state-canaries': 'checkout-canary',
      }),
    );
    expect(report.preflight.filter((c) => !c.ok).map((c) => c.name)).toEqual([
      'steady-state-alarms',
      'steady-state-canaries',
    ]);
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(0);
  });

  it('validate-targets: a skip-all run first, then the real one when targets resolve', async () => {
    const w = await setup(scenario([template('EXTcompletes', completes)]));
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTcompletes', 'validate-targets': 'true' }),
    );
    expect(report.passed).toBe(true);
    const starts = w.emu.calls('fis:StartExperiment');
    expect(
      starts.map((s) => (s.params.experimentOptions as { actionsMode?: string } | undefined)?.actionsMode),
    ).toEqual(['skip-all', undefined]);
    expect(starts[0]!.params.clientToken).toBe(`${starts[1]!.params.clientToken}-validate`);
    expect(report.preflight.at(-1)).toMatchObject({
      name: 'targets-resolve',
      ok: true,
      detail: '2 targets resolved (api-tasks: 2)',
    });
  });

  it('validate-targets: refuses when targets do not resolve, and never injects', async () => {
    const w = await setup(
      scenario([
        template('EXTnoTargets', completes, { resolvedTargets: [], emptyTargetResolutionMode: 'skip' }),
      ]),
    );
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTnoTargets', 'validate-targets': 'true' }),
    );
    expect(report.outcome).toBe('not-started');
    expect(report.summaryLine).toMatch(
      /targets-resolve.*ended completed \(Experiment completed\.\) with 0 resolved targets/,
    );
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(1);
  });

  it('preflight: false skips every check', async () => {
    const w = await setup(scenario([template('EXTcompletes', completes)]));
    w.emu.setAlarmState(STOP_ALARM, 'ALARM');
    const report = await executeExperiment(
      w.deps,
      settings({ 'experiment-template-id': 'EXTcompletes', preflight: 'false' }),
    );
    expect(report.preflight).toEqual([]);
    expect(w.emu.calls('fis:StartExperiment')).toHaveLength(1);
    // Only the if-running look (it applies with preflight: false too, see if-running.test.ts).
    expect(w.emu.calls('fis:ListExperiments')).toHaveLength(1);
  });
});
