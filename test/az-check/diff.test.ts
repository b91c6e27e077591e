import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedLines } from '../../actions/az-check/src/diff.js';
import { runAzCheck } from '../../actions/az-check/src/gate.js';
import type { AzCheckSettings } from '../../actions/az-check/src/settings.js';
import { MemoryLogger } from '../../core/log.js';
import { git, type PullRequestRepo, pullRequestRepo, shallowCheckout } from './git-repo.js';
import { recordingHost } from './host.js';

function settingsFor(root: string, bounds: Partial<AzCheckSettings>): AzCheckSettings {
  return {
    root,
    paths: [],
    ignorePaths: [],
    scan: 'changed',
    diffSource: 'inputs',
    failOn: 'error',
    configPath: join(root, '.az-check.yml'),
    configRequired: false,
    reportPath: join(root, 'report.json'),
    resolve: false,
    fix: false,
    zoneMap: new Map(),
    roleArns: [],
    ...bounds,
  };
}

function lines(set: Set<number> | 'all' | undefined): number[] | 'all' | undefined {
  return set === 'all' || set === undefined ? set : [...set].sort((a, b) => a - b);
}

describe('diff mode on real git repositories', () => {
  let repo: PullRequestRepo;

  beforeAll(() => {
    repo = pullRequestRepo();
  });
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  it("reads GitHub's shallow merge checkout against its first parent, in merge-result line numbers", async () => {
    const checkout = shallowCheckout(repo, 'refs/pull/1/merge', 'pr-merge');
    expect(git(checkout, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const log = new MemoryLogger();
    const change = await changedLines(
      settingsFor(checkout, { base: repo.baseSha, head: repo.headSha, diffSource: 'pull_request' }),
      log,
    );
    // main.tf in the merge result: 3 header lines from main + 9 initial lines, then the 5 added.
    expect(lines(change?.lines.get('infra/main.tf'))).toEqual([13, 14, 15, 16, 17]);
    expect(lines(change?.lines.get('k8s/values.yaml'))).toEqual([1, 2]);
    expect(change?.description).toContain('merge commit');
    expect(log.lines.join('\n')).toContain('is the merge of');
  });

  it('deepens a shallow checkout of the head until the merge base appears (push, merge_group)', async () => {
    const checkout = shallowCheckout(repo, 'refs/heads/feature', 'push-head');
    const log = new MemoryLogger();
    const change = await changedLines(
      settingsFor(checkout, { base: repo.baseSha, head: repo.headSha, diffSource: 'push' }),
      log,
    );
    // Three-dot: what feature added since its merge base, in the head's line numbers.
    expect(lines(change?.lines.get('infra/main.tf'))).toEqual([10, 11, 12, 13, 14]);
    expect(log.lines.join('\n')).toContain('deepening');
  });

  it('falls back to every file when a push has no base and no default branch is known', async () => {
    const checkout = shallowCheckout(repo, 'refs/heads/feature', 'new-branch');
    const change = await changedLines(
      settingsFor(checkout, { head: repo.headSha, diffSource: 'push' }),
      new MemoryLogger(),
    );
    expect(change).toBeUndefined();
  });

  it('on a laptop: the working tree (uncommitted and untracked too) against origin/HEAD', async () => {
    writeFileSync(join(repo.work, 'infra/extra.tf'), 'locals {\n  az = "us-east-1f"\n}\n');
    const change = await changedLines(settingsFor(repo.work, { diffSource: 'local' }), new MemoryLogger());
    expect(lines(change?.lines.get('infra/main.tf'))).toEqual([10, 11, 12, 13, 14]);
    expect(change?.lines.get('infra/extra.tf')).toBe('all');
    git(repo.work, 'clean', '-qfd');
  });

  it('scans a subfolder with paths relative to it', async () => {
    const checkout = shallowCheckout(repo, 'refs/pull/1/merge', 'pr-sub');
    const change = await changedLines(
      settingsFor(join(checkout, 'infra'), {
        base: repo.baseSha,
        head: repo.headSha,
        diffSource: 'pull_request',
      }),
      new MemoryLogger(),
    );
    expect([...(change?.lines.keys() ?? [])]).toEqual(['main.tf']);
  });

  it('refuses a folder that is not a repository, in one line', async () => {
    await expect(changedLines(settingsFor(repo.dir, {}), new MemoryLogger())).rejects.toThrow(
      'scan: changed needs a git repository',
    );
  });

  it('reports only findings on added lines, through the whole gate', async () => {
    const checkout = shallowCheckout(repo, 'refs/pull/1/merge', 'pr-gate');
    const event = join(repo.dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({ pull_request: { base: { sha: repo.baseSha }, head: { sha: repo.headSha } } }),
    );
    const host = recordingHost({}, checkout, { GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'pull_request' });
    const outcome = await runAzCheck(host);
    expect(outcome.result).toBe('fail');
    expect(host.annotations.map((a) => `${a.file}:${a.startLine}:${a.startColumn} ${a.title}`)).toEqual([
      'infra/main.tf:16:24 AZ001 az-name-in-placement',
      'k8s/values.yaml:2:32 AZ001 az-name-in-placement',
    ]);
    // The pre-existing us-east-1a subnet (line 11 of the merge result, us-east-1a) is not part of the change.
    expect(host.outputs['findings-count']).toBe('2');
    expect(host.outputs['files-scanned']).toBe('2');
  });
});
