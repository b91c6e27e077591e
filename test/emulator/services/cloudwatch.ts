import { awsJson } from '../protocols/aws-json.js';
import { parseJsonBody } from '../protocols/rest-json.js';
import type { RawRequest } from '../protocols/types.js';
import { type AlarmHistoryEntry, type AlarmRecord, type AlarmStore, alarmArn } from '../state/alarms.js';
import { JSON_THROTTLE_STATUS, jsonErrorTable } from './errors.js';
import { paginate } from './paging.js';
import { type CallContext, commonError, type ParsedCall, type ServiceModule } from './types.js';

/** The JSON 1.0 target prefix of CloudWatch (X-Amz-Target: GraniteServiceVersion20100801.Op). */
export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801';
const NAMESPACE = 'com.amazonaws.cloudwatch';
const OPERATIONS = new Set(['DescribeAlarms', 'DescribeAlarmHistory']);
const LIMITS = { defaultMax: 50, maxMax: 100, invalidTokenCode: 'InvalidNextToken' };
const DEFAULT_PERIOD_SECONDS = 60;
const MS_PER_SECOND = 1000;

const errors = jsonErrorTable({ status: JSON_THROTTLE_STATUS, code: 'ThrottlingException' });

function alarmType(alarm: AlarmRecord): 'MetricAlarm' | 'CompositeAlarm' {
  return alarm.spec.type ?? (alarm.spec.alarmRule ? 'CompositeAlarm' : 'MetricAlarm');
}

function commonFields(alarm: AlarmRecord, context: CallContext) {
  return {
    AlarmName: alarm.spec.name,
    AlarmArn: alarmArn(alarm.spec.name, context.identity.accountId, context.region),
    AlarmDescription: alarm.spec.description,
    AlarmConfigurationUpdatedTimestamp: new Date(alarm.updatedAt),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    StateValue: alarm.state,
    StateReason: alarm.reason,
    StateUpdatedTimestamp: new Date(alarm.updatedAt),
    StateTransitionedTimestamp: new Date(alarm.updatedAt),
  };
}

function metricAlarmOut(alarm: AlarmRecord, context: CallContext) {
  const { spec } = alarm;
  return {
    ...commonFields(alarm, context),
    MetricName: spec.metricName ?? 'Errors',
    Namespace: spec.namespace ?? 'AWS/ApplicationELB',
    Statistic: 'Sum',
    Dimensions: spec.dimensions ?? [],
    Period: DEFAULT_PERIOD_SECONDS,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: spec.threshold ?? 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'missing',
  };
}

function compositeAlarmOut(alarm: AlarmRecord, context: CallContext) {
  return { ...commonFields(alarm, context), AlarmRule: alarm.spec.alarmRule ?? 'FALSE' };
}

function historyItem(alarm: AlarmRecord, entry: AlarmHistoryEntry) {
  const data = {
    version: '1.0',
    oldState: { stateValue: entry.from },
    newState: { stateValue: entry.to, stateReason: entry.reason },
  };
  return {
    AlarmName: alarm.spec.name,
    AlarmType: alarmType(alarm),
    Timestamp: new Date(entry.at),
    HistoryItemType: 'StateUpdate',
    HistorySummary: `Alarm updated from ${entry.from} to ${entry.to}`,
    HistoryData: JSON.stringify(data),
  };
}

/** JSON timestamps arrive as epoch seconds. */
function epochMs(value: unknown): number | undefined {
  return typeof value === 'number' ? value * MS_PER_SECOND : undefined;
}

export function createCloudWatchService(alarms: AlarmStore): ServiceModule {
  const describeAlarms = (params: Record<string, unknown>, context: CallContext) => {
    const names = params.AlarmNames as string[] | undefined;
    const prefix = params.AlarmNamePrefix as string | undefined;
    // AWS: without AlarmTypes only metric alarms are returned, even when composite ones exist.
    const types = (params.AlarmTypes as string[] | undefined) ?? ['MetricAlarm'];
    const matching = alarms
      .list()
      .filter(
        (alarm) =>
          (!names || names.includes(alarm.spec.name)) &&
          (!prefix || alarm.spec.name.startsWith(prefix)) &&
          (params.StateValue === undefined || alarm.state === params.StateValue) &&
          types.includes(alarmType(alarm)),
      );
    const page = paginate(matching, params.NextToken, params.MaxRecords, LIMITS);
    return {
      MetricAlarms: page.items
        .filter((a) => alarmType(a) === 'MetricAlarm')
        .map((a) => metricAlarmOut(a, context)),
      CompositeAlarms: page.items
        .filter((a) => alarmType(a) === 'CompositeAlarm')
        .map((a) => compositeAlarmOut(a, context)),
      NextToken: page.nextToken,
    };
  };

  const describeHistory = (params: Record<string, unknown>) => {
    const start = epochMs(params.StartDate) ?? Number.NEGATIVE_INFINITY;
    const end = epochMs(params.EndDate) ?? Number.POSITIVE_INFINITY;
    const wantsStateUpdates =
      params.HistoryItemType === undefined || params.HistoryItemType === 'StateUpdate';
    const items = alarms
      .list()
      .filter((alarm) => params.AlarmName === undefined || alarm.spec.name === params.AlarmName)
      .flatMap((alarm) => alarm.history.map((entry) => ({ alarm, entry })))
      .filter(({ entry }) => wantsStateUpdates && entry.at >= start && entry.at <= end)
      .sort((a, b) =>
        params.ScanBy === 'TimestampAscending' ? a.entry.at - b.entry.at : b.entry.at - a.entry.at,
      );
    const page = paginate(items, params.NextToken, params.MaxRecords, LIMITS);
    return {
      AlarmHistoryItems: page.items.map(({ alarm, entry }) => historyItem(alarm, entry)),
      NextToken: page.nextToken,
    };
  };

  return {
    signingName: 'monitoring',
    iamPrefix: 'cloudwatch',
    protocol: awsJson(NAMESPACE),
    errors,
    claims: (request) => (request.headers['x-amz-target'] ?? '').startsWith(`${CLOUDWATCH_TARGET_PREFIX}.`),
    parse(request: RawRequest): ParsedCall {
      const target = request.headers['x-amz-target'] ?? '';
      const operation = target.slice(CLOUDWATCH_TARGET_PREFIX.length + 1);
      if (
        request.method !== 'POST' ||
        !target.startsWith(`${CLOUDWATCH_TARGET_PREFIX}.`) ||
        !OPERATIONS.has(operation)
      ) {
        throw commonError(errors, 'unknown-operation');
      }
      return { operation, params: parseJsonBody(request.body) };
    },
    iam: (call) => ({ actions: [`cloudwatch:${call.operation}`], resource: '*' }),
    handle(call, context) {
      return call.operation === 'DescribeAlarms'
        ? describeAlarms(call.params, context)
        : describeHistory(call.params);
    },
  };
}
