import { describe, expect, it } from 'vitest';
import {
  type Annotation,
  capAnnotations,
  emitAnnotations,
  formatLocation,
  parseWorkflowCommand,
} from '../../core/report/annotations.js';
import { junitXml } from '../../core/report/junit.js';
import { sarifLog, toSarifUri } from '../../core/report/sarif.js';
import {
  code,
  details,
  escapeCell,
  heading,
  SECTION_LEVEL,
  sections,
  TITLE_LEVEL,
  table,
} from '../../core/report/summary.js';
import { escapeXmlAttribute } from '../../core/report/xml.js';

const annotation = (level: Annotation['level'], n: number): Annotation => ({
  level,
  message: `m${n}`,
  file: 'a.tf',
  startLine: n,
});

describe('annotations', () => {
  it('keeps 9 errors (the failure line is the tenth), 10 warnings, and returns the overflow', () => {
    const all = [
      ...Array.from({ length: 12 }, (_, i) => annotation('error', i)),
      ...Array.from({ length: 11 }, (_, i) => annotation('warning', 100 + i)),
    ];
    const { shown, overflow } = capAnnotations(all);
    expect(shown.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(overflow.map((a) => a.message)).toEqual(['m9', 'm10', 'm11', 'm110']);
    const emitted: Annotation[] = [];
    expect(emitAnnotations(all, (a) => emitted.push(a))).toHaveLength(4);
    expect(emitted).toHaveLength(19);
  });

  it('parses workflow commands as the runner writes them', () => {
    expect(
      parseWorkflowCommand('::error file=infra/main.tf,line=12,col=5,title=AZ001::Hard-coded%0Aname %25'),
    ).toEqual({
      level: 'error',
      message: 'Hard-coded\nname %',
      file: 'infra/main.tf',
      startLine: 12,
      startColumn: 5,
      title: 'AZ001',
    });
    expect(parseWorkflowCommand('::warning::plain')).toEqual({ level: 'warning', message: 'plain' });
    expect(parseWorkflowCommand('not a command')).toBeUndefined();
  });

  it('formats locations', () => {
    expect(formatLocation({ file: 'a.tf', startLine: 3, startColumn: 7 })).toBe('a.tf:3:7');
    expect(formatLocation({ file: 'a.tf' })).toBe('a.tf');
    expect(formatLocation({})).toBe('');
  });
});

describe('summary markdown', () => {
  it('escapes table cells', () => {
    expect(escapeCell('a|b\n<c>')).toBe('a\\|b<br>&lt;c&gt;');
    expect(table(['a', 'b'], [['1', '2|3']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2\\|3 |');
  });

  it('joins sections and folds details', () => {
    expect(sections('a', undefined, false, 'b')).toBe('a\n\nb\n');
    expect(details('More', 'body')).toContain('<details><summary>More</summary>');
  });
});

describe('SARIF', () => {
  const log = sarifLog({
    toolName: 'az-check',
    informationUri: 'https://github.com/octo-org/resilience-gates',
    category: 'az-check',
    rules: [{ id: 'AZ001', name: 'HardCodedAzName', shortDescription: 'Hard-coded AZ name', level: 'error' }],
    results: [
      {
        ruleId: 'AZ001',
        level: 'error',
        message: 'use availability_zone_id',
        file: './infra/my net/main.tf',
        startLine: 0,
        startColumn: 3,
      },
    ],
  });

  it('writes a 2.1.0 log with rules, indexed results and fingerprints', () => {
    expect(log.version).toBe('2.1.0');
    const run = (log.runs as Record<string, unknown>[])[0]!;
    interface SarifResultShape {
      ruleIndex: number;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
      partialFingerprints: { primaryLocationLineHash: string };
    }
    const result = (run.results as SarifResultShape[])[0]!;
    expect(result.ruleIndex).toBe(0);
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('infra/my%20net/main.tf');
    expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 3 });
    expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(run.automationDetails).toEqual({ id: 'az-check/' });
  });

  it('makes relative forward-slash URIs', () => {
    expect(toSarifUri('.\\a\\b.tf'.replace(/^\.\\/, './'))).toBe('a/b.tf');
  });
});

describe('JUnit XML', () => {
  it('counts failures and skips and escapes text', () => {
    const xml = junitXml({
      name: 'run-experiment',
      cases: [
        { name: 'inject-latency', className: 'fis', durationMs: 1500 },
        { name: 'stop <db>', className: 'fis', failure: { message: 'failed & "stopped"' } },
        { name: 'cpu', className: 'fis', skipped: 'skip-all' },
      ],
    });
    expect(xml).toContain(
      '<testsuite name="run-experiment" tests="3" failures="1" errors="0" skipped="1" time="1.500"',
    );
    expect(xml).toContain('name="stop &lt;db&gt;"');
    expect(xml).toContain('<failure message="failed &amp; &quot;stopped&quot;">');
    expect(xml).toContain('<skipped message="skip-all"/>');
  });
});

describe('summary escaping and shape', () => {
  it('escapes HTML in free text everywhere, keeps its own tags and code', () => {
    const markdown = sections(
      heading('✅ run-experiment: <stress-cpu> done'),
      'Action <stress-cpu> ended; see <div>here</div>',
      `- note: a <script>alert(1)</script> subject, ${code('<not-escaped>')}`,
      table(['a'], [['x <y>\nz']]),
      details('More <b>', 'body <img src=x>'),
      '```sh\necho "<kept>"\n```',
    );
    expect(markdown).not.toMatch(/<(stress-cpu|div|script|img|b|y)\b/);
    expect(markdown).toContain('Action &lt;stress-cpu> ended; see &lt;div>here&lt;/div>');
    expect(markdown).toContain('`<not-escaped>`');
    expect(markdown).toContain('echo "<kept>"');
    expect(markdown).toContain('<details><summary>More &lt;b&gt;</summary>');
    expect(markdown).toContain('x &lt;y&gt;<br>z');
    expect(sections(markdown.trimEnd())).toBe(markdown);
  });

  it('has no empty header rows: a table without headers is a list', () => {
    const markdown = table(
      ['', ''],
      [
        ['template', 'EXT123'],
        ['state', 'completed'],
      ],
    );
    expect(markdown).not.toMatch(/^\|\s*\|/m);
    expect(markdown).toBe('- **template**: EXT123\n- **state**: completed');
  });

  it('titles use one heading level, parts the next', () => {
    expect(heading('title')).toBe(`${'#'.repeat(TITLE_LEVEL)} title`);
    expect(SECTION_LEVEL).toBe(TITLE_LEVEL + 1);
  });
});

describe('JUnit attributes', () => {
  it('keep newlines as character references, not raw newlines a parser would flatten', () => {
    const xml = junitXml({
      name: 'suite',
      cases: [{ name: 'a\nb', className: 'c', failure: { message: 'line 1\nline 2\ttab' } }],
    });
    expect(xml).toContain('name="a&#10;b"');
    expect(xml).toContain('message="line 1&#10;line 2&#9;tab"');
    expect(escapeXmlAttribute('x\r\ny')).toBe('x&#13;&#10;y');
  });
});
