import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Experiment, ExperimentTemplate, FisClient } from '@aws-sdk/client-fis';
import type { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { cancelReason } from '../../../core/cancel.js';
import type { Clock, Sleep } from '../../../core/clock.js';
import { type AlarmTransition, alarmHistory } from '../../../core/cloudwatch.js';
import { formatDuration } from '../../../core/duration.js';
import { describeAwsError, errorLine, firstLine } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { alarmsSubject, firstBreach, judgeNoData, lackedDataDuring } from '../../../core/signals.js';
import { WaitFailedError, waitFor } from '../../../core/wait.js';
import {
  type CanaryEvidence,
  canariesToTrigger,
  settleCanaryEvidence,
  triggerCanaries,
} from './canary-evidence.js';
import { instrumentClients } from './clients.js';
import {
  consoleUrl,
  getExperiment,
  listResolvedTargets,
  startExperiment,
  stopExperiment,
  tagExperiment,
} from './fis.js';
import { type IfRunningFacts, settleIfRunning } from './if-running.js';
import {
  classifyOutcome,
  describeGateStop,
  type ExperimentOutcome,
  faultActions,
  type GateStopCause,
  isTerminalStatus,
  type Outcome,
  STOP_CONDITION_REASON,
  STOPPED_BY_GATE_TAG,
} from './outcome.js';
import { type PreflightCheck, runPreflight } from './preflight.js';
import type { RunExperimentSettings } from './settings.js';
import { verifySignalNames } from './signals.js';
import {
  type AlarmStatus,
  allAlarmsOk,
  type Breaches,
  type CanaryStatus,
  describeAlarmStates,
} from './steady-state.js';
import { alarmNameFromArn, resolveTemplate, stopConditionAlarmArns } from './template.js';
import {
  actionStatuses,
  type TimelineEntry,
  type WatchDeps,
  type WatchResult,
  watchExperiment,
} from './watch.js';

/**
 * The whole gate as one function of its dependencies: resolve the template, preflight, start,
 * watch, stop when the gate must, check recovery, and return a typed report. No @actions/core:
 * the runner, the CLI, tests and benchmarks drive it alike (a ManualClock replays 30 minutes in
 * milliseconds when `sleep` advances it).
 */
export interface ExperimentDeps {
  fis: FisClient;
  cloudwatch: CloudWatchClient;
  synthetics: SyntheticsClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Aborts on job cancellation: the experiment is then stopped at once. */
  signal?: AbortSignal;
  /** Called just before StartExperiment with its client token (saved for the post step). */
  onStarting?: (clientToken: string) => void;
  /** Called right after StartExperiment returns an id (the runner saves it for the post step). */
  onStarted?: (experimentId: string) => void;
  /** Called once the experiment is known to have ended: the post step has nothing left to do. */
  onFinished?: (experimentId: string) => void;
  random?: () => number;
}

export interface ActionResult {
  name: string;
  actionId?: string;
  description?: string;
  status: string;
  reason?: string;
  startTime?: string;
  endTime?: string;
}

export interface StopConditionResult {
  alarm: string;
  state: string;
  fired: boolean;
}

export interface ExperimentReport {
  passed: boolean;
  outcome: Outcome;
  /** The one-line verdict. */
  summaryLine: string;
  /** Every reason the gate failed, in order. */
  failures: string[];
  allowedOutcomes: ExperimentOutcome[];
  region: string;
  template: { id: string; description?: string; tags: Record<string, string>; stopConditionAlarms: string[] };
  experiment?: {
    id: string;
    status: string;
    reason?: string;
    error?: { code?: string; location?: string; accountId?: string };
    startTime?: string;
    endTime?: string;
    durationSeconds?: number;
    consoleUrl: string;
    tags: Record<string, string>;
  };
  actions: ActionResult[];
  timeline: TimelineEntry[];
  resolvedTargets: { targetName?: string; resourceType?: string; identifier?: string }[];
  stopConditions: StopConditionResult[];
  preflight: PreflightCheck[];
  steadyState: { alarms: AlarmStatus[]; canaries: CanaryStatus[]; breach?: string };
  recovery?: { timeoutMs: number; recovered: boolean; waitedMs: number; alarms: AlarmStatus[] };
  gateStop?: { cause: GateStopCause; description: string; stopRequested: boolean; stopError?: string };
  /** Problems that did not decide the verdict but deserve a look (a failed report call, ...). */
  warnings: string[];
  /** if-running: the other experiments of the template this step waited for, and how long. */
  ifRunning?: IfRunningFacts;
}

/** After a cancel signal GitHub kills the process ~10 s later: confirm the stop within that. */
export const CANCEL_STOP_CONFIRM_MS = 5_000;
export const STOP_CONFIRM_MS = 2 * 60_000;
export const STOP_CONFIRM_INTERVAL_MS = 1_000;

export async function executeExperiment(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
): Promise<ExperimentReport> {
  const awsClock = instrumentClients(deps, deps.clock);
  const template = await resolveTemplate(deps.fis, settings.template, deps.log, deps.signal);
  const report = emptyReport(settings, template);
  deps.log.info(
    `Experiment template ${template.id}${template.description ? ` (${template.description})` : ''}: ` +
      `${Object.keys(template.actions ?? {}).length} actions, stop conditions: ${report.template.stopConditionAlarms.join(', ') || 'none'}`,
  );
  // Before the preflight and without it: an unknown signal name would watch nothing.
  const known = await verifySignalNames(
    deps,
    settings.aws.region,
    { alarms: settings.steadyStateAlarms, canaries: settings.steadyStateCanaries },
    deps.signal,
  );
  // Before the preflight: another experiment's fault would fail its alarm checks, and
  // validate-targets starts an experiment too.
  const running = await otherExperimentRefusal(deps, settings, template, report);
  if (running) return finish(report, 'not-started', [running]);
  const refusals = await refusalsBeforeStart(deps, settings, template, report);
  if (refusals.length > 0) return finish(report, 'not-started', refusals);
  const started = await start(deps, settings, template, report);
  if (!settings.wait) {
    report.actions = actionResults(started);
    return finish(report, 'started', []);
  }
  // Idle and run-once canaries produce no run under the fault unless started now.
  report.warnings.push(...(await triggerCanaries(deps, canariesToTrigger(known.canaries), deps.signal)));
  return await watchAndConclude({ ...deps, awsNow: () => awsClock.now() }, settings, report, started);
}

/** if-running: waits for (wait) or refuses (fail) another experiment of the template in progress. */
async function otherExperimentRefusal(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  template: ExperimentTemplate,
  report: ExperimentReport,
): Promise<string | undefined> {
  const ifRunning = await settleIfRunning(deps, {
    templateId: template.id!,
    clientToken: settings.clientToken,
    mode: settings.ifRunning,
    timeoutMs: settings.timeoutMs,
    pollIntervalMs: settings.pollIntervalMs,
  });
  if (!ifRunning.ok) return ifRunning.reason;
  report.ifRunning = { mode: ifRunning.mode, waitedMs: ifRunning.waitedMs, waitedFor: ifRunning.waitedFor };
  return undefined;
}

/** Why the experiment must not start: the preflight's refusals, or a job already cancelled. */
async function refusalsBeforeStart(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  template: ExperimentTemplate,
  report: ExperimentReport,
): Promise<string[]> {
  if (settings.preflight) {
    const preflight = await runPreflight(deps, template, {
      clientToken: settings.clientToken,
      steadyStateAlarms: settings.steadyStateAlarms,
      steadyStateCanaries: settings.steadyStateCanaries,
      validateTargets: settings.validateTargets,
      tags: settings.tags,
      pollIntervalMs: settings.pollIntervalMs,
      timeoutMs: settings.timeoutMs,
    });
    report.preflight = preflight.checks;
    const refused = preflight.checks.filter((check) => !check.ok);
    if (!preflight.ok) return refused.map((check) => `preflight refused (${check.name}): ${check.detail}`);
  }
  if (deps.signal?.aborted) {
    return [`the job was cancelled (${cancelReason(deps.signal)}) before the experiment started`];
  }
  return [];
}

/** StartExperiment, with the client token saved before and the id saved after (the post step). */
async function start(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  template: ExperimentTemplate,
  report: ExperimentReport,
): Promise<Experiment> {
  deps.onStarting?.(settings.clientToken);
  const started = await startExperiment(deps.fis, {
    templateId: template.id!,
    clientToken: settings.clientToken,
    tags: settings.tags,
    actionsMode: 'run-all',
  });
  const id = started.id!;
  deps.onStarted?.(id);
  report.experiment = experimentFacts(started, settings.aws.region);
  deps.log.info(`Started experiment ${id} from template ${template.id}: ${report.experiment.consoleUrl}`);
  return started;
}

async function watchAndConclude(
  deps: ExperimentDeps & Pick<WatchDeps, 'awsNow'>,
  settings: RunExperimentSettings,
  report: ExperimentReport,
  started: Experiment,
): Promise<ExperimentReport> {
  const id = started.id!;
  const deadline = deps.clock.now() + settings.timeoutMs;
  let ended: WatchEnd;
  try {
    const watched = await watchExperiment(deps, {
      experimentId: id,
      intervalMs: settings.pollIntervalMs,
      timeoutMs: settings.timeoutMs,
      steadyStateAlarms: settings.steadyStateAlarms,
      steadyStateCanaries: settings.steadyStateCanaries,
      since: started.startTime ?? started.creationTime,
    });
    ended = recordWatch(deps, settings, report, watched, started);
  } catch (error) {
    // Polling gave up (persistent faults): the gate cannot see what the fault is doing, so it
    // must not leave it running. Stop, then report the cause.
    if (!(error instanceof WaitFailedError)) {
      await stopExperiment(deps.fis, id, deps.log);
      throw error;
    }
    ended = {
      last: started,
      gateStop: { kind: 'watch-failed', detail: firstLine(error.message) },
      breaches: {},
    };
  }
  let { last } = ended;
  if (ended.gateStop) last = await stopByGate(deps, report, id, ended.gateStop, last);
  else deps.onFinished?.(id);
  return await conclude(deps, settings, report, last, ended.gateStop, ended.breaches, deadline);
}

/** How the watch ended: the last experiment seen, the gate's reason to stop it, the breaches seen. */
interface WatchEnd {
  last: Experiment;
  gateStop?: GateStopCause;
  breaches: Breaches;
}

/** Puts what the watch saw into the report, and says whether the gate must stop the experiment. */
function recordWatch(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  report: ExperimentReport,
  watched: WatchResult,
  started: Experiment,
): WatchEnd {
  report.timeline = watched.timeline;
  if (watched.lastSteadyState) report.steadyState = { ...report.steadyState, ...watched.lastSteadyState };
  if (watched.breachSeen) report.steadyState.breach = watched.breachSeen;
  const breaches = watched.breachesSeen;
  const { result } = watched;
  if (result.status === 'done') {
    const last = result.value.experiment;
    const active = result.value.breach;
    if (active && !isTerminalStatus(last.state?.status)) {
      return { last, gateStop: { kind: 'breach', detail: active }, breaches };
    }
    return { last, breaches };
  }
  const last = result.last?.experiment ?? started;
  if (result.status === 'timeout') {
    return { last, gateStop: { kind: 'timeout', timeoutMs: settings.timeoutMs }, breaches };
  }
  return { last, gateStop: { kind: 'cancel', signal: cancelReason(deps.signal) ?? 'abort' }, breaches };
}

/** Stops the experiment for the gate's own reason, logs it, and waits briefly for `stopped`. */
async function stopByGate(
  deps: ExperimentDeps,
  report: ExperimentReport,
  id: string,
  cause: GateStopCause,
  last: Experiment,
): Promise<Experiment> {
  const description = describeGateStop(cause);
  deps.log.info(`Stopping experiment ${id}: ${description}`);
  // Tagged first: a re-run with the same client token must see this stop as the gate's own.
  const arn = experimentArn(last, report.region);
  const tagError = arn
    ? await tagExperiment(deps.fis, arn, { [STOPPED_BY_GATE_TAG]: cause.kind })
    : 'its ARN is unknown (no roleArn to take the account from)';
  if (tagError) report.warnings.push(`could not tag the experiment as stopped by this step (${tagError})`);
  const stop = await stopExperiment(deps.fis, id, deps.log);
  if (!stop.requested) {
    // FIS may refuse to stop an experiment that ended meanwhile (the API reference does not say):
    // then nothing is left running, and the report must not say otherwise.
    const ended = await endedMeanwhile(deps, id);
    report.gateStop = {
      cause,
      description,
      stopRequested: false,
      ...(ended ? {} : { stopError: stop.error }),
    };
    if (ended) return ended;
    report.warnings.push(`StopExperiment failed (${stop.error}); the post step will try again`);
    return last;
  }
  report.gateStop = { cause, description, stopRequested: true };
  return await confirmStopped(deps, report, id, cause, last);
}

/** The experiment, when GetExperiment says it has ended (bounded; undefined when unknown). */
async function endedMeanwhile(deps: ExperimentDeps, id: string): Promise<Experiment | undefined> {
  try {
    const experiment = await getExperiment(deps.fis, id, AbortSignal.timeout(STOP_CONFIRM_INTERVAL_MS * 10));
    if (!isTerminalStatus(experiment.state?.status)) return undefined;
    deps.log.info(`Experiment ${id} had already ended (${experiment.state?.status}): nothing left to stop`);
    deps.onFinished?.(id);
    return experiment;
  } catch {
    return undefined;
  }
}

/** Waits (bounded, shorter after a cancel) for the experiment to reach a terminal status. */
async function confirmStopped(
  deps: ExperimentDeps,
  report: ExperimentReport,
  id: string,
  cause: GateStopCause,
  last: Experiment,
): Promise<Experiment> {
  try {
    const confirmed = await waitFor({
      what: `experiment ${id} to stop`,
      poll: () => getExperiment(deps.fis, id),
      done: (experiment) => isTerminalStatus(experiment.state?.status),
      describe: (experiment) => experiment.state?.status ?? 'unknown',
      intervalMs: STOP_CONFIRM_INTERVAL_MS,
      timeoutMs: cause.kind === 'cancel' ? CANCEL_STOP_CONFIRM_MS : STOP_CONFIRM_MS,
      log: deps.log,
      clock: deps.clock,
      sleep: deps.sleep,
      ...(deps.random ? { random: deps.random } : {}),
    });
    const experiment = confirmed.status === 'done' ? confirmed.value : (confirmed.last ?? last);
    deps.log.info(`Experiment ${id} is ${experiment.state?.status} after StopExperiment`);
    if (isTerminalStatus(experiment.state?.status)) deps.onFinished?.(id);
    return experiment;
  } catch (error) {
    report.warnings.push(`could not confirm the stop: ${errorLine(error)}`);
    return last;
  }
}

/**
 * client-fis 3.523's model drops the experiment's `arn`: rebuild it from the partition and
 * account of its role (`arn:PARTITION:iam::ACCOUNT:role/...`), as FIS builds it.
 */
export function experimentArn(experiment: Experiment, region: string): string | undefined {
  const match = /^arn:([\w-]+):iam::(\d{12}):/.exec(experiment.roleArn ?? '');
  if (!match || !experiment.id) return undefined;
  return `arn:${match[1]}:fis:${region}:${match[2]}:experiment/${experiment.id}`;
}

async function conclude(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  report: ExperimentReport,
  last: Experiment,
  gateStop: GateStopCause | undefined,
  breaches: Breaches,
  deadline: number,
): Promise<ExperimentReport> {
  report.experiment = experimentFacts(last, settings.aws.region);
  report.actions = actionResults(last);
  recordFinalState(deps, report, last);
  await addResolvedTargets(deps, report, last.id!);
  await addStopConditions(deps, report);
  const outcome = classifyOutcome({
    status: last.state?.status,
    reason: last.state?.reason,
    ...(gateStop ? { gateStop } : {}),
    firedStopConditions: report.stopConditions.filter((c) => c.fired).map((c) => c.alarm),
    actions: report.actions,
    tags: last.tags ?? {},
  });
  const failures = gateStop
    ? [gateStopFailure(report, gateStop)]
    : outcomeFailures(settings, report, outcome, last.state?.status);
  const judgedByRecovery = settings.recoveryTimeoutMs !== undefined && gateStop?.kind !== 'cancel';
  if (!gateStop) {
    failures.push(...breachFailures(breaches, judgedByRecovery));
    if (judgedByRecovery || !breaches.alarm)
      failures.push(...(await injectionBreaches(deps, settings, report, judgedByRecovery)));
    failures.push(...(await canaryEvidenceFailures(deps, settings, report, breaches, deadline)));
  }
  if (judgedByRecovery) failures.push(...(await recoveryFailures(deps, settings, report)));
  return finish(report, outcome, failures);
}

/**
 * Per steady-state canary, a finished run that started while FIS ran the experiment (see
 * canary-evidence.ts). A failed run the watch already reported is not reported twice.
 */
async function canaryEvidenceFailures(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  report: ExperimentReport,
  breaches: Breaches,
  deadline: number,
): Promise<string[]> {
  const start = report.experiment?.startTime;
  if (settings.steadyStateCanaries.length === 0 || !start) return [];
  const end = report.experiment?.endTime;
  const evidence = await settleCanaryEvidence(deps, settings.steadyStateCanaries, {
    from: Date.parse(start),
    until: end ? Date.parse(end) : deps.clock.now(),
    deadline,
    intervalMs: settings.pollIntervalMs,
  });
  report.steadyState.canaries = evidence.map(canaryStatusOf);
  return evidence
    .filter((e) => e.state !== 'PASSED' && !(e.state === 'FAILED' && breaches.canary))
    .map((e) => (e.state === 'FAILED' ? `steady state breached: ${e.detail}` : e.detail));
}

function canaryStatusOf(evidence: CanaryEvidence): CanaryStatus {
  const { run } = evidence;
  return {
    name: evidence.name,
    state: evidence.state,
    reason: evidence.detail,
    ...(run?.Timeline?.Started ? { startedAt: run.Timeline.Started } : {}),
    ...(run?.Timeline?.Completed ? { completedAt: run.Timeline.Completed } : {}),
  };
}

/** A stop the gate asked for, and loudly when FIS refused it: the fault may still be injected. */
function gateStopFailure(report: ExperimentReport, cause: GateStopCause): string {
  const stopError = report.gateStop?.stopError;
  if (stopError === undefined) return `the gate stopped the experiment: ${describeGateStop(cause)}`;
  return (
    `the gate had to stop the experiment (${describeGateStop(cause)}) but StopExperiment failed: ` +
    `${stopError}; the experiment may still be running (the post step tries again)`
  );
}

/** Why an experiment that ended on its own does not pass. */
function outcomeFailures(
  settings: RunExperimentSettings,
  report: ExperimentReport,
  outcome: Outcome,
  status: string | undefined,
): string[] {
  // Unreachable today (the watch ends only on a terminal status or a gate stop): never a pass.
  if (!isTerminalStatus(status)) return [`the experiment had not ended (status ${status ?? 'unknown'})`];
  const failures: string[] = [];
  const earlierStop = report.experiment?.tags[STOPPED_BY_GATE_TAG];
  if (outcome === 'nothing-injected') failures.push(nothingInjectedFailure(report.actions));
  else if (outcome === 'stopped-by-gate') {
    failures.push(
      `this step stopped the experiment in an earlier run with the same client token (${earlierStop ?? 'gate stop'}): a gate stop never passes`,
    );
  } else if (!(settings.allowedOutcomes as readonly string[]).includes(outcome)) {
    failures.push(`outcome ${outcome} is not in allowed-outcomes (${settings.allowedOutcomes.join(', ')})`);
  }
  // FIS can end `completed` with an action `failed`: the fault did not run as designed.
  if (status === 'completed') {
    for (const action of report.actions.filter((a) => a.status === 'failed')) {
      failures.push(`action ${action.name} failed${action.reason ? ` (${action.reason})` : ''}`);
    }
  }
  return failures;
}

function nothingInjectedFailure(actions: readonly ActionResult[]): string {
  const faults = faultActions(actions);
  const which =
    faults.length === 0
      ? 'the template has no fault action'
      : `every fault action was skipped (${faults.map((a) => a.name).join(', ')})`;
  return `${which}: nothing was injected, so the experiment proves nothing`;
}

/**
 * Breaches seen only as FIS was already ending. With a recovery-timeout an alarm breach is the
 * aftermath the recovery check judges; a canary run that failed under the fault is a failure
 * whatever the alarms do afterwards (the recovery check reads alarms only).
 */
function breachFailures(breaches: Breaches, judgedByRecovery: boolean): string[] {
  const failures: string[] = [];
  if (breaches.alarm && !judgedByRecovery) failures.push(`steady state breached: ${breaches.alarm}`);
  if (breaches.canary) failures.push(`steady state breached: ${breaches.canary}`);
  return failures;
}

/**
 * An alarm that went to ALARM while FIS was injecting is a breach, whatever the poll ticks saw
 * and whatever it did afterwards: the alarm's own history (AWS timestamps) against the
 * experiment's start and end (FIS timestamps) decides, not when the gate happened to poll.
 * `recovery-timeout` only forgives a breach that began after FIS stopped injecting. The same
 * history tells whether the alarm lacked data under the fault (`insufficient-data` decides). What
 * a poll after FIS ended saw is not used (watch.ts): it depends on when that poll fell.
 */
async function injectionBreaches(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  report: ExperimentReport,
  judgedByRecovery: boolean,
): Promise<string[]> {
  const start = report.experiment?.startTime;
  const end = report.experiment?.endTime;
  if (settings.steadyStateAlarms.length === 0 || !start || !end) return [];
  const [from, until] = [Date.parse(start), Date.parse(end)];
  const failures: string[] = [];
  const withoutData: string[] = [];
  for (const name of settings.steadyStateAlarms) {
    try {
      // Read to the present: the first change after the window tells the state the window ended
      // in, whatever state the last poll (after the end) happened to see.
      const history = await alarmHistory(deps.cloudwatch, name, from, undefined, deps.signal);
      // With recovery-timeout a transition at FIS's endTime is the aftermath it judges; without,
      // nothing judges the aftermath, so the end instant still belongs to the fault.
      const breach = firstBreach(history, from, judgedByRecovery ? until : until + 1);
      if (breach) failures.push(describeInjectionBreach(name, breach, end));
      const stateNow = report.steadyState.alarms.find((alarm) => alarm.name === name)?.state;
      if (lackedDataDuring(history, stateNow, until)) withoutData.push(name);
    } catch (error) {
      // Without the history the gate cannot tell a breach under the fault from none: no pass.
      failures.push(
        `could not read the history of alarm ${name} during the experiment: ${describeAwsError(error, 'DescribeAlarmHistory')}`,
      );
    }
  }
  const went = 'went to INSUFFICIENT_DATA during the experiment';
  const noData = judgeNoData(alarmsSubject(withoutData, went, went), settings.insufficientData);
  if (noData && 'failure' in noData) failures.push(noData.failure);
  if (noData && 'warning' in noData) report.warnings.push(noData.warning);
  return failures;
}

function describeInjectionBreach(name: string, breach: AlarmTransition, end: string): string {
  const reason = breach.reason ? ` (${breach.reason})` : '';
  return `steady state breached while the fault was injected: alarm ${name} went to ALARM at ${new Date(breach.at).toISOString()} (the experiment ended at ${end})${reason}`;
}

async function recoveryFailures(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
  report: ExperimentReport,
): Promise<string[]> {
  const recovery = await checkRecovery(deps, settings);
  report.recovery = recovery;
  if (recovery.recovered) return [];
  const bad = recovery.alarms.filter((a) => a.state !== 'OK').map((a) => `${a.name} ${a.state}`);
  return [`alarms did not return to OK within ${formatDuration(recovery.timeoutMs)}: ${bad.join(', ')}`];
}

/** The state seen after the watch (stopping, stopped) completes the timeline. */
function recordFinalState(deps: ExperimentDeps, report: ExperimentReport, last: Experiment): void {
  const status = last.state?.status ?? 'unknown';
  const previous = report.timeline.at(-1);
  if (previous?.status === status) return;
  const now = deps.clock.now();
  const first = report.timeline[0];
  report.timeline.push({
    at: new Date(now).toISOString(),
    elapsedMs: first ? first.elapsedMs + (now - Date.parse(first.at)) : 0,
    status,
    ...(last.state?.reason ? { reason: last.state.reason } : {}),
    actions: actionStatuses(last),
  });
}

async function addResolvedTargets(deps: ExperimentDeps, report: ExperimentReport, id: string): Promise<void> {
  try {
    const targets = await listResolvedTargets(deps.fis, id);
    report.resolvedTargets = targets.map((target) => ({
      targetName: target.targetName,
      resourceType: target.resourceType,
      identifier:
        target.targetInformation?.identifier ??
        Object.values(target.targetInformation ?? {})
          .filter(Boolean)
          .join(' '),
    }));
  } catch (error) {
    report.warnings.push(describeAwsError(error, 'ListExperimentResolvedTargets'));
  }
}

async function addStopConditions(deps: ExperimentDeps, report: ExperimentReport): Promise<void> {
  const arns = report.template.stopConditionAlarms;
  if (arns.length === 0) return;
  const stopped = report.experiment?.status === 'stopped';
  try {
    const states = await describeAlarmStates(deps.cloudwatch, arns.map(alarmNameFromArn));
    report.stopConditions = await Promise.all(
      arns.map(async (arn, index) => {
        const state = states[index]?.state ?? 'UNKNOWN';
        return { alarm: arn, state, fired: stopped && (await stopConditionFired(deps, report, arn, state)) };
      }),
    );
  } catch (error) {
    report.warnings.push(describeAwsError(error, 'DescribeAlarms (stop conditions)'));
    report.stopConditions = arns.map((alarm) => ({ alarm, state: 'UNKNOWN', fired: false }));
  }
}

/**
 * Whether a stop-condition alarm stopped a `stopped` experiment. FIS's reason decides first: it
 * names the alarm that fired, or says the experiment was stopped by hand (an alarm that is in ALARM
 * by then did not stop it). Only without a reason does the alarm's history inside the experiment
 * decide (its current state when the history cannot be read).
 */
async function stopConditionFired(
  deps: ExperimentDeps,
  report: ExperimentReport,
  arn: string,
  state: string,
): Promise<boolean> {
  const reason = report.experiment?.reason ?? '';
  const name = alarmNameFromArn(arn);
  if (reason.includes(arn) || reason.includes(name)) return true;
  if (reason.trim() !== '') return STOP_CONDITION_REASON.test(reason) && state === 'ALARM';
  const start = report.experiment?.startTime;
  if (!start) return state === 'ALARM';
  const end = report.experiment?.endTime ? Date.parse(report.experiment.endTime) : deps.clock.now();
  try {
    const history = await alarmHistory(deps.cloudwatch, name, Date.parse(start), end, deps.signal);
    return history.some((transition) => transition.to === 'ALARM');
  } catch (error) {
    report.warnings.push(describeAwsError(error, `DescribeAlarmHistory (stop condition ${name})`));
    return state === 'ALARM';
  }
}

async function checkRecovery(
  deps: ExperimentDeps,
  settings: RunExperimentSettings,
): Promise<NonNullable<ExperimentReport['recovery']>> {
  const timeoutMs = settings.recoveryTimeoutMs ?? 0;
  const begun = deps.clock.now();
  deps.log.info(
    `Waiting up to ${formatDuration(timeoutMs)} for ${settings.steadyStateAlarms.join(', ')} to return to OK`,
  );
  const result = await waitFor({
    what: `alarms ${settings.steadyStateAlarms.join(', ')} to return to OK`,
    poll: (signal) => describeAlarmStates(deps.cloudwatch, settings.steadyStateAlarms, signal),
    done: allAlarmsOk,
    describe: (alarms) => alarms.map((a) => `${a.name} ${a.state}`).join(', '),
    intervalMs: settings.pollIntervalMs,
    timeoutMs,
    log: deps.log,
    clock: deps.clock,
    sleep: deps.sleep,
    signal: deps.signal,
    ...(deps.random ? { random: deps.random } : {}),
  });
  const alarms = result.status === 'done' ? result.value : (result.last ?? []);
  const recovered = result.status === 'done';
  const waitedMs = deps.clock.now() - begun;
  deps.log.info(
    recovered
      ? `Alarms back to OK after ${formatDuration(waitedMs)}`
      : `Alarms not back to OK after ${formatDuration(waitedMs)}: ${alarms.map((a) => `${a.name} ${a.state}`).join(', ')}`,
  );
  return { timeoutMs, recovered, waitedMs, alarms };
}

function emptyReport(settings: RunExperimentSettings, template: ExperimentTemplate): ExperimentReport {
  return {
    passed: false,
    outcome: 'not-started',
    summaryLine: '',
    failures: [],
    allowedOutcomes: settings.allowedOutcomes,
    region: settings.aws.region,
    template: {
      id: template.id!,
      ...(template.description ? { description: template.description } : {}),
      tags: template.tags ?? {},
      stopConditionAlarms: stopConditionAlarmArns(template),
    },
    actions: [],
    timeline: [],
    resolvedTargets: [],
    stopConditions: [],
    preflight: [],
    steadyState: {
      alarms: settings.steadyStateAlarms.map((name) => ({ name, state: 'UNKNOWN' })),
      canaries: settings.steadyStateCanaries.map((name) => ({ name, state: 'UNKNOWN' })),
    },
    warnings: [],
  };
}

function experimentFacts(
  experiment: Experiment,
  region: string,
): NonNullable<ExperimentReport['experiment']> {
  const start = experiment.startTime ?? experiment.creationTime;
  const end = experiment.endTime;
  const error = stateError(experiment);
  return {
    id: experiment.id!,
    status: experiment.state?.status ?? 'unknown',
    ...(experiment.state?.reason ? { reason: experiment.state.reason } : {}),
    ...(error && (error.code || error.location)
      ? {
          error: {
            ...(error.code ? { code: error.code } : {}),
            ...(error.location ? { location: error.location } : {}),
            ...(error.accountId ? { accountId: error.accountId } : {}),
          },
        }
      : {}),
    ...(start ? { startTime: start.toISOString() } : {}),
    ...(end ? { endTime: end.toISOString() } : {}),
    ...(start && end ? { durationSeconds: Math.round((end.getTime() - start.getTime()) / 1000) } : {}),
    consoleUrl: consoleUrl(region, experiment.id!),
    tags: experiment.tags ?? {},
  };
}

/**
 * `state.error` (code, location, accountId) is newer than client-fis 3.523's model; its
 * deserializer passes `state` through as plain JSON, so the field arrives and only the type lacks it.
 */
export interface ExperimentStateError {
  code?: string;
  location?: string;
  accountId?: string;
}

export function stateError(experiment: Experiment): ExperimentStateError | undefined {
  return (experiment.state as { error?: ExperimentStateError } | undefined)?.error;
}

export function actionResults(experiment: Experiment): ActionResult[] {
  return Object.entries(experiment.actions ?? {}).map(([name, action]) => ({
    name,
    ...(action.actionId ? { actionId: action.actionId } : {}),
    ...(action.description ? { description: action.description } : {}),
    status: action.state?.status ?? 'unknown',
    ...(action.state?.reason ? { reason: action.state.reason } : {}),
    ...(action.startTime ? { startTime: action.startTime.toISOString() } : {}),
    ...(action.endTime ? { endTime: action.endTime.toISOString() } : {}),
  }));
}

/** Sets the verdict: passes only with no failure at all. */
function finish(report: ExperimentReport, outcome: Outcome, failures: string[]): ExperimentReport {
  report.outcome = outcome;
  report.failures = failures;
  report.passed = failures.length === 0;
  report.summaryLine = verdictLine(report);
  return report;
}

export function verdictLine(report: ExperimentReport): string {
  const id = report.experiment?.id ?? report.template.id;
  if (report.outcome === 'started') {
    return `Started experiment ${id} and did not wait for it (wait: false): this is not a gate`;
  }
  if (report.outcome === 'not-started') {
    return `Experiment not started: ${report.failures.join('; ')}`;
  }
  const state = report.experiment;
  const actions = report.actions.map((a) => `${a.name} ${a.status}${a.reason ? ` (${a.reason})` : ''}`);
  const facts = [
    state?.reason ? `reason: ${state.reason}` : undefined,
    state?.error?.code
      ? `error: ${state.error.code}${state.error.location ? ` at ${state.error.location}` : ''}`
      : undefined,
    actions.length > 0 ? `actions: ${actions.join(', ')}` : undefined,
  ].filter(Boolean);
  const head = `Experiment ${id} ${report.outcome}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`;
  return report.passed ? `${head}: passed` : `${head}: ${report.failures.join('; ')}`;
}
