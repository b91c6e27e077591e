import type { SimpleGit } from 'simple-git';
import { ConfigurationError, errorLine, invalidInput } from '../../../core/errors.js';
import {
  currentBranch,
  fetchMissingCommits,
  remoteBranchTip,
  remoteDefaultBranch,
  resolveCommit,
  short,
} from '../../../core/git.js';
import type { Logger } from '../../../core/log.js';
import { authorMatcher, branchMatcher, verifiedExemptCommits } from './exemptions.js';
import { featureBranchFix, forcePushFix, mergeStyleAdvice } from './fix.js';
import { type Comparison, capNote, type GitHubApi } from './github-api.js';
import {
  collectBranchHistory,
  collectPushHistory,
  HISTORY_FETCH,
  HistoryUnavailableError,
  type PushRange,
} from './history.js';
import {
  type AuthorExemption,
  type BranchHistory,
  type CommitInfo,
  firstParentChain,
  mergeGroupViolations,
  type PushHistory,
  plural,
  pullRequestViolations,
  pushViolations,
  type Violation,
} from './rules.js';
import { FALLBACK_DEFAULT_BRANCH, type Settings, type Target } from './settings.js';

/**
 * Runs the policy for whatever the settings target: a pull request, a merge-queue group, a push
 * or a local range. History comes from git when there is a checkout, else from the API.
 */
export interface CheckClients {
  /** Undefined when git is not installed or the path holds no repository. */
  git: SimpleGit | undefined;
  /** Created on first use, only when git cannot answer. */
  api: (() => Promise<GitHubApi>) | undefined;
  log: Logger;
}

export type HistorySource = 'git' | 'api' | 'none';

export interface Verdict {
  result: 'pass' | 'fail' | 'neutral';
  summaryLine: string;
  target: Target['kind'];
  base?: { name: string; sha: string };
  head?: { name: string; sha: string };
  source: HistorySource;
  checkedCommits: number;
  violations: Violation[];
  fixCommands: string[];
  notes: string[];
}

interface Context {
  settings: Settings;
  clients: CheckClients;
  isProtected: (branch: string | undefined) => boolean;
  isAllowedBranch: (branch: string | undefined) => boolean;
  isAllowedAuthor: (name: string | undefined) => boolean;
}

const SHA_PATTERN = /^[0-9a-f]{40}$/;

export async function checkBranchPolicy(settings: Settings, clients: CheckClients): Promise<Verdict> {
  const target = settings.target;
  if (target.kind === 'unsupported') {
    return finish(
      { target: target.kind, source: 'none', checkedCommits: 0, violations: [], fixCommands: [] },
      [`Nothing to check for ${target.event}: branch-policy checks pull_request, merge_group and push`],
      'neutral',
    );
  }
  const context = await buildContext(settings, clients);
  switch (target.kind) {
    case 'pull-request':
    case 'local':
      return checkFeatureBranch(context, target);
    case 'merge-group':
      return checkMergeGroup(context, target);
    case 'push':
      return checkPush(context, target);
  }
}

async function buildContext(settings: Settings, clients: CheckClients): Promise<Context> {
  const defaultBranch =
    settings.defaultBranch ??
    (clients.git ? await remoteDefaultBranch(clients.git, settings.remote) : undefined) ??
    FALLBACK_DEFAULT_BRANCH;
  const patterns = settings.protectDefaultBranch
    ? [defaultBranch, ...settings.protectedPatterns]
    : settings.protectedPatterns;
  const isAllowedAuthor = authorMatcher(settings.allowAuthors);
  return {
    settings,
    clients,
    isProtected: branchMatcher(patterns),
    isAllowedBranch: branchMatcher(settings.allowBranches),
    isAllowedAuthor,
  };
}

/** allow-authors for single commits: only identities GitHub verified (see verifiedExemptCommits). */
async function commitExemptions(
  context: Context,
  commits: readonly CommitInfo[],
  notes: string[],
): Promise<AuthorExemption> {
  if (context.settings.allowAuthors.length === 0) return () => false;
  const { api } = context.clients;
  const lookup = api ? async (sha: string) => (await api()).commitIdentity(sha) : undefined;
  const exempt = await verifiedExemptCommits(commits, context.isAllowedAuthor, lookup, notes);
  return (commit) => exempt.has(commit.sha);
}

type VerdictBody = Omit<Verdict, 'result' | 'summaryLine' | 'notes'>;

function finish(body: VerdictBody, notes: string[], forced?: Verdict['result']): Verdict {
  const result = forced ?? (body.violations.length > 0 ? 'fail' : 'pass');
  return { result, summaryLine: summaryLine(result, body, notes), ...body, notes };
}

function summaryLine(result: Verdict['result'], body: VerdictBody, notes: readonly string[]): string {
  const what = describeTarget(body);
  // A failure without violations is history that could not be read: the note says why.
  if (result === 'fail' && body.violations.length === 0) return notes[0] ?? `Could not check ${what}`;
  if (result === 'fail') return failureLine(body.violations, what);
  if (result === 'neutral' || body.checkedCommits === 0) return notes[0] ?? `Nothing to check on ${what}`;
  return `${what} follows the branch policy (${plural(body.checkedCommits, 'commit')} checked)`;
}

/**
 * The line the failed check shows on the pull request: it must say what is wrong, so it names the
 * first violation itself (commit and problem), not only the rule ids. It also heads the job
 * summary, so it says how many more there are without pointing to "the summary".
 */
function failureLine(violations: readonly Violation[], what: string): string {
  const [first] = violations;
  const rules = [...new Set(violations.map((v) => v.rule))].join(', ');
  const more = violations.length > 1 ? `; ${plural(violations.length - 1, 'more violation')}` : '';
  const firstText = first ? ` (${short(first.sha)} ${first.message})` : '';
  return `${plural(violations.length, 'branch policy violation')} on ${what}: ${rules}${firstText}${more}`;
}

function describeTarget(body: VerdictBody): string {
  if (body.target === 'push' && body.head) {
    const from = body.base?.sha ? `${short(body.base.sha)} -> ` : '';
    return `the push to ${body.head.name} (${from}${short(body.head.sha)})`;
  }
  if (body.head && body.base) return `${body.head.name} (onto ${body.base.name})`;
  return body.head?.name ?? body.base?.name ?? body.target;
}

/** A verdict that passes without reading history: exemptions, unprotected branches, deletions. */
function skipped(target: Target['kind'], reason: string, names: Pick<Verdict, 'base' | 'head'>): Verdict {
  return finish({ target, source: 'none', checkedCommits: 0, violations: [], fixCommands: [], ...names }, [
    reason,
  ]);
}

/** Pull requests and the CLI: the feature-branch half of the golden rule. */
async function checkFeatureBranch(context: Context, target: FeatureTarget): Promise<Verdict> {
  const { settings } = context;
  const { baseName, headName } = await featureNames(context, target);
  const names = { base: { name: baseName, sha: '' }, head: { name: headName ?? 'HEAD', sha: '' } };
  const exemption = featureExemption(context, target, headName);
  if (exemption) return skipped(target.kind, exemption, names);

  const notes: string[] = [];
  const rules = sharedHeadRules(context, target, headName, notes);
  const { history, source } =
    target.kind === 'local'
      ? { history: await localHistory(context, baseName, target.head, rules), source: 'git' as const }
      : await pullRequestHistory(context, target, rules, notes);
  const branchNames = { base: baseName, head: headName ?? 'HEAD', remote: settings.remote };
  const exempt = await commitExemptions(context, history.commits, notes);
  const violations = pullRequestViolations(history, branchNames, rules, exempt);
  return finish(
    {
      target: target.kind,
      source,
      checkedCommits: history.commits.length,
      violations,
      fixCommands: featureFix(context, target, { baseName, headName }, violations),
      base: { name: baseName, sha: history.baseSha },
      head: { name: headName ?? 'HEAD', sha: history.headSha },
    },
    notes,
  );
}

type FeatureTarget = Extract<Target, { kind: 'pull-request' | 'local' }>;

/** On a runner the upstream is `<remote>/<base>`; the CLI rebases onto the base exactly as given. */
function featureFix(
  context: Context,
  target: FeatureTarget,
  names: FeatureNames,
  violations: readonly Violation[],
): string[] {
  const { remote } = context.settings;
  const local = target.kind === 'local';
  return featureBranchFix(violations, {
    upstream: local ? names.baseName : `${remote}/${names.baseName}`,
    branch: names.headName,
    switchFirst: !(local && target.head === 'HEAD'),
    fetchRemote: !local || names.baseName.startsWith(`${remote}/`) ? remote : undefined,
    pushRemote: target.kind === 'pull-request' && target.fromFork ? undefined : remote,
  });
}

/**
 * Whole-branch exemptions. A fork names its branches as it likes, so a fork's head ref is never
 * matched against allow-branches; the pull request's author is GitHub's own `user.login`.
 */
function featureExemption(
  context: Context,
  target: FeatureTarget,
  headName: string | undefined,
): string | undefined {
  const fromFork = target.kind === 'pull-request' && target.fromFork;
  if (!fromFork && context.isAllowedBranch(headName)) return `${headName} is exempt (allow-branches)`;
  if (target.kind === 'pull-request' && context.isAllowedAuthor(target.author)) {
    return `Pull request by ${target.author}${target.authorType === 'Bot' ? ' (bot)' : ''} is exempt (allow-authors)`;
  }
  return undefined;
}

/**
 * A shared branch of this repository (release/1.2 into main) is merged as it is, so it is not
 * asked to rebase; the merge and fixup rules still apply. A fork's `main` is not this
 * repository's main: it is checked like any feature branch.
 */
function sharedHeadRules(
  context: Context,
  target: FeatureTarget,
  headName: string | undefined,
  notes: string[],
): Settings['rules'] {
  const fromFork = target.kind === 'pull-request' && target.fromFork;
  if (fromFork || !context.isProtected(headName)) return context.settings.rules;
  notes.push(`${headName} is a protected branch: it is not asked to rebase; the merge and fixup rules apply`);
  return { ...context.settings.rules, requireRebased: false };
}

interface FeatureNames {
  baseName: string;
  /** Undefined for a detached HEAD. */
  headName: string | undefined;
}

/** The CLI: base defaults to `<remote>/HEAD`'s branch, else main; HEAD is named by its branch. */
async function featureNames(context: Context, target: FeatureTarget): Promise<FeatureNames> {
  if (target.kind === 'pull-request') return { baseName: target.base.name, headName: target.head.name };
  const git = requireGit(context);
  const { remote } = context.settings;
  let baseName = target.base;
  if (baseName === undefined) {
    const remoteDefault = await remoteDefaultBranch(git, remote);
    baseName = remoteDefault ? `${remote}/${remoteDefault}` : FALLBACK_DEFAULT_BRANCH;
  }
  const headName = target.head === 'HEAD' ? await currentBranch(git) : target.head;
  return { baseName, headName };
}

async function localHistory(
  context: Context,
  base: string,
  head: string,
  rules: Settings['rules'],
): Promise<BranchHistory> {
  const baseSha = await resolveRevision(context, 'base', base);
  const headSha = await resolveRevision(context, 'head', head);
  const range = { baseSha, headSha, behind: rules.requireRebased };
  return collectBranchHistory(requireGit(context), range, context.clients.log, context.settings.remote);
}

function requireGit(context: Context): SimpleGit {
  if (!context.clients.git) {
    throw new ConfigurationError(
      `No git repository at ${context.settings.path}: run inside a clone or set the 'path' input`,
    );
  }
  return context.clients.git;
}

/** A branch, tag, SHA or expression to a full SHA, fetching it when the clone lacks it. */
async function resolveRevision(context: Context, input: string, revision: string): Promise<string> {
  const git = requireGit(context);
  const { remote } = context.settings;
  const resolved = await resolveCommit(git, revision);
  if (resolved) return resolved;
  const tip = SHA_PATTERN.test(revision) ? revision : await remoteBranchTip(git, revision, remote);
  if (tip) {
    await fetchMissingCommits(git, [tip], context.clients.log, remote, HISTORY_FETCH);
    return tip;
  }
  throw invalidInput(
    input,
    revision,
    `no such branch, tag or commit in ${context.settings.path}; use a branch, tag, SHA or revision such as origin/main`,
  );
}

interface CollectedHistory {
  history: BranchHistory;
  source: HistorySource;
}

async function pullRequestHistory(
  context: Context,
  target: Extract<Target, { kind: 'pull-request' }>,
  rules: Settings['rules'],
  notes: string[],
): Promise<CollectedHistory> {
  return withFallback(
    context,
    async (git) => {
      const baseSha = await currentBaseTip(context, git, target);
      const headSha = await resolveRevision(context, 'head', target.head.revision);
      const range = { baseSha, headSha, behind: rules.requireRebased, headCommits: target.commitCount };
      const { api, log } = context.clients;
      const countBehind = api ? async (b: string, h: string) => (await api()).behindBy(b, h) : undefined;
      return collectBranchHistory(git, range, log, context.settings.remote, countBehind);
    },
    async (api) => {
      const comparison = await api.compare(target.base.revision, target.head.revision);
      const total = target.commitCount ?? comparison.totalCommits;
      const note = capNote(comparison.commits.length, Math.max(total, comparison.totalCommits));
      if (note) notes.push(note);
      return {
        baseSha: target.base.revision,
        headSha: comparison.commits[0]?.sha ?? target.head.revision,
        commits: comparison.commits,
        complete: note === undefined,
        baseIsAncestor: comparison.status === 'ahead' || comparison.status === 'identical',
        behindBy: comparison.behindBy,
      };
    },
  );
}

/**
 * The base SHA in a pull_request payload is the tip when the event fired. "Rebased" means on the
 * base as it is now, so the remote is asked (ls-remote, no objects) and a newer tip wins.
 */
async function currentBaseTip(
  context: Context,
  git: SimpleGit,
  target: Extract<Target, { kind: 'pull-request' }>,
): Promise<string> {
  const fromEvent = await resolveRevision(context, 'base', target.base.revision);
  if (target.base.revision !== target.base.name && SHA_PATTERN.test(target.base.revision)) {
    const current = await remoteBranchTip(git, target.base.name, context.settings.remote);
    if (current && current !== fromEvent) {
      context.clients.log.info(
        `${target.base.name} moved to ${short(current)} since the event (${short(fromEvent)}): checking against the current tip`,
      );
      await fetchMissingCommits(git, [current], context.clients.log, context.settings.remote, HISTORY_FETCH);
      return current;
    }
  }
  return fromEvent;
}

/** Git first; the API when there is no checkout, or when git fails and a token is at hand. */
async function withFallback<T>(
  context: Context,
  fromGit: (git: SimpleGit) => Promise<T>,
  fromApi: (api: GitHubApi) => Promise<T>,
): Promise<{ history: T; source: HistorySource }> {
  const { git, api, log } = context.clients;
  if (git) {
    try {
      return { history: await fromGit(git), source: 'git' };
    } catch (error) {
      if (!api || error instanceof ConfigurationError) throw error;
      log.warning(`Reading history with git failed (${errorLine(error)}): using the GitHub API`);
    }
  } else {
    log.info(`No git repository at ${context.settings.path}: reading history from the GitHub API`);
  }
  if (!api) {
    throw new ConfigurationError(
      `No git checkout at ${context.settings.path} and no token for the GitHub API: add actions/checkout before this step or set the 'token' input`,
    );
  }
  return { history: await fromApi(await api()), source: 'api' };
}

/** The merge queue: the queue's own commits follow merge-style, the queued branches the PR rules. */
async function checkMergeGroup(
  context: Context,
  target: Extract<Target, { kind: 'merge-group' }>,
): Promise<Verdict> {
  const { settings } = context;
  const names = { base: { name: target.base.name, sha: '' }, head: { name: target.head.name, sha: '' } };
  if (context.isAllowedBranch(target.head.name)) {
    return skipped(target.kind, `${target.head.name} is exempt (allow-branches)`, names);
  }
  const notes: string[] = [];
  const { history, source } = await mergeGroupHistory(context, target, notes);
  const baseProtected = context.isProtected(target.base.name);
  const branchNames = { base: target.base.name, head: target.head.name, remote: settings.remote };
  const exempt = await commitExemptions(context, history.commits, notes);
  const violations = mergeGroupViolations(history, branchNames, settings.rules, baseProtected, exempt);
  return finish(
    {
      target: target.kind,
      source,
      checkedCommits: history.commits.length,
      violations,
      fixCommands: mergeGroupFix(context, target, violations),
      base: { name: target.base.name, sha: history.baseSha },
      head: { name: target.head.name, sha: history.headSha },
    },
    notes,
  );
}

/** The queue's commits over its base, from git or else the API. */
async function mergeGroupHistory(
  context: Context,
  target: Extract<Target, { kind: 'merge-group' }>,
  notes: string[],
): Promise<CollectedHistory> {
  return withFallback(
    context,
    async (git) => {
      const baseSha = await resolveRevision(context, 'base', target.base.revision);
      const headSha = await resolveRevision(context, 'head', target.head.revision);
      // A merge queue keeps its branches up to date: "behind" is never asked (see mergeGroupViolations).
      const range = { baseSha, headSha, behind: false };
      return collectBranchHistory(git, range, context.clients.log, context.settings.remote);
    },
    async (api) => {
      const comparison = await api.compare(target.base.revision, target.head.revision);
      const note = capNote(comparison.commits.length, comparison.totalCommits);
      if (note) notes.push(note);
      return {
        baseSha: target.base.revision,
        headSha: target.head.revision,
        commits: comparison.commits,
        complete: note === undefined,
        baseIsAncestor: true,
        behindBy: 0,
      };
    },
  );
}

function mergeGroupFix(
  context: Context,
  target: Extract<Target, { kind: 'merge-group' }>,
  violations: readonly Violation[],
): string[] {
  const { remote, rules } = context.settings;
  const feature = featureBranchFix(violations, {
    upstream: `${remote}/${target.base.name}`,
    branch: undefined,
    switchFirst: false,
    fetchRemote: remote,
    pushRemote: remote,
  });
  const commands = feature.length
    ? ['# Remove the pull request from the merge queue, switch to its branch, then:', ...feature]
    : [];
  if (violations.some((v) => v.rule === 'merge-style'))
    commands.push(...mergeStyleAdvice(rules.mergeStyle, true));
  return commands;
}

/** Protected branches: never rewritten, and arrivals follow merge-style. */
async function checkPush(context: Context, target: Extract<Target, { kind: 'push' }>): Promise<Verdict> {
  const { settings } = context;
  const names = { head: { name: target.branch, sha: target.after } };
  const skip = pushSkipReason(context, target);
  if (skip || target.before === undefined) {
    return skipped('push', skip ?? `${target.branch} was created: no earlier tip to compare`, names);
  }
  const before = target.before;
  const notes: string[] = [];
  const range = { branch: target.branch, before, after: target.after, forced: target.forced };
  const collected = await pushHistory(context, range, notes);
  const { history, source } = collected;
  const exempt = await commitExemptions(context, [...history.arrived, ...(history.dropped ?? [])], notes);
  const violations = pushViolations(history, settings.rules, exempt);
  const fixCommands: string[] = [];
  if (violations.some((v) => v.rule === 'no-force-push')) {
    fixCommands.push(...forcePushFix(target.branch, before, settings.remote));
  }
  if (violations.some((v) => v.rule === 'merge-style')) {
    fixCommands.push(...mergeStyleAdvice(settings.rules.mergeStyle, false));
  }
  return finish(
    {
      target: 'push',
      source,
      checkedCommits: history.arrived.length + (history.dropped?.length ?? 0),
      violations,
      fixCommands,
      base: { name: `${target.branch}@before`, sha: before },
      head: { name: target.branch, sha: target.after },
    },
    notes,
    collected.unreadable && violations.length === 0 ? 'fail' : undefined,
  );
}

/** Why a push is not checked at all (exempt, unprotected or deleted), or undefined. */
function pushSkipReason(context: Context, target: Extract<Target, { kind: 'push' }>): string | undefined {
  if (context.isAllowedBranch(target.branch)) return `${target.branch} is exempt (allow-branches)`;
  if (context.isAllowedAuthor(target.pusher)) return `Push by ${target.pusher} is exempt (allow-authors)`;
  if (!context.isProtected(target.branch)) {
    return `${target.branch} is not a protected branch: push rules apply to protected branches`;
  }
  if (target.deleted) return `${target.branch} was deleted: restrict deletions with a ruleset`;
  return undefined;
}

/**
 * What the push dropped and brought, from git or else the API; an old tip neither can read is
 * an unreadable push (never a pass). Notes say where the graph and the event disagree.
 */
async function pushHistory(context: Context, range: PushRange, notes: string[]): Promise<CollectedPush> {
  let collected: CollectedPush;
  try {
    collected = await withFallback(
      context,
      (git) => collectPushHistory(git, range, context.clients.log, context.settings.remote),
      (api) => pushHistoryFromApi(api, range, notes),
    );
  } catch (error) {
    if (!(error instanceof HistoryUnavailableError)) throw error;
    collected = unreadablePush(context, range, error, notes);
  }
  const { history } = collected;
  if (history.rewritten && history.dropped === undefined) {
    notes.push(
      `The previous tip ${short(range.before)} could not be read: the dropped commits are not listed`,
    );
  }
  if (range.forced && !history.rewritten && !collected.unreadable) {
    notes.push(
      `The event says forced, but ${short(range.before)} is an ancestor of ${short(range.after)}: a fast-forward, checked as one`,
    );
  }
  return collected;
}

interface CollectedPush {
  history: PushHistory;
  source: HistorySource;
  /** The old tip could not be read by git nor by the API: the push cannot pass. */
  unreadable?: boolean;
}

/**
 * Not being able to read the previous tip is never a pass: with the event's `forced` flag the
 * rewrite is still reported (its dropped commits unknown); otherwise the verdict is a failure
 * whose first note says why. A neutral would not do: GitHub counts a neutral check as passing.
 */
function unreadablePush(
  context: Context,
  range: { branch: string; before: string; after: string; forced: boolean },
  error: HistoryUnavailableError,
  notes: string[],
): CollectedPush {
  const hint = context.clients.api
    ? ''
    : "; give the step a token (the 'token' input) to read it through the GitHub API, or make the remote reachable";
  notes.unshift(
    `The previous tip ${short(range.before)} of ${range.branch} could not be read (${error.reason}): the push cannot be checked${hint}`,
  );
  const history: PushHistory = { ...range, rewritten: range.forced, dropped: undefined, arrived: [] };
  return { history, source: 'git', unreadable: true };
}

async function pushHistoryFromApi(
  api: GitHubApi,
  range: { branch: string; before: string; after: string; forced: boolean },
  notes: string[],
): Promise<PushHistory> {
  let arrivedComparison: Comparison;
  try {
    arrivedComparison = await api.compare(range.before, range.after);
  } catch (error) {
    throw new HistoryUnavailableError(`the GitHub API: ${errorLine(error)}`);
  }
  const cap = capNote(arrivedComparison.commits.length, arrivedComparison.totalCommits);
  if (cap) notes.push(cap);
  // As with git, the graph decides: `forced` can be set on a fast-forward.
  const rewritten = arrivedComparison.status === 'behind' || arrivedComparison.status === 'diverged';
  const dropped = rewritten ? await droppedFromApi(api, range) : [];
  return {
    ...range,
    rewritten,
    dropped,
    arrived: firstParentChain(arrivedComparison.commits, range.after),
  };
}

/** After a force push the old tip can be gone from GitHub too: undefined then, and the report says so. */
async function droppedFromApi(
  api: GitHubApi,
  range: { before: string; after: string },
): Promise<PushHistory['dropped']> {
  try {
    return (await api.compare(range.after, range.before)).commits;
  } catch {
    return undefined;
  }
}
