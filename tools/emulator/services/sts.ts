import { ApiError, HTTP_BAD_REQUEST } from '../errors.js';
import type { IdentityStore } from '../identity.js';
import { awsQuery, parseFormBody } from '../protocols/query-xml.js';
import type { RawRequest } from '../protocols/types.js';
import { queryErrorTable } from './errors.js';
import { type CallContext, commonError, type ParsedCall, type ServiceModule } from './types.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const OPERATIONS = new Set(['GetCallerIdentity', 'AssumeRole']);
const DEFAULT_SESSION_SECONDS = 3_600;
const MIN_SESSION_SECONDS = 900;
const MAX_SESSION_SECONDS = 43_200;

function validation(message: string): ApiError {
  return new ApiError(HTTP_BAD_REQUEST, 'ValidationError', message);
}

export function createStsService(identities: IdentityStore): ServiceModule {
  const assumeRole = (params: Record<string, string>, context: CallContext) => {
    const roleArn = params.RoleArn;
    const sessionName = params.RoleSessionName;
    if (!roleArn || !sessionName) throw validation('RoleArn and RoleSessionName are required');
    const duration =
      params.DurationSeconds === undefined ? DEFAULT_SESSION_SECONDS : Number(params.DurationSeconds);
    if (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS || duration > MAX_SESSION_SECONDS) {
      throw validation(
        `1 validation error detected: Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint`,
      );
    }
    const assumed = identities.assumeRole(roleArn, sessionName, duration, context.now);
    if (!assumed) throw validation(`${roleArn} is invalid`);
    return {
      Credentials: {
        AccessKeyId: assumed.accessKeyId,
        SecretAccessKey: assumed.secretAccessKey,
        SessionToken: assumed.sessionToken,
        Expiration: new Date(assumed.expiresAtMs!),
      },
      AssumedRoleUser: { AssumedRoleId: assumed.userId, Arn: assumed.principalArn },
    };
  };

  return {
    signingName: 'sts',
    iamPrefix: 'sts',
    protocol: awsQuery(XMLNS),
    errors: queryErrorTable,
    claims: (request) => OPERATIONS.has(parseFormBody(request.body).Action ?? ''),
    parse(request: RawRequest): ParsedCall {
      const params = parseFormBody(request.body);
      const operation = params.Action ?? '';
      if (!OPERATIONS.has(operation)) throw commonError(queryErrorTable, 'unknown-operation');
      return { operation, params };
    },
    iam: (call) => ({
      actions: [`sts:${call.operation}`],
      resource: call.operation === 'AssumeRole' ? String(call.params.RoleArn) : '*',
    }),
    handle(call, context) {
      if (call.operation === 'AssumeRole') return assumeRole(call.params as Record<string, string>, context);
      const { identity } = context;
      return { UserId: identity.userId, Account: identity.accountId, Arn: identity.principalArn };
    },
  };
}
