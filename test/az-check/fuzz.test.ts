import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalizeFindings } from '../../actions/az-check/src/findings.js';
import { scanFileText } from '../../actions/az-check/src/scan-file.js';
import { parseYamlDocuments } from '../../actions/az-check/src/yaml-tree.js';
import { assertFuzz, FUZZ_RUNS, shareOf } from '../harness/fuzz-runs.js';
import { DEFAULT_POLICY, FIXTURES } from './helpers.js';

/**
 * FUZZ_RUNS generated or mutated inputs per parser (10,000 in CI): no crash (only diagnostics),
 * and every finding points inside the file.
 */
const RUNS = FUZZ_RUNS;

const SEEDS: Record<string, string[]> = {
  'cloudformation yaml': ['cloudformation/network.yaml', 'cloudformation/sam-template.yaml'],
  'kubernetes yaml': [
    'kubernetes/charts/web/values.yaml',
    'kubernetes/karpenter/nodepool.yaml',
    'kubernetes/eksctl/cluster.yaml',
  ],
  json: [
    'cloudformation/queue.json',
    'cdk/cdk.out/PaymentsStack.template.json',
    'terraform/plan/plan.json',
    'cdk/cdk.context.json',
  ],
  tf: ['terraform/network/main.tf', 'terraform/negatives/main.tf', 'terraform/network/terraform.tfvars'],
};
const EXTENSION: Record<string, string> = {
  'cloudformation yaml': 'x.yaml',
  'kubernetes yaml': 'x.yaml',
  json: 'x.json',
  tf: 'x.tf',
};
// The YAML parser gets RUNS mutated inputs in total, split so each test stays well under 10 s.
const RUNS_PER_KIND: Record<string, number> = {
  'cloudformation yaml': shareOf(RUNS, 0.4),
  'kubernetes yaml': shareOf(RUNS, 0.6),
  json: RUNS,
  tf: RUNS,
};
const SNIPPETS = [
  'us-east-1a',
  'use1-az9',
  '!GetAZs',
  '!Select [',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ':',
  '\n',
  '  ',
  '- ',
  '&a',
  '*a',
  '!Ref',
  '#',
  '${',
  '<<EOF\n',
  '\t',
  '\\',
];

function seedTexts(kind: string): string[] {
  return SEEDS[kind]!.map((path) => readFileSync(join(FIXTURES, path), 'utf8'));
}

function mutations(kind: string) {
  const texts = seedTexts(kind);
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...SNIPPETS)),
  });
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) =>
      edits.reduce((current, { at, remove, insert }) => {
        const i = at % (current.length + 1);
        return current.slice(0, i) + insert + current.slice(i + remove);
      }, text),
    );
}

function checkScan(path: string, text: string): void {
  const scan = scanFileText(path, text, { scanComments: true });
  const lineCount = text.split('\n').length;
  for (const finding of finalizeFindings(path, text, scan.findings, DEFAULT_POLICY)) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lineCount);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
}

describe.each(Object.keys(SEEDS))('scanning mutated %s files', (kind) => {
  it(`never crashes on ${RUNS_PER_KIND[kind]} mutated files`, async () => {
    await assertFuzz(mutations(kind), (text) => checkScan(EXTENSION[kind]!, text), RUNS_PER_KIND[kind]!);
  });
});

describe('YAML/JSON parser', () => {
  it(`throws only ParseError on ${RUNS} random strings`, async () => {
    await assertFuzz(
      fc.string({ maxLength: 120 }),
      (text) => {
        try {
          parseYamlDocuments(text);
        } catch (error) {
          expect((error as Error).name).toBe('ParseError');
        }
      },
      RUNS,
    );
  });

  it(`scans ${RUNS} generated JSON documents without a crash`, async () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(
          'us-east-1a',
          'use1-az1',
          'eu-west-1z',
          'us-west-2-lax-1a',
          'AWS::EC2::Subnet',
          'AvailabilityZone',
        ),
        fc.string({ maxLength: 10 }),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.constantFrom(
            'Resources',
            'Type',
            'Properties',
            'AvailabilityZone',
            'Fn::Select',
            'Fn::GetAZs',
            'key',
            'values',
            'x',
          ),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    await assertFuzz(value, (doc) => checkScan('gen.json', JSON.stringify(doc, null, 1)), RUNS);
  });
});
