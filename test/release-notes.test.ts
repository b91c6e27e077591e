import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseNotes } from '../.github/scripts/release-notes.js';
import { REPO_ROOT } from '../tools/harness/runner.js';

const SCRIPT = join(REPO_ROOT, '.github', 'scripts', 'release-notes.js');

describe('release notes from CHANGELOG.md', () => {
  it('takes the section of one version, up to the next version', () => {
    const changelog =
      '# Changelog\n\n## [1.1.0] - 2026-12-01\n\n- new\n\n## [1.0.0] - 2026-11-25\n\n- first\n';
    expect(releaseNotes(changelog, '1.1.0')).toBe('- new\n');
    expect(releaseNotes(changelog, '1.0.0')).toBe('- first\n');
    expect(releaseNotes(changelog, '1.0')).toBeUndefined();
    expect(releaseNotes(changelog, '2.0.0')).toBeUndefined();
  });

  it("has a section for package.json's version in the real CHANGELOG.md", () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = spawnSync(process.execPath, [SCRIPT, version], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^### Added/);
  });

  it('fails loudly for a version without notes', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '9.9.9'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no notes for version '9.9.9'");
  });
});
