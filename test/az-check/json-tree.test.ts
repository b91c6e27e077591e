import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonTree } from '../../actions/az-check/src/json-tree.js';
import { parseYamlDocuments } from '../../actions/az-check/src/yaml-tree.js';

/**
 * The JSON fast path must build exactly the tree the YAML parser builds (values, keys and every
 * position), or decline so the YAML parser runs instead.
 */
function yamlTree(text: string) {
  const documents = parseYamlDocuments(text);
  expect(documents).toHaveLength(1);
  return documents[0];
}

function jsonFixtures(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json') && !file.includes('broken'))
    .map((file) => join(dir, file));
}

describe('parseJsonTree', () => {
  it('matches the YAML parser on every JSON fixture (CDK, CloudFormation, plans, tf.json)', () => {
    const files = jsonFixtures(new URL('./fixtures', import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseJsonTree(text), file).toEqual(yamlTree(text));
    }
  });

  it('matches the YAML parser on generated JSON in several layouts', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonTree(text)).toEqual(yamlTree(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps escapes and content positions like the YAML converter', () => {
    const text =
      '{\n  "AvailabilityZone": "us-east-1a",\n  "Esc": "a\\"b\\u0041",\n  "n": [1.5e3, -0, true, null]\n}';
    const tree = parseJsonTree(text);
    expect(tree).toEqual(yamlTree(text));
    expect(tree?.kind === 'map' && tree.entries[0]?.value).toMatchObject({
      value: 'us-east-1a',
      contentStart: { line: 2, column: 24 },
    });
  });

  it.each([
    ['a comment', '{ // note\n "a": 1 }'],
    ['a trailing comma', '{ "a": 1, }'],
    ['a BOM', '\uFEFF{ "a": 1 }'],
    ['two documents', '{ "a": 1 } { "b": 2 }'],
    ['a bare word', '{ "a": yes }'],
    ['an unterminated string', '{ "a": "us-east-1a }'],
    ['YAML', 'a: us-east-1a\n'],
  ])('declines %s, leaving it to the YAML parser', (_name, text) => {
    expect(parseJsonTree(text)).toBeUndefined();
  });

  it('declines absurd nesting instead of overflowing the stack', () => {
    expect(parseJsonTree(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toBeUndefined();
  });
});

describe('parseJsonTree on broken escapes', () => {
  it('declines an escape JSON does not define', () => {
    expect(parseJsonTree('{ "us-east-1a\\Type": "x" }')).toBeUndefined();
  });
});
