import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import {
  defineGate,
  type GatePipeline,
  type ReportContext,
  runPipeline,
  type Verdict,
} from '../../../core/pipeline.js';
import type { AzCheckDependencies, AzCheckRun } from './evaluation.js';
import type { FixOutcome } from './fix.js';
import { countBySeverity, jsonReport, type ReportInput, summaryMarkdown, toAnnotation } from './report.js';
import { SEVERITY_RANK, type Severity } from './rules.js';
import { sarifReport } from './sarif.js';
import { type AzCheckSettings, INPUT_NAMES, readSettings } from './settings.js';

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
    verdict: (run, settings) =>
      run.fixes ? withFixes(judge(run, settings), run.fixes) : judge(run, settings),
    reporters: {
      json: (run, { verdict }) => jsonReport(reportInput(run, verdict)),
      summary: (run, { verdict, overflow }) => summaryMarkdown(reportInput(run, verdict), overflow),
      annotations: (run) => [
        ...(run.noFiles
          ? [{ level: 'warning' as const, title: 'az-check: no files checked', message: run.noFiles }]
          : []),
        ...run.findings.map(toAnnotation),
      ],
      sarif: (run, context) => sarif(run, context),
      outputs: (run) => outputs(run),
    },
  };
}

export function runAzCheck(host: Host, dependencies: AzCheckDependencies = {}): Promise<GateOutcome> {
  return runPipeline(azCheckPipeline(dependencies), host);
}

function reportInput(run: AzCheckRun, verdict: Verdict): ReportInput {
  const { noFiles: _noFiles, fixes: _fixes, ...report } = run;
  return { ...report, result: verdict.result, summaryLine: verdict.reason };
}

/**
 * Nothing matched is an explicit, annotated neutral, never a quiet pass. A file that did not
 * parse was only line-scanned: the verdict says so, pass or fail.
 */
function judge(run: AzCheckRun, settings: AzCheckSettings): Verdict {
  if (run.noFiles) return { result: 'pass', reason: `No files checked: ${run.noFiles}` };
  const { failOn } = settings;
  const unparsed =
    run.scan.filesUnparsed > 0
      ? `; ${run.scan.filesUnparsed} file(s) could not be parsed (line-scanned)`
      : '';
  const reportable = run.findings.filter((f) => f.ruleId !== 'AZ000');
  const failing =
    failOn === 'never'
      ? []
      : run.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn as Severity]);
  if (failing.length > 0)
    return {
      result: 'fail',
      reason: `${failing.length} finding(s) at or above ${failOn}: use AZ IDs instead of AZ names${unparsed}`,
    };
  if (reportable.length > 0)
    return {
      result: 'pass',
      reason: `${reportable.length} finding(s) below the fail-on level (${failOn})${unparsed}`,
    };
  return { result: 'pass', reason: `No hard-coded Availability Zone names found${unparsed}` };
}

/** The verdict judges the files as they were found: a fix written to the workspace is not committed. */
function withFixes(verdict: Verdict, fixes: FixOutcome): Verdict {
  if (fixes.fixed.length === 0) return verdict;
  return {
    ...verdict,
    reason: `${verdict.reason}; ${fixes.fixed.length} fixed in place in ${fixes.files.length} file(s) (commit them to pass)`,
  };
}

function outputs(run: AzCheckRun): Record<string, number> {
  const counts = countBySeverity(run.findings);
  return {
    'findings-count': run.findings.filter((f) => f.ruleId !== 'AZ000').length,
    'errors-count': counts.error,
    'warnings-count': counts.warning,
    'suppressed-count': run.suppressed.length,
    'files-scanned': run.scan.filesConsidered,
    'files-unparsed': run.scan.filesUnparsed,
    ...(run.fixes ? { 'fixed-count': run.fixes.fixed.length } : {}),
  };
}

/** Every finding, suppressed ones included (marked), within GitHub's limits; says what was left out. */
function sarif(run: AzCheckRun, { settings, host }: ReportContext<AzCheckSettings>): unknown {
  const sarif = sarifReport([...run.findings, ...run.suppressed], {
    readText: (file) => readTextOrUndefined(join(host.workspace, file)),
    ...(settings.sarifCategory ? { category: settings.sarifCategory } : {}),
  });
  if (sarif.omitted > 0) {
    host.log.warning(
      `${sarif.omitted} result(s) left out of the SARIF file to stay within GitHub's limits (25,000 results, 10 MB gzipped): the least severe first; the JSON report has every finding`,
    );
  }
  return sarif.log;
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const azCheckGate: GateDefinition = defineGate(azCheckPipeline());
