import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BranchPolicyDependencies, runBranchPolicy } from '../../actions/branch-policy/src/gate.js';
import type { Violation } from '../../actions/branch-policy/src/rules.js';
import type { GateOutcome, Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import type { Annotation } from '../../core/report/annotations.js';
import type { Sandbox } from '../../tools/harness/git-sandbox.js';

/** Runs the gate as the runner would, with a recording host; events are real payload shapes. */
export interface TestHost extends Host {
  log: MemoryLogger;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summaries: string[];
  secrets: string[];
}

export function testHost(
  values: Record<string, string>,
  env: NodeJS.ProcessEnv,
  workspace: string,
): TestHost {
  const outputs: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const summaries: string[] = [];
  const secrets: string[] = [];
  return {
    inputs: new Inputs(mapInputReader(values)),
    log: new MemoryLogger(),
    env,
    workspace,
    outputs,
    annotations,
    summaries,
    secrets,
    setOutput: (name, value) => {
      outputs[name] = String(value);
    },
    annotate: (annotation) => annotations.push(annotation),
    appendSummary: async (markdown) => {
      summaries.push(markdown);
    },
    saveState: () => {},
    getState: () => '',
    setSecret: (value) => secrets.push(value),
    signal: new AbortController().signal,
  };
}

export interface GateRun {
  outcome: GateOutcome;
  host: TestHost;
  violations: Violation[];
  report: Record<string, unknown> & { fixCommands: string[]; notes: string[]; checkedCommits: number };
}

export interface RunOptions {
  event?: { name: string; payload: unknown };
  inputs?: Record<string, string>;
  workspace: string;
  dependencies?: BranchPolicyDependencies;
  env?: NodeJS.ProcessEnv;
}

export async function runGate(sandbox: Sandbox, options: RunOptions): Promise<GateRun> {
  const env: NodeJS.ProcessEnv = { RUNNER_TEMP: join(sandbox.root, 'runner-temp'), ...options.env };
  if (options.event) {
    env.GITHUB_EVENT_NAME = options.event.name;
    env.GITHUB_EVENT_PATH = sandbox.writeJson(`${options.event.name}-event.json`, options.event.payload);
    env.GITHUB_REPOSITORY ??= 'octo-org/octo-repo';
  }
  const host = testHost(options.inputs ?? {}, env, options.workspace);
  const outcome = await runBranchPolicy(host, options.dependencies);
  // The full list is the report's: the `violations` output is capped (subjects cut, at most 100).
  const report = JSON.parse(readFileSync(host.outputs['report-path'] ?? '', 'utf8')) as GateRun['report'];
  const violations = (report.violations ?? []) as Violation[];
  return { outcome, host, violations, report };
}
