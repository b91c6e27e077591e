import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from './findings.js';
import { scanFileText } from './scan-file.js';

/**
 * `fix: true`: rewrites `availability_zone = "us-east-1a"` to `availability_zone_id = "use1-az6"`
 * where the resource accepts the ID attribute (placements.ts) and the name's ID is known, from
 * `zone-map` or from `resolve` when every account agrees. Only the attribute name and the value
 * change; indentation, the rest of the line (comments included) and every other line stay as they
 * are. A file whose rewrite does not re-parse cleanly is put back as it was.
 */
export type ZoneMap = ReadonlyMap<string, string>;

/** Parsed with the other inputs (settings.ts): the settings stage loads no scanner. */
export { parseZoneMap } from './settings.js';

export interface FixOutcome {
  fixed: Finding[];
  /** Fixable findings left alone, with why. */
  skipped: { finding: Finding; reason: string }[];
  files: string[];
}

/** Applies the fixes it can to files under `workspace` (finding paths are relative to it). */
export function applyFixes(workspace: string, findings: readonly Finding[], ids: ZoneMap): FixOutcome {
  const outcome: FixOutcome = { fixed: [], skipped: [], files: [] };
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.rewrite || !finding.zone || finding.suppressed) continue;
    if (!ids.has(finding.zone)) {
      outcome.skipped.push({ finding, reason: `no AZ ID known for ${finding.zone} (zone-map or resolve)` });
      continue;
    }
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  for (const [file, fixable] of byFile) fixFile(join(workspace, file), file, fixable, ids, outcome);
  return outcome;
}

function fixFile(path: string, file: string, fixable: Finding[], ids: ZoneMap, outcome: FixOutcome): void {
  const original = readFileSync(path, 'utf8');
  const lines = original.split('\n');
  const done: Finding[] = [];
  for (const finding of fixable) {
    const index = finding.line - 1;
    const rewritten = rewriteLine(lines[index] ?? '', finding, ids.get(finding.zone!)!);
    if (rewritten === undefined) {
      outcome.skipped.push({ finding, reason: 'the line is not a plain attribute = "name" assignment' });
      continue;
    }
    lines[index] = rewritten;
    done.push(finding);
  }
  if (done.length === 0) return;
  const text = lines.join('\n');
  const check = scanFileText(file, text, { scanComments: false });
  if (check.diagnostic) {
    for (const finding of done)
      outcome.skipped.push({ finding, reason: `the rewrite would not parse: ${check.diagnostic.message}` });
    return;
  }
  writeFileSync(path, text);
  outcome.fixed.push(...done);
  outcome.files.push(file);
}

/**
 * `  availability_zone    = "us-east-1a" # db` -> `  availability_zone_id = "use1-az6" # db`:
 * padding before `=` shrinks by the added length when it can, so aligned blocks stay aligned.
 * Also JSON (`"availability_zone": "us-east-1a"`). Undefined when the line has another shape.
 */
export function rewriteLine(line: string, finding: Finding, id: string): string | undefined {
  const { attribute, idAttribute } = finding.rewrite!;
  const pattern = new RegExp(
    `^(\\s*)("?)${escapeRegExp(attribute)}\\2([ \\t]*)([=:])([ \\t]*)"${escapeRegExp(finding.zone!)}"`,
  );
  const match = pattern.exec(line);
  if (!match) return undefined;
  const [whole, indent, quote, padding, operator, after] = match as unknown as string[];
  const grown = idAttribute.length - attribute.length;
  const newPadding = operator === '=' && padding!.length > grown ? padding!.slice(grown) : padding;
  return `${indent}${quote}${idAttribute}${quote}${newPadding}${operator}${after}"${id}"${line.slice(whole!.length)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
