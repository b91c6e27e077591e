import { type AwsSettings, readAwsSettings } from '../../../core/aws.js';
import { DURATION_FORMS, formatDuration, parseDuration } from '../../../core/duration.js';
import { ConfigurationError, invalidInput } from '../../../core/errors.js';
import { GLOB_CHARACTERS, type Inputs } from '../../../core/inputs.js';
import { type InsufficientDataTreatment, readInsufficientData } from '../../../core/signals.js';
import { readCanaryTags, type TagSelector } from './selection.js';

/**
 * The action's inputs, parsed once into typed settings. Everything is validated here, before any
 * AWS call, and every message names the input, the bad value and the accepted forms.
 */
export type TriggerMode = 'auto' | 'never';
export type OnTimeout = 'fail' | 'pass' | 'neutral';
export type ExecutionFailureTreatment = 'failure' | 'warning';

/**
 * "After the deploy", resolved on AWS's clock once the first response tells it (see
 * core/aws.ts AwsClock): the step's start, a duration before it, or a timestamp as given.
 */
export type SinceSpec = { kind: 'step-start' } | { kind: 'ago'; ms: number } | { kind: 'at'; ms: number };

/**
 * Epoch ms of `since` on AWS's clock, given the step start on the runner's clock and AWS's offset
 * from it (core/aws.ts AwsClock: a lower bound, since the Date header has whole seconds, so the
 * step start may read up to a second early; the runs that matter start after the deploy, seconds
 * before the step). A timestamp (the runner's `date -u` in the README recipe, or one taken on
 * AWS's clock) is read on whichever clock puts it later, so a run is never counted early.
 */
export function sinceOnAwsClock(since: SinceSpec, runnerStepStart: number, awsOffsetMs: number): number {
  if (since.kind === 'step-start') return runnerStepStart + awsOffsetMs;
  if (since.kind === 'ago') return runnerStepStart + awsOffsetMs - since.ms;
  return Math.max(since.ms, since.ms + awsOffsetMs);
}

export interface Thresholds {
  minRuns: number;
  /** 0..100 */
  minSuccessPercent: number;
  /** The latest N counted runs must all have passed. */
  consecutivePasses?: number;
  /** Fail as soon as the thresholds provably cannot be met before the deadline. */
  failFast: boolean;
  treatExecutionFailuresAs: ExecutionFailureTreatment;
}

export interface CanaryGateSettings {
  /** Canary names, exactly as given (no glob characters). */
  names: string[];
  /** Glob patterns (picomatch), each of which must match at least one canary. */
  patterns: string[];
  /** A Synthetics group name or ARN. */
  group?: string;
  /** canary-tags: canaries carrying every one of these tags are gated too (selection.ts). */
  tags?: TagSelector;
  /** Runs that started before this never count (see sinceOnAwsClock). */
  since: SinceSpec;
  /** How `since` was given, for the report. */
  sinceText: string;
  thresholds: Thresholds;
  trigger: TriggerMode;
  alarms: string[];
  insufficientData: InsufficientDataTreatment;
  timeoutMs: number;
  pollIntervalMs: number;
  onTimeout: OnTimeout;
  aws: AwsSettings;
}

export const GATE_NAME = 'canary-gate';

/** Every input action.yml declares, in its order; the CLI turns each into a flag. */
export const INPUT_NAMES = [
  'canaries',
  'group',
  'canary-tags',
  'since',
  'min-runs',
  'min-success-percent',
  'consecutive-passes',
  'fail-fast',
  'trigger',
  'alarms',
  'insufficient-data',
  'timeout',
  'poll-interval',
  'on-timeout',
  'treat-execution-failures-as',
  'junit-path',
  'report-path',
  'region',
  'endpoint-url',
  'max-attempts',
  'retry-mode',
] as const;

export const DEFAULT_TIMEOUT = '15m';
export const DEFAULT_POLL_INTERVAL = '30s';
/** Below this a gate hammers the Synthetics API for no benefit: canaries run at most once a minute. */
export const MIN_POLL_INTERVAL_MS = 5_000;
export const MIN_TIMEOUT_MS = 10_000;
export const MAX_MIN_RUNS = 1_000;
export const MAX_CONSECUTIVE_PASSES = 1_000;
const MAX_PERCENT = 100;

/** Synthetics canary names: lower-case letters, digits, `_` and `-`, at most 255 characters. */
const CANARY_NAME_PATTERN = /^[0-9a-z_-]{1,255}$/;
/** Names plus the picomatch characters people use in patterns: * ? [ ] { } , ! */
const CANARY_GLOB_PATTERN = /^[0-9a-z_\-*?[\]{},!]{1,255}$/;
const GROUP_PATTERN = /^(arn:aws[\w-]*:synthetics:[a-z0-9-]+:\d{12}:group:[0-9a-z]+|[0-9A-Za-z_-]{1,64})$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const CANARY_FORMS =
  'use canary names (lower-case letters, digits, - and _) or glob patterns like checkout-*, one per line';
const SINCE_FORMS = `use an ISO timestamp like 2025-01-15T12:00:00Z, or a duration ago like 10m (${DURATION_FORMS})`;

export function readSettings(inputs: Inputs, env: NodeJS.ProcessEnv, now: number): CanaryGateSettings {
  const { names, patterns } = readCanaries(inputs);
  const group = readGroup(inputs);
  const tags = readCanaryTags(inputs);
  if (names.length === 0 && patterns.length === 0 && group === undefined && tags === undefined) {
    throw new ConfigurationError(
      'Input required and not supplied: canaries (names or glob patterns, one per line), group (a Synthetics group) or canary-tags (Key=Value)',
    );
  }
  const since = readSince(inputs, now);
  const pollIntervalMs = inputs.duration('poll-interval', DEFAULT_POLL_INTERVAL, {
    minMs: MIN_POLL_INTERVAL_MS,
    minText: formatDuration(MIN_POLL_INTERVAL_MS),
  });
  const timeoutMs = inputs.duration('timeout', DEFAULT_TIMEOUT, {
    minMs: MIN_TIMEOUT_MS,
    minText: formatDuration(MIN_TIMEOUT_MS),
  });
  if (timeoutMs < pollIntervalMs) {
    throw invalidInput(
      'timeout',
      inputs.optional('timeout') ?? DEFAULT_TIMEOUT,
      `use at least the poll-interval (${formatDuration(pollIntervalMs)})`,
    );
  }
  return {
    names,
    patterns,
    ...(group === undefined ? {} : { group }),
    ...(tags === undefined ? {} : { tags }),
    since: since.spec,
    sinceText: since.text,
    thresholds: readThresholds(inputs),
    trigger: inputs.enumeration('trigger', ['auto', 'never'] as const, 'auto'),
    alarms: inputs.alarmNames('alarms'),
    insufficientData: readInsufficientData(inputs),
    timeoutMs,
    pollIntervalMs,
    onTimeout: inputs.enumeration('on-timeout', ['fail', 'pass', 'neutral'] as const, 'fail'),
    aws: readAwsSettings(inputs, env),
  };
}

function readThresholds(inputs: Inputs): Thresholds {
  const consecutivePasses = inputs.optionalInteger('consecutive-passes', {
    min: 1,
    max: MAX_CONSECUTIVE_PASSES,
  });
  return {
    minRuns: inputs.integer('min-runs', 1, { min: 1, max: MAX_MIN_RUNS }),
    minSuccessPercent: inputs.integer('min-success-percent', MAX_PERCENT, { min: 0, max: MAX_PERCENT }),
    ...(consecutivePasses === undefined ? {} : { consecutivePasses }),
    failFast: inputs.boolean('fail-fast', true),
    treatExecutionFailuresAs: inputs.enumeration(
      'treat-execution-failures-as',
      ['failure', 'warning'] as const,
      'failure',
    ),
  };
}

function readCanaries(inputs: Inputs): { names: string[]; patterns: string[] } {
  const names: string[] = [];
  const patterns: string[] = [];
  for (const item of inputs.list('canaries')) {
    if (CANARY_NAME_PATTERN.test(item)) {
      if (!names.includes(item)) names.push(item);
    } else if (CANARY_GLOB_PATTERN.test(item) && GLOB_CHARACTERS.test(item)) {
      if (!patterns.includes(item)) patterns.push(item);
    } else {
      throw invalidInput('canaries', item, CANARY_FORMS);
    }
  }
  return { names, patterns };
}

function readGroup(inputs: Inputs): string | undefined {
  const group = inputs.optional('group');
  if (group === undefined) return undefined;
  if (!GROUP_PATTERN.test(group)) {
    throw invalidInput('group', group, 'use a Synthetics group name (letters, digits, - and _) or its ARN');
  }
  return group;
}

function readSince(inputs: Inputs, now: number): { spec: SinceSpec; text: string } {
  const value = inputs.optional('since');
  if (value === undefined) return { spec: { kind: 'step-start' }, text: 'the start of this step' };
  const ago = parseDuration(value);
  if (ago !== undefined) return { spec: { kind: 'ago', ms: ago }, text: `${value} ago` };
  if (!ISO_TIMESTAMP.test(value)) throw invalidInput('since', value, SINCE_FORMS);
  // A date-time without a zone is read as UTC, as AWS prints times; Date would read it as local.
  const withZone = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw invalidInput('since', value, SINCE_FORMS);
  if (ms > now)
    throw invalidInput('since', value, 'use a time in the past (the deploy that the canaries must prove)');
  return { spec: { kind: 'at', ms }, text: new Date(ms).toISOString() };
}
