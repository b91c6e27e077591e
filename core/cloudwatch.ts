import {
  type AlarmHistoryItem,
  type CloudWatchClient,
  type CompositeAlarm,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { chunk, unique } from './collections.js';
import { collectPages } from './paging.js';

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
    const found = await collectPages<DescribedAlarm>(
      'DescribeAlarms',
      async (nextToken) => {
        const page = await cloudwatch.send(
          new DescribeAlarmsCommand({
            AlarmNames: batch,
            AlarmTypes: [...ALARM_TYPES],
            MaxRecords: ALARMS_PAGE_SIZE,
            NextToken: nextToken,
          }),
          { abortSignal: signal },
        );
        const metric = (page.MetricAlarms ?? []).map((alarm) => ({ ...alarm, type: 'MetricAlarm' as const }));
        const composite = (page.CompositeAlarms ?? []).map((alarm) => ({
          ...alarm,
          type: 'CompositeAlarm' as const,
        }));
        return { items: [...metric, ...composite], next: page.NextToken };
      },
      MAX_ALARM_PAGES,
    );
    alarms.push(...found);
  }
  return alarms;
}

/** One StateUpdate of an alarm's history: when, from which state to which, and why. */
export interface AlarmTransition {
  /** Epoch milliseconds. */
  at: number;
  from: string;
  to: string;
  reason?: string;
}

/** DescribeAlarmHistory's largest page. */
export const HISTORY_PAGE_SIZE = 100;
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
export const MAX_HISTORY_PAGES = 100;

/** A StateUpdate item as a transition: HistoryData's JSON first, the summary line as a fallback. */
export function transitionOf(item: AlarmHistoryItem): AlarmTransition | undefined {
  const at = item.Timestamp?.getTime();
  if (at === undefined) return undefined;
  try {
    const data = JSON.parse(item.HistoryData ?? '{}') as {
      oldState?: { stateValue?: string };
      newState?: { stateValue?: string; stateReason?: string };
    };
    if (data.newState?.stateValue) {
      return {
        at,
        from: data.oldState?.stateValue ?? '?',
        to: data.newState.stateValue,
        ...(data.newState.stateReason ? { reason: data.newState.stateReason } : {}),
      };
    }
  } catch {
    // fall back to the summary line below
  }
  const match = /from (\w+) to (\w+)/.exec(item.HistorySummary ?? '');
  return match ? { at, from: match[1]!, to: match[2]! } : undefined;
}

/**
 * The state changes of one alarm (metric or composite) from `since` (to `until`, or now), oldest
 * first: DescribeAlarmHistory with HistoryItemType StateUpdate, every page. It catches what
 * DescribeAlarms cannot: an alarm that went to ALARM and back between two reads.
 */
export async function alarmHistory(
  cloudwatch: CloudWatchReader,
  name: string,
  since: number,
  until?: number,
  signal?: AbortSignal,
): Promise<AlarmTransition[]> {
  const items = await collectPages(
    'DescribeAlarmHistory',
    async (nextToken) => {
      const page = await cloudwatch.send(
        new DescribeAlarmHistoryCommand({
          AlarmName: name,
          AlarmTypes: [...ALARM_TYPES],
          HistoryItemType: 'StateUpdate',
          StartDate: new Date(since),
          ...(until === undefined ? {} : { EndDate: new Date(until) }),
          ScanBy: 'TimestampAscending',
          MaxRecords: HISTORY_PAGE_SIZE,
          NextToken: nextToken,
        }),
        { abortSignal: signal },
      );
      return { items: page.AlarmHistoryItems, next: page.NextToken };
    },
    MAX_HISTORY_PAGES,
  );
  // client-cloudwatch 3.523 (awsQuery) sends StartDate/EndDate truncated to whole seconds: keep
  // the window exact here, or a transition up to 999 ms before `since` would count.
  return items
    .map(transitionOf)
    .filter(
      (t): t is AlarmTransition => t !== undefined && t.at >= since && (until === undefined || t.at <= until),
    );
}
