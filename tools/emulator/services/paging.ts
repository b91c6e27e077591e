import { ApiError, HTTP_BAD_REQUEST } from '../errors.js';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageLimits {
  defaultMax: number;
  maxMax: number;
  /** The service's validation error code (ValidationException for FIS/Synthetics, InvalidNextToken for CloudWatch). */
  invalidTokenCode?: string;
}

const TOKEN_PREFIX = 'emu:';

function encodeToken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${offset}`).toString('base64url');
}

function decodeToken(token: string, code: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const offset = Number(text.slice(TOKEN_PREFIX.length));
  if (!text.startsWith(TOKEN_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new ApiError(HTTP_BAD_REQUEST, code, `Invalid pagination token: ${token}`);
  }
  return offset;
}

/** Opaque offset tokens, as AWS's are opaque: callers must pass back exactly what they got. */
export function paginate<T>(
  items: T[],
  nextToken: unknown,
  maxResults: unknown,
  limits: PageLimits,
): Page<T> {
  const code = limits.invalidTokenCode ?? 'ValidationException';
  const max = maxResults === undefined || maxResults === null ? limits.defaultMax : Number(maxResults);
  if (!Number.isInteger(max) || max < 1 || max > limits.maxMax) {
    throw new ApiError(
      HTTP_BAD_REQUEST,
      code,
      `maxResults must be between 1 and ${limits.maxMax}, got ${String(maxResults)}`,
    );
  }
  const offset = typeof nextToken === 'string' && nextToken !== '' ? decodeToken(nextToken, code) : 0;
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? encodeToken(offset + max) : undefined;
  return next === undefined ? { items: page } : { items: page, nextToken: next };
}
