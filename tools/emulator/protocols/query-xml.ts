import type { ApiError } from '../errors.js';
import { HTTP_OK } from '../errors.js';
import type { ProtocolWriter, WireResponse } from './types.js';

/** An XML document as plain data: objects are elements, arrays repeat a list item element. */
export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | XmlValue[]
  | { [key: string]: XmlValue };

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Renders members; arrays wrap each entry in `listItem` (`member` for awsQuery, `item` for EC2). */
export function toXml(value: XmlValue, listItem: string): string {
  if (value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((entry) => element(listItem, entry, listItem)).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, entry]) => element(key, entry, listItem))
      .join('');
  }
  return escapeXml(String(value));
}

function element(name: string, value: XmlValue, listItem: string): string {
  if (value === undefined) return '';
  return `<${name}>${toXml(value, listItem)}</${name}>`;
}

function xmlResponse(status: number, body: string, requestId: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: XML_DECLARATION + body,
  };
}

/** awsQuery (STS): `<OpResponse><OpResult>…</OpResult><ResponseMetadata>` and `<ErrorResponse>`. */
export function awsQuery(xmlns: string): ProtocolWriter {
  return {
    name: 'aws-query',
    success(operation, output, requestId): WireResponse {
      const result = toXml(output as XmlValue, 'member');
      const body =
        `<${operation}Response xmlns="${xmlns}"><${operation}Result>${result}</${operation}Result>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
      return xmlResponse(HTTP_OK, body, requestId);
    },
    error(error: ApiError, requestId): WireResponse {
      const body =
        `<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.faultType}</Type>` +
        `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId></ErrorResponse>`;
      return xmlResponse(error.status, body, requestId);
    },
    malformed(operation, requestId): WireResponse {
      return xmlResponse(
        HTTP_OK,
        `<${operation}Response xmlns="${xmlns}"><${operation}Result><Arn>arn:aw`,
        requestId,
      );
    },
  };
}

/** EC2 query: no Result wrapper, lowerCamel `requestId`, and `<Response><Errors><Error>` for errors. */
export function ec2Query(xmlns: string): ProtocolWriter {
  return {
    name: 'ec2-query',
    success(operation, output, requestId): WireResponse {
      const body =
        `<${operation}Response xmlns="${xmlns}"><requestId>${requestId}</requestId>` +
        `${toXml(output as XmlValue, 'item')}</${operation}Response>`;
      return xmlResponse(HTTP_OK, body, requestId);
    },
    error(error: ApiError, requestId): WireResponse {
      const body =
        `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
        `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
        `<RequestID>${requestId}</RequestID></Response>`;
      return xmlResponse(error.status, body, requestId);
    },
    malformed(operation, requestId): WireResponse {
      return xmlResponse(
        HTTP_OK,
        `<${operation}Response xmlns="${xmlns}"><availabilityZoneInfo><item><zone`,
        requestId,
      );
    },
  };
}

/** Parses an `application/x-www-form-urlencoded` query-protocol body into flat `Key.1.Sub` pairs. */
export function parseFormBody(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** Reads a query-protocol list such as `ZoneName.1`, `ZoneName.2` (EC2) or `Names.member.1` (awsQuery). */
export function readList(params: Record<string, string>, prefix: string): string[] {
  const values: string[] = [];
  for (let index = 1; params[`${prefix}.${index}`] !== undefined; index++) {
    values.push(params[`${prefix}.${index}`]!);
  }
  return values;
}
