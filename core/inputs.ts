import { DURATION_FORMS, parseDuration } from './duration.js';
import { ConfigurationError, invalidInput } from './errors.js';

/**
 * Typed access to action inputs. Every gate parses its inputs once, through this class, into a
 * settings object; the reader decides where raw values come from (INPUT_* variables on a runner,
 * --flags on the CLI), so both paths share the same validation and error messages.
 */
export type InputReader = (name: string) => string | undefined;

/** Reads inputs exactly as the runner passes them: INPUT_<NAME>, spaces to underscores, upper case. */
export function runnerInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

/** Reads from a plain map (CLI flags, tests). */
export function mapInputReader(values: Record<string, string | undefined>): InputReader {
  return (name) => values[name];
}

// The YAML 1.2 core schema booleans, as the runner's own toolkit accepts them.
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
const BOOLEAN_FORMS = 'use true or false';
/** CloudWatch alarm names (PutMetricAlarm AlarmName: 1 to 255 characters). */
const MAX_ALARM_NAME_LENGTH = 255;
const ALARM_NAME_FORMS = `use CloudWatch alarm names of at most ${MAX_ALARM_NAME_LENGTH} characters, one per line`;
/** The characters that make an item a glob pattern (picomatch) rather than a plain name or path. */
export const GLOB_CHARACTERS = /[*?[\]{}!]/;

export interface IntegerRange {
  min?: number;
  max?: number;
}

export class Inputs {
  constructor(private readonly read: InputReader) {}

  /** Trimmed value, or undefined when empty or absent. */
  optional(name: string): string | undefined {
    const value = this.read(name)?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new ConfigurationError(`Input required and not supplied: ${name}`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (TRUE_VALUES.includes(value)) return true;
    if (FALSE_VALUES.includes(value)) return false;
    throw invalidInput(name, value, BOOLEAN_FORMS);
  }

  integer(name: string, fallback: number, range: IntegerRange = {}): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const accepted = describeRange(range);
    if (!/^-?\d+$/.test(value)) throw invalidInput(name, value, accepted);
    const parsed = Number(value);
    if (!withinRange(parsed, range)) throw invalidInput(name, value, accepted);
    return parsed;
  }

  optionalInteger(name: string, range: IntegerRange = {}): number | undefined {
    return this.optional(name) === undefined ? undefined : this.integer(name, 0, range);
  }

  /** One of a closed set of words; the error lists them. */
  enumeration<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw invalidInput(name, value, `use one of ${allowed.join(', ')}`);
  }

  /** Items one per line (values that may hold commas); blanks and `#` comment lines dropped. */
  lines(name: string): string[] {
    return keptItems((this.optional(name) ?? '').split('\n'));
  }

  /**
   * Items separated by newlines or commas, where a comma inside `{...}` or `[...]` belongs to the
   * item (the glob `infra/{dev,prod}/**` is one item); blanks and `#` comment lines dropped.
   */
  list(name: string): string[] {
    return splitList(this.optional(name) ?? '');
  }

  /**
   * CloudWatch alarm names, one per line: a name may hold commas and spaces, so commas never
   * separate. PutMetricAlarm's AlarmName "must contain only UTF-8 characters, and can't contain
   * ASCII control characters", 1 to 255 of them (the CloudWatch API reference, as the SDKs
   * generated from it print it, e.g. paws.management cloudwatch_put_metric_alarm). Each name once,
   * in the order given.
   */
  alarmNames(name: string): string[] {
    const names = [...new Set(this.lines(name))];
    for (const alarm of names)
      if (alarm.length > MAX_ALARM_NAME_LENGTH) throw invalidInput(name, alarm, ALARM_NAME_FORMS);
    return names;
  }

  /** Like list(), but each item must be one of `allowed`. */
  enumList<T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
    const items = this.list(name);
    if (items.length === 0) return [...fallback];
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) {
        throw invalidInput(name, item, `use one or more of ${allowed.join(', ')}`);
      }
    }
    return items as T[];
  }

  /** `Key=Value` lines (or comma-separated); the value may contain `=`. */
  map(name: string): Record<string, string> {
    const entries: Record<string, string> = {};
    for (const item of this.list(name)) {
      const split = item.indexOf('=');
      const key = split > 0 ? item.slice(0, split).trim() : '';
      if (!key) throw invalidInput(name, item, 'use Key=Value, one per line');
      // A second value for a key would silently replace the first (a tag holds one value).
      if (Object.hasOwn(entries, key))
        throw invalidInput(name, item, `the key ${key} is already given (each key takes one value)`);
      entries[key] = item.slice(split + 1).trim();
    }
    return entries;
  }

  /** Milliseconds; `min` refuses values that are too short (for example a hammering poll interval). */
  duration(name: string, fallback: string, options: { minMs?: number; minText?: string } = {}): number {
    const parsed = this.optionalDuration(name, options);
    return parsed ?? (parseDuration(fallback) as number);
  }

  optionalDuration(name: string, options: { minMs?: number; minText?: string } = {}): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    const parsed = parseDuration(value);
    if (parsed === undefined) throw invalidInput(name, value, DURATION_FORMS);
    if (options.minMs !== undefined && parsed < options.minMs) {
      throw invalidInput(name, value, `use at least ${options.minText ?? `${options.minMs}ms`}`);
    }
    return parsed;
  }
}

/** The items of a list() value: split on newlines and on commas outside braces and brackets. */
export function splitList(value: string): string[] {
  return keptItems(splitOutsideBraces(value));
}

function keptItems(items: readonly string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item !== '' && !item.startsWith('#'));
}

/** Splits on newlines, and on commas at brace and bracket depth 0. */
function splitOutsideBraces(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    if (ch === '{' || ch === '[') depth += 1;
    else if ((ch === '}' || ch === ']') && depth > 0) depth -= 1;
    else if (ch === '\n' || (ch === ',' && depth === 0)) {
      items.push(value.slice(start, i));
      // A newline always ends an item: an unclosed brace never swallows the next line.
      if (ch === '\n') depth = 0;
      start = i + 1;
    }
  }
  items.push(value.slice(start));
  return items;
}

function withinRange(value: number, range: IntegerRange): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function describeRange(range: IntegerRange): string {
  if (range.min !== undefined && range.max !== undefined) {
    return `use a whole number from ${range.min} to ${range.max}`;
  }
  if (range.min !== undefined) return `use a whole number of at least ${range.min}`;
  if (range.max !== undefined) return `use a whole number of at most ${range.max}`;
  return 'use a whole number';
}
