import { Analysis, ID_PLACEHOLDER, type RawFinding, regionNote } from './analysis.js';
import {
  classifyDocument,
  type DocumentKind,
  type FileFormat,
  type HelmRole,
  looksLikeIac,
} from './classify.js';
import { analyzeCloudFormation } from './cloudformation.js';
import { type HclComment, parseHcl } from './hcl.js';
import { parseJsonTree } from './json-tree.js';
import {
  analyzeCdkContext,
  analyzeEksctl,
  analyzeKubernetes,
  isEksctlConfig,
  ZONE_LABELS,
} from './kubernetes.js';
import { analyzeTerraform, analyzeTerraformPlan, analyzeVariableValues } from './terraform.js';
import { LineIndex, type Loc, type Node, ParseError } from './tree.js';
import { parseYamlDocuments } from './yaml-tree.js';
import { mayContainZones, type ZoneName, zonesInText } from './zones.js';

/**
 * One file in, findings out. Chooses the format from the path (and, for JSON and YAML, from the
 * content: plan, CloudFormation, eksctl, CDK context, Kubernetes, anything else), never throws for
 * bad input: a syntax error becomes a diagnostic for that file.
 */
export interface FileDiagnostic {
  message: string;
  line: number;
  column: number;
}

export interface FileScan {
  format: FileFormat;
  /** False when the cheap pre-filter found nothing AZ-like and the file was never parsed. */
  parsed: boolean;
  findings: RawFinding[];
  diagnostic?: FileDiagnostic;
}

export interface ScanOptions {
  /** Also report AZ names in comments (off by default: comments do not deploy anything). */
  scanComments: boolean;
}

/** What is known about one file beyond its path and text. */
export interface FileContext {
  /** Its place in a Helm chart (a Chart.yaml above it), when it is in one. */
  helm?: HelmRole;
}

// Helm helper files; YAML under a chart's templates/ is decided by the chart (see classify.ts).
const HELM_HELPERS = /(^|\/)templates\/[^/]+\.tpl$/;
/** Strict JSON starts with an object or array (a BOM or a comment sends the file to YAML). */
const LOOKS_LIKE_JSON = /^[ \t\r\n]*[[{]/;

/** The format for a path, or undefined for files az-check does not read. */
export function formatOf(path: string): FileFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.tfvars')) return 'terraform-vars';
  if (lower.endsWith('.hcl')) return 'terragrunt';
  if (lower.endsWith('.tf.json')) return 'terraform-json';
  if (lower.endsWith('.tfvars.json')) return 'terraform-vars-json';
  if (lower.endsWith('.json')) return 'json';
  if (HELM_HELPERS.test(lower)) return 'helm-template';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.template')) return 'yaml';
  return undefined;
}

export function scanFileText(
  path: string,
  text: string,
  options: ScanOptions,
  context: FileContext = {},
): FileScan {
  const byPath = formatOf(path) ?? 'yaml';
  const format = byPath === 'yaml' && context.helm === 'template' ? 'helm-template' : byPath;
  if (!mayContainZones(text)) return { format, parsed: false, findings: [] };
  try {
    return { format, parsed: true, findings: analyze({ path, format, text, options, context }) };
  } catch (error) {
    // RangeError: a pathologically nested document exhausted the stack in a recursive step.
    const diagnostic = parseFailure(error);
    if (!diagnostic) throw error;
    // Not a pass: what could not be parsed is still searched line by line.
    const findings = lineScanFallback(text);
    const iac = STRUCTURED_FORMATS.has(format) ? looksLikeIac(path, text, context.helm) : true;
    return { format, parsed: true, findings: iac ? findings : findings.map(outsideIac), diagnostic };
  }
}

const STRUCTURED_FORMATS = new Set<FileFormat>(['json', 'yaml']);

function parseFailure(error: unknown): FileDiagnostic | undefined {
  if (error instanceof RangeError) return { message: 'Nesting too deep', line: 1, column: 1 };
  if (error instanceof ParseError) return { message: error.message, line: error.line, column: error.column };
  return undefined;
}

/** AZ names on the code lines of a file that did not parse: AZ007, marked as a line scan. */
function lineScanFallback(text: string): RawFinding[] {
  return lineScan(text, (zone) => ({
    ruleId: 'AZ007',
    message: `Hard-coded AZ name '${zone.text}' (found by a line scan: the file could not be parsed): ${regionNote(zone)}`,
    fix: `Use the AZ ID (${ID_PLACEHOLDER}) or derive the name from it at deploy time; fix the syntax so the file is checked in full`,
    lineScan: true,
  }));
}

/** One file to analyze: its path, the format chosen for it, its text, and what is known about it. */
interface FileInput {
  path: string;
  format: FileFormat;
  text: string;
  options: ScanOptions;
  context: FileContext;
}

function analyze(input: FileInput): RawFinding[] {
  switch (input.format) {
    case 'terraform':
    case 'terraform-vars':
    case 'terragrunt':
      return analyzeHcl(input.format, input.text, input.options);
    case 'helm-template':
      return scanTemplateText(input.text);
    default:
      return analyzeStructured(input);
  }
}

function analyzeHcl(format: FileFormat, text: string, options: ScanOptions): RawFinding[] {
  const { body, comments } = parseHcl(text);
  const analysis = new Analysis([body]);
  if (format === 'terraform') analyzeTerraform(body, analysis);
  else analyzeVariableValues(body, analysis);
  analysis.genericWalk(body);
  if (options.scanComments) commentFindings(comments, analysis);
  return analysis.findings;
}

function analyzeStructured({ path, format, text, options, context }: FileInput): RawFinding[] {
  const documents = parseStructured(text);
  const analysis = new Analysis(documents);
  let iac = false;
  for (const root of documents) {
    const kind = classifyDocument(path, format, root, context.helm);
    const first = analysis.findings.length;
    analyzeDocument(kind, root, analysis);
    if (kind === 'other') markOutsideIac(analysis.findings, first);
    else iac = true;
  }
  // Comments of a file that holds no IaC document are no more IaC than its values.
  if (options.scanComments && format === 'yaml') {
    const first = analysis.findings.length;
    commentFindings(yamlComments(text), analysis);
    if (!iac) markOutsideIac(analysis.findings, first);
  }
  return analysis.findings;
}

/** Turns the findings from `first` on into AZ008: they came from something that is not IaC. */
function markOutsideIac(findings: RawFinding[], first: number): void {
  for (let i = first; i < findings.length; i += 1) findings[i] = outsideIac(findings[i]!);
}

/** A finding in a file that matches no IaC shape: the generic AZ008 (off by default, never an error). */
function outsideIac(finding: RawFinding): RawFinding {
  return {
    ...finding,
    ruleId: 'AZ008',
    message: `${finding.message} (in a file that is not recognised as infrastructure code)`,
  };
}

/** JSON through the fast path when it is strict JSON; everything else (and any doubt) through YAML. */
function parseStructured(text: string): Node[] {
  const json = LOOKS_LIKE_JSON.test(text) ? parseJsonTree(text) : undefined;
  return json ? [json] : parseYamlDocuments(text);
}

type DocumentAnalyzer = (root: Node, analysis: Analysis) => void;

function analyzeKubernetesDocument(root: Node, analysis: Analysis): void {
  if (isEksctlConfig(root)) analyzeEksctl(root, analysis);
  analyzeKubernetes(root, analysis);
}

/**
 * The rules each kind of document gets, and whether the generic walk (AZ names in any value)
 * follows them. Plans: only what the author wrote, since planned values repeat every computed zone
 * of the state; CloudFormation's own rules already read every value.
 */
const DOCUMENT_ANALYZERS: Record<DocumentKind, { analyze?: DocumentAnalyzer; genericWalk: boolean }> = {
  terraform: { analyze: analyzeTerraform, genericWalk: true },
  'terraform-vars': { analyze: analyzeVariableValues, genericWalk: true },
  'terraform-plan': { analyze: analyzeTerraformPlan, genericWalk: false },
  cloudformation: { analyze: analyzeCloudFormation, genericWalk: false },
  'cdk-context': { analyze: analyzeCdkContext, genericWalk: true },
  kubernetes: { analyze: analyzeKubernetesDocument, genericWalk: true },
  'helm-values': { analyze: analyzeKubernetesDocument, genericWalk: true },
  serverless: { genericWalk: true },
  other: { genericWalk: true },
};

function analyzeDocument(kind: DocumentKind, root: Node, analysis: Analysis): void {
  const { analyze, genericWalk } = DOCUMENT_ANALYZERS[kind];
  analyze?.(root, analysis);
  if (genericWalk) analysis.genericWalk(root);
}

function commentFindings(comments: readonly HclComment[], analysis: Analysis): void {
  for (const comment of comments) {
    for (const { zone, offset } of zonesInText(comment.text)) {
      if (zone.kind !== 'name') continue;
      const column =
        comment.loc.line === comment.loc.endLine ? comment.loc.column + offset : comment.loc.column;
      analysis.add({
        ruleId: 'AZ007',
        loc: {
          line: comment.loc.line,
          column,
          endLine: comment.loc.line,
          endColumn: column + zone.text.length,
        },
        zone,
        region: zone.region,
        message: `AZ name '${zone.text}' in a comment: ${regionNote(zone)}`,
        fix: 'Refer to zones by AZ ID in documentation too',
      });
    }
  }
}

/** `#` comments of a YAML file (outside quotes), for scan-comments. */
export function yamlComments(text: string): HclComment[] {
  const lines = new LineIndex(text);
  const comments: HclComment[] = [];
  for (let line = 1; line <= lines.lineCount; line += 1) {
    const content = lines.lineText(line);
    const at = commentStart(content);
    if (at < 0) continue;
    const loc: Loc = { line, column: at + 1, endLine: line, endColumn: content.length + 1 };
    comments.push({ text: content.slice(at), loc });
  }
  return comments;
}

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return i;
    }
  }
  return -1;
}

/**
 * Helm templates are not YAML until rendered (`{{ .Values.x }}`), so they are read line by line:
 * AZ names on a zone-label line are AZ001, elsewhere AZ007. Comment lines are skipped.
 */
function scanTemplateText(text: string): RawFinding[] {
  return lineScan(text, (zone, code) => {
    const label = [...ZONE_LABELS].some((l) => code.includes(l));
    return {
      ruleId: label ? 'AZ001' : 'AZ007',
      message: `Hard-coded AZ name '${zone.text}' in a Helm template: ${regionNote(zone)}`,
      fix: label ? 'Select by topology.k8s.aws/zone-id with the AZ ID' : 'Move zones to values as AZ IDs',
    };
  });
}

type LineFinding = Pick<RawFinding, 'ruleId' | 'message' | 'fix' | 'lineScan'>;

// `//` starts a comment (HCL, JSON with comments) at the start of a line or after a blank, never in a URL.
const SLASH_COMMENT = /(^|\s)\/\//;

/** A line without its `#` or `//` comment. */
function codeOf(line: string): string {
  const hash = commentStart(line);
  const code = hash < 0 ? line : line.slice(0, hash);
  const slashes = SLASH_COMMENT.exec(code);
  return slashes ? code.slice(0, slashes.index) : code;
}

/** Every AZ name outside `#` and `//` comments, line by line, described by `describe`. */
function lineScan(text: string, describe: (zone: ZoneName, code: string) => LineFinding): RawFinding[] {
  const lines = new LineIndex(text);
  const findings: RawFinding[] = [];
  for (let line = 1; line <= lines.lineCount; line += 1) {
    const content = lines.lineText(line);
    const code = codeOf(content);
    for (const { zone, offset } of zonesInText(code)) {
      if (zone.kind !== 'name') continue;
      findings.push({
        ...describe(zone, code),
        loc: { line, column: offset + 1, endLine: line, endColumn: offset + 1 + zone.text.length },
        zone,
        region: zone.region,
      });
    }
  }
  return findings;
}
