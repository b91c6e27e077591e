import { formatDuration } from '../../../core/duration.js';
import type { Annotation } from '../../../core/report/annotations.js';
import { junitXml } from '../../../core/report/junit.js';
import { code, details, heading, link, RESULT_ICONS, sections, table } from '../../../core/report/summary.js';
import type { EvaluatedRun } from './evaluate.js';
import type { CanaryGateSettings } from './settings.js';
import { type AlarmWatch, DELETED_STATE } from './types.js';
import type { CanaryReport, GateReport } from './watch.js';

/** Renders a GateReport as the job summary, JUnit XML and the JSON report / `canaries` output. */

const VERDICT_ICONS = { pass: '✅', fail: '❌', pending: '⏳', timeout: '⏱️' } as const;
const OUTCOME_LABELS: Record<EvaluatedRun['outcome'], string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  'execution-failure': 'FAILED (execution)',
  running: 'RUNNING',
  'retry-pending': 'FAILED (retry due)',
};
const STATUS_TITLES = {
  passed: 'passed',
  failed: 'failed',
  timeout: 'timed out',
  cancelled: 'was cancelled',
  error: 'could not finish',
} as const;

function iso(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

function utc(ms: number): string {
  return iso(ms)
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function consoleUrl(region: string, canary: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#synthetics:canary/detail/${encodeURIComponent(canary)}`;
}

/** `bucket/prefix...` as Synthetics reports it, to an S3 console link. */
export function artifactsUrl(region: string, location: string): string {
  const path = location.replace(/^s3:\/\//, '');
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? '' : `${path.slice(slash + 1)}/`;
  return `https://s3.console.aws.amazon.com/s3/buckets/${bucket}?region=${region}&prefix=${encodeURIComponent(prefix)}`;
}

export function headline(report: GateReport): string {
  return `canary-gate ${STATUS_TITLES[report.status]}: ${report.reason}`;
}

function thresholdsLine(settings: CanaryGateSettings): string {
  const t = settings.thresholds;
  return [
    `min-runs ${t.minRuns}`,
    `min-success-percent ${t.minSuccessPercent}`,
    `consecutive-passes ${t.consecutivePasses ?? '-'}`,
    `fail-fast ${t.failFast}`,
    `trigger ${settings.trigger}`,
    `execution failures as ${t.treatExecutionFailuresAs}`,
    `on-timeout ${settings.onTimeout}`,
  ].join(' · ');
}

function canaryTable(report: GateReport): string {
  return table(
    ['Canary', 'Verdict', 'Runs', 'Passed', 'Failed', 'Success', 'Consecutive', 'Why'],
    report.canaries.map((c) => [
      link(c.name, consoleUrl(report.region, c.name)),
      `${VERDICT_ICONS[c.verdict]} ${c.verdict}`,
      String(c.runs),
      String(c.passed),
      String(c.failed),
      c.successPercent === undefined ? '-' : `${c.successPercent}%`,
      String(c.consecutivePasses),
      c.reason,
    ]),
  );
}

function runRow(run: EvaluatedRun, report: GateReport, canary: string): string[] {
  const duration = run.completedAt === undefined ? '' : formatDuration(run.completedAt - run.startedAt);
  const label =
    OUTCOME_LABELS[run.outcome] +
    (run.superseded ? ', retried' : '') +
    (run.afterVerdict ? ', after the verdict' : '') +
    (run.counted ? '' : ', not counted');
  const attempt = run.retryAttempt ? ` (retry ${run.retryAttempt})` : '';
  return [
    utc(run.startedAt) + attempt,
    label,
    duration,
    [run.reasonCode, run.reason].filter(Boolean).join(': '),
    run.artifactS3Location ? link('artifacts', artifactsUrl(report.region, run.artifactS3Location)) : '',
    link('console', consoleUrl(report.region, canary)),
  ];
}

function runsSection(canary: CanaryReport, report: GateReport): string {
  const title = `${canary.name}: ${canary.attempts.length} run(s) since ${utc(report.since)}`;
  if (canary.attempts.length === 0)
    return `**${title}**: no runs yet (state ${canary.state}, schedule ${code(canary.schedule)})`;
  const runs = table(
    ['Started', 'Status', 'Duration', 'Reason', 'Artifacts', 'Console'],
    canary.attempts.map((run) => runRow(run, report, canary.name)),
  );
  return details(title, runs);
}

function alarmSection(alarms: readonly AlarmWatch[]): string | undefined {
  if (alarms.length === 0) return undefined;
  const rows = alarms.map((alarm) => [
    alarm.name,
    alarm.type,
    alarm.state,
    alarm.breached ? `❌ yes, ${utc(alarm.breachedAt ?? 0)}` : '✅ no',
    alarm.history
      .map((h) => `${utc(h.at)} ${h.from} → ${h.to}${h.reason ? `: ${h.reason}` : ''}`)
      .join('\n') || 'no change',
  ]);
  return sections(
    heading('Alarms', 3),
    table(['Alarm', 'Type', 'State now', 'ALARM in window', 'State changes in window'], rows),
  ).trim();
}

export function renderSummary(report: GateReport, settings: CanaryGateSettings): string {
  const icon = RESULT_ICONS[report.result];
  const warnings = report.warnings.map((w) => `> [!WARNING]\n> ${w}`).join('\n\n');
  const window =
    `Runs since ${utc(report.since)} (${settings.sinceText}); gate ran ${utc(report.startedAt)} → ` +
    `${utc(report.finishedAt)}, deadline ${utc(report.deadline)}, ${report.polls} poll(s) every ${formatDuration(settings.pollIntervalMs)}.`;
  return sections(
    heading(`${icon} Canary gate ${STATUS_TITLES[report.status]}`),
    report.reason,
    warnings,
    `${window}\n\n${thresholdsLine(settings)}`,
    canaryTable(report),
    heading('Runs', 3),
    ...report.canaries.map((canary) => runsSection(canary, report)),
    alarmSection(report.alarms),
  );
}

function runJson(run: EvaluatedRun) {
  return {
    id: run.id,
    started: iso(run.startedAt),
    ...(run.completedAt === undefined
      ? {}
      : { completed: iso(run.completedAt), durationMs: run.completedAt - run.startedAt }),
    state: run.state,
    outcome: run.outcome,
    counted: run.counted,
    superseded: run.superseded,
    ...(run.afterVerdict ? { afterVerdict: true } : {}),
    ...(run.reason ? { reason: run.reason } : {}),
    ...(run.reasonCode ? { reasonCode: run.reasonCode } : {}),
    ...(run.testResult ? { testResult: run.testResult } : {}),
    ...(run.retryAttempt ? { retryAttempt: run.retryAttempt } : {}),
    ...(run.scheduledRunId ? { scheduledRunId: run.scheduledRunId } : {}),
    ...(run.artifactS3Location
      ? { artifacts: `s3://${run.artifactS3Location.replace(/^s3:\/\//, '')}` }
      : {}),
  };
}

/** The `canaries` output: per-canary verdicts and runs. */
export function canariesJson(report: GateReport) {
  return report.canaries.map((c) => ({
    name: c.name,
    verdict: c.verdict,
    reason: c.reason,
    ...(c.decidedAt === undefined ? {} : { decidedAt: iso(c.decidedAt) }),
    state: c.state,
    schedule: c.schedule,
    runCount: c.runs,
    passed: c.passed,
    failed: c.failed,
    executionFailures: c.executionFailures,
    inProgress: c.inFlight,
    successPercent: c.successPercent ?? null,
    consecutivePasses: c.consecutivePasses,
    triggered: c.triggered,
    warnings: c.warnings,
    console: consoleUrl(report.region, c.name),
    runs: c.attempts.map(runJson),
  }));
}

export function reportJson(report: GateReport, settings: CanaryGateSettings) {
  return {
    gate: 'canary-gate',
    result: report.result,
    status: report.status,
    reason: report.reason,
    region: report.region,
    since: iso(report.since),
    startedAt: iso(report.startedAt),
    finishedAt: iso(report.finishedAt),
    deadline: iso(report.deadline),
    polls: report.polls,
    thresholds: settings.thresholds,
    trigger: settings.trigger,
    onTimeout: settings.onTimeout,
    warnings: report.warnings,
    canaries: canariesJson(report),
    alarms: report.alarms.map((alarm) => ({
      ...alarm,
      updatedAt: iso(alarm.updatedAt),
      breachedAt: iso(alarm.breachedAt),
      history: alarm.history.map((h) => ({ ...h, at: iso(h.at) })),
    })),
  };
}

/**
 * A canary with no verdict of its own when the gate failed fast on another canary or an alarm was
 * still running: skipped (issue 14), not a second failure that tells dashboards it failed too.
 */
const STILL_RUNNING_AT_VERDICT = 'still running at the verdict (the gate failed fast on another check)';

/** One test case per canary and one per watched alarm. */
export function renderJUnit(report: GateReport): string {
  const timedOutFails = report.result === 'fail';
  // Pending (not timed out) in a failed gate: the verdict came before this canary's runs ended.
  const stillRunning = (c: CanaryReport) => c.verdict === 'pending' && report.status === 'failed';
  const canaryCases = report.canaries.map((c) => {
    const durationMs = c.attempts.reduce(
      (sum, run) => sum + ((run.completedAt ?? run.startedAt) - run.startedAt),
      0,
    );
    const output = c.attempts
      .map((run) => `${iso(run.startedAt)} ${OUTCOME_LABELS[run.outcome]} ${run.reason ?? ''}`.trim())
      .join('\n');
    const base = {
      name: c.name,
      className: 'canary-gate.canaries',
      durationMs,
      ...(output ? { output } : {}),
    };
    if (c.verdict === 'pass') return base;
    if (stillRunning(c)) return { ...base, skipped: `${STILL_RUNNING_AT_VERDICT}: ${c.reason}` };
    if (c.verdict === 'fail' || timedOutFails)
      return { ...base, failure: { message: c.reason, details: output || c.reason } };
    return { ...base, skipped: c.reason };
  });
  const alarmCases = report.alarms.map((alarm) => ({
    name: alarm.name,
    className: 'canary-gate.alarms',
    ...(alarm.breached
      ? { failure: { message: `in ALARM at ${iso(alarm.breachedAt)}: ${alarm.breachReason ?? ''}`.trim() } }
      : {}),
  }));
  return junitXml({
    name: 'canary-gate',
    cases: [...canaryCases, ...alarmCases],
    timestamp: iso(report.startedAt),
  });
}

/** One error per failed canary and per alarm that went to ALARM (core/pipeline.ts caps them). */
export function failureAnnotations(report: GateReport): Annotation[] {
  return [
    ...report.canaries
      .filter((c) => c.verdict === 'fail')
      .map((c): Annotation => ({ level: 'error', title: `canary ${c.name}`, message: c.reason })),
    ...report.alarms
      .filter((a) => a.breached)
      .map(
        (a): Annotation => ({
          level: 'error',
          title: `alarm ${a.name}`,
          message: `in ALARM: ${a.breachReason ?? ''}`,
        }),
      ),
  ];
}

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
