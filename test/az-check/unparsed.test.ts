import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import { scanFileText } from '../../actions/az-check/src/scan-file.js';
import { recordingHost } from './host.js';

/**
 * A file that does not parse is not a pass: its AZ names are still found by a line scan (marked
 * as such), the parse error is a warning, and the summary counts the file as unparsed.
 */
const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'az-unparsed-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const BROKEN_TF = 'resource "aws_instance" "a" {\n  # was us-west-2a\n  availability_zone = "us-east-1c"\n';

describe('a file that fails to parse', () => {
  it('is line-scanned for AZ names, each finding marked as a line-scan fallback', () => {
    const scan = scanFileText('broken.tf', BROKEN_TF, { scanComments: false });
    expect(scan.diagnostic?.message).toContain("Missing '}'");
    expect(scan.findings.map((f) => `${f.ruleId} ${f.loc.line}:${f.loc.column} ${f.zone?.text}`)).toEqual([
      'AZ007 3:24 us-east-1c',
    ]);
    expect(scan.findings[0]).toMatchObject({ lineScan: true });
    expect(scan.findings[0]?.message).toContain('line scan');
  });

  it('fails the gate, reports the parse error as a warning and counts the file as unparsed', async () => {
    const host = recordingHost({ scan: 'all' }, workspace({ 'broken.tf': BROKEN_TF }));
    const outcome = await runAzCheck(host);
    expect(outcome.result).toBe('fail');
    expect(host.annotations.map((a) => `${a.level} ${a.title}`).sort()).toEqual([
      'error AZ007 az-name-hardcoded',
      'warning AZ000 unparseable-file',
    ]);
    const summary = host.summary.join('\n');
    expect(summary).toContain('1 file(s) considered, 0 parsed, 1 could not be parsed (line-scanned)');
    expect(host.outputs['files-unparsed']).toBe('1');
  });

  it('is a warning even without AZ names, so fail-on warning fails', async () => {
    // The only name is in a comment: nothing for the line scan, the parse error alone is a warning.
    const root = workspace({ 'broken.yaml': 'a: {b: c # us-east-1a\n' });
    expect((await runAzCheck(recordingHost({ scan: 'all', 'fail-on': 'warning' }, root))).result).toBe(
      'fail',
    );
  });
});
