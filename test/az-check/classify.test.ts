import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../actions/az-check/src/config.js';
import type { PolicyContext } from '../../actions/az-check/src/findings.js';
import { scanFiles } from '../../actions/az-check/src/scan.js';
import { DEFAULT_POLICY } from './helpers.js';

/**
 * Files are classified by content before rules apply. Shapes modelled on what real repositories
 * hold: eksctl's mocked DescribeVpcEndpointServices responses (pkg/cfn/builder/testdata), CDK's
 * cdk.out/tree.json, aws-cloudformation-templates' `Templates/` folders, Helm charts.
 */
const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'az-classify-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function scan(files: Record<string, string>, policy: PolicyContext = DEFAULT_POLICY) {
  const root = workspace(files);
  const result = await scanFiles({
    root,
    files: Object.keys(files).sort(),
    options: { scanComments: false },
    policy,
  });
  return result.findings.map((f) => `${f.file} ${f.ruleId} ${f.line}:${f.column} ${f.severity}`);
}

const SERVICE_DETAILS = JSON.stringify(
  {
    ServiceDetails: [
      {
        ServiceName: 'com.amazonaws.us-west-2.ec2',
        AvailabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
        BaseEndpointDnsNames: ['ec2.us-west-2.vpce.amazonaws.com'],
      },
    ],
  },
  null,
  2,
);
const TREE_JSON = JSON.stringify({
  version: 'tree-0.1',
  tree: {
    id: 'App',
    children: {
      Stack: {
        id: 'Stack',
        attributes: { 'aws:cdk:cloudformation:props': { availabilityZone: 'us-east-1a' } },
      },
    },
  },
});
const CFN_IN_TEMPLATES = `AWSTemplateFormatVersion: '2010-09-09'
Description: Creates a subnet in us-east-1a for the endpoint
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-1
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: us-east-1a
`;
const WORKFLOW = `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      ZONE: us-east-1a
    steps:
      - run: echo deploying
`;
const DEPLOYMENT_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      nodeSelector:
        topology.kubernetes.io/zone: {{ .Values.zone | default "us-east-1a" }}
`;

describe('content classification', () => {
  it('gives data files that are not IaC no finding by default', async () => {
    expect(
      await scan({
        'pkg/cfn/builder/testdata/service_details.json': SERVICE_DETAILS,
        'cdk.out/tree.json': TREE_JSON,
        '.github/workflows/deploy.yml': WORKFLOW,
      }),
    ).toEqual([]);
  });

  it('gives them at most a generic finding when AZ008 is turned on, never an error', async () => {
    const policy = (setting: 'note' | 'error'): PolicyContext => ({
      ...DEFAULT_POLICY,
      config: { ...EMPTY_CONFIG, rules: { AZ008: setting } },
    });
    const files = { 'testdata/service_details.json': SERVICE_DETAILS };
    expect(await scan(files, policy('note'))).toEqual([
      'testdata/service_details.json AZ008 6:10 note',
      'testdata/service_details.json AZ008 7:10 note',
      'testdata/service_details.json AZ008 8:10 note',
    ]);
    expect((await scan(files, policy('error'))).every((f) => f.endsWith(' warning'))).toBe(true);
  });

  it('reads a CloudFormation template in a Templates/ folder as CloudFormation, not Helm', async () => {
    expect(await scan({ 'aws/solutions/X/Templates/cfn-endpoint.yaml': CFN_IN_TEMPLATES })).toEqual([
      'aws/solutions/X/Templates/cfn-endpoint.yaml AZ001 9:25 error',
    ]);
  });

  it('line-scans templates/ only inside a chart (a Chart.yaml above it)', async () => {
    expect(
      await scan({
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
        'charts/web/templates/deployment.yaml': DEPLOYMENT_TEMPLATE,
        'charts/web/values.yaml': 'zone: eu-west-1b\n',
      }),
    ).toEqual([
      'charts/web/templates/deployment.yaml AZ001 7:65 error',
      'charts/web/values.yaml AZ007 1:7 error',
    ]);
  });

  it('reads plan JSON by format_version and planned values, without flagging computed zones', async () => {
    const plan = JSON.stringify({
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ values: { availability_zone: 'us-east-1a' } }] } },
    });
    expect(await scan({ 'plan.json': plan })).toEqual([]);
  });

  it('line-scans a broken file as IaC only when its text has an IaC shape', async () => {
    expect(
      await scan({
        'broken-cfn.yaml': `${CFN_IN_TEMPLATES}  Broken: [\n`,
        'broken-data.yaml': 'zones: [us-east-1a\n',
      }),
    ).toEqual([
      'broken-cfn.yaml AZ007 2:34 error',
      'broken-cfn.yaml AZ007 9:25 error',
      expect.stringMatching(/^broken-cfn\.yaml AZ000 .* warning$/),
      expect.stringMatching(/^broken-data\.yaml AZ000 .* warning$/),
    ]);
  });
});
