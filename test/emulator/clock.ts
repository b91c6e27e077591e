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

export function isManualClock(clock: Clock): clock is ManualClock {
  return clock instanceof ManualClock;
}
