import { DescribeAlarmHistoryCommand, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { ManualClock } from '../../tools/emulator/clock.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';

const MINUTE_MS = 60_000;

describe('CloudWatch over awsQuery (client-cloudwatch 3.523.0)', () => {
  let clock: ManualClock;
  let emu: Emulator;

  beforeEach(async () => {
    clock = new ManualClock();
    emu = await startEmulator({
      clock,
      scenario: {
        alarms: [
          {
            name: 'api-5xx',
            timeline: [{ atMs: 2 * MINUTE_MS, state: 'ALARM', reason: 'Threshold Crossed: 12 errors' }],
          },
          { name: 'api-latency' },
          { name: 'db-cpu', state: 'INSUFFICIENT_DATA' },
          { name: 'api-health', alarmRule: 'ALARM("api-5xx") OR ALARM("api-latency")' },
        ],
      },
    });
  });
  afterEach(() => emu.close());

  it('filters by name, prefix, type and state', async () => {
    const { cloudwatch } = emulatorClients(emu);
    const metricOnly = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'api-' }));
    expect(metricOnly.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(['api-5xx', 'api-latency']);
    expect(metricOnly.CompositeAlarms).toEqual([]);
    const both = await cloudwatch.send(
      new DescribeAlarmsCommand({
        AlarmNames: ['api-5xx', 'api-health'],
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      }),
    );
    expect(both.CompositeAlarms?.[0]).toMatchObject({
      AlarmName: 'api-health',
      AlarmRule: 'ALARM("api-5xx") OR ALARM("api-latency")',
    });
    expect(both.MetricAlarms?.[0]?.AlarmArn).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-5xx');
    const insufficient = await cloudwatch.send(
      new DescribeAlarmsCommand({ StateValue: 'INSUFFICIENT_DATA' }),
    );
    expect(insufficient.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(['db-cpu']);
    const paged = await cloudwatch.send(new DescribeAlarmsCommand({ MaxRecords: 2 }));
    expect(paged.NextToken).toBeDefined();
  });

  it('follows the scripted timeline and records StateUpdate history in the date range', async () => {
    const { cloudwatch } = emulatorClients(emu);
    const start = new Date(clock.now());
    clock.advance(3 * MINUTE_MS);
    const { MetricAlarms } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['api-5xx'] }));
    expect(MetricAlarms?.[0]).toMatchObject({
      StateValue: 'ALARM',
      StateReason: 'Threshold Crossed: 12 errors',
    });
    expect(MetricAlarms?.[0]?.StateUpdatedTimestamp?.getTime()).toBe(start.getTime() + 2 * MINUTE_MS);
    emu.setAlarmState('api-5xx', 'OK', 'Recovered');
    const history = await cloudwatch.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: 'api-5xx',
        HistoryItemType: 'StateUpdate',
        StartDate: start,
        EndDate: new Date(clock.now()),
      }),
    );
    expect(history.AlarmHistoryItems?.map((item) => item.HistorySummary)).toEqual([
      'Alarm updated from ALARM to OK',
      'Alarm updated from OK to ALARM',
    ]);
    const recorded = emu.calls('cloudwatch:DescribeAlarmHistory')[0];
    // awsQuery sends timestamps as ISO 8601 without milliseconds.
    expect(recorded?.params.StartDate).toBe(start.toISOString().replace('.000Z', 'Z'));
  });
});
