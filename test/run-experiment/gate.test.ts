import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../actions/run-experiment/src/experiment.js';
import {
  runExperimentGate,
  STATE_EXPERIMENT_ID,
  STATE_FINISHED_ID,
} from '../../actions/run-experiment/src/gate.js';
import { junitReport, reportOutputs, summaryMarkdown } from '../../actions/run-experiment/src/report.js';
import { INPUT_NAMES } from '../../actions/run-experiment/src/settings.js';
import { runCli } from '../../cli/main.js';
import type { Host } from '../../core/host.js';
import { Inputs, mapInputReader } from '../../core/inputs.js';
import { MemoryLogger } from '../../core/log.js';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../../tools/emulator/index.js';
import {
  MINUTE_MS,
  scenario,
  settings,
  template,
  type World,
  world,
} from '../../tools/harness/run-experiment-world.js';

let emu: Emulator | undefined;
let current: World | undefined;
afterEach(async () => {
  await emu?.close();
  await current?.emu.close();
  emu = undefined;
  current = undefined;
});

beforeAll(() => {
  // The SDK's default credential chain reads these from the process, as on a runner.
  process.env.AWS_ACCESS_KEY_ID = DEFAULT_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_CREDENTIALS.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});

/** The CLI loads gates lazily (cli/gates.ts); this one is already loaded. */
const cliEntry = { name: runExperimentGate.name, load: async () => runExperimentGate };

function memoryHost(inputs: Record<string, string>, state: Record<string, string> = {}) {
  const log = new MemoryLogger();
  const outputs: Record<string, string> = {};
  const saved: Record<string, string> = { ...state };
  const summaries: string[] = [];
  const host: Host = {
    inputs: new Inputs(mapInputReader(inputs)),
    log,
    env: { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/tmp/rg-run-experiment-test' },
    workspace: '/tmp',
    setOutput: (name, value) => {
      outputs[name] = String(value);
    },
    annotate: () => {},
    appendSummary: async (markdown) => {
      summaries.push(markdown);
    },
    saveState: (name, value) => {
      saved[name] = value;
    },
    getState: (name) => saved[name] ?? '',
    setSecret: () => {},
    signal: new AbortController().signal,
  };
  return { host, log, outputs, saved, summaries };
}

describe('runExperimentGate', () => {
  it('declares every input the settings read', () => {
    expect(runExperimentGate.inputs).toEqual(INPUT_NAMES);
    expect(runExperimentGate.name).toBe('run-experiment');
    expect(runExperimentGate.post).toBeTypeOf('function');
  });

  it('wait: false starts, saves the id for post, sets outputs, and is neutral', async () => {
    emu = await startEmulator({ scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]) });
    const { host, outputs, saved, summaries } = memoryHost({
      'experiment-template-id': 'EXTforever',
      'endpoint-url': emu.url,
      wait: 'false',
    });
    const outcome = await runExperimentGate.run(host);
    expect(outcome.result).toBe('neutral');
    const id = emu.calls('fis:StartExperiment')[0] && outputs['experiment-id'];
    expect(id).toMatch(/^EXP/);
    expect(saved[STATE_EXPERIMENT_ID]).toBe(id);
    // Fire-and-forget: the post step must leave it running.
    expect(saved[STATE_FINISHED_ID]).toBe(id);
    expect(outputs).toMatchObject({
      outcome: 'started',
      'report-path': '/tmp/rg-run-experiment-test/run-experiment-report.json',
    });
    expect(summaries[0]).toContain('run-experiment: started');
  });
});

describe('the post step', () => {
  const inputs = () => ({ 'experiment-template-id': 'EXTforever', 'endpoint-url': emu!.url });

  it('stops an experiment the main step left running', async () => {
    emu = await startEmulator({ scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]) });
    const main = memoryHost({ ...inputs(), wait: 'false' });
    await runExperimentGate.run(main.host);
    const id = main.saved[STATE_EXPERIMENT_ID]!;
    // As if the main step had been killed right after StartExperiment: only the id was saved.
    const post = memoryHost(inputs(), { [STATE_EXPERIMENT_ID]: id });
    await runExperimentGate.post!(post.host);
    expect(emu.calls('fis:StopExperiment').map((c) => c.params.id)).toEqual([id]);
    expect(post.log.lines.at(-1)).toMatch(
      new RegExp(
        `^run-experiment post: stopped experiment ${id} that the main step left (initiating|running)$`,
      ),
    );
  });

  it('does nothing when the main step finished cleanly, or started nothing', async () => {
    emu = await startEmulator({ scenario: scenario([]) });
    const finished = memoryHost(inputs(), { [STATE_EXPERIMENT_ID]: 'EXP1', [STATE_FINISHED_ID]: 'EXP1' });
    await runExperimentGate.post!(finished.host);
    expect(finished.log.lines).toEqual([
      'run-experiment post: experiment EXP1 was settled by the main step, nothing to clean up',
    ]);
    const none = memoryHost(inputs());
    await runExperimentGate.post!(none.host);
    expect(none.log.lines).toEqual([
      'debug: run-experiment post: no experiment was started, nothing to clean up',
    ]);
    expect(emu.requests).toHaveLength(0);
  });

  it('does not stop an experiment that already ended', async () => {
    emu = await startEmulator({
      scenario: scenario([template('EXTfast', { preset: 'completes', durationMs: 0 })]),
    });
    const main = memoryHost({ 'experiment-template-id': 'EXTfast', 'endpoint-url': emu.url, wait: 'false' });
    await runExperimentGate.run(main.host);
    const post = memoryHost(
      { 'endpoint-url': emu.url },
      { [STATE_EXPERIMENT_ID]: main.saved[STATE_EXPERIMENT_ID]! },
    );
    await runExperimentGate.post!(post.host);
    expect(emu.calls('fis:StopExperiment')).toHaveLength(0);
    expect(post.log.lines.at(-1)).toMatch(/is completed, nothing to stop/);
  });
});

describe('reports', () => {
  it('renders the summary, JUnit (one case per action) and outputs from one report', async () => {
    current = await world(
      scenario([template('EXTstopCond', { preset: 'stop-condition', afterMs: 2 * MINUTE_MS })]),
    );
    const report = await executeExperiment(
      current.deps,
      settings({ 'experiment-template-id': 'EXTstopCond' }),
    );
    const markdown = summaryMarkdown(report);
    for (const part of [
      '## ❌ run-experiment: stopped-by-stop-condition',
      '### Preflight',
      'Targets resolved: 2',
      '### Timeline',
      '### Actions',
      '### Stop conditions',
      '| arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-5xx | ALARM | yes |',
      'https://us-east-1.console.aws.amazon.com/fis/home?region=us-east-1#ExperimentDetails:ExperimentId=EXP',
    ]) {
      expect(markdown).toContain(part);
    }
    const xml = junitReport(report);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('failures="2"');
    expect(xml).toContain('<testcase name="inject-latency" classname="run-experiment.EXTstopCond"');
    const outputs = reportOutputs(report);
    expect(outputs).toMatchObject({
      outcome: 'stopped-by-stop-condition',
      state: 'stopped',
      'duration-seconds': '122',
    });
    expect(JSON.parse(outputs.actions!)).toEqual({
      'inject-latency': { status: 'stopped' },
      'stress-cpu': { status: 'stopped' },
    });
  });
});

describe('the CLI', () => {
  it('runs the gate from flags (resilience-gates run-experiment --experiment-template-id ...)', async () => {
    emu = await startEmulator({ scenario: scenario([template('EXTforever', { preset: 'runs-forever' })]) });
    let out = '';
    let err = '';
    const code = await runCli(
      [
        'run-experiment',
        '--experiment-template-id',
        'EXTforever',
        '--region',
        'us-east-1',
        '--endpoint-url',
        emu.url,
        '--wait',
        'false',
        '--no-summary',
      ],
      {
        gates: [cliEntry],
        env: { RUNNER_TEMP: '/tmp/rg-run-experiment-cli' },
        cwd: '/tmp',
        streams: { out: (t) => (out += t), err: (t) => (err += t) },
        signal: new AbortController().signal,
      },
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^NEUTRAL: Started experiment EXP\w+ and did not wait for it/);
    // The CLI prints no 'output name=value' lines (issue 14): it names the report instead.
    expect(err).toContain('report: /tmp/rg-run-experiment-cli/run-experiment-report.json');
    // The CLI runs the post step inline: it must leave a fire-and-forget experiment running.
    expect(emu.calls('fis:StopExperiment')).toHaveLength(0);
  });

  it('exits 2 with one line on a bad flag value', async () => {
    let err = '';
    const code = await runCli(
      ['run-experiment', '--experiment-template-id', 'EXT1', '--region', 'us-east-1', '--timeout', 'soon'],
      {
        gates: [cliEntry],
        env: {},
        cwd: '/tmp',
        streams: { out: () => {}, err: (t) => (err += t) },
        signal: new AbortController().signal,
      },
    );
    expect(code).toBe(2);
    expect(err).toBe("error: Invalid timeout 'soon': use a duration like 90s, 15m, 1h30m or PT15M\n");
  });
});
