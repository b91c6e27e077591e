import { afterEach, describe, expect, it } from 'vitest';
import {
  artifactsUrl,
  canariesJson,
  renderJUnit,
  renderSummary,
  reportJson,
} from '../../actions/canary-gate/src/report.js';
import type { Emulator } from '../../tools/emulator/index.js';
import { manualEmulator, runGate, settingsFor } from '../../tools/harness/canary-gate-world.js';

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function mixedReport() {
  const started = await manualEmulator({
    canaries: [
      // Runs at 2m only: none is still in flight at the 3m deadline, so this canary passes.
      { name: 'checkout-api', schedule: 'rate(2 minutes)' },
      {
        name: 'login-flow',
        schedule: 'rate(1 minute)',
        script: [{ state: 'FAILED', reason: 'Element #login not found', reasonCode: 'CANARY_FAILURE' }],
      },
    ],
    alarms: [{ name: 'api-5xx', timeline: [{ atMs: 10_000, state: 'ALARM', reason: 'Threshold Crossed' }] }],
  });
  emu = started.emu;
  const inputs = {
    canaries: 'checkout-api\nlogin-flow',
    alarms: 'api-5xx',
    'fail-fast': 'false',
    timeout: '3m',
  };
  const settings = settingsFor(started.emu, inputs, started.clock.now());
  const { report } = await runGate(started.emu, started.clock, inputs);
  return { report, settings };
}

describe('canary-gate reports', () => {
  it('summarises canaries, every run with artifacts and console links, and alarm history', async () => {
    const { report, settings } = await mixedReport();
    expect(report.result).toBe('fail');
    const summary = renderSummary(report, settings);
    expect(summary).toContain('## ❌ Canary gate failed');
    expect(summary).toContain('| Canary | Verdict | Runs | Passed | Failed | Success | Consecutive | Why |');
    expect(summary).toMatch(
      /\| \[checkout-api\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#synthetics:canary\/detail\/checkout-api\) \| ✅ pass/,
    );
    expect(summary).toContain('CANARY_FAILURE: Element #login not found');
    expect(summary).toContain(
      '[artifacts](https://s3.console.aws.amazon.com/s3/buckets/cw-syn-results-123456789012-us-east-1?region=us-east-1&prefix=',
    );
    expect(summary).toContain('| api-5xx | MetricAlarm | ALARM | ❌ yes');
    expect(summary).toContain('OK → ALARM: Threshold Crossed');
  });

  it('writes one JUnit case per canary and per alarm', async () => {
    const { report } = await mixedReport();
    const xml = renderJUnit(report);
    expect(xml).toContain('tests="3" failures="2"');
    expect(xml).toMatch(/<testcase name="checkout-api" classname="canary-gate.canaries" time="[\d.]+"[^/]*>/);
    expect(xml).toMatch(/<failure message="1 of \d+ runs failed/);
    expect(xml).toContain('<testcase name="api-5xx" classname="canary-gate.alarms"');
  });

  it('gives the canaries output and the JSON report every run with ISO times', async () => {
    const { report, settings } = await mixedReport();
    const canaries = canariesJson(report);
    expect(canaries.map((c) => [c.name, c.verdict])).toEqual([
      ['checkout-api', 'pass'],
      ['login-flow', 'fail'],
    ]);
    const run = canaries[1]!.runs.at(-1)!;
    expect(run).toMatchObject({
      state: 'FAILED',
      outcome: 'failed',
      counted: true,
      reasonCode: 'CANARY_FAILURE',
    });
    expect(run.started).toMatch(/^2025-01-15T12:0\d:\d\d\.\d{3}Z$/);
    expect(run.artifacts).toMatch(/^s3:\/\/cw-syn-results-/);
    const json = reportJson(report, settings);
    expect(json).toMatchObject({
      gate: 'canary-gate',
      result: 'fail',
      status: 'failed',
      since: '2025-01-15T12:00:00.000Z',
    });
    expect(json.alarms[0]).toMatchObject({
      name: 'api-5xx',
      breached: true,
      breachedAt: '2025-01-15T12:00:10.000Z',
    });
  });

  it('links artifact prefixes in the S3 console', () => {
    expect(artifactsUrl('eu-west-1', 's3://bucket/canary/x/2025/01')).toBe(
      'https://s3.console.aws.amazon.com/s3/buckets/bucket?region=eu-west-1&prefix=canary%2Fx%2F2025%2F01%2F',
    );
  });
});
