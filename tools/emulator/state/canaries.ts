import { randomUUID } from 'node:crypto';
import type {
  CanaryOutcomeSpec,
  CanaryRunReasonCode,
  CanaryRunState,
  CanarySpec,
  CanaryState,
} from '../scenario.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const DEFAULT_RUN_DURATION_MS = 20_000;
const DEFAULT_SCHEDULE = 'rate(5 minutes)';
const CANARY_AGE_MS = 7 * 24 * MS_PER_HOUR;
const DEFAULT_OUTCOME: CanaryOutcomeSpec = { state: 'PASSED', durationMs: DEFAULT_RUN_DURATION_MS };
/**
 * How long after a failed attempt its automatic retry starts. The user guide ("Configuring your
 * canary to retry automatically": canaries "automatically attempt additional runs when the
 * scheduled one fails",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_autoretry.html)
 * gives no delay; a scenario sets its own with the retry's `afterMs`.
 */
export const DEFAULT_RETRY_DELAY_MS = 5_000;
/** Schedule.RetryConfig.MaxRetries: "Valid Range: Minimum value of 0. Maximum value of 2" (RetryConfigInput). */
export const MAX_RETRIES_LIMIT = 2;

export interface CanaryRunRecord {
  id: string;
  startedAt: number;
  completedAt: number;
  outcome: { state: 'PASSED' | 'FAILED'; reason?: string; reasonCode?: CanaryRunReasonCode };
  /** CanaryRun.RetryAttempt, "The count in number of the retry attempt" (1-2): retries only. */
  retryAttempt?: number;
  /** CanaryRun.ScheduledRunId, "The ID of the scheduled canary run": the Id of its first attempt. */
  scheduledRunId: string;
}

export interface CanaryRecord {
  id: string;
  spec: CanarySpec;
  /** Run period; 0 = run once per StartCanary. */
  rateMs: number;
  state: CanaryState;
  stateReason?: string;
  createdAt: number;
  lastModified: number;
  lastStarted?: number;
  lastStopped?: number;
  runs: CanaryRunRecord[];
  scriptIndex: number;
  nextScheduledAt?: number;
}

/** Parses `rate(N minute|minutes|hour|hours)`; cron schedules are treated as hourly. */
export function parseRateMs(expression: string): number {
  const match = /^rate\((\d+)\s+(minute|minutes|hour|hours)\)$/.exec(expression.trim());
  if (!match) return MS_PER_HOUR;
  const unit = match[2]!.startsWith('hour') ? MS_PER_HOUR : MS_PER_MINUTE;
  return Number(match[1]) * unit;
}

/** A first attempt: its own scheduled run. */
function newRunIds(): { id: string; scheduledRunId: string } {
  const id = randomUUID();
  return { id, scheduledRunId: id };
}

function pushRun(
  canary: CanaryRecord,
  startedAt: number,
  outcome: CanaryOutcomeSpec,
  ids: Pick<CanaryRunRecord, 'id' | 'retryAttempt' | 'scheduledRunId'>,
): CanaryRunRecord {
  const run: CanaryRunRecord = {
    ...ids,
    startedAt,
    completedAt: startedAt + (outcome.durationMs ?? DEFAULT_RUN_DURATION_MS),
    outcome: { state: outcome.state, reason: outcome.reason, reasonCode: outcome.reasonCode },
  };
  canary.runs.push(run);
  return run;
}

/** What a run looks like at `now`: RUNNING until its scripted completion time. */
export function runStatusAt(
  run: CanaryRunRecord,
  now: number,
): { state: CanaryRunState; reason?: string; reasonCode?: CanaryRunReasonCode } {
  return now < run.completedAt ? { state: 'RUNNING' } : run.outcome;
}

export class CanaryStore {
  readonly canaries = new Map<string, CanaryRecord>();

  constructor(
    specs: CanarySpec[],
    private readonly startMs: number,
  ) {
    for (const spec of specs) this.add(spec);
  }

  add(spec: CanarySpec): void {
    const { maxRetries } = spec;
    if (
      maxRetries !== undefined &&
      !(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= MAX_RETRIES_LIMIT)
    ) {
      throw new Error(`canary ${spec.name}: maxRetries ${maxRetries} is outside 0-${MAX_RETRIES_LIMIT}`);
    }
    const rateMs = parseRateMs(spec.schedule ?? DEFAULT_SCHEDULE);
    const state = spec.state ?? (rateMs === 0 ? 'READY' : 'RUNNING');
    const runs = (spec.history ?? []).map((run) => ({
      ...newRunIds(),
      startedAt: this.startMs + run.startedAtMs,
      completedAt: this.startMs + run.startedAtMs + (run.durationMs ?? DEFAULT_RUN_DURATION_MS),
      outcome: {
        state: run.state === 'FAILED' ? ('FAILED' as const) : ('PASSED' as const),
        reason: run.reason,
        reasonCode: run.reasonCode,
      },
    }));
    this.canaries.set(spec.name, {
      id: randomUUID(),
      spec,
      rateMs,
      state,
      stateReason: spec.stateReason,
      createdAt: this.startMs - CANARY_AGE_MS,
      lastModified: this.startMs - CANARY_AGE_MS,
      lastStarted: state === 'RUNNING' ? this.startMs - CANARY_AGE_MS : undefined,
      runs,
      scriptIndex: 0,
      nextScheduledAt: state === 'RUNNING' && rateMs > 0 ? this.startMs + rateMs : undefined,
    });
  }

  private nextOutcome(canary: CanaryRecord): CanaryOutcomeSpec {
    const scripted = canary.spec.script?.[canary.scriptIndex];
    if (scripted) canary.scriptIndex += 1;
    return scripted ?? canary.spec.defaultOutcome ?? DEFAULT_OUTCOME;
  }

  /** A run and, when it fails and the canary retries, its retries (all known now, each shown once started). */
  private addRun(canary: CanaryRecord, scheduledAt: number, given?: CanaryOutcomeSpec): void {
    const outcome = given ?? this.nextOutcome(canary);
    const first = pushRun(canary, scheduledAt + (outcome.afterMs ?? 0), outcome, newRunIds());
    let previous = first;
    for (let attempt = 1; attempt <= (canary.spec.maxRetries ?? 0); attempt += 1) {
      if (previous.outcome.state !== 'FAILED') break;
      const retry = outcome.retries?.[attempt - 1] ?? { ...outcome, afterMs: undefined };
      const startedAt = previous.completedAt + (retry.afterMs ?? DEFAULT_RETRY_DELAY_MS);
      previous = pushRun(canary, startedAt, retry, {
        id: randomUUID(),
        retryAttempt: attempt,
        scheduledRunId: first.id,
      });
    }
  }

  /** Creates scheduled runs that are due, and stops run-once canaries whose run has finished. */
  tick(now: number): void {
    for (const canary of this.canaries.values()) {
      while (
        canary.state === 'RUNNING' &&
        canary.nextScheduledAt !== undefined &&
        canary.nextScheduledAt <= now
      ) {
        this.addRun(canary, canary.nextScheduledAt);
        canary.nextScheduledAt += canary.rateMs;
      }
      const last = canary.runs.at(-1);
      if (canary.rateMs === 0 && canary.state === 'RUNNING' && last && last.completedAt <= now) {
        canary.state = 'STOPPED';
        canary.stateReason = undefined;
        canary.lastStopped = last.completedAt;
      }
    }
  }

  /** StartCanary: run-once canaries get one run now; scheduled ones run now and every period after. */
  start(canary: CanaryRecord, now: number): void {
    canary.state = 'RUNNING';
    canary.stateReason = undefined;
    canary.lastStarted = now;
    canary.lastModified = now;
    if (canary.rateMs === 0) {
      this.addRun(canary, now);
    } else {
      canary.nextScheduledAt = now;
    }
    this.tick(now);
  }

  /**
   * A run that starts now whatever the schedule says (an on-demand or retried run, or a scheduled
   * one a test wants at a precise moment): the run with `outcome`, or the canary's next scripted one.
   */
  runNow(name: string, now: number, outcome?: CanaryOutcomeSpec): boolean {
    const canary = this.canaries.get(name);
    if (!canary) return false;
    this.addRun(canary, now, outcome);
    return true;
  }

  /**
   * A state change from outside the gate: StopCanary (STOPPED, no more scheduled runs), a broken
   * canary (ERROR), or DeleteCanary ('DELETED': gone from every API). False for an unknown name.
   */
  setState(name: string, state: CanaryState | 'DELETED', reason: string | undefined, now: number): boolean {
    const canary = this.canaries.get(name);
    if (!canary) return false;
    if (state === 'DELETED') return this.canaries.delete(name);
    canary.state = state;
    canary.stateReason = reason;
    canary.lastModified = now;
    if (state !== 'RUNNING') canary.nextScheduledAt = undefined;
    if (state === 'STOPPED') canary.lastStopped = now;
    return true;
  }

  /** Runs that have started by `now`, newest first (DescribeCanariesLastRun reads the first). */
  visibleRuns(canary: CanaryRecord, now: number): CanaryRunRecord[] {
    return canary.runs.filter((run) => run.startedAt <= now).sort((a, b) => b.startedAt - a.startedAt);
  }
}
