import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Finding } from '../../actions/az-check/src/findings.js';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import { recordingHost } from './host.js';

/**
 * The fixture corpus (test/fixtures/az-check) scanned whole through the gate, as `--scan all` does,
 * against its hand-labelled answer key: every expected finding found (recall 100%), nothing on a
 * must-not-flag line, nothing unexpected.
 */
const CORPUS = join(import.meta.dirname, '../fixtures/az-check');

interface AnswerKey {
  findings: string[];
  mustNotFlag: { file: string; text: string }[];
  cleanFiles: string[];
}

const key = parse(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')) as AnswerKey;
let out: string;
let findings: Finding[];
let outputs: Record<string, string>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'az-corpus-'));
  const host = recordingHost(
    { scan: 'all', 'report-path': join(out, 'report.json'), 'ignore-paths': 'expected.yaml' },
    CORPUS,
    { RUNNER_TEMP: out },
  );
  await runAzCheck(host);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
    findings: Finding[];
    suppressed: Finding[];
  };
  findings = [...report.findings, ...report.suppressed];
  outputs = host.outputs;
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

const label = (f: Finding) => `${f.file}:${f.line} ${f.ruleId} ${f.zone ?? '-'}`;

describe('fixture corpus', () => {
  it('parses every file', () => {
    expect(outputs['files-unparsed']).toBe('0');
    expect(Number(outputs['files-scanned'])).toBeGreaterThanOrEqual(7);
  });

  it('finds every labelled finding (recall 100%)', () => {
    const found = new Set(findings.map(label));
    const missed = key.findings.filter((expected) => !found.has(expected));
    expect(missed).toEqual([]);
  });

  it('flags nothing on a must-not-flag line and nothing in clean files', () => {
    const hits = findings.filter((f) => {
      const line = readFileSync(join(CORPUS, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
      return (
        key.cleanFiles.includes(f.file) ||
        key.mustNotFlag.some((entry) => entry.file === f.file && line.includes(entry.text))
      );
    });
    expect(hits.map(label)).toEqual([]);
    // Each must-not-flag text is really in its file: a typo would make the check vacuous.
    for (const entry of key.mustNotFlag) {
      expect(readFileSync(join(CORPUS, entry.file), 'utf8'), entry.text).toContain(entry.text);
    }
  });

  it('reports nothing beyond the answer key (precision 100% on the corpus)', () => {
    expect(findings.map(label).sort()).toEqual([...key.findings].sort());
  });
});
