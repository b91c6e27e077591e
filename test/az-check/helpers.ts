import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helmRole } from '../../actions/az-check/src/classify.js';
import { EMPTY_CONFIG } from '../../actions/az-check/src/config.js';
import { type Finding, finalizeFindings, type PolicyContext } from '../../actions/az-check/src/findings.js';
import { type FileContext, type ScanOptions, scanFileText } from '../../actions/az-check/src/scan-file.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export const DEFAULT_POLICY: PolicyContext = { config: EMPTY_CONFIG, uniformRegionSeverity: 'warning' };
/** AZ008 (AZ names in files that are not IaC) turned on, for tests of the byte-level reader. */
export const GENERIC_ON_POLICY: PolicyContext = {
  config: { ...EMPTY_CONFIG, rules: { AZ008: 'warning' } },
  uniformRegionSeverity: 'warning',
};

/** Scans one fixture with the default policy; returns finalized findings (suppressed included). */
export function scanFixture(
  path: string,
  options: Partial<ScanOptions> = {},
  policy: PolicyContext = DEFAULT_POLICY,
): Finding[] {
  const text = readFileSync(join(FIXTURES, path), 'utf8');
  const helm = helmRole(FIXTURES, path, new Map());
  return scanText(path, text, options, policy, helm ? { helm } : {});
}

export function scanText(
  path: string,
  text: string,
  options: Partial<ScanOptions> = {},
  policy: PolicyContext = DEFAULT_POLICY,
  context: FileContext = {},
): Finding[] {
  const scan = scanFileText(path, text, { scanComments: false, ...options }, context);
  if (scan.diagnostic)
    throw new Error(
      `${path}: ${scan.diagnostic.message} at ${scan.diagnostic.line}:${scan.diagnostic.column}`,
    );
  return finalizeFindings(path, text, scan.findings, policy);
}

/** `RULE line:col zone severity` lines: compact, readable expectations. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.ruleId} ${f.line}:${f.column} ${f.zone ?? '-'} ${f.severity}${f.suppressed ? ` suppressed(${f.suppressed.source})` : ''}`,
  );
}
