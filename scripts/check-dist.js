import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, bundleEntries, mapLimited, ROOT } from './bundles.js';

/**
 * Fails when a committed bundle differs from a fresh build of the sources: a stale dist/ would
 * ship behaviour nobody reviewed. Builds in memory and leaves the working tree alone.
 */
const entries = bundleEntries();
const built = await mapLimited(entries, 2, buildBundle);
const stale = [];
for (const [index, entry] of entries.entries()) {
  for (const [name, contents] of built[index]) {
    const path = join(ROOT, entry.outDir, name);
    const committed = existsSync(path) ? readFileSync(path) : undefined;
    if (!committed?.equals(Buffer.from(contents))) stale.push(join(entry.outDir, name));
  }
}
if (stale.length > 0) {
  console.error(
    `Bundles out of date with their sources: ${stale.join(', ')}\nRun 'npm run build' and commit the result.`,
  );
  process.exit(1);
}
console.log(`dist is up to date (${entries.length} bundles)`);
