/**
 * The one "read every page" loop for AWS list and describe calls. A cap on pages turns a service
 * that hands back a NextToken forever into an error instead of a gate that hangs until its timeout.
 */
export const DEFAULT_MAX_PAGES = 1_000;

export interface Page<T> {
  items: readonly T[] | undefined;
  next: string | undefined;
}

export async function collectPages<T>(
  operation: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const { items, next } = await fetchPage(token);
    if (items) all.push(...items);
    if (!next) return all;
    token = next;
  }
  throw new Error(`${operation} still had more pages after ${maxPages}`);
}
