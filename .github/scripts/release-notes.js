#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (`## [1.2.0] - 2026-11-27` up to the next `## `),
// for the release workflow's notes. Exits 1 when the version has no section: a release without
// notes is a forgotten changelog entry, not something to publish silently.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  const notes = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return notes === '' ? undefined : `${notes}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  const path = process.argv[3] ?? new URL('../../CHANGELOG.md', import.meta.url);
  const notes = version ? releaseNotes(readFileSync(path, 'utf8'), version) : undefined;
  if (!notes) {
    process.stderr.write(
      `CHANGELOG.md has no notes for version '${version ?? ''}': add a '## [${version}]' section\n`,
    );
    process.exit(1);
  }
  process.stdout.write(notes);
}
