import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SyntheticsClient } from '@aws-sdk/client-synthetics';
import type { Clock, Sleep } from '../../../core/clock.js';
import { mapLimited } from '../../../core/collections.js';
import { formatDuration } from '../../../core/duration.js';
import { firstLine } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { WaitFailedError, waitFor } from '../../../core/wait.js';
import { AlarmWatcher } from './alarms.js';
import { type CanaryEvaluation, type EvaluationContext, evaluateCanary } from './evaluate.js';
import { resolveCanaries } from './resolve.js';
import type { CanaryGateSettings } from './settings.js';
import { describeLastRuns, getRunsSince, startCanary } from './synthetics.js';
import type { AlarmWatch, CanaryInfo, RunRecord } from './types.js';

/**
 * The gate's domain entry: resolve canaries, start idle ones, then poll until every canary
 * passes, one provably fails, an alarm fires, or the deadline. Clients, clock, sleep, logger and
 * signal are injected: tests and the bench drive it with a ManualClock and the emulator.
 *
 * Polling cost per poll: one DescribeCanariesLastRun per five canaries, one DescribeAlarms per
 * hundred alarms, and GetCanaryRuns only for a canary whose latest run is one not seen before.
 */
export interface GateDeps {
  synthetics: SyntheticsClient;
  cloudwatch: CloudWatchClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal;
  /** Backoff jitter for transient faults (tests pass a fixed one). */
  random?: () => number;
}

export type GateStatus = 'passed' | 'failed' | 'timeout' | 'cancelled' | 'error';

export interface CanaryReport extends CanaryEvaluation {
  state: string;
  stateReason?: string;
  schedule: string;
  /** Times the gate called StartCanary for this canary. */
  triggered: number;
}

export interface GateReport {
  result: 'pass' | 'fail' | 'neutral';
  status: GateStatus;
  reason: string;
  region: string;
  startedAt: number;
  finishedAt: number;
  since: number;
  deadline: number;
  polls: number;
  canaries: CanaryReport[];
  alarms: AlarmWatch[];
  /** Loud notes for the summary: on-timeout overrides, execution failures treated as warnings. */
  warnings: string[];
}

const CONFLICT = 'ConflictException';
const IDLE_STATES = new Set(['STOPPED', 'READY']);

interface CanaryTrack {
  info: CanaryInfo;
  runs: Map<string, RunRecord>;
  triggered: number;
  /** Completed runs in the window when the gate last started this canary. */
  completedAtTrigger?: number;
  lastVerdict?: string;
  /** The latest run DescribeCanariesLastRun reported at the previous poll (even before since). */
  lastSeen?: RunRecord;
  /** Runs were taken from DescribeCanariesLastRun alone: confirm with GetCanaryRuns before a pass. */
  unverified: boolean;
}

/**
 * A new latest run that started less than this many periods after the previous latest run of a
 * rate() canary without retries cannot have another run between them: it is taken from
 * DescribeCanariesLastRun without GetCanaryRuns. A pass is still confirmed with GetCanaryRuns.
 */
const SHORTCUT_MAX_PERIODS = 1.5;
/** GetCanaryRuns calls in flight at once while verifying before a pass (Synthetics throttles bursts). */
const VERIFY_CONCURRENCY = 5;

interface Snapshot {
  evaluations: CanaryEvaluation[];
  allPassed: boolean;
  decided: boolean;
}

class GateWatch {
  private readonly tracks: CanaryTrack[];
  private readonly alarms: AlarmWatcher;

  constructor(
    private readonly deps: GateDeps,
    private readonly settings: CanaryGateSettings,
    canaries: CanaryInfo[],
    private readonly deadline: number,
  ) {
    this.tracks = canaries.map((info) => ({ info, runs: new Map(), triggered: 0, unverified: false }));
    this.alarms = new AlarmWatcher(
      { cloudwatch: deps.cloudwatch, log: deps.log, region: settings.aws.region, signal: deps.signal },
      settings.alarms,
      settings.sinceMs,
    );
  }

  get alarmWatches(): AlarmWatch[] {
    return this.alarms.watches;
  }

  startAlarms(): Promise<void> {
    return this.alarms.start(this.deps.clock.now());
  }

  finishAlarms(): Promise<void> {
    return this.alarms.finish(this.deps.clock.now());
  }

  private context(final: boolean): EvaluationContext {
    const { settings } = this;
    return {
      now: this.deps.clock.now(),
      deadline: this.deadline,
      since: settings.sinceMs,
      thresholds: settings.thresholds,
      trigger: settings.trigger,
      final,
    };
  }

  evaluate(final: boolean): Snapshot {
    const context = this.context(final);
    const evaluations = this.tracks.map((track) =>
      evaluateCanary(track.info, [...track.runs.values()], context),
    );
    for (const [index, evaluation] of evaluations.entries()) this.logChange(this.tracks[index]!, evaluation);
    const failFastAlarm = this.settings.thresholds.failFast && this.alarms.breached.length > 0;
    const anyFailed = evaluations.some((e) => e.verdict === 'fail');
    const allPassed = evaluations.every((e) => e.verdict === 'pass');
    return { evaluations, allPassed, decided: failFastAlarm || anyFailed || allPassed };
  }

  private logChange(track: CanaryTrack, evaluation: CanaryEvaluation): void {
    const line = `${evaluation.verdict}: ${evaluation.reason}`;
    if (track.lastVerdict === line) return;
    track.lastVerdict = line;
    this.deps.log.info(`Canary ${track.info.name}: ${line}`);
  }

  /** Set while polls fail (throttling, 5xx): a timeout then is AWS's fault, not a lack of runs. */
  lastPollError: string | undefined;

  async poll(signal: AbortSignal | undefined): Promise<Snapshot> {
    try {
      await Promise.all([this.refreshRuns(signal), this.alarms.poll(this.deps.clock.now())]);
      let snapshot = this.evaluate(false);
      if (snapshot.allPassed && (await this.verify(signal))) snapshot = this.evaluate(false);
      if (!snapshot.decided && this.settings.trigger === 'auto')
        await this.trigger(snapshot.evaluations, signal);
      this.lastPollError = undefined;
      return snapshot;
    } catch (error) {
      this.lastPollError =
        error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
      throw error;
    }
  }

  /** DescribeCanariesLastRun for all; GetCanaryRuns only where a run appeared that is not known. */
  private async refreshRuns(signal: AbortSignal | undefined): Promise<void> {
    const names = this.tracks.map((track) => track.info.name);
    const lastRuns = await describeLastRuns(this.deps.synthetics, names, signal);
    for (const track of this.tracks) {
      const last = lastRuns.get(track.info.name);
      const previous = track.lastSeen;
      if (!last || last.startedAt < this.settings.sinceMs) {
        track.lastSeen = last;
        continue;
      }
      const known = track.runs.get(last.id);
      const otherInFlight = [...track.runs.values()].some(
        (run) => run.id !== last.id && run.state === 'RUNNING',
      );
      if ((known && !otherInFlight) || (!known && !otherInFlight && this.isNextRun(track, previous, last))) {
        track.runs.set(last.id, last);
        track.unverified ||= !known;
      } else {
        await this.fetchRuns(track, signal);
      }
      track.lastSeen = last;
    }
  }

  /** True when `last` is provably the run right after `previous` (see SHORTCUT_MAX_PERIODS). */
  private isNextRun(track: CanaryTrack, previous: RunRecord | undefined, last: RunRecord): boolean {
    const { periodMs, maxRetries, runOnce } = track.info;
    if (!previous || runOnce || periodMs === undefined || (maxRetries ?? 0) > 0) return false;
    if (last.retryAttempt !== undefined || last.scheduledRunId !== undefined) return false;
    const gap = last.startedAt - previous.startedAt;
    return gap > 0 && gap < SHORTCUT_MAX_PERIODS * periodMs;
  }

  private async fetchRuns(track: CanaryTrack, signal: AbortSignal | undefined): Promise<void> {
    const { runs } = await getRunsSince(this.deps.synthetics, track.info.name, this.settings.sinceMs, signal);
    track.runs = new Map(runs.map((run) => [run.id, run]));
    track.unverified = false;
  }

  /**
   * Before any pass: GetCanaryRuns for canaries whose runs were only seen through the shortcut, a
   * few at a time so the verdict does not wait on one round trip per canary.
   */
  async verify(signal: AbortSignal | undefined): Promise<boolean> {
    const pending = this.tracks.filter((track) => track.unverified);
    await mapLimited(pending, VERIFY_CONCURRENCY, (track) => this.fetchRuns(track, signal));
    return pending.length > 0;
  }

  /**
   * trigger: auto. Idle canaries are started once; run-once canaries again each time their last
   * triggered run has completed and the canary still needs runs.
   */
  private async trigger(evaluations: CanaryEvaluation[], signal: AbortSignal | undefined): Promise<void> {
    for (const [index, track] of this.tracks.entries()) {
      const evaluation = evaluations[index]!;
      if (evaluation.verdict !== 'pending' || evaluation.inFlight > 0 || !this.needsStart(track, evaluation))
        continue;
      try {
        await startCanary(this.deps.synthetics, track.info.name, signal);
        track.triggered += 1;
        track.completedAtTrigger = completedRuns(evaluation);
        if (!track.info.runOnce) track.info = { ...track.info, state: 'RUNNING' };
        this.deps.log.info(`Started canary ${track.info.name} (StartCanary, trigger: auto)`);
      } catch (error) {
        if ((error as { name?: string }).name !== CONFLICT) throw error;
        this.deps.log.info(`Canary ${track.info.name} is already starting or running: waiting for its run`);
      }
    }
  }

  private needsStart(track: CanaryTrack, evaluation: CanaryEvaluation): boolean {
    if (track.info.runOnce) {
      return track.completedAtTrigger === undefined || completedRuns(evaluation) > track.completedAtTrigger;
    }
    return IDLE_STATES.has(track.info.state) && track.triggered === 0;
  }

  reports(evaluations: CanaryEvaluation[]): CanaryReport[] {
    return evaluations.map((evaluation, index) => {
      const { info, triggered } = this.tracks[index]!;
      return {
        ...evaluation,
        state: info.state,
        ...(info.stateReason ? { stateReason: info.stateReason } : {}),
        schedule: info.schedule,
        triggered,
      };
    });
  }
}

/** Scheduled runs in the window that have finished, whatever their outcome. */
function completedRuns(evaluation: CanaryEvaluation): number {
  const finished = new Set(['passed', 'failed', 'execution-failure']);
  return evaluation.attempts.filter((run) => !run.superseded && finished.has(run.outcome)).length;
}

const PROGRESS_NAMES = 5;

/** For the once-a-minute progress line: counts, then the first few canaries still open. */
function describeSnapshot(snapshot: Snapshot): string {
  const open = snapshot.evaluations.filter((e) => e.verdict !== 'pass');
  const passed = snapshot.evaluations.length - open.length;
  const shown = open.slice(0, PROGRESS_NAMES).map((e) => `${e.name} (${e.reason})`);
  const more = open.length > PROGRESS_NAMES ? `; ${open.length - PROGRESS_NAMES} more` : '';
  return `${passed} passed, ${open.length} open: ${shown.join('; ')}${more}`;
}

function verdictReason(evaluations: CanaryEvaluation[], alarms: AlarmWatch[]): string {
  const parts: string[] = [];
  for (const alarm of alarms.filter((a) => a.breached)) {
    parts.push(`alarm ${alarm.name} in ALARM${alarm.breachReason ? ` (${alarm.breachReason})` : ''}`);
  }
  for (const e of evaluations.filter((e) => e.verdict !== 'pass')) parts.push(`${e.name}: ${e.reason}`);
  if (parts.length > 0) return parts.join('; ');
  const passed = evaluations.map((e) => `${e.name} ${e.passed}/${e.runs}`).join(', ');
  return `${evaluations.length} canar${evaluations.length === 1 ? 'y' : 'ies'} passed (${passed})`;
}

interface Verdict {
  result: GateReport['result'];
  status: GateStatus;
  reason: string;
  warnings: string[];
}

function judge(
  evaluations: CanaryEvaluation[],
  alarms: AlarmWatch[],
  settings: CanaryGateSettings,
  timedOut: boolean,
  awsError: string | undefined,
): Verdict {
  const reason = verdictReason(evaluations, alarms);
  const failed = alarms.some((a) => a.breached) || evaluations.some((e) => e.verdict === 'fail');
  if (failed) return { result: 'fail', status: 'failed', reason, warnings: [] };
  if (timedOut && awsError !== undefined) {
    // The last look failed: whatever the older data says, the gate does not know enough to pass.
    return {
      result: 'fail',
      status: 'error',
      reason: `timed out while AWS calls were failing (${awsError}): ${reason}`,
      warnings: [],
    };
  }
  if (evaluations.every((e) => e.verdict === 'pass'))
    return { result: 'pass', status: 'passed', reason, warnings: [] };
  const timeoutReason = `timed out after ${formatDuration(settings.timeoutMs)}: ${reason}`;
  if (!timedOut || settings.onTimeout === 'fail') {
    return { result: 'fail', status: 'timeout', reason: timeoutReason, warnings: [] };
  }
  const warning =
    `The gate TIMED OUT without the evidence it was asked for, and on-timeout: ${settings.onTimeout} ` +
    `turns that into '${settings.onTimeout}'. The canaries did NOT prove this deployment healthy.`;
  return { result: settings.onTimeout, status: 'timeout', reason: timeoutReason, warnings: [warning] };
}

function executionWarnings(evaluations: CanaryEvaluation[]): string[] {
  return evaluations.flatMap((e) => e.warnings.map((warning) => `${e.name}: ${warning}`));
}

/** Cancelled and AWS-error ends fail whatever the runs say; otherwise the evidence is judged. */
function finalVerdict(
  status: 'done' | 'timeout' | 'aborted' | 'error',
  errorReason: string,
  evaluations: CanaryEvaluation[],
  watch: GateWatch,
  settings: CanaryGateSettings,
): Verdict {
  if (status === 'aborted') {
    return { result: 'fail', status: 'cancelled', reason: 'cancelled before a verdict', warnings: [] };
  }
  if (status === 'error') return { result: 'fail', status: 'error', reason: errorReason, warnings: [] };
  return judge(evaluations, watch.alarmWatches, settings, status === 'timeout', watch.lastPollError);
}

export async function evaluateCanaries(deps: GateDeps, settings: CanaryGateSettings): Promise<GateReport> {
  const startedAt = deps.clock.now();
  const deadline = startedAt + settings.timeoutMs;
  const canaries = await resolveCanaries(
    { synthetics: deps.synthetics, log: deps.log, region: settings.aws.region, signal: deps.signal },
    settings,
  );
  deps.log.info(
    `Watching ${canaries.length} canar${canaries.length === 1 ? 'y' : 'ies'} (${canaries.map((c) => c.name).join(', ')}) ` +
      `for runs since ${new Date(settings.sinceMs).toISOString()}, until ${new Date(deadline).toISOString()}`,
  );
  const watch = new GateWatch(deps, settings, canaries, deadline);
  await watch.startAlarms();

  let snapshot: Snapshot | undefined;
  let status: 'done' | 'timeout' | 'aborted' | 'error' = 'done';
  let errorReason = '';
  let polls = 0;
  try {
    const waited = await waitFor({
      what: `${canaries.length} canaries`,
      poll: (signal) => watch.poll(signal),
      done: (value) => value.decided,
      describe: describeSnapshot,
      intervalMs: settings.pollIntervalMs,
      timeoutMs: Math.max(0, deadline - deps.clock.now()),
      log: deps.log,
      clock: deps.clock,
      sleep: deps.sleep,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.random ? { random: deps.random } : {}),
      onValue: (value) => {
        snapshot = value;
      },
    });
    polls = waited.polls;
    status = waited.status;
  } catch (error) {
    // waitFor wraps only transient faults that outlasted its tolerance; anything else (access
    // denied, a missing canary) is the user's to fix and propagates as a one-line error.
    if (!(error instanceof WaitFailedError)) throw error;
    status = 'error';
    errorReason = error.message;
  }

  if (status === 'timeout') {
    // The deadline verdict counts only completed runs: confirm shortcut-read runs first.
    await watch.verify(deps.signal).catch((error: unknown) => {
      watch.lastPollError =
        error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
    });
  }
  const final = status === 'timeout' ? watch.evaluate(true) : (snapshot ?? watch.evaluate(true));
  if (status !== 'aborted')
    await watch
      .finishAlarms()
      .catch((error) => deps.log.warning(`Alarm history unavailable: ${String(error)}`));
  const evaluations = final.evaluations;
  const verdict = finalVerdict(status, errorReason, evaluations, watch, settings);
  return {
    result: verdict.result,
    status: verdict.status,
    reason: verdict.reason,
    region: settings.aws.region,
    startedAt,
    finishedAt: deps.clock.now(),
    since: settings.sinceMs,
    deadline,
    polls,
    canaries: watch.reports(evaluations),
    alarms: watch.alarmWatches,
    warnings: [...verdict.warnings, ...executionWarnings(evaluations)],
  };
}
