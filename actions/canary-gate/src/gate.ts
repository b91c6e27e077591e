import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { AwsClock, awsClientOptions, instrumentAwsClient } from '../../../core/aws.js';
import { realSleep, systemClock } from '../../../core/clock.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { emitAnnotations } from '../../../core/report/annotations.js';
import {
  defaultReportPath,
  resolveReportPath,
  writeJsonFile,
  writeTextFile,
} from '../../../core/report/json.js';
import { installRawFields } from './raw-fields.js';
import { canariesJson, headline, renderJUnit, renderSummary, reportJson } from './report.js';
import { type CanaryGateSettings, INPUT_NAMES, readSettings } from './settings.js';
import { DELETED_STATE, evaluateCanaries, type GateReport } from './watch.js';

export const GATE_NAME = 'canary-gate';

/**
 * The SDK clients the gate uses, built the way every gate of the suite builds them, and the AWS
 * clock their responses keep (runs and alarm history are judged on AWS's time).
 */
export function createClients(settings: CanaryGateSettings, env: NodeJS.ProcessEnv) {
  const awsClock = new AwsClock(systemClock);
  const synthetics = new SyntheticsClient(awsClientOptions('SYNTHETICS', GATE_NAME, settings.aws, env));
  installRawFields(synthetics.middlewareStack);
  instrumentAwsClient(synthetics, 'Synthetics', awsClock);
  const cloudwatch = new CloudWatchClient(awsClientOptions('CLOUDWATCH', GATE_NAME, settings.aws, env));
  instrumentAwsClient(cloudwatch, 'CloudWatch', awsClock);
  return { synthetics, cloudwatch, awsClock };
}

async function publish(host: Host, report: GateReport, settings: CanaryGateSettings): Promise<void> {
  const reportPath = settings.reportPath
    ? resolveReportPath(settings.reportPath, host.workspace)
    : defaultReportPath(GATE_NAME, host.env, host.workspace);
  await writeJsonFile(reportPath, reportJson(report, settings));
  if (settings.junitPath)
    await writeTextFile(resolveReportPath(settings.junitPath, host.workspace), renderJUnit(report));
  host.setOutput('result', report.result);
  host.setOutput('reason', report.reason);
  host.setOutput('canaries', JSON.stringify(canariesJson(report)));
  for (const [name, count] of Object.entries(canaryCounts(report))) host.setOutput(name, count);
  host.setOutput('report-path', reportPath);
  for (const warning of report.warnings) host.log.warning(warning);
  const failing = report.canaries.filter((c) => c.verdict === 'fail');
  const overflow = emitAnnotations(
    [
      ...failing.map((c) => ({ level: 'error' as const, title: `canary ${c.name}`, message: c.reason })),
      ...report.alarms
        .filter((a) => a.breached)
        .map((a) => ({
          level: 'error' as const,
          title: `alarm ${a.name}`,
          message: `in ALARM: ${a.breachReason ?? ''}`,
        })),
    ],
    (annotation) => host.annotate(annotation),
  );
  if (overflow.length > 0) host.log.info(`${overflow.length} more failures are listed in the job summary`);
  await host.appendSummary(renderSummary(report, settings));
}

async function run(host: Host): Promise<GateOutcome> {
  const settings = readSettings(host.inputs, host.env, Date.now());
  const { synthetics, cloudwatch, awsClock } = createClients(settings, host.env);
  try {
    const report = await evaluateCanaries(
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
    await publish(host, report, settings);
    return { result: report.result, summaryLine: headline(report) };
  } finally {
    synthetics.destroy();
    cloudwatch.destroy();
  }
}

export const canaryGateGate: GateDefinition = {
  name: GATE_NAME,
  description: 'Block a deployment until CloudWatch Synthetics canaries prove it healthy',
  inputs: INPUT_NAMES,
  run,
};

/**
 * Per-verdict canary counts (issue 14, as Datadog's synthetics action sets them): passed, failed,
 * in-flight (no verdict at the end: runs still running or still to come) and not-found (deleted
 * during the gate; an unknown name is an input error before the gate starts).
 */
export function canaryCounts(report: GateReport): Record<string, number> {
  const gone = report.canaries.filter((c) => c.state === DELETED_STATE);
  const present = report.canaries.filter((c) => c.state !== DELETED_STATE);
  return {
    passed: present.filter((c) => c.verdict === 'pass').length,
    failed: present.filter((c) => c.verdict === 'fail').length,
    'in-flight': present.filter((c) => c.verdict !== 'pass' && c.verdict !== 'fail').length,
    'not-found': gone.length,
  };
}
