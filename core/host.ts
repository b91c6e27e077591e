import type { Inputs } from './inputs.js';
import type { Logger } from './log.js';
import type { Annotation } from './report/annotations.js';

/**
 * Everything a gate needs from where it runs. The runner host (core/runner.ts) maps it onto
 * @actions/core; the CLI host onto the terminal. Gates never import @actions/core themselves.
 */
export interface Host {
  inputs: Inputs;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Where relative paths (reports, repositories) are resolved. */
  workspace: string;
  setOutput(name: string, value: string | number | boolean): void;
  annotate(annotation: Annotation): void;
  appendSummary(markdown: string): Promise<void>;
  /** Saved for the `post:` step of the same action (GITHUB_STATE on a runner). */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  setSecret(value: string): void;
  /** Aborts on job cancellation. */
  signal: AbortSignal;
}

/** How a gate ended: pass/fail plus a one-line reason (the CLI's exit code comes from it). */
export interface GateOutcome {
  result: 'pass' | 'fail' | 'neutral';
  summaryLine: string;
}

/** A gate as both the runner and the CLI see it. */
export interface GateDefinition {
  /** The action's folder name and the CLI subcommand. */
  name: string;
  /** One line for `resilience-gates --help`. */
  description: string;
  /** Every input action.yml declares (a test keeps the two in step); each is also a CLI flag. */
  inputs: readonly string[];
  /** The input that bare CLI arguments fill, one per line (az-check's paths). */
  positionalInput?: string;
  run(host: Host): Promise<GateOutcome>;
  /** The `post:` step, where the action has one. */
  post?(host: Host): Promise<void>;
}
