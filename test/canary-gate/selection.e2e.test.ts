import { describe, expect, it } from 'vitest';
import { type CanarySpec, type Scenario, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { runStep } from '../../tools/harness/runner.js';

/**
 * Issue 14: `canary-tags` selects canaries by their tags, as Checkly selects checks by tag. The
 * committed bundle, run as the runner runs it, against the emulator in real time.
 */
const E2E_TIMEOUT_MS = 180_000;
const FAST = { 'poll-interval': '5s', timeout: '1m' };

function runOnce(name: string, tags: Record<string, string>): CanarySpec {
  return {
    name,
    schedule: 'rate(0 minute)',
    state: 'READY',
    tags,
    script: [{ state: 'PASSED', durationMs: 1_000 }],
  };
}

/** More canaries than one DescribeCanaries page (20): orders-api sorts onto the second page. */
const FILLERS = Array.from({ length: 22 }, (_, i) =>
  runOnce(`filler-${String(i).padStart(2, '0')}`, { Service: 'filler' }),
);
const tagged: Scenario = {
  canaries: [
    runOnce('checkout-api', { Service: 'checkout', Env: 'prod' }),
    runOnce('checkout-web', { Service: 'checkout', Env: 'staging' }),
    runOnce('login-api', { Service: 'login', Env: 'prod' }),
    ...FILLERS,
    runOnce('orders-api', { Service: 'orders', Env: 'prod' }),
  ],
};

interface CanaryOutput {
  name: string;
  verdict: string;
}

async function gate(onTestFinished: (fn: () => Promise<void>) => void, inputs: Record<string, string>) {
  const emu = await startEmulator({ scenario: tagged });
  onTestFinished(() => emu.close());
  const step = await runStep({
    action: 'canary-gate',
    inputs: { ...FAST, ...inputs },
    env: emulatorEnv(emu),
  });
  const watched = step.outputs.canaries
    ? (JSON.parse(step.outputs.canaries) as CanaryOutput[]).map((c) => c.name)
    : [];
  return { emu, step, watched };
}

describe.concurrent('canary-gate canary-tags (bundle e2e)', () => {
  it(
    'watches the canaries that carry every given tag (AND), found over every page',
    async ({ onTestFinished }) => {
      const { step, watched } = await gate(onTestFinished, { 'canary-tags': 'Service=checkout\nEnv=prod' });
      expect(step.stderr).toBe('');
      expect(step.outputs.result).toBe('pass');
      expect(watched).toEqual(['checkout-api']);
      const second = await gate(onTestFinished, { 'canary-tags': 'Service=orders' });
      expect(second.watched).toEqual(['orders-api']);
      // Two pages of DescribeCanaries: the selector saw every canary of the region.
      expect(second.emu.calls('DescribeCanaries').length).toBeGreaterThanOrEqual(2);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'adds the tagged canaries to the named ones (union), each once',
    async ({ onTestFinished }) => {
      const { step, watched } = await gate(onTestFinished, {
        canaries: 'login-api\ncheckout-api',
        'canary-tags': 'Service=checkout',
      });
      expect(step.outputs.result).toBe('pass');
      expect(watched).toEqual(['checkout-api', 'checkout-web', 'login-api']);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'refuses a tag selector that matches no canary, in one line naming the input and value, before any run',
    async ({ onTestFinished }) => {
      const { emu, step } = await gate(onTestFinished, {
        canaries: 'login-api',
        'canary-tags': 'Service=checkout, Env=dev',
      });
      expect(step.exitCode).toBe(1);
      expect(step.outputs.result).toBeUndefined();
      expect(step.failure).toBe(
        "Invalid canary-tags 'Service=checkout, Env=dev': no canary of the 26 in us-east-1 carries all of these tags (tag keys and values are case-sensitive)",
      );
      expect(emu.calls('StartCanary')).toHaveLength(0);
      expect(emu.calls('GetCanaryRuns')).toHaveLength(0);
    },
    E2E_TIMEOUT_MS,
  );

  it.for([
    ['Service', "Invalid canary-tags 'Service': use Key=Value"],
    [
      'Service=checkout\nService=login',
      "Invalid canary-tags 'Service=login': the key Service is already given",
    ],
  ])('refuses bad canary-tags %j before any AWS call', async ([value, message], { onTestFinished }) => {
    const { emu, step } = await gate(onTestFinished, { 'canary-tags': value! });
    expect(step.exitCode).toBe(1);
    expect(step.failure).toContain(message);
    expect(step.failure).not.toContain('\n');
    expect(emu.requests).toHaveLength(0);
  });

  it('accepts canary-tags alone (neither canaries nor group)', async ({ onTestFinished }) => {
    const { step, watched } = await gate(onTestFinished, { 'canary-tags': 'Env=staging' });
    expect(step.outputs.result).toBe('pass');
    expect(watched).toEqual(['checkout-web']);
  });
});
