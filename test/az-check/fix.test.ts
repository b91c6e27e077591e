import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseZoneMap } from '../../actions/az-check/src/fix.js';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import { brief, scanText } from './helpers.js';
import { recordingHost } from './host.js';

const workspaces: string[] = [];
afterEach(() => {
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NETWORK = [
  '# Shared subnets: placed by zone.',
  'resource "aws_subnet" "a" {',
  '  vpc_id            = var.vpc_id',
  '  cidr_block        = "10.0.1.0/24"',
  '  availability_zone = "us-east-1a" # the database lives here',
  '}',
  '',
  'resource "aws_subnet" "b" {',
  '  availability_zone = "us-east-1b"',
  '  vpc_id = var.vpc_id',
  '}',
  '',
  'resource "aws_ebs_volume" "data" {',
  '  availability_zone = "us-east-1a"',
  '  size              = 100',
  '}',
  '',
  'data "aws_availability_zone" "primary" {',
  '  name = "us-east-1a"',
  '}',
  '',
  'variable "vpc_id" {',
  '  type = string',
  '}',
  '',
].join('\n');

function workspace(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'az-fix-'));
  workspaces.push(dir);
  writeFileSync(join(dir, 'network.tf'), text);
  return dir;
}

describe('fix: true', () => {
  it('renames the attribute to its ID twin, keeps comments and alignment, and the file re-scans clean of it', async () => {
    const root = workspace(NETWORK);
    const host = recordingHost(
      { scan: 'all', fix: 'true', 'zone-map': 'us-east-1a=use1-az6\nus-east-1b=use1-az1' },
      root,
    );
    const outcome = await runAzCheck(host);

    const fixed = readFileSync(join(root, 'network.tf'), 'utf8');
    expect(fixed.split('\n').slice(2, 5)).toEqual([
      '  vpc_id            = var.vpc_id',
      '  cidr_block        = "10.0.1.0/24"',
      '  availability_zone_id = "use1-az6" # the database lives here',
    ]);
    expect(fixed).toContain('  availability_zone_id = "use1-az1"\n  vpc_id = var.vpc_id');
    expect(fixed).toContain('data "aws_availability_zone" "primary" {\n  zone_id = "use1-az6"\n}');
    // The EBS volume takes names only: left alone.
    expect(fixed).toContain('resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"');
    expect(host.outputs['fixed-count']).toBe('3');
    // The verdict judges what was found: nothing is committed by a fix in the workspace.
    expect(outcome.result).toBe('fail');
    expect(outcome.summaryLine).toContain('3 fixed in place in 1 file(s)');

    // Re-parses and re-scans: only the name-only EBS zone remains.
    expect(brief(scanText('network.tf', fixed))).toEqual(['AZ002 14:24 us-east-1a error']);
  });

  it('keeps = aligned when the padding allows it', async () => {
    const root = workspace(
      'resource "aws_subnet" "a" {\n  availability_zone    = "us-east-1a"\n  map_public_ip_on_launch = false\n}\n',
    );
    await runAzCheck(recordingHost({ scan: 'all', fix: 'true', 'zone-map': 'us-east-1a=use1-az6' }, root));
    expect(readFileSync(join(root, 'network.tf'), 'utf8')).toContain('  availability_zone_id = "use1-az6"\n');
  });

  it('leaves a finding alone when its ID is unknown, and says so', async () => {
    const root = workspace(NETWORK);
    const host = recordingHost({ scan: 'all', fix: 'true', 'zone-map': 'us-east-1a=use1-az6' }, root);
    await runAzCheck(host);
    const fixed = readFileSync(join(root, 'network.tf'), 'utf8');
    expect(fixed).toContain('availability_zone = "us-east-1b"');
    expect(host.log.lines).toContain(
      'not fixed network.tf:9: no AZ ID known for us-east-1b (zone-map or resolve)',
    );
    expect(host.outputs['fixed-count']).toBe('2');
  });

  it('changes nothing without fix, and warns when fix has no IDs to use', async () => {
    const root = workspace(NETWORK);
    await runAzCheck(recordingHost({ scan: 'all', 'zone-map': 'us-east-1a=use1-az6' }, root));
    expect(readFileSync(join(root, 'network.tf'), 'utf8')).toBe(NETWORK);
    const host = recordingHost({ scan: 'all', fix: 'true' }, root);
    await runAzCheck(host);
    expect(readFileSync(join(root, 'network.tf'), 'utf8')).toBe(NETWORK);
    expect(host.log.lines).toContain(
      'warning: fix: no zone-map and no resolve: no AZ ID is known, nothing was rewritten',
    );
  });
});

describe('zone-map', () => {
  it('takes name=ID pairs of the same region', () => {
    expect(parseZoneMap(['us-east-1a=use1-az6', 'eu-west-1b = euw1-az1'])).toEqual(
      new Map([
        ['us-east-1a', 'use1-az6'],
        ['eu-west-1b', 'euw1-az1'],
      ]),
    );
  });

  it.each([
    'us-east-1a',
    'us-east-1a=usw2-az1',
    'use1-az6=us-east-1a',
    'us-east-1a=use1-az6=x',
    'us-east-1a=',
  ])('rejects %s in one line naming the input', (item) => {
    expect(() => parseZoneMap([item])).toThrow(
      `Invalid zone-map '${item}': use name=ID pairs such as us-east-1a=use1-az6, the ID in the name's region`,
    );
  });
});
