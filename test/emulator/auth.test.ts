import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import {
  GetExperimentCommand,
  ListExperimentTemplatesCommand,
  StartExperimentCommand,
  StopExperimentCommand,
} from '@aws-sdk/client-fis';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClients } from '../../tools/emulator/clients.js';
import { ManualClock } from '../../tools/emulator/clock.js';
import { type Emulator, startEmulator } from '../../tools/emulator/emulator.js';
import type { IamPolicy } from '../../tools/emulator/iam.js';
import { DEFAULT_CREDENTIALS } from '../../tools/emulator/identity.js';

const GATE_POLICY: IamPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['fis:Get*', 'fis:List*', 'fis:StartExperiment', 'sts:AssumeRole', 'ec2:Describe*'],
      Resource: '*',
    },
    { Effect: 'Deny', Action: 'ec2:DescribeAvailabilityZones', Resource: '*' },
  ],
};

describe('SigV4 authentication and IAM', () => {
  let emu: Emulator;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    emu = await startEmulator({ scenario: 'default', clock });
  });
  afterEach(() => emu.close());

  it('rejects an unsigned request with the service’s auth error', async () => {
    const response = await fetch(`${emu.url}/experimentTemplates`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const query = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(query.status).toBe(403);
    expect(await query.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const forged = await fetch(`${emu.url}/experimentTemplates`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 nonsense' },
    });
    expect(forged.headers.get('x-amzn-errortype')).toBe('IncompleteSignatureException');
    expect(emu.requests.map((request) => request.errorCode)).toEqual([
      'MissingAuthenticationTokenException',
      'MissingAuthenticationToken',
      'IncompleteSignatureException',
    ]);
  });

  it('rejects an unknown access key and a wrong secret', async () => {
    const unknown = emulatorClients(emu, {
      credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' },
    });
    await expect(unknown.fis.send(new ListExperimentTemplatesCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    await expect(unknown.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
    const wrongSecret = emulatorClients(emu, {
      credentials: { ...DEFAULT_CREDENTIALS, secretAccessKey: 'not-the-secret' },
    });
    await expect(wrongSecret.fis.send(new ListExperimentTemplatesCommand({}))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
    await expect(wrongSecret.ec2.send(new DescribeAvailabilityZonesCommand({}))).rejects.toMatchObject({
      name: 'AuthFailure',
    });
  });

  it('expires assumed-role credentials on the emulator clock', async () => {
    const { sts } = emulatorClients(emu);
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/r',
        RoleSessionName: 's',
        DurationSeconds: 900,
      }),
    );
    const assumed = emulatorClients(emu, {
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    await expect(assumed.cloudwatch.send(new DescribeAlarmsCommand({}))).resolves.toBeDefined();
    clock.advance(901_000);
    await expect(assumed.cloudwatch.send(new DescribeAlarmsCommand({}))).rejects.toMatchObject({
      name: 'ExpiredToken',
    });
  });

  it('refuses calls the policy does not allow, with AWS’s message, and records them', async () => {
    emu.setPolicy(GATE_POLICY);
    const { fis, sts, ec2 } = emulatorClients(emu);
    const started = await fis.send(new StartExperimentCommand({ experimentTemplateId: 'EXTsoakForever1' }));
    await expect(fis.send(new GetExperimentCommand({ id: started.experiment!.id! }))).resolves.toBeDefined();
    const refusal = fis.send(new StopExperimentCommand({ id: started.experiment!.id! }));
    await expect(refusal).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(refusal).rejects.toThrow(
      `User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: fis:StopExperiment on resource: arn:aws:fis:us-east-1:123456789012:experiment/${started.experiment!.id}`,
    );
    await expect(ec2.send(new DescribeAvailabilityZonesCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
    });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    expect(emu.calls('fis:StopExperiment')[0]).toMatchObject({
      status: 403,
      errorCode: 'AccessDeniedException',
    });
  });

  it('needs fis:TagResource to start an experiment with tags', async () => {
    emu.setPolicy({ Statement: [{ Effect: 'Allow', Action: 'fis:StartExperiment', Resource: '*' }] });
    const { fis } = emulatorClients(emu);
    await expect(
      fis.send(new StartExperimentCommand({ experimentTemplateId: 'EXTapiLatency01' })),
    ).resolves.toBeDefined();
    await expect(
      fis.send(new StartExperimentCommand({ experimentTemplateId: 'EXTapiLatency01', tags: { a: 'b' } })),
    ).rejects.toThrow(/fis:TagResource/);
  });
});

describe('control API', () => {
  it('lets another process read requests, inject faults, set alarms and move a manual clock', async () => {
    const clock = new ManualClock();
    const emu = await startEmulator({ scenario: 'default', clock });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${emu.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });
      expect((await post('faults', { service: 'fis', kind: 'throttle', times: -1 })).status).toBe(200);
      expect((await post('alarms/checkout-api-5xx/state', { state: 'ALARM', reason: 'manual' })).status).toBe(
        200,
      );
      expect(await (await post('clock/advance', { ms: 1000 })).json()).toEqual({ now: clock.now() });
      const { fis, cloudwatch } = emulatorClients(emu);
      await expect(fis.send(new ListExperimentTemplatesCommand({}))).rejects.toMatchObject({
        name: 'ThrottlingException',
      });
      const alarms = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['checkout-api-5xx'] }));
      expect(alarms.MetricAlarms?.[0]?.StateValue).toBe('ALARM');
      const { requests } = (await (await fetch(`${emu.url}/_emulator/requests`)).json()) as {
        requests: { iamAction: string }[];
      };
      expect(requests.map((request) => request.iamAction)).toEqual([
        'fis:ListExperimentTemplates',
        'cloudwatch:DescribeAlarms',
      ]);
      await fetch(`${emu.url}/_emulator/requests`, { method: 'DELETE' });
      expect(emu.requests).toHaveLength(0);
    } finally {
      await emu.close();
    }
  });
});
