import { describe, expect, it } from 'vitest';
import {
  awsClientOptions,
  CONNECTION_TIMEOUT_MS,
  hasCredentialSource,
  isTransientAwsError,
  REQUEST_TIMEOUT_MS,
  readAwsSettings,
  resolveEndpoint,
  resolveRegion,
} from '../../core/aws.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { VERSION } from '../../core/version.js';

describe('AWS client options', () => {
  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(resolveRegion('eu-west-1', { AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
    expect(resolveRegion(undefined, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'us-east-1',
    );
    expect(resolveRegion(undefined, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(resolveRegion('us-gov-west-1', {})).toBe('us-gov-west-1');
    expect(() => resolveRegion(undefined, {})).toThrow(ConfigurationError);
    expect(() => resolveRegion('us-east-1a', {})).toThrow(
      "Invalid region 'us-east-1a': use a region code like us-east-1",
    );
  });

  it('prefers the explicit endpoint, then the service variable, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_FIS: 'http://fis' };
    expect(resolveEndpoint('FIS', 'http://input', env)).toBe('http://input');
    expect(resolveEndpoint('FIS', undefined, env)).toBe('http://fis');
    expect(resolveEndpoint('SYNTHETICS', undefined, env)).toBe('http://all');
    expect(resolveEndpoint('EC2', undefined, {})).toBeUndefined();
  });

  it('builds client options with the suite user agent and retry settings', () => {
    const settings = readAwsSettings(
      new Inputs(mapInputReader({ 'max-attempts': '7', 'retry-mode': 'adaptive' })),
      {
        AWS_REGION: 'us-west-2',
      },
    );
    expect(awsClientOptions('FIS', 'run-experiment', settings, {})).toEqual({
      region: 'us-west-2',
      maxAttempts: 7,
      retryMode: 'adaptive',
      customUserAgent: `resilience-gates/${VERSION} run-experiment`,
      // The SDK's default is no timeout at all (issue 9, case 8).
      requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    });
    expect(CONNECTION_TIMEOUT_MS).toBeGreaterThan(0);
    expect(REQUEST_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() =>
      readAwsSettings(new Inputs(mapInputReader({ 'endpoint-url': 'localhost:4566' })), {
        AWS_REGION: 'us-east-1',
      }),
    ).toThrow("Invalid endpoint-url 'localhost:4566'");
  });

  it('classifies throttling, 5xx and network faults as transient', () => {
    expect(isTransientAwsError(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))).toBe(
      true,
    );
    expect(isTransientAwsError({ name: 'X', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isTransientAwsError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientAwsError({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(
      false,
    );
    expect(isTransientAwsError({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } })).toBe(
      false,
    );
  });
});

describe('hasCredentialSource', () => {
  it('accepts what configure-aws-credentials, profiles and containers provide', () => {
    expect(hasCredentialSource({ AWS_ACCESS_KEY_ID: 'AKIA', HOME: '/nonexistent' })).toBe(true);
    expect(hasCredentialSource({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t', HOME: '/nonexistent' })).toBe(true);
    expect(hasCredentialSource({ AWS_PROFILE: 'dev' })).toBe(true);
    expect(hasCredentialSource({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials' })).toBe(true);
  });

  it('refuses an environment whose only source would be instance metadata', () => {
    expect(hasCredentialSource({ HOME: '/nonexistent' })).toBe(false);
    expect(hasCredentialSource({})).toBe(false);
  });

  it('finds shared credential files', () => {
    expect(
      hasCredentialSource({
        HOME: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: new URL(import.meta.url).pathname,
      }),
    ).toBe(true);
  });
});
