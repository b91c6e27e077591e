import type { SimpleGit } from 'simple-git';
import { ConfigurationError } from '../../../core/errors.js';
import {
  addedLines,
  addedLinesOf,
  ensureMergeBase,
  fetchMissingCommits,
  mergeBase as findMergeBase,
  openRepository,
  resolveCommit,
  resolveCommits,
  short,
} from '../../../core/git.js';
import type { Logger } from '../../../core/log.js';
import type { AzCheckSettings } from './settings.js';

/**
 * The lines a change adds, keyed by path relative to the scanned root. `'all'` marks files that
 * are new and untracked (local runs): every line counts.
 *
 * On a runner, actions/checkout of a pull request checks out GitHub's synthetic merge commit
 * (refs/pull/N/merge) at depth 1, not the author's head: the files on disk are the merge result.
 * Diffing the merge commit against its first parent gives exactly the PR's lines, numbered as they
 * are on disk, and needs only that one parent fetched. Otherwise (push, merge_group, explicit
 * inputs) the diff is the three-dot base...head, with the shallow clone deepened until the merge
 * base appears.
 */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export interface ChangeSet {
  lines: ChangedLines;
  /** One line for the log and the summary: what was compared. */
  description: string;
}

/** Remote and local refs tried, in order, for the default base on a laptop. */
export const LOCAL_BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

export async function changedLines(settings: AzCheckSettings, log: Logger): Promise<ChangeSet | undefined> {
  const git = openRepository(settings.root);
  const prefix = await repositoryPrefix(git);
  if (prefix === undefined) {
    throw new ConfigurationError(
      `scan: changed needs a git repository at ${settings.root}: check out the repository first, or use scan: all`,
    );
  }
  const set =
    settings.head || settings.base ? await betweenCommits(git, settings, log) : await localChanges(git, log);
  if (!set) return undefined;
  return { ...set, lines: underPrefix(set.lines, prefix) };
}

/**
 * The scan root's path from the repository top (`''` at the top), or undefined outside a work
 * tree: one git process answers both questions.
 */
async function repositoryPrefix(git: SimpleGit): Promise<string | undefined> {
  try {
    const [inside, prefix = ''] = (
      await git.raw(['rev-parse', '--is-inside-work-tree', '--show-prefix'])
    ).split('\n');
    return inside === 'true' ? prefix : undefined;
  } catch {
    return undefined;
  }
}

/** Diff paths are relative to the repository top; the scan root may be a subfolder of it. */
function underPrefix(lines: ChangedLines, prefix: string): ChangedLines {
  if (!prefix) return lines;
  const result: ChangedLines = new Map();
  for (const [path, value] of lines)
    if (path.startsWith(prefix)) result.set(path.slice(prefix.length), value);
  return result;
}

async function betweenCommits(
  git: SimpleGit,
  settings: AzCheckSettings,
  log: Logger,
): Promise<ChangeSet | undefined> {
  // The checkout, the head and the base from one rev-parse (each is undefined when missing).
  const [resolvedCheckout, resolvedHead, resolvedBase] = await resolveCommits(git, [
    'HEAD',
    settings.head ?? 'HEAD',
    ...(settings.base ? [settings.base] : []),
  ]);
  // An unborn HEAD fails here with git's own message, as it always did.
  const checkedOut = resolvedCheckout ?? (await git.raw(['rev-parse', 'HEAD']));
  const head = settings.head ?? checkedOut;
  const headSha = resolvedHead;
  if (headSha !== checkedOut) {
    const firstParent = await syntheticMergeBase(git, checkedOut, headSha ?? head);
    if (firstParent) {
      await fetchMissingCommits(git, [firstParent], log);
      log.info(
        `The checkout ${short(checkedOut)} is the merge of ${short(head)} into ${short(firstParent)}: checking the lines it adds to ${short(firstParent)}`,
      );
      return {
        lines: await addedLinesOf(git, `${firstParent}..${checkedOut}`),
        description: `merge commit ${short(checkedOut)} vs ${short(firstParent)}`,
      };
    }
    log.warning(
      `The checkout (${short(checkedOut)}) is not ${short(head)}: line numbers are those of ${short(head)}`,
    );
  }
  const base = settings.base ?? (await defaultBase(git));
  if (!base) {
    log.info(`No base commit for ${settings.diffSource} (a new branch?): scanning every file instead`);
    return undefined;
  }
  // ensureMergeBase fetches whichever commit is missing, then runs merge-base. With both known to be
  // present (a default base was found by resolving it) that merge-base is all it would do: run it
  // directly, and leave fetching and deepening to ensureMergeBase when it finds nothing.
  const bothPresent = headSha !== undefined && (settings.base === undefined || resolvedBase !== undefined);
  const mergeBase =
    (bothPresent ? await findMergeBase(git, base, head) : undefined) ??
    (await ensureMergeBase(git, base, head, log));
  if (!mergeBase) {
    throw new ConfigurationError(
      `No common history between base ${base} and head ${head}: set base, or use scan: all`,
    );
  }
  return { lines: await addedLines(git, base, head), description: `${short(base)}...${short(head)}` };
}

/**
 * The first parent of `commit` when it is a two-parent merge whose second parent is `head`: the
 * shape of refs/pull/N/merge. Read from the raw commit object, because a depth-1 clone hides
 * parents from rev-parse (they are grafted away) but keeps them in the object.
 */
export async function syntheticMergeBase(
  git: SimpleGit,
  commit: string,
  head: string,
): Promise<string | undefined> {
  const object = await git.raw(['cat-file', '-p', commit]);
  const parents = object
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice('parent '.length).trim());
  return parents.length === 2 && parents[1] === head ? parents[0] : undefined;
}

async function defaultBase(git: SimpleGit): Promise<string | undefined> {
  for (const candidate of LOCAL_BASE_CANDIDATES) if (await resolveCommit(git, candidate)) return candidate;
  return undefined;
}

/** A laptop: the working tree (committed, staged, unstaged, untracked) against the default branch. */
async function localChanges(git: SimpleGit, log: Logger): Promise<ChangeSet> {
  const baseRef = await defaultBase(git);
  if (!baseRef) {
    throw new ConfigurationError(
      `No base branch found (tried ${LOCAL_BASE_CANDIDATES.join(', ')}): pass --base <ref>, or --scan all`,
    );
  }
  const mergeBase = await git.raw(['merge-base', baseRef, 'HEAD']);
  log.info(
    `Checking lines added since ${baseRef} (merge base ${short(mergeBase)}), including uncommitted changes`,
  );
  const lines: ChangedLines = await addedLinesOf(git, mergeBase);
  const untracked = await git.raw(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
  for (const path of untracked.split('\0').filter(Boolean)) lines.set(path, 'all');
  return { lines, description: `working tree vs ${baseRef} (${short(mergeBase)})` };
}
