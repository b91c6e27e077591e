/**
 * Job cancellation on GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills the process 2.5 s
 * after that. Turning the first signal into an AbortSignal gives a gate those seconds to clean up
 * (stop an experiment) instead of dying mid-request.
 */
export const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type CancelSignal = (typeof CANCEL_SIGNALS)[number];

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(readonly signal: string) {
    super(`Cancelled by ${signal}`);
  }
}

export interface Cancellation {
  signal: AbortSignal;
  /** Removes the handlers so the process can exit normally. */
  dispose(): void;
}

export function cancelOnSignals(target: NodeJS.Process = process): Cancellation {
  const controller = new AbortController();
  const handler = (name: CancelSignal) => {
    if (!controller.signal.aborted) controller.abort(new CancelledError(name));
  };
  for (const name of CANCEL_SIGNALS) target.on(name, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of CANCEL_SIGNALS) target.off(name, handler);
    },
  };
}

/** The name of the signal an AbortSignal was cancelled by, when it was. */
export function cancelReason(signal: AbortSignal | undefined): string | undefined {
  if (!signal?.aborted) return undefined;
  const reason: unknown = signal.reason;
  return reason instanceof CancelledError ? reason.signal : String(reason);
}
