import { type CommitRecord, short } from '../../../core/git.js';
import type { MergeStyle, RuleSettings } from './settings.js';

/**
 * The golden rule as pure functions over history that git or the API already collected:
 * shared branches keep their true history (merged, never rewritten); feature branches arrive
 * rebased and linear. Nothing here runs git, so every rule is testable on plain data.
 */
export type RuleId =
  | 'no-merge-commits'
  | 'require-rebased'
  | 'no-autosquash-commits'
  | 'max-commits'
  | 'no-force-push'
  | 'merge-style';

export interface CommitInfo extends CommitRecord {
  /** GitHub login, known only when the API supplied the commit. */
  authorLogin?: string;
  /** The API's `commit.verification.verified`; undefined for commits read with git. */
  verified?: boolean;
}

export interface Violation {
  rule: RuleId;
  sha: string;
  subject: string;
  author: string;
  message: string;
}

/** True for commits whose author is exempt (allow-authors). */
export type AuthorExemption = (commit: CommitInfo) => boolean;

// What `git rebase --autosquash` acts on: git matches these exact prefixes, space included.
const AUTOSQUASH_SUBJECT = /^(fixup|squash|amend)! /;

/** Subjects git and GitHub write for merges, to name the branch a merge brought in. */
const MERGE_SUBJECTS: readonly RegExp[] = [
  /^Merge pull request #\d+ from [^/\s]+\/(\S+)/,
  /^Merge remote-tracking branch '([^']+)'/,
  /^Merge branch '([^']+)'/,
  /^Merge branches '([^']+)'/,
];

export function isMerge(commit: CommitRecord): boolean {
  return commit.parents.length > 1;
}

export function isAutosquash(subject: string): boolean {
  return AUTOSQUASH_SUBJECT.test(subject);
}

export function authorOf(commit: CommitInfo): string {
  const name = commit.authorName || commit.authorLogin || 'unknown';
  return commit.authorEmail ? `${name} <${commit.authorEmail}>` : name;
}

function violation(rule: RuleId, commit: CommitInfo, message: string): Violation {
  return { rule, sha: commit.sha, subject: commit.subject, author: authorOf(commit), message };
}

/** The branch named in a merge subject, without a leading `<remote>/`. */
export function mergeSource(subject: string, remote: string): string | undefined {
  for (const pattern of MERGE_SUBJECTS) {
    const source = pattern.exec(subject)?.[1];
    if (source) return stripRemote(source, remote);
  }
  return undefined;
}

function stripRemote(branch: string, remote: string): string {
  return branch.startsWith(`${remote}/`) ? branch.slice(remote.length + 1) : branch;
}

/**
 * "back-merge from main" when the merge brought the base branch in (a parent outside the range is
 * reachable from the base tip, or the subject says so), "merge of <branch>" otherwise.
 */
export function describeMerge(
  commit: CommitInfo,
  range: ReadonlySet<string>,
  complete: boolean,
  base: string,
  remote: string,
): string {
  const source = mergeSource(commit.subject, remote);
  const fromBase = stripRemote(base, remote);
  const parentFromBase = complete && commit.parents.some((parent) => !range.has(parent));
  if (parentFromBase || source === fromBase) return `back-merge from ${fromBase}`;
  const mergedParent = commit.parents[1];
  return `merge of ${source ?? (mergedParent ? `commit ${short(mergedParent)}` : 'another branch')}`;
}

export interface BranchHistory {
  baseSha: string;
  headSha: string;
  /** base..head, newest first. */
  commits: CommitInfo[];
  /** False when the list is truncated (the API's cap): merges then cannot be traced to the base. */
  complete: boolean;
  /** The current base tip is an ancestor of the head. */
  baseIsAncestor: boolean;
  /** Base commits the branch does not have. */
  behindBy: number;
}

export interface BranchNames {
  base: string;
  head: string;
  remote: string;
}

/** Pull-request (and CLI) rules: no merges, rebased on the current base, no autosquash leftovers. */
export function pullRequestViolations(
  history: BranchHistory,
  names: BranchNames,
  rules: RuleSettings,
  exempt: AuthorExemption,
): Violation[] {
  const violations: Violation[] = [];
  const range = new Set(history.commits.map((commit) => commit.sha));
  for (const commit of history.commits) {
    if (exempt(commit)) continue;
    if (rules.noMergeCommits && isMerge(commit)) {
      const what = describeMerge(commit, range, history.complete, names.base, names.remote);
      violations.push(violation('no-merge-commits', commit, `${what}: rebase the branch instead of merging`));
    }
    if (rules.noAutosquashCommits && isAutosquash(commit.subject))
      violations.push(autosquashViolation(commit));
  }
  const headCommit = history.commits.find((commit) => commit.sha === history.headSha) ?? {
    sha: history.headSha,
    parents: [],
    authorName: '',
    authorEmail: '',
    subject: '',
  };
  if (rules.requireRebased && !history.baseIsAncestor) {
    const message =
      `not rebased: ${names.head} is ${plural(history.behindBy, 'commit')} behind ${names.base} ` +
      `(the ${names.base} tip ${short(history.baseSha)} is not in the branch)`;
    violations.push(violation('require-rebased', headCommit, message));
  }
  if (rules.maxCommits !== undefined && history.commits.length > rules.maxCommits) {
    const message = `${plural(history.commits.length, 'commit')}, more than max-commits ${rules.maxCommits}: squash related commits`;
    violations.push(violation('max-commits', headCommit, message));
  }
  return violations;
}

function autosquashViolation(commit: CommitInfo): Violation {
  return violation(
    'no-autosquash-commits',
    commit,
    `${commit.subject.slice(0, commit.subject.indexOf('!') + 1)} commit: fold it in with git rebase -i --autosquash`,
  );
}

/** First parents from the head while they stay in the range: what arrived on the branch itself. */
export function firstParentChain(commits: readonly CommitInfo[], headSha: string): CommitInfo[] {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const chain: CommitInfo[] = [];
  let current = bySha.get(headSha);
  while (current) {
    chain.push(current);
    const parent = current.parents[0];
    current = parent === undefined ? undefined : bySha.get(parent);
    bySha.delete(chain[chain.length - 1]!.sha);
  }
  return chain;
}

/**
 * The merge queue: the queue's own commits (the first-parent chain) must follow merge-style; the
 * pull requests inside it must carry no merges and no autosquash leftovers. "Rebased" is not
 * required here: keeping queued branches up to date is exactly what a merge queue is for.
 */
export function mergeGroupViolations(
  history: Pick<BranchHistory, 'commits' | 'complete' | 'headSha'>,
  names: BranchNames,
  rules: RuleSettings,
  baseProtected: boolean,
  exempt: AuthorExemption,
): Violation[] {
  const chain = firstParentChain(history.commits, history.headSha);
  const queueCommits = new Set(chain.map((commit) => commit.sha));
  const range = new Set(history.commits.map((commit) => commit.sha));
  const violations: Violation[] = [];
  for (const commit of history.commits) {
    if (exempt(commit)) continue;
    if (rules.noMergeCommits && isMerge(commit) && !queueCommits.has(commit.sha)) {
      const what = describeMerge(commit, range, history.complete, names.base, names.remote);
      violations.push(
        violation('no-merge-commits', commit, `${what} inside a queued pull request: rebase it`),
      );
    }
    if (rules.noAutosquashCommits && isAutosquash(commit.subject))
      violations.push(autosquashViolation(commit));
  }
  if (baseProtected) violations.push(...mergeStyleViolations(chain, rules.mergeStyle, names.base, exempt));
  return violations;
}

/** Commits that arrived on the branch's first-parent line against merge-style. */
export function mergeStyleViolations(
  arrived: readonly CommitInfo[],
  style: MergeStyle,
  branch: string,
  exempt: AuthorExemption,
): Violation[] {
  if (style === 'any') return [];
  const violations: Violation[] = [];
  for (const commit of arrived) {
    if (exempt(commit)) continue;
    if (style === 'merge' && !isMerge(commit)) {
      violations.push(
        violation('merge-style', commit, `arrived on ${branch} without a merge commit (merge-style: merge)`),
      );
    } else if (style === 'linear' && isMerge(commit)) {
      violations.push(
        violation(
          'merge-style',
          commit,
          `merge commit on ${branch}, which keeps a linear history (merge-style: linear)`,
        ),
      );
    }
  }
  return violations;
}

export interface PushHistory {
  branch: string;
  before: string;
  after: string;
  /** `forced` flag set, or `before` is not an ancestor of `after`. */
  rewritten: boolean;
  /** Commits reachable from before but not after; undefined when `before` could not be read. */
  dropped: CommitInfo[] | undefined;
  /** First-parent commits that arrived (after ^before). */
  arrived: CommitInfo[];
}

/** Protected-branch push rules: never rewritten; arrivals follow merge-style. */
export function pushViolations(push: PushHistory, rules: RuleSettings, exempt: AuthorExemption): Violation[] {
  const violations: Violation[] = [];
  if (rules.noForcePush && push.rewritten) {
    const what = `force push to ${push.branch} (${short(push.before)} -> ${short(push.after)})`;
    if (!push.dropped || push.dropped.length === 0) {
      const before = {
        sha: push.before,
        parents: [],
        authorName: '',
        authorEmail: '',
        subject: '(not available)',
      };
      violations.push(
        violation('no-force-push', before, `${what} rewrote history; the dropped commits could not be read`),
      );
    } else {
      for (const commit of push.dropped) {
        violations.push(violation('no-force-push', commit, `dropped by a ${what}`));
      }
    }
  }
  violations.push(...mergeStyleViolations(push.arrived, rules.mergeStyle, push.branch, exempt));
  return violations;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
