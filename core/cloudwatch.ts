import {
  type CloudWatchClient,
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { chunk, unique } from './collections.js';

/**
 * CloudWatch alarms by name, the one read every gate makes of them: DescribeAlarms with both
 * alarm types (without AlarmTypes CloudWatch returns metric alarms only, silently hiding composite
 * ones), a hundred names per call (the API's limit), every page.
 */
export const ALARM_NAMES_PER_CALL = 100;
/** DescribeAlarms' largest page: one call per batch of names in the common case. */
export const ALARMS_PAGE_SIZE = 100;
export const ALARM_TYPES = ['MetricAlarm', 'CompositeAlarm'] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
export const MAX_ALARM_PAGES = 100;

export type DescribedAlarm = (MetricAlarm | CompositeAlarm) & { type: AlarmType };

export type CloudWatchReader = Pick<CloudWatchClient, 'send'>;

/** Every alarm AWS knows among `names` (duplicates asked once); unknown names are simply absent. */
export async function describeAlarmsByName(
  cloudwatch: CloudWatchReader,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<DescribedAlarm[]> {
  const alarms: DescribedAlarm[] = [];
  for (const batch of chunk(unique(names), ALARM_NAMES_PER_CALL)) {
    let nextToken: string | undefined;
    let pages = 0;
    do {
      if (pages === MAX_ALARM_PAGES)
        throw new Error(`DescribeAlarms still had more pages after ${MAX_ALARM_PAGES}`);
      const page = await cloudwatch.send(
        new DescribeAlarmsCommand({
          AlarmNames: batch,
          AlarmTypes: [...ALARM_TYPES],
          MaxRecords: ALARMS_PAGE_SIZE,
          NextToken: nextToken,
        }),
        { abortSignal: signal },
      );
      pages += 1;
      alarms.push(...(page.MetricAlarms ?? []).map((alarm) => ({ ...alarm, type: 'MetricAlarm' as const })));
      alarms.push(
        ...(page.CompositeAlarms ?? []).map((alarm) => ({ ...alarm, type: 'CompositeAlarm' as const })),
      );
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return alarms;
}
