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

/** A commit is exempt when its author's name, email or login matches allow-authors. */
export function commitExemption(matches: NameMatcher): (commit: CommitInfo) => boolean {
  return (commit) => matches(commit.authorName) || matches(commit.authorEmail) || matches(commit.authorLogin);
}
