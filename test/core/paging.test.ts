import { describe, expect, it } from 'vitest';
import { collectPages } from '../../core/paging.js';

describe('collectPages', () => {
  it('follows tokens until a page has none, keeping order', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      start: { items: [1, 2], next: 'b' },
      b: { items: [], next: 'c' },
      c: { items: [3] },
    };
    const seen: (string | undefined)[] = [];
    const all = await collectPages('ListThings', async (token) => {
      seen.push(token);
      const page = pages[token ?? 'start']!;
      return { items: page.items, next: page.next };
    });
    expect(all).toEqual([1, 2, 3]);
    expect(seen).toEqual([undefined, 'b', 'c']);
  });

  it('refuses a service that never stops paging', async () => {
    await expect(collectPages('ListForever', async () => ({ items: [1], next: 'again' }), 3)).rejects.toThrow(
      'ListForever still had more pages after 3',
    );
  });
});
