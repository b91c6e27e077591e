import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { awsClientOptions } from '../../../core/aws.js';
import type { ResolveClients } from './resolve.js';
import type { AzCheckSettings } from './settings.js';

/**
 * The real AWS clients for `resolve`. Loaded with `await import()` only when resolve is on: the
 * EC2 and STS SDKs are most of the bundle and most of its start-up, and the offline check (the
 * common case) never needs them.
 */
export function sdkClients(settings: AzCheckSettings, env: NodeJS.ProcessEnv): ResolveClients {
  const aws = settings.aws!;
  return {
    sts: () => new STSClient(awsClientOptions('STS', 'az-check', aws, env)),
    ec2: (region, credentials) =>
      new EC2Client({
        ...awsClientOptions('EC2', 'az-check', { ...aws, region }, env),
        ...(credentials ? { credentials } : {}),
      }),
  };
}
