import type { Emulator } from '../emulator/index.js';

/**
 * The environment a step gets after aws-actions/configure-aws-credentials, pointed at the
 * emulator through the SDK's standard endpoint variable instead of real AWS.
 */
export function emulatorEnv(emulator: Emulator, region = emulator.region): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    // Never fall back to instance metadata on a developer machine.
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
