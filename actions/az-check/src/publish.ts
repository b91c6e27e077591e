// What the pipeline's reporters take from one az-check run: the report input, the outputs, SARIF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportContext, Verdict } from '../../../core/pipeline.js';
import type { AzCheckRun } from './evaluation.js';
import { countBySeverity, type ReportInput } from './report.js';
import { sarifReport } from './sarif.js';
import type { AzCheckSettings } from './settings.js';

export function reportInput(run: AzCheckRun, verdict: Verdict): ReportInput {
  const { noFiles: _noFiles, fixes: _fixes, ...report } = run;
  return { ...report, result: verdict.result, summaryLine: verdict.reason };
}

export function reportOutputs(run: AzCheckRun): Record<string, number> {
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
export function sarifFile(run: AzCheckRun, { settings, host }: ReportContext<AzCheckSettings>): unknown {
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
