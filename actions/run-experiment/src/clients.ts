import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { FisClient } from '@aws-sdk/client-fis';
import type { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { AwsClock, instrumentAwsClient } from '../../../core/aws.js';
import type { Clock } from '../../../core/clock.js';
import { installRawFields } from '../../../core/synthetics-raw-fields.js';

/**
 * Every client run-experiment calls AWS with, instrumented the same way canary-gate's are: a call
 * that fails without an AWS answer (an HTML page from a proxy, a timeout) names the service,
 * operation, endpoint and HTTP status (core/aws.ts instrumentAwsClient), and Synthetics runs keep
 * the members newer than the SDK (RetryAttempt, RetryConfig) that the "could a run have been
 * missed" rule reads. Every response's HTTP Date feeds the AwsClock returned, on which the rule
 * compares read times with canary run times. Idempotent: each middleware is added by name with
 * override, so a later call replaces the clock.
 */
export function instrumentClients(
  clients: { fis: FisClient; cloudwatch: CloudWatchClient; synthetics: SyntheticsClient },
  local: Clock,
): AwsClock {
  const awsClock = new AwsClock(local);
  instrumentAwsClient(clients.fis, 'FIS', awsClock);
  instrumentAwsClient(clients.cloudwatch, 'CloudWatch', awsClock);
  instrumentAwsClient(clients.synthetics, 'Synthetics', awsClock);
  installRawFields(clients.synthetics.middlewareStack);
  return awsClock;
}
