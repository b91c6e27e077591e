import { existsSync } from 'node:fs';
import { isGitRepository, openRepository, snapshotCheckout } from '../../../core/git.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { emitAnnotations } from '../../../core/report/annotations.js';
import { writeJsonFile } from '../../../core/report/json.js';
import { type CheckClients, checkBranchPolicy } from './check.js';
import { readEvent } from './event.js';
import { API_REQUEST_TIMEOUT_MS, fetchWithDeadline, type GitHubApi, octokitApi } from './github-api.js';
import { cappedViolations, jsonReport, renderSummary, violationAnnotations } from './report.js';
import { readSettings, type Settings } from './settings.js';

/** Every input action.yml declares, in its order; each is also a CLI flag. */
export const BRANCH_POLICY_INPUTS = [
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

export interface BranchPolicyDependencies {
  /** The API client for the fallback (tests pass a fake; the action builds Octokit). */
  createApi?: (settings: Settings) => Promise<GitHubApi>;
}

export async function runBranchPolicy(
  host: Host,
  dependencies: BranchPolicyDependencies = {},
): Promise<GateOutcome> {
  const event = await readEvent(host.env);
  const settings = readSettings(host.inputs, host.env, event, host.workspace);
  if (settings.token) host.setSecret(settings.token);
  const clients: CheckClients = {
    git: await openCheckout(settings.path),
    api: apiFactory(settings, dependencies),
    log: host.log,
  };
  // Fetching deepens the checkout and makes it a partial clone: put that back afterwards, so
  // later steps see the checkout as actions/checkout left it (and never fetch on demand).
  const restore = clients.git ? await snapshotCheckout(clients.git, settings.remote) : undefined;
  let verdict: Awaited<ReturnType<typeof checkBranchPolicy>>;
  try {
    verdict = await checkBranchPolicy(settings, clients);
  } finally {
    await restore?.();
  }
  emitAnnotations(violationAnnotations(verdict), (annotation) => host.annotate(annotation));
  for (const note of verdict.notes) host.log.info(note);
  if (verdict.fixCommands.length > 0) host.log.info(`Fix:\n  ${verdict.fixCommands.join('\n  ')}`);
  await host.appendSummary(renderSummary(verdict));
  await writeJsonFile(settings.reportPath, jsonReport(verdict));
  host.setOutput('result', verdict.result);
  const outputs = cappedViolations(verdict.violations);
  if (outputs.omitted > 0) {
    host.log.info(
      `The violations output lists ${outputs.listed} of ${verdict.violations.length}: all are in ${settings.reportPath}`,
    );
  }
  host.setOutput('violations', outputs.json);
  host.setOutput('violation-count', String(verdict.violations.length));
  host.setOutput('violations-omitted', String(outputs.omitted));
  host.setOutput('report-path', settings.reportPath);
  return { result: verdict.result, summaryLine: verdict.summaryLine };
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

export const branchPolicyGate: GateDefinition = {
  name: 'branch-policy',
  description:
    'Enforce merge-vs-rebase rules: protected branches keep their history, feature branches arrive rebased',
  inputs: BRANCH_POLICY_INPUTS,
  run: (host) => runBranchPolicy(host),
};
