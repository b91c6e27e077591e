import { HTTP_FORBIDDEN } from '../errors.js';
import { awsQuery, parseFormBody, readList } from '../protocols/query-xml.js';
import type { RawRequest } from '../protocols/types.js';
import { type AlarmHistoryEntry, type AlarmRecord, type AlarmStore, alarmArn } from '../state/alarms.js';
import { queryErrorTable } from './errors.js';
import { paginate } from './paging.js';
import {
  type CallContext,
  commonError,
  type ErrorTable,
  type ParsedCall,
  type ServiceModule,
} from './types.js';

/**
 * CloudWatch over awsQuery, the protocol of the installed client-cloudwatch 3.523.0 (form body
 * `Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=...`, XML responses, lists as
 * `<member>`). AWS still serves it beside AWS JSON 1.0 (the query-compatible protocol newer SDKs
 * use). API reference: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
const XMLNS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
const OPERATIONS = new Set(['DescribeAlarms', 'DescribeAlarmHistory']);
const LIMITS = { defaultMax: 50, maxMax: 100, invalidTokenCode: 'InvalidNextToken' };
const DEFAULT_PERIOD_SECONDS = 60;

/** awsQuery error codes; CloudWatch names expired credentials `ExpiredToken` (403). */
const errors: ErrorTable = {
  ...queryErrorTable,
  'expired-token': {
    status: HTTP_FORBIDDEN,
    code: 'ExpiredToken',
    message: 'The security token included in the request is expired',
  },
};

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

/** Query timestamps arrive as ISO 8601 text. */
function epochMs(value: unknown): number | undefined {
  return typeof value === 'string' ? Date.parse(value) : undefined;
}

/** The flat form parameters of a query request, with `X.member.N` lists gathered into arrays. */
function queryParams(request: RawRequest): { operation: string; params: Record<string, unknown> } {
  const { Action, Version: _version, ...form } = parseFormBody(request.body);
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const list = /^(\w+)\.member\.\d+$/.exec(key);
    if (list) params[list[1]!] ??= readList(form, `${list[1]}.member`);
    else params[key] = value;
  }
  return { operation: Action ?? '', params };
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
      // ScanBy: "Specify TimestampDescending to have the newest event history returned first, and
      // specify TimestampAscending to have the oldest history returned first" (DescribeAlarmHistory,
      // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html).
      // The default when ScanBy is omitted is not stated: newest first here, and the gates always send it.
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
    protocol: awsQuery(XMLNS),
    errors,
    claims: (request) => OPERATIONS.has(parseFormBody(request.body).Action ?? ''),
    parse(request: RawRequest): ParsedCall {
      const call = queryParams(request);
      if (request.method !== 'POST' || !OPERATIONS.has(call.operation)) {
        throw commonError(errors, 'unknown-operation');
      }
      return call;
    },
    iam: (call) => ({ actions: [`cloudwatch:${call.operation}`], resource: '*' }),
    handle(call, context) {
      return call.operation === 'DescribeAlarms'
        ? describeAlarms(call.params, context)
        : describeHistory(call.params);
    },
  };
}
