import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['2d', 172_800_000],
    ['1.5m', 90_000],
    ['PT15M', 900_000],
    ['pt1h2m3s', 3_723_000],
    ['P1DT2H', 93_600_000],
    ['PT0.5S', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', '5x', 'm5', 'P', 'PT', '1h 30m', '-5s', 'P1M2'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('round-trips any whole number of seconds through the compact form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(parseDuration(`${seconds}s`)).toBe(seconds * 1000);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [61_000, '1m 1s'],
    [3_600_000, '1h'],
    [5_430_000, '1h 30m 30s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
