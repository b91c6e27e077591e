import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { GateDefinition } from '../core/host.js';
import { FORMATS } from './args.js';

/**
 * `resilience-gates <gate> --help`, generated from the gate's action.yml at run time, so the CLI
 * documents exactly the inputs, descriptions and defaults the action declares and cannot drift.
 * action.yml has no field for accepted values: they are stated in each input's description,
 * which is printed whole; the placeholder (<true|false>, <number>, <duration>) comes from the default.
 */
export interface InputDoc {
  name: string;
  description: string;
  default: string;
}

const HELP_WIDTH = 100;
const FLAG_INDENT = '      ';

/** The action.yml of a gate, found from this module upwards (source tree and bundle alike). */
export function findActionYml(
  gate: string,
  from = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'actions', gate, 'action.yml');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function readInputDocs(actionYmlPath: string): InputDoc[] {
  const action = parse(readFileSync(actionYmlPath, 'utf8')) as {
    inputs?: Record<string, { description?: string; default?: unknown }>;
  };
  return Object.entries(action.inputs ?? {}).map(([name, input]) => ({
    name,
    description: String(input.description ?? '').trim(),
    default: input.default === undefined || input.default === null ? '' : String(input.default),
  }));
}

/** The placeholder after a flag: the kind of value its default shows. */
function placeholder(doc: InputDoc): string {
  if (doc.default === 'true' || doc.default === 'false') return '<true|false>';
  if (/^\d+$/.test(doc.default)) return '<number>';
  if (/^\d+[smhd]$/.test(doc.default)) return '<duration>';
  return '<value>';
}

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > HELP_WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function flagHelp(doc: InputDoc): string[] {
  const defaultText = doc.default === '' ? '' : ` (default: ${doc.default})`;
  return [`  --${doc.name} ${placeholder(doc)}${defaultText}`, ...wrap(doc.description, FLAG_INDENT)];
}

const CLI_FLAGS: readonly InputDoc[] = [
  {
    name: 'format',
    description: `Output on stdout: ${FORMATS.join(', ')}. text is plain terminal text; markdown is the job summary as the action writes it; json is the report object. Logs always go to stderr.`,
    default: 'text',
  },
];

export function gateHelp(gate: GateDefinition, actionYml = findActionYml(gate.name)): string {
  const positional = gate.positionalInput ? ` [${gate.positionalInput} ...]` : '';
  const docs = actionYml
    ? readInputDocs(actionYml)
    : gate.inputs.map((name) => ({ name, description: '', default: '' }));
  return [
    `Usage: resilience-gates ${gate.name} [--flag value ...]${positional}`,
    '',
    gate.description,
    '',
    `Inputs (from ${gate.name}'s action.yml; a flag given twice adds a line, as a multi-line input):`,
    ...docs.flatMap(flagHelp),
    ...(actionYml ? [] : ['  (action.yml was not found next to the CLI: descriptions are missing)']),
    '',
    'Output:',
    ...CLI_FLAGS.flatMap((doc) => [
      `  --${doc.name} <${FORMATS.join('|')}> (default: ${doc.default})`,
      ...wrap(doc.description, FLAG_INDENT),
    ]),
    '  --no-summary',
    `${FLAG_INDENT}Print only the verdict line, not the summary.`,
    '  --help, -h',
    `${FLAG_INDENT}This help.`,
    '',
    'Exit codes: 0 pass or neutral, 1 fail, 2 usage or configuration error.',
    '',
  ].join('\n');
}
