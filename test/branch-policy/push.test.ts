import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../../tools/harness/events.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';
import { runGate } from './harness.js';

/** Push rules on protected branches: never rewritten, arrivals follow merge-style. */
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = new Sandbox();
  sandbox.commits(2, 'main work');
  sandbox.push('HEAD:refs/heads/main');
});
afterEach(() => sandbox.cleanup());

/** main gets c3, c4; then is reset to c2 and c5 is force-pushed. Returns before/after and the dropped SHAs. */
function forcePush(): { before: string; after: string; dropped: string[] } {
  const c3 = sandbox.commit('c3 shared work');
  const before = sandbox.commit('c4 shared work');
  sandbox.push('refs/heads/main:refs/heads/main');
  sandbox.git(['reset', '--quiet', '--hard', 'HEAD~2']);
  const after = sandbox.commit('c5 rewritten');
  sandbox.push('refs/heads/main:refs/heads/main');
  return { before, after, dropped: [before, c3] };
}

describe('push', () => {
  it('detects a force push from a shallow clone and lists the dropped commits', async () => {
    const { before, after, dropped } = forcePush();
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: true }),
      workspace: sandbox.shallowClone('main'),
    });
    expect(run.outcome.result).toBe('fail');
    expect(run.violations.map((v) => [v.rule, v.sha, v.subject])).toEqual([
      ['no-force-push', dropped[0], 'c4 shared work'],
      ['no-force-push', dropped[1], 'c3 shared work'],
    ]);
    expect(run.violations[0]?.message).toBe(
      `dropped by a force push to main (${before.slice(0, 7)} -> ${after.slice(0, 7)})`,
    );
    expect(run.report.fixCommands).toEqual([
      `git fetch origin ${before}`,
      'git switch -- main',
      'git merge --ff-only origin/main',
      `git merge --no-ff -m 'Restore commits dropped by force push ${before.slice(0, 7)}' ${before}`,
      'git push origin main',
    ]);
  });

  it('detects a rewrite by ancestry even when the forced flag is not set', async () => {
    const { before, after } = forcePush();
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: false }),
      workspace: sandbox.workDir,
    });
    expect(run.violations.map((v) => v.rule)).toEqual(['no-force-push', 'no-force-push']);
  });

  it('reports a force push whose old tip is gone, and says the dropped commits are unknown', async () => {
    const after = sandbox.sha('HEAD');
    const before = 'deadbeef'.repeat(5);
    const run = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: true }),
      workspace: sandbox.workDir,
    });
    expect(run.violations).toEqual([
      {
        rule: 'no-force-push',
        sha: before,
        subject: '(not available)',
        author: 'unknown',
        message: `force push to main (deadbee -> ${after.slice(0, 7)}) rewrote history; the dropped commits could not be read`,
      },
    ]);
    expect(run.report.notes).toContain(
      'The previous tip deadbee could not be read: the dropped commits are not listed',
    );
  });

  it('passes a fast-forward push and can turn no-force-push off', async () => {
    const before = sandbox.sha('HEAD');
    const after = sandbox.commit('c3');
    sandbox.push('refs/heads/main:refs/heads/main');
    const ff = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after }),
      workspace: sandbox.workDir,
    });
    expect(ff.outcome.result).toBe('pass');
    const forced = forcePush();
    const off = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before: forced.before, after: forced.after, forced: true }),
      workspace: sandbox.workDir,
      inputs: { 'no-force-push': 'false' },
    });
    expect(off.outcome.result).toBe('pass');
  });

  describe('merge-style', () => {
    function mixedPush(): { before: string; direct: string; merge: string } {
      const before = sandbox.sha('HEAD');
      const direct = sandbox.commit('pushed straight to main');
      sandbox.switch('feature', true);
      sandbox.commits(2, 'feature work');
      sandbox.switch('main');
      const merge = sandbox.merge('feature');
      sandbox.push('refs/heads/main:refs/heads/main');
      return { before, direct, merge };
    }

    it('merge: every first-parent commit that arrived must be a merge', async () => {
      const { before, direct, merge } = mixedPush();
      const run = await runGate(sandbox, {
        event: pushEvent({ branch: 'main', before, after: merge }),
        workspace: sandbox.shallowClone('main'),
        inputs: { 'merge-style': 'merge' },
      });
      expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
        ['merge-style', direct, 'arrived on main without a merge commit (merge-style: merge)'],
      ]);
      expect(run.report.checkedCommits).toBe(2);
      expect(run.report.fixCommands).toContain('git merge --no-ff <branch>');
    });

    it('linear: no first-parent commit that arrived may be a merge', async () => {
      const { before, merge } = mixedPush();
      const run = await runGate(sandbox, {
        event: pushEvent({ branch: 'main', before, after: merge }),
        workspace: sandbox.workDir,
        inputs: { 'merge-style': 'linear' },
      });
      expect(run.violations.map((v) => [v.rule, v.sha, v.message])).toEqual([
        ['merge-style', merge, 'merge commit on main, which keeps a linear history (merge-style: linear)'],
      ]);
    });

    it('any (the default) accepts both', async () => {
      const { before, merge } = mixedPush();
      const run = await runGate(sandbox, {
        event: pushEvent({ branch: 'main', before, after: merge }),
        workspace: sandbox.workDir,
      });
      expect(run.outcome.result).toBe('pass');
    });
  });

  it('only checks protected branches: default branch and release/* unless protected-branches says otherwise', async () => {
    const before = sandbox.sha('HEAD');
    const after = sandbox.commit('direct');
    sandbox.push('refs/heads/main:refs/heads/topic', 'refs/heads/main:refs/heads/release/1.0');
    const inputs = { 'merge-style': 'merge' };
    const topic = await runGate(sandbox, {
      event: pushEvent({ branch: 'topic', before, after }),
      workspace: sandbox.workDir,
      inputs,
    });
    expect(topic.outcome).toEqual({
      result: 'pass',
      summaryLine: 'topic is not a protected branch: push rules apply to protected branches',
    });
    const release = await runGate(sandbox, {
      event: pushEvent({ branch: 'release/1.0', before, after }),
      workspace: sandbox.workDir,
      inputs,
    });
    expect(release.outcome.result).toBe('fail');
    const custom = await runGate(sandbox, {
      event: pushEvent({ branch: 'topic', before, after }),
      workspace: sandbox.workDir,
      inputs: { ...inputs, 'protected-branches': 'trunk\ntop*' },
    });
    expect(custom.outcome.result).toBe('fail');
  });

  it('exempts allowed pushers and branches, and passes created and deleted branches', async () => {
    const { before, after } = forcePush();
    const bot = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: true, pusher: 'release-bot' }),
      workspace: sandbox.workDir,
      inputs: { 'allow-authors': 'release-bot' },
    });
    expect(bot.outcome.summaryLine).toBe('Push by release-bot is exempt (allow-authors)');
    const branch = await runGate(sandbox, {
      event: pushEvent({ branch: 'main', before, after, forced: true }),
      workspace: sandbox.workDir,
      inputs: { 'allow-branches': 'main' },
    });
    expect(branch.outcome.result).toBe('pass');
    const zero = '0'.repeat(40);
    const created = await runGate(sandbox, {
      event: pushEvent({ branch: 'release/2.0', before: zero, after, created: true }),
      workspace: sandbox.workDir,
    });
    expect(created.outcome.summaryLine).toBe('release/2.0 was created: no earlier tip to compare');
    const deleted = await runGate(sandbox, {
      event: pushEvent({ branch: 'release/2.0', before: after, after: zero, deleted: true }),
      workspace: sandbox.workDir,
    });
    expect(deleted.outcome.summaryLine).toBe('release/2.0 was deleted: restrict deletions with a ruleset');
  });
});
