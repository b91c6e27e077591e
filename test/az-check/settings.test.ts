import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../actions/az-check/src/settings.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { tempDirsRemovedAfterAll } from '../harness/temp-dirs.js';

// Every temporary folder a test makes is removed when the file's tests are done.
const tempDir = tempDirsRemovedAfterAll();

// A real folder: plain `paths` must exist under the scanned root.
const WORKSPACE = tempDir('az-settings-');
mkdirSync(join(WORKSPACE, 'platform', 'k8s'), { recursive: true });

function settings(values: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return readSettings(new Inputs(mapInputReader(values)), env, WORKSPACE);
}

function eventFile(payload: unknown): string {
  const dir = tempDir('az-event-');
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

describe('readSettings', () => {
  it('has defaults that need no input at all', () => {
    expect(settings({}, { RUNNER_TEMP: '/tmp/runner' })).toEqual({
      root: WORKSPACE,
      paths: [],
      ignorePaths: [],
      scan: 'changed',
      diffSource: 'local',
      failOn: 'error',
      configPath: `${WORKSPACE}/.az-check.yml`,
      configRequired: false,
      reportPath: '/tmp/runner/az-check-report.json',
      resolve: false,
      fix: false,
      zoneMap: new Map(),
      roleArns: [],
    });
  });

  it('reads lists, paths relative to the workspace and working-directory', () => {
    const s = settings({
      paths: 'infra/**\nk8s',
      'ignore-paths': 'infra/legacy/**',
      'working-directory': 'platform',
      config: 'ci/az.yml',
      'sarif-path': 'az.sarif',
      'scan-comments': 'true',
      'uniform-region-severity': 'error',
    });
    expect(s).toMatchObject({
      root: `${WORKSPACE}/platform`,
      paths: ['infra/**', 'k8s'],
      ignorePaths: ['infra/legacy/**'],
      configPath: `${WORKSPACE}/platform/ci/az.yml`,
      configRequired: true,
      sarifPath: `${WORKSPACE}/az.sarif`,
      scanComments: true,
      uniformRegionSeverity: 'error',
    });
  });

  it.each([
    [{ scan: 'some' }, "Invalid scan 'some': use one of changed, all"],
    [{ 'fail-on': 'critical' }, "Invalid fail-on 'critical': use one of error, warning, never"],
    [{ resolve: 'yes' }, "Invalid resolve 'yes': use true or false"],
    [
      { base: '--upload-pack=evil' },
      "Invalid base '--upload-pack=evil': use a commit SHA or a ref like origin/main",
    ],
    [{ 'role-arns': 'arn:aws:iam::123:role/x' }, "Invalid role-arns 'arn:aws:iam::123:role/x'"],
    [{ 'uniform-region-severity': 'fatal' }, "Invalid uniform-region-severity 'fatal'"],
    [{ resolve: 'true', 'max-attempts': '0' }, "Invalid max-attempts '0'"],
  ])('refuses %j in one line', (values, message) => {
    expect(() => settings(values as Record<string, string>)).toThrow(message);
  });

  it('builds AWS settings only for resolve, with us-east-1 for STS when no region is set', () => {
    expect(settings({ resolve: 'true' }).aws).toMatchObject({
      region: 'us-east-1',
      maxAttempts: 5,
      retryMode: 'standard',
    });
    expect(settings({ resolve: 'true' }, { AWS_REGION: 'eu-west-1' }).aws?.region).toBe('eu-west-1');
    expect(
      settings({
        resolve: 'true',
        'role-arns': 'arn:aws:iam::111111111111:role/az-check\narn:aws:iam::222222222222:role/az-check',
      }).roleArns,
    ).toHaveLength(2);
  });
});

describe('diff bounds', () => {
  it('reads pull_request base and head SHAs from the event', () => {
    const path = eventFile({
      pull_request: { base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } },
    });
    expect(settings({}, { GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: 'pull_request' })).toMatchObject({
      base: 'b'.repeat(40),
      head: 'h'.repeat(40),
      diffSource: 'pull_request',
    });
  });

  it('reads merge_group base_sha and head_sha', () => {
    const path = eventFile({ merge_group: { base_sha: 'b1', head_sha: 'h1' } });
    expect(settings({}, { GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: 'merge_group' })).toMatchObject({
      base: 'b1',
      head: 'h1',
      diffSource: 'merge_group',
    });
  });

  it('reads push before and after, dropping the zero SHA of a new branch', () => {
    const push = eventFile({ before: 'b2', after: 'h2' });
    expect(settings({}, { GITHUB_EVENT_PATH: push, GITHUB_EVENT_NAME: 'push' })).toMatchObject({
      base: 'b2',
      head: 'h2',
      diffSource: 'push',
    });
    const created = eventFile({ before: '0'.repeat(40), after: 'h3' });
    const s = settings({}, { GITHUB_EVENT_PATH: created, GITHUB_EVENT_NAME: 'push' });
    expect(s).toMatchObject({ head: 'h3', diffSource: 'push' });
    expect(s.base).toBeUndefined();
  });

  it('lets explicit inputs override the event', () => {
    const path = eventFile({ pull_request: { base: { sha: 'b4' }, head: { sha: 'h4' } } });
    expect(settings({ base: 'origin/release' }, { GITHUB_EVENT_PATH: path })).toMatchObject({
      base: 'origin/release',
      head: 'h4',
      diffSource: 'inputs',
    });
  });

  it('has no bounds for other events or on a laptop', () => {
    const path = eventFile({ schedule: '0 0 * * *' });
    expect(settings({}, { GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: 'schedule' }).diffSource).toBe('local');
    expect(() => settings({}, { GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(
      'Cannot read the event payload',
    );
  });
});

describe('paths that would scan nothing', () => {
  const root = new URL('./fixtures', import.meta.url).pathname;
  const read = (paths: string) => readSettings(new Inputs(mapInputReader({ paths, scan: 'all' })), {}, root);

  it('refuses a folder outside the scanned root instead of passing on zero files', () => {
    expect(() => read('/etc')).toThrow(/^Invalid paths '\/etc': use files or folders inside /);
    expect(() => read('../..')).toThrow(/^Invalid paths '\.\.\/\.\.'/);
  });

  it('refuses a plain path that does not exist', () => {
    expect(() => read('infra/typo')).toThrow(/^Invalid paths 'infra\/typo': no such file or folder under /);
  });

  it('accepts existing paths and globs that match nothing', () => {
    expect(read('terraform\n**/*.nothing').paths).toEqual(['terraform', '**/*.nothing']);
  });
});
