import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReportPath, resolveReportPath, writeJsonFile } from '../../core/report/json.js';

describe('JSON reports', () => {
  it('go to RUNNER_TEMP by default, so later steps of the job can upload them', () => {
    expect(defaultReportPath('az-check', { RUNNER_TEMP: '/runner/_temp' }, '/ws')).toBe(
      '/runner/_temp/az-check-report.json',
    );
  });

  it("go to the system's temp folder outside a runner, never into the user's working tree", () => {
    // A pre-push hook runs the CLI in the repository: a report there would dirty the tree.
    expect(defaultReportPath('az-check', {}, '/ws')).toBe(
      join(tmpdir(), 'resilience-gates', 'az-check-report.json'),
    );
    expect(defaultReportPath('az-check', { RUNNER_TEMP: '' }, '/ws')).not.toContain('/ws');
  });

  it('resolve relative paths against the workspace', () => {
    expect(resolveReportPath('reports/x.json', '/ws')).toBe('/ws/reports/x.json');
    expect(resolveReportPath('/abs/x.json', '/ws')).toBe('/abs/x.json');
  });

  it('are written with their folders created', async ({ onTestFinished }) => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-json-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'deep', 'er', 'report.json');
    await writeJsonFile(path, { result: 'pass', findings: [] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ result: 'pass', findings: [] });
  });
});
