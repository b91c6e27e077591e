import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SyntheticsClient } from '@aws-sdk/client-synthetics';
import { installRawFields } from '../../actions/canary-gate/src/raw-fields.js';
import { type CanaryGateSettings, readSettings } from '../../actions/canary-gate/src/settings.js';
import { evaluateCanaries, type GateReport } from '../../actions/canary-gate/src/watch.js';
import type { Sleep } from '../../core/clock.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import {
  DEFAULT_CREDENTIALS,
  type Emulator,
  ManualClock,
  type Scenario,
  startEmulator,
} from '../emulator/index.js';

export const MINUTE_MS = 60_000;
export const SECOND_MS = 1_000;

/** An emulator on a ManualClock: the gate's sleep moves the clock, so long waits replay instantly. */
export async function manualEmulator(scenario: Scenario): Promise<{ emu: Emulator; clock: ManualClock }> {
  const clock = new ManualClock();
  const emu = await startEmulator({ scenario, clock });
  return { emu, clock };
}

export function settingsFor(emu: Emulator, values: Record<string, string>, now: number): CanaryGateSettings {
  const inputs = new Inputs(
    mapInputReader({ 'endpoint-url': emu.url, region: 'us-east-1', 'max-attempts': '1', ...values }),
  );
  return readSettings(inputs, {}, now);
}

/** Real SDK clients over HTTP to the emulator, with the gate's raw-field middleware. */
export function clientsFor(emu: Emulator, maxAttempts = 1) {
  const config = {
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { ...DEFAULT_CREDENTIALS },
    maxAttempts,
  };
  const synthetics = new SyntheticsClient(config);
  installRawFields(synthetics.middlewareStack);
  return { synthetics, cloudwatch: new CloudWatchClient(config) };
}

export interface GateRun {
  report: GateReport;
  log: MemoryLogger;
  /** Emulator clock times at which the gate slept, i.e. the poll boundaries. */
  sleeps: number[];
}

/** Runs the domain entry against the emulator; every sleep advances the emulator's ManualClock. */
export async function runGate(
  emu: Emulator,
  clock: ManualClock,
  values: Record<string, string>,
  options: { signal?: AbortSignal; onSleep?: (now: number) => void } = {},
): Promise<GateRun> {
  const settings = settingsFor(emu, values, clock.now());
  const { synthetics, cloudwatch } = clientsFor(emu);
  const log = new MemoryLogger();
  const sleeps: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    if (signal?.aborted) throw signal.reason;
    sleeps.push(clock.now());
    emu.advance(ms);
    options.onSleep?.(clock.now());
  };
  try {
    const report = await evaluateCanaries(
      {
        synthetics,
        cloudwatch,
        clock,
        sleep,
        log,
        random: () => 0.5,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      settings,
    );
    return { report, log, sleeps };
  } finally {
    synthetics.destroy();
    cloudwatch.destroy();
  }
}

export function passing(count: number, everyMs = 5 * MINUTE_MS) {
  return Array.from({ length: count }, (_, index) => ({
    startedAtMs: -(index + 1) * everyMs,
    durationMs: 18_000,
    state: 'PASSED' as const,
  }));
}

/** A scripted run outcome that passes after `durationMs`. */
export const passedOutcome = (durationMs = 10 * SECOND_MS) => ({ state: 'PASSED' as const, durationMs });

/** A scripted run outcome that fails with `reason` after `durationMs`. */
export const failedOutcome = (reason: string, durationMs = 10 * SECOND_MS) => ({
  state: 'FAILED' as const,
  reason,
  durationMs,
});
