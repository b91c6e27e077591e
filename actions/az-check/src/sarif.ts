import { gzipSync } from 'node:zlib';
import {
  type SarifLevel,
  type SarifResult,
  type SarifRule,
  type SarifSuppression,
  sarifLog,
} from '../../../core/report/sarif.js';
import type { Finding, Suppression } from './findings.js';
import { RULES, SEVERITY_RANK, type Severity } from './rules.js';

/**
 * The SARIF file for GitHub code scanning (docs.github.com, "SARIF support for code scanning"):
 * - no `automationDetails` unless the user names a category: upload-sarif's `category` input does
 *   not overwrite one the file carries (docs.github.com, "Customizing your advanced setup for code
 *   scanning": "Your specified category will not overwrite the details of the runAutomationDetails
 *   object in the SARIF file, if included"), so a fixed id made two uploads in one repository collide;
 * - "Code scanning only uses the primaryLocationLineHash": one per result, see `fingerprints`;
 * - suppressed findings stay in the log with `suppressions` (SARIF 2.1.0 section 3.27.23);
 * - at most 25,000 results per run and 10 MB per gzipped upload, or the upload is rejected.
 */
export const INFORMATION_URI =
  'https://github.com/resilience-gates/resilience-gates/tree/main/actions/az-check';
export const MAX_SARIF_RESULTS = 25_000;
/** GitHub's "10 MB" per gzipped upload, read as decimal megabytes: the stricter reading. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1000 * 1000;
// When the file is too large, cut to this share of the proportional estimate, so one retry usually fits.
const SHRINK_MARGIN = 0.95;

const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', note: 'note' };
// A comment or cfn-lint metadata sits in the file itself; `.az-check.yml` is a separate file.
const SUPPRESSION_KIND: Record<Suppression['source'], SarifSuppression['kind']> = {
  inline: 'inSource',
  'cfn-lint': 'inSource',
  config: 'external',
};

export interface SarifOptions {
  /** A file's text (path from the repository root), for the fingerprints; undefined when unreadable. */
  readText: (file: string) => string | undefined;
  /** `automationDetails.id` is `<category>/`; absent: none, upload-sarif's category applies. */
  category?: string;
  maxResults?: number;
  maxGzipBytes?: number;
}

export interface SarifOutput {
  log: Record<string, unknown>;
  /** Results left out to stay within GitHub's limits. */
  omitted: number;
  gzipBytes: number;
}

/** The log for every finding, suppressed ones included, within GitHub's limits. */
export function sarifReport(findings: readonly Finding[], options: SarifOptions): SarifOutput {
  const maxResults = options.maxResults ?? MAX_SARIF_RESULTS;
  const maxGzip = options.maxGzipBytes ?? MAX_SARIF_GZIP_BYTES;
  const results = byImportance(withFingerprints(findings, options.readText));
  let kept = Math.min(results.length, maxResults);
  for (;;) {
    const omitted = results.length - kept;
    const log = buildLog(results.slice(0, kept), omitted, options.category);
    const gzipBytes = gzipSync(JSON.stringify(log)).length;
    if (gzipBytes <= maxGzip || kept === 0) return { log, omitted, gzipBytes };
    kept = Math.min(kept - 1, Math.floor(kept * (maxGzip / gzipBytes) * SHRINK_MARGIN));
    kept = Math.max(kept, 0);
  }
}

function buildLog(
  results: SarifResult[],
  omitted: number,
  category: string | undefined,
): Record<string, unknown> {
  const notice =
    omitted > 0
      ? [
          `${omitted} result(s) left out to stay within GitHub's limits (${MAX_SARIF_RESULTS} results per run, 10 MB gzipped): the least severe and suppressed ones; the JSON report has them all.`,
        ]
      : [];
  return sarifLog({
    toolName: 'az-check',
    informationUri: INFORMATION_URI,
    rules: sarifRules(),
    results,
    ...(category ? { category } : {}),
    notifications: notice,
  });
}

function sarifRules(): SarifRule[] {
  return RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    shortDescription: rule.title,
    fullDescription: rule.description,
    help: `${rule.description}\n\nFix: ${rule.fix}`,
    // The README has a heading per rule, `### AZ001 az-name-in-placement` (sarif.test.ts checks each).
    helpUri: `${INFORMATION_URI}#${rule.id.toLowerCase()}-${rule.name}`,
    level: rule.severity === 'by-region' ? 'error' : SARIF_LEVEL[rule.severity],
    tags: ['availability-zones', 'reliability'],
  }));
}

/** Unsuppressed before suppressed, then by severity; the sort is stable, so file order stays within. */
function byImportance(results: (SarifResult & { severity: Severity })[]): SarifResult[] {
  const rank = (r: (typeof results)[number]) => (r.suppressions ? 0 : 10) + SEVERITY_RANK[r.severity];
  return [...results].sort((a, b) => rank(b) - rank(a)).map(({ severity: _, ...result }) => result);
}

function withFingerprints(
  findings: readonly Finding[],
  readText: SarifOptions['readText'],
): (SarifResult & { severity: Severity })[] {
  const prints = fingerprints(findings, readText);
  return findings.map((f, i) => ({
    severity: f.severity,
    ruleId: f.ruleId,
    level: SARIF_LEVEL[f.severity],
    message: `${f.message}. Fix: ${f.fix}`,
    file: f.file,
    startLine: f.line,
    startColumn: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: prints[i]!,
    ...(f.suppressed
      ? {
          suppressions: [{ kind: SUPPRESSION_KIND[f.suppressed.source], justification: f.suppressed.reason }],
        }
      : {}),
  }));
}

/**
 * `primaryLocationLineHash` per finding: the line-content hash upload-sarif computes for the line
 * (`githubLineHashes`), with the occurrence counter `:N` taken over this file's findings on lines
 * with that hash, in line and column order. With one finding per line this is upload-sarif's own
 * value; several zones on one line (or on identical lines) count up and stay separate alerts. It
 * depends on content, not line numbers, so it survives edits above the finding.
 */
export function fingerprints(findings: readonly Finding[], readText: SarifOptions['readText']): string[] {
  const lineHashes = new Map<string, string[] | undefined>();
  const order = findings
    .map((f, index) => ({ f, index }))
    .sort((a, b) => a.f.file.localeCompare(b.f.file) || a.f.line - b.f.line || a.f.column - b.f.column);
  const counters = new Map<string, number>();
  const out: string[] = [];
  for (const { f, index } of order) {
    if (!lineHashes.has(f.file)) {
      const text = readText(f.file);
      lineHashes.set(f.file, text === undefined ? undefined : githubLineHashes(text));
    }
    const hash = baseHash(lineHashes.get(f.file)?.[f.line - 1] ?? githubLineHashes(f.snippet)[0]!);
    const key = `${f.file}\u0000${hash}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    out[index] = `${hash}:${n}`;
  }
  return out;
}

function baseHash(value: string): string {
  return value.slice(0, value.indexOf(':'));
}

// github/codeql-action src/fingerprints.ts: a rolling hash over a window of 100 characters.
const BLOCK_SIZE = 100;
const MOD = 37n;
const MASK_64 = (1n << 64n) - 1n;
const FIRST_MOD = (MOD ** BigInt(BLOCK_SIZE)) & MASK_64;
const TAB = 9;
const SPACE = 32;
const LF = 10;
const CR = 13;
const EOF = 65535;

/**
 * upload-sarif's `primaryLocationLineHash` for every line of a text (index 0 = line 1), ported from
 * github/codeql-action `src/fingerprints.ts` `hash()`: each line's value hashes the 100 characters
 * from its start, blanks and tabs skipped and line endings normalised to `\n`, as a 64-bit rolling
 * hash (Long arithmetic = arithmetic mod 2^64), plus `:N` counting identical hashes in the file.
 */
export function githubLineHashes(text: string): string[] {
  const window: number[] = Array(BLOCK_SIZE).fill(0);
  const lineNumbers: number[] = Array(BLOCK_SIZE).fill(-1);
  const counts = new Map<string, number>();
  const hashes: string[] = [];
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;

  const output = () => {
    const value = hash.toString(16);
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    hashes[lineNumbers[index]! - 1] = `${value}:${n}`;
    lineNumbers[index] = -1;
  };
  const update = (current: number) => {
    const begin = window[index]!;
    window[index] = current;
    hash = (MOD * hash + BigInt(current) - FIRST_MOD * BigInt(begin)) & MASK_64;
    index = (index + 1) % BLOCK_SIZE;
  };
  const processCharacter = (code: number) => {
    let current = code;
    if (current === SPACE || current === TAB || (prevCR && current === LF)) {
      prevCR = false;
      return;
    }
    prevCR = current === CR;
    if (current === CR) current = LF;
    if (lineNumbers[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineNumber += 1;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    update(current);
  };

  for (let i = 0; i < text.length; i += 1) processCharacter(text.charCodeAt(i));
  processCharacter(EOF);
  for (let i = 0; i < BLOCK_SIZE; i += 1) {
    if (lineNumbers[index] !== -1) output();
    update(0);
  }
  return hashes;
}
