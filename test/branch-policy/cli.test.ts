import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { branchPolicyGate } from '../../actions/branch-policy/src/gate.js';
import { runCli } from '../../cli/main.js';
import { Sandbox } from '../../tools/harness/git-sandbox.js';

/** `resilience-gates branch-policy --base main --head HEAD` as a pre-push check. */
let sandbox: Sandbox;

beforeEach(() => {
  sandbox = new Sandbox();
  sandbox.commits(2, 'main work');
  sandbox.push('HEAD:refs/heads/main');
  sandbox.git(['fetch', '--quiet', 'origin']);
  sandbox.setOriginHead('main');
});
afterEach(() => sandbox.cleanup());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['branch-policy', ...args], {
    gates: [branchPolicyGate],
    env: { RUNNER_TEMP: `${sandbox.root}/tmp` },
    cwd: sandbox.workDir,
    streams: { out: (text) => (out += text), err: (text) => (err += text) },
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

describe('CLI', () => {
  it('passes a rebased branch (exit 0) with base defaulting to origin/HEAD', async () => {
    sandbox.switch('feature', true);
    sandbox.commits(2, 'feature work');
    const result = await cli([]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'PASS: feature (onto origin/main) follows the branch policy (2 commits checked)',
    );
  });

  it('checks a protected branch too, without asking it to rebase', async () => {
    sandbox.commit('direct on main');
    const result = await cli(['--base', 'origin/main']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'PASS: main (onto origin/main) follows the branch policy (1 commit checked)',
    );
  });

  it('fails with the fix commands (exit 1) for --base main --head HEAD', async () => {
    sandbox.switch('feature', true);
    sandbox.commit('work');
    sandbox.commit('fixup! work');
    const result = await cli(['--base', 'main', '--head', 'HEAD']);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'FAIL: 1 branch policy violation on feature (onto main): no-autosquash-commits',
    );
    // The terminal gets plain text: the summary's code block is indented, not fenced (issue 14).
    expect(result.out).toContain(
      '    git rebase -i --autosquash main\n    git push --force-with-lease origin feature\n',
    );
    expect(result.err).toMatch(/error: \w{7} fixup! work \(Ada Author <ada@example.com>\)/);
  });

  it('handles a dash-prefixed branch name given as a flag value', async () => {
    sandbox.git(['update-ref', 'refs/heads/-x', 'HEAD']);
    sandbox.switch('-x');
    sandbox.commit('on dash');
    const result = await cli(['--base=origin/main', '--head=-x']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('PASS: -x (onto origin/main)');
  });

  it('refuses an unknown base in one line (exit 2)', async () => {
    sandbox.switch('feature', true);
    const result = await cli(['--base', 'no-such-branch']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error: Invalid base 'no-such-branch': no such branch, tag or commit in .*; use a branch, tag, SHA or revision such as origin\/main\n$/,
    );
  });

  it('refuses a bad input in one line (exit 2)', async () => {
    const result = await cli(['--merge-style', 'rebase']);
    expect(result.code).toBe(2);
    expect(result.err).toBe("error: Invalid merge-style 'rebase': use one of merge, linear, any\n");
  });
});
