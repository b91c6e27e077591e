/** Turns experiment timeline presets into explicit steps. Reasons use AWS's wording where known. */
import type {
  ExperimentPreset,
  ExperimentStep,
  ExperimentTemplateSpec,
  ExperimentTimeline,
} from '../scenario.js';

export const INITIATING_MS = 1_000;
export const STOPPING_MS = 2_000;
export const DEFAULT_EXPERIMENT_DURATION_MS = 60_000;
export const DEFAULT_STOP_CONDITION_AFTER_MS = 30_000;
export const DEFAULT_FAILURE_AFTER_MS = 20_000;
/** skip-all experiments still resolve targets and walk the state machine, briefly. */
export const SKIP_ALL_DURATION_MS = 2_000;

export const REASON = {
  initiating: 'Experiment is initiating.',
  running: 'Experiment is running.',
  completed: 'Experiment completed.',
  stopping: 'Experiment is stopping.',
  stoppedByUser: 'Experiment stopped by user.',
  emptyTargets: 'Target resolution returned empty set.',
  /** An action skipped under emptyTargetResolutionMode `skip` (wording not documented by AWS). */
  actionTargetsEmpty: 'Target resolution returned empty set: action skipped.',
  failed: 'Action failed.',
} as const;

export function stopConditionReason(alarmArn: string): string {
  return `Stop condition triggered: ${alarmArn}`;
}

function startSteps(): ExperimentStep[] {
  return [
    { afterMs: 0, status: 'initiating', reason: REASON.initiating },
    { afterMs: INITIATING_MS, status: 'running', reason: REASON.running },
  ];
}

/** Targets of the template that resolved to nothing. */
export function emptyTargetNames(
  template: ExperimentTemplateSpec,
  resolved: readonly { targetName: string }[],
): string[] {
  return Object.keys(template.targets ?? {}).filter((name) => !resolved.some((r) => r.targetName === name));
}

/** Actions that act on at least one empty target (an `aws:fis:wait` action has no target). */
export function actionsWithEmptyTargets(
  template: ExperimentTemplateSpec,
  empty: readonly string[],
): string[] {
  return Object.entries(template.actions ?? {})
    .filter(([, action]) => Object.values(action.targets ?? {}).some((target) => empty.includes(target)))
    .map(([name]) => name);
}

/**
 * Targets that resolve to nothing (FIS user guide, "Experiment options for AWS FIS", Empty target
 * resolution mode, https://docs.aws.amazon.com/fis/latest/userguide/experiment-options.html):
 * with the default `fail` the experiment is `failed` with a TargetResolutionFailed error (API
 * reference, ExperimentState / ExperimentError); with `skip` the actions on the empty targets are
 * `skipped` (ExperimentActionState lists `skipped`) and the experiment goes on with the others.
 *
 * When `skip` leaves no action at all, AWS documents nothing about the experiment's own end: both
 * plausible behaviours are selectable with the template's `whenAllActionsSkipped`: `completed`
 * (the default: an experiment with nothing left to run has nothing that failed) or `cancelled`.
 */
export function unresolvedTargetSteps(template: ExperimentTemplateSpec): ExperimentStep[] {
  const initiating: ExperimentStep = { afterMs: 0, status: 'initiating', reason: REASON.initiating };
  if (template.emptyTargetResolutionMode === 'skip') {
    const end = template.whenAllActionsSkipped ?? 'completed';
    return [
      initiating,
      {
        afterMs: INITIATING_MS,
        status: end,
        reason: end === 'completed' ? REASON.completed : REASON.emptyTargets,
        actions: 'skipped',
      },
    ];
  }
  const error = {
    code: 'TargetResolutionFailed',
    location: Object.keys(template.targets ?? {})[0] ?? 'targets',
  };
  return [
    initiating,
    { afterMs: INITIATING_MS, status: 'failed', reason: REASON.emptyTargets, error, actions: 'cancelled' },
  ];
}

export function skipAllSteps(): ExperimentStep[] {
  return [
    { afterMs: 0, status: 'initiating', reason: REASON.initiating, actions: 'pending' },
    { afterMs: INITIATING_MS, status: 'running', reason: REASON.running, actions: 'skipped' },
    { afterMs: SKIP_ALL_DURATION_MS, status: 'completed', reason: REASON.completed, actions: 'skipped' },
  ];
}

function presetSteps(
  preset: ExperimentPreset,
  template: ExperimentTemplateSpec,
  alarmArnOf: (name: string) => string,
): ExperimentStep[] {
  switch (preset.preset) {
    case 'completes':
      return [
        ...startSteps(),
        {
          afterMs: preset.durationMs ?? DEFAULT_EXPERIMENT_DURATION_MS,
          status: 'completed',
          reason: REASON.completed,
        },
      ];
    case 'stop-condition': {
      const alarm =
        preset.alarmName ?? alarmNameOf(template.stopConditionAlarms?.[0] ?? 'stop-condition-alarm');
      const at = preset.afterMs ?? DEFAULT_STOP_CONDITION_AFTER_MS;
      const reason = stopConditionReason(alarmArnOf(alarm));
      return [
        ...startSteps(),
        { afterMs: at, status: 'stopping', reason, setAlarm: { name: alarm, state: 'ALARM' } },
        { afterMs: at + STOPPING_MS, status: 'stopped', reason },
      ];
    }
    case 'fails': {
      const error = preset.error ?? {
        code: 'InternalFailure',
        location: Object.keys(template.actions ?? {})[0],
      };
      return [
        ...startSteps(),
        {
          afterMs: preset.afterMs ?? DEFAULT_FAILURE_AFTER_MS,
          status: 'failed',
          reason: preset.reason ?? REASON.failed,
          error,
        },
      ];
    }
    case 'targets-unresolved':
      return unresolvedTargetSteps(template);
    case 'runs-forever':
      return startSteps();
  }
}

export function resolveTimeline(
  timeline: ExperimentTimeline | undefined,
  template: ExperimentTemplateSpec,
  alarmArnOf: (name: string) => string,
): ExperimentStep[] {
  const value = timeline ?? { preset: 'completes' };
  const steps = Array.isArray(value) ? value : presetSteps(value, template, alarmArnOf);
  return [...steps].sort((a, b) => a.afterMs - b.afterMs);
}

/** `arn:aws:cloudwatch:r:a:alarm:NAME` → `NAME`; a bare name stays as it is. */
export function alarmNameOf(nameOrArn: string): string {
  const marker = ':alarm:';
  const index = nameOrArn.indexOf(marker);
  return index < 0 ? nameOrArn : nameOrArn.slice(index + marker.length);
}
