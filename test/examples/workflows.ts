import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../tools/harness/runner.js';

/**
 * The workflows a user copies: every workflow file under examples/ and every YAML block in the
 * READMEs that is a workflow (`jobs:`) or a job's body (`steps:`, wrapped into a one-job workflow
 * as the README means it). Parsed and validated by GitHub's own parser.
 */
export interface ExampleWorkflow {
  /** `examples/x.yml` or `README.md#2` (the second YAML block). */
  source: string;
  content: string;
}

/** This repository's actions, as examples (`OWNER/REPO`) and the reusable workflows name them. */
const LOCAL_ACTION = /^(?:OWNER\/REPO|resilience-gates\/resilience-gates)\/actions\/([a-z-]+)@v1$/;

function workflowFiles(): ExampleWorkflow[] {
  const dir = join(REPO_ROOT, 'examples');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => ({
      source: relative(REPO_ROOT, join(dir, file)),
      content: readFileSync(join(dir, file), 'utf8'),
    }))
    .filter((example) => isWorkflowLike(example.content));
}

function isWorkflowLike(content: string): boolean {
  const parsed = parse(content) as Record<string, unknown> | null;
  return typeof parsed === 'object' && parsed !== null && ('jobs' in parsed || 'steps' in parsed);
}

/** A job body (`permissions:`, `steps:`) or jobs without `on:`, made a complete workflow. */
function asWorkflow(content: string): string {
  const parsed = parse(content) as Record<string, unknown>;
  if ('jobs' in parsed) return 'on' in parsed ? content : `on: push\n${content}`;
  const body = content.replace(/^/gm, '    ');
  return `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n${body}`;
}

function readmeBlocks(): ExampleWorkflow[] {
  const readmes = [
    'README.md',
    ...readdirSync(join(REPO_ROOT, 'actions'))
      .map((action) => `actions/${action}/README.md`)
      .filter((readme) => existsSync(join(REPO_ROOT, readme))),
  ];
  return readmes.flatMap((readme) => {
    const text = readFileSync(join(REPO_ROOT, readme), 'utf8');
    const blocks = [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    return blocks
      .map((content, index) => ({ source: `${readme}#${index + 1}`, content }))
      .filter((block) => isWorkflowLike(block.content))
      .map((block) => ({ ...block, content: asWorkflow(block.content) }));
  });
}

export function exampleWorkflows(): ExampleWorkflow[] {
  return [...workflowFiles(), ...readmeBlocks()];
}

/** The repository's reusable workflows (`on: workflow_call`), which organisations call as they are. */
export function reusableWorkflows(): ExampleWorkflow[] {
  const dir = join(REPO_ROOT, '.github', 'workflows');
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => ({ source: `.github/workflows/${file}`, content: readFileSync(join(dir, file), 'utf8') }))
    .filter((workflow) => /^\s+workflow_call:/m.test(workflow.content));
}

/** The `inputs` context a call gives a reusable workflow: the caller's `with:` over the defaults. */
export function callInputs(content: string, callerWith: Record<string, unknown>): Record<string, unknown> {
  const declared =
    (parse(content) as { on: { workflow_call: { inputs?: Record<string, { default?: unknown }> } } }).on
      .workflow_call.inputs ?? {};
  const unknown = Object.keys(callerWith).filter((name) => !(name in declared));
  if (unknown.length > 0) throw new Error(`the workflow declares no input ${unknown.join(', ')}`);
  return Object.fromEntries(
    Object.entries(declared).map(([name, spec]) => [name, callerWith[name] ?? spec.default]),
  );
}

export interface ParsedWorkflow {
  errors: string[];
  root: MappingToken | undefined;
}

/** Parse and convert as GitHub does; every schema, expression and conversion error is returned. */
export async function parseExample(example: ExampleWorkflow): Promise<ParsedWorkflow> {
  const parsed = parseWorkflow(
    { name: example.source, content: example.content },
    new NoOperationTraceWriter(),
  );
  const root = parsed.value && isMapping(parsed.value) ? parsed.value : undefined;
  if (root) await convertWorkflowTemplate(parsed.context, root);
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  return { errors, root };
}

export interface ExampleStep {
  job: string;
  id: string | undefined;
  uses: string | undefined;
  /** The local action's name, for `OWNER/REPO/actions/<name>@v1`. */
  localAction: string | undefined;
  /** The step's `if:` expression (no `${{ }}`), when it has one. */
  condition: string | undefined;
  with: Record<string, TemplateToken>;
}

function mappingEntries(token: TemplateToken | undefined): [string, TemplateToken][] {
  if (!token || !isMapping(token)) return [];
  return [...token].map((pair) => [String(pair.key), pair.value]);
}

/** The steps of each job, in order, with their `with:` values as template tokens to evaluate. */
export function exampleSteps(root: MappingToken): ExampleStep[] {
  const steps: ExampleStep[] = [];
  for (const [job, body] of mappingEntries(root.find('jobs'))) {
    const sequence = isMapping(body) ? body.find('steps') : undefined;
    if (!sequence || !isSequence(sequence)) continue;
    for (const step of sequence) {
      const fields = new Map(mappingEntries(step));
      const id = fields.get('id');
      const uses = fields.get('uses');
      const usesText = uses && isString(uses) ? uses.value : undefined;
      const condition = fields.get('if');
      steps.push({
        job,
        id: id && isString(id) ? id.value : undefined,
        uses: usesText,
        localAction: usesText ? LOCAL_ACTION.exec(usesText)?.[1] : undefined,
        condition: condition && isString(condition) ? condition.value : undefined,
        with: Object.fromEntries(mappingEntries(fields.get('with'))),
      });
    }
  }
  return steps;
}
