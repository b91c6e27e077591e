import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CORPUS_REGIONS, CORPUS_SEED, editFile, ensureCorpus, Gen, prng } from './az-corpus.js';
import {
  findExecutable,
  median,
  ms,
  peakMemory,
  REPO_ROOT,
  ratio,
  recordResults,
  timeCommand,
} from './lib.js';

/**
 * az-check on a large IaC tree, whole process, against ripgrep looking for the same kind of
 * string over the same tree in the same run (what a scan costs above reading the bytes), and the
 * diff scan of a 1,000-file change against `git diff --unified=0 base...head` on the same repo,
 * and a small real repository (AZ_CHECK_REAL_REPO: a clone or bare mirror, for example of
 * terraform-aws-modules/terraform-aws-vpc) against `node -e ''` plus rg, since start-up dominates there.
 * Goals (issue #12): full scan within 3x rg and at most 100 MiB peak RSS; diff scan under 300 ms
 * and within 3x git diff; the small repository within 3x of (`node -e ''` + rg).
 */
const RUNS = 7;
const FULL_SCAN_MAX_RATIO = 3;
const FULL_SCAN_MAX_RSS_MIB = 100;
const DIFF_SCAN_MAX_MS = 300;
const DIFF_SCAN_MAX_RATIO = 3;
const REAL_REPO_MAX_RATIO = 3;
const AZ_REGEX = '[a-z]{2}(-gov)?-[a-z]+-[0-9][a-z]';
const BASE_FILES = 4_000;
const CHANGED_FILES = 600;
const ADDED_FILES = 400;
/** Share of the 1,000 changed files whose new lines hard-code an AZ name. */
const EDIT_AZ_SHARE = 0.05;
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function sample(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = GIT_ENV): number {
  timeCommand(command, args, { cwd, env });
  return median(Array.from({ length: RUNS }, () => timeCommand(command, args, { cwd, env })));
}

interface ScanCounts {
  considered: number;
  parsed: number;
  findings: number;
}

/**
 * One run, then its counts from the JSON report: a terminal run prints no `output name=value`
 * lines (they are for the runner), so the report is where the numbers are.
 */
function scanCounts(args: string[], cwd: string, reportPath: string): ScanCounts {
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`az-check exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    scan: { filesConsidered: number; filesParsed: number };
    counts: { error: number; warning: number; note: number };
  };
  const { error, warning, note } = report.counts;
  return {
    considered: report.scan.filesConsidered,
    parsed: report.scan.filesParsed,
    findings: error + warning + note,
  };
}

interface DiffRepo {
  dir: string;
  base: string;
  head: string;
  baseFiles: number;
  changed: number;
  added: number;
}

/** data blocks of git fast-import take byte counts. */
function blob(path: string, text: string): string {
  return `M 644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
}

/**
 * A repository whose base commit holds BASE_FILES corpus files and whose head commit edits
 * CHANGED_FILES of them and adds ADDED_FILES more: 1,000 changed IaC files, written in one
 * fast-import stream. The head is checked out (az-check reads the files on disk).
 */
function buildDiffRepo(corpusDir: string, files: readonly string[]): DiffRepo {
  const dir = join(mkdtempSync(join(tmpdir(), 'rg-bench-az-')), 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: GIT_ENV });
  const scannable = files.filter((f) => !f.endsWith('.md'));
  const base = scannable.slice(0, BASE_FILES);
  const added = scannable.slice(BASE_FILES, BASE_FILES + ADDED_FILES);
  const g = new Gen(prng(CORPUS_SEED + 1));
  const editable = [...base];
  const edited: string[] = [];
  while (edited.length < CHANGED_FILES) {
    const index = g.int(0, editable.length - 1);
    edited.push(...editable.splice(index, 1));
  }
  const read = (path: string) => readFileSync(join(corpusDir, path), 'utf8');
  const parts: string[] = [
    'commit refs/heads/main\nmark :1\ncommitter Bench <bench@example.com> 1700000000 +0000\ndata 5\nbase\n',
  ];
  for (const path of base) parts.push(blob(path, read(path)));
  parts.push(
    'commit refs/heads/feature\nmark :2\ncommitter Bench <bench@example.com> 1700000600 +0000\ndata 5\nhead\nfrom :1\n',
  );
  for (const path of edited) {
    const text = editFile(g, path, read(path), g.pick(CORPUS_REGIONS), g.chance(EDIT_AZ_SHARE));
    parts.push(blob(path, text));
  }
  for (const path of added) parts.push(blob(`added/${path}`, read(path)));
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: `${parts.join('')}done\n`,
    env: GIT_ENV,
    maxBuffer: 1 << 28,
  });
  execFileSync('git', ['checkout', '-q', 'feature'], { cwd: dir, env: GIT_ENV });
  const rev = (ref: string) =>
    execFileSync('git', ['rev-parse', ref], { cwd: dir, env: GIT_ENV }).toString().trim();
  const changedCount = execFileSync('git', ['diff', '--name-only', 'main...feature'], {
    cwd: dir,
    env: GIT_ENV,
  })
    .toString()
    .split('\n')
    .filter(Boolean).length;
  if (changedCount !== CHANGED_FILES + ADDED_FILES)
    throw new Error(`expected ${CHANGED_FILES + ADDED_FILES} changed files, git sees ${changedCount}`);
  return {
    dir,
    base: rev('main'),
    head: rev('feature'),
    baseFiles: base.length,
    changed: CHANGED_FILES,
    added: ADDED_FILES,
  };
}

/** `met (goal)` or `NOT met (goal)`, for the goal column. */
function verdict(met: boolean, goal: string): string {
  return `${met ? 'met' : 'NOT met'} (${goal})`;
}

function scanArgs(cli: string, reportPath: string, scan: string[]): string[] {
  return [cli, 'az-check', ...scan, '--fail-on', 'never', '--no-summary', '--report-path', reportPath];
}

/** rg over the corpus, then the full scan against it: time, ratio and peak RSS. */
async function fullScanRows(cli: string, dir: string, reportPath: string): Promise<string[][]> {
  const rg = findExecutable('rg') ?? findExecutable('/usr/bin/rg');
  const rows: string[][] = [];
  let rgMs: number | undefined;
  if (rg) {
    rgMs = sample(rg, ['-c', '--no-messages', AZ_REGEX, '.'], dir);
    rows.push([`\`rg -c '${AZ_REGEX}'\` over the corpus (baseline)`, ms(rgMs), '1.00×', '—', '—']);
  } else {
    console.warn(
      'ripgrep (rg) is not installed: the full-scan comparison is skipped. Install it with `sudo apt-get install ripgrep` (Debian/Ubuntu) or `brew install ripgrep`.',
    );
    rows.push(['`rg` (baseline)', 'not installed: `apt-get install ripgrep`', '—', '—', '—']);
  }
  const scanAll = scanArgs(cli, reportPath, ['--scan', 'all', '.']);
  const full = scanCounts(scanAll, dir, reportPath);
  const allMs = sample(process.execPath, scanAll, dir);
  const memory = await peakMemory(process.execPath, scanAll, { cwd: dir, env: GIT_ENV });
  const rssMiB = memory.maxRssKiB / 1024;
  const speed =
    rgMs === undefined
      ? 'speed skipped (no rg)'
      : verdict(allMs <= FULL_SCAN_MAX_RATIO * rgMs, `≤ ${FULL_SCAN_MAX_RATIO}×`);
  rows.push([
    `\`az-check --scan all\` (${full.considered} files considered, ${full.parsed} parsed, ${full.findings} findings)`,
    ms(allMs),
    rgMs === undefined ? '—' : ratio(allMs, rgMs),
    `${rssMiB.toFixed(0)} MiB`,
    `${speed}; RSS ${verdict(rssMiB <= FULL_SCAN_MAX_RSS_MIB, `≤ ${FULL_SCAN_MAX_RSS_MIB} MiB`)}`,
  ]);
  return rows;
}

/** git diff of the 1,000-file change, then the diff scan against it. */
async function diffScanRows(cli: string, repo: DiffRepo, reportPath: string): Promise<string[][]> {
  const gitMs = sample('git', ['diff', '--unified=0', `${repo.base}...${repo.head}`], repo.dir);
  const scanChanged = scanArgs(cli, reportPath, [
    '--scan',
    'changed',
    '--base',
    repo.base,
    '--head',
    repo.head,
  ]);
  const diff = scanCounts(scanChanged, repo.dir, reportPath);
  const diffMs = sample(process.execPath, scanChanged, repo.dir);
  const diffMemory = await peakMemory(process.execPath, scanChanged, { cwd: repo.dir, env: GIT_ENV });
  const met = diffMs < DIFF_SCAN_MAX_MS && diffMs <= DIFF_SCAN_MAX_RATIO * gitMs;
  return [
    [
      `\`git diff --unified=0 base...head\` (${repo.changed} edited + ${repo.added} added files; baseline)`,
      ms(gitMs),
      '1.00×',
      '—',
      '—',
    ],
    [
      `\`az-check --scan changed --base <sha> --head <sha>\` (${diff.considered} files considered, ${diff.parsed} parsed, ${diff.findings} findings on added lines)`,
      ms(diffMs),
      ratio(diffMs, gitMs),
      `${(diffMemory.maxRssKiB / 1024).toFixed(0)} MiB`,
      verdict(met, `< ${DIFF_SCAN_MAX_MS} ms and ≤ ${DIFF_SCAN_MAX_RATIO}×`),
    ],
  ];
}

/** `owner/name` from a URL, a clone path, or a mirror path such as `/x/owner+name/repo`. */
function repositoryName(source: string): string {
  const parts = source
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/');
  const mirror = parts.find((part) => part.includes('+'));
  return mirror ? mirror.replace('+', '/') : parts.slice(-2).join('/');
}

/**
 * A small real repository, cloned from AZ_CHECK_REAL_REPO (a path or URL git can clone; a bare
 * mirror works): start-up dominates, so the baseline is `node -e ''` plus rg, medians summed.
 */
function realRepoRows(cli: string, reportPath: string, scratch: string): string[][] {
  const source = process.env.AZ_CHECK_REAL_REPO;
  const rg = findExecutable('rg') ?? findExecutable('/usr/bin/rg');
  if (!source || !rg) {
    const why = source
      ? 'rg is not installed'
      : 'set AZ_CHECK_REAL_REPO to a clone of a small IaC repository';
    return [['small real repository', `skipped: ${why}`, '—', '—', '—']];
  }
  const dir = join(scratch, 'real-repo');
  execFileSync('git', ['clone', '-q', source, dir], { env: GIT_ENV });
  const name = repositoryName(source);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir }).toString().trim();
  const files = execFileSync('git', ['ls-files'], { cwd: dir }).toString().split('\n').filter(Boolean).length;
  const nodeMs = sample(process.execPath, ['-e', ''], dir);
  const rgMs = sample(rg, ['-c', '--no-messages', AZ_REGEX, '.'], dir);
  const baseline = nodeMs + rgMs;
  const scanAll = scanArgs(cli, reportPath, ['--scan', 'all', '.']);
  const counts = scanCounts(scanAll, dir, reportPath);
  const scanMs = sample(process.execPath, scanAll, dir);
  return [
    [
      `\`node -e ''\` + \`rg -c\` on ${name}@${commit} (${files} files; baseline, medians summed)`,
      `${ms(nodeMs)} + ${ms(rgMs)}`,
      '1.00×',
      '—',
      '—',
    ],
    [
      `\`az-check --scan all\` on ${name} (${counts.considered} files considered, ${counts.parsed} parsed, ${counts.findings} findings)`,
      ms(scanMs),
      ratio(scanMs, baseline),
      '—',
      verdict(scanMs <= REAL_REPO_MAX_RATIO * baseline, `≤ ${REAL_REPO_MAX_RATIO}×`),
    ],
  ];
}

export async function run(): Promise<void> {
  const cli = join(REPO_ROOT, 'cli', 'dist', 'index.js');
  if (!existsSync(cli)) throw new Error('cli/dist/index.js is missing: run npm run build');
  const corpus = ensureCorpus();
  const { dir, stats } = corpus;
  const mb = stats.bytes / 1024 / 1024;
  const out = mkdtempSync(join(tmpdir(), 'rg-bench-az-out-'));
  const reportPath = join(out, 'az-check-report.json');
  // For reference: the CLI bundle's own start-up, which every whole-process number includes.
  const coldMs = sample(process.execPath, [cli, '--version'], dir);
  const rows = await fullScanRows(cli, dir, reportPath);
  const repo = buildDiffRepo(dir, corpus.files);
  try {
    rows.push(...(await diffScanRows(cli, repo, reportPath)));
    rows.push(...realRepoRows(cli, reportPath, out));
  } finally {
    rmSync(dirname(repo.dir), { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  rows.push(['`resilience-gates --version` (CLI start-up alone, for reference)', ms(coldMs), '—', '—', '—']);
  const kinds = Object.entries(stats.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  recordResults({
    title: 'az-check: full scan of a large IaC tree, a 1,000-file diff scan, a small real repository',
    note:
      `Corpus: ${mb.toFixed(1)} MB in ${stats.files} files (seeded, bench/az-corpus.ts: ${kinds}); ` +
      `${stats.filesWithAzNames} files hard-code AZ names. Median of ${RUNS} whole-process runs each (after one warm-up, page cache warm), ` +
      `CLI under ${process.version}. Peak memory: /usr/bin/time -v (ru_maxrss) or equivalent. Diff repo: base commit with ${repo.baseFiles} corpus files, head edits ${repo.changed} and adds ${repo.added}. ` +
      `Goals: full scan ≤ ${FULL_SCAN_MAX_RATIO}× rg and ≤ ${FULL_SCAN_MAX_RSS_MIB} MiB; diff scan < ${DIFF_SCAN_MAX_MS} ms and ≤ ${DIFF_SCAN_MAX_RATIO}× git diff; ` +
      `small repository ≤ ${REAL_REPO_MAX_RATIO}× (node -e '' + rg).`,
    headers: ['command', 'median', 'vs baseline', 'peak RSS', 'goal'],
    rows,
  });
}
