import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeCanariesLastRunCommand, type SyntheticsClient } from '@aws-sdk/client-synthetics';

/**
 * What "the system stayed healthy" is measured with while the fault is injected: CloudWatch
 * alarms (any in ALARM is a breach) and Synthetics canaries (a run that started after the
 * experiment and FAILED is a breach).
 */
export interface AlarmStatus {
  name: string;
  /** OK, ALARM, INSUFFICIENT_DATA, or MISSING when DescribeAlarms does not know the name. */
  state: string;
  reason?: string;
}

export interface CanaryStatus {
  name: string;
  /** PASSED, FAILED, RUNNING, or NO_RUN when the canary has no run (or does not exist). */
  state: string;
  reason?: string;
  startedAt?: Date;
  completedAt?: Date;
}

export interface SteadyStateSnapshot {
  alarms: AlarmStatus[];
  canaries: CanaryStatus[];
}

/** DescribeAlarms accepts up to 100 names; DescribeCanariesLastRun up to 5 (API references). */
export const ALARM_NAMES_PER_CALL = 100;
export const CANARY_NAMES_PER_CALL = 5;
const MAX_PAGES = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function describeAlarmStates(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<AlarmStatus[]> {
  const found = new Map<string, AlarmStatus>();
  for (const batch of chunk([...new Set(names)], ALARM_NAMES_PER_CALL)) {
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const response = await cloudwatch.send(
        new DescribeAlarmsCommand({
          AlarmNames: batch,
          // Without AlarmTypes CloudWatch returns metric alarms only, hiding composite ones.
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken: nextToken,
        }),
        { abortSignal: signal },
      );
      for (const alarm of [...(response.MetricAlarms ?? []), ...(response.CompositeAlarms ?? [])]) {
        if (alarm.AlarmName) {
          found.set(alarm.AlarmName, {
            name: alarm.AlarmName,
            state: alarm.StateValue ?? 'UNKNOWN',
            ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
          });
        }
      }
      nextToken = response.NextToken;
      if (!nextToken) break;
    }
  }
  return names.map((name) => found.get(name) ?? { name, state: 'MISSING' });
}

export async function describeCanaryLastRuns(
  synthetics: SyntheticsClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<CanaryStatus[]> {
  const found = new Map<string, CanaryStatus>();
  for (const batch of chunk([...new Set(names)], CANARY_NAMES_PER_CALL)) {
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const response = await synthetics.send(
        new DescribeCanariesLastRunCommand({ Names: batch, NextToken: nextToken }),
        { abortSignal: signal },
      );
      for (const entry of response.CanariesLastRun ?? []) {
        const run = entry.LastRun;
        if (!entry.CanaryName || !run) continue;
        found.set(entry.CanaryName, {
          name: entry.CanaryName,
          state: run.Status?.State ?? 'UNKNOWN',
          ...(run.Status?.StateReason ? { reason: run.Status.StateReason } : {}),
          ...(run.Timeline?.Started ? { startedAt: run.Timeline.Started } : {}),
          ...(run.Timeline?.Completed ? { completedAt: run.Timeline.Completed } : {}),
        });
      }
      nextToken = response.NextToken;
      if (!nextToken) break;
    }
  }
  return names.map((name) => found.get(name) ?? { name, state: 'NO_RUN' });
}

export interface SteadyStateClients {
  cloudwatch: CloudWatchClient;
  synthetics: SyntheticsClient;
}

export async function readSteadyState(
  clients: SteadyStateClients,
  alarms: readonly string[],
  canaries: readonly string[],
  signal?: AbortSignal,
): Promise<SteadyStateSnapshot> {
  const [alarmStates, canaryStates] = await Promise.all([
    alarms.length > 0 ? describeAlarmStates(clients.cloudwatch, alarms, signal) : Promise.resolve([]),
    canaries.length > 0 ? describeCanaryLastRuns(clients.synthetics, canaries, signal) : Promise.resolve([]),
  ]);
  return { alarms: alarmStates, canaries: canaryStates };
}

/**
 * The first breach in a snapshot, as a sentence, or undefined. A canary breaches only with a run
 * that started at or after `since` (the experiment's start): a failure from before the fault was
 * injected says nothing about the fault (the preflight reports it instead).
 */
export function findBreach(snapshot: SteadyStateSnapshot, since: Date | undefined): string | undefined {
  const alarm = snapshot.alarms.find((a) => a.state === 'ALARM');
  if (alarm) return `alarm ${alarm.name} is in ALARM${alarm.reason ? ` (${alarm.reason})` : ''}`;
  const canary = snapshot.canaries.find(
    (c) =>
      c.state === 'FAILED' && (since === undefined || (c.startedAt !== undefined && c.startedAt >= since)),
  );
  if (canary) return `canary ${canary.name} failed${canary.reason ? ` (${canary.reason})` : ''}`;
  return undefined;
}

export function allAlarmsOk(alarms: readonly AlarmStatus[]): boolean {
  return alarms.every((alarm) => alarm.state === 'OK');
}
