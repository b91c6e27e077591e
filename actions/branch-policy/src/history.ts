import type { SimpleGit } from 'simple-git';
import { firstLine } from '../../../core/errors.js';
import {
  countCommits,
  ensureExactRange,
  fetchMissingCommits,
  isAncestor,
  listCommits,
  short,
} from '../../../core/git.js';
import type { Logger } from '../../../core/log.js';
import type { BranchHistory, PushHistory } from './rules.js';

/** Commits only (tree:0): the rules never read trees or blobs. */
export const HISTORY_FETCH = { filter: 'tree:0' } as const;

/**
 * History collection with git. From the default actions/checkout (depth 1, at GitHub's synthetic
 * merge commit) it fetches the two tips it was given and deepens until the range `head ^base` is
 * exact (see ensureMergeBase); on a full clone nothing is fetched. Each range is read with one
 * `git log` call whatever its size.
 *
 * Once `head ^base` is exact, "is the base in the branch" is answered by the local graph: a path
 * from the head down to the base runs through the range (every commit on it but the base descends
 * from the base), and the range's commits carry their true parents. Only the count of commits
 * behind, for the require-rebased message, needs `base ^head` exact too: that deepening happens
 * only for a branch that is not rebased.
 */
export async function collectBranchHistory(
  git: SimpleGit,
  range: { baseSha: string; headSha: string; behind: boolean; headCommits?: number },
  log: Logger,
  remote: string,
  countBehindWithApi?: CountBehind,
): Promise<BranchHistory> {
  const { baseSha, headSha, headCommits } = range;
  await ensureExactRange(git, baseSha, headSha, log, remote, {
    ...HISTORY_FETCH,
    exact: 'head',
    headCommits,
  });
  const commits = await listCommits(git, [headSha, `^${baseSha}`]);
  const root = commits.find((commit) => commit.parents.length === 0);
  if (root) {
    log.warning(
      `${short(headSha)} has history ${short(baseSha)} does not share (root ${short(root.sha)}): all of it is checked`,
    );
  }
  // No second git call: the range is exact and its commits carry their true parents.
  const baseIsAncestor = headSha === baseSha || commits.some((commit) => commit.parents.includes(baseSha));
  if (baseIsAncestor || !range.behind) {
    return { baseSha, headSha, commits, complete: true, baseIsAncestor, behindBy: 0 };
  }
  const behindBy =
    (await behindFromApi(countBehindWithApi, range, log)) ?? (await behindFromGit(git, range, log, remote));
  return { baseSha, headSha, commits, complete: true, baseIsAncestor, behindBy };
}

/** How many commits `base` has that `head` lacks, as the compare API counts them. */
export type CountBehind = (base: string, head: string) => Promise<number>;

/**
 * The count of commits behind only words the require-rebased message (the verdict is already a
 * failure). Counting with git needs the base side's history complete, which on a large repository
 * with long-lived topics is most of it (32 s on git/git, bench/RESULTS.md); the compare API
 * answers in one call, so it is asked first when a token is at hand.
 */
async function behindFromApi(
  count: CountBehind | undefined,
  range: { baseSha: string; headSha: string },
  log: Logger,
): Promise<number | undefined> {
  if (!count) return undefined;
  try {
    const behind = await count(range.baseSha, range.headSha);
    // git already found the base tip outside the branch: a count of 0 contradicts it, so git counts.
    if (Number.isInteger(behind) && behind > 0) return behind;
    log.info(
      `The GitHub API counted ${behind} commits behind a branch that lacks the base tip: counting with git`,
    );
    return undefined;
  } catch (error) {
    log.info(`The GitHub API could not count the commits behind (${failureLine(error)}): counting with git`);
    return undefined;
  }
}

async function behindFromGit(
  git: SimpleGit,
  range: { baseSha: string; headSha: string },
  log: Logger,
  remote: string,
): Promise<number> {
  const { baseSha, headSha } = range;
  await ensureExactRange(git, baseSha, headSha, log, remote, { ...HISTORY_FETCH, exact: 'both' });
  return countCommits(git, baseSha, headSha);
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
  await ensureExactRange(git, push.before, push.after, log, remote, { ...HISTORY_FETCH, exact: 'both' });
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
    const reason = failureLine(error);
    log.warning(`The previous tip ${sha} could not be fetched: ${reason}`);
    throw new HistoryUnavailableError(reason);
  }
}

/** One line for a failed git or API call: its message's first line that says something. */
function failureLine(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error)) || 'unknown error';
}
