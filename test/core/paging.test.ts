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
    let page = 0;
    const forever = async () => {
      page += 1;
      return { items: [page], next: `token-${page}` };
    };
    await expect(collectPages('ListForever', forever, 3)).rejects.toThrow(
      'ListForever still had more pages after 3',
    );
    expect(page).toBe(3);
  });

  it('stops at once when a NextToken comes back a second time (issue 9, case 9)', async () => {
    let calls = 0;
    const circular = async () => {
      calls += 1;
      return { items: [calls], next: 'same-token' };
    };
    await expect(collectPages('GetCanaryRuns', circular)).rejects.toMatchObject({
      name: 'PagingError',
      message: expect.stringContaining('GetCanaryRuns returned a NextToken it had already returned'),
    });
    expect(calls).toBe(2);
  });

  it('lets the reader end the list early by returning no token', async () => {
    const all = await collectPages('GetCanaryRuns', async (token) => ({
      items: [token ?? 'first'],
      next: token === undefined ? 'second' : undefined,
    }));
    expect(all).toEqual(['first', 'second']);
  });
});
