import { formatDuration } from '../../../core/duration.js';
import { type JUnitCase, junitXml } from '../../../core/report/junit.js';
import { code, details, heading, link, RESULT_ICONS, sections, table } from '../../../core/report/summary.js';
import type { ExperimentReport } from './experiment.js';
import { OUTCOME_MEANINGS } from './outcome.js';

/** The job summary, the JUnit file and the outputs, all from the one typed report. */
const MAX_TARGET_ROWS = 50;
const ACTION_CLASS_NAME = 'run-experiment';

export function summaryMarkdown(report: ExperimentReport): string {
  const icon = report.passed
    ? RESULT_ICONS.pass
    : report.outcome === 'started'
      ? RESULT_ICONS.neutral
      : RESULT_ICONS.fail;
  return sections(
    heading(`${icon} run-experiment: ${report.outcome}`),
    report.summaryLine,
    `**Outcome** ${code(report.outcome)}: ${OUTCOME_MEANINGS[report.outcome]}.`,
    templateSection(report),
    preflightSection(report),
    targetsSection(report),
    timelineSection(report),
    actionsSection(report),
    stopConditionsSection(report),
    steadyStateSection(report),
    report.gateStop &&
      `**Stopped by the gate**: ${report.gateStop.description}; StopExperiment ${report.gateStop.stopRequested ? 'accepted' : `failed: ${report.gateStop.stopError}`}.`,
    report.warnings.length > 0 &&
      [heading('Warnings', 3), ...report.warnings.map((w) => `- ${w}`)].join('\n'),
    report.experiment &&
      link(`Open experiment ${report.experiment.id} in the AWS console`, report.experiment.consoleUrl),
  );
}

function preflightSection(report: ExperimentReport): string | undefined {
  if (report.preflight.length === 0) return undefined;
  return [
    heading('Preflight', 3),
    table(
      ['check', 'result', 'detail'],
      report.preflight.map((c) => [c.name, c.ok ? 'ok' : 'refused', c.detail]),
    ),
  ].join('\n\n');
}

function timelineSection(report: ExperimentReport): string | undefined {
  if (report.timeline.length === 0) return undefined;
  return [
    heading('Timeline', 3),
    table(
      ['elapsed', 'state', 'reason', 'actions'],
      report.timeline.map((entry) => [
        formatDuration(entry.elapsedMs),
        entry.status,
        entry.reason ?? '',
        Object.entries(entry.actions)
          .map(([name, status]) => `${name}: ${status}`)
          .join(', '),
      ]),
    ),
  ].join('\n\n');
}

function actionsSection(report: ExperimentReport): string | undefined {
  if (report.actions.length === 0) return undefined;
  return [
    heading('Actions', 3),
    table(
      ['action', 'type', 'status', 'reason', 'started', 'ended'],
      report.actions.map((a) => [
        a.name,
        a.actionId ?? '',
        a.status,
        a.reason ?? '',
        a.startTime ?? '',
        a.endTime ?? '',
      ]),
    ),
  ].join('\n\n');
}

function templateSection(report: ExperimentReport): string {
  const rows = [
    [
      'template',
      `${report.template.id}${report.template.description ? ` (${report.template.description})` : ''}`,
    ],
    ['experiment', report.experiment?.id ?? 'not started'],
    [
      'state',
      report.experiment
        ? `${report.experiment.status}${report.experiment.reason ? `: ${report.experiment.reason}` : ''}`
        : '',
    ],
    [
      'error',
      report.experiment?.error
        ? `${report.experiment.error.code ?? ''} ${report.experiment.error.location ?? ''}`.trim()
        : '',
    ],
    [
      'duration',
      report.experiment?.durationSeconds === undefined
        ? ''
        : formatDuration(report.experiment.durationSeconds * 1000),
    ],
    ['allowed outcomes', report.allowedOutcomes.join(', ')],
  ].filter(([, value]) => value !== '');
  return table(['', ''], rows);
}

function targetsSection(report: ExperimentReport): string | undefined {
  if (!report.experiment || report.outcome === 'started') return undefined;
  const rows = report.resolvedTargets
    .slice(0, MAX_TARGET_ROWS)
    .map((t) => [t.targetName ?? '', t.resourceType ?? '', t.identifier ?? '']);
  const body =
    rows.length === 0 ? 'No targets resolved.' : table(['target', 'resource type', 'resource'], rows);
  const more =
    report.resolvedTargets.length > MAX_TARGET_ROWS
      ? `\n\n…and ${report.resolvedTargets.length - MAX_TARGET_ROWS} more (see the JSON report).`
      : '';
  return details(`Targets resolved: ${report.resolvedTargets.length}`, body + more);
}

function stopConditionsSection(report: ExperimentReport): string | undefined {
  if (report.template.stopConditionAlarms.length === 0) {
    return `${heading('Stop conditions', 3)}\n\nThe template has none: nothing stops this experiment if the runner dies.`;
  }
  const rows =
    report.stopConditions.length > 0
      ? report.stopConditions.map((c) => [c.alarm, c.state, c.fired ? 'yes' : 'no'])
      : report.template.stopConditionAlarms.map((alarm) => [alarm, '', '']);
  return [heading('Stop conditions', 3), table(['alarm', 'state', 'fired'], rows)].join('\n\n');
}

function steadyStateSection(report: ExperimentReport): string | undefined {
  const { alarms, canaries, breach } = report.steadyState;
  if (alarms.length === 0 && canaries.length === 0) return undefined;
  const rows = [
    ...alarms.map((a) => ['alarm', a.name, a.state, a.reason ?? '']),
    ...canaries.map((c) => ['canary', c.name, c.state, c.reason ?? '']),
  ];
  const recovery = report.recovery
    ? `Recovery: ${report.recovery.recovered ? `alarms back to OK after ${formatDuration(report.recovery.waitedMs)}` : `alarms not back to OK within ${formatDuration(report.recovery.timeoutMs)}`}.`
    : '';
  return [
    heading('Steady state', 3),
    breach ? `**Breach**: ${breach}` : 'No breach while the experiment ran.',
    table(['kind', 'name', 'last state', 'reason'], rows),
    recovery,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** One test case per FIS action: failed unless it completed (or was skipped, which is skipped). */
export function junitReport(report: ExperimentReport): string {
  const cases: JUnitCase[] = report.actions.map((action) => {
    const durationMs =
      action.startTime && action.endTime
        ? Date.parse(action.endTime) - Date.parse(action.startTime)
        : undefined;
    const base: JUnitCase = {
      name: action.name,
      className: `${ACTION_CLASS_NAME}.${report.template.id}`,
      ...(durationMs === undefined ? {} : { durationMs }),
      output: `${action.actionId ?? ''} ${action.status}${action.reason ? `: ${action.reason}` : ''}`.trim(),
    };
    if (action.status === 'completed') return base;
    if (action.status === 'skipped') return { ...base, skipped: action.reason ?? 'skipped' };
    return {
      ...base,
      failure: {
        message: `${action.name} ${action.status}${action.reason ? `: ${action.reason}` : ''}`,
        details: report.summaryLine,
      },
    };
  });
  return junitXml({
    name: `run-experiment ${report.experiment?.id ?? report.template.id}`,
    cases,
    ...(report.experiment?.startTime ? { timestamp: report.experiment.startTime } : {}),
  });
}

/** The gate's result: wait: false started an experiment and judged nothing (neutral). */
export function gateResult(report: ExperimentReport): 'pass' | 'fail' | 'neutral' {
  if (report.outcome === 'started') return 'neutral';
  return report.passed ? 'pass' : 'fail';
}

/** The outputs of action.yml besides result, reason and report-path (core/pipeline.ts sets those). */
export function reportOutputs(report: ExperimentReport): Record<string, string> {
  return {
    'experiment-id': report.experiment?.id ?? '',
    outcome: report.outcome,
    state: report.experiment?.status ?? '',
    'state-reason': report.experiment?.reason ?? '',
    'duration-seconds':
      report.experiment?.durationSeconds === undefined ? '' : String(report.experiment.durationSeconds),
    'console-url': report.experiment?.consoleUrl ?? '',
    actions: JSON.stringify(
      Object.fromEntries(
        report.actions.map((a) => [a.name, { status: a.status, ...(a.reason ? { reason: a.reason } : {}) }]),
      ),
    ),
  };
}
