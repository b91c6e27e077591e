import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countCommits,
  currentBranch,
  isAncestor,
  listCommits,
  openRepository,
  parseAddedLines,
  parseCommitRecords,
  remoteBranchTip,
  remoteDefaultBranch,
  resolveCommit,
  resolveCommits,
  shallowBoundary,
} from '../../core/git.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';

/** The history helpers branch-policy added, on real repositories. */
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = new Sandbox();
});
afterEach(() => sandbox.cleanup());

describe('listCommits', () => {
  it('reads parents, author and subject of a range in one call, newest first', async () => {
    const base = sandbox.commit('base');
    sandbox.switch('side', true);
    const side = sandbox.commit('side | with "quotes" and ünïcødé');
    sandbox.switch('main');
    const main = sandbox.commit('main', { name: 'Zoë Ω', email: 'zoe@example.com' });
    const merge = sandbox.merge('side');
    const commits = await listCommits(openRepository(sandbox.workDir), [merge, `^${base}`]);
    expect(commits).toEqual([
      {
        sha: merge,
        parents: [main, side],
        authorName: 'Ada Author',
        authorEmail: 'ada@example.com',
        subject: "Merge branch 'side'",
      },
      { sha: main, parents: [base], authorName: 'Zoë Ω', authorEmail: 'zoe@example.com', subject: 'main' },
      {
        sha: side,
        parents: [base],
        authorName: 'Ada Author',
        authorEmail: 'ada@example.com',
        subject: 'side | with "quotes" and ünïcødé',
      },
    ]);
    const firstParent = await listCommits(openRepository(sandbox.workDir), [merge, `^${base}`], {
      firstParent: true,
    });
    expect(firstParent.map((c) => c.sha)).toEqual([merge, main]);
  });

  it('parses root commits and empty output', () => {
    expect(parseCommitRecords('')).toEqual([]);
    expect(parseCommitRecords('a\n\nN\x1fx\ne\ns\x1f\nt\0')).toEqual([
      { sha: 'a', parents: [], authorName: 'N\x1fx', authorEmail: 'e', subject: 's\x1f\nt' },
    ]);
  });
});

describe('revisions', () => {
  it('resolves several revisions in one call, and each on its own when one is missing', async () => {
    const first = sandbox.commit('one');
    const second = sandbox.commit('two');
    sandbox.git(['update-ref', 'refs/heads/--output=x', first]);
    const git = openRepository(sandbox.workDir);
    expect(await resolveCommits(git, ['HEAD', '--output=x', 'HEAD~1', 'main'])).toEqual([
      second,
      first,
      first,
      second,
    ]);
    expect(await resolveCommits(git, ['HEAD', 'nope', '--output=x'])).toEqual([second, undefined, first]);
    // A range is not one commit: resolveCommit says so, and so does the batch.
    expect(await resolveCommits(git, ['HEAD', `${first}..${second}`])).toEqual([
      second,
      await resolveCommit(git, `${first}..${second}`),
    ]);
    expect(await resolveCommits(git, ['HEAD^!', 'HEAD'])).toEqual([
      await resolveCommit(git, 'HEAD^!'),
      second,
    ]);
    expect(await resolveCommits(git, [])).toEqual([]);
    // All present: one git process for all of them.
    const raw = vi.spyOn(git, 'raw');
    expect(await resolveCommits(git, ['HEAD', 'HEAD~1', 'main', first])).toEqual([
      second,
      first,
      second,
      first,
    ]);
    expect(raw).toHaveBeenCalledTimes(1);
    expect(await resolveCommits(git, ['nope'])).toEqual([undefined]);
  });

  it('resolves names that look like options without running them as options', async () => {
    const first = sandbox.commit('one');
    const second = sandbox.commit('two');
    sandbox.git(['update-ref', 'refs/heads/--output=x', first]);
    const git = openRepository(sandbox.workDir);
    expect(await resolveCommit(git, '--output=x')).toBe(first);
    expect(await resolveCommit(git, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(git, 'nope')).toBeUndefined();
    expect(await isAncestor(git, first, second)).toBe(true);
    expect(await isAncestor(git, second, first)).toBe(false);
    expect(await isAncestor(git, second, second)).toBe(true);
    expect(await countCommits(git, second, first)).toBe(1);
    expect(await currentBranch(git)).toBe('main');
    sandbox.git(['switch', '--quiet', '--detach']);
    expect(await currentBranch(git)).toBeUndefined();
  });
});

describe('remotes and shallow clones', () => {
  it('reads remote tips, the remote default branch and the shallow boundary', async () => {
    sandbox.commit('one');
    const tip = sandbox.commit('two');
    sandbox.push('HEAD:refs/heads/main', 'HEAD~1:refs/heads/x/refs/heads/main');
    const clone = sandbox.shallowClone('main');
    const git = openRepository(clone);
    expect(await remoteBranchTip(git, 'main')).toBe(tip);
    expect(await remoteBranchTip(git, 'missing')).toBeUndefined();
    expect(await remoteDefaultBranch(git)).toBe('main');
    expect(await shallowBoundary(git)).toEqual(new Set([tip]));
    expect(await shallowBoundary(openRepository(sandbox.workDir))).toEqual(new Set());
  });
});

describe('parseAddedLines', () => {
  it('maps each file to the new-side lines of its hunks', () => {
    const diff = [
      'diff --git a/infra/main.tf b/infra/main.tf',
      '--- a/infra/main.tf',
      '+++ b/infra/main.tf',
      '@@ -3,0 +4,2 @@ resource "aws_subnet" "a" {',
      '+  availability_zone = "us-east-1a"',
      '+  cidr_block = "10.0.0.0/24"',
      '@@ -10 +12 @@',
      '+  tags = {}',
      'diff --git a/old.tf b/old.tf',
      '--- a/old.tf',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-gone',
      'diff --git a/new.yaml b/new.yaml',
      '--- /dev/null',
      '+++ b/new.yaml',
      '@@ -0,0 +1,3 @@',
    ].join('\n');
    const added = parseAddedLines(diff);
    expect([...added.keys()]).toEqual(['infra/main.tf', 'new.yaml']);
    expect([...added.get('infra/main.tf')!]).toEqual([4, 5, 12]);
    expect([...added.get('new.yaml')!]).toEqual([1, 2, 3]);
  });

  it('reads an added line that starts with "++ " as content, not as the next file header', () => {
    // `++ x` added shows as `+++ x`: taken for a header, it sent the file's later hunks to a file
    // named `x`, and findings on those added lines were silently dropped.
    const diff = [
      'diff --git a/a.tf b/a.tf',
      '--- a/a.tf',
      '+++ b/a.tf',
      '@@ -0,0 +1,2 @@',
      '+++ x = 1',
      '+b',
      '@@ -5 +7 @@',
      '-old',
      '+new',
      '\\ No newline at end of file',
      'diff --git a/b.tf b/b.tf',
      '--- a/b.tf',
      '+++ b/b.tf',
      '@@ -1 +1 @@',
      '--- c',
      '+d',
    ].join('\n');
    const added = parseAddedLines(diff);
    expect([...added.keys()]).toEqual(['a.tf', 'b.tf']);
    expect([...added.get('a.tf')!]).toEqual([1, 2, 7]);
    expect([...added.get('b.tf')!]).toEqual([1]);
  });

  it('records a pure deletion hunk as no added lines', () => {
    const added = parseAddedLines(['+++ b/a.tf', '@@ -5,2 +4,0 @@'].join('\n'));
    expect(added.get('a.tf')?.size).toBe(0);
  });
});
