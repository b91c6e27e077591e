import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

const WORKFLOW_PARSER = '@actions/workflow-parser';

/**
 * The workflow parser ships source maps that point at sources it does not ship: load its files
 * without the map comment, so Vite does not print a warning per file.
 */
function withoutMissingSourceMaps(): Plugin {
  return {
    name: 'workflow-parser-without-source-maps',
    enforce: 'pre',
    load(id) {
      if (!id.includes(`/${WORKFLOW_PARSER}/`) || !id.endsWith('.js')) return null;
      return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
    },
  };
}

export default defineConfig({
  plugins: [withoutMissingSourceMaps()],
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn bundles and real git: generous per-test ceilings, never timing assertions.
    // Three minutes: under `npm run test:stress` (a CPU hog per core) beside other work, a test that
    // takes 10 s on a quiet machine was measured at over 60 s; a ceiling only bounds a hang.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // A slow, shared machine: at most half the cores run test files, and at most 3 tests of a
    // describe.concurrent block run at once (each may spawn a bundle, an emulator and git), so
    // workers keep answering Vitest's RPC (a fixed 60 s birpc timeout: "Timeout calling onTaskUpdate").
    maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
    minWorkers: 1,
    maxConcurrency: 3,
    // One private TMPDIR for the run (nothing left in /tmp); harness step folders removed per file.
    globalSetup: ['test/harness/temp-root.ts'],
    setupFiles: ['test/harness/cleanup.ts'],
    server: {
      deps: {
        // The parser imports its JSON schemas without an import attribute, which Node's own ESM
        // loader refuses: let Vite transform it instead.
        inline: [WORKFLOW_PARSER],
      },
    },
  },
});
