import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_COMMIT_CAP,
  type Comparison,
  fetchWithDeadline,
  type GitHubApi,
  type OctokitLike,
  octokitApi,
} from '../../actions/branch-policy/src/github-api.js';
import { mergeGroupEvent, pullRequestEvent, pushEvent } from '../../tools/harness/events.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';
import { runGate } from './harness.js';

/** The API fallback: no checkout (or no git), answered by the compare endpoint. */
let sandbox: Sandbox;
let empty: string;

beforeEach(() => {
  sandbox = new Sandbox();
  empty = join(sandbox.root, 'no-checkout');
  mkdirSync(empty);
});
afterEach(() => sandbox.cleanup());

function apiCommit(sha: string, parents: string[], message: string, login = 'ada', verified = false) {
  return {
    sha,
    parents: parents.map((p) => ({ sha: p, url: '' })),
    commit: {
      message,
      author: { name: 'Ada Author', email: 'ada@example.com', date: '2024-01-01T00:00:00Z' },
      verification: { verified, reason: verified ? 'valid' : 'unsigned' },
    },
    author: { login },
  };
}

const sha = (n: number) => n.toString(16).padStart(40, '0');

/** A fake of the compare endpoint over a fixed list of commits (oldest first, as the API sends). */
function fakeOctokit(
  answers: Record<
    string,
    {
      status: Comparison['status'];
      behind_by?: number;
      commits: ReturnType<typeof apiCommit>[];
      total?: number;
    }
  >,
  identities: Record<string, ReturnType<typeof apiCommit>> = {},
) {
  const calls: string[] = [];
  const octokit: OctokitLike = {
    rest: {
      repos: {
        async getCommit(params) {
          calls.push(`${params.owner}/${params.repo} commit ${params.ref}`);
          const commit = identities[params.ref];
          if (!commit) throw Object.assign(new Error('No commit found'), { status: 422 });
          return { data: commit };
        },
        async compareCommitsWithBasehead(params) {
          calls.push(`${params.owner}/${params.repo} ${params.basehead} page ${params.page}`);
          const answer = answers[params.basehead];
          if (!answer) throw Object.assign(new Error('Not Found'), { status: 404 });
          const perPage = params.per_page ?? 100;
          const page = params.page ?? 1;
          return {
            data: {
              status: answer.status,
              ahead_by: answer.commits.length,
              behind_by: answer.behind_by ?? 0,
              total_commits: answer.total ?? answer.commits.length,
              commits: answer.commits.slice((page - 1) * perPage, page * perPage),
            },
          };
        },
      },
    },
  };
  return { octokit, calls };
}

function using(octokit: OctokitLike): { createApi: () => Promise<GitHubApi> } {
  return { createApi: async () => octokitApi(octokit, { owner: 'octo-org', repo: 'octo-repo' }) };
}

describe('API fallback', () => {
  it('checks a pull request with no checkout, through compare', async () => {
    const commits = [
      apiCommit(sha(1), [sha(100)], 'feature work'),
      apiCommit(sha(2), [sha(1), sha(101)], "Merge branch 'main' into feature"),
      apiCommit(sha(3), [sha(2)], 'fixup! feature work', 'ada'),
    ];
    const { octokit, calls } = fakeOctokit({
      [`${sha(100)}...${sha(3)}`]: { status: 'diverged', behind_by: 2, commits },
    });
    const event = pullRequestEvent({
      base: 'main',
      baseSha: sha(100),
      head: 'feature',
      headSha: sha(3),
      commits: 3,
    });
    const run = await runGate(sandbox, { event, workspace: empty, dependencies: using(octokit) });
    expect(calls).toEqual([`octo-org/octo-repo ${sha(100)}...${sha(3)} page 1`]);
    expect(run.report.source).toBe('api');
    expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
      ['no-autosquash-commits', sha(3), 'fixup! commit: fold it in with git rebase -i --autosquash'],
      ['no-merge-commits', sha(2), 'back-merge from main: rebase the branch instead of merging'],
      [
        'require-rebased',
        sha(3),
        `not rebased: feature is 2 commits behind main (the main tip ${sha(100).slice(0, 7)} is not in the branch)`,
      ],
    ]);
    expect(run.host.log.lines[0]).toMatch(/No git repository at .*: reading history from the GitHub API/);
  });

  it(`says when the ${API_COMMIT_CAP}-commit cap truncates a range`, async () => {
    const commits = Array.from({ length: 300 }, (_, i) =>
      apiCommit(sha(i + 1), [sha(i === 0 ? 1000 : i)], `commit ${i + 1}`),
    );
    const { octokit, calls } = fakeOctokit({ [`${sha(1000)}...${sha(300)}`]: { status: 'ahead', commits } });
    const event = pullRequestEvent({
      base: 'main',
      baseSha: sha(1000),
      head: 'big',
      headSha: sha(300),
      commits: 300,
    });
    const run = await runGate(sandbox, { event, workspace: empty, dependencies: using(octokit) });
    expect(calls).toHaveLength(3);
    expect(run.report.checkedCommits).toBe(API_COMMIT_CAP);
    expect(run.report.notes).toEqual([
      "GitHub's API lists at most 250 commits: checked 250 of 300. Add actions/checkout before this step so git reads the whole range.",
    ]);
    expect(run.host.summaries.join('\n')).toContain('at most 250 commits');
  });

  it('detects a force push and its dropped commits through the API', async () => {
    const before = sha(3);
    const after = sha(4);
    const { octokit } = fakeOctokit({
      [`${before}...${after}`]: { status: 'diverged', commits: [apiCommit(after, [sha(1)], 'rewritten')] },
      [`${after}...${before}`]: {
        status: 'diverged',
        commits: [apiCommit(sha(2), [sha(1)], 'c2'), apiCommit(before, [sha(2)], 'c3')],
      },
    });
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: false }),
      workspace: empty,
      dependencies: using(octokit),
    });
    expect(run.violations.map((v) => [v.rule, v.sha])).toEqual([
      ['no-force-push', before],
      ['no-force-push', sha(2)],
    ]);
  });

  it('checks a merge group through the API', async () => {
    const commits = [
      apiCommit(sha(1), [sha(100)], 'work'),
      apiCommit(sha(2), [sha(100), sha(1)], 'Merge pull request #1 from o/feature'),
    ];
    const { octokit } = fakeOctokit({ [`${sha(100)}...${sha(2)}`]: { status: 'ahead', commits } });
    const run = await runGate(sandbox, {
      event: mergeGroupEvent({ base: 'main', baseSha: sha(100), headSha: sha(2) }),
      workspace: empty,
      inputs: { 'merge-style': 'merge' },
      dependencies: using(octokit),
    });
    expect(run.outcome.result).toBe('pass');
    expect(run.report.checkedCommits).toBe(2);
  });

  it('falls back to the API when git cannot read the history', async () => {
    const commits = [apiCommit(sha(1), [sha(100)], 'work')];
    const { octokit } = fakeOctokit({ [`${sha(100)}...${sha(1)}`]: { status: 'ahead', commits } });
    const event = pullRequestEvent({ base: 'main', baseSha: sha(100), head: 'feature', headSha: sha(1) });
    sandbox.commit('unrelated');
    // A repository without the commits and without the remote: git cannot answer.
    sandbox.git(['remote', 'remove', 'origin']);
    const run = await runGate(sandbox, { event, workspace: sandbox.workDir, dependencies: using(octokit) });
    expect(run.report.source).toBe('api');
    expect(run.outcome.result).toBe('pass');
    expect(run.host.log.lines.join('\n')).toMatch(/Reading history with git failed .*: using the GitHub API/);
  });

  /** A feature branch two commits behind main, pushed, with the pull_request event for it. */
  function staleFeature() {
    sandbox.commit('base');
    sandbox.push('HEAD:refs/heads/main');
    sandbox.switch('feature', true);
    const head = sandbox.commit('feature work');
    sandbox.switch('main');
    const tip = sandbox.commits(2, 'main moves on');
    sandbox.push('refs/heads/feature:refs/heads/feature', 'refs/heads/main:refs/heads/main');
    const event = pullRequestEvent({ base: 'main', baseSha: tip, head: 'feature', headSha: head });
    return {
      head,
      tip,
      event,
      message: `not rebased: feature is 2 commits behind main (the main tip ${tip.slice(0, 7)} is not in the branch)`,
    };
  }

  it('counts the commits behind with one compare call instead of fetching the base history', async () => {
    const { head, tip, event, message } = staleFeature();
    const { octokit, calls } = fakeOctokit({
      [`${tip}...${head}`]: {
        status: 'diverged',
        behind_by: 2,
        commits: [apiCommit(head, [sha(1)], 'feature work')],
      },
    });
    const workspace = sandbox.shallowCheckout('refs/heads/feature');
    const run = await runGate(sandbox, { event, workspace, dependencies: using(octokit) });
    expect(run.report.source).toBe('git');
    expect(calls).toEqual([`octo-org/octo-repo ${tip}...${head} page 1`]);
    expect(run.violations.map((v) => [v.rule, v.message])).toEqual([['require-rebased', message]]);
  });

  it('counts the commits behind with git when the compare call answers 0 for a branch that lacks the base tip', async () => {
    const { head, tip, event, message } = staleFeature();
    const { octokit } = fakeOctokit({
      [`${tip}...${head}`]: {
        status: 'diverged',
        behind_by: 0,
        commits: [apiCommit(head, [sha(1)], 'feature work')],
      },
    });
    const workspace = sandbox.shallowCheckout('refs/heads/feature');
    const run = await runGate(sandbox, { event, workspace, dependencies: using(octokit) });
    expect(run.violations.map((v) => [v.rule, v.message])).toEqual([['require-rebased', message]]);
    expect(run.host.log.lines.join('\n')).toMatch(
      /The GitHub API counted 0 commits behind .*: counting with git/,
    );
  });

  it('counts the commits behind with git when the compare call fails', async () => {
    const { event, message } = staleFeature();
    const { octokit, calls } = fakeOctokit({});
    const workspace = sandbox.shallowCheckout('refs/heads/feature');
    const run = await runGate(sandbox, { event, workspace, dependencies: using(octokit) });
    expect(calls).toHaveLength(1);
    expect(run.violations.map((v) => [v.rule, v.message])).toEqual([['require-rebased', message]]);
    expect(run.host.log.lines.join('\n')).toMatch(
      /The GitHub API could not count the commits behind \(Not Found\): counting with git/,
    );
  });

  it('fails in one line with neither a checkout nor a token', async () => {
    const event = pullRequestEvent({ base: 'main', baseSha: sha(100), head: 'feature', headSha: sha(1) });
    await expect(
      runGate(sandbox, { event, workspace: empty, env: { GITHUB_REPOSITORY: '' } }),
    ).rejects.toThrow(
      /^No git checkout at .* and no token for the GitHub API: add actions\/checkout before this step or set the 'token' input$/,
    );
  });

  it('reads a push through the API when the old tip cannot be fetched with git', async () => {
    const before = sandbox.commit('c1');
    sandbox.push('HEAD:refs/heads/main');
    const first = sandbox.commit('direct 1');
    const after = sandbox.commit('direct 2');
    sandbox.push('HEAD:refs/heads/main');
    const workspace = sandbox.shallowCheckout('refs/heads/main');
    sandbox.git(['-C', workspace, 'remote', 'set-url', 'origin', `file://${sandbox.root}/gone.git`]);
    const commits = [apiCommit(first, [before], 'direct 1'), apiCommit(after, [first], 'direct 2')];
    const { octokit, calls } = fakeOctokit({ [`${before}...${after}`]: { status: 'ahead', commits } });
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after }),
      workspace,
      inputs: { 'merge-style': 'merge' },
      dependencies: using(octokit),
    });
    expect(calls).toEqual([`octo-org/octo-repo ${before}...${after} page 1`]);
    expect(run.report.source).toBe('api');
    expect(run.violations.map((v) => [v.rule, v.sha])).toEqual([
      ['merge-style', after],
      ['merge-style', first],
    ]);
  });

  it('fails a push whose old tip neither git nor the API can read', async () => {
    const after = sandbox.commit('c1');
    sandbox.push('HEAD:refs/heads/main');
    const before = 'deadbeef'.repeat(5);
    const { octokit } = fakeOctokit({});
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after }),
      workspace: sandbox.shallowCheckout('refs/heads/main'),
      dependencies: using(octokit),
    });
    expect(run.outcome.result).toBe('fail');
    expect(run.outcome.summaryLine).toBe(
      'The previous tip deadbee of main could not be read (the GitHub API: Not Found): the push cannot be checked',
    );
  });

  it('allow-authors exempts a commit read with git only when the API verifies it and its login', async () => {
    const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
    sandbox.commit('base');
    sandbox.push('HEAD:refs/heads/main');
    const base = sandbox.sha('HEAD');
    sandbox.switch('feature', true);
    const signed = sandbox.commit('fixup! signed by GitHub for the bot', bot);
    const forged = sandbox.commit('fixup! written by a human as the bot', bot);
    sandbox.push('HEAD:refs/heads/feature');
    const { octokit, calls } = fakeOctokit(
      {},
      {
        [signed]: apiCommit(signed, [base], 'x', 'dependabot[bot]', true),
        [forged]: apiCommit(forged, [signed], 'x', 'mallory', false),
      },
    );
    const event = pullRequestEvent({ base: 'main', baseSha: base, head: 'feature', headSha: forged });
    const run = await runGate(sandbox, {
      event,
      workspace: sandbox.workDir,
      inputs: { 'allow-authors': 'dependabot[bot]' },
      dependencies: using(octokit),
    });
    expect(calls.sort()).toEqual(
      [`octo-org/octo-repo commit ${forged}`, `octo-org/octo-repo commit ${signed}`].sort(),
    );
    expect(run.violations.map((v) => [v.rule, v.sha])).toEqual([['no-autosquash-commits', forged]]);
  });
});

describe('API deadline', () => {
  it('gives up on a GitHub that accepts the connection and never answers', async ({ onTestFinished }) => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      silent.closeAllConnections();
      silent.close();
    });
    const { port } = silent.address() as AddressInfo;
    const octokit = getOctokit('token', {
      baseUrl: `http://127.0.0.1:${port}`,
      request: { fetch: fetchWithDeadline(200) },
    });
    const api = octokitApi(octokit, { owner: 'octo-org', repo: 'octo-repo' });
    const guard = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('no deadline: still waiting')), 20_000),
    );
    await expect(Promise.race([api.behindBy(sha(1), sha(2)), guard])).rejects.toThrow(/aborted|timeout/i);
  });
});
