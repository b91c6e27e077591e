import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Canary, SyntheticsClient } from '@aws-sdk/client-synthetics';
import { describeAlarmsByName } from '../../../core/cloudwatch.js';
import { invalidInput } from '../../../core/errors.js';
import { describeCanariesByName } from '../../../core/synthetics.js';

/**
 * The steady-state signals must exist before anything is injected, with or without the preflight:
 * a misspelled name would watch nothing and let the gate pass while the real signal fails. An
 * unknown name is an input error (one line, naming the input and the names), like canary-gate's.
 */
export interface SignalClients {
  cloudwatch: CloudWatchClient;
  synthetics: SyntheticsClient;
}

export interface KnownSignals {
  /** The steady-state canaries as DescribeCanaries returned them (state, schedule). */
  canaries: Map<string, Canary>;
}

export async function verifySignalNames(
  clients: SignalClients,
  region: string,
  names: { alarms: readonly string[]; canaries: readonly string[] },
  signal?: AbortSignal,
): Promise<KnownSignals> {
  const [alarms, canaries] = await Promise.all([
    names.alarms.length > 0 ? describeAlarmsByName(clients.cloudwatch, names.alarms, signal) : [],
    names.canaries.length > 0
      ? describeCanariesByName(clients.synthetics, names.canaries, signal)
      : new Map<string, Canary>(),
  ]);
  const knownAlarms = new Set(alarms.map((alarm) => alarm.AlarmName));
  const missingAlarms = names.alarms.filter((name) => !knownAlarms.has(name));
  if (missingAlarms.length > 0) {
    throw invalidInput(
      'steady-state-alarms',
      missingAlarms.join(', '),
      `no such CloudWatch alarm in ${region} (check the name and the region)`,
    );
  }
  const missingCanaries = names.canaries.filter((name) => !canaries.has(name));
  if (missingCanaries.length > 0) {
    throw invalidInput(
      'steady-state-canaries',
      missingCanaries.join(', '),
      `no such Synthetics canary in ${region} (check the name and the region)`,
    );
  }
  return { canaries };
}
