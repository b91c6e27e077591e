import type { StartExperimentCommand } from '@aws-sdk/client-fis';
import { rewriteSerializedRequest } from './serialized-request.js';

/**
 * `experimentOptions.actionsMode` (run-all | skip-all) arrived in the FIS API after the newest
 * @aws-sdk/client-fis the registry serves (3.523.0), whose serializer drops unknown fields: it is
 * written into the serialized JSON body of StartExperiment (see serialized-request.ts).
 */
export type ActionsMode = 'run-all' | 'skip-all';

export const ACTIONS_MODE_MIDDLEWARE = 'resilienceGatesActionsMode';

/** Adds `experimentOptions.actionsMode` to a serialized StartExperiment body. */
export function withActionsMode(body: string, mode: ActionsMode): string {
  const parsed = JSON.parse(body === '' ? '{}' : body) as Record<string, unknown>;
  const options = (parsed.experimentOptions ?? {}) as Record<string, unknown>;
  parsed.experimentOptions = { ...options, actionsMode: mode };
  return JSON.stringify(parsed);
}

/** Applies the mode to one command (not the whole client: only StartExperiment has the field). */
export function addActionsMode(command: StartExperimentCommand, mode: ActionsMode): void {
  rewriteSerializedRequest(command, ACTIONS_MODE_MIDDLEWARE, (request) => {
    if (typeof request.body !== 'string') return;
    const body = withActionsMode(request.body, mode);
    request.body = body;
    // The build step computes content-length after this, but a header already set would be stale.
    if (request.headers?.['content-length'] !== undefined) {
      request.headers['content-length'] = String(Buffer.byteLength(body));
    }
  });
}
