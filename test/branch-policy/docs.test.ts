import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { branchPolicyGate } from '../../actions/branch-policy/src/gate.js';

/** action.yml, the README and the gate's input list must stay in step. */
const root = new URL('../../actions/branch-policy/', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

function tableNames(heading: string): string[] {
  const section = readme.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\|\s*`([a-z-]+)`\s*\|/gm)].map((match) => match[1] as string);
}

describe('action.yml and README', () => {
  it('declares every gate input, each with a description and a default', () => {
    expect(Object.keys(action.inputs)).toEqual([...branchPolicyGate.inputs]);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, name).toBe('string');
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('documents every input and output, and invents none', () => {
    expect(tableNames('Inputs')).toEqual(Object.keys(action.inputs));
    expect(tableNames('Outputs')).toEqual(Object.keys(action.outputs));
    expect(Object.keys(action.outputs)).toEqual([
      'result',
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
