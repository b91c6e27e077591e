import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { FisClient } from '@aws-sdk/client-fis';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { type AwsSettings, awsClientOptions, readAwsSettings } from '../../../core/aws.js';
import { realSleep, systemClock } from '../../../core/clock.js';
import { describeAwsError } from '../../../core/errors.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import {
  defaultReportPath,
  resolveReportPath,
  writeJsonFile,
  writeTextFile,
} from '../../../core/report/json.js';
import { type ExperimentReport, executeExperiment } from './experiment.js';
import { getExperiment, stopExperiment } from './fis.js';
import { mayStillInject } from './outcome.js';
import { junitReport, reportOutputs, summaryMarkdown } from './report.js';
import { INPUT_NAMES, readSettings } from './settings.js';

export const ACTION_NAME = 'run-experiment';
/** Names in GITHUB_STATE, read by the post step. */
export const STATE_EXPERIMENT_ID = 'experiment-id';
export const STATE_FINISHED_ID = 'finished-experiment-id';

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
    result: report.outcome === 'started' ? 'neutral' : report.passed ? 'pass' : 'fail',
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

/**
 * The `post:` step (post-if: always()). The main step saves the experiment id right after
 * StartExperiment and a `finished` marker once it has ended; if the main step was killed before
 * that, the experiment may still be injecting faults: stop it.
 */
async function post(host: Host): Promise<void> {
  const id = host.getState(STATE_EXPERIMENT_ID);
  if (!id) {
    host.log.debug('run-experiment post: no experiment was started, nothing to clean up');
    return;
  }
  if (host.getState(STATE_FINISHED_ID) === id) {
    host.log.info(`run-experiment post: experiment ${id} was settled by the main step, nothing to clean up`);
    return;
  }
  const { fis } = createClients(readAwsSettings(host.inputs, host.env), host.env);
  let status = 'unknown';
  try {
    status = (await getExperiment(fis, id)).state?.status ?? 'unknown';
  } catch (error) {
    host.log.warning(`${describeAwsError(error, `GetExperiment ${id}`)}; stopping it anyway`);
  }
  // 'unknown' (GetExperiment failed) and statuses this code does not know are stopped too.
  if (!mayStillInject(status)) {
    host.log.info(`run-experiment post: experiment ${id} is ${status}, nothing to stop`);
    return;
  }
  host.log.info(
    `run-experiment post: experiment ${id} is still ${status} after the main step ended: stopping it`,
  );
  const stop = await stopExperiment(fis, id, host.log);
  if (!stop.requested) throw new Error(`Could not stop experiment ${id}: ${stop.error}`);
  host.log.info(`run-experiment post: stopped experiment ${id} that the main step left ${status}`);
}

export const runExperimentGate: GateDefinition = {
  name: ACTION_NAME,
  description:
    'Run an AWS FIS experiment as a deploy gate: pass only if the system stayed healthy; never leave chaos running',
  inputs: INPUT_NAMES,
  run,
  post,
};
