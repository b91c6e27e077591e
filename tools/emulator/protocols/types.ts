import type { ApiError } from '../errors.js';

/** What a protocol module needs to know about an incoming request. */
export interface RawRequest {
  method: string;
  /** Path as sent on the wire (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** A complete HTTP response, ready to write. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One wire protocol: how to render a successful output and an error. */
export interface ProtocolWriter {
  readonly name: 'rest-json' | 'aws-json-1.0' | 'aws-query' | 'ec2-query';
  success(operation: string, output: unknown, requestId: string): WireResponse;
  error(error: ApiError, requestId: string): WireResponse;
  /** A 200 whose body is cut short: what a proxy dropping the connection mid-body leaves behind. */
  malformed(operation: string, requestId: string): WireResponse;
}
