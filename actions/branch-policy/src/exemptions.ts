import picomatch from 'picomatch';
import type { CommitInfo } from './rules.js';

/**
 * allow-authors and allow-branches. Author patterns only know `*` (bot logins such as
 * `dependabot[bot]` contain brackets, which a glob would read as a character class); branch
 * patterns are globs like protected-branches.
 */
export type NameMatcher = (name: string | undefined) => boolean;

export function branchMatcher(patterns: readonly string[]): NameMatcher {
  if (patterns.length === 0) return () => false;
  const matches = picomatch([...patterns], { dot: true });
  return (name) => name !== undefined && matches(name);
}

export function authorMatcher(patterns: readonly string[]): NameMatcher {
  const expressions = patterns.map(wildcard);
  return (name) => name !== undefined && name !== '' && expressions.some((re) => re.test(name));
}

function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** What GitHub verified about a commit: the signature, and the account it links the author to. */
export interface CommitIdentity {
  login: string | undefined;
  verified: boolean;
}

/** At most this many commits are looked up through the API per run (one request each). */
export const MAX_IDENTITY_LOOKUPS = 100;

/**
 * The commits allow-authors exempts. Git author and committer fields are free text anyone can
 * write, so they only pick the candidates; a commit is exempt only when GitHub says its signature
 * is verified and links it to an allowed login: from the compare API's own answer, or, for
 * commits read with git, through one API lookup each when a token is at hand.
 */
export async function verifiedExemptCommits(
  commits: readonly CommitInfo[],
  matches: NameMatcher,
  lookup: ((sha: string) => Promise<CommitIdentity>) | undefined,
  notes: string[],
): Promise<Set<string>> {
  const exempt = new Set<string>();
  const candidates: CommitInfo[] = [];
  for (const commit of commits) {
    if (commit.verified !== undefined) {
      if (commit.verified && matches(commit.authorLogin)) exempt.add(commit.sha);
    } else if (matches(commit.authorName) || matches(commit.authorEmail)) {
      candidates.push(commit);
    }
  }
  if (candidates.length === 0) return exempt;
  if (!lookup) {
    notes.push(
      `${candidates.length} commit(s) whose git author matches allow-authors were checked anyway: git author text is not a verified identity (set the 'token' input to verify them through the GitHub API)`,
    );
    return exempt;
  }
  const looked = await lookUpIdentities(candidates.slice(0, MAX_IDENTITY_LOOKUPS), matches, lookup, exempt);
  if (looked.error !== undefined) {
    notes.push(
      `${candidates.length - looked.count} commit(s) whose git author matches allow-authors were checked anyway: the GitHub API could not verify them (${looked.error}), and git author text is not a verified identity`,
    );
  } else if (candidates.length > looked.count) {
    notes.push(
      `${candidates.length - looked.count} more commit(s) matching allow-authors were not looked up (at most ${MAX_IDENTITY_LOOKUPS}) and were checked`,
    );
  }
  return exempt;
}

/**
 * Looks up each candidate's verified identity and exempts those that match. The first failed
 * lookup ends the loop: an API that cannot be reached or refuses the token would refuse the rest
 * too, and an identity that could not be verified is never trusted, so those commits are checked.
 */
async function lookUpIdentities(
  candidates: readonly CommitInfo[],
  matches: NameMatcher,
  lookup: (sha: string) => Promise<CommitIdentity>,
  exempt: Set<string>,
): Promise<{ count: number; error?: string }> {
  let count = 0;
  for (const commit of candidates) {
    try {
      const identity = await lookup(commit.sha);
      if (identity.verified && matches(identity.login)) exempt.add(commit.sha);
      count += 1;
    } catch (error) {
      return { count, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { count };
}
