import {
  HTTP_BAD_REQUEST,
  HTTP_FORBIDDEN,
  HTTP_INTERNAL_ERROR,
  HTTP_NOT_FOUND,
  HTTP_TOO_MANY_REQUESTS,
  HTTP_UNAUTHORIZED,
} from '../errors.js';
import type { ErrorTable } from './types.js';

const RATE_EXCEEDED = 'Rate exceeded';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** REST-JSON and JSON services behind the standard AWS front end (FIS, Synthetics, CloudWatch). */
export function jsonErrorTable(throttle: { status: number; code: string }): ErrorTable {
  return {
    throttle: { ...throttle, message: RATE_EXCEEDED, queryCode: 'Throttling' },
    'server-error': {
      status: HTTP_INTERNAL_ERROR,
      code: 'InternalFailure',
      message: 'Internal server error',
    },
    'expired-token': {
      status: HTTP_FORBIDDEN,
      code: 'ExpiredTokenException',
      message: EXPIRED_TOKEN,
      queryCode: 'ExpiredToken',
    },
    'access-denied': {
      status: HTTP_FORBIDDEN,
      code: 'AccessDeniedException',
      message: '',
      queryCode: 'AccessDenied',
    },
    'missing-auth': {
      status: HTTP_FORBIDDEN,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
      queryCode: 'MissingAuthenticationToken',
    },
    'incomplete-signature': {
      status: HTTP_FORBIDDEN,
      code: 'IncompleteSignatureException',
      message: 'Incomplete signature',
      queryCode: 'IncompleteSignature',
    },
    'unrecognized-client': {
      status: HTTP_FORBIDDEN,
      code: 'UnrecognizedClientException',
      message: INVALID_TOKEN,
      queryCode: 'InvalidClientTokenId',
    },
    'invalid-signature': {
      status: HTTP_FORBIDDEN,
      code: 'InvalidSignatureException',
      message: SIGNATURE_MISMATCH,
      queryCode: 'SignatureDoesNotMatch',
    },
    'unknown-operation': {
      status: HTTP_NOT_FOUND,
      code: 'UnknownOperationException',
      message: 'Unknown operation',
    },
  };
}

/** STS (awsQuery). */
export const queryErrorTable: ErrorTable = {
  throttle: { status: HTTP_BAD_REQUEST, code: 'Throttling', message: RATE_EXCEEDED },
  'server-error': { status: HTTP_INTERNAL_ERROR, code: 'InternalFailure', message: 'Internal server error' },
  'expired-token': { status: HTTP_BAD_REQUEST, code: 'ExpiredTokenException', message: EXPIRED_TOKEN },
  'access-denied': { status: HTTP_FORBIDDEN, code: 'AccessDenied', message: '' },
  'missing-auth': {
    status: HTTP_FORBIDDEN,
    code: 'MissingAuthenticationToken',
    message: 'Request is missing Authentication Token',
  },
  'incomplete-signature': {
    status: HTTP_BAD_REQUEST,
    code: 'IncompleteSignature',
    message: 'Incomplete signature',
  },
  'unrecognized-client': { status: HTTP_FORBIDDEN, code: 'InvalidClientTokenId', message: INVALID_TOKEN },
  'invalid-signature': { status: HTTP_FORBIDDEN, code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH },
  'unknown-operation': {
    status: HTTP_BAD_REQUEST,
    code: 'InvalidAction',
    message: 'Could not find operation',
  },
};

const EC2_AUTH_FAILURE = 'AWS was not able to validate the provided access credentials';

/**
 * EC2: throttling is RequestLimitExceeded (503), authentication problems are all AuthFailure
 * (401), refusals are UnauthorizedOperation, and expired session credentials give RequestExpired.
 */
export const ec2ErrorTable: ErrorTable = {
  throttle: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
  'server-error': {
    status: HTTP_INTERNAL_ERROR,
    code: 'InternalError',
    message: 'An internal error has occurred',
  },
  'expired-token': { status: HTTP_BAD_REQUEST, code: 'RequestExpired', message: 'Request has expired.' },
  'access-denied': { status: HTTP_FORBIDDEN, code: 'UnauthorizedOperation', message: '' },
  'missing-auth': { status: HTTP_UNAUTHORIZED, code: 'AuthFailure', message: EC2_AUTH_FAILURE },
  'incomplete-signature': { status: HTTP_UNAUTHORIZED, code: 'AuthFailure', message: EC2_AUTH_FAILURE },
  'unrecognized-client': { status: HTTP_UNAUTHORIZED, code: 'AuthFailure', message: EC2_AUTH_FAILURE },
  'invalid-signature': { status: HTTP_UNAUTHORIZED, code: 'AuthFailure', message: EC2_AUTH_FAILURE },
  'unknown-operation': {
    status: HTTP_BAD_REQUEST,
    code: 'InvalidAction',
    message: 'The action is not valid for this web service.',
  },
};

export const REST_THROTTLE_STATUS = HTTP_TOO_MANY_REQUESTS;
