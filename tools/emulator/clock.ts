/** Time as the emulator sees it (epoch ms). Scenario times resolve against it. */
export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

/** A clock that moves only when a test says so: experiment and canary timelines replay instantly. */
export class ManualClock implements Clock {
  private current: number;

  constructor(startMs: number = Date.UTC(2025, 0, 15, 12, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * Real time, `speed` times faster from `startMs` on: `npm run emulator -- --speed 10` lets a person
 * watch the five-minute "completes" experiment finish in thirty seconds. Every time the emulator
 * shows (experiment and run times, the HTTP Date header) reads this clock, so they stay consistent.
 */
export class ScaledClock implements Clock {
  constructor(
    readonly speed: number,
    private readonly startMs: number = Date.now(),
  ) {
    if (!Number.isFinite(speed) || speed <= 0)
      throw new Error(`speed must be a positive number, got ${speed}`);
  }

  now(): number {
    return this.startMs + Math.round((Date.now() - this.startMs) * this.speed);
  }
}

export function isManualClock(clock: Clock): clock is ManualClock {
  return clock instanceof ManualClock;
}
