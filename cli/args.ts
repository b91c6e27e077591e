import { parseArgs } from 'node:util';
import type { GateDefinition } from '../core/host.js';

/**
 * The gate's command line: every action input is a `--flag <value>`, plus the CLI's own flags.
 * node:util parseArgs splits the words; the checks Node would make in strict mode are made here
 * instead, because its messages ("argument is ambiguous") are not the project's one-line errors
 * and it cannot tell a negative number from a forgotten value.
 */
export const FORMATS = ['text', 'markdown', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface GateArgs {
  /** Input values as the action would receive them: a repeated flag adds a line. */
  values: Record<string, string>;
  /** Undefined when --format was not given: the caller picks the default. */
  format?: OutputFormat;
  showSummary: boolean;
  help: boolean;
}

/** A command-line mistake: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const CLI_VALUE_FLAGS = ['format'] as const;
const CLI_BOOLEAN_FLAGS = ['no-summary', 'help'] as const;

export function parseGateArgs(gate: GateDefinition, args: readonly string[]): GateArgs {
  const valueFlags = [...gate.inputs, ...CLI_VALUE_FLAGS];
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const name of valueFlags) options[name] = { type: 'string', multiple: true };
  for (const name of CLI_BOOLEAN_FLAGS) options[name] = { type: 'boolean' };
  options.help = { type: 'boolean', short: 'h' };
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const known = [...valueFlags, ...CLI_BOOLEAN_FLAGS];
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  const parsed: GateArgs = { values: {}, showSummary: true, help: false };
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!known.includes(token.name)) throw unknownFlag(token.rawName, known);
    if (token.name === 'help') parsed.help = true;
    else if (token.name === 'no-summary') parsed.showSummary = false;
    else {
      const value = flagValue(token.rawName, token.value, token.inlineValue ?? false, known);
      lists.set(token.name, [...(lists.get(token.name) ?? []), value]);
    }
  }
  const formats = lists.get('format');
  lists.delete('format');
  if (formats) parsed.format = parseFormat(formats);
  for (const [name, items] of lists) parsed.values[name] = items.join('\n');
  addPositionals(gate, positionals, parsed.values);
  return parsed;
}

/**
 * A value flag's value. `--flag --other` is a forgotten value (Node would take `--other` as the
 * value); `--min-runs -5` is a value, which the gate's settings then judge like any other.
 */
function flagValue(
  rawName: string,
  value: string | undefined,
  inline: boolean,
  known: readonly string[],
): string {
  const forgotten =
    value === undefined || (!inline && value.startsWith('--') && known.includes(flagName(value)));
  if (forgotten) throw new UsageError(`${rawName} needs a value: ${rawName} <value> or ${rawName}=<value>`);
  return value;
}

function flagName(word: string): string {
  return word.replace(/^--?/, '').split('=', 1)[0] ?? '';
}

function parseFormat(values: readonly string[]): OutputFormat {
  const value = values.at(-1) ?? '';
  if (values.length > 1) throw new UsageError(`--format was given ${values.length} times: give it once`);
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`Invalid --format '${value}': use one of ${FORMATS.join(', ')}`);
  }
  return value as OutputFormat;
}

function addPositionals(gate: GateDefinition, positionals: string[], values: Record<string, string>): void {
  if (positionals.length === 0) return;
  if (!gate.positionalInput) {
    throw new UsageError(
      `Unexpected argument '${positionals[0]}': ${gate.name} takes only --flags (see ${gate.name} --help)`,
    );
  }
  const name = gate.positionalInput;
  values[name] = [values[name], ...positionals].filter((v) => v !== undefined).join('\n');
}

function unknownFlag(rawName: string, known: readonly string[]): UsageError {
  const suggestion = closest(flagName(rawName), known);
  const hint = suggestion ? `did you mean --${suggestion}?` : 'see --help for the flags';
  return new UsageError(`Unknown option '${rawName}': ${hint}`);
}

/** The known flag nearest to a mistyped one, when it is near enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  const prefixMatch = candidates.find((name) => name.startsWith(word) || word.startsWith(name));
  const nearEnough = best && best.distance <= Math.max(2, Math.floor(word.length / 2));
  return nearEnough ? best?.name : prefixMatch;
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
