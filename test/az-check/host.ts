import type { Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import type { Annotation } from '../../core/report/annotations.js';

/** A Host that records everything a gate does, for assertions. */
export interface RecordingHost extends Host {
  log: MemoryLogger;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summary: string[];
  secrets: string[];
}

export function recordingHost(
  values: Record<string, string>,
  workspace: string,
  env: NodeJS.ProcessEnv = {},
): RecordingHost {
  const outputs: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const summary: string[] = [];
  const secrets: string[] = [];
  return {
    inputs: new Inputs(mapInputReader(values)),
    log: new MemoryLogger(),
    env: { RUNNER_TEMP: `${workspace}/.runner-temp`, ...env },
    workspace,
    outputs,
    annotations,
    summary,
    secrets,
    setOutput: (name, value) => {
      outputs[name] = String(value);
    },
    annotate: (annotation) => {
      annotations.push(annotation);
    },
    appendSummary: async (markdown) => {
      summary.push(markdown);
    },
    saveState: () => {},
    getState: () => '',
    setSecret: (value) => {
      secrets.push(value);
    },
    signal: new AbortController().signal,
  };
}
