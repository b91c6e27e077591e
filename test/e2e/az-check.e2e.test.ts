import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../tools/harness/events.js';
import { runStep, type StepResult } from '../../tools/harness/runner.js';
import { commit, git, type PullRequestRepo, shallowCheckout } from '../az-check/git-repo.js';
import { errorCommands, GIT_STEP_ENV, networkTripwire, STACK_FRAME } from './env.js';

/**
 * The committed az-check bundle, run as the GitHub runner runs it on pull requests: a real
 * repository with a bare origin, GitHub's refs/pull/N/merge built by a real merge, and the
 * workspace a depth-1 checkout of it, as actions/checkout makes by default.
 */
const NETWORK_TF = 'infra/network.tf';

/** main's network.tf: one subnet placed by AZ name before any pull request (line 8). */
const BASE_TF = [
  'provider "aws" {',
  '  region = "us-east-1"',
  '}',
  '',
  'resource "aws_subnet" "app" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.1.0/24"',
  '  availability_zone = "us-east-1b"',
  '  tags = {',
  '    Name = "app"',
  '  }',
  '}',
  '',
].join('\n');

const ADDED_SUBNET = [
  '',
  'resource "aws_subnet" "db" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.2.0/24"',
  '  availability_zone = "us-east-1a"',
  '}',
  '',
].join('\n');

const ADDED_SUBNET_BY_ID = [
  '',
  'resource "aws_subnet" "cache" {',
  '  vpc_id               = "vpc-0123"',
  '  cidr_block           = "10.0.3.0/24"',
  '  availability_zone_id = "use1-az4"',
  '}',
  '',
].join('\n');

/** Lines around the pre-existing AZ name change; the AZ name's own line does not. */
const RETAGGED_TF = BASE_TF.replace('10.0.1.0/24', '10.0.8.0/24').replace('Name = "app"', 'Name = "app-a"');

const MANY_SUBNETS = 12;
const ZONE_LETTERS = 'abcdef';
function manySubnetsTf(): string {
  const lines = ['provider "aws" {', '  region = "us-east-1"', '}', ''];
  for (let i = 0; i < MANY_SUBNETS; i += 1) {
    lines.push(
      `resource "aws_subnet" "s${i}" {`,
      '  vpc_id            = "vpc-0123"',
      `  cidr_block        = "10.1.${i}.0/24"`,
      `  availability_zone = "us-east-1${ZONE_LETTERS[i % ZONE_LETTERS.length]}"`,
      '}',
      '',
    );
  }
  return lines.join('\n');
}

/** Main moves on after the branches fork: merge-result line numbers then differ from the heads'. */
const HEADER = '# Network for the payments accounts.\n# Owned by the platform team.\n\n';

interface PullRequest {
  number: number;
  branch: string;
  headSha: string;
}

interface Fixture {
  dir: string;
  origin: string;
  baseSha: string;
  prs: Record<'addSubnet' | 'retag' | 'clean' | 'many', PullRequest>;
}

function buildFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'az-e2e-'));
  const origin = join(dir, 'origin.git');
  const work = join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  git(dir, 'clone', '-q', origin, work);
  const initial = commit(work, { [NETWORK_TF]: BASE_TF, 'README.md': '# payments\n' }, 'initial');
  git(work, 'push', '-q', 'origin', 'HEAD:main');

  const branch = (name: string, files: Record<string, string>, number: number): PullRequest => {
    git(work, 'checkout', '-q', '-b', name, initial);
    const headSha = commit(work, files, `change on ${name}`);
    git(work, 'push', '-q', 'origin', name);
    return { number, branch: name, headSha };
  };
  const prs = {
    addSubnet: branch('add-subnet', { [NETWORK_TF]: BASE_TF + ADDED_SUBNET }, 1),
    retag: branch('retag', { [NETWORK_TF]: RETAGGED_TF }, 2),
    clean: branch('clean', { [NETWORK_TF]: BASE_TF + ADDED_SUBNET_BY_ID }, 3),
    many: branch('many-subnets', { 'infra/many.tf': manySubnetsTf() }, 4),
  };

  git(work, 'checkout', '-q', 'main');
  const baseSha = commit(work, { [NETWORK_TF]: HEADER + BASE_TF }, 'document the network');
  git(work, 'push', '-q', 'origin', 'main');
  // GitHub's refs/pull/N/merge: the head merged into the current base tip.
  for (const pr of Object.values(prs)) {
    git(work, 'checkout', '-q', '--detach', baseSha);
    git(work, 'merge', '-q', '--no-ff', '-m', `Merge ${pr.headSha} into ${baseSha}`, pr.headSha);
    const mergeSha = git(work, 'rev-parse', 'HEAD');
    git(
      work,
      'push',
      '-q',
      'origin',
      `${mergeSha}:refs/pull/${pr.number}/merge`,
      `${pr.headSha}:refs/pull/${pr.number}/head`,
    );
  }
  return { dir, origin, baseSha, prs };
}

let fixture: Fixture;
let checkouts = 0;

beforeAll(() => {
  fixture = buildFixture();
});
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** actions/checkout's default for a pull_request: depth 1 at refs/pull/N/merge. */
function checkoutMerge(pr: PullRequest): string {
  checkouts += 1;
  // shallowCheckout only needs where the repository lives; the PR's own SHAs come from `pr`.
  const repo = { dir: fixture.dir, origin: fixture.origin } as PullRequestRepo;
  return shallowCheckout(repo, `refs/pull/${pr.number}/merge`, `checkout-${checkouts}`);
}

function eventFor(pr: PullRequest, options: { fork?: boolean } = {}) {
  return pullRequestEvent({
    base: 'main',
    baseSha: fixture.baseSha,
    head: pr.branch,
    headSha: pr.headSha,
    number: pr.number,
    ...options,
  });
}

function azStep(
  pr: PullRequest,
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): Promise<StepResult> {
  return runStep({
    action: 'az-check',
    event: eventFor(pr),
    workspace,
    inputs,
    env: { ...GIT_STEP_ENV, ...env },
  });
}

/** 1-based line and column of `text` in a file of the checkout, as it is on disk. */
function locate(workspace: string, file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(workspace, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `${text} in ${file}`).toBeGreaterThanOrEqual(0);
  return { line: index + 1, column: lines[index]!.indexOf(text) + 1 };
}

const fileErrors = (step: StepResult) => step.annotations.filter((a) => a.level === 'error' && a.file);

/** A fork PR's environment: no AWS variables, no ~/.aws, no OIDC token request. */
function noCredentials(onTestFinished: (fn: () => void) => void): Record<string, string | undefined> {
  const home = mkdtempSync(join(tmpdir(), 'az-e2e-home-'));
  onTestFinished(() => rmSync(home, { recursive: true, force: true }));
  return {
    HOME: home,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_EC2_METADATA_DISABLED: undefined,
    ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  };
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    automationDetails?: { id: string };
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn?: number };
        };
      }[];
    }[];
  }[];
}

describe.concurrent('az-check bundle (e2e, pull_request)', () => {
  it('fails on an added subnet placed by AZ name, annotated on the exact line, with SARIF', async () => {
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');

    const step = await azStep(fixture.prs.addSubnet, workspace, {
      'fail-on': 'error',
      'sarif-path': 'az-check.sarif',
    });

    // Header (3 lines) + main's 12 lines + blank line, then the subnet: line 20 on disk.
    const at = locate(workspace, NETWORK_TF, 'us-east-1a');
    expect(at.line).toBe(20);
    expect(step.exitCode).toBe(1);
    const errors = fileErrors(step);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: NETWORK_TF, startLine: at.line, startColumn: at.column });
    expect(errors[0]!.title).toMatch(/^AZ001 /);
    expect(errors[0]!.message).toContain('us-east-1a');
    expect(step.stdout).toContain(`::error title=AZ001 `);
    expect(step.stdout).toMatch(
      new RegExp(`^::error [^\\n]*file=infra/network.tf,line=20,[^\\n]*col=${at.column},`, 'm'),
    );
    // The AZ name main already had (line 11 on disk) is not part of the change.
    expect(
      step.annotations.some((a) => a.startLine === locate(workspace, NETWORK_TF, 'us-east-1b').line),
    ).toBe(false);
    expect(step.outputs).toMatchObject({
      'findings-count': '1',
      'errors-count': '1',
      result: 'fail',
      'sarif-path': join(workspace, 'az-check.sarif'),
    });
    expect(step.failure).toBe('1 finding(s) at or above error: use AZ IDs instead of AZ names');

    const sarif = JSON.parse(readFileSync(step.outputs['sarif-path']!, 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('az-check');
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('AZ001');
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'AZ001',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: NETWORK_TF },
            region: { startLine: at.line, startColumn: at.column },
          },
        },
      ],
    });
    expect(run.results[0]!.message.text).toContain('us-east-1a');
    // No category in the file, so upload-sarif's category input decides (issue 11 item 6).
    expect(run.automationDetails).toBeUndefined();
  });

  it('passes a change that only touches lines near an AZ name that was there before', async () => {
    const workspace = checkoutMerge(fixture.prs.retag);
    // The old AZ name is in the checked-out file, two lines from lines the change edits.
    expect(readFileSync(join(workspace, NETWORK_TF), 'utf8')).toContain('availability_zone = "us-east-1b"');
    expect(readFileSync(join(workspace, NETWORK_TF), 'utf8')).toContain('Name = "app-a"');

    const step = await azStep(fixture.prs.retag, workspace);

    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ result: 'pass', 'findings-count': '0', 'files-scanned': '1' });
    expect(step.annotations).toEqual([]);

    // Control: the same checkout scanned whole does see the old name, so "pass" above is the diff's doing.
    const all = await azStep(fixture.prs.retag, workspace, { scan: 'all' });
    expect(all.exitCode).toBe(1);
    expect(fileErrors(all).map((a) => [a.file, a.startLine])).toEqual([
      [NETWORK_TF, locate(workspace, NETWORK_TF, 'us-east-1b').line],
    ]);
  });

  it('passes a clean change that places the subnet by AZ ID', async () => {
    const workspace = checkoutMerge(fixture.prs.clean);
    const step = await azStep(fixture.prs.clean, workspace);

    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ result: 'pass', 'findings-count': '0', 'errors-count': '0' });
    expect(step.annotations).toEqual([]);
    expect(step.summary).toContain('az-check: No hard-coded Availability Zone names found');
    expect(existsSync(step.outputs['report-path']!)).toBe(true);
  });

  it('fail-on: never passes even with findings, and still annotates them', async () => {
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    const step = await azStep(fixture.prs.addSubnet, workspace, { 'fail-on': 'never' });

    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ result: 'pass', 'findings-count': '1', 'errors-count': '1' });
    expect(step.failure).toBeUndefined();
    expect(fileErrors(step).map((a) => [a.file, a.startLine])).toEqual([[NETWORK_TF, 20]]);
    expect(step.summary).toContain('1 finding(s) below the fail-on level (never)');
  });

  it("more than 10 findings: stays within GitHub's 10 error annotations and the summary holds the rest", async () => {
    const workspace = checkoutMerge(fixture.prs.many);
    const step = await azStep(fixture.prs.many, workspace);

    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({ result: 'fail', 'findings-count': String(MANY_SUBNETS) });
    const annotated = fileErrors(step);
    expect(annotated.every((a) => a.file === 'infra/many.tf')).toBe(true);
    // Every finding is in the summary table, annotated or not.
    for (let i = 0; i < MANY_SUBNETS; i += 1) {
      expect(step.summary).toContain(`infra/many.tf:${8 + 6 * i}:`);
    }
    const notAnnotated = MANY_SUBNETS - annotated.length;
    expect(step.summary).toContain(
      `GitHub keeps 10 annotations per level per step (one error slot is the step's failure line): ${notAnnotated} finding(s) above are in this table only.`,
    );
    // The runner keeps the first 10 `::error` commands of a step, the failure line included
    // (actions/runner ExecutionContext.AddIssue): the step's own reason must be among them.
    const errors = step.annotations.filter((a) => a.level === 'error');
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(errors.slice(0, 10).map((a) => a.message)).toContain(
      `${MANY_SUBNETS} finding(s) at or above error: use AZ IDs instead of AZ names`,
    );
  });

  it('a bad input fails in one line with no stack trace', async () => {
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    const step = await azStep(fixture.prs.addSubnet, workspace, { 'fail-on': 'sometimes' });

    expect(step.exitCode).toBe(1);
    expect(errorCommands(step.stdout)).toEqual([
      "::error::Invalid fail-on 'sometimes': use one of error, warning, never",
    ]);
    expect(step.stdout).not.toMatch(STACK_FRAME);
    expect(step.stderr).not.toMatch(STACK_FRAME);
    expect(step.outputs).toEqual({});
  });

  it('a fork pull request with no AWS credentials runs fully offline', async ({ onTestFinished }) => {
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    const tripwire = networkTripwire(onTestFinished);
    const step = await runStep({
      action: 'az-check',
      event: eventFor(fixture.prs.addSubnet, { fork: true }),
      workspace,
      inputs: { resolve: 'false' },
      env: { ...GIT_STEP_ENV, ...tripwire.env, ...noCredentials(onTestFinished) },
    });

    expect(step.exitCode).toBe(1);
    expect(fileErrors(step).map((a) => [a.file, a.startLine])).toEqual([[NETWORK_TF, 20]]);
    expect(step.stdout).not.toMatch(/Resolving AZ/);
    expect(tripwire.attempts()).toEqual([]);
  });

  it('a fork pull request with resolve on and no credentials warns and stays offline (README)', async ({
    onTestFinished,
  }) => {
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    const tripwire = networkTripwire(onTestFinished);
    const step = await runStep({
      action: 'az-check',
      event: eventFor(fixture.prs.addSubnet, { fork: true }),
      workspace,
      inputs: { resolve: 'true' },
      env: { ...GIT_STEP_ENV, ...tripwire.env, ...noCredentials(onTestFinished) },
    });

    // The offline verdict is unchanged; resolution is a warning.
    expect(step.exitCode).toBe(1);
    expect(fileErrors(step).map((a) => [a.file, a.startLine])).toEqual([[NETWORK_TF, 20]]);
    expect(step.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^resolve: no AWS credentials in the environment \(a pull request from a fork\?\)/,
      ),
    ]);
    // "without credentials it logs a warning and runs offline": not even instance metadata.
    expect(tripwire.attempts()).toEqual([]);
  });

  it('the network tripwire does see AWS calls (control for the offline tests)', async ({
    onTestFinished,
  }) => {
    // A port that was free a moment ago: the connection is refused, but it is attempted.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const workspace = checkoutMerge(fixture.prs.addSubnet);
    const tripwire = networkTripwire(onTestFinished);
    const step = await azStep(
      fixture.prs.addSubnet,
      workspace,
      { resolve: 'true', 'max-attempts': '1', 'endpoint-url': `http://127.0.0.1:${port}` },
      {
        ...tripwire.env,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    );

    expect(step.exitCode).toBe(1);
    expect(tripwire.attempts()).toContain(`connect 127.0.0.1:${port}`);
  });
});
