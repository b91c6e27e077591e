import type { Thresholds, TriggerMode } from './settings.js';
import type { CanaryInfo, RunRecord } from './types.js';

/**
 * Per-canary verdicts from the runs as they stood at one moment (moments.ts chooses the moments).
 * Two rules keep the gate honest:
 *
 * - A canary passes only when its thresholds hold even if every run still in progress fails, so
 *   a pass never rests on data that may still change.
 * - A canary fails early (fail-fast) only when it is provable: it has a counted failure and even
 *   if every run still in progress and every run that can still start before the deadline passes,
 *   the thresholds cannot be met. A canary with no failure is never failed early; at the deadline
 *   it is a timeout, which `on-timeout` governs.
 */
export type RunOutcome = 'passed' | 'failed' | 'execution-failure' | 'running' | 'retry-pending';
export type CanaryVerdict = 'pass' | 'fail' | 'pending' | 'timeout';

export interface EvaluatedRun extends RunRecord {
  outcome: RunOutcome;
  /** Counted in the thresholds (completed, and not an execution failure treated as a warning). */
  counted: boolean;
  /** An earlier attempt of a scheduled run that a retry replaced. */
  superseded: boolean;
  /** Its scheduled run started after the verdict's moment: shown, never judged. */
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

export interface Group {
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

export function groupOutcome(attempts: RunRecord[], canary: CanaryInfo, final: boolean): RunOutcome {
  const latest = attempts.at(-1)!;
  if (latest.state === 'RUNNING') return 'running';
  if (latest.state === 'PASSED') return 'passed';
  const retriesLeft = canary.maxRetries !== undefined && (latest.retryAttempt ?? 0) < canary.maxRetries;
  // A failed attempt with retries left is not the scheduled run's outcome yet, unless time is up.
  if (retriesLeft && !final) return 'retry-pending';
  return isExecutionFailure(latest) ? 'execution-failure' : 'failed';
}

export type Tally = 'pass' | 'fail' | 'inflight' | 'ignored';

export function tally(group: Group, context: EvaluationContext): Tally {
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

/** Passes at the end, ignored runs skipped; a run in flight is skipped too, or ends the streak. */
function trailingPasses(tallies: readonly Tally[], inFlightEndsStreak: boolean): number {
  let streak = 0;
  for (let i = tallies.length - 1; i >= 0; i -= 1) {
    const t = tallies[i];
    if (t === 'ignored' || (t === 'inflight' && !inFlightEndsStreak)) continue;
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

export interface Counts {
  runs: number;
  passed: number;
  failed: number;
  inFlight: number;
  streak: number;
  worstStreak: number;
}

/** One pass over the tallies: judged at every completion moment, so it stays linear and lean. */
export function countTallies(tallies: readonly Tally[]): Counts {
  let passed = 0;
  let failed = 0;
  let inFlight = 0;
  for (const t of tallies) {
    if (t === 'pass') passed += 1;
    else if (t === 'fail') failed += 1;
    else if (t === 'inflight') inFlight += 1;
  }
  return {
    runs: passed + failed,
    passed,
    failed,
    inFlight,
    streak: trailingPasses(tallies, false),
    worstStreak: trailingPasses(tallies, true),
  };
}

/** Thresholds hold even if every in-flight run fails. */
export function provablyPassing(counts: Counts, thresholds: Thresholds): boolean {
  const worstTotal = counts.runs + counts.inFlight;
  return (
    counts.runs >= thresholds.minRuns &&
    counts.passed * PERCENT >= thresholds.minSuccessPercent * worstTotal &&
    (thresholds.consecutivePasses === undefined || counts.worstStreak >= thresholds.consecutivePasses)
  );
}

/**
 * A canary that passed keeps its pass while its finished runs still meet every threshold; runs in
 * flight then no longer hold it back (other canaries' gates would otherwise never see a moment
 * with none in flight), and a failure that breaks a threshold takes the pass back.
 */
export function holdsOnFinished(counts: Counts, thresholds: Thresholds): boolean {
  return (
    counts.runs >= thresholds.minRuns &&
    counts.passed * PERCENT >= thresholds.minSuccessPercent * counts.runs &&
    (thresholds.consecutivePasses === undefined || counts.streak >= thresholds.consecutivePasses)
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

export function percentOf(counts: Counts): number | undefined {
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

export function passReason(counts: Counts, thresholds: Thresholds): string {
  const streak = thresholds.consecutivePasses === undefined ? '' : `, last ${counts.streak} in a row`;
  return `${counts.passed}/${counts.runs} runs passed (${percentOf(counts)}%)${streak}`;
}

function stateReason(canary: CanaryInfo): string {
  return canary.stateReason ? `: ${canary.stateReason}` : '';
}

export interface Decision {
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
export function brokenDecision(canary: CanaryInfo): Decision | undefined {
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
  const worstCase = context.final ? worstCaseCounts(groups, context) : counts;
  if (!provablyPassing(worstCase, context.thresholds)) return undefined;
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

/** fail-fast's proof, on the counts alone: a counted failure, and the thresholds out of reach. */
export function failFastProvable(canary: CanaryInfo, counts: Counts, context: EvaluationContext): boolean {
  const { thresholds } = context;
  if (context.final || !thresholds.failFast || counts.failed === 0) return false;
  const needed = passesNeeded(counts, thresholds);
  return !Number.isFinite(needed) || needed > counts.inFlight + maxNewRuns(canary, context);
}

/** fail-fast: a counted failure, and the thresholds out of reach even if every run to come passes. */
export function failFastDecision(
  canary: CanaryInfo,
  groups: Group[],
  counts: Counts,
  context: EvaluationContext,
): Decision | undefined {
  const { thresholds } = context;
  if (!failFastProvable(canary, counts, context)) return undefined;
  const reachable = counts.inFlight + maxNewRuns(canary, context);
  const needed = passesNeeded(counts, thresholds);
  const reach = Number.isFinite(needed)
    ? ` and needs ${needed} more passing runs, at most ${reachable} can complete before the timeout`
    : '';
  return {
    verdict: 'fail',
    reason: `${unmet(counts, thresholds)}${reach}; ${latestFailure(groups, context)}`,
  };
}

export function pendingDecision(counts: Counts, context: EvaluationContext): Decision {
  return {
    verdict: 'pending',
    reason: `waiting: ${unmet(counts, context.thresholds)}, ${counts.inFlight} in progress`,
  };
}

/** At the gate's own look: the canary's state first, then the runs, the deadline, fail-fast. */
export function decideAtLook(
  canary: CanaryInfo,
  groups: Group[],
  counts: Counts,
  context: EvaluationContext,
) {
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
