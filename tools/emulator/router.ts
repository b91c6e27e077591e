/**
 * The request pipeline, in the order AWS's front ends apply it: find the service from the SigV4
 * scope, authenticate, parse the operation, apply an injected fault, authorise with the IAM
 * policy, then run the handler. Every request is recorded, refused ones included.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAuthorization, type SigV4Header, verifySignature } from './auth.js';
import type { Clock } from './clock.js';
import { ApiError, HTTP_BAD_REQUEST, HTTP_INTERNAL_ERROR, HTTP_NOT_FOUND } from './errors.js';
import { DEFAULT_LATENCY_MS, type FaultQueue, type FaultSpec } from './faults.js';
import { accessDeniedMessage, evaluatePolicy, type IamPolicy } from './iam.js';
import type { Identity, IdentityStore } from './identity.js';
import { jsonResponse } from './protocols/rest-json.js';
import type { RawRequest, WireResponse } from './protocols/types.js';
import type { RecordedRequest, Recorder } from './recorder.js';
import { type CallContext, commonError, type ParsedCall, type ServiceModule } from './services/types.js';

/** Never subject to IAM, as in AWS: anyone may ask who they are. */
const UNAUTHORISED_ALLOWED = new Set(['sts:GetCallerIdentity']);

export interface PipelineDeps {
  services: readonly ServiceModule[];
  identities: IdentityStore;
  faults: FaultQueue;
  recorder: Recorder;
  clock: Clock;
  policy(): IamPolicy | undefined;
  /** Brings scripted state (experiments, runs, alarms) up to `now`. */
  tick(now: number): void;
  /** Aborts when the emulator closes: releases requests a `latency` fault is holding. */
  closing?: AbortSignal;
}

export type Outcome = { kind: 'respond'; response: WireResponse } | { kind: 'drop' };

interface Attempt {
  service: ServiceModule;
  record: RecordedRequest;
  requestId: string;
}

function findService(deps: PipelineDeps, request: RawRequest, header: SigV4Header | undefined) {
  if (header) return deps.services.find((service) => service.signingName === header.service);
  return deps.services.find((service) => service.claims(request));
}

async function authenticate(
  deps: PipelineDeps,
  attempt: Attempt,
  request: RawRequest,
): Promise<{ identity: Identity; header: SigV4Header }> {
  const { errors } = attempt.service;
  const auth = parseAuthorization(request.headers.authorization);
  if (auth.kind === 'missing') throw commonError(errors, 'missing-auth');
  if (auth.kind === 'incomplete') throw commonError(errors, 'incomplete-signature', auth.message);
  const identity = deps.identities.get(auth.header.accessKeyId);
  attempt.record.accessKeyId = auth.header.accessKeyId;
  if (!identity) throw commonError(errors, 'unrecognized-client');
  if (
    identity.sessionToken !== undefined &&
    identity.sessionToken !== request.headers['x-amz-security-token']
  ) {
    throw commonError(errors, 'unrecognized-client');
  }
  if (!(await verifySignature(request, auth.header, identity.secretAccessKey)))
    throw commonError(errors, 'invalid-signature');
  attempt.record.accountId = identity.accountId;
  return { identity, header: auth.header };
}

/** Returns a response to send instead of the real one, 'drop', or undefined to carry on. */
async function applyFault(
  deps: PipelineDeps,
  fault: FaultSpec,
  attempt: Attempt,
  operation: string,
): Promise<Outcome | undefined> {
  attempt.record.fault = fault.kind;
  const { errors, protocol } = attempt.service;
  switch (fault.kind) {
    case 'throttle':
      throw commonError(errors, 'throttle');
    case 'server-error':
      throw commonError(errors, 'server-error');
    case 'expired-credentials':
      throw commonError(errors, 'expired-token');
    case 'drop':
      return { kind: 'drop' };
    case 'malformed':
      return { kind: 'respond', response: protocol.malformed(operation, attempt.requestId) };
    case 'latency':
      try {
        await sleep(fault.latencyMs ?? DEFAULT_LATENCY_MS, undefined, { signal: deps.closing });
      } catch {
        return { kind: 'drop' };
      }
      return undefined;
    case 'html':
      return { kind: 'respond', response: htmlPage(fault.status ?? HTTP_NOT_FOUND, attempt.requestId) };
    case 'repeat-token':
    case 'late-reply':
      return undefined;
  }
}

/** A `late-reply` fault: the call has taken effect; the reply waits (dropped if the emulator closes). */
async function holdReply(
  deps: PipelineDeps,
  fault: FaultSpec | undefined,
  outcome: Outcome,
): Promise<Outcome> {
  if (fault?.kind !== 'late-reply') return outcome;
  try {
    await sleep(fault.latencyMs ?? DEFAULT_LATENCY_MS, undefined, { signal: deps.closing });
  } catch {
    return { kind: 'drop' };
  }
  return outcome;
}

/**
 * What a load balancer, proxy or a wrong endpoint sends back: an HTML page, not the service's
 * wire protocol (an ALB's default 404/502 pages look like this).
 */
function htmlPage(status: number, requestId: string): WireResponse {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return {
    status,
    headers: { 'content-type': 'text/html', 'x-emulator-requestid': requestId },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** The pagination token members of the protocols served: Synthetics/CloudWatch and FIS spellings. */
const TOKEN_MEMBERS = ['NextToken', 'nextToken'] as const;

/**
 * `repeat-token`: the handler sees the request without its token (so it serves the first page
 * again) and the reply carries the same token every time: a service bug that never ends a list.
 */
function withoutToken(call: ParsedCall): ParsedCall {
  const params = { ...call.params };
  for (const member of TOKEN_MEMBERS) delete params[member];
  return { ...call, params };
}

const REPEATED_TOKEN = 'emu-repeated-token';

function withRepeatedToken(output: unknown, member: string): unknown {
  return { ...(output as Record<string, unknown>), [member]: REPEATED_TOKEN };
}

function authorise(deps: PipelineDeps, attempt: Attempt, call: ParsedCall, context: CallContext): void {
  const policy = deps.policy();
  const requirement = attempt.service.iam(call, context);
  if (!policy) return;
  for (const action of requirement.actions) {
    if (UNAUTHORISED_ALLOWED.has(action)) continue;
    for (const resource of requirement.resourcesByAction?.[action] ?? [requirement.resource]) {
      const decision = evaluatePolicy(policy, action, resource);
      if (decision === 'allow') continue;
      const message = accessDeniedMessage(context.identity.principalArn, action, resource, decision);
      const prefix =
        attempt.service.signingName === 'ec2' ? 'You are not authorized to perform this operation. ' : '';
      throw commonError(attempt.service.errors, 'access-denied', prefix + message);
    }
  }
}

async function run(deps: PipelineDeps, attempt: Attempt, request: RawRequest): Promise<Outcome> {
  const { identity, header } = await authenticate(deps, attempt, request);
  const call = attempt.service.parse(request);
  attempt.record.operation = call.operation;
  attempt.record.iamAction = `${attempt.service.iamPrefix}:${call.operation}`;
  attempt.record.params = call.params;
  const now = deps.clock.now();
  deps.tick(now);
  const context: CallContext = { identity, region: header.region, now, requestId: attempt.requestId };
  if (identity.expiresAtMs !== undefined && now >= identity.expiresAtMs)
    throw commonError(attempt.service.errors, 'expired-token');
  const fault = deps.faults.take(attempt.service.signingName, call.operation);
  const faulted = fault ? await applyFault(deps, fault, attempt, call.operation) : undefined;
  if (faulted) return faulted;
  authorise(deps, attempt, call, context);
  const repeat = fault?.kind === 'repeat-token';
  let output = attempt.service.handle(repeat ? withoutToken(call) : call, context);
  if (repeat)
    output = withRepeatedToken(output, attempt.service.signingName === 'fis' ? 'nextToken' : 'NextToken');
  return holdReply(deps, fault, {
    kind: 'respond',
    response: attempt.service.protocol.success(call.operation, output, attempt.requestId),
  });
}

function unknownService(requestId: string): Outcome {
  const body = { message: 'The emulator could not tell which service this request is for (no SigV4 scope).' };
  const response = jsonResponse(HTTP_BAD_REQUEST, body, requestId);
  response.headers['x-amzn-errortype'] = 'UnknownServiceException';
  return { kind: 'respond', response };
}

export async function handleAwsRequest(deps: PipelineDeps, request: RawRequest): Promise<Outcome> {
  const requestId = randomUUID();
  const auth = parseAuthorization(request.headers.authorization);
  const service = findService(deps, request, auth.kind === 'ok' ? auth.header : undefined);
  const record: RecordedRequest = {
    time: deps.clock.now(),
    service: service?.signingName ?? 'unknown',
    operation: '',
    iamAction: '',
    params: {},
    status: 0,
  };
  deps.recorder.add(record);
  if (!service) {
    record.status = HTTP_BAD_REQUEST;
    record.errorCode = 'UnknownServiceException';
    return unknownService(requestId);
  }
  const attempt: Attempt = { service, record, requestId };
  try {
    const outcome = await run(deps, attempt, request);
    record.status = outcome.kind === 'respond' ? outcome.response.status : 0;
    return outcome;
  } catch (thrown) {
    const error =
      thrown instanceof ApiError
        ? thrown
        : new ApiError(HTTP_INTERNAL_ERROR, 'InternalFailure', String(thrown));
    record.status = error.status;
    record.errorCode = error.code;
    return { kind: 'respond', response: service.protocol.error(error, requestId) };
  }
}
