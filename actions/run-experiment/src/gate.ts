import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { FisClient } from '@aws-sdk/client-fis';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { type AwsSettings, awsClientOptions } from '../../../core/aws.js';
import { realSleep, systemClock } from '../../../core/clock.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import {
  defaultReportPath,
  resolveReportPath,
  writeJsonFile,
  writeTextFile,
} from '../../../core/report/json.js';
import {
  ACTION_NAME,
  STATE_CLIENT_TOKEN,
  STATE_EXPERIMENT_ID,
  STATE_FINISHED_ID,
  stopLeftoverExperiment,
} from './cleanup.js';
import { type ExperimentReport, executeExperiment } from './experiment.js';
import { gateResult, junitReport, reportOutputs, summaryMarkdown } from './report.js';
import { INPUT_NAMES, readSettings } from './settings.js';

export { ACTION_NAME, STATE_EXPERIMENT_ID, STATE_FINISHED_ID };

export interface RunExperimentClients {
  fis: FisClient;
  cloudwatch: CloudWatchClient;
  synthetics: SyntheticsClient;
}

export function createClients(aws: AwsSettings, env: NodeJS.ProcessEnv = process.env): RunExperimentClients {
  return {
    fis: new FisClient(awsClientOptions('FIS', ACTION_NAME, aws, env)),
    cloudwatch: new CloudWatchClient(awsClientOptions('CLOUDWATCH', ACTION_NAME, aws, env)),
    synthetics: new SyntheticsClient(awsClientOptions('SYNTHETICS', ACTION_NAME, aws, env)),
  };
}

async function run(host: Host): Promise<GateOutcome> {
  const settings = readSettings(host.inputs, host.env);
  const clients = createClients(settings.aws, host.env);
  const report = await executeExperiment(
    {
      ...clients,
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
  const reportPath = settings.reportPath
    ? resolveReportPath(settings.reportPath, host.workspace)
    : defaultReportPath(ACTION_NAME, host.env, host.workspace);
  // wait: false hands the experiment over to FIS on purpose: the post step must not stop it.
  if (report.outcome === 'started' && report.experiment)
    host.saveState(STATE_FINISHED_ID, report.experiment.id);
  await publish(host, report, reportPath, settings.junitPath);
  return {
    result: gateResult(report),
    summaryLine: report.summaryLine,
  };
}

async function publish(
  host: Host,
  report: ExperimentReport,
  reportPath: string,
  junitPath?: string,
): Promise<void> {
  await writeJsonFile(reportPath, report);
  if (junitPath) await writeTextFile(resolveReportPath(junitPath, host.workspace), junitReport(report));
  for (const [name, value] of Object.entries(reportOutputs(report, reportPath))) host.setOutput(name, value);
  for (const warning of report.warnings)
    host.annotate({ level: 'warning', message: warning, title: ACTION_NAME });
  await host.appendSummary(summaryMarkdown(report));
}

export const runExperimentGate: GateDefinition = {
  name: ACTION_NAME,
  description:
    'Run an AWS FIS experiment as a deploy gate: pass only if the system stayed healthy; never leave chaos running',
  inputs: INPUT_NAMES,
  run,
  // The post step lives in cleanup.ts so the post bundle does not carry the main step.
  post: stopLeftoverExperiment,
};
