import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';
import { transform } from 'esbuild';
import { SOURCES_MANIFEST, sourcesManifest } from './bundles.js';

/**
 * Builds one bundle: `node scripts/bundle-one.js <entry.ts> <outDir>`. Each bundle builds in its
 * own process because ncc's webpack and TypeScript state grows with every build in one process.
 */
const [source, outDir] = process.argv.slice(2);
const { code, assets, stats } = await ncc(source, {
  // Minified: a third of the bytes to read and parse on every step's cold start, and a third of
  // the archive every `uses:` downloads. No source maps: they would double the dist folder and,
  // registered, slow every start; stack traces only reach the debug log.
  minify: true,
  sourceMap: false,
  target: 'es2022',
  quiet: true,
});
// ncc minifies the entry only; its lazily loaded chunks (`<id>.index.js`) are minified here.
const CHUNK = /^\d+\.index\.js$/;
const minifyChunk = async (name, source) =>
  CHUNK.test(name) ? (await transform(source.toString(), { minify: true, target: 'es2022' })).code : source;
// Files only: webpack also lists the folders it searched while resolving imports.
const readFiles = [...stats.compilation.fileDependencies].filter(
  (path) => existsSync(path) && statSync(path).isFile(),
);
const files = [
  ['index.js', code],
  [SOURCES_MANIFEST, `${JSON.stringify(sourcesManifest(readFiles), null, 2)}\n`],
  ...(await Promise.all(
    Object.entries(assets ?? {}).map(async ([name, asset]) => [name, await minifyChunk(name, asset.source)]),
  )),
];
for (const [name, contents] of files) {
  const target = join(outDir, name);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, contents);
}
