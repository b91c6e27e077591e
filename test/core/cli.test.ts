import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { closest } from '../../cli/args.js';
import { GATES } from '../../cli/gates.js';
import { findActionYml, gateHelp } from '../../cli/help.js';
import { runCli } from '../../cli/main.js';
import { markdownToText } from '../../cli/text.js';
import { ConfigurationError, CREDENTIALS_HELP } from '../../core/errors.js';
import type { GateDefinition } from '../../core/host.js';
import { details, heading, sections, table } from '../../core/report/summary.js';

const scratch = mkdtempSync(join(tmpdir(), 'rg-cli-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SUMMARY = sections(
  heading('✅ fake-gate: fine'),
  'Checked <stress-cpu> & more',
  table(['name', 'detail'], [['a|b', 'x <y>\nz']]),
  details('More', 'body'),
);

function fakeGate(overrides: Partial<GateDefinition> = {}): GateDefinition {
  return {
    name: 'fake-gate',
    description: 'A gate for tests',
    inputs: ['threshold', 'paths', 'report-path'],
    positionalInput: 'paths',
    run: async (host) => {
      const threshold = host.inputs.integer('threshold', 1, { min: 0, max: 10 });
      const paths = host.inputs.list('paths');
      host.setOutput('threshold', threshold);
      host.log.info(`paths: ${paths.join('|')}`);
      host.annotate({ level: 'warning', message: 'look here', file: 'a.tf', startLine: 2 });
      await host.appendSummary(SUMMARY);
      const reportPath = join(scratch, 'fake-report.json');
      writeFileSync(reportPath, `${JSON.stringify({ tool: 'fake-gate', threshold, paths })}\n`);
      host.setOutput('report-path', reportPath);
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
    expect(out).toContain('fake-gate: fine');
    expect(out).toMatch(/PASS: fine\n$/);
    expect(err).toContain('paths: a.tf|b.tf');
    expect(err).toContain('warning: a.tf:2: look here');
  });

  it('prints plain text by default: no tables, tags, entities or output lines', async () => {
    const { out, err } = await cli(['fake-gate']);
    expect(out).not.toMatch(/\| ---|<details>|<summary>|&lt;|&gt;|&amp;|^#/m);
    expect(`${out}${err}`).not.toMatch(/^output /m);
    expect(out).toContain('Checked <stress-cpu> & more');
    expect(out).toMatch(/^name +detail$/m);
    expect(out).toMatch(/^a\|b +x <y>; z$/m);
    expect(out).toMatch(/More:\n+body/);
    expect(err).toContain(`report: ${join(scratch, 'fake-report.json')}`);
  });

  it('--format markdown prints the job summary alone on stdout, the verdict on stderr', async () => {
    const { code, out, err } = await cli(['fake-gate', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(out).toBe(SUMMARY);
    expect(err).toContain('PASS: fine');
  });

  it('--format json prints the report object alone on stdout', async () => {
    const { code, out } = await cli(['fake-gate', '--format=json', '--threshold', '7', 'x']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ tool: 'fake-gate', threshold: 7, paths: ['x'] });
  });

  it('refuses an unknown format in one line', async () => {
    const { code, err } = await cli(['fake-gate', '--format', 'html']);
    expect(code).toBe(2);
    expect(err).toBe("error: Invalid --format 'html': use one of text, markdown, json\n");
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

  it('passes a negative number to the gate, whose settings refuse it in one line', async () => {
    const { code, err } = await cli(['fake-gate', '--threshold', '-5']);
    expect(code).toBe(2);
    expect(err).toBe("error: Invalid threshold '-5': use a whole number from 0 to 10\n");
  });

  it('refuses a value flag given bare, at the end or before another flag', async () => {
    for (const argv of [
      ['fake-gate', '--threshold'],
      ['fake-gate', '--threshold', '--paths', 'a'],
    ]) {
      const { code, err } = await cli(argv);
      expect(code).toBe(2);
      expect(err).toBe('error: --threshold needs a value: --threshold <value> or --threshold=<value>\n');
    }
  });

  it('adds up a repeated list flag', async () => {
    const { err } = await cli(['fake-gate', '--paths', 'a.tf', '--paths', 'b.tf', 'c.tf']);
    expect(err).toContain('paths: a.tf|b.tf|c.tf');
  });

  it('suggests the closest flag for an unknown one', async () => {
    const { code, err } = await cli(['fake-gate', '--treshold', '3']);
    expect(code).toBe(2);
    expect(err).toBe("error: Unknown option '--treshold': did you mean --threshold?\n");
    expect((await cli(['fake-gate', '--zzzzzz'])).err).toContain('see --help');
    expect(closest('canary', ['canaries', 'alarms'])).toBe('canaries');
  });

  it('prints an internal error without a doubled Error: prefix', async () => {
    const { code, err } = await cli(
      ['fake-gate'],
      fakeGate({ run: async () => Promise.reject(new Error('boom')) }),
    );
    expect(code).toBe(1);
    expect(err).toBe('error: boom\n');
  });

  it('gives a laptop hint for missing credentials, not only OIDC', async () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const { code, err } = await cli(['fake-gate'], fakeGate({ run: async () => Promise.reject(missing) }));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: .*AWS_PROFILE.*aws sso login.*AWS_ACCESS_KEY_ID/);
    expect(err).not.toContain(CREDENTIALS_HELP);
    expect(err.split('\n')).toHaveLength(2);
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

describe('gate help from action.yml', () => {
  it.each(GATES.map((g) => g.name))(
    '%s --help lists every input with its description and default',
    async (name) => {
      const gate = await GATES.find((g) => g.name === name)!.load();
      const path = findActionYml(name);
      expect(path).toBeDefined();
      const action = parse(readFileSync(path!, 'utf8')) as {
        inputs: Record<string, { description: string; default?: string }>;
      };
      const help = gateHelp(gate).replace(/\n\s+/g, ' ');
      for (const [input, spec] of Object.entries(action.inputs)) {
        const defaultText = spec.default ? ` (default: ${spec.default})` : '';
        expect(help).toContain(`--${input} `);
        expect(help).toMatch(
          new RegExp(`--${input} <[a-z|]+>${defaultText.replace(/[()$.*?|[\]\\]/g, '\\$&')} `),
        );
        expect(help).toContain(spec.description.trim().replace(/\s+/g, ' '));
      }
    },
  );
});

describe('markdown to text', () => {
  it('renders the summary builders without markdown or HTML', () => {
    const text = markdownToText(
      sections(
        heading('Title'),
        heading('Part', 3),
        table(['', ''], [['key', 'value']]),
        '> [!WARNING]\n> careful',
        '`a|b` and [link](https://example.com) and **bold**',
        '```sh\ngit rebase\n```',
      ),
    );
    expect(text).toBe(
      [
        'Title',
        '=====',
        '',
        'Part',
        '----',
        '',
        '- key: value',
        '',
        'Warning:',
        '  careful',
        '',
        'a|b and link (https://example.com) and bold',
        '',
        '    git rebase',
        '',
      ].join('\n'),
    );
  });
});
