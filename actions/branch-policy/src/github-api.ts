import type { CommitIdentity } from './exemptions.js';
import type { CommitInfo } from './rules.js';

/**
 * The API fallback, for when git is not installed or the job has no checkout. One endpoint,
 * compare (`GET /repos/{owner}/{repo}/compare/{base}...{head}`), answers every question the rules
 * ask: ancestry (`status`), how far behind (`behind_by`) and the commits with their parents. It
 * lists at most API_COMMIT_CAP commits; callers say so when that truncates a range.
 */
export const API_COMMIT_CAP = 250;
/** Every API request has a deadline: a GitHub that never answers must not hold the check open. */
export const API_REQUEST_TIMEOUT_MS = 30_000;
const API_PAGE_SIZE = 100;

export type ComparisonStatus = 'ahead' | 'behind' | 'identical' | 'diverged';

export interface Comparison {
  status: ComparisonStatus;
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  /** Newest first, at most API_COMMIT_CAP. */
  commits: CommitInfo[];
}

export interface GitHubApi {
  compare(base: string, head: string): Promise<Comparison>;
  /**
   * `behind_by` of compare alone (commits the head is behind the base): one call, one commit
   * listed, whatever the range's size. Compare takes `per_page`/`page` since GitHub's changelog
   * of 2021-03-22 ("Compare REST API now supports pagination").
   */
  behindBy(base: string, head: string): Promise<number>;
  /** `GET /repos/{owner}/{repo}/commits/{ref}`: the linked login and signature verification. */
  commitIdentity(sha: string): Promise<CommitIdentity>;
}

/** The part of @actions/github's Octokit this module calls (tests pass a fake of the same shape). */
export interface OctokitLike {
  rest: {
    repos: {
      compareCommitsWithBasehead(params: {
        owner: string;
        repo: string;
        basehead: string;
        per_page?: number;
        page?: number;
      }): Promise<{ data: unknown }>;
      getCommit?(params: { owner: string; repo: string; ref: string }): Promise<{ data: unknown }>;
    };
  };
}

interface ApiCommit {
  sha: string;
  parents?: { sha: string }[];
  commit?: {
    message?: string;
    author?: { name?: string; email?: string } | null;
    verification?: { verified?: boolean } | null;
  };
  author?: { login?: string } | null;
}

interface ApiComparison {
  status: ComparisonStatus;
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  commits?: ApiCommit[];
}

export function octokitApi(octokit: OctokitLike, repository: { owner: string; repo: string }): GitHubApi {
  return {
    async compare(base, head) {
      const commits: ApiCommit[] = [];
      let first: ApiComparison | undefined;
      for (let page = 1; commits.length < API_COMMIT_CAP; page += 1) {
        const response = await octokit.rest.repos.compareCommitsWithBasehead({
          ...repository,
          basehead: `${base}...${head}`,
          per_page: API_PAGE_SIZE,
          page,
        });
        const data = response.data as ApiComparison;
        first ??= data;
        const pageCommits = data.commits ?? [];
        commits.push(...pageCommits);
        if (pageCommits.length < API_PAGE_SIZE || commits.length >= data.total_commits) break;
      }
      const comparison = first as ApiComparison;
      return {
        status: comparison.status,
        aheadBy: comparison.ahead_by,
        behindBy: comparison.behind_by,
        totalCommits: comparison.total_commits,
        // The API lists oldest first; git and the rules read newest first.
        commits: commits.slice(0, API_COMMIT_CAP).map(toCommitInfo).reverse(),
      };
    },
    async behindBy(base, head) {
      const response = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repository,
        basehead: `${base}...${head}`,
        per_page: 1,
        page: 1,
      });
      return (response.data as ApiComparison).behind_by;
    },
    async commitIdentity(sha) {
      const getCommit = octokit.rest.repos.getCommit;
      if (!getCommit) return { login: undefined, verified: false };
      const { data } = await getCommit({ ...repository, ref: sha });
      const commit = data as ApiCommit;
      return {
        login: commit.author?.login ?? undefined,
        verified: commit.commit?.verification?.verified === true,
      };
    },
  };
}

export function toCommitInfo(commit: ApiCommit): CommitInfo {
  const info: CommitInfo = {
    sha: commit.sha,
    parents: (commit.parents ?? []).map((parent) => parent.sha),
    authorName: commit.commit?.author?.name ?? '',
    authorEmail: commit.commit?.author?.email ?? '',
    subject: (commit.commit?.message ?? '').split('\n', 1)[0] ?? '',
  };
  if (commit.author?.login) info.authorLogin = commit.author.login;
  info.verified = commit.commit?.verification?.verified === true;
  return info;
}

/** The note the report carries when the cap truncated a range. */
export function capNote(listed: number, total: number): string | undefined {
  if (listed >= total) return undefined;
  return (
    `GitHub's API lists at most ${API_COMMIT_CAP} commits: checked ${listed} of ${total}. ` +
    'Add actions/checkout before this step so git reads the whole range.'
  );
}

/**
 * The `fetch` Octokit is given (`request.fetch`): the global fetch, aborted after `timeoutMs` or
 * when the caller's own signal aborts, whichever comes first.
 */
export function fetchWithDeadline(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}
