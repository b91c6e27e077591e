import type { AlarmTransition } from '../../../core/cloudwatch.js';
/** The gate's view of Synthetics and CloudWatch, independent of the SDK's shapes. */

/** The state the gate records for a canary DescribeCanaries no longer knows. */
export const DELETED_STATE = 'DELETED';

export type RunState = 'RUNNING' | 'PASSED' | 'FAILED';

export interface RunRecord {
  id: string;
  startedAt: number;
  completedAt?: number;
  state: RunState;
  reason?: string;
  /** CANARY_FAILURE or EXECUTION_FAILURE. */
  reasonCode?: string;
  /** PASSED, FAILED or UNKNOWN: the script's own result (newer API field, read raw). */
  testResult?: string;
  /** 1 or 2 on a retry of a failed scheduled run (newer API field, read raw). */
  retryAttempt?: number;
  /** The scheduled run a retry belongs to (newer API field, read raw). */
  scheduledRunId?: string;
  artifactS3Location?: string;
}

export interface CanaryInfo {
  name: string;
  state: string;
  stateReason?: string;
  schedule: string;
  /** `rate(0 minute)`: runs once per StartCanary. */
  runOnce: boolean;
  /** The schedule's period; undefined for cron expressions. */
  periodMs?: number;
  /** Schedule.RetryConfig.MaxRetries, when the API returns it. */
  maxRetries?: number;
  /** It was running when the gate began and someone stopped it since: no run will come. */
  stoppedDuringGate?: boolean;
}

export interface AlarmWatch {
  name: string;
  type: 'MetricAlarm' | 'CompositeAlarm';
  state: string;
  stateReason?: string;
  /** Epoch ms of the last state update seen. */
  updatedAt?: number;
  /** True once the alarm was seen in ALARM (or its history shows ALARM) inside the window. */
  breached: boolean;
  breachedAt?: number;
  breachReason?: string;
  /** State changes inside the window, oldest first (DescribeAlarmHistory). */
  history: AlarmTransition[];
}

export type { AlarmTransition };
