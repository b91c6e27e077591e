import type { GateOutcome, Host } from '../core/host.js';
import { Inputs, mapInputReader } from '../core/inputs.js';
import { formatLocation } from '../core/report/annotations.js';

export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliHostOptions {
  values: Record<string, string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  streams: CliStreams;
  signal: AbortSignal;
}

export type CliHost = Host & {
  /** Every output the gate set, for the CLI's own reporting (report-path). */
  outputs: Record<string, string>;
  /** The job summary markdown, collected: the CLI prints it in the chosen format at the end. */
  summary: string[];
};

/**
 * The terminal side of a gate: inputs from --flags, logs and annotations on stderr. The summary
 * and outputs are collected, not printed: stdout carries only the chosen format (cli/main.ts).
 * State for a post step lives in memory: the CLI runs post logic inline.
 */
export function cliHost(options: CliHostOptions): CliHost {
  const { streams } = options;
  const state = new Map<string, string>();
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  return {
    inputs: new Inputs(mapInputReader(options.values)),
    log: {
      info: (line) => streams.err(`${line}\n`),
      warning: (line) => streams.err(`warning: ${line}\n`),
      debug: (line) => {
        if (options.env.RUNNER_DEBUG === '1') streams.err(`debug: ${line}\n`);
      },
    },
    env: options.env,
    workspace: options.cwd,
    outputs,
    summary,
    setOutput: (name, value) => {
      outputs[name] = String(value);
    },
    annotate: (annotation) => {
      const where = formatLocation(annotation);
      streams.err(`${annotation.level}: ${where ? `${where}: ` : ''}${annotation.message}\n`);
    },
    appendSummary: async (markdown) => {
      summary.push(markdown);
    },
    saveState: (name, value) => {
      state.set(name, value);
    },
    getState: (name) => state.get(name) ?? '',
    setSecret: () => {},
    signal: options.signal,
  };
}

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

export function exitCodeFor(outcome: GateOutcome): number {
  return outcome.result === 'fail' ? EXIT_FAIL : EXIT_PASS;
}
