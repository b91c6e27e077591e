import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * A repository with a long pull-request range, written in one `git fast-import` stream so that
 * 10,000 commits take seconds rather than 10,000 `git commit` processes. The feature branch
 * forks from main, gets `prCommits` commits, and every `mergeEvery` commits merges a short side
 * branch (the merge commits a history policy must find).
 */
export interface GeneratedRepo {
  dir: string;
  base: string;
  head: string;
  commits: number;
  merges: number;
}

const EPOCH_S = 1_700_000_000;
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

function commitBlock(
  ref: string,
  mark: number,
  time: number,
  message: string,
  parents: number[],
  file: string,
): string {
  const [from, ...merges] = parents;
  const content = `${message}\n`;
  return [
    `commit ${ref}`,
    `mark :${mark}`,
    `author Dev ${mark % 7} <dev${mark % 7}@example.com> ${time} +0000`,
    `committer Dev ${mark % 7} <dev${mark % 7}@example.com> ${time} +0000`,
    `data ${Buffer.byteLength(message)}`,
    message,
    ...(from === undefined ? [] : [`from :${from}`]),
    ...merges.map((m) => `merge :${m}`),
    `M 644 inline ${file}`,
    `data ${Buffer.byteLength(content)}`,
    content,
  ].join('\n');
}

export function generateRepo(dir: string, prCommits: number, mergeEvery = 100): GeneratedRepo {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: GIT_ENV });
  const blocks: string[] = [];
  let mark = 0;
  let time = EPOCH_S;
  const next = (ref: string, message: string, parents: number[], file: string) => {
    mark += 1;
    time += 60;
    blocks.push(commitBlock(ref, mark, time, message, parents, file));
    return mark;
  };
  let mainTip = next('refs/heads/main', 'Initial commit', [], 'README.md');
  for (let i = 1; i <= 20; i += 1)
    mainTip = next('refs/heads/main', `Main change ${i}`, [mainTip], 'main.txt');
  let featureTip = mainTip;
  let merges = 0;
  for (let i = 1; i <= prCommits; i += 1) {
    if (i % mergeEvery === 0) {
      const side = next('refs/heads/side', `Side change ${i}`, [featureTip], `side-${i % 10}.txt`);
      featureTip = next(
        'refs/heads/feature',
        `Merge branch 'side' into feature`,
        [featureTip, side],
        'merge.txt',
      );
      merges += 1;
    } else {
      featureTip = next('refs/heads/feature', `Feature change ${i}`, [featureTip], `src/file-${i % 50}.txt`);
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: `${blocks.join('\n')}\ndone\n`,
    env: GIT_ENV,
  });
  execFileSync('git', ['checkout', '-q', 'feature'], { cwd: dir, env: GIT_ENV });
  return { dir, base: 'main', head: 'feature', commits: prCommits, merges };
}
