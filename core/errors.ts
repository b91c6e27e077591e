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

export function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
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
