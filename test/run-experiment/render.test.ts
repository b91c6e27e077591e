import { describe, expect, it } from 'vitest';
import type { ExperimentReport } from '../../actions/run-experiment/src/experiment.js';
import {
  gateResult,
  junitReport,
  reportOutputs,
  summaryMarkdown,
} from '../../actions/run-experiment/src/report.js';

/** The renderers, from a literal report: no emulator, no FIS loop. */
const report: ExperimentReport = {
  passed: false,
  outcome: 'stopped-by-stop-condition',
  summaryLine: 'Experiment EXP1 stopped by its stop condition checkout-5xx',
  failures: ['stopped by stop condition checkout-5xx'],
  allowedOutcomes: ['completed'],
  region: 'us-east-1',
  template: { id: 'EXTabc', description: 'latency', tags: {}, stopConditionAlarms: ['checkout-5xx'] },
  experiment: {
    id: 'EXP1',
    status: 'stopped',
    reason: 'Experiment stopped by stop condition',
    startTime: '2026-01-01T00:00:00.000Z',
    endTime: '2026-01-01T00:02:00.000Z',
    durationSeconds: 120,
    consoleUrl:
      'https://us-east-1.console.aws.amazon.com/fis/home?region=us-east-1#ExperimentDetails:ExperimentId=EXP1',
    tags: {},
  },
  actions: [
    {
      name: 'inject-latency',
      actionId: 'aws:ecs:task-network-latency',
      status: 'stopped',
      startTime: '2026-01-01T00:00:00.000Z',
      endTime: '2026-01-01T00:02:00.000Z',
    },
  ],
  timeline: [
    {
      at: '2026-01-01T00:00:00.000Z',
      elapsedMs: 0,
      status: 'running',
      actions: { 'inject-latency': 'running' },
    },
  ],
  resolvedTargets: [{ targetName: 'tasks', resourceType: 'aws:ecs:task', identifier: 'arn:aws:ecs:task/1' }],
  stopConditions: [{ alarm: 'checkout-5xx', state: 'ALARM', fired: true }],
  preflight: [{ name: 'stop-condition-alarms', ok: true, detail: '1 alarm, all OK' }],
  steadyState: { alarms: [], canaries: [] },
  warnings: ['the experiment report could not be read'],
};

describe('run-experiment renderers', () => {
  it('renders the summary', () => {
    expect(summaryMarkdown(report)).toMatchInlineSnapshot(`
      "## ❌ run-experiment: stopped-by-stop-condition

      Experiment EXP1 stopped by its stop condition checkout-5xx

      **Outcome** \`stopped-by-stop-condition\`: a stop-condition alarm of the template fired and FIS stopped the experiment.

      - **template**: EXTabc (latency)
      - **experiment**: EXP1
      - **state**: stopped: Experiment stopped by stop condition
      - **duration**: 2m
      - **allowed outcomes**: completed

      ### Preflight

      | check | result | detail |
      | --- | --- | --- |
      | stop-condition-alarms | ok | 1 alarm, all OK |

      <details><summary>Targets resolved: 1</summary>

      | target | resource type | resource |
      | --- | --- | --- |
      | tasks | aws:ecs:task | arn:aws:ecs:task/1 |

      </details>

      ### Timeline

      | elapsed | state | reason | actions |
      | --- | --- | --- | --- |
      | 0ms | running |  | inject-latency: running |

      ### Actions

      | action | type | status | reason | started | ended |
      | --- | --- | --- | --- | --- | --- |
      | inject-latency | aws:ecs:task-network-latency | stopped |  | 2026-01-01T00:00:00.000Z | 2026-01-01T00:02:00.000Z |

      ### Stop conditions

      | alarm | state | fired |
      | --- | --- | --- |
      | checkout-5xx | ALARM | yes |

      ### Warnings
      - the experiment report could not be read

      [Open experiment EXP1 in the AWS console](https://us-east-1.console.aws.amazon.com/fis/home?region=us-east-1#ExperimentDetails:ExperimentId=EXP1)
      "
    `);
  });

  it('renders JUnit, one case per action', () => {
    expect(junitReport(report)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="run-experiment EXP1" tests="1" failures="1" time="120.000">
        <testsuite name="run-experiment EXP1" tests="1" failures="1" errors="0" skipped="0" time="120.000" timestamp="2026-01-01T00:00:00.000Z">
          <testcase name="inject-latency" classname="run-experiment.EXTabc" time="120.000">
            <failure message="inject-latency stopped">Experiment EXP1 stopped by its stop condition checkout-5xx</failure>
            <system-out>aws:ecs:task-network-latency stopped</system-out>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('sets the outputs beside result, reason and report-path', () => {
    expect(gateResult(report)).toBe('fail');
    expect(reportOutputs(report)).toMatchInlineSnapshot(`
      {
        "actions": "{"inject-latency":{"status":"stopped"}}",
        "console-url": "https://us-east-1.console.aws.amazon.com/fis/home?region=us-east-1#ExperimentDetails:ExperimentId=EXP1",
        "duration-seconds": "120",
        "experiment-id": "EXP1",
        "outcome": "stopped-by-stop-condition",
        "state": "stopped",
        "state-reason": "Experiment stopped by stop condition",
      }
    `);
  });
});
