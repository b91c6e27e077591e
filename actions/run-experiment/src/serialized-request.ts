/**
 * The FIS client the registry serves (@aws-sdk/client-fis 3.523.0) predates fields the FIS API
 * takes (StartExperiment's `experimentOptions.actionsMode`, ListExperiments' `experimentTemplateId`)
 * and its serializer drops them. One way to add such a field, for every command that needs one: a
 * middleware right after serialization, before the build step (content-length) and signing, so
 * the request is signed as sent.
 */
export interface SerializedRequest {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | string[]>;
}

interface CommandWithStack {
  middlewareStack: {
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware types differ per command.
    addRelativeTo(middleware: any, options: any): void;
  };
}

/** Runs `rewrite` on one command's serialized request (the command only, not the whole client). */
export function rewriteSerializedRequest(
  command: CommandWithStack,
  name: string,
  rewrite: (request: SerializedRequest) => void,
): void {
  type Next = (args: { request: unknown }) => Promise<unknown>;
  const middleware = (next: Next) => async (args: { request: unknown }) => {
    rewrite(args.request as SerializedRequest);
    return next(args);
  };
  command.middlewareStack.addRelativeTo(middleware, {
    relation: 'after',
    toMiddleware: 'serializerMiddleware',
    name,
    override: true,
  });
}
