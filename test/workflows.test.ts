import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration } from '../core/duration.js';
import { REPO_ROOT } from '../tools/harness/runner.js';

/**
 * The repository's own workflows (.github/workflows: CI, release, CodeQL and the reusable
 * workflows) parsed and converted by GitHub's own @actions/workflow-parser, plus the pinning and
 * guard rules that every workflow and example follows. The parser loads under Vitest
 * through vitest.config.ts's `server.deps.inline` (Node's own loader refuses its JSON import).
 */

const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');
const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const REUSABLE = ['pull-request-checks.yml', 'post-deploy-gate.yml'];
const OWN_ACTION = /^(?:resilience-gates\/resilience-gates|OWNER\/REPO)\/actions\/([a-z-]+)@/;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const workflowFiles = yamlFiles(WORKFLOWS_DIR);
const exampleWorkflows = yamlFiles(EXAMPLES_DIR).filter(
  (path) => 'jobs' in (parse(readFileSync(path, 'utf8')) ?? {}),
);

interface Converted {
  template: WorkflowTemplate;
  errors: string[];
}

async function convert(name: string, content: string): Promise<Converted> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return { template: { errors: [] } as unknown as WorkflowTemplate, errors };
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      // `uses: ./.github/workflows/x.yml` in a caller resolves to this repository's file.
      getFileContent: async (ref) => {
        const path = 'path' in ref ? ref.path : '';
        return { name: path, content: readFileSync(join(REPO_ROOT, path), 'utf8') };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  return { template, errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)] };
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'timeout-minutes'?: unknown;
  steps?: Step[];
  uses?: string;
}
function jobsOf(path: string): [string, Job][] {
  const workflow = parse(readFileSync(path, 'utf8')) as { jobs: Record<string, Job> };
  return Object.entries(workflow.jobs);
}
const rel = (path: string) => relative(REPO_ROOT, path);

describe('.github/workflows through @actions/workflow-parser', () => {
  it('has the release, CodeQL and reusable workflows', () => {
    const names = workflowFiles.map((p) => rel(p));
    for (const name of ['release.yml', 'codeql.yml', 'ci.yml', ...REUSABLE]) {
      expect(names).toContain(`.github/workflows/${name}`);
    }
  });

  it.each(workflowFiles.map(rel))('%s parses and converts without errors', async (path) => {
    const { template, errors } = await convert(path, readFileSync(join(REPO_ROOT, path), 'utf8'));
    expect(errors).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('release.yml runs on version tags: check-dist, tests, notes from CHANGELOG.md, major tag moved', async () => {
    const path = join(WORKFLOWS_DIR, 'release.yml');
    const { template } = await convert('release.yml', readFileSync(path, 'utf8'));
    expect(template.events.push?.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    const text = readFileSync(path, 'utf8');
    for (const needle of [
      'npm run check-dist',
      'npm test',
      'release-notes.js',
      'gh release create',
      'git push origin "refs/tags/$major" --force',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it.each(REUSABLE)('%s is reusable with typed inputs', async (name) => {
    const text = readFileSync(join(WORKFLOWS_DIR, name), 'utf8');
    const { template } = await convert(name, text);
    expect(template.events.workflow_call).toBeDefined();
    // The parser's model has no `number` input type (0.3.61): read the declared types from the file.
    const raw = parse(text) as { on: { workflow_call: { inputs: Record<string, { type?: string }> } } };
    const inputs = Object.values(raw.on.workflow_call.inputs);
    expect(inputs.length).toBeGreaterThan(3);
    for (const input of inputs) expect(['string', 'boolean', 'number']).toContain(input.type);
  });

  it('post-deploy-gate.yml takes the role as a required secret', async () => {
    const { template } = await convert(
      'post-deploy-gate.yml',
      readFileSync(join(WORKFLOWS_DIR, 'post-deploy-gate.yml'), 'utf8'),
    );
    expect(template.events.workflow_call?.secrets?.['role-to-assume']?.required).toBe(true);
  });

  it.each([
    ['pull-request-checks.yml', 'with:\n      protected-branches: main\n      fail-on: warning\n', ''],
    [
      'post-deploy-gate.yml',
      'with:\n      aws-region: us-east-1\n      canaries: checkout-*\n',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template.
      'secrets:\n      role-to-assume: ${{ secrets.ROLE }}\n',
    ],
  ])('a caller of %s validates against its typed inputs', async (name, withBlock, secrets) => {
    const caller = (extra: string) =>
      [
        'on: pull_request',
        'jobs:',
        '  gates:',
        `    uses: ./.github/workflows/${name}`,
        `    ${withBlock}${extra}`,
        secrets ? `    ${secrets}` : '',
      ].join('\n');
    expect((await convert('caller.yml', caller(''))).errors).toEqual([]);
    // Control: an input the workflow does not declare is refused, so the check above can fail.
    const wrong = await convert('caller.yml', caller('      no-such-input: x\n'));
    expect(wrong.errors.join('\n')).toMatch(/no-such-input/);
  });

  it.each(REUSABLE)("%s passes each action input with that action's own default", (name) => {
    const workflow = parse(readFileSync(join(WORKFLOWS_DIR, name), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, { default?: unknown }> } };
    };
    const declared = workflow.on.workflow_call.inputs;
    let forwarded = 0;
    for (const [, job] of jobsOf(join(WORKFLOWS_DIR, name))) {
      for (const step of job.steps ?? []) {
        const gate = OWN_ACTION.exec(step.uses ?? '')?.[1];
        if (!gate) continue;
        const action = parse(readFileSync(join(REPO_ROOT, 'actions', gate, 'action.yml'), 'utf8')) as {
          inputs: Record<string, { default?: unknown }>;
        };
        for (const [input, value] of Object.entries(step.with ?? {})) {
          expect(Object.keys(action.inputs), `${gate} has no input ${input}`).toContain(input);
          const source = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(String(value))?.[1];
          if (!source) continue;
          forwarded += 1;
          expect(String(declared[source]?.default ?? ''), `${name} ${source} -> ${gate} ${input}`).toBe(
            String(action.inputs[input]?.default ?? ''),
          );
        }
      }
    }
    expect(forwarded).toBeGreaterThan(3);
  });
});

describe('workflows and examples follow the pinning and guard rules', () => {
  const all = [...workflowFiles, ...exampleWorkflows];

  it('every file is covered', () => {
    expect(exampleWorkflows.length).toBeGreaterThanOrEqual(7);
  });

  it('one major version of each third-party action across all of them', () => {
    const majors = new Map<string, Set<string>>();
    for (const path of all) {
      for (const [, job] of jobsOf(path)) {
        for (const step of job.steps ?? []) {
          if (!step.uses || OWN_ACTION.test(step.uses) || step.uses.startsWith('./')) continue;
          const [action, ref = ''] = step.uses.split('@');
          const repo = (action ?? '').split('/').slice(0, 2).join('/');
          majors.set(repo, (majors.get(repo) ?? new Set()).add(ref));
        }
      }
    }
    for (const [repo, refs] of majors) expect([...refs], repo).toHaveLength(1);
    expect([...(majors.get('github/codeql-action') ?? [])]).toEqual(['v4']);
  });

  it('every SARIF upload is guarded for a file that was not written', () => {
    let uploads = 0;
    for (const path of all) {
      for (const [, job] of jobsOf(path)) {
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('github/codeql-action/upload-sarif@')) continue;
          uploads += 1;
          const file = String(step.with?.sarif_file ?? '');
          expect(step.if, `${rel(path)}`).toMatch(/^always\(\) && /);
          expect(step.if, `${rel(path)}`).toContain(`hashFiles('${file}') != ''`);
        }
      }
    }
    expect(uploads).toBeGreaterThanOrEqual(4);
  });

  it('every job has a timeout, and one that runs repository scripts checks out first', () => {
    for (const path of all) {
      for (const [id, job] of jobsOf(path)) {
        if (job.uses) continue; // a call of a reusable workflow has its own timeouts
        expect(job['timeout-minutes'], `${rel(path)} job ${id}`).toBeDefined();
        const steps = job.steps ?? [];
        const checkout = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
        steps.forEach((step, index) => {
          const runsRepoScript =
            /(^|\s)(\.\/|bash \.|node \.|npm )/.test(step.run ?? '') || step.uses?.startsWith('./');
          if (runsRepoScript)
            expect(checkout, `${rel(path)} job ${id} step ${index}`).toBeGreaterThanOrEqual(0);
          if (runsRepoScript) expect(checkout).toBeLessThan(index);
        });
      }
    }
  });

  it("every job's timeout covers the gates' own timeouts", () => {
    let gated = 0;
    for (const path of all) {
      const workflow = parse(readFileSync(path, 'utf8')) as {
        on?: { workflow_call?: { inputs?: Record<string, { default?: unknown }> } };
      };
      // In a reusable workflow `${{ inputs.x }}` is checked at its default.
      const defaults = workflow.on?.workflow_call?.inputs ?? {};
      const resolve = (value: unknown) =>
        String(value ?? '').replace(/^\$\{\{ inputs\.([a-z-]+) \}\}$/, (_, name: string) =>
          String(defaults[name]?.default ?? ''),
        );
      for (const [id, job] of jobsOf(path)) {
        let gateMs = 0;
        for (const step of job.steps ?? []) {
          const gate = OWN_ACTION.exec(step.uses ?? '')?.[1];
          if (gate !== 'canary-gate' && gate !== 'run-experiment') continue;
          const action = parse(readFileSync(join(REPO_ROOT, 'actions', gate, 'action.yml'), 'utf8')) as {
            inputs: Record<string, { default?: unknown }>;
          };
          const timeout = resolve(step.with?.timeout) || String(action.inputs.timeout?.default);
          gateMs += parseDuration(timeout) ?? Number.NaN;
          const recovery = resolve(step.with?.['recovery-timeout']);
          if (recovery) gateMs += parseDuration(recovery) ?? Number.NaN;
        }
        if (gateMs === 0) continue;
        gated += 1;
        const minutes = Number(resolve(job['timeout-minutes']));
        expect(
          minutes * 60_000,
          `${rel(path)} job ${id}: ${minutes}m for ${gateMs / 60_000}m of gates`,
        ).toBeGreaterThan(gateMs);
      }
    }
    expect(gated).toBeGreaterThanOrEqual(4);
  });
});
