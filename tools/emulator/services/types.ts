import { ApiError } from '../errors.js';
import type { Identity } from '../identity.js';
import type { ProtocolWriter, RawRequest } from '../protocols/types.js';

/** A request understood: which operation, with what input. */
export interface ParsedCall {
  operation: string;
  /** The parsed input, as recorded; for REST services path labels are merged in. */
  params: Record<string, unknown>;
}

export interface CallContext {
  identity: Identity;
  region: string;
  now: number;
  requestId: string;
}

/** The IAM view of a call: every action it needs (StartExperiment with tags also needs TagResource). */
export interface IamRequirement {
  actions: string[];
  resource: string;
  /** Resources an action is authorised on instead of `resource` (FIS tags the new experiment). */
  resourcesByAction?: Record<string, string[]>;
}

/** Errors that have one meaning everywhere but a different code and status per service. */
export type CommonErrorKind =
  | 'throttle'
  | 'server-error'
  | 'expired-token'
  | 'access-denied'
  | 'missing-auth'
  | 'incomplete-signature'
  | 'unrecognized-client'
  | 'invalid-signature'
  | 'unknown-operation';

export interface ErrorShape {
  status: number;
  code: string;
  message: string;
  queryCode?: string;
}

export type ErrorTable = Record<CommonErrorKind, ErrorShape>;

export function commonError(table: ErrorTable, kind: CommonErrorKind, message?: string): ApiError {
  const shape = table[kind];
  return new ApiError(shape.status, shape.code, message ?? shape.message, shape.queryCode);
}

export interface ServiceModule {
  /** The SigV4 signing name, which routes the request. */
  readonly signingName: string;
  readonly iamPrefix: string;
  readonly protocol: ProtocolWriter;
  readonly errors: ErrorTable;
  /** True when an unsigned request looks like this service's, so its rejection wears our shape. */
  claims(request: RawRequest): boolean;
  /** Throws ApiError (unknown-operation, validation) when the request cannot be understood. */
  parse(request: RawRequest): ParsedCall;
  iam(call: ParsedCall, context: CallContext): IamRequirement;
  handle(call: ParsedCall, context: CallContext): unknown;
}
