import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, finalizeFindings } from '../../actions/az-check/src/findings.js';
import { MAX_FILE_BYTES, type ScanRequest, scanFiles } from '../../actions/az-check/src/scan.js';
import { scanFileText } from '../../actions/az-check/src/scan-file.js';
import { mayContainZones } from '../../actions/az-check/src/zones.js';
import { tempDirsRemovedAfterAll } from '../harness/temp-dirs.js';
import { GENERIC_ON_POLICY } from './helpers.js';

// Every temporary folder a test makes is removed when the file's tests are done.
const tempDir = tempDirsRemovedAfterAll();

/**
 * scanFiles reads raw bytes and runs the candidate pre-filter on them before decoding. These
 * files are where bytes and text could part ways; every one must scan exactly as its decoded text
 * does through scanFileText + finalizeFindings (the reference path).
 */
const SRC = join(import.meta.dirname, '../../actions/az-check/src');

function workspace(files: Record<string, string | Buffer>): string {
  const dir = tempDir('az-scan-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function request(root: string, files: string[], scanComments = false): ScanRequest {
  return { root, files, options: { scanComments }, policy: GENERIC_ON_POLICY };
}

/** The reference: readFile as utf8, scan the text, finalize, append the parse diagnostic. */
function reference(root: string, files: string[], scanComments = false): Finding[] {
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const scan = scanFileText(file, text, { scanComments });
    const findings = finalizeFindings(file, text, scan.findings, GENERIC_ON_POLICY);
    if (scan.diagnostic) findings.push(expect.objectContaining({ ruleId: 'AZ000', file }) as Finding);
    return findings;
  });
}

const LONG_LINE = `${'x'.repeat(200_000)} us-east-1a`;

const EDGE_FILES: Record<string, string | Buffer> = {
  'bom.yaml': `\uFEFFAvailabilityZone: us-east-1a\nother: eu-west-1b\n`,
  'bom-clean.yaml': '\uFEFFname: payments\n',
  'crlf.tf': 'resource "aws_subnet" "a" {\r\n  availability_zone = "us-east-1a"\r\n}\r\n',
  'crlf-suppressed.yaml':
    '# az-check:ignore AZ007 legacy\r\nAvailabilityZone: us-west-2b\r\nzone: us-west-2c # trailing\r\n',
  // Latin-1 bytes and invalid UTF-8 right next to the names: \b must see a non-word character.
  'latin1.yaml': Buffer.concat([
    Buffer.from('caf'),
    Buffer.from([0xe9]),
    Buffer.from(': x\nzone: us-east-1a'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('\nAvailabilityZone: "us-east-1b"\n'),
  ]),
  'invalid-utf8-name.yaml': Buffer.concat([
    Buffer.from('AvailabilityZone: us-east-1'),
    Buffer.from([0xc3]),
    Buffer.from('a\nsubnet: ap-southeast-2'),
    Buffer.from([0xe2, 0x82]),
    Buffer.from('\n'),
  ]),
  'utf8-name.yaml': 'AvailabilityZone: us-east-1é\nother: ünïcødé us-east-1c\n',
  'long-line.yaml': `value: "${LONG_LINE}"\n`,
  'short-after-long.yaml': 'name: clean\n',
  'comments-only.yaml': '# we used to pin us-east-1a here\nname: payments # eu-west-1c\n',
  'comments-only.tf': '# subnet in us-east-1a\nresource "aws_s3_bucket" "b" {} // us-west-2b\n',
  'empty.json': '',
  'broken.json': '{"AvailabilityZone": "us-east-1a",',
  'clean.json': '{"Region": "us-east-1", "Name": "payments"}',
};

describe('scanFiles on raw bytes', () => {
  const files = Object.keys(EDGE_FILES).sort();

  it.each([false, true])('finds exactly what the decoded text gives (scanComments %s)', async (comments) => {
    const root = workspace(EDGE_FILES);
    const result = await scanFiles(request(root, files, comments));
    expect(result.findings).toEqual(reference(root, files, comments));
    expect(result.filesConsidered).toBe(files.length);
    const scans = files.map((f) =>
      scanFileText(f, readFileSync(join(root, f), 'utf8'), { scanComments: comments }),
    );
    expect(result.filesParsed).toBe(scans.filter((s) => s.parsed && !s.diagnostic).length);
    expect(result.filesUnparsed).toBe(scans.filter((s) => s.diagnostic).length);
  });

  it('finds the name at the end of a line longer than the read buffer, and nothing stale after it', async () => {
    const root = workspace(EDGE_FILES);
    const result = await scanFiles(request(root, ['long-line.yaml', 'short-after-long.yaml', 'clean.json']));
    expect(result.findings.map((f) => `${f.file} ${f.line}:${f.column} ${f.zone}`)).toEqual([
      `long-line.yaml 1:${'value: "'.length + LONG_LINE.length - 'us-east-1a'.length + 1} us-east-1a`,
    ]);
    expect(result.filesParsed).toBe(1);
  });

  it('reads names after a BOM and on CRLF lines at the same positions as the text', async () => {
    const root = workspace(EDGE_FILES);
    const result = await scanFiles(request(root, ['bom.yaml', 'crlf.tf', 'crlf-suppressed.yaml']));
    const brief = result.findings.map(
      (f) => `${f.file} ${f.ruleId} ${f.line}:${f.column} ${f.zone} ${f.suppressed?.source ?? '-'}`,
    );
    // The BOM is a character of line 1, as it always was when files were read as text.
    expect(brief).toEqual([
      'bom.yaml AZ008 1:20 us-east-1a -',
      'bom.yaml AZ008 2:8 eu-west-1b -',
      'crlf.tf AZ001 2:24 us-east-1a -',
      'crlf-suppressed.yaml AZ008 2:19 us-west-2b -',
      'crlf-suppressed.yaml AZ008 3:7 us-west-2c -',
    ]);
    for (const finding of result.findings) expect(finding.snippet).not.toMatch(/[\r\uFEFF]/);
  });

  it('line-scans a broken file beside its parse diagnostic, and parses nothing without a candidate', async () => {
    const root = workspace(EDGE_FILES);
    const result = await scanFiles(
      request(root, ['broken.json', 'clean.json', 'empty.json', 'bom-clean.yaml']),
    );
    expect(result.findings.map((f) => `${f.file} ${f.ruleId} ${f.lineScan ?? false}`)).toEqual([
      'broken.json AZ008 true',
      'broken.json AZ000 false',
    ]);
    expect(result.filesParsed).toBe(0);
    expect(result.filesUnparsed).toBe(1);
  });

  it('reports a file over the size limit without reading it', async () => {
    const root = workspace({
      'big.json': Buffer.alloc(MAX_FILE_BYTES + 1, 0x20),
      'small.yaml': 'zone: us-east-1a\n',
    });
    const result = await scanFiles(request(root, ['big.json', 'small.yaml']));
    expect(result.findings.map((f) => `${f.file} ${f.ruleId} ${f.message}`)).toEqual([
      'big.json AZ000 File is larger than 10 MiB: not checked',
      expect.stringMatching(/^small\.yaml AZ00\d /),
    ]);
    expect(result.filesParsed).toBe(1);
  });

  it('keeps only findings on added lines in diff mode', async () => {
    const root = workspace({
      'a.yaml': 'AvailabilityZone: us-east-1a\nzone: us-east-1b\n',
      'b.yaml': 'zone: us-east-1c\n',
    });
    const changed = new Map<string, Set<number> | 'all'>([
      ['a.yaml', new Set([2])],
      ['b.yaml', 'all'],
    ]);
    const result = await scanFiles({ ...request(root, ['a.yaml', 'b.yaml']), changed });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.zone}`)).toEqual([
      'a.yaml:2 us-east-1b',
      'b.yaml:1 us-east-1c',
    ]);
  });
});

describe('the candidate pre-filter on bytes', () => {
  // Every shape the pattern knows, each next to bytes that are not UTF-8, Latin-1 letters, and
  // multi-byte characters: the latin1 view of the bytes and the decoded text must always agree.
  const shapes = [
    'us-east-1a',
    'use1-az1',
    'x-wlz-1',
    'GetAZs',
    'aws_availability_zones',
    `\${region}a`,
    'us-east-1',
  ];
  const neighbours = [
    [0xff],
    [0xc3],
    [0xc3, 0xa9],
    [0xe2, 0x82, 0xac],
    [0xf0, 0x9f, 0x98, 0x80],
    [0x41],
    [0x20],
    [0x0d, 0x0a],
    [0xef, 0xbb, 0xbf],
  ];

  it('matches the latin1 view of the bytes exactly when it matches the decoded text', () => {
    let cases = 0;
    for (const shape of shapes)
      for (const before of neighbours)
        for (const after of neighbours)
          for (const cut of [0, 1, shape.length - 1]) {
            // Whole shapes and shapes with a stray byte inside them.
            const body = Buffer.from(shape);
            const bytes = Buffer.concat([
              Buffer.from(before),
              body.subarray(0, cut),
              cut === 0 ? Buffer.alloc(0) : Buffer.from(after),
              body.subarray(cut),
              Buffer.from(after),
            ]);
            expect(mayContainZones(bytes.toString('latin1')), bytes.toString('hex')).toBe(
              mayContainZones(bytes.toString('utf8')),
            );
            cases += 1;
          }
    expect(cases).toBeGreaterThan(500);
  });
});

describe('start-up', () => {
  it('loads the AWS SDK only through dynamic imports, for resolve', () => {
    const staticImports = /^import(?!\s+type)[^;]*?from\s+'([^']+)'/gms;
    const importers: string[] = [];
    for (const name of readdirSync(SRC).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(join(SRC, name), 'utf8');
      for (const match of source.matchAll(staticImports)) {
        const target = match[1]!;
        if (target.startsWith('@aws-sdk/') || target === './resolve.js' || target === './aws-clients.js')
          importers.push(`${name} -> ${target}`);
      }
    }
    // Only the two lazily loaded modules touch the SDK; nothing loads them statically.
    expect(importers.sort()).toEqual([
      'aws-clients.ts -> @aws-sdk/client-ec2',
      'aws-clients.ts -> @aws-sdk/client-sts',
      'resolve.ts -> @aws-sdk/client-ec2',
      'resolve.ts -> @aws-sdk/client-sts',
    ]);
  });
});
