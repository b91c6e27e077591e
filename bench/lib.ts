import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * Benchmark plumbing: every benchmark reports medians of several runs and a ratio to a baseline
 * measured in the same run, and appends its table to bench/RESULTS.md with the date and machine.
 */
export const BENCH_DIR = new URL('.', import.meta.url).pathname;
export const REPO_ROOT = new URL('..', import.meta.url).pathname;
export const RESULTS_PATH = join(BENCH_DIR, 'RESULTS.md');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!;
}

/** Runs a command to completion (no shell) and returns its wall time in ms. */
export function timeCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): number {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'ignore',
  });
  const elapsed = performance.now() - started;
  if (result.error) throw result.error;
  return elapsed;
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export interface BenchTable {
  title: string;
  /** What the baseline is and the goal, for readers of RESULTS.md. */
  note: string;
  headers: string[];
  rows: string[][];
}

export function renderTable(table: BenchTable): string {
  const head = `| ${table.headers.join(' | ')} |\n| ${table.headers.map(() => '---').join(' | ')} |`;
  const body = table.rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
  return `### ${table.title}\n\n${table.note}\n\n${head}\n${body}\n`;
}

export function recordResults(table: BenchTable): void {
  const text = renderTable(table);
  console.log(`\n${text}`);
  if (!existsSync(RESULTS_PATH)) {
    writeFileSync(RESULTS_PATH, '# Benchmark results\n\nAppended by `npm run bench`; newest last.\n');
  }
  appendFileSync(
    RESULTS_PATH,
    `\n## ${new Date().toISOString().slice(0, 10)} on ${machineLine()}\n\n${text}`,
  );
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const ratio = (value: number, baseline: number): string => `${(value / baseline).toFixed(2)}×`;

/** The absolute path of an executable on PATH (or the given absolute path), or undefined. */
export function findExecutable(name: string): string | undefined {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  for (const folder of (process.env.PATH ?? '').split(':')) {
    if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

export interface PeakMemory {
  /** Peak resident set size of the command, in KiB. */
  maxRssKiB: number;
  /** How it was measured, for the report. */
  method: string;
}

/**
 * Peak RSS of a command run to completion (no shell). With GNU time (`/usr/bin/time -v`, Debian
 * package `time`) it is the kernel's ru_maxrss of the child, exact. Without it, the child's
 * /proc/<pid>/status VmHWM is polled every 5 ms until it exits: a lower bound that can miss a
 * peak in the last few milliseconds.
 */
export async function peakMemory(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<PeakMemory> {
  const gnuTime = findExecutable('/usr/bin/time');
  if (gnuTime) {
    const result = spawnSync(gnuTime, ['-v', command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    if (result.error) throw result.error;
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    if (match) return { maxRssKiB: Number(match[1]), method: '/usr/bin/time -v (ru_maxrss)' };
  }
  const { spawn } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'ignore',
  });
  let peak = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]));
    } catch {
      // The process is gone.
    }
  };
  const timer = setInterval(read, 5);
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  clearInterval(timer);
  return { maxRssKiB: peak, method: '/proc/<pid>/status VmHWM polled every 5 ms (lower bound)' };
}
