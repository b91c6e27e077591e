import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** What branch-policy's README and outputs promise beyond the metadata every action shares. */
const root = new URL('../../actions/branch-policy/', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

// The generic metadata checks (inputs, outputs, runs, README tables) are test/metadata.test.ts's.
describe('action.yml and README', () => {
  it('sets the outputs a ruleset or a later step reads', () => {
    expect(Object.keys(action.outputs)).toEqual([
      'result',
      'reason',
      'violations',
      'violation-count',
      'violations-omitted',
      'report-path',
    ]);
  });

  it('shows pull_request, merge_group and push with read-only permissions', () => {
    for (const text of ['pull_request:', 'merge_group:', 'push:', 'contents: read', 'ruleset']) {
      expect(readme).toContain(text);
    }
  });
});
