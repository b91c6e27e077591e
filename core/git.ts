import { readFile } from 'node:fs/promises';
import { type SimpleGit, simpleGit } from 'simple-git';
import type { Logger } from './log.js';

/**
 * Git work for the gates that read history. Arguments are always passed as arrays (simple-git
 * spawns git without a shell), so branch names from event payloads can never become commands.
 *
 * actions/checkout clones at depth 1 by default: helpers here fetch exactly what a check needs
 * (the two tips, then deeper history until their merge base appears) instead of asking users for
 * `fetch-depth: 0`.
 */
export const DEFAULT_REMOTE = 'origin';
const INITIAL_DEEPEN_COMMITS = 50;
const MAX_DEEPEN_ROUNDS = 12;

export function openRepository(dir: string): SimpleGit {
  // maxConcurrentProcesses 1: git commands of one check depend on each other's results.
  return simpleGit({ baseDir: dir, maxConcurrentProcesses: 1, trimmed: true });
}

export async function isGitRepository(git: SimpleGit): Promise<boolean> {
  try {
    return (await git.raw(['rev-parse', '--is-inside-work-tree'])) === 'true';
  } catch {
    return false;
  }
}

export async function hasCommit(git: SimpleGit, sha: string): Promise<boolean> {
  // rev-parse prints the SHA when the commit is there. A command that prints nothing makes
  // simple-git wait 50 ms more before it reports completion: `cat-file -e` cost that every call.
  return (await resolveCommit(git, sha)) !== undefined;
}

export async function isShallow(git: SimpleGit): Promise<boolean> {
  return (await git.raw(['rev-parse', '--is-shallow-repository'])) === 'true';
}

export async function mergeBase(git: SimpleGit, a: string, b: string): Promise<string | undefined> {
  try {
    const base = await git.raw(['merge-base', a, b]);
    return base || undefined;
  } catch {
    return undefined;
  }
}

async function hasRemote(git: SimpleGit, remote: string): Promise<boolean> {
  const remotes = await git.getRemotes();
  return remotes.some((r) => r.name === remote);
}

/**
 * Fetches commits that are missing locally. Blobless (`--filter=blob:none`) because history
 * checks read commits, not file contents; git falls back when the server refuses filters.
 */
export async function fetchMissingCommits(
  git: SimpleGit,
  shas: readonly string[],
  log: Logger,
  remote = DEFAULT_REMOTE,
): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) if (!(await hasCommit(git, sha))) missing.push(sha);
  if (missing.length === 0) return;
  if (!(await hasRemote(git, remote))) {
    throw new Error(
      `Commits ${missing.join(', ')} are not in the repository and there is no '${remote}' remote`,
    );
  }
  log.info(
    `Fetching ${missing.length} commit(s) missing from the checkout: ${missing.map(short).join(', ')}`,
  );
  const depthArgs = (await isShallow(git)) ? ['--depth=1'] : [];
  await git.raw(['fetch', '--no-tags', '--filter=blob:none', ...depthArgs, remote, ...missing]);
}

/**
 * Deepens a shallow clone until `base` and `head` share a merge base, doubling the depth each
 * round. Returns the merge base, or undefined when the histories are unrelated.
 */
export async function ensureMergeBase(
  git: SimpleGit,
  base: string,
  head: string,
  log: Logger,
  remote = DEFAULT_REMOTE,
): Promise<string | undefined> {
  await fetchMissingCommits(git, [base, head], log, remote);
  let deepenBy = INITIAL_DEEPEN_COMMITS;
  for (let round = 0; round < MAX_DEEPEN_ROUNDS; round += 1) {
    const found = await mergeBase(git, base, head);
    if (found) return found;
    if (!(await isShallow(git))) return undefined;
    log.info(
      `No merge base of ${short(base)} and ${short(head)} in the shallow history yet: deepening by ${deepenBy}`,
    );
    await git.raw(['fetch', '--no-tags', '--filter=blob:none', `--deepen=${deepenBy}`, remote, base, head]);
    deepenBy *= 2;
  }
  log.info('Still no merge base after deepening: fetching the full history');
  await git.raw(['fetch', '--no-tags', '--filter=blob:none', '--unshallow', remote, base, head]);
  return mergeBase(git, base, head);
}

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Lines added between two commits: path -> set of 1-based line numbers in the new version. */
export type AddedLines = Map<string, Set<number>>;

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Lines added from the merge base of `base` and `head` to `head` (the three-dot diff a pull
 * request shows). Renames are followed so a moved file only reports its edited lines.
 */
export async function addedLines(git: SimpleGit, base: string, head: string): Promise<AddedLines> {
  return addedLinesOf(git, `${base}...${head}`);
}

/**
 * Lines added by any `git diff` revision spec: `a..b`, `a...b`, or one commit against the
 * working tree. Paths are unquoted (core.quotePath=false) so non-ASCII names match the tree.
 */
export async function addedLinesOf(git: SimpleGit, ...revisions: string[]): Promise<AddedLines> {
  const diff = await git.raw([
    '-c',
    'core.quotePath=false',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--find-renames',
    '--diff-filter=AMR',
    ...revisions,
  ]);
  return parseAddedLines(diff);
}

export function parseAddedLines(diff: string): AddedLines {
  const result: AddedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      current = startFile(result, line.slice(4));
      continue;
    }
    const hunk = HUNK_HEADER.exec(line);
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    for (let n = start; n < start + count; n += 1) current.add(n);
  }
  return result;
}

function startFile(result: AddedLines, target: string): Set<number> | undefined {
  if (target === '/dev/null') return undefined;
  const path = target.startsWith('b/') ? target.slice(2) : target;
  const lines = new Set<number>();
  result.set(path, lines);
  return lines;
}

/** A commit as history checks read it: parents, author and subject, nothing else. */
export interface CommitRecord {
  sha: string;
  /** Empty for a root commit, and for a shallow-clone boundary commit (its parents are grafted away). */
  parents: string[];
  authorName: string;
  authorEmail: string;
  subject: string;
}

// Unit separator between fields, NUL (`-z`) between commits: neither can occur in a subject line,
// a name or an email, so no quoting is needed and parsing stays one split per level.
const FIELD_SEPARATOR = '\x1f';
const RECORD_SEPARATOR = '\0';
const COMMIT_RECORD_FORMAT = ['%H', '%P', '%an', '%ae', '%s'].join('%x1f');

export interface ListCommitsOptions {
  /** Follow only first parents: the commits that arrived on a branch, not what they merged in. */
  firstParent?: boolean;
}

/**
 * The commits `revisions` select (for example `[head, '^' + base]`), newest first, from ONE
 * `git log` call. One call per commit would make a 10,000-commit range take minutes. Revisions
 * come after --end-of-options, so a value that starts with `-` can never become an option.
 */
export async function listCommits(
  git: SimpleGit,
  revisions: readonly string[],
  options: ListCommitsOptions = {},
): Promise<CommitRecord[]> {
  const output = await git.raw([
    '-c',
    'log.showSignature=false',
    'log',
    '-z',
    '--no-color',
    '--no-decorate',
    '--encoding=UTF-8',
    `--format=${COMMIT_RECORD_FORMAT}`,
    ...(options.firstParent ? ['--first-parent'] : []),
    '--end-of-options',
    ...revisions,
    '--',
  ]);
  return parseCommitRecords(output);
}

export function parseCommitRecords(output: string): CommitRecord[] {
  const records: CommitRecord[] = [];
  for (const chunk of output.split(RECORD_SEPARATOR)) {
    const line = chunk.replace(/^\n+/, '');
    if (!line) continue;
    const [sha = '', parents = '', authorName = '', authorEmail = '', subject = ''] =
      line.split(FIELD_SEPARATOR);
    records.push({ sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, subject });
  }
  return records;
}

/** The full SHA of a branch, tag, SHA or expression, or undefined when it names no commit. */
export async function resolveCommit(git: SimpleGit, revision: string): Promise<string | undefined> {
  try {
    const sha = await git.raw([
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${revision}^{commit}`,
    ]);
    return sha || undefined;
  } catch {
    return undefined;
  }
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * resolveCommit for several revisions, from ONE `git rev-parse` when they all name commits (the
 * common case), in order. rev-parse fails as a whole when one is missing: each is then resolved on
 * its own, so a missing one is undefined exactly as resolveCommit says.
 */
export async function resolveCommits(
  git: SimpleGit,
  revisions: readonly string[],
): Promise<(string | undefined)[]> {
  // A range (`a..b`) prints two lines for one argument, and a name that starts with `-` needs
  // --end-of-options, which rev-parse honours only with --verify (one revision): those are
  // resolved one by one. The count and shape of the output lines guard everything else.
  if (revisions.length > 1 && !revisions.some((r) => r.includes('..') || r.startsWith('-'))) {
    try {
      const output = await git.raw(['rev-parse', ...revisions.map((revision) => `${revision}^{commit}`)]);
      const shas = output.split('\n');
      if (shas.length === revisions.length && shas.every((sha) => OBJECT_ID.test(sha))) return shas;
    } catch {
      // One of them names no commit: find out which below.
    }
  }
  const shas: (string | undefined)[] = [];
  for (const revision of revisions) shas.push(await resolveCommit(git, revision));
  return shas;
}

/** True when `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
export async function isAncestor(git: SimpleGit, ancestor: string, descendant: string): Promise<boolean> {
  // Not `merge-base --is-ancestor`: it answers by exit code alone, and simple-git resolves a
  // failing command that writes nothing to stderr (after waiting 50 ms for output that never
  // comes). `--count` always prints: 0 commits in `ancestor ^descendant` means reachable.
  const output = await git.raw([
    'rev-list',
    '--count',
    '--max-count=1',
    '--end-of-options',
    ancestor,
    `^${descendant}`,
    '--',
  ]);
  return output === '0';
}

/** How many commits `include` has that `exclude` has not (`git rev-list --count include ^exclude`). */
export async function countCommits(git: SimpleGit, include: string, exclude: string): Promise<number> {
  const output = await git.raw(['rev-list', '--count', '--end-of-options', include, `^${exclude}`, '--']);
  return Number(output);
}

/**
 * The commits a shallow clone cut off below: their parents are missing, so history checks must
 * not read them as root commits. Empty for a complete clone.
 */
export async function shallowBoundary(git: SimpleGit): Promise<Set<string>> {
  if (!(await isShallow(git))) return new Set();
  const path = await git.raw(['rev-parse', '--path-format=absolute', '--git-path', 'shallow']);
  try {
    const text = await readFile(path, 'utf8');
    return new Set(text.split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * Completes a shallow clone (blobless): used when a range's side branches reach below the
 * shallow boundary even though the merge base was found.
 */
export async function fetchFullHistory(
  git: SimpleGit,
  shas: readonly string[],
  log: Logger,
  remote = DEFAULT_REMOTE,
): Promise<void> {
  if (!(await isShallow(git))) return;
  log.info('Part of the history is below the shallow-clone boundary: fetching the full history');
  await git.raw(['fetch', '--no-tags', '--filter=blob:none', '--unshallow', remote, ...shas]);
}

/**
 * The current tip of `branch` on the remote, without fetching objects (`git ls-remote`), or
 * undefined when the branch or the remote is not there. ls-remote matches patterns by their tail,
 * so the exact ref is picked from its answer.
 */
export async function remoteBranchTip(
  git: SimpleGit,
  branch: string,
  remote = DEFAULT_REMOTE,
): Promise<string | undefined> {
  const ref = `refs/heads/${branch}`;
  try {
    const output = await git.raw(['ls-remote', '--heads', remote, ref]);
    for (const line of output.split('\n')) {
      const [sha, name] = line.split('\t');
      if (name === ref && sha) return sha;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** The branch `<remote>/HEAD` points at (the remote's default branch), if the clone recorded it. */
export async function remoteDefaultBranch(
  git: SimpleGit,
  remote = DEFAULT_REMOTE,
): Promise<string | undefined> {
  try {
    // Not `symbolic-ref --quiet`: silent when absent, which costs simple-git a 50 ms wait.
    const ref = await git.raw(['rev-parse', '--abbrev-ref', `refs/remotes/${remote}/HEAD`]);
    return ref.startsWith(`${remote}/`) ? ref.slice(remote.length + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** The checked-out branch, or undefined on a detached HEAD. */
export async function currentBranch(git: SimpleGit): Promise<string | undefined> {
  try {
    const ref = await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return ref || undefined;
  } catch {
    return undefined;
  }
}
