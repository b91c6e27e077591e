/**
 * The names the main step and the post step share, in a module that loads nothing: the settings
 * and the gate read them without loading the FIS client that cleanup.ts needs.
 */
export const ACTION_NAME = 'run-experiment';
/** Names in GITHUB_STATE, written by the main step and read by the post step. */
export const STATE_EXPERIMENT_ID = 'experiment-id';
export const STATE_FINISHED_ID = 'finished-experiment-id';
/** Saved just before StartExperiment: the post step can find an experiment whose id never came back. */
export const STATE_CLIENT_TOKEN = 'client-token';
/** The tag the main step puts on every experiment it starts (settings.ts RUN_TAG_KEYS.clientToken). */
export const CLIENT_TOKEN_TAG = 'resilience-gates:client-token';

/** `if-running`: what the gate does when another experiment of the template is in progress. */
export type IfRunning = 'fail' | 'wait';
export const IF_RUNNING_MODES: readonly IfRunning[] = ['fail', 'wait'];

/** True when the main step saved neither an experiment id nor a client token: nothing to stop. */
export function nothingStarted(state: { getState(name: string): string }): boolean {
  return !state.getState(STATE_EXPERIMENT_ID) && !state.getState(STATE_CLIENT_TOKEN);
}
