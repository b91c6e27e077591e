import { afterEach, describe, expect, it } from 'vitest';
import { ALARM_NAMES_PER_CALL, describeAlarmsByName } from '../../core/cloudwatch.js';
import { CANARY_NAMES_PER_CALL, describeCanariesLastRun } from '../../core/synthetics.js';
import { emulatorClients } from '../emulator/clients.js';
import { type Emulator, ManualClock, startEmulator } from '../emulator/index.js';

/** The shared AWS readers, with real SDK clients over HTTP to the emulator. */
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const names = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

describe('describeAlarmsByName', () => {
  it('reads metric and composite alarms, a hundred names per call, one call per batch', async () => {
    const metric = names(150, 'metric');
    emu = await startEmulator({
      scenario: {
        alarms: [
          ...metric.map((name) => ({ name })),
          { name: 'composite', type: 'CompositeAlarm' as const, state: 'ALARM' as const },
        ],
      },
      clock: new ManualClock(),
    });
    const { cloudwatch } = emulatorClients(emu);
    const alarms = await describeAlarmsByName(cloudwatch, [...metric, 'composite', 'missing', 'metric-000']);
    expect(alarms).toHaveLength(151);
    expect(alarms.find((a) => a.AlarmName === 'composite')).toMatchObject({
      type: 'CompositeAlarm',
      StateValue: 'ALARM',
    });
    const calls = emu.calls('DescribeAlarms');
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => (c.params.AlarmNames as string[]).length)).toEqual([ALARM_NAMES_PER_CALL, 52]);
    expect(calls[0]!.params.AlarmTypes).toEqual(['MetricAlarm', 'CompositeAlarm']);
  });

  it('follows NextToken when a batch spans pages', async () => {
    const metric = names(80, 'metric');
    emu = await startEmulator({
      scenario: { alarms: metric.map((name) => ({ name })) },
      clock: new ManualClock(),
    });
    const { cloudwatch } = emulatorClients(emu);
    const send = cloudwatch.send.bind(cloudwatch);
    // A page of 30 at most: the reader must page.
    const small = {
      send: ((command: { input: { MaxRecords?: number } }, options: unknown) => {
        command.input.MaxRecords = 30;
        return send(command as never, options as never);
      }) as typeof cloudwatch.send,
    };
    expect(await describeAlarmsByName(small, metric)).toHaveLength(80);
    expect(emu.calls('DescribeAlarms')).toHaveLength(3);
  });
});

describe('describeCanariesLastRun', () => {
  it('reads five names per call and leaves out canaries that never ran', async () => {
    const canaries = names(12, 'svc');
    emu = await startEmulator({
      scenario: {
        canaries: canaries.map((name, i) => ({
          name,
          history:
            i === 0
              ? []
              : [{ startedAtMs: -60_000, state: i % 2 ? ('FAILED' as const) : ('PASSED' as const) }],
        })),
      },
      clock: new ManualClock(),
    });
    const { synthetics } = emulatorClients(emu);
    const runs = await describeCanariesLastRun(synthetics, [...canaries, 'svc-001']);
    expect(runs.size).toBe(11);
    expect(runs.has('svc-000')).toBe(false);
    expect(runs.get('svc-001')?.Status?.State).toBe('FAILED');
    expect(runs.get('svc-002')?.Timeline?.Started).toBeInstanceOf(Date);
    const sizes = emu.calls('DescribeCanariesLastRun').map((c) => (c.params.Names as string[]).length);
    expect(sizes).toEqual([CANARY_NAMES_PER_CALL, CANARY_NAMES_PER_CALL, 2]);
  });
});
