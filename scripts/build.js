import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildBundle, bundleEntries, mapLimited, ROOT } from './bundles.js';

/**
 * Rebuilds every committed bundle from source (`npm run build`, which typechecks first).
 * `node scripts/build.js run-experiment cli` rebuilds only the bundles whose folder names match.
 */
const only = process.argv.slice(2);
const entries = bundleEntries().filter(
  (entry) => only.length === 0 || only.some((name) => entry.outDir.includes(name)),
);
const built = await mapLimited(entries, 2, buildBundle);
for (const [index, entry] of entries.entries()) {
  const outDir = join(ROOT, entry.outDir);
  // Post bundles live inside the main bundle's folder: clean only files, not sibling bundles.
  rmSync(join(outDir, 'index.js'), { force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, contents] of built[index]) {
    const target = join(outDir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  console.log(
    `built ${entry.outDir}/index.js (${Math.round(built[index].get('index.js').length / 1024)} KiB)`,
  );
}
