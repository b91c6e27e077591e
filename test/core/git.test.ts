import { describe, expect, it } from 'vitest';
import { parseAddedLines } from '../../core/git.js';

describe('parseAddedLines', () => {
  it('maps each file to the new-side lines of its hunks', () => {
    const diff = [
      'diff --git a/infra/main.tf b/infra/main.tf',
      '--- a/infra/main.tf',
      '+++ b/infra/main.tf',
      '@@ -3,0 +4,2 @@ resource "aws_subnet" "a" {',
      '+  availability_zone = "us-east-1a"',
      '+  cidr_block = "10.0.0.0/24"',
      '@@ -10 +12 @@',
      '+  tags = {}',
      'diff --git a/old.tf b/old.tf',
      '--- a/old.tf',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-gone',
      'diff --git a/new.yaml b/new.yaml',
      '--- /dev/null',
      '+++ b/new.yaml',
      '@@ -0,0 +1,3 @@',
    ].join('\n');
    const added = parseAddedLines(diff);
    expect([...added.keys()]).toEqual(['infra/main.tf', 'new.yaml']);
    expect([...added.get('infra/main.tf')!]).toEqual([4, 5, 12]);
    expect([...added.get('new.yaml')!]).toEqual([1, 2, 3]);
  });

  it('records a pure deletion hunk as no added lines', () => {
    const added = parseAddedLines(['+++ b/a.tf', '@@ -5,2 +4,0 @@'].join('\n'));
    expect(added.get('a.tf')?.size).toBe(0);
  });
});
