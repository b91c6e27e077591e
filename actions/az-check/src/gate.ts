import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hasCredentialSource } from '../../../core/aws.js';
import type { GateDefinition, GateOutcome, Host } from '../../../core/host.js';
import { emitAnnotations } from '../../../core/report/annotations.js';
import { writeJsonFile } from '../../../core/report/json.js';
import { loadConfig } from './config.js';
import { changedLines } from './diff.js';
import { listFiles, pathFilter, toRelative } from './files.js';
import { applyResolution, type Finding } from './findings.js';
import { applyFixes, type FixOutcome } from './fix.js';
import { jsonReport, type ReportInput, summaryMarkdown, toAnnotation } from './report.js';
import type { Resolution, ResolveClients } from './resolve.js';
import { SEVERITY_RANK, type Severity } from './rules.js';
import { sarifReport } from './sarif.js';
import { scanFiles } from './scan.js';
import { type AzCheckSettings, INPUT_NAMES, readSettings } from './settings.js';

/**
 * az-check as a gate: settings -> files (changed lines or the whole tree) -> findings ->
 * optional resolution -> annotations, summary, outputs, JSON report, SARIF -> verdict.
 */
export interface AzCheckDependencies {
  /** Builds the AWS clients for `resolve`; tests pass clients pointed at the emulator. */
  clients?: (settings: AzCheckSettings, env: NodeJS.ProcessEnv) => ResolveClients;
}

export async function runAzCheck(host: Host, dependencies: AzCheckDependencies = {}): Promise<GateOutcome> {
  const settings = readSettings(host.inputs, host.env, host.workspace);
  const config = await loadConfig(
    settings.configPath,
    settings.configRequired,
    relative(settings.root, settings.configPath) || settings.configPath,
  );
  // Our own reports are never inputs, wherever the user writes them (a later run would scan them).
  const ownOutputs = [settings.reportPath, settings.sarifPath].filter((p): p is string => p !== undefined);
  const filter = pathFilter(settings.root, settings.paths, [
    ...settings.ignorePaths,
    ...config.ignorePaths,
    ...ownOutputs,
  ]);

  let changeDescription: string | undefined;
  let changed: Awaited<ReturnType<typeof changedLines>>;
  if (settings.scan === 'changed') {
    changed = await changedLines(settings, host.log);
    changeDescription = changed?.description;
  }
  const files = changed
    ? [...changed.lines.keys()].filter(filter).sort()
    : await listFiles(settings.root, filter);
  host.log.info(
    `Checking ${files.length} file(s)${changeDescription ? ` changed in ${changeDescription}` : ''}`,
  );

  const scan = await scanFiles({
    root: settings.root,
    files,
    ...(changed ? { changed: changed.lines } : {}),
    options: { scanComments: settings.scanComments ?? config.scanComments ?? false },
    policy: {
      config,
      uniformRegionSeverity: settings.uniformRegionSeverity ?? config.uniformRegionSeverity ?? 'warning',
    },
  });
  // Annotations and SARIF need paths from the repository root, not from working-directory.
  for (const finding of scan.findings)
    finding.file = toRelative(host.workspace, join(settings.root, finding.file));
  const active = scan.findings.filter((f) => !f.suppressed);
  const suppressed = scan.findings.filter((f) => f.suppressed);

  const resolution = settings.resolve ? await resolve(active, settings, host, dependencies) : undefined;
  // The verdict judges the files as they were found: a fix written to the workspace is not committed.
  const fixes = settings.fix ? fix(host, settings, active, resolution) : undefined;
  const judged =
    files.length === 0
      ? noFilesChecked(host, settings, changeDescription)
      : verdict(active, settings.failOn, scan.filesUnparsed);
  const outcome = fixes ? withFixes(judged, fixes) : judged;
  const report: ReportInput = {
    ...outcome,
    findings: active,
    suppressed,
    scan: {
      mode: settings.scan,
      ...(changeDescription ? { compared: changeDescription } : {}),
      filesConsidered: scan.filesConsidered,
      filesParsed: scan.filesParsed,
      filesUnparsed: scan.filesUnparsed,
    },
    ...(resolution ? { resolution } : {}),
    failOn: settings.failOn,
  };
  await publish(host, settings, report);
  if (fixes) host.setOutput('fixed-count', fixes.fixed.length);
  return outcome;
}

/** IDs from zone-map first, then from resolve where every account agrees on one. */
function fix(
  host: Host,
  settings: AzCheckSettings,
  findings: Finding[],
  resolution: Resolution | undefined,
): FixOutcome {
  const ids = new Map(settings.zoneMap);
  for (const finding of findings) {
    const agreed = new Set(finding.resolution?.map((r) => r.zoneId));
    if (finding.zone && !ids.has(finding.zone) && agreed.size === 1) ids.set(finding.zone, [...agreed][0]!);
  }
  const outcome = applyFixes(host.workspace, findings, ids);
  for (const f of outcome.fixed)
    host.log.info(
      `fixed ${f.file}:${f.line}: ${f.rewrite!.attribute} -> ${f.rewrite!.idAttribute} = ${ids.get(f.zone!)}`,
    );
  for (const { finding, reason } of outcome.skipped)
    host.log.info(`not fixed ${finding.file}:${finding.line}: ${reason}`);
  if (resolution === undefined && settings.zoneMap.size === 0)
    host.log.warning('fix: no zone-map and no resolve: no AZ ID is known, nothing was rewritten');
  return outcome;
}

function withFixes<T extends { summaryLine: string }>(outcome: T, fixes: FixOutcome): T {
  if (fixes.fixed.length === 0) return outcome;
  return {
    ...outcome,
    summaryLine: `${outcome.summaryLine}; ${fixes.fixed.length} fixed in place in ${fixes.files.length} file(s) (commit them to pass)`,
  };
}

async function resolve(
  findings: Finding[],
  settings: AzCheckSettings,
  host: Host,
  dependencies: AzCheckDependencies,
): Promise<Resolution> {
  const regions = [
    ...new Set(findings.map((f) => f.region).filter((r): r is string => r !== undefined)),
  ].sort();
  if (!dependencies.clients && !hasCredentialSource(host.env)) {
    const skipped = `resolve: no AWS credentials in the environment (a pull request from a fork?): names are not resolved to IDs; the check itself ran offline`;
    host.log.warning(skipped);
    return { accounts: [], errors: [skipped] };
  }
  // The AWS SDK is loaded only here: the offline check never pays for it.
  const { resolveZones } = await import('./resolve.js');
  const clients = (dependencies.clients ?? (await import('./aws-clients.js')).sdkClients)(settings, host.env);
  const resolution = await resolveZones(regions, settings.roleArns, clients, host.log, (secret) =>
    host.setSecret(secret),
  );
  for (const finding of findings) applyResolution(finding, resolution.accounts);
  return resolution;
}

/**
 * Nothing matched: an explicit, annotated neutral, never a quiet pass. The annotation names what
 * was looked for, so a mistyped glob or working-directory is visible on the run.
 */
function noFilesChecked(
  host: Host,
  settings: AzCheckSettings,
  changeDescription: string | undefined,
): Pick<GateOutcome, 'summaryLine'> & { result: 'pass' } {
  const where = [
    `working-directory ${toRelative(host.workspace, settings.root) || '.'}`,
    settings.paths.length > 0 ? `paths ${settings.paths.join(', ')}` : 'every path',
    changeDescription ? `files changed in ${changeDescription}` : 'scan all',
  ].join('; ');
  const message = `0 files checked (${where}): no Terraform, CloudFormation, Kubernetes or other IaC file matched`;
  host.annotate({ level: 'warning', title: 'az-check: no files checked', message });
  return { result: 'pass', summaryLine: `No files checked: ${message}` };
}

function verdict(
  findings: readonly Finding[],
  failOn: AzCheckSettings['failOn'],
  filesUnparsed: number,
): Pick<GateOutcome, 'summaryLine'> & { result: 'pass' | 'fail' } {
  // A file that did not parse was only line-scanned: the verdict says so, pass or fail.
  const unparsed = filesUnparsed > 0 ? `; ${filesUnparsed} file(s) could not be parsed (line-scanned)` : '';
  const reportable = findings.filter((f) => f.ruleId !== 'AZ000');
  const failing =
    failOn === 'never'
      ? []
      : findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn as Severity]);
  if (failing.length > 0) {
    return {
      result: 'fail',
      summaryLine: `${failing.length} finding(s) at or above ${failOn}: use AZ IDs instead of AZ names${unparsed}`,
    };
  }
  if (reportable.length > 0)
    return {
      result: 'pass',
      summaryLine: `${reportable.length} finding(s) below the fail-on level (${failOn})${unparsed}`,
    };
  return { result: 'pass', summaryLine: `No hard-coded Availability Zone names found${unparsed}` };
}

async function publish(host: Host, settings: AzCheckSettings, report: ReportInput): Promise<void> {
  const overflow = emitAnnotations(report.findings.map(toAnnotation), (a) => host.annotate(a));
  await host.appendSummary(summaryMarkdown(report, overflow));
  await writeJsonFile(settings.reportPath, jsonReport(report));
  if (settings.sarifPath) await writeSarif(host, settings, settings.sarifPath, report);
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  host.setOutput('findings-count', report.findings.filter((f) => f.ruleId !== 'AZ000').length);
  host.setOutput('errors-count', counts.error);
  host.setOutput('warnings-count', counts.warning);
  host.setOutput('suppressed-count', report.suppressed.length);
  host.setOutput('files-scanned', report.scan.filesConsidered);
  host.setOutput('files-unparsed', report.scan.filesUnparsed);
  host.setOutput('result', report.result);
  host.setOutput('report-path', settings.reportPath);
  if (settings.sarifPath) host.setOutput('sarif-path', settings.sarifPath);
}

/** Every finding, suppressed ones included (marked), within GitHub's limits; says what was left out. */
async function writeSarif(
  host: Host,
  settings: AzCheckSettings,
  path: string,
  report: ReportInput,
): Promise<void> {
  const sarif = sarifReport([...report.findings, ...report.suppressed], {
    readText: (file) => readTextOrUndefined(join(host.workspace, file)),
    ...(settings.sarifCategory ? { category: settings.sarifCategory } : {}),
  });
  if (sarif.omitted > 0) {
    host.log.warning(
      `${sarif.omitted} result(s) left out of the SARIF file to stay within GitHub's limits (25,000 results, 10 MB gzipped): the least severe first; the JSON report has every finding`,
    );
  }
  await writeJsonFile(path, sarif.log);
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const azCheckGate: GateDefinition = {
  name: 'az-check',
  description: 'Find hard-coded Availability Zone names in IaC changes and point to AZ IDs',
  inputs: INPUT_NAMES,
  positionalInput: 'paths',
  run: (host) => runAzCheck(host),
};
