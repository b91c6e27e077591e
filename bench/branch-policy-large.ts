import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shallowCheckoutInto } from '../tools/harness/git-sandbox.js';
import { startGitHubApi } from '../tools/harness/github-api.js';
import { median, ms, REPO_ROOT, ratio, recordResults, timeCommand } from './lib.js';

/**
 * branch-policy on a real large history: git/git (about 82,000 commits on master), served from a
 * local bare origin the way github.com serves a repository (filters and any-SHA wants allowed).
 *
 * 1. A pull-request check from the default actions/checkout: depth 1 at a synthetic
 *    refs/pull/N/merge for a 50-commit topic, rebased and not. Goal: 5 s. Each sample starts from
 *    a fresh checkout.
 * 2. Once the history is local: the CLI on a real range (v2.40.0..v2.53.0, about 10,000 commits
 *    and 2,770 merges) against `git rev-list --merges` on the same range. Goal: at most 2x.
 *
 * The corpus is `BRANCH_POLICY_CORPUS` (a git/git clone, bare or not; the `fetch` tool's mirror
 * works), else bench/corpus/git.git. Nothing is downloaded here.
 */
const RUNS = 5;
/** Each PR sample fetches a fresh depth-1 checkout (about 10 s of setup on git/git). */
const PR_RUNS = 3;
const TOPIC_COMMITS = 50;
const RANGE = { base: 'v2.40.0', head: 'v2.53.0' };
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

interface PullRequest {
  number: number;
  head: string;
  /** Commits of the base the topic lacks (0: rebased). */
  behind: number;
}

interface Origin {
  dir: string;
  base: string;
  rebased: PullRequest;
  behind: PullRequest;
}

/**
 * A bare origin sharing the corpus's objects with two 50-commit topics and their
 * refs/pull/N/{head,merge}: #1 rebased on master (the passing case), #2 forked 10 commits back
 * (fails require-rebased, whose message counts the commits behind exactly).
 */
function buildOrigin(root: string, corpus: string): Origin {
  const dir = join(root, 'origin.git');
  git(root, ['clone', '--quiet', '--bare', '--shared', corpus, dir]);
  git(dir, ['config', 'uploadpack.allowFilter', 'true']);
  git(dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  const base = git(dir, ['rev-parse', 'refs/heads/master']);
  const rebased = topicPullRequest(dir, base, 1, 0);
  const behind = topicPullRequest(dir, base, 2, 10);
  return { dir, base, rebased, behind };
}

function topicPullRequest(dir: string, base: string, number: number, forkBack: number): PullRequest {
  let head = git(dir, ['rev-parse', `${base}~${forkBack}`]);
  const tree = git(dir, ['rev-parse', `${head}^{tree}`]);
  for (let i = 1; i <= TOPIC_COMMITS; i += 1) {
    const subject = `topic ${number} change ${i}`;
    head = git(dir, ['commit-tree', tree, '-p', head, '-m', subject]);
  }
  const merge = git(dir, ['commit-tree', tree, '-p', base, '-p', head, '-m', `Merge ${head} into ${base}`]);
  git(dir, ['update-ref', `refs/pull/${number}/head`, head]);
  git(dir, ['update-ref', `refs/pull/${number}/merge`, merge]);
  const behind = Number(git(dir, ['rev-list', '--count', base, `^${head}`]));
  return { number, head, behind };
}

/** actions/checkout's default: depth 1 at the merge ref, detached. */
function shallowCheckout(root: string, origin: Origin, pr: PullRequest, n: number): string {
  const dir = join(root, `checkout-${pr.number}-${n}`);
  shallowCheckoutInto(dir, `file://${origin.dir}`, `refs/pull/${pr.number}/merge`);
  return dir;
}

/** The step's environment; with `apiUrl`, a token and the GitHub API double answer compare. */
async function pullRequestRun(
  root: string,
  origin: Origin,
  pr: PullRequest,
  workspace: string,
  apiUrl?: string,
): Promise<{ ms: number; result: string }> {
  const event = join(root, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: pr.number,
      pull_request: {
        number: pr.number,
        user: { login: 'ada', type: 'User' },
        head: { ref: `topic-${pr.number}`, sha: pr.head, repo: { full_name: 'git/git' } },
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
    ...(apiUrl ? { INPUT_TOKEN: 'ghs_benchPlaceholder', GITHUB_API_URL: apiUrl } : {}),
  };
  const bundle = join(REPO_ROOT, 'actions', 'branch-policy', 'dist', 'index.js');
  const started = performance.now();
  // Not spawnSync: the GitHub API double answers from this process's event loop.
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const elapsed = performance.now() - started;
  const outputs = readFileSync(output, 'utf8');
  const result = /^result<<\S+\n(\w+)/m.exec(outputs)?.[1] ?? `exit ${status}`;
  const reason = /^reason<<\S+\n(.*)/m.exec(outputs)?.[1] ?? '';
  const behind = /is (\d+) commits? behind/.exec(reason)?.[1];
  return { ms: elapsed, result: behind ? `${result}, ${behind} behind` : result };
}

/** Median time of the bundle from fresh depth-1 checkouts of one pull request's merge ref. */
async function pullRequestMedian(
  root: string,
  origin: Origin,
  pr: PullRequest,
  apiUrl?: string,
): Promise<{ ms: number; results: string }> {
  const samples: number[] = [];
  const results = new Set<string>();
  for (let i = 0; i < PR_RUNS; i += 1) {
    const workspace = shallowCheckout(root, origin, pr, i);
    const run = await pullRequestRun(root, origin, pr, workspace, apiUrl);
    samples.push(run.ms);
    results.add(run.result);
    rmSync(workspace, { recursive: true, force: true });
  }
  return { ms: median(samples), results: [...results].join(' / ') };
}

export async function runLarge(): Promise<void> {
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
    const rebased = await pullRequestMedian(root, origin, origin.rebased);
    const behind = await pullRequestMedian(root, origin, origin.behind);
    const github = await startGitHubApi(origin.dir);
    const behindWithApi = await pullRequestMedian(root, origin, origin.behind, github.url).finally(() =>
      github.close(),
    );
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
        `Medians of ${PR_RUNS} runs (PR checks, each from a fresh checkout; the checkout itself is not timed) and ${RUNS} runs (local range). ` +
        `Corpus: git/git, ${commits} commits on master, local bare origin. ${TOPIC_COMMITS}-commit topics from a depth-1 checkout of refs/pull/N/merge: ` +
        `#1 rebased (verdict: ${rebased.results}), #2 forked 10 commits back (verdict: ${behind.results}; with the API: ${behindWithApi.results}; true count ${origin.behind.behind}). The API double (tools/harness/github-api.ts) answers compare from the full origin with git rev-list, on this machine. ` +
        `Goal 5 s. History local: ${RANGE.base}..${RANGE.head}, ${rangeCommits} commits, ${rangeMerges} merges; goal at most 2× git rev-list --merges.`,
      headers: ['command', 'median', 'vs baseline'],
      rows: [
        [
          'PR check, rebased topic, depth-1 merge-ref checkout (goal 5 s)',
          ms(rebased.ms),
          ratio(rebased.ms, 5000),
        ],
        ['PR check, topic 10 behind (exact behind count, git only)', ms(behind.ms), ratio(behind.ms, 5000)],
        [
          'PR check, topic 10 behind, token: count from one compare call (local GitHub API double)',
          ms(behindWithApi.ms),
          ratio(behindWithApi.ms, 5000),
        ],
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
