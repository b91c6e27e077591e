import type { ExperimentTemplate, FisClient } from '@aws-sdk/client-fis';
import type { Clock, Sleep } from '../../../core/clock.js';
import type { Logger } from '../../../core/log.js';
import { waitFor } from '../../../core/wait.js';
import { getExperiment, listResolvedTargets, startExperiment, stopExperiment } from './fis.js';
import { experimentsInProgress } from './if-running.js';
import { isTerminalStatus } from './outcome.js';
import { RUN_TAG_KEYS, VALIDATE_SUFFIX } from './settings.js';
import {
  describeAlarmStates,
  describeCanaryLastRuns,
  NO_RUN,
  type SteadyStateClients,
} from './steady-state.js';
import { alarmNameFromArn, stopConditionAlarmArns } from './template.js';

/**
 * Checks made before any fault is injected. Each says what it looked at; one refusal is enough to
 * not start: chaos on a system that is already alarming proves nothing and hurts users.
 */
export interface PreflightCheck {
  name:
    | 'stop-condition-alarms'
    | 'steady-state-alarms'
    | 'steady-state-canaries'
    | 'no-experiment-running'
    | 'targets-resolve';
  ok: boolean;
  detail: string;
}

export interface PreflightDeps extends SteadyStateClients {
  fis: FisClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal;
  onStarted?: (experimentId: string) => void;
}

export interface PreflightOptions {
  clientToken: string;
  steadyStateAlarms: readonly string[];
  steadyStateCanaries: readonly string[];
  validateTargets: boolean;
  tags: Record<string, string>;
  pollIntervalMs: number;
  timeoutMs: number;
}

export interface PreflightResult {
  checks: PreflightCheck[];
  ok: boolean;
  validationExperimentId?: string;
}

/** A skip-all run takes seconds; cap its wait well below any sensible experiment timeout. */
export const VALIDATION_TIMEOUT_MS = 5 * 60_000;

export async function runPreflight(
  deps: PreflightDeps,
  template: ExperimentTemplate,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const checks: PreflightCheck[] = [];
  const record = (check: PreflightCheck) => {
    checks.push(check);
    deps.log.info(`Preflight ${check.ok ? 'passed' : 'REFUSED'}: ${check.name}: ${check.detail}`);
    return check.ok;
  };
  let ok = record(await checkStopConditionAlarms(deps, template));
  if (options.steadyStateAlarms.length > 0) ok = record(await checkSteadyStateAlarms(deps, options)) && ok;
  if (options.steadyStateCanaries.length > 0) ok = record(await checkCanaries(deps, options)) && ok;
  ok = record(await checkNothingInProgress(deps, template, options.clientToken)) && ok;
  if (!ok || !options.validateTargets) return { checks, ok };
  const validation = await validateTargets(deps, template, options);
  return {
    checks: [...checks, validation.check],
    ok: record(validation.check),
    validationExperimentId: validation.id,
  };
}

async function checkStopConditionAlarms(
  deps: PreflightDeps,
  template: ExperimentTemplate,
): Promise<PreflightCheck> {
  const names = stopConditionAlarmArns(template).map(alarmNameFromArn);
  if (names.length === 0) {
    return {
      name: 'stop-condition-alarms',
      ok: true,
      detail:
        'the template has no stop-condition alarm (consider adding one: it stops chaos even if this runner dies)',
    };
  }
  const states = await describeAlarmStates(deps.cloudwatch, names, deps.signal);
  const bad = states.filter((alarm) => alarm.state !== 'OK');
  return {
    name: 'stop-condition-alarms',
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? `${names.join(', ')} OK`
        : `${bad.map((a) => `${a.name} is ${a.state}`).join(', ')}: the system is not healthy enough to inject a fault`,
  };
}

async function checkSteadyStateAlarms(
  deps: PreflightDeps,
  options: PreflightOptions,
): Promise<PreflightCheck> {
  const states = await describeAlarmStates(deps.cloudwatch, options.steadyStateAlarms, deps.signal);
  const bad = states.filter((alarm) => alarm.state !== 'OK');
  return {
    name: 'steady-state-alarms',
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? `${states.map((a) => a.name).join(', ')} OK`
        : `${bad.map((a) => `${a.name} is ${a.state}`).join(', ')} before any fault was injected`,
  };
}

async function checkCanaries(deps: PreflightDeps, options: PreflightOptions): Promise<PreflightCheck> {
  const runs = await describeCanaryLastRuns(deps.synthetics, options.steadyStateCanaries, deps.signal);
  const failed = runs.filter((run) => run.state === 'FAILED');
  const unknown = runs.filter((run) => run.state === NO_RUN);
  const note = unknown.length > 0 ? `; no run yet for ${unknown.map((r) => r.name).join(', ')}` : '';
  return {
    name: 'steady-state-canaries',
    ok: failed.length === 0,
    detail:
      failed.length === 0
        ? `last runs passed${note}`
        : `${failed.map((r) => `${r.name} last run FAILED${r.reason ? ` (${r.reason})` : ''}`).join(', ')} before any fault was injected`,
  };
}

/**
 * Another experiment of the same template in progress means two faults at once. One tagged with
 * this step's client token is this step's own (a retried step): FIS will hand it back, not
 * start a second.
 */
async function checkNothingInProgress(
  deps: PreflightDeps,
  template: ExperimentTemplate,
  clientToken: string,
): Promise<PreflightCheck> {
  // The same rule as if-running (if-running.ts), checked again just before the start.
  const active = await experimentsInProgress(deps.fis, template.id!, clientToken, deps.signal);
  return {
    name: 'no-experiment-running',
    ok: active.length === 0,
    detail:
      active.length === 0
        ? `no other experiment of ${template.id} in progress`
        : `${active.map((e) => `${e.id} is ${e.state?.status}`).join(', ')}: wait for it to end or stop it first`,
  };
}

/** Runs the template with actionsMode skip-all: targets resolve, nothing is injected. */
async function validateTargets(
  deps: PreflightDeps,
  template: ExperimentTemplate,
  options: PreflightOptions,
): Promise<{ check: PreflightCheck; id?: string }> {
  const experiment = await startExperiment(deps.fis, {
    templateId: template.id!,
    clientToken: `${options.clientToken}${VALIDATE_SUFFIX}`,
    tags: { ...options.tags, [RUN_TAG_KEYS.clientToken]: `${options.clientToken}${VALIDATE_SUFFIX}` },
    actionsMode: 'skip-all',
  });
  const id = experiment.id!;
  deps.onStarted?.(id);
  deps.log.info(`Validating targets with experiment ${id} (actionsMode skip-all: no action runs)`);
  const result = await waitFor({
    what: `target validation experiment ${id} to end`,
    poll: (signal) => getExperiment(deps.fis, id, signal),
    done: (value) => isTerminalStatus(value.state?.status),
    describe: (value) => value.state?.status ?? 'unknown',
    intervalMs: options.pollIntervalMs,
    timeoutMs: Math.min(options.timeoutMs, VALIDATION_TIMEOUT_MS),
    log: deps.log,
    clock: deps.clock,
    sleep: deps.sleep,
    signal: deps.signal,
  });
  if (result.status !== 'done') {
    await stopExperiment(deps.fis, id, deps.log);
    const why = result.status === 'aborted' ? 'the job was cancelled' : 'it did not end in time';
    return {
      id,
      check: { name: 'targets-resolve', ok: false, detail: `validation experiment ${id} stopped: ${why}` },
    };
  }
  const state = result.value.state;
  const targets = await listResolvedTargets(deps.fis, id, deps.signal);
  const ok = state?.status === 'completed' && targets.length > 0;
  const detail = ok
    ? `${targets.length} targets resolved (${summariseTargets(targets)})`
    : `validation experiment ${id} ended ${state?.status}${state?.reason ? ` (${state.reason})` : ''} with ${targets.length} resolved targets`;
  return { id, check: { name: 'targets-resolve', ok, detail } };
}

function summariseTargets(targets: readonly { targetName?: string }[]): string {
  const counts = new Map<string, number>();
  for (const target of targets)
    counts.set(target.targetName ?? '?', (counts.get(target.targetName ?? '?') ?? 0) + 1);
  return [...counts].map(([name, count]) => `${name}: ${count}`).join(', ');
}
