/**
 * The one "read every page" loop for AWS list and describe calls. A cap on pages turns a service
 * that hands back a NextToken forever into an error instead of a gate that hangs until its timeout.
 */
export const DEFAULT_MAX_PAGES = 1_000;

export interface Page<T> {
  items: readonly T[] | undefined;
  next: string | undefined;
}

/**
 * Every page of a list, in order. `fetchPage` ends the list early by returning no `next` (a reader
 * that has seen enough). A token seen before means the service is going round in circles: an
 * error at once, rather than `maxPages` identical calls.
 */
export async function collectPages<T>(
  operation: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const { items, next } = await fetchPage(token);
    if (items) all.push(...items);
    if (!next) return all;
    if (seen.has(next)) {
      throw new PagingError(
        `${operation} returned a NextToken it had already returned (page ${page + 1}): the list never ends, so the gate stopped reading it`,
      );
    }
    seen.add(next);
    token = next;
  }
  throw new PagingError(`${operation} still had more pages after ${maxPages} (NextToken never ran out)`);
}

/** A list AWS would not finish: never transient, never retried. */
export class PagingError extends Error {
  override readonly name = 'PagingError';
}
