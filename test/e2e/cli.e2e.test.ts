import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../harness/runner.js';
import { GIT_STEP_ENV, STACK_FRAME } from './env.js';

/** The committed CLI bundle, run with node as `npx resilience-gates` would: no shell, real exit codes. */
const CLI = join(REPO_ROOT, 'cli', 'dist', 'index.js');

/** A terminal's environment, without anything that would make the CLI think it runs in Actions. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...GIT_STEP_ENV };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(GITHUB_|RUNNER_|INPUT_|AWS_|ACTIONS_)/.test(name)) env[name] = value;
  }
  return env;
}

function cli(args: string[], cwd: string = REPO_ROOT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cliEnv(),
    encoding: 'utf8',
    shell: false,
    timeout: 30_000,
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
    expect(run.stdout).toContain('Exit codes: 0 pass, 1 fail, 2 usage or configuration error.');
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
    expect(run.stderr).toContain("Unknown option '--no-such-flag'");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});
