import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionTemplate, evaluateExpression, stepInputs } from '../../tools/harness/expressions.js';
import {
  availableRuntime,
  expressionContexts,
  HARNESS_GITHUB_TOKEN,
  NODE24_PATH,
  parseKeyValueFile,
  REPO_ROOT,
  runStep,
} from '../../tools/harness/runner.js';

/**
 * The harness itself: an ESM bundle loads under the runtime action.yml declares, reads INPUT_*
 * variables, writes GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, annotates through workflow commands,
 * and reports a bad input as one line.
 */
const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspaceWithFinding(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-harness-'));
  workspaces.push(dir);
  writeFileSync(
    join(dir, 'main.tf'),
    'resource "aws_subnet" "a" {\n  vpc_id            = "vpc-1"\n  availability_zone = "eu-west-1a"\n}\n',
  );
  return dir;
}

describe('runner-faithful harness', () => {
  it('runs the bundle under Node 24 when it is installed (npm run setup:node24)', async () => {
    if (existsSync(NODE24_PATH)) expect(availableRuntime('node24')).toBe(NODE24_PATH);
    const result = await runStep({
      action: 'az-check',
      inputs: { scan: 'all', 'fail-on': 'never' },
      workspace: workspaceWithFinding(),
      env: { HARNESS_PROBE: 'x' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.outputs['findings-count']).toBe('1');
    expect(result.outputs.result).toBe('pass');
    expect(result.summary).toContain('az-check');
    const annotation = result.annotations.find((a) => a.file === 'main.tf');
    expect(annotation).toMatchObject({ level: 'error', startLine: 3 });
  });

  it('reports a bad input as a one-line failure with no stack trace', async () => {
    const result = await runStep({
      action: 'az-check',
      inputs: { scan: 'everything' },
      workspace: workspaceWithFinding(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.failure).toMatch(/^Invalid scan 'everything': use one of /);
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stderr).toBe('');
  });

  it('parses GITHUB_OUTPUT heredocs and plain lines', () => {
    const text = 'plain=1\nmulti<<ghadelimiter_abc\nline one\nline two\nghadelimiter_abc\nempty<<EOF\nEOF\n';
    expect(parseKeyValueFile(text)).toEqual({ plain: '1', multi: 'line one\nline two', empty: '' });
  });

  it('passes every declared input as the runner does: given values over evaluated defaults', () => {
    const contexts = expressionContexts({ GITHUB_REPOSITORY: 'octo-org/shop' }, { number: 7 });
    const env = stepInputs(actionTemplate(REPO_ROOT, 'branch-policy'), { 'merge-style': 'linear' }, contexts);
    expect(env.INPUT_TOKEN).toBe(HARNESS_GITHUB_TOKEN);
    expect(env['INPUT_MERGE-STYLE']).toBe('linear');
    expect(env['INPUT_NO-MERGE-COMMITS']).toBe('true');
    expect(env['INPUT_PROTECTED-BRANCHES']).toBe('');
    expect(Object.keys(env)).toHaveLength(actionTemplate(REPO_ROOT, 'branch-policy').inputs!.length);
  });

  it("evaluates expressions with GitHub's library against a github context built from the event", () => {
    const contexts = expressionContexts(
      { GITHUB_REF: 'refs/heads/release/v2' },
      { pull_request: { number: 7 } },
    );
    expect(evaluateExpression('github.event.pull_request.number', contexts).coerceString()).toBe('7');
    expect(evaluateExpression("format('{0}-x', github.ref_name)", contexts).coerceString()).toBe(
      'release/v2-x',
    );
  });

  it('refuses an input the action does not declare, which a real step would silently ignore', () => {
    expect(() => stepInputs(actionTemplate(REPO_ROOT, 'az-check'), { scna: 'all' }, {})).toThrow(
      /Unexpected input\(s\) 'scna'/,
    );
  });
});
