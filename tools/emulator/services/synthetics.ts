import { ApiError, HTTP_BAD_REQUEST, HTTP_CONFLICT, HTTP_NOT_FOUND } from '../errors.js';
import { parseJsonBody, restJson } from '../protocols/rest-json.js';
import type { RawRequest } from '../protocols/types.js';
import type { CanaryGroupSpec } from '../scenario.js';
import { type CanaryRecord, type CanaryRunRecord, type CanaryStore, runStatusAt } from '../state/canaries.js';
import { jsonErrorTable, REST_THROTTLE_STATUS } from './errors.js';
import { paginate } from './paging.js';
import { matchRoute, type Route } from './routes.js';
import { type CallContext, commonError, type ParsedCall, type ServiceModule } from './types.js';

const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/canary/{Name}', operation: 'GetCanary' },
  { method: 'POST', path: '/canaries', operation: 'DescribeCanaries' },
  { method: 'POST', path: '/canaries/last-run', operation: 'DescribeCanariesLastRun' },
  { method: 'POST', path: '/canary/{Name}/runs', operation: 'GetCanaryRuns' },
  { method: 'POST', path: '/canary/{Name}/start', operation: 'StartCanary' },
  { method: 'POST', path: '/group/{GroupIdentifier}/resources', operation: 'ListGroupResources' },
];

/**
 * DescribeCanaries and DescribeCanariesLastRun accept at most 5 names ("You can specify as many as
 * five canary names", API reference, DescribeCanaries / DescribeCanariesLastRun, Names).
 */
export const MAX_DESCRIBE_NAMES = 5;
/** DescribeCanaries MaxResults: 1-20, default 20 (API reference, DescribeCanaries). */
const DESCRIBE_LIMITS = { defaultMax: 20, maxMax: 20 };
/**
 * DescribeCanariesLastRun MaxResults: 1-100, "If you omit this parameter, the default of 100 is
 * used" (API reference, DescribeCanariesLastRun).
 */
const LAST_RUN_LIMITS = { defaultMax: 100, maxMax: 100 };
/** GetCanaryRuns MaxResults: 1-100, default 100 (API reference, GetCanaryRuns). */
const RUNS_LIMITS = { defaultMax: 100, maxMax: 100 };

/**
 * What the Synthetics API reference leaves unstated, made selectable so the gates are tested
 * against each plausible behaviour rather than the one their authors assumed:
 *
 * - `runOrder`: GetCanaryRuns documents paging ("MaxResults ... If you omit this parameter, the
 *   default of 100 is used", NextToken "indicates that there is more data available",
 *   https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_GetCanaryRuns.html) but
 *   not the order of CanaryRuns. The console shows newest first; nothing promises it. Default
 *   newest-first; core/synthetics.ts reads every page unless a page proves newest-first order.
 * - `unknownLastRunNames`: DescribeCanariesLastRun documents that Names needs authorisation for
 *   every name, and a 403 when it is missing ("If you do not have permission to view any of the
 *   canaries, the request fails with a 403 response",
 *   https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_DescribeCanariesLastRun.html),
 *   but not what a name that does not exist (a canary
 *   deleted mid-gate) does: left out of the answer (as DescribeCanaries does with a Names
 *   filter), or a ResourceNotFoundException. Default omit.
 */
export interface SyntheticsBehaviour {
  runOrder?: 'newest-first' | 'oldest-first';
  unknownLastRunNames?: 'omit' | 'not-found';
  /**
   * `scheduledRunIds`: CanaryRun.ScheduledRunId is "The ID of the scheduled canary run" and
   * RetryAttempt "The count in number of the retry attempt", range 1-2
   * (https://docs.aws.amazon.com/AmazonSynthetics/latest/APIReference/API_CanaryRun.html), so a
   * first attempt has no RetryAttempt; whether it carries a ScheduledRunId is not said. Default
   * `every-attempt` (the first attempt's own Id); `retries-only` leaves it off the first attempt.
   * Either way only canaries with a RetryConfig (CanarySpec.maxRetries) show these fields.
   */
  scheduledRunIds?: 'every-attempt' | 'retries-only';
}
const GROUP_LIMITS = { defaultMax: 20, maxMax: 20 };
const DEFAULT_RUNTIME = 'syn-nodejs-puppeteer-9.1';
const DURATION_UNTIL_NEXT_RUN_SECONDS = 0;

const errors = jsonErrorTable({ status: REST_THROTTLE_STATUS, code: 'TooManyRequestsException' });

function validation(message: string): ApiError {
  return new ApiError(HTTP_BAD_REQUEST, 'ValidationException', message);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Mirrors the layout Synthetics uses: bucket/canary/region/name-suffix/yyyy/mm/dd/hh/mm-ss-mmm. */
function artifactLocation(canary: CanaryRecord, run: CanaryRunRecord, context: CallContext): string {
  const t = new Date(run.startedAt);
  const datePath = `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${pad(t.getUTCHours())}`;
  const timePart = `${pad(t.getUTCMinutes())}-${pad(t.getUTCSeconds())}-${pad(t.getUTCMilliseconds(), 3)}`;
  const bucket = `cw-syn-results-${context.identity.accountId}-${context.region}`;
  return `${bucket}/canary/${context.region}/${canary.spec.name}-${canary.id.slice(0, 4)}/${datePath}/${timePart}`;
}

const canaryArn = (name: string, context: CallContext) =>
  `arn:aws:synthetics:${context.region}:${context.identity.accountId}:canary:${name}`;

/** RetryAttempt and ScheduledRunId of a canary that retries (see SyntheticsBehaviour.scheduledRunIds). */
function retryFields(canary: CanaryRecord, run: CanaryRunRecord, behaviour: SyntheticsBehaviour) {
  if (canary.spec.maxRetries === undefined) return {};
  const firstAttempt = run.retryAttempt === undefined;
  const withId = !firstAttempt || behaviour.scheduledRunIds !== 'retries-only';
  return {
    ...(firstAttempt ? {} : { RetryAttempt: run.retryAttempt }),
    ...(withId ? { ScheduledRunId: run.scheduledRunId } : {}),
  };
}

const runOut = (
  canary: CanaryRecord,
  run: CanaryRunRecord,
  context: CallContext,
  behaviour: SyntheticsBehaviour,
) => {
  const status = runStatusAt(run, context.now);
  return {
    Id: run.id,
    ...retryFields(canary, run, behaviour),
    Name: canary.spec.name,
    Status: { State: status.state, StateReason: status.reason, StateReasonCode: status.reasonCode },
    Timeline: {
      Started: new Date(run.startedAt),
      Completed: status.state === 'RUNNING' ? undefined : new Date(run.completedAt),
    },
    ArtifactS3Location: artifactLocation(canary, run, context),
  };
};

const canaryOut = (canary: CanaryRecord, context: CallContext) => ({
  Id: canary.id,
  Name: canary.spec.name,
  Code: { Handler: 'index.handler' },
  ExecutionRoleArn: `arn:aws:iam::${context.identity.accountId}:role/synthetics-canary-role`,
  Schedule: {
    Expression: canary.spec.schedule ?? 'rate(5 minutes)',
    DurationInSeconds: DURATION_UNTIL_NEXT_RUN_SECONDS,
    // CanaryScheduleOutput.RetryConfig, a RetryConfigOutput { MaxRetries } (API reference).
    ...(canary.spec.maxRetries === undefined ? {} : { RetryConfig: { MaxRetries: canary.spec.maxRetries } }),
  },
  RunConfig: { TimeoutInSeconds: 60, MemoryInMB: 1000, ActiveTracing: false },
  SuccessRetentionPeriodInDays: 31,
  FailureRetentionPeriodInDays: 31,
  Status: { State: canary.state, StateReason: canary.stateReason },
  Timeline: {
    Created: new Date(canary.createdAt),
    LastModified: new Date(canary.lastModified),
    LastStarted: canary.lastStarted === undefined ? undefined : new Date(canary.lastStarted),
    LastStopped: canary.lastStopped === undefined ? undefined : new Date(canary.lastStopped),
  },
  ArtifactS3Location: `cw-syn-results-${context.identity.accountId}-${context.region}/canary/${context.region}/${canary.spec.name}`,
  EngineArn: `arn:aws:lambda:${context.region}:${context.identity.accountId}:function:cwsyn-${canary.spec.name}:1`,
  RuntimeVersion: canary.spec.runtimeVersion ?? DEFAULT_RUNTIME,
  // API reference, Canary: "Tags: The list of key-value pairs that are associated with the canary"
  // (a string map), in every Canary DescribeCanaries returns; the request has no tag filter.
  Tags: canary.spec.tags ?? {},
});

const findCanary = (canaries: CanaryStore, name: unknown): CanaryRecord => {
  const canary = canaries.canaries.get(String(name));
  if (!canary)
    throw new ApiError(HTTP_NOT_FOUND, 'ResourceNotFoundException', `Canary ${String(name)} not found`);
  return canary;
};

/** Names filter (max 5, unknown names silently skipped, as AWS does) then paging. */
const selectCanaries = (
  canaries: CanaryStore,
  params: Record<string, unknown>,
  limits: typeof DESCRIBE_LIMITS = DESCRIBE_LIMITS,
) => {
  const names = params.Names as string[] | undefined;
  if (names && names.length > MAX_DESCRIBE_NAMES) {
    throw validation(
      `Member must have length less than or equal to ${MAX_DESCRIBE_NAMES} (Names has ${names.length})`,
    );
  }
  const all = [...canaries.canaries.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  const selected = names ? all.filter((canary) => names.includes(canary.spec.name)) : all;
  return paginate(selected, params.NextToken, params.MaxResults, limits);
};

const describeLastRun = (
  canaries: CanaryStore,
  params: Record<string, unknown>,
  context: CallContext,
  behaviour: SyntheticsBehaviour,
) => {
  if (behaviour.unknownLastRunNames === 'not-found') {
    const unknown = ((params.Names as string[] | undefined) ?? []).filter(
      (name) => !canaries.canaries.has(name),
    );
    if (unknown.length > 0)
      throw new ApiError(HTTP_NOT_FOUND, 'ResourceNotFoundException', `Canary ${unknown[0]} not found`);
  }
  const page = selectCanaries(canaries, params, LAST_RUN_LIMITS);
  const lastRuns = page.items.flatMap((canary) => {
    const last = canaries.visibleRuns(canary, context.now)[0];
    return last ? [{ CanaryName: canary.spec.name, LastRun: runOut(canary, last, context, behaviour) }] : [];
  });
  return { CanariesLastRun: lastRuns, NextToken: page.nextToken };
};

const startCanary = (canaries: CanaryStore, params: Record<string, unknown>, context: CallContext) => {
  const canary = findCanary(canaries, params.Name);
  if (canary.state === 'RUNNING' || canary.state === 'STARTING') {
    throw new ApiError(
      HTTP_CONFLICT,
      'ConflictException',
      `Canary ${canary.spec.name} is already ${canary.state}.`,
    );
  }
  canaries.start(canary, context.now);
  return {};
};

const groupResources = (groups: CanaryGroupSpec[], params: Record<string, unknown>, context: CallContext) => {
  const id = String(params.GroupIdentifier);
  const group = groups.find((candidate) => candidate.name === id || id.endsWith(`:group:${candidate.name}`));
  if (!group) throw new ApiError(HTTP_NOT_FOUND, 'ResourceNotFoundException', `Group ${id} not found`);
  const page = paginate(group.canaries, params.NextToken, params.MaxResults, GROUP_LIMITS);
  return { Resources: page.items.map((name) => canaryArn(name, context)), NextToken: page.nextToken };
};

/** GetCanaryRuns' list in the selected order (see SyntheticsBehaviour.runOrder). */
function listedRuns(
  canaries: CanaryStore,
  canary: CanaryRecord,
  now: number,
  behaviour: SyntheticsBehaviour,
) {
  const newestFirst = canaries.visibleRuns(canary, now);
  return behaviour.runOrder === 'oldest-first' ? newestFirst.reverse() : newestFirst;
}

export function createSyntheticsService(
  canaries: CanaryStore,
  groups: CanaryGroupSpec[],
  behaviour: SyntheticsBehaviour = {},
): ServiceModule {
  return {
    signingName: 'synthetics',
    iamPrefix: 'synthetics',
    protocol: restJson,
    errors,
    claims: (request) => /^\/(canary|canaries|group)(\/|$)/.test(request.path),
    parse(request: RawRequest): ParsedCall {
      const match = matchRoute(ROUTES, request);
      if (!match) throw commonError(errors, 'unknown-operation');
      return { operation: match.operation, params: { ...parseJsonBody(request.body), ...match.labels } };
    },
    iam(call, context) {
      const name = call.params.Name;
      const resource = typeof name === 'string' ? canaryArn(name, context) : '*';
      return { actions: [`synthetics:${call.operation}`], resource };
    },
    handle(call, context) {
      const { params } = call;
      switch (call.operation) {
        case 'GetCanary':
          return { Canary: canaryOut(findCanary(canaries, params.Name), context) };
        case 'DescribeCanaries': {
          const page = selectCanaries(canaries, params);
          return {
            Canaries: page.items.map((canary) => canaryOut(canary, context)),
            NextToken: page.nextToken,
          };
        }
        case 'DescribeCanariesLastRun':
          return describeLastRun(canaries, params, context, behaviour);
        case 'GetCanaryRuns': {
          const canary = findCanary(canaries, params.Name);
          const page = paginate(
            listedRuns(canaries, canary, context.now, behaviour),
            params.NextToken,
            params.MaxResults,
            RUNS_LIMITS,
          );
          return {
            CanaryRuns: page.items.map((run) => runOut(canary, run, context, behaviour)),
            NextToken: page.nextToken,
          };
        }
        case 'StartCanary':
          return startCanary(canaries, params, context);
        case 'ListGroupResources':
          return groupResources(groups, params, context);
        default:
          throw commonError(errors, 'unknown-operation');
      }
    },
  };
}
