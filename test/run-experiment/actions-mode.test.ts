import { StartExperimentCommand } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { addActionsMode, withActionsMode } from '../../actions/run-experiment/src/actions-mode.js';
import { startExperiment } from '../../actions/run-experiment/src/fis.js';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { type Emulator, startEmulator } from '../../tools/emulator/index.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('experimentOptions.actionsMode middleware', () => {
  it('adds the field to a serialized body, keeping what is there', () => {
    expect(
      JSON.parse(withActionsMode('{"experimentTemplateId":"EXT1","experimentOptions":{"x":1}}', 'skip-all')),
    ).toEqual({
      experimentTemplateId: 'EXT1',
      experimentOptions: { x: 1, actionsMode: 'skip-all' },
    });
    expect(JSON.parse(withActionsMode('', 'run-all'))).toEqual({
      experimentOptions: { actionsMode: 'run-all' },
    });
  });

  it('reaches the wire signed (the emulator verifies SigV4 over the patched body)', async () => {
    emu = await startEmulator({ scenario: scenario([template('EXTone', { preset: 'completes' })]) });
    const { fis } = emulatorClients(emu);
    const experiment = await startExperiment(fis, {
      templateId: 'EXTone',
      clientToken: 'token-1',
      tags: { a: 'b' },
      actionsMode: 'skip-all',
    });
    expect(experiment.experimentOptions).toMatchObject({ actionsMode: 'skip-all' });
    const [call] = emu.calls('fis:StartExperiment');
    expect(call).toMatchObject({
      status: 200,
      params: { experimentOptions: { actionsMode: 'skip-all' }, tags: { a: 'b' } },
    });
  });

  it('applies to one command only, not to the client', async () => {
    emu = await startEmulator({ scenario: scenario([template('EXTone', { preset: 'completes' })]) });
    const { fis } = emulatorClients(emu);
    const skipped = new StartExperimentCommand({ experimentTemplateId: 'EXTone', clientToken: 't1' });
    addActionsMode(skipped, 'skip-all');
    await fis.send(skipped);
    await fis.send(new StartExperimentCommand({ experimentTemplateId: 'EXTone', clientToken: 't2' }));
    expect(emu.calls('fis:StartExperiment').map((c) => c.params.experimentOptions)).toEqual([
      { actionsMode: 'skip-all' },
      undefined,
    ]);
  });
});
