import { type Analysis, ID_PLACEHOLDER, type Placement } from './analysis.js';
import { asList, child, type MapNode, type Node, stringValue } from './tree.js';

/**
 * CloudFormation and SAM templates (YAML short tags are already in long form), including CDK's
 * synthesized `cdk.out/*.template.json`. cfn-lint's `Metadata: cfn-lint: config: ignore_checks`
 * is honoured at template and resource level, so teams that already silenced W3010 are not asked
 * twice.
 */
const ZONE_PROPERTY = /^(Preferred)?AvailabilityZones?(Name)?$/;
const SUBNET_TYPE = 'AWS::EC2::Subnet';
const RESOURCE_TYPE = /^(AWS|Custom|Alexa)::/;

export function isCloudFormation(root: Node): boolean {
  if (root.kind !== 'map') return false;
  if (child(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const transform = asList(child(root, 'Transform')).map(stringValue);
  if (transform.some((t) => t?.startsWith('AWS::Serverless'))) return true;
  const resources = child(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => RESOURCE_TYPE.test(stringValue(child(e.value, 'Type')) ?? ''));
}

/** cfn-lint checks ignored by a `Metadata` node. */
export function cfnLintIgnoredChecks(metadata: Node | undefined): string[] {
  const checks = child(child(child(metadata, 'cfn-lint'), 'config'), 'ignore_checks');
  return asList(checks)
    .map(stringValue)
    .filter((check): check is string => check !== undefined);
}

export function analyzeCloudFormation(root: Node, analysis: Analysis): void {
  if (root.kind !== 'map') return;
  const templateIgnores = cfnLintIgnoredChecks(child(root, 'Metadata'));
  const resources = child(root, 'Resources');
  if (resources?.kind === 'map') {
    for (const e of resources.entries) {
      const ignores = [...templateIgnores, ...cfnLintIgnoredChecks(child(e.value, 'Metadata'))];
      const type = stringValue(child(e.value, 'Type')) ?? 'resource';
      const properties = child(e.value, 'Properties');
      if (properties?.kind === 'map') zoneProperties(properties, type, e.key, ignores, analysis);
      analysis.genericWalk(e.value, ignores);
    }
  }
  for (const section of ['Mappings', 'Parameters'] as const) {
    const node = child(root, section);
    if (node) nameLists(node, section, templateIgnores, analysis);
  }
  analysis.genericWalk(root, templateIgnores);
}

function zoneProperties(
  properties: MapNode,
  type: string,
  logicalId: string,
  ignores: string[],
  analysis: Analysis,
): void {
  for (const e of properties.entries) {
    if (ZONE_PROPERTY.test(e.key)) {
      const placement: Placement = {
        ...(type === SUBNET_TYPE && e.key === 'AvailabilityZone'
          ? {
              rule: 'AZ001',
              fix: () => `Use AvailabilityZoneId: ${ID_PLACEHOLDER} instead of AvailabilityZone`,
            }
          : {
              rule: 'AZ002',
              fix: () =>
                'This property takes names only: create the subnet with AvailabilityZoneId and use !GetAtt <Subnet>.AvailabilityZone, ' +
                'place by SubnetId / VPCZoneIdentifier, or take the name from a per-account parameter of type AWS::EC2::AvailabilityZone::Name',
            }),
        where: `${e.key} of ${logicalId} (${type})`,
        cfnLintIgnores: ignores,
      };
      analysis.placementValue(e.value, placement);
      continue;
    }
    for (const nested of asList(e.value)) {
      if (nested.kind === 'map') zoneProperties(nested, type, logicalId, ignores, analysis);
    }
  }
}

/** Every string in Mappings and parameter defaults is a name-list entry (AZ003). */
function nameLists(node: Node, section: string, ignores: string[], analysis: Analysis): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.kind === 'map') {
      for (const e of current.entries) {
        if (section === 'Parameters' && (e.key === 'Description' || e.key === 'AllowedPattern')) continue;
        stack.push(e.value);
      }
    } else if (current.kind === 'list') {
      stack.push(...current.items);
    } else if (current.kind === 'scalar') {
      analysis.placementValue(current, {
        rule: 'AZ003',
        where: section === 'Mappings' ? 'Mappings' : 'a parameter default or allowed value',
        fix: () =>
          `Map AZ IDs (${ID_PLACEHOLDER}) and create subnets with AvailabilityZoneId; read names back with !GetAtt <Subnet>.AvailabilityZone`,
        cfnLintIgnores: ignores,
      });
    }
  }
}
