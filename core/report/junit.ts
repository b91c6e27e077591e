import { escapeXmlAttribute as attr, escapeXml } from './xml.js';

/** One JUnit test case: CI dashboards show gate results next to unit tests. */
export interface JUnitCase {
  name: string;
  className: string;
  durationMs?: number;
  /** A failure message makes the case failed; `skipped` makes it skipped. */
  failure?: { message: string; details?: string };
  skipped?: string;
  output?: string;
}

export interface JUnitSuite {
  name: string;
  cases: readonly JUnitCase[];
  timestamp?: string;
}

export function junitXml(suite: JUnitSuite): string {
  const failures = suite.cases.filter((c) => c.failure).length;
  const skipped = suite.cases.filter((c) => !c.failure && c.skipped !== undefined).length;
  const seconds = totalSeconds(suite.cases);
  const attributes = [
    `name="${attr(suite.name)}"`,
    `tests="${suite.cases.length}"`,
    `failures="${failures}"`,
    'errors="0"',
    `skipped="${skipped}"`,
    `time="${seconds}"`,
    suite.timestamp ? `timestamp="${attr(suite.timestamp)}"` : '',
  ].filter(Boolean);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite ${attributes.join(' ')}>`,
    ...suite.cases.map(caseXml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function caseXml(testCase: JUnitCase): string {
  const time = ((testCase.durationMs ?? 0) / 1000).toFixed(3);
  const open = `    <testcase name="${attr(testCase.name)}" classname="${attr(testCase.className)}" time="${time}"`;
  const body: string[] = [];
  if (testCase.failure) {
    body.push(
      `      <failure message="${attr(testCase.failure.message)}">${escapeXml(testCase.failure.details ?? testCase.failure.message)}</failure>`,
    );
  } else if (testCase.skipped !== undefined) {
    body.push(`      <skipped message="${attr(testCase.skipped)}"/>`);
  }
  if (testCase.output) body.push(`      <system-out>${escapeXml(testCase.output)}</system-out>`);
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

function totalSeconds(cases: readonly JUnitCase[]): string {
  return (cases.reduce((sum, c) => sum + (c.durationMs ?? 0), 0) / 1000).toFixed(3);
}
