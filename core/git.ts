import { readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * What a fetch leaves out. `blob:none` (the default, for gates that diff file contents) still
 * downloads every tree; `tree:0` fetches commits only, which is all a history check reads (about
 * 10x less on git/git). Either turns the checkout into a partial clone: see snapshotCheckout.
 */
export type FetchFilter = 'blob:none' | 'tree:0';
export interface FetchOptions {
  filter?: FetchFilter;
}

/**
 * Arguments every fetch here shares. `--no-recurse-submodules`: a deepening fetch would otherwise
 * fetch inside checked-out submodules whose commits changed, and fail on a submodule remote that
 * is unreachable (their history is never read).
 */
function fetchArgs(options: FetchOptions): string[] {
  return ['fetch', '--no-tags', '--no-recurse-submodules', `--filter=${options.filter ?? 'blob:none'}`];
}

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

/**
 * True when the commit object is in the local store. Never fetches: in a partial clone,
 * `rev-parse sha^{commit}` or `cat-file` on a missing object download it lazily with its whole
 * history (50 s on git/git). `rev-list --missing=print` turns lazy fetching off (git sets
 * fetch_if_missing=0 before reading its arguments; GIT_NO_LAZY_FETCH needs git 2.44) and prints
 * the SHA when the commit is there.
 */
export async function hasCommit(git: SimpleGit, sha: string): Promise<boolean> {
  try {
    const output = await git.raw(['rev-list', '--missing=print', '--no-walk', '--end-of-options', sha, '--']);
    return output === sha;
  } catch {
    return false;
  }
}

async function isShallow(git: SimpleGit): Promise<boolean> {
  return (await git.raw(['rev-parse', '--is-shallow-repository'])) === 'true';
}

export async function mergeBase(git: SimpleGit, a: string, b: string): Promise<string | undefined> {
  return (await mergeBases(git, a, b))[0];
}

/** Every best common ancestor in the local graph (criss-cross merges have several). */
export async function mergeBases(git: SimpleGit, a: string, b: string): Promise<string[]> {
  try {
    const output = await git.raw(['merge-base', '--all', a, b]);
    return output.split('\n').filter(Boolean);
  } catch {
    return [];
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
  options: FetchOptions = {},
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
  await git.raw([...fetchArgs(options), ...depthArgs, remote, ...missing]);
}

/**
 * Deepens a shallow clone until `base` and `head` share a merge base. Returns the merge base, or
 * undefined when the histories are unrelated.
 */
export async function ensureMergeBase(
  git: SimpleGit,
  base: string,
  head: string,
  log: Logger,
  remote = DEFAULT_REMOTE,
  options: FetchOptions = {},
): Promise<string | undefined> {
  await deepenUntil(git, [base, head], log, remote, options, async () =>
    (await mergeBases(git, base, head)).length === 0 ? 'No merge base in the shallow history yet' : undefined,
  );
  return mergeBase(git, base, head);
}

/**
 * Deepens a shallow clone until `head ^base` (and with 'both', `base ^head`) lists exactly what
 * the full graph would (see rangeCut). A merge base alone is not enough: with the boundary
 * cutting the base's history, the range can hold commits that are already on the base. Nothing
 * is asked of a complete clone.
 */
export async function ensureExactRange(
  git: SimpleGit,
  base: string,
  head: string,
  log: Logger,
  remote = DEFAULT_REMOTE,
  options: FetchOptions & { exact: 'head' | 'both'; headCommits?: number },
): Promise<void> {
  await fetchMissingCommits(git, [base, head], log, remote, options);
  if (options.headCommits !== undefined && (await isShallow(git))) {
    // The pull request says how many commits the head has over the base: fetching that many
    // from the head alone (plus the base below them) usually settles it in one small fetch,
    // where deepening both tips pulls in the base's merged topics too (3 s against 0.1 s on
    // git/git). A wrong count only costs the rounds below: rangeCut still decides.
    await git.raw([...fetchArgs(options), `--depth=${options.headCommits + 1}`, remote, head]);
  }
  await deepenUntil(git, [base, head], log, remote, options, async (shallow) => {
    const cut = await rangeCut(git, head, base, shallow);
    if (cut || options.exact === 'head') return cut;
    return rangeCut(git, base, head, shallow);
  });
}

/**
 * Fetches the tips, then deepens (doubling the depth each round) while `why` names a reason the
 * local graph cannot answer yet; after MAX_DEEPEN_ROUNDS the full history is fetched.
 */
async function deepenUntil(
  git: SimpleGit,
  tips: readonly string[],
  log: Logger,
  remote: string,
  options: FetchOptions,
  why: (shallow: ReadonlySet<string>) => Promise<string | undefined>,
): Promise<void> {
  await fetchMissingCommits(git, tips, log, remote, options);
  let deepenBy = INITIAL_DEEPEN_COMMITS;
  for (let round = 0; round < MAX_DEEPEN_ROUNDS; round += 1) {
    const shallow = await shallowBoundary(git);
    if (shallow.size === 0) return;
    const reason = await why(shallow);
    if (!reason) return;
    log.info(`${reason} of ${tips.map(short).join(' and ')}: deepening by ${deepenBy}`);
    await git.raw([...fetchArgs(options), `--deepen=${deepenBy}`, remote, ...tips]);
    deepenBy *= 2;
  }
  log.info('Still not answerable after deepening: fetching the full history');
  await git.raw([...fetchArgs(options), '--unshallow', remote, ...tips]);
}

/**
 * Whether `include ^exclude` may still differ from the full graph's answer. A commit X is listed
 * wrongly when it is truly reachable from `exclude` but the local path is cut: then X is a true
 * ancestor of a boundary commit S that `exclude` reaches. If S is locally reachable from X (from
 * every lowest commit of the range, whose ancestors X's are), X would be both S's ancestor and its
 * descendant: impossible. So the range is exact when it holds no boundary commit (its own history
 * would be missing) and every boundary commit `exclude` reaches lies behind each lowest commit.
 */
async function rangeCut(
  git: SimpleGit,
  include: string,
  exclude: string,
  shallow: ReadonlySet<string>,
): Promise<string | undefined> {
  const range = await commitParents(git, [include, `^${exclude}`]);
  if ([...range.keys()].some((sha) => shallow.has(sha))) return 'The shallow boundary cuts the range';
  const lowest = [...range].filter(([, parents]) => !parents.some((parent) => range.has(parent)));
  for (const [sha] of lowest) {
    const behind = await commitParents(git, [exclude, `^${sha}`]);
    if ([...behind.keys()].some((commit) => shallow.has(commit))) {
      return 'The shallow boundary lies above the merge base';
    }
  }
  return undefined;
}

/** sha -> parents for the commits `revisions` select, from one `git rev-list --parents`. */
async function commitParents(git: SimpleGit, revisions: readonly string[]): Promise<Map<string, string[]>> {
  const output = await git.raw(['rev-list', '--parents', '--end-of-options', ...revisions, '--']);
  const parents = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const [sha, ...rest] = line.split(' ');
    if (sha) parents.set(sha, rest);
  }
  return parents;
}

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Lines added between two commits: path -> set of 1-based line numbers in the new version. */
export type AddedLines = Map<string, Set<number>>;

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

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

/**
 * The new-side line numbers of every hunk, per file. Content lines are skipped by the hunk's own
 * counts, never judged by their text: an added line `++ x` shows as `+++ x`, which is no header.
 * Walks the text line by line with indexOf: a 1,000-file diff of added files is megabytes of
 * content whose lines are only counted.
 */
export function parseAddedLines(diff: string): AddedLines {
  const result: AddedLines = new Map();
  let current: Set<number> | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (let at = 0; at < diff.length; ) {
    const next = diff.indexOf('\n', at);
    const end = next < 0 ? diff.length : next;
    const first = diff.charCodeAt(at);
    if (first === PLUS && newLeft > 0) newLeft -= 1;
    else if (first === MINUS && oldLeft > 0) oldLeft -= 1;
    else if (first === SPACE && oldLeft > 0 && newLeft > 0) {
      // A context line (diffs with context): one line of each side.
      oldLeft -= 1;
      newLeft -= 1;
    } else if (first !== BACKSLASH && (oldLeft > 0 || newLeft > 0 || first === PLUS || first === AT)) {
      const line = diff.slice(at, end);
      oldLeft = 0;
      newLeft = 0;
      if (line.startsWith('+++ ')) current = startFile(result, line.slice(4));
      const hunk = current ? HUNK_HEADER.exec(line) : null;
      if (hunk && current) [oldLeft, newLeft] = addHunk(current, hunk);
    }
    at = end + 1;
  }
  return result;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

/** Records a hunk's new-side lines; returns how many old and new content lines follow it. */
function addHunk(lines: Set<number>, hunk: RegExpExecArray): [number, number] {
  const start = Number(hunk[2]);
  const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
  for (let n = start; n < start + count; n += 1) lines.add(n);
  return [hunk[1] === undefined ? 1 : Number(hunk[1]), count];
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
// NUL (`-z`) between commits and a newline between fields. Neither can occur in a field: hashes
// are hex, git's ident lines end at the first newline (so names and emails never hold one) and
// `%s` joins the subject's lines with spaces. The subject comes last and takes the rest of the
// record, so even a stray newline there could not shift a field. (A unit separator, used before,
// is legal in an author name: `Mal\x1fory` shifted the subject out of place.)
const FIELD_SEPARATOR = '\n';
const RECORD_SEPARATOR = '\0';
const COMMIT_FIELDS = 5;
const COMMIT_RECORD_FORMAT = ['%H', '%P', '%an', '%ae', '%s'].join('%n');

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
    const [sha = '', parents = '', authorName = '', authorEmail = '', subject = ''] = splitFields(line);
    records.push({ sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, subject });
  }
  return records;
}

/** The first COMMIT_FIELDS - 1 fields split at separators; the last field keeps the rest. */
function splitFields(record: string): string[] {
  const fields: string[] = [];
  let start = 0;
  while (fields.length < COMMIT_FIELDS - 1) {
    const end = record.indexOf(FIELD_SEPARATOR, start);
    if (end < 0) break;
    fields.push(record.slice(start, end));
    start = end + 1;
  }
  fields.push(record.slice(start));
  return fields;
}

/** The full SHA of a branch, tag, SHA or expression, or undefined when it names no commit. */
export async function resolveCommit(git: SimpleGit, revision: string): Promise<string | undefined> {
  // A full SHA is looked up without lazy fetching (see hasCommit): absent means fetch it.
  if (OBJECT_ID.test(revision)) return (await hasCommit(git, revision)) ? revision : undefined;
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

// Repository settings a filtered fetch writes: the first one turns the clone into a partial clone.
const PARTIAL_CLONE_KEYS = (remote: string) => [
  'core.repositoryformatversion',
  'extensions.partialclone',
  `remote.${remote}.promisor`,
  `remote.${remote}.partialclonefilter`,
];

/**
 * Records what fetching changes in a checkout (the shallow file, FETCH_HEAD and the partial-clone
 * settings) and returns a function that puts them back. Later steps then see the checkout as
 * actions/checkout left it: still shallow at the same commit, and not a partial clone, so their
 * own commands never trigger on-demand fetches. The fetched commits stay in the object store,
 * unreferenced (a promisor pack), and change nothing a later command sees.
 */
export async function snapshotCheckout(
  git: SimpleGit,
  remote = DEFAULT_REMOTE,
): Promise<() => Promise<void>> {
  const paths = await git.raw([
    'rev-parse',
    '--path-format=absolute',
    '--git-path',
    'shallow',
    '--git-path',
    'FETCH_HEAD',
  ]);
  const files = paths.split('\n');
  const saved = await Promise.all(files.map(readOptional));
  const keys = PARTIAL_CLONE_KEYS(remote);
  const settings = await localSettings(git, keys);
  return async () => {
    for (const [index, path] of files.entries()) await restoreFile(path, saved[index]);
    const now = await localSettings(git, keys);
    for (const key of keys) {
      const before = settings.get(key);
      if (before === now.get(key)) continue;
      await git.raw(
        before === undefined ? ['config', '--local', '--unset-all', key] : ['config', '--local', key, before],
      );
    }
  };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function restoreFile(path: string, content: string | undefined): Promise<void> {
  if (content === undefined) await rm(path, { force: true });
  else await writeFile(path, content);
}

/** The local config values of `keys` (lower-case, as git lists them). */
async function localSettings(git: SimpleGit, keys: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  const output = await git.raw(['config', '--local', '--null', '--list']);
  const settings = new Map<string, string>();
  for (const entry of output.split('\0')) {
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    const matching = keys.find((k) => k.toLowerCase() === key);
    if (matching && wanted.has(key)) settings.set(matching, newline < 0 ? 'true' : entry.slice(newline + 1));
  }
  return settings;
}
