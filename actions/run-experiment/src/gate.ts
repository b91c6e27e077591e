import type { GateDefinition } from '../../../core/host.js';
import { defineGate } from '../../../core/pipeline.js';
import type { ExperimentReport } from './experiment.js';
import { gateResult, junitReport, reportOutputs, summaryMarkdown } from './report.js';
import { INPUT_NAMES, type RunExperimentSettings, readSettings } from './settings.js';
import { ACTION_NAME, STATE_EXPERIMENT_ID, STATE_FINISHED_ID } from './state.js';

export { ACTION_NAME, STATE_EXPERIMENT_ID, STATE_FINISHED_ID };

/** run-experiment as a pipeline: settings -> the experiment (loaded lazily) -> verdict -> reporters. */
export const runExperimentGate: GateDefinition = defineGate<RunExperimentSettings, ExperimentReport>({
  name: ACTION_NAME,
  description:
    'Run an AWS FIS experiment as a deploy gate: pass only if the system stayed healthy; never leave chaos running',
  inputs: INPUT_NAMES,
  settings: (host) => readSettings(host.inputs, host.env),
  // The AWS SDK is loaded only once the settings are valid: a bad input never pays for it.
  evaluate: async (settings, host) => (await import('./evaluation.js')).runExperiment(settings, host),
  verdict: (report) => ({ result: gateResult(report), reason: report.summaryLine }),
  reporters: {
    json: (report) => report,
    summary: (report) => summaryMarkdown(report),
    warnings: (report) => report.warnings,
    junit: (report) => junitReport(report),
    outputs: (report) => reportOutputs(report),
  },
  // The post step lives in cleanup.ts so the post bundle does not carry the main step; loaded
  // only when the CLI runs it, so the main step's start never pays for the FIS client twice.
  post: async (host) => (await import('./cleanup.js')).stopLeftoverExperiment(host),
});
