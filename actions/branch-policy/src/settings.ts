import { isAbsolute, join } from 'node:path';
import picomatch from 'picomatch';
import { invalidInput } from '../../../core/errors.js';
import { DEFAULT_REMOTE } from '../../../core/git.js';
import type { Inputs } from '../../../core/inputs.js';
import { reportFiles } from '../../../core/pipeline.js';
import { branchFromRef, type GitHubEvent, ZERO_SHA } from './event.js';

/**
 * Inputs -> typed settings, once, before any git work. Every message names the input, the bad
 * value and the accepted forms.
 */
export const ACTION_NAME = 'branch-policy';
/** Every input action.yml declares, in its order; each is also a CLI flag. */
export const INPUT_NAMES = [
  'protected-branches',
  'no-merge-commits',
  'require-rebased',
  'no-autosquash-commits',
  'max-commits',
  'no-force-push',
  'merge-style',
  'allow-authors',
  'allow-branches',
  'base',
  'head',
  'path',
  'remote',
  'token',
  'report-path',
] as const;
export const MERGE_STYLES = ['merge', 'linear', 'any'] as const;
export type MergeStyle = (typeof MERGE_STYLES)[number];
/** Protected by default besides the default branch: release lines are shared history too. */
export const DEFAULT_EXTRA_PROTECTED = ['release/*'];
export const FALLBACK_DEFAULT_BRANCH = 'main';
const MAX_COMMITS_LIMIT = 1_000_000;
// A remote is passed to git as an argument: a name that starts with `-` would read as an option.
const REMOTE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/;
// Control characters cannot be in a ref name; refusing them keeps logs and summaries one line.
const CONTROL_CHARACTERS = /[\x00-\x1f\x7f]/;
const REVISION_FORMS = 'use a branch, tag, SHA or revision such as origin/main or HEAD~3';

export interface RuleSettings {
  noMergeCommits: boolean;
  requireRebased: boolean;
  noAutosquashCommits: boolean;
  maxCommits: number | undefined;
  noForcePush: boolean;
  mergeStyle: MergeStyle;
}

/** A branch as users know it (for messages and fix commands) and the revision git resolves. */
export interface BranchRevision {
  name: string;
  revision: string;
}

/** What is checked, decided from the event and the `base` / `head` overrides. */
export type Target =
  | {
      kind: 'pull-request';
      base: BranchRevision;
      head: BranchRevision;
      number: number;
      /** `pull_request.user.login`: an identity GitHub verified, unlike any git author field. */
      author: string | undefined;
      /** `pull_request.user.type`: `Bot` for apps such as dependabot. */
      authorType: string | undefined;
      /** The PR's own commit count from the payload, to tell when the API's cap truncated a list. */
      commitCount: number | undefined;
      fromFork: boolean;
    }
  | { kind: 'merge-group'; base: BranchRevision; head: BranchRevision; sender: string | undefined }
  | {
      kind: 'push';
      branch: string;
      /** Undefined when the branch was just created (`before` is all zeros). */
      before: string | undefined;
      after: string;
      forced: boolean;
      deleted: boolean;
      /** `sender.login`: the account GitHub authenticated for the push (never `pusher.name`). */
      pusher: string | undefined;
    }
  /** The CLI: `base` undefined means origin/HEAD, else main. */
  | { kind: 'local'; base: string | undefined; head: string }
  | { kind: 'unsupported'; event: string };

export interface Settings {
  /** The checkout to read (absolute). */
  path: string;
  remote: string;
  token: string | undefined;
  /** `owner/repo` for API calls (GITHUB_REPOSITORY). */
  repository: { owner: string; repo: string } | undefined;
  reportPath: string;
  protectedPatterns: string[];
  /** The repository's default branch; undefined outside Actions until git resolves origin/HEAD. */
  defaultBranch: string | undefined;
  /** True when protected-branches was not given: the default branch is then protected too. */
  protectDefaultBranch: boolean;
  rules: RuleSettings;
  allowAuthors: string[];
  allowBranches: string[];
  target: Target;
}

export function readSettings(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  event: GitHubEvent,
  workspace: string = env.GITHUB_WORKSPACE ?? process.cwd(),
): Settings {
  const protectedInput = inputs.list('protected-branches').map(stripHeadsPrefix);
  for (const pattern of protectedInput) validateGlob('protected-branches', pattern);
  const allowBranches = inputs.list('allow-branches').map(stripHeadsPrefix);
  for (const pattern of allowBranches) validateGlob('allow-branches', pattern);
  const remote = inputs.string('remote', DEFAULT_REMOTE);
  if (!REMOTE_NAME.test(remote)) throw invalidInput('remote', remote, 'use a remote name such as origin');
  const base = optionalRevision(inputs, 'base');
  const head = optionalRevision(inputs, 'head');
  return {
    path: resolvePath(inputs.string('path', '.'), workspace),
    remote,
    token: inputs.optional('token') ?? env.GITHUB_TOKEN,
    repository: parseRepository(env.GITHUB_REPOSITORY),
    reportPath: reportFiles(ACTION_NAME, inputs, env, workspace).report,
    protectedPatterns: protectedInput.length > 0 ? protectedInput : [...DEFAULT_EXTRA_PROTECTED],
    defaultBranch: defaultBranchOf(event),
    protectDefaultBranch: protectedInput.length === 0,
    rules: readRules(inputs),
    allowAuthors: inputs.list('allow-authors'),
    allowBranches,
    target: targetFor(event, base, head),
  };
}

function readRules(inputs: Inputs): RuleSettings {
  return {
    noMergeCommits: inputs.boolean('no-merge-commits', true),
    requireRebased: inputs.boolean('require-rebased', true),
    noAutosquashCommits: inputs.boolean('no-autosquash-commits', true),
    maxCommits: inputs.optionalInteger('max-commits', { min: 1, max: MAX_COMMITS_LIMIT }),
    noForcePush: inputs.boolean('no-force-push', true),
    mergeStyle: inputs.enumeration('merge-style', MERGE_STYLES, 'any'),
  };
}

function optionalRevision(inputs: Inputs, name: string): string | undefined {
  const value = inputs.optional(name);
  if (value !== undefined && CONTROL_CHARACTERS.test(value)) {
    throw invalidInput(name, JSON.stringify(value).slice(1, -1), REVISION_FORMS);
  }
  return value;
}

function validateGlob(input: string, pattern: string): void {
  try {
    picomatch(pattern);
  } catch {
    throw invalidInput(input, pattern, 'use branch names or glob patterns such as main, release/*');
  }
  if (CONTROL_CHARACTERS.test(pattern)) {
    throw invalidInput(input, pattern, 'use branch names or glob patterns such as main, release/*');
  }
}

function stripHeadsPrefix(pattern: string): string {
  return branchFromRef(pattern) ?? pattern;
}

function resolvePath(path: string, workspace: string): string {
  return isAbsolute(path) ? path : join(workspace, path);
}

function parseRepository(value: string | undefined): Settings['repository'] {
  const [owner, repo, ...rest] = (value ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

function defaultBranchOf(event: GitHubEvent): string | undefined {
  if (event.kind === 'none' || event.kind === 'other') return undefined;
  return event.payload.repository?.default_branch || undefined;
}

/** The event decides what is checked; `base` / `head` inputs override the SHAs it names. */
export function targetFor(event: GitHubEvent, base: string | undefined, head: string | undefined): Target {
  switch (event.kind) {
    case 'pull_request': {
      const pr = event.payload.pull_request;
      const baseRepo = pr.base.repo?.full_name;
      const headRepo = pr.head.repo?.full_name;
      return {
        kind: 'pull-request',
        base: base ? { name: base, revision: base } : { name: pr.base.ref, revision: pr.base.sha },
        head: head ? { name: head, revision: head } : { name: pr.head.ref, revision: pr.head.sha },
        number: pr.number ?? event.payload.number ?? 0,
        author: pr.user?.login ?? undefined,
        authorType: pr.user?.type ?? undefined,
        commitCount: pr.commits,
        fromFork: Boolean(baseRepo && headRepo && baseRepo !== headRepo),
      };
    }
    case 'merge_group': {
      const group = event.payload.merge_group;
      const baseName = branchFromRef(group.base_ref) ?? group.base_ref;
      const headName = branchFromRef(group.head_ref) ?? group.head_ref;
      return {
        kind: 'merge-group',
        base: base ? { name: base, revision: base } : { name: baseName, revision: group.base_sha },
        head: head ? { name: head, revision: head } : { name: headName, revision: group.head_sha },
        sender: event.payload.sender?.login ?? undefined,
      };
    }
    case 'push':
      return pushTarget(event.payload, base, head);
    case 'other':
      // base/head given on another event (workflow_dispatch): check that range like the CLI does.
      return base || head
        ? { kind: 'local', base, head: head ?? 'HEAD' }
        : { kind: 'unsupported', event: event.name };
    case 'none':
      return { kind: 'local', base, head: head ?? 'HEAD' };
  }
}

function pushTarget(
  payload: Extract<GitHubEvent, { kind: 'push' }>['payload'],
  base: string | undefined,
  head: string | undefined,
): Target {
  const branch = branchFromRef(payload.ref);
  if (branch === undefined) return { kind: 'unsupported', event: `push of ${payload.ref}` };
  const before = base ?? payload.before;
  return {
    kind: 'push',
    branch,
    before: before === ZERO_SHA || payload.created ? undefined : before,
    after: head ?? payload.after,
    forced: payload.forced === true,
    deleted: payload.deleted === true || payload.after === ZERO_SHA,
    pusher: payload.sender?.login ?? undefined,
  };
}
