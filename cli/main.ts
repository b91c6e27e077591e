import { parseArgs } from 'node:util';
import { cancelOnSignals } from '../core/cancel.js';
import { failureMessage, isConfigurationError } from '../core/errors.js';
import type { GateDefinition } from '../core/host.js';
import { VERSION } from '../core/version.js';
import type { GateEntry } from './gates.js';
import { type CliStreams, cliHost, EXIT_PASS, EXIT_USAGE, exitCodeFor } from './host.js';

/**
 * `resilience-gates <gate> [--input value ...] [args]`: the same settings and logic as the
 * actions, for a laptop or another CI. Every action input is a flag of the same name. Exit codes:
 * 0 pass, 1 fail, 2 usage or configuration error.
 */
export interface CliContext {
  /** Lazy entries (the shipped CLI) or ready gate definitions (tests, embedding). */
  gates: readonly (GateEntry | GateDefinition)[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  streams: CliStreams;
  signal?: AbortSignal;
}

export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    context.streams.out(usage(await Promise.all(context.gates.map(loadGate))));
    return command ? EXIT_PASS : EXIT_USAGE;
  }
  if (command === '--version') {
    context.streams.out(`${VERSION}\n`);
    return EXIT_PASS;
  }
  const entry = context.gates.find((g) => g.name === command);
  if (!entry) {
    context.streams.err(
      `Unknown gate '${command}': use one of ${context.gates.map((g) => g.name).join(', ')}\n`,
    );
    return EXIT_USAGE;
  }
  const gate = await loadGate(entry);
  const parsed = parseGateArgs(gate, rest, context.streams);
  if (typeof parsed === 'number') return parsed;
  return runGate(gate, parsed, context);
}

function loadGate(entry: GateEntry | GateDefinition): Promise<GateDefinition> {
  return 'load' in entry ? entry.load() : Promise.resolve(entry);
}

interface ParsedGateArgs {
  values: Record<string, string>;
  showSummary: boolean;
}

function parseGateArgs(
  gate: GateDefinition,
  args: readonly string[],
  streams: CliStreams,
): ParsedGateArgs | number {
  const options = Object.fromEntries(gate.inputs.map((name) => [name, { type: 'string' as const }]));
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        ...options,
        'no-summary': { type: 'boolean' as const },
        help: { type: 'boolean' as const, short: 'h' },
      } as Record<string, { type: 'string' | 'boolean'; short?: string }>,
      allowPositionals: gate.positionalInput !== undefined,
      strict: true,
    });
    if (values.help === true) {
      streams.out(gateUsage(gate));
      return EXIT_PASS;
    }
    const inputs: Record<string, string> = {};
    for (const name of gate.inputs) {
      const value: unknown = values[name];
      if (typeof value === 'string') inputs[name] = value;
    }
    if (gate.positionalInput && positionals.length > 0) inputs[gate.positionalInput] = positionals.join('\n');
    return { values: inputs, showSummary: !values['no-summary'] };
  } catch (error) {
    streams.err(`${(error as Error).message}\n${gateUsage(gate)}`);
    return EXIT_USAGE;
  }
}

async function runGate(gate: GateDefinition, parsed: ParsedGateArgs, context: CliContext): Promise<number> {
  const cancellation = context.signal ? undefined : cancelOnSignals();
  const signal = context.signal ?? cancellation!.signal;
  const host = cliHost({ ...parsed, env: context.env, cwd: context.cwd, streams: context.streams, signal });
  try {
    const outcome = await gate.run(host);
    // The CLI has no separate post step: run it inline so cleanup is never skipped.
    if (gate.post) await gate.post(host);
    for (const [name, value] of Object.entries(host.outputs))
      context.streams.err(`output ${name}=${value}\n`);
    context.streams.out(`${outcome.result.toUpperCase()}: ${outcome.summaryLine}\n`);
    return exitCodeFor(outcome);
  } catch (error) {
    if (gate.post) await gate.post(host).catch(() => undefined);
    context.streams.err(`error: ${failureMessage(error)}\n`);
    if (!isConfigurationError(error) && error instanceof Error && context.env.RUNNER_DEBUG === '1') {
      context.streams.err(`${error.stack}\n`);
    }
    return isConfigurationError(error) ? EXIT_USAGE : 1;
  } finally {
    cancellation?.dispose();
  }
}

function usage(gates: readonly GateDefinition[]): string {
  const width = Math.max(...gates.map((g) => g.name.length));
  const lines = gates.map((g) => `  ${g.name.padEnd(width)}  ${g.description}`);
  return [
    'Usage: resilience-gates <gate> [--input value ...]',
    '',
    'Gates:',
    ...lines,
    '',
    "Every action input is a flag of the same name; 'resilience-gates <gate> --help' lists them.",
    'Exit codes: 0 pass, 1 fail, 2 usage or configuration error.',
    '',
  ].join('\n');
}

function gateUsage(gate: GateDefinition): string {
  const positional = gate.positionalInput ? ` [${gate.positionalInput} ...]` : '';
  return [
    `Usage: resilience-gates ${gate.name} [--input value ...]${positional}`,
    '',
    gate.description,
    '',
    'Inputs:',
    ...gate.inputs.map((name) => `  --${name} <value>`),
    '  --no-summary        do not print the job summary',
    '',
  ].join('\n');
}
