import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { awsClientOptions, instrumentAwsClient } from '../../../core/aws.js';
import type { ResolveClients } from './resolve.js';
import type { AzCheckSettings } from './settings.js';

/**
 * The real AWS clients for `resolve`. Loaded with `await import()` only when resolve is on: the
 * EC2 and STS SDKs are most of the bundle and most of its start-up, and the offline check (the
 * common case) never needs them.
 */
export function sdkClients(settings: AzCheckSettings, env: NodeJS.ProcessEnv): ResolveClients {
  const aws = settings.aws!;
  // Instrumented like every gate's clients: a failed call names service, operation, endpoint
  // and HTTP status (an HTML error page is not a TypeError from the XML parser).
  return {
    sts: () => {
      const client = new STSClient(awsClientOptions('STS', 'az-check', aws, env));
      instrumentAwsClient(client, 'STS');
      return client;
    },
    ec2: (region, credentials) => {
      const client = new EC2Client({
        ...awsClientOptions('EC2', 'az-check', { ...aws, region }, env),
        ...(credentials ? { credentials } : {}),
      });
      instrumentAwsClient(client, 'EC2');
      return client;
    },
  };
}
