import { short } from '../../../core/git.js';
import type { RuleId, Violation } from './rules.js';
import type { MergeStyle } from './settings.js';

/**
 * The commands a user runs to fix a verdict. Feature branches are fixed by rebasing them onto
 * the current base (which also drops back-merges and linearises merged branches) and pushing
 * with a lease; never by merging the base into them. Protected branches are never rewritten:
 * dropped commits come back through a merge.
 */
const FEATURE_RULES: ReadonlySet<RuleId> = new Set([
  'no-merge-commits',
  'require-rebased',
  'no-autosquash-commits',
  'max-commits',
]);
// Characters a POSIX shell leaves alone; anything else is single-quoted.
const SHELL_SAFE = /^[A-Za-z0-9_./@%+=:,-]+$/;

export function shellQuote(word: string): string {
  if (SHELL_SAFE.test(word) && !word.startsWith('-')) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface FeatureBranchFix {
  /** What to rebase onto, as the user names it (`origin/main`). */
  upstream: string;
  /** The branch that is rebased and pushed; undefined when it has no name (a detached HEAD). */
  branch: string | undefined;
  /** Switch to the branch first: false when the user is already on it (the CLI on HEAD). */
  switchFirst: boolean;
  /** `git fetch <remote>` first, so the upstream is the current base tip. */
  fetchRemote: string | undefined;
  /** Where the rebased branch goes; undefined for a fork (push to the fork's own remote). */
  pushRemote: string | undefined;
}

export function featureBranchFix(violations: readonly Violation[], fix: FeatureBranchFix): string[] {
  const rules = new Set(violations.map((v) => v.rule).filter((rule) => FEATURE_RULES.has(rule)));
  if (rules.size === 0) return [];
  const commands: string[] = [];
  if (fix.fetchRemote) commands.push(`git fetch ${shellQuote(fix.fetchRemote)}`);
  // `--` keeps a branch named like an option (`-x`) from being read as one.
  if (fix.branch && fix.switchFirst) commands.push(`git switch -- ${shellQuote(fix.branch)}`);
  const interactive = rules.has('no-autosquash-commits') || rules.has('max-commits');
  const upstream = shellQuote(fix.upstream);
  commands.push(interactive ? `git rebase -i --autosquash ${upstream}` : `git rebase ${upstream}`);
  commands.push(pushCommand(fix));
  return commands;
}

function pushCommand(fix: FeatureBranchFix): string {
  if (!fix.pushRemote || !fix.branch) return 'git push --force-with-lease';
  const branch = fix.branch.startsWith('-') ? `HEAD:refs/heads/${fix.branch}` : fix.branch;
  return `git push --force-with-lease ${shellQuote(fix.pushRemote)} ${shellQuote(branch)}`;
}

/** Restores what a force push dropped without rewriting the branch again: merge the old tip back. */
export function forcePushFix(branch: string, before: string, remote: string): string[] {
  const quoted = shellQuote(branch);
  const remoteBranch = shellQuote(`${remote}/${branch}`);
  return [
    `git fetch ${shellQuote(remote)} ${before}`,
    `git switch -- ${quoted}`,
    `git merge --ff-only ${remoteBranch}`,
    `git merge --no-ff -m ${shellQuote(`Restore commits dropped by force push ${short(before)}`)} ${before}`,
    `git push ${shellQuote(remote)} ${quoted}`,
  ];
}

/** merge-style is a process rule: the fix is how changes are integrated from now on. */
export function mergeStyleAdvice(style: MergeStyle, mergeQueue: boolean): string[] {
  if (style === 'merge') {
    return mergeQueue
      ? ["# Set the merge queue's merge method to 'Merge commit'"]
      : [
          '# Integrate through pull requests merged with a merge commit, or locally with:',
          'git merge --no-ff <branch>',
        ];
  }
  if (style === 'linear') {
    return mergeQueue
      ? ["# Set the merge queue's merge method to 'Rebase and merge' or 'Squash and merge'"]
      : [
          "# Merge pull requests with 'Rebase and merge' or 'Squash and merge', and add the ruleset rule",
          "# 'Require linear history' so the server refuses merge commits",
        ];
  }
  return [];
}
