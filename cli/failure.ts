import {
  CREDENTIALS_HELP,
  failureMessage,
  isConfigurationError,
  isUserFacingAwsError,
} from '../core/errors.js';

/**
 * Where credentials come from on a laptop. The action's hint (core/errors.ts CREDENTIALS_HELP)
 * speaks of OIDC and configure-aws-credentials, which a terminal does not have.
 */
export const LAPTOP_CREDENTIALS_HELP =
  'the SDK found none: set AWS_PROFILE to a profile in ~/.aws/config (for SSO run ' +
  "'aws sso login --profile NAME' first), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
  '(and AWS_SESSION_TOKEN for temporary credentials); set AWS_REGION too';

/** Node's network error fields (a refused or unresolvable endpoint). */
interface NetworkError {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
}
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

function unreachableEndpoint(error: unknown): string | undefined {
  const network = (typeof error === 'object' && error !== null ? error : {}) as NetworkError;
  if (!network.code || !UNREACHABLE_CODES.has(network.code)) return undefined;
  const where = network.hostname ?? `${network.address ?? '?'}${network.port ? `:${network.port}` : ''}`;
  return (
    `cannot reach the AWS endpoint ${where} (${network.code}): check --endpoint-url and the ` +
    'AWS_ENDPOINT_URL* variables, or unset them to use the public AWS endpoints'
  );
}

/** The one line after `error: `: no repeated `Error:` prefix, hints for a terminal. */
export function cliFailureMessage(error: unknown): string {
  const unreachable = unreachableEndpoint(error);
  if (unreachable) return unreachable;
  const message = failureMessage(error).replace(/^Error: /, '');
  return message.replace(CREDENTIALS_HELP, LAPTOP_CREDENTIALS_HELP);
}

/** Exit 2: the user's setup (inputs, credentials, permissions, endpoint) is wrong, not the gate. */
export function isSetupError(error: unknown): boolean {
  return (
    isConfigurationError(error) || isUserFacingAwsError(error) || unreachableEndpoint(error) !== undefined
  );
}
