import type { ExperimentDeps } from '../../actions/run-experiment/src/experiment.js';
import { type RunExperimentSettings, readSettings } from '../../actions/run-experiment/src/settings.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import { emulatorClients } from '../emulator/clients.js';
import {
  type Emulator,
  type ExperimentTemplateSpec,
  type ExperimentTimeline,
  ManualClock,
  type Scenario,
  startEmulator,
} from '../emulator/index.js';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;

/** The environment a GitHub runner gives the step (the parts the action reads). */
export const RUN_ENV = {
  GITHUB_REPOSITORY: 'octo-org/shop',
  GITHUB_WORKFLOW: 'deploy',
  GITHUB_RUN_ID: '1234567890',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'gate',
  GITHUB_ACTION: '__run',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
} as const;

export const STOP_ALARM = 'checkout-api-5xx';

/** A template with two targets' worth of tasks, two actions and one stop-condition alarm. */
export function template(
  id: string,
  timeline: ExperimentTimeline,
  extra: Partial<ExperimentTemplateSpec> = {},
) {
  return {
    id,
    description: `${id} description`,
    tags: { Name: id, team: 'checkout' },
    targets: {
      'api-tasks': {
        resourceType: 'aws:ecs:task',
        resourceArns: [
          'arn:aws:ecs:us-east-1:123456789012:task/checkout/0a1b2c3d4e5f',
          'arn:aws:ecs:us-east-1:123456789012:task/checkout/6f7e8d9c0b1a',
        ],
        selectionMode: 'ALL',
      },
    },
    actions: {
      'inject-latency': { actionId: 'aws:ecs:task-network-latency', targets: { Tasks: 'api-tasks' } },
      'stress-cpu': { actionId: 'aws:ecs:task-cpu-stress', targets: { Tasks: 'api-tasks' } },
    },
    stopConditionAlarms: [STOP_ALARM],
    timeline,
    ...extra,
  } satisfies ExperimentTemplateSpec;
}

export function scenario(templates: ExperimentTemplateSpec[], extra: Partial<Scenario> = {}): Scenario {
  return {
    name: 'run-experiment',
    experimentTemplates: templates,
    alarms: [{ name: STOP_ALARM }, { name: 'checkout-latency-p99' }, ...(extra.alarms ?? [])],
    ...(extra.canaries ? { canaries: extra.canaries } : {}),
    ...(extra.policy ? { policy: extra.policy } : {}),
  };
}

export interface World {
  emu: Emulator;
  clock: ManualClock;
  log: MemoryLogger;
  deps: ExperimentDeps;
  started: string[];
  finished: string[];
  controller: AbortController;
  /** Runs `action` once the emulator clock reaches `atMs` after the start (from inside sleep). */
  at(atMs: number, action: () => void): void;
}

/**
 * The domain with REAL SDK clients over HTTP to the emulator, and a ManualClock that moves only
 * when the gate sleeps: a 30-minute experiment replays in milliseconds.
 */
export async function world(scenarioValue: Scenario): Promise<World> {
  const clock = new ManualClock();
  const begin = clock.now();
  const emu = await startEmulator({ scenario: scenarioValue, clock });
  const log = new MemoryLogger();
  const started: string[] = [];
  const finished: string[] = [];
  const controller = new AbortController();
  const hooks: { atMs: number; action: () => void }[] = [];
  const deps: ExperimentDeps = {
    ...emulatorClients(emu, { maxAttempts: 3, retryDelayMs: 1 }),
    clock,
    log,
    signal: controller.signal,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      const target = clock.now() + ms;
      // Fire hooks due inside this sleep at their own time, as a real interruption would.
      for (const hook of [...hooks].sort((a, b) => a.atMs - b.atMs)) {
        if (begin + hook.atMs <= target) {
          hooks.splice(hooks.indexOf(hook), 1);
          clock.set(Math.max(clock.now(), begin + hook.atMs));
          hook.action();
          if (signal?.aborted) throw signal.reason;
        }
      }
      clock.set(target);
      await Promise.resolve();
    },
    onStarted: (id) => started.push(id),
    onFinished: (id) => finished.push(id),
  };
  return {
    emu,
    clock,
    log,
    deps,
    started,
    finished,
    controller,
    at: (atMs, action) => hooks.push({ atMs, action }),
  };
}

export function settings(
  inputs: Record<string, string>,
  env: Record<string, string> = { ...RUN_ENV },
): RunExperimentSettings {
  return readSettings(new Inputs(mapInputReader({ region: 'us-east-1', ...inputs })), env);
}
