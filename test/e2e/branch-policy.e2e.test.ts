import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeGroupEvent, pullRequestEvent, pushEvent } from '../../tools/harness/events.js';
import { longLivedHistory, Sandbox } from '../../tools/harness/git-sandbox.js';
import { startGitHubApi } from '../../tools/harness/github-api.js';
import { runStep, type StepResult } from '../../tools/harness/runner.js';
import { errorCommands, GIT_STEP_ENV, STACK_FRAME } from './env.js';

/**
 * The committed branch-policy bundle, run as the GitHub runner runs it: real webhook payloads at
 * GITHUB_EVENT_PATH, and GITHUB_WORKSPACE a checkout made the way actions/checkout makes it
 * (depth 1, at GitHub's synthetic refs/pull/N/merge commit for pull requests).
 */
type Cleanup = (fn: () => void) => void;

interface Violation {
  rule: string;
  sha: string;
  subject: string;
  author: string;
  message: string;
}

/** main with two commits, pushed to the bare origin; removed when the test finishes. */
function sandboxWithMain(onTestFinished: Cleanup): Sandbox {
  const sandbox = new Sandbox();
  onTestFinished(() => sandbox.cleanup());
  sandbox.commits(2, 'main work');
  sandbox.push('HEAD:refs/heads/main');
  return sandbox;
}

/**
 * Pushes `feature` and main, builds GitHub's refs/pull/N/merge, and checks it out as
 * actions/checkout does by default. Returns the event and the checkout.
 */
function openPullRequest(sandbox: Sandbox, number: number, head = 'feature') {
  sandbox.push(`refs/heads/${head}:refs/heads/${head}`, 'refs/heads/main:refs/heads/main');
  const event = pullRequestEvent({
    base: 'main',
    baseSha: sandbox.sha('refs/heads/main'),
    head,
    headSha: sandbox.sha(`refs/heads/${head}`),
    number,
  });
  sandbox.syntheticMerge(number, 'refs/heads/main', `refs/heads/${head}`);
  const workspace = sandbox.shallowCheckout(`refs/pull/${number}/merge`);
  return { event, workspace };
}

function policyStep(
  event: { name: string; payload: unknown },
  workspace: string,
  inputs: Record<string, string> = {},
): Promise<StepResult> {
  return runStep({ action: 'branch-policy', event, workspace, inputs, env: GIT_STEP_ENV });
}

function violationsOf(step: StepResult): Violation[] {
  return JSON.parse(step.outputs.violations ?? 'null') as Violation[];
}

describe.concurrent('branch-policy bundle (e2e)', () => {
  it('pull_request: a linear branch rebased on main passes from the default shallow merge checkout', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commits(3, 'feature work');
    const { event, workspace } = openPullRequest(sandbox, 11);
    expect(sandbox.git(['-C', workspace, 'rev-parse', '--is-shallow-repository'])).toBe('true');

    const step = await policyStep(event, workspace);

    expect(step.stderr).toBe('');
    expect(step.exitCode).toBe(0);
    expect(step.outputs.result).toBe('pass');
    expect(violationsOf(step)).toEqual([]);
    expect(step.failure).toBeUndefined();
    // Three author commits: never GitHub's synthetic merge commit.
    expect(step.summary).toContain(
      'branch-policy: feature (onto main) follows the branch policy (3 commits checked)',
    );
    expect(step.summary).toMatch(/Checked 3 commit\(s\) with git: `[0-9a-f]{7}`\.\.`[0-9a-f]{7}`/);
  });

  it('report-path output points to the JSON report that was written', async ({ onTestFinished }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    const head = sandbox.commit('feature work');
    const { event, workspace } = openPullRequest(sandbox, 12);

    const step = await policyStep(event, workspace);

    expect(step.exitCode).toBe(0);
    // The default is $RUNNER_TEMP/branch-policy-report.json.
    expect(step.outputs['report-path']).toBe(join(step.runnerTemp, 'branch-policy-report.json'));
    expect(existsSync(step.outputs['report-path']!)).toBe(true);
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'));
    expect(report).toMatchObject({
      tool: 'branch-policy',
      result: 'pass',
      target: 'pull-request',
      source: 'git',
      checkedCommits: 1,
      head: { name: 'feature', sha: head },
      violations: [],
    });

    const custom = await policyStep(event, workspace, { 'report-path': 'reports/policy.json' });
    expect(custom.outputs['report-path']).toBe(join(workspace, 'reports', 'policy.json'));
    expect(JSON.parse(readFileSync(join(workspace, 'reports', 'policy.json'), 'utf8'))).toMatchObject({
      tool: 'branch-policy',
      result: 'pass',
    });
  });

  it('pull_request: a back-merge from main fails, names the commit and prints the rebase fix', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('feature');
    const merge = sandbox.merge('main');
    sandbox.commit('more feature work');
    const { event, workspace } = openPullRequest(sandbox, 13);

    const step = await policyStep(event, workspace);

    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step)).toEqual([
      {
        rule: 'no-merge-commits',
        sha: merge,
        subject: "Merge branch 'main' into feature",
        author: 'Ada Author <ada@example.com>',
        message: 'back-merge from main: rebase the branch instead of merging',
      },
    ]);
    // The violation itself is an error annotation naming the commit.
    expect(step.annotations).toContainEqual({
      level: 'error',
      title: 'branch-policy: no-merge-commits',
      message: `${merge.slice(0, 7)} Merge branch 'main' into feature (Ada Author <ada@example.com>): back-merge from main: rebase the branch instead of merging`,
    });
    expect(step.summary).toContain('back-merge from main');
    expect(step.summary).toContain(
      '```sh\ngit fetch origin\ngit switch -- feature\ngit rebase origin/main\ngit push --force-with-lease origin feature\n```',
    );
    expect(step.summary).not.toMatch(/git merge/);
    // The line the step fails with, shown on the pull request's checks, says what is wrong.
    expect(step.failure).toContain('back-merge from main');
  });

  it('pull_request: a fixup! commit fails with an interactive autosquash rebase as the fix', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commit('Add the checkout page');
    const fixup = sandbox.commit('fixup! Add the checkout page');
    const { event, workspace } = openPullRequest(sandbox, 14);

    const step = await policyStep(event, workspace);

    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step).map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-autosquash-commits', fixup, 'fixup! commit: fold it in with git rebase -i --autosquash'],
    ]);
    expect(step.summary).toContain('git rebase -i --autosquash origin/main\n');
    expect(step.failure).toMatch(
      /^1 branch policy violation on feature \(onto main\): no-autosquash-commits \([0-9a-f]{7} fixup! commit: fold it in with git rebase -i --autosquash\)$/,
    );
  });

  it('pull_request: a stale branch gets its exact behind count from one compare call, not the base history', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    const tip = sandbox.commits(3, 'main moves on');
    const { event, workspace } = openPullRequest(sandbox, 12);
    const github = await startGitHubApi(sandbox.originDir);
    onTestFinished(() => github.close());
    const step = await runStep({
      action: 'branch-policy',
      event,
      workspace,
      env: { ...GIT_STEP_ENV, GITHUB_API_URL: github.url },
    });
    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step).map((v) => v.message)).toEqual([
      `not rebased: feature is 3 commits behind main (the main tip ${tip.slice(0, 7)} is not in the branch)`,
    ]);
    expect(github.requests).toEqual([
      expect.stringMatching(
        /^GET \/repos\/octo-org\/shop\/compare\/[0-9a-f]{40}\.\.\.[0-9a-f]{40}\?per_page=1&page=1$/,
      ),
    ]);
    // The base side was not deepened: main's history before the merge checkout stays unfetched.
    expect(sandbox.git(['-C', workspace, 'rev-parse', '--is-shallow-repository'])).toBe('true');
  });

  it('merge_group: the queue gets a verdict, never a pending check', async ({ onTestFinished }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commits(2, 'feature work');
    // What the merge queue builds with the "merge" method: the PR merged onto the base tip.
    const base = sandbox.sha('refs/heads/main');
    sandbox.git(['switch', '--quiet', '--detach', base]);
    sandbox.git([
      'merge',
      '--quiet',
      '--no-ff',
      '-m',
      'Merge pull request #15 from octo-org/feature',
      'feature',
    ]);
    const head = sandbox.sha('HEAD');
    sandbox.push(`${head}:refs/heads/gh-readonly-queue/main/pr-15-${base}`);
    const event = mergeGroupEvent({ base: 'main', baseSha: base, headSha: head, number: 15 });
    const workspace = sandbox.shallowCheckout(head);

    const step = await policyStep(event, workspace, { 'merge-style': 'merge' });

    expect(step.exitCode).toBe(0);
    expect(step.outputs.result).toBe('pass');
    expect(violationsOf(step)).toEqual([]);
    expect(step.summary).toMatch(
      /gh-readonly-queue\/main\/pr-15-[0-9a-f]{40} \(onto main\) follows the branch policy \(3 commits checked\)/,
    );
  });

  it('merge_group: linear merge-style fails on the queue merge commit', async ({ onTestFinished }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    const base = sandbox.sha('refs/heads/main');
    sandbox.git(['switch', '--quiet', '--detach', base]);
    sandbox.git([
      'merge',
      '--quiet',
      '--no-ff',
      '-m',
      'Merge pull request #16 from octo-org/feature',
      'feature',
    ]);
    const head = sandbox.sha('HEAD');
    sandbox.push(`${head}:refs/heads/gh-readonly-queue/main/pr-16-${base}`);
    const event = mergeGroupEvent({ base: 'main', baseSha: base, headSha: head, number: 16 });

    const step = await policyStep(event, sandbox.shallowCheckout(head), { 'merge-style': 'linear' });

    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step).map((v) => [v.rule, v.sha])).toEqual([['merge-style', head]]);
    expect(step.summary).toContain(
      "# Set the merge queue's merge method to 'Rebase and merge' or 'Squash and merge'",
    );
  });

  it('push: a force push to main fails and lists the dropped commits', async ({ onTestFinished }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const c3 = sandbox.commit('c3 shared work');
    const before = sandbox.commit('c4 shared work');
    sandbox.push('refs/heads/main:refs/heads/main');
    sandbox.git(['reset', '--quiet', '--hard', 'HEAD~2']);
    const after = sandbox.commit('c5 rewritten');
    sandbox.push('refs/heads/main:refs/heads/main');
    const event = pushEvent({ branch: 'main', before, after, forced: true });
    // actions/checkout of a push: depth 1 at the pushed commit.
    const workspace = sandbox.shallowCheckout('refs/heads/main');

    const step = await policyStep(event, workspace);

    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    const short = (sha: string) => sha.slice(0, 7);
    expect(violationsOf(step)).toEqual([
      {
        rule: 'no-force-push',
        sha: before,
        subject: 'c4 shared work',
        author: 'Ada Author <ada@example.com>',
        message: `dropped by a force push to main (${short(before)} -> ${short(after)})`,
      },
      {
        rule: 'no-force-push',
        sha: c3,
        subject: 'c3 shared work',
        author: 'Ada Author <ada@example.com>',
        message: `dropped by a force push to main (${short(before)} -> ${short(after)})`,
      },
    ]);
    expect(step.summary).toContain(`| no-force-push | \`${short(before)}\` | c4 shared work |`);
    expect(step.summary).toContain(`| no-force-push | \`${short(c3)}\` | c3 shared work |`);
    expect(step.summary).toContain(
      `git merge --no-ff -m 'Restore commits dropped by force push ${short(before)}' ${before}\ngit push origin main`,
    );
    expect(step.failure).toMatch(
      /^2 branch policy violations on the push to main \([0-9a-f]{7} -> [0-9a-f]{7}\): no-force-push \([0-9a-f]{7} dropped by a force push to main .*\); 1 more violation$/,
    );
    // The line heads the job summary too, which must not send readers to itself (issue 14).
    expect(step.summary.split('\n', 1)[0]).toMatch(
      /^## .*branch-policy: 2 branch policy violations .*; 1 more violation$/,
    );
    expect(step.summary).not.toMatch(/in the summary/);
  });

  it('pull_request from a fork whose head ref is main: the merge and fixup rules still apply', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    // The fork's own main: a commit, then a back-merge of the upstream main.
    sandbox.switch('fork-main', true);
    sandbox.commit('fork work');
    sandbox.switch('main');
    sandbox.commit('upstream moves on');
    sandbox.switch('fork-main');
    const merge = sandbox.merge('main');
    const fixup = sandbox.commit('fixup! fork work');
    sandbox.push('refs/heads/main:refs/heads/main', 'refs/heads/fork-main:refs/heads/fork-main');
    const event = pullRequestEvent({
      base: 'main',
      baseSha: sandbox.sha('refs/heads/main'),
      head: 'main',
      headSha: fixup,
      number: 21,
      fork: true,
    });
    sandbox.syntheticMerge(21, 'refs/heads/main', 'refs/heads/fork-main');
    const workspace = sandbox.shallowCheckout('refs/pull/21/merge');

    const step = await policyStep(event, workspace, { 'allow-branches': 'main' });

    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step).map((v) => [v.rule, v.sha])).toEqual([
      ['no-autosquash-commits', fixup],
      ['no-merge-commits', merge],
    ]);
  });

  it('pull_request from a protected branch of the same repository: not asked to rebase, still checked', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('release/1.2', true);
    sandbox.commit('release fix');
    const fixup = sandbox.commit('fixup! release fix');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    const { event, workspace } = openPullRequest(sandbox, 22, 'release/1.2');

    const step = await policyStep(event, workspace);

    expect(step.outputs.result).toBe('fail');
    // Behind main, but a shared branch is merged as it is: no require-rebased violation.
    expect(violationsOf(step).map((v) => [v.rule, v.sha])).toEqual([['no-autosquash-commits', fixup]]);
    expect(step.stdout).toContain('release/1.2 is a protected branch: it is not asked to rebase');
  });

  it('allow-authors never trusts the git author: a back-merge authored as dependabot[bot] by a human fails', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    sandbox.switch('main');
    sandbox.commit('main moves on');
    sandbox.switch('feature');
    sandbox.git(['merge', '--quiet', '--no-ff', '--no-edit', 'main'], {
      GIT_AUTHOR_NAME: bot.name,
      GIT_AUTHOR_EMAIL: bot.email,
    });
    const merge = sandbox.sha('HEAD');
    const { event, workspace } = openPullRequest(sandbox, 23);

    const step = await policyStep(event, workspace, { 'allow-authors': 'dependabot[bot]' });

    expect(step.outputs.result).toBe('fail');
    expect(violationsOf(step).map((v) => [v.rule, v.sha])).toEqual([['no-merge-commits', merge]]);
    expect(step.stdout).toContain('git author text is not a verified identity');

    // The pull request's author, as GitHub verified it in the event, is trusted.
    const byBot = pullRequestEvent({
      base: 'main',
      baseSha: sandbox.sha('refs/heads/main'),
      head: 'feature',
      headSha: merge,
      number: 23,
      author: bot.name,
      authorType: 'Bot',
    });
    const exempt = await policyStep(byBot, workspace, { 'allow-authors': 'dependabot[bot]' });
    expect(exempt.outputs.result).toBe('pass');
    expect(exempt.outputs.violations).toBe('[]');
  });

  it('push whose old tip cannot be fetched never passes: fail with the reason, not "nothing to check"', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const before = sandbox.sha('refs/heads/main');
    const first = sandbox.commit('direct 1');
    const after = sandbox.commit('direct 2');
    sandbox.push('refs/heads/main:refs/heads/main');
    const event = pushEvent({ branch: 'main', before, after });

    const reachable = await policyStep(event, sandbox.shallowCheckout('refs/heads/main'), {
      'merge-style': 'merge',
    });
    expect(reachable.outputs.result).toBe('fail');
    expect(violationsOf(reachable).map((v) => [v.rule, v.sha])).toEqual([
      ['merge-style', after],
      ['merge-style', first],
    ]);

    const offline = sandbox.shallowCheckout('refs/heads/main');
    sandbox.git(['-C', offline, 'remote', 'set-url', 'origin', `file://${sandbox.root}/gone.git`]);
    const unreachable = await policyStep(event, offline, { 'merge-style': 'merge' });
    expect(unreachable.exitCode).toBe(1);
    expect(unreachable.outputs.result).toBe('fail');
    expect(unreachable.failure).toMatch(
      new RegExp(
        `^The previous tip ${before.slice(0, 7)} of main could not be read .*: the push cannot be checked`,
      ),
    );
    expect(unreachable.stderr).toBe('');
  });

  it('merge_group: a payload without head_ref fails in one line naming every missing field', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const event = mergeGroupEvent({
      base: 'main',
      baseSha: sandbox.sha('HEAD'),
      headSha: sandbox.sha('HEAD'),
    });
    const group = (event.payload as { merge_group: Record<string, unknown> }).merge_group;
    delete group.head_ref;
    delete group.base_sha;

    const step = await policyStep(event, sandbox.shallowCheckout('refs/heads/main'));

    expect(step.exitCode).toBe(1);
    expect(errorCommands(step.stdout)).toEqual([
      "::error::The 'merge_group' event payload has no merge_group.head_ref, merge_group.base_sha",
    ]);
    expect(step.stdout).not.toMatch(STACK_FRAME);
    expect(step.stderr).not.toMatch(STACK_FRAME);
  });

  it('pull_request: deepening never recurses into a submodule whose remote is unreachable', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const library = new Sandbox();
    onTestFinished(() => library.cleanup());
    const libraryV1 = library.commit('library v1');
    library.push('HEAD:refs/heads/main');
    const allowFile = ['-c', 'protocol.file.allow=always'];
    sandbox.git([...allowFile, 'submodule', '--quiet', 'add', library.originUrl, 'lib']);
    sandbox.git(['commit', '--quiet', '-m', 'Add the library']);
    sandbox.switch('feature', true);
    const bumps = [libraryV1];
    for (let i = 2; i <= 4; i += 1) {
      bumps.push(library.commit(`library v${i}`));
      library.push('HEAD:refs/heads/main');
      sandbox.git(['-C', 'lib', ...allowFile, 'fetch', '--quiet', 'origin']);
      sandbox.git(['-C', 'lib', 'checkout', '--quiet', bumps[bumps.length - 1]!]);
      sandbox.git(['commit', '--quiet', '-am', `Bump the library to v${i}`]);
    }
    const fixup = sandbox.commit('fixup! Bump the library to v2');
    const { event, workspace } = openPullRequest(sandbox, 31);
    // actions/checkout with `submodules: true`. Then main moves on to a library commit the
    // checkout's submodule lacks, and the submodule's remote goes away.
    sandbox.git(['-C', workspace, ...allowFile, 'submodule', '--quiet', 'update', '--init']);
    const libraryV5 = library.commit('library v5');
    library.push('HEAD:refs/heads/main');
    sandbox.switch('main');
    sandbox.git(['-C', 'lib', ...allowFile, 'fetch', '--quiet', 'origin']);
    sandbox.git(['-C', 'lib', 'checkout', '--quiet', libraryV5]);
    sandbox.git(['commit', '--quiet', '-am', 'Bump the library to v5 on main']);
    sandbox.push('refs/heads/main:refs/heads/main');
    library.cleanup();

    const step = await policyStep(event, workspace);

    expect(step.outputs.result).toBe('fail');
    // main moved on after the event: the branch is also behind it now.
    expect(violationsOf(step).map((v) => [v.rule, v.sha])).toContainEqual(['no-autosquash-commits', fixup]);
    expect(step.stderr).toBe('');
  });

  it('caps the violations output and says how many were left out; the report keeps them all', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    const huge = `fixup! ${'x'.repeat(1024 * 1024)}`;
    // Too long for a command-line argument: fast-import writes it.
    const hugeSha = sandbox.fastImportCommits('feature', sandbox.sha('HEAD'), 1, () => huge);
    sandbox.fastImportCommits('feature', hugeSha, 1500, (i) => `fixup! change ${i}`);
    sandbox.git(['reset', '--quiet', '--hard', 'refs/heads/feature']);
    const { event, workspace } = openPullRequest(sandbox, 32);

    const step = await policyStep(event, workspace);

    expect(step.outputs.result).toBe('fail');
    expect(step.outputs['violation-count']).toBe('1501');
    expect(Number(step.outputs['violations-omitted'])).toBe(1501 - violationsOf(step).length);
    expect(Buffer.byteLength(step.outputs.violations ?? '')).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(step.stdout)).toBeLessThan(256 * 1024);
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'));
    expect(report.violations).toHaveLength(1501);
    expect(report.violations[1500].subject).toBe(huge);
  });

  it('pull_request: a unit separator in an author name cannot hide a fixup! commit', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    sandbox.switch('feature', true);
    sandbox.commit('feature work');
    const fixup = sandbox.commit('fixup! feature work', { name: 'Mal\x1fory', email: 'mallory@example.com' });
    const { event, workspace } = openPullRequest(sandbox, 33);

    const step = await policyStep(event, workspace);

    expect(violationsOf(step).map((v) => [v.rule, v.sha, v.author])).toEqual([
      ['no-autosquash-commits', fixup, 'Mal\x1fory <mallory@example.com>'],
    ]);
  });

  it('push: forced: true on what the graph shows is a fast-forward passes, and says the two disagree', async ({
    onTestFinished,
  }) => {
    const sandbox = sandboxWithMain(onTestFinished);
    const before = sandbox.sha('refs/heads/main');
    const after = sandbox.commit('fast-forward');
    sandbox.push('refs/heads/main:refs/heads/main');
    const event = pushEvent({ branch: 'main', before, after, forced: true });

    const step = await policyStep(event, sandbox.shallowCheckout('refs/heads/main'));

    expect(step.outputs.result).toBe('pass');
    expect(violationsOf(step)).toEqual([]);
    expect(step.stdout).toContain(
      `The event says forced, but ${before.slice(0, 7)} is an ancestor of ${after.slice(0, 7)}: a fast-forward, checked as one`,
    );
  });

  /**
   * Histories where one `--deepen` finds a merge base while the shallow boundary still cuts main's
   * first-parent line above it: main's old commits (m6..m20, with merges) then look like the
   * branch's own, because the long-lived branch reaches them and the cut-off base does not. Main
   * also merges a topic forked at m5 late, so main's side reaches the root early.
   */
  const LONG_LIVED = {
    main: 400,
    fork: 20,
    backMerge: 300,
    oldTopicFrom: 5,
    oldTopicAt: 390,
    after: 20,
    mergeOnMainAt: [8, 11, 14, 17],
  };

  /** The long-lived history pushed, GitHub's refs/pull/N/merge made, and checked out at depth 1. */
  function longLivedPullRequest(onTestFinished: Cleanup, number: number) {
    const sandbox = new Sandbox();
    onTestFinished(() => sandbox.cleanup());
    const { base, head, backMerge } = longLivedHistory(sandbox, LONG_LIVED);
    sandbox.git(['switch', '--quiet', 'long-lived']);
    const count = (include: string, exclude: string) =>
      Number(sandbox.git(['rev-list', '--count', include, `^${exclude}`]));
    sandbox.push('refs/heads/main:refs/heads/main', 'refs/heads/long-lived:refs/heads/long-lived');
    const event = pullRequestEvent({
      base: 'main',
      baseSha: base,
      head: 'long-lived',
      headSha: head,
      number,
    });
    sandbox.syntheticMerge(number, 'refs/heads/main', 'refs/heads/long-lived');
    const workspace = sandbox.shallowCheckout(`refs/pull/${number}/merge`);
    const shallowBefore = readFileSync(join(workspace, '.git', 'shallow'), 'utf8');
    const expectCheckoutUnchanged = () => {
      // The checkout is left as actions/checkout made it: same shallow file, not a partial clone.
      expect(readFileSync(join(workspace, '.git', 'shallow'), 'utf8')).toBe(shallowBefore);
      expect(sandbox.git(['-C', workspace, 'config', '--local', '--list'])).not.toMatch(
        /promisor|partialclone/i,
      );
    };
    return {
      base,
      head,
      backMerge,
      event,
      workspace,
      ahead: count(head, base),
      behind: count(base, head),
      expectCheckoutUnchanged,
    };
  }

  it('pull_request: a shallow boundary above the merge base leaks no base commit; exact counts and "behind"', async ({
    onTestFinished,
  }) => {
    const pr = longLivedPullRequest(onTestFinished, 41);

    const step = await policyStep(pr.event, pr.workspace, { 'max-commits': String(pr.ahead) });

    expect(pr.ahead).toBe(41);
    expect(pr.behind).toBe(101);
    expect(violationsOf(step).map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-merge-commits', pr.backMerge, 'back-merge from main: rebase the branch instead of merging'],
      [
        'require-rebased',
        pr.head,
        `not rebased: long-lived is ${pr.behind} commits behind main (the main tip ${pr.base.slice(0, 7)} is not in the branch)`,
      ],
    ]);
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'));
    expect(report.checkedCommits).toBe(pr.ahead);
    pr.expectCheckoutUnchanged();
  });

  it("pull_request with require-rebased: false: only the branch's own commits are checked from a shallow boundary above the merge base", async ({
    onTestFinished,
  }) => {
    const pr = longLivedPullRequest(onTestFinished, 42);

    const step = await policyStep(pr.event, pr.workspace, {
      'require-rebased': 'false',
      'max-commits': String(pr.ahead),
    });

    expect(violationsOf(step).map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-merge-commits', pr.backMerge, 'back-merge from main: rebase the branch instead of merging'],
    ]);
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'));
    expect(report.checkedCommits).toBe(pr.ahead);
    pr.expectCheckoutUnchanged();
  });

  it('merge_group: a queued topic forked long ago gets no back-merge violations for commits already on the base', async ({
    onTestFinished,
  }) => {
    const sandbox = new Sandbox();
    onTestFinished(() => sandbox.cleanup());
    const { base } = longLivedHistory(sandbox, LONG_LIVED);
    // A one-commit topic forked from m20, queued as the merge queue builds it (the PR merged onto
    // the base tip), and checked out at depth 1 as actions/checkout does for merge_group.
    sandbox.git(['switch', '--quiet', '-c', 'old-topic', `${base}~380`]);
    sandbox.commit('old topic work');
    sandbox.git(['switch', '--quiet', '--detach', base]);
    const head = sandbox.merge('old-topic');
    const queueRef = `refs/heads/gh-readonly-queue/main/pr-43-${base}`;
    sandbox.push('refs/heads/main:refs/heads/main', `${head}:${queueRef}`);
    const event = mergeGroupEvent({ base: 'main', baseSha: base, headSha: head, number: 43 });
    const trueCount = Number(sandbox.git(['rev-list', '--count', head, `^${base}`]));

    const step = await policyStep(event, sandbox.shallowCheckout(queueRef), { 'merge-style': 'merge' });

    expect(trueCount).toBe(2);
    expect(violationsOf(step)).toEqual([]);
    expect(step.outputs.result).toBe('pass');
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'));
    expect(report.checkedCommits).toBe(trueCount);
  });

  it('a bad input fails in one line, with no stack trace and before any git work', async () => {
    const step = await runStep({
      action: 'branch-policy',
      event: pullRequestEvent({
        base: 'main',
        baseSha: 'a'.repeat(40),
        head: 'feature',
        headSha: 'b'.repeat(40),
      }),
      inputs: { 'merge-style': 'sometimes' },
      env: GIT_STEP_ENV,
    });

    expect(step.exitCode).toBe(1);
    expect(errorCommands(step.stdout)).toEqual([
      "::error::Invalid merge-style 'sometimes': use one of merge, linear, any",
    ]);
    expect(step.failure).toBe("Invalid merge-style 'sometimes': use one of merge, linear, any");
    expect(step.stdout).not.toMatch(STACK_FRAME);
    expect(step.stderr).not.toMatch(STACK_FRAME);
    expect(step.outputs).toEqual({});
  });
});
