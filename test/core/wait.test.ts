import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../core/clock.js';
import { MemoryLogger } from '../../core/log.js';
import { fullJitterBackoffMs, WaitFailedError, waitFor } from '../../core/wait.js';

const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

function scripted<T>(values: (T | Error)[]) {
  let index = 0;
  return async () => {
    const value = values[Math.min(index, values.length - 1)]!;
    index += 1;
    if (value instanceof Error) throw value;
    return value;
  };
}

function baseOptions(clock: VirtualClock, log: MemoryLogger) {
  return {
    what: 'experiment EXP1 to end',
    done: (state: string) => state === 'completed',
    describe: (state: string) => `state ${state}`,
    intervalMs: 15_000,
    timeoutMs: 600_000,
    log,
    clock,
    sleep: clock.sleep,
  };
}

describe('waitFor', () => {
  it('polls once per interval until done', async () => {
    const clock = new VirtualClock();
    const result = await waitFor({
      ...baseOptions(clock, new MemoryLogger()),
      poll: scripted(['pending', 'running', 'running', 'completed']),
    });
    expect(result).toEqual({ status: 'done', value: 'completed', polls: 4 });
    expect(clock.now()).toBe(45_000);
  });

  it('times out with the last state seen, polling at the deadline', async () => {
    const clock = new VirtualClock();
    const result = await waitFor({
      ...baseOptions(clock, new MemoryLogger()),
      timeoutMs: 40_000,
      poll: scripted(['running']),
    });
    expect(result.status).toBe('timeout');
    expect(result).toMatchObject({ last: 'running' });
    expect(clock.now()).toBe(40_000);
  });

  it('logs progress at most once a minute, naming what it waits for and the last state', async () => {
    const clock = new VirtualClock();
    const log = new MemoryLogger();
    await waitFor({ ...baseOptions(clock, log), timeoutMs: 300_000, poll: scripted(['running']) });
    const progress = log.lines.filter((line) => line.startsWith('Still waiting'));
    // At 1, 2, 3 and 4 minutes; at 5 the deadline ends the wait instead.
    expect(progress).toHaveLength(4);
    expect(progress[0]).toBe('Still waiting for experiment EXP1 to end (1m elapsed, 4m left): state running');
  });

  it('backs off on throttling and carries on', async () => {
    const clock = new VirtualClock();
    const log = new MemoryLogger();
    const result = await waitFor({
      ...baseOptions(clock, log),
      random: () => 0.5,
      poll: scripted<string>([throttle(), throttle(), 'completed']),
    });
    expect(result.status).toBe('done');
    expect(log.lines.filter((line) => line.includes('ThrottlingException'))).toHaveLength(2);
  });

  it('gives up with the cause when faults persist', async () => {
    const clock = new VirtualClock();
    const promise = waitFor({
      ...baseOptions(clock, new MemoryLogger()),
      maxTransientFailures: 3,
      poll: scripted<string>([throttle()]),
    });
    await expect(promise).rejects.toBeInstanceOf(WaitFailedError);
    await expect(promise).rejects.toThrow(
      'after 4 failed polls in a row: ThrottlingException: Rate exceeded',
    );
  });

  it('rethrows errors that are not transient at once', async () => {
    const clock = new VirtualClock();
    const denied = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    await expect(
      waitFor({ ...baseOptions(clock, new MemoryLogger()), poll: scripted<string>([denied]) }),
    ).rejects.toBe(denied);
  });

  it('returns aborted with the last state when the signal fires', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    let polls = 0;
    const result = await waitFor({
      ...baseOptions(clock, new MemoryLogger()),
      signal: controller.signal,
      poll: async () => {
        polls += 1;
        if (polls === 2) controller.abort(new Error('SIGINT'));
        return 'running';
      },
    });
    expect(result).toMatchObject({ status: 'aborted', last: 'running', polls: 2 });
  });

  it('keeps full-jitter backoff within the capped exponential step', () => {
    expect(fullJitterBackoffMs(1, 30_000, () => 0.999)).toBeLessThan(2_000);
    expect(fullJitterBackoffMs(10, 30_000, () => 0.999)).toBeLessThan(30_000);
    expect(fullJitterBackoffMs(3, 30_000, () => 0)).toBe(0);
  });
});
