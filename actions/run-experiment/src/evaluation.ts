import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { FisClient } from '@aws-sdk/client-fis';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { type AwsSettings, awsClientOptions } from '../../../core/aws.js';
import { realSleep, systemClock } from '../../../core/clock.js';
import type { Host } from '../../../core/host.js';
import { type ExperimentReport, executeExperiment } from './experiment.js';
import type { RunExperimentSettings } from './settings.js';
import { ACTION_NAME, STATE_CLIENT_TOKEN, STATE_EXPERIMENT_ID, STATE_FINISHED_ID } from './state.js';

/**
 * The evaluation stage of the gate, in a module of its own: gate.ts imports it lazily, so the
 * AWS SDK loads only after the settings are valid.
 */
export interface RunExperimentClients {
  fis: FisClient;
  cloudwatch: CloudWatchClient;
  synthetics: SyntheticsClient;
}

function createClients(aws: AwsSettings, env: NodeJS.ProcessEnv): RunExperimentClients {
  return {
    fis: new FisClient(awsClientOptions('FIS', ACTION_NAME, aws, env)),
    cloudwatch: new CloudWatchClient(awsClientOptions('CLOUDWATCH', ACTION_NAME, aws, env)),
    synthetics: new SyntheticsClient(awsClientOptions('SYNTHETICS', ACTION_NAME, aws, env)),
  };
}

export async function runExperiment(settings: RunExperimentSettings, host: Host): Promise<ExperimentReport> {
  const report = await executeExperiment(
    {
      ...createClients(settings.aws, host.env),
      clock: systemClock,
      sleep: realSleep,
      log: host.log,
      signal: host.signal,
      // Saved at once: if this process is killed, the post step still knows what to stop.
      onStarting: (token) => host.saveState(STATE_CLIENT_TOKEN, token),
      onStarted: (id) => host.saveState(STATE_EXPERIMENT_ID, id),
      onFinished: (id) => host.saveState(STATE_FINISHED_ID, id),
    },
    settings,
  );
  // wait: false hands the experiment over to FIS on purpose: the post step must not stop it.
  if (report.outcome === 'started' && report.experiment)
    host.saveState(STATE_FINISHED_ID, report.experiment.id);
  return report;
}
