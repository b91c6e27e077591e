import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../actions/az-check/src/findings.js';
import { PLACEMENTS, type PlacementRow } from '../../actions/az-check/src/placements.js';
import { scanText } from './helpers.js';

/**
 * One test per row of the placement table: a literal zone name in that attribute is reported under
 * the right rule, and the fix names only attributes the resource has (issue 11 item 5: an EBS
 * volume or a dedicated host was told to "place the resource by subnet_id", which neither has).
 */
const PLURAL = /s$/;

function terraformSource(row: PlacementRow): string {
  const value = PLURAL.test(row.attribute) ? '["us-east-1a"]' : '"us-east-1a"';
  if (row.resource === 'aws_launch_template') {
    return `resource "aws_launch_template" "x" {\n  placement {\n    ${row.attribute} = ${value}\n  }\n}\n`;
  }
  return `resource "${row.resource}" "x" {\n  ${row.attribute} = ${value}\n}\n`;
}

function cloudFormationSource(row: PlacementRow): string {
  const value = PLURAL.test(row.attribute) ? '[us-east-1a]' : 'us-east-1a';
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X:\n    Type: ${row.resource}\n    Properties:\n      ${row.attribute}: ${value}\n`;
}

function eksctlSource(row: PlacementRow): string {
  const value = row.attribute === 'localZones' ? '[us-west-2-lax-1a]' : '[us-west-2a, us-west-2b]';
  const head =
    'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: shop\n  region: us-west-2\n';
  if (row.resource === 'ClusterConfig') return `${head}${row.attribute}: ${value}\n`;
  return `${head}${row.resource}:\n  - name: ng-1\n    ${row.attribute}: ${value}\n`;
}

function kubernetesSource(row: PlacementRow): string {
  if (row.tool === 'karpenter') {
    return [
      'apiVersion: karpenter.sh/v1',
      'kind: NodePool',
      'metadata:',
      '  name: default',
      'spec:',
      '  template:',
      '    spec:',
      '      requirements:',
      `        - key: ${row.attribute}`,
      '          operator: In',
      '          values: [us-east-1a]',
      '',
    ].join('\n');
  }
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      nodeSelector:\n        ${row.attribute}: us-east-1a\n`;
}

function scanRow(row: PlacementRow): Finding[] {
  switch (row.tool) {
    case 'terraform':
      return scanText('main.tf', terraformSource(row));
    case 'cloudformation':
      return scanText('template.yaml', cloudFormationSource(row));
    case 'eksctl':
      return scanText('cluster.yaml', eksctlSource(row));
    default:
      return scanText('manifest.yaml', kubernetesSource(row));
  }
}

function expectedRule(row: PlacementRow): string {
  if (row.tool === 'eksctl') return 'AZ003';
  return row.idAttribute ? 'AZ001' : 'AZ002';
}

describe('placement table: one row, one test', () => {
  it.each(PLACEMENTS.map((row) => [`${row.tool} ${row.resource} ${row.attribute}`, row] as const))(
    '%s',
    (_name, row) => {
      const findings = scanRow(row).filter((f) => f.ruleId !== 'AZ007');
      expect(findings.length, JSON.stringify(findings)).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(expectedRule(row));
        if (row.idAttribute) expect(finding.fix).toContain(row.idAttribute);
        if (row.placeBy) expect(finding.fix).toContain(row.placeBy);
        // Never a placement attribute the resource does not have.
        if (!row.placeBy) expect(finding.fix).not.toMatch(/place it by|subnet_id|SubnetId|vpc\.subnets/);
        if (row.attribute === 'localZones') {
          // eksctl takes Local Zone names there; Local Zone IDs are not shaped like usw2-az1.
          expect(finding.fix).not.toMatch(/zone-ids|AZ ID|-az…/);
          expect(finding.fix).toContain('Local Zone names');
        }
      }
    },
  );

  it('says honestly that an EBS volume has no subnet and no AZ ID argument', () => {
    const [finding] = scanText(
      'main.tf',
      'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n',
    );
    expect(finding).toMatchObject({ ruleId: 'AZ002' });
    expect(finding!.fix).toContain('no subnet and no AZ ID argument');
    expect(finding!.fix).toContain('data "aws_availability_zone" "zone" { zone_id = "use1-az…" }');
    expect(finding!.fix).not.toContain('subnet_id');
  });
});

describe('index picks get the fix of the attribute they sit in', () => {
  it('on a resource with an ID twin: pin the ID attribute', () => {
    const findings = scanText(
      'main.tf',
      'resource "aws_subnet" "a" {\n  availability_zone = data.aws_availability_zones.available.names[0]\n}\n',
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['AZ004']);
    expect(findings[0]!.fix).toContain('availability_zone_id = "');
  });

  it('on a name-only resource: resolve the name from a pinned ID', () => {
    const findings = scanText(
      'main.tf',
      'resource "aws_ebs_volume" "a" {\n  availability_zone = data.aws_availability_zones.available.names[0]\n}\n',
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['AZ004']);
    expect(findings[0]!.fix).toContain('data "aws_availability_zone" "zone"');
    expect(findings[0]!.fix).not.toContain('availability_zone_id');
  });

  it('in CloudFormation: AvailabilityZoneId on a subnet', () => {
    const findings = scanText(
      'template.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      AvailabilityZone: !Select [0, !GetAZs ""]\n',
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['AZ004']);
    expect(findings[0]!.fix).toContain('AvailabilityZoneId: ');
  });
});

describe('synthesized CDK templates', () => {
  it('name the construct path and send the fix to the CDK source', () => {
    const template = JSON.stringify(
      {
        Resources: {
          DataVolume1234: {
            Type: 'AWS::EC2::Volume',
            Properties: { AvailabilityZone: 'us-east-1a', Size: 10 },
            Metadata: { 'aws:cdk:path': 'ShopStack/DataVolume/Resource' },
          },
        },
      },
      null,
      2,
    );
    const [finding] = scanText('cdk.out/ShopStack.template.json', template);
    expect(finding).toMatchObject({ ruleId: 'AZ002' });
    expect(finding!.message).toContain('CDK construct ShopStack/DataVolume/Resource');
    expect(finding!.fix).toMatch(
      /^This template is synthesized by the CDK: change the construct ShopStack\/DataVolume\/Resource in the CDK source/,
    );
    expect(finding!.fix).toContain('no subnet and no AZ ID property');
  });
});

describe('README', () => {
  it('lists every row of the placement table', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../actions/az-check/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Where AZ IDs are accepted'));
    for (const row of PLACEMENTS) {
      const line = section
        .split('\n')
        .find((l) => l.includes(`\`${row.resource}\``) && l.includes(`\`${row.attribute}\``));
      expect(line, `${row.resource} ${row.attribute}`).toBeDefined();
      if (row.idAttribute) expect(line).toContain(`\`${row.idAttribute}\``);
      else expect(line).toMatch(/\|\s*none\s*\|/);
    }
  });
});

describe('ID placeholders have the shape of the zone kind', () => {
  it('a Local Zone subnet is told a Local Zone ID (usw2-lax1-az…), not an AZ ID', () => {
    const [finding] = scanText(
      'template.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Edge:\n    Type: AWS::EC2::Subnet\n    Properties:\n      AvailabilityZone: us-west-2-lax-1a\n',
    );
    expect(finding!.fix).toBe('Use AvailabilityZoneId: usw2-lax1-az… instead of AvailabilityZone');
  });
});
