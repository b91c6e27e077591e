import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { azCheckGate, runAzCheck } from '../../actions/az-check/src/gate.js';
import { readSettings } from '../../actions/az-check/src/settings.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { recordingHost } from './host.js';

/** Inputs that would silently scan nothing: brace globs, missing folders, nothing matched. */
const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'az-empty-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const SUBNET = 'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\n';

describe('glob lists', () => {
  it.each([
    ['infra/{dev,prod}/**', ['infra/{dev,prod}/**']],
    ['infra/{dev,prod}/**, k8s/**', ['infra/{dev,prod}/**', 'k8s/**']],
    ['a/[ab,]*.tf,b/**\n# comment\n  c/{x,{y,z}}/** ', ['a/[ab,]*.tf', 'b/**', 'c/{x,{y,z}}/**']],
    ['', []],
  ])('splits %j on commas outside braces and brackets', (value, expected) => {
    expect(new Inputs(mapInputReader({ paths: value })).list('paths')).toEqual(expected);
  });

  it('scans infra/{dev,prod}/** as one brace glob', async () => {
    const root = workspace({
      'infra/dev/main.tf': SUBNET,
      'infra/prod/main.tf': SUBNET,
      'infra/qa/main.tf': SUBNET,
    });
    const host = recordingHost({ scan: 'all', paths: 'infra/{dev,prod}/**' }, root);
    expect((await runAzCheck(host)).result).toBe('fail');
    expect(host.outputs['files-scanned']).toBe('2');
    const ignored = recordingHost({ scan: 'all', 'ignore-paths': 'infra/{dev,prod}/**' }, root);
    await runAzCheck(ignored);
    expect(ignored.outputs['files-scanned']).toBe('1');
  });
});

describe('a working directory that does not exist', () => {
  it('is a configuration error naming the input', () => {
    const root = workspace({ 'main.tf': SUBNET });
    const read = () =>
      readSettings(new Inputs(mapInputReader({ 'working-directory': 'nosuchsub' })), {}, root);
    expect(read).toThrow("Invalid working-directory 'nosuchsub'");
  });

  it.each([['all'], ['changed']])('exits 2 from the CLI in one line (--scan %s)', async (scan) => {
    const root = workspace({ 'main.tf': SUBNET });
    const { runCli } = await import('../../cli/main.js');
    let err = '';
    const code = await runCli(['az-check', '--working-directory', 'nosuchsub', '--scan', scan], {
      gates: [azCheckGate],
      env: { RUNNER_TEMP: join(root, '.tmp') },
      cwd: root,
      streams: { out: () => {}, err: (t) => (err += t) },
      signal: new AbortController().signal,
    });
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain("Invalid working-directory 'nosuchsub'");
  });
});

describe('zero files checked', () => {
  it('is a warning annotation and says so in the verdict, never a quiet pass', async () => {
    const root = workspace({ 'README.md': 'us-east-1a\n', 'infra/main.tf': SUBNET });
    const host = recordingHost({ scan: 'all', paths: 'modules/**/*.tf' }, root);
    const outcome = await runAzCheck(host);
    expect(outcome.result).toBe('neutral');
    expect(host.outputs.result).toBe('neutral');
    expect(outcome.summaryLine).toMatch(/^No files checked/);
    expect(host.annotations).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('0 files checked') }),
    ]);
    expect(host.outputs['files-scanned']).toBe('0');
  });
});
