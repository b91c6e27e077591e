import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_DIR } from './lib.js';

/**
 * A deterministic (seeded) corpus of realistic infrastructure code for the az-check benchmark:
 * Terraform modules and environments, tfvars and terragrunt, CloudFormation in YAML (short tags)
 * and JSON (intrinsic functions), CDK synthesized templates, Kubernetes manifests, Helm charts,
 * Karpenter NodePools, plus README/markdown and JSON noise. Most files hold no AZ-like string; a
 * small fraction hard-code AZ names where teams really do (subnets, volumes, node selectors,
 * NodePool requirements, `azs` lists), and some use `data.aws_availability_zones` / `!GetAZs`.
 *
 * Generated once per (version, seed, size) into bench/corpus/ (git-ignored) and reused.
 */
export const CORPUS_VERSION = 1;
export const CORPUS_SEED = 20_250_115;

export interface CorpusFile {
  path: string;
  text: string;
  /** True when the generator put an AZ name in it (for the report). */
  hasAzName: boolean;
}

export interface CorpusStats {
  files: number;
  bytes: number;
  filesWithAzNames: number;
  byKind: Record<string, number>;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Gen {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }
  /** An identifier of 2 words: `checkout-api`. */
  name(sep = '-'): string {
    return `${this.pick(SERVICES)}${sep}${this.pick(PARTS)}`;
  }
}

const SERVICES = [
  'checkout',
  'payments',
  'orders',
  'catalog',
  'search',
  'inventory',
  'billing',
  'identity',
  'notifications',
  'reporting',
  'shipping',
  'pricing',
  'reviews',
  'ledger',
  'gateway',
  'analytics',
  'profile',
  'cart',
  'loyalty',
  'fraud',
];
const PARTS = ['api', 'worker', 'web', 'consumer', 'scheduler', 'db', 'cache', 'queue', 'stream', 'batch'];
const ENVS = ['dev', 'staging', 'prod', 'sandbox', 'perf'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'];
const LETTERS: Record<string, string> = {
  'us-east-1': 'abcdef',
  'us-west-2': 'abcd',
  'eu-west-1': 'abc',
  'eu-central-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-northeast-1': 'acd',
};
const INSTANCE_TYPES = ['m6i.large', 'm6i.xlarge', 'c6g.2xlarge', 'r6i.large', 't3.medium', 'm7g.xlarge'];
const WORDS =
  'the service owns its data and exposes it through the api only deployments are blue green and every change goes through review alarms page the on call engineer when the error budget burns faster than expected runbooks live next to the code'.split(
    ' ',
  );

function azName(g: Gen, region: string): string {
  return `${region}${g.pick([...LETTERS[region]!])}`;
}

function sentence(g: Gen, words = g.int(8, 20)): string {
  const out = Array.from({ length: words }, () => g.pick(WORDS));
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

function arn(g: Gen, service: string, resource: string): string {
  return `arn:aws:${service}:${g.pick(REGIONS)}:${g.int(100_000_000_000, 999_999_999_999)}:${resource}`;
}

// ---------------------------------------------------------------- Terraform

function tfPolicy(g: Gen, indent: string): string {
  const statements = Array.from({ length: g.int(1, 4) }, () => {
    const actions = Array.from(
      { length: g.int(1, 5) },
      () =>
        `${indent}        "${g.pick(['s3', 'sqs', 'dynamodb', 'kms', 'logs', 'sns'])}:${g.pick(['Get', 'Put', 'List', 'Describe', 'Delete'])}${g.pick(['Object', 'Item', 'Message', 'Key', 'Topic', 'LogEvents'])}",`,
    ).join('\n');
    return `${indent}      {\n${indent}        Effect = "Allow"\n${indent}        Action = [\n${actions}\n${indent}        ]\n${indent}        Resource = ["${arn(g, 's3', `${g.name()}-${g.hex(6)}/*`)}"]\n${indent}      },`;
  });
  return `jsonencode({\n${indent}    Version = "2012-10-17"\n${indent}    Statement = [\n${statements.join('\n')}\n${indent}    ]\n${indent}  })`;
}

function tfResource(g: Gen, az: { region: string; hard: boolean; lookup: boolean }): string {
  const name = g.name('_');
  const kind = g.int(0, 9);
  if (az.hard && g.chance(0.5)) {
    const zone = azName(g, az.region);
    return g.chance(0.5)
      ? `resource "aws_subnet" "${name}" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = "10.${g.int(0, 255)}.${g.int(0, 255)}.0/24"\n  availability_zone = "${zone}"\n\n  tags = merge(local.tags, { Name = "${name}" })\n}\n`
      : `resource "aws_ebs_volume" "${name}" {\n  availability_zone = "${zone}"\n  size              = ${g.int(20, 500)}\n  type              = "gp3"\n  encrypted         = true\n  kms_key_id        = var.kms_key_arn\n\n  tags = local.tags\n}\n`;
  }
  if (az.lookup && g.chance(0.3)) {
    return `resource "aws_subnet" "${name}" {\n  count             = length(data.aws_availability_zones.available.names)\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)\n  availability_zone = data.aws_availability_zones.available.names[count.index]\n\n  tags = merge(local.tags, { Name = "${name}-\${count.index}" })\n}\n`;
  }
  switch (kind) {
    case 0:
      return `resource "aws_iam_role" "${name}" {\n  name               = "${name}-\${var.environment}"\n  assume_role_policy = data.aws_iam_policy_document.assume.json\n  tags               = local.tags\n}\n\nresource "aws_iam_role_policy" "${name}" {\n  role   = aws_iam_role.${name}.id\n  policy = ${tfPolicy(g, '')}\n}\n`;
    case 1: {
      const rules = Array.from(
        { length: g.int(1, 5) },
        () =>
          `  ingress {\n    description = "${sentence(g, 5)}"\n    from_port   = ${g.pick([80, 443, 5432, 6379, 8080])}\n    to_port     = ${g.pick([80, 443, 5432, 6379, 8080])}\n    protocol    = "tcp"\n    cidr_blocks = ["10.${g.int(0, 255)}.0.0/16"]\n  }\n`,
      ).join('\n');
      return `resource "aws_security_group" "${name}" {\n  name_prefix = "${name}-"\n  vpc_id      = var.vpc_id\n\n${rules}\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n`;
    }
    case 2:
      return `resource "aws_lambda_function" "${name}" {\n  function_name = "${name}-\${var.environment}"\n  role          = aws_iam_role.${name}.arn\n  handler       = "index.handler"\n  runtime       = "${g.pick(['nodejs20.x', 'python3.12', 'java21'])}"\n  memory_size   = ${g.pick([128, 256, 512, 1024])}\n  timeout       = ${g.int(3, 900)}\n  filename      = "\${path.module}/build/${name}.zip"\n\n  environment {\n    variables = {\n      TABLE_NAME = aws_dynamodb_table.${name}.name\n      LOG_LEVEL  = "${g.pick(['info', 'debug', 'warn'])}"\n    }\n  }\n\n  tracing_config {\n    mode = "Active"\n  }\n}\n`;
    case 3:
      return `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name.replace(/_/g, '-')}-\${var.environment}-${g.hex(8)}"\n  tags   = local.tags\n}\n\nresource "aws_s3_bucket_versioning" "${name}" {\n  bucket = aws_s3_bucket.${name}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {\n  bucket = aws_s3_bucket.${name}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = var.kms_key_arn\n    }\n  }\n}\n`;
    case 4:
      return `resource "aws_cloudwatch_metric_alarm" "${name}" {\n  alarm_name          = "${name}-\${var.environment}-errors"\n  alarm_description   = "${sentence(g)}"\n  comparison_operator = "GreaterThanThreshold"\n  evaluation_periods  = ${g.int(1, 5)}\n  metric_name         = "${g.pick(['Errors', '5XXError', 'Throttles', 'Duration'])}"\n  namespace           = "${g.pick(['AWS/Lambda', 'AWS/ApiGateway', 'AWS/SQS'])}"\n  period              = ${g.pick([60, 300])}\n  statistic           = "Sum"\n  threshold           = ${g.int(1, 100)}\n  alarm_actions       = [var.alarm_topic_arn]\n\n  dimensions = {\n    FunctionName = aws_lambda_function.${name}.function_name\n  }\n}\n`;
    case 5:
      return `resource "aws_dynamodb_table" "${name}" {\n  name         = "${name}-\${var.environment}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "pk"\n  range_key    = "sk"\n\n  attribute {\n    name = "pk"\n    type = "S"\n  }\n\n  attribute {\n    name = "sk"\n    type = "S"\n  }\n\n  point_in_time_recovery {\n    enabled = true\n  }\n\n  tags = local.tags\n}\n`;
    case 6:
      return `resource "aws_ecs_service" "${name}" {\n  name            = "${name}"\n  cluster         = var.cluster_arn\n  task_definition = aws_ecs_task_definition.${name}.arn\n  desired_count   = var.desired_count\n  launch_type     = "FARGATE"\n\n  network_configuration {\n    subnets          = var.private_subnet_ids\n    security_groups  = [aws_security_group.${name}.id]\n    assign_public_ip = false\n  }\n\n  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }\n}\n`;
    case 7:
      return `module "${name}" {\n  source  = "terraform-aws-modules/${g.pick(['sqs', 'sns', 'kms', 'rds'])}/aws"\n  version = "~> ${g.int(3, 8)}.${g.int(0, 9)}"\n\n  name = "${name}-\${var.environment}"\n  tags = local.tags\n}\n`;
    case 8:
      return `resource "aws_sqs_queue" "${name}" {\n  name                       = "${name}-\${var.environment}"\n  visibility_timeout_seconds = ${g.int(30, 900)}\n  message_retention_seconds  = ${g.int(3600, 1209600)}\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = aws_sqs_queue.${name}_dlq.arn\n    maxReceiveCount     = ${g.int(3, 10)}\n  })\n}\n`;
    default:
      return `resource "aws_route53_record" "${name}" {\n  zone_id = var.zone_id\n  name    = "${name.replace(/_/g, '-')}.\${var.domain}"\n  type    = "A"\n\n  alias {\n    name                   = aws_lb.main.dns_name\n    zone_id                = aws_lb.main.zone_id\n    evaluate_target_health = true\n  }\n}\n`;
  }
}

function terraformMain(g: Gen, az: { region: string; hard: boolean; lookup: boolean }): string {
  const header = `# ${sentence(g)}\n\nterraform {\n  required_version = ">= 1.6"\n}\n\n`;
  const lookup = az.lookup ? `data "aws_availability_zones" "available" {\n  state = "available"\n}\n\n` : '';
  const locals = `locals {\n  name = "\${var.project}-\${var.environment}"\n  tags = {\n    Project     = var.project\n    Environment = var.environment\n    Owner       = "${g.pick(SERVICES)}-team"\n    ManagedBy   = "terraform"\n  }\n}\n\n`;
  const resources = Array.from({ length: g.int(3, 14) }, () => tfResource(g, az)).join('\n');
  return header + lookup + locals + resources;
}

function terraformVariables(g: Gen, az: { region: string; hard: boolean }): string {
  const vars = Array.from({ length: g.int(4, 16) }, () => {
    const name = g.name('_');
    const type = g.pick(['string', 'number', 'bool', 'list(string)', 'map(string)']);
    const defaults: Record<string, string> = {
      string: `"${g.pick(ENVS)}"`,
      number: String(g.int(1, 100)),
      bool: g.pick(['true', 'false']),
      'list(string)': '[]',
      'map(string)': '{}',
    };
    return `variable "${name}" {\n  description = "${sentence(g)}"\n  type        = ${type}\n  default     = ${defaults[type]}\n}\n`;
  });
  if (az.hard) {
    const zones = [...LETTERS[az.region]!].slice(0, 3).map((l) => `"${az.region}${l}"`);
    vars.push(
      `variable "azs" {\n  description = "Availability zones for the subnets"\n  type        = list(string)\n  default     = [${zones.join(', ')}]\n}\n`,
    );
  }
  return `${vars.join('\n')}`;
}

function terraformOutputs(g: Gen): string {
  return Array.from(
    { length: g.int(2, 8) },
    () =>
      `output "${g.name('_')}_arn" {\n  description = "${sentence(g, 6)}"\n  value       = aws_iam_role.${g.name('_')}.arn\n}\n`,
  ).join('\n');
}

function tfvars(g: Gen, region: string, hard: boolean): string {
  const lines = [
    `environment   = "${g.pick(ENVS)}"`,
    `project       = "${g.pick(SERVICES)}"`,
    `region        = "${region}"`,
    `desired_count = ${g.int(1, 12)}`,
    `instance_type = "${g.pick(INSTANCE_TYPES)}"`,
    `vpc_cidr      = "10.${g.int(0, 255)}.0.0/16"`,
  ];
  for (let i = 0; i < g.int(2, 20); i += 1) lines.push(`${g.name('_')} = "${g.hex(12)}"`);
  if (hard) {
    const zones = [...LETTERS[region]!].slice(0, 3).map((l) => `"${region}${l}"`);
    lines.push(`azs = [${zones.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function terragrunt(g: Gen, region: string): string {
  return `include "root" {\n  path = find_in_parent_folders()\n}\n\nterraform {\n  source = "../../../modules//${g.pick(SERVICES)}"\n}\n\ninputs = {\n  environment = "${g.pick(ENVS)}"\n  region      = "${region}"\n  vpc_id      = dependency.vpc.outputs.vpc_id\n}\n`;
}

// ---------------------------------------------------------------- CloudFormation

function cfnYamlResource(g: Gen, region: string, hard: boolean): string {
  const name = `${g.pick(SERVICES).replace(/^./, (c) => c.toUpperCase())}${g.pick(['Queue', 'Function', 'Role', 'Table', 'Alarm', 'Bucket'])}${g.int(1, 99)}`;
  if (hard) {
    return `  ${name}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: !Select [${g.int(0, 5)}, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]\n      AvailabilityZone: ${azName(g, region)}\n      Tags:\n        - Key: Name\n          Value: !Sub "\${AWS::StackName}-${name}"\n`;
  }
  switch (g.int(0, 4)) {
    case 0:
      return `  ${name}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "\${AWS::StackName}-${name.toLowerCase()}"\n      VisibilityTimeout: ${g.int(30, 900)}\n      KmsMasterKeyId: !Ref KmsKey\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn\n        maxReceiveCount: ${g.int(3, 10)}\n`;
    case 1:
      return `  ${name}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: index.handler\n      MemorySize: ${g.pick([128, 256, 512])}\n      Role: !GetAtt ${name}Role.Arn\n      Environment:\n        Variables:\n          TABLE: !Ref Table\n          STAGE: !Ref Stage\n      Code:\n        S3Bucket: !ImportValue artifacts-bucket\n        S3Key: !Sub "lambda/${name}-\${Version}.zip"\n`;
    case 2:
      return `  ${name}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: access\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action:\n                  - dynamodb:GetItem\n                  - dynamodb:PutItem\n                Resource: !GetAtt Table.Arn\n`;
    case 3:
      return `  ${name}:\n    Type: AWS::CloudWatch::Alarm\n    Condition: IsProd\n    Properties:\n      AlarmDescription: ${sentence(g)}\n      Namespace: AWS/Lambda\n      MetricName: Errors\n      Statistic: Sum\n      Period: 60\n      EvaluationPeriods: ${g.int(1, 5)}\n      Threshold: ${g.int(1, 50)}\n      ComparisonOperator: GreaterThanThreshold\n      AlarmActions: [!Ref AlarmTopic]\n`;
    default:
      return `  ${name}:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n    Properties:\n      BucketName: !Join ["-", [!Ref AWS::StackName, ${name.toLowerCase()}, !Ref AWS::AccountId]]\n      VersioningConfiguration:\n        Status: Enabled\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n`;
  }
}

function cfnYaml(g: Gen, region: string, hard: boolean, lookup: boolean): string {
  const resources = Array.from({ length: g.int(4, 30) }, (_, i) =>
    cfnYamlResource(g, region, hard && i === 0),
  );
  if (lookup) {
    resources.push(
      `  PublicSubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n      AvailabilityZone: !Select [0, !GetAZs ""]\n`,
    );
  }
  return `AWSTemplateFormatVersion: "2010-09-09"\nDescription: ${sentence(g)}\nParameters:\n  Stage:\n    Type: String\n    AllowedValues: [dev, staging, prod]\n  Version:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n${resources.join('')}Outputs:\n  StackName:\n    Value: !Ref AWS::StackName\n    Export:\n      Name: !Sub "\${AWS::StackName}-name"\n`;
}

function cfnJsonResource(g: Gen, region: string, hard: boolean): [string, unknown] {
  const name = `${g.pick(SERVICES).replace(/^./, (c) => c.toUpperCase())}${g.pick(['Topic', 'Role', 'Table', 'Volume', 'Queue'])}${g.hex(4).toUpperCase()}`;
  if (hard) {
    return [
      name,
      {
        Type: 'AWS::EC2::Volume',
        Properties: {
          AvailabilityZone: azName(g, region),
          Size: g.int(20, 500),
          VolumeType: 'gp3',
          Encrypted: true,
        },
      },
    ];
  }
  return [
    name,
    {
      Type: g.pick(['AWS::SNS::Topic', 'AWS::IAM::Role', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue']),
      Properties: {
        Tags: [
          { Key: 'Service', Value: g.pick(SERVICES) },
          { Key: 'Name', Value: { 'Fn::Sub': `\${AWS::StackName}-${name}` } },
        ],
        Description: { 'Fn::Join': [' ', [sentence(g), { Ref: 'AWS::Region' }]] },
        Arn: { 'Fn::GetAtt': [`${name}Key`, 'Arn'] },
        Policy: {
          Version: '2012-10-17',
          Statement: Array.from({ length: g.int(1, 4) }, () => ({
            Effect: 'Allow',
            Action: [`${g.pick(['sqs', 'sns', 'kms'])}:${g.pick(['Send', 'Publish', 'Decrypt'])}*`],
            Resource: arn(g, 'sns', `${g.name()}-${g.hex(6)}`),
          })),
        },
      },
    },
  ];
}

function cfnJson(g: Gen, region: string, hard: boolean): string {
  const resources = Object.fromEntries(
    Array.from({ length: g.int(4, 30) }, (_, i) => cfnJsonResource(g, region, hard && i === 0)),
  );
  return `${JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: sentence(g),
      Parameters: { Stage: { Type: 'String', Default: 'dev' } },
      Resources: resources,
    },
    null,
    2,
  )}\n`;
}

// CloudFormation's own ${...} placeholders, kept literal.
const CDK_ASSETS_BUCKET = ['cdk-hnb659fds-assets-$', '{AWS::AccountId}-$', '{AWS::Region}'].join('');

function cdkTemplate(g: Gen, stack: string, region: string, hard: boolean): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < g.int(20, 120); i += 1) {
    const logical = `${g.pick(SERVICES)}${g.pick(['Handler', 'ServiceRole', 'Table', 'Queue', 'Bucket', 'Alarm'])}${g.hex(8).toUpperCase()}`;
    resources[logical] = {
      Type: g.pick([
        'AWS::Lambda::Function',
        'AWS::IAM::Role',
        'AWS::IAM::Policy',
        'AWS::SQS::Queue',
        'AWS::Logs::LogGroup',
      ]),
      Properties: {
        Role: { 'Fn::GetAtt': [`${logical}ServiceRole${g.hex(8).toUpperCase()}`, 'Arn'] },
        Code: {
          S3Bucket: { 'Fn::Sub': CDK_ASSETS_BUCKET },
          S3Key: `${g.hex(64)}.zip`,
        },
        PolicyDocument: {
          Statement: Array.from({ length: g.int(1, 6) }, () => ({
            Action: [
              `${g.pick(['s3', 'sqs', 'kms', 'logs', 'xray'])}:${g.pick(['GetObject*', 'SendMessage', 'Decrypt', 'PutLogEvents', 'PutTraceSegments'])}`,
            ],
            Effect: 'Allow',
            Resource: {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::${g.name()}-${g.hex(8)}/*`]],
            },
          })),
          Version: '2012-10-17',
        },
      },
      Metadata: { 'aws:cdk:path': `${stack}/${logical}/Resource`, 'aws:asset:path': `asset.${g.hex(64)}` },
    };
  }
  if (hard) {
    resources[`PrivateSubnet1Subnet${g.hex(8).toUpperCase()}`] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        AvailabilityZone: azName(g, region),
        CidrBlock: `10.0.${g.int(0, 255)}.0/24`,
        VpcId: { Ref: `Vpc${g.hex(8).toUpperCase()}` },
      },
      Metadata: { 'aws:cdk:path': `${stack}/Vpc/PrivateSubnet1/Subnet` },
    };
  }
  return `${JSON.stringify(
    {
      Description: `${stack} (synthesized by aws-cdk)`,
      Resources: resources,
      Parameters: {
        BootstrapVersion: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: '/cdk-bootstrap/hnb659fds/version',
        },
      },
      Rules: {
        CheckBootstrapVersion: {
          Assertions: [
            {
              Assert: {
                'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }],
              },
              AssertDescription:
                "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.",
            },
          ],
        },
      },
    },
    null,
    1,
  )}\n`;
}

// ---------------------------------------------------------------- Kubernetes, Helm, Karpenter

function k8sManifests(g: Gen, app: string, region: string, hard: boolean): string {
  const selector = hard
    ? `      nodeSelector:\n        topology.kubernetes.io/zone: ${azName(g, region)}\n`
    : `      nodeSelector:\n        kubernetes.io/arch: ${g.pick(['amd64', 'arm64'])}\n`;
  const env = Array.from(
    { length: g.int(3, 15) },
    () => `            - name: ${g.name('_').toUpperCase()}\n              value: "${g.hex(10)}"\n`,
  ).join('');
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  labels:\n    app.kubernetes.io/name: ${app}\n    app.kubernetes.io/part-of: ${g.pick(SERVICES)}\nspec:\n  replicas: ${g.int(2, 12)}\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ${app}\n    spec:\n${selector}      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: DoNotSchedule\n          labelSelector:\n            matchLabels:\n              app.kubernetes.io/name: ${app}\n      containers:\n        - name: ${app}\n          image: ${g.int(100_000_000_000, 999_999_999_999)}.dkr.ecr.${region}.amazonaws.com/${app}:${g.hex(12)}\n          ports:\n            - containerPort: ${g.pick([8080, 3000, 9000])}\n          resources:\n            requests:\n              cpu: ${g.int(100, 2000)}m\n              memory: ${g.pick([256, 512, 1024, 2048])}Mi\n          env:\n${env}          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n`;
  const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    app.kubernetes.io/name: ${app}\n  ports:\n    - port: 80\n      targetPort: http\n`;
  const hpa = `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${app}\n  minReplicas: ${g.int(2, 4)}\n  maxReplicas: ${g.int(5, 40)}\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: ${g.int(50, 80)}\n`;
  return [deployment, service, hpa].join('---\n');
}

function helmValues(g: Gen, app: string, region: string, hard: boolean): string {
  const extra = Array.from(
    { length: g.int(5, 40) },
    () => `  ${g.name('_')}: ${g.pick([`"${g.hex(8)}"`, String(g.int(1, 1000)), 'true', 'false'])}\n`,
  ).join('');
  const affinity = hard
    ? `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: topology.kubernetes.io/zone\n              operator: In\n              values:\n                - ${azName(g, region)}\n`
    : 'affinity: {}\n';
  return `# Default values for ${app}.\nreplicaCount: ${g.int(1, 10)}\nimage:\n  repository: ${app}\n  tag: ""\n  pullPolicy: IfNotPresent\nserviceAccount:\n  create: true\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::${g.int(100_000_000_000, 999_999_999_999)}:role/${app}\nresources:\n  limits:\n    cpu: ${g.int(1, 4)}\n    memory: ${g.pick([512, 1024, 2048])}Mi\n${affinity}tolerations: []\nconfig:\n${extra}`;
}

function helmTemplate(app: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "${app}.fullname" . }}\n  labels:\n    {{- include "${app}.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      {{- with .Values.affinity }}\n      affinity:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n`;
}

function nodePool(g: Gen, region: string, hard: boolean): string {
  const zones = hard
    ? `        - key: topology.kubernetes.io/zone\n          operator: In\n          values: [${[
        ...LETTERS[region]!,
      ]
        .slice(0, 2)
        .map((l) => `"${region}${l}"`)
        .join(', ')}]\n`
    : '';
  return `apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: ${g.name()}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: karpenter.sh/capacity-type\n          operator: In\n          values: ["spot", "on-demand"]\n        - key: karpenter.k8s.aws/instance-category\n          operator: In\n          values: ["c", "m", "r"]\n${zones}      nodeClassRef:\n        group: karpenter.k8s.aws\n        kind: EC2NodeClass\n        name: default\n      expireAfter: ${g.int(24, 720)}h\n  limits:\n    cpu: ${g.int(100, 2000)}\n  disruption:\n    consolidationPolicy: WhenEmptyOrUnderutilized\n    consolidateAfter: ${g.int(1, 30)}m\n---\napiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: default\nspec:\n  role: KarpenterNodeRole-${g.pick(SERVICES)}\n  amiSelectorTerms:\n    - alias: al2023@latest\n  subnetSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: ${g.pick(SERVICES)}\n`;
}

// ---------------------------------------------------------------- noise

function markdown(g: Gen, title: string): string {
  const sections = Array.from({ length: g.int(2, 10) }, () => {
    const paragraphs = Array.from({ length: g.int(1, 5) }, () =>
      Array.from({ length: g.int(2, 8) }, () => sentence(g)).join(' '),
    ).join('\n\n');
    return `## ${sentence(g, 3).slice(0, -1)}\n\n${paragraphs}\n`;
  });
  return `# ${title}\n\n${sections.join('\n')}`;
}

function dashboardJson(g: Gen, region: string): string {
  return `${JSON.stringify(
    {
      widgets: Array.from({ length: g.int(4, 30) }, (_, i) => ({
        type: 'metric',
        x: (i % 3) * 8,
        y: Math.floor(i / 3) * 6,
        width: 8,
        height: 6,
        properties: {
          title: sentence(g, 4),
          region,
          stat: g.pick(['Sum', 'Average', 'p99']),
          period: g.pick([60, 300]),
          metrics: Array.from({ length: g.int(1, 5) }, () => [
            g.pick(['AWS/Lambda', 'AWS/ApiGateway', 'AWS/SQS']),
            g.pick(['Errors', 'Invocations', 'Latency', 'NumberOfMessagesSent']),
            'FunctionName',
            `${g.name()}-${g.pick(ENVS)}`,
          ]),
        },
      })),
    },
    null,
    2,
  )}\n`;
}

// ---------------------------------------------------------------- the corpus

/** Share of files (by unit) that hard-code AZ names, and that use AZ lookups. */
const HARD_CODED_SHARE = 0.04;
const LOOKUP_SHARE = 0.06;

/** Generates file sets ("units": a module, a stack, an app) until `targetBytes` is reached. */
export function* generateCorpus(seed: number, targetBytes: number): Generator<CorpusFile> {
  const g = new Gen(prng(seed));
  let bytes = 0;
  let unit = 0;
  const emit = (path: string, text: string, hasAzName = false): CorpusFile => {
    bytes += Buffer.byteLength(text);
    return { path, text, hasAzName };
  };
  while (bytes < targetBytes) {
    unit += 1;
    const region = g.pick(REGIONS);
    const hard = g.chance(HARD_CODED_SHARE);
    const lookup = !hard && g.chance(LOOKUP_SHARE);
    const service = `${g.pick(SERVICES)}-${unit}`;
    const kind = g.random();
    if (kind < 0.3) {
      const dir = `terraform/modules/${service}`;
      const az = { region, hard, lookup };
      const mainHard = hard && g.chance(0.6);
      yield emit(`${dir}/main.tf`, terraformMain(g, { ...az, hard: mainHard }), mainHard);
      yield emit(
        `${dir}/variables.tf`,
        terraformVariables(g, { region, hard: hard && !mainHard }),
        hard && !mainHard,
      );
      yield emit(`${dir}/outputs.tf`, terraformOutputs(g));
      yield emit(
        `${dir}/versions.tf`,
        `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.${g.int(0, 80)}"\n    }\n  }\n}\n`,
      );
      if (g.chance(0.5)) yield emit(`${dir}/README.md`, markdown(g, service));
    } else if (kind < 0.42) {
      const env = g.pick(ENVS);
      const dir = `terraform/live/${env}/${region}/${service}`;
      yield emit(`${dir}/terraform.tfvars`, tfvars(g, region, hard), hard);
      yield emit(`${dir}/terragrunt.hcl`, terragrunt(g, region));
    } else if (kind < 0.55) {
      yield emit(`cloudformation/${service}.yaml`, cfnYaml(g, region, hard, lookup), hard);
    } else if (kind < 0.62) {
      yield emit(`cloudformation/${service}.json`, cfnJson(g, region, hard), hard);
    } else if (kind < 0.7) {
      const stack = `${service.replace(/-/g, '')}Stack`;
      yield emit(`cdk/${service}/cdk.out/${stack}.template.json`, cdkTemplate(g, stack, region, hard), hard);
      yield emit(
        `cdk/${service}/cdk.out/manifest.json`,
        `${JSON.stringify({ version: '36.0.0', artifacts: { [stack]: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: `${stack}.template.json` } } } }, null, 2)}\n`,
      );
    } else if (kind < 0.82) {
      yield emit(`k8s/${service}/manifests.yaml`, k8sManifests(g, service, region, hard), hard);
      yield emit(
        `k8s/${service}/configmap.yaml`,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${service}\ndata:\n${Array.from({ length: g.int(3, 30) }, () => `  ${g.name('_')}: "${g.hex(16)}"\n`).join('')}`,
      );
    } else if (kind < 0.9) {
      const dir = `charts/${service}`;
      yield emit(
        `${dir}/Chart.yaml`,
        `apiVersion: v2\nname: ${service}\nversion: 1.${g.int(0, 40)}.${g.int(0, 9)}\nappVersion: "${g.hex(7)}"\n`,
      );
      yield emit(`${dir}/values.yaml`, helmValues(g, service, region, false));
      yield emit(`${dir}/values-prod.yaml`, helmValues(g, service, region, hard), hard);
      yield emit(`${dir}/templates/deployment.yaml`, helmTemplate(service));
    } else if (kind < 0.93) {
      yield emit(`karpenter/${service}-nodepool.yaml`, nodePool(g, region, hard), hard);
    } else if (kind < 0.97) {
      yield emit(`docs/${service}.md`, markdown(g, service));
    } else {
      yield emit(`dashboards/${service}.json`, dashboardJson(g, region));
    }
  }
}

function kindOf(path: string): string {
  if (path.endsWith('.md')) return 'markdown';
  if (path.includes('cdk.out/')) return 'cdk';
  if (path.startsWith('charts/')) return 'helm';
  if (path.startsWith('k8s/')) return 'kubernetes';
  if (path.startsWith('karpenter/')) return 'karpenter';
  if (path.startsWith('cloudformation/')) return path.endsWith('.json') ? 'cfn-json' : 'cfn-yaml';
  if (path.startsWith('dashboards/')) return 'json-noise';
  if (path.endsWith('.tfvars') || path.endsWith('.hcl')) return 'tfvars/terragrunt';
  return 'terraform';
}

/** The corpus on disk (generated on first use), with its stats and file list. */
export function ensureCorpus(
  targetBytes = 56 * 1024 * 1024,
  seed = CORPUS_SEED,
): { dir: string; stats: CorpusStats; files: string[] } {
  const dir = join(
    BENCH_DIR,
    'corpus',
    `v${CORPUS_VERSION}-seed${seed}-${Math.round(targetBytes / 1024 / 1024)}MiB`,
  );
  // The file list sits next to the corpus, not in it: both scanners must see only the corpus.
  const marker = `${dir}.json`;
  if (existsSync(marker)) {
    const cached = JSON.parse(readFileSync(marker, 'utf8')) as { stats: CorpusStats; files: string[] };
    return { dir, ...cached };
  }
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const stats: CorpusStats = { files: 0, bytes: 0, filesWithAzNames: 0, byKind: {} };
  const files: string[] = [];
  for (const file of generateCorpus(seed, targetBytes)) {
    const path = join(staging, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    files.push(file.path);
    stats.files += 1;
    stats.bytes += Buffer.byteLength(file.text);
    if (file.hasAzName) stats.filesWithAzNames += 1;
    const kind = kindOf(file.path);
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  writeFileSync(marker, JSON.stringify({ stats, files }));
  return { dir, stats, files };
}

/** An edit of an existing file for the diff benchmark: lines appended and a value changed. */
export function editFile(g: Gen, path: string, text: string, region: string, addAz: boolean): string {
  const zone = azName(g, region);
  if (path.endsWith('.tf')) {
    const block = addAz
      ? `\nresource "aws_ebs_volume" "added_${g.hex(6)}" {\n  availability_zone = "${zone}"\n  size              = ${g.int(20, 500)}\n}\n`
      : `\n${tfResource(g, { region, hard: false, lookup: false })}`;
    return text.replace(/ManagedBy {3}= "terraform"/, 'ManagedBy   = "terraform-ci"') + block;
  }
  if (path.endsWith('.tfvars')) {
    return `${text}${addAz ? `extra_azs = ["${zone}"]\n` : `feature_flag_${g.hex(4)} = ${g.pick(['true', 'false'])}\n`}`;
  }
  if (path.endsWith('.hcl')) return `${text}\n# bumped ${g.hex(8)}\n`;
  if (path.endsWith('.json')) {
    try {
      const data = JSON.parse(text) as Record<string, unknown>;
      data.Metadata = { ...((data.Metadata as object) ?? {}), 'bench:revision': g.hex(10) };
      if (addAz) data.Mappings = { Zones: { Primary: { Name: zone } } };
      return `${JSON.stringify(data, null, 2)}\n`;
    } catch {
      return text;
    }
  }
  if (path.endsWith('.md')) return `${text}\n${sentence(g)}\n`;
  // YAML: append a top-level key or a document.
  if (text.startsWith('AWSTemplateFormatVersion')) {
    return text.replace(
      /^Resources:\n/m,
      addAz
        ? `Resources:\n  AddedVolume${g.hex(4).toUpperCase()}:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: ${zone}\n      Size: ${g.int(20, 500)}\n`
        : `Resources:\n  AddedTopic${g.hex(4).toUpperCase()}:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: ${sentence(g, 3)}\n`,
    );
  }
  return addAz
    ? `${text}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug-${g.hex(6)}\nspec:\n  nodeSelector:\n    topology.kubernetes.io/zone: ${zone}\n  containers:\n    - name: debug\n      image: busybox\n`
    : `${text}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added-${g.hex(6)}\ndata:\n  revision: "${g.hex(10)}"\n`;
}

export { REGIONS as CORPUS_REGIONS };
