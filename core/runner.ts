import * as actionsCore from '@actions/core';
import { cancelOnSignals } from './cancel.js';
import { failureMessage, isConfigurationError, isUserFacingAwsError } from './errors.js';
import { exitSoonIfSomethingLingers } from './exit.js';
import type { GateOutcome, Host } from './host.js';
import { Inputs, runnerInputReader } from './inputs.js';
import type { Annotation } from './report/annotations.js';

/**
 * The GitHub runner side of a gate: inputs from INPUT_*, outputs to GITHUB_OUTPUT, the summary to
 * GITHUB_STEP_SUMMARY, annotations as workflow commands. Entry points call runAction() and nothing
 * else.
 */
export function runnerHost(signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Host {
  return {
    inputs: new Inputs(runnerInputReader(env)),
    log: {
      info: (line) => actionsCore.info(line),
      warning: (line) => actionsCore.warning(line),
      debug: (line) => actionsCore.debug(line),
    },
    env,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    setOutput: (name, value) => actionsCore.setOutput(name, value),
    annotate: (annotation) => annotateOnRunner(annotation),
    appendSummary: async (markdown) => {
      // Outside a runner (no GITHUB_STEP_SUMMARY) the summary has nowhere to go: log it instead.
      if (!env.GITHUB_STEP_SUMMARY) {
        actionsCore.info(markdown);
        return;
      }
      await actionsCore.summary.addRaw(markdown, true).write();
    },
    saveState: (name, value) => actionsCore.saveState(name, value),
    getState: (name) => actionsCore.getState(name),
    setSecret: (value) => actionsCore.setSecret(value),
    signal,
  };
}

function annotateOnRunner(annotation: Annotation): void {
  const properties: actionsCore.AnnotationProperties = {
    title: annotation.title,
    file: annotation.file,
    startLine: annotation.startLine,
    endLine: annotation.endLine,
    startColumn: annotation.startColumn,
    endColumn: annotation.endColumn,
  };
  if (annotation.level === 'error') actionsCore.error(annotation.message, properties);
  else if (annotation.level === 'warning') actionsCore.warning(annotation.message, properties);
  else actionsCore.notice(annotation.message, properties);
}

/**
 * Runs a gate as a step: user mistakes fail in one line with no stack; internal errors keep
 * their stack in the debug log; a failed verdict fails the step with its reason.
 */
export async function runAction(gate: (host: Host) => Promise<GateOutcome>): Promise<void> {
  const cancellation = cancelOnSignals();
  try {
    const outcome = await gate(runnerHost(cancellation.signal));
    if (outcome.result === 'fail') actionsCore.setFailed(outcome.summaryLine);
    else actionsCore.info(outcome.summaryLine);
  } catch (error) {
    actionsCore.setFailed(failureMessage(error));
    const expected = isConfigurationError(error) || isUserFacingAwsError(error);
    if (!expected && error instanceof Error && error.stack) actionsCore.debug(error.stack);
  } finally {
    cancellation.dispose();
    exitSoonIfSomethingLingers();
  }
}
