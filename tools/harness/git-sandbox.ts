import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real repositories for the tests: a bare "origin", a full working clone and shallow checkouts
 * made the way actions/checkout makes them. Identity, signing and hooks are fixed here so the
 * tests run on a machine with no git configuration at all.
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Ada Author',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Author',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};
const SAFE_CONFIG = [
  '-c',
  'commit.gpgSign=false',
  '-c',
  'tag.gpgSign=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'init.defaultBranch=main',
  '-c',
  'advice.detachedHead=false',
];

let clock = 1_700_000_000;

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  // Distinct, increasing dates keep `git log` order stable however fast commits are made.
  clock += 60;
  const date = `${clock} +0000`;
  return execFileSync('git', [...SAFE_CONFIG, ...args], {
    cwd,
    env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...env },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

export interface Author {
  name: string;
  email: string;
}

export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'branch-policy-'));
  readonly originDir = join(this.root, 'origin.git');
  readonly workDir = join(this.root, 'work');
  readonly originUrl = `file://${this.originDir}`;
  private checkouts = 0;

  constructor() {
    git(this.root, ['init', '--quiet', '--bare', this.originDir]);
    // Lets the shallow checkouts fetch any commit by SHA, as github.com does.
    git(this.originDir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    git(this.originDir, ['config', 'uploadpack.allowFilter', 'true']);
    mkdirSync(this.workDir);
    git(this.workDir, ['init', '--quiet']);
    git(this.workDir, ['remote', 'add', 'origin', this.originUrl]);
  }

  git(args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
    return git(this.workDir, args, env);
  }

  /** An empty commit on the current branch; returns its SHA. */
  commit(subject: string, author?: Author): string {
    const env = author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {};
    this.git(['commit', '--quiet', '--allow-empty', '-m', subject], env);
    return this.sha('HEAD');
  }

  commits(count: number, prefix: string): string {
    for (let i = 1; i <= count; i += 1) this.commit(`${prefix} ${i}`);
    return this.sha('HEAD');
  }

  /** A real merge commit with git's own subject ("Merge branch 'x' into y"). */
  merge(branch: string): string {
    this.git(['merge', '--quiet', '--no-ff', '--no-edit', '--end-of-options', branch]);
    return this.sha('HEAD');
  }

  switch(branch: string, create = false): void {
    this.git(create ? ['switch', '--quiet', '-c', branch] : ['switch', '--quiet', '--', branch]);
  }

  sha(revision: string): string {
    return this.git(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  }

  push(...refspecs: string[]): void {
    this.git(['push', '--quiet', '--force', 'origin', ...refspecs]);
  }

  /** origin/HEAD -> main, as a clone records it. */
  setOriginHead(branch = 'main'): void {
    this.git(['symbolic-ref', 'refs/remotes/origin/HEAD', `refs/remotes/origin/${branch}`]);
  }

  /**
   * GitHub's synthetic `refs/pull/N/merge`: a merge of the head into the base tip, made by the
   * server, with its own committer. Returns its SHA.
   */
  syntheticMerge(number: number, base: string, head: string): string {
    const baseSha = this.sha(base);
    const headSha = this.sha(head);
    const tree = this.git(['rev-parse', `${headSha}^{tree}`]);
    const sha = this.git(
      ['commit-tree', tree, '-p', baseSha, '-p', headSha, '-m', `Merge ${headSha} into ${baseSha}`],
      { GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' },
    );
    this.git([
      'push',
      '--quiet',
      '--force',
      'origin',
      `${sha}:refs/pull/${number}/merge`,
      `${headSha}:refs/pull/${number}/head`,
    ]);
    return sha;
  }

  /** What actions/checkout does by default: init, fetch --depth=1 of one ref, detached checkout. */
  shallowCheckout(ref: string): string {
    this.checkouts += 1;
    const dir = join(this.root, `checkout-${this.checkouts}`);
    shallowCheckoutInto(dir, this.originUrl, ref);
    return dir;
  }

  /** `git clone --depth 1 file://...` (a plain clone of a file path would ignore --depth). */
  shallowClone(branch = 'main', options: { allBranches?: boolean } = {}): string {
    this.checkouts += 1;
    const dir = join(this.root, `clone-${this.checkouts}`);
    const branches = options.allBranches ? ['--no-single-branch'] : [];
    git(this.root, [
      'clone',
      '--quiet',
      '--depth',
      '1',
      ...branches,
      '--branch',
      branch,
      '--end-of-options',
      this.originUrl,
      dir,
    ]);
    return dir;
  }

  /** A second full clone (no local-only objects), for "full clone without fetching". */
  fullClone(): string {
    this.checkouts += 1;
    const dir = join(this.root, `full-${this.checkouts}`);
    git(this.root, ['clone', '--quiet', '--no-local', '--end-of-options', this.originUrl, dir]);
    return dir;
  }

  writeJson(name: string, data: unknown): string {
    const path = join(this.root, name);
    writeFileSync(path, JSON.stringify(data, null, 2));
    return path;
  }

  /**
   * Many commits in one process: `git fast-import` writes `count` linear commits on `branch`
   * from `from` in milliseconds, where `count` `git commit` processes would take seconds.
   */
  fastImportCommits(branch: string, from: string, count: number, subject: (i: number) => string): string {
    const lines: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      const message = Buffer.from(subject(i), 'utf8');
      lines.push(`commit refs/heads/${branch}`, `mark :${i}`);
      lines.push(`author Ada Author <ada@example.com> ${clock + i} +0000`);
      lines.push(`committer Ada Author <ada@example.com> ${clock + i} +0000`);
      lines.push(`data ${message.length}`, message.toString('utf8'));
      lines.push(i === 1 ? `from ${from}` : `from :${i - 1}`, '');
    }
    clock += count + 1;
    execFileSync('git', ['fast-import', '--quiet'], {
      cwd: this.workDir,
      input: `${lines.join('\n')}\n`,
      env: GIT_ENV,
    });
    return this.sha(`refs/heads/${branch}`);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A history with long-lived merges, shaped like the ones where a shallow graph lies: main (with
 * an old topic forked near the root and merged late, so main's side reaches the root early), and
 * a long-lived branch L forked from main[fork] that back-merges main[backMerge] and then grows.
 * Written by `git fast-import` into `sandbox`'s work tree repository; returns the branch tips.
 */
export function longLivedHistory(
  sandbox: Sandbox,
  shape: {
    main: number;
    fork: number;
    backMerge: number;
    oldTopicFrom: number;
    oldTopicAt: number;
    after: number;
    /** Where main merges a one-commit topic forked from the commit before (the first is returned). */
    mergeOnMainAt: number | readonly number[];
  },
): { base: string; head: string; mainMerge: string; backMerge: string } {
  const lines: string[] = [];
  let mark = 0;
  let time = 1_650_000_000;
  const commit = (ref: string, message: string, parents: number[]): number => {
    mark += 1;
    time += 60;
    lines.push(`commit ${ref}`, `mark :${mark}`, `author Ada Author <ada@example.com> ${time} +0000`);
    lines.push(
      `committer Ada Author <ada@example.com> ${time} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    const [from, ...merges] = parents;
    if (from !== undefined) lines.push(`from :${from}`);
    for (const parent of merges) lines.push(`merge :${parent}`);
    lines.push('');
    return mark;
  };
  const main: number[] = [0, commit('refs/heads/main', 'm1', [])];
  const mergesAt = new Set([shape.mergeOnMainAt].flat());
  let mainMerge = 0;
  for (let i = 2; i <= shape.main; i += 1) {
    const previous = main[i - 1]!;
    if (i === shape.oldTopicAt || mergesAt.has(i)) {
      const from = i === shape.oldTopicAt ? main[shape.oldTopicFrom]! : previous;
      const topic = commit('refs/heads/topic', `topic for m${i}`, [from]);
      main.push(commit('refs/heads/main', `Merge branch 'topic-${i}'`, [previous, topic]));
      if (mergesAt.has(i) && mainMerge === 0) mainMerge = mark;
    } else {
      main.push(commit('refs/heads/main', `m${i}`, [previous]));
    }
  }
  let tip = commit('refs/heads/long-lived', 'L 1', [main[shape.fork]!]);
  for (let i = 2; i <= 20; i += 1) tip = commit('refs/heads/long-lived', `L ${i}`, [tip]);
  tip = commit('refs/heads/long-lived', "Merge branch 'main' into long-lived", [tip, main[shape.backMerge]!]);
  const backMerge = mark;
  for (let i = 1; i <= shape.after; i += 1) tip = commit('refs/heads/long-lived', `L after ${i}`, [tip]);
  lines.push('done', '');
  const marksFile = join(sandbox.root, 'long-lived.marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marksFile}`], {
    cwd: sandbox.workDir,
    input: lines.join('\n'),
    env: GIT_ENV,
  });
  const marks = new Map(
    readFileSync(marksFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]),
  );
  return {
    base: sandbox.sha('refs/heads/main'),
    head: sandbox.sha('refs/heads/long-lived'),
    mainMerge: marks.get(`:${mainMerge}`) ?? '',
    backMerge: marks.get(`:${backMerge}`) ?? '',
  };
}

/**
 * What actions/checkout does by default, into a new folder `dir`: init, fetch --depth=1 of one
 * ref from `originUrl`, detached checkout.
 */
export function shallowCheckoutInto(dir: string, originUrl: string, ref: string): void {
  mkdirSync(dir);
  git(dir, ['init', '--quiet']);
  git(dir, ['remote', 'add', 'origin', originUrl]);
  git(dir, [
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--no-tags',
    '--depth=1',
    'origin',
    `+${ref}:refs/remotes/checkout`,
  ]);
  git(dir, ['checkout', '--quiet', '--detach', 'refs/remotes/checkout']);
}
