import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xml2json } from 'xml-js';
import { parseStringPromise } from 'xml2js';
import { type Scenario, startEmulator } from '../../tools/emulator/index.js';
import { emulatorEnv } from '../../tools/harness/aws.js';
import { runStep } from '../../tools/harness/runner.js';

/**
 * Issue 14: when canary-gate fails fast on one canary, a canary whose run is still going has no
 * verdict of its own. Its JUnit case is `<skipped>` saying so, not a second `<failure>` (which
 * told dashboards two canaries failed). Read through the committed bundle, then the way the three
 * reporters users pair the file with read it (see test/core/junit-consumers.test.ts for their
 * libraries): dorny/test-reporter (xml2js), mikepenz/action-junit-report (xml-js compact),
 * EnricoMi/publish-unit-test-result-action (Python ElementTree, trusting the suite counts).
 */
const E2E_TIMEOUT_MS = 180_000;
const STILL_RUNNING = /^still running at the verdict \(the gate failed fast on another check\): /;

const oneFailsOneRuns: Scenario = {
  canaries: [
    {
      name: 'login-once',
      schedule: 'rate(0 minute)',
      state: 'READY',
      script: [{ state: 'FAILED', durationMs: 1_000, reason: 'Element #login not found' }],
    },
    {
      name: 'search-once',
      schedule: 'rate(0 minute)',
      state: 'READY',
      // Still running long after the first poll has seen login-once fail.
      script: [{ state: 'PASSED', durationMs: 10 * 60_000 }],
    },
  ],
};

interface Case {
  name: string;
  tag: 'failure' | 'skipped' | 'pass';
  message?: string;
}

function pythonReading(xml: string): { attrib: Record<string, string>; cases: Case[] } | undefined {
  if (spawnSync('python3', ['--version']).status !== 0) return undefined;
  const script = [
    'import json, sys, xml.etree.ElementTree as ET',
    'suite = ET.fromstring(sys.stdin.read()).find("testsuite")',
    'cases = []',
    'for c in suite.iter("testcase"):',
    '  r = [x for x in c if x.tag in ("failure", "error", "skipped")]',
    '  cases.append({"name": c.get("name"), "tag": r[0].tag if r else "pass", "message": r[0].get("message") if r else None})',
    'print(json.dumps({"attrib": suite.attrib, "cases": cases}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('canary-gate JUnit when failing fast (bundle e2e)', () => {
  it(
    'writes the canary still running at the verdict as <skipped>, readable by the three consumers',
    async ({ onTestFinished }) => {
      const emu = await startEmulator({ scenario: oneFailsOneRuns });
      onTestFinished(() => emu.close());
      const step = await runStep({
        action: 'canary-gate',
        inputs: {
          canaries: 'login-once\nsearch-once',
          'poll-interval': '5s',
          timeout: '2m',
          'junit-path': 'reports/canaries.xml',
        },
        env: emulatorEnv(emu),
      });
      expect(step.exitCode).toBe(1);
      expect(step.outputs).toMatchObject({ result: 'fail', failed: '1', 'in-flight': '1' });
      const xml = readFileSync(join(step.runnerTemp, '..', 'reports', 'canaries.xml'), 'utf8');

      // dorny/test-reporter
      // biome-ignore lint/suspicious/noExplicitAny: xml2js returns untyped trees, as in the reporter.
      const dorny: any = await parseStringPromise(xml);
      const suite = dorny.testsuites.testsuite[0];
      const byName = new Map(suite.testcase.map((c: { $: { name: string } }) => [c.$.name, c]));
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      const [login, search] = ['login-once', 'search-once'].map((name) => byName.get(name) as any);
      expect(login.failure[0].$.message).toContain('Element #login not found');
      expect(search.failure).toBeUndefined();
      expect(search.skipped[0].$.message).toMatch(STILL_RUNNING);

      // mikepenz/action-junit-report
      // biome-ignore lint/suspicious/noExplicitAny: xml-js compact output is untyped, as in the reporter.
      const mikepenz: any = JSON.parse(xml2json(xml, { compact: true }));
      const cases = mikepenz.testsuites.testsuite.testcase as {
        _attributes: { name: string };
        failure?: unknown;
        skipped?: { _attributes: { message: string } };
      }[];
      const compactSearch = cases.find((c) => c._attributes.name === 'search-once')!;
      expect(compactSearch.failure).toBeUndefined();
      expect(compactSearch.skipped?._attributes.message).toMatch(STILL_RUNNING);

      // EnricoMi/publish-unit-test-result-action: the suite counts must agree with the cases.
      const enrico = pythonReading(xml);
      if (enrico) {
        expect(enrico.attrib).toMatchObject({ tests: '2', failures: '1', errors: '0', skipped: '1' });
        expect(enrico.cases.map((c) => [c.name, c.tag])).toEqual([
          ['login-once', 'failure'],
          ['search-once', 'skipped'],
        ]);
      }
    },
    E2E_TIMEOUT_MS,
  );
});
