import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ROOT, SOURCES_MANIFEST, sourcesManifest } from './bundles.js';

/**
 * Builds one bundle: `node scripts/bundle-one.js <entry.ts> <outDir>`, with esbuild.
 *
 * Why esbuild and not ncc: ncc resolves packages through `main` only, so it bundles the AWS SDK's
 * CommonJS builds whole (client-ec2 alone was 1.7 MB for one call). esbuild reads their ES module
 * builds (`module`), drops every command and serializer a gate never uses, and builds in seconds.
 * Output is ES modules (dist/package.json says so) with lazily loaded chunks beside the entry;
 * minified, no source maps: a third of the bytes every step's cold start reads, and of the archive
 * every `uses:` downloads.
 */
const [source, outDir] = process.argv.slice(2);

/**
 * @actions/core and @actions/http-client are ES modules without a `sideEffects` field, so esbuild
 * keeps every module they import, and with it undici (400 KB, for the OIDC token client and proxy
 * agent no gate calls from @actions/core). Their modules only define functions, classes and
 * constants at load time, so declaring them side-effect free lets unused ones drop. Whatever a
 * gate does use stays (@actions/github's own proxy support keeps undici in branch-policy).
 */
const SIDE_EFFECT_FREE = /^@actions\/(core|http-client)(\/|$)/;
const sideEffectFreePackages = {
  name: 'side-effect-free-packages',
  setup(bundler) {
    bundler.onResolve({ filter: SIDE_EFFECT_FREE }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const { kind, resolveDir, importer } = args;
      const resolved = await bundler.resolve(args.path, {
        kind,
        resolveDir,
        importer,
        pluginData: { resolving: true },
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};
const result = await build({
  entryPoints: { index: source },
  outdir: outDir,
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  plugins: [sideEffectFreePackages],
  logLevel: 'warning',
  // Paths as the repository spells them: a worktree whose node_modules is a symlink to another
  // checkout's must name chunks (hashed from input paths) exactly as a clean clone does.
  preserveSymlinks: true,
  // CommonJS dependencies call require() for Node's built-ins; an ES module has none of its own.
  banner: {
    js: "import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);",
  },
});
// Each output file's repository inputs; the manifest lists what this bundle (entry and chunks) read.
const inputs = Object.keys(result.metafile.inputs).map((path) => resolve(ROOT, path));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, SOURCES_MANIFEST), `${JSON.stringify(sourcesManifest(inputs), null, 2)}\n`);
