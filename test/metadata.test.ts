import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_FILE } from '../actions/az-check/src/settings.js';
import { GATES } from '../cli/gates.js';

/**
 * The one metadata test, parametrized over every action: each action's metadata, README and gate
 * definition in step. Every input and output in action.yml is documented in the README's tables
 * in the same order, the README invents none, the gate (and so the CLI) reads exactly the same
 * inputs, and the runner finds the bundles action.yml names. Gate-specific documentation checks
 * (IAM policies, outcome tables) stay beside each gate's tests.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const ACTIONS = readdirSync(join(ROOT, 'actions')).filter((name) =>
  existsSync(join(ROOT, 'actions', name, 'action.yml')),
);

interface ActionMetadata {
  name?: string;
  description?: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string; post?: string; 'post-if'?: string };
}

const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

function metadata(action: string): ActionMetadata {
  return parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** Names in the first column (`name`) of the table under a `## <title>` heading. */
function readmeTableNames(readme: string, title: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(title));
  if (!section) return [];
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((match) => match[1]!);
}

describe.each(ACTIONS)('actions/%s', (action) => {
  const meta = metadata(action);
  const readme = readFileSync(join(ROOT, 'actions', action, 'README.md'), 'utf8');

  it('is valid action metadata for a node24 JavaScript action', () => {
    expect(meta.name).toBeTruthy();
    expect(meta.description).toBeTruthy();
    expect(meta.author).toBeTruthy();
    expect(meta.branding?.icon).toBeTruthy();
    expect(BRANDING_COLORS).toContain(meta.branding?.color);
    expect(existsSync(join(ROOT, 'actions', action, 'dist', 'index.js'))).toBe(true);
    const hasPost = existsSync(join(ROOT, 'actions', action, 'src', 'post.ts'));
    // A post step exists exactly when the action has a post entry, and then it always runs
    // (a cancelled job is when cleanup matters most).
    expect(meta.runs).toEqual(
      hasPost
        ? { using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' }
        : { using: 'node24', main: 'dist/index.js' },
    );
    if (hasPost) expect(existsSync(join(ROOT, 'actions', action, 'dist', 'post', 'index.js'))).toBe(true);
  });

  it('describes every input and output; defaults are strings, as the runner passes them', () => {
    for (const [name, input] of Object.entries(meta.inputs ?? {})) {
      expect(input.description, name).toBeTruthy();
      if (input.default !== undefined) expect(typeof input.default, `${name} default`).toBe('string');
    }
    for (const [name, output] of Object.entries(meta.outputs ?? {}))
      expect(output.description, name).toBeTruthy();
  });

  it('documents exactly the inputs and outputs of action.yml in its README, in the same order', () => {
    expect(readmeTableNames(readme, 'Inputs')).toEqual(Object.keys(meta.inputs ?? {}));
    expect(readmeTableNames(readme, 'Outputs')).toEqual(Object.keys(meta.outputs ?? {}));
  });

  it('its gate reads exactly the inputs of action.yml, in order (and so does the CLI)', async () => {
    const entry = GATES.find((g) => g.name === action);
    expect(entry, `cli/gates.ts registers ${action}`).toBeDefined();
    const gate = await entry!.load();
    expect(gate.name).toBe(action);
    expect([...gate.inputs]).toEqual(Object.keys(meta.inputs ?? {}));
  });
});

describe('the suite', () => {
  it('has the four actions', () => {
    expect(ACTIONS.sort()).toEqual(['az-check', 'branch-policy', 'canary-gate', 'run-experiment']);
  });

  it("treats az-check's action.yml config default as the optional default file", () => {
    // The runner passes this default as if typed; settings.ts must recognize it to keep it optional.
    expect(metadata('az-check').inputs?.config?.default).toBe(DEFAULT_CONFIG_FILE);
  });
});
