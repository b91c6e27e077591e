import { describe, expect, it } from 'vitest';
import {
  canaryCounts,
  failureAnnotations,
  headline,
  renderJUnit,
  renderSummary,
} from '../../actions/canary-gate/src/report.js';
import type { CanaryGateSettings } from '../../actions/canary-gate/src/settings.js';
import type { GateReport } from '../../actions/canary-gate/src/watch.js';

/** The renderers, from a literal report and settings: no emulator, no watch loop. */
const T0 = Date.parse('2026-01-01T00:00:00Z');
const report: GateReport = {
  result: 'fail',
  status: 'failed',
  reason: 'login-flow failed 1 of 1 run(s)',
  region: 'us-east-1',
  startedAt: T0,
  finishedAt: T0 + 120_000,
  since: T0,
  deadline: T0 + 180_000,
  polls: 4,
  canaries: [
    {
      name: 'login-flow',
      verdict: 'fail',
      reason: 'run FAILED: Element #login not found',
      runs: 1,
      passed: 0,
      failed: 1,
      executionFailures: 0,
      inFlight: 0,
      successPercent: 0,
      consecutivePasses: 0,
      warnings: [],
      attempts: [
        {
          id: 'run-1',
          startedAt: T0 + 60_000,
          completedAt: T0 + 90_000,
          state: 'FAILED',
          reason: 'Element #login not found',
          reasonCode: 'CANARY_FAILURE',
          outcome: 'failed',
          counted: true,
          superseded: false,
        },
      ],
      state: 'RUNNING',
      schedule: 'rate(1 minute)',
      triggered: 0,
    },
  ],
  alarms: [
    {
      name: 'api-5xx',
      type: 'MetricAlarm',
      state: 'ALARM',
      updatedAt: T0 + 10_000,
      breached: true,
      breachedAt: T0 + 10_000,
      breachReason: 'Threshold Crossed',
      history: [],
    },
  ],
  warnings: [],
};
const settings = {
  sinceText: 'the start of this step',
  pollIntervalMs: 30_000,
  thresholds: { minRuns: 1, minSuccessPercent: 100, failFast: true, treatExecutionFailuresAs: 'failure' },
  trigger: 'auto',
  onTimeout: 'fail',
} as CanaryGateSettings;

describe('canary-gate renderers', () => {
  it('renders the headline and the summary', () => {
    expect(headline(report)).toBe('canary-gate failed: login-flow failed 1 of 1 run(s)');
    expect(renderSummary(report, settings)).toMatchInlineSnapshot(`
      "## ❌ Canary gate failed

      login-flow failed 1 of 1 run(s)

      Runs since 2026-01-01 00:00:00Z (the start of this step); gate ran 2026-01-01 00:00:00Z → 2026-01-01 00:02:00Z, deadline 2026-01-01 00:03:00Z, 4 poll(s) every 30s.

      min-runs 1 · min-success-percent 100 · consecutive-passes - · fail-fast true · trigger auto · execution failures as failure · on-timeout fail

      | Canary | Verdict | Runs | Passed | Failed | Success | Consecutive | Why |
      | --- | --- | --- | --- | --- | --- | --- | --- |
      | [login-flow](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#synthetics:canary/detail/login-flow) | ❌ fail | 1 | 0 | 1 | 0% | 0 | run FAILED: Element #login not found |

      ### Runs

      <details><summary>login-flow: 1 run(s) since 2026-01-01 00:00:00Z</summary>

      | Started | Status | Duration | Reason | Artifacts | Console |
      | --- | --- | --- | --- | --- | --- |
      | 2026-01-01 00:01:00Z | FAILED | 30s | CANARY_FAILURE: Element #login not found |  | [console](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#synthetics:canary/detail/login-flow) |

      </details>

      ### Alarms

      | Alarm | Type | State now | ALARM in window | State changes in window |
      | --- | --- | --- | --- | --- |
      | api-5xx | MetricAlarm | ALARM | ❌ yes, 2026-01-01 00:00:10Z | no change |
      "
    `);
  });

  it('renders JUnit, one case per canary and per alarm', () => {
    expect(renderJUnit(report)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="canary-gate" tests="2" failures="2" time="30.000">
        <testsuite name="canary-gate" tests="2" failures="2" errors="0" skipped="0" time="30.000" timestamp="2026-01-01T00:00:00.000Z">
          <testcase name="login-flow" classname="canary-gate.canaries" time="30.000">
            <failure message="run FAILED: Element #login not found">2026-01-01T00:01:00.000Z FAILED Element #login not found</failure>
            <system-out>2026-01-01T00:01:00.000Z FAILED Element #login not found</system-out>
          </testcase>
          <testcase name="api-5xx" classname="canary-gate.alarms" time="0.000">
            <failure message="in ALARM at 2026-01-01T00:00:10.000Z: Threshold Crossed">in ALARM at 2026-01-01T00:00:10.000Z: Threshold Crossed</failure>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('annotates failures and counts canaries per verdict', () => {
    expect(failureAnnotations(report)).toMatchInlineSnapshot(`
      [
        {
          "level": "error",
          "message": "run FAILED: Element #login not found",
          "title": "canary login-flow",
        },
        {
          "level": "error",
          "message": "in ALARM: Threshold Crossed",
          "title": "alarm api-5xx",
        },
      ]
    `);
    expect(canaryCounts(report)).toEqual({ passed: 0, failed: 1, 'in-flight': 0, 'not-found': 0 });
  });
});
