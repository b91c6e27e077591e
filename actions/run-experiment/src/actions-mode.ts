import type { StartExperimentCommand } from '@aws-sdk/client-fis';

/**
 * `experimentOptions.actionsMode` (run-all | skip-all) arrived in the FIS API after the newest
 * @aws-sdk/client-fis the registry serves (3.523.0), whose serializer drops unknown fields. This
 * middleware writes it into the serialized JSON body of StartExperiment, after serialization and
 * before the build step (content-length) and signing, so the request is signed as sent.
 */
export type ActionsMode = 'run-all' | 'skip-all';

export const ACTIONS_MODE_MIDDLEWARE = 'resilienceGatesActionsMode';

interface HttpRequestLike {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Adds `experimentOptions.actionsMode` to a serialized StartExperiment body. */
export function withActionsMode(body: string, mode: ActionsMode): string {
  const parsed = JSON.parse(body === '' ? '{}' : body) as Record<string, unknown>;
  const options = (parsed.experimentOptions ?? {}) as Record<string, unknown>;
  parsed.experimentOptions = { ...options, actionsMode: mode };
  return JSON.stringify(parsed);
}

/** Applies the mode to one command (not the whole client: only StartExperiment has the field). */
export function addActionsMode(command: StartExperimentCommand, mode: ActionsMode): void {
  type Next = (args: { request: unknown }) => Promise<unknown>;
  const middleware = (next: Next) => async (args: { request: unknown }) => {
    const request = (args as { request: HttpRequestLike }).request;
    if (typeof request.body === 'string') {
      const body = withActionsMode(request.body, mode);
      request.body = body;
      // The build step computes content-length after this, but a header already set would be stale.
      if (request.headers?.['content-length'] !== undefined) {
        request.headers['content-length'] = String(Buffer.byteLength(body));
      }
    }
    return next(args);
  };
  // A serialize-step middleware; the stack's union type cannot infer which step from a lambda.
  command.middlewareStack.addRelativeTo(middleware as unknown as RelativeMiddleware, {
    relation: 'after',
    toMiddleware: 'serializerMiddleware',
    name: ACTIONS_MODE_MIDDLEWARE,
    override: true,
  });
}

type RelativeMiddleware = Parameters<StartExperimentCommand['middlewareStack']['addRelativeTo']>[0];
