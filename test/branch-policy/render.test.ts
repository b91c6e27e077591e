import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../actions/branch-policy/src/check.js';
import {
  jsonReport,
  logLines,
  renderSummary,
  violationAnnotations,
} from '../../actions/branch-policy/src/report.js';

/** The renderers, from a literal verdict: no repository, no git. */
const verdict: Verdict = {
  result: 'fail',
  summaryLine: '1 violation on feature/login: merge commits are not allowed',
  target: 'pull-request',
  base: { name: 'main', sha: '1111111111111111111111111111111111111111' },
  head: { name: 'feature/login', sha: '2222222222222222222222222222222222222222' },
  source: 'git',
  checkedCommits: 3,
  violations: [
    {
      rule: 'no-merge-commits',
      sha: '3333333333333333333333333333333333333333',
      subject: "Merge branch 'main' into feature/login",
      author: 'Ada',
      message: 'merge commit in a feature branch: rebase instead',
    },
  ],
  fixCommands: ['git fetch origin main', 'git rebase origin/main'],
  notes: ['Checked with a depth-1 checkout deepened to the merge base'],
};

describe('branch-policy renderers', () => {
  it('renders the summary', () => {
    expect(renderSummary(verdict)).toMatchInlineSnapshot(`
      "## ❌ branch-policy: 1 violation on feature/login: merge commits are not allowed

      Checked 3 commit(s) with git: \`1111111\`..\`2222222\`

      | Rule | Commit | Subject | Author | Problem |
      | --- | --- | --- | --- | --- |
      | no-merge-commits | \`3333333\` | Merge branch 'main' into feature/login | Ada | merge commit in a feature branch: rebase instead |

      **Fix**

      \`\`\`sh
      git fetch origin main
      git rebase origin/main
      \`\`\`

      - Checked with a depth-1 checkout deepened to the merge base
      "
    `);
  });

  it('annotates each violation and logs notes, fix commands', () => {
    expect(violationAnnotations(verdict)).toMatchInlineSnapshot(`
      [
        {
          "level": "error",
          "message": "3333333 Merge branch 'main' into feature/login (Ada): merge commit in a feature branch: rebase instead",
          "title": "branch-policy: no-merge-commits",
        },
      ]
    `);
    expect(logLines(verdict, '/tmp/branch-policy-report.json')).toMatchInlineSnapshot(`
      [
        "Checked with a depth-1 checkout deepened to the merge base",
        "Fix:
        git fetch origin main
        git rebase origin/main",
      ]
    `);
  });

  it('writes the verdict as the JSON report', () => {
    expect(jsonReport(verdict)).toEqual({ tool: 'branch-policy', ...verdict });
  });
});
