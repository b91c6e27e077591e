import { type Dirent, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { formatOf } from './scan-file.js';

/**
 * Which files a scan reads: the formats az-check knows, under `paths` (files, folders or globs),
 * minus `ignore-paths` and folders that only hold downloaded or generated copies of other code.
 * cdk.out is deliberately not skipped: synthesized templates are in scope.
 */
const SKIPPED_FOLDERS = new Set([
  '.git',
  'node_modules',
  '.terraform',
  '.terragrunt-cache',
  '.serverless',
  '.venv',
]);
export const GLOB_CHARACTERS = /[*?[\]{}!]/;

export type PathFilter = (relativePath: string) => boolean;

/** Forward-slash path relative to the root, as diffs, globs and annotations use. */
export function toRelative(root: string, path: string): string {
  const rel = isAbsolute(path) ? relative(root, path) : path;
  return rel.split(sep).join('/').replace(/^\.\//, '');
}

function matcher(pattern: string, root: string): PathFilter {
  const normalized = toRelative(root, pattern).replace(/\/+$/, '');
  if (normalized === '' || normalized === '.') return () => true;
  if (GLOB_CHARACTERS.test(normalized)) return picomatch(normalized, { dot: true });
  // A plain file or folder name: the file itself or everything under the folder.
  return (path) => path === normalized || path.startsWith(`${normalized}/`);
}

export function pathFilter(
  root: string,
  paths: readonly string[],
  ignorePaths: readonly string[],
): PathFilter {
  const include = paths.map((p) => matcher(p, root));
  const exclude = ignorePaths.map((p) => matcher(p, root));
  return (path) =>
    (include.length === 0 || include.some((m) => m(path))) &&
    !exclude.some((m) => m(path)) &&
    formatOf(path) !== undefined;
}

/**
 * Every scannable file under the root, sorted. Folders are read synchronously: a checkout is in
 * the page cache, where one readdir costs microseconds and a hop through libuv's thread pool per
 * folder cost more than the read itself (the 4,244-folder bench corpus: 170 ms async, 50 ms sync).
 */
export async function listFiles(root: string, filter: PathFilter): Promise<string[]> {
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && filter(path)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
