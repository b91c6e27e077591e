import {
  brokenDecision,
  type CanaryEvaluation,
  type CanaryVerdict,
  type Counts,
  countTallies,
  type Decision,
  decideAtLook,
  type EvaluatedRun,
  type EvaluationContext,
  failFastDecision,
  failFastProvable,
  type Group,
  groupAttempts,
  groupOutcome,
  holdsOnFinished,
  isExecutionFailure,
  passReason,
  pendingDecision,
  percentOf,
  provablyPassing,
  type RunOutcome,
  type Tally,
  tally,
} from './evaluate.js';
import type { CanaryInfo, RunRecord } from './types.js';

/**
 * The gate's verdict does not depend on when it looks (issue 9). The runs are judged as they stood
 * at each moment a run finished (Timeline.Completed, on AWS's clock; runs that finished before the
 * gate started, as they stood at its start), oldest first, every canary at once: what a gate
 * looking continuously would have seen. At each moment a canary is
 *
 * - passing once its runs provably pass (evaluate.ts: even if every run in flight fails), and from
 *   then on while its finished runs still meet every threshold;
 * - failed once a fail-fast failure is provable (bounded by its schedule alone: its state at a past
 *   moment is unknown);
 * - otherwise open.
 *
 * The first moment at which one canary fails, or every canary passes, is the gate's verdict, and
 * every canary is reported as it stood then. Moments after the deadline never decide. Only the
 * canaries' states (broken or deleted) and the alarms are read at the gate's own look, so a later
 * look can add failing evidence, never a pass.
 */
export interface CanaryRuns {
  canary: CanaryInfo;
  runs: readonly RunRecord[];
}

export interface GateEvaluation {
  evaluations: CanaryEvaluation[];
  /** On AWS's clock: the moment the runs decided the gate, when they did. */
  decidedAt?: number;
}

/**
 * When a finished run finished. Timeline.Completed is not a required field (CanaryRunTimeline in
 * the Synthetics API reference): without it a failure counts from its start, the earliest it can
 * have happened, and a pass from the gate's look, the latest.
 */
function finishedAt(run: RunRecord, look: number): number {
  if (run.state === 'RUNNING') return Number.POSITIVE_INFINITY;
  return run.completedAt ?? (run.state === 'FAILED' ? run.startedAt : look);
}

/** A run as it stood before it finished: RUNNING, with nothing of its result. */
function stillRunning(run: RunRecord): RunRecord {
  const { id, startedAt, retryAttempt, scheduledRunId } = run;
  return {
    id,
    startedAt,
    state: 'RUNNING',
    ...(retryAttempt === undefined ? {} : { retryAttempt }),
    ...(scheduledRunId === undefined ? {} : { scheduledRunId }),
  };
}

/** A scheduled run of the window with its attempts, grouped once and judged at many moments. */
interface Timeline {
  attempts: RunRecord[];
  startedAt: number;
  /** When its last attempt finished (Infinity while one runs); from then on it is `settled`. */
  settledAt: number;
  settled: Group;
}

/** The window's scheduled runs, oldest first, each with its outcome once every attempt finished. */
function timelines(runs: readonly RunRecord[], canary: CanaryInfo, since: number, look: number): Timeline[] {
  return groupAttempts(runs)
    .filter((attempts) => attempts[0]!.startedAt >= since)
    .map((attempts) => {
      const startedAt = attempts[0]!.startedAt;
      const outcome = groupOutcome(attempts, canary, false);
      // A retry still due is not settled, whatever its attempts so far.
      const open = outcome === 'running' || outcome === 'retry-pending';
      const settledAt = open
        ? Number.POSITIVE_INFINITY
        : Math.max(startedAt, ...attempts.map((run) => finishedAt(run, look)));
      const key = attempts[0]!.scheduledRunId ?? attempts[0]!.id;
      return { attempts, startedAt, settledAt, settled: { key, startedAt, attempts, outcome } };
    })
    .sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * The counts of the window's leading scheduled runs that have all settled, so each moment only
 * recounts the few after them: every moment is judged, and a window can hold a day of runs.
 */
interface SettledPrefix {
  /** Running maximum of settledAt: the first k runs have all settled at `at` when [k-1] <= at. */
  settledBy: number[];
  passed: number[];
  failed: number[];
  /** Trailing passes (ignored runs skipped) of the first k runs. */
  streak: number[];
}

function settledPrefix(window: readonly Timeline[], context: EvaluationContext): SettledPrefix {
  const prefix: SettledPrefix = { settledBy: [], passed: [0], failed: [0], streak: [0] };
  for (const [index, timeline] of window.entries()) {
    const t = tally(timeline.settled, context);
    prefix.settledBy.push(
      Math.max(prefix.settledBy[index - 1] ?? Number.NEGATIVE_INFINITY, timeline.settledAt),
    );
    prefix.passed.push(prefix.passed[index]! + (t === 'pass' ? 1 : 0));
    prefix.failed.push(prefix.failed[index]! + (t === 'fail' ? 1 : 0));
    prefix.streak.push(
      t === 'pass' ? prefix.streak[index]! + 1 : t === 'ignored' ? prefix.streak[index]! : 0,
    );
  }
  return prefix;
}

/** How many leading scheduled runs had all settled at `at` (binary search on settledBy). */
function settledCount(prefix: SettledPrefix, at: number): number {
  let low = 0;
  let high = prefix.settledBy.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (prefix.settledBy[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The settled prefix's counts joined to the tail's: a streak runs on into the prefix when unbroken. */
function joinCounts(prefix: SettledPrefix, k: number, tail: readonly Tally[]): Counts {
  const counts = countTallies(tail);
  const unbroken = (inFlightEndsStreak: boolean) =>
    tail.every((t) => t === 'pass' || t === 'ignored' || (t === 'inflight' && !inFlightEndsStreak));
  return {
    runs: prefix.passed[k]! + prefix.failed[k]! + counts.runs,
    passed: prefix.passed[k]! + counts.passed,
    failed: prefix.failed[k]! + counts.failed,
    inFlight: counts.inFlight,
    streak: counts.streak + (unbroken(false) ? prefix.streak[k]! : 0),
    worstStreak: counts.worstStreak + (unbroken(true) ? prefix.streak[k]! : 0),
  };
}

/** The groups as they stood at `at` (AWS's clock): later runs not started, later completions RUNNING. */
function groupsAsOf(
  window: readonly Timeline[],
  at: number,
  look: number,
  canary: CanaryInfo,
  final: boolean,
  from = 0,
) {
  const groups: Group[] = [];
  for (let index = from; index < window.length; index += 1) {
    const timeline = window[index]!;
    if (timeline.startedAt > at) break;
    if (timeline.settledAt <= at && !final) {
      groups.push(timeline.settled);
      continue;
    }
    const attempts = timeline.attempts
      .filter((run) => run.startedAt <= at)
      .map((run) => (finishedAt(run, look) <= at ? run : stillRunning(run)));
    groups.push({ ...timeline.settled, attempts, outcome: groupOutcome(attempts, canary, final) });
  }
  return groups;
}

/**
 * The gate's look on AWS's clock. AWS reported every finished run as finished, so its clock has
 * passed their completion times even where the Date-header offset (1 s resolution) lags. Never
 * past the deadline: a run that finished after it is judged as still running, however late the
 * last poll or the final reads land.
 */
function lookTime(all: readonly CanaryRuns[], context: EvaluationContext): number {
  const offset = offsetOf(context);
  // A loop, not Math.max(...runs): a window of many canaries can hold more runs than arguments.
  let look = context.now + offset;
  for (const { runs } of all) {
    for (const run of runs) look = Math.max(look, run.completedAt ?? run.startedAt);
  }
  return Math.min(look, context.deadline + offset);
}

function offsetOf(context: EvaluationContext): number {
  return context.awsOffsetMs ?? 0;
}

/** The context of a past moment `at` (AWS's clock): the runner's time then, never final. */
function contextAt(context: EvaluationContext, at: number): EvaluationContext {
  return { ...context, now: at - offsetOf(context), final: false };
}

/** A canary followed through the moments: its runs grouped once and its standing so far. */
interface Sweep {
  canary: CanaryInfo;
  /** The canary as its schedule alone describes it: at a past moment its state then is unknown. */
  scheduled: CanaryInfo;
  window: Timeline[];
  prefix: SettledPrefix;
  moments: number[];
  passedOnce: boolean;
  standing?: Decision;
}

function asScheduled(canary: CanaryInfo): CanaryInfo {
  const { stoppedDuringGate: _stopped, ...rest } = canary;
  return canary.runOnce ? rest : { ...rest, state: 'RUNNING' };
}

/** Each completion of a run in the window, and the gate's start for runs that finished before it. */
function completionMoments(runs: readonly RunRecord[], context: EvaluationContext, look: number): number[] {
  const offset = offsetOf(context);
  const opened = Math.min(look, (context.startedAt ?? context.since - offset) + offset);
  const moments = runs
    .filter((run) => run.state !== 'RUNNING' && run.startedAt >= context.since)
    .map((run) => Math.max(opened, finishedAt(run, look)))
    .filter((at) => at <= look);
  return [...new Set(moments)].sort((a, b) => a - b);
}

function sweepOf({ canary, runs }: CanaryRuns, context: EvaluationContext, look: number): Sweep {
  const window = timelines(runs, canary, context.since, look);
  return {
    canary,
    scheduled: asScheduled(canary),
    window,
    prefix: settledPrefix(window, { ...context, final: false }),
    moments: completionMoments(runs, context, look),
    passedOnce: false,
  };
}

interface Standing {
  at: number;
  groups: Group[];
  counts: Counts;
}

/**
 * The runs of one canary as they stood at `at`, counted as the thresholds count them: the settled
 * prefix from its sums, the rest run by run. `groups` builds the whole list, for the few callers
 * that need more than the counts.
 */
function countsAt(sweep: Sweep, at: number, look: number, context: EvaluationContext) {
  const k = settledCount(sweep.prefix, at);
  const tail = groupsAsOf(sweep.window, at, look, sweep.canary, false, k);
  const counts = joinCounts(
    sweep.prefix,
    k,
    tail.map((group) => tally(group, context)),
  );
  return { counts, groups: () => groupsAsOf(sweep.window, at, look, sweep.canary, false) };
}

/** A canary's standing at one of its own completion moments (see the module comment). */
function advance(sweep: Sweep, at: number, look: number, context: EvaluationContext): void {
  if (sweep.standing?.verdict === 'fail') return;
  const then = contextAt(context, at);
  const { groups, counts } = countsAt(sweep, at, look, then);
  // Not final at a moment, so the worst case is these counts (runs in flight as possible failures).
  const passing = sweep.passedOnce
    ? holdsOnFinished(counts, then.thresholds)
    : provablyPassing(counts, then.thresholds);
  if (passing) {
    sweep.passedOnce = true;
    sweep.standing = { verdict: 'pass', reason: passReason(counts, then.thresholds) };
    return;
  }
  // An open standing's reason is written where it is shown (at the look or the deciding moment).
  sweep.standing = failFastProvable(sweep.scheduled, counts, then)
    ? failFastDecision(sweep.scheduled, groups(), counts, then)
    : OPEN;
}

const OPEN: Decision = { verdict: 'pending', reason: '' };

/**
 * How a pass decided at `at` stands once the runs then in flight are known. A canary whose pass
 * at `at` does not survive every run in flight failing (it passed earlier and holds on its
 * finished runs) waits for those runs: a pass never rests on a result not known yet. They are
 * judged by their outcomes, whenever they finish; runs that started after `at` are not evidence.
 */
type Settlement = { kind: 'confirmed' | 'rejected' } | { kind: 'awaiting'; waiting: Set<Sweep> };

function settlement(sweeps: Sweep[], at: number, look: number, context: EvaluationContext): Settlement {
  const waiting = new Set<Sweep>();
  const then = contextAt(context, at);
  for (const sweep of sweeps) {
    const standing = countsAt(sweep, at, look, then);
    if (provablyPassing(standing.counts, then.thresholds)) continue;
    const groups = standing.groups();
    const byKey = new Map(
      groupsAsOf(sweep.window, look, look, sweep.canary, context.final).map((group) => [group.key, group]),
    );
    const known = groups.map((group) => byKey.get(group.key) ?? group);
    if (known.some((group) => group.outcome === 'running' || group.outcome === 'retry-pending')) {
      if (context.final) return { kind: 'rejected' };
      waiting.add(sweep);
      continue;
    }
    if (!holdsOnFinished(countTallies(known.map((group) => tally(group, then))), then.thresholds))
      return { kind: 'rejected' };
  }
  return waiting.size > 0 ? { kind: 'awaiting', waiting } : { kind: 'confirmed' };
}

interface Sweeping {
  decidedAt?: number;
  /** Canaries whose pass waits for runs in flight at a moment that may yet decide the gate. */
  waiting?: Set<Sweep>;
}

/** The first moment at which one canary fails, or every canary passes and that pass settles. */
function sweepMoments(sweeps: Sweep[], context: EvaluationContext, look: number): Sweeping {
  const byMoment = new Map<number, Sweep[]>();
  for (const sweep of sweeps) {
    for (const at of sweep.moments) {
      const together = byMoment.get(at);
      if (together) together.push(sweep);
      else byMoment.set(at, [sweep]);
    }
  }
  for (const at of [...byMoment.keys()].sort((a, b) => a - b)) {
    for (const sweep of byMoment.get(at)!) advance(sweep, at, look, context);
    const verdicts = sweeps.map((sweep) => sweep.standing?.verdict);
    if (verdicts.includes('fail')) return { decidedAt: at };
    if (!verdicts.every((verdict) => verdict === 'pass')) continue;
    const settled = settlement(sweeps, at, look, context);
    if (settled.kind === 'confirmed') return { decidedAt: at };
    if (settled.kind === 'awaiting') return { waiting: settled.waiting };
  }
  return {};
}

interface Judged extends Standing {
  decision: Decision;
}

/**
 * Every canary as the verdict judged it: the scheduled runs that started by the deciding moment,
 * with the outcomes known now (the runs a pass waited for included). A broken or deleted canary
 * fails regardless.
 */
function judgedAtMoment(sweep: Sweep, at: number, look: number, context: EvaluationContext): Judged {
  const groups = groupsAsOf(sweep.window, look, look, sweep.canary, false).filter(
    (group) => group.startedAt <= at,
  );
  const counts = countTallies(groups.map((group) => tally(group, context)));
  const kept = sweep.standing;
  const decision =
    brokenDecision(sweep.canary) ??
    (kept?.verdict === 'pass'
      ? { verdict: 'pass', reason: passReason(counts, context.thresholds) }
      : undefined) ??
    (kept?.verdict === 'fail' ? kept : undefined) ??
    pendingDecision(counts, context);
  return { at, groups, counts, decision };
}

/**
 * No moment decided: each canary at the gate's look. A failure its moments decided stands; a pass
 * only where the runs at the look prove it (one kept on finished runs alone may still be waiting
 * for a run in flight), and one waiting on runs in flight says so.
 */
function judgedAtLook(sweep: Sweep, look: number, context: EvaluationContext, waiting: boolean): Judged {
  const groups = groupsAsOf(sweep.window, look, look, sweep.canary, context.final);
  const counts = countTallies(groups.map((group) => tally(group, context)));
  const failed = sweep.standing?.verdict === 'fail' ? sweep.standing : undefined;
  const waitingFor: Decision | undefined = waiting
    ? {
        verdict: 'pending',
        reason: `passing, waiting for ${counts.inFlight} run(s) in flight at the deciding moment to finish`,
      }
    : undefined;
  const decision =
    brokenDecision(sweep.canary) ??
    failed ??
    waitingFor ??
    decideAtLook(sweep.canary, groups, counts, context);
  return { at: look, groups, counts, decision };
}

/** Every run in the window as it is now, newest first, marked by how the verdict used it. */
function evaluatedRuns(sweep: Sweep, judged: Judged, context: EvaluationContext, judgedAt?: number) {
  const counted = new Set(
    judged.groups
      .filter((group) => ['pass', 'fail'].includes(tally(group, context)))
      .map((group) => group.attempts.at(-1)!.id),
  );
  // A scheduled run that started after the verdict's moment is not evidence (its retries with it).
  const after = (startedAt: number) => judgedAt !== undefined && startedAt > judgedAt;
  return sweep.window
    .flatMap(({ attempts, startedAt }) => {
      const outcome = groupOutcome(attempts, sweep.canary, context.final);
      return attempts.map((run, index): EvaluatedRun => {
        const latest = index === attempts.length - 1;
        return {
          ...run,
          outcome: latest ? outcome : attemptOutcome(run),
          counted: counted.has(run.id),
          superseded: !latest,
          ...(after(startedAt) ? { afterVerdict: true as const } : {}),
        };
      });
    })
    .sort((a, b) => b.startedAt - a.startedAt);
}

function attemptOutcome(run: RunRecord): RunOutcome {
  return isExecutionFailure(run) ? 'execution-failure' : 'failed';
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
    `${late.length} run(s) that started after the gate's deciding moment failed (latest started ` +
      `${new Date(latest.startedAt).toISOString()}: ${latest.reason || latest.reasonCode || 'no reason given'}); ` +
      'not judged: the gate had decided before they finished',
  ];
}

function canaryEvaluation(
  sweep: Sweep,
  judged: Judged,
  context: EvaluationContext,
  decidedAt: number | undefined,
): CanaryEvaluation {
  const { counts, decision } = judged;
  const attempts = evaluatedRuns(
    sweep,
    judged,
    context,
    decidedAt ?? (context.final ? judged.at : undefined),
  );
  const executionFailures = judged.groups.filter((group) => group.outcome === 'execution-failure').length;
  const percent = percentOf(counts);
  return {
    name: sweep.canary.name,
    verdict: decision.verdict,
    reason: decision.reason,
    ...(decidedAt === undefined ? {} : { decidedAt }),
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

/** Every canary of the gate judged together, at the first moment that decides or at the look. */
export function evaluateGate(all: readonly CanaryRuns[], context: EvaluationContext): GateEvaluation {
  const look = lookTime(all, context);
  const sweeps = all.map((entry) => sweepOf(entry, context, look));
  const { decidedAt, waiting } = sweepMoments(sweeps, context, look);
  const evaluations = sweeps.map((sweep) => {
    const judged =
      decidedAt === undefined
        ? judgedAtLook(sweep, look, context, waiting?.has(sweep) ?? false)
        : judgedAtMoment(sweep, decidedAt, look, context);
    return canaryEvaluation(sweep, judged, context, decidedAt);
  });
  return { evaluations, ...(decidedAt === undefined ? {} : { decidedAt }) };
}

/** One canary alone: the gate's verdict for a gate of one. */
export function evaluateCanary(
  canary: CanaryInfo,
  runs: readonly RunRecord[],
  context: EvaluationContext,
): CanaryEvaluation {
  return evaluateGate([{ canary, runs }], context).evaluations[0]!;
}
