import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeGroupEvent } from '../../tools/harness/events.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';
import { runGate } from './harness.js';

/** The merge queue: queue commits follow merge-style, queued branches follow the PR rules. */
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = new Sandbox();
  sandbox.commits(2, 'main work');
  sandbox.push('HEAD:refs/heads/main');
});
afterEach(() => sandbox.cleanup());

/** What the queue builds with the "merge" method: a merge commit of the PR onto the base tip. */
function queue(branch: string, number = 1): { event: ReturnType<typeof mergeGroupEvent>; head: string } {
  const base = sandbox.sha('refs/heads/main');
  sandbox.git(['switch', '--quiet', '--detach', base]);
  sandbox.git([
    'merge',
    '--quiet',
    '--no-ff',
    '-m',
    `Merge pull request #${number} from octo-org/${branch}`,
    branch,
  ]);
  const head = sandbox.sha('HEAD');
  const ref = `refs/heads/gh-readonly-queue/main/pr-${number}-${base}`;
  sandbox.push(`${head}:${ref}`);
  sandbox.switch('main');
  return { event: mergeGroupEvent({ base: 'main', baseSha: base, headSha: head, number }), head };
}

describe('merge_group', () => {
  it("passes a clean queued branch and never flags the queue's own merge commit", async () => {
    sandbox.switch('feature', true);
    sandbox.commits(2, 'feature work');
    sandbox.switch('main');
    const { event, head } = queue('feature');
    const run = await runGate(sandbox, { event, workspace: sandbox.shallowCheckout(head) });
    expect(run.outcome.result).toBe('pass');
    expect(run.report.checkedCommits).toBe(3);
    expect(run.outcome.summaryLine).toMatch(/^gh-readonly-queue\/main\/pr-1-\w+ \(onto main\) follows/);
  });

  it('fails a queued branch carrying a back-merge', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.push('refs/heads/main:refs/heads/main');
    sandbox.switch('feature');
    const backMerge = sandbox.merge('main');
    sandbox.switch('main');
    const { event, head } = queue('feature');
    const run = await runGate(sandbox, { event, workspace: sandbox.shallowCheckout(head) });
    expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-merge-commits', backMerge, 'back-merge from main inside a queued pull request: rebase it'],
    ]);
    expect(run.report.fixCommands).toEqual([
      '# Remove the pull request from the merge queue, switch to its branch, then:',
      'git fetch origin',
      'git rebase origin/main',
      'git push --force-with-lease',
    ]);
  });

  it('applies merge-style to the queue commits on a protected base', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    const { event, head } = queue('feature');
    const run = await runGate(sandbox, {
      event,
      workspace: sandbox.workDir,
      inputs: { 'merge-style': 'linear' },
    });
    expect(run.violations.map((v) => [v.rule, v.sha])).toEqual([['merge-style', head]]);
    expect(run.report.fixCommands).toEqual([
      "# Set the merge queue's merge method to 'Rebase and merge' or 'Squash and merge'",
    ]);
    const unprotected = await runGate(sandbox, {
      event,
      workspace: sandbox.workDir,
      inputs: { 'merge-style': 'linear', 'protected-branches': 'release/*' },
    });
    expect(unprotected.outcome.result).toBe('pass');
  });
});
