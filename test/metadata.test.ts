import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_FILE } from '../actions/az-check/src/settings.js';
import { GATES } from '../cli/gates.js';

/**
 * Keeps each action's metadata, README and CLI flags in step: every input and output in
 * action.yml is documented in the README's tables, the README invents none, and the CLI
 * accepts exactly the same inputs.
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
    expect(meta.runs?.using).toBe('node24');
    expect(meta.runs?.main).toBe('dist/index.js');
    expect(existsSync(join(ROOT, 'actions', action, meta.runs!.main!))).toBe(true);
    if (meta.runs?.post) {
      expect(meta.runs.post).toBe('dist/post/index.js');
      expect(existsSync(join(ROOT, 'actions', action, meta.runs.post))).toBe(true);
    }
  });

  it('describes every input and output', () => {
    for (const [name, input] of Object.entries(meta.inputs ?? {}))
      expect(input.description, name).toBeTruthy();
    for (const [name, output] of Object.entries(meta.outputs ?? {}))
      expect(output.description, name).toBeTruthy();
  });

  it('documents exactly the inputs and outputs of action.yml in its README', () => {
    expect(readmeTableNames(readme, 'Inputs').sort()).toEqual(Object.keys(meta.inputs ?? {}).sort());
    expect(readmeTableNames(readme, 'Outputs').sort()).toEqual(Object.keys(meta.outputs ?? {}).sort());
  });

  it('accepts the same inputs on the CLI', async () => {
    const entry = GATES.find((g) => g.name === action);
    expect(entry, `cli/gates.ts registers ${action}`).toBeDefined();
    const gate = await entry!.load();
    expect(gate.name).toBe(action);
    expect([...gate.inputs].sort()).toEqual(Object.keys(meta.inputs ?? {}).sort());
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
