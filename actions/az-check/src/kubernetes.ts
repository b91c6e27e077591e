import { type Analysis, ID_PLACEHOLDER } from './analysis.js';
import { eksctlFix } from './placements.js';
import { asList, child, type MapNode, type Node, stringValue } from './tree.js';

/**
 * Kubernetes manifests, Helm values, Karpenter NodePools and eksctl configs. Zone labels appear in
 * nodeSelector and node labels (`label: zone`), and in node affinity, Karpenter requirements and
 * similar selectors (`{key: label, operator: In, values: [...]}`). EKS nodes also carry
 * `topology.k8s.aws/zone-id`, which Karpenter and the scheduler accept the same way.
 */
export const ZONE_LABELS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);
const ZONE_ID_LABEL = 'topology.k8s.aws/zone-id';
const EKSCTL_API = /^eksctl\.io\//;
const EKSCTL_NODE_GROUPS = ['nodeGroups', 'managedNodeGroups'];
// Both take names: AZ names, and Local Zone names (eksctl v1alpha5 types.go).
const EKSCTL_ZONE_FIELDS = ['availabilityZones', 'localZones'];
const CDK_AZ_CONTEXT = /^availability-zones:account=(\d+):region=([a-z0-9-]+)/;

export function analyzeKubernetes(root: Node, analysis: Analysis): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') zoneSelectors(node, analysis);
    if (node.kind === 'map') for (const e of node.entries) stack.push(e.value);
    if (node.kind === 'list') stack.push(...node.items);
  }
}

function zoneSelectors(node: MapNode, analysis: Analysis): void {
  for (const e of node.entries) {
    if (!ZONE_LABELS.has(e.key)) continue;
    analysis.placementValue(e.value, {
      rule: 'AZ001',
      where: `the ${e.key} label`,
      fix: () => `Select by ${ZONE_ID_LABEL}: "${ID_PLACEHOLDER}"`,
    });
  }
  const key = stringValue(child(node, 'key'));
  if (key && ZONE_LABELS.has(key)) {
    analysis.placementValue(child(node, 'values'), {
      rule: 'AZ001',
      where: `a ${key} selector`,
      fix: () => `Use key: ${ZONE_ID_LABEL} with values: ["${ID_PLACEHOLDER}"]`,
    });
  }
}

export function isEksctlConfig(root: Node): boolean {
  return EKSCTL_API.test(stringValue(child(root, 'apiVersion')) ?? '');
}

export function analyzeEksctl(root: Node, analysis: Analysis): void {
  for (const attribute of EKSCTL_ZONE_FIELDS) {
    analysis.placementValue(child(root, attribute), {
      rule: 'AZ003',
      where: attribute,
      fix: () => eksctlFix('ClusterConfig', attribute),
    });
  }
  for (const groups of EKSCTL_NODE_GROUPS) {
    for (const group of asList(child(root, groups))) {
      const name = stringValue(child(group, 'name')) ?? '?';
      for (const attribute of EKSCTL_ZONE_FIELDS) {
        analysis.placementValue(child(group, attribute), {
          rule: 'AZ003',
          where: `${attribute} of ${groups} ${name}`,
          fix: () => eksctlFix(groups, attribute),
        });
      }
    }
  }
}

/** `cdk.context.json`: cached AZ lookups, keyed by account and region. */
export function analyzeCdkContext(root: Node, analysis: Analysis): void {
  if (root.kind !== 'map') return;
  for (const e of root.entries) {
    const match = CDK_AZ_CONTEXT.exec(e.key);
    if (!match) continue;
    analysis.placementValue(e.value, {
      rule: 'AZ003',
      where: `the CDK context lookup for account ${match[1]} in ${match[2]}`,
      fix: () =>
        `These names are right for account ${match[1]} only: in stacks deployed to several accounts, create subnets with availabilityZoneId ("${ID_PLACEHOLDER}") instead of relying on cached names`,
    });
  }
}
