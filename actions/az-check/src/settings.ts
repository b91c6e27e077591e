import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { type AwsSettings, readAwsSettings } from '../../../core/aws.js';
import { ConfigurationError, invalidInput } from '../../../core/errors.js';
import { GLOB_CHARACTERS, type Inputs } from '../../../core/inputs.js';
import { reportFiles } from '../../../core/pipeline.js';
import type { Severity } from './rules.js';
import { classifyZone } from './zones.js';

/**
 * Every az-check input, parsed once. Diff bounds come from the explicit `base`/`head` inputs, else
 * from the event that triggered the workflow (pull_request, merge_group, push); on a laptop they
 * stay undefined and diff.ts uses the merge base with origin/HEAD (or main) and the working tree.
 */
export const SCAN_MODES = ['changed', 'all'] as const;
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export const SEVERITIES = ['error', 'warning', 'note'] as const;

export type ScanMode = (typeof SCAN_MODES)[number];
export type FailOn = (typeof FAIL_ON)[number];

/** Where the diff bounds came from, for the log and the report. */
export type DiffSource = 'inputs' | 'pull_request' | 'merge_group' | 'push' | 'local';

export interface AzCheckSettings {
  /** Absolute folder that is scanned and that paths are relative to (the repository root). */
  root: string;
  paths: string[];
  ignorePaths: string[];
  scan: ScanMode;
  base?: string;
  head?: string;
  diffSource: DiffSource;
  failOn: FailOn;
  /**
   * Absolute path of the config file; `configRequired` when the user named another file than the
   * default (the runner passes action.yml's default as if typed, so the default is always optional).
   */
  configPath: string;
  configRequired: boolean;
  sarifPath?: string;
  /** `automationDetails.id` of the SARIF run; undefined: none, so upload-sarif's category applies. */
  sarifCategory?: string;
  reportPath: string;
  /** Undefined when the input is not set: `.az-check.yml` may set it, else off. */
  scanComments?: boolean;
  /** Severity of `by-region` rules in uniformly mapped regions; undefined: config, else warning. */
  uniformRegionSeverity?: Severity;
  resolve: boolean;
  /** Rewrite fixable findings in place (fix.ts); the verdict still judges the files as found. */
  fix: boolean;
  /** AZ name -> AZ ID, for `fix` (and before `resolve`'s answers). */
  zoneMap: Map<string, string>;
  roleArns: string[];
  /** Set when `resolve` is true. */
  aws?: AwsSettings;
}

export const INPUT_NAMES = [
  'paths',
  'ignore-paths',
  'scan',
  'base',
  'head',
  'fail-on',
  'config',
  'sarif-path',
  'sarif-category',
  'report-path',
  'scan-comments',
  'uniform-region-severity',
  'working-directory',
  'resolve',
  'fix',
  'zone-map',
  'role-arns',
  'region',
  'endpoint-url',
  'max-attempts',
  'retry-mode',
] as const;

/** action.yml's `config` default (test/metadata.test.ts keeps the two equal). */
export const DEFAULT_CONFIG_FILE = '.az-check.yml';
// A ref or SHA; never starting with `-` (git would read it as an option).
const REVISION_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]*$/;
const REVISION_FORMS = 'use a commit SHA or a ref like origin/main';
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ROLE_ARN_FORMS = 'use role ARNs like arn:aws:iam::111111111111:role/az-check, one per line';
// STS is global; this region only picks its endpoint when the user set none.
const FALLBACK_STS_REGION = 'us-east-1';
// `git` writes this for the "before" of a push that created the branch.
const ZERO_SHA = /^0+$/;

export function readSettings(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  workspace: string = env.GITHUB_WORKSPACE ?? process.cwd(),
): AzCheckSettings {
  const root = workingDirectory(inputs, workspace);
  const resolve = inputs.boolean('resolve', false);
  const diff = diffBounds(inputs, env);
  const configInput = inputs.optional('config');
  const files = reportFiles('az-check', inputs, env, workspace);
  return {
    root,
    paths: checkedPaths(inputs.list('paths'), root),
    ignorePaths: inputs.list('ignore-paths'),
    scan: inputs.enumeration('scan', SCAN_MODES, 'changed'),
    ...diff,
    failOn: inputs.enumeration('fail-on', FAIL_ON, 'error'),
    configPath: absolute(configInput ?? DEFAULT_CONFIG_FILE, root),
    configRequired: configInput !== undefined && configInput !== DEFAULT_CONFIG_FILE,
    ...(files.sarif ? { sarifPath: files.sarif } : {}),
    ...optionalSetting('sarifCategory', sarifCategory(inputs)),
    reportPath: files.report,
    ...optionalSetting(
      'scanComments',
      inputs.optional('scan-comments') && inputs.boolean('scan-comments', false),
    ),
    ...optionalSetting(
      'uniformRegionSeverity',
      inputs.optional('uniform-region-severity') &&
        inputs.enumeration('uniform-region-severity', SEVERITIES, 'warning'),
    ),
    resolve,
    fix: inputs.boolean('fix', false),
    zoneMap: parseZoneMap(inputs.list('zone-map')),
    roleArns: readRoleArns(inputs),
    ...(resolve ? { aws: readAwsSettings(inputs, withStsRegionFallback(env)) } : {}),
  };
}

/** The scanned folder must exist: a typo would otherwise scan nothing and pass. */
function workingDirectory(inputs: Inputs, workspace: string): string {
  const value = inputs.string('working-directory', '.');
  const root = absolute(value, workspace);
  if (!isDirectory(root)) {
    throw invalidInput('working-directory', value, `use a folder that exists under ${workspace}`);
  }
  return root;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function optionalSetting<K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } {
  return value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]?: V });
}

/**
 * Plain paths must exist inside the scanned folder: a typo or a folder outside it would otherwise
 * scan nothing and pass, which is the one thing a gate must never do quietly. Globs may match
 * nothing (a change may not touch them).
 */
function checkedPaths(paths: string[], root: string): string[] {
  for (const path of paths) {
    if (GLOB_CHARACTERS.test(path)) continue;
    const full = absolute(path, root);
    const inside = relative(root, full);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw invalidInput(
        'paths',
        path,
        `use files or folders inside ${root} (set working-directory to scan elsewhere)`,
      );
    }
    if (!existsSync(full)) throw invalidInput('paths', path, `no such file or folder under ${root}`);
  }
  return paths;
}

function absolute(path: string, base: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

/** `a/b` or `a/b/`: written as `a/b/` (category `a/b`, no run id), as upload-sarif writes it. */
function sarifCategory(inputs: Inputs): string | undefined {
  const value = inputs.optional('sarif-category');
  if (value === undefined) return undefined;
  const category = value.trim().replace(/\/+$/, '');
  if (category === '' || /\s/.test(category)) {
    throw invalidInput('sarif-category', value, 'use a name without spaces, like az-check/infra');
  }
  return category;
}

function readRoleArns(inputs: Inputs): string[] {
  const arns = inputs.list('role-arns');
  for (const arn of arns)
    if (!ROLE_ARN_PATTERN.test(arn)) throw invalidInput('role-arns', arn, ROLE_ARN_FORMS);
  return arns;
}

/** Resolution runs per region found in the files: the client region only matters for STS. */
function withStsRegionFallback(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.AWS_REGION || env.AWS_DEFAULT_REGION) return env;
  return { ...env, AWS_REGION: FALLBACK_STS_REGION };
}

function revision(inputs: Inputs, name: 'base' | 'head'): string | undefined {
  const value = inputs.optional(name);
  if (value !== undefined && !REVISION_PATTERN.test(value)) throw invalidInput(name, value, REVISION_FORMS);
  return value;
}

type DiffBounds = Pick<AzCheckSettings, 'base' | 'head' | 'diffSource'>;

/** Explicit inputs win; then the event payload; else local (CLI) defaults. */
export function diffBounds(inputs: Inputs, env: NodeJS.ProcessEnv): DiffBounds {
  const base = revision(inputs, 'base');
  const head = revision(inputs, 'head');
  const event = eventBounds(env);
  if (base !== undefined || head !== undefined) {
    const merged = { base: base ?? event?.base, head: head ?? event?.head };
    return { ...defined(merged), diffSource: 'inputs' };
  }
  return event ?? { diffSource: 'local' };
}

function defined(bounds: { base?: string | undefined; head?: string | undefined }): {
  base?: string;
  head?: string;
} {
  return {
    ...(bounds.base ? { base: bounds.base } : {}),
    ...(bounds.head ? { head: bounds.head } : {}),
  };
}

interface EventPayload {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  merge_group?: { base_sha?: string; head_sha?: string };
  before?: string;
  after?: string;
}

/** Bounds from GITHUB_EVENT_PATH for the events az-check understands; undefined otherwise. */
export function eventBounds(env: NodeJS.ProcessEnv): DiffBounds | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  let payload: EventPayload;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch (error) {
    throw new ConfigurationError(`Cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (payload.pull_request) {
    return {
      ...defined({ base: payload.pull_request.base?.sha, head: payload.pull_request.head?.sha }),
      diffSource: 'pull_request',
    };
  }
  if (payload.merge_group) {
    return {
      ...defined({ base: payload.merge_group.base_sha, head: payload.merge_group.head_sha }),
      diffSource: 'merge_group',
    };
  }
  if (name === 'push' || payload.after) {
    // A new branch has no "before": the diff then falls back to the default branch (diff.ts).
    const before = payload.before && !ZERO_SHA.test(payload.before) ? payload.before : undefined;
    return { ...defined({ base: before, head: payload.after }), diffSource: 'push' };
  }
  return undefined;
}

const ZONE_MAP_FORMS = "use name=ID pairs such as us-east-1a=use1-az6, the ID in the name's region";

/** `us-east-1a=use1-az6` items: the ID must be an AZ ID of the name's region. */
export function parseZoneMap(items: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of items) {
    const [name, id, extra] = item.split('=').map((part) => part.trim());
    const zoneName = name ? classifyZone(name) : undefined;
    const zoneId = id ? classifyZone(id) : undefined;
    const valid =
      extra === undefined &&
      zoneName?.kind === 'name' &&
      zoneId?.kind === 'id' &&
      zoneId.region === zoneName.region &&
      zoneId.zoneType === zoneName.zoneType;
    if (!valid) throw invalidInput('zone-map', item, ZONE_MAP_FORMS);
    map.set(name!, id!);
  }
  return map;
}
