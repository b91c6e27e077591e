import { createHash } from 'node:crypto';
import { ec2Query, parseFormBody, readList, type XmlValue } from '../protocols/query-xml.js';
import type { RawRequest } from '../protocols/types.js';
import type { AccountSpec, AvailabilityZoneSpec } from '../scenario.js';
import { ec2ErrorTable } from './errors.js';
import { type CallContext, commonError, type ParsedCall, type ServiceModule } from './types.js';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const OPERATIONS = new Set(['DescribeAvailabilityZones']);
const ZONE_LETTERS = 'abcdef';
const DEFAULT_ZONE_COUNT = 3;
const ZONE_COUNT_BY_REGION: Record<string, number> = { 'us-east-1': 6, 'us-west-2': 4, 'ap-northeast-1': 3 };
const AZ_ID_PREFIX: Record<string, string> = {
  'us-east-1': 'use1',
  'us-east-2': 'use2',
  'us-west-1': 'usw1',
  'us-west-2': 'usw2',
  'eu-west-1': 'euw1',
  'eu-west-2': 'euw2',
  'eu-central-1': 'euc1',
  'ap-southeast-1': 'apse1',
  'ap-southeast-2': 'apse2',
  'ap-northeast-1': 'apne1',
  'sa-east-1': 'sae1',
  'ca-central-1': 'cac1',
  'af-south-1': 'afs1',
  'us-gov-west-1': 'usgw1',
  'cn-north-1': 'cnn1',
  'cn-northwest-1': 'cnnw1',
};
/** Regions where AZ names map to physical zones per account (actions/az-check/README.md, Rules); newer regions map uniformly. */
const PER_ACCOUNT_MAPPED_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
]);
const DIRECTION_ABBREVIATIONS: [RegExp, string][] = [
  [/northeast/, 'ne'],
  [/northwest/, 'nw'],
  [/southeast/, 'se'],
  [/southwest/, 'sw'],
  [/north/, 'n'],
  [/south/, 's'],
  [/east/, 'e'],
  [/west/, 'w'],
  [/central/, 'c'],
];

/** `ap-southeast-3` → `apse3`, for regions missing from the table. */
export function azIdPrefix(region: string): string {
  const known = AZ_ID_PREFIX[region];
  if (known) return known;
  const [area = '', direction = '', number = ''] = region.split('-');
  const short =
    DIRECTION_ABBREVIATIONS.find(([pattern]) => pattern.test(direction))?.[1] ?? direction.slice(0, 1);
  return `${area}${short}${number}`;
}

/** A stable per-account rotation, so two accounts see `us-east-1a` as different zone IDs. */
function accountOffset(accountId: string, region: string, zoneCount: number): number {
  if (!PER_ACCOUNT_MAPPED_REGIONS.has(region)) return 0;
  return createHash('sha256').update(accountId).digest()[0]! % zoneCount;
}

export function generatedZones(accountId: string, region: string): AvailabilityZoneSpec[] {
  const count = ZONE_COUNT_BY_REGION[region] ?? DEFAULT_ZONE_COUNT;
  const offset = accountOffset(accountId, region, count);
  return [...ZONE_LETTERS.slice(0, count)].map((letter, index) => ({
    zoneName: `${region}${letter}`,
    zoneId: `${azIdPrefix(region)}-az${((index + offset) % count) + 1}`,
  }));
}

function zoneOut(zone: AvailabilityZoneSpec, region: string) {
  return {
    optInStatus: zone.optInStatus ?? 'opt-in-not-required',
    messageSet: [] as XmlValue[],
    regionName: region,
    zoneName: zone.zoneName,
    zoneId: zone.zoneId,
    groupName: zone.groupName ?? `${region}-zg-1`,
    networkBorderGroup: zone.networkBorderGroup ?? region,
    zoneType: zone.zoneType ?? 'availability-zone',
    parentZoneName: zone.parentZoneName,
    parentZoneId: zone.parentZoneId,
    zoneState: zone.state ?? 'available',
  };
}

type ZoneOut = ReturnType<typeof zoneOut>;

const FILTER_FIELDS: Record<string, keyof ZoneOut> = {
  'zone-name': 'zoneName',
  'zone-id': 'zoneId',
  'zone-type': 'zoneType',
  'region-name': 'regionName',
  'group-name': 'groupName',
  'network-border-group': 'networkBorderGroup',
  'opt-in-status': 'optInStatus',
  state: 'zoneState',
  'parent-zone-name': 'parentZoneName',
  'parent-zone-id': 'parentZoneId',
};

function readFilters(params: Record<string, string>): { name: string; values: string[] }[] {
  const filters: { name: string; values: string[] }[] = [];
  for (let index = 1; params[`Filter.${index}.Name`] !== undefined; index++) {
    filters.push({
      name: params[`Filter.${index}.Name`]!,
      values: readList(params, `Filter.${index}.Value`),
    });
  }
  return filters;
}

export function createEc2Service(accounts: Record<string, AccountSpec>): ServiceModule {
  const zonesFor = (context: CallContext) =>
    accounts[context.identity.accountId]?.availabilityZones?.[context.region] ??
    generatedZones(context.identity.accountId, context.region);

  const describeZones = (params: Record<string, string>, context: CallContext) => {
    const names = readList(params, 'ZoneName');
    const ids = readList(params, 'ZoneId');
    const filters = readFilters(params);
    // Zones the account has not opted into are listed only with AllAvailabilityZones or a filter.
    const includeAll = params.AllAvailabilityZones === 'true' || filters.length > 0;
    const zones = zonesFor(context)
      .map((zone) => zoneOut(zone, context.region))
      .filter((zone) => includeAll || zone.optInStatus !== 'not-opted-in')
      .filter((zone) => names.length === 0 || names.includes(zone.zoneName))
      .filter((zone) => ids.length === 0 || ids.includes(zone.zoneId))
      .filter((zone) =>
        filters.every((filter) => {
          const field = FILTER_FIELDS[filter.name];
          return field === undefined || filter.values.includes(String(zone[field]));
        }),
      );
    return { availabilityZoneInfo: zones as unknown as XmlValue };
  };

  return {
    signingName: 'ec2',
    iamPrefix: 'ec2',
    protocol: ec2Query(XMLNS),
    errors: ec2ErrorTable,
    claims: (request) => OPERATIONS.has(parseFormBody(request.body).Action ?? ''),
    parse(request: RawRequest): ParsedCall {
      const params = parseFormBody(request.body);
      const operation = params.Action ?? '';
      if (!OPERATIONS.has(operation)) throw commonError(ec2ErrorTable, 'unknown-operation');
      return { operation, params };
    },
    iam: (call) => ({ actions: [`ec2:${call.operation}`], resource: '*' }),
    handle: (call, context) => describeZones(call.params as Record<string, string>, context),
  };
}
