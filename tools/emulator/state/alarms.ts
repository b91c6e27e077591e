import type { AlarmSpec, AlarmState } from '../scenario.js';

export interface AlarmHistoryEntry {
  at: number;
  from: AlarmState;
  to: AlarmState;
  reason: string;
}

export interface AlarmRecord {
  spec: AlarmSpec;
  state: AlarmState;
  reason: string;
  updatedAt: number;
  history: AlarmHistoryEntry[];
}

interface ScheduledChange {
  name: string;
  at: number;
  state: AlarmState;
  reason?: string;
}

const INITIAL_STATE_AGE_MS = 60 * 60 * 1000;

function defaultReason(state: AlarmState): string {
  return state === 'OK'
    ? 'Threshold Crossed: no datapoints were breaching the threshold'
    : state === 'ALARM'
      ? 'Threshold Crossed: 1 datapoint was greater than the threshold'
      : 'Insufficient Data: 1 datapoint was unknown';
}

/** CloudWatch alarms with their scripted state timelines and a StateUpdate history. */
export class AlarmStore {
  private readonly alarms = new Map<string, AlarmRecord>();
  private scheduled: ScheduledChange[] = [];

  constructor(specs: AlarmSpec[], startMs: number) {
    for (const spec of specs) this.add(spec, startMs);
  }

  add(spec: AlarmSpec, startMs: number): void {
    const state = spec.state ?? 'OK';
    this.alarms.set(spec.name, {
      spec,
      state,
      reason: spec.reason ?? defaultReason(state),
      updatedAt: startMs - INITIAL_STATE_AGE_MS,
      history: [],
    });
    for (const change of spec.timeline ?? [])
      this.scheduled.push({ name: spec.name, ...change, at: startMs + change.atMs });
    this.scheduled.sort((a, b) => a.at - b.at);
  }

  /** Applies scripted changes that are due; history timestamps are the scripted times. */
  tick(now: number): void {
    while (this.scheduled.length > 0 && this.scheduled[0]!.at <= now) {
      const change = this.scheduled.shift()!;
      this.setState(change.name, change.state, change.reason, change.at);
    }
  }

  /** False when no alarm has that name. A change to the same state still refreshes the reason. */
  setState(name: string, state: AlarmState, reason: string | undefined, at: number): boolean {
    const alarm = this.alarms.get(name);
    if (!alarm) return false;
    const text = reason ?? defaultReason(state);
    if (alarm.state !== state) alarm.history.push({ at, from: alarm.state, to: state, reason: text });
    alarm.state = state;
    alarm.reason = text;
    alarm.updatedAt = at;
    return true;
  }

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }

  list(): AlarmRecord[] {
    return [...this.alarms.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  }
}

export function alarmArn(name: string, accountId: string, region: string): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`;
}
