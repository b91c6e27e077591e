import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { AwsClock } from '../../../core/aws.js';
import type { Clock, Sleep } from '../../../core/clock.js';
import { mapLimited } from '../../../core/collections.js';
import { formatDuration } from '../../../core/duration.js';
import { errorLine } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import {
  alarmsSubject,
  judgeNoData,
  mayHaveMissedRun,
  NEXT_RUN_MAX_PERIODS,
  type RunSighting,
} from '../../../core/signals.js';
import { deadlineSignal, WaitFailedError, waitFor } from '../../../core/wait.js';
import { AlarmWatcher } from './alarms.js';
import type { CanaryEvaluation, EvaluationContext } from './evaluate.js';
import { evaluateGate } from './moments.js';
import { resolveCanaries } from './resolve.js';
import { type CanaryGateSettings, sinceOnAwsClock } from './settings.js';
import {
  describeCanariesByName,
  describeLastRuns,
  getRunsSince,
  startCanary,
  toCanaryInfo,
} from './synthetics.js';
import { type AlarmWatch, type CanaryInfo, DELETED_STATE, type RunRecord } from './types.js';

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
  /**
   * AWS's clock, fed by the clients' responses (core/aws.ts instrumentAwsClient). Runs and alarm
   * history are judged on it. Default: the injected clock, as when it is AWS's own (tests).
   */
  awsClock?: AwsClock;
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
  /** On AWS's clock, as run and alarm times are; the other times are the runner's. */
  since: number;
  deadline: number;
  /** AWS's clock minus the runner's, as the responses told it (undefined: no response had a Date). */
  awsClockOffsetMs?: number;
  polls: number;
  canaries: CanaryReport[];
  alarms: AlarmWatch[];
  /** Loud notes for the summary: on-timeout overrides, execution failures treated as warnings. */
  warnings: string[];
}

const NOT_FOUND = 'ResourceNotFoundException';
const IDLE_STATES = new Set(['STOPPED', 'READY']);
/**
 * The canaries' own states (DescribeCanaries, five per call) are read again so a canary stopped,
 * broken or deleted mid-gate fails it instead of leaving it to time out: at once when a scheduled
 * canary's next run is overdue (a canary that stopped producing runs), when
 * DescribeCanariesLastRun stops answering for one, at the end, and at least this often (cron
 * schedules, long periods). Reading them at every poll would double the polling cost.
 */
const STATE_REFRESH_MS = 5 * 60_000;
/** Reads after the deadline (confirming runs, alarm history, states) get this long at most. */
export const FINAL_READS_GRACE_MS = 15_000;

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

/** GetCanaryRuns calls in flight at once while verifying before a pass (Synthetics throttles bursts). */
const VERIFY_CONCURRENCY = 5;

/** The gate's start and deadline on the runner's clock; `since` on AWS's. */
interface GateWindow {
  startedAt: number;
  deadline: number;
  since: number;
}

interface Snapshot {
  evaluations: CanaryEvaluation[];
  allPassed: boolean;
  decided: boolean;
}

class GateWatch {
  private readonly tracks: CanaryTrack[];
  private readonly alarms: AlarmWatcher;
  private statesReadAt: number;
  private statesStale = false;

  constructor(
    private readonly deps: GateDeps,
    private readonly settings: CanaryGateSettings,
    canaries: CanaryInfo[],
    private readonly window: GateWindow,
    private readonly awsClock: AwsClock,
  ) {
    this.tracks = canaries.map((info) => ({ info, runs: new Map(), triggered: 0, unverified: false }));
    this.alarms = new AlarmWatcher(
      { cloudwatch: deps.cloudwatch, log: deps.log, region: settings.aws.region },
      settings.alarms,
      window.since,
    );
    this.statesReadAt = deps.clock.now();
  }

  get alarmWatches(): AlarmWatch[] {
    return this.alarms.watches;
  }

  get alarmsWithoutData(): AlarmWatch[] {
    return this.alarms.withoutData;
  }

  private readonly awsNow = () => this.awsClock.now();

  startAlarms(signal: AbortSignal | undefined): Promise<void> {
    return this.alarms.start(this.awsNow, signal);
  }

  /** The last look at the alarms (state, then history to the present), for the verdict. */
  async finishAlarms(signal: AbortSignal | undefined): Promise<void> {
    await this.alarms.poll(this.awsNow, signal);
    await this.alarms.finish(this.awsNow(), signal);
  }

  /**
   * DescribeCanaries for every watched canary: a canary AWS no longer knows is DELETED, and one
   * that went from running to STOPPED or READY (not a run-once canary finishing) was stopped
   * during the gate. Both fail it (evaluate.ts); ERROR already does.
   */
  async refreshStates(signal: AbortSignal | undefined): Promise<void> {
    const names = this.tracks.filter((t) => t.info.state !== DELETED_STATE).map((t) => t.info.name);
    const found = await describeCanariesByName(this.deps.synthetics, names, signal);
    const byName = new Map(found.map((canary) => [canary.Name ?? '', canary]));
    for (const track of this.tracks) {
      if (track.info.state === DELETED_STATE) continue;
      const canary = byName.get(track.info.name);
      const before = track.info;
      const after: CanaryInfo = canary
        ? toCanaryInfo(canary)
        : { ...before, state: DELETED_STATE, stateReason: 'DescribeCanaries no longer knows it' };
      const stopped = !after.runOnce && !IDLE_STATES.has(before.state) && IDLE_STATES.has(after.state);
      track.info = { ...after, ...(stopped || before.stoppedDuringGate ? { stoppedDuringGate: true } : {}) };
      if (after.state !== before.state)
        this.deps.log.info(`Canary ${track.info.name} is now ${after.state} (was ${before.state})`);
    }
    this.statesReadAt = this.deps.clock.now();
    this.statesStale = false;
  }

  private statesDue(): boolean {
    if (this.statesStale || this.deps.clock.now() - this.statesReadAt >= STATE_REFRESH_MS) return true;
    const readAt = this.statesReadAt + (this.awsClock.offsetMs ?? 0);
    return this.tracks.some((track) => {
      const overdueAt = nextRunOverdueAt(track, this.window.since);
      return overdueAt !== undefined && overdueAt > readAt && overdueAt <= this.awsNow();
    });
  }

  private context(final: boolean): EvaluationContext {
    const { settings } = this;
    return {
      now: this.deps.clock.now(),
      deadline: this.window.deadline,
      since: this.window.since,
      awsOffsetMs: this.awsClock.offsetMs ?? 0,
      startedAt: this.window.startedAt,
      thresholds: settings.thresholds,
      trigger: settings.trigger,
      final,
    };
  }

  evaluate(final: boolean): Snapshot {
    const context = this.context(final);
    const { evaluations } = evaluateGate(
      this.tracks.map((track) => ({ canary: track.info, runs: [...track.runs.values()] })),
      context,
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
      await Promise.all([this.refreshRuns(signal), this.alarms.poll(this.awsNow, signal)]);
      if (this.statesDue()) await this.refreshStates(signal);
      let snapshot = this.evaluate(false);
      if (snapshot.allPassed) snapshot = await this.confirmPass(signal);
      if (!snapshot.decided && this.settings.trigger === 'auto')
        await this.trigger(snapshot.evaluations, signal);
      this.lastPollError = undefined;
      return snapshot;
    } catch (error) {
      // A call cut short by the deadline keeps the fault seen before it (an HTML 502, throttling).
      const line = errorLine(error);
      this.lastPollError = signal?.aborted ? (this.lastPollError ?? line) : line;
      throw error;
    }
  }

  /**
   * DescribeCanariesLastRun for every canary still known. The API reference does not say what it
   * does with a name that no longer exists: left out (then the canary's last run vanishes) or
   * ResourceNotFoundException. Either way the states are read again before the verdict.
   */
  private async lastRuns(signal: AbortSignal | undefined): Promise<Map<string, RunRecord>> {
    const names = () => this.tracks.filter((t) => t.info.state !== DELETED_STATE).map((t) => t.info.name);
    try {
      return await describeLastRuns(this.deps.synthetics, names(), signal);
    } catch (error) {
      if ((error as { name?: string }).name !== NOT_FOUND) throw error;
      await this.refreshStates(signal);
      return describeLastRuns(this.deps.synthetics, names(), signal);
    }
  }

  /** DescribeCanariesLastRun for all; GetCanaryRuns only where a run appeared that is not known. */
  private async refreshRuns(signal: AbortSignal | undefined): Promise<void> {
    const lastRuns = await this.lastRuns(signal);
    for (const track of this.tracks) {
      const last = lastRuns.get(track.info.name);
      const previous = track.lastSeen;
      if (!last && previous) this.statesStale = true;
      if (!last || last.startedAt < this.window.since) {
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

  /**
   * True when `last` is provably the run right after `previous`: core's one "could a run have
   * been missed" rule (core/signals.ts mayHaveMissedRun) says no run can lie between them.
   */
  private isNextRun(track: CanaryTrack, previous: RunRecord | undefined, last: RunRecord): boolean {
    return !mayHaveMissedRun(previous && sighting(previous), sighting(last), track.info, this.window.since);
  }

  private async fetchRuns(track: CanaryTrack, signal: AbortSignal | undefined): Promise<void> {
    const { runs } = await getRunsSince(this.deps.synthetics, track.info.name, this.window.since, signal);
    track.runs = new Map(runs.map((run) => [run.id, run]));
    track.unverified = false;
  }

  /**
   * Before any pass: the complete run lists (verify) and the canaries' states read again, so a
   * canary that went to ERROR or was deleted since the last state read fails the gate at whatever
   * poll interval, then the verdict once more on what was read.
   */
  private async confirmPass(signal: AbortSignal | undefined): Promise<Snapshot> {
    await this.verify(signal);
    await this.refreshStates(signal);
    return this.evaluate(false);
  }

  /**
   * GetCanaryRuns for canaries whose runs were only seen through the shortcut, a few at a time so
   * the verdict does not wait on one round trip per canary.
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
      if ((await startCanary(this.deps.synthetics, track.info.name, signal)) === 'already-running') {
        this.deps.log.info(`Canary ${track.info.name} is already starting or running: waiting for its run`);
        continue;
      }
      track.triggered += 1;
      track.completedAtTrigger = completedRuns(evaluation);
      if (!track.info.runOnce) track.info = { ...track.info, state: 'RUNNING' };
      this.deps.log.info(`Started canary ${track.info.name} (StartCanary, trigger: auto)`);
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

/**
 * On AWS's clock, when a scheduled canary's next run is overdue: core's "next run" bound
 * (NEXT_RUN_MAX_PERIODS periods) after the last run seen started, or after `since` if none.
 */
function nextRunOverdueAt(track: CanaryTrack, since: number): number | undefined {
  const { periodMs, runOnce, state } = track.info;
  if (runOnce || periodMs === undefined || periodMs <= 0 || state !== 'RUNNING') return undefined;
  return Math.max(track.lastSeen?.startedAt ?? since, since) + NEXT_RUN_MAX_PERIODS * periodMs;
}

function sighting(run: RunRecord): RunSighting {
  return {
    startedAt: run.startedAt,
    finished: run.state !== 'RUNNING',
    retry: run.retryAttempt !== undefined || run.scheduledRunId !== undefined,
  };
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

/** Alarms whose last state was INSUFFICIENT_DATA, treated as `insufficient-data` says (core rule). */
function noDataVerdict(alarms: AlarmWatch[], settings: CanaryGateSettings): Verdict | undefined {
  const lacked = alarmsSubject(
    alarms.map((alarm) => alarm.name),
    'was INSUFFICIENT_DATA at the last look',
    'were INSUFFICIENT_DATA at the last look',
  );
  const judged = judgeNoData(lacked, settings.insufficientData);
  if (!judged) return undefined;
  if ('failure' in judged) return { result: 'fail', status: 'failed', reason: judged.failure, warnings: [] };
  return { result: 'pass', status: 'passed', reason: '', warnings: [judged.warning] };
}

function judge(
  evaluations: CanaryEvaluation[],
  watch: GateWatch,
  settings: CanaryGateSettings,
  timedOut: boolean,
): Verdict {
  const alarms = watch.alarmWatches;
  const reason = verdictReason(evaluations, alarms);
  const failed = alarms.some((a) => a.breached) || evaluations.some((e) => e.verdict === 'fail');
  if (failed) return { result: 'fail', status: 'failed', reason, warnings: [] };
  const awsError = watch.lastPollError;
  if (awsError !== undefined) {
    // The last look failed: whatever the older data says, the gate does not know enough to pass.
    const when = timedOut ? `timed out after ${formatDuration(settings.timeoutMs)}` : 'stopped';
    return {
      result: 'fail',
      status: 'error',
      reason: `${when} while AWS calls were failing (${awsError}): ${reason}`,
      warnings: [],
    };
  }
  // An alarm without data is judged by `insufficient-data` whether the canaries passed or timed
  // out: `on-timeout` speaks for missing canary runs, not for alarms.
  const noData = noDataVerdict(watch.alarmsWithoutData, settings);
  if (noData?.result === 'fail') return { ...noData, reason: `${noData.reason}; ${reason}` };
  if (evaluations.every((e) => e.verdict === 'pass')) {
    return { result: 'pass', status: 'passed', reason, warnings: noData?.warnings ?? [] };
  }
  const timeoutReason = `timed out after ${formatDuration(settings.timeoutMs)}: ${reason}`;
  if (!timedOut || settings.onTimeout === 'fail') {
    return { result: 'fail', status: 'timeout', reason: timeoutReason, warnings: [] };
  }
  const warning =
    `The gate TIMED OUT without the evidence it was asked for, and on-timeout: ${settings.onTimeout} ` +
    `turns that into '${settings.onTimeout}'. The canaries did NOT prove this deployment healthy.`;
  return {
    result: settings.onTimeout,
    status: 'timeout',
    reason: timeoutReason,
    warnings: [warning, ...(noData?.warnings ?? [])],
  };
}

function executionWarnings(evaluations: CanaryEvaluation[]): string[] {
  return evaluations.flatMap((e) => e.warnings.map((warning) => `${e.name}: ${warning}`));
}

type EndStatus = 'done' | 'timeout' | 'aborted' | 'error';

/** Cancelled and AWS-error ends fail whatever the runs say; otherwise the evidence is judged. */
function finalVerdict(
  status: EndStatus,
  errorReason: string,
  evaluations: CanaryEvaluation[],
  watch: GateWatch,
  settings: CanaryGateSettings,
): Verdict {
  if (status === 'aborted') {
    return { result: 'fail', status: 'cancelled', reason: 'cancelled before a verdict', warnings: [] };
  }
  if (status === 'error') return { result: 'fail', status: 'error', reason: errorReason, warnings: [] };
  return judge(evaluations, watch, settings, status === 'timeout');
}

/**
 * Canaries resolved and `since` fixed on AWS's clock: the first responses (DescribeCanaries) have
 * told the offset by then, and AWS's time at the step start is the runner's plus that offset.
 */
async function prepare(
  deps: GateDeps,
  settings: CanaryGateSettings,
  awsClock: AwsClock,
  signal: AbortSignal,
) {
  const startedAt = deps.clock.now();
  const canaries = await resolveCanaries(
    { synthetics: deps.synthetics, log: deps.log, region: settings.aws.region, signal },
    settings,
  );
  const offset = awsClock.offsetMs ?? 0;
  const since = sinceOnAwsClock(settings.since, startedAt, offset);
  const skew =
    Math.abs(offset) >= SKEW_WORTH_SAYING_MS
      ? ` (AWS's clock is ${formatDuration(Math.abs(offset))} ${offset > 0 ? 'ahead of' : 'behind'} the runner's)`
      : '';
  deps.log.info(
    `Watching ${canaries.length} canar${canaries.length === 1 ? 'y' : 'ies'} (${canaries.map((c) => c.name).join(', ')}) ` +
      `for runs since ${new Date(since).toISOString()} on AWS's clock${skew}, until ${new Date(startedAt + settings.timeoutMs).toISOString()}`,
  );
  return { startedAt, canaries, since };
}

/** Below this the runner's and AWS's clocks are called in step (Date headers have 1 s resolution). */
const SKEW_WORTH_SAYING_MS = 2_000;

interface Waited {
  status: EndStatus;
  errorReason: string;
  polls: number;
  snapshot: Snapshot | undefined;
}

async function watchUntilDecided(
  deps: GateDeps,
  settings: CanaryGateSettings,
  watch: GateWatch,
  deadline: number,
): Promise<Waited> {
  let snapshot: Snapshot | undefined;
  try {
    const waited = await waitFor({
      what: 'the canaries',
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
    if (waited.status === 'timeout' && waited.unanswered !== undefined)
      watch.lastPollError ??= waited.unanswered;
    return { status: waited.status, errorReason: '', polls: waited.polls, snapshot };
  } catch (error) {
    // waitFor wraps only transient faults that outlasted its tolerance; anything else (access
    // denied, a missing canary) is the user's to fix and propagates as a one-line error.
    if (!(error instanceof WaitFailedError)) throw error;
    return { status: 'error', errorReason: error.message, polls: 0, snapshot };
  }
}

/**
 * After the wait: at the deadline, confirm shortcut-read runs and read the canaries' states again
 * (a canary deleted or stopped fails rather than times out); then the alarms' last look. These
 * reads have their own short deadline, so a call that does not answer cannot hold the step.
 */
async function finalReads(deps: GateDeps, watch: GateWatch, waited: Waited): Promise<Snapshot> {
  const bound = deadlineSignal(FINAL_READS_GRACE_MS, 'final reads', deps.signal);
  try {
    if (waited.status === 'timeout') {
      await watch.verify(bound.signal).catch((error: unknown) => {
        watch.lastPollError = errorLine(error);
      });
      await watch.refreshStates(bound.signal).catch((error: unknown) => {
        watch.lastPollError ??= errorLine(error);
      });
    }
    const final =
      waited.status === 'timeout' ? watch.evaluate(true) : (waited.snapshot ?? watch.evaluate(true));
    if (waited.status !== 'aborted') {
      await watch.finishAlarms(bound.signal).catch((error: unknown) => {
        deps.log.warning(`Alarm history unavailable: ${errorLine(error)}`);
        watch.lastPollError ??= `alarm history unavailable: ${errorLine(error)}`;
      });
    }
    return final;
  } finally {
    bound.dispose();
  }
}

export async function evaluateCanaries(deps: GateDeps, settings: CanaryGateSettings): Promise<GateReport> {
  const awsClock = deps.awsClock ?? new AwsClock(deps.clock);
  // The gate's deadline also bounds the calls before the polling starts.
  const bound = deadlineSignal(settings.timeoutMs, 'canary-gate', deps.signal);
  let prepared: Awaited<ReturnType<typeof prepare>>;
  let watch: GateWatch;
  try {
    prepared = await prepare(deps, settings, awsClock, bound.signal);
    watch = new GateWatch(
      deps,
      settings,
      prepared.canaries,
      {
        startedAt: prepared.startedAt,
        deadline: prepared.startedAt + settings.timeoutMs,
        since: prepared.since,
      },
      awsClock,
    );
    await watch.startAlarms(bound.signal);
  } finally {
    bound.dispose();
  }
  const deadline = prepared.startedAt + settings.timeoutMs;
  const waited = await watchUntilDecided(deps, settings, watch, deadline);
  const final = await finalReads(deps, watch, waited);
  const verdict = finalVerdict(waited.status, waited.errorReason, final.evaluations, watch, settings);
  const offset = awsClock.offsetMs;
  return {
    result: verdict.result,
    status: verdict.status,
    reason: verdict.reason,
    region: settings.aws.region,
    startedAt: prepared.startedAt,
    finishedAt: deps.clock.now(),
    since: prepared.since,
    deadline,
    ...(offset === undefined ? {} : { awsClockOffsetMs: offset }),
    polls: waited.polls,
    canaries: watch.reports(final.evaluations),
    alarms: watch.alarmWatches,
    warnings: [...verdict.warnings, ...executionWarnings(final.evaluations)],
  };
}
