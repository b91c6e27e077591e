import { existsSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { isCloudFormation } from './cloudformation.js';
import { ZONE_LABELS } from './kubernetes.js';
import { isTerraformPlan } from './terraform.js';
import { child, children, type Node, stringValue } from './tree.js';

/** How a file is read, from its name: the parser it goes to. */
export type FileFormat =
  | 'terraform'
  | 'terraform-vars'
  | 'terragrunt'
  | 'terraform-json'
  | 'terraform-vars-json'
  | 'json'
  | 'yaml'
  | 'helm-template';

/**
 * What a document is, decided by its content (and, for Helm, by the chart around it), before any
 * rule applies. Not every JSON or YAML file is infrastructure: mocked API responses, CDK's
 * construct tree, CI workflows and test data hold AZ names that deploy nothing. Those are `other`,
 * and their findings become the generic AZ008, off by default and never an error.
 */
export type DocumentKind =
  | 'terraform'
  | 'terraform-vars'
  | 'terraform-plan'
  | 'cloudformation'
  | 'cdk-context'
  | 'kubernetes'
  | 'helm-values'
  | 'serverless'
  | 'other';

/** Where a file sits in a Helm chart: under its `templates/`, or anywhere else in the chart. */
export type HelmRole = 'template' | 'chart-file';

const TERRAFORM_BLOCKS = new Set([
  'resource',
  'module',
  'variable',
  'locals',
  'data',
  'provider',
  'terraform',
  'output',
]);
const TERRAFORM_DEFINING_BLOCKS = ['resource', 'module', 'variable', 'locals', 'data'];

export function classifyDocument(
  path: string,
  format: FileFormat,
  root: Node,
  helm: HelmRole | undefined,
): DocumentKind {
  if (format === 'terraform-json') return 'terraform';
  if (format === 'terraform-vars-json') return 'terraform-vars';
  if (isTerraformPlan(root)) return 'terraform-plan';
  if (isCloudFormation(root)) return 'cloudformation';
  if (basename(path) === 'cdk.context.json') return 'cdk-context';
  if (isKubernetesObject(root)) return 'kubernetes';
  if (helm !== undefined || selectsByZoneLabel(root)) return 'helm-values';
  if (isTerraformJson(root)) return 'terraform';
  if (isServerless(root)) return 'serverless';
  return 'other';
}

/** `apiVersion` and `kind`: Kubernetes objects, and the eksctl and Karpenter configs shaped like them. */
function isKubernetesObject(root: Node): boolean {
  return (
    stringValue(child(root, 'apiVersion')) !== undefined && stringValue(child(root, 'kind')) !== undefined
  );
}

/**
 * A Kubernetes zone label used as a key or a selector key: only Kubernetes scheduling reads it, so
 * the document is Kubernetes configuration (Helm values, kustomize patches) even without a kind.
 */
function selectsByZoneLabel(root: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        if (ZONE_LABELS.has(e.key) || (e.key === 'key' && ZONE_LABELS.has(stringValue(e.value) ?? '')))
          return true;
      }
    }
    stack.push(...children(node));
  }
  return false;
}

/** Only Terraform block types at the top, at least one that defines something. */
function isTerraformJson(root: Node): boolean {
  if (root.kind !== 'map' || root.entries.length === 0) return false;
  return (
    root.entries.every((e) => TERRAFORM_BLOCKS.has(e.key)) &&
    root.entries.some((e) => TERRAFORM_DEFINING_BLOCKS.includes(e.key))
  );
}

/** serverless.yml: `service` plus an AWS `provider` (its `resources` are CloudFormation). */
function isServerless(root: Node): boolean {
  const provider = child(root, 'provider');
  return child(root, 'service') !== undefined && stringValue(child(provider, 'name')) === 'aws';
}

// Text shapes of IaC, for files that did not parse (no tree to classify).
const IAC_TEXT = [
  /AWSTemplateFormatVersion/,
  /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/,
  /^\s*["']?apiVersion["']?\s*:[\s\S]*^\s*["']?kind["']?\s*:/m,
  /^\s*["']?kind["']?\s*:[\s\S]*^\s*["']?apiVersion["']?\s*:/m,
  /"(resource|module|variable|data)"\s*:\s*\{/,
  /"format_version"\s*:/,
];

/** Whether a JSON or YAML file that failed to parse looks like IaC: its line scan is then a real finding. */
export function looksLikeIac(path: string, text: string, helm: HelmRole | undefined): boolean {
  if (helm !== undefined || basename(path) === 'cdk.context.json') return true;
  return IAC_TEXT.some((pattern) => pattern.test(text));
}

/**
 * The file's role in the nearest Helm chart above it (a folder with `Chart.yaml`), or undefined.
 * A `templates/` folder alone is not a chart. `charts` caches each folder's answer.
 */
export function helmRole(root: string, file: string, charts: Map<string, boolean>): HelmRole | undefined {
  let folder = posix.dirname(file);
  for (;;) {
    let isChart = charts.get(folder);
    if (isChart === undefined) {
      isChart = existsSync(join(root, folder, 'Chart.yaml'));
      charts.set(folder, isChart);
    }
    if (isChart) {
      const inside = folder === '.' ? file : file.slice(folder.length + 1);
      return inside.startsWith('templates/') ? 'template' : 'chart-file';
    }
    if (folder === '.' || folder === '/' || folder === '') return undefined;
    folder = posix.dirname(folder);
  }
}
