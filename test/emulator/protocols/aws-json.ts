import type { ApiError } from '../errors.js';
import { HTTP_OK } from '../errors.js';
import { jsonResponse } from './rest-json.js';
import type { ProtocolWriter, WireResponse } from './types.js';

const CONTENT_TYPE_JSON_1_0 = 'application/x-amz-json-1.0';

/**
 * AWS JSON 1.0 in query-compatible mode (CloudWatch since SDK 3.7xx): the body names the error in
 * `__type`, and `x-amzn-query-error: Code;Sender` gives the legacy awsQuery code, which the SDK
 * prefers for the error's name (so throttling surfaces as `Throttling`, as with the query API).
 */
export function awsJson(namespace: string): ProtocolWriter {
  return {
    name: 'aws-json-1.0',
    success(_operation, output, requestId): WireResponse {
      return withJsonContentType(jsonResponse(HTTP_OK, output ?? {}, requestId));
    },
    error(error: ApiError, requestId): WireResponse {
      const body = { __type: `${namespace}#${error.code}`, message: error.message };
      const response = withJsonContentType(jsonResponse(error.status, body, requestId));
      response.headers['x-amzn-query-error'] = `${error.queryCode ?? error.code};${error.faultType}`;
      return response;
    },
    malformed(_operation, requestId): WireResponse {
      return { ...withJsonContentType(jsonResponse(HTTP_OK, {}, requestId)), body: '{"MetricAlarms":[{"Ala' };
    },
  };
}

function withJsonContentType(response: WireResponse): WireResponse {
  response.headers['content-type'] = CONTENT_TYPE_JSON_1_0;
  return response;
}
