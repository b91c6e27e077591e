import { DescribeAvailabilityZonesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { describeAwsError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';

/**
 * Optional online resolution: for each account (the current credentials, or each role of
 * `role-arns` assumed in turn) and each region found in the findings, DescribeAvailabilityZones
 * with AllAvailabilityZones (Local and Wavelength Zones too) gives the account's name -> ID map.
 * Failures are warnings: a fork PR without credentials still gets the offline check.
 */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration?: Date;
}

export interface ResolveClients {
  sts(): Pick<STSClient, 'send'>;
  ec2(region: string, credentials?: TemporaryCredentials): Pick<EC2Client, 'send'>;
}

export interface AccountZones {
  account: string;
  /** The role assumed, or `current credentials`. */
  via: string;
  /** AZ name -> AZ ID, over every region resolved. */
  zones: Map<string, string>;
}

export interface Resolution {
  accounts: AccountZones[];
  errors: string[];
}

export const ROLE_SESSION_NAME = 'resilience-gates-az-check';
const ACCOUNT_FROM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):/;

export async function resolveZones(
  regions: readonly string[],
  roleArns: readonly string[],
  clients: ResolveClients,
  log: Logger,
  onSecret: (value: string) => void = () => {},
): Promise<Resolution> {
  const resolution: Resolution = { accounts: [], errors: [] };
  if (regions.length === 0) return resolution;
  const targets = roleArns.length > 0 ? roleArns : [undefined];
  for (const roleArn of targets) {
    try {
      const account = await resolveAccount(regions, roleArn, clients, log, onSecret);
      resolution.accounts.push(account);
    } catch (error) {
      const message = describeAwsError(
        error,
        roleArn ? `Resolving AZ IDs as ${roleArn}` : 'Resolving AZ IDs',
      );
      log.warning(message);
      resolution.errors.push(message);
    }
  }
  return resolution;
}

async function resolveAccount(
  regions: readonly string[],
  roleArn: string | undefined,
  clients: ResolveClients,
  log: Logger,
  onSecret: (value: string) => void,
): Promise<AccountZones> {
  let credentials: TemporaryCredentials | undefined;
  let account: string;
  if (roleArn) {
    credentials = await assumeRole(clients, roleArn, onSecret);
    account = ACCOUNT_FROM_ARN.exec(roleArn)?.[1] ?? roleArn;
  } else {
    const identity = await clients.sts().send(new GetCallerIdentityCommand({}));
    account = identity.Account ?? 'current account';
  }
  const zones = new Map<string, string>();
  for (const region of regions) {
    log.info(`Resolving AZ names to IDs in ${region} for account ${account}`);
    const response = await clients
      .ec2(region, credentials)
      .send(new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: true }));
    for (const zone of response.AvailabilityZones ?? []) {
      if (zone.ZoneName && zone.ZoneId) zones.set(zone.ZoneName, zone.ZoneId);
    }
  }
  return { account, via: roleArn ?? 'current credentials', zones };
}

async function assumeRole(
  clients: ResolveClients,
  roleArn: string,
  onSecret: (value: string) => void,
): Promise<TemporaryCredentials> {
  const response = await clients
    .sts()
    .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME }));
  const c = response.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
  }
  onSecret(c.SecretAccessKey);
  onSecret(c.SessionToken);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
}
