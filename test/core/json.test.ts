import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReportPath, resolveReportPath, writeJsonFile } from '../../core/report/json.js';

describe('JSON reports', () => {
  it('go to RUNNER_TEMP by default, so later steps of the job can upload them', () => {
    expect(defaultReportPath('az-check', { RUNNER_TEMP: '/runner/_temp' }, '/ws')).toBe(
      '/runner/_temp/az-check-report.json',
    );
    expect(defaultReportPath('az-check', {}, '/ws')).toBe('/ws/.resilience-gates/az-check-report.json');
  });

  it('resolve relative paths against the workspace', () => {
    expect(resolveReportPath('reports/x.json', '/ws')).toBe('/ws/reports/x.json');
    expect(resolveReportPath('/abs/x.json', '/ws')).toBe('/abs/x.json');
  });

  it('are written with their folders created', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rg-json-')), 'deep', 'er', 'report.json');
    await writeJsonFile(path, { result: 'pass', findings: [] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ result: 'pass', findings: [] });
  });
});
