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
const LIST_SEPARATOR = /[\n,]/;
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

  /** Items separated by newlines or commas; blanks and `#` comment lines dropped. */
  list(name: string): string[] {
    const value = this.optional(name);
    if (value === undefined) return [];
    return value
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !item.startsWith('#'));
  }

  /**
   * Globs separated by newlines or commas, where a comma inside `{...}` or `[...]` belongs to the
   * glob (`infra/{dev,prod}/**` is one item); blanks and `#` comment lines dropped.
   */
  globList(name: string): string[] {
    const value = this.optional(name);
    if (value === undefined) return [];
    return splitGlobList(value)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !item.startsWith('#'));
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

/** Splits on newlines, and on commas at brace and bracket depth 0. */
function splitGlobList(value: string): string[] {
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
