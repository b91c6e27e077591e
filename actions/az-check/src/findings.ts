import { ID_PLACEHOLDER, type RawFinding, type Rewrite } from './analysis.js';
import type { AzCheckConfig } from './config.js';
import {
  CFN_LINT_EQUIVALENTS,
  findRule,
  RULES_BY_ID,
  type RuleId,
  SEVERITY_RANK,
  type Severity,
} from './rules.js';
import { LineIndex } from './tree.js';
import { idPlaceholderFor, idPrefixFor, isRegionMappedPerAccount } from './zones.js';

/**
 * From raw analyzer output to reported findings: severity (per rule, per region, per config),
 * suppressions (inline comments, `.az-check.yml`, cfn-lint metadata), and the snippet that SARIF
 * fingerprints.
 */
export interface Suppression {
  source: 'inline' | 'config' | 'cfn-lint';
  reason: string;
}

export interface ZoneResolution {
  account: string;
  zoneName: string;
  zoneId: string;
}

export interface Finding {
  ruleId: RuleId;
  ruleName: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix: string;
  zone?: string;
  region?: string;
  snippet: string;
  /** Per-account name <-> ID, when `resolve` ran. */
  resolution?: ZoneResolution[];
  suppressed?: Suppression;
  /** Found by the line scan of a file that could not be parsed. */
  lineScan?: true;
  /** Set where `fix` can rewrite the finding (see fix.ts). */
  rewrite?: Rewrite;
}

export interface PolicyContext {
  config: AzCheckConfig;
  uniformRegionSeverity: Severity;
}

const DIRECTIVE =
  /(?:#|\/\/|\/\*)\s*az-check:ignore(-file)?\b(?:[ \t]+([A-Za-z0-9_*,-]+))?(?:[ \t]+(.*?))?\s*(?:\*\/)?\s*$/;
const COMMENT_ONLY_LINE = /^\s*(?:#|\/\/|\/\*|\*)/;
const NO_REASON = 'no reason given';

interface Directive {
  wholeFile: boolean;
  /** Empty: every rule. */
  rules: Set<string>;
  reason: string;
  /** Only a comment on its line: it applies to the next code line. */
  standalone: boolean;
}

/** Inline `az-check:ignore RULE[,RULE] reason` and `az-check:ignore-file RULE reason` comments. */
export class InlineSuppressions {
  private readonly byLine = new Map<number, Directive>();
  private readonly fileWide: Directive[] = [];

  constructor(private readonly lines: LineIndex) {
    for (let line = 1; line <= lines.lineCount; line += 1) {
      const text = lines.lineText(line);
      if (!text.includes('az-check:ignore')) continue;
      const match = DIRECTIVE.exec(text);
      if (!match) continue;
      const directive: Directive = {
        wholeFile: match[1] !== undefined,
        rules: parseRuleList(match[2]),
        reason: match[3]?.trim() || NO_REASON,
        standalone: COMMENT_ONLY_LINE.test(text),
      };
      if (directive.wholeFile) this.fileWide.push(directive);
      else this.byLine.set(line, directive);
    }
  }

  find(ruleId: RuleId, line: number): Directive | undefined {
    const applies = (d: Directive | undefined) => d && (d.rules.size === 0 || d.rules.has(ruleId));
    const fileWide = this.fileWide.find(applies);
    if (fileWide) return fileWide;
    const same = this.byLine.get(line);
    if (applies(same)) return same;
    // A directive on the comment lines right above the finding.
    for (let above = line - 1; above >= 1 && COMMENT_ONLY_LINE.test(this.lines.lineText(above)); above -= 1) {
      const directive = this.byLine.get(above);
      if (directive?.standalone && applies(directive)) return directive;
    }
    return undefined;
  }
}

function parseRuleList(text: string | undefined): Set<string> {
  const rules = new Set<string>();
  for (const item of (text ?? '*').split(',')) {
    if (item === '*' || item.toLowerCase() === 'all') return new Set();
    const rule = findRule(item);
    if (rule) rules.add(rule.id);
  }
  return rules;
}

/** Turns one file's raw findings into findings: severity, suppression, snippet, fix text. */
export function finalizeFindings(
  file: string,
  text: string,
  raw: readonly RawFinding[],
  context: PolicyContext,
): Finding[] {
  const lines = new LineIndex(text);
  const inline = new InlineSuppressions(lines);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const setting = ruleSetting(item.ruleId, context.config);
    if (setting === 'off') continue;
    const key = `${item.ruleId}:${item.loc.line}:${item.loc.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding = toFinding(
      file,
      item,
      lines,
      setting ?? defaultSeverity(item, context.uniformRegionSeverity),
    );
    const suppressed = suppression(finding, item, inline, context.config);
    if (suppressed) finding.suppressed = suppressed;
    findings.push(finding);
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The configured setting, the rule's default when off, capped at the rule's highest severity. */
function ruleSetting(ruleId: RuleId, config: AzCheckConfig): Severity | 'off' | undefined {
  const rule = RULES_BY_ID.get(ruleId)!;
  const setting = config.rules[ruleId] ?? (rule.offByDefault ? 'off' : undefined);
  if (setting === undefined || setting === 'off' || !rule.maxSeverity) return setting;
  return SEVERITY_RANK[setting] > SEVERITY_RANK[rule.maxSeverity] ? rule.maxSeverity : setting;
}

function toFinding(file: string, item: RawFinding, lines: LineIndex, severity: Severity): Finding {
  const rule = RULES_BY_ID.get(item.ruleId)!;
  return {
    ruleId: item.ruleId,
    ruleName: rule.name,
    severity,
    file,
    line: item.loc.line,
    column: item.loc.column,
    endLine: item.loc.endLine,
    endColumn: item.loc.endColumn,
    message: item.message,
    fix: item.fix.split(ID_PLACEHOLDER).join(placeholderId(item)),
    ...(item.zone ? { zone: item.zone.text } : {}),
    ...(item.region ? { region: item.region } : {}),
    snippet: lines.lineText(item.loc.line).trim(),
    ...(item.lineScan ? { lineScan: true as const } : {}),
    ...(item.rewrite ? { rewrite: item.rewrite } : {}),
  };
}

/** Offline, the ID is unknown: `use1-az…` says which region's IDs to look up. */
function placeholderId(item: RawFinding): string {
  const shaped = item.zone?.kind === 'name' ? idPlaceholderFor(item.zone) : undefined;
  const prefix = item.region ? idPrefixFor(item.region) : undefined;
  return shaped ?? `${prefix ?? '<region>'}-az…`;
}

export function defaultSeverity(
  item: Pick<RawFinding, 'ruleId' | 'region' | 'zone'>,
  uniform: Severity,
): Severity {
  const rule = RULES_BY_ID.get(item.ruleId)!;
  if (rule.severity !== 'by-region') return rule.severity;
  const regularZone = !item.zone || item.zone.zoneType === 'availability-zone';
  return regularZone && item.region && isRegionMappedPerAccount(item.region) ? 'error' : uniform;
}

function suppression(
  finding: Finding,
  item: RawFinding,
  inline: InlineSuppressions,
  config: AzCheckConfig,
): Suppression | undefined {
  const directive = inline.find(finding.ruleId, finding.line);
  if (directive) return { source: 'inline', reason: directive.reason };
  const ignore = config.ignore.find(
    (entry) =>
      (entry.rules.length === 0 || entry.rules.includes(finding.ruleId)) &&
      entry.matchesPath(finding.file) &&
      (entry.zone === undefined || entry.zone === finding.zone),
  );
  if (ignore) return { source: 'config', reason: ignore.reason };
  const cfnLint = item.cfnLintIgnores?.find(
    (check) => check === finding.ruleId || CFN_LINT_EQUIVALENTS[check]?.includes(finding.ruleId),
  );
  if (cfnLint) return { source: 'cfn-lint', reason: `cfn-lint ignore_checks ${cfnLint}` };
  return undefined;
}

/** Fills in resolved IDs: the exact ID per account, and whether accounts disagree. */
export function applyResolution(
  finding: Finding,
  byAccount: readonly { account: string; zones: ReadonlyMap<string, string> }[],
): void {
  if (!finding.zone || byAccount.length === 0) return;
  const resolution: ZoneResolution[] = [];
  for (const { account, zones } of byAccount) {
    const id = zones.get(finding.zone);
    if (id) resolution.push({ account, zoneName: finding.zone, zoneId: id });
  }
  if (resolution.length === 0) return;
  finding.resolution = resolution;
  const ids = new Set(resolution.map((r) => r.zoneId));
  // The offline placeholders of placeholderId: use1-az…, usw2-lax1-az…, use1-wl1-bos-wlz…
  const placeholder = /\b[a-z]{2,5}\d(?:-[a-z0-9]+)*-(?:az|wlz)…|<region>-az…/g;
  const listing = resolution.map((r) => `${r.zoneId} in ${r.account}`).join(', ');
  if (ids.size === 1) {
    finding.fix = finding.fix.replace(placeholder, [...ids][0]!);
    finding.message += ` (${finding.zone} is ${listing})`;
  } else {
    finding.fix = finding.fix.replace(
      placeholder,
      resolution.map((r) => `${r.zoneId} (${r.account})`).join(' / '),
    );
    finding.message += `. The same name maps to different zones across these accounts: ${listing}`;
  }
}
