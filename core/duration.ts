/**
 * Durations as people write them in workflow files: `90s`, `15m`, `1h30m`, `500ms`, `2d`, or
 * ISO-8601 `PT15M` / `P1DT2H`. A bare number is refused: `30` could mean seconds or minutes.
 */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const COMPACT_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const COMPACT_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const ISO_PATTERN =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const DURATION_FORMS = 'use a duration like 90s, 15m, 1h30m or PT15M';

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (COMPACT_PATTERN.test(value)) return sumCompact(value);
  const upper = value.toUpperCase();
  if (upper === 'P' || upper.endsWith('T')) return undefined;
  const iso = ISO_PATTERN.exec(upper);
  if (!iso) return undefined;
  const [, days, hours, minutes, seconds] = iso;
  return (
    toNumber(days) * UNIT_MS.d! +
    toNumber(hours) * UNIT_MS.h! +
    toNumber(minutes) * UNIT_MS.m! +
    toNumber(seconds) * UNIT_MS.s!
  );
}

function sumCompact(value: string): number {
  let total = 0;
  for (const [, amount, unit] of value.matchAll(COMPACT_PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return Math.round(total);
}

function toNumber(part: string | undefined): number {
  return part === undefined ? 0 : Number(part);
}

/** `1h 2m 3s` style, for logs and summaries; sub-second values keep milliseconds. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))}ms`;
  let rest = Math.round(ms / 1_000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`);
  return parts.join(' ');
}
