import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run test:stress [-- <vitest filters>]`: runs the suite three times in a row with a CPU hog
 * beside it (one busy process per core) and reports each run's pass or fail, its duration and the
 * entries it left in its temp folder (a private TMPDIR, so other processes on the machine do not
 * count). Exit code 1 when any run failed or left anything.
 */
const RUNS = 3;
const ROOT = new URL('../../', import.meta.url).pathname;
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const HOG_SOURCE = 'for (;;) {}';

function startHogs(): ChildProcess[] {
  return Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', HOG_SOURCE], { stdio: 'ignore' }),
  );
}

function runSuite(filters: string[], temp: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...filters], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TMPDIR: temp },
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

interface RunReport {
  run: number;
  passed: boolean;
  seconds: number;
  leftInTemp: string[];
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const hogs = startHogs();
  const reports: RunReport[] = [];
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const temp = mkdtempSync(join(tmpdir(), 'rg-stress-'));
      const started = Date.now();
      const code = await runSuite(filters, temp);
      const leftInTemp = readdirSync(temp);
      rmSync(temp, { recursive: true, force: true });
      reports.push({
        run,
        passed: code === 0,
        seconds: Math.round((Date.now() - started) / 1000),
        leftInTemp,
      });
    }
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
  console.log(
    `\ntest:stress, ${RUNS} runs beside ${hogs.length} CPU hog(s)${filters.length ? ` (${filters.join(' ')})` : ''}:`,
  );
  for (const report of reports) {
    const left = report.leftInTemp.length
      ? `, left ${report.leftInTemp.length} entries in its temp folder`
      : '';
    console.log(`  run ${report.run}: ${report.passed ? 'pass' : 'FAIL'} in ${report.seconds}s${left}`);
  }
  const passed = reports.filter((r) => r.passed && r.leftInTemp.length === 0).length;
  console.log(`${passed} passed, ${RUNS - passed} failed`);
  return passed === RUNS ? 0 : 1;
}

process.exitCode = await main();
