/**
 * What az-check knows about regions, Availability Zone names and AZ IDs, offline.
 *
 * AZ names (`us-east-1a`) are shuffled per account in the older regions: the same name can be a
 * different data center in another account. AZ IDs (`use1-az1`) are the same everywhere. Newer
 * regions map names uniformly, so a hard-coded name there is a portability smell, not a bug.
 */

export interface RegionInfo {
  /** The AZ ID prefix: `use1` for us-east-1. */
  idPrefix: string;
  /** Names are shuffled per account (AWS documents this for the regions launched before 2012-ish). */
  mappedPerAccount: boolean;
  /**
   * Suffix letters that exist as AZ names, where known. Undefined: unknown, never flag a name as
   * nonexistent in that region.
   */
  letters?: string;
  /** Highest AZ ID number that exists, where known. */
  maxIdNumber?: number;
}

/** Regions whose AZ names map to zones per account (listed in the README's Rules section). */
export const PER_ACCOUNT_MAPPED_REGIONS = [
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
] as const;

const MAPPED = new Set<string>(PER_ACCOUNT_MAPPED_REGIONS);

// [region, AZ ID prefix, known name letters, highest AZ ID number]. Letters and numbers only where
// the published set is stable; retired letters (ap-northeast-1b, ca-central-1c) are left in
// because old accounts still see them.
const REGION_TABLE: readonly [string, string, string | undefined, number | undefined][] = [
  ['us-east-1', 'use1', 'abcdef', 6],
  ['us-east-2', 'use2', 'abc', 3],
  ['us-west-1', 'usw1', 'abc', 3],
  ['us-west-2', 'usw2', 'abcd', 4],
  ['af-south-1', 'afs1', 'abc', 3],
  ['ap-east-1', 'ape1', 'abc', 3],
  ['ap-east-2', 'ape2', undefined, undefined],
  ['ap-south-1', 'aps1', 'abc', 3],
  ['ap-south-2', 'aps2', 'abc', 3],
  ['ap-southeast-1', 'apse1', 'abc', 3],
  ['ap-southeast-2', 'apse2', 'abc', 3],
  ['ap-southeast-3', 'apse3', 'abc', 3],
  ['ap-southeast-4', 'apse4', 'abc', 3],
  ['ap-southeast-5', 'apse5', 'abc', 3],
  ['ap-southeast-6', 'apse6', undefined, undefined],
  ['ap-southeast-7', 'apse7', 'abc', 3],
  ['ap-northeast-1', 'apne1', 'abcd', 4],
  ['ap-northeast-2', 'apne2', 'abcd', 4],
  ['ap-northeast-3', 'apne3', 'abc', 3],
  ['ca-central-1', 'cac1', 'abcd', 4],
  ['ca-west-1', 'caw1', 'abc', 3],
  ['eu-central-1', 'euc1', 'abc', 3],
  ['eu-central-2', 'euc2', 'abc', 3],
  ['eu-west-1', 'euw1', 'abc', 3],
  ['eu-west-2', 'euw2', 'abc', 3],
  ['eu-west-3', 'euw3', 'abc', 3],
  ['eu-south-1', 'eus1', 'abc', 3],
  ['eu-south-2', 'eus2', 'abc', 3],
  ['eu-north-1', 'eun1', 'abc', 3],
  ['il-central-1', 'ilc1', 'abc', 3],
  ['me-south-1', 'mes1', 'abc', 3],
  ['me-central-1', 'mec1', 'abc', 3],
  ['mx-central-1', 'mxc1', 'abc', 3],
  ['sa-east-1', 'sae1', 'abc', 3],
  ['us-gov-west-1', 'usgw1', 'abc', 3],
  ['us-gov-east-1', 'usge1', 'abc', 3],
  ['cn-north-1', 'cnn1', 'abcd', 4],
  ['cn-northwest-1', 'cnnw1', 'abc', 3],
];

export const REGIONS: ReadonlyMap<string, RegionInfo> = new Map(
  REGION_TABLE.map(([region, idPrefix, letters, maxIdNumber]) => [
    region,
    {
      idPrefix,
      mappedPerAccount: MAPPED.has(region),
      ...(letters ? { letters } : {}),
      ...(maxIdNumber ? { maxIdNumber } : {}),
    },
  ]),
);

const REGION_BY_PREFIX: ReadonlyMap<string, string> = new Map(
  REGION_TABLE.map(([region, idPrefix]) => [idPrefix, region]),
);

const REGION_PART = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}`;
/** `us-east-1`: a region code, never flagged. */
export const REGION_PATTERN = new RegExp(`^${REGION_PART}$`);
// `us-east-1a`
const AZ_NAME = new RegExp(`^(${REGION_PART})([a-z])$`);
// `us-west-2-lax-1a`: Local Zone name; `us-west-2-lax-1` without the letter is its zone group.
const LOCAL_ZONE_NAME = new RegExp(`^(${REGION_PART})-([a-z]{3,})-(\\d)([a-z])$`);
// `us-east-1-wl1-bos-wlz-1`: Wavelength Zone name; `us-east-1-wl1` is its group.
const WAVELENGTH_NAME = new RegExp(`^(${REGION_PART})-wl\\d-([a-z]{3,})-wlz-(\\d+)$`);
// `use1-az1`
const AZ_ID = /^([a-z]{2,5}\d)-az(\d{1,2})$/;
// `usw2-lax1-az1`
const LOCAL_ZONE_ID = /^([a-z]{2,5}\d)-([a-z]{3,}\d)-az(\d)$/;
// `use1-wl1-bos-wlz1`
const WAVELENGTH_ID = /^([a-z]{2,5}\d)-wl\d-([a-z]{3,})-wlz(\d+)$/;

export type ZoneType = 'availability-zone' | 'local-zone' | 'wavelength-zone';

export interface ZoneName {
  kind: 'name';
  text: string;
  region: string;
  zoneType: ZoneType;
}

export interface ZoneId {
  kind: 'id';
  text: string;
  /** Undefined when the prefix is not one az-check knows. */
  region: string | undefined;
  prefix: string;
  zoneType: ZoneType;
  /** The `azN` number of a regular AZ ID. */
  number?: number;
}

export type ZoneToken = ZoneName | ZoneId;

/** Classifies one whole token; undefined for anything that is not an AZ name or AZ ID. */
export function classifyZone(text: string): ZoneToken | undefined {
  return classifyName(text) ?? classifyId(text);
}

function classifyName(text: string): ZoneName | undefined {
  const az = AZ_NAME.exec(text);
  if (az) return { kind: 'name', text, region: az[1]!, zoneType: 'availability-zone' };
  const local = LOCAL_ZONE_NAME.exec(text);
  if (local) return { kind: 'name', text, region: local[1]!, zoneType: 'local-zone' };
  const wavelength = WAVELENGTH_NAME.exec(text);
  if (wavelength) return { kind: 'name', text, region: wavelength[1]!, zoneType: 'wavelength-zone' };
  return undefined;
}

function classifyId(text: string): ZoneId | undefined {
  const az = AZ_ID.exec(text);
  if (az) {
    const prefix = az[1]!;
    return {
      kind: 'id',
      text,
      prefix,
      region: REGION_BY_PREFIX.get(prefix),
      zoneType: 'availability-zone',
      number: Number(az[2]),
    };
  }
  const local = LOCAL_ZONE_ID.exec(text) ?? WAVELENGTH_ID.exec(text);
  if (!local) return undefined;
  const prefix = local[1]!;
  // Only known prefixes: `abc1-xyz2-az3` shaped strings are otherwise too easy to collide with.
  const region = REGION_BY_PREFIX.get(prefix);
  if (!region) return undefined;
  const zoneType: ZoneType = text.includes('-wlz') ? 'wavelength-zone' : 'local-zone';
  return { kind: 'id', text, prefix, region, zoneType };
}

/** Splits a string value into tokens; an AZ must be a whole token, never part of an ARN or bucket name. */
const TOKEN_SEPARATOR = /[\s,;|"'`()[\]{}]+/;

export interface ZoneMatch {
  zone: ZoneToken;
  /** Offset of the token inside the searched string. */
  offset: number;
}

/** AZ names and IDs that appear as whole tokens of a string (`"us-east-1a,us-east-1b"`). */
export function zonesInText(text: string): ZoneMatch[] {
  const matches: ZoneMatch[] = [];
  let offset = 0;
  for (const part of text.split(TOKEN_SEPARATOR)) {
    const at = part ? text.indexOf(part, offset) : offset;
    if (part) {
      const zone = classifyZone(part);
      if (zone) matches.push({ zone, offset: at });
      offset = at + part.length;
    }
  }
  return matches;
}

export function isRegionMappedPerAccount(region: string): boolean {
  return MAPPED.has(region);
}

/** For AZ names: false when the region's letters are known and this one is not among them. */
export function zoneExists(zone: ZoneToken): boolean | undefined {
  if (!zone.region) return undefined;
  const info = REGIONS.get(zone.region);
  if (!info || zone.zoneType !== 'availability-zone') return undefined;
  if (zone.kind === 'name') {
    if (!info.letters) return undefined;
    return info.letters.includes(zone.text.slice(-1));
  }
  if (info.maxIdNumber === undefined || zone.number === undefined) return undefined;
  return zone.number >= 1 && zone.number <= info.maxIdNumber;
}

/** `us-east-1` -> `use1`, for suggestions like `use1-azN`. */
/**
 * The shape of a zone name's ID, for fix texts offline: `use1-az…` for an AZ, `usw2-lax1-az…` for
 * a Local Zone, `use1-wl1-bos-wlz…` for a Wavelength Zone (a Local Zone's ID is not `usw2-az…`).
 */
export function idPlaceholderFor(zone: ZoneName): string | undefined {
  const prefix = idPrefixFor(zone.region);
  if (!prefix) return undefined;
  const local = zone.zoneType === 'local-zone' ? LOCAL_ZONE_NAME.exec(zone.text) : null;
  if (local) return `${prefix}-${local[2]}${local[3]}-az…`;
  const wavelength = zone.zoneType === 'wavelength-zone' ? WAVELENGTH_GROUP.exec(zone.text) : null;
  if (wavelength) return `${prefix}-${wavelength[1]}-${wavelength[2]}-wlz…`;
  return `${prefix}-az…`;
}

// The `wl1` group and the city of a Wavelength Zone name.
const WAVELENGTH_GROUP = /-(wl\d)-([a-z]{3,})-wlz-\d+$/;

export function idPrefixFor(region: string): string | undefined {
  return REGIONS.get(region)?.idPrefix;
}

/**
 * A cheap test run on the raw text of every file before any parsing: files with no AZ-like token,
 * no AZ lookup and no region-derived name are never parsed (most of a repository).
 */
export const CANDIDATE_PATTERN =
  /[a-z]-\d{1,2}[a-z]\b|[a-z]\d-az\d|-wlz-?\d|GetAZs|aws_availability_zones|[Rr]egion(?:\.name)?\}[a-z]\b/;

export function mayContainZones(text: string): boolean {
  return CANDIDATE_PATTERN.test(text);
}
