import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { alarmHistory, type DescribedAlarm, describeAlarmsByName } from '../../../core/cloudwatch.js';
import { ConfigurationError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { alarmChangedUnseen, firstBreach } from '../../../core/signals.js';
import type { AlarmWatch } from './types.js';

/**
 * Watches CloudWatch alarms (metric and composite) over the gate window: any alarm in ALARM at a
 * poll, or whose history shows ALARM inside the window, fails the gate. DescribeAlarmHistory is
 * only called for an alarm whose state changed inside the window, so a flap from OK to ALARM and
 * back between two polls is still caught. Every time here (`since`, `now`, the history window) is
 * AWS's, as the alarms' own timestamps are: a runner clock that is off would shift the window.
 */
export interface AlarmDeps {
  cloudwatch: CloudWatchClient;
  log: Logger;
  region: string;
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
  async start(now: () => number, signal?: AbortSignal): Promise<void> {
    if (this.names.length === 0) return;
    const alarms = await describeAlarmsByName(this.deps.cloudwatch, this.names, signal);
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
    await this.apply(alarms, now(), signal);
  }

  async poll(now: () => number, signal?: AbortSignal): Promise<void> {
    if (this.names.length === 0) return;
    const alarms = await describeAlarmsByName(this.deps.cloudwatch, this.names, signal);
    await this.apply(alarms, now(), signal);
  }

  /** Alarms whose last state seen is INSUFFICIENT_DATA: no data, so no evidence either way. */
  get withoutData(): AlarmWatch[] {
    return this.watches.filter((watch) => !watch.breached && watch.state === 'INSUFFICIENT_DATA');
  }

  private async apply(alarms: readonly DescribedAlarm[], now: number, signal?: AbortSignal): Promise<void> {
    for (const alarm of alarms) {
      const watch = this.watches.find((candidate) => candidate.name === alarm.AlarmName);
      if (!watch) continue;
      const updatedAt = alarm.StateUpdatedTimestamp?.getTime();
      // core's one alarm-flap rule: a StateUpdatedTimestamp that moved inside the window.
      if (alarmChangedUnseen(updatedAt, watch.updatedAt, this.since))
        await this.readHistory(watch, now, signal);
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
  private async readHistory(watch: AlarmWatch, now: number, signal?: AbortSignal, toPresent = false) {
    const from = this.historyReadTo.get(watch.name) ?? this.since;
    const until = toPresent ? undefined : now;
    const transitions = await alarmHistory(this.deps.cloudwatch, watch.name, from, until, signal);
    this.historyReadTo.set(watch.name, now);
    const fresh = transitions.filter(
      (transition) => !watch.history.some((seen) => seen.at === transition.at && seen.to === transition.to),
    );
    watch.history.push(...fresh);
    watch.history.sort((a, b) => a.at - b.at);
    const breach = firstBreach(fresh, this.since);
    if (breach && !watch.breached) this.breach(watch, breach.at, breach.reason);
  }

  /**
   * For the verdict and the report: the history of alarms that changed inside the window, read to
   * the present (no EndDate), so a change in the last second before the end is not cut off by an
   * estimate of AWS's time that can lag by up to a second.
   */
  async finish(now: number, signal?: AbortSignal): Promise<void> {
    for (const watch of this.watches) {
      if (watch.updatedAt !== undefined && watch.updatedAt >= this.since)
        await this.readHistory(watch, now, signal, true);
    }
  }
}
