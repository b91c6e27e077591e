import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { AwsClock, awsClientOptions, instrumentAwsClient } from '../../../core/aws.js';
import { realSleep, systemClock } from '../../../core/clock.js';
import type { Host } from '../../../core/host.js';
import { installRawFields } from './raw-fields.js';
import { type CanaryGateSettings, GATE_NAME } from './settings.js';
import { evaluateCanaries, type GateReport } from './watch.js';

/**
 * The evaluation stage of the gate, in a module of its own: gate.ts imports it lazily, so the
 * AWS SDK loads only after the settings are valid.
 */

/**
 * The SDK clients the gate uses, built the way every gate of the suite builds them, and the AWS
 * clock their responses keep (runs and alarm history are judged on AWS's time).
 */
function createClients(settings: CanaryGateSettings, env: NodeJS.ProcessEnv) {
  const awsClock = new AwsClock(systemClock);
  const synthetics = new SyntheticsClient(awsClientOptions('SYNTHETICS', GATE_NAME, settings.aws, env));
  installRawFields(synthetics.middlewareStack);
  instrumentAwsClient(synthetics, 'Synthetics', awsClock);
  const cloudwatch = new CloudWatchClient(awsClientOptions('CLOUDWATCH', GATE_NAME, settings.aws, env));
  instrumentAwsClient(cloudwatch, 'CloudWatch', awsClock);
  return { synthetics, cloudwatch, awsClock };
}

export async function watchCanaries(settings: CanaryGateSettings, host: Host): Promise<GateReport> {
  const { synthetics, cloudwatch, awsClock } = createClients(settings, host.env);
  try {
    return await evaluateCanaries(
      {
        synthetics,
        cloudwatch,
        clock: systemClock,
        awsClock,
        sleep: realSleep,
        log: host.log,
        signal: host.signal,
      },
      settings,
    );
  } finally {
    synthetics.destroy();
    cloudwatch.destroy();
  }
}
