import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableRuntime, NODE24_PATH, parseKeyValueFile, runStep } from './runner.js';

/**
 * The harness itself: an ESM bundle loads under the runtime action.yml declares, reads INPUT_*
 * variables, writes GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, annotates through workflow commands,
 * and reports a bad input as one line.
 */
function workspaceWithFinding(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-harness-'));
  writeFileSync(
    join(dir, 'main.tf'),
    'resource "aws_subnet" "a" {\n  vpc_id            = "vpc-1"\n  availability_zone = "eu-west-1a"\n}\n',
  );
  return dir;
}

describe('runner-faithful harness', () => {
  it('runs the bundle under Node 24 when the registry package is installed', async () => {
    expect(availableRuntime('node24')).toBe(NODE24_PATH);
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
});
