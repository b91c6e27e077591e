/** GitHub event payloads, trimmed to the real fields GitHub sends, for the harness and the demo. */

const REPOSITORY = { full_name: 'octo-org/octo-repo', default_branch: 'main' };

/** A `pull_request` payload (synchronize), trimmed to real fields GitHub sends. */
export function pullRequestEvent(options: {
  base: string;
  baseSha: string;
  head: string;
  headSha: string;
  number?: number;
  author?: string;
  authorType?: 'User' | 'Bot';
  commits?: number;
  fork?: boolean;
}): { name: string; payload: unknown } {
  const number = options.number ?? 1;
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        title: 'A change',
        user: { login: options.author ?? 'ada', type: options.authorType ?? 'User' },
        head: {
          label: `ada:${options.head}`,
          ref: options.head,
          sha: options.headSha,
          repo: { full_name: options.fork ? 'ada/octo-repo' : REPOSITORY.full_name },
        },
        base: {
          label: `octo-org:${options.base}`,
          ref: options.base,
          sha: options.baseSha,
          repo: { full_name: REPOSITORY.full_name },
        },
        merge_commit_sha: null,
        commits: options.commits ?? 1,
      },
      repository: REPOSITORY,
      sender: { login: options.author ?? 'ada' },
    },
  };
}

/** A `push` payload. */
export function pushEvent(options: {
  branch: string;
  before: string;
  after: string;
  forced?: boolean;
  created?: boolean;
  deleted?: boolean;
  pusher?: string;
}): { name: string; payload: unknown } {
  return {
    name: 'push',
    payload: {
      ref: `refs/heads/${options.branch}`,
      before: options.before,
      after: options.after,
      base_ref: null,
      created: options.created ?? false,
      deleted: options.deleted ?? false,
      forced: options.forced ?? false,
      compare: `https://github.com/octo-org/octo-repo/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
      commits: [],
      head_commit: null,
      pusher: { name: options.pusher ?? 'ada', email: 'ada@example.com' },
      sender: { login: options.pusher ?? 'ada' },
      repository: { ...REPOSITORY, master_branch: 'main' },
    },
  };
}

/** A `merge_group` payload (checks_requested), as the merge queue sends it. */
export function mergeGroupEvent(options: {
  base: string;
  baseSha: string;
  headSha: string;
  number?: number;
}): { name: string; payload: unknown } {
  const number = options.number ?? 1;
  return {
    name: 'merge_group',
    payload: {
      action: 'checks_requested',
      merge_group: {
        head_sha: options.headSha,
        head_ref: `refs/heads/gh-readonly-queue/${options.base}/pr-${number}-${options.baseSha}`,
        base_sha: options.baseSha,
        base_ref: `refs/heads/${options.base}`,
        head_commit: { id: options.headSha, message: `Merge pull request #${number}` },
      },
      repository: REPOSITORY,
      sender: { login: 'ada' },
    },
  };
}
