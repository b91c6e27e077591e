import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLarge } from './branch-policy-large.js';
import { generateRepo } from './git-fixture.js';
import { median, ms, REPO_ROOT, ratio, recordResults, timeCommand } from './lib.js';

/**
 * The branch-policy CLI's whole-process verdict time on a 10,000-commit pull-request range with
 * merges, against `git rev-list --merges base..head` on the same repository in the same run:
 * the ratio is what the policy costs above git itself. Goal: under 0.5 s.
 */
const RUNS = 7;
const PR_COMMITS = 10_000;

export async function run(): Promise<void> {
  const cli = join(REPO_ROOT, 'cli', 'dist', 'index.js');
  if (!existsSync(cli)) throw new Error('cli/dist/index.js is missing: run npm run build');
  const root = mkdtempSync(join(tmpdir(), 'rg-bench-bp-'));
  try {
    runGenerated(cli, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  await runLarge();
}

function runGenerated(cli: string, root: string): void {
  const repo = generateRepo(join(root, 'repo'), PR_COMMITS);
  const env = { ...process.env, GITHUB_ACTIONS: '', GITHUB_EVENT_PATH: '' };
  const sample = (command: string, args: string[]) => {
    timeCommand(command, args, { cwd: repo.dir, env });
    return median(Array.from({ length: RUNS }, () => timeCommand(command, args, { cwd: repo.dir, env })));
  };
  const git = sample('git', ['rev-list', '--merges', `${repo.base}..${repo.head}`]);
  const policy = sample(process.execPath, [
    cli,
    'branch-policy',
    '--base',
    repo.base,
    '--head',
    repo.head,
    '--no-summary',
  ]);
  recordResults({
    title: 'branch-policy on a 10,000-commit PR range',
    note: `Median of ${RUNS} whole-process runs on a generated repository (${repo.commits} feature commits, ${repo.merges} merges, blobs included). Goal: verdict under 500 ms.`,
    headers: ['command', 'median', 'vs git rev-list'],
    rows: [
      ['`git rev-list --merges main..feature` (baseline)', ms(git), '1.00×'],
      ['`resilience-gates branch-policy --base main --head feature`', ms(policy), ratio(policy, git)],
    ],
  });
}
