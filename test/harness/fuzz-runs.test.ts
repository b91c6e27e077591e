import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFuzz, fuzzRuns, shareOf } from './fuzz-runs.js';

describe('the fuzz run count', () => {
  it('is the full 10,000 in CI and a quick 500 elsewhere', () => {
    expect(fuzzRuns({ CI: 'true' })).toBe(10_000);
    expect(fuzzRuns({})).toBe(500);
  });

  it('FUZZ_RUNS overrides both', () => {
    expect(fuzzRuns({ CI: 'true', FUZZ_RUNS: '200' })).toBe(200);
    expect(fuzzRuns({ FUZZ_RUNS: ' 20000 ' })).toBe(20_000);
  });

  it('refuses a FUZZ_RUNS that is not a positive whole number', () => {
    for (const bad of ['0', '-5', '1.5', 'many']) {
      expect(() => fuzzRuns({ FUZZ_RUNS: bad })).toThrow(
        `FUZZ_RUNS must be a positive whole number, got '${bad}'`,
      );
    }
  });

  it('splits a total into shares of at least one run', () => {
    expect(shareOf(10_000, 0.4)).toBe(4_000);
    expect(shareOf(1, 0.4)).toBe(1);
  });

  it('assertFuzz lets the event loop run while it checks (the worker keeps answering Vitest)', async () => {
    let timerFiredAt: number | undefined;
    let runs = 0;
    setTimeout(() => {
      timerFiredAt = runs;
    }, 0);
    await assertFuzz(
      fc.integer(),
      () => {
        runs += 1;
      },
      1_000,
    );
    expect(runs).toBe(1_000);
    // A macrotask ran before the last check: the loop yielded, it did not hold the thread.
    expect(timerFiredAt).toBeLessThan(1_000);
  });

  it('assertFuzz fails on a counterexample', async () => {
    await expect(
      assertFuzz(
        fc.integer({ min: 0, max: 10 }),
        (n) => {
          if (n > 5) throw new Error('too big');
        },
        200,
      ),
    ).rejects.toThrow(/Property failed/);
  });
});
