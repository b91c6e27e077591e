import { afterEach, describe, expect, it } from 'vitest';
import { ALARM_NAMES_PER_CALL, alarmHistory, describeAlarmsByName } from '../../core/cloudwatch.js';
import {
  CANARY_NAMES_PER_CALL,
  cadenceOf,
  canaryRunsSince,
  describeCanariesByName,
  describeCanariesLastRun,
  schedulePeriodMs,
} from '../../core/synthetics.js';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { type Emulator, ManualClock, startEmulator } from '../../tools/emulator/index.js';

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

describe('alarmHistory', () => {
  it('lists StateUpdates from a start date, oldest first, with reasons, every page', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    emu = await startEmulator({
      scenario: {
        alarms: [
          {
            name: 'flappy',
            timeline: Array.from({ length: 6 }, (_, i) => ({
              atMs: (i + 1) * 1_000,
              state: i % 2 === 0 ? ('ALARM' as const) : ('OK' as const),
              reason: `step ${i}`,
            })),
          },
        ],
      },
      clock,
    });
    clock.set(start + 10_000);
    const { cloudwatch } = emulatorClients(emu);
    const send = cloudwatch.send.bind(cloudwatch);
    const small = {
      send: ((command: { input: { MaxRecords?: number } }, options: unknown) => {
        command.input.MaxRecords = 2;
        return send(command as never, options as never);
      }) as typeof cloudwatch.send,
    };
    const history = await alarmHistory(small, 'flappy', start + 2_500);
    expect(history.map((t) => [t.at - start, t.from, t.to, t.reason])).toEqual([
      [3_000, 'OK', 'ALARM', 'step 2'],
      [4_000, 'ALARM', 'OK', 'step 3'],
      [5_000, 'OK', 'ALARM', 'step 4'],
      [6_000, 'ALARM', 'OK', 'step 5'],
    ]);
    const calls = emu.calls('DescribeAlarmHistory');
    // client-cloudwatch 3.523 (awsQuery) sends StartDate in whole seconds (start + 2 s), so the
    // service also returns the 2 s transition: 5 items in pages of 2; alarmHistory drops it.
    expect(calls).toHaveLength(3);
    expect(calls[0]!.params).toMatchObject({ AlarmName: 'flappy', HistoryItemType: 'StateUpdate' });
  });
});

describe('canary runs and schedules', () => {
  it('lists the runs since a time, newest first, and stops paging once it reaches before it', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    emu = await startEmulator({
      scenario: {
        canaries: [
          {
            name: 'busy',
            schedule: 'rate(1 minute)',
            history: Array.from({ length: 250 }, (_, i) => ({
              startedAtMs: -(i + 1) * 60_000,
              state: 'PASSED' as const,
            })),
            script: [{ state: 'FAILED', reason: 'HTTP 503' }, { state: 'PASSED' }],
          },
        ],
      },
      clock,
    });
    clock.set(start + 150_000);
    const { synthetics } = emulatorClients(emu);
    const runs = await canaryRunsSince(synthetics, 'busy', start - 30_000);
    expect(runs.map((run) => [run.Timeline!.Started!.getTime() - start, run.Status?.State])).toEqual([
      [120_000, 'PASSED'],
      [60_000, 'FAILED'],
    ]);
    expect(emu.calls('GetCanaryRuns')).toHaveLength(1);
    const known = await describeCanariesByName(synthetics, ['busy', 'missing']);
    expect([...known.keys()]).toEqual(['busy']);
    expect(cadenceOf(known.get('busy')!)).toEqual({ runOnce: false, periodMs: 60_000 });
  });

  it('reads a period only from rate() expressions', () => {
    expect(schedulePeriodMs('rate(5 minutes)')).toBe(300_000);
    expect(schedulePeriodMs('rate(1 hour)')).toBe(3_600_000);
    expect(schedulePeriodMs('rate(0 minute)')).toBeUndefined();
    expect(schedulePeriodMs('cron(0/5 * * * ? *)')).toBeUndefined();
    expect(schedulePeriodMs(undefined)).toBeUndefined();
  });
});
