import type { Thresholds, TriggerMode } from './settings.js';
import type { CanaryInfo, RunRecord } from './types.js';

/**
 * Per-canary verdicts, as pure functions of the runs seen so far. Three rules keep the gate honest:
 *
 * - A canary passes only when its thresholds hold even if every run still in progress fails, so
 *   a pass never rests on data that may still change.
 * - A canary fails early (fail-fast) only when it is provable: it has a counted failure and even
 *   if every run still in progress and every run that can still start before the deadline passes,
 *   the thresholds cannot be met. A canary with no failure is never failed early; at the deadline
 *   it is a timeout, which `on-timeout` governs.
 * - The verdict does not depend on when the gate looks. Runs are judged as they stood at each
 *   moment a run finished (their Timeline.Completed, on AWS's clock; runs that finished before the
 *   gate started, as they stood at its start), oldest first, and the first moment that decides is
 *   the verdict: what a gate looking continuously would have decided. A poll that lands while a
 *   later run is in flight, or after a later run finished, sees the same.
 *   Only the canary's state (broken or deleted) and the alarms are read at the gate's own look, so
 *   a later look can add failing evidence but never a pass.
 */
export type RunOutcome = 'passed' | 'failed' | 'execution-failure' | 'running' | 'retry-pending';
export type CanaryVerdict = 'pass' | 'fail' | 'pending' | 'timeout';

export interface EvaluatedRun extends RunRecord {
  outcome: RunOutcome;
  /** Counted in the thresholds (completed, and not an execution failure treated as a warning). */
  counted: boolean;
  /** An earlier attempt of a scheduled run that a retry replaced. */
  superseded: boolean;
  /** It finished after the runs had decided the verdict: shown, never judged. */
  afterVerdict?: true;
}

export interface CanaryEvaluation {
  name: string;
  verdict: CanaryVerdict;
  reason: string;
  /** On AWS's clock: the moment the runs decided the verdict (a run's completion), when they did. */
  decidedAt?: number;
  /** Completed runs counted in the thresholds (a scheduled run and its retries count once). */
  runs: number;
  passed: number;
  failed: number;
  executionFailures: number;
  inFlight: number;
  successPercent?: number;
  consecutivePasses: number;
  warnings: string[];
  /** Every run that started at or after `since`, newest first. */
  attempts: EvaluatedRun[];
}

export interface EvaluationContext {
  /** The runner's clock, as `deadline`. */
  now: number;
  deadline: number;
  /** AWS's clock, as run times. */
  since: number;
  /** AWS's clock minus the runner's (0 when they agree, as in tests on one clock). */
  awsOffsetMs?: number;
  /**
   * The runner's clock when the gate started (default: `since`). Runs that finished before it are
   * judged together as they stood then: a `since` in the past widens the window, it does not let
   * an old run decide alone before the gate could look.
   */
  startedAt?: number;
  thresholds: Thresholds;
  trigger: TriggerMode;
  /** At the deadline: in-progress runs no longer count and nothing is pending. */
  final: boolean;
}

/** States in which a canary produces no runs and will not recover by itself (DELETED: gone). */
const BROKEN_STATES = new Set(['ERROR', 'DELETING', 'DELETED']);
/** States from which only StartCanary produces runs. */
const IDLE_STATES = new Set(['STOPPED', 'READY']);
const TRANSITIONAL_STATES = new Set(['CREATING', 'UPDATING', 'STARTING', 'STOPPING']);
const PERCENT = 100;

interface Group {
  key: string;
  startedAt: number;
  attempts: RunRecord[];
  outcome: RunOutcome;
}

/** How a finished run failed: the script (counted) or Synthetics itself (artifacts, upload). */
export function isExecutionFailure(run: RunRecord): boolean {
  if (run.state !== 'FAILED') return false;
  // TestResult is the script's own verdict: PASSED on a FAILED run means Synthetics failed.
  if (run.testResult === 'PASSED') return true;
  if (run.testResult === 'FAILED') return false;
  return run.reasonCode === 'EXECUTION_FAILURE';
}

/** Retries of one scheduled run share its ScheduledRunId; a run without one is its own group. */
export function groupAttempts(runs: readonly RunRecord[]): RunRecord[][] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = run.scheduledRunId ?? run.id;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((attempts) =>
    [...attempts].sort((a, b) => (a.retryAttempt ?? 0) - (b.retryAttempt ?? 0) || a.startedAt - b.startedAt),
  );
}

function groupOutcome(attempts: RunRecord[], canary: CanaryInfo, final: boolean): RunOutcome {
  const latest = attempts.at(-1)!;
  if (latest.state === 'RUNNING') return 'running';
  if (latest.state === 'PASSED') return 'passed';
  const retriesLeft = canary.maxRetries !== undefined && (latest.retryAttempt ?? 0) < canary.maxRetries;
  // A failed attempt with retries left is not the scheduled run's outcome yet, unless time is up.
  if (retriesLeft && !final) return 'retry-pending';
  return isExecutionFailure(latest) ? 'execution-failure' : 'failed';
}

function buildGroups(runs: readonly RunRecord[], canary: CanaryInfo, context: EvaluationContext): Group[] {
  return groupAttempts(runs)
    .map((attempts) => ({
      key: attempts[0]!.scheduledRunId ?? attempts[0]!.id,
      startedAt: attempts[0]!.startedAt,
      attempts,
      outcome: groupOutcome(attempts, canary, context.final),
    }))
    .filter((group) => group.startedAt >= context.since)
    .sort((a, b) => a.startedAt - b.startedAt);
}

type Tally = 'pass' | 'fail' | 'inflight' | 'ignored';

function tally(group: Group, context: EvaluationContext): Tally {
  switch (group.outcome) {
    case 'passed':
      return 'pass';
    case 'failed':
      return 'fail';
    case 'execution-failure':
      return context.thresholds.treatExecutionFailuresAs === 'failure' ? 'fail' : 'ignored';
    default:
      return context.final ? 'ignored' : 'inflight';
  }
}

function trailingPasses(tallies: readonly Tally[]): number {
  let streak = 0;
  for (let i = tallies.length - 1; i >= 0; i -= 1) {
    const t = tallies[i];
    if (t === 'ignored') continue;
    if (t !== 'pass') break;
    streak += 1;
  }
  return streak;
}

/** Upper bound of runs that can still start before the deadline (Infinity when unknowable). */
export function maxNewRuns(canary: CanaryInfo, context: EvaluationContext): number {
  if (context.final || BROKEN_STATES.has(canary.state) || canary.stoppedDuringGate) return 0;
  if (canary.runOnce) return context.trigger === 'auto' ? Number.POSITIVE_INFINITY : 0;
  if (IDLE_STATES.has(canary.state) && context.trigger === 'never') return 0;
  if (TRANSITIONAL_STATES.has(canary.state) || canary.periodMs === undefined || canary.periodMs <= 0) {
    return Number.POSITIVE_INFINITY;
  }
  return Math.floor(Math.max(0, context.deadline - context.now) / canary.periodMs) + 1;
}

interface Counts {
  runs: number;
  passed: number;
  failed: number;
  inFlight: number;
  streak: number;
  worstStreak: number;
}

function countTallies(tallies: readonly Tally[]): Counts {
  const completed = tallies.filter((t) => t === 'pass' || t === 'fail');
  return {
    runs: completed.length,
    passed: tallies.filter((t) => t === 'pass').length,
    failed: tallies.filter((t) => t === 'fail').length,
    inFlight: tallies.filter((t) => t === 'inflight').length,
    streak: trailingPasses(tallies.filter((t) => t !== 'inflight')),
    worstStreak: trailingPasses(tallies.map((t) => (t === 'inflight' ? 'fail' : t))),
  };
}

/** Thresholds hold even if every in-flight run fails. */
function provablyPassing(counts: Counts, thresholds: Thresholds): boolean {
  const worstTotal = counts.runs + counts.inFlight;
  return (
    counts.runs >= thresholds.minRuns &&
    counts.passed * PERCENT >= thresholds.minSuccessPercent * worstTotal &&
    (thresholds.consecutivePasses === undefined || counts.worstStreak >= thresholds.consecutivePasses)
  );
}

/** The fewest further passing runs (in-flight ones included) that would meet every threshold. */
export function passesNeeded(counts: Counts, thresholds: Thresholds): number {
  const forRuns = thresholds.minRuns - counts.runs;
  let forPercent = 0;
  if (thresholds.minSuccessPercent >= PERCENT) {
    forPercent = counts.failed > 0 ? Number.POSITIVE_INFINITY : 0;
  } else {
    const deficit = thresholds.minSuccessPercent * counts.runs - PERCENT * counts.passed;
    forPercent = Math.ceil(deficit / (PERCENT - thresholds.minSuccessPercent));
  }
  const forStreak = (thresholds.consecutivePasses ?? 0) - counts.streak;
  return Math.max(0, forRuns, forPercent, forStreak);
}

function percentOf(counts: Counts): number | undefined {
  return counts.runs === 0 ? undefined : Math.round((counts.passed * PERCENT * 10) / counts.runs) / 10;
}

/** What is still missing, e.g. "1/3 runs, 50% < 100% passed". */
function unmet(counts: Counts, thresholds: Thresholds): string {
  const parts: string[] = [];
  if (counts.runs < thresholds.minRuns) parts.push(`${counts.runs}/${thresholds.minRuns} runs completed`);
  const percent = percentOf(counts);
  if (percent !== undefined && percent < thresholds.minSuccessPercent) {
    parts.push(
      `${counts.failed} of ${counts.runs} runs failed (${percent}% passed, needs ${thresholds.minSuccessPercent}%)`,
    );
  }
  if (thresholds.consecutivePasses !== undefined && counts.streak < thresholds.consecutivePasses) {
    parts.push(`${counts.streak}/${thresholds.consecutivePasses} consecutive passes`);
  }
  return parts.join(', ') || 'runs in progress could still fail';
}

function latestFailure(groups: readonly Group[], context: EvaluationContext): string | undefined {
  const failed = [...groups].reverse().find((group) => tally(group, context) === 'fail');
  const run = failed?.attempts.at(-1);
  if (!run) return undefined;
  const when = new Date(run.startedAt).toISOString();
  return `latest failure ${when}: ${run.reason || run.reasonCode || 'no reason given'}`;
}

function passReason(counts: Counts, thresholds: Thresholds): string {
  const streak = thresholds.consecutivePasses === undefined ? '' : `, last ${counts.streak} in a row`;
  return `${counts.passed}/${counts.runs} runs passed (${percentOf(counts)}%)${streak}`;
}

function stateReason(canary: CanaryInfo): string {
  return canary.stateReason ? `: ${canary.stateReason}` : '';
}

interface Decision {
  verdict: CanaryVerdict;
  reason: string;
}

/**
 * The counts a pass is judged on: runs still in progress stay in flight (as if they may fail) even
 * at the deadline, where they are otherwise left out. A run that is RUNNING when time is up has an
 * unknown result, and a pass must not rest on it: with `final` alone it would simply vanish.
 */
function worstCaseCounts(groups: readonly Group[], context: EvaluationContext): Counts {
  const open = { ...context, final: false };
  return countTallies(groups.map((group) => tally(group, open)));
}

/** A canary that is gone or broken fails at the gate's look, whatever its runs decided before. */
function brokenDecision(canary: CanaryInfo): Decision | undefined {
  if (canary.state === 'DELETED') {
    return {
      verdict: 'fail',
      reason: 'canary was deleted during the gate (DescribeCanaries no longer knows it)',
    };
  }
  if (BROKEN_STATES.has(canary.state)) {
    return { verdict: 'fail', reason: `canary is in state ${canary.state}${stateReason(canary)}` };
  }
  return undefined;
}

function passDecision(groups: Group[], counts: Counts, context: EvaluationContext): Decision | undefined {
  if (!provablyPassing(worstCaseCounts(groups, context), context.thresholds)) return undefined;
  return { verdict: 'pass', reason: passReason(counts, context.thresholds) };
}

/** A canary that can get no further run: stopped mid-gate, or idle with `trigger: never`. */
function noRunCanComeDecision(canary: CanaryInfo, counts: Counts, context: EvaluationContext) {
  const { thresholds } = context;
  if (canary.stoppedDuringGate && counts.inFlight === 0) {
    return {
      verdict: 'fail' as const,
      reason: `canary was ${canary.state} during the gate, so no run can come (${unmet(counts, thresholds)})${stateReason(canary)}`,
    };
  }
  if (!context.final && maxNewRuns(canary, context) === 0 && counts.inFlight === 0) {
    return {
      verdict: 'fail' as const,
      reason: `canary is ${canary.state} and trigger is never, so no run can come (${unmet(counts, thresholds)})${stateReason(canary)}`,
    };
  }
  return undefined;
}

function finalDecision(groups: Group[], counts: Counts, context: EvaluationContext): Decision {
  const { thresholds } = context;
  return counts.failed > 0
    ? { verdict: 'fail', reason: `${unmet(counts, thresholds)}; ${latestFailure(groups, context)}` }
    : {
        verdict: 'timeout',
        reason: `timed out: ${unmet(counts, thresholds)}${inFlightAtDeadline(groups)}`,
      };
}

/** fail-fast: a counted failure, and the thresholds out of reach even if every run to come passes. */
function failFastDecision(
  canary: CanaryInfo,
  groups: Group[],
  counts: Counts,
  context: EvaluationContext,
): Decision | undefined {
  const { thresholds } = context;
  if (context.final || !thresholds.failFast || counts.failed === 0) return undefined;
  const reachable = counts.inFlight + maxNewRuns(canary, context);
  const needed = passesNeeded(counts, thresholds);
  if (Number.isFinite(needed) && needed <= reachable) return undefined;
  const reach = Number.isFinite(needed)
    ? ` and needs ${needed} more passing runs, at most ${reachable} can complete before the timeout`
    : '';
  return {
    verdict: 'fail',
    reason: `${unmet(counts, thresholds)}${reach}; ${latestFailure(groups, context)}`,
  };
}

function pendingDecision(counts: Counts, context: EvaluationContext): Decision {
  return {
    verdict: 'pending',
    reason: `waiting: ${unmet(counts, context.thresholds)}, ${counts.inFlight} in progress`,
  };
}

/** At the gate's own look: the canary's state first, then the runs, the deadline, fail-fast. */
function decideAtLook(canary: CanaryInfo, groups: Group[], counts: Counts, context: EvaluationContext) {
  return (
    brokenDecision(canary) ??
    passDecision(groups, counts, context) ??
    noRunCanComeDecision(canary, counts, context) ??
    (context.final ? finalDecision(groups, counts, context) : undefined) ??
    failFastDecision(canary, groups, counts, context) ??
    pendingDecision(counts, context)
  );
}

function inFlightAtDeadline(groups: readonly Group[]): string {
  const running = groups.filter((group) => group.outcome === 'running').length;
  return running === 0 ? '' : ` (${running} still running at the deadline)`;
}

/** When a finished run finished; one AWS reported finished without a time, at the gate's look. */
function finishedAt(run: RunRecord, look: number): number {
  return run.state === 'RUNNING' ? Number.POSITIVE_INFINITY : (run.completedAt ?? look);
}

/**
 * The gate's look on AWS's clock. AWS reported every finished run as finished, so its clock has
 * passed their completion times even where the Date-header offset (1 s resolution) lags.
 */
function lookTime(runs: readonly RunRecord[], context: EvaluationContext): number {
  const reported = runs.map((run) => Math.max(run.startedAt, run.completedAt ?? run.startedAt));
  return Math.max(context.now + (context.awsOffsetMs ?? 0), ...reported);
}

/** The runs as they stood at `at` (AWS's clock): later runs not started, later completions RUNNING. */
export function runsAsOf(runs: readonly RunRecord[], at: number, look = at): RunRecord[] {
  return runs
    .filter((run) => run.startedAt <= at)
    .map((run) => {
      if (finishedAt(run, look) <= at) return run;
      const { id, startedAt, retryAttempt, scheduledRunId } = run;
      return {
        id,
        startedAt,
        state: 'RUNNING' as const,
        ...(retryAttempt === undefined ? {} : { retryAttempt }),
        ...(scheduledRunId === undefined ? {} : { scheduledRunId }),
      };
    });
}

/**
 * The moments a verdict can appear, oldest first: each completion of a run in the window, and the
 * gate's start for the runs that had finished before it (on AWS's clock).
 */
function completionMoments(runs: readonly RunRecord[], context: EvaluationContext, look: number): number[] {
  const offset = context.awsOffsetMs ?? 0;
  const opened = Math.min(look, (context.startedAt ?? context.since - offset) + offset);
  const moments = runs
    .filter((run) => run.state !== 'RUNNING' && run.startedAt >= context.since)
    .map((run) => Math.max(opened, finishedAt(run, look)));
  return [...new Set(moments)].sort((a, b) => a - b);
}

/**
 * The canary as its schedule alone describes it. At a past moment its state then is unknown (a
 * canary stopped later was running), so only the schedule bounds the runs still to come.
 */
function asScheduled(canary: CanaryInfo): CanaryInfo {
  const { stoppedDuringGate: _stopped, ...rest } = canary;
  return canary.runOnce ? rest : { ...rest, state: 'RUNNING' };
}

interface Judgement {
  /** On AWS's clock. */
  at: number;
  groups: Group[];
  counts: Counts;
  decision: Decision;
  /** Decided by the runs at a completion moment, not at the gate's look. */
  byRuns?: boolean;
}

function judgeGroups(groups: Group[], context: EvaluationContext) {
  return countTallies(groups.map((group) => tally(group, context)));
}

/** The first completion at which the runs as they stood decide a pass or a provable failure. */
function firstDecisiveMoment(
  canary: CanaryInfo,
  runs: readonly RunRecord[],
  context: EvaluationContext,
  look: number,
): Judgement | undefined {
  const offset = context.awsOffsetMs ?? 0;
  const scheduled = asScheduled(canary);
  for (const at of completionMoments(runs, context, look)) {
    const then = { ...context, now: at - offset, final: false };
    const groups = buildGroups(runsAsOf(runs, at, look), canary, then);
    const counts = judgeGroups(groups, then);
    const decision = passDecision(groups, counts, then) ?? failFastDecision(scheduled, groups, counts, then);
    if (decision) return { at, groups, counts, decision, byRuns: true };
  }
  return undefined;
}

/** Every run in the window as it is now, newest first, marked by how the verdict used it. */
function evaluatedRuns(
  runs: readonly RunRecord[],
  canary: CanaryInfo,
  judged: Judgement,
  context: EvaluationContext,
  look: number,
): EvaluatedRun[] {
  const counted = new Set(
    judged.groups
      .filter((group) => ['pass', 'fail'].includes(tally(group, context)))
      .map((group) => group.attempts.at(-1)!.id),
  );
  return buildGroups(runs, canary, context)
    .flatMap((group) =>
      group.attempts.map((run, index) => {
        const latest = index === group.attempts.length - 1;
        const outcome: RunOutcome = latest
          ? group.outcome
          : isExecutionFailure(run)
            ? 'execution-failure'
            : 'failed';
        const late = judged.byRuns === true && finishedAt(run, look) > judged.at;
        return {
          ...run,
          outcome,
          counted: counted.has(run.id),
          superseded: !latest,
          ...(late ? { afterVerdict: true as const } : {}),
        };
      }),
    )
    .sort((a, b) => b.startedAt - a.startedAt);
}

function executionFailureWarnings(executionFailures: number, context: EvaluationContext): string[] {
  if (executionFailures === 0 || context.thresholds.treatExecutionFailuresAs !== 'warning') return [];
  return [
    `${executionFailures} run(s) failed for reasons outside the script (execution failures), not counted`,
  ];
}

/** A pass is decided by the runs before it; a run that failed after it is said, not hidden. */
function lateFailureWarnings(verdict: CanaryVerdict, attempts: readonly EvaluatedRun[]): string[] {
  const late = attempts.filter(
    (run) => run.afterVerdict && !run.superseded && ['failed', 'execution-failure'].includes(run.outcome),
  );
  if (verdict !== 'pass' || late.length === 0) return [];
  const latest = late[0]!;
  return [
    `${late.length} run(s) that finished after the runs had decided the pass failed (latest started ` +
      `${new Date(latest.startedAt).toISOString()}: ${latest.reason || latest.reasonCode || 'no reason given'}); ` +
      'not judged, as a gate looking continuously would not have seen them',
  ];
}

/** The verdict: the canary's state at the look, else the first deciding moment, else the look. */
function judgeCanary(
  canary: CanaryInfo,
  runs: readonly RunRecord[],
  context: EvaluationContext,
  look: number,
) {
  const lookGroups = buildGroups(runs, canary, context);
  const lookCounts = judgeGroups(lookGroups, context);
  const broken = brokenDecision(canary);
  const atLook = { at: look, groups: lookGroups, counts: lookCounts };
  if (broken) return { ...atLook, decision: broken };
  return (
    firstDecisiveMoment(canary, runs, context, look) ?? {
      ...atLook,
      decision: decideAtLook(canary, lookGroups, lookCounts, context),
    }
  );
}

export function evaluateCanary(
  canary: CanaryInfo,
  runs: readonly RunRecord[],
  context: EvaluationContext,
): CanaryEvaluation {
  const look = lookTime(runs, context);
  const judged = judgeCanary(canary, runs, context, look);
  const { counts, decision } = judged;
  const attempts = evaluatedRuns(runs, canary, judged, context, look);
  const executionFailures = judged.groups.filter((group) => group.outcome === 'execution-failure').length;
  const percent = percentOf(counts);
  return {
    name: canary.name,
    verdict: decision.verdict,
    reason: decision.reason,
    ...(judged.byRuns ? { decidedAt: judged.at } : {}),
    runs: counts.runs,
    passed: counts.passed,
    failed: counts.failed,
    executionFailures,
    inFlight: counts.inFlight,
    ...(percent === undefined ? {} : { successPercent: percent }),
    consecutivePasses: counts.streak,
    warnings: [
      ...executionFailureWarnings(executionFailures, context),
      ...lateFailureWarnings(decision.verdict, attempts),
    ],
    attempts,
  };
}
