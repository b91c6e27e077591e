import { join, relative } from 'node:path';
import { hasCredentialSource } from '../../../core/aws.js';
import type { Host } from '../../../core/host.js';
import { loadConfig } from './config.js';
import type { ChangedLines, ChangeSet } from './diff.js';
import { listFiles, pathFilter, toRelative } from './files.js';
import { applyResolution, type Finding } from './findings.js';
import { applyFixes, type FixOutcome } from './fix.js';
import type { ReportInput } from './report.js';
import type { Resolution, ResolveClients } from './resolve.js';
import { scanFiles } from './scan.js';
import type { AzCheckSettings } from './settings.js';

/**
 * The evaluation stage of az-check, in a module of its own: gate.ts imports it lazily, so the
 * scanners and parsers load only after the settings are valid.
 */
export interface AzCheckDependencies {
  /** Builds the AWS clients for `resolve`; tests pass clients pointed at the emulator. */
  clients?: (settings: AzCheckSettings, env: NodeJS.ProcessEnv) => ResolveClients;
}

/** What the scan found; the verdict (gate.ts) judges it. */
export type AzCheckRun = Omit<ReportInput, 'result' | 'summaryLine'> & {
  /** Set when no file matched: what was looked for, for an annotated neutral. */
  noFiles?: string;
  fixes?: FixOutcome;
};

/** The changed lines (scan: changed), read before this module loads; undefined: every file. */
export type Changes = ChangeSet | undefined;

interface CheckedFiles {
  files: string[];
  changed?: ChangedLines | undefined;
  changeDescription?: string | undefined;
}

export async function evaluate(
  settings: AzCheckSettings,
  host: Host,
  dependencies: AzCheckDependencies,
  changes: Changes,
): Promise<AzCheckRun> {
  const config = await loadConfig(
    settings.configPath,
    settings.configRequired,
    relative(settings.root, settings.configPath) || settings.configPath,
  );
  const { files, changed, changeDescription } = await filesToCheck(
    settings,
    config.ignorePaths,
    changes,
    host,
  );
  const scan = await scanFiles({
    root: settings.root,
    files,
    ...(changed ? { changed } : {}),
    options: { scanComments: settings.scanComments ?? config.scanComments ?? false },
    policy: {
      config,
      uniformRegionSeverity: settings.uniformRegionSeverity ?? config.uniformRegionSeverity ?? 'warning',
    },
  });
  // Annotations and SARIF need paths from the repository root, not from working-directory.
  for (const finding of scan.findings)
    finding.file = toRelative(host.workspace, join(settings.root, finding.file));
  const findings = scan.findings.filter((f) => !f.suppressed);
  const resolution = settings.resolve ? await resolve(findings, settings, host, dependencies) : undefined;
  return {
    findings,
    suppressed: scan.findings.filter((f) => f.suppressed),
    scan: {
      mode: settings.scan,
      ...(changeDescription ? { compared: changeDescription } : {}),
      filesConsidered: scan.filesConsidered,
      filesParsed: scan.filesParsed,
      filesUnparsed: scan.filesUnparsed,
    },
    ...(resolution ? { resolution } : {}),
    failOn: settings.failOn,
    ...(files.length === 0 ? { noFiles: noFilesChecked(host, settings, changeDescription) } : {}),
    ...(settings.fix ? { fixes: fix(host, settings, findings, resolution) } : {}),
  };
}

/** The files changed (scan: changed) or every file under the root, minus ignored ones and our own reports. */
async function filesToCheck(
  settings: AzCheckSettings,
  configIgnores: string[],
  changed: Changes,
  host: Host,
): Promise<CheckedFiles> {
  // Our own reports are never inputs, wherever the user writes them (a later run would scan them).
  const ownOutputs = [settings.reportPath, settings.sarifPath].filter((p): p is string => p !== undefined);
  const filter = pathFilter(settings.root, settings.paths, [
    ...settings.ignorePaths,
    ...configIgnores,
    ...ownOutputs,
  ]);
  const files = changed
    ? [...changed.lines.keys()].filter(filter).sort()
    : await listFiles(settings.root, filter);
  const changeDescription = changed?.description;
  host.log.info(
    `Checking ${files.length} file(s)${changeDescription ? ` changed in ${changeDescription}` : ''}`,
  );
  return { files, changed: changed?.lines, changeDescription };
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
 * Nothing matched: the message names what was looked for, so a mistyped glob or
 * working-directory is visible on the run.
 */
function noFilesChecked(
  host: Host,
  settings: AzCheckSettings,
  changeDescription: string | undefined,
): string {
  const where = [
    `working-directory ${toRelative(host.workspace, settings.root) || '.'}`,
    settings.paths.length > 0 ? `paths ${settings.paths.join(', ')}` : 'every path',
    changeDescription ? `files changed in ${changeDescription}` : 'scan all',
  ].join('; ');
  return `0 files checked (${where}): no Terraform, CloudFormation, Kubernetes or other IaC file matched`;
}
