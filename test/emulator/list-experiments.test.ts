import { ListExperimentsCommand, StartExperimentCommand, ValidationException } from '@aws-sdk/client-fis';
import { afterEach, describe, expect, it } from 'vitest';
import { addTemplateFilter, listTemplateExperiments } from '../../actions/run-experiment/src/if-running.js';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { ManualClock } from '../../tools/emulator/clock.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';

/**
 * ListExperiments with the `experimentTemplateId` query filter (FIS API reference,
 * ListExperiments), sent by run-experiment's middleware (client-fis 3.523.0 lacks the member):
 * the filter, paging with it, and the documented constraints (at most 64 non-space characters).
 */
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('emulator ListExperiments with experimentTemplateId', () => {
  it('filters server-side, pages with the filter, and refuses an id outside the documented pattern', async () => {
    emu = await startEmulator({ scenario: 'default', clock: new ManualClock() });
    const { fis } = emulatorClients(emu);
    for (let i = 0; i < 3; i += 1) {
      await fis.send(
        new StartExperimentCommand({ experimentTemplateId: 'EXTapiLatency01', clientToken: `a${i}` }),
      );
    }
    await fis.send(new StartExperimentCommand({ experimentTemplateId: 'EXTsoakForever1', clientToken: 'b' }));

    const first = new ListExperimentsCommand({ maxResults: 2 });
    addTemplateFilter(first, 'EXTapiLatency01');
    const page = await fis.send(first);
    expect(page.experiments?.map((e) => e.experimentTemplateId)).toEqual([
      'EXTapiLatency01',
      'EXTapiLatency01',
    ]);
    expect(page.nextToken).toBeDefined();
    // client-fis 3.523.0 parses only the members it knows (arn and experimentOptions came later).
    expect(page.experiments![0]).toMatchObject({ id: expect.any(String), state: { status: 'initiating' } });

    const all = await listTemplateExperiments(fis, 'EXTapiLatency01');
    expect(all).toHaveLength(3);
    expect(emu.calls('fis:ListExperiments').at(-1)?.params).toMatchObject({
      experimentTemplateId: 'EXTapiLatency01',
    });

    const bad = new ListExperimentsCommand({});
    addTemplateFilter(bad, 'EXT'.padEnd(65, 'x'));
    await expect(fis.send(bad)).rejects.toBeInstanceOf(ValidationException);
  });
});
