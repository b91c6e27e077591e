import { type Analysis, ID_PLACEHOLDER } from './analysis.js';
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
  const fix = () =>
    `eksctl takes AZ names: generate this list per account from the AZ IDs (aws ec2 describe-availability-zones --zone-ids ${ID_PLACEHOLDER}), or give existing subnets by ID under vpc.subnets`;
  analysis.placementValue(child(root, 'availabilityZones'), {
    rule: 'AZ003',
    where: 'availabilityZones',
    fix,
  });
  for (const groups of EKSCTL_NODE_GROUPS) {
    for (const group of asList(child(root, groups))) {
      const name = stringValue(child(group, 'name')) ?? '?';
      analysis.placementValue(child(group, 'availabilityZones'), {
        rule: 'AZ003',
        where: `availabilityZones of ${groups} ${name}`,
        fix,
      });
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
