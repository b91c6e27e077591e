import type { Scenario } from '../../tools/emulator/index.js';
import type { DemoCase } from './types.js';

/**
 * The AWS side of the demo: one emulator serves every case. Timelines are a few real seconds so
 * the demo runs each bundle in real time, as a runner would, at the minimum poll interval.
 */
const SECOND_MS = 1_000;
const STOP_ALARM = 'checkout-api-5xx';

const checkoutTasks = {
  'checkout-tasks': {
    resourceType: 'aws:ecs:task',
    resourceArns: [
      'arn:aws:ecs:us-east-1:123456789012:task/checkout/3f1c9a7e2b5d4e60',
      'arn:aws:ecs:us-east-1:123456789012:task/checkout/8a2d4c6e0f1b3a57',
    ],
    selectionMode: 'ALL',
  },
};

export const DEMO_SCENARIO: Scenario = {
  name: 'demo',
  experimentTemplates: [
    {
      id: 'EXTcheckoutLatency',
      description: 'Add 200 ms of network latency to the checkout API tasks for a few seconds',
      tags: { Service: 'checkout', Gate: 'staging' },
      targets: checkoutTasks,
      actions: {
        'inject-latency': { actionId: 'aws:ecs:task-network-latency', targets: { Tasks: 'checkout-tasks' } },
      },
      stopConditionAlarms: [STOP_ALARM],
      timeline: { preset: 'completes', durationMs: 3 * SECOND_MS },
    },
    {
      id: 'EXTcheckoutCpuStress',
      description: 'Stress CPU on the checkout API tasks; the 5xx alarm fires and halts it',
      tags: { Service: 'checkout', Gate: 'cpu' },
      targets: checkoutTasks,
      actions: {
        'stress-cpu': { actionId: 'aws:ecs:task-cpu-stress', targets: { Tasks: 'checkout-tasks' } },
      },
      stopConditionAlarms: [STOP_ALARM],
      timeline: { preset: 'stop-condition', afterMs: 3 * SECOND_MS, alarmName: STOP_ALARM },
    },
  ],
  canaries: [
    {
      name: 'checkout-smoke',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [{ state: 'PASSED', durationMs: 2 * SECOND_MS }],
    },
    {
      name: 'login-smoke',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [
        {
          state: 'FAILED',
          durationMs: 2 * SECOND_MS,
          reason: "Waiting for selector '#sign-in' failed: timeout 10000ms exceeded",
          reasonCode: 'CANARY_FAILURE',
        },
      ],
    },
  ],
  alarms: [{ name: STOP_ALARM }, { name: 'checkout-latency-p99' }],
};

const FAST_POLL = { 'poll-interval': '5s', timeout: '2m' };

export const AWS_CASES: DemoCase[] = [
  {
    action: 'run-experiment',
    title: 'FIS experiment that completes while the system stays healthy',
    expected: 'pass',
    inputs: { 'experiment-template-tags': 'Service=checkout\nGate=staging', ...FAST_POLL },
  },
  {
    action: 'run-experiment',
    title: 'FIS experiment halted by its stop-condition alarm',
    expected: 'fail',
    inputs: { 'experiment-template-id': 'EXTcheckoutCpuStress', ...FAST_POLL },
  },
  {
    action: 'canary-gate',
    title: 'canary run started after the deploy passes',
    expected: 'pass',
    inputs: { canaries: 'checkout-*', alarms: 'checkout-latency-p99', ...FAST_POLL },
  },
  {
    action: 'canary-gate',
    title: 'canary run after the deploy fails its login step',
    expected: 'fail',
    inputs: { canaries: 'login-smoke', ...FAST_POLL },
  },
];
