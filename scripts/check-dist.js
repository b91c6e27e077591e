import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildBundle, bundleEntries, isBundleFile, mapLimited, ROOT } from './bundles.js';

/**
 * Fails when a committed bundle differs from a fresh build of the sources: a stale dist/ would
 * ship behaviour nobody reviewed. Builds into a temporary folder and leaves the working tree alone.
 */
const scratch = mkdtempSync(join(tmpdir(), 'rg-check-dist-'));
// The CLI bundle is built on install and pack, not committed: nothing to compare.
const entries = bundleEntries().filter((entry) => entry.committed);
await mapLimited(entries, 2, (entry) => buildBundle(entry, join(scratch, entry.outDir)));

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
}

const stale = [];
for (const entry of entries) {
  const fresh = join(scratch, entry.outDir);
  // A chunk the fresh build no longer makes is stale too (this bundle's files only, not post/).
  const committedDir = join(ROOT, entry.outDir);
  for (const name of existsSync(committedDir) ? readdirSync(committedDir) : []) {
    if (isBundleFile(name) && !existsSync(join(fresh, name))) stale.push(join(entry.outDir, name));
  }
  for (const name of filesUnder(fresh)) {
    const committed = join(ROOT, entry.outDir, name);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(fresh, name)))) {
      stale.push(relative(ROOT, committed));
    }
  }
}
rmSync(scratch, { recursive: true, force: true });
if (stale.length > 0) {
  console.error(
    `Bundles out of date with their sources: ${stale.join(', ')}\nRun 'npm run build' and commit the result.`,
  );
  process.exit(1);
}
console.log(`dist is up to date (${entries.length} bundles)`);
