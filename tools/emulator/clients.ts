/** Real SDK clients pointed at an emulator, for the emulator's own tests and for other suites. */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { FisClient } from '@aws-sdk/client-fis';
import { STSClient } from '@aws-sdk/client-sts';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import type { Emulator } from './emulator.js';

export interface ClientCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  maxAttempts?: number;
  credentials?: ClientCredentials;
  region?: string;
  /** Fixed delay between attempts, so retry tests do not wait out the SDK's throttling backoff. */
  retryDelayMs?: number;
}

/** One attempt unless a test asks for retries: a retry should always be something a test chose. */
function config(emulator: Emulator, options: ClientOptions) {
  const maxAttempts = options.maxAttempts ?? 1;
  const retry =
    options.retryDelayMs === undefined
      ? {}
      : { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, options.retryDelayMs) };
  return {
    endpoint: emulator.url,
    region: options.region ?? emulator.region,
    credentials: options.credentials ?? emulator.credentials,
    maxAttempts,
    ...retry,
  };
}

export function emulatorClients(emulator: Emulator, options: ClientOptions = {}) {
  return {
    fis: new FisClient(config(emulator, options)),
    synthetics: new SyntheticsClient(config(emulator, options)),
    cloudwatch: new CloudWatchClient(config(emulator, options)),
    ec2: new EC2Client(config(emulator, options)),
    sts: new STSClient(config(emulator, options)),
  };
}
