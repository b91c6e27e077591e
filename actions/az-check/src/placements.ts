import { ID_PLACEHOLDER } from './analysis.js';

/**
 * Where AZ names place things, and what else each resource accepts: the one table the fix texts
 * come from (and the README's "Where AZ IDs are accepted" section mirrors). A fix names only
 * attributes the resource really has: an EBS volume or a dedicated host has no subnet, so it is
 * never told to "place it by subnet_id".
 *
 * Sources: the Terraform AWS provider's and CloudFormation's resource references, eksctl's
 * `pkg/apis/eksctl.io/v1alpha5/types.go` (availabilityZones and localZones take names), Karpenter's
 * and EKS's node labels (`topology.k8s.aws/zone-id`).
 */
export type PlacementTool = 'terraform' | 'cloudformation' | 'eksctl' | 'karpenter' | 'kubernetes';

export interface PlacementRow {
  tool: PlacementTool;
  /** Resource type, or the config kind for eksctl/Karpenter/Kubernetes. */
  resource: string;
  /** The attribute (property, field, label) that takes AZ names. */
  attribute: string;
  /** Its twin that takes AZ IDs, when the resource has one. */
  idAttribute?: string;
  /** Another attribute that places the resource without naming a zone (a subnet, a subnet group). */
  placeBy?: string;
  /** Why neither exists (or, for eksctl, what the field takes), in the fix text. */
  note?: string;
  /** Another way to get the right name, where the resource has one. */
  alternative?: string;
}

export const PLACEMENTS: readonly PlacementRow[] = [
  // Terraform AWS provider
  {
    tool: 'terraform',
    resource: 'aws_subnet',
    attribute: 'availability_zone',
    idAttribute: 'availability_zone_id',
  },
  {
    tool: 'terraform',
    resource: 'aws_ebs_volume',
    attribute: 'availability_zone',
    note: 'an EBS volume has no subnet and no AZ ID argument',
    alternative: 'use the zone of the instance it attaches to (aws_instance.<name>.availability_zone)',
  },
  {
    tool: 'terraform',
    resource: 'aws_ec2_host',
    attribute: 'availability_zone',
    note: 'a dedicated host has no subnet and no AZ ID argument',
  },
  { tool: 'terraform', resource: 'aws_instance', attribute: 'availability_zone', placeBy: 'subnet_id' },
  {
    tool: 'terraform',
    resource: 'aws_spot_instance_request',
    attribute: 'availability_zone',
    placeBy: 'subnet_id',
  },
  {
    tool: 'terraform',
    resource: 'aws_launch_template',
    attribute: 'availability_zone',
    placeBy: 'network_interfaces.subnet_id',
  },
  {
    tool: 'terraform',
    resource: 'aws_autoscaling_group',
    attribute: 'availability_zones',
    placeBy: 'vpc_zone_identifier',
  },
  { tool: 'terraform', resource: 'aws_elb', attribute: 'availability_zones', placeBy: 'subnets' },
  {
    tool: 'terraform',
    resource: 'aws_db_instance',
    attribute: 'availability_zone',
    placeBy: 'db_subnet_group_name',
  },
  {
    tool: 'terraform',
    resource: 'aws_rds_cluster',
    attribute: 'availability_zones',
    placeBy: 'db_subnet_group_name',
  },
  {
    tool: 'terraform',
    resource: 'aws_rds_cluster_instance',
    attribute: 'availability_zone',
    placeBy: 'db_subnet_group_name',
  },
  {
    tool: 'terraform',
    resource: 'aws_efs_file_system',
    attribute: 'availability_zone_name',
    note: 'EFS One Zone takes the name only (its availability_zone_id is read-only)',
  },
  {
    tool: 'terraform',
    resource: 'aws_elasticache_cluster',
    attribute: 'availability_zone',
    placeBy: 'subnet_group_name',
  },
  {
    tool: 'terraform',
    resource: 'aws_redshift_cluster',
    attribute: 'availability_zone',
    placeBy: 'cluster_subnet_group_name',
  },
  {
    tool: 'terraform',
    resource: 'aws_dms_replication_instance',
    attribute: 'availability_zone',
    placeBy: 'replication_subnet_group_id',
  },
  // CloudFormation
  {
    tool: 'cloudformation',
    resource: 'AWS::EC2::Subnet',
    attribute: 'AvailabilityZone',
    idAttribute: 'AvailabilityZoneId',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::EC2::CapacityReservation',
    attribute: 'AvailabilityZone',
    idAttribute: 'AvailabilityZoneId',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::EC2::Volume',
    attribute: 'AvailabilityZone',
    note: 'a volume has no subnet and no AZ ID property',
    alternative: 'use !GetAtt <Instance>.AvailabilityZone of the instance it attaches to',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::EC2::Host',
    attribute: 'AvailabilityZone',
    note: 'a dedicated host has no subnet and no AZ ID property',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::EC2::Instance',
    attribute: 'AvailabilityZone',
    placeBy: 'SubnetId',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::AutoScaling::AutoScalingGroup',
    attribute: 'AvailabilityZones',
    placeBy: 'VPCZoneIdentifier',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::ElasticLoadBalancing::LoadBalancer',
    attribute: 'AvailabilityZones',
    placeBy: 'Subnets',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::RDS::DBInstance',
    attribute: 'AvailabilityZone',
    placeBy: 'DBSubnetGroupName',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::RDS::DBCluster',
    attribute: 'AvailabilityZones',
    placeBy: 'DBSubnetGroupName',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::EFS::FileSystem',
    attribute: 'AvailabilityZoneName',
    note: 'EFS One Zone takes the name only',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::ElastiCache::CacheCluster',
    attribute: 'PreferredAvailabilityZone',
    placeBy: 'CacheSubnetGroupName',
  },
  {
    tool: 'cloudformation',
    resource: 'AWS::Redshift::Cluster',
    attribute: 'AvailabilityZone',
    placeBy: 'ClusterSubnetGroupName',
  },
  // eksctl ClusterConfig: names only; localZones takes Local Zone names, which have no ID form there.
  {
    tool: 'eksctl',
    resource: 'ClusterConfig',
    attribute: 'availabilityZones',
    placeBy: 'vpc.subnets',
    note: 'eksctl takes AZ names here',
  },
  {
    tool: 'eksctl',
    resource: 'ClusterConfig',
    attribute: 'localZones',
    note: 'eksctl takes Local Zone names here (not IDs): keep the names, and make sure every account deployed to has opted in to the zone group',
  },
  {
    tool: 'eksctl',
    resource: 'nodeGroups',
    attribute: 'availabilityZones',
    placeBy: 'subnets',
    note: 'eksctl takes AZ names here',
  },
  {
    tool: 'eksctl',
    resource: 'nodeGroups',
    attribute: 'localZones',
    note: 'eksctl takes Local Zone names here (not IDs): keep the names, and make sure every account deployed to has opted in to the zone group',
  },
  {
    tool: 'eksctl',
    resource: 'managedNodeGroups',
    attribute: 'availabilityZones',
    placeBy: 'subnets',
    note: 'eksctl takes AZ names here',
  },
  // Karpenter and Kubernetes scheduling: EKS nodes carry the zone ID label too.
  {
    tool: 'karpenter',
    resource: 'NodePool',
    attribute: 'topology.kubernetes.io/zone',
    idAttribute: 'topology.k8s.aws/zone-id',
  },
  {
    tool: 'kubernetes',
    resource: 'node selector or affinity',
    attribute: 'topology.kubernetes.io/zone',
    idAttribute: 'topology.k8s.aws/zone-id',
  },
  {
    tool: 'kubernetes',
    resource: 'node selector or affinity',
    attribute: 'failure-domain.beta.kubernetes.io/zone',
    idAttribute: 'topology.k8s.aws/zone-id',
  },
];

const INDEX = new Map(
  PLACEMENTS.map((row) => [`${row.tool}\u0000${row.resource}\u0000${row.attribute}`, row]),
);

export function placementFor(
  tool: PlacementTool,
  resource: string,
  attribute: string,
): PlacementRow | undefined {
  return INDEX.get(`${tool}\u0000${resource}\u0000${attribute}`);
}

/** Terraform: the fix for a literal name in `attribute` of `resource`, from the table. */
export function terraformFix(resource: string, attribute: string, zoneName: string): string {
  const row = placementFor('terraform', resource, attribute);
  if (row?.idAttribute) return `Use ${row.idAttribute} = "${ID_PLACEHOLDER}" instead of ${attribute}`;
  const resolve = `resolve the name from an AZ ID: data "aws_availability_zone" "zone" { zone_id = "${ID_PLACEHOLDER}" } and ${attribute} = data.aws_availability_zone.zone.name (the ID of ${zoneName} differs per account), or take it from a per-account variable`;
  if (row?.placeBy) {
    return `${resource} takes names only in ${attribute}: place it by ${row.placeBy} (subnets created with availability_zone_id), or ${resolve}`;
  }
  return `${noteOf(row, `${attribute} takes names only`)}, so ${alternativeOf(row)}${resolve}`;
}

/** CloudFormation: the fix for a literal name in `property` of `type`, from the table. */
export function cloudFormationFix(type: string, property: string): string {
  const row = placementFor('cloudformation', type, property);
  if (row?.idAttribute) return `Use ${row.idAttribute}: ${ID_PLACEHOLDER} instead of ${property}`;
  const resolve =
    'take the name from a per-account parameter of type AWS::EC2::AvailabilityZone::Name, or from !GetAtt <Subnet>.AvailabilityZone of a subnet created with AvailabilityZoneId';
  if (row?.placeBy)
    return `${type} takes names only in ${property}: place it by ${row.placeBy} instead, or ${resolve}`;
  return `${noteOf(row, `${property} takes names only`)}, so ${alternativeOf(row)}${resolve}`;
}

function noteOf(row: PlacementRow | undefined, fallback: string): string {
  return capitalize(row?.note ?? fallback);
}

function alternativeOf(row: PlacementRow | undefined): string {
  return row?.alternative ? `${row.alternative}, or ` : '';
}

/** The fix for an index pick (`names[0]`, `!Select [0, !GetAZs ""]`) in a placement attribute. */
export function pickFix(tool: 'terraform' | 'cloudformation', resource: string, attribute: string): string {
  const row = placementFor(tool, resource, attribute);
  if (row?.idAttribute) {
    const value = tool === 'terraform' ? `"${ID_PLACEHOLDER}"` : ID_PLACEHOLDER;
    const separator = tool === 'terraform' ? ' = ' : ': ';
    return `Pin the zone by ID where placement must match across accounts: ${row.idAttribute}${separator}${value} (an index into the ID list is as account-dependent as one into the names); otherwise suppress with a reason`;
  }
  const how =
    tool === 'terraform'
      ? `data "aws_availability_zone" "zone" { zone_id = "${ID_PLACEHOLDER}" } and ${attribute} = data.aws_availability_zone.zone.name`
      : 'a per-account parameter of type AWS::EC2::AvailabilityZone::Name';
  return `Where placement must match across accounts, pin the zone by ID and resolve its name: ${how}; otherwise suppress with a reason`;
}

/** eksctl: the fix for `attribute` of a cluster or node group, from the table. */
export function eksctlFix(resource: string, attribute: string): string {
  const row = placementFor('eksctl', resource, attribute);
  // eksctl is written in lower case, even at the start of a sentence.
  if (attribute === 'localZones') return row?.note ?? 'eksctl takes Local Zone names here';
  const subnets = row?.placeBy ? `, or give existing subnets by ID under ${row.placeBy}` : '';
  return `${row?.note ?? 'eksctl takes AZ names here'}: generate this list per account from AZ IDs (aws ec2 describe-availability-zones --zone-ids ${ID_PLACEHOLDER})${subnets}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
