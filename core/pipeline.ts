import type { GateDefinition, GateOutcome, Host } from './host.js';
import type { Inputs } from './inputs.js';
import { type Annotation, emitAnnotations } from './report/annotations.js';
import { defaultReportPath, resolveReportPath, writeJsonFile, writeTextFile } from './report/json.js';

/**
 * One gate, staged: settings -> evaluate -> verdict -> reporters. A gate supplies its domain
 * (settings, evaluation, verdict) and its renderers; this module owns everything every gate
 * publishes the same way: where the report files go, writing them, the common outputs (`result`,
 * `reason`, `report-path`), warnings as annotations, GitHub's annotation cap, the job summary and
 * the one line the step ends with.
 */

/** The report files of one run, absolute, resolved by one rule for every gate. */
export interface ReportFiles {
  /** The JSON report: `report-path`, else the runner's (or system's) temp folder. */
  report: string;
  /** `junit-path`, when the gate has that input and it is set. */
  junit?: string;
  /** `sarif-path`, when the gate has that input and it is set. */
  sarif?: string;
}

/**
 * Where a gate's report files go: relative paths are resolved from the workspace (as the user
 * wrote them in the workflow); the JSON report defaults to a temp folder, never the working tree.
 */
export function reportFiles(
  gate: string,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  workspace: string,
): ReportFiles {
  const chosen = (name: string) => {
    const value = inputs.optional(name);
    return value === undefined ? undefined : resolveReportPath(value, workspace);
  };
  const junit = chosen('junit-path');
  const sarif = chosen('sarif-path');
  return {
    report: chosen('report-path') ?? defaultReportPath(gate, env),
    ...(junit ? { junit } : {}),
    ...(sarif ? { sarif } : {}),
  };
}

/** The verdict stage's answer. */
export interface Verdict {
  result: GateOutcome['result'];
  /** The `reason` output: one line that says why, with the last state seen. */
  reason: string;
  /** The line the step ends with (its failure line on `fail`), when it says more than `reason`. */
  line?: string;
}

export type OutputValue = string | number | boolean;

/** What every renderer sees besides the report. */
export interface ReportContext<S> {
  settings: S;
  verdict: Verdict;
  files: ReportFiles;
  host: Host;
  /** Annotations over GitHub's per-step cap: the summary should list them. */
  overflow: readonly Annotation[];
}

/** A gate's own renderers; only `json` and `summary` are required. */
export interface GateReporters<S, R> {
  /** The content of the JSON report file. */
  json(report: R, context: ReportContext<S>): unknown;
  summary(report: R, context: ReportContext<S>): string;
  /** Annotations beyond the warnings (findings, failed canaries...); capped here. */
  annotations?(report: R, context: ReportContext<S>): Annotation[];
  /** Said once each, as warning annotations titled with the gate's name. */
  warnings?(report: R): readonly string[];
  /** Lines for the log (notes, fix commands). */
  log?(report: R, context: ReportContext<S>): string[];
  /** JUnit XML, written when the user set `junit-path`. */
  junit?(report: R, context: ReportContext<S>): string;
  /** A SARIF log, written when the user set `sarif-path` (whose value is then an output). */
  sarif?(report: R, context: ReportContext<S>): unknown;
  /** The gate's outputs besides `result`, `reason` and `report-path`. */
  outputs?(report: R, context: ReportContext<S>): Record<string, OutputValue>;
}

export interface GatePipeline<S, R> {
  name: string;
  description: string;
  inputs: readonly string[];
  positionalInput?: string;
  /** Inputs -> one typed settings object; a bad value throws a ConfigurationError. */
  settings(host: Host): S | Promise<S>;
  /** The domain logic. Gates load it lazily so a bad input never pays for the AWS SDK. */
  evaluate(settings: S, host: Host): Promise<R>;
  verdict(report: R, settings: S): Verdict;
  reporters: GateReporters<S, R>;
  post?(host: Host): Promise<void>;
}

/** Runs the stages in order and publishes what every gate publishes. */
export async function runPipeline<S, R>(pipeline: GatePipeline<S, R>, host: Host): Promise<GateOutcome> {
  const settings = await pipeline.settings(host);
  const files = reportFiles(pipeline.name, host.inputs, host.env, host.workspace);
  const report = await pipeline.evaluate(settings, host);
  const verdict = pipeline.verdict(report, settings);
  await publish(pipeline, report, { settings, verdict, files, host, overflow: [] });
  return { result: verdict.result, summaryLine: verdict.line ?? verdict.reason };
}

async function publish<S, R>(
  pipeline: GatePipeline<S, R>,
  report: R,
  context: ReportContext<S>,
): Promise<void> {
  const { reporters } = pipeline;
  const { host, files, verdict } = context;
  const overflow = annotate(pipeline, report, context);
  const rendered = { ...context, overflow };
  for (const line of reporters.log?.(report, rendered) ?? []) host.log.info(line);
  await writeJsonFile(files.report, reporters.json(report, rendered));
  if (files.junit && reporters.junit) await writeTextFile(files.junit, reporters.junit(report, rendered));
  const sarif = files.sarif && reporters.sarif ? files.sarif : undefined;
  if (sarif) await writeJsonFile(sarif, reporters.sarif?.(report, rendered));
  host.setOutput('result', verdict.result);
  host.setOutput('reason', verdict.reason);
  for (const [name, value] of Object.entries(reporters.outputs?.(report, rendered) ?? {}))
    host.setOutput(name, value);
  host.setOutput('report-path', files.report);
  if (sarif) host.setOutput('sarif-path', sarif);
  await host.appendSummary(reporters.summary(report, rendered));
}

/** Warnings, then the gate's annotations, within GitHub's cap; returns what did not fit. */
function annotate<S, R>(pipeline: GatePipeline<S, R>, report: R, context: ReportContext<S>): Annotation[] {
  const warnings = (pipeline.reporters.warnings?.(report) ?? []).map(
    (message): Annotation => ({ level: 'warning', title: pipeline.name, message }),
  );
  const annotations = [...warnings, ...(pipeline.reporters.annotations?.(report, context) ?? [])];
  const overflow = emitAnnotations(annotations, (annotation) => context.host.annotate(annotation));
  if (overflow.length > 0)
    context.host.log.info(`${overflow.length} more annotation(s) are listed in the job summary`);
  return overflow;
}

/** The gate as the runner and the CLI see it. */
export function defineGate<S, R>(pipeline: GatePipeline<S, R>): GateDefinition {
  return {
    name: pipeline.name,
    description: pipeline.description,
    inputs: pipeline.inputs,
    ...(pipeline.positionalInput ? { positionalInput: pipeline.positionalInput } : {}),
    run: (host) => runPipeline(pipeline, host),
    ...(pipeline.post ? { post: pipeline.post } : {}),
  };
}
