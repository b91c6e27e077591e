import type { SimpleGit } from 'simple-git';
import {
  countCommits,
  ensureMergeBase,
  fetchMissingCommits,
  isAncestor,
  listCommits,
  type MergeBaseOptions,
} from '../../../core/git.js';
import type { Logger } from '../../../core/log.js';
import type { BranchHistory, PushHistory } from './rules.js';

/** Commits only (tree:0): the rules never read trees or blobs. */
export const HISTORY_FETCH = { filter: 'tree:0' } as const;

/**
 * History collection with git. From the default actions/checkout (depth 1, at GitHub's synthetic
 * merge commit) it fetches the two tips it was given and deepens until the range `head ^base` is
 * exact (the shallow boundary below the merge base: see ensureMergeBase), and `base ^head` too
 * when `behind` is wanted (require-rebased counts it); on a full clone nothing is fetched. Each
 * range is read with one `git log` call whatever its size.
 */
export async function collectBranchHistory(
  git: SimpleGit,
  range: { baseSha: string; headSha: string; behind: boolean },
  log: Logger,
  remote: string,
): Promise<BranchHistory> {
  const { baseSha, headSha } = range;
  const exact: MergeBaseOptions = { ...HISTORY_FETCH, exact: range.behind ? 'both' : 'head' };
  const mergeBase = await ensureMergeBase(git, baseSha, headSha, log, remote, exact);
  if (!mergeBase) log.warning(`${baseSha} and ${headSha} share no history: every head commit is checked`);
  const commits = await listCommits(git, [headSha, `^${baseSha}`]);
  if (!range.behind) return { baseSha, headSha, commits, complete: true, baseIsAncestor: true, behindBy: 0 };
  // merge-base(base, head) = base already says "rebased"; ask git again only when it does not.
  const baseIsAncestor = mergeBase === baseSha || (await isAncestor(git, baseSha, headSha));
  const behindBy = baseIsAncestor ? 0 : await countCommits(git, baseSha, headSha);
  return { baseSha, headSha, commits, complete: true, baseIsAncestor, behindBy };
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
  // Both ranges exact: what was dropped (before ^after) and what arrived (after ^before).
  await ensureMergeBase(git, push.after, push.before, log, remote, { ...HISTORY_FETCH, exact: 'both' });
  // The graph decides, not the event's `forced` flag: a forced push can be a fast-forward.
  const rewritten = !(await isAncestor(git, push.before, push.after));
  const dropped = rewritten ? await listCommits(git, [push.before, `^${push.after}`]) : [];
  const arrived = await listCommits(git, [push.after, `^${push.before}`], { firstParent: true });
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
