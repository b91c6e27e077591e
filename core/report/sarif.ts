import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it (github/codeql-action/upload-sarif): relative
 * forward-slash URIs, 1-based lines and columns, rule metadata in the driver, and a stable
 * fingerprint per result so alerts survive unrelated edits above them.
 */
export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription?: string;
  helpUri?: string;
  help?: string;
  level: SarifLevel;
  tags?: string[];
}

export interface SarifResult {
  ruleId: string;
  level: SarifLevel;
  message: string;
  file: string;
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  /** Text of the flagged line: part of the fingerprint. */
  snippet?: string;
  /** A precomputed `primaryLocationLineHash` (the tool knows the file); else one from the snippet. */
  fingerprint?: string;
  /** A result kept in the log although suppressed (SARIF 2.1.0 section 3.27.23). */
  suppressions?: readonly SarifSuppression[];
}

/** `inSource`: suppressed by something in the file itself; `external`: by a separate file. */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

export interface SarifRun {
  toolName: string;
  informationUri: string;
  rules: readonly SarifRule[];
  results: readonly SarifResult[];
  /**
   * `automationDetails.id` (`category/`). Leave it out for upload-sarif: a category in the file wins
   * over the action's `category` input, so two uploads from one repository would collide.
   */
  category?: string;
  /** Run-level warnings (results left out, ...), as `invocations[0].toolExecutionNotifications`. */
  notifications?: readonly string[];
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLog(run: SarifRun): Record<string, unknown> {
  const ruleIndex = new Map(run.rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.toolName,
            informationUri: run.informationUri,
            semanticVersion: VERSION,
            rules: run.rules.map(sarifRule),
          },
        },
        ...(run.category ? { automationDetails: { id: `${run.category}/` } } : {}),
        ...(run.notifications?.length ? { invocations: [invocation(run.notifications)] } : {}),
        results: run.results.map((result) => sarifResult(result, ruleIndex.get(result.ruleId))),
      },
    ],
  };
}

function sarifRule(rule: SarifRule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription ?? rule.shortDescription },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    ...(rule.help ? { help: { text: rule.help, markdown: rule.help } } : {}),
    defaultConfiguration: { level: rule.level },
    properties: { tags: rule.tags ?? [] },
  };
}

function sarifResult(result: SarifResult, index: number | undefined): Record<string, unknown> {
  const region: Record<string, number> = { startLine: Math.max(1, result.startLine) };
  if (result.startColumn !== undefined) region.startColumn = Math.max(1, result.startColumn);
  if (result.endLine !== undefined) region.endLine = Math.max(region.startLine!, result.endLine);
  if (result.endColumn !== undefined) region.endColumn = result.endColumn;
  return {
    ruleId: result.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: result.level,
    message: { text: result.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toSarifUri(result.file), uriBaseId: '%SRCROOT%' },
          region,
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: result.fingerprint ?? fingerprint(result) },
    ...(result.suppressions?.length ? { suppressions: result.suppressions.map((s) => ({ ...s })) } : {}),
  };
}

function invocation(notifications: readonly string[]): Record<string, unknown> {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: notifications.map((text) => ({ level: 'warning', message: { text } })),
  };
}

export function toSarifUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function fingerprint(result: SarifResult): string {
  const basis = `${result.ruleId}\u0000${result.file}\u0000${(result.snippet ?? result.message).trim()}`;
  return `${createHash('sha256').update(basis).digest('hex').slice(0, 16)}:1`;
}
