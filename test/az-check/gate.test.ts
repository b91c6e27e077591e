import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { azCheckGate, runAzCheck } from '../../actions/az-check/src/gate.js';
import { RULES } from '../../actions/az-check/src/rules.js';
import { tempDirsRemovedAfterAll } from '../harness/temp-dirs.js';
import { FIXTURES } from './helpers.js';
import { recordingHost } from './host.js';

// Every temporary folder a test makes is removed when the file's tests are done.
const tempDir = tempDirsRemovedAfterAll();

const ACTION_DIR = join(import.meta.dirname, '../../actions/az-check');

function fixtureWorkspace(): string {
  const dir = tempDir('az-gate-');
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

describe('az-check gate, scan: all', () => {
  it('checks every fixture, annotates within the cap and puts the rest in the summary', async () => {
    const workspace = fixtureWorkspace();
    const host = recordingHost({ scan: 'all', 'sarif-path': 'out/az.sarif' }, workspace);
    const outcome = await runAzCheck(host);

    expect(outcome.result).toBe('fail');
    expect(host.outputs.result).toBe('fail');
    const errors = host.annotations.filter((a) => a.level === 'error');
    const warnings = host.annotations.filter((a) => a.level === 'warning');
    // Nine: the step's failure line is the tenth error GitHub keeps.
    expect(errors).toHaveLength(9);
    expect(warnings).toHaveLength(Math.min(10, Number(host.outputs['warnings-count'])));
    expect(Number(host.outputs['errors-count'])).toBeGreaterThan(10);
    const summary = host.summary.join('\n');
    expect(summary).toContain('GitHub keeps 10 annotations per level per step');
    expect(summary).toContain('| Severity | Rule | Location | Finding | Fix |');
    expect(summary).toContain('suppressed finding(s)');
    // .az-check.yml in the fixtures turns AZ004 into notes and ignores one zone of one file.
    expect(
      host.annotations.filter((a) => a.title?.startsWith('AZ004')).every((a) => a.level === 'notice'),
    ).toBe(true);
  });

  it('writes a JSON report and SARIF that code scanning accepts', async () => {
    const workspace = fixtureWorkspace();
    const host = recordingHost(
      { scan: 'all', 'sarif-path': 'out/az.sarif', 'report-path': 'out/report.json' },
      workspace,
    );
    await runAzCheck(host);

    const report = JSON.parse(readFileSync(join(workspace, 'out/report.json'), 'utf8'));
    expect(report).toMatchObject({ tool: 'az-check', result: 'fail', scan: { mode: 'all' } });
    expect(report.findings.length).toBe(
      Number(host.outputs['findings-count']) + diagnosticsIn(report.findings),
    );
    expect(
      report.suppressed.map((f: { suppressed: { source: string } }) => f.suppressed.source).sort(),
    ).toEqual(expect.arrayContaining(['cfn-lint', 'config', 'inline']));
    expect(
      report.findings
        .filter((f: { ruleId: string }) => f.ruleId === 'AZ000')
        .map((f: { file: string }) => f.file)
        .sort(),
    ).toEqual(['broken/bad.tf.json', 'broken/bad.yaml', 'broken/unterminated.tf']);

    const sarif = JSON.parse(readFileSync(join(workspace, 'out/az.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('az-check');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    // No category in the file: upload-sarif's `category` input decides (sarif.test.ts).
    expect(run.automationDetails).toBeUndefined();
    for (const result of run.results) {
      expect(result.ruleId).toMatch(/^AZ\d{3}$/);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).not.toMatch(/^\/|\\/);
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{1,16}:\d+$/);
    }
    const keys = run.results.map(
      (r: {
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        partialFingerprints: { primaryLocationLineHash: string };
      }) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.partialFingerprints.primaryLocationLineHash}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(run.results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(
      report.suppressed.length,
    );
    expect(host.outputs['sarif-path']).toBe(join(workspace, 'out/az.sarif'));
  });

  it('passes with fail-on never, and on warnings only when fail-on is error', async () => {
    const workspace = fixtureWorkspace();
    const never = recordingHost({ scan: 'all', 'fail-on': 'never' }, workspace);
    expect((await runAzCheck(never)).result).toBe('pass');

    const onlyWarnings = recordingHost({ scan: 'all', paths: 'cdk/cdk.out' }, workspace);
    const outcome = await runAzCheck(onlyWarnings);
    expect(outcome).toEqual({ result: 'pass', summaryLine: '2 finding(s) below the fail-on level (error)' });
    const strict = recordingHost({ scan: 'all', paths: 'cdk/cdk.out', 'fail-on': 'warning' }, workspace);
    expect((await runAzCheck(strict)).result).toBe('fail');
  });

  it('honours paths, ignore-paths and working-directory, with annotation paths from the repository root', async () => {
    const workspace = fixtureWorkspace();
    const host = recordingHost(
      { scan: 'all', 'working-directory': 'kubernetes', 'ignore-paths': 'charts/**' },
      workspace,
    );
    await runAzCheck(host);
    const files = new Set(host.annotations.map((a) => a.file));
    expect([...files].sort()).toEqual([
      'kubernetes/eksctl/cluster.yaml',
      'kubernetes/karpenter/nodepool.yaml',
      'kubernetes/manifests/statefulset.yaml',
    ]);
  });

  it('passes a clean tree with a one-line verdict', async () => {
    const workspace = tempDir('az-clean-');
    writeFileSync(
      join(workspace, 'main.tf'),
      'resource "aws_subnet" "a" {\n  availability_zone_id = "use1-az1"\n}\n',
    );
    const host = recordingHost({ scan: 'all' }, workspace);
    expect(await runAzCheck(host)).toEqual({
      result: 'pass',
      summaryLine: 'No hard-coded Availability Zone names found',
    });
    expect(host.outputs).toMatchObject({ 'findings-count': '0', result: 'pass', 'files-scanned': '1' });
  });

  it('fails in one line on a named config file that does not exist', async () => {
    const host = recordingHost({ scan: 'all', config: 'missing.yml' }, tempDir('az-cfg-'));
    await expect(runAzCheck(host)).rejects.toThrow("Invalid config 'missing.yml'");
  });
});

function diagnosticsIn(findings: { ruleId: string }[]): number {
  return findings.filter((f) => f.ruleId === 'AZ000').length;
}

// The generic metadata checks (inputs, outputs, runs, README tables) are test/metadata.test.ts's.
describe('action.yml, README and the gate definition agree', () => {
  const readme = readFileSync(join(ACTION_DIR, 'README.md'), 'utf8');

  it('takes paths as the CLI positional input', () => {
    expect(azCheckGate.positionalInput).toBe('paths');
  });

  it('documents every rule', () => {
    for (const rule of RULES) expect(readme).toMatch(new RegExp(`^\\|\\s*${rule.id}\\s*\\|`, 'm'));
  });
});

describe('CLI: resilience-gates az-check', () => {
  async function cli(args: string[], cwd: string) {
    const { runCli } = await import('../../cli/main.js');
    let out = '';
    let err = '';
    const code = await runCli(['az-check', ...args], {
      gates: [azCheckGate],
      env: { RUNNER_TEMP: join(cwd, '.tmp') },
      cwd,
      streams: { out: (t) => (out += t), err: (t) => (err += t) },
      signal: new AbortController().signal,
    });
    return { code, out, err };
  }

  it('scans the given paths with --scan all and exits 1 on errors', async () => {
    const workspace = fixtureWorkspace();
    const { code, out, err } = await cli(['--scan', 'all', 'terraform/network/main.tf', 'cdk'], workspace);
    expect(code).toBe(1);
    expect(err).toContain('error: terraform/network/main.tf:34:24: Hard-coded AZ name');
    // No 'output name=value' lines on a terminal (issue 14): the report's path is named instead.
    expect(err).toContain(`report: ${join(workspace, '.tmp', 'az-check-report.json')}`);
    expect(out).toContain('FAIL: ');
    expect(out).not.toContain('kubernetes/');
  });

  it('exits 2 with a one-line message on a bad flag value', async () => {
    const { code, err } = await cli(['--scan', 'everything'], fixtureWorkspace());
    expect(code).toBe(2);
    expect(err).toContain("Invalid scan 'everything': use one of changed, all");
  });
});

describe('own outputs', () => {
  it('never scans its own JSON report or SARIF file on a later run', async () => {
    const workspace = tempDir('az-own-');
    writeFileSync(
      join(workspace, 'main.tf'),
      'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\n',
    );
    const values = { scan: 'all', 'report-path': 'reports/az.json', 'sarif-path': 'reports/az.sarif.json' };
    await runAzCheck(recordingHost(values, workspace));
    const second = recordingHost(values, workspace);
    await runAzCheck(second);
    expect(second.outputs['files-scanned']).toBe('1');
  });
});
