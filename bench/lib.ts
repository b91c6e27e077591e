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
export const DEFAULT_RUNS = 7;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!;
}

/** Wall time of `fn` in ms, `runs` times (after one warm-up), as a median. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = DEFAULT_RUNS): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
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
