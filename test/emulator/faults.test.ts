import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { GetExperimentTemplateCommand, ListExperimentTemplatesCommand } from '@aws-sdk/client-fis';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { GetCanaryCommand } from '@aws-sdk/client-synthetics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';

const FAST_RETRY_MS = 5;
const SDK_ATTEMPTS = 3;
const SHORT_LATENCY_MS = 50;

describe('injected faults through the real SDK', () => {
  let emu: Emulator;

  beforeEach(async () => {
    emu = await startEmulator({ scenario: 'default' });
  });
  afterEach(() => emu.close());

  it('retries a burst of 2 throttles and then succeeds', async () => {
    const { fis } = emulatorClients(emu, { maxAttempts: SDK_ATTEMPTS, retryDelayMs: FAST_RETRY_MS });
    emu.injectFault({ service: 'fis', operation: 'ListExperimentTemplates', kind: 'throttle', times: 2 });
    const result = await fis.send(new ListExperimentTemplatesCommand({}));
    expect(result.experimentTemplates?.length).toBeGreaterThan(0);
    expect(result.$metadata.attempts).toBe(3);
    expect(emu.calls('fis:ListExperimentTemplates').map((call) => call.status)).toEqual([429, 429, 200]);
  });

  it('surfaces a persistent throttle as ThrottlingException after the SDK gives up', async () => {
    const { fis } = emulatorClients(emu, { maxAttempts: SDK_ATTEMPTS, retryDelayMs: FAST_RETRY_MS });
    emu.injectFault({ service: 'fis', kind: 'throttle', times: Number.POSITIVE_INFINITY });
    await expect(fis.send(new GetExperimentTemplateCommand({ id: 'EXTapiLatency01' }))).rejects.toMatchObject(
      {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 429, attempts: SDK_ATTEMPTS },
      },
    );
    expect(emu.calls('GetExperimentTemplate')).toHaveLength(SDK_ATTEMPTS);
  });

  it('uses each protocol’s own throttling shape, which each SDK classifies as throttling', async () => {
    const clients = emulatorClients(emu, { maxAttempts: 2, retryDelayMs: FAST_RETRY_MS });
    emu.injectFault({ service: 'sts', kind: 'throttle' });
    emu.injectFault({ service: 'ec2', kind: 'throttle' });
    emu.injectFault({ service: 'monitoring', kind: 'throttle' });
    emu.injectFault({ service: 'synthetics', kind: 'throttle' });
    await clients.sts.send(new GetCallerIdentityCommand({}));
    await clients.ec2.send(new DescribeAvailabilityZonesCommand({}));
    await clients.cloudwatch.send(new DescribeAlarmsCommand({}));
    await clients.synthetics.send(new GetCanaryCommand({ Name: 'checkout-api-canary' }));
    expect(
      emu.requests.map((request) => `${request.service}:${request.errorCode ?? request.status}`),
    ).toEqual([
      'sts:Throttling',
      'sts:200',
      'ec2:RequestLimitExceeded',
      'ec2:200',
      'monitoring:Throttling',
      'monitoring:200',
      'synthetics:TooManyRequestsException',
      'synthetics:200',
    ]);
  });

  it('names a persistent CloudWatch throttle by its query code', async () => {
    const { cloudwatch } = emulatorClients(emu);
    emu.injectFault({ service: 'monitoring', kind: 'throttle' });
    await expect(cloudwatch.send(new DescribeAlarmsCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
  });

  it('retries a server error', async () => {
    const { synthetics } = emulatorClients(emu, { maxAttempts: 2, retryDelayMs: FAST_RETRY_MS });
    emu.injectFault({ service: 'synthetics', kind: 'server-error' });
    const { Canary } = await synthetics.send(new GetCanaryCommand({ Name: 'checkout-api-canary' }));
    expect(Canary?.Name).toBe('checkout-api-canary');
    expect(emu.calls('GetCanary').map((call) => call.status)).toEqual([500, 200]);
  });

  it('turns a malformed body into a clear deserialization error', async () => {
    const { fis, sts } = emulatorClients(emu);
    emu.injectFault({ kind: 'malformed', times: 2 });
    await expect(fis.send(new ListExperimentTemplatesCommand({}))).rejects.toThrow(
      /JSON|Unexpected|Deserializ/i,
    );
    // The query-protocol clients of 3.523.0 parse XML without validating it: a truncated body
    // yields an output with missing fields, not an error. Callers must treat a missing field as
    // "no answer" (newer SDKs throw 'XML parse error' here).
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBeUndefined();
  });

  it('drops the connection without a response', async () => {
    const { fis } = emulatorClients(emu);
    emu.injectFault({ service: 'fis', kind: 'drop' });
    await expect(fis.send(new ListExperimentTemplatesCommand({}))).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    const retrying = emulatorClients(emu, { maxAttempts: 2, retryDelayMs: FAST_RETRY_MS });
    emu.injectFault({ service: 'fis', kind: 'drop' });
    await expect(retrying.fis.send(new ListExperimentTemplatesCommand({}))).resolves.toBeDefined();
  });

  it('reports expired credentials in each protocol’s shape', async () => {
    const { fis, sts, ec2 } = emulatorClients(emu);
    emu.injectFault({ kind: 'expired-credentials', times: 3 });
    await expect(fis.send(new ListExperimentTemplatesCommand({}))).rejects.toMatchObject({
      name: 'ExpiredTokenException',
    });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'ExpiredTokenException',
    });
    await expect(ec2.send(new DescribeAvailabilityZonesCommand({}))).rejects.toMatchObject({
      name: 'RequestExpired',
    });
  });

  it('delays a response by the injected latency, then answers normally', async () => {
    const { fis } = emulatorClients(emu);
    emu.injectFault({ service: 'fis', kind: 'latency', latencyMs: SHORT_LATENCY_MS });
    await expect(fis.send(new ListExperimentTemplatesCommand({}))).resolves.toBeDefined();
    expect(emu.calls('ListExperimentTemplates')[0]).toMatchObject({ status: 200, fault: 'latency' });
  });
});
