import type { GateDefinition } from '../../../core/host.js';
import { defineGate } from '../../../core/pipeline.js';
import {
  canariesJson,
  canaryCounts,
  failureAnnotations,
  headline,
  renderJUnit,
  renderSummary,
  reportJson,
} from './report.js';
import { type CanaryGateSettings, GATE_NAME, INPUT_NAMES, readSettings } from './settings.js';
import type { GateReport } from './watch.js';

/** canary-gate as a pipeline: settings -> watch the canaries (loaded lazily) -> verdict -> reporters. */
export const canaryGateGate: GateDefinition = defineGate<CanaryGateSettings, GateReport>({
  name: GATE_NAME,
  description: 'Block a deployment until CloudWatch Synthetics canaries prove it healthy',
  inputs: INPUT_NAMES,
  settings: (host) => readSettings(host.inputs, host.env, Date.now()),
  // The AWS SDK is loaded only once the settings are valid: a bad input never pays for it.
  evaluate: async (settings, host) => (await import('./evaluation.js')).watchCanaries(settings, host),
  verdict: (report) => ({ result: report.result, reason: report.reason, line: headline(report) }),
  reporters: {
    json: (report, { settings }) => reportJson(report, settings),
    summary: (report, { settings }) => renderSummary(report, settings),
    warnings: (report) => report.warnings,
    annotations: (report) => failureAnnotations(report),
    junit: (report) => renderJUnit(report),
    outputs: (report) => ({ canaries: JSON.stringify(canariesJson(report)), ...canaryCounts(report) }),
  },
});
