import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs, mapInputReader, runnerInputReader } from '../../core/inputs.js';

const inputs = (values: Record<string, string>) => new Inputs(mapInputReader(values));

function errorOf(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('Inputs', () => {
  it('reads INPUT_* variables the way the runner names them', () => {
    const read = runnerInputReader({ 'INPUT_EXPERIMENT-TEMPLATE-ID': ' EXT123 ', INPUT_MY_INPUT: 'x' });
    const parsed = new Inputs(read);
    expect(parsed.required('experiment-template-id')).toBe('EXT123');
    expect(parsed.required('my input')).toBe('x');
  });

  it('treats empty strings as absent and names a missing required input', () => {
    expect(inputs({ region: '   ' }).optional('region')).toBeUndefined();
    expect(errorOf(() => inputs({}).required('canaries')).message).toBe(
      'Input required and not supplied: canaries',
    );
  });

  it('accepts only YAML 1.2 core booleans', () => {
    expect(inputs({ wait: 'True' }).boolean('wait', false)).toBe(true);
    expect(inputs({ wait: 'FALSE' }).boolean('wait', true)).toBe(false);
    expect(inputs({}).boolean('wait', true)).toBe(true);
    expect(errorOf(() => inputs({ wait: 'yes' }).boolean('wait', true)).message).toBe(
      "Invalid wait 'yes': use true or false",
    );
  });

  it('parses integers within a range and explains the range', () => {
    expect(inputs({ 'min-runs': '3' }).integer('min-runs', 1, { min: 1 })).toBe(3);
    expect(errorOf(() => inputs({ pct: '101' }).integer('pct', 100, { min: 0, max: 100 })).message).toBe(
      "Invalid pct '101': use a whole number from 0 to 100",
    );
    expect(errorOf(() => inputs({ n: '2.5' }).integer('n', 1)).message).toBe(
      "Invalid n '2.5': use a whole number",
    );
    expect(inputs({}).optionalInteger('max-commits', { min: 1 })).toBeUndefined();
  });

  it('checks enumerations and lists the accepted words', () => {
    const allowed = ['fail', 'pass', 'neutral'] as const;
    expect(inputs({ 'on-timeout': 'pass' }).enumeration('on-timeout', allowed, 'fail')).toBe('pass');
    expect(
      errorOf(() => inputs({ 'on-timeout': 'ok' }).enumeration('on-timeout', allowed, 'fail')).message,
    ).toBe("Invalid on-timeout 'ok': use one of fail, pass, neutral");
  });

  it('splits lists on newlines and commas, dropping blanks and comments', () => {
    expect(inputs({ canaries: 'a, b\n\n# comment\n c \n' }).list('canaries')).toEqual(['a', 'b', 'c']);
    expect(inputs({}).list('canaries')).toEqual([]);
  });

  it('validates each item of an enum list', () => {
    const allowed = ['completed', 'failed'] as const;
    expect(inputs({ o: 'completed\nfailed' }).enumList('o', allowed, ['completed'])).toEqual([
      'completed',
      'failed',
    ]);
    expect(errorOf(() => inputs({ o: 'completed, done' }).enumList('o', allowed, [])).message).toBe(
      "Invalid o 'done': use one or more of completed, failed",
    );
  });

  it('parses Key=Value maps, keeping = inside values', () => {
    expect(inputs({ tags: 'Team=payments\nQuery=a=b' }).map('tags')).toEqual({
      Team: 'payments',
      Query: 'a=b',
    });
    expect(errorOf(() => inputs({ tags: 'oops' }).map('tags')).message).toBe(
      "Invalid tags 'oops': use Key=Value, one per line",
    );
    expect(errorOf(() => inputs({ tags: '=x' }).map('tags')).message).toContain("Invalid tags '=x'");
  });

  it('refuses a key given twice in a Key=Value map instead of keeping the last value', () => {
    expect(errorOf(() => inputs({ tags: 'Team=payments\nTeam=search' }).map('tags')).message).toBe(
      "Invalid tags 'Team=search': the key Team is already given (each key takes one value)",
    );
  });

  it('parses durations with a minimum', () => {
    expect(inputs({ timeout: '1h30m' }).duration('timeout', '30m')).toBe(5_400_000);
    expect(inputs({}).duration('timeout', '30m')).toBe(1_800_000);
    expect(errorOf(() => inputs({ timeout: '5x' }).duration('timeout', '30m')).message).toBe(
      "Invalid timeout '5x': use a duration like 90s, 15m, 1h30m or PT15M",
    );
    expect(
      errorOf(() =>
        inputs({ 'poll-interval': '1s' }).duration('poll-interval', '15s', { minMs: 5000, minText: '5s' }),
      ).message,
    ).toBe("Invalid poll-interval '1s': use at least 5s");
  });
});

describe('one contract per kind of list input', () => {
  it('lines(): one item per line, commas kept, comments and blanks dropped', () => {
    expect(inputs({ x: 'a, b\n\n# note\n c \n' }).lines('x')).toEqual(['a, b', 'c']);
    expect(inputs({}).lines('x')).toEqual([]);
  });

  it('list(): a comma inside braces or brackets belongs to the item (a-{b,c} is one glob)', () => {
    expect(inputs({ x: 'a-{b,c}, d\n[x,y]*\ne' }).list('x')).toEqual(['a-{b,c}', 'd', '[x,y]*', 'e']);
    // A newline always ends an item: an unclosed brace never swallows the next line.
    expect(inputs({ x: 'a-{b\nc' }).list('x')).toEqual(['a-{b', 'c']);
  });

  it('alarmNames(): one per line, since PutMetricAlarm allows commas in a name; each once', () => {
    expect(inputs({ x: 'api 5xx, prod\nlatency\nlatency\n' }).alarmNames('x')).toEqual([
      'api 5xx, prod',
      'latency',
    ]);
    expect(() => inputs({ x: 'a'.repeat(256) }).alarmNames('x')).toThrow(
      /^Invalid x 'a+': use CloudWatch alarm names of at most 255 characters, one per line$/,
    );
  });
});
