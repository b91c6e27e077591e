/**
 * Error kinds shared by every gate.
 *
 * A ConfigurationError is a user mistake (bad input, missing region, a template that does not
 * exist): it is reported as one line with no stack trace. Anything else is an internal error and
 * keeps its stack for the debug log.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** A bad input value: names the input, the value and the accepted forms. */
export function invalidInput(input: string, value: string, accepted: string): ConfigurationError {
  return new ConfigurationError(`Invalid ${input} '${value}': ${accepted}`);
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}

/** Shape shared by AWS SDK v3 service exceptions and smithy errors. */
interface AwsErrorLike {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const ACCESS_DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'CredentialsProviderError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);
const NOT_FOUND_CODES = new Set(['ResourceNotFoundException', 'NotFoundException']);
const NOT_AUTHORIZED_PATTERN = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/;

export const CREDENTIALS_HELP =
  'configure credentials with aws-actions/configure-aws-credentials (role-to-assume, aws-region) ' +
  "and give the job 'permissions: id-token: write' for OIDC";

function awsErrorCode(error: AwsErrorLike): string {
  return error.Code ?? error.name ?? 'Error';
}

/**
 * A sentence that tells the user what to do about an AWS error, or undefined when there is
 * nothing better to say than the error itself.
 */
export function hintForAwsError(error: unknown, context: { resourceId?: string } = {}): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const aws = error as AwsErrorLike;
  const code = awsErrorCode(aws);
  const message = aws.message ?? '';
  if (ACCESS_DENIED_CODES.has(code) || /AccessDenied/i.test(code)) {
    const refused = NOT_AUTHORIZED_PATTERN.exec(message)?.[1];
    return refused
      ? `the IAM policy of the role does not allow ${refused}: add it (see the action's README for the least-privilege policy)`
      : "the role was refused: compare its IAM policy with the action's README";
  }
  if (CREDENTIAL_CODES.has(code) || /credential/i.test(message)) {
    return `no valid AWS credentials: ${CREDENTIALS_HELP}`;
  }
  if (NOT_FOUND_CODES.has(code)) {
    return context.resourceId
      ? `'${context.resourceId}' was not found: check the id and the region`
      : 'the resource was not found: check the id and the region';
  }
  return undefined;
}

/** One line that says what failed, the AWS error code and what to do. */
export function describeAwsError(
  error: unknown,
  doing: string,
  context: { resourceId?: string } = {},
): string {
  const aws = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorLike;
  const code = awsErrorCode(aws);
  const base = `${doing} failed: ${code}: ${firstLine(aws.message ?? String(error))}`;
  const hint = hintForAwsError(error, context);
  return hint ? `${base} (${hint})` : base;
}

/** The first line that says something (git and SDK messages may start with a blank one). */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

/**
 * The one line an error becomes in a log line, a warning or a reason: its name (an AWS error
 * code, `TimeoutError`, `HttpError`...) and the first line of its message. The generic name
 * `Error` says nothing and is left out; so is a stack.
 */
export function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return firstLine(String(error));
  const message = firstLine(error.message);
  return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
}

/** Errors that are the user's to fix even though AWS raised them: no stack trace for these. */
export function isUserFacingAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = awsErrorCode(error as AwsErrorLike);
  return ACCESS_DENIED_CODES.has(code) || CREDENTIAL_CODES.has(code) || NOT_FOUND_CODES.has(code);
}

/** The one line a failed step or CLI run shows. */
export function failureMessage(error: unknown): string {
  if (isConfigurationError(error)) return error.message;
  if (isUserFacingAwsError(error)) return describeAwsError(error, 'AWS call');
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Where a failed AWS call went, for messages a user can act on. */
export interface CallContext {
  /** As users know it: Synthetics, CloudWatch, FIS, EC2, STS. */
  service: string;
  operation: string;
  endpoint: string;
  elapsedMs: number;
  status?: number;
  contentType?: string;
}

/**
 * An answer that is not the service's wire protocol: the HTML page of a proxy, a load balancer or
 * a wrong endpoint, or a body cut short. Carries the HTTP status in `$metadata` as SDK errors do,
 * so a 5xx page is retried like any server error and a 4xx page is not.
 */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  readonly $metadata: { httpStatusCode?: number };

  constructor(
    message: string,
    readonly call: CallContext,
    override readonly cause: unknown,
  ) {
    super(message);
    this.$metadata = call.status === undefined ? {} : { httpStatusCode: call.status };
  }
}

const TITLE_PATTERN = /<title>([^<]{1,120})<\/title>/i;
const SNIPPET_CHARS = 80;

/** A hint of what came back: the page title, or the first characters of the body. */
function bodyHint(error: unknown): string {
  const e = error as { $responseBodyText?: unknown; $response?: { body?: unknown } };
  const text = [e.$responseBodyText, e.$response?.body].find((value) => typeof value === 'string') as
    | string
    | undefined;
  if (!text) return '';
  const title = TITLE_PATTERN.exec(text)?.[1]?.trim();
  const shown = title ?? text.replace(/\s+/g, ' ').trim().slice(0, SNIPPET_CHARS);
  return shown ? `: "${shown}"` : '';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * The error to raise for a failed call, naming the service, operation, endpoint and HTTP status.
 * AWS's own errors (they carry `$metadata`) pass unchanged: their code already says what failed.
 * A response the SDK could not parse becomes an AwsCallError. A timeout, network fault or abort
 * keeps its name (the SDK's retry rules read it) and gains the call in its message.
 */
export function explainFailedCall(error: unknown, call: CallContext): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const where = `${call.service} ${call.operation} at ${call.endpoint}`;
  const e = error as Error & { $metadata?: unknown; $response?: unknown };
  if (e.$metadata !== undefined) return error;
  if (e.$response !== undefined) {
    const kind = call.contentType ? `a ${call.contentType.split(';')[0]} body` : 'a body';
    return new AwsCallError(
      `${where} answered HTTP ${call.status ?? '?'} with ${kind} that is not an AWS response${bodyHint(error)} ` +
        '(check endpoint-url, AWS_ENDPOINT_URL and any proxy in between)',
      call,
      error,
    );
  }
  if (e.name === 'AbortError') {
    setMessage(e, `${where} did not answer within ${seconds(call.elapsedMs)} (aborted)`);
  } else if (typeof e.message === 'string' && !e.message.startsWith(where)) {
    setMessage(e, `${where}: ${e.message} (after ${seconds(call.elapsedMs)})`);
  }
  return error;
}

/** Some errors (a DOMException abort reason) have a read-only message: leave those as they are. */
function setMessage(error: Error, message: string): void {
  try {
    error.message = message;
  } catch {
    // read-only: the original message stands
  }
}
