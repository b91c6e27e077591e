import { describe, expect, it } from 'vitest';
import { parseEvent, readEvent } from '../../actions/branch-policy/src/event.js';
import { readSettings } from '../../actions/branch-policy/src/settings.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { pullRequestEvent, pushEvent } from '../../tools/harness/events.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';
import { runGate } from './harness.js';

function settings(
  values: Record<string, string>,
  event = parseEvent(
    'push',
    pushEvent({ branch: 'main', before: 'a'.repeat(40), after: 'b'.repeat(40) }).payload,
  ),
) {
  return readSettings(new Inputs(mapInputReader(values)), { RUNNER_TEMP: '/tmp/rt' }, event, '/work');
}

describe('readSettings', () => {
  it.each([
    [{ 'merge-style': 'squash' }, "Invalid merge-style 'squash': use one of merge, linear, any"],
    [{ 'no-merge-commits': 'yes' }, "Invalid no-merge-commits 'yes': use true or false"],
    [{ 'require-rebased': 'on' }, "Invalid require-rebased 'on': use true or false"],
    [{ 'max-commits': '0' }, "Invalid max-commits '0': use a whole number from 1 to 1000000"],
    [{ 'max-commits': 'ten' }, "Invalid max-commits 'ten': use a whole number from 1 to 1000000"],
    [
      { remote: '--upload-pack=evil' },
      "Invalid remote '--upload-pack=evil': use a remote name such as origin",
    ],
    [
      { base: 'main\nrm -rf /' },
      "Invalid base 'main\\nrm -rf /': use a branch, tag, SHA or revision such as origin/main or HEAD~3",
    ],
  ])('refuses %j in one line', (values, message) => {
    let error: unknown;
    try {
      settings(values);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('defaults: every rule on, merge-style any, default branch plus release/* protected', () => {
    const parsed = settings({});
    expect(parsed.rules).toEqual({
      noMergeCommits: true,
      requireRebased: true,
      noAutosquashCommits: true,
      maxCommits: undefined,
      noForcePush: true,
      mergeStyle: 'any',
    });
    expect(parsed.protectedPatterns).toEqual(['release/*']);
    expect(parsed.protectDefaultBranch).toBe(true);
    expect(parsed.defaultBranch).toBe('main');
    expect(parsed.path).toBe('/work');
    expect(parsed.reportPath).toBe('/tmp/rt/branch-policy-report.json');
  });

  it('reads lists, strips refs/heads/ and accepts YAML booleans', () => {
    const parsed = settings({
      'protected-branches': 'refs/heads/trunk, release/**',
      'allow-authors': 'dependabot[bot]\n# comment\n*@bots.example.com',
      'no-autosquash-commits': 'False',
      'max-commits': '25',
    });
    expect(parsed.protectedPatterns).toEqual(['trunk', 'release/**']);
    expect(parsed.protectDefaultBranch).toBe(false);
    expect(parsed.allowAuthors).toEqual(['dependabot[bot]', '*@bots.example.com']);
    expect(parsed.rules.noAutosquashCommits).toBe(false);
    expect(parsed.rules.maxCommits).toBe(25);
  });

  it('takes the PR head SHA, never the synthetic merge, and lets base/head override it', () => {
    const event = parseEvent(
      'pull_request',
      pullRequestEvent({ base: 'main', baseSha: '1'.repeat(40), head: 'feat', headSha: '2'.repeat(40) })
        .payload,
    );
    expect(settings({}, event).target).toMatchObject({
      kind: 'pull-request',
      base: { name: 'main', revision: '1'.repeat(40) },
      head: { name: 'feat', revision: '2'.repeat(40) },
    });
    expect(settings({ base: 'develop', head: 'HEAD~1' }, event).target).toMatchObject({
      base: { name: 'develop', revision: 'develop' },
      head: { name: 'HEAD~1', revision: 'HEAD~1' },
    });
  });

  it('checks HEAD against origin/HEAD-or-main with no event (the CLI)', () => {
    expect(settings({}, { kind: 'none' }).target).toEqual({ kind: 'local', base: undefined, head: 'HEAD' });
  });
});

describe('readEvent', () => {
  it('reads no event outside Actions and refuses malformed payloads in one line', async () => {
    expect(await readEvent({})).toEqual({ kind: 'none' });
    expect(await readEvent({ GITHUB_EVENT_NAME: 'schedule' })).toEqual({ kind: 'other', name: 'schedule' });
    expect(() => parseEvent('pull_request', { pull_request: { head: {} } })).toThrow(
      "The 'pull_request' event payload has no pull_request.head.sha",
    );
    expect(() => parseEvent('merge_group', {})).toThrow(
      "The 'merge_group' event payload has no merge_group.head_sha",
    );
    await expect(
      readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/nonexistent/event.json' }),
    ).rejects.toThrow(/Cannot read the event payload \/nonexistent\/event.json/);
  });

  it('reports neutral, not pending, for events it has no rules for', async () => {
    const sandbox = new Sandbox();
    try {
      const run = await runGate(sandbox, {
        event: { name: 'workflow_dispatch', payload: {} },
        workspace: sandbox.workDir,
      });
      expect(run.outcome).toEqual({
        result: 'neutral',
        summaryLine:
          'Nothing to check for workflow_dispatch: branch-policy checks pull_request, merge_group and push',
      });
      expect(run.host.outputs.result).toBe('neutral');
    } finally {
      sandbox.cleanup();
    }
  });

  it('validates inputs before any git work', async () => {
    const sandbox = new Sandbox();
    try {
      const event = pullRequestEvent({
        base: 'main',
        baseSha: '1'.repeat(40),
        head: 'x',
        headSha: '2'.repeat(40),
      });
      await expect(
        runGate(sandbox, { event, workspace: '/nonexistent', inputs: { 'merge-style': 'rebase' } }),
      ).rejects.toThrow("Invalid merge-style 'rebase': use one of merge, linear, any");
    } finally {
      sandbox.cleanup();
    }
  });
});
