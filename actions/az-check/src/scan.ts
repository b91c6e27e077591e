import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { helmRole } from './classify.js';
import type { ChangedLines } from './diff.js';
import { type Finding, finalizeFindings, type PolicyContext } from './findings.js';
import { RULES_BY_ID, type Severity } from './rules.js';
import { type ScanOptions, scanFileText } from './scan-file.js';
import { mayContainZones } from './zones.js';

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
  /** Files that could not be parsed (syntax, nesting, size): line-scanned or not read at all. */
  filesUnparsed: number;
}

/** Files larger than this are generated data, not infrastructure code: reported, not parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Files are read synchronously into one reused buffer: on a warm page cache a read costs
 * microseconds, far less than a hop through libuv's thread pool, and most files are never decoded.
 * The candidate pre-filter runs on the raw bytes as latin1 (one byte, one character): its pattern
 * is pure ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte sequence, so it matches a
 * file's bytes exactly when it matches the decoded text. Only candidates are decoded and parsed.
 */
export async function scanFiles(request: ScanRequest): Promise<ScanResult> {
  const reader = new FileReader();
  const charts = new Map<string, boolean>();
  const findings: Finding[] = [];
  let filesParsed = 0;
  let filesUnparsed = 0;
  for (const file of request.files) {
    const result = scanOne(request, file, reader, charts);
    if (result.outcome === 'parsed') filesParsed += 1;
    if (result.outcome === 'unparsed') filesUnparsed += 1;
    for (const finding of result.findings) findings.push(finding);
  }
  return { findings, filesConsidered: request.files.length, filesParsed, filesUnparsed };
}

/** `skipped`: nothing AZ-like in the file, so it was never parsed (and needed not be). */
type FileOutcome = 'parsed' | 'unparsed' | 'skipped';

const NOT_PARSED: { findings: Finding[]; outcome: FileOutcome } = { findings: [], outcome: 'skipped' };

function scanOne(
  request: ScanRequest,
  file: string,
  reader: FileReader,
  charts: Map<string, boolean>,
): { findings: Finding[]; outcome: FileOutcome } {
  const bytes = reader.read(join(request.root, file), MAX_FILE_BYTES);
  if (bytes === undefined) {
    const message = `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: not checked`;
    return { outcome: 'unparsed', findings: diagnostics(request, file, message, 1, 1) };
  }
  if (!mayContainZones(bytes.toString('latin1'))) return NOT_PARSED;
  const text = bytes.toString('utf8');
  const helm = helmRole(request.root, file, charts);
  const scan = scanFileText(file, text, request.options, helm ? { helm } : {});
  // No raw findings, nothing to finalize: skip indexing the file and reading its suppressions.
  const findings =
    scan.findings.length > 0 ? finalizeFindings(file, text, scan.findings, request.policy) : [];
  const changed = request.changed?.get(file);
  const kept = changed && changed !== 'all' ? findings.filter((f) => changed.has(f.line)) : findings;
  if (scan.diagnostic) {
    const { message, line, column } = scan.diagnostic;
    const text = `Could not parse ${scan.format} file: ${message}; its AZ names were searched line by line`;
    kept.push(...diagnostics(request, file, text, line, column));
  }
  const outcome: FileOutcome = !scan.parsed ? 'skipped' : scan.diagnostic ? 'unparsed' : 'parsed';
  return { outcome, findings: kept };
}

/** Whole files into one reused scratch buffer; the returned view is valid until the next read. */
class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** The file's bytes, or undefined when it is larger than `limit`. */
  read(path: string, limit: number): Buffer | undefined {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > limit) return undefined;
      if (size > this.buffer.length) this.grow(size, 0);
      let length = 0;
      // Up to the size fstat reported (as readFile does); a size of 0 (a pipe, /proc) reads to EOF.
      while (size === 0 || length < size) {
        if (length === this.buffer.length) this.grow(length * 2, length);
        const read = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) break;
        length += read;
        if (length > limit) return undefined;
      }
      return this.buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  }

  private grow(atLeast: number, keep: number): void {
    let size = this.buffer.length;
    while (size < atLeast) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, keep);
    this.buffer = next;
  }
}

/** The AZ000 finding for a file that was not checked in full, at the configured severity (or none). */
function diagnostics(
  request: ScanRequest,
  file: string,
  message: string,
  line: number,
  column: number,
): Finding[] {
  const setting = request.policy.config.rules.AZ000;
  if (setting === 'off') return [];
  const rule = RULES_BY_ID.get('AZ000')!;
  return [
    {
      ruleId: 'AZ000',
      ruleName: rule.name,
      severity: setting ?? (rule.severity as Severity),
      file,
      line,
      column,
      endLine: line,
      endColumn: column,
      message,
      fix: rule.fix,
      snippet: '',
    },
  ];
}
