import type { GateOutcome } from '../../../core/host.js';
import type { Annotation } from '../../../core/report/annotations.js';
import { formatLocation } from '../../../core/report/annotations.js';
import { code, details, heading, RESULT_ICONS, sections, table } from '../../../core/report/summary.js';
import { VERSION } from '../../../core/version.js';
import type { Finding } from './findings.js';
import type { Resolution } from './resolve.js';
import type { Severity } from './rules.js';

/** Annotations, job summary, SARIF and the JSON report, all from the same findings. */
/** Summary rows beyond this go to the JSON report and SARIF only (the summary is capped at 1 MiB). */
export const MAX_SUMMARY_ROWS = 200;

const ANNOTATION_LEVEL: Record<Severity, Annotation['level']> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};
const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };

export interface ReportInput {
  result: GateOutcome['result'];
  summaryLine: string;
  /** Unsuppressed findings. */
  findings: readonly Finding[];
  suppressed: readonly Finding[];
  scan: {
    mode: string;
    compared?: string;
    filesConsidered: number;
    filesParsed: number;
    filesUnparsed: number;
  };
  resolution?: Resolution;
  failOn: string;
}

export function toAnnotation(finding: Finding): Annotation {
  return {
    level: ANNOTATION_LEVEL[finding.severity],
    title: `${finding.ruleId} ${finding.ruleName}`,
    message: `${finding.message}\nFix: ${finding.fix}`,
    file: finding.file,
    startLine: finding.line,
    endLine: finding.endLine,
    // GitHub ignores columns on multi-line annotations.
    ...(finding.line === finding.endLine
      ? { startColumn: finding.column, endColumn: finding.endColumn }
      : {}),
  };
}

export function summaryMarkdown(input: ReportInput, overflow: readonly Annotation[]): string {
  const counts = countBySeverity(input.findings);
  const shown = input.findings.slice(0, MAX_SUMMARY_ROWS);
  const rows = shown.map((f) => [
    `${SEVERITY_ICON[f.severity]} ${f.severity}`,
    f.ruleId,
    code(formatLocation({ file: f.file, startLine: f.line, startColumn: f.column })),
    f.message,
    f.fix,
  ]);
  return sections(
    heading(`${RESULT_ICONS[input.result]} az-check: ${input.summaryLine}`),
    `Scan: ${input.scan.mode}${input.scan.compared ? ` (${input.scan.compared})` : ''}; ${filesLine(input.scan)}; fails on ${input.failOn}.` +
      ` Errors: ${counts.error}, warnings: ${counts.warning}, notes: ${counts.note}, suppressed: ${input.suppressed.length}.`,
    rows.length > 0 && table(['Severity', 'Rule', 'Location', 'Finding', 'Fix'], rows),
    input.findings.length > MAX_SUMMARY_ROWS &&
      `${input.findings.length - MAX_SUMMARY_ROWS} more finding(s) are in the JSON report and the SARIF file.`,
    overflow.length > 0 &&
      `GitHub keeps 10 annotations per level per step (one error slot is the step's failure line): ${overflow.length} finding(s) above are in this table only.`,
    input.resolution && resolutionSection(input.resolution),
    input.suppressed.length > 0 &&
      details(
        `${input.suppressed.length} suppressed finding(s)`,
        table(
          ['Rule', 'Location', 'Zone', 'Suppressed by', 'Reason'],
          input.suppressed.map((f) => [
            f.ruleId,
            code(formatLocation({ file: f.file, startLine: f.line, startColumn: f.column })),
            f.zone ?? '',
            f.suppressed!.source,
            f.suppressed!.reason,
          ]),
        ),
      ),
  );
}

function filesLine(scan: ReportInput['scan']): string {
  const unparsed = scan.filesUnparsed > 0 ? `, ${scan.filesUnparsed} could not be parsed (line-scanned)` : '';
  return `${scan.filesConsidered} file(s) considered, ${scan.filesParsed} parsed${unparsed}`;
}

function resolutionSection(resolution: Resolution): string {
  const rows = resolution.accounts.flatMap((account) =>
    [...account.zones].map(([name, id]) => [account.account, account.via, name, id]),
  );
  return sections(
    heading('AZ names resolved per account', 3),
    rows.length > 0 ? table(['Account', 'Via', 'AZ name', 'AZ ID'], rows) : 'No zones were resolved.',
    resolution.errors.length > 0 && resolution.errors.map((e) => `- ${e}`).join('\n'),
  ).trimEnd();
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function jsonReport(input: ReportInput): Record<string, unknown> {
  return {
    tool: 'az-check',
    version: VERSION,
    result: input.result,
    summary: input.summaryLine,
    failOn: input.failOn,
    scan: input.scan,
    counts: { ...countBySeverity(input.findings), suppressed: input.suppressed.length },
    findings: input.findings,
    suppressed: input.suppressed,
    ...(input.resolution
      ? {
          resolution: {
            accounts: input.resolution.accounts.map((a) => ({
              account: a.account,
              via: a.via,
              zones: Object.fromEntries(a.zones),
            })),
            errors: input.resolution.errors,
          },
        }
      : {}),
  };
}
