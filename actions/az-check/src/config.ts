import { readFile } from 'node:fs/promises';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { ConfigurationError } from '../../../core/errors.js';
import { findRule, RULES, type RuleId, type Severity } from './rules.js';

/**
 * `.az-check.yml`: per-rule severities (or `off`), ignores by rule/path/zone with a reason, extra
 * ignore-paths, and defaults for scan-comments and uniform-region-severity. Inputs win over the
 * file. A missing default file is fine; a named file that is missing is a configuration error.
 *
 * ```yaml
 * rules: { AZ004: off, AZ007: note }
 * uniform-region-severity: warning
 * ignore-paths: [legacy/**]
 * ignore:
 *   - rules: [AZ001]
 *     path: modules/legacy/**
 *     reason: legacy VPC, moves to IDs in Q3
 * ```
 */
export type RuleSetting = Severity | 'off';

export interface IgnoreEntry {
  /** Empty: every rule. */
  rules: RuleId[];
  path?: string;
  zone?: string;
  reason: string;
  matchesPath: (path: string) => boolean;
}

export interface AzCheckConfig {
  /** Relative to the repository root, or undefined when no file was read. */
  source?: string;
  rules: Partial<Record<RuleId, RuleSetting>>;
  ignore: IgnoreEntry[];
  ignorePaths: string[];
  scanComments?: boolean;
  uniformRegionSeverity?: Severity;
}

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'note', 'off'];
const TOP_LEVEL_KEYS = ['rules', 'ignore', 'ignore-paths', 'scan-comments', 'uniform-region-severity'];
const RULE_FORMS = `use one of ${RULES.map((rule) => rule.id).join(', ')} or a rule name`;

export const EMPTY_CONFIG: AzCheckConfig = { rules: {}, ignore: [], ignorePaths: [] };

export async function loadConfig(
  path: string,
  required: boolean,
  displayName: string,
): Promise<AzCheckConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CONFIG;
    throw new ConfigurationError(`Invalid config '${displayName}': ${(error as Error).message}`);
  }
  return parseConfig(text, displayName);
}

export function parseConfig(text: string, source: string): AzCheckConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw configError(source, '', (error as Error).message.split('\n', 1)[0] ?? 'YAML syntax error');
  }
  if (raw === null || raw === undefined) return { ...EMPTY_CONFIG, source };
  if (!isRecord(raw)) throw configError(source, '', 'expected a mapping');
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key))
      throw configError(source, key, `unknown key; use ${TOP_LEVEL_KEYS.join(', ')}`);
  }
  const config: AzCheckConfig = {
    source,
    rules: parseRules(raw.rules, source),
    ignore: parseIgnores(raw.ignore, source),
    ignorePaths: stringList(raw['ignore-paths'], source, 'ignore-paths'),
  };
  const comments = raw['scan-comments'];
  if (comments !== undefined) {
    if (typeof comments !== 'boolean') throw configError(source, 'scan-comments', 'use true or false');
    config.scanComments = comments;
  }
  const uniform = raw['uniform-region-severity'];
  if (uniform !== undefined) {
    if (uniform !== 'error' && uniform !== 'warning' && uniform !== 'note') {
      throw configError(source, 'uniform-region-severity', 'use error, warning or note');
    }
    config.uniformRegionSeverity = uniform;
  }
  return config;
}

function parseRules(value: unknown, source: string): Partial<Record<RuleId, RuleSetting>> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw configError(source, 'rules', 'expected a mapping of rule: severity');
  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  for (const [key, setting] of Object.entries(value)) {
    const rule = findRule(key);
    if (!rule) throw configError(source, `rules.${key}`, `unknown rule; ${RULE_FORMS}`);
    // YAML 1.2 reads `off` as a string; `false` is accepted as a synonym.
    const normalized = setting === false ? 'off' : setting;
    if (!RULE_SETTINGS.includes(normalized as RuleSetting)) {
      throw configError(source, `rules.${key}`, `use ${RULE_SETTINGS.join(', ')}`);
    }
    rules[rule.id] = normalized as RuleSetting;
  }
  return rules;
}

function parseIgnores(value: unknown, source: string): IgnoreEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw configError(source, 'ignore', 'expected a list of {rules, path, zone, reason}');
  return value.map((item, index) => parseIgnore(item, source, `ignore[${index}]`));
}

function parseIgnore(item: unknown, source: string, where: string): IgnoreEntry {
  if (!isRecord(item))
    throw configError(source, where, 'expected a mapping with rules, path, zone and reason');
  const reason = item.reason;
  if (typeof reason !== 'string' || reason.trim() === '')
    throw configError(source, `${where}.reason`, 'say why the finding is accepted');
  const names = [
    ...stringList(item.rules, source, `${where}.rules`),
    ...stringList(item.rule, source, `${where}.rule`),
  ];
  const rules = names.map((name) => {
    const rule = findRule(name);
    if (!rule) throw configError(source, `${where}.rules`, `unknown rule '${name}'; ${RULE_FORMS}`);
    return rule.id;
  });
  const path = optionalString(item.path, source, `${where}.path`);
  const zone = optionalString(item.zone, source, `${where}.zone`);
  const matcher = path ? picomatch(path, { dot: true }) : undefined;
  return {
    rules,
    ...(path ? { path } : {}),
    ...(zone ? { zone } : {}),
    reason: reason.trim(),
    matchesPath: (candidate) => !matcher || matcher(candidate),
  };
}

function stringList(value: unknown, source: string, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw configError(source, where, 'expected a string or a list of strings');
}

function optionalString(value: unknown, source: string, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw configError(source, where, 'expected a string');
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function configError(source: string, key: string, problem: string): ConfigurationError {
  return new ConfigurationError(`Invalid config '${source}'${key ? ` at ${key}` : ''}: ${problem}`);
}
