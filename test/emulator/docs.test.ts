import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScaledClock } from '../../tools/emulator/clock.js';
import { getScenario, scenarioNames } from '../../tools/emulator/scenarios.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';

/** The emulator is documented for people: what its README promises exists, and the reverse. */
const EMULATOR_README = readFileSync(join(REPO_ROOT, 'tools', 'emulator', 'README.md'), 'utf8');
const USER_DOCS = ['README.md', 'actions/run-experiment/README.md', 'actions/canary-gate/README.md'];
const TEMPLATE_ID = /\bEXT[A-Za-z0-9]{6,}\b/g;

function allTemplateIds(): Set<string> {
  return new Set(
    scenarioNames().flatMap((name) => (getScenario(name).experimentTemplates ?? []).map((t) => t.id)),
  );
}

describe('the emulator README', () => {
  it('names every template, canary and alarm of the default and degraded scenarios', () => {
    for (const name of ['default', 'degraded']) {
      const scenario = getScenario(name);
      const names = [
        ...(scenario.experimentTemplates ?? []).map((t) => t.id),
        ...(scenario.canaries ?? []).map((c) => c.name),
        ...(scenario.alarms ?? []).map((a) => a.name),
      ];
      expect(names.length).toBeGreaterThan(0);
      for (const shown of names) expect(EMULATOR_README, `${name}: ${shown}`).toContain(`\`${shown}\``);
    }
    for (const name of scenarioNames()) expect(EMULATOR_README).toContain(`\`${name}\``);
  });

  it('every template id in the user docs exists in a scenario, so the examples run against it', () => {
    const known = allTemplateIds();
    const shown = USER_DOCS.flatMap(
      (doc) => readFileSync(join(REPO_ROOT, doc), 'utf8').match(TEMPLATE_ID) ?? [],
    );
    shown.push(...(EMULATOR_README.match(TEMPLATE_ID) ?? []));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('npm run emulator', () => {
  /** Runs the emulator CLI without blocking the worker (Vitest's RPC needs its event loop). */
  function emulatorCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'tools', 'emulator', 'cli.ts'), ...args],
        {
          cwd: REPO_ROOT,
          // tsx would leave its compile cache in the test run's temp folder.
          env: { ...process.env, TSX_DISABLE_CACHE: '1' },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  it('refuses a bad --speed, --port or --scenario in one line with exit code 2', async () => {
    for (const [args, message] of [
      [['--speed', '0'], "Invalid --speed '0': use a number above 0 like 10"],
      [['--speed', 'fast'], "Invalid --speed 'fast': use a number above 0 like 10"],
      [['--port=-1'], "Invalid --port '-1': use a port number like 4566"],
      [['--port', '-1'], "Option '--port' argument is ambiguous. (see --help)"],
      [['--scenario', 'nope'], "Unknown --scenario 'nope': use one of default, empty, degraded"],
    ] as const) {
      const run = await emulatorCli([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toBe(message);
    }
  });

  it('documents --speed in its help', async () => {
    const run = await emulatorCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--speed');
  });
});

describe('ScaledClock', () => {
  it('runs `speed` times faster than real time from its start', async () => {
    const start = Date.now();
    const clock = new ScaledClock(100, start);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Emulator time moved 100x the real time that passed, read between two real readings (bounds,
    // not a timing assertion: a timer may fire a millisecond early by Date.now()).
    const realBefore = Date.now() - start;
    const emulated = clock.now() - start;
    const realAfter = Date.now() - start;
    expect(realBefore).toBeGreaterThan(0);
    expect(emulated).toBeGreaterThanOrEqual(100 * realBefore);
    expect(emulated).toBeLessThanOrEqual(100 * realAfter);
  });

  it('refuses a speed that is not above zero', () => {
    expect(() => new ScaledClock(0)).toThrow('speed must be a positive number, got 0');
  });
});
