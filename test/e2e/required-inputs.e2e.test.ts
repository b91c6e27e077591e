import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PullRequestRepo, pullRequestRepo, shallowCheckout } from '../az-check/git-repo.js';
import { pullRequestEvent } from '../branch-policy/harness.js';
import { runStep } from '../harness/runner.js';
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
      // What the runner passes from action.yml's default when the workflow names no config.
      inputs: { config: '.az-check.yml' },
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
