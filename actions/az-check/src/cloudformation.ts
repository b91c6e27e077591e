import { type Analysis, ID_PLACEHOLDER, type Placement } from './analysis.js';
import { cloudFormationFix, pickFix, placementFor } from './placements.js';
import { asList, child, type MapNode, type Node, stringValue } from './tree.js';

/**
 * CloudFormation and SAM templates (YAML short tags are already in long form), including CDK's
 * synthesized `cdk.out/*.template.json`. cfn-lint's `Metadata: cfn-lint: config: ignore_checks`
 * is honoured at template and resource level, so teams that already silenced W3010 are not asked
 * twice.
 */
const ZONE_PROPERTY = /^(Preferred)?AvailabilityZones?(Name)?$/;
// CDK writes each resource's construct path here in synthesized templates.
const CDK_PATH = 'aws:cdk:path';
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
      const cdkPath = stringValue(child(child(e.value, 'Metadata'), CDK_PATH));
      const context: ResourceContext = { type, logicalId: e.key, ignores, ...(cdkPath ? { cdkPath } : {}) };
      if (properties?.kind === 'map') zoneProperties(properties, context, analysis);
      analysis.genericWalk(e.value, ignores);
    }
  }
  for (const section of ['Mappings', 'Parameters'] as const) {
    const node = child(root, section);
    if (node) nameLists(node, section, templateIgnores, analysis);
  }
  analysis.genericWalk(root, templateIgnores);
}

interface ResourceContext {
  type: string;
  logicalId: string;
  ignores: string[];
  /** Set in a template the CDK synthesized: the fix belongs in the CDK source, not here. */
  cdkPath?: string;
}

function zoneProperties(properties: MapNode, context: ResourceContext, analysis: Analysis): void {
  const { type, logicalId, ignores, cdkPath } = context;
  for (const e of properties.entries) {
    if (ZONE_PROPERTY.test(e.key)) {
      const inCdk = (fix: string) => (cdkPath ? cdkFix(cdkPath, fix) : fix);
      if (analysis.accountDependentPick(e.value, ignores, inCdk(pickFix('cloudformation', type, e.key))))
        continue;
      const placement: Placement = {
        rule: placementFor('cloudformation', type, e.key)?.idAttribute ? 'AZ001' : 'AZ002',
        fix: () => inCdk(cloudFormationFix(type, e.key)),
        where: cdkPath
          ? `${e.key} of ${logicalId} (${type}, CDK construct ${cdkPath})`
          : `${e.key} of ${logicalId} (${type})`,
        cfnLintIgnores: ignores,
      };
      analysis.placementValue(e.value, placement);
      continue;
    }
    for (const nested of asList(e.value)) {
      if (nested.kind === 'map') zoneProperties(nested, context, analysis);
    }
  }
}

/** Synthesized templates are regenerated on every `cdk synth`: the change belongs in the CDK app. */
function cdkFix(cdkPath: string, fix: string): string {
  return `This template is synthesized by the CDK: change the construct ${cdkPath} in the CDK source (its props or an escape hatch such as addPropertyOverride), not this file. ${fix}`;
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
