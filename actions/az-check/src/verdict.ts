import type { Verdict } from '../../../core/pipeline.js';
import type { AzCheckRun } from './evaluation.js';
import type { FixOutcome } from './fix.js';
import { SEVERITY_RANK, type Severity } from './rules.js';
import type { AzCheckSettings } from './settings.js';

/** az-check's verdict: the findings against `fail-on`, and what was fixed in place. */
export function azCheckVerdict(run: AzCheckRun, settings: AzCheckSettings): Verdict {
  return run.fixes ? withFixes(judge(run, settings), run.fixes) : judge(run, settings);
}

/**
 * Nothing matched is an explicit, annotated neutral, never a quiet pass. A file that did not
 * parse was only line-scanned: the verdict says so, pass or fail.
 */
function judge(run: AzCheckRun, settings: AzCheckSettings): Verdict {
  if (run.noFiles) return { result: 'neutral', reason: `No files checked: ${run.noFiles}` };
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
