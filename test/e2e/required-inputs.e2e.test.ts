import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { pullRequestEvent } from '../../tools/harness/events.js';
import { scenario, template } from '../../tools/harness/run-experiment-world.js';
import { runPost, runStep } from '../../tools/harness/runner.js';
import { commit, git, type PullRequestRepo, pullRequestRepo, shallowCheckout } from '../az-check/git-repo.js';
import { GIT_STEP_ENV } from './env.js';

/**
 * Each action as a new user first runs it: a workflow step with only the inputs action.yml marks
 * as needed, on a realistic workspace. The runner passes every other input's action.yml default
 * as an INPUT_* variable, so the bundles must accept their own defaults.
 */
let repo: PullRequestRepo;
let checkouts = 0;

beforeAll(() => {
  repo = pullRequestRepo();
});
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

/** actions/checkout's default for a pull_request: depth 1 at refs/pull/1/merge. */
function checkoutPullRequest(): string {
  checkouts += 1;
  return shallowCheckout(repo, 'refs/pull/1/merge', `checkout-${checkouts}`);
}

function pullRequest() {
  return pullRequestEvent({ base: 'main', baseSha: repo.baseSha, head: 'feature', headSha: repo.headSha });
}

describe('az-check with only its required inputs', () => {
  it('runs without a .az-check.yml: the default config file is optional', async () => {
    const result = await runStep({
      action: 'az-check',
      event: pullRequest(),
      workspace: checkoutPullRequest(),
      env: GIT_STEP_ENV,
    });
    expect(result.stdout).not.toContain('ENOENT');
    expect(result.outputs.result).toBe('fail');
    expect(result.outputs['errors-count']).toBe('2');
    expect(result.failure).toMatch(/AZ name/);
    expect(result.exitCode).toBe(1);
  });

  it('still fails on a config file the user named that does not exist', async () => {
    const result = await runStep({
      action: 'az-check',
      inputs: { config: 'ci/az-check.yml' },
      event: pullRequest(),
      workspace: checkoutPullRequest(),
      env: GIT_STEP_ENV,
    });
    expect(result.exitCode).toBe(1);
    expect(result.failure).toMatch(/^Invalid config 'ci\/az-check.yml': ENOENT/);
    expect(result.outputs.result).toBeUndefined();
  });
});

describe('branch-policy with only its required inputs', () => {
  it('checks a pull request rebased on main from the default shallow merge checkout', async () => {
    // A second branch, rebased on main's tip, with its own refs/pull/2/merge.
    git(repo.work, 'checkout', '-q', '-b', 'rebased', repo.baseSha);
    const headSha = commit(repo.work, { 'docs/runbook.md': '# Runbook\n' }, 'add a runbook');
    git(repo.work, 'push', '-q', 'origin', 'rebased');
    git(repo.work, 'checkout', '-q', '--detach', repo.baseSha);
    git(repo.work, 'merge', '-q', '--no-ff', '-m', 'Merge rebased into main', headSha);
    const mergeSha = git(repo.work, 'rev-parse', 'HEAD');
    git(repo.work, 'push', '-q', 'origin', `${mergeSha}:refs/pull/2/merge`, `${headSha}:refs/pull/2/head`);
    const result = await runStep({
      action: 'branch-policy',
      event: pullRequestEvent({ base: 'main', baseSha: repo.baseSha, head: 'rebased', headSha, number: 2 }),
      workspace: shallowCheckout(repo, 'refs/pull/2/merge', 'checkout-rebased'),
      env: GIT_STEP_ENV,
    });
    expect(result.failure).toBeUndefined();
    expect(result.outputs.result).toBe('pass');
    expect(result.exitCode).toBe(0);
    // The token default `${{ github.token }}` arrived evaluated, and masked.
    expect(result.stdout).toContain('::add-mask::');
  });
});

describe('canary-gate with only its required inputs', () => {
  const runOnce: Scenario = {
    canaries: [
      { name: 'checkout-smoke', schedule: 'rate(0 minute)', state: 'READY', script: [{ state: 'PASSED' }] },
    ],
  };

  it('starts the run-once canary and passes on its run, with the default timings', async ({
    onTestFinished,
  }) => {
    const emu = await startEmulator({ scenario: runOnce });
    onTestFinished(() => emu.close());
    const result = await runStep({
      action: 'canary-gate',
      inputs: { canaries: 'checkout-smoke' },
      env: emulatorEnv(emu),
    });
    expect(result.failure).toBeUndefined();
    expect(result.outputs.result).toBe('pass');
    expect(result.exitCode).toBe(0);
    expect(emu.calls('synthetics:StartCanary')).toHaveLength(1);
  }, 240_000);
});

describe('run-experiment with only its required inputs', () => {
  it('runs the template to completion with the default timings, and the post step does nothing', async ({
    onTestFinished,
  }) => {
    const emu = await startEmulator({
      scenario: scenario([template('EXTcheckout', { preset: 'completes', durationMs: 3_000 })]),
    });
    onTestFinished(() => emu.close());
    const options = {
      action: 'run-experiment',
      inputs: { 'experiment-template-id': 'EXTcheckout' },
      env: emulatorEnv(emu),
    };
    const main = await runStep(options);
    expect(main.failure).toBeUndefined();
    expect(main.outputs.outcome).toBe('completed');
    expect(main.exitCode).toBe(0);
    const post = await runPost(main, options);
    expect(post.exitCode).toBe(0);
    expect(emu.calls('fis:StopExperiment')).toHaveLength(0);
  }, 240_000);
});
