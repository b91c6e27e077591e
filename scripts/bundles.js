import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every bundle the repository builds: each action's main (and post) entry, committed because
 * `uses:` runs them straight from the repository, and the CLI, built on install and pack (the
 * package's `prepare` script) and never committed. Shared by build.js and check-dist.js so both
 * always agree on what is built.
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
      if (existsSync(source))
        entries.push({ source, outDir: join('actions', name, 'dist', kind.output), committed: true });
    }
  }
  entries.push({ source: join(ROOT, 'cli', 'index.ts'), outDir: join('cli', 'dist'), committed: false });
  return entries;
}

/**
 * Whether a file in a bundle folder belongs to the bundle: its entry, its chunks, and the
 * numbered chunks an older ncc build left (so a rebuild removes them and check-dist flags them).
 */
export function isBundleFile(name) {
  return /^(index|chunk-[A-Z0-9]+|\d+\.index)\.js$/.test(name);
}

/** Builds one entry into `outDir` (absolute) in a child process; rejects with the bundler's output. */
export function buildBundle(entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bundle-one.js'), entry.source, outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      // Keep only readable lines: a bundler may print minified source on some errors.
      else reject(new Error(`Bundling ${entry.outDir} failed:\n${readableLines(output)}`));
    });
  });
}

function readableLines(output) {
  return output
    .split('\n')
    .filter((line) => line.length < 400 && !/^\s+at /.test(line))
    .join('\n');
}

/** Runs `task` over items, at most `limit` at a time (two cores: two builds at once). */
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

/**
 * The manifest each bundle carries (`sources.json` beside its index.js): every repository file the
 * bundler read, with its SHA-256. Tests that spawn a bundle compare it with the working tree, so a
 * local `npm test` after an edit cannot pass on a bundle built from older sources (check-dist
 * guards the same in CI, by rebuilding). Dependencies are not listed: node_modules, and the root
 * package.json, which webpack reads only for module settings, so adding a devDependency does not
 * make every bundle stale; a changed dependency is check-dist's to catch.
 */
export const SOURCES_MANIFEST = 'sources.json';

export function sourceDigest(repositoryPath) {
  return createHash('sha256')
    .update(readFileSync(join(ROOT, repositoryPath)))
    .digest('hex');
}

/** `{ "<repository-relative path>": "<sha256>" }` for the absolute paths the bundler read. */
export function sourcesManifest(absolutePaths) {
  const paths = absolutePaths
    .map((path) => relative(ROOT, path))
    .filter(
      (path) =>
        !path.startsWith('..') && path !== 'package.json' && !path.split(sep).includes('node_modules'),
    )
    .map((path) => path.split(sep).join('/'))
    .sort();
  return Object.fromEntries(paths.map((path) => [path, sourceDigest(path)]));
}

/** Repository paths whose contents differ from `manifest` (missing files count as changed). */
export function changedSources(manifest) {
  return Object.entries(manifest)
    .filter(([path, digest]) => {
      try {
        return sourceDigest(path) !== digest;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}
