import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureBranchFix, shellQuote } from '../../actions/branch-policy/src/fix.js';
import {
  type CommitInfo,
  describeMerge,
  firstParentChain,
  isAutosquash,
  mergeSource,
} from '../../actions/branch-policy/src/rules.js';

const commit = (sha: string, parents: string[], subject = sha): CommitInfo => ({
  sha,
  parents,
  authorName: 'A',
  authorEmail: 'a@example.com',
  subject,
});

describe('rules', () => {
  it('recognises autosquash subjects exactly as git does', () => {
    expect(['fixup! a', 'squash! a', 'amend! a', 'fixup! fixup! a'].every(isAutosquash)).toBe(true);
    expect(['fixup: a', 'Fixup! a', 'fixup!a', 'a fixup! b'].some(isAutosquash)).toBe(false);
  });

  it('names the branch a merge brought in from the subjects git and GitHub write', () => {
    expect(mergeSource("Merge branch 'main' into feature", 'origin')).toBe('main');
    expect(mergeSource("Merge remote-tracking branch 'origin/main' into feature", 'origin')).toBe('main');
    expect(mergeSource('Merge pull request #12 from octo/topic/x', 'origin')).toBe('topic/x');
    expect(mergeSource('Add things', 'origin')).toBeUndefined();
    const range = new Set(['m', 'f']);
    expect(describeMerge(commit('m', ['f', 'b']), range, true, 'main', 'origin')).toBe(
      'back-merge from main',
    );
    expect(
      describeMerge(
        commit('m', ['f', 'o'], "Merge branch 'other'"),
        new Set(['m', 'f', 'o']),
        true,
        'main',
        'origin',
      ),
    ).toBe('merge of other');
    // Truncated (API cap): only the subject can say it came from the base.
    expect(describeMerge(commit('m', ['f', 'abcdef0123']), range, false, 'main', 'origin')).toBe(
      'merge of commit abcdef0',
    );
  });

  it('follows first parents inside the range only', () => {
    const commits = [
      commit('q2', ['q1', 'p2']),
      commit('p2', ['b']),
      commit('q1', ['b', 'p1']),
      commit('p1', ['b']),
    ];
    expect(firstParentChain(commits, 'q2').map((c) => c.sha)).toEqual(['q2', 'q1']);
  });
});

describe('fix commands', () => {
  it('quotes every branch name so a POSIX shell reads it back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\0')),
        (name) => {
          const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(name)}`], { encoding: 'utf8' });
          expect(echoed).toBe(name);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('prints nothing for push-only rules and a plain rebase for merges', () => {
    const violation = { sha: 's', subject: 's', author: 'a', message: 'm' };
    const fix = {
      upstream: 'origin/main',
      branch: 'feature',
      switchFirst: true,
      fetchRemote: 'origin',
      pushRemote: undefined,
    };
    expect(featureBranchFix([{ ...violation, rule: 'no-force-push' }], fix)).toEqual([]);
    expect(featureBranchFix([{ ...violation, rule: 'no-merge-commits' }], fix)).toEqual([
      'git fetch origin',
      'git switch -- feature',
      'git rebase origin/main',
      'git push --force-with-lease',
    ]);
  });
});
