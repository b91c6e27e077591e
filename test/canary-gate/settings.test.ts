import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { canaryGateGate } from '../../actions/canary-gate/src/gate.js';
import { readSettings } from '../../actions/canary-gate/src/settings.js';
import { Inputs, mapInputReader, splitList } from '../../core/inputs.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const ENV = { AWS_REGION: 'us-east-1' };

function settings(values: Record<string, string>, env: NodeJS.ProcessEnv = ENV) {
  return readSettings(new Inputs(mapInputReader(values)), env, NOW);
}

function error(values: Record<string, string>, env: NodeJS.ProcessEnv = ENV): string {
  try {
    settings(values, env);
  } catch (thrown) {
    expect((thrown as Error).name).toBe('ConfigurationError');
    return (thrown as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('readSettings', () => {
  it('has the documented defaults', () => {
    expect(settings({ canaries: 'checkout-api' })).toEqual({
      names: ['checkout-api'],
      patterns: [],
      since: { kind: 'step-start' },
      sinceText: 'the start of this step',
      thresholds: { minRuns: 1, minSuccessPercent: 100, failFast: true, treatExecutionFailuresAs: 'failure' },
      trigger: 'auto',
      alarms: [],
      insufficientData: 'fail',
      timeoutMs: 15 * 60_000,
      pollIntervalMs: 30_000,
      onTimeout: 'fail',
      aws: { region: 'us-east-1', endpointUrl: undefined, maxAttempts: 5, retryMode: 'standard' },
    });
  });

  it('separates names from glob patterns; commas split except inside braces', () => {
    expect(splitList('checkout-*\nlogin-api, search\n# comment\n\ncheckout-{api,web}')).toEqual([
      'checkout-*',
      'login-api',
      'search',
      'checkout-{api,web}',
    ]);
    const s = settings({ canaries: 'checkout-*\nlogin-api\nlogin-api\ncheckout-{api,web}' });
    expect(s.names).toEqual(['login-api']);
    expect(s.patterns).toEqual(['checkout-*', 'checkout-{api,web}']);
  });

  it('reads since as an ISO timestamp (UTC when no zone) or a duration ago', () => {
    expect(settings({ canaries: 'a', since: '10m' }).since).toEqual({ kind: 'ago', ms: 600_000 });
    expect(settings({ canaries: 'a', since: '2025-01-15T11:00:00Z' }).since).toEqual({
      kind: 'at',
      ms: NOW - 3_600_000,
    });
    expect(settings({ canaries: 'a', since: '2025-01-15T11:00:00' }).since).toEqual({
      kind: 'at',
      ms: NOW - 3_600_000,
    });
    expect(settings({ canaries: 'a', since: '2025-01-15T13:00:00+02:00' }).since).toEqual({
      kind: 'at',
      ms: NOW - 3_600_000,
    });
  });

  it('keeps alarm names whole, one per line (they may contain commas)', () => {
    expect(settings({ canaries: 'a', alarms: 'api 5xx, prod\nlatency\n' }).alarms).toEqual([
      'api 5xx, prod',
      'latency',
    ]);
  });

  it.each([
    [
      {},
      'Input required and not supplied: canaries (names or glob patterns, one per line), group (a Synthetics group) or canary-tags (Key=Value)',
    ],
    [
      { canaries: 'Checkout' },
      "Invalid canaries 'Checkout': use canary names (lower-case letters, digits, - and _) or glob patterns like checkout-*, one per line",
    ],
    [
      { canaries: 'a', group: 'no spaces here' },
      "Invalid group 'no spaces here': use a Synthetics group name (letters, digits, - and _) or its ARN",
    ],
    [
      { canaries: 'a', since: 'last tuesday' },
      "Invalid since 'last tuesday': use an ISO timestamp like 2025-01-15T12:00:00Z, or a duration ago like 10m (use a duration like 90s, 15m, 1h30m or PT15M)",
    ],
    [
      { canaries: 'a', since: '2025-01-16T00:00:00Z' },
      "Invalid since '2025-01-16T00:00:00Z': use a time in the past (the deploy that the canaries must prove)",
    ],
    [{ canaries: 'a', 'min-runs': '0' }, "Invalid min-runs '0': use a whole number from 1 to 1000"],
    [
      { canaries: 'a', 'min-success-percent': '99.5' },
      "Invalid min-success-percent '99.5': use a whole number from 0 to 100",
    ],
    [
      { canaries: 'a', 'consecutive-passes': 'two' },
      "Invalid consecutive-passes 'two': use a whole number from 1 to 1000",
    ],
    [{ canaries: 'a', 'fail-fast': 'yes' }, "Invalid fail-fast 'yes': use true or false"],
    [{ canaries: 'a', trigger: 'always' }, "Invalid trigger 'always': use one of auto, never"],
    [{ canaries: 'a', 'poll-interval': '2s' }, "Invalid poll-interval '2s': use at least 5s"],
    [{ canaries: 'a', timeout: '30' }, "Invalid timeout '30': use a duration like 90s, 15m, 1h30m or PT15M"],
    [
      { canaries: 'a', timeout: '20s', 'poll-interval': '30s' },
      "Invalid timeout '20s': use at least the poll-interval (30s)",
    ],
    [
      { canaries: 'a', 'on-timeout': 'ignore' },
      "Invalid on-timeout 'ignore': use one of fail, pass, neutral",
    ],
    [
      { canaries: 'a', 'treat-execution-failures-as': 'pass' },
      "Invalid treat-execution-failures-as 'pass': use one of failure, warning",
    ],
    [
      { canaries: 'a', 'endpoint-url': 'localhost:4566' },
      "Invalid endpoint-url 'localhost:4566': use an http(s) URL like https://fis.us-east-1.amazonaws.com",
    ],
    [{ canaries: 'a', 'max-attempts': '50' }, "Invalid max-attempts '50': use a whole number from 1 to 20"],
  ])('refuses %j in one line', (values, message) => {
    const text = error(values as Record<string, string>);
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });

  it('needs a region', () => {
    expect(error({ canaries: 'a' }, {})).toMatch(/^No AWS region: set the 'region' input/);
  });
});

describe('canaryGateGate', () => {
  it('declares exactly the inputs of action.yml', () => {
    const meta = parse(readFileSync(join(REPO_ROOT, 'actions/canary-gate/action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect([...canaryGateGate.inputs]).toEqual(Object.keys(meta.inputs));
    expect(canaryGateGate.name).toBe('canary-gate');
  });
});

describe('examples/canary-gate', () => {
  it('keeps the IAM policy file equal to the README policy', () => {
    const readme = readFileSync(join(REPO_ROOT, 'actions/canary-gate/README.md'), 'utf8');
    const section = readme.split(/^## /m).find((part) => part.startsWith('Minimum IAM policy'))!;
    const fromReadme = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as unknown;
    const file = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples/canary-gate/iam-policy.json'), 'utf8'),
    ) as unknown;
    expect(file).toEqual(fromReadme);
  });

  it('uses only inputs the action declares in the example workflow', () => {
    const meta = parse(readFileSync(join(REPO_ROOT, 'actions/canary-gate/action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    const workflow = parse(readFileSync(join(REPO_ROOT, 'examples/canary-gate/post-deploy.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.uses?.includes('actions/canary-gate'))!;
    for (const name of Object.keys(step.with ?? {})) expect(Object.keys(meta.inputs)).toContain(name);
  });
});
