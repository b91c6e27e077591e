import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { changedSources, ROOT, SOURCES_MANIFEST } from '../../scripts/bundles.js';

/**
 * Refuses to run a bundle built from other sources than the working tree's: an e2e test after an
 * edit must not pass on the old bundle. Each bundle folder is checked once per test process.
 */
const checked = new Set<string>();

export function assertFreshBundle(bundleDir: string): void {
  if (checked.has(bundleDir)) return;
  const manifestPath = join(bundleDir, SOURCES_MANIFEST);
  const where = relative(ROOT, bundleDir);
  const rebuild = where.startsWith('cli')
    ? 'npm run build:cli'
    : `node scripts/build.js ${where.split('/')[1]}`;
  if (!existsSync(manifestPath)) {
    throw new Error(
      `${where} has no ${SOURCES_MANIFEST}: it was not built by scripts/build.js. Run '${rebuild}'.`,
    );
  }
  const changed: string[] = changedSources(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (changed.length > 0) {
    const shown =
      changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
    throw new Error(`${where} is stale: ${shown} changed since it was built. Run '${rebuild}'.`);
  }
  checked.add(bundleDir);
}
