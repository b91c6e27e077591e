import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { assertFreshBundle } from '../../tools/harness/fresh-bundle.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';
import { GIT_STEP_ENV, STACK_FRAME } from './env.js';

/** The CLI bundle (built on install), run with node as `npx resilience-gates` would: no shell, real exit codes. */
const CLI = join(REPO_ROOT, 'cli', 'dist', 'index.js');
assertFreshBundle(join(REPO_ROOT, 'cli', 'dist'));

/** The CLI's own temp folder (its default report folder lives there), removed after this file. */
const CLI_TEMP = mkdtempSync(join(tmpdir(), 'rg-cli-temp-'));
afterAll(() => rmSync(CLI_TEMP, { recursive: true, force: true }));

/** A terminal's environment, without anything that would make the CLI think it runs in Actions. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...GIT_STEP_ENV };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(GITHUB_|RUNNER_|INPUT_|AWS_|ACTIONS_)/.test(name)) env[name] = value;
  }
  return { ...env, TMPDIR: CLI_TEMP, TEMP: CLI_TEMP, TMP: CLI_TEMP };
}

function cli(
  args: string[],
  cwd: string = REPO_ROOT,
  extraEnv: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...cliEnv(), ...extraEnv },
    encoding: 'utf8',
    shell: false,
    // A bound on a hang, generous for a busy machine; never a timing assertion.
    timeout: 120_000,
  });
}

/** A project folder with infra/ (one hard-coded AZ name on line 7) and clean/ (AZ IDs only). */
function project(onTestFinished: (fn: () => void) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'infra'));
  mkdirSync(join(dir, 'clean'));
  const subnet = (placement: string) =>
    [
      'provider "aws" {',
      '  region = "us-west-2"',
      '}',
      '',
      'resource "aws_subnet" "app" {',
      '  vpc_id = "vpc-0123"',
      `  ${placement}`,
      '}',
      '',
    ].join('\n');
  writeFileSync(join(dir, 'infra', 'main.tf'), subnet('availability_zone = "us-west-2a"'));
  writeFileSync(join(dir, 'clean', 'main.tf'), subnet('availability_zone_id = "usw2-az1"'));
  return dir;
}

describe.concurrent('resilience-gates CLI bundle (e2e)', () => {
  it('--help exits 0 and lists the four gates', () => {
    const run = cli(['--help']);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    const gates = [...run.stdout.matchAll(/^ {2}([a-z-]+) {2,}\S/gm)].map((m) => m[1]);
    expect(gates).toEqual(['run-experiment', 'canary-gate', 'branch-policy', 'az-check']);
    expect(run.stdout).toContain('Exit codes: 0 pass or neutral, 1 fail, 2 usage or configuration error.');
  });

  it('az-check --scan all on a folder with a hard-coded AZ name exits 1 and names file and line', ({
    onTestFinished,
  }) => {
    const dir = project(onTestFinished);
    const run = cli(['az-check', '--scan', 'all', 'infra'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: infra\/main\.tf:7:\d+: Hard-coded AZ name 'us-west-2a'/m);
    expect(run.stdout).toContain('az-check: 1 finding(s) at or above error');

    // Control: the same command on a folder that places by AZ ID passes.
    const clean = cli(['az-check', '--scan', 'all', '--report-path', 'report.json', 'clean'], dir);
    expect(clean.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({
      tool: 'az-check',
      result: 'pass',
      findings: [],
    });
  });

  it('an unknown flag is a usage error: exit 2, no stack trace', () => {
    const run = cli(['az-check', '--no-such-flag', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: Unknown option '--no-such-flag': see --help for the flags\n");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('prints plain text by default and leaves the working tree clean', ({ onTestFinished }) => {
    const dir = project(onTestFinished);
    const run = cli(['az-check', '--scan', 'all', 'infra'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/\| ---|^\|.*\|$|<details>|<summary>|&lt;|&gt;|&amp;|^#/m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^output /m);
    expect(run.stdout).toMatch(/^Severity +Rule +Location +Finding +Fix$/m);
    expect(run.stdout).toMatch(/^FAIL: /m);
    // The report goes to the temp folder, not ./.resilience-gates/ in the user's repository.
    expect(readdirSync(dir).sort()).toEqual(['clean', 'infra']);
    const reportPath = /^report: (.+)$/m.exec(run.stderr)?.[1];
    expect(reportPath?.startsWith(join(CLI_TEMP, 'resilience-gates'))).toBe(true);
  });

  it('--format json prints the report object on stdout, --format markdown the summary', ({
    onTestFinished,
  }) => {
    const dir = project(onTestFinished);
    const json = cli(['az-check', '--scan', 'all', '--format', 'json', 'infra'], dir);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ tool: 'az-check', result: 'fail' });
    const markdown = cli(['az-check', '--scan', 'all', '--format', 'markdown', 'clean'], dir);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(/^## /);
    expect(markdown.stderr).toContain('PASS: ');
  });

  it('a repeated list flag adds up', ({ onTestFinished }) => {
    const dir = project(onTestFinished);
    // The second --paths used to replace the first: the failing folder was dropped.
    const run = cli(['az-check', '--scan', 'all', '--paths', 'infra', '--paths', 'clean'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('infra/main.tf:7');
  });

  it('bare value flags and negative numbers get the one-line error, exit 2', () => {
    const bare = cli(['canary-gate', '--canaries']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe('error: --canaries needs a value: --canaries <value> or --canaries=<value>\n');
    const negative = cli(['canary-gate', '--canaries', 'x', '--min-runs', '-1']);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toMatch(/^error: Invalid min-runs '-1': [^\n]+\n$/);
    expect(negative.stderr).not.toContain('ambiguous');
  });

  it('canary-gate --help lists every action.yml input with its default', () => {
    const run = cli(['canary-gate', '--help']);
    expect(run.status).toBe(0);
    const action = parseYaml(readFileSync(join(REPO_ROOT, 'actions/canary-gate/action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(run.stdout).toMatch(
        new RegExp(`^  --${name} <[a-z|]+>${input.default ? ` \\(default: ${input.default}\\)` : ''}$`, 'm'),
      );
    }
  });

  it('missing credentials: a laptop hint, no SDK Node-version warning, exit 2', ({ onTestFinished }) => {
    const home = mkdtempSync(join(tmpdir(), 'rg-cli-home-'));
    onTestFinished(() => rmSync(home, { recursive: true, force: true }));
    const env = { HOME: home, AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'us-east-1' };
    const args = [
      'canary-gate',
      '--canaries',
      'x',
      '--endpoint-url',
      'http://127.0.0.1:9',
      '--max-attempts',
      '1',
    ];
    const run = cli(args, REPO_ROOT, env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*credentials.*AWS_PROFILE.*aws sso login/m);
    expect(run.stderr).not.toMatch(/error: \\w*Error: Error:|^error: Error:/m);
    expect(run.stderr).not.toContain('NodeVersionSupportWarning');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // Control: the SDK does print it on this Node when the user asks for it (SDK releases from
    // late 2024 on; the pinned 3.523 has no such warning, and then there is nothing to control).
    if (Number(process.versions.node.split('.')[0]) < 22 && bundledSdkWarns()) {
      const loud = cli(args, REPO_ROOT, {
        ...env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false',
      });
      expect(loud.stderr).toContain('NodeVersionSupportWarning');
    }
  });

  it('an endpoint that refuses connections is named, exit 2', () => {
    const run = cli(
      ['canary-gate', '--canaries', 'x', '--endpoint-url', 'http://127.0.0.1:9', '--max-attempts', '1'],
      REPO_ROOT,
      { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: cannot reach the AWS endpoint 127.0.0.1:9 (ECONNREFUSED): check --endpoint-url and the AWS_ENDPOINT_URL* variables, or unset them to use the public AWS endpoints\n',
    );
  });

  it('job summaries share one title level and escape free text (az-check, branch-policy)', ({
    onTestFinished,
  }) => {
    const dir = project(onTestFinished);
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: dir, env: cliEnv(), encoding: 'utf8', shell: false });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    git('commit', '-q', '--allow-empty', '-m', 'fixup! a <div> in a subject');
    const policy = cli(['branch-policy', '--base', 'main', '--head', 'feature', '--format', 'markdown'], dir);
    const az = cli(['az-check', '--scan', 'all', '--format', 'markdown', 'infra'], dir);
    for (const run of [policy, az]) {
      expect(run.stdout.split('\n')[0]).toMatch(/^## \S/);
      expect(run.stdout).not.toMatch(/^#{1}\s|^#{3,}\s.*(az-check|branch-policy):/m);
    }
    expect(policy.status).toBe(1);
    expect(policy.stdout).not.toContain('<div>');
    expect(policy.stdout).toContain('&lt;div');
  });
});

/** Whether the built CLI carries the AWS SDK's Node-version warning at all. */
function bundledSdkWarns(): boolean {
  const dist = join(REPO_ROOT, 'cli', 'dist');
  return readdirSync(dist).some(
    (name) =>
      name.endsWith('.js') && readFileSync(join(dist, name), 'utf8').includes('NodeVersionSupportWarning'),
  );
}
