/**
 * How an experiment ended, typed. FIS itself only says `stopped` for both a stop condition and a
 * manual stop; the reason text and who called StopExperiment tell them apart.
 */
export const TERMINAL_OUTCOMES = [
  'completed',
  'stopped-by-stop-condition',
  'stopped-manually',
  'stopped-by-gate',
  'nothing-injected',
  'cancelled',
  'failed',
] as const;

/** Outcomes that are never a pass, so never allowed: the gate's own stop, and no fault at all. */
export const NEVER_ALLOWED_OUTCOMES: readonly ExperimentOutcome[] = ['stopped-by-gate', 'nothing-injected'];

/** FIS's wait action injects nothing: it only paces the other actions. */
export const WAIT_ACTION_ID = 'aws:fis:wait';

export interface ActionFacts {
  name: string;
  actionId?: string;
  status: string;
}

/** The actions that inject a fault: every action but `aws:fis:wait`. */
export function faultActions(actions: readonly ActionFacts[]): ActionFacts[] {
  return actions.filter((action) => action.actionId !== WAIT_ACTION_ID);
}

/**
 * No fault was injected: every fault action was skipped (FIS `emptyTargetResolutionMode: skip`
 * with targets that resolved to nothing), or the template has none. Only for an experiment that
 * ended on its own as `completed` or `cancelled`: a stopped or failed one is judged as such.
 */
export function injectedNothing(status: string | undefined, actions: readonly ActionFacts[]): boolean {
  if (status !== 'completed' && status !== 'cancelled') return false;
  return faultActions(actions).every((action) => action.status === 'skipped');
}

export type ExperimentOutcome = (typeof TERMINAL_OUTCOMES)[number];

/** Gate-level results that are not an experiment outcome: nothing was started, or not awaited. */
export type GateOnlyOutcome = 'not-started' | 'started';
export type Outcome = ExperimentOutcome | GateOnlyOutcome;

/** FIS experiment statuses that end an experiment (API reference, ExperimentState). */
export const FIS_TERMINAL_STATUSES = ['completed', 'stopped', 'failed', 'cancelled'] as const;

export function isTerminalStatus(status: string | undefined): boolean {
  return (FIS_TERMINAL_STATUSES as readonly string[]).includes(status ?? '');
}

/**
 * May still be injecting: anything FIS has not said is over (terminal) or ending (`stopping`). A
 * status this code does not know, or none at all, counts: stopping an experiment that had ended is
 * harmless, leaving one running is not.
 */
export function mayStillInject(status: string | undefined): boolean {
  return !isTerminalStatus(status) && status !== 'stopping';
}

/** Why the gate itself stopped the experiment. */
export type GateStopCause =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'cancel'; signal: string }
  | { kind: 'breach'; detail: string }
  | { kind: 'watch-failed'; detail: string };

export const STOP_CONDITION_REASON = /stop condition/i;
/** FIS's reason for a StopExperiment call ("Experiment stopped by user."). */
export const MANUAL_STOP_REASON = /\bby user\b|\bmanual/i;

/**
 * Set on an experiment right before this action calls StopExperiment on it. A re-run of the step
 * with the same client token gets that experiment back from FIS, whose reason then only says
 * "stopped by user": the tag tells it was this action's own stop, never someone else's.
 */
export const STOPPED_BY_GATE_TAG = 'resilience-gates:stopped-by-gate';

export interface ClassifyInput {
  status: string | undefined;
  reason?: string;
  /** Set when the gate called StopExperiment. */
  gateStop?: GateStopCause;
  /** Names/ARNs of stop-condition alarms in ALARM when the experiment ended. */
  firedStopConditions?: readonly string[];
  /** The experiment's actions, to tell `nothing-injected` from `completed`. */
  actions?: readonly ActionFacts[];
  /** The experiment's tags (STOPPED_BY_GATE_TAG). */
  tags?: Record<string, string>;
}

export function classifyOutcome(input: ClassifyInput): ExperimentOutcome {
  // Whatever FIS says afterwards, an experiment the gate had to stop is the gate's doing.
  if (input.gateStop) return 'stopped-by-gate';
  if (input.actions && injectedNothing(input.status, input.actions)) return 'nothing-injected';
  switch (input.status) {
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
    case 'stopped':
    case 'stopping':
      // This action stopped it, in an earlier run of the step with the same client token.
      if (input.tags?.[STOPPED_BY_GATE_TAG]) return 'stopped-by-gate';
      // FIS's own reason first: a stop-condition alarm that happens to be in ALARM when someone
      // stopped the experiment by hand did not stop it. The alarms decide only without a reason.
      if (STOP_CONDITION_REASON.test(input.reason ?? '')) return 'stopped-by-stop-condition';
      if (MANUAL_STOP_REASON.test(input.reason ?? '')) return 'stopped-manually';
      return (input.firedStopConditions?.length ?? 0) > 0 ? 'stopped-by-stop-condition' : 'stopped-manually';
    default:
      // Not terminal and not stopped by the gate: only reachable on a bug; never a pass.
      return 'failed';
  }
}

export function describeGateStop(cause: GateStopCause): string {
  switch (cause.kind) {
    case 'timeout':
      return `the timeout of ${Math.round(cause.timeoutMs / 1000)}s ran out`;
    case 'cancel':
      return `the job was cancelled (${cause.signal})`;
    case 'breach':
      return `steady state breached: ${cause.detail}`;
    case 'watch-failed':
      return `the experiment could not be watched: ${cause.detail}`;
  }
}

/** One sentence per outcome, for the README, the summary and the verdict. */
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  completed: 'every action ran to its end and no stop condition fired',
  'stopped-by-stop-condition': 'a stop-condition alarm of the template fired and FIS stopped the experiment',
  'stopped-manually': 'someone (or something) outside this step called StopExperiment',
  'stopped-by-gate': 'this step stopped the experiment: timeout, job cancellation or a steady-state breach',
  'nothing-injected':
    'FIS ended the experiment but every fault action was skipped (targets resolved to nothing): no fault, no evidence',
  cancelled: 'FIS cancelled the experiment before it ran, usually because no targets resolved',
  failed: 'an action or the experiment failed (see state.error and the action reasons)',
  'not-started': 'the preflight refused to start the experiment',
  started: 'the experiment was started and not awaited (wait: false): not a gate',
};
