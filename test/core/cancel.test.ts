import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CancelledError, cancelOnSignals, cancelReason } from '../../core/cancel.js';
import { realSleep, VirtualClock } from '../../core/clock.js';

/** A stand-in for `process` that only knows signals: emitting on it is what the OS would do. */
function fakeProcess(): NodeJS.Process {
  return new EventEmitter() as unknown as NodeJS.Process;
}

describe('cancelOnSignals', () => {
  it('turns the first SIGINT or SIGTERM into an abort that names the signal', () => {
    const target = fakeProcess();
    const cancellation = cancelOnSignals(target);
    expect(cancellation.signal.aborted).toBe(false);
    target.emit('SIGTERM', 'SIGTERM');
    target.emit('SIGINT', 'SIGINT');
    expect(cancellation.signal.aborted).toBe(true);
    expect(cancellation.signal.reason).toBeInstanceOf(CancelledError);
    expect(cancelReason(cancellation.signal)).toBe('SIGTERM');
  });

  it('removes its handlers when disposed', () => {
    const target = fakeProcess();
    const cancellation = cancelOnSignals(target);
    expect((target as unknown as EventEmitter).listenerCount('SIGINT')).toBe(1);
    cancellation.dispose();
    expect((target as unknown as EventEmitter).listenerCount('SIGINT')).toBe(0);
    expect((target as unknown as EventEmitter).listenerCount('SIGTERM')).toBe(0);
  });

  it('has no reason for a signal that did not fire', () => {
    expect(cancelReason(new AbortController().signal)).toBeUndefined();
    expect(cancelReason(undefined)).toBeUndefined();
  });
});

describe('sleeps', () => {
  it('realSleep rejects with the abort reason as soon as the signal fires', async () => {
    const controller = new AbortController();
    const sleeping = realSleep(60_000, controller.signal);
    controller.abort(new CancelledError('SIGINT'));
    await expect(sleeping).rejects.toBeInstanceOf(CancelledError);
    await expect(realSleep(1, controller.signal)).rejects.toBeInstanceOf(CancelledError);
  });

  it('VirtualClock only moves when slept on, and honours aborts', async () => {
    const clock = new VirtualClock(1_000);
    await clock.sleep(15_000);
    expect(clock.now()).toBe(16_000);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(clock.sleep(5_000, controller.signal)).rejects.toThrow('stop');
    expect(clock.now()).toBe(16_000);
  });
});
