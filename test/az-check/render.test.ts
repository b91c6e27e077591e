import { describe, expect, it } from 'vitest';
import type { Finding } from '../../actions/az-check/src/findings.js';
import {
  jsonReport,
  type ReportInput,
  summaryMarkdown,
  toAnnotation,
} from '../../actions/az-check/src/report.js';
import { sarifReport } from '../../actions/az-check/src/sarif.js';

/** The renderers, from a literal report: no files scanned. */
const finding: Finding = {
  ruleId: 'AZ001',
  ruleName: 'hardcoded-az-name',
  severity: 'error',
  file: 'infra/network.tf',
  line: 3,
  column: 23,
  endLine: 3,
  endColumn: 35,
  message: "Hard-coded AZ name 'us-east-1a'",
  fix: 'Use availability_zone_id = "use1-az1" or a data source',
  zone: 'us-east-1a',
  region: 'us-east-1',
  snippet: 'availability_zone = "us-east-1a"',
};
const report: ReportInput = {
  result: 'fail',
  summaryLine: '1 finding(s) at or above error: use AZ IDs instead of AZ names',
  findings: [finding],
  suppressed: [],
  scan: { mode: 'all', filesConsidered: 2, filesParsed: 2, filesUnparsed: 0 },
  failOn: 'error',
};

describe('az-check renderers', () => {
  it('renders the summary', () => {
    expect(summaryMarkdown(report, [])).toMatchInlineSnapshot(`
      "## ❌ az-check: 1 finding(s) at or above error: use AZ IDs instead of AZ names

      Scan: all; 2 file(s) considered, 2 parsed; fails on error. Errors: 1, warnings: 0, notes: 0, suppressed: 0.

      | Severity | Rule | Location | Finding | Fix |
      | --- | --- | --- | --- | --- |
      | ❌ error | AZ001 | \`infra/network.tf:3:23\` | Hard-coded AZ name 'us-east-1a' | Use availability_zone_id = "use1-az1" or a data source |
      "
    `);
  });

  it('annotates the finding on its line and columns', () => {
    expect(toAnnotation(finding)).toMatchInlineSnapshot(`
      {
        "endColumn": 35,
        "endLine": 3,
        "file": "infra/network.tf",
        "level": "error",
        "message": "Hard-coded AZ name 'us-east-1a'
      Fix: Use availability_zone_id = "use1-az1" or a data source",
        "startColumn": 23,
        "startLine": 3,
        "title": "AZ001 hardcoded-az-name",
      }
    `);
  });

  it('renders SARIF and the JSON report', () => {
    const sarif = sarifReport([finding], { readText: () => undefined });
    expect(sarif.omitted).toBe(0);
    expect((sarif.log as { runs: { results: unknown[] }[] }).runs[0]?.results).toMatchInlineSnapshot(`
      [
        {
          "level": "error",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "infra/network.tf",
                  "uriBaseId": "%SRCROOT%",
                },
                "region": {
                  "endColumn": 35,
                  "endLine": 3,
                  "startColumn": 23,
                  "startLine": 3,
                },
              },
            },
          ],
          "message": {
            "text": "Hard-coded AZ name 'us-east-1a'. Fix: Use availability_zone_id = "use1-az1" or a data source",
          },
          "partialFingerprints": {
            "primaryLocationLineHash": "9edcce575ebf91bb:1",
          },
          "ruleId": "AZ001",
          "ruleIndex": 1,
        },
      ]
    `);
    expect(jsonReport(report)).toMatchObject({
      tool: 'az-check',
      result: 'fail',
      counts: { error: 1, suppressed: 0 },
    });
  });
});
