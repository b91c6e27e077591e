import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BranchPolicyDependencies, runBranchPolicy } from '../../actions/branch-policy/src/gate.js';
import type { Violation } from '../../actions/branch-policy/src/rules.js';
import type { GateOutcome, Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import type { Annotation } from '../../core/report/annotations.js';
import type { Sandbox } from './repo.js';

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

const REPOSITORY = { full_name: 'octo-org/octo-repo', default_branch: 'main' };

/** A `pull_request` payload (synchronize), trimmed to real fields GitHub sends. */
export function pullRequestEvent(options: {
  base: string;
  baseSha: string;
  head: string;
  headSha: string;
  number?: number;
  author?: string;
  authorType?: 'User' | 'Bot';
  commits?: number;
  fork?: boolean;
}): { name: string; payload: unknown } {
  const number = options.number ?? 1;
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        title: 'A change',
        user: { login: options.author ?? 'ada', type: options.authorType ?? 'User' },
        head: {
          label: `ada:${options.head}`,
          ref: options.head,
          sha: options.headSha,
          repo: { full_name: options.fork ? 'ada/octo-repo' : REPOSITORY.full_name },
        },
        base: {
          label: `octo-org:${options.base}`,
          ref: options.base,
          sha: options.baseSha,
          repo: { full_name: REPOSITORY.full_name },
        },
        merge_commit_sha: null,
        commits: options.commits ?? 1,
      },
      repository: REPOSITORY,
      sender: { login: options.author ?? 'ada' },
    },
  };
}

/** A `push` payload. */
export function pushEvent(options: {
  branch: string;
  before: string;
  after: string;
  forced?: boolean;
  created?: boolean;
  deleted?: boolean;
  pusher?: string;
}): { name: string; payload: unknown } {
  return {
    name: 'push',
    payload: {
      ref: `refs/heads/${options.branch}`,
      before: options.before,
      after: options.after,
      base_ref: null,
      created: options.created ?? false,
      deleted: options.deleted ?? false,
      forced: options.forced ?? false,
      compare: `https://github.com/octo-org/octo-repo/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
      commits: [],
      head_commit: null,
      pusher: { name: options.pusher ?? 'ada', email: 'ada@example.com' },
      sender: { login: options.pusher ?? 'ada' },
      repository: { ...REPOSITORY, master_branch: 'main' },
    },
  };
}

/** A `merge_group` payload (checks_requested), as the merge queue sends it. */
export function mergeGroupEvent(options: {
  base: string;
  baseSha: string;
  headSha: string;
  number?: number;
}): { name: string; payload: unknown } {
  const number = options.number ?? 1;
  return {
    name: 'merge_group',
    payload: {
      action: 'checks_requested',
      merge_group: {
        head_sha: options.headSha,
        head_ref: `refs/heads/gh-readonly-queue/${options.base}/pr-${number}-${options.baseSha}`,
        base_sha: options.baseSha,
        base_ref: `refs/heads/${options.base}`,
        head_commit: { id: options.headSha, message: `Merge pull request #${number}` },
      },
      repository: REPOSITORY,
      sender: { login: 'ada' },
    },
  };
}
