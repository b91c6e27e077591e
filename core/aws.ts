import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, systemClock } from './clock.js';
import { ConfigurationError, explainFailedCall, invalidInput } from './errors.js';
import { VERSION } from './version.js';

/**
 * Options every AWS SDK v3 client of the suite is built with. Credentials are deliberately not
 * handled here: the SDK's default chain picks up what aws-actions/configure-aws-credentials (or
 * the user's laptop) provides.
 */
export interface AwsSettings {
  region: string;
  /** An explicit endpoint (input `endpoint-url`); otherwise the SDK's AWS_ENDPOINT_URL[_SERVICE]. */
  endpointUrl?: string;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
}

export interface AwsClientOptions {
  region: string;
  endpoint?: string;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  customUserAgent: string;
  /** Options for the SDK's NodeHttpHandler, which each client builds in its own version. */
  requestHandler: { connectionTimeout: number; requestTimeout: number };
}

/**
 * The SDK waits forever by default (connectionTimeout and requestTimeout 0 = none): a connection
 * that never opens or a response that never comes would hold a gate, and any chaos it started,
 * until the job dies. These bound each attempt; a gate's deadline aborts calls still in flight.
 */
export const CONNECTION_TIMEOUT_MS = 5_000;
/** Socket idle time before an attempt fails with TimeoutError (retried like any transient fault). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** SDK service ids as they appear in AWS_ENDPOINT_URL_<SERVICE>. */
export type AwsService = 'FIS' | 'SYNTHETICS' | 'CLOUDWATCH' | 'EC2' | 'STS';

export const DEFAULT_MAX_ATTEMPTS = 5;
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const REGION_FORMS = 'use a region code like us-east-1 or eu-west-2';

/** Region from the input, then AWS_REGION, then AWS_DEFAULT_REGION. */
export function resolveRegion(input: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = input ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new ConfigurationError(
      "No AWS region: set the 'region' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it)",
    );
  }
  if (!REGION_PATTERN.test(region)) throw invalidInput('region', region, REGION_FORMS);
  return region;
}

export function validateEndpointUrl(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  try {
    const url = new URL(input);
    if (url.protocol === 'http:' || url.protocol === 'https:') return input;
  } catch {
    // fall through to the one-line error below
  }
  throw invalidInput('endpoint-url', input, 'use an http(s) URL like https://fis.us-east-1.amazonaws.com');
}

/**
 * The endpoint a client should use: the explicit input first, then the SDK's configured-endpoint
 * variables. The older clients the registry serves (client-fis 3.523) predate the SDK reading
 * these variables itself, so the suite resolves them once, the same way for every client.
 */
export function resolveEndpoint(
  service: AwsService,
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return explicit ?? env[`AWS_ENDPOINT_URL_${service}`] ?? env.AWS_ENDPOINT_URL;
}

export function userAgent(action: string): string {
  return `resilience-gates/${VERSION} ${action}`;
}

export function awsClientOptions(
  service: AwsService,
  action: string,
  settings: AwsSettings,
  env: NodeJS.ProcessEnv = process.env,
): AwsClientOptions {
  const endpoint = resolveEndpoint(service, settings.endpointUrl, env);
  return {
    region: settings.region,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    customUserAgent: userAgent(action),
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  };
}

/**
 * AWS's clock, as its responses tell it: every response carries an HTTP `Date` (one-second
 * resolution). The runner's clock may be minutes off; a gate that judges "after the deploy" or
 * reads alarm history by the runner's clock counts runs from before the step, or misses changes.
 *
 * Each response bounds the offset from below (AWS's time when it answered was at least `Date`, and
 * the runner received it after), so the estimate is the largest lower bound seen: never ahead of
 * AWS, at most about a second behind. Before any response it is the runner's own clock.
 */
export class AwsClock implements Clock {
  private offset: number | undefined;

  constructor(private readonly local: Clock = systemClock) {}

  /** The runner's time, as the injected clock gives it. */
  localNow(): number {
    return this.local.now();
  }

  /** AWS's time now, as far as the responses so far tell. */
  now(): number {
    return this.local.now() + (this.offset ?? 0);
  }

  /** AWS minus runner, in ms; undefined until a response with a Date header arrived. */
  get offsetMs(): number | undefined {
    return this.offset;
  }

  /** Takes a response's `Date` header, received at `receivedAt` on the runner's clock. */
  observe(dateHeader: string | undefined, receivedAt: number): void {
    const serverMs = dateHeader === undefined ? Number.NaN : Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return;
    const lowerBound = serverMs - receivedAt;
    this.offset = this.offset === undefined ? lowerBound : Math.max(this.offset, lowerBound);
  }
}

interface HttpRequestLike {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
}

interface HttpResponseLike {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
}

/** `https://host:port/path` of a request as the SDK built it, for error messages. */
function endpointOf(request: unknown): string {
  const r = (request ?? {}) as HttpRequestLike;
  const protocol = (r.protocol ?? 'https:').replace(/:?$/, ':');
  return `${protocol}//${r.hostname ?? '?'}${r.port ? `:${r.port}` : ''}${r.path ?? ''}`;
}

function headerOf(response: unknown, name: string): string | undefined {
  const headers = (response as HttpResponseLike | undefined)?.headers ?? {};
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

/** The part of an SDK client this module instruments (every v3 client has it). */
interface InstrumentableClient {
  middlewareStack: {
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware types differ per client version.
    add(middleware: any, options: any): void;
  };
}

/**
 * Instruments a client, inside the SDK's retries so each attempt is seen: every response's `Date`
 * feeds `clock` (when given), and a call that fails without an AWS answer (an HTML page, a
 * timeout, an abort at the deadline) is rethrown naming the service, operation, endpoint and
 * HTTP status, never as a bare `SyntaxError: Unexpected token '<'` (see explainFailedCall).
 */
export function instrumentAwsClient(client: InstrumentableClient, service: string, clock?: AwsClock): void {
  const now = () => (clock ? clock.localNow() : Date.now());
  client.middlewareStack.add(
    (
      next: (args: { request: unknown }) => Promise<{ response: unknown }>,
      context: { commandName?: string },
    ) =>
      async (args: { request: unknown }) => {
        const sentAt = now();
        try {
          const result = await next(args);
          clock?.observe(headerOf(result.response, 'date'), now());
          return result;
        } catch (error) {
          const response = (error as { $response?: HttpResponseLike } | undefined)?.$response;
          clock?.observe(headerOf(response, 'date'), now());
          throw explainFailedCall(error, {
            service,
            operation: (context.commandName ?? 'call').replace(/Command$/, ''),
            endpoint: endpointOf(args.request),
            elapsedMs: now() - sentAt,
            status: response?.statusCode,
            contentType: headerOf(response, 'content-type'),
          });
        }
      },
    { step: 'deserialize', priority: 'high', name: 'resilienceGatesCallContext', override: true },
  );
}

/** Reads the AWS inputs every AWS gate shares: region, endpoint-url, max-attempts, retry-mode. */
export function readAwsSettings(
  inputs: {
    optional(name: string): string | undefined;
    integer(name: string, fallback: number, range: { min?: number; max?: number }): number;
    enumeration<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  },
  env: NodeJS.ProcessEnv = process.env,
): AwsSettings {
  return {
    region: resolveRegion(inputs.optional('region'), env),
    endpointUrl: validateEndpointUrl(inputs.optional('endpoint-url')),
    maxAttempts: inputs.integer('max-attempts', DEFAULT_MAX_ATTEMPTS, { min: 1, max: 20 }),
    retryMode: inputs.enumeration('retry-mode', ['standard', 'adaptive'] as const, 'standard'),
  };
}

/** HTTP status and error names that mean "try again later", not "you are wrong". */
const TRANSIENT_ERROR_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalServerException',
  'InternalFailure',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const SERVER_ERROR_MIN_STATUS = 500;

/** True for throttling, 5xx and network faults: a waiter retries these with backoff. */
export function isTransientAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  if (e.name && TRANSIENT_ERROR_NAMES.has(e.name)) return true;
  if (e.code && TRANSIENT_NETWORK_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= SERVER_ERROR_MIN_STATUS;
}

/** Variables through which the SDK's default chain finds credentials without instance metadata. */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_PROFILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

/**
 * True when credentials come from somewhere the user chose: variables (what
 * aws-actions/configure-aws-credentials sets), a profile, or shared config files. Gates whose AWS
 * calls are optional check this first, so a fork pull request on a self-hosted EC2 runner never
 * falls through to the instance's own role via the metadata endpoint.
 */
export function hasCredentialSource(env: NodeJS.ProcessEnv = process.env): boolean {
  if (CREDENTIAL_VARIABLES.some((name) => env[name])) return true;
  const home = env.HOME ?? '';
  const files = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
  ];
  return home !== '' && files.some((file) => existsSync(file));
}
