import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import { describe, expect, it } from 'vitest';
import { actionTemplate } from '../../tools/harness/expressions.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';
import { exampleSteps, exampleWorkflows, parseExample } from './workflows.js';

/**
 * Every example workflow and README workflow snippet, validated by GitHub's own parser
 * (@actions/workflow-parser): unknown keys, bad expressions and `with:` inputs the action does
 * not declare fail here, before a user copies them.
 */
const EXAMPLES = exampleWorkflows();

/** `action input` for every `with:` key a step of this repository's actions does not declare. */
function undeclaredInputs(root: MappingToken): string[] {
  return exampleSteps(root)
    .filter((step) => step.localAction)
    .flatMap((step) => {
      const declared = (actionTemplate(REPO_ROOT, step.localAction!).inputs ?? []).map((i) => i.id);
      return Object.keys(step.with)
        .filter((input) => !declared.includes(input))
        .map((input) => `${step.localAction} ${input}`);
    });
}

describe('example workflows', () => {
  it('finds the examples and the README snippets', () => {
    const sources = EXAMPLES.map((example) => example.source);
    expect(sources.filter((s) => s.startsWith('examples/')).length).toBeGreaterThanOrEqual(7);
    expect(sources.filter((s) => s.includes('README.md#')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES.map((example) => [example.source, example]))(
    '%s is a valid workflow with declared inputs only',
    async (_source, example) => {
      const { errors, root } = await parseExample(example);
      expect(errors).toEqual([]);
      const local = exampleSteps(root!).filter((step) => step.localAction);
      for (const step of local) {
        const declared = (actionTemplate(REPO_ROOT, step.localAction!).inputs ?? []).map((i) => i.id);
        for (const input of Object.keys(step.with))
          expect(declared, `${step.uses} with: ${input}`).toContain(input);
      }
    },
  );

  it('control: unknown keys, bad expressions and undeclared inputs are reported', async () => {
    const { errors, root } = await parseExample({
      source: 'bad.yml',
      content: [
        'on: push',
        'jobs:',
        '  gate:',
        '    runs-on: ubuntu-latest',
        '    timeout: 5',
        '    steps:',
        '      - uses: OWNER/REPO/actions/az-check@v1',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not JS
        "        with: { scan: '${{ github.event_name == }}', scna: all }",
      ].join('\n'),
    });
    expect(errors.join('\n')).toMatch(/timeout/);
    expect(errors.join('\n')).toMatch(/Unexpected end of expression/);
    expect(undeclaredInputs(root!)).toEqual(['az-check scna']);
  });
});
