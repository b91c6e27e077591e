import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { defineGate, type GatePipeline, runPipeline } from '../../../core/pipeline.js';
import type { AzCheckDependencies, AzCheckRun } from './evaluation.js';
import { reportInput, reportOutputs, sarifFile } from './publish.js';
import { jsonReport, summaryMarkdown, toAnnotation } from './report.js';
import { type AzCheckSettings, INPUT_NAMES, readSettings } from './settings.js';
import { azCheckVerdict } from './verdict.js';

export type { AzCheckDependencies };

/**
 * az-check as a pipeline: settings -> files (changed lines or the whole tree) -> findings ->
 * optional resolution and fixes -> verdict -> annotations, summary, outputs, JSON report, SARIF.
 */
export function azCheckPipeline(
  dependencies: AzCheckDependencies = {},
): GatePipeline<AzCheckSettings, AzCheckRun> {
  return {
    name: 'az-check',
    description: 'Find hard-coded Availability Zone names in IaC changes and point to AZ IDs',
    inputs: INPUT_NAMES,
    positionalInput: 'paths',
    settings: (host) => readSettings(host.inputs, host.env, host.workspace),
    // Two lazy stages: git answers first (a missing checkout fails at once), then the scanners
    // and parsers load.
    evaluate: async (settings, host) => {
      const changes =
        settings.scan === 'changed'
          ? await (await import('./diff.js')).changedLines(settings, host.log)
          : undefined;
      return (await import('./evaluation.js')).evaluate(settings, host, dependencies, changes);
    },
    verdict: azCheckVerdict,
    reporters: {
      json: (run, { verdict }) => jsonReport(reportInput(run, verdict)),
      summary: (run, { verdict, overflow }) => summaryMarkdown(reportInput(run, verdict), overflow),
      annotations: (run) => [
        ...(run.noFiles
          ? [{ level: 'warning' as const, title: 'az-check: no files checked', message: run.noFiles }]
          : []),
        ...run.findings.map(toAnnotation),
      ],
      sarif: sarifFile,
      outputs: reportOutputs,
    },
  };
}

export function runAzCheck(host: Host, dependencies: AzCheckDependencies = {}): Promise<GateOutcome> {
  return runPipeline(azCheckPipeline(dependencies), host);
}

export const azCheckGate: GateDefinition = defineGate(azCheckPipeline());
