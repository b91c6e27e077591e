import type { SimpleGit } from 'simple-git';
import {
  countCommits,
  ensureMergeBase,
  fetchFullHistory,
  fetchMissingCommits,
  isAncestor,
  isShallow,
  type ListCommitsOptions,
  listCommits,
} from '../../../core/git.js';
import type { Logger } from '../../../core/log.js';
import type { BranchHistory, CommitInfo, PushHistory } from './rules.js';

/**
 * Commits only (tree:0): the rules never read trees or blobs. exactRange: deepen until the
 * shallow boundary lies below the merge base, so ranges and counts are those of the full graph.
 */
export const HISTORY_FETCH = { filter: 'tree:0', exactRange: true } as const;

/**
 * History collection with git. From the default actions/checkout (depth 1, at GitHub's synthetic
 * merge commit) it fetches the two tips it was given and deepens until their merge base appears;
 * on a full clone every commit is already there and nothing is fetched. Each range is read with
 * one `git log` call whatever its size.
 */
export async function collectBranchHistory(
  git: SimpleGit,
  baseSha: string,
  headSha: string,
  log: Logger,
  remote: string,
): Promise<BranchHistory> {
  const mergeBase = await ensureMergeBase(git, baseSha, headSha, log, remote, HISTORY_FETCH);
  if (!mergeBase) log.warning(`${baseSha} and ${headSha} share no history: every head commit is checked`);
  const commits = await completeRange(git, headSha, baseSha, log, remote);
  // merge-base(base, head) = base already says "rebased"; ask git again only when it does not.
  const baseIsAncestor = mergeBase === baseSha || (await isAncestor(git, baseSha, headSha));
  const behindBy = baseIsAncestor ? 0 : await countCommits(git, baseSha, headSha);
  return { baseSha, headSha, commits, complete: true, baseIsAncestor, behindBy };
}

/**
 * Commits of `include` that `exclude` lacks. A shallow clone can find the merge base and still
 * get this wrong: a boundary commit has its parents grafted away, so it reads as a root, and a
 * branch that forked below the boundary leaks older base commits into the range (they are
 * present through the head's side but no longer reachable from the cut-off base). Both end in a
 * parentless commit inside the range; in a complete clone that only happens for unrelated
 * histories. So a parentless commit in a shallow clone's range means: fetch the full history once.
 */
async function completeRange(
  git: SimpleGit,
  include: string,
  exclude: string,
  log: Logger,
  remote: string,
  options: ListCommitsOptions = {},
): Promise<CommitInfo[]> {
  const revisions = [include, `^${exclude}`];
  const commits = await listCommits(git, revisions, options);
  if (!commits.some((commit) => commit.parents.length === 0) || !(await isShallow(git))) return commits;
  await fetchFullHistory(git, [include, exclude], log, remote, HISTORY_FETCH);
  return listCommits(git, revisions, options);
}

/** The history a verdict needs could not be read (a tip that cannot be fetched). */
export class HistoryUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'HistoryUnavailableError';
  }
}

export interface PushRange {
  branch: string;
  before: string;
  after: string;
  forced: boolean;
}

/**
 * A push: what was dropped (before ^after) and what arrived on the first-parent line
 * (after ^before). When the old tip cannot be fetched (gone after a force push, or the remote
 * unreachable) this throws HistoryUnavailableError: the caller tries the API, else fails.
 */
export async function collectPushHistory(
  git: SimpleGit,
  push: PushRange,
  log: Logger,
  remote: string,
): Promise<PushHistory> {
  await fetchMissingCommits(git, [push.after], log, remote, HISTORY_FETCH);
  await fetchPreviousTip(git, push.before, log, remote);
  await ensureMergeBase(git, push.after, push.before, log, remote, HISTORY_FETCH);
  // The graph decides, not the event's `forced` flag: a forced push can be a fast-forward.
  const rewritten = !(await isAncestor(git, push.before, push.after));
  const dropped = rewritten ? await completeRange(git, push.before, push.after, log, remote) : [];
  const arrived = await completeRange(git, push.after, push.before, log, remote, { firstParent: true });
  return { branch: push.branch, before: push.before, after: push.after, rewritten, dropped, arrived };
}

async function fetchPreviousTip(git: SimpleGit, sha: string, log: Logger, remote: string): Promise<void> {
  try {
    await fetchMissingCommits(git, [sha], log, remote, HISTORY_FETCH);
  } catch (error) {
    const reason = firstLine(error);
    log.warning(`The previous tip ${sha} could not be fetched: ${reason}`);
    throw new HistoryUnavailableError(reason);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  );
}
