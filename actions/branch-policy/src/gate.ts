import { existsSync } from 'node:fs';
import { isGitRepository, openRepository, snapshotCheckout } from '../../../core/git.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { defineGate, type GatePipeline, runPipeline } from '../../../core/pipeline.js';
import { type CheckClients, checkBranchPolicy, type Verdict } from './check.js';
import { readEvent } from './event.js';
import { type GitHubApi, octokitApi } from './github-api.js';
import { cappedViolations, jsonReport, logLines, renderSummary, violationAnnotations } from './report.js';
import { ACTION_NAME, INPUT_NAMES, readSettings, type Settings } from './settings.js';

export interface BranchPolicyDependencies {
  /** The API client for the fallback (tests pass a fake; the action builds Octokit). */
  createApi?: (settings: Settings) => Promise<GitHubApi>;
}

/** branch-policy as a pipeline: event + inputs -> settings -> the history check -> reporters. */
export function branchPolicyPipeline(
  dependencies: BranchPolicyDependencies = {},
): GatePipeline<Settings, Verdict> {
  return {
    name: ACTION_NAME,
    description:
      'Enforce merge-vs-rebase rules: protected branches keep their history, feature branches arrive rebased',
    inputs: INPUT_NAMES,
    settings: readHostSettings,
    evaluate: (settings, host) => checkCheckout(settings, host, dependencies),
    verdict: (verdict) => ({ result: verdict.result, reason: verdict.summaryLine }),
    reporters: {
      json: (verdict) => jsonReport(verdict),
      summary: (verdict) => renderSummary(verdict),
      annotations: (verdict) => violationAnnotations(verdict),
      log: (verdict, { files }) => logLines(verdict, files.report),
      outputs: (verdict) => {
        const listed = cappedViolations(verdict.violations);
        return {
          violations: listed.json,
          'violation-count': String(verdict.violations.length),
          'violations-omitted': String(listed.omitted),
        };
      },
    },
  };
}

export function runBranchPolicy(
  host: Host,
  dependencies: BranchPolicyDependencies = {},
): Promise<GateOutcome> {
  return runPipeline(branchPolicyPipeline(dependencies), host);
}

async function readHostSettings(host: Host): Promise<Settings> {
  const event = await readEvent(host.env);
  const settings = readSettings(host.inputs, host.env, event, host.workspace);
  if (settings.token) host.setSecret(settings.token);
  return settings;
}

async function checkCheckout(
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
    return octokitApi(getOctokit(token), repository);
  };
}

export const branchPolicyGate: GateDefinition = defineGate(branchPolicyPipeline());
