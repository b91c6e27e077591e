/** Built-in scenarios, by name, for `npm run emulator -- --scenario NAME` and tests. */
import type { Scenario } from './scenario.js';

const MINUTE_MS = 60_000;
const PROD_ACCOUNT_ID = '111111111111';
const STAGING_ACCOUNT_ID = '222222222222';

const apiTargets = {
  'api-tasks': {
    resourceType: 'aws:ecs:task',
    resourceArns: [
      'arn:aws:ecs:us-east-1:123456789012:task/checkout/0a1b2c3d4e5f',
      'arn:aws:ecs:us-east-1:123456789012:task/checkout/6f7e8d9c0b1a',
    ],
    selectionMode: 'ALL',
  },
};

const latencyAction = {
  'inject-latency': {
    actionId: 'aws:ecs:task-network-latency',
    description: 'Add 200 ms of latency to the checkout API tasks',
    parameters: { duration: 'PT5M', delayMilliseconds: '200' },
    targets: { Tasks: 'api-tasks' },
  },
};

/** Healthy history: a PASSED run every 5 minutes for the last half hour. */
function passingHistory(runs: number) {
  return Array.from({ length: runs }, (_, index) => ({
    startedAtMs: -(index + 1) * 5 * MINUTE_MS,
    durationMs: 18_000,
    state: 'PASSED' as const,
  }));
}

const defaultScenario: Scenario = {
  name: 'default',
  description:
    'A bit of everything: experiments that complete, stop, fail and never resolve targets; canaries; alarms.',
  accounts: {
    [PROD_ACCOUNT_ID]: {},
    [STAGING_ACCOUNT_ID]: {},
  },
  experimentTemplates: [
    {
      id: 'EXTapiLatency01',
      description: 'api-latency-fault',
      tags: { Name: 'api-latency-fault', team: 'checkout', 'resilience-gates': 'pre-deploy' },
      targets: apiTargets,
      actions: latencyAction,
      stopConditionAlarms: ['checkout-api-5xx'],
      timeline: { preset: 'completes', durationMs: 5 * MINUTE_MS },
    },
    {
      id: 'EXTapiLatencyStop',
      description: 'api-latency-fault-stop-condition',
      tags: { Name: 'api-latency-fault-stop-condition', team: 'checkout' },
      targets: apiTargets,
      actions: latencyAction,
      stopConditionAlarms: ['checkout-api-5xx'],
      timeline: { preset: 'stop-condition', afterMs: 2 * MINUTE_MS },
    },
    {
      id: 'EXTazPowerFail01',
      description: 'az-power-interruption',
      tags: { Name: 'az-power-interruption', team: 'platform' },
      targets: apiTargets,
      actions: {
        'stop-instances': {
          actionId: 'aws:ec2:stop-instances',
          parameters: { startInstancesAfterDuration: 'PT10M' },
        },
      },
      timeline: {
        preset: 'fails',
        afterMs: MINUTE_MS,
        reason: 'Action stop-instances failed: insufficient permissions.',
      },
    },
    {
      id: 'EXTnoTargets001',
      description: 'db-failover-no-targets',
      tags: { Name: 'db-failover-no-targets', team: 'data' },
      targets: {
        cluster: {
          resourceType: 'aws:rds:cluster',
          resourceTags: { env: 'does-not-exist' },
          selectionMode: 'ALL',
        },
      },
      actions: { failover: { actionId: 'aws:rds:failover-db-cluster', targets: { Clusters: 'cluster' } } },
      emptyTargetResolutionMode: 'skip',
      resolvedTargets: [],
    },
    {
      id: 'EXTsoakForever1',
      description: 'cpu-stress-soak',
      tags: { Name: 'cpu-stress-soak', team: 'platform' },
      targets: apiTargets,
      actions: { 'cpu-stress': { actionId: 'aws:ssm:send-command', parameters: { duration: 'PT1H' } } },
      timeline: { preset: 'runs-forever' },
    },
  ],
  canaries: [
    {
      name: 'checkout-api-canary',
      schedule: 'rate(5 minutes)',
      tags: { Service: 'checkout', Env: 'prod' },
      history: passingHistory(6),
    },
    {
      name: 'login-flow-canary',
      schedule: 'rate(5 minutes)',
      tags: { Service: 'login', Env: 'prod' },
      history: [
        ...passingHistory(3),
        {
          startedAtMs: -20 * MINUTE_MS,
          state: 'FAILED',
          reason: 'Navigation timeout of 30000 ms exceeded',
          reasonCode: 'CANARY_FAILURE',
        },
      ],
      script: [{ state: 'FAILED', reason: 'Element #login not found', reasonCode: 'CANARY_FAILURE' }],
    },
    {
      name: 'smoke-once-canary',
      schedule: 'rate(0 minute)',
      state: 'READY',
      tags: { Service: 'checkout', Env: 'staging' },
      script: [{ state: 'PASSED', durationMs: 15_000 }],
    },
  ],
  canaryGroups: [{ name: 'checkout-gate', canaries: ['checkout-api-canary', 'login-flow-canary'] }],
  alarms: [
    {
      name: 'checkout-api-5xx',
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      threshold: 10,
    },
    {
      name: 'checkout-api-latency-p99',
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      threshold: 1.5,
    },
    {
      name: 'checkout-health',
      type: 'CompositeAlarm',
      alarmRule: 'ALARM("checkout-api-5xx") OR ALARM("checkout-api-latency-p99")',
    },
  ],
};

/** Nothing but the default credentials: tests add what they need. */
const emptyScenario: Scenario = { name: 'empty' };

/** The gate's unhappy path: the canary fails, the alarm is already firing. */
const degradedScenario: Scenario = {
  name: 'degraded',
  description: 'Canary failing, alarm in ALARM, experiments stop on their stop condition.',
  experimentTemplates: defaultScenario.experimentTemplates?.map((template) => ({
    ...template,
    timeline: { preset: 'stop-condition', afterMs: 30_000 },
  })),
  canaries: [
    {
      name: 'checkout-api-canary',
      history: [
        {
          startedAtMs: -5 * MINUTE_MS,
          state: 'FAILED',
          reason: 'HTTP 503 from /health',
          reasonCode: 'CANARY_FAILURE',
        },
      ],
      defaultOutcome: { state: 'FAILED', reason: 'HTTP 503 from /health', reasonCode: 'CANARY_FAILURE' },
    },
  ],
  canaryGroups: [{ name: 'checkout-gate', canaries: ['checkout-api-canary'] }],
  alarms: [{ name: 'checkout-api-5xx', state: 'ALARM' }],
};

const SCENARIOS: Record<string, Scenario> = {
  default: defaultScenario,
  empty: emptyScenario,
  degraded: degradedScenario,
};

export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS);
}

/** A deep copy, so a test that mutates its scenario cannot leak into the next one. */
export function getScenario(name: string): Scenario {
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`Unknown scenario '${name}': use one of ${scenarioNames().join(', ')}`);
  return structuredClone(scenario);
}
