import type { ApiError } from '../errors.js';
import { HTTP_OK } from '../errors.js';
import type { ProtocolWriter, WireResponse } from './types.js';

/**
 * REST-JSON (FIS, Synthetics): the error code travels in `x-amzn-ErrorType`, the body carries the
 * message. Both spellings of the message member are sent because FIS models `message` and
 * Synthetics models `Message`.
 */
export const restJson: ProtocolWriter = {
  name: 'rest-json',
  success(_operation, output, requestId): WireResponse {
    return jsonResponse(HTTP_OK, output ?? {}, requestId);
  },
  error(error: ApiError, requestId): WireResponse {
    const response = jsonResponse(
      error.status,
      { message: error.message, Message: error.message },
      requestId,
    );
    response.headers['x-amzn-errortype'] = error.code;
    return response;
  },
  malformed(_operation, requestId): WireResponse {
    return { ...jsonResponse(HTTP_OK, {}, requestId), body: '{"experiment":{"id":"EXP' };
  },
};

export function jsonResponse(status: number, body: unknown, requestId: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body, epochSecondsReplacer),
  };
}

/** JSON protocols send timestamps as epoch seconds (fractional allowed); handlers keep Dates. */
function epochSecondsReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

/** Parses a JSON request body; an empty body is an empty object (GET/DELETE operations). */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}
