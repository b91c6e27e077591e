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

/**
 * No targets: with emptyTargetResolutionMode `skip` the experiment is `cancelled`; with the default
 * `fail` it is `failed` with a TargetResolutionFailed error (FIS API reference, ExperimentState).
 */
export function unresolvedTargetSteps(template: ExperimentTemplateSpec): ExperimentStep[] {
  const initiating: ExperimentStep = { afterMs: 0, status: 'initiating', reason: REASON.initiating };
  if (template.emptyTargetResolutionMode === 'skip') {
    return [
      initiating,
      { afterMs: INITIATING_MS, status: 'cancelled', reason: REASON.emptyTargets, actions: 'cancelled' },
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
