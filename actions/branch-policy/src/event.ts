import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../../../core/errors.js';

/**
 * The webhook payloads branch-policy reads, reduced to the fields it uses. Only the runner's
 * GITHUB_EVENT_PATH file is read: importing @actions/github's `context` would parse it at import
 * time, before inputs are validated, and hide which fields are actually relied on.
 */
export interface RepositoryPayload {
  default_branch?: string;
  full_name?: string;
}

export interface PullRequestPayload {
  number?: number;
  pull_request: {
    number: number;
    /** The author's commits: never the synthetic `refs/pull/N/merge` commit actions/checkout checks out. */
    head: { sha: string; ref: string; repo?: { full_name?: string } | null };
    base: { sha: string; ref: string; repo?: { full_name?: string } | null };
    user?: { login?: string; type?: string } | null;
    /** Total commit count, used to say when the API's 250-commit cap truncated the list. */
    commits?: number;
  };
  repository?: RepositoryPayload;
}

export interface MergeGroupPayload {
  merge_group: {
    head_sha: string;
    /** `refs/heads/gh-readonly-queue/<base>/pr-<n>-<sha>`. */
    head_ref: string;
    base_sha: string;
    base_ref: string;
  };
  repository?: RepositoryPayload;
  sender?: { login?: string } | null;
}

export interface PushPayload {
  ref: string;
  before: string;
  after: string;
  forced?: boolean;
  created?: boolean;
  deleted?: boolean;
  pusher?: { name?: string } | null;
  sender?: { login?: string } | null;
  repository?: RepositoryPayload;
}

export type GitHubEvent =
  | { kind: 'pull_request'; name: string; payload: PullRequestPayload }
  | { kind: 'merge_group'; name: string; payload: MergeGroupPayload }
  | { kind: 'push'; name: string; payload: PushPayload }
  /** An event this action has no rules for (workflow_dispatch, schedule, ...). */
  | { kind: 'other'; name: string }
  /** No event at all: the CLI on a local repository. */
  | { kind: 'none' };

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
export const ZERO_SHA = '0000000000000000000000000000000000000000';
const BRANCH_REF_PREFIX = 'refs/heads/';

/** Reads GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; no event name means the CLI outside Actions. */
export async function readEvent(env: NodeJS.ProcessEnv): Promise<GitHubEvent> {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) return { kind: 'none' };
  const kind = eventKind(name);
  if (kind === 'other') return { kind, name };
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new ConfigurationError(`GITHUB_EVENT_PATH is not set for the '${name}' event`);
  const payload = await readPayload(path);
  return parseEvent(name, payload);
}

function eventKind(name: string): 'pull_request' | 'merge_group' | 'push' | 'other' {
  if (PULL_REQUEST_EVENTS.has(name)) return 'pull_request';
  if (name === 'merge_group' || name === 'push') return name;
  return 'other';
}

async function readPayload(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigurationError(`The event payload ${path} is not valid JSON`);
  }
}

/** The string fields each event's rules read, as dotted paths into the payload. */
const REQUIRED_FIELDS: Record<'pull_request' | 'merge_group' | 'push', readonly string[]> = {
  pull_request: [
    'pull_request.head.sha',
    'pull_request.head.ref',
    'pull_request.base.sha',
    'pull_request.base.ref',
  ],
  merge_group: [
    'merge_group.head_sha',
    'merge_group.head_ref',
    'merge_group.base_sha',
    'merge_group.base_ref',
  ],
  push: ['ref', 'before', 'after'],
};

/**
 * Validates the event once, before anything reads it: every field the rules rely on must be a
 * non-empty string, and a payload that lacks some fails in one line naming all of them.
 */
export function parseEvent(name: string, payload: unknown): GitHubEvent {
  const kind = eventKind(name);
  if (kind === 'other') return { kind, name };
  const record = (payload ?? {}) as Record<string, unknown>;
  const missing = REQUIRED_FIELDS[kind].filter((path) => !isNonEmptyString(fieldAt(record, path)));
  if (missing.length > 0) {
    throw new ConfigurationError(`The '${name}' event payload has no ${missing.join(', ')}`);
  }
  if (kind === 'pull_request') return { kind, name, payload: record as unknown as PullRequestPayload };
  if (kind === 'merge_group') return { kind, name, payload: record as unknown as MergeGroupPayload };
  return { kind, name, payload: record as unknown as PushPayload };
}

function fieldAt(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** `refs/heads/main` -> `main`; other refs (tags) -> undefined. */
export function branchFromRef(ref: string): string | undefined {
  return ref.startsWith(BRANCH_REF_PREFIX) ? ref.slice(BRANCH_REF_PREFIX.length) : undefined;
}
