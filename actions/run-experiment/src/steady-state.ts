import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CanaryRun, SyntheticsClient } from '@aws-sdk/client-synthetics';
import { type AlarmTransition, alarmHistory, describeAlarmsByName } from '../../../core/cloudwatch.js';
import { describeAwsError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import {
  alarmChangedUnseen,
  firstBreach,
  mayHaveMissedRun,
  type RunCadence,
  type RunSighting,
} from '../../../core/signals.js';
import {
  cadenceOf,
  canaryRunsSince,
  describeCanariesByName,
  describeCanariesLastRun,
  isRetryRun,
} from '../../../core/synthetics.js';

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
  /** StateUpdatedTimestamp: when it moves, the alarm changed since the last read. */
  updatedAt?: Date;
}

export interface CanaryStatus {
  name: string;
  /** PASSED, FAILED, RUNNING, or NO_RUN when the canary has no run (or does not exist). */
  state: string;
  reason?: string;
  startedAt?: Date;
  completedAt?: Date;
  /** The run is an automatic retry of a failed scheduled run. */
  retry?: true;
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
      ...(alarm.StateUpdatedTimestamp ? { updatedAt: alarm.StateUpdatedTimestamp } : {}),
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
      ...(isRetryRun(run) ? { retry: true as const } : {}),
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

export interface SteadyStateRead {
  snapshot: SteadyStateSnapshot;
  breaches: Breaches;
}

/**
 * Reads the steady-state signals poll after poll and catches what one snapshot cannot show:
 *
 * - an alarm that went to ALARM and back between two polls: core's alarm-flap rule
 *   (core/signals.ts alarmChangedUnseen, then firstBreach over its StateUpdate history since the
 *   window start); an alarm in ALARM now is a breach already and needs no history.
 * - a canary run that FAILED followed by one that PASSED between two polls: when a canary's last
 *   run changed and core's rule (core/signals.ts mayHaveMissedRun) says a run may lie between the
 *   run seen before and this one, GetCanaryRuns lists its runs since the window start: any FAILED
 *   one is a breach.
 *
 * A steady poll (no alarm change, at most one new run per canary) makes no extra call.
 */
export class SteadyStateWatcher {
  private readonly alarmUpdatedAt = new Map<string, number>();
  private readonly seenRuns = new Map<string, RunSighting>();
  /** Canary -> when its runs come (absent: unknown); read once, at the first poll. */
  private cadences: Map<string, RunCadence> | undefined;

  constructor(
    private readonly clients: SteadyStateClients,
    private readonly alarms: readonly string[],
    private readonly canaries: readonly string[],
    /** The window start (the experiment's start), epoch ms. */
    private readonly since: number,
    /** AWS's time now: read times are compared with the canaries' run times. */
    private readonly awsNow: () => number,
    private readonly log?: Logger,
  ) {}

  /** AWS's time when the previous read (that succeeded) began: no run unseen then started before. */
  private lastReadAt: number | undefined;

  async read(signal?: AbortSignal): Promise<SteadyStateRead> {
    const readAt = this.awsNow();
    const [snapshot] = await Promise.all([
      readSteadyState(this.clients, this.alarms, this.canaries, signal),
      this.cadences === undefined && this.canaries.length > 0 ? this.readCadences(signal) : undefined,
    ]);
    const breaches = findBreaches(snapshot, new Date(this.since));
    const [flap, failedRun] = await Promise.all([
      this.alarmFlap(snapshot.alarms, signal),
      this.missedCanaryFailure(snapshot.canaries, signal),
    ]);
    breaches.alarm ??= flap;
    breaches.canary ??= failedRun;
    this.lastReadAt = readAt;
    return { snapshot, breaches };
  }

  private async readCadences(signal: AbortSignal | undefined): Promise<void> {
    try {
      const canaries = await describeCanariesByName(this.clients.synthetics, this.canaries, signal);
      this.cadences = new Map([...canaries].map(([name, canary]) => [name, cadenceOf(canary)]));
    } catch (error) {
      if (signal?.aborted) throw error;
      // Without the schedule every new run is checked with GetCanaryRuns: dearer, never blinder.
      this.log?.warning(
        `Could not read the canary schedules (${describeAwsError(error, 'DescribeCanaries')}); every new canary run will be checked with GetCanaryRuns`,
      );
      this.cadences = new Map();
    }
  }

  private async alarmFlap(alarms: readonly AlarmStatus[], signal?: AbortSignal): Promise<string | undefined> {
    // An alarm in ALARM now is a breach already: no history needed.
    const moved = alarms.filter(
      (alarm) =>
        alarm.state !== 'ALARM' &&
        alarmChangedUnseen(alarm.updatedAt?.getTime(), this.alarmUpdatedAt.get(alarm.name), this.since),
    );
    let flap: string | undefined;
    for (const alarm of moved) {
      const history = await alarmHistory(this.clients.cloudwatch, alarm.name, this.since, undefined, signal);
      const toAlarm = firstBreach(history, this.since);
      if (toAlarm) flap ??= describeFlap(alarm, toAlarm);
    }
    // Only once every history read succeeded: a poll the waiter retries must look again.
    for (const alarm of alarms) {
      if (alarm.updatedAt) this.alarmUpdatedAt.set(alarm.name, alarm.updatedAt.getTime());
    }
    return flap;
  }

  private async missedCanaryFailure(
    canaries: readonly CanaryStatus[],
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const suspicious: CanaryStatus[] = [];
    for (const canary of canaries) {
      const startedAt = canary.startedAt?.getTime();
      if (startedAt === undefined || startedAt < this.since) continue;
      const seen = this.seenRuns.get(canary.name);
      if (seen?.startedAt === startedAt) continue;
      // No run at the previous read (or no previous read): no run of the window before it either.
      const previous = seen ?? { noRunAt: Math.max(this.lastReadAt ?? this.since, this.since) };
      const latest = { startedAt, retry: canary.retry === true };
      // Unknown cadence (DescribeCanaries failed): no period, so every new run is checked.
      const cadence = this.cadences?.get(canary.name) ?? { runOnce: false };
      if (mayHaveMissedRun(previous, latest, cadence, this.since)) suspicious.push(canary);
    }
    let missed: string | undefined;
    for (const canary of suspicious) {
      const runs = await canaryRunsSince(this.clients.synthetics, canary.name, this.since, signal);
      const failed = runs
        .filter((run) => run.Status?.State === 'FAILED')
        .sort((a, b) => startOf(a) - startOf(b))[0];
      if (failed) missed ??= describeFailedRun(canary.name, failed);
    }
    // Only once every run list was read: a poll the waiter retries must look again.
    for (const canary of canaries) {
      const startedAt = canary.startedAt?.getTime();
      if (startedAt !== undefined) {
        const finished = canary.state !== 'RUNNING';
        this.seenRuns.set(canary.name, { startedAt, finished, retry: canary.retry === true });
      }
    }
    return missed;
  }
}

function startOf(run: CanaryRun): number {
  return run.Timeline?.Started?.getTime() ?? 0;
}

function describeFlap(alarm: AlarmStatus, transition: AlarmTransition): string {
  const reason = transition.reason ? ` (${transition.reason})` : '';
  return `alarm ${alarm.name} went to ALARM at ${new Date(transition.at).toISOString()}${reason} and was ${alarm.state} again by the next poll`;
}

function describeFailedRun(name: string, run: CanaryRun): string {
  const reason = run.Status?.StateReason ? ` (${run.Status.StateReason})` : '';
  const at = run.Timeline?.Started ? ` at ${run.Timeline.Started.toISOString()}` : '';
  return `canary ${name} failed in a run started${at}${reason}, before its last run`;
}
