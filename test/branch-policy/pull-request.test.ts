import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../tools/harness/events.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';
import { runGate } from './harness.js';

/** Pull-request rules on real repositories, from full clones and from actions/checkout's shallow checkout. */
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = new Sandbox();
  sandbox.commits(2, 'main work');
  sandbox.push('HEAD:refs/heads/main');
});
afterEach(() => sandbox.cleanup());

function openPullRequest(head = 'feature', extra: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) {
  sandbox.push(`refs/heads/${head}:refs/heads/${head}`, 'refs/heads/main:refs/heads/main');
  return pullRequestEvent({
    base: 'main',
    baseSha: sandbox.sha('refs/heads/main'),
    head,
    headSha: sandbox.sha(`refs/heads/${head}`),
    ...extra,
  });
}

describe('pull_request', () => {
  it('passes a linear, rebased branch from a full clone without fetching', async () => {
    sandbox.switch('feature', true);
    sandbox.commits(3, 'feature work');
    const event = openPullRequest();
    const run = await runGate(sandbox, { event, workspace: sandbox.fullClone() });
    expect(run.outcome.result).toBe('pass');
    expect(run.outcome.summaryLine).toBe('feature (onto main) follows the branch policy (3 commits checked)');
    expect(run.host.log.lines.join('\n')).not.toMatch(/Fetching|deepening/);
    expect(run.host.outputs).toMatchObject({ result: 'pass', violations: '[]' });
    expect(run.report.fixCommands).toEqual([]);
  });

  it('fails a back-merge from the base branch and names it so', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('feature');
    const merge = sandbox.merge('main');
    sandbox.commit('more feature work');
    const run = await runGate(sandbox, { event: openPullRequest(), workspace: sandbox.workDir });
    expect(run.outcome.result).toBe('fail');
    expect(run.violations).toEqual([
      {
        rule: 'no-merge-commits',
        sha: merge,
        subject: "Merge branch 'main' into feature",
        author: 'Ada Author <ada@example.com>',
        message: 'back-merge from main: rebase the branch instead of merging',
      },
    ]);
    expect(run.report.fixCommands).toEqual([
      'git fetch origin',
      'git switch -- feature',
      'git rebase origin/main',
      'git push --force-with-lease origin feature',
    ]);
    expect(run.report.fixCommands.join('\n')).not.toMatch(/git merge/);
    expect(run.host.annotations).toEqual([
      {
        level: 'error',
        title: 'branch-policy: no-merge-commits',
        message: `${merge.slice(0, 7)} Merge branch 'main' into feature (Ada Author <ada@example.com>): back-merge from main: rebase the branch instead of merging`,
      },
    ]);
    const summary = run.host.summaries.join('\n');
    expect(summary).toContain('| Rule | Commit | Subject | Author | Problem |');
    expect(summary).toContain('back-merge from main');
    expect(summary).toContain('```sh\ngit fetch origin\n');
  });

  it('names the merge of another branch', async () => {
    sandbox.switch('other', true);
    sandbox.commit('other work');
    sandbox.switch('main');
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    const merge = sandbox.merge('other');
    const run = await runGate(sandbox, { event: openPullRequest(), workspace: sandbox.workDir });
    expect(run.violations).toHaveLength(1);
    expect(run.violations[0]).toMatchObject({
      rule: 'no-merge-commits',
      sha: merge,
      message: 'merge of other: rebase the branch instead of merging',
    });
  });

  it('fails a stale branch that is not rebased on the current base tip', async () => {
    sandbox.switch('feature', true);
    const head = sandbox.commit('feature work');
    sandbox.switch('main');
    const tip = sandbox.commits(2, 'main moves on');
    const run = await runGate(sandbox, { event: openPullRequest(), workspace: sandbox.workDir });
    expect(run.violations).toEqual([
      {
        rule: 'require-rebased',
        sha: head,
        subject: 'feature work',
        author: 'Ada Author <ada@example.com>',
        message: `not rebased: feature is 2 commits behind main (the main tip ${tip.slice(0, 7)} is not in the branch)`,
      },
    ]);
    expect(run.report.fixCommands).toContain('git rebase origin/main');
  });

  it('checks against the base tip as it is now, not as the event saw it', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    const event = openPullRequest();
    sandbox.switch('main');
    sandbox.commit('landed after the event');
    sandbox.push('refs/heads/main:refs/heads/main');
    const run = await runGate(sandbox, { event, workspace: sandbox.workDir });
    expect(run.violations.map((v) => v.rule)).toEqual(['require-rebased']);
    expect(run.host.log.lines.join('\n')).toMatch(/main moved to .* since the event/);
  });

  it('fails fixup!, squash! and amend! commits and prints the autosquash rebase', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('Add parser');
    const fixup = sandbox.commit('fixup! Add parser');
    const squash = sandbox.commit('squash! Add parser');
    const amend = sandbox.commit('amend! Add parser');
    sandbox.commit('fixup:not an autosquash subject');
    const run = await runGate(sandbox, { event: openPullRequest(), workspace: sandbox.workDir });
    expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-autosquash-commits', amend, 'amend! commit: fold it in with git rebase -i --autosquash'],
      ['no-autosquash-commits', squash, 'squash! commit: fold it in with git rebase -i --autosquash'],
      ['no-autosquash-commits', fixup, 'fixup! commit: fold it in with git rebase -i --autosquash'],
    ]);
    expect(run.report.fixCommands).toEqual([
      'git fetch origin',
      'git switch -- feature',
      'git rebase -i --autosquash origin/main',
      'git push --force-with-lease origin feature',
    ]);
  });

  it('turns rules off one by one and enforces max-commits', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('fixup! something');
    sandbox.commits(3, 'work');
    const event = openPullRequest();
    const off = await runGate(sandbox, {
      event,
      workspace: sandbox.workDir,
      inputs: { 'no-autosquash-commits': 'false' },
    });
    expect(off.outcome.result).toBe('pass');
    const capped = await runGate(sandbox, {
      event,
      workspace: sandbox.workDir,
      inputs: { 'no-autosquash-commits': 'false', 'max-commits': '3' },
    });
    expect(capped.violations.map((v) => [v.rule, v.message])).toEqual([
      ['max-commits', '4 commits, more than max-commits 3: squash related commits'],
    ]);
  });

  it('ignores the synthetic refs/pull/N/merge commit of a default shallow checkout', async () => {
    sandbox.switch('feature', true);
    sandbox.commits(2, 'feature work');
    const event = openPullRequest();
    sandbox.syntheticMerge(7, 'refs/heads/main', 'refs/heads/feature');
    const checkout = sandbox.shallowCheckout('refs/pull/7/merge');
    const run = await runGate(sandbox, { event, workspace: checkout });
    expect(run.outcome.result).toBe('pass');
    expect(run.report.checkedCommits).toBe(2);
    expect(run.report.source).toBe('git');
  });

  it('fetches the author commits a default shallow checkout lacks and still finds a back-merge', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('feature');
    const merge = sandbox.merge('main');
    sandbox.commits(60, 'long feature');
    const event = openPullRequest();
    sandbox.syntheticMerge(3, 'refs/heads/main', 'refs/heads/feature');
    const checkout = sandbox.shallowCheckout('refs/pull/3/merge');
    const run = await runGate(sandbox, { event, workspace: checkout });
    expect(run.host.log.lines.join('\n')).toMatch(/Fetching 1 commit\(s\) missing/);
    expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-merge-commits', merge, 'back-merge from main: rebase the branch instead of merging'],
    ]);
    expect(run.report.checkedCommits).toBe(62);
  });

  it('deepens a depth-1 clone until the merge base appears', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('feature');
    const merge = sandbox.merge('main');
    sandbox.commits(60, 'long feature');
    const event = openPullRequest();
    const clone = sandbox.shallowClone('feature', { allBranches: true });
    const run = await runGate(sandbox, { event, workspace: clone });
    const log = run.host.log.lines.join('\n');
    expect(log).not.toMatch(/Fetching \d+ commit/);
    expect(log).toMatch(/deepening by 50\n.*deepening by 100/);
    expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-merge-commits', merge, 'back-merge from main: rebase the branch instead of merging'],
    ]);
    expect(run.report.checkedCommits).toBe(62);
  });

  it('checks every commit of a range longer than 250 commits', async () => {
    sandbox.switch('feature', true);
    const base = sandbox.sha('HEAD');
    sandbox.fastImportCommits('feature', base, 300, (i) => (i === 150 ? 'fixup! commit 149' : `commit ${i}`));
    sandbox.git(['reset', '--quiet', '--hard', 'refs/heads/feature']);
    const event = openPullRequest('feature', { commits: 300 });
    const run = await runGate(sandbox, { event, workspace: sandbox.shallowClone('feature') });
    expect(run.report.checkedCommits).toBe(300);
    expect(run.violations.map((v) => v.subject)).toEqual(['fixup! commit 149']);
    expect(run.report.notes).toEqual([]);
  });

  it('handles unicode, dash-prefixed and very long branch names as plain arguments', async () => {
    const names = ['feature/ünïcødé-✓', '-rf', `very/${'long-'.repeat(45)}name`];
    for (const name of names) {
      // update-ref: `git branch` refuses a name that starts with '-', a ref update does not.
      sandbox.git(['update-ref', `refs/heads/${name}`, sandbox.sha('refs/heads/main')]);
      sandbox.switch(name);
      sandbox.commit(`fixup! work on ${name}`);
    }
    for (const name of names) {
      const run = await runGate(sandbox, { event: openPullRequest(name), workspace: sandbox.workDir });
      expect(run.violations.map((v) => v.subject)).toEqual([`fixup! work on ${name}`]);
      expect(run.outcome.summaryLine).toContain(`on ${name} (onto main)`);
    }
    const dash = await runGate(sandbox, { event: openPullRequest('-rf'), workspace: sandbox.workDir });
    expect(dash.report.fixCommands).toEqual([
      'git fetch origin',
      "git switch -- '-rf'",
      'git rebase -i --autosquash origin/main',
      'git push --force-with-lease origin HEAD:refs/heads/-rf',
    ]);
    const unicode = await runGate(sandbox, { event: openPullRequest(names[0]), workspace: sandbox.workDir });
    expect(unicode.report.fixCommands[1]).toBe("git switch -- 'feature/ünïcødé-✓'");
  });

  it('exempts allowed authors, commits by allowed authors and allowed branches', async () => {
    sandbox.switch('dependabot/npm/lodash-4.17.21', true);
    sandbox.commit('fixup! bump lodash');
    const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
    sandbox.switch('main');
    sandbox.switch('feature', true);
    const botFixup = sandbox.commit('fixup! bot fixup', bot);
    const human = sandbox.commit('fixup! human fixup');

    const byBranch = await runGate(sandbox, {
      event: openPullRequest('dependabot/npm/lodash-4.17.21'),
      workspace: sandbox.workDir,
      inputs: { 'allow-branches': 'dependabot/**' },
    });
    expect(byBranch.outcome).toEqual({
      result: 'pass',
      summaryLine: 'dependabot/npm/lodash-4.17.21 is exempt (allow-branches)',
    });

    const byCommitAuthor = await runGate(sandbox, {
      event: openPullRequest(),
      workspace: sandbox.workDir,
      inputs: { 'allow-authors': 'dependabot[bot]\n*[bot]' },
    });
    // Git author text is not a verified identity: without a token both commits are checked.
    expect(byCommitAuthor.violations.map((v) => v.sha)).toEqual([human, botFixup]);
    expect(byCommitAuthor.report.notes).toContain(
      "1 commit(s) whose git author matches allow-authors were checked anyway: git author text is not a verified identity (set the 'token' input to verify them through the GitHub API)",
    );

    const byPrAuthor = await runGate(sandbox, {
      event: openPullRequest('feature', { author: 'release-bot' }),
      workspace: sandbox.workDir,
      inputs: { 'allow-authors': 'release-*' },
    });
    expect(byPrAuthor.outcome.summaryLine).toBe('Pull request by release-bot is exempt (allow-authors)');
  });

  it('never asks a protected head branch (release/* into main) to be rebased, but checks its merges', async () => {
    sandbox.switch('release/1.2', true);
    sandbox.commit('release fix');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('release/1.2');
    const merge = sandbox.merge('main');
    sandbox.switch('main');
    sandbox.commit('main moves on again');
    sandbox.switch('release/1.2');
    const run = await runGate(sandbox, { event: openPullRequest('release/1.2'), workspace: sandbox.workDir });
    expect(run.violations.map((v) => [v.rule, v.sha])).toEqual([['no-merge-commits', merge]]);
    expect(run.report.notes).toContain(
      'release/1.2 is a protected branch: it is not asked to rebase; the merge and fixup rules apply',
    );
  });

  it('lets base and head inputs override the event', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('fixup! x');
    const event = openPullRequest();
    sandbox.switch('main');
    sandbox.switch('clean', true);
    sandbox.commit('clean work');
    const run = await runGate(sandbox, { event, workspace: sandbox.workDir, inputs: { head: 'clean' } });
    expect(run.outcome.result).toBe('pass');
    expect(run.outcome.summaryLine).toBe('clean (onto main) follows the branch policy (1 commit checked)');
  });
});
