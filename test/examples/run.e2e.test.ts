import { rmSync } from 'node:fs';
import { truthy } from '@actions/expressions/result';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanarySpec, Emulator } from '../../tools/emulator/index.js';
import { startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { pullRequestEvent } from '../../tools/harness/events.js';
import {
  type ExpressionContexts,
  evaluateExpression,
  evaluateToken,
} from '../../tools/harness/expressions.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';
import { expressionContexts, runStep, type StepResult } from '../../tools/harness/runner.js';
import { commit, git, type PullRequestRepo, pullRequestRepo, shallowCheckout } from '../az-check/git-repo.js';
import { GIT_STEP_ENV } from '../e2e/env.js';
import {
  callInputs,
  type ExampleStep,
  type ExampleWorkflow,
  exampleSteps,
  exampleWorkflows,
  parseExample,
  reusableWorkflows,
} from './workflows.js';

/**
 * A user who copies an example gets a workflow the tests ran: each example job's steps that use
 * this repository's actions run, in order, through the harness (the committed bundles, every
 * input as the runner passes it) against the AWS emulator and a scratch repository. `with:`
 * values are evaluated by @actions/expressions with the outputs of earlier steps; the other
 * steps (checkout, credentials, deploy scripts) are stood in for by the world built here.
 */
const MINUTE_MS = 60_000;
const RELEASE_BRANCH = 'release/1.0';
const EXAMPLE_TIMEOUT_MS = 240_000;

/** Passing runs of the last few minutes: a deploy that started 10 minutes ago has their evidence. */
function healthyCanary(name: string): CanarySpec {
  const runs = [9, 7, 5, 3, 1].map((ago) => ({
    startedAtMs: -ago * MINUTE_MS,
    state: 'PASSED' as const,
    durationMs: 5_000,
  }));
  // Run-once: when a gate wants runs after its own start, StartCanary gives a new passing run.
  return { name, schedule: 'rate(0 minute)', state: 'READY', history: runs, script: [] };
}

/** Every AWS resource the examples name, healthy; the templates complete in seconds. */
function exampleWorld() {
  const completes = { preset: 'completes' as const, durationMs: 3_000 };
  return scenario(
    [
      template('EXTstaging', completes, { tags: { Service: 'checkout', Gate: 'staging' } }),
      template('EXTpostDeploy', completes, { tags: { service: 'checkout', gate: 'post-deploy' } }),
    ],
    {
      alarms: ['checkout-composite-health', 'checkout-p99-latency', 'checkout-health'].map((name) => ({
        name,
      })),
      canaries: ['checkout-api', 'checkout-web', 'login-api', 'smoke-once-canary', 'checkout-api-canary'].map(
        healthyCanary,
      ),
    },
  );
}

/** Outputs of the `run:` steps the examples read, as the real commands would write them. */
function standInOutputs(id: string | undefined, startedAt: number): Record<string, string> {
  if (id === 'deploy-started') return { at: new Date(startedAt - 10 * MINUTE_MS).toISOString() };
  return {};
}

let repo: PullRequestRepo;
let pullRequest: { event: ReturnType<typeof pullRequestEvent>; ref: string };
/**
 * A push to a release branch (main stays where the pull request's base is) that merges a branch
 * with a merge commit, as protected branches take them.
 */
let push: { before: string; after: string };
let checkouts = 0;

beforeAll(() => {
  repo = pullRequestRepo();
  // A pull request rebased on main: the history rules pass, the AZ check finds nothing to flag.
  git(repo.work, 'checkout', '-q', '-b', 'docs', repo.baseSha);
  const headSha = commit(repo.work, { 'docs/runbook.md': '# Runbook\n' }, 'add a runbook');
  git(repo.work, 'push', '-q', 'origin', 'docs');
  git(repo.work, 'checkout', '-q', '--detach', repo.baseSha);
  git(repo.work, 'merge', '-q', '--no-ff', '-m', 'Merge docs into main', headSha);
  git(repo.work, 'push', '-q', 'origin', `${git(repo.work, 'rev-parse', 'HEAD')}:refs/pull/5/merge`);
  pullRequest = {
    event: pullRequestEvent({ base: 'main', baseSha: repo.baseSha, head: 'docs', headSha, number: 5 }),
    ref: 'refs/pull/5/merge',
  };
  git(repo.work, 'checkout', '-q', '-b', RELEASE_BRANCH, repo.baseSha);
  git(repo.work, 'push', '-q', 'origin', RELEASE_BRANCH);
  git(repo.work, 'merge', '-q', '--no-ff', '-m', 'Merge branch docs', headSha);
  push = { before: repo.baseSha, after: git(repo.work, 'rev-parse', 'HEAD') };
  git(repo.work, 'push', '-q', 'origin', RELEASE_BRANCH);
});
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

/**
 * The event the workflow is triggered by here: a pull request where it takes one (a reusable
 * pull-request workflow runs in its caller's pull_request event), else a push.
 */
function trigger(content: string) {
  if (/^\s+pull_request:/m.test(content) || /^name: pull-request-checks$/m.test(content)) return pullRequest;
  const event = {
    name: 'push',
    payload: {
      ref: `refs/heads/${RELEASE_BRANCH}`,
      before: push.before,
      after: push.after,
      forced: false,
      created: false,
      deleted: false,
      repository: { full_name: 'octo-org/shop', default_branch: 'main' },
      pusher: { name: 'ada' },
      sender: { login: 'ada' },
    },
  };
  return { event, ref: `refs/heads/${RELEASE_BRANCH}` };
}

interface JobRun {
  results: { step: ExampleStep; result: StepResult }[];
}

/**
 * Whether a step of this repository runs: its `if:` evaluated as the runner does. Every earlier
 * step here passed (a failure ends the test), so the status functions read a green job.
 */
function stepRuns(step: ExampleStep, contexts: ExpressionContexts): boolean {
  if (!step.condition) return true;
  const expression = step.condition
    .replace(/\b(always|success)\(\)/g, 'true')
    .replace(/\b(failure|cancelled)\(\)/g, 'false');
  return truthy(evaluateExpression(expression, contexts));
}

async function runJob(
  steps: ExampleStep[],
  content: string,
  emu: Emulator,
  inputs: Record<string, unknown> = {},
): Promise<JobRun> {
  const { event, ref } = trigger(content);
  checkouts += 1;
  const workspace = shallowCheckout(repo, ref, `example-${checkouts}`);
  const outputs: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> =
    {};
  const results: JobRun['results'] = [];
  const startedAt = Date.now();
  for (const step of steps) {
    if (!step.localAction) {
      if (step.id)
        outputs[step.id] = {
          outputs: standInOutputs(step.id, startedAt),
          outcome: 'success',
          conclusion: 'success',
        };
      continue;
    }
    const contexts: ExpressionContexts = {
      ...expressionContexts(
        { GITHUB_EVENT_NAME: event.name, GITHUB_REF: ref, GITHUB_REPOSITORY: 'octo-org/shop' },
        event.payload,
      ),
      steps: outputs,
      vars: {},
      secrets: {},
      inputs,
      matrix: {},
      strategy: {},
      job: { status: 'success' },
    };
    if (!stepRuns(step, contexts)) continue;
    const stepInputs = Object.fromEntries(
      Object.entries(step.with).map(([name, token]) => [name, evaluateToken(token, contexts)]),
    );
    const result = await runStep({
      action: step.localAction,
      inputs: stepInputs,
      event,
      workspace,
      env: { ...GIT_STEP_ENV, ...emulatorEnv(emu) },
    });
    results.push({ step, result });
    if (step.id) {
      const outcome = result.exitCode === 0 ? 'success' : 'failure';
      outputs[step.id] = { outputs: result.outputs, outcome, conclusion: outcome };
    }
  }
  return { results };
}

const RUNNABLE = exampleWorkflows();

describe.concurrent('example workflows, run end to end', () => {
  it.for<[string, ExampleWorkflow]>(RUNNABLE.map((example) => [example.source, example]))(
    '%s: every step of this repository runs and reaches a verdict',
    { timeout: EXAMPLE_TIMEOUT_MS },
    async ([, example], { onTestFinished }) => {
      const { root } = await parseExample(example);
      const emu = await startEmulator({ scenario: exampleWorld() });
      onTestFinished(() => emu.close());
      const steps = exampleSteps(root!);
      const jobs = [...new Set(steps.map((step) => step.job))];
      let ran = 0;
      for (const job of jobs) {
        const { results } = await runJob(
          steps.filter((step) => step.job === job),
          example.content,
          emu,
        );
        for (const { step, result } of results) {
          ran += 1;
          const label = `${example.source} ${job} ${step.uses}: ${result.failure ?? ''}`;
          expect(result.stderr, label).toBe('');
          // A verdict, not a configuration error: the example's inputs were accepted.
          expect(result.outputs.result ?? result.outputs.outcome, label).toBeDefined();
          expect(result.exitCode, label).toBe(0);
        }
      }
      expect(ran).toBeGreaterThan(0);
    },
  );
});

/**
 * How an organisation calls each reusable workflow: pull-request-checks with every default, and
 * post-deploy-gate with the names of the world above (a canary and a template that complete).
 */
const REUSABLE_CALLS: Record<string, Record<string, unknown>> = {
  '.github/workflows/pull-request-checks.yml': {},
  '.github/workflows/post-deploy-gate.yml': {
    'aws-region': 'us-east-1',
    canaries: 'checkout-api',
    'canary-timeout': '3m',
    'experiment-template-id': 'EXTpostDeploy',
    'experiment-timeout': '3m',
  },
};

describe.concurrent('reusable workflows, run end to end as a caller would call them', () => {
  it('covers every reusable workflow', () => {
    expect(
      reusableWorkflows()
        .map((w) => w.source)
        .sort(),
    ).toEqual(Object.keys(REUSABLE_CALLS).sort());
  });

  it.for<[string, ExampleWorkflow]>(reusableWorkflows().map((workflow) => [workflow.source, workflow]))(
    '%s: every step of this repository runs and passes',
    { timeout: EXAMPLE_TIMEOUT_MS },
    async ([source, workflow], { onTestFinished }) => {
      const { root, errors } = await parseExample(workflow);
      expect(errors).toEqual([]);
      const emu = await startEmulator({ scenario: exampleWorld() });
      onTestFinished(() => emu.close());
      const inputs = callInputs(workflow.content, REUSABLE_CALLS[source] ?? {});
      const steps = exampleSteps(root!);
      const ran: string[] = [];
      for (const job of [...new Set(steps.map((step) => step.job))]) {
        const jobSteps = steps.filter((step) => step.job === job);
        const { results } = await runJob(jobSteps, workflow.content, emu, inputs);
        for (const { step, result } of results) {
          const label = `${source} ${job} ${step.uses}: ${result.failure ?? ''}`;
          expect(result.stderr, label).toBe('');
          expect(result.outputs.result ?? result.outputs.outcome, label).toBeDefined();
          expect(result.exitCode, label).toBe(0);
          ran.push(step.localAction!);
        }
      }
      // Each of this repository's actions the workflow uses ran (its `if:` held for this call).
      const used = steps.flatMap((step) => (step.localAction ? [step.localAction] : []));
      expect(ran.sort()).toEqual(used.sort());
    },
  );
});
