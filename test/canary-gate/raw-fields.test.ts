import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DescribeCanariesCommand,
  GetCanaryCommand,
  GetCanaryRunsCommand,
  SyntheticsClient,
} from '@aws-sdk/client-synthetics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRawFields, mergeUnmodelled } from '../../actions/canary-gate/src/raw-fields.js';
import { toCanaryInfo, toRunRecord } from '../../actions/canary-gate/src/synthetics.js';

/**
 * The emulator does not send the newer Synthetics members yet, so this test serves a body the
 * way the current AWS API documents it (CanaryRun.RetryAttempt, ScheduledRunId,
 * Status.TestResult; Canary.Schedule.RetryConfig) and reads it through the real 3.669 client.
 */
const RUNS_BODY = {
  CanaryRuns: [
    {
      Id: '11111111-1111-4111-8111-111111111111',
      Name: 'api',
      ScheduledRunId: '00000000-0000-4000-8000-000000000000',
      RetryAttempt: 1,
      Status: {
        State: 'FAILED',
        StateReason: 'Failed to upload artifacts',
        StateReasonCode: 'EXECUTION_FAILURE',
        TestResult: 'PASSED',
      },
      Timeline: { Started: 1736942400, Completed: 1736942420 },
      ArtifactS3Location: 'bucket/canary/us-east-1/api/2025/01/15/12/00-00-000',
    },
  ],
};
const CANARIES_BODY = {
  Canaries: [
    {
      Name: 'api',
      Schedule: { Expression: 'rate(5 minutes)', RetryConfig: { MaxRetries: 2 } },
      Status: { State: 'RUNNING' },
    },
  ],
};

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = request.url?.endsWith('/runs')
        ? RUNS_BODY
        : request.url === '/canaries'
          ? CANARIES_BODY
          : null;
      if (body === null) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"CanaryRuns":[{"Id":"x"');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(withPlugin: boolean) {
  const synthetics = new SyntheticsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  if (withPlugin) installRawFields(synthetics.middlewareStack);
  return synthetics;
}

describe('raw-fields middleware', () => {
  it('adds the members the 3.669 client drops, and leaves parsed ones (Dates) alone', async () => {
    const output = await client(true).send(new GetCanaryRunsCommand({ Name: 'api' }));
    const record = toRunRecord(output.CanaryRuns![0]!);
    expect(record).toMatchObject({
      testResult: 'PASSED',
      retryAttempt: 1,
      scheduledRunId: '00000000-0000-4000-8000-000000000000',
      reasonCode: 'EXECUTION_FAILURE',
      startedAt: 1736942400_000,
      completedAt: 1736942420_000,
    });
    expect(output.CanaryRuns![0]!.Timeline!.Started).toBeInstanceOf(Date);
    const canaries = await client(true).send(new DescribeCanariesCommand({}));
    expect(toCanaryInfo(canaries.Canaries![0]!)).toMatchObject({ maxRetries: 2, periodMs: 300_000 });
  });

  it('is needed: without it the SDK drops the retry members (Status passes through as plain JSON)', async () => {
    const record = toRunRecord(
      (await client(false).send(new GetCanaryRunsCommand({ Name: 'api' }))).CanaryRuns![0]!,
    );
    expect(record.retryAttempt).toBeUndefined();
    expect(record.scheduledRunId).toBeUndefined();
  });

  it('leaves malformed bodies to the SDK, which reports them as usual', async () => {
    await expect(client(true).send(new GetCanaryCommand({ Name: 'broken' }))).rejects.toThrow();
  });

  it('merges only absent members, recursing into objects and arrays', () => {
    const target: Record<string, unknown> = { a: 1, list: [{ x: 1 }], nested: { keep: 'sdk' } };
    mergeUnmodelled(target, { a: 2, b: 3, list: [{ x: 9, y: 2 }], nested: { keep: 'raw', extra: true } });
    expect(target).toEqual({ a: 1, b: 3, list: [{ x: 1, y: 2 }], nested: { keep: 'sdk', extra: true } });
  });
});
