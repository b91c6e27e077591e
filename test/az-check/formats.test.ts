// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL and CloudFormation templates use ${...} themselves
import { describe, expect, it } from 'vitest';
import { formatOf, scanFileText } from '../../actions/az-check/src/scan-file.js';
import { brief, scanFixture, scanText } from './helpers.js';

describe('Terraform (.tf)', () => {
  const findings = scanFixture('terraform/network/main.tf');

  it('flags names with the replacement each resource accepts', () => {
    expect(brief(findings)).toEqual([
      'AZ003 26:23 eu-west-1a error',
      'AZ003 26:37 eu-west-1b error',
      'AZ003 26:51 eu-west-1c error',
      'AZ001 34:24 eu-west-1a error',
      'AZ004 50:23 - warning',
      'AZ002 54:24 eu-west-1b error',
      'AZ004 63:23 - warning',
      'AZ002 69:26 eu-west-1c error',
      'AZ004 74:16 - warning',
      'AZ004 75:16 - warning',
      'AZ003 89:15 eu-west-1b error',
      'AZ003 89:29 eu-west-1c error',
      'AZ001 95:16 eu-west-1a error',
      'AZ002 104:24 eu-west-1a error suppressed(inline)',
    ]);
  });

  it('suggests availability_zone_id on aws_subnet, the ID-to-name data source elsewhere', () => {
    const subnet = findings.find((f) => f.line === 34)!;
    expect(subnet.fix).toBe('Use availability_zone_id = "euw1-az…" instead of availability_zone');
    expect(subnet.message).toContain('aws_subnet.shared');
    expect(subnet.message).toContain('eu-west-1 maps AZ names to physical zones per account');
    const volume = findings.find((f) => f.line === 54)!;
    expect(volume.fix).toContain('data "aws_availability_zone" "zone" { zone_id = "euw1-az…" }');
    expect(findings.find((f) => f.line === 69)!.message).toContain('aws_launch_template.workers');
  });

  it('knows terraform-aws-modules/vpc takes AZ IDs in azs, and the availability-zone-id filter', () => {
    expect(findings.find((f) => f.line === 26)!.fix).toContain(
      'terraform-aws-modules/vpc accepts AZ IDs in azs',
    );
    expect(findings.find((f) => f.line === 95)!.fix).toBe(
      'Filter by name = "availability-zone-id" with values = ["euw1-az…"]',
    );
  });

  it('describes index-based and region-derived picks', () => {
    const messages = findings.filter((f) => f.ruleId === 'AZ004').map((f) => f.message.split(':')[0]);
    expect(messages).toEqual([
      'Index-based AZ pick data.aws_availability_zones.available.names[0]',
      'Index-based AZ pick element(data.aws_availability_zones.available.names, 1)',
      'AZ name built from the region ("${var.region}a")',
      'Index-based AZ pick slice(data.aws_availability_zones.available.names, 0, 2)',
    ]);
  });

  it('points at the exact columns of the name inside the string', () => {
    const subnet = findings.find((f) => f.line === 34)!;
    expect([subnet.column, subnet.endColumn]).toEqual([24, 34]);
    expect(subnet.snippet).toBe('availability_zone = "eu-west-1a"');
  });
});

describe('Terraform JSON, tfvars and plans', () => {
  it('reads .tf.json with the same rules', () => {
    expect(brief(scanFixture('terraform/network/override.tf.json'))).toEqual([
      'AZ001 7:31 eu-west-1b error',
      'AZ003 14:18 eu-west-1a error',
      'AZ003 14:32 eu-west-1c error',
    ]);
  });

  it('treats tfvars values as module inputs; Local Zone names get the uniform severity', () => {
    expect(brief(scanFixture('terraform/network/terraform.tfvars'))).toEqual([
      'AZ003 2:17 us-east-1a error',
      'AZ003 2:31 us-east-1b error',
      'AZ003 3:16 us-west-2-lax-1a warning',
    ]);
  });

  it('reads what the author wrote in a terraform show -json plan, not computed planned values', () => {
    const findings = scanFixture('terraform/plan/plan.json');
    expect(brief(findings)).toEqual([
      'AZ003 5:25 ap-southeast-2a error',
      'AZ003 5:44 ap-southeast-2b error',
      'AZ001 33:55 ap-southeast-2a error',
      'AZ003 52:42 ap-southeast-2a error',
      'AZ003 52:61 ap-southeast-2b error',
    ]);
    expect(findings.some((f) => f.zone === 'ap-southeast-2c')).toBe(false);
  });

  it('never flags zone groups, border groups, ARNs, S3 Express buckets, regions, IDs or comments', () => {
    expect(scanFixture('terraform/negatives/main.tf')).toEqual([]);
  });

  it('reports names in comments only when asked', () => {
    const findings = scanFixture('terraform/negatives/main.tf', { scanComments: true });
    expect(brief(findings)).toEqual([
      'AZ007 1:14 us-east-1a error',
      'AZ007 1:29 us-east-1b error',
      'AZ007 2:19 us-west-2a error',
    ]);
  });
});

describe('CloudFormation and SAM', () => {
  it('reads YAML short tags, Mappings, parameter defaults and honours cfn-lint W3010', () => {
    const findings = scanFixture('cloudformation/network.yaml');
    expect(brief(findings)).toEqual([
      'AZ003 7:14 us-east-1a error',
      'AZ003 13:16 us-east-1a error',
      'AZ003 14:18 us-east-1b error',
      'AZ001 30:25 us-east-1a error',
      'AZ004 37:33 - warning',
      'AZ004 55:30 - warning',
      'AZ002 76:11 us-east-1c error suppressed(cfn-lint)',
      'AZ002 77:11 us-east-1d error suppressed(cfn-lint)',
      'AZ002 85:25 us-east-1b error',
    ]);
    expect(findings.find((f) => f.line === 30)!.fix).toBe(
      'Use AvailabilityZoneId: use1-az… instead of AvailabilityZone',
    );
    expect(findings.find((f) => f.line === 85)!.fix).toContain('!GetAtt <Subnet>.AvailabilityZone');
    expect(findings.find((f) => f.line === 37)!.message).toContain('Fn::Select [1, Fn::GetAZs]');
  });

  it('points a block-style !Select at its tag, not at the first item a line below', () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  A:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      AvailabilityZone: !Select # the first zone',
      '        - 0',
      '        - !GetAZs ""',
      '  B:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
    ].join('\n');
    expect(brief(scanText('template.yaml', template))).toEqual([
      'AZ004 6:25 - warning',
      'AZ004 12:33 - warning',
    ]);
  });

  it('reads SAM templates, including !Join of the region and a letter', () => {
    expect(brief(scanFixture('cloudformation/sam-template.yaml'))).toEqual([
      'AZ007 20:25 eu-west-1a error suppressed(cfn-lint)',
      'AZ004 30:31 - warning',
    ]);
  });

  it('reads JSON templates: unknown zones and AZ IDs of another region', () => {
    const findings = scanFixture('cloudformation/queue.json');
    expect(brief(findings)).toEqual([
      'AZ001 9:30 ap-northeast-1a error',
      'AZ006 18:39 ap-northeast-1g error',
      'AZ005 26:32 usw2-az1 error',
    ]);
    expect(findings[2]!.message).toBe(
      "AZ ID 'usw2-az1' is in us-west-2, but this file deploys to ap-northeast-1",
    );
  });
});

describe('CDK', () => {
  it('reads synthesized templates; eu-central-1 maps uniformly, so names are warnings', () => {
    expect(brief(scanFixture('cdk/cdk.out/PaymentsStack.template.json'))).toEqual([
      'AZ001 6:26 eu-central-1a warning',
      'AZ004 16:25 - warning',
    ]);
  });

  it('explains cached AZ lookups in cdk.context.json', () => {
    const findings = scanFixture('cdk/cdk.context.json');
    expect(brief(findings)).toEqual([
      'AZ003 3:6 eu-central-1a warning',
      'AZ003 4:6 eu-central-1b warning',
      'AZ003 5:6 eu-central-1c warning',
    ]);
    expect(findings[0]!.message).toContain('CDK context lookup for account 111111111111 in eu-central-1');
  });
});

describe('Kubernetes, Helm, Karpenter, eksctl', () => {
  it('flags zone labels in nodeSelector and affinity, not topologySpreadConstraints or zone-id', () => {
    const findings = scanFixture('kubernetes/charts/web/values.yaml');
    expect(brief(findings)).toEqual([
      'AZ001 8:32 us-west-2b error',
      'AZ001 18:19 us-west-2a error',
      'AZ001 19:19 us-west-2c error',
      'AZ003 33:11 us-west-2a error',
      'AZ003 33:23 us-west-2b error',
    ]);
    expect(findings[0]!.fix).toBe('Select by topology.k8s.aws/zone-id: "usw2-az…"');
    expect(findings[1]!.fix).toBe('Use key: topology.k8s.aws/zone-id with values: ["usw2-az…"]');
  });

  it('reads Helm templates line by line, skipping comments', () => {
    expect(brief(scanFixture('kubernetes/charts/web/templates/deployment.yaml'))).toEqual([
      'AZ001 11:38 us-west-2a error',
    ]);
  });

  it('flags Karpenter NodePool requirements on the zone label only', () => {
    expect(brief(scanFixture('kubernetes/karpenter/nodepool.yaml'))).toEqual([
      'AZ001 18:21 us-east-1a error',
      'AZ001 18:35 us-east-1b error',
    ]);
  });

  it('flags eksctl availabilityZones and subnets keyed by zone name', () => {
    const findings = scanFixture('kubernetes/eksctl/cluster.yaml');
    expect(brief(findings)).toEqual([
      'AZ003 7:22 ap-southeast-1a error',
      'AZ003 7:41 ap-southeast-1b error',
      'AZ003 7:60 ap-southeast-1c error',
      'AZ003 12:26 ap-southeast-1a error',
      'AZ007 16:7 ap-southeast-1b error',
    ]);
    expect(findings[0]!.fix).toContain('eksctl takes AZ names');
  });

  it('flags PersistentVolume node affinity; leaves zone groups, regions and buckets alone', () => {
    expect(brief(scanFixture('kubernetes/manifests/statefulset.yaml'))).toEqual([
      'AZ001 18:24 eu-west-3a warning',
    ]);
  });
});

describe('generic fallback and diagnostics', () => {
  it('leaves AZ names in YAML or JSON that is not IaC to the generic AZ008, off by default', () => {
    expect(
      brief(scanText('config/app.yaml', 'replicas:\n  zone: sa-east-1a\n  region: sa-east-1\n')),
    ).toEqual([]);
    expect(brief(scanText('settings.json', '{"zones": "ca-central-1a,ca-central-1b"}'))).toEqual([]);
  });

  it('recognises GovCloud and China regions', () => {
    expect(
      brief(scanText('gov.tfvars', 'azs = ["us-gov-west-1a"]\nchina = ["cn-north-1a", "cn-northwest-1b"]\n')),
    ).toEqual([
      'AZ003 1:9 us-gov-west-1a error',
      'AZ003 2:11 cn-north-1a warning',
      'AZ003 2:26 cn-northwest-1b warning',
    ]);
  });

  it.each([
    ['broken/unterminated.tf', "Missing '}' to close a block", 3],
    ['broken/bad.yaml', 'Flow map', 5],
    ['broken/bad.tf.json', 'Flow map', 2],
  ])('turns a syntax error in %s into a diagnostic', async (path, message, line) => {
    const { readFileSync } = await import('node:fs');
    const { FIXTURES } = await import('./helpers.js');
    const scan = scanFileText(path, readFileSync(`${FIXTURES}/${path}`, 'utf8'), { scanComments: false });
    expect(scan.diagnostic?.message).toContain(message);
    expect(scan.diagnostic?.line).toBe(line);
  });

  it('never parses a file without an AZ-like string', () => {
    const scan = scanFileText('main.tf', 'this is { not HCL at all', { scanComments: false });
    expect(scan).toMatchObject({ parsed: false, findings: [] });
    expect(scan.diagnostic).toBeUndefined();
  });

  it('chooses formats by path', () => {
    expect(
      [
        'a.tf',
        'a.tfvars',
        'terragrunt.hcl',
        'a.tf.json',
        'a.tfvars.json',
        'x.json',
        'x.yaml',
        'x.yml',
        'c/templates/d.yaml',
        'c/templates/_helpers.tpl',
        'README.md',
      ].map(formatOf),
    ).toEqual([
      'terraform',
      'terraform-vars',
      'terragrunt',
      'terraform-json',
      'terraform-vars-json',
      'json',
      'yaml',
      'yaml',
      'yaml',
      'helm-template',
      undefined,
    ]);
  });
});

describe('examples/az-check', () => {
  it('before.tf has the findings the README describes; after.tf is clean', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const examples = join(import.meta.dirname, '../../examples/az-check/infra');
    const before = scanText('before.tf', readFileSync(join(examples, 'before.tf'), 'utf8'));
    expect(brief(before)).toEqual(['AZ001 9:24 us-east-1a error', 'AZ002 13:24 us-east-1a error']);
    expect(scanText('after.tf', readFileSync(join(examples, 'after.tf'), 'utf8'))).toEqual([]);
  });
});
