import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';

/**
 * Builds one bundle: `node scripts/bundle-one.js <entry.ts> <outDir>`. Each bundle builds in its
 * own process because ncc's webpack and TypeScript state grows with every build in one process.
 */
const [source, outDir] = process.argv.slice(2);
const { code, assets } = await ncc(source, {
  minify: false,
  sourceMap: false,
  target: 'es2022',
  quiet: true,
});
const files = [
  ['index.js', code],
  ...Object.entries(assets ?? {}).map(([name, asset]) => [name, asset.source]),
];
for (const [name, contents] of files) {
  const target = join(outDir, name);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, contents);
}
