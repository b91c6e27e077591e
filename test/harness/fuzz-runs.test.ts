import { describe, expect, it } from 'vitest';
import { fuzzRuns, shareOf } from './fuzz-runs.js';

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
});
