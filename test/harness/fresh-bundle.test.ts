import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCES_MANIFEST, sourceDigest } from '../../scripts/bundles.js';
import { assertFreshBundle } from '../../tools/harness/fresh-bundle.js';
import { REPO_ROOT } from '../../tools/harness/runner.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function bundleDir(manifest?: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-fresh-'));
  made.push(dir);
  if (manifest) writeFileSync(join(dir, SOURCES_MANIFEST), JSON.stringify(manifest));
  return dir;
}

describe('e2e tests refuse a stale bundle', () => {
  it('accepts a bundle whose recorded sources match the working tree', () => {
    expect(() =>
      assertFreshBundle(bundleDir({ 'core/clock.ts': sourceDigest('core/clock.ts') })),
    ).not.toThrow();
  });

  it('names the changed source and the command that rebuilds', () => {
    const stale = bundleDir({ 'core/clock.ts': '0'.repeat(64), 'core/log.ts': sourceDigest('core/log.ts') });
    expect(() => assertFreshBundle(stale)).toThrow(/is stale: core\/clock\.ts changed since it was built/);
  });

  it('counts a deleted source as changed', () => {
    expect(() => assertFreshBundle(bundleDir({ 'core/no-such-file.ts': '0'.repeat(64) }))).toThrow(
      /core\/no-such-file\.ts changed/,
    );
  });

  it('refuses a bundle without a manifest', () => {
    expect(() => assertFreshBundle(bundleDir())).toThrow(/has no sources\.json/);
  });

  it('the committed bundles are fresh (else every e2e test would refuse to run)', () => {
    for (const action of ['az-check', 'branch-policy', 'canary-gate', 'run-experiment']) {
      expect(() => assertFreshBundle(join(REPO_ROOT, 'actions', action, 'dist'))).not.toThrow();
    }
  });
});
