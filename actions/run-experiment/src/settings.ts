import { createHash, randomBytes } from 'node:crypto';
import { type AwsSettings, readAwsSettings } from '../../../core/aws.js';
import { ConfigurationError, invalidInput } from '../../../core/errors.js';
import type { Inputs } from '../../../core/inputs.js';
import { type InsufficientDataTreatment, readInsufficientData } from '../../../core/signals.js';
import { type ExperimentOutcome, NEVER_ALLOWED_OUTCOMES, TERMINAL_OUTCOMES } from './outcome.js';
import { CLIENT_TOKEN_TAG, IF_RUNNING_MODES, type IfRunning } from './state.js';

/**
 * Every input of the action, parsed once and validated before any AWS call. Messages name the
 * input, the bad value and the accepted forms, in one line.
 */
export const INPUT_NAMES = [
  'experiment-template-id',
  'experiment-template-tags',
  'region',
  'endpoint-url',
  'max-attempts',
  'retry-mode',
  'timeout',
  'poll-interval',
  'tags',
  'client-token',
  'if-running',
  'preflight',
  'validate-targets',
  'steady-state-alarms',
  'steady-state-canaries',
  'recovery-timeout',
  'insufficient-data',
  'wait',
  'allowed-outcomes',
  'junit-path',
  'report-path',
] as const;

export type TemplateSelector = { kind: 'id'; id: string } | { kind: 'tags'; tags: Record<string, string> };

export interface RunExperimentSettings {
  template: TemplateSelector;
  aws: AwsSettings;
  timeoutMs: number;
  pollIntervalMs: number;
  /** The user's tags merged with the GitHub run tags (the run's tags win on a clash). */
  tags: Record<string, string>;
  /** Idempotency token of StartExperiment: a retried step finds its own experiment again. */
  clientToken: string;
  /** True when the user chose the token (then it is used exactly as given). */
  clientTokenExplicit: boolean;
  /** Another experiment of the template in progress: fail, or wait for it (if-running.ts). */
  ifRunning: IfRunning;
  preflight: boolean;
  validateTargets: boolean;
  steadyStateAlarms: string[];
  steadyStateCanaries: string[];
  recoveryTimeoutMs?: number;
  /** What a steady-state alarm that lacked data during the experiment does (core/signals.ts). */
  insufficientData: InsufficientDataTreatment;
  wait: boolean;
  allowedOutcomes: ExperimentOutcome[];
}

export const DEFAULT_TIMEOUT = '30m';
export const DEFAULT_POLL_INTERVAL = '15s';
export const MIN_POLL_INTERVAL_MS = 5_000;
export const MIN_TIMEOUT_MS = 5_000;
/** FIS limits (API reference: Tag, StartExperiment). */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const MAX_CLIENT_TOKEN_LENGTH = 64;
const CANARY_NAME_PATTERN = /^[0-9a-z_-]{1,255}$/;
const TEMPLATE_ID_PATTERN = /^EXT[A-Za-z0-9]{1,61}$/;
const TEMPLATE_ARN_PATTERN = /^arn:aws[\w-]*:fis:[a-z0-9-]+:\d{12}:experiment-template\/(EXT[A-Za-z0-9]+)$/;
const CLIENT_TOKEN_PATTERN = /^\S{1,64}$/;
const RESERVED_TAG_PREFIX = 'aws:';
/** Tags the action sets itself; a user tag of the same key is overridden. */
export const RUN_TAG_KEYS = {
  repository: 'github:repository',
  workflow: 'github:workflow',
  runId: 'github:run-id',
  runAttempt: 'github:run-attempt',
  sha: 'github:sha',
  clientToken: CLIENT_TOKEN_TAG,
} as const;

export function readSettings(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): RunExperimentSettings {
  const template = readTemplateSelector(inputs);
  const aws = readAwsSettings(inputs, env);
  const timeoutMs = inputs.duration('timeout', DEFAULT_TIMEOUT, { minMs: MIN_TIMEOUT_MS, minText: '5s' });
  const pollIntervalMs = inputs.duration('poll-interval', DEFAULT_POLL_INTERVAL, {
    minMs: MIN_POLL_INTERVAL_MS,
    minText: '5s (FIS API rate limits)',
  });
  const { clientToken, clientTokenExplicit } = readClientToken(inputs, env, template);
  const steadyStateAlarms = inputs.alarmNames('steady-state-alarms');
  const steadyStateCanaries = readCanaryNames(inputs);
  const recoveryTimeoutMs = inputs.optionalDuration('recovery-timeout');
  if (recoveryTimeoutMs !== undefined && steadyStateAlarms.length === 0) {
    throw new ConfigurationError(
      `Invalid recovery-timeout '${inputs.optional('recovery-timeout')}': it needs steady-state-alarms (the alarms that must return to OK)`,
    );
  }
  const wait = inputs.boolean('wait', true);
  if (
    !wait &&
    (steadyStateAlarms.length > 0 || steadyStateCanaries.length > 0 || recoveryTimeoutMs !== undefined)
  ) {
    throw new ConfigurationError(
      "Invalid wait 'false': steady-state-alarms, steady-state-canaries and recovery-timeout need wait: true",
    );
  }
  const preflight = inputs.boolean('preflight', true);
  const validateTargets = inputs.boolean('validate-targets', false);
  return {
    template,
    aws,
    timeoutMs,
    pollIntervalMs,
    tags: { ...readUserTags(inputs), ...runTags(env, clientToken) },
    clientToken,
    clientTokenExplicit,
    ifRunning: inputs.enumeration('if-running', IF_RUNNING_MODES, 'fail'),
    preflight,
    validateTargets,
    insufficientData: readInsufficientData(inputs),
    steadyStateAlarms,
    steadyStateCanaries,
    ...(recoveryTimeoutMs === undefined ? {} : { recoveryTimeoutMs }),
    wait,
    allowedOutcomes: readAllowedOutcomes(inputs),
  };
}

function readTemplateSelector(inputs: Inputs): TemplateSelector {
  const id = inputs.optional('experiment-template-id');
  const hasTags = inputs.optional('experiment-template-tags') !== undefined;
  if (id !== undefined && hasTags) {
    throw new ConfigurationError(
      'Set experiment-template-id or experiment-template-tags, not both: the id already names one template',
    );
  }
  if (id !== undefined) return { kind: 'id', id: parseTemplateId(id) };
  if (!hasTags) {
    throw new ConfigurationError(
      'Input required and not supplied: experiment-template-id (or experiment-template-tags, Key=Value lines)',
    );
  }
  const tags = inputs.map('experiment-template-tags');
  if (Object.keys(tags).length === 0) {
    throw invalidInput(
      'experiment-template-tags',
      inputs.optional('experiment-template-tags') ?? '',
      'use Key=Value lines',
    );
  }
  return { kind: 'tags', tags };
}

/** An id like EXTabc123, or the template's ARN (its id is taken from it). */
export function parseTemplateId(value: string): string {
  if (TEMPLATE_ID_PATTERN.test(value)) return value;
  const fromArn = TEMPLATE_ARN_PATTERN.exec(value)?.[1];
  if (fromArn) return fromArn;
  throw invalidInput(
    'experiment-template-id',
    value,
    'use a template id like EXT6dQmQ5YYgNYxJ5 or its ARN arn:aws:fis:REGION:ACCOUNT:experiment-template/EXT...',
  );
}

function readUserTags(inputs: Inputs): Record<string, string> {
  const tags = inputs.map('tags');
  for (const [key, value] of Object.entries(tags)) {
    const item = `${key}=${value}`;
    if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
      throw invalidInput('tags', item, `tag keys starting with '${RESERVED_TAG_PREFIX}' are reserved by AWS`);
    }
    if (key.length > MAX_TAG_KEY_LENGTH || value.length > MAX_TAG_VALUE_LENGTH) {
      throw invalidInput(
        'tags',
        item,
        `keys may have ${MAX_TAG_KEY_LENGTH} characters and values ${MAX_TAG_VALUE_LENGTH}`,
      );
    }
  }
  const max = MAX_TAGS - Object.keys(RUN_TAG_KEYS).length;
  if (Object.keys(tags).length > max) {
    throw invalidInput(
      'tags',
      `${Object.keys(tags).length} tags`,
      `use at most ${max} (FIS allows ${MAX_TAGS})`,
    );
  }
  return tags;
}

/** The tags that tie an experiment to the run that started it, for audits and for preflight. */
export function runTags(env: NodeJS.ProcessEnv, clientToken: string): Record<string, string> {
  const tags: Record<string, string> = {};
  const add = (key: string, value: string | undefined) => {
    if (value) tags[key] = value.slice(0, MAX_TAG_VALUE_LENGTH);
  };
  add(RUN_TAG_KEYS.repository, env.GITHUB_REPOSITORY);
  add(RUN_TAG_KEYS.workflow, env.GITHUB_WORKFLOW);
  add(RUN_TAG_KEYS.runId, env.GITHUB_RUN_ID);
  add(RUN_TAG_KEYS.runAttempt, env.GITHUB_RUN_ATTEMPT);
  add(RUN_TAG_KEYS.sha, env.GITHUB_SHA);
  add(RUN_TAG_KEYS.clientToken, clientToken);
  return tags;
}

function readClientToken(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  template: TemplateSelector,
): { clientToken: string; clientTokenExplicit: boolean } {
  const explicit = inputs.optional('client-token');
  if (explicit !== undefined) {
    // The validation run appends a suffix, so keep room for it.
    if (
      !CLIENT_TOKEN_PATTERN.test(explicit) ||
      explicit.length > MAX_CLIENT_TOKEN_LENGTH - VALIDATE_SUFFIX.length
    ) {
      throw invalidInput(
        'client-token',
        explicit,
        `use up to ${MAX_CLIENT_TOKEN_LENGTH - VALIDATE_SUFFIX.length} characters without spaces`,
      );
    }
    return { clientToken: explicit, clientTokenExplicit: true };
  }
  return { clientToken: deriveClientToken(env, template), clientTokenExplicit: false };
}

export const VALIDATE_SUFFIX = '-validate';

/**
 * run id + attempt + job + step (+ the template) identify one execution of this step: a retry of
 * the step within the same attempt gets the same token, so FIS returns the experiment it already
 * started instead of injecting the fault twice. A re-run of the job is a new attempt: a new token.
 * Outside GitHub (the CLI) there is nothing to be idempotent with: a random token.
 */
export function deriveClientToken(env: NodeJS.ProcessEnv, template: TemplateSelector): string {
  if (!env.GITHUB_RUN_ID) return `rg-${cryptoRandomHex()}`;
  const parts = [
    env.GITHUB_REPOSITORY ?? '',
    env.GITHUB_RUN_ID,
    env.GITHUB_RUN_ATTEMPT ?? '1',
    env.GITHUB_JOB ?? '',
    env.GITHUB_ACTION ?? '',
    template.kind === 'id' ? template.id : JSON.stringify(sortedEntries(template.tags)),
  ];
  return `rg-${sha256Hex(parts.join('\u0000')).slice(0, CLIENT_TOKEN_HASH_CHARS)}`;
}

const CLIENT_TOKEN_HASH_CHARS = 40;

function sortedEntries(tags: Record<string, string>): [string, string][] {
  return Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const RANDOM_TOKEN_BYTES = 16;
function cryptoRandomHex(): string {
  return randomBytes(RANDOM_TOKEN_BYTES).toString('hex');
}

function readCanaryNames(inputs: Inputs): string[] {
  const names = inputs.list('steady-state-canaries');
  for (const name of names) {
    if (!CANARY_NAME_PATTERN.test(name)) {
      throw invalidInput(
        'steady-state-canaries',
        name,
        'use canary names (lowercase letters, digits, hyphens and underscores)',
      );
    }
  }
  return [...new Set(names)];
}

/**
 * stopped-by-gate means timeout, cancellation or a breach; nothing-injected means no fault ran:
 * never a pass, so never allowed.
 */
export const ALLOWABLE_OUTCOMES = TERMINAL_OUTCOMES.filter(
  (outcome) => !NEVER_ALLOWED_OUTCOMES.includes(outcome),
);

function readAllowedOutcomes(inputs: Inputs): ExperimentOutcome[] {
  const listed = inputs.list('allowed-outcomes');
  if (listed.includes('stopped-by-gate')) {
    throw invalidInput(
      'allowed-outcomes',
      'stopped-by-gate',
      `a timeout, cancellation or steady-state breach always fails; use one or more of ${ALLOWABLE_OUTCOMES.join(', ')}`,
    );
  }
  if (listed.includes('nothing-injected')) {
    throw invalidInput(
      'allowed-outcomes',
      'nothing-injected',
      `an experiment that injected no fault proves nothing and always fails; use one or more of ${ALLOWABLE_OUTCOMES.join(', ')}`,
    );
  }
  return inputs.enumList('allowed-outcomes', ALLOWABLE_OUTCOMES, ['completed']);
}
