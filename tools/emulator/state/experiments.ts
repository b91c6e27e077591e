import { randomBytes } from 'node:crypto';
import type {
  ActionStatus,
  ExperimentError,
  ExperimentStatus,
  ExperimentStep,
  ExperimentTemplateSpec,
  ResolvedTargetSpec,
} from '../scenario.js';
import type { AlarmStore } from './alarms.js';
import {
  actionsWithEmptyTargets,
  emptyTargetNames,
  REASON,
  resolveTimeline,
  STOPPING_MS,
  skipAllSteps,
  unresolvedTargetSteps,
} from './timelines.js';

export const TERMINAL_STATUSES: readonly ExperimentStatus[] = ['completed', 'stopped', 'failed', 'cancelled'];
const TERMINAL_ACTIONS: readonly ActionStatus[] = [...TERMINAL_STATUSES, 'skipped'];
const DEFAULT_TEMPLATE_AGE_MS = 24 * 60 * 60 * 1000;
const ID_BYTES = 9;

export interface ActionRecord {
  status: ActionStatus;
  reason?: string;
  startTime?: number;
  endTime?: number;
}

export interface ExperimentRecord {
  id: string;
  template: ExperimentTemplateSpec;
  clientToken: string;
  tags: Record<string, string>;
  accountId: string;
  region: string;
  actionsMode: 'run-all' | 'skip-all';
  createdAt: number;
  startTime?: number;
  endTime?: number;
  status: ExperimentStatus;
  reason?: string;
  error?: ExperimentError;
  actions: Record<string, ActionRecord>;
  resolvedTargets: ResolvedTargetSpec[];
  /** Absolute times; applied in order by tick(). */
  pending: (ExperimentStep & { at: number })[];
}

export interface StartRequest {
  template: ExperimentTemplateSpec;
  clientToken: string;
  tags: Record<string, string>;
  actionsMode: 'run-all' | 'skip-all';
  accountId: string;
  region: string;
  now: number;
  alarmArnOf: (name: string) => string;
}

/** Experiment IDs look like AWS's: `EXP` + base62-ish characters. */
function newExperimentId(): string {
  return `EXP${randomBytes(ID_BYTES).toString('base64url').replace(/[-_]/g, 'x')}`;
}

function defaultResolvedTargets(template: ExperimentTemplateSpec): ResolvedTargetSpec[] {
  return Object.entries(template.targets ?? {}).flatMap(([targetName, target]) =>
    (target.resourceArns ?? []).map((arn) => ({
      targetName,
      resourceType: target.resourceType,
      targetInformation: { identifier: arn },
    })),
  );
}

/** What an action becomes when a step moves the whole experiment and names no action state. */
function derivedActionStatus(status: ExperimentStatus, current: ActionStatus): ActionStatus {
  if (TERMINAL_ACTIONS.includes(current)) return current;
  switch (status) {
    case 'pending':
    case 'initiating':
      return 'pending';
    case 'failed':
      return 'cancelled';
    default:
      return status;
  }
}

export class ExperimentStore {
  readonly templates = new Map<string, ExperimentTemplateSpec & { createdAt: number }>();
  readonly experiments: ExperimentRecord[] = [];

  constructor(
    templates: ExperimentTemplateSpec[],
    private readonly startMs: number,
    private readonly alarms: AlarmStore,
  ) {
    for (const template of templates) this.addTemplate(template);
  }

  addTemplate(template: ExperimentTemplateSpec): void {
    const createdAt = this.startMs + (template.createdAtMs ?? -DEFAULT_TEMPLATE_AGE_MS);
    this.templates.set(template.id, { ...template, createdAt });
  }

  findByClientToken(token: string): ExperimentRecord | undefined {
    return this.experiments.find((experiment) => experiment.clientToken === token);
  }

  get(id: string): ExperimentRecord | undefined {
    return this.experiments.find((experiment) => experiment.id === id);
  }

  start(request: StartRequest): ExperimentRecord {
    const { template, now } = request;
    const resolvedTargets = template.resolvedTargets ?? defaultResolvedTargets(template);
    const empty = emptyTargetNames(template, resolvedTargets);
    // skip mode: only the actions on an empty target are skipped, the rest run (see timelines.ts).
    // emptyTargetResolutionMode is "fail | skip" (user guide, "Empty target resolution mode",
    // https://docs.aws.amazon.com/fis/latest/userguide/experiment-options.html); `skipped` is an
    // action status (API_ExperimentActionState), never an experiment status (API_ExperimentState).
    const skippedActions =
      template.emptyTargetResolutionMode === 'skip' ? actionsWithEmptyTargets(template, empty) : [];
    const allSkipped =
      skippedActions.length > 0 && skippedActions.length === Object.keys(template.actions ?? {}).length;
    const unresolved = empty.length > 0 && (template.emptyTargetResolutionMode !== 'skip' || allSkipped);
    const steps = unresolved
      ? unresolvedTargetSteps(template)
      : request.actionsMode === 'skip-all'
        ? skipAllSteps()
        : resolveTimeline(template.timeline, template, request.alarmArnOf);
    const actions: Record<string, ActionRecord> = Object.fromEntries(
      Object.keys(template.actions ?? {}).map((name) => [
        name,
        skippedActions.includes(name)
          ? { status: 'skipped' as ActionStatus, reason: REASON.actionTargetsEmpty, endTime: now }
          : { status: 'pending' as ActionStatus },
      ]),
    );
    const experiment: ExperimentRecord = {
      id: newExperimentId(),
      template,
      clientToken: request.clientToken,
      tags: request.tags,
      accountId: request.accountId,
      region: request.region,
      actionsMode: request.actionsMode,
      createdAt: now,
      startTime: now,
      status: 'pending',
      actions,
      resolvedTargets,
      pending: steps.map((step) => ({ ...step, at: now + step.afterMs })),
    };
    this.experiments.push(experiment);
    this.advance(experiment, now);
    return experiment;
  }

  tick(now: number): void {
    for (const experiment of this.experiments) this.advance(experiment, now);
  }

  private advance(experiment: ExperimentRecord, now: number): void {
    while (experiment.pending.length > 0 && experiment.pending[0]!.at <= now) {
      this.apply(experiment, experiment.pending.shift()!);
    }
  }

  private apply(experiment: ExperimentRecord, step: ExperimentStep & { at: number }): void {
    experiment.status = step.status;
    experiment.reason = step.reason;
    if (step.error) experiment.error = step.error;
    for (const [name, action] of Object.entries(experiment.actions)) {
      const explicit = typeof step.actions === 'string' ? step.actions : step.actions?.[name];
      const next = explicit ?? derivedActionStatus(step.status, action.status);
      if (next === 'running' && action.startTime === undefined) action.startTime = step.at;
      if (TERMINAL_ACTIONS.includes(next) && !TERMINAL_ACTIONS.includes(action.status))
        action.endTime = step.at;
      action.status = next;
    }
    if (TERMINAL_STATUSES.includes(step.status)) experiment.endTime = step.at;
    if (step.setAlarm)
      this.alarms.setState(step.setAlarm.name, step.setAlarm.state, step.setAlarm.reason, step.at);
  }

  /** StopExperiment: drops the rest of the script, `stopping` now, `stopped` shortly after. */
  stop(experiment: ExperimentRecord, now: number): void {
    if (TERMINAL_STATUSES.includes(experiment.status) || experiment.status === 'stopping') return;
    experiment.pending = [
      { afterMs: STOPPING_MS, at: now + STOPPING_MS, status: 'stopped', reason: REASON.stoppedByUser },
    ];
    this.apply(experiment, { afterMs: 0, at: now, status: 'stopping', reason: REASON.stopping });
  }
}
