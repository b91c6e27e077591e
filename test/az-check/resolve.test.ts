import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import { type Emulator, startEmulator } from '../../tools/emulator/index.js';
import { recordingHost } from './host.js';

const PROD = '111111111111';
const ANALYTICS = '222222222222';
const ROLES = [`arn:aws:iam::${PROD}:role/az-check-reader`, `arn:aws:iam::${ANALYTICS}:role/az-check-reader`];

// The two accounts see us-east-1a as different physical zones; us-east-1c is the same in both.
const SCENARIO = {
  accounts: {
    [PROD]: {
      availabilityZones: {
        'us-east-1': [
          { zoneName: 'us-east-1a', zoneId: 'use1-az4' },
          { zoneName: 'us-east-1b', zoneId: 'use1-az6' },
          { zoneName: 'us-east-1c', zoneId: 'use1-az1' },
        ],
      },
    },
    [ANALYTICS]: {
      availabilityZones: {
        'us-east-1': [
          { zoneName: 'us-east-1a', zoneId: 'use1-az2' },
          { zoneName: 'us-east-1b', zoneId: 'use1-az4' },
          { zoneName: 'us-east-1c', zoneId: 'use1-az1' },
        ],
      },
    },
  },
};

const TERRAFORM = [
  'resource "aws_subnet" "shared" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.1.0/24"',
  '  availability_zone = "us-east-1a"',
  '}',
  'resource "aws_subnet" "same" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.2.0/24"',
  '  availability_zone = "us-east-1c"',
  '}',
  '',
].join('\n');

describe('resolve: DescribeAvailabilityZones per account through the emulator', () => {
  let emu: Emulator;
  let workspace: string;
  // Reports go outside the scanned tree: scan: all would otherwise read them on the next run.
  const reports = mkdtempSync(join(tmpdir(), 'az-resolve-reports-'));

  beforeAll(async () => {
    emu = await startEmulator({ scenario: SCENARIO });
    workspace = mkdtempSync(join(tmpdir(), 'az-resolve-'));
    writeFileSync(join(workspace, 'main.tf'), TERRAFORM);
  });
  afterAll(async () => {
    await emu.close();
    for (const dir of [workspace, reports]) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function host(
    values: Record<string, string>,
    credentials: { accessKeyId: string; secretAccessKey: string } = emu.credentials,
  ) {
    // The SDK's default credential chain reads the process environment, as on a runner.
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    return recordingHost({ scan: 'all', resolve: 'true', 'max-attempts': '1', ...values }, workspace, {
      AWS_ENDPOINT_URL: emu.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    });
  }

  it('assumes each role in turn and shows the ID of each name in each account', async () => {
    const h = host({ 'role-arns': ROLES.join('\n'), 'report-path': join(reports, 'multi.json') });
    await runAzCheck(h);

    expect(emu.calls('sts:AssumeRole').map((c) => c.accountId)).toHaveLength(2);
    expect(emu.calls('ec2:DescribeAvailabilityZones').map((c) => c.accountId)).toEqual([PROD, ANALYTICS]);
    const [differs, same] = h.annotations;
    expect(differs?.message).toContain(
      `The same name maps to different zones across these accounts: use1-az4 in ${PROD}, use1-az2 in ${ANALYTICS}`,
    );
    expect(differs?.message).toContain(
      `Fix: Use availability_zone_id = "use1-az4 (${PROD}) / use1-az2 (${ANALYTICS})"`,
    );
    expect(same?.message).toContain(`(us-east-1c is use1-az1 in ${PROD}, use1-az1 in ${ANALYTICS})`);
    expect(same?.message).toContain(
      'Fix: Use availability_zone_id = "use1-az1" instead of availability_zone',
    );
    // Assumed-role secrets are masked in the log.
    expect(h.secrets.length).toBe(4);

    const report = JSON.parse(readFileSync(join(reports, 'multi.json'), 'utf8'));
    expect(report.resolution.accounts.map((a: { account: string }) => a.account)).toEqual([PROD, ANALYTICS]);
    expect(report.findings[0].resolution).toEqual([
      { account: PROD, zoneName: 'us-east-1a', zoneId: 'use1-az4' },
      { account: ANALYTICS, zoneName: 'us-east-1a', zoneId: 'use1-az2' },
    ]);
    expect(h.summary.join('\n')).toContain('AZ names resolved per account');
  });

  it('uses the current credentials when no roles are given', async () => {
    const h = host({ 'report-path': join(reports, 'single.json') });
    await runAzCheck(h);
    const report = JSON.parse(readFileSync(join(reports, 'single.json'), 'utf8'));
    expect(report.resolution.accounts).toHaveLength(1);
    expect(report.resolution.accounts[0].via).toBe('current credentials');
    expect(h.annotations[0]?.message).toMatch(/us-east-1a is use1-az\d+ in 123456789012/);
  });

  it('without valid credentials, warns and still checks offline (fork pull requests)', async () => {
    const h = host(
      { 'report-path': join(reports, 'offline.json') },
      { accessKeyId: 'AKIANOTVALID00000000', secretAccessKey: 'nope' },
    );
    const outcome = await runAzCheck(h);
    expect(outcome.result).toBe('fail');
    expect(h.annotations).toHaveLength(2);
    expect(h.annotations[0]?.message).toContain('use1-az…');
    expect(h.log.lines.join('\n')).toMatch(/warning: Resolving AZ IDs failed: .*no valid AWS credentials/);
  });

  it('an HTML error page from EC2 names the service, operation, endpoint and status, not a SyntaxError', async () => {
    emu.injectFault({
      service: 'ec2',
      operation: 'DescribeAvailabilityZones',
      kind: 'html',
      status: 404,
      times: -1,
    });
    const h = host({ 'report-path': join(reports, 'html.json') });
    try {
      await runAzCheck(h);
    } finally {
      emu.clearFaults();
    }
    const warning = h.log.lines.find((line) => line.startsWith('warning: Resolving AZ IDs')) ?? '';
    expect(warning).not.toMatch(/SyntaxError|Unexpected token/);
    expect(warning).toContain('EC2 DescribeAvailabilityZones');
    expect(warning).toContain(new URL(emu.url).host);
    expect(warning).toContain('HTTP 404');
  });

  it('with no credential source at all, never calls AWS (no instance-metadata fallback)', async () => {
    emu.resetRequests();
    const h = recordingHost(
      { scan: 'all', resolve: 'true', 'report-path': join(reports, 'none.json') },
      workspace,
      { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1', HOME: '/nonexistent' },
    );
    const outcome = await runAzCheck(h);
    expect(outcome.result).toBe('fail');
    expect(emu.requests).toHaveLength(0);
    expect(h.log.lines.join('\n')).toContain('warning: resolve: no AWS credentials in the environment');
  });
});
