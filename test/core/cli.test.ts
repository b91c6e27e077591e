import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { ConfigurationError } from '../../core/errors.js';
import type { GateDefinition } from '../../core/host.js';

function fakeGate(overrides: Partial<GateDefinition> = {}): GateDefinition {
  return {
    name: 'fake-gate',
    description: 'A gate for tests',
    inputs: ['threshold', 'paths'],
    positionalInput: 'paths',
    run: async (host) => {
      const threshold = host.inputs.integer('threshold', 1, { min: 0, max: 10 });
      host.setOutput('threshold', threshold);
      host.log.info(`paths: ${host.inputs.list('paths').join('|')}`);
      host.annotate({ level: 'warning', message: 'look here', file: 'a.tf', startLine: 2 });
      await host.appendSummary('## Fake summary');
      return threshold > 5
        ? { result: 'fail', summaryLine: 'too high' }
        : { result: 'pass', summaryLine: 'fine' };
    },
    ...overrides,
  };
}

async function cli(argv: string[], gate = fakeGate()) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    gates: [{ name: gate.name, load: async () => gate }],
    env: {},
    cwd: '/tmp',
    streams: { out: (t) => (out += t), err: (t) => (err += t) },
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

describe('resilience-gates CLI', () => {
  it('runs a gate with flags and positionals and exits 0 on pass', async () => {
    const { code, out, err } = await cli(['fake-gate', '--threshold', '3', 'a.tf', 'b.tf']);
    expect(code).toBe(0);
    expect(out).toContain('## Fake summary');
    expect(out).toContain('PASS: fine');
    expect(err).toContain('paths: a.tf|b.tf');
    expect(err).toContain('warning: a.tf:2: look here');
    expect(err).toContain('output threshold=3');
  });

  it('exits 1 on a failed verdict', async () => {
    const { code, out } = await cli(['fake-gate', '--threshold=7', '--no-summary']);
    expect(code).toBe(1);
    expect(out).toBe('FAIL: too high\n');
  });

  it('exits 2 with a one-line error on a bad input value', async () => {
    const { code, err } = await cli(['fake-gate', '--threshold', 'lots']);
    expect(code).toBe(2);
    expect(err).toBe("error: Invalid threshold 'lots': use a whole number from 0 to 10\n");
  });

  it('exits 2 on unknown flags and unknown gates', async () => {
    expect((await cli(['fake-gate', '--nope', 'x'])).code).toBe(2);
    const unknown = await cli(['other']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown gate 'other': use one of fake-gate");
  });

  it('runs the post logic inline, also when the gate throws', async () => {
    const calls: string[] = [];
    const gate = fakeGate({
      run: async () => {
        throw new ConfigurationError('broken');
      },
      post: async () => {
        calls.push('post');
      },
    });
    const { code } = await cli(['fake-gate'], gate);
    expect(code).toBe(2);
    expect(calls).toEqual(['post']);
  });

  it('prints help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('fake-gate  A gate for tests');
    expect((await cli(['fake-gate', '--help'])).out).toContain('--threshold <value>');
  });
});
