/**
 * A reference verdict for a canary-gate of several canaries, written from the README alone
 * (actions/canary-gate/README.md, "Pass and fail, exactly" and "When the verdict is decided"),
 * without the gate's code: it replays the runs' timeline and applies the rule as stated.
 *
 * Where the README needed reading, the reading chosen (and why):
 *
 * 1. "Even if every run then in flight fails": `min-runs` counts completed runs only; the runs in
 *    flight count as failures for `min-success-percent` and `consecutive-passes`. Counting an
 *    in-flight run towards `min-runs` would let a pass rest on a run whose result is not known.
 * 2. "The latest N counted runs" are the latest by start time (overlapping runs of a 1-minute
 *    canary can finish out of order); for a canary that already passed, runs in flight are left
 *    out of the streak ("a run in flight no longer holds it back").
 * 3. "With fail-fast fails it" (a failure that breaks a threshold of a passing canary) means: when
 *    the thresholds are then provably out of reach, as the next line and "Pass and fail, exactly"
 *    say; a breach that more passes can repair only takes the pass back.
 * 4. "The runs that can still start are bounded by the schedule": at most one start per period
 *    from the moment to the deadline, both ends included (floor((deadline - t) / period) + 1).
 *    The oracle's `result` does not depend on this bound as long as it is an upper bound: a canary
 *    whose thresholds are out of reach never passes again, so failing it earlier or at the
 *    deadline (it has a counted failure) gives the same result; only `decidedAt` moves.
 * 5. Every canary is judged at every completion moment ("every canary at once").
 * 6. At the deadline without a decision, a canary whose runs then pass even if every run still in
 *    flight fails passes, one with a counted failure fails, any other times out; any failure fails
 *    the gate, else any timeout gives `on-timeout`.
 * 7. "A pass at that moment that rests on finished runs only ... waits for those runs": when every
 *    canary is passing at t, each canary that would not pass with its runs in flight at t failing
 *    is judged again on every run that started by t, with its outcome; a run that finishes after
 *    the deadline means no pass at t. If that breaks a threshold, the walk goes on.
 */

export interface OracleRun {
  startedAt: number;
  completedAt: number;
  passed: boolean;
}

export interface OracleCanary {
  periodMs: number;
  /** Every run, also those before `since`; absolute times on the one clock of the test. */
  runs: OracleRun[];
}

export interface OracleThresholds {
  minRuns: number;
  minSuccessPercent: number;
  consecutivePasses?: number;
}

export interface OracleGate {
  since: number;
  /** When the gate started: runs that finished before it are judged as they stood then. */
  gateStart: number;
  deadline: number;
  thresholds: OracleThresholds;
  failFast: boolean;
  onTimeout: 'fail' | 'neutral';
}

export interface OracleVerdict {
  result: 'pass' | 'fail' | 'neutral';
  /** The moment that decided, when one did before the deadline. */
  decidedAt?: number;
}

type Standing = 'passing' | 'failed' | 'open';

/** Every threshold holds for these completed runs (in start order). */
function thresholdsHold(outcomes: readonly boolean[], thresholds: OracleThresholds): boolean {
  const passed = outcomes.filter(Boolean).length;
  let streak = 0;
  while (streak < outcomes.length && outcomes[outcomes.length - 1 - streak]) streak += 1;
  return (
    outcomes.length >= thresholds.minRuns &&
    passed * 100 >= thresholds.minSuccessPercent * outcomes.length &&
    streak >= (thresholds.consecutivePasses ?? 0)
  );
}

/** The canary's runs in the window as they stood at `t`, in start order. */
function asOf(canary: OracleCanary, gate: OracleGate, t: number) {
  const window = canary.runs
    .filter((run) => run.startedAt >= gate.since && run.startedAt <= t)
    .sort((a, b) => a.startedAt - b.startedAt);
  return window.map((run) => ({ finished: run.completedAt <= t, passed: run.passed }));
}

function standingAt(canary: OracleCanary, gate: OracleGate, t: number, passedBefore: boolean): Standing {
  const runs = asOf(canary, gate, t);
  const finished = runs.filter((run) => run.finished).map((run) => run.passed);
  const worstCase = runs.map((run) => run.finished && run.passed);
  const passing = passedBefore
    ? thresholdsHold(finished, gate.thresholds)
    : finished.length >= gate.thresholds.minRuns && thresholdsHold(worstCase, gate.thresholds);
  if (passing) return 'passing';
  if (!gate.failFast || !finished.includes(false)) return 'open';
  const canStillStart = Math.floor((gate.deadline - t) / canary.periodMs) + 1;
  const bestCase = [...runs.map((run) => !run.finished || run.passed), ...Array(canStillStart).fill(true)];
  return thresholdsHold(bestCase, gate.thresholds) ? 'open' : 'failed';
}

/** Passes with every run in flight at `t` counted as a failure. */
function provable(canary: OracleCanary, gate: OracleGate, t: number): boolean {
  const runs = asOf(canary, gate, t);
  const finished = runs.filter((run) => run.finished).length;
  return (
    finished >= gate.thresholds.minRuns &&
    thresholdsHold(
      runs.map((run) => run.finished && run.passed),
      gate.thresholds,
    )
  );
}

/** Rule 7: a pass at `t` once the runs then in flight are known (by the deadline). */
function settles(canaries: readonly OracleCanary[], gate: OracleGate, t: number): boolean {
  return canaries.every((canary) => {
    if (provable(canary, gate, t)) return true;
    const started = canary.runs
      .filter((run) => run.startedAt >= gate.since && run.startedAt <= t)
      .sort((a, b) => a.startedAt - b.startedAt);
    if (started.some((run) => run.completedAt > gate.deadline)) return false;
    return thresholdsHold(
      started.map((run) => run.passed),
      gate.thresholds,
    );
  });
}

/** The completion moments in the window, each run's no earlier than the gate's start. */
function moments(canaries: readonly OracleCanary[], gate: OracleGate): number[] {
  const all = canaries.flatMap((canary) =>
    canary.runs
      .filter((run) => run.startedAt >= gate.since)
      .map((run) => Math.max(run.completedAt, gate.gateStart)),
  );
  return [...new Set(all)].filter((t) => t <= gate.deadline).sort((a, b) => a - b);
}

export function oracleVerdict(canaries: readonly OracleCanary[], gate: OracleGate): OracleVerdict {
  const standings: Standing[] = canaries.map(() => 'open');
  const passedOnce = canaries.map(() => false);
  for (const t of moments(canaries, gate)) {
    canaries.forEach((canary, i) => {
      standings[i] = standingAt(canary, gate, t, passedOnce[i]!);
      if (standings[i] === 'passing') passedOnce[i] = true;
    });
    if (standings.includes('failed')) return { result: 'fail', decidedAt: t };
    if (standings.every((standing) => standing === 'passing') && settles(canaries, gate, t))
      return { result: 'pass', decidedAt: t };
  }
  const atDeadline = canaries.map((canary) => {
    if (provable(canary, gate, gate.deadline)) return 'pass';
    const failed = asOf(canary, gate, gate.deadline).some((run) => run.finished && !run.passed);
    return failed ? 'fail' : 'timeout';
  });
  if (atDeadline.includes('fail')) return { result: 'fail' };
  if (atDeadline.includes('timeout')) return { result: gate.onTimeout };
  return { result: 'pass' };
}
