import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ncc from '@vercel/ncc';

/**
 * Every bundle the repository commits: each action's main (and post) entry, and the CLI.
 * Shared by build.js and check-dist.js so both always agree on what is built.
 */
export const ROOT = new URL('..', import.meta.url).pathname;
const ENTRY_KINDS = [
  { source: 'main.ts', output: '' },
  { source: 'post.ts', output: 'post' },
];

export function bundleEntries() {
  const entries = [];
  for (const name of readdirSync(join(ROOT, 'actions')).sort()) {
    for (const kind of ENTRY_KINDS) {
      const source = join(ROOT, 'actions', name, 'src', kind.source);
      if (existsSync(source)) entries.push({ source, outDir: join('actions', name, 'dist', kind.output) });
    }
  }
  entries.push({ source: join(ROOT, 'cli', 'index.ts'), outDir: join('cli', 'dist') });
  return entries;
}

/** Files of one bundle: relative path -> contents. */
export async function buildBundle(entry) {
  const { code, assets } = await ncc(entry.source, {
    minify: false,
    sourceMap: false,
    target: 'es2022',
    quiet: true,
    // The emulator and test helpers must never end up in a shipped bundle.
    externals: [],
  });
  const files = new Map([['index.js', code]]);
  for (const [name, asset] of Object.entries(assets ?? {})) files.set(name, asset.source);
  return files;
}

/** Runs `task` over items, at most `limit` at a time (two cores: two ncc builds at once). */
export async function mapLimited(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
