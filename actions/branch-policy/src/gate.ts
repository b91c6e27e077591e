import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { defineGate, type GatePipeline, runPipeline } from '../../../core/pipeline.js';
import type { Verdict } from './check.js';
import type { BranchPolicyDependencies } from './evaluation.js';
import { readEvent } from './event.js';
import { cappedViolations, jsonReport, logLines, renderSummary, violationAnnotations } from './report.js';
import { ACTION_NAME, INPUT_NAMES, readSettings, type Settings } from './settings.js';

export type { BranchPolicyDependencies };

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
    // git and the history rules load only once the settings are valid.
    evaluate: async (settings, host) =>
      (await import('./evaluation.js')).checkCheckout(settings, host, dependencies),
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

export const branchPolicyGate: GateDefinition = defineGate(branchPolicyPipeline());
