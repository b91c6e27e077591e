import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { describeAlarmsByName } from '../../../core/cloudwatch.js';
import { describeCanariesLastRun } from '../../../core/synthetics.js';

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

/** AlarmStatus.state of a name DescribeAlarms does not know: never OK, so never healthy. */
export const MISSING_ALARM = 'MISSING';
/** CanaryStatus.state of a canary with no run (or that does not exist): never a breach by itself. */
export const NO_RUN = 'NO_RUN';
const UNKNOWN_STATE = 'UNKNOWN';

export async function describeAlarmStates(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<AlarmStatus[]> {
  const found = new Map<string, AlarmStatus>();
  for (const alarm of await describeAlarmsByName(cloudwatch, names, signal)) {
    if (!alarm.AlarmName) continue;
    found.set(alarm.AlarmName, {
      name: alarm.AlarmName,
      state: alarm.StateValue ?? UNKNOWN_STATE,
      ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
    });
  }
  return names.map((name) => found.get(name) ?? { name, state: MISSING_ALARM });
}

export async function describeCanaryLastRuns(
  synthetics: SyntheticsClient,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<CanaryStatus[]> {
  const lastRuns = await describeCanariesLastRun(synthetics, names, signal);
  return names.map((name) => {
    const run = lastRuns.get(name);
    if (!run) return { name, state: NO_RUN };
    return {
      name,
      state: run.Status?.State ?? UNKNOWN_STATE,
      ...(run.Status?.StateReason ? { reason: run.Status.StateReason } : {}),
      ...(run.Timeline?.Started ? { startedAt: run.Timeline.Started } : {}),
      ...(run.Timeline?.Completed ? { completedAt: run.Timeline.Completed } : {}),
    };
  });
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
  const breaches = findBreaches(snapshot, since);
  return breaches.alarm ?? breaches.canary;
}

/** The first alarm breach and the first canary breach of a snapshot, each as a sentence. */
export interface Breaches {
  alarm?: string;
  canary?: string;
}

export function findBreaches(snapshot: SteadyStateSnapshot, since: Date | undefined): Breaches {
  const alarm = snapshot.alarms.find((a) => a.state === 'ALARM');
  const canary = snapshot.canaries.find(
    (c) =>
      c.state === 'FAILED' && (since === undefined || (c.startedAt !== undefined && c.startedAt >= since)),
  );
  return {
    ...(alarm ? { alarm: `alarm ${alarm.name} is in ALARM${alarm.reason ? ` (${alarm.reason})` : ''}` } : {}),
    ...(canary
      ? { canary: `canary ${canary.name} failed${canary.reason ? ` (${canary.reason})` : ''}` }
      : {}),
  };
}

export function allAlarmsOk(alarms: readonly AlarmStatus[]): boolean {
  return alarms.every((alarm) => alarm.state === 'OK');
}
