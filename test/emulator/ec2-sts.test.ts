import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';
import { generatedZones } from '../../tools/emulator/services/ec2.js';

const PROD_ACCOUNT = '111111111111';
const OTHER_ACCOUNT = '222222222222';

describe('EC2 (ec2 query) and STS (awsQuery)', () => {
  let emu: Emulator;

  beforeEach(async () => {
    emu = await startEmulator({
      scenario: {
        accounts: {
          [PROD_ACCOUNT]: {
            availabilityZones: {
              'us-west-2': [
                { zoneName: 'us-west-2a', zoneId: 'usw2-az2' },
                { zoneName: 'us-west-2b', zoneId: 'usw2-az1' },
                {
                  zoneName: 'us-west-2-lax-1a',
                  zoneId: 'usw2-lax1-az1',
                  zoneType: 'local-zone',
                  groupName: 'us-west-2-lax-1',
                  networkBorderGroup: 'us-west-2-lax-1',
                  optInStatus: 'not-opted-in',
                  parentZoneName: 'us-west-2a',
                },
              ],
            },
          },
        },
      },
    });
  });
  afterEach(() => emu.close());

  async function assume(roleArn: string) {
    const { sts } = emulatorClients(emu);
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'gate' }),
    );
    return {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
  }

  it('AssumeRole credentials act as the role account', async () => {
    const credentials = await assume(`arn:aws:iam::${PROD_ACCOUNT}:role/deployer`);
    const { sts } = emulatorClients(emu, { credentials });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: PROD_ACCOUNT,
      Arn: `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/deployer/gate`,
    });
    expect(emu.calls('sts:GetCallerIdentity')[0]?.accountId).toBe(PROD_ACCOUNT);
  });

  it('maps AZ names to different zone IDs per account, in the region of the SigV4 scope', async () => {
    const prod = emulatorClients(emu, {
      credentials: await assume(`arn:aws:iam::${PROD_ACCOUNT}:role/deployer`),
      region: 'us-west-2',
    });
    const other = emulatorClients(emu, {
      credentials: await assume(`arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`),
      region: 'us-west-2',
    });
    const prodZones = await prod.ec2.send(new DescribeAvailabilityZonesCommand({}));
    const otherZones = await other.ec2.send(
      new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-west-2a'] }),
    );
    expect(prodZones.AvailabilityZones?.map((zone) => [zone.ZoneName, zone.ZoneId])).toEqual([
      ['us-west-2a', 'usw2-az2'],
      ['us-west-2b', 'usw2-az1'],
    ]);
    expect(otherZones.AvailabilityZones?.[0]).toMatchObject({
      ZoneName: 'us-west-2a',
      ZoneId: generatedZones(OTHER_ACCOUNT, 'us-west-2')[0]!.zoneId,
      RegionName: 'us-west-2',
      State: 'available',
      ZoneType: 'availability-zone',
      OptInStatus: 'opt-in-not-required',
    });
  });

  it('lists local zones with AllAvailabilityZones and applies filters', async () => {
    const prod = emulatorClients(emu, {
      credentials: await assume(`arn:aws:iam::${PROD_ACCOUNT}:role/deployer`),
      region: 'us-west-2',
    });
    const all = await prod.ec2.send(
      new DescribeAvailabilityZonesCommand({
        AllAvailabilityZones: true,
        Filters: [{ Name: 'zone-type', Values: ['local-zone'] }],
      }),
    );
    expect(all.AvailabilityZones?.[0]).toMatchObject({
      ZoneName: 'us-west-2-lax-1a',
      ZoneId: 'usw2-lax1-az1',
      NetworkBorderGroup: 'us-west-2-lax-1',
      ParentZoneName: 'us-west-2a',
    });
  });

  it('generates AZ IDs with the region prefix for unmapped regions, uniformly across accounts', () => {
    expect(generatedZones(PROD_ACCOUNT, 'ca-central-1')).toEqual(
      generatedZones(OTHER_ACCOUNT, 'ca-central-1'),
    );
    expect(generatedZones(PROD_ACCOUNT, 'ap-southeast-3')[0]?.zoneId).toMatch(/^apse3-az\d$/);
    expect(generatedZones(PROD_ACCOUNT, 'us-east-1')).toHaveLength(6);
  });
});
