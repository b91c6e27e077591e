/** Small collection helpers the gates share. */

/** Splits `items` into consecutive slices of at most `size` (AWS calls that take N names each). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  // A size below 1 would loop forever (or never advance): a programming error, not input.
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The distinct items, in first-seen order. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * `task` over every item with at most `limit` running at once, results in input order: enough
 * parallelism to hide round trips, little enough not to trip an API's throttling.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
