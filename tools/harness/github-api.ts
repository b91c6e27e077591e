import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A local double of the two GitHub REST endpoints branch-policy calls, answered from a real git
 * repository with real git (so answers are as true as the history):
 * - `GET /repos/{owner}/{repo}/compare/{base}...{head}` ("Compare two commits"): `status`,
 *   `ahead_by`, `behind_by`, `total_commits` and `commits` (oldest first, `per_page`/`page`),
 *   each with `sha`, `parents[].sha`, `commit.message`, `commit.author` and `author.login`;
 * - `GET /repos/{owner}/{repo}/commits/{ref}` (one commit, unverified, login from the author name).
 * Field meanings follow GitHub's CommitComparison schema (rest-api-description): `behind_by` is
 * the commits the head lacks from the base; pagination of compare: GitHub changelog 2021-03-22.
 * Every request is recorded, so tests and benches can count calls.
 */
export interface GitHubApiDouble {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startGitHubApi(repository: string): Promise<GitHubApiDouble> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    answer(repository, request)
      .then((body) => send(response, 200, body))
      .catch((error: Error) => send(response, 404, { message: 'Not Found', detail: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function answer(repository: string, request: IncomingMessage): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const compare = /^\/repos\/[^/]+\/[^/]+\/compare\/([^/]+?)\.\.\.([^/]+)$/.exec(url.pathname);
  if (compare) {
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '250');
    return comparison(repository, decodeURIComponent(compare[1]!), decodeURIComponent(compare[2]!), {
      page,
      perPage,
    });
  }
  const commit = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)$/.exec(url.pathname);
  if (commit) return (await commits(repository, [decodeURIComponent(commit[1]!), '-1']))[0];
  throw new Error(`no route for ${url.pathname}`);
}

async function git(repository: string, args: string[]): Promise<string> {
  return (await run('git', args, { cwd: repository, maxBuffer: 256 * 1024 * 1024 })).stdout;
}

async function comparison(
  repository: string,
  base: string,
  head: string,
  paging: { page: number; perPage: number },
): Promise<unknown> {
  const count = async (range: string) => Number(await git(repository, ['rev-list', '--count', range]));
  const [aheadBy, behindBy] = await Promise.all([count(`${base}..${head}`), count(`${head}..${base}`)]);
  const listed = await commits(repository, ['--reverse', `${base}..${head}`]);
  const from = (paging.page - 1) * paging.perPage;
  return {
    status: aheadBy && behindBy ? 'diverged' : aheadBy ? 'ahead' : behindBy ? 'behind' : 'identical',
    ahead_by: aheadBy,
    behind_by: behindBy,
    total_commits: aheadBy,
    commits: listed.slice(from, from + paging.perPage),
  };
}

const FIELD = '\u001f';
const RECORD = '\u001e';

async function commits(repository: string, args: string[]): Promise<unknown[]> {
  const format = ['%H', '%P', '%an', '%ae', '%aI', '%B'].join(FIELD) + RECORD;
  const text = await git(repository, ['log', `--format=${format}`, ...args]);
  return text
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => {
      const [sha, parents, name, email, date, message] = record.split(FIELD);
      return {
        sha,
        parents: (parents ?? '')
          .split(' ')
          .filter(Boolean)
          .map((parent) => ({ sha: parent })),
        commit: {
          message: (message ?? '').trimEnd(),
          author: { name, email, date },
          verification: { verified: false, reason: 'unsigned' },
        },
        author: { login: (name ?? '').toLowerCase().split(' ')[0] },
      };
    });
}
