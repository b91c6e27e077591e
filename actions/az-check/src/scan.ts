import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangedLines } from './diff.js';
import { type Finding, finalizeFindings, type PolicyContext } from './findings.js';
import { RULES_BY_ID } from './rules.js';
import { type ScanOptions, scanFileText } from './scan-file.js';

/**
 * Reads and checks a set of files. In diff mode only findings on added lines are kept (a file's
 * parse diagnostic is kept whenever the file changed: the whole file went unchecked).
 */
export interface ScanRequest {
  root: string;
  files: readonly string[];
  /** Diff mode: the lines each file adds. Absent: every line counts. */
  changed?: ChangedLines;
  options: ScanOptions;
  policy: PolicyContext;
}

export interface ScanResult {
  /** Suppressed findings included (with `suppressed` set). */
  findings: Finding[];
  filesConsidered: number;
  /** Files that passed the cheap pre-filter and were parsed. */
  filesParsed: number;
}

/** Files larger than this are generated data, not infrastructure code: reported, not parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const READ_CONCURRENCY = 32;

export async function scanFiles(request: ScanRequest): Promise<ScanResult> {
  const results = await mapLimited(request.files, READ_CONCURRENCY, (file) => scanOne(request, file));
  const findings = results.flatMap((r) => r.findings);
  return {
    findings,
    filesConsidered: request.files.length,
    filesParsed: results.filter((r) => r.parsed).length,
  };
}

async function scanOne(
  request: ScanRequest,
  file: string,
): Promise<{ findings: Finding[]; parsed: boolean }> {
  const path = join(request.root, file);
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES) {
    return {
      parsed: false,
      findings: [
        diagnostic(file, `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: not checked`, 1, 1),
      ],
    };
  }
  const text = await readFile(path, 'utf8');
  const scan = scanFileText(file, text, request.options);
  const findings = finalizeFindings(file, text, scan.findings, request.policy);
  const changed = request.changed?.get(file);
  const kept = changed && changed !== 'all' ? findings.filter((f) => changed.has(f.line)) : findings;
  if (scan.diagnostic && request.policy.config.rules.AZ000 !== 'off') {
    const { message, line, column } = scan.diagnostic;
    kept.push(diagnostic(file, `Could not parse ${scan.format} file: ${message}`, line, column));
  }
  return { parsed: scan.parsed, findings: kept };
}

function diagnostic(file: string, message: string, line: number, column: number): Finding {
  const rule = RULES_BY_ID.get('AZ000')!;
  return {
    ruleId: 'AZ000',
    ruleName: rule.name,
    severity: 'note',
    file,
    line,
    column,
    endLine: line,
    endColumn: column,
    message,
    fix: rule.fix,
    snippet: '',
  };
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
