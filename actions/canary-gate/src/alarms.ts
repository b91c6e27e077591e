import {
  type AlarmHistoryItem,
  type CloudWatchClient,
  DescribeAlarmHistoryCommand,
} from '@aws-sdk/client-cloudwatch';
import { ALARM_TYPES, type DescribedAlarm, describeAlarmsByName } from '../../../core/cloudwatch.js';
import { ConfigurationError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import type { AlarmTransition, AlarmWatch } from './types.js';

/**
 * Watches CloudWatch alarms (metric and composite) over the gate window: any alarm in ALARM at a
 * poll, or whose history shows ALARM inside the window, fails the gate. DescribeAlarmHistory is
 * only called for an alarm whose state changed inside the window, so a flap from OK to ALARM and
 * back between two polls is still caught.
 */
/** DescribeAlarmHistory's largest page. */
const HISTORY_PAGE_SIZE = 100;

export interface AlarmDeps {
  cloudwatch: CloudWatchClient;
  log: Logger;
  region: string;
  signal?: AbortSignal;
}

function transitionOf(item: AlarmHistoryItem): AlarmTransition | undefined {
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

async function stateHistory(
  deps: AlarmDeps,
  name: string,
  from: number,
  to: number,
): Promise<AlarmTransition[]> {
  const transitions: AlarmTransition[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cloudwatch.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: name,
        AlarmTypes: [...ALARM_TYPES],
        HistoryItemType: 'StateUpdate',
        StartDate: new Date(from),
        EndDate: new Date(to),
        ScanBy: 'TimestampAscending',
        MaxRecords: HISTORY_PAGE_SIZE,
        NextToken: token,
      }),
      { abortSignal: deps.signal },
    );
    for (const item of page.AlarmHistoryItems ?? []) {
      const transition = transitionOf(item);
      if (transition) transitions.push(transition);
    }
    token = page.NextToken;
  } while (token);
  return transitions;
}

export class AlarmWatcher {
  readonly watches: AlarmWatch[] = [];
  /** When each alarm's history was last read up to. */
  private readonly historyReadTo = new Map<string, number>();

  constructor(
    private readonly deps: AlarmDeps,
    private readonly names: readonly string[],
    private readonly since: number,
  ) {}

  get breached(): AlarmWatch[] {
    return this.watches.filter((watch) => watch.breached);
  }

  /** Checks every alarm exists (a typo would otherwise watch nothing), then takes a first look. */
  async start(now: number): Promise<void> {
    if (this.names.length === 0) return;
    const alarms = await describeAlarmsByName(this.deps.cloudwatch, this.names, this.deps.signal);
    const found = new Set(alarms.map((alarm) => alarm.AlarmName));
    const missing = this.names.filter((name) => !found.has(name));
    if (missing.length > 0) {
      throw new ConfigurationError(
        `Alarm not found in ${this.deps.region}: ${missing.join(', ')} (check the names and the region)`,
      );
    }
    for (const name of this.names) {
      const alarm = alarms.find((candidate) => candidate.AlarmName === name)!;
      this.watches.push({
        name,
        type: alarm.type,
        state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
        breached: false,
        history: [],
      });
    }
    await this.apply(alarms, now);
  }

  async poll(now: number): Promise<void> {
    if (this.names.length === 0) return;
    await this.apply(await describeAlarmsByName(this.deps.cloudwatch, this.names, this.deps.signal), now);
  }

  private async apply(alarms: readonly DescribedAlarm[], now: number): Promise<void> {
    for (const alarm of alarms) {
      const watch = this.watches.find((candidate) => candidate.name === alarm.AlarmName);
      if (!watch) continue;
      const updatedAt = alarm.StateUpdatedTimestamp?.getTime();
      const changed = updatedAt !== undefined && updatedAt !== watch.updatedAt && updatedAt >= this.since;
      if (changed) await this.readHistory(watch, now);
      watch.state = alarm.StateValue ?? watch.state;
      if (alarm.StateReason) watch.stateReason = alarm.StateReason;
      if (updatedAt !== undefined) watch.updatedAt = updatedAt;
      if (watch.state === 'ALARM' && !watch.breached) {
        this.breach(watch, Math.max(updatedAt ?? now, this.since), alarm.StateReason);
      }
    }
  }

  private breach(watch: AlarmWatch, at: number, reason: string | undefined): void {
    watch.breached = true;
    watch.breachedAt = at;
    if (reason) watch.breachReason = reason;
    this.deps.log.warning(`Alarm ${watch.name} is in ALARM${reason ? `: ${reason}` : ''}`);
  }

  /** Reads state changes since the last read (or `since`), recording any pass through ALARM. */
  private async readHistory(watch: AlarmWatch, now: number): Promise<void> {
    const from = this.historyReadTo.get(watch.name) ?? this.since;
    const transitions = await stateHistory(this.deps, watch.name, from, now);
    this.historyReadTo.set(watch.name, now);
    for (const transition of transitions) {
      if (watch.history.some((seen) => seen.at === transition.at && seen.to === transition.to)) continue;
      watch.history.push(transition);
      if (transition.to === 'ALARM' && !watch.breached) this.breach(watch, transition.at, transition.reason);
    }
    watch.history.sort((a, b) => a.at - b.at);
  }

  /** For the report: the full history of alarms that changed inside the window. */
  async finish(now: number): Promise<void> {
    for (const watch of this.watches) {
      if (watch.updatedAt !== undefined && watch.updatedAt >= this.since) await this.readHistory(watch, now);
    }
  }
}
