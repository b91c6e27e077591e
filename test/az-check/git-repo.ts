import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Real git repositories for diff-mode tests: a bare origin, a working clone, shallow CI-like clones. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function commit(cwd: string, files: Record<string, string>, message: string): string {
  writeFiles(cwd, files);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

export interface PullRequestRepo {
  dir: string;
  origin: string;
  work: string;
  baseSha: string;
  headSha: string;
  mergeSha: string;
  /** The commit the base branch started from (before the PR's base moved). */
  initialSha: string;
}

export const INITIAL_MAIN_TF = [
  'provider "aws" {',
  '  region = "us-east-1"',
  '}',
  '',
  'resource "aws_subnet" "old" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.1.0/24"',
  '  availability_zone = "us-east-1a"',
  '}',
  '',
].join('\n');

export const ADDED_SUBNET = [
  'resource "aws_subnet" "new" {',
  '  vpc_id            = "vpc-0123"',
  '  cidr_block        = "10.0.2.0/24"',
  '  availability_zone = "us-east-1b"',
  '}',
  '',
].join('\n');

export const BASE_HEADER = '# Network for the payments accounts.\n# Owned by the platform team.\n\n';

/**
 * main: initial commit; feature: adds a subnet at the end of main.tf and a values file; main then
 * moves on (a header at the top of main.tf, so the merge result's line numbers differ from the
 * head's); refs/pull/1/merge is the merge of feature into main, as GitHub builds it.
 */
export function pullRequestRepo(): PullRequestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'az-git-'));
  const origin = join(dir, 'origin.git');
  const work = join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  git(dir, 'clone', '-q', origin, work);
  const initialSha = commit(
    work,
    { 'infra/main.tf': INITIAL_MAIN_TF, 'README.md': '# payments\n' },
    'initial',
  );
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  git(work, 'checkout', '-q', '-b', 'feature');
  const headSha = commit(
    work,
    {
      'infra/main.tf': INITIAL_MAIN_TF + ADDED_SUBNET,
      'k8s/values.yaml': 'nodeSelector:\n  topology.kubernetes.io/zone: us-east-1c\n',
      'docs/notes.md': 'us-east-1d is not scanned: markdown\n',
    },
    'add a subnet',
  );
  git(work, 'push', '-q', 'origin', 'feature');
  git(work, 'checkout', '-q', 'main');
  const baseSha = commit(work, { 'infra/main.tf': BASE_HEADER + INITIAL_MAIN_TF }, 'document the network');
  git(work, 'push', '-q', 'origin', 'main');
  git(work, 'checkout', '-q', '--detach', baseSha);
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', headSha);
  const mergeSha = git(work, 'rev-parse', 'HEAD');
  git(work, 'push', '-q', 'origin', `${mergeSha}:refs/pull/1/merge`);
  git(work, 'checkout', '-q', 'feature');
  return { dir, origin, work, baseSha, headSha, mergeSha, initialSha };
}

/** What actions/checkout does for a pull_request: depth 1 at refs/pull/N/merge. */
export function shallowCheckout(repo: PullRequestRepo, ref: string, name: string): string {
  const target = join(repo.dir, name);
  git(repo.dir, 'init', '-q', target);
  git(target, 'remote', 'add', 'origin', `file://${repo.origin}`);
  git(target, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', ref);
  git(target, 'checkout', '-q', '--detach', 'FETCH_HEAD');
  return target;
}
