import { short } from '../../../core/git.js';
import type { Annotation } from '../../../core/report/annotations.js';
import { code, codeBlock, heading, RESULT_ICONS, sections, table } from '../../../core/report/summary.js';
import type { Verdict } from './check.js';
import type { Violation } from './rules.js';
import { ACTION_NAME } from './settings.js';

/** Reporters: annotations, the job summary and the JSON report, all from one verdict. */
// A summary holds at most 1 MiB: a 10,000-commit range of merges must not overflow it.
export const SUMMARY_ROW_LIMIT = 200;
const SUBJECT_WIDTH_CHARS = 120;

// GitHub keeps at most 1 MB per step output and 50 MB per run: the `violations` output lists the
// first violations, with long subjects cut, within this budget; the JSON report keeps them all.
export const OUTPUT_VIOLATIONS_MAX = 100;
export const OUTPUT_BYTES_MAX = 64 * 1024;
const OUTPUT_TEXT_CHARS = 200;

/** One error per violation; the step's page shows them (no file: they concern history, not lines). */
export function violationAnnotations(verdict: Verdict): Annotation[] {
  return verdict.violations.map((v) => ({
    level: 'error',
    title: `${ACTION_NAME}: ${v.rule}`,
    message: `${short(v.sha)} ${cut(v.subject, OUTPUT_TEXT_CHARS)} (${cut(v.author, OUTPUT_TEXT_CHARS)}): ${v.message}`,
  }));
}

export interface CappedViolations {
  json: string;
  listed: number;
  omitted: number;
}

/** The `violations` output: at most OUTPUT_VIOLATIONS_MAX entries and OUTPUT_BYTES_MAX bytes. */
export function cappedViolations(violations: readonly Violation[]): CappedViolations {
  const entries: string[] = [];
  let bytes = 2;
  for (const v of violations.slice(0, OUTPUT_VIOLATIONS_MAX)) {
    const entry = JSON.stringify({
      ...v,
      subject: cut(v.subject, OUTPUT_TEXT_CHARS),
      author: cut(v.author, OUTPUT_TEXT_CHARS),
      message: cut(v.message, OUTPUT_TEXT_CHARS * 2),
    });
    const size = Buffer.byteLength(entry) + 1;
    if (bytes + size > OUTPUT_BYTES_MAX) break;
    entries.push(entry);
    bytes += size;
  }
  return {
    json: `[${entries.join(',')}]`,
    listed: entries.length,
    omitted: violations.length - entries.length,
  };
}

/** The log's lines: notes, the fix commands, and where the violations the output left out are. */
export function logLines(verdict: Verdict, reportPath: string): string[] {
  const omitted = cappedViolations(verdict.violations);
  return [
    ...verdict.notes,
    ...(verdict.fixCommands.length > 0 ? [`Fix:\n  ${verdict.fixCommands.join('\n  ')}`] : []),
    ...(omitted.omitted > 0
      ? [
          `The violations output lists ${omitted.listed} of ${verdict.violations.length}: all are in ${reportPath}`,
        ]
      : []),
  ];
}

function cut(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

export function renderSummary(verdict: Verdict): string {
  const title = `${RESULT_ICONS[verdict.result]} ${ACTION_NAME}: ${verdict.summaryLine}`;
  const source =
    verdict.source === 'none'
      ? undefined
      : `Checked ${verdict.checkedCommits} commit(s) with ${verdict.source === 'git' ? 'git' : 'the GitHub API'}` +
        (verdict.base?.sha && verdict.head?.sha
          ? `: ${code(short(verdict.base.sha))}..${code(short(verdict.head.sha))}`
          : '.');
  return sections(
    heading(title),
    source,
    violationTable(verdict),
    verdict.fixCommands.length > 0 && `**Fix**\n\n${codeBlock(verdict.fixCommands.join('\n'), 'sh')}`,
    verdict.notes.length > 0 && verdict.notes.map((note) => `- ${note}`).join('\n'),
  );
}

function violationTable(verdict: Verdict): string | undefined {
  if (verdict.violations.length === 0) return undefined;
  const rows = verdict.violations
    .slice(0, SUMMARY_ROW_LIMIT)
    .map((v) => [v.rule, code(short(v.sha)), truncate(v.subject), v.author, v.message]);
  const rest = verdict.violations.length - rows.length;
  const more = rest > 0 ? `\n\n…and ${rest} more in the JSON report.` : '';
  return table(['Rule', 'Commit', 'Subject', 'Author', 'Problem'], rows) + more;
}

function truncate(text: string): string {
  return text.length > SUBJECT_WIDTH_CHARS ? `${text.slice(0, SUBJECT_WIDTH_CHARS - 1)}…` : text;
}

export function jsonReport(verdict: Verdict): Record<string, unknown> {
  return { tool: ACTION_NAME, ...verdict };
}
