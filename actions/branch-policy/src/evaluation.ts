import { existsSync } from 'node:fs';
import { isGitRepository, openRepository, snapshotCheckout } from '../../../core/git.js';
import type { Host } from '../../../core/host.js';
import { type CheckClients, checkBranchPolicy, type Verdict } from './check.js';
import { API_REQUEST_TIMEOUT_MS, fetchWithDeadline, type GitHubApi, octokitApi } from './github-api.js';
import type { Settings } from './settings.js';

/**
 * The evaluation stage of branch-policy, in a module of its own: gate.ts imports it lazily, so
 * a bad input fails before git tooling and the history rules load.
 */
export interface BranchPolicyDependencies {
  /** The API client for the fallback (tests pass a fake; the action builds Octokit). */
  createApi?: (settings: Settings) => Promise<GitHubApi>;
}

export async function checkCheckout(
  settings: Settings,
  host: Host,
  dependencies: BranchPolicyDependencies,
): Promise<Verdict> {
  const clients: CheckClients = {
    git: await openCheckout(settings.path),
    api: apiFactory(settings, dependencies),
    log: host.log,
  };
  // Fetching deepens the checkout and makes it a partial clone: put that back afterwards, so
  // later steps see the checkout as actions/checkout left it (and never fetch on demand).
  const restore = clients.git ? await snapshotCheckout(clients.git, settings.remote) : undefined;
  try {
    return await checkBranchPolicy(settings, clients);
  } finally {
    await restore?.();
  }
}

/** The checkout, or undefined when the folder is missing, holds no repository or git is absent. */
async function openCheckout(path: string): Promise<CheckClients['git']> {
  if (!existsSync(path)) return undefined;
  const git = openRepository(path);
  return (await isGitRepository(git)) ? git : undefined;
}

function apiFactory(settings: Settings, dependencies: BranchPolicyDependencies): CheckClients['api'] {
  const { token, repository } = settings;
  if (dependencies.createApi) {
    const create = dependencies.createApi;
    return () => create(settings);
  }
  if (!token || !repository) return undefined;
  return async () => {
    // Loaded only when git cannot answer: the CLI's pre-push run never pays for Octokit.
    const { getOctokit } = await import('@actions/github');
    const request = { fetch: fetchWithDeadline(API_REQUEST_TIMEOUT_MS) };
    return octokitApi(getOctokit(token, { request }), repository);
  };
}
