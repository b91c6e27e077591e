/**
 * SigV4 checks. The signature is recomputed with @smithy/signature-v4 (the signer the SDK itself
 * uses) over exactly the headers the client says it signed, with the client's own x-amz-date:
 * the request time is not compared with the emulator clock, because tests script that clock.
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RawRequest } from './protocols/types.js';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** Where the client says it signed: the credential scope and header list of the Authorization header. */
export interface SigV4Header {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthHeaderResult =
  | { kind: 'missing' }
  | { kind: 'incomplete'; message: string }
  | { kind: 'ok'; header: SigV4Header };

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(value: string | undefined): AuthHeaderResult {
  if (value === undefined || value === '') return { kind: 'missing' };
  const match = AUTH_PATTERN.exec(value.trim());
  if (!match) {
    return {
      kind: 'incomplete',
      message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters (${SIGV4_ALGORITHM}).`,
    };
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  return {
    kind: 'ok',
    header: {
      accessKeyId: accessKeyId!,
      date: date!,
      region: region!,
      service: service!,
      signedHeaders: signedHeaders!.split(';'),
      signature: signature!,
    },
  };
}

/** Converts `20250115T120000Z` to a Date. */
function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** Recomputes the signature; true when it matches the one the client sent. */
export async function verifySignature(
  request: RawRequest,
  header: SigV4Header,
  secretAccessKey: string,
): Promise<boolean> {
  const amzDate = request.headers['x-amz-date'];
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate) return false;
  const headers: Record<string, string> = {};
  for (const name of header.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  const [hostname, port] = (request.headers.host ?? '').split(':');
  const toSign = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: hostname ?? '',
    port: port ? Number(port) : undefined,
    path: request.path,
    query: queryObject(request.query),
    headers,
    body: request.body,
  });
  const signer = new SignatureV4({
    service: header.service,
    region: header.region,
    credentials: {
      accessKeyId: header.accessKeyId,
      secretAccessKey,
      sessionToken: request.headers['x-amz-security-token'],
    },
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(toSign, { signingDate });
  const authorization = String(signed.headers.authorization ?? signed.headers.Authorization ?? '');
  return authorization.endsWith(`Signature=${header.signature}`);
}
