import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, bundleEntries, isBundleFile, mapLimited, ROOT } from './bundles.js';

/**
 * Rebuilds every committed bundle from source (`npm run build`, which typechecks first).
 * `node scripts/build.js run-experiment cli` rebuilds only the bundles whose folder names match.
 */
const only = process.argv.slice(2);
const entries = bundleEntries().filter(
  (entry) => only.length === 0 || only.some((name) => entry.outDir.includes(name)),
);
await mapLimited(entries, 2, async (entry) => {
  const outDir = join(ROOT, entry.outDir);
  mkdirSync(outDir, { recursive: true });
  // Post bundles live inside the main bundle's folder: remove this bundle's own files (entry and
  // chunks), never the whole folder, so no stale chunk survives a rebuild.
  for (const name of readdirSync(outDir, { withFileTypes: true })) {
    if (name.isFile() && isBundleFile(name.name)) rmSync(join(outDir, name.name));
  }
  await buildBundle(entry, outDir);
  console.log(
    `built ${entry.outDir}/index.js (${Math.round(statSync(join(outDir, 'index.js')).size / 1024)} KiB)`,
  );
});
