/**
 * The rule catalog: ids, default severities, messages and fixes. The README's rule reference, the
 * SARIF driver rules and `.az-check.yml` all use these ids.
 */
export type Severity = 'error' | 'warning' | 'note';

/** `by-region`: error where names map per account, the configurable uniform severity elsewhere. */
export type DefaultSeverity = Severity | 'by-region';

export type RuleId = 'AZ000' | 'AZ001' | 'AZ002' | 'AZ003' | 'AZ004' | 'AZ005' | 'AZ006' | 'AZ007' | 'AZ008';

export interface Rule {
  id: RuleId;
  name: string;
  title: string;
  severity: DefaultSeverity;
  description: string;
  fix: string;
  /** Off unless `.az-check.yml` turns it on. */
  offByDefault?: true;
  /** The highest severity a config may give it. */
  maxSeverity?: Severity;
}

export const RULES: readonly Rule[] = [
  {
    id: 'AZ000',
    name: 'unparseable-file',
    title: 'File could not be parsed',
    severity: 'warning',
    description:
      'The file is not valid HCL, YAML or JSON (or is too large), so its rules were not applied: AZ names in it are still found by a line scan. Other files are checked in full.',
    fix: 'Fix the syntax error, or exclude the file with ignore-paths.',
  },
  {
    id: 'AZ001',
    name: 'az-name-in-placement',
    title: 'Hard-coded AZ name where an AZ ID is accepted',
    severity: 'by-region',
    description:
      'An Availability Zone name places a resource, and the same resource accepts an AZ ID. The name means a different physical zone in another account.',
    fix: 'Use the AZ ID attribute: availability_zone_id on aws_subnet, AvailabilityZoneId on AWS::EC2::Subnet, topology.k8s.aws/zone-id in Kubernetes, the availability-zone-id / zone-id filters.',
  },
  {
    id: 'AZ002',
    name: 'az-name-in-name-only-field',
    title: 'Hard-coded AZ name in a field that only takes names',
    severity: 'by-region',
    description:
      'The field (EBS volume, instance, RDS, Auto Scaling, ...) accepts only AZ names, so the name must be right for each account it is deployed to.',
    fix: 'Use the resource\'s own alternative where it has one (a subnet or subnet group created with an AZ ID); otherwise resolve the name from an AZ ID (Terraform: data "aws_availability_zone" "x" { zone_id = "use1-az1" } and data.aws_availability_zone.x.name) or take it from a per-account parameter. An EBS volume or a dedicated host has no subnet.',
  },
  {
    id: 'AZ003',
    name: 'az-name-list',
    title: 'AZ names in a module input, variable or mapping',
    severity: 'by-region',
    description:
      'A list or map of AZ names (module inputs such as azs, variable defaults, tfvars, CloudFormation Mappings and parameter defaults, eksctl availabilityZones, CDK context) fixes names per account.',
    fix: 'Pass AZ IDs (terraform-aws-modules/vpc accepts IDs in azs) and resolve names where a resource needs them.',
  },
  {
    id: 'AZ004',
    name: 'account-dependent-az-pick',
    title: 'Index-based or region-derived AZ pick',
    severity: 'warning',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text quotes HCL template syntax
      'names[0], element(...names, 0), slice(...), !Select [0, !GetAZs ""] or "${region}a" pick a zone by its per-account name order: index 0 is a different physical zone in another account.',
    fix: 'Pin zones by AZ ID where placement matters across accounts (shared subnets, peering, latency-sensitive pairs); otherwise suppress with a reason.',
  },
  {
    id: 'AZ005',
    name: 'az-id-region-mismatch',
    title: 'AZ ID from another region',
    severity: 'error',
    description: 'The AZ ID belongs to a different region than the one the file deploys to.',
    fix: 'Use an AZ ID of the region (the prefix names it: use1 = us-east-1, euw1 = eu-west-1).',
  },
  {
    id: 'AZ006',
    name: 'unknown-az',
    title: 'AZ name or ID that does not exist',
    severity: 'error',
    description: 'The region has no Availability Zone with this name or ID.',
    fix: 'Check the zone against `aws ec2 describe-availability-zones --region <region>`.',
  },
  {
    id: 'AZ007',
    name: 'az-name-hardcoded',
    title: 'Hard-coded AZ name',
    severity: 'by-region',
    description: 'An Availability Zone name appears as a value outside the known placement attributes.',
    fix: 'Prefer AZ IDs, or derive the name from an AZ ID at deploy time.',
  },
  {
    id: 'AZ008',
    name: 'az-name-outside-iac',
    title: 'AZ name in a file that is not infrastructure code',
    severity: 'note',
    description:
      'An AZ name in a JSON or YAML file that matches no IaC shape (test data, mocked API responses, CDK construct trees, CI workflows). Off by default; never an error.',
    fix: 'Nothing to deploy here; if the file does feed a deployment, prefer AZ IDs.',
    offByDefault: true,
    maxSeverity: 'warning',
  },
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
const RULES_BY_NAME: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.name, rule]));

/** Accepts an id (`AZ001`, any case) or a name (`az-name-in-placement`). */
export function findRule(idOrName: string): Rule | undefined {
  return RULES_BY_ID.get(idOrName.toUpperCase()) ?? RULES_BY_NAME.get(idOrName.toLowerCase());
}

/** Rules about hard-coded names: what cfn-lint's W3010 ("AZs should not be hardcoded") covers. */
export const HARDCODED_NAME_RULES: readonly RuleId[] = ['AZ001', 'AZ002', 'AZ003', 'AZ007'];

/** cfn-lint checks that az-check honours in `Metadata: cfn-lint: config: ignore_checks`. */
export const CFN_LINT_EQUIVALENTS: Readonly<Record<string, readonly RuleId[]>> = {
  W3010: HARDCODED_NAME_RULES,
};

export const SEVERITY_RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };
