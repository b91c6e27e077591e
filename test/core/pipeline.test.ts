import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../core/errors.js';
import type { Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import { defineGate, type GatePipeline, reportFiles } from '../../core/pipeline.js';
import type { Annotation } from '../../core/report/annotations.js';

/** What core publishes for every gate, checked once with a gate that only renders. */
const scratch = mkdtempSync(join(tmpdir(), 'rg-pipeline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function host(values: Record<string, string>) {
  const recorded = {
    outputs: {} as Record<string, string>,
    annotations: [] as Annotation[],
    summary: [] as string[],
  };
  const log = new MemoryLogger();
  const h: Host = {
    inputs: new Inputs(mapInputReader(values)),
    log,
    env: { RUNNER_TEMP: join(scratch, 'runner-temp') },
    workspace: scratch,
    setOutput: (name, value) => {
      recorded.outputs[name] = String(value);
    },
    annotate: (a) => recorded.annotations.push(a),
    appendSummary: async (markdown) => {
      recorded.summary.push(markdown);
    },
    saveState: () => {},
    getState: () => '',
    setSecret: () => {},
    signal: new AbortController().signal,
  };
  return { host: h, log, ...recorded };
}

interface Report {
  failing: number;
}
let evaluated = 0;
const pipeline: GatePipeline<{ failing: number }, Report> = {
  name: 'fake-gate',
  description: 'a gate that only renders',
  inputs: ['failing', 'report-path', 'junit-path', 'sarif-path'],
  settings: (h) => ({ failing: h.inputs.integer('failing', 0, { min: 0 }) }),
  evaluate: async (settings) => {
    evaluated += 1;
    return { failing: settings.failing };
  },
  verdict: (report) =>
    report.failing > 0
      ? {
          result: 'fail',
          reason: `${report.failing} failing`,
          line: `fake-gate failed: ${report.failing} failing`,
        }
      : { result: 'pass', reason: 'nothing failing' },
  reporters: {
    json: (report, { verdict }) => ({ tool: 'fake-gate', ...report, result: verdict.result }),
    summary: (report, { overflow }) =>
      `fake summary: ${report.failing} failing, ${overflow.length} not annotated`,
    warnings: () => ['a warning the gate wants seen'],
    annotations: (report) =>
      Array.from({ length: report.failing }, (_, i) => ({
        level: 'error' as const,
        message: `failure ${i}`,
      })),
    junit: () => '<testsuites/>\n',
    sarif: () => ({ version: '2.1.0', runs: [] }),
    outputs: (report) => ({ failing: report.failing }),
  },
};
const gate = defineGate(pipeline);

describe('the gate pipeline', () => {
  it('publishes the common outputs, the JSON report in the temp folder, the summary and the line', async () => {
    const run = host({});
    const outcome = await gate.run(run.host);
    expect(outcome).toEqual({ result: 'pass', summaryLine: 'nothing failing' });
    const reportPath = join(scratch, 'runner-temp', 'fake-gate-report.json');
    expect(run.outputs).toEqual({
      result: 'pass',
      reason: 'nothing failing',
      failing: '0',
      'report-path': reportPath,
    });
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toEqual({
      tool: 'fake-gate',
      failing: 0,
      result: 'pass',
    });
    expect(run.annotations).toEqual([
      { level: 'warning', title: 'fake-gate', message: 'a warning the gate wants seen' },
    ]);
    expect(run.summary).toEqual(['fake summary: 0 failing, 0 not annotated']);
  });

  it('writes JUnit and SARIF where asked (relative to the workspace) and caps error annotations at 9', async () => {
    const run = host({
      failing: '12',
      'report-path': 'out/r.json',
      'junit-path': 'out/j.xml',
      'sarif-path': 'out/s.sarif',
    });
    const outcome = await gate.run(run.host);
    expect(outcome).toEqual({ result: 'fail', summaryLine: 'fake-gate failed: 12 failing' });
    expect(run.outputs.reason).toBe('12 failing');
    expect(run.outputs['report-path']).toBe(join(scratch, 'out', 'r.json'));
    expect(run.outputs['sarif-path']).toBe(join(scratch, 'out', 's.sarif'));
    expect(readFileSync(join(scratch, 'out', 'j.xml'), 'utf8')).toBe('<testsuites/>\n');
    expect(JSON.parse(readFileSync(join(scratch, 'out', 's.sarif'), 'utf8'))).toEqual({
      version: '2.1.0',
      runs: [],
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(run.summary).toEqual(['fake summary: 12 failing, 3 not annotated']);
    expect(run.log.lines).toContain('3 more annotation(s) are listed in the job summary');
  });

  it('refuses a bad input before the evaluation runs, and writes nothing', async () => {
    const before = evaluated;
    const run = host({ failing: 'many' });
    await expect(gate.run(run.host)).rejects.toThrow(ConfigurationError);
    expect(evaluated).toBe(before);
    expect(run.outputs).toEqual({});
  });

  it('resolves report files by one rule: the input from the workspace, else the temp folder', () => {
    const inputs = new Inputs(mapInputReader({ 'junit-path': '/abs/j.xml' }));
    expect(reportFiles('g', inputs, {}, '/ws')).toEqual({
      report: join(tmpdir(), 'resilience-gates', 'g-report.json'),
      junit: '/abs/j.xml',
    });
  });
});
