import { readFile } from 'node:fs/promises';
import { cancelOnSignals } from '../core/cancel.js';
import type { GateDefinition, GateOutcome } from '../core/host.js';
import { VERSION } from '../core/version.js';
import { type GateArgs, type OutputFormat, parseGateArgs, UsageError } from './args.js';
import { cliFailureMessage, isSetupError } from './failure.js';
import type { GateEntry } from './gates.js';
import { gateHelp } from './help.js';
import {
  type CliHost,
  type CliStreams,
  cliHost,
  EXIT_FAIL,
  EXIT_PASS,
  EXIT_USAGE,
  exitCodeFor,
} from './host.js';
import { markdownToText } from './text.js';

/**
 * `resilience-gates <gate> [--input value ...] [args]`: the same settings and logic as the
 * actions, for a laptop or another CI. Every action input is a flag of the same name. Exit codes:
 * 0 pass or neutral, 1 fail, 2 usage or configuration error.
 *
 * stdout carries one format (--format): plain text by default, whether or not stdout is a
 * terminal, so what a pipe or a log file gets is what the terminal showed; `markdown` is the job
 * summary as the action writes it; `json` is the gate's JSON report. Logs, annotations and errors
 * always go to stderr.
 */
export const DEFAULT_FORMAT: OutputFormat = 'text';

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
      `error: unknown gate '${command}': use one of ${context.gates.map((g) => g.name).join(', ')}\n`,
    );
    return EXIT_USAGE;
  }
  const gate = await loadGate(entry);
  let parsed: GateArgs;
  try {
    parsed = parseGateArgs(gate, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.streams.err(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    context.streams.out(gateHelp(gate));
    return EXIT_PASS;
  }
  return runGate(gate, parsed, context);
}

function loadGate(entry: GateEntry | GateDefinition): Promise<GateDefinition> {
  return 'load' in entry ? entry.load() : Promise.resolve(entry);
}

async function runGate(gate: GateDefinition, parsed: GateArgs, context: CliContext): Promise<number> {
  const cancellation = context.signal ? undefined : cancelOnSignals();
  const signal = context.signal ?? cancellation!.signal;
  const host = cliHost({
    values: parsed.values,
    env: context.env,
    cwd: context.cwd,
    streams: context.streams,
    signal,
  });
  try {
    const outcome = await gate.run(host);
    // The CLI has no separate post step: run it inline so cleanup is never skipped.
    if (gate.post) await gate.post(host);
    await printOutcome(outcome, host, parsed, context.streams);
    return exitCodeFor(outcome);
  } catch (error) {
    if (gate.post) await gate.post(host).catch(() => undefined);
    context.streams.err(`error: ${cliFailureMessage(error)}\n`);
    const expected = isSetupError(error);
    if (!expected && error instanceof Error && context.env.RUNNER_DEBUG === '1') {
      context.streams.err(`${error.stack}\n`);
    }
    return expected ? EXIT_USAGE : EXIT_FAIL;
  } finally {
    cancellation?.dispose();
  }
}

/** stdout gets exactly one format; the verdict line goes to stdout only in text. */
async function printOutcome(
  outcome: GateOutcome,
  host: CliHost,
  parsed: GateArgs,
  streams: CliStreams,
): Promise<void> {
  const format = parsed.format ?? DEFAULT_FORMAT;
  const verdict = `${outcome.result.toUpperCase()}: ${outcome.summaryLine}\n`;
  const reportPath = host.outputs['report-path'];
  if (format === 'json') {
    if (!reportPath) throw new Error(`the gate wrote no JSON report (no report-path output)`);
    streams.out(await readFile(reportPath, 'utf8'));
    streams.err(verdict);
    return;
  }
  const summary = host.summary.join('\n');
  if (format === 'markdown') {
    if (parsed.showSummary) streams.out(summary);
    streams.err(verdict);
    return;
  }
  if (parsed.showSummary && summary) streams.out(`${markdownToText(summary)}\n`);
  if (reportPath) streams.err(`report: ${reportPath}\n`);
  streams.out(verdict);
}

function usage(gates: readonly GateDefinition[]): string {
  const width = Math.max(...gates.map((g) => g.name.length));
  const lines = gates.map((g) => `  ${g.name.padEnd(width)}  ${g.description}`);
  return [
    'Usage: resilience-gates <gate> [--input value ...] [--format text|markdown|json]',
    '',
    'Gates:',
    ...lines,
    '',
    "Every action input is a flag of the same name; 'resilience-gates <gate> --help' lists them.",
    'Output: --format text (the default, also when piped), markdown (the job summary) or json (the report).',
    'Exit codes: 0 pass or neutral, 1 fail, 2 usage or configuration error.',
    '',
  ].join('\n');
}
