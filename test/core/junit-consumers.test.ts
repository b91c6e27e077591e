import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { xml2json } from 'xml-js';
import { parseStringPromise } from 'xml2js';
import { type JUnitSuite, junitXml } from '../../core/report/junit.js';

/**
 * The JUnit files the gates write, read the way the three reporters users pair them with read
 * them, with those reporters' own XML libraries where they are on npm:
 * - dorny/test-reporter (java-junit): xml2js; reads testsuites/testsuite[name,time],
 *   testcase[name,classname,time], failure/error (message attribute and text), skipped.
 * - mikepenz/action-junit-report: xml-js compact mode (`_attributes`, `_text`); reads the same
 *   elements, a single child as an object rather than an array.
 * - EnricoMi/publish-unit-test-result-action: Python junitparser over an ElementTree parser;
 *   trusts the suite's tests/failures/errors/skipped counts. Read here with Python's ElementTree.
 */
const MULTILINE = 'canary checkout-api failed 2 of 3 runs:\n  run 1: 503 <html>\n  run 2: "timeout" & retry';
const SUITE: JUnitSuite = {
  name: 'canary-gate <prod>',
  timestamp: '2026-11-27T12:00:00.000Z',
  cases: [
    { name: 'login-api', className: 'canary-gate.canaries', durationMs: 1500, output: 'PASSED\nPASSED' },
    {
      name: 'checkout-api',
      className: 'canary-gate.canaries',
      durationMs: 2500,
      failure: { message: MULTILINE, details: `${MULTILINE}\nmore` },
    },
    { name: 'search-api', className: 'canary-gate.canaries', skipped: 'still running\nwhen the gate failed' },
  ],
};
const XML = junitXml(SUITE);

describe('JUnit as its consumers read it', () => {
  it('writes newlines in attributes as character references', () => {
    expect(XML).toContain(
      'message="canary checkout-api failed 2 of 3 runs:&#10;  run 1: 503 &lt;html&gt;&#10;',
    );
    expect(XML).not.toMatch(/="[^"]*\n/);
  });

  it('dorny/test-reporter (xml2js)', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: xml2js returns untyped trees, as in the reporter.
    const report: any = await parseStringPromise(XML);
    const suite = report.testsuites.testsuite[0];
    expect(suite.$.name.trim()).toBe('canary-gate <prod>');
    expect(Number.parseFloat(suite.$.time)).toBeCloseTo(4);
    const [passed, failed, skipped] = suite.testcase;
    expect(passed.$).toMatchObject({ name: 'login-api', classname: 'canary-gate.canaries', time: '1.500' });
    expect(passed.failure ?? passed.error ?? passed.skipped).toBeUndefined();
    expect(failed.failure[0].$.message).toBe(MULTILINE);
    expect(failed.failure[0]._).toBe(`${MULTILINE}\nmore`);
    expect(skipped.skipped).toHaveLength(1);
  });

  it('mikepenz/action-junit-report (xml-js compact)', () => {
    // biome-ignore lint/suspicious/noExplicitAny: xml-js compact output is untyped, as in the reporter.
    const report: any = JSON.parse(xml2json(XML, { compact: true }));
    const suites = report.testsuites.testsuite;
    const suite = Array.isArray(suites) ? suites[0] : suites;
    expect(suite._attributes.name).toBe('canary-gate <prod>');
    const [passed, failed, skipped] = suite.testcase;
    expect(passed._attributes.classname).toBe('canary-gate.canaries');
    expect(passed.failure).toBeUndefined();
    expect(failed.failure._attributes.message.trim()).toBe(MULTILINE);
    expect(failed.failure._text.toString().trim()).toBe(`${MULTILINE}\nmore`);
    expect(skipped.skipped).toBeDefined();
    expect(skipped.skipped._attributes.message).toBe('still running\nwhen the gate failed');
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('EnricoMi/publish-unit-test-result-action (ElementTree, as junitparser)', () => {
    const script = [
      'import json, sys, xml.etree.ElementTree as ET',
      'root = ET.fromstring(sys.stdin.read())',
      'suite = root.find("testsuite")',
      'cases = [{"name": c.get("name"), "classname": c.get("classname"), "time": c.get("time"),',
      '  "results": [{"tag": r.tag, "message": r.get("message"), "text": r.text} for r in c if r.tag in ("failure", "error", "skipped")]}',
      '  for c in suite.iter("testcase")]',
      'print(json.dumps({"attrib": suite.attrib, "cases": cases}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { input: XML, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { attrib, cases } = JSON.parse(run.stdout);
    // junitparser reports the suite's own counts: they must agree with the test cases.
    expect(attrib).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '1', time: '4.000' });
    expect(cases[1].results).toEqual([{ tag: 'failure', message: MULTILINE, text: `${MULTILINE}\nmore` }]);
    expect(cases[2].results[0]).toMatchObject({
      tag: 'skipped',
      message: 'still running\nwhen the gate failed',
    });
  });
});
