// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL and CloudFormation templates use ${...} themselves
import { describe, expect, it } from 'vitest';
import {
  classifyZone,
  isRegionMappedPerAccount,
  mayContainZones,
  PER_ACCOUNT_MAPPED_REGIONS,
  REGIONS,
  zoneExists,
  zonesInText,
} from '../../actions/az-check/src/zones.js';

describe('classifyZone', () => {
  it.each([
    ['us-east-1a', 'name', 'us-east-1', 'availability-zone'],
    ['eu-west-1c', 'name', 'eu-west-1', 'availability-zone'],
    ['us-gov-west-1a', 'name', 'us-gov-west-1', 'availability-zone'],
    ['cn-north-1b', 'name', 'cn-north-1', 'availability-zone'],
    ['cn-northwest-1a', 'name', 'cn-northwest-1', 'availability-zone'],
    ['ap-southeast-2b', 'name', 'ap-southeast-2', 'availability-zone'],
    ['us-west-2-lax-1a', 'name', 'us-west-2', 'local-zone'],
    ['us-east-1-bos-1a', 'name', 'us-east-1', 'local-zone'],
    ['us-east-1-wl1-bos-wlz-1', 'name', 'us-east-1', 'wavelength-zone'],
    ['use1-az1', 'id', 'us-east-1', 'availability-zone'],
    ['usgw1-az2', 'id', 'us-gov-west-1', 'availability-zone'],
    ['cnnw1-az3', 'id', 'cn-northwest-1', 'availability-zone'],
    ['apse2-az3', 'id', 'ap-southeast-2', 'availability-zone'],
    ['usw2-lax1-az1', 'id', 'us-west-2', 'local-zone'],
    ['use1-wl1-bos-wlz1', 'id', 'us-east-1', 'wavelength-zone'],
  ])('%s is an AZ %s in %s (%s)', (text, kind, region, zoneType) => {
    expect(classifyZone(text)).toMatchObject({ kind, region, zoneType });
  });

  it.each([
    'us-east-1', // region
    'us-east-1-zg-1', // zone group
    'us-west-2-lax-1', // Local Zone group / network border group
    'us-east-1-wl1', // Wavelength group
    'us-east-1-wl1-bos-wlz', // incomplete
    'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0abc',
    'payments-cache--usw2-az1--x-s3', // S3 Express bucket
    'subnet-us-east-1a-private',
    'us-east-1aa',
    'US-EAST-1A',
    'eu-west-1a.example.com',
    'xyz1-lax1-az1', // unknown prefix, Local Zone shape
    '',
  ])('%s is not an AZ', (text) => {
    expect(classifyZone(text)).toBeUndefined();
  });
});

describe('zonesInText', () => {
  it('finds whole tokens with their offsets', () => {
    expect(zonesInText('us-east-1a,us-east-1b use1-az4').map((m) => [m.zone.text, m.offset])).toEqual([
      ['us-east-1a', 0],
      ['us-east-1b', 11],
      ['use1-az4', 22],
    ]);
  });

  it('never splits ARNs, bucket names or hostnames', () => {
    expect(zonesInText('arn:aws:s3express:us-east-1:1:bucket/b--use1-az4--x-s3')).toEqual([]);
    expect(zonesInText('https://ec2.us-east-1a.example')).toEqual([]);
  });
});

describe('region knowledge', () => {
  it('knows the per-account mapped regions from the design notes', () => {
    for (const region of PER_ACCOUNT_MAPPED_REGIONS) {
      expect(isRegionMappedPerAccount(region)).toBe(true);
      expect(REGIONS.get(region)?.mappedPerAccount).toBe(true);
    }
    expect(isRegionMappedPerAccount('eu-central-1')).toBe(false);
    expect(isRegionMappedPerAccount('ca-central-1')).toBe(false);
  });

  it('flags names and IDs that do not exist only where the set is known', () => {
    expect(zoneExists(classifyZone('us-east-1f')!)).toBe(true);
    expect(zoneExists(classifyZone('us-east-1g')!)).toBe(false);
    expect(zoneExists(classifyZone('eu-west-1d')!)).toBe(false);
    expect(zoneExists(classifyZone('use1-az7')!)).toBe(false);
    expect(zoneExists(classifyZone('use1-az6')!)).toBe(true);
    expect(zoneExists(classifyZone('ap-east-2a')!)).toBeUndefined();
    expect(zoneExists(classifyZone('us-west-2-lax-1z')!)).toBeUndefined();
  });
});

describe('pre-filter', () => {
  it('passes text with any AZ-like token or AZ lookup, and nothing else', () => {
    expect(mayContainZones('availability_zone = "us-east-1a"')).toBe(true);
    expect(mayContainZones('zone = "use1-az1"')).toBe(true);
    expect(mayContainZones('AvailabilityZone: !Select [0, !GetAZs ""]')).toBe(true);
    expect(mayContainZones('az = data.aws_availability_zones.x.names[0]')).toBe(true);
    expect(mayContainZones('az = "${var.region}a"')).toBe(true);
    expect(mayContainZones('region = "us-east-1"\nname = "payments"')).toBe(false);
    expect(mayContainZones('{"dependencies": {"yaml": "^2.9.1"}}')).toBe(false);
  });
});
