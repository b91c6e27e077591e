/**
 * The registry serves @aws-sdk/client-synthetics only up to 3.669.0, whose deserializers drop
 * fields AWS added later: CanaryRun.Status.TestResult (the script's own verdict, which separates
 * script failures from Synthetics execution failures), CanaryRun.RetryAttempt and
 * ScheduledRunId (automatic retries), and Canary.Schedule.RetryConfig. This plugin keeps the
 * real client (signing, retries, parsing) and adds back, from the raw JSON body, every member the
 * SDK did not model. Members the SDK did parse are never touched (its Dates stay Dates).
 *
 * Two middlewares share the command's context: one just inside the deserializer buffers the body
 * and parses it; one in the initialize step merges the parsed JSON into the SDK's output.
 */
// Structural types only: the SDK clients each bundle their own copy of @smithy/types.
interface HandlerResult {
  response: unknown;
  output: unknown;
}
type Handler = (args: unknown) => Promise<HandlerResult>;
type HandlerExecutionContext = Record<string | symbol, unknown>;

/** The two MiddlewareStack methods the plugin uses. */
export interface MiddlewareStackLike {
  add(middleware: never, options: { step: 'initialize'; name: string; override: boolean }): void;
  addRelativeTo(
    middleware: never,
    options: { relation: 'after'; toMiddleware: string; name: string; override: boolean },
  ): void;
}

const RAW_BODY = Symbol.for('resilience-gates.canary-gate.raw-body');
const HTTP_OK_MIN = 200;
const HTTP_OK_MAX = 299;

type RawContext = HandlerExecutionContext & { [RAW_BODY]?: unknown };

interface RawResponse {
  statusCode?: number;
  body?: unknown;
}

async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function captureMiddleware(next: Handler, context: RawContext) {
  return async (args: unknown) => {
    const result = await next(args);
    const response = result.response as RawResponse | undefined;
    const status = response?.statusCode ?? 0;
    if (!response || status < HTTP_OK_MIN || status > HTTP_OK_MAX) return result;
    const bytes = await readBody(response.body);
    if (!bytes) return result;
    // Hand the deserializer the same bytes, already collected (smithy's collectBody accepts them).
    response.body = bytes;
    try {
      context[RAW_BODY] = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      // Not JSON: the SDK's own deserializer reports it as it always does.
    }
    return result;
  };
}

function mergeMiddleware(next: Handler, context: RawContext) {
  return async (args: unknown) => {
    const result = await next(args);
    const raw = context[RAW_BODY];
    if (raw !== undefined) if (isRecord(result.output)) mergeUnmodelled(result.output, raw);
    return result;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Adds members of `raw` that `target` lacks; recurses into objects and arrays both have. */
export function mergeUnmodelled(target: Record<string, unknown>, raw: unknown): void {
  if (!isRecord(raw)) return;
  for (const [key, value] of Object.entries(raw)) {
    const existing = target[key];
    if (existing === undefined) {
      target[key] = value;
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      existing.forEach((item, index) => {
        if (isRecord(item)) mergeUnmodelled(item, value[index]);
      });
    } else if (isRecord(existing)) {
      mergeUnmodelled(existing, value);
    }
  }
}

/** Adds both middlewares to a client: `installRawFields(client.middlewareStack)`. */
export function installRawFields(stack: MiddlewareStackLike): void {
  stack.add(mergeMiddleware as never, {
    step: 'initialize',
    name: 'canaryGateMergeRawFields',
    override: true,
  });
  stack.addRelativeTo(captureMiddleware as never, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'canaryGateCaptureRawBody',
    override: true,
  });
}
