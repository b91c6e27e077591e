import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, isManualClock, realClock } from './clock.js';
import { CONTROL_PREFIX, type Controllable, handleControl } from './control.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import type { IamPolicy } from './iam.js';
import { DEFAULT_CREDENTIALS, DEFAULT_REGION, IdentityStore } from './identity.js';
import type { RawRequest, WireResponse } from './protocols/types.js';
import { type RecordedRequest, Recorder } from './recorder.js';
import { handleAwsRequest, type PipelineDeps } from './router.js';
import type {
  AlarmSpec,
  AlarmState,
  CanaryGroupSpec,
  CanaryOutcomeSpec,
  CanarySpec,
  CanaryState,
  ExperimentTemplateSpec,
  Scenario,
  ScenarioCredential,
} from './scenario.js';
import { getScenario } from './scenarios.js';
import { createCloudWatchService } from './services/cloudwatch.js';
import { createEc2Service } from './services/ec2.js';
import { createFisService, type FisBehaviour } from './services/fis.js';
import { createStsService } from './services/sts.js';
import { createSyntheticsService, type SyntheticsBehaviour } from './services/synthetics.js';
import { AlarmStore } from './state/alarms.js';
import { CanaryStore } from './state/canaries.js';
import { type ExperimentRecord, ExperimentStore } from './state/experiments.js';

const LOOPBACK = '127.0.0.1';

export interface EmulatorOptions {
  /** A scenario, or the name of a built-in one. Default: `default`. */
  scenario?: Scenario | string;
  /** Default: real time. Pass a ManualClock to script time. */
  clock?: Clock;
  /** Overrides the scenario's policy. */
  policy?: IamPolicy;
  /** Default 0: a free port. */
  port?: number;
  /** Synthetics behaviours the API reference leaves open (see services/synthetics.ts). */
  synthetics?: SyntheticsBehaviour;
  /** FIS behaviours the API reference leaves open (see services/fis.ts). */
  fis?: FisBehaviour;
}

export class Emulator implements Controllable {
  readonly clock: Clock;
  readonly region = DEFAULT_REGION;
  readonly credentials = { ...DEFAULT_CREDENTIALS };
  readonly scenario: Scenario;
  private readonly recorder = new Recorder();
  private readonly faults = new FaultQueue();
  private readonly identities: IdentityStore;
  private readonly alarms: AlarmStore;
  private readonly experimentStore: ExperimentStore;
  private readonly canaryStore: CanaryStore;
  private readonly groups: CanaryGroupSpec[];
  private readonly startMs: number;
  private readonly syntheticsBehaviour: SyntheticsBehaviour;
  private readonly fisBehaviour: FisBehaviour;
  private readonly closing = new AbortController();
  private policy: IamPolicy | undefined;
  private server: Server | undefined;
  private address = '';

  constructor(options: EmulatorOptions = {}) {
    const scenario =
      typeof options.scenario === 'string' || options.scenario === undefined
        ? getScenario(options.scenario ?? 'default')
        : structuredClone(options.scenario);
    this.scenario = scenario;
    this.clock = options.clock ?? realClock;
    this.startMs = this.clock.now();
    this.policy = options.policy ?? scenario.policy;
    this.identities = new IdentityStore(scenario.credentials ?? []);
    this.alarms = new AlarmStore(scenario.alarms ?? [], this.startMs);
    this.experimentStore = new ExperimentStore(scenario.experimentTemplates ?? [], this.startMs, this.alarms);
    this.canaryStore = new CanaryStore(scenario.canaries ?? [], this.startMs);
    this.groups = scenario.canaryGroups ?? [];
    this.syntheticsBehaviour = options.synthetics ?? {};
    this.fisBehaviour = options.fis ?? {};
  }

  private deps(): PipelineDeps {
    return {
      services: [
        createFisService(this.experimentStore, this.fisBehaviour),
        createSyntheticsService(this.canaryStore, this.groups, this.syntheticsBehaviour),
        createCloudWatchService(this.alarms),
        createEc2Service(this.scenario.accounts ?? {}),
        createStsService(this.identities),
      ],
      identities: this.identities,
      faults: this.faults,
      recorder: this.recorder,
      clock: this.clock,
      policy: () => this.policy,
      tick: (now) => this.tick(now),
      closing: this.closing.signal,
    };
  }

  /** Applies every scripted change due by `now`; alarms first, since experiments may flip them. */
  private tick(now: number): void {
    this.alarms.tick(now);
    this.experimentStore.tick(now);
    this.canaryStore.tick(now);
  }

  async listen(port = 0): Promise<void> {
    const deps = this.deps();
    const server = createServer((request, response) => {
      void this.serve(deps, request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, () => resolve());
    });
    this.server = server;
    this.address = `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`;
  }

  private async serve(deps: PipelineDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readRequest(request);
    if (raw.path.startsWith(CONTROL_PREFIX)) {
      writeResponse(response, handleControl(this, raw.method, raw.path, raw.body));
      return;
    }
    const outcome = await handleAwsRequest(deps, raw);
    if (outcome.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    // AWS stamps every response with its own time (RFC 7231 Date). Sending the emulator's clock
    // here lets a test put "AWS" ahead of or behind the runner (clock skew) through the real header.
    writeResponse(response, {
      ...outcome.response,
      headers: { date: new Date(this.clock.now()).toUTCString(), ...outcome.response.headers },
    });
  }

  get url(): string {
    return this.address;
  }

  get port(): number {
    return Number(new URL(this.address).port);
  }

  get manualClock(): boolean {
    return isManualClock(this.clock);
  }

  now(): number {
    return this.clock.now();
  }

  get requests(): readonly RecordedRequest[] {
    return this.recorder.all;
  }

  /** By IAM action (`fis:StartExperiment`) or operation name (`StartExperiment`). */
  calls(actionOrOperation: string): RecordedRequest[] {
    return this.recorder.calls(actionOrOperation);
  }

  resetRequests(): void {
    this.recorder.reset();
  }

  injectFault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setPolicy(policy: IamPolicy | undefined): void {
    this.policy = policy;
  }

  setAlarmState(name: string, state: AlarmState, reason?: string): void {
    this.tick(this.clock.now());
    if (!this.alarms.setState(name, state, reason, this.clock.now()))
      throw new Error(`No alarm named '${name}'`);
  }

  addAlarm(spec: AlarmSpec): void {
    this.alarms.add(spec, this.clock.now());
  }

  addExperimentTemplate(spec: ExperimentTemplateSpec): void {
    this.experimentStore.addTemplate(spec);
  }

  addCanary(spec: CanarySpec): void {
    this.canaryStore.add(spec);
  }

  /** Changes a canary's state now, as StopCanary, an error or DeleteCanary would; 'DELETED' removes it. */
  setCanaryState(name: string, state: CanaryState | 'DELETED', reason?: string): void {
    this.tick(this.clock.now());
    if (!this.canaryStore.setState(name, state, reason, this.clock.now()))
      throw new Error(`No canary named '${name}'`);
  }

  /** Starts a run of `name` now (see CanaryStore.runNow), e.g. one that begins under a fault. */
  runCanaryNow(name: string, outcome?: CanaryOutcomeSpec): void {
    this.tick(this.clock.now());
    if (!this.canaryStore.runNow(name, this.clock.now(), outcome))
      throw new Error(`No canary named '${name}'`);
  }

  addCanaryGroup(spec: CanaryGroupSpec): void {
    this.groups.push(spec);
  }

  addCredentials(credential: ScenarioCredential): void {
    this.identities.addKey(credential);
  }

  /** Every experiment started so far, oldest first. */
  experimentIds(): string[] {
    return this.experimentStore.experiments.map((experiment) => experiment.id);
  }

  /** The experiment as the emulator holds it (status, actions, times), after applying due steps. */
  experiment(id: string): ExperimentRecord | undefined {
    this.tick(this.clock.now());
    return this.experimentStore.get(id);
  }

  /** Moves a ManualClock; throws on a real clock, which cannot be moved. */
  advance(ms: number): void {
    if (!isManualClock(this.clock)) throw new Error('advance() needs a ManualClock');
    this.clock.advance(ms);
    this.tick(this.clock.now());
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.closing.abort();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function readRequest(request: IncomingMessage): Promise<RawRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const url = request.url ?? '/';
      const queryIndex = url.indexOf('?');
      resolve({
        method: request.method ?? 'GET',
        path: queryIndex < 0 ? url : url.slice(0, queryIndex),
        query: new URLSearchParams(queryIndex < 0 ? '' : url.slice(queryIndex + 1)),
        headers: normaliseHeaders(request.headers),
        body: Buffer.concat(chunks),
      });
    });
  });
}

/** Node joins repeated headers with ', ' except a few; the SDK never repeats the ones we read. */
function normaliseHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]),
  );
}

function writeResponse(response: ServerResponse, wire: WireResponse): void {
  response.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
  response.end(wire.body);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(options);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
