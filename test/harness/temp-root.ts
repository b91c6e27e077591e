import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the whole run gets one private temporary folder (TMPDIR, inherited by the
 * workers, the bundles and git), so a run leaves nothing in the system temp folder whatever a test
 * forgets. At the end it names what tests left behind (each test should clean up its own) and
 * removes the folder.
 */
const LEFTOVERS_SHOWN = 10;

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'rg-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root);
    if (left.length > 0) {
      console.warn(
        `Tests left ${left.length} temporary entries (removed now): ${left.slice(0, LEFTOVERS_SHOWN).join(', ')}`,
      );
    }
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
