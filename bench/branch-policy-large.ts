import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, ms, REPO_ROOT, ratio, recordResults, timeCommand } from './lib.js';

/**
 * branch-policy on a real large history: git/git (about 82,000 commits on master), served from a
 * local bare origin the way github.com serves a repository (filters and any-SHA wants allowed).
 *
 * 1. A pull-request check from the default actions/checkout: depth 1 at a synthetic
 *    refs/pull/N/merge for a 50-commit topic. Goal: 5 s. Each sample starts from a fresh checkout.
 * 2. Once the history is local: the CLI on a real range (v2.40.0..master, about 12,000 commits and
 *    3,400 merges) against `git rev-list --merges` on the same range. Goal: at most 2x.
 *
 * The corpus is `BRANCH_POLICY_CORPUS` (a git/git clone, bare or not; the `fetch` tool's mirror
 * works), else bench/corpus/git.git. Nothing is downloaded here.
 */
const RUNS = 5;
const TOPIC_COMMITS = 50;
const RANGE = { base: 'v2.40.0', head: 'master' };
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

function git(cwd: string, args: readonly string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
  }).trim();
}

export function corpusPath(): string | undefined {
  const candidates = [process.env.BRANCH_POLICY_CORPUS, join(REPO_ROOT, 'bench', 'corpus', 'git.git')];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

interface Origin {
  dir: string;
  base: string;
  head: string;
  merge: string;
}

/** A bare origin sharing the corpus's objects, with a 50-commit topic and its refs/pull/1/merge. */
function buildOrigin(root: string, corpus: string): Origin {
  const dir = join(root, 'origin.git');
  git(root, ['clone', '--quiet', '--bare', '--shared', corpus, dir]);
  git(dir, ['config', 'uploadpack.allowFilter', 'true']);
  git(dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  const base = git(dir, ['rev-parse', 'refs/heads/master']);
  // The topic forks 10 commits back, so it is not rebased and its merge base is recent.
  let head = git(dir, ['rev-parse', `${base}~10`]);
  const tree = git(dir, ['rev-parse', `${head}^{tree}`]);
  for (let i = 1; i <= TOPIC_COMMITS; i += 1) {
    head = git(dir, [
      'commit-tree',
      tree,
      '-p',
      head,
      '-m',
      i === 25 ? 'fixup! topic change 1' : `topic change ${i}`,
    ]);
  }
  const merge = git(dir, [
    'commit-tree',
    `${head}^{tree}`,
    '-p',
    base,
    '-p',
    head,
    '-m',
    `Merge ${head} into ${base}`,
  ]);
  git(dir, ['update-ref', 'refs/heads/topic', head]);
  git(dir, ['update-ref', 'refs/pull/1/head', head]);
  git(dir, ['update-ref', 'refs/pull/1/merge', merge]);
  return { dir, base, head, merge };
}

/** actions/checkout's default: depth 1 at the merge ref, detached. */
function shallowCheckout(root: string, origin: Origin, n: number): string {
  const dir = join(root, `checkout-${n}`);
  mkdirSync(dir);
  git(dir, ['init', '--quiet']);
  git(dir, ['remote', 'add', 'origin', `file://${origin.dir}`]);
  git(dir, [
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--no-tags',
    '--depth=1',
    'origin',
    '+refs/pull/1/merge:refs/remotes/pull/1/merge',
  ]);
  git(dir, ['checkout', '--quiet', '--detach', 'refs/remotes/pull/1/merge']);
  return dir;
}

function pullRequestRun(root: string, origin: Origin, workspace: string): { ms: number; result: string } {
  const event = join(root, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: 1,
      pull_request: {
        number: 1,
        user: { login: 'ada', type: 'User' },
        head: { ref: 'topic', sha: origin.head, repo: { full_name: 'git/git' } },
        base: { ref: 'master', sha: origin.base, repo: { full_name: 'git/git' } },
        commits: TOPIC_COMMITS,
      },
      repository: { full_name: 'git/git', default_branch: 'master' },
    }),
  );
  const output = join(root, 'output.txt');
  writeFileSync(output, '');
  const env = {
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'git/git',
    RUNNER_TEMP: root,
  };
  const bundle = join(REPO_ROOT, 'actions', 'branch-policy', 'dist', 'index.js');
  const started = performance.now();
  const run = spawnSync(process.execPath, [bundle], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const result = /^result<<\S+\n(\w+)/m.exec(readFileSync(output, 'utf8'))?.[1] ?? `exit ${run.status}`;
  return { ms: elapsed, result };
}

export function runLarge(): void {
  const corpus = corpusPath();
  if (!corpus) {
    console.log(
      'branch-policy large history: no corpus (set BRANCH_POLICY_CORPUS to a git/git clone); skipped',
    );
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'rg-bench-bp-large-'));
  try {
    const origin = buildOrigin(root, corpus);
    const commits = Number(git(origin.dir, ['rev-list', '--count', origin.base]));
    const samples: number[] = [];
    const results = new Set<string>();
    for (let i = 0; i < RUNS; i += 1) {
      const workspace = shallowCheckout(root, origin, i);
      const run = pullRequestRun(root, origin, workspace);
      samples.push(run.ms);
      results.add(run.result);
      rmSync(workspace, { recursive: true, force: true });
    }
    const checkout = median(samples);
    // Once the history is local: a full clone sharing the corpus's objects.
    const full = join(root, 'full');
    git(root, ['clone', '--quiet', '--shared', '--no-checkout', corpus, full]);
    const range = [`${RANGE.base}..${RANGE.head}`];
    const rangeCommits = git(full, ['rev-list', '--count', ...range]);
    const rangeMerges = git(full, ['rev-list', '--count', '--merges', ...range]);
    const sample = (command: string, args: string[]) => {
      timeCommand(command, args, {
        cwd: full,
        env: { ...GIT_ENV, GITHUB_ACTIONS: '', GITHUB_EVENT_PATH: '' },
      });
      return median(
        Array.from({ length: RUNS }, () =>
          timeCommand(command, args, {
            cwd: full,
            env: { ...GIT_ENV, GITHUB_ACTIONS: '', GITHUB_EVENT_PATH: '' },
          }),
        ),
      );
    };
    const revList = sample('git', ['rev-list', '--merges', ...range]);
    const cli = join(REPO_ROOT, 'cli', 'dist', 'index.js');
    const policy = sample(process.execPath, [
      cli,
      'branch-policy',
      '--base',
      RANGE.base,
      '--head',
      RANGE.head,
      '--no-summary',
    ]);
    recordResults({
      title: 'branch-policy on git/git (large real history)',
      note:
        `Medians of ${RUNS} runs. Corpus: git/git, ${commits} commits on master, local bare origin. ` +
        `(1) the action bundle from a fresh depth-1 checkout of refs/pull/1/merge, ${TOPIC_COMMITS}-commit topic ` +
        `(verdict: ${[...results].join(', ')}); goal 5 s. (2) history local: ${RANGE.base}..${RANGE.head}, ` +
        `${rangeCommits} commits, ${rangeMerges} merges; goal at most 2× git rev-list --merges.`,
      headers: ['command', 'median', 'vs baseline'],
      rows: [
        ['PR check from a depth-1 merge-ref checkout (goal 5 s)', ms(checkout), ratio(checkout, 5000)],
        [`\`git rev-list --merges ${RANGE.base}..${RANGE.head}\` (baseline)`, ms(revList), '1.00×'],
        [
          `\`resilience-gates branch-policy --base ${RANGE.base} --head ${RANGE.head}\``,
          ms(policy),
          ratio(policy, revList),
        ],
      ],
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
