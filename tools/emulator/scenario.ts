/**
 * Scenarios are plain, JSON-serialisable data. Every time in a scenario is relative: to the
 * emulator's start (alarms, scheduled canaries, run history), to StartExperiment (experiment
 * timelines) or to StartCanary (run-once canaries). The emulator resolves them against its clock.
 */
import type { IamPolicy } from './iam.js';

/**
 * Experiment statuses as the FIS API reference lists them
 * (https://docs.aws.amazon.com/fis/latest/APIReference/API_ExperimentState.html, status: "pending |
 * initiating | running | completed | stopping | stopped | failed | cancelled"); actions add
 * `skipped` (https://docs.aws.amazon.com/fis/latest/APIReference/API_ExperimentActionState.html,
 * status: "... | failed | skipped"). `state.reason` is free text ("The reason for the state",
 * at most 512 characters): AWS documents no wording, so the gate never depends on one alone.
 */
export type ExperimentStatus =
  | 'pending'
  | 'initiating'
  | 'running'
  | 'completed'
  | 'stopping'
  | 'stopped'
  | 'failed'
  | 'cancelled';
export type ActionStatus = ExperimentStatus | 'skipped';
export type CanaryState =
  | 'CREATING'
  | 'READY'
  | 'STARTING'
  | 'RUNNING'
  | 'UPDATING'
  | 'STOPPING'
  | 'STOPPED'
  | 'ERROR'
  | 'DELETING';
export type CanaryRunState = 'RUNNING' | 'PASSED' | 'FAILED';
export type CanaryRunReasonCode = 'CANARY_FAILURE' | 'EXECUTION_FAILURE';
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A key pair the emulator accepts, and whom it speaks for. */
export interface ScenarioCredential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  /** Defaults to `arn:aws:iam::<account>:user/emulator`. */
  principalArn?: string;
}

/** One row of DescribeAvailabilityZones. */
export interface AvailabilityZoneSpec {
  zoneName: string;
  zoneId: string;
  zoneType?: 'availability-zone' | 'local-zone' | 'wavelength-zone';
  groupName?: string;
  networkBorderGroup?: string;
  state?: 'available' | 'information' | 'impaired' | 'unavailable' | 'constrained';
  optInStatus?: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
  parentZoneName?: string;
  parentZoneId?: string;
}

export interface AccountSpec {
  /** Per-region zones; a region left out gets generated zones (see ec2.ts). */
  availabilityZones?: Record<string, AvailabilityZoneSpec[]>;
}

export interface ExperimentError {
  code?: string;
  location?: string;
  accountId?: string;
}

/** One scripted change of an experiment, `afterMs` after StartExperiment. */
export interface ExperimentStep {
  afterMs: number;
  status: ExperimentStatus;
  reason?: string;
  error?: ExperimentError;
  /** New state for every action, or per action name. Omitted: derived from `status`. */
  actions?: ActionStatus | Record<string, ActionStatus>;
  /** Side effect, e.g. the stop-condition alarm firing. */
  setAlarm?: { name: string; state: AlarmState; reason?: string };
}

/** Ready-made timelines; durations in ms after StartExperiment. */
export type ExperimentPreset =
  | { preset: 'completes'; durationMs?: number }
  | { preset: 'stop-condition'; afterMs?: number; alarmName?: string }
  | { preset: 'fails'; afterMs?: number; reason?: string; error?: ExperimentError }
  | { preset: 'targets-unresolved' }
  | { preset: 'runs-forever' };

export type ExperimentTimeline = ExperimentStep[] | ExperimentPreset;

export interface TemplateTarget {
  resourceType: string;
  resourceArns?: string[];
  resourceTags?: Record<string, string>;
  filters?: { path: string; values: string[] }[];
  selectionMode: string;
  parameters?: Record<string, string>;
}

export interface TemplateAction {
  actionId: string;
  description?: string;
  parameters?: Record<string, string>;
  targets?: Record<string, string>;
  startAfter?: string[];
}

export interface ResolvedTargetSpec {
  targetName: string;
  resourceType: string;
  targetInformation: Record<string, string>;
}

export interface ExperimentTemplateSpec {
  id: string;
  description?: string;
  tags?: Record<string, string>;
  roleArn?: string;
  targets?: Record<string, TemplateTarget>;
  actions?: Record<string, TemplateAction>;
  /** CloudWatch alarm names or ARNs; names are expanded to ARNs in the caller's account/region. */
  stopConditionAlarms?: string[];
  emptyTargetResolutionMode?: 'fail' | 'skip';
  /**
   * With `skip`, how an experiment ends when every action was skipped: AWS documents nothing, so
   * both plausible behaviours are selectable. Default `completed`.
   */
  whenAllActionsSkipped?: 'completed' | 'cancelled';
  /** What target resolution finds. Omitted: one entry per resource ARN of each target. */
  resolvedTargets?: ResolvedTargetSpec[];
  /** Default: `{ preset: 'completes' }`. */
  timeline?: ExperimentTimeline;
  /** Relative to emulator start (negative = before it). Default: one day before. */
  createdAtMs?: number;
}

/** A canary run, already in history (`startedAtMs` relative to emulator start, usually negative). */
export interface CanaryRunSpec {
  startedAtMs: number;
  durationMs?: number;
  state: CanaryRunState;
  reason?: string;
  reasonCode?: CanaryRunReasonCode;
}

/** The outcome of a future run; consumed in order by each scheduled run or StartCanary. */
export interface CanaryOutcomeSpec {
  /**
   * Delay before the run starts, after its scheduled time or StartCanary; for a retry, after the
   * failed attempt it retries finished (default DEFAULT_RETRY_DELAY_MS in state/canaries.ts).
   */
  afterMs?: number;
  durationMs?: number;
  state: 'PASSED' | 'FAILED';
  reason?: string;
  reasonCode?: CanaryRunReasonCode;
  /**
   * With `maxRetries` on the canary: what its automatic retries do if this attempt fails, first
   * retry first. Retries stop at the first PASSED attempt or after `maxRetries`; a retry not
   * listed fails as this attempt did.
   */
  retries?: CanaryOutcomeSpec[];
}

export interface CanarySpec {
  name: string;
  /** e.g. `rate(5 minutes)`; `rate(0 minute)` runs once per StartCanary. Default `rate(5 minutes)`. */
  schedule?: string;
  state?: CanaryState;
  stateReason?: string;
  runtimeVersion?: string;
  tags?: Record<string, string>;
  history?: CanaryRunSpec[];
  script?: CanaryOutcomeSpec[];
  /** Outcome once the script is used up. Default: PASSED after 20 s. */
  defaultOutcome?: CanaryOutcomeSpec;
  /**
   * Schedule.RetryConfig.MaxRetries, 0-2 (API reference, RetryConfigInput: "Valid Range: Minimum
   * value of 0. Maximum value of 2"). Unset: the canary has no RetryConfig and never retries.
   */
  maxRetries?: number;
}

export interface CanaryGroupSpec {
  name: string;
  canaries: string[];
}

export interface AlarmSpec {
  name: string;
  type?: 'MetricAlarm' | 'CompositeAlarm';
  state?: AlarmState;
  reason?: string;
  description?: string;
  /** Composite alarms only, e.g. `ALARM("api-5xx") OR ALARM("api-latency")`. */
  alarmRule?: string;
  namespace?: string;
  metricName?: string;
  threshold?: number;
  dimensions?: { Name: string; Value: string }[];
  /** Scripted state changes, `atMs` after emulator start. */
  timeline?: { atMs: number; state: AlarmState; reason?: string }[];
}

export interface Scenario {
  name?: string;
  description?: string;
  /** Extra key pairs, in addition to DEFAULT_CREDENTIALS. */
  credentials?: ScenarioCredential[];
  accounts?: Record<string, AccountSpec>;
  experimentTemplates?: ExperimentTemplateSpec[];
  canaries?: CanarySpec[];
  canaryGroups?: CanaryGroupSpec[];
  alarms?: AlarmSpec[];
  /** When set, every request is checked against it (see iam.ts). */
  policy?: IamPolicy;
}
