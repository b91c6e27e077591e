import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runExperimentGate } from '../../actions/run-experiment/src/gate.js';
import { TERMINAL_OUTCOMES } from '../../actions/run-experiment/src/outcome.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';

const read = (path: string) => readFileSync(`${REPO_ROOT}${path}`, 'utf8');
const meta = parse(read('actions/run-experiment/action.yml')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};
const readme = read('actions/run-experiment/README.md');

describe('run-experiment metadata', () => {
  it('declares exactly the inputs the gate reads, with a post step that always runs', () => {
    expect(Object.keys(meta.inputs)).toEqual([...runExperimentGate.inputs]);
    expect(meta.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post/index.js',
      'post-if': 'always()',
    });
  });

  it('documents the defaults the settings apply', () => {
    expect(meta.inputs).toMatchObject({
      timeout: { default: '30m' },
      'poll-interval': { default: '15s' },
      preflight: { default: 'true' },
      wait: { default: 'true' },
      'allowed-outcomes': { default: 'completed' },
    });
  });

  it('shows in the README the very IAM policy the e2e tests enforce', () => {
    const policy = read('examples/run-experiment/iam-policy.json').trim();
    expect(readme).toContain(policy);
    for (const action of [
      'fis:StartExperiment',
      'fis:GetExperiment',
      'fis:StopExperiment',
      'fis:ListExperimentTemplates',
      'fis:GetExperimentTemplate',
      'fis:ListExperiments',
      'fis:ListExperimentResolvedTargets',
      'fis:TagResource',
      'cloudwatch:DescribeAlarms',
      'synthetics:DescribeCanariesLastRun',
    ]) {
      expect(policy).toContain(`"${action}"`);
    }
  });

  it('explains every outcome in the README', () => {
    for (const outcome of [...TERMINAL_OUTCOMES, 'not-started', 'started']) {
      expect(readme).toMatch(new RegExp(`^\\| \`${outcome}\`\\s*\\|`, 'm'));
    }
  });
});
