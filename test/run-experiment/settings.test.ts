import { describe, expect, it } from 'vitest';
import { deriveClientToken, readSettings } from '../../actions/run-experiment/src/settings.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { RUN_ENV, settings } from '../../tools/harness/run-experiment-world.js';

function error(inputs: Record<string, string>, env: Record<string, string> = { ...RUN_ENV }): string {
  try {
    settings(inputs, env);
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(ConfigurationError);
    const message = (thrown as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigurationError');
}

const id = { 'experiment-template-id': 'EXTabc123' };

describe('readSettings', () => {
  it('reads steady-state-alarms one per line, keeping commas (alarm names may contain them)', () => {
    expect(
      settings({ ...id, 'steady-state-alarms': 'api 5xx, prod\nlatency\nlatency' }).steadyStateAlarms,
    ).toEqual(['api 5xx, prod', 'latency']);
  });

  it('applies the documented defaults', () => {
    const s = settings(id);
    expect(s).toMatchObject({
      template: { kind: 'id', id: 'EXTabc123' },
      aws: { region: 'us-east-1', maxAttempts: 5, retryMode: 'standard' },
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 15_000,
      preflight: true,
      validateTargets: false,
      wait: true,
      allowedOutcomes: ['completed'],
      steadyStateAlarms: [],
      steadyStateCanaries: [],
    });
    expect(s.recoveryTimeoutMs).toBeUndefined();
    expect(s.tags).toMatchObject({ 'github:run-id': '1234567890', 'github:sha': RUN_ENV.GITHUB_SHA });
  });

  it('accepts a template ARN and template tags', () => {
    expect(
      settings({
        'experiment-template-id': 'arn:aws:fis:us-east-1:123456789012:experiment-template/EXTabc123',
      }).template,
    ).toEqual({ kind: 'id', id: 'EXTabc123' });
    expect(settings({ 'experiment-template-tags': 'team=checkout\ngate=post-deploy' }).template).toEqual({
      kind: 'tags',
      tags: { team: 'checkout', gate: 'post-deploy' },
    });
  });

  it.each([
    [
      {},
      'Input required and not supplied: experiment-template-id (or experiment-template-tags, Key=Value lines)',
    ],
    [
      { ...id, 'experiment-template-tags': 'a=b' },
      'Set experiment-template-id or experiment-template-tags, not both',
    ],
    [
      { 'experiment-template-id': 'my template' },
      "Invalid experiment-template-id 'my template': use a template id like",
    ],
    [
      { 'experiment-template-tags': 'team' },
      "Invalid experiment-template-tags 'team': use Key=Value, one per line",
    ],
    [{ ...id, timeout: '30' }, "Invalid timeout '30': use a duration like 90s, 15m, 1h30m or PT15M"],
    [{ ...id, 'poll-interval': '1s' }, "Invalid poll-interval '1s': use at least 5s"],
    [{ ...id, region: 'mars-1' }, "Invalid region 'mars-1': use a region code like us-east-1"],
    [{ ...id, 'endpoint-url': 'localhost:4566' }, "Invalid endpoint-url 'localhost:4566'"],
    [{ ...id, 'max-attempts': '0' }, "Invalid max-attempts '0': use a whole number from 1 to 20"],
    [{ ...id, preflight: 'yes' }, "Invalid preflight 'yes': use true or false"],
    [{ ...id, wait: 'no' }, "Invalid wait 'no': use true or false"],
    [
      { ...id, 'allowed-outcomes': 'completed,passed' },
      "Invalid allowed-outcomes 'passed': use one or more of completed",
    ],
    [
      { ...id, 'allowed-outcomes': 'stopped-by-gate' },
      "Invalid allowed-outcomes 'stopped-by-gate': a timeout, cancellation",
    ],
    [
      { ...id, tags: 'aws:owner=me' },
      "Invalid tags 'aws:owner=me': tag keys starting with 'aws:' are reserved",
    ],
    [{ ...id, 'client-token': 'has space' }, "Invalid client-token 'has space'"],
    [
      { ...id, 'steady-state-canaries': 'Checkout Canary' },
      "Invalid steady-state-canaries 'Checkout Canary'",
    ],
    [{ ...id, 'recovery-timeout': '5m' }, "Invalid recovery-timeout '5m': it needs steady-state-alarms"],
    [{ ...id, wait: 'false', 'steady-state-alarms': 'a' }, "Invalid wait 'false': steady-state-alarms"],
  ])('refuses %j in one line naming the input', (inputs, expected) => {
    expect(error(inputs as Record<string, string>)).toContain(expected);
  });

  it('needs a region from the input or the environment', () => {
    expect(() => readSettings(new Inputs(mapInputReader(id)), {})).toThrow(/No AWS region/);
    expect(readSettings(new Inputs(mapInputReader(id)), { AWS_REGION: 'eu-west-1' }).aws.region).toBe(
      'eu-west-1',
    );
  });
});

describe('client token', () => {
  const template = { kind: 'id', id: 'EXTabc123' } as const;

  it('is stable for a retried step and changes with the attempt, job, step and template', () => {
    const token = deriveClientToken(RUN_ENV, template);
    expect(token).toMatch(/^rg-[0-9a-f]{40}$/);
    expect(token.length).toBeLessThanOrEqual(64 - '-validate'.length);
    expect(deriveClientToken({ ...RUN_ENV }, template)).toBe(token);
    for (const change of [
      { GITHUB_RUN_ATTEMPT: '2' },
      { GITHUB_JOB: 'other' },
      { GITHUB_ACTION: '__run_2' },
      { GITHUB_RUN_ID: '1' },
    ]) {
      expect(deriveClientToken({ ...RUN_ENV, ...change }, template)).not.toBe(token);
    }
    expect(deriveClientToken(RUN_ENV, { kind: 'id', id: 'EXTother' })).not.toBe(token);
  });

  it('is random outside GitHub, and exactly the input when given', () => {
    expect(deriveClientToken({}, template)).not.toBe(deriveClientToken({}, template));
    expect(settings({ ...id, 'client-token': 'release-42' }).clientToken).toBe('release-42');
  });
});
