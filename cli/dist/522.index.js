export const id = 522;
export const ids = [522];
export const modules = {

/***/ 14522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTION_NAME: () => (/* binding */ ACTION_NAME),
  STATE_EXPERIMENT_ID: () => (/* binding */ STATE_EXPERIMENT_ID),
  STATE_FINISHED_ID: () => (/* binding */ STATE_FINISHED_ID),
  createClients: () => (/* binding */ createClients),
  runExperimentGate: () => (/* binding */ runExperimentGate)
});

// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(37191);
// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-fis/dist-cjs/index.js
var client_fis_dist_cjs = __webpack_require__(59255);
// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-synthetics/dist-cjs/index.js
var client_synthetics_dist_cjs = __webpack_require__(92123);
// EXTERNAL MODULE: ./core/aws.ts
var core_aws = __webpack_require__(53248);
// EXTERNAL MODULE: ./core/clock.ts
var clock = __webpack_require__(83331);
// EXTERNAL MODULE: ./core/errors.ts
var errors = __webpack_require__(78882);
// EXTERNAL MODULE: ./core/report/json.ts
var json = __webpack_require__(14392);
// EXTERNAL MODULE: ./core/cancel.ts
var cancel = __webpack_require__(27767);
// EXTERNAL MODULE: ./core/cloudwatch.ts
var core_cloudwatch = __webpack_require__(45721);
// EXTERNAL MODULE: ./core/duration.ts
var duration = __webpack_require__(23877);
// EXTERNAL MODULE: ./core/wait.ts
var wait = __webpack_require__(61076);
// EXTERNAL MODULE: ./core/paging.ts
var paging = __webpack_require__(21649);
;// CONCATENATED MODULE: ./actions/run-experiment/src/actions-mode.ts
const ACTIONS_MODE_MIDDLEWARE = 'resilienceGatesActionsMode';
/** Adds `experimentOptions.actionsMode` to a serialized StartExperiment body. */
function withActionsMode(body, mode) {
    const parsed = JSON.parse(body === '' ? '{}' : body);
    const options = (parsed.experimentOptions ?? {});
    parsed.experimentOptions = { ...options, actionsMode: mode };
    return JSON.stringify(parsed);
}
/** Applies the mode to one command (not the whole client: only StartExperiment has the field). */
function addActionsMode(command, mode) {
    const middleware = (next) => async (args) => {
        const request = args.request;
        if (typeof request.body === 'string') {
            const body = withActionsMode(request.body, mode);
            request.body = body;
            // The build step computes content-length after this, but a header already set would be stale.
            if (request.headers?.['content-length'] !== undefined) {
                request.headers['content-length'] = String(Buffer.byteLength(body));
            }
        }
        return next(args);
    };
    // A serialize-step middleware; the stack's union type cannot infer which step from a lambda.
    command.middlewareStack.addRelativeTo(middleware, {
        relation: 'after',
        toMiddleware: 'serializerMiddleware',
        name: ACTIONS_MODE_MIDDLEWARE,
        override: true,
    });
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/fis.ts




/** Thin, typed wrappers over the FIS calls the action makes; each pages where the API pages. */
const EXPERIMENTS_PAGE_SIZE = 100;
const RESOLVED_TARGETS_PAGE_SIZE = 100;
/**
 * Never given the job's abort signal: a StartExperiment aborted mid-flight may still have started
 * the experiment, and then nobody would know its id to stop it. The caller checks the signal
 * right after, with the id in hand.
 */
async function startExperiment(fis, request) {
    const command = new client_fis_dist_cjs.StartExperimentCommand({
        experimentTemplateId: request.templateId,
        clientToken: request.clientToken,
        tags: request.tags,
    });
    // run-all is FIS's default: only send the field when it changes something.
    if (request.actionsMode !== 'run-all')
        addActionsMode(command, request.actionsMode);
    const { experiment } = await fis.send(command);
    if (!experiment?.id)
        throw new Error('StartExperiment returned no experiment id');
    return experiment;
}
async function getExperiment(fis, id, signal) {
    const { experiment } = await fis.send(new client_fis_dist_cjs.GetExperimentCommand({ id }), { abortSignal: signal });
    if (!experiment)
        throw new Error(`GetExperiment returned nothing for ${id}`);
    return experiment;
}
/**
 * StopExperiment must answer within this, or the stop counts as failed (and the post step tries
 * again): a call that never answers would otherwise hold the step while the fault goes on, and
 * GitHub kills a cancelled job about 10 s after SIGINT.
 */
const STOP_CALL_TIMEOUT_MS = 5_000;
/** The tag that records "this step stopped it" answers within this, or the stop goes on without it. */
const TAG_CALL_TIMEOUT_MS = 2_000;
/** StopExperiment, bounded; an experiment that already ended is not an error. */
async function stopExperiment(fis, id, log, timeoutMs = STOP_CALL_TIMEOUT_MS) {
    try {
        const { experiment } = await fis.send(new client_fis_dist_cjs.StopExperimentCommand({ id }), {
            abortSignal: AbortSignal.timeout(timeoutMs),
        });
        log.info(`StopExperiment accepted: experiment ${id} is ${experiment?.state?.status ?? 'stopping'}`);
        return { requested: true };
    }
    catch (error) {
        const message = (0,errors/* describeAwsError */.Pp)(error, `StopExperiment ${id}`);
        log.warning(message);
        return { requested: false, error: message };
    }
}
/** TagResource on an experiment, bounded; a failure is returned, never thrown. */
async function tagExperiment(fis, arn, tags, timeoutMs = TAG_CALL_TIMEOUT_MS) {
    try {
        await fis.send(new client_fis_dist_cjs.TagResourceCommand({ resourceArn: arn, tags }), {
            abortSignal: AbortSignal.timeout(timeoutMs),
        });
        return undefined;
    }
    catch (error) {
        return (0,errors/* describeAwsError */.Pp)(error, `TagResource ${arn}`);
    }
}
function listAllExperiments(fis, signal) {
    return (0,paging/* collectPages */.V)('ListExperiments', async (nextToken) => {
        const page = await fis.send(new client_fis_dist_cjs.ListExperimentsCommand({ maxResults: EXPERIMENTS_PAGE_SIZE, nextToken }), {
            abortSignal: signal,
        });
        return { items: page.experiments, next: page.nextToken };
    });
}
function listResolvedTargets(fis, experimentId, signal) {
    return (0,paging/* collectPages */.V)('ListExperimentResolvedTargets', async (nextToken) => {
        const page = await fis.send(new client_fis_dist_cjs.ListExperimentResolvedTargetsCommand({
            experimentId,
            maxResults: RESOLVED_TARGETS_PAGE_SIZE,
            nextToken,
        }), { abortSignal: signal });
        return { items: page.resolvedTargets, next: page.nextToken };
    });
}
function consoleUrl(region, experimentId) {
    return `https://${region}.console.aws.amazon.com/fis/home?region=${region}#ExperimentDetails:ExperimentId=${experimentId}`;
}
/** `inject-latency running, stop-instances pending`: the action-level states in one line. */
function describeActions(experiment) {
    const actions = Object.entries(experiment.actions ?? {});
    if (actions.length === 0)
        return 'no actions';
    return actions.map(([name, action]) => `${name} ${action.state?.status ?? 'unknown'}`).join(', ');
}
function describeExperimentState(experiment) {
    const reason = experiment.state?.reason ? ` (${experiment.state.reason})` : '';
    return `${experiment.state?.status ?? 'unknown'}${reason}; actions: ${describeActions(experiment)}`;
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/outcome.ts
/**
 * How an experiment ended, typed. FIS itself only says `stopped` for both a stop condition and a
 * manual stop; the reason text and who called StopExperiment tell them apart.
 */
const TERMINAL_OUTCOMES = [
    'completed',
    'stopped-by-stop-condition',
    'stopped-manually',
    'stopped-by-gate',
    'nothing-injected',
    'cancelled',
    'failed',
];
/** Outcomes that are never a pass, so never allowed: the gate's own stop, and no fault at all. */
const NEVER_ALLOWED_OUTCOMES = ['stopped-by-gate', 'nothing-injected'];
/** FIS's wait action injects nothing: it only paces the other actions. */
const WAIT_ACTION_ID = 'aws:fis:wait';
/** The actions that inject a fault: every action but `aws:fis:wait`. */
function faultActions(actions) {
    return actions.filter((action) => action.actionId !== WAIT_ACTION_ID);
}
/**
 * No fault was injected: every fault action was skipped (FIS `emptyTargetResolutionMode: skip`
 * with targets that resolved to nothing), or the template has none. Only for an experiment that
 * ended on its own as `completed` or `cancelled`: a stopped or failed one is judged as such.
 */
function injectedNothing(status, actions) {
    if (status !== 'completed' && status !== 'cancelled')
        return false;
    return faultActions(actions).every((action) => action.status === 'skipped');
}
/** FIS experiment statuses (API reference, ExperimentState). */
const FIS_TERMINAL_STATUSES = ['completed', 'stopped', 'failed', 'cancelled'];
const FIS_ACTIVE_STATUSES = (/* unused pure expression or super */ null && (['pending', 'initiating', 'running']));
function isTerminalStatus(status) {
    return FIS_TERMINAL_STATUSES.includes(status ?? '');
}
/** Still injecting, or about to, by a status FIS documents. */
function isActiveStatus(status) {
    return FIS_ACTIVE_STATUSES.includes(status ?? '');
}
/**
 * May still be injecting: anything FIS has not said is over (terminal) or ending (`stopping`). A
 * status this code does not know, or none at all, counts: stopping an experiment that had ended is
 * harmless, leaving one running is not.
 */
function mayStillInject(status) {
    return !isTerminalStatus(status) && status !== 'stopping';
}
const STOP_CONDITION_REASON = /stop condition/i;
/** FIS's reason for a StopExperiment call ("Experiment stopped by user."). */
const MANUAL_STOP_REASON = /\bby user\b|\bmanual/i;
/**
 * Set on an experiment right before this action calls StopExperiment on it. A re-run of the step
 * with the same client token gets that experiment back from FIS, whose reason then only says
 * "stopped by user": the tag tells it was this action's own stop, never someone else's.
 */
const STOPPED_BY_GATE_TAG = 'resilience-gates:stopped-by-gate';
function classifyOutcome(input) {
    // Whatever FIS says afterwards, an experiment the gate had to stop is the gate's doing.
    if (input.gateStop)
        return 'stopped-by-gate';
    if (input.actions && injectedNothing(input.status, input.actions))
        return 'nothing-injected';
    switch (input.status) {
        case 'completed':
            return 'completed';
        case 'cancelled':
            return 'cancelled';
        case 'failed':
            return 'failed';
        case 'stopped':
        case 'stopping':
            // This action stopped it, in an earlier run of the step with the same client token.
            if (input.tags?.[STOPPED_BY_GATE_TAG])
                return 'stopped-by-gate';
            // FIS's own reason first: a stop-condition alarm that happens to be in ALARM when someone
            // stopped the experiment by hand did not stop it. The alarms decide only without a reason.
            if (STOP_CONDITION_REASON.test(input.reason ?? ''))
                return 'stopped-by-stop-condition';
            if (MANUAL_STOP_REASON.test(input.reason ?? ''))
                return 'stopped-manually';
            return (input.firedStopConditions?.length ?? 0) > 0 ? 'stopped-by-stop-condition' : 'stopped-manually';
        default:
            // Not terminal and not stopped by the gate: only reachable on a bug; never a pass.
            return 'failed';
    }
}
function describeGateStop(cause) {
    switch (cause.kind) {
        case 'timeout':
            return `the timeout of ${Math.round(cause.timeoutMs / 1000)}s ran out`;
        case 'cancel':
            return `the job was cancelled (${cause.signal})`;
        case 'breach':
            return `steady state breached: ${cause.detail}`;
        case 'watch-failed':
            return `the experiment could not be watched: ${cause.detail}`;
    }
}
/** One sentence per outcome, for the README, the summary and the verdict. */
const OUTCOME_MEANINGS = {
    completed: 'every action ran to its end and no stop condition fired',
    'stopped-by-stop-condition': 'a stop-condition alarm of the template fired and FIS stopped the experiment',
    'stopped-manually': 'someone (or something) outside this step called StopExperiment',
    'stopped-by-gate': 'this step stopped the experiment: timeout, job cancellation or a steady-state breach',
    'nothing-injected': 'FIS ended the experiment but every fault action was skipped (targets resolved to nothing): no fault, no evidence',
    cancelled: 'FIS cancelled the experiment before it ran, usually because no targets resolved',
    failed: 'an action or the experiment failed (see state.error and the action reasons)',
    'not-started': 'the preflight refused to start the experiment',
    started: 'the experiment was started and not awaited (wait: false): not a gate',
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/run-experiment/src/settings.ts




/**
 * Every input of the action, parsed once and validated before any AWS call. Messages name the
 * input, the bad value and the accepted forms, in one line.
 */
const INPUT_NAMES = [
    'experiment-template-id',
    'experiment-template-tags',
    'region',
    'endpoint-url',
    'max-attempts',
    'retry-mode',
    'timeout',
    'poll-interval',
    'tags',
    'client-token',
    'preflight',
    'validate-targets',
    'steady-state-alarms',
    'steady-state-canaries',
    'recovery-timeout',
    'wait',
    'allowed-outcomes',
    'junit-path',
    'report-path',
];
const DEFAULT_TIMEOUT = '30m';
const DEFAULT_POLL_INTERVAL = '15s';
const MIN_POLL_INTERVAL_MS = 5_000;
const MIN_TIMEOUT_MS = 5_000;
/** FIS limits (API reference: Tag, StartExperiment). */
const MAX_TAGS = 50;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;
const MAX_CLIENT_TOKEN_LENGTH = 64;
const CLOUDWATCH_ALARM_NAME_MAX = 255;
const CANARY_NAME_PATTERN = /^[0-9a-z_-]{1,255}$/;
const TEMPLATE_ID_PATTERN = /^EXT[A-Za-z0-9]{1,61}$/;
const TEMPLATE_ARN_PATTERN = /^arn:aws[\w-]*:fis:[a-z0-9-]+:\d{12}:experiment-template\/(EXT[A-Za-z0-9]+)$/;
const CLIENT_TOKEN_PATTERN = /^\S{1,64}$/;
const RESERVED_TAG_PREFIX = 'aws:';
/** Tags the action sets itself; a user tag of the same key is overridden. */
const RUN_TAG_KEYS = {
    repository: 'github:repository',
    workflow: 'github:workflow',
    runId: 'github:run-id',
    runAttempt: 'github:run-attempt',
    sha: 'github:sha',
    clientToken: 'resilience-gates:client-token',
};
function readSettings(inputs, env = process.env) {
    const template = readTemplateSelector(inputs);
    const aws = (0,core_aws/* readAwsSettings */.p3)(inputs, env);
    const timeoutMs = inputs.duration('timeout', DEFAULT_TIMEOUT, { minMs: MIN_TIMEOUT_MS, minText: '5s' });
    const pollIntervalMs = inputs.duration('poll-interval', DEFAULT_POLL_INTERVAL, {
        minMs: MIN_POLL_INTERVAL_MS,
        minText: '5s (FIS API rate limits)',
    });
    const { clientToken, clientTokenExplicit } = readClientToken(inputs, env, template);
    const steadyStateAlarms = readAlarmNames(inputs);
    const steadyStateCanaries = readCanaryNames(inputs);
    const recoveryTimeoutMs = inputs.optionalDuration('recovery-timeout');
    if (recoveryTimeoutMs !== undefined && steadyStateAlarms.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Invalid recovery-timeout '${inputs.optional('recovery-timeout')}': it needs steady-state-alarms (the alarms that must return to OK)`);
    }
    const wait = inputs.boolean('wait', true);
    if (!wait &&
        (steadyStateAlarms.length > 0 || steadyStateCanaries.length > 0 || recoveryTimeoutMs !== undefined)) {
        throw new errors/* ConfigurationError */.j1("Invalid wait 'false': steady-state-alarms, steady-state-canaries and recovery-timeout need wait: true");
    }
    const preflight = inputs.boolean('preflight', true);
    const validateTargets = inputs.boolean('validate-targets', false);
    return {
        template,
        aws,
        timeoutMs,
        pollIntervalMs,
        tags: { ...readUserTags(inputs), ...runTags(env, clientToken) },
        clientToken,
        clientTokenExplicit,
        preflight,
        validateTargets,
        steadyStateAlarms,
        steadyStateCanaries,
        ...(recoveryTimeoutMs === undefined ? {} : { recoveryTimeoutMs }),
        wait,
        allowedOutcomes: readAllowedOutcomes(inputs),
        ...optionalString('junitPath', inputs.optional('junit-path')),
        ...optionalString('reportPath', inputs.optional('report-path')),
    };
}
function optionalString(key, value) {
    return value === undefined ? {} : { [key]: value };
}
function readTemplateSelector(inputs) {
    const id = inputs.optional('experiment-template-id');
    const hasTags = inputs.optional('experiment-template-tags') !== undefined;
    if (id !== undefined && hasTags) {
        throw new errors/* ConfigurationError */.j1('Set experiment-template-id or experiment-template-tags, not both: the id already names one template');
    }
    if (id !== undefined)
        return { kind: 'id', id: parseTemplateId(id) };
    if (!hasTags) {
        throw new errors/* ConfigurationError */.j1('Input required and not supplied: experiment-template-id (or experiment-template-tags, Key=Value lines)');
    }
    const tags = inputs.map('experiment-template-tags');
    if (Object.keys(tags).length === 0) {
        throw (0,errors/* invalidInput */.aY)('experiment-template-tags', inputs.optional('experiment-template-tags') ?? '', 'use Key=Value lines');
    }
    return { kind: 'tags', tags };
}
/** An id like EXTabc123, or the template's ARN (its id is taken from it). */
function parseTemplateId(value) {
    if (TEMPLATE_ID_PATTERN.test(value))
        return value;
    const fromArn = TEMPLATE_ARN_PATTERN.exec(value)?.[1];
    if (fromArn)
        return fromArn;
    throw (0,errors/* invalidInput */.aY)('experiment-template-id', value, 'use a template id like EXT6dQmQ5YYgNYxJ5 or its ARN arn:aws:fis:REGION:ACCOUNT:experiment-template/EXT...');
}
function readUserTags(inputs) {
    const tags = inputs.map('tags');
    for (const [key, value] of Object.entries(tags)) {
        const item = `${key}=${value}`;
        if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
            throw (0,errors/* invalidInput */.aY)('tags', item, `tag keys starting with '${RESERVED_TAG_PREFIX}' are reserved by AWS`);
        }
        if (key.length > MAX_TAG_KEY_LENGTH || value.length > MAX_TAG_VALUE_LENGTH) {
            throw (0,errors/* invalidInput */.aY)('tags', item, `keys may have ${MAX_TAG_KEY_LENGTH} characters and values ${MAX_TAG_VALUE_LENGTH}`);
        }
    }
    const max = MAX_TAGS - Object.keys(RUN_TAG_KEYS).length;
    if (Object.keys(tags).length > max) {
        throw (0,errors/* invalidInput */.aY)('tags', `${Object.keys(tags).length} tags`, `use at most ${max} (FIS allows ${MAX_TAGS})`);
    }
    return tags;
}
/** The tags that tie an experiment to the run that started it, for audits and for preflight. */
function runTags(env, clientToken) {
    const tags = {};
    const add = (key, value) => {
        if (value)
            tags[key] = value.slice(0, MAX_TAG_VALUE_LENGTH);
    };
    add(RUN_TAG_KEYS.repository, env.GITHUB_REPOSITORY);
    add(RUN_TAG_KEYS.workflow, env.GITHUB_WORKFLOW);
    add(RUN_TAG_KEYS.runId, env.GITHUB_RUN_ID);
    add(RUN_TAG_KEYS.runAttempt, env.GITHUB_RUN_ATTEMPT);
    add(RUN_TAG_KEYS.sha, env.GITHUB_SHA);
    add(RUN_TAG_KEYS.clientToken, clientToken);
    return tags;
}
function readClientToken(inputs, env, template) {
    const explicit = inputs.optional('client-token');
    if (explicit !== undefined) {
        // The validation run appends a suffix, so keep room for it.
        if (!CLIENT_TOKEN_PATTERN.test(explicit) ||
            explicit.length > MAX_CLIENT_TOKEN_LENGTH - VALIDATE_SUFFIX.length) {
            throw (0,errors/* invalidInput */.aY)('client-token', explicit, `use up to ${MAX_CLIENT_TOKEN_LENGTH - VALIDATE_SUFFIX.length} characters without spaces`);
        }
        return { clientToken: explicit, clientTokenExplicit: true };
    }
    return { clientToken: deriveClientToken(env, template), clientTokenExplicit: false };
}
const VALIDATE_SUFFIX = '-validate';
/**
 * run id + attempt + job + step (+ the template) identify one execution of this step: a retry of
 * the step within the same attempt gets the same token, so FIS returns the experiment it already
 * started instead of injecting the fault twice. A re-run of the job is a new attempt: a new token.
 * Outside GitHub (the CLI) there is nothing to be idempotent with: a random token.
 */
function deriveClientToken(env, template) {
    if (!env.GITHUB_RUN_ID)
        return `rg-${cryptoRandomHex()}`;
    const parts = [
        env.GITHUB_REPOSITORY ?? '',
        env.GITHUB_RUN_ID,
        env.GITHUB_RUN_ATTEMPT ?? '1',
        env.GITHUB_JOB ?? '',
        env.GITHUB_ACTION ?? '',
        template.kind === 'id' ? template.id : JSON.stringify(sortedEntries(template.tags)),
    ];
    return `rg-${sha256Hex(parts.join('\u0000')).slice(0, CLIENT_TOKEN_HASH_CHARS)}`;
}
const CLIENT_TOKEN_HASH_CHARS = 40;
function sortedEntries(tags) {
    return Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
const RANDOM_TOKEN_BYTES = 16;
function cryptoRandomHex() {
    return (0,external_node_crypto_.randomBytes)(RANDOM_TOKEN_BYTES).toString('hex');
}
function readAlarmNames(inputs) {
    const names = inputs.list('steady-state-alarms');
    for (const name of names) {
        if (name.length > CLOUDWATCH_ALARM_NAME_MAX) {
            throw (0,errors/* invalidInput */.aY)('steady-state-alarms', name, `use alarm names of at most ${CLOUDWATCH_ALARM_NAME_MAX} characters`);
        }
    }
    return [...new Set(names)];
}
function readCanaryNames(inputs) {
    const names = inputs.list('steady-state-canaries');
    for (const name of names) {
        if (!CANARY_NAME_PATTERN.test(name)) {
            throw (0,errors/* invalidInput */.aY)('steady-state-canaries', name, 'use canary names (lowercase letters, digits, hyphens and underscores)');
        }
    }
    return [...new Set(names)];
}
/**
 * stopped-by-gate means timeout, cancellation or a breach; nothing-injected means no fault ran:
 * never a pass, so never allowed.
 */
const ALLOWABLE_OUTCOMES = TERMINAL_OUTCOMES.filter((outcome) => !NEVER_ALLOWED_OUTCOMES.includes(outcome));
function readAllowedOutcomes(inputs) {
    const listed = inputs.list('allowed-outcomes');
    if (listed.includes('stopped-by-gate')) {
        throw (0,errors/* invalidInput */.aY)('allowed-outcomes', 'stopped-by-gate', `a timeout, cancellation or steady-state breach always fails; use one or more of ${ALLOWABLE_OUTCOMES.join(', ')}`);
    }
    if (listed.includes('nothing-injected')) {
        throw (0,errors/* invalidInput */.aY)('allowed-outcomes', 'nothing-injected', `an experiment that injected no fault proves nothing and always fails; use one or more of ${ALLOWABLE_OUTCOMES.join(', ')}`);
    }
    return inputs.enumList('allowed-outcomes', ALLOWABLE_OUTCOMES, ['completed']);
}

// EXTERNAL MODULE: ./core/synthetics.ts
var core_synthetics = __webpack_require__(81701);
;// CONCATENATED MODULE: ./actions/run-experiment/src/steady-state.ts



/** AlarmStatus.state of a name DescribeAlarms does not know: never OK, so never healthy. */
const MISSING_ALARM = 'MISSING';
/** CanaryStatus.state of a canary with no run (or that does not exist): never a breach by itself. */
const NO_RUN = 'NO_RUN';
const UNKNOWN_STATE = 'UNKNOWN';
async function describeAlarmStates(cloudwatch, names, signal) {
    const found = new Map();
    for (const alarm of await (0,core_cloudwatch/* describeAlarmsByName */.o7)(cloudwatch, names, signal)) {
        if (!alarm.AlarmName)
            continue;
        found.set(alarm.AlarmName, {
            name: alarm.AlarmName,
            state: alarm.StateValue ?? UNKNOWN_STATE,
            ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
            ...(alarm.StateUpdatedTimestamp ? { updatedAt: alarm.StateUpdatedTimestamp } : {}),
        });
    }
    return names.map((name) => found.get(name) ?? { name, state: MISSING_ALARM });
}
async function describeCanaryLastRuns(synthetics, names, signal) {
    const lastRuns = await (0,core_synthetics/* describeCanariesLastRun */.Tb)(synthetics, names, signal);
    return names.map((name) => {
        const run = lastRuns.get(name);
        if (!run)
            return { name, state: NO_RUN };
        return {
            name,
            state: run.Status?.State ?? UNKNOWN_STATE,
            ...(run.Status?.StateReason ? { reason: run.Status.StateReason } : {}),
            ...(run.Timeline?.Started ? { startedAt: run.Timeline.Started } : {}),
            ...(run.Timeline?.Completed ? { completedAt: run.Timeline.Completed } : {}),
        };
    });
}
async function readSteadyState(clients, alarms, canaries, signal) {
    const [alarmStates, canaryStates] = await Promise.all([
        alarms.length > 0 ? describeAlarmStates(clients.cloudwatch, alarms, signal) : Promise.resolve([]),
        canaries.length > 0 ? describeCanaryLastRuns(clients.synthetics, canaries, signal) : Promise.resolve([]),
    ]);
    return { alarms: alarmStates, canaries: canaryStates };
}
/**
 * The first breach in a snapshot, as a sentence, or undefined. A canary breaches only with a run
 * that started at or after `since` (the experiment's start): a failure from before the fault was
 * injected says nothing about the fault (the preflight reports it instead).
 */
function findBreach(snapshot, since) {
    const breaches = findBreaches(snapshot, since);
    return breaches.alarm ?? breaches.canary;
}
function findBreaches(snapshot, since) {
    const alarm = snapshot.alarms.find((a) => a.state === 'ALARM');
    const canary = snapshot.canaries.find((c) => c.state === 'FAILED' && (since === undefined || (c.startedAt !== undefined && c.startedAt >= since)));
    return {
        ...(alarm ? { alarm: `alarm ${alarm.name} is in ALARM${alarm.reason ? ` (${alarm.reason})` : ''}` } : {}),
        ...(canary
            ? { canary: `canary ${canary.name} failed${canary.reason ? ` (${canary.reason})` : ''}` }
            : {}),
    };
}
function allAlarmsOk(alarms) {
    return alarms.every((alarm) => alarm.state === 'OK');
}
/**
 * Start jitter tolerated between two scheduled runs before the gate suspects a run it did not see:
 * a tenth of the period, at most 10 s. A retry of a failed run starts after that run's duration.
 */
const MAX_SCHEDULE_SLACK_MS = 10_000;
function scheduleSlackMs(periodMs) {
    return Math.min(MAX_SCHEDULE_SLACK_MS, periodMs / 10);
}
/**
 * Reads the steady-state signals poll after poll and catches what one snapshot cannot show:
 *
 * - an alarm that went to ALARM and back between two polls. When an alarm's StateUpdatedTimestamp
 *   moved since the previous poll (or, at the first poll, since the window started) and it is not
 *   in ALARM now, its StateUpdate history since the window start is read: any transition to ALARM
 *   inside the window is a breach.
 * - a canary run that FAILED followed by one that PASSED between two polls. When a canary's last
 *   run changed and another run may have started in between (the previously seen run was still
 *   running, the new one started more than a schedule period after it, or the schedule is
 *   unknown), GetCanaryRuns lists its runs since the window start: any FAILED one is a breach.
 *
 * A steady poll (no alarm change, at most one new run per canary) makes no extra call.
 */
class SteadyStateWatcher {
    clients;
    alarms;
    canaries;
    since;
    now;
    log;
    alarmUpdatedAt = new Map();
    seenRuns = new Map();
    /** Canary -> schedule period in ms (undefined: unknown); read once, at the first poll. */
    periods;
    constructor(clients, alarms, canaries, 
    /** The window start (the experiment's start), epoch ms. */
    since, now, log) {
        this.clients = clients;
        this.alarms = alarms;
        this.canaries = canaries;
        this.since = since;
        this.now = now;
        this.log = log;
    }
    /** When the previous read (that succeeded) began: a canary with no run then had none before. */
    lastReadAt;
    async read(signal) {
        const readAt = this.now();
        const [snapshot] = await Promise.all([
            readSteadyState(this.clients, this.alarms, this.canaries, signal),
            this.periods === undefined && this.canaries.length > 0 ? this.readSchedules(signal) : undefined,
        ]);
        const breaches = findBreaches(snapshot, new Date(this.since));
        const [flap, failedRun] = await Promise.all([
            this.alarmFlap(snapshot.alarms, signal),
            this.missedCanaryFailure(snapshot.canaries, signal),
        ]);
        breaches.alarm ??= flap;
        breaches.canary ??= failedRun;
        this.lastReadAt = readAt;
        return { snapshot, breaches };
    }
    async readSchedules(signal) {
        try {
            const schedules = await (0,core_synthetics/* describeCanarySchedules */.q9)(this.clients.synthetics, this.canaries, signal);
            this.periods = new Map(this.canaries.map((name) => [name, (0,core_synthetics/* schedulePeriodMs */.Lv)(schedules.get(name))]));
        }
        catch (error) {
            if (signal?.aborted)
                throw error;
            // Without the schedule every new run is checked with GetCanaryRuns: dearer, never blinder.
            this.log?.warning(`Could not read the canary schedules (${(0,errors/* describeAwsError */.Pp)(error, 'DescribeCanaries')}); every new canary run will be checked with GetCanaryRuns`);
            this.periods = new Map();
        }
    }
    async alarmFlap(alarms, signal) {
        const moved = alarms.filter((alarm) => {
            const updatedAt = alarm.updatedAt?.getTime();
            if (updatedAt === undefined)
                return false;
            const previous = this.alarmUpdatedAt.get(alarm.name);
            const changed = previous === undefined ? updatedAt >= this.since : updatedAt !== previous;
            // An alarm in ALARM now is a breach already: no history needed.
            return changed && alarm.state !== 'ALARM';
        });
        let flap;
        for (const alarm of moved) {
            const history = await (0,core_cloudwatch/* alarmHistory */.Ei)(this.clients.cloudwatch, alarm.name, this.since, undefined, signal);
            const toAlarm = history.find((t) => t.to === 'ALARM' && t.at >= this.since);
            if (toAlarm)
                flap ??= describeFlap(alarm, toAlarm);
        }
        // Only once every history read succeeded: a poll the waiter retries must look again.
        for (const alarm of alarms) {
            if (alarm.updatedAt)
                this.alarmUpdatedAt.set(alarm.name, alarm.updatedAt.getTime());
        }
        return flap;
    }
    async missedCanaryFailure(canaries, signal) {
        const suspicious = [];
        for (const canary of canaries) {
            const startedAt = canary.startedAt?.getTime();
            if (startedAt === undefined || startedAt < this.since)
                continue;
            const seen = this.seenRuns.get(canary.name);
            if (seen?.startedAt === startedAt)
                continue;
            if (this.mayHaveMissedRuns(canary.name, seen, startedAt))
                suspicious.push(canary);
        }
        let missed;
        for (const canary of suspicious) {
            const runs = await (0,core_synthetics/* canaryRunsSince */.H_)(this.clients.synthetics, canary.name, this.since, signal);
            const failed = runs
                .filter((run) => run.Status?.State === 'FAILED')
                .sort((a, b) => startOf(a) - startOf(b))[0];
            if (failed)
                missed ??= describeFailedRun(canary.name, failed);
        }
        // Only once every run list was read: a poll the waiter retries must look again.
        for (const canary of canaries) {
            const startedAt = canary.startedAt?.getTime();
            if (startedAt !== undefined) {
                this.seenRuns.set(canary.name, { startedAt, finished: canary.state !== 'RUNNING' });
            }
        }
        return missed;
    }
    /** Whether another run may have started between the previously seen run and this one. */
    mayHaveMissedRuns(name, seen, startedAt) {
        // The run seen (in the window) was still running: its outcome was never read.
        if (seen !== undefined && !seen.finished && seen.startedAt >= this.since)
            return true;
        const period = this.periods?.get(name);
        if (period === undefined)
            return true;
        const slack = scheduleSlackMs(period);
        // Runs R0 (seen), R1, R2 (now the last): R2 starts about two periods after R0.
        if (seen !== undefined)
            return startedAt - seen.startedAt > period + slack;
        // No run at the previous read: an earlier run in the window started after that read, about
        // a period before this one.
        return startedAt - Math.max(this.lastReadAt ?? this.since, this.since) > period - slack;
    }
}
function startOf(run) {
    return run.Timeline?.Started?.getTime() ?? 0;
}
function describeFlap(alarm, transition) {
    const reason = transition.reason ? ` (${transition.reason})` : '';
    return `alarm ${alarm.name} went to ALARM at ${new Date(transition.at).toISOString()}${reason} and was ${alarm.state} again by the next poll`;
}
function describeFailedRun(name, run) {
    const reason = run.Status?.StateReason ? ` (${run.Status.StateReason})` : '';
    const at = run.Timeline?.Started ? ` at ${run.Timeline.Started.toISOString()}` : '';
    return `canary ${name} failed in a run started${at}${reason}, before its last run`;
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/template.ts



/** The largest page ListExperimentTemplates serves (API reference: maxResults 1-100). */
const TEMPLATES_PAGE_SIZE = 100;
/** A safety cap on paging, should a service ever hand back a token forever. */
const MAX_LISTED_MATCHES = 10;
/** Finds the template the inputs name and reads it in full (targets, actions, stop conditions). */
async function resolveTemplate(fis, selector, log, signal) {
    const id = selector.kind === 'id' ? selector.id : await findTemplateIdByTags(fis, selector.tags, log, signal);
    try {
        const { experimentTemplate } = await fis.send(new client_fis_dist_cjs.GetExperimentTemplateCommand({ id }), {
            abortSignal: signal,
        });
        if (!experimentTemplate?.id)
            throw new Error(`GetExperimentTemplate returned no template for ${id}`);
        return experimentTemplate;
    }
    catch (error) {
        if (error.name === 'ResourceNotFoundException') {
            throw new errors/* ConfigurationError */.j1(`Experiment template '${id}' was not found in this account and region: check experiment-template-id and region`);
        }
        throw error;
    }
}
/** Every template summary, over all pages: ListExperimentTemplates has no tag filter. */
function listAllTemplates(fis, signal) {
    return (0,paging/* collectPages */.V)('ListExperimentTemplates', async (nextToken) => {
        const page = await fis.send(new client_fis_dist_cjs.ListExperimentTemplatesCommand({ maxResults: TEMPLATES_PAGE_SIZE, nextToken }), {
            abortSignal: signal,
        });
        return { items: page.experimentTemplates, next: page.nextToken };
    });
}
function matchesTags(template, tags) {
    return Object.entries(tags).every(([key, value]) => template.tags?.[key] === value);
}
async function findTemplateIdByTags(fis, tags, log, signal) {
    let templates;
    try {
        templates = await listAllTemplates(fis, signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw error;
        throw new Error((0,errors/* describeAwsError */.Pp)(error, 'Listing experiment templates'), { cause: error });
    }
    const wanted = formatTags(tags);
    const matches = templates.filter((template) => matchesTags(template, tags));
    log.info(`Found ${matches.length} of ${templates.length} experiment templates tagged ${wanted}`);
    if (matches.length === 1)
        return matches[0].id;
    if (matches.length === 0) {
        throw new errors/* ConfigurationError */.j1(`No experiment template is tagged ${wanted} (searched ${templates.length} templates): check experiment-template-tags and region`);
    }
    const listed = matches
        .slice(0, MAX_LISTED_MATCHES)
        .map((t) => `${t.id}${t.description ? ` (${t.description})` : ''}`)
        .join(', ');
    const more = matches.length > MAX_LISTED_MATCHES ? ` and ${matches.length - MAX_LISTED_MATCHES} more` : '';
    throw new errors/* ConfigurationError */.j1(`${matches.length} experiment templates are tagged ${wanted}: ${listed}${more}; add a tag to experiment-template-tags that tells them apart, or use experiment-template-id`);
}
function formatTags(tags) {
    return Object.entries(tags)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ');
}
/** CloudWatch alarm ARNs of the template's stop conditions (source `aws:cloudwatch:alarm`). */
function stopConditionAlarmArns(template) {
    return (template.stopConditions ?? [])
        .filter((condition) => condition.source === 'aws:cloudwatch:alarm' && condition.value)
        .map((condition) => condition.value);
}
/** `arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME` -> NAME (DescribeAlarms takes names). */
function alarmNameFromArn(arnOrName) {
    const marker = ':alarm:';
    const index = arnOrName.indexOf(marker);
    return index < 0 ? arnOrName : arnOrName.slice(index + marker.length);
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/preflight.ts






/** A skip-all run takes seconds; cap its wait well below any sensible experiment timeout. */
const VALIDATION_TIMEOUT_MS = 5 * 60_000;
async function runPreflight(deps, template, options) {
    const checks = [];
    const record = (check) => {
        checks.push(check);
        deps.log.info(`Preflight ${check.ok ? 'passed' : 'REFUSED'}: ${check.name}: ${check.detail}`);
        return check.ok;
    };
    let ok = record(await checkStopConditionAlarms(deps, template));
    if (options.steadyStateAlarms.length > 0)
        ok = record(await checkSteadyStateAlarms(deps, options)) && ok;
    if (options.steadyStateCanaries.length > 0)
        ok = record(await checkCanaries(deps, options)) && ok;
    ok = record(await checkNothingInProgress(deps, template, options.clientToken)) && ok;
    if (!ok || !options.validateTargets)
        return { checks, ok };
    const validation = await validateTargets(deps, template, options);
    return {
        checks: [...checks, validation.check],
        ok: record(validation.check),
        validationExperimentId: validation.id,
    };
}
async function checkStopConditionAlarms(deps, template) {
    const names = stopConditionAlarmArns(template).map(alarmNameFromArn);
    if (names.length === 0) {
        return {
            name: 'stop-condition-alarms',
            ok: true,
            detail: 'the template has no stop-condition alarm (consider adding one: it stops chaos even if this runner dies)',
        };
    }
    const states = await describeAlarmStates(deps.cloudwatch, names, deps.signal);
    const bad = states.filter((alarm) => alarm.state !== 'OK');
    return {
        name: 'stop-condition-alarms',
        ok: bad.length === 0,
        detail: bad.length === 0
            ? `${names.join(', ')} OK`
            : `${bad.map((a) => `${a.name} is ${a.state}`).join(', ')}: the system is not healthy enough to inject a fault`,
    };
}
async function checkSteadyStateAlarms(deps, options) {
    const states = await describeAlarmStates(deps.cloudwatch, options.steadyStateAlarms, deps.signal);
    const bad = states.filter((alarm) => alarm.state !== 'OK');
    return {
        name: 'steady-state-alarms',
        ok: bad.length === 0,
        detail: bad.length === 0
            ? `${states.map((a) => a.name).join(', ')} OK`
            : `${bad.map((a) => `${a.name} is ${a.state}`).join(', ')} before any fault was injected`,
    };
}
async function checkCanaries(deps, options) {
    const runs = await describeCanaryLastRuns(deps.synthetics, options.steadyStateCanaries, deps.signal);
    const failed = runs.filter((run) => run.state === 'FAILED');
    const unknown = runs.filter((run) => run.state === NO_RUN);
    const note = unknown.length > 0 ? `; no run yet for ${unknown.map((r) => r.name).join(', ')}` : '';
    return {
        name: 'steady-state-canaries',
        ok: failed.length === 0,
        detail: failed.length === 0
            ? `last runs passed${note}`
            : `${failed.map((r) => `${r.name} last run FAILED${r.reason ? ` (${r.reason})` : ''}`).join(', ')} before any fault was injected`,
    };
}
/**
 * Another experiment of the same template in progress means two faults at once. One tagged with
 * this step's client token is this step's own (a retried step): FIS will hand it back, not
 * start a second.
 */
async function checkNothingInProgress(deps, template, clientToken) {
    const experiments = await listAllExperiments(deps.fis, deps.signal);
    const active = experiments.filter((e) => e.experimentTemplateId === template.id &&
        // Anything not terminal is in progress, a status this code does not know included.
        !isTerminalStatus(e.state?.status) &&
        e.tags?.[RUN_TAG_KEYS.clientToken] !== clientToken);
    return {
        name: 'no-experiment-running',
        ok: active.length === 0,
        detail: active.length === 0
            ? `no other experiment of ${template.id} in progress`
            : `${active.map((e) => `${e.id} is ${e.state?.status}`).join(', ')}: wait for it to end or stop it first`,
    };
}
/** Runs the template with actionsMode skip-all: targets resolve, nothing is injected. */
async function validateTargets(deps, template, options) {
    const experiment = await startExperiment(deps.fis, {
        templateId: template.id,
        clientToken: `${options.clientToken}${VALIDATE_SUFFIX}`,
        tags: { ...options.tags, [RUN_TAG_KEYS.clientToken]: `${options.clientToken}${VALIDATE_SUFFIX}` },
        actionsMode: 'skip-all',
    });
    const id = experiment.id;
    deps.onStarted?.(id);
    deps.log.info(`Validating targets with experiment ${id} (actionsMode skip-all: no action runs)`);
    const result = await (0,wait/* waitFor */.fm)({
        what: `target validation experiment ${id} to end`,
        poll: (signal) => getExperiment(deps.fis, id, signal),
        done: (value) => isTerminalStatus(value.state?.status),
        describe: (value) => value.state?.status ?? 'unknown',
        intervalMs: options.pollIntervalMs,
        timeoutMs: Math.min(options.timeoutMs, VALIDATION_TIMEOUT_MS),
        log: deps.log,
        clock: deps.clock,
        sleep: deps.sleep,
        signal: deps.signal,
    });
    if (result.status !== 'done') {
        await stopExperiment(deps.fis, id, deps.log);
        const why = result.status === 'aborted' ? 'the job was cancelled' : 'it did not end in time';
        return {
            id,
            check: { name: 'targets-resolve', ok: false, detail: `validation experiment ${id} stopped: ${why}` },
        };
    }
    const state = result.value.state;
    const targets = await listResolvedTargets(deps.fis, id, deps.signal);
    const ok = state?.status === 'completed' && targets.length > 0;
    const detail = ok
        ? `${targets.length} targets resolved (${summariseTargets(targets)})`
        : `validation experiment ${id} ended ${state?.status}${state?.reason ? ` (${state.reason})` : ''} with ${targets.length} resolved targets`;
    return { id, check: { name: 'targets-resolve', ok, detail } };
}
function summariseTargets(targets) {
    const counts = new Map();
    for (const target of targets)
        counts.set(target.targetName ?? '?', (counts.get(target.targetName ?? '?') ?? 0) + 1);
    return [...counts].map(([name, count]) => `${name}: ${count}`).join(', ');
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/signals.ts



async function verifySignalNames(clients, region, names, signal) {
    const [alarms, canaries] = await Promise.all([
        names.alarms.length > 0 ? (0,core_cloudwatch/* describeAlarmsByName */.o7)(clients.cloudwatch, names.alarms, signal) : [],
        names.canaries.length > 0
            ? (0,core_synthetics/* describeCanariesByName */.oq)(clients.synthetics, names.canaries, signal)
            : new Map(),
    ]);
    const knownAlarms = new Set(alarms.map((alarm) => alarm.AlarmName));
    const missingAlarms = names.alarms.filter((name) => !knownAlarms.has(name));
    if (missingAlarms.length > 0) {
        throw (0,errors/* invalidInput */.aY)('steady-state-alarms', missingAlarms.join(', '), `no such CloudWatch alarm in ${region} (check the name and the region)`);
    }
    const missingCanaries = names.canaries.filter((name) => !canaries.has(name));
    if (missingCanaries.length > 0) {
        throw (0,errors/* invalidInput */.aY)('steady-state-canaries', missingCanaries.join(', '), `no such Synthetics canary in ${region} (check the name and the region)`);
    }
    return { canaries };
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/watch.ts





function actionStatuses(experiment) {
    return Object.fromEntries(Object.entries(experiment.actions ?? {}).map(([name, action]) => [
        name,
        action.state?.status ?? 'unknown',
    ]));
}
/**
 * Polls GetExperiment (and the steady-state signals, in the same poll) with the core waiter until
 * the experiment ends, a breach is seen, the timeout runs out or the job is cancelled. Each
 * change of the experiment's or an action's state is logged once.
 */
async function watchExperiment(deps, options) {
    const timeline = [];
    const started = deps.clock.now();
    let lastKey = '';
    let lastSteadyState;
    let breachSeen;
    const breachesSeen = {};
    const watchSteadyState = options.steadyStateAlarms.length > 0 || options.steadyStateCanaries.length > 0;
    const watcher = watchSteadyState
        ? new SteadyStateWatcher(deps, options.steadyStateAlarms, options.steadyStateCanaries, options.since?.getTime() ?? started, () => deps.clock.now(), deps.log)
        : undefined;
    const poll = async (signal) => {
        const [experiment, read] = await Promise.all([
            getExperiment(deps.fis, options.experimentId, signal),
            watcher ? watcher.read(signal) : Promise.resolve(undefined),
        ]);
        const steadyState = read?.snapshot;
        if (steadyState)
            lastSteadyState = steadyState;
        const breaches = read?.breaches ?? {};
        const breach = breaches.alarm ?? breaches.canary;
        return { experiment, ...(steadyState ? { steadyState } : {}), ...(breach ? { breach } : {}), breaches };
    };
    const onValue = ({ experiment, breach, breaches }) => {
        breachSeen ??= breach;
        breachesSeen.alarm ??= breaches.alarm;
        breachesSeen.canary ??= breaches.canary;
        const actions = actionStatuses(experiment);
        const key = JSON.stringify([experiment.state?.status, experiment.state?.reason, actions]);
        if (key === lastKey)
            return;
        lastKey = key;
        const now = deps.clock.now();
        timeline.push({
            at: new Date(now).toISOString(),
            elapsedMs: now - started,
            status: experiment.state?.status ?? 'unknown',
            ...(experiment.state?.reason ? { reason: experiment.state.reason } : {}),
            actions,
        });
        const reason = experiment.state?.reason ? ` (${experiment.state.reason})` : '';
        deps.log.info(`[${(0,duration/* formatDuration */.a3)(now - started)}] Experiment ${options.experimentId} is ${experiment.state?.status}${reason}; actions: ${describeActions(experiment)}`);
    };
    const result = await (0,wait/* waitFor */.fm)({
        what: `experiment ${options.experimentId} to end`,
        poll,
        // A breach stops the watch while the fault may still be injected (an unknown status included):
        // once FIS is stopping (a stop condition fired) the gate waits for the end instead.
        done: (value) => isTerminalStatus(value.experiment.state?.status) ||
            (value.breach !== undefined && mayStillInject(value.experiment.state?.status)),
        describe: (value) => describeExperimentState(value.experiment),
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        log: deps.log,
        clock: deps.clock,
        sleep: deps.sleep,
        signal: deps.signal,
        onValue,
        ...(deps.random ? { random: deps.random } : {}),
    });
    return {
        result,
        timeline,
        ...(lastSteadyState ? { lastSteadyState } : {}),
        ...(breachSeen ? { breachSeen } : {}),
        breachesSeen,
    };
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/experiment.ts












/** After a cancel signal GitHub kills the process ~10 s later: confirm the stop within that. */
const CANCEL_STOP_CONFIRM_MS = 5_000;
const STOP_CONFIRM_MS = 2 * 60_000;
const STOP_CONFIRM_INTERVAL_MS = 1_000;
async function executeExperiment(deps, settings) {
    const template = await resolveTemplate(deps.fis, settings.template, deps.log, deps.signal);
    const report = emptyReport(settings, template);
    deps.log.info(`Experiment template ${template.id}${template.description ? ` (${template.description})` : ''}: ` +
        `${Object.keys(template.actions ?? {}).length} actions, stop conditions: ${report.template.stopConditionAlarms.join(', ') || 'none'}`);
    // Before the preflight and without it: an unknown signal name would watch nothing.
    await verifySignalNames(deps, settings.aws.region, { alarms: settings.steadyStateAlarms, canaries: settings.steadyStateCanaries }, deps.signal);
    if (settings.preflight) {
        const preflight = await runPreflight(deps, template, {
            clientToken: settings.clientToken,
            steadyStateAlarms: settings.steadyStateAlarms,
            steadyStateCanaries: settings.steadyStateCanaries,
            validateTargets: settings.validateTargets,
            tags: settings.tags,
            pollIntervalMs: settings.pollIntervalMs,
            timeoutMs: settings.timeoutMs,
        });
        report.preflight = preflight.checks;
        if (!preflight.ok) {
            const refused = preflight.checks.filter((check) => !check.ok);
            return finish(report, 'not-started', refused.map((check) => `preflight refused (${check.name}): ${check.detail}`));
        }
    }
    if (deps.signal?.aborted) {
        return finish(report, 'not-started', [
            `the job was cancelled (${(0,cancel/* cancelReason */.zw)(deps.signal)}) before the experiment started`,
        ]);
    }
    const started = await startExperiment(deps.fis, {
        templateId: template.id,
        clientToken: settings.clientToken,
        tags: settings.tags,
        actionsMode: 'run-all',
    });
    const id = started.id;
    deps.onStarted?.(id);
    report.experiment = experimentFacts(started, settings.aws.region);
    deps.log.info(`Started experiment ${id} from template ${template.id}: ${report.experiment.consoleUrl}`);
    if (!settings.wait) {
        report.actions = actionResults(started);
        return finish(report, 'started', []);
    }
    return await watchAndConclude(deps, settings, report, started);
}
async function watchAndConclude(deps, settings, report, started) {
    const id = started.id;
    let last = started;
    let gateStop;
    let breaches = {};
    try {
        const watched = await watchExperiment(deps, {
            experimentId: id,
            intervalMs: settings.pollIntervalMs,
            timeoutMs: settings.timeoutMs,
            steadyStateAlarms: settings.steadyStateAlarms,
            steadyStateCanaries: settings.steadyStateCanaries,
            since: started.startTime ?? started.creationTime,
        });
        report.timeline = watched.timeline;
        if (watched.lastSteadyState) {
            report.steadyState = { ...report.steadyState, ...watched.lastSteadyState };
        }
        const { result } = watched;
        if (watched.breachSeen)
            report.steadyState.breach = watched.breachSeen;
        breaches = watched.breachesSeen;
        if (result.status === 'done') {
            last = result.value.experiment;
            const active = result.value.breach;
            if (active && !isTerminalStatus(last.state?.status))
                gateStop = { kind: 'breach', detail: active };
        }
        else if (result.status === 'timeout') {
            last = result.last?.experiment ?? last;
            gateStop = { kind: 'timeout', timeoutMs: settings.timeoutMs };
        }
        else {
            last = result.last?.experiment ?? last;
            gateStop = { kind: 'cancel', signal: (0,cancel/* cancelReason */.zw)(deps.signal) ?? 'abort' };
        }
    }
    catch (error) {
        // Polling gave up (persistent faults): the gate cannot see what the fault is doing, so it
        // must not leave it running. Stop, then report the cause.
        if (!(error instanceof wait/* WaitFailedError */.vv)) {
            await stopExperiment(deps.fis, id, deps.log);
            throw error;
        }
        gateStop = { kind: 'watch-failed', detail: (0,errors/* firstLine */.TM)(error.message) };
    }
    if (gateStop)
        last = await stopByGate(deps, report, id, gateStop, last);
    else
        deps.onFinished?.(id);
    return await conclude(deps, settings, report, last, gateStop, breaches);
}
/** Stops the experiment for the gate's own reason, logs it, and waits briefly for `stopped`. */
async function stopByGate(deps, report, id, cause, last) {
    const description = describeGateStop(cause);
    deps.log.info(`Stopping experiment ${id}: ${description}`);
    // Tagged first: a re-run with the same client token must see this stop as the gate's own.
    const arn = experimentArn(last, report.region);
    const tagError = arn
        ? await tagExperiment(deps.fis, arn, { [STOPPED_BY_GATE_TAG]: cause.kind })
        : 'its ARN is unknown (no roleArn to take the account from)';
    if (tagError)
        report.warnings.push(`could not tag the experiment as stopped by this step (${tagError})`);
    const stop = await stopExperiment(deps.fis, id, deps.log);
    report.gateStop = {
        cause,
        description,
        stopRequested: stop.requested,
        ...(stop.requested ? {} : { stopError: stop.error }),
    };
    if (!stop.requested) {
        report.warnings.push(`StopExperiment failed (${stop.error}); the post step will try again`);
        return last;
    }
    try {
        const confirmed = await (0,wait/* waitFor */.fm)({
            what: `experiment ${id} to stop`,
            poll: () => getExperiment(deps.fis, id),
            done: (experiment) => isTerminalStatus(experiment.state?.status),
            describe: (experiment) => experiment.state?.status ?? 'unknown',
            intervalMs: STOP_CONFIRM_INTERVAL_MS,
            timeoutMs: cause.kind === 'cancel' ? CANCEL_STOP_CONFIRM_MS : STOP_CONFIRM_MS,
            log: deps.log,
            clock: deps.clock,
            sleep: deps.sleep,
            ...(deps.random ? { random: deps.random } : {}),
        });
        const experiment = confirmed.status === 'done' ? confirmed.value : (confirmed.last ?? last);
        deps.log.info(`Experiment ${id} is ${experiment.state?.status} after StopExperiment`);
        if (isTerminalStatus(experiment.state?.status))
            deps.onFinished?.(id);
        return experiment;
    }
    catch (error) {
        report.warnings.push(`could not confirm the stop: ${(0,errors/* firstLine */.TM)(String(error.message ?? error))}`);
        return last;
    }
}
/**
 * client-fis 3.523's model drops the experiment's `arn`: rebuild it from the partition and
 * account of its role (`arn:PARTITION:iam::ACCOUNT:role/...`), as FIS builds it.
 */
function experimentArn(experiment, region) {
    const match = /^arn:([\w-]+):iam::(\d{12}):/.exec(experiment.roleArn ?? '');
    if (!match || !experiment.id)
        return undefined;
    return `arn:${match[1]}:fis:${region}:${match[2]}:experiment/${experiment.id}`;
}
async function conclude(deps, settings, report, last, gateStop, breaches) {
    report.experiment = experimentFacts(last, settings.aws.region);
    report.actions = actionResults(last);
    recordFinalState(deps, report, last);
    await addResolvedTargets(deps, report, last.id);
    await addStopConditions(deps, report);
    const outcome = classifyOutcome({
        status: last.state?.status,
        reason: last.state?.reason,
        ...(gateStop ? { gateStop } : {}),
        firedStopConditions: report.stopConditions.filter((c) => c.fired).map((c) => c.alarm),
        actions: report.actions,
        tags: last.tags ?? {},
    });
    const failures = gateStop
        ? [gateStopFailure(report, gateStop)]
        : outcomeFailures(settings, report, outcome, last.state?.status);
    const judgedByRecovery = settings.recoveryTimeoutMs !== undefined && gateStop?.kind !== 'cancel';
    if (!gateStop) {
        failures.push(...breachFailures(breaches, judgedByRecovery));
        if (judgedByRecovery || !breaches.alarm)
            failures.push(...(await injectionBreaches(deps, settings, report)));
    }
    if (judgedByRecovery)
        failures.push(...(await recoveryFailures(deps, settings, report)));
    return finish(report, outcome, failures);
}
/** A stop the gate asked for, and loudly when FIS refused it: the fault may still be injected. */
function gateStopFailure(report, cause) {
    const stopError = report.gateStop?.stopError;
    if (stopError === undefined)
        return `the gate stopped the experiment: ${describeGateStop(cause)}`;
    return (`the gate had to stop the experiment (${describeGateStop(cause)}) but StopExperiment failed: ` +
        `${stopError}; the experiment may still be running (the post step tries again)`);
}
/** Why an experiment that ended on its own does not pass. */
function outcomeFailures(settings, report, outcome, status) {
    // Unreachable today (the watch ends only on a terminal status or a gate stop): never a pass.
    if (!isTerminalStatus(status))
        return [`the experiment had not ended (status ${status ?? 'unknown'})`];
    const failures = [];
    const earlierStop = report.experiment?.tags[STOPPED_BY_GATE_TAG];
    if (outcome === 'nothing-injected')
        failures.push(nothingInjectedFailure(report.actions));
    else if (outcome === 'stopped-by-gate') {
        failures.push(`this step stopped the experiment in an earlier run with the same client token (${earlierStop ?? 'gate stop'}): a gate stop never passes`);
    }
    else if (!settings.allowedOutcomes.includes(outcome)) {
        failures.push(`outcome ${outcome} is not in allowed-outcomes (${settings.allowedOutcomes.join(', ')})`);
    }
    // FIS can end `completed` with an action `failed`: the fault did not run as designed.
    if (status === 'completed') {
        for (const action of report.actions.filter((a) => a.status === 'failed')) {
            failures.push(`action ${action.name} failed${action.reason ? ` (${action.reason})` : ''}`);
        }
    }
    return failures;
}
function nothingInjectedFailure(actions) {
    const faults = faultActions(actions);
    const which = faults.length === 0
        ? 'the template has no fault action'
        : `every fault action was skipped (${faults.map((a) => a.name).join(', ')})`;
    return `${which}: nothing was injected, so the experiment proves nothing`;
}
/**
 * Breaches seen only as FIS was already ending. With a recovery-timeout an alarm breach is the
 * aftermath the recovery check judges; a canary run that failed under the fault is a failure
 * whatever the alarms do afterwards (the recovery check reads alarms only).
 */
function breachFailures(breaches, judgedByRecovery) {
    const failures = [];
    if (breaches.alarm && !judgedByRecovery)
        failures.push(`steady state breached: ${breaches.alarm}`);
    if (breaches.canary)
        failures.push(`steady state breached: ${breaches.canary}`);
    return failures;
}
/**
 * An alarm that went to ALARM while FIS was injecting is a breach, whatever the poll ticks saw
 * and whatever it did afterwards: the alarm's own history (AWS timestamps) against the
 * experiment's start and end (FIS timestamps) decides, not when the gate happened to poll.
 * `recovery-timeout` only forgives a breach that began after FIS stopped injecting.
 */
async function injectionBreaches(deps, settings, report) {
    const start = report.experiment?.startTime;
    const end = report.experiment?.endTime;
    if (settings.steadyStateAlarms.length === 0 || !start || !end)
        return [];
    const [from, until] = [Date.parse(start), Date.parse(end)];
    const failures = [];
    for (const name of settings.steadyStateAlarms) {
        try {
            const history = await (0,core_cloudwatch/* alarmHistory */.Ei)(deps.cloudwatch, name, from, until, deps.signal);
            // At FIS's endTime the fault is over: a transition at that instant is the aftermath.
            const breach = history.find((t) => t.to === 'ALARM' && t.at >= from && t.at < until);
            if (breach) {
                failures.push(`steady state breached while the fault was injected: alarm ${name} went to ALARM at ${new Date(breach.at).toISOString()} (the experiment ended at ${end})${breach.reason ? ` (${breach.reason})` : ''}`);
            }
        }
        catch (error) {
            // Without the history the gate cannot tell a breach under the fault from none: no pass.
            failures.push(`could not read the history of alarm ${name} during the experiment: ${(0,errors/* describeAwsError */.Pp)(error, 'DescribeAlarmHistory')}`);
        }
    }
    return failures;
}
async function recoveryFailures(deps, settings, report) {
    const recovery = await checkRecovery(deps, settings);
    report.recovery = recovery;
    if (recovery.recovered)
        return [];
    const bad = recovery.alarms.filter((a) => a.state !== 'OK').map((a) => `${a.name} ${a.state}`);
    return [`alarms did not return to OK within ${(0,duration/* formatDuration */.a3)(recovery.timeoutMs)}: ${bad.join(', ')}`];
}
/** The state seen after the watch (stopping, stopped) completes the timeline. */
function recordFinalState(deps, report, last) {
    const status = last.state?.status ?? 'unknown';
    const previous = report.timeline.at(-1);
    if (previous?.status === status)
        return;
    const now = deps.clock.now();
    const first = report.timeline[0];
    report.timeline.push({
        at: new Date(now).toISOString(),
        elapsedMs: first ? first.elapsedMs + (now - Date.parse(first.at)) : 0,
        status,
        ...(last.state?.reason ? { reason: last.state.reason } : {}),
        actions: actionStatuses(last),
    });
}
async function addResolvedTargets(deps, report, id) {
    try {
        const targets = await listResolvedTargets(deps.fis, id);
        report.resolvedTargets = targets.map((target) => ({
            targetName: target.targetName,
            resourceType: target.resourceType,
            identifier: target.targetInformation?.identifier ??
                Object.values(target.targetInformation ?? {})
                    .filter(Boolean)
                    .join(' '),
        }));
    }
    catch (error) {
        report.warnings.push((0,errors/* describeAwsError */.Pp)(error, 'ListExperimentResolvedTargets'));
    }
}
async function addStopConditions(deps, report) {
    const arns = report.template.stopConditionAlarms;
    if (arns.length === 0)
        return;
    const stopped = report.experiment?.status === 'stopped';
    try {
        const states = await describeAlarmStates(deps.cloudwatch, arns.map(alarmNameFromArn));
        report.stopConditions = await Promise.all(arns.map(async (arn, index) => {
            const state = states[index]?.state ?? 'UNKNOWN';
            return { alarm: arn, state, fired: stopped && (await stopConditionFired(deps, report, arn, state)) };
        }));
    }
    catch (error) {
        report.warnings.push((0,errors/* describeAwsError */.Pp)(error, 'DescribeAlarms (stop conditions)'));
        report.stopConditions = arns.map((alarm) => ({ alarm, state: 'UNKNOWN', fired: false }));
    }
}
/**
 * Whether a stop-condition alarm stopped a `stopped` experiment. FIS's reason decides first: it
 * names the alarm that fired, or says the experiment was stopped by hand (an alarm that is in ALARM
 * by then did not stop it). Only without a reason does the alarm's history inside the experiment
 * decide (its current state when the history cannot be read).
 */
async function stopConditionFired(deps, report, arn, state) {
    const reason = report.experiment?.reason ?? '';
    const name = alarmNameFromArn(arn);
    if (reason.includes(arn) || reason.includes(name))
        return true;
    if (reason.trim() !== '')
        return STOP_CONDITION_REASON.test(reason) && state === 'ALARM';
    const start = report.experiment?.startTime;
    if (!start)
        return state === 'ALARM';
    const end = report.experiment?.endTime ? Date.parse(report.experiment.endTime) : deps.clock.now();
    try {
        const history = await (0,core_cloudwatch/* alarmHistory */.Ei)(deps.cloudwatch, name, Date.parse(start), end, deps.signal);
        return history.some((transition) => transition.to === 'ALARM');
    }
    catch (error) {
        report.warnings.push((0,errors/* describeAwsError */.Pp)(error, `DescribeAlarmHistory (stop condition ${name})`));
        return state === 'ALARM';
    }
}
async function checkRecovery(deps, settings) {
    const timeoutMs = settings.recoveryTimeoutMs ?? 0;
    const begun = deps.clock.now();
    deps.log.info(`Waiting up to ${(0,duration/* formatDuration */.a3)(timeoutMs)} for ${settings.steadyStateAlarms.join(', ')} to return to OK`);
    const result = await (0,wait/* waitFor */.fm)({
        what: `alarms ${settings.steadyStateAlarms.join(', ')} to return to OK`,
        poll: (signal) => describeAlarmStates(deps.cloudwatch, settings.steadyStateAlarms, signal),
        done: allAlarmsOk,
        describe: (alarms) => alarms.map((a) => `${a.name} ${a.state}`).join(', '),
        intervalMs: settings.pollIntervalMs,
        timeoutMs,
        log: deps.log,
        clock: deps.clock,
        sleep: deps.sleep,
        signal: deps.signal,
        ...(deps.random ? { random: deps.random } : {}),
    });
    const alarms = result.status === 'done' ? result.value : (result.last ?? []);
    const recovered = result.status === 'done';
    const waitedMs = deps.clock.now() - begun;
    deps.log.info(recovered
        ? `Alarms back to OK after ${(0,duration/* formatDuration */.a3)(waitedMs)}`
        : `Alarms not back to OK after ${(0,duration/* formatDuration */.a3)(waitedMs)}: ${alarms.map((a) => `${a.name} ${a.state}`).join(', ')}`);
    return { timeoutMs, recovered, waitedMs, alarms };
}
function emptyReport(settings, template) {
    return {
        passed: false,
        outcome: 'not-started',
        summaryLine: '',
        failures: [],
        allowedOutcomes: settings.allowedOutcomes,
        region: settings.aws.region,
        template: {
            id: template.id,
            ...(template.description ? { description: template.description } : {}),
            tags: template.tags ?? {},
            stopConditionAlarms: stopConditionAlarmArns(template),
        },
        actions: [],
        timeline: [],
        resolvedTargets: [],
        stopConditions: [],
        preflight: [],
        steadyState: {
            alarms: settings.steadyStateAlarms.map((name) => ({ name, state: 'UNKNOWN' })),
            canaries: settings.steadyStateCanaries.map((name) => ({ name, state: 'UNKNOWN' })),
        },
        warnings: [],
    };
}
function experimentFacts(experiment, region) {
    const start = experiment.startTime ?? experiment.creationTime;
    const end = experiment.endTime;
    const error = stateError(experiment);
    return {
        id: experiment.id,
        status: experiment.state?.status ?? 'unknown',
        ...(experiment.state?.reason ? { reason: experiment.state.reason } : {}),
        ...(error && (error.code || error.location)
            ? {
                error: {
                    ...(error.code ? { code: error.code } : {}),
                    ...(error.location ? { location: error.location } : {}),
                    ...(error.accountId ? { accountId: error.accountId } : {}),
                },
            }
            : {}),
        ...(start ? { startTime: start.toISOString() } : {}),
        ...(end ? { endTime: end.toISOString() } : {}),
        ...(start && end ? { durationSeconds: Math.round((end.getTime() - start.getTime()) / 1000) } : {}),
        consoleUrl: consoleUrl(region, experiment.id),
        tags: experiment.tags ?? {},
    };
}
function stateError(experiment) {
    return experiment.state?.error;
}
function actionResults(experiment) {
    return Object.entries(experiment.actions ?? {}).map(([name, action]) => ({
        name,
        ...(action.actionId ? { actionId: action.actionId } : {}),
        ...(action.description ? { description: action.description } : {}),
        status: action.state?.status ?? 'unknown',
        ...(action.state?.reason ? { reason: action.state.reason } : {}),
        ...(action.startTime ? { startTime: action.startTime.toISOString() } : {}),
        ...(action.endTime ? { endTime: action.endTime.toISOString() } : {}),
    }));
}
/** Sets the verdict: passes only with no failure at all. */
function finish(report, outcome, failures) {
    report.outcome = outcome;
    report.failures = failures;
    report.passed = failures.length === 0;
    report.summaryLine = verdictLine(report);
    return report;
}
function verdictLine(report) {
    const id = report.experiment?.id ?? report.template.id;
    if (report.outcome === 'started') {
        return `Started experiment ${id} and did not wait for it (wait: false): this is not a gate`;
    }
    if (report.outcome === 'not-started') {
        return `Experiment not started: ${report.failures.join('; ')}`;
    }
    const state = report.experiment;
    const actions = report.actions.map((a) => `${a.name} ${a.status}${a.reason ? ` (${a.reason})` : ''}`);
    const facts = [
        state?.reason ? `reason: ${state.reason}` : undefined,
        state?.error?.code
            ? `error: ${state.error.code}${state.error.location ? ` at ${state.error.location}` : ''}`
            : undefined,
        actions.length > 0 ? `actions: ${actions.join(', ')}` : undefined,
    ].filter(Boolean);
    const head = `Experiment ${id} ${report.outcome}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`;
    return report.passed ? `${head}: passed` : `${head}: ${report.failures.join('; ')}`;
}

// EXTERNAL MODULE: ./core/report/junit.ts + 1 modules
var junit = __webpack_require__(93632);
// EXTERNAL MODULE: ./core/report/summary.ts
var summary = __webpack_require__(49700);
;// CONCATENATED MODULE: ./actions/run-experiment/src/report.ts




/** The job summary, the JUnit file and the outputs, all from the one typed report. */
const MAX_TARGET_ROWS = 50;
const ACTION_CLASS_NAME = 'run-experiment';
function summaryMarkdown(report) {
    const icon = report.passed
        ? summary/* RESULT_ICONS */.D$.pass
        : report.outcome === 'started'
            ? summary/* RESULT_ICONS */.D$.neutral
            : summary/* RESULT_ICONS */.D$.fail;
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)(`${icon} run-experiment: ${report.outcome}`), report.summaryLine, `**Outcome** ${(0,summary/* code */.aY)(report.outcome)}: ${OUTCOME_MEANINGS[report.outcome]}.`, templateSection(report), report.preflight.length > 0 &&
        [
            (0,summary/* heading */.R_)('Preflight', 3),
            (0,summary/* table */.tp)(['check', 'result', 'detail'], report.preflight.map((c) => [c.name, c.ok ? 'ok' : 'refused', c.detail])),
        ].join('\n\n'), targetsSection(report), report.timeline.length > 0 &&
        [
            (0,summary/* heading */.R_)('Timeline', 3),
            (0,summary/* table */.tp)(['elapsed', 'state', 'reason', 'actions'], report.timeline.map((entry) => [
                (0,duration/* formatDuration */.a3)(entry.elapsedMs),
                entry.status,
                entry.reason ?? '',
                Object.entries(entry.actions)
                    .map(([name, status]) => `${name}: ${status}`)
                    .join(', '),
            ])),
        ].join('\n\n'), report.actions.length > 0 &&
        [
            (0,summary/* heading */.R_)('Actions', 3),
            (0,summary/* table */.tp)(['action', 'type', 'status', 'reason', 'started', 'ended'], report.actions.map((a) => [
                a.name,
                a.actionId ?? '',
                a.status,
                a.reason ?? '',
                a.startTime ?? '',
                a.endTime ?? '',
            ])),
        ].join('\n\n'), stopConditionsSection(report), steadyStateSection(report), report.gateStop &&
        `**Stopped by the gate**: ${report.gateStop.description}; StopExperiment ${report.gateStop.stopRequested ? 'accepted' : `failed: ${report.gateStop.stopError}`}.`, report.warnings.length > 0 &&
        [(0,summary/* heading */.R_)('Warnings', 3), ...report.warnings.map((w) => `- ${w}`)].join('\n'), report.experiment &&
        (0,summary/* link */.nf)(`Open experiment ${report.experiment.id} in the AWS console`, report.experiment.consoleUrl));
}
function templateSection(report) {
    const rows = [
        [
            'template',
            `${report.template.id}${report.template.description ? ` (${report.template.description})` : ''}`,
        ],
        ['experiment', report.experiment?.id ?? 'not started'],
        [
            'state',
            report.experiment
                ? `${report.experiment.status}${report.experiment.reason ? `: ${report.experiment.reason}` : ''}`
                : '',
        ],
        [
            'error',
            report.experiment?.error
                ? `${report.experiment.error.code ?? ''} ${report.experiment.error.location ?? ''}`.trim()
                : '',
        ],
        [
            'duration',
            report.experiment?.durationSeconds === undefined
                ? ''
                : (0,duration/* formatDuration */.a3)(report.experiment.durationSeconds * 1000),
        ],
        ['allowed outcomes', report.allowedOutcomes.join(', ')],
    ].filter(([, value]) => value !== '');
    return (0,summary/* table */.tp)(['', ''], rows);
}
function targetsSection(report) {
    if (!report.experiment || report.outcome === 'started')
        return undefined;
    const rows = report.resolvedTargets
        .slice(0, MAX_TARGET_ROWS)
        .map((t) => [t.targetName ?? '', t.resourceType ?? '', t.identifier ?? '']);
    const body = rows.length === 0 ? 'No targets resolved.' : (0,summary/* table */.tp)(['target', 'resource type', 'resource'], rows);
    const more = report.resolvedTargets.length > MAX_TARGET_ROWS
        ? `\n\n…and ${report.resolvedTargets.length - MAX_TARGET_ROWS} more (see the JSON report).`
        : '';
    return (0,summary/* details */.zH)(`Targets resolved: ${report.resolvedTargets.length}`, body + more);
}
function stopConditionsSection(report) {
    if (report.template.stopConditionAlarms.length === 0) {
        return `${(0,summary/* heading */.R_)('Stop conditions', 3)}\n\nThe template has none: nothing stops this experiment if the runner dies.`;
    }
    const rows = report.stopConditions.length > 0
        ? report.stopConditions.map((c) => [c.alarm, c.state, c.fired ? 'yes' : 'no'])
        : report.template.stopConditionAlarms.map((alarm) => [alarm, '', '']);
    return [(0,summary/* heading */.R_)('Stop conditions', 3), (0,summary/* table */.tp)(['alarm', 'state', 'fired'], rows)].join('\n\n');
}
function steadyStateSection(report) {
    const { alarms, canaries, breach } = report.steadyState;
    if (alarms.length === 0 && canaries.length === 0)
        return undefined;
    const rows = [
        ...alarms.map((a) => ['alarm', a.name, a.state, a.reason ?? '']),
        ...canaries.map((c) => ['canary', c.name, c.state, c.reason ?? '']),
    ];
    const recovery = report.recovery
        ? `Recovery: ${report.recovery.recovered ? `alarms back to OK after ${(0,duration/* formatDuration */.a3)(report.recovery.waitedMs)}` : `alarms not back to OK within ${(0,duration/* formatDuration */.a3)(report.recovery.timeoutMs)}`}.`
        : '';
    return [
        (0,summary/* heading */.R_)('Steady state', 3),
        breach ? `**Breach**: ${breach}` : 'No breach while the experiment ran.',
        (0,summary/* table */.tp)(['kind', 'name', 'last state', 'reason'], rows),
        recovery,
    ]
        .filter(Boolean)
        .join('\n\n');
}
/** One test case per FIS action: failed unless it completed (or was skipped, which is skipped). */
function junitReport(report) {
    const cases = report.actions.map((action) => {
        const durationMs = action.startTime && action.endTime
            ? Date.parse(action.endTime) - Date.parse(action.startTime)
            : undefined;
        const base = {
            name: action.name,
            className: `${ACTION_CLASS_NAME}.${report.template.id}`,
            ...(durationMs === undefined ? {} : { durationMs }),
            output: `${action.actionId ?? ''} ${action.status}${action.reason ? `: ${action.reason}` : ''}`.trim(),
        };
        if (action.status === 'completed')
            return base;
        if (action.status === 'skipped')
            return { ...base, skipped: action.reason ?? 'skipped' };
        return {
            ...base,
            failure: {
                message: `${action.name} ${action.status}${action.reason ? `: ${action.reason}` : ''}`,
                details: report.summaryLine,
            },
        };
    });
    return (0,junit/* junitXml */.E)({
        name: `run-experiment ${report.experiment?.id ?? report.template.id}`,
        cases,
        ...(report.experiment?.startTime ? { timestamp: report.experiment.startTime } : {}),
    });
}
/** Every output of action.yml, as strings. */
function reportOutputs(report, reportPath) {
    return {
        'experiment-id': report.experiment?.id ?? '',
        outcome: report.outcome,
        state: report.experiment?.status ?? '',
        reason: report.experiment?.reason ?? '',
        'duration-seconds': report.experiment?.durationSeconds === undefined ? '' : String(report.experiment.durationSeconds),
        'console-url': report.experiment?.consoleUrl ?? '',
        actions: JSON.stringify(Object.fromEntries(report.actions.map((a) => [a.name, { status: a.status, ...(a.reason ? { reason: a.reason } : {}) }]))),
        'report-path': reportPath,
    };
}

;// CONCATENATED MODULE: ./actions/run-experiment/src/gate.ts












const ACTION_NAME = 'run-experiment';
/** Names in GITHUB_STATE, read by the post step. */
const STATE_EXPERIMENT_ID = 'experiment-id';
const STATE_FINISHED_ID = 'finished-experiment-id';
function createClients(aws, env = process.env) {
    return {
        fis: new client_fis_dist_cjs.FisClient((0,core_aws/* awsClientOptions */.BE)('FIS', ACTION_NAME, aws, env)),
        cloudwatch: new dist_cjs/* CloudWatchClient */.WBn((0,core_aws/* awsClientOptions */.BE)('CLOUDWATCH', ACTION_NAME, aws, env)),
        synthetics: new client_synthetics_dist_cjs.SyntheticsClient((0,core_aws/* awsClientOptions */.BE)('SYNTHETICS', ACTION_NAME, aws, env)),
    };
}
async function run(host) {
    const settings = readSettings(host.inputs, host.env);
    const clients = createClients(settings.aws, host.env);
    const report = await executeExperiment({
        ...clients,
        clock: clock/* systemClock */.ml,
        sleep: clock/* realSleep */.uk,
        log: host.log,
        signal: host.signal,
        // Saved at once: if this process is killed, the post step still knows what to stop.
        onStarted: (id) => host.saveState(STATE_EXPERIMENT_ID, id),
        onFinished: (id) => host.saveState(STATE_FINISHED_ID, id),
    }, settings);
    const reportPath = settings.reportPath
        ? (0,json/* resolveReportPath */.gw)(settings.reportPath, host.workspace)
        : (0,json/* defaultReportPath */.j0)(ACTION_NAME, host.env, host.workspace);
    // wait: false hands the experiment over to FIS on purpose: the post step must not stop it.
    if (report.outcome === 'started' && report.experiment)
        host.saveState(STATE_FINISHED_ID, report.experiment.id);
    await publish(host, report, reportPath, settings.junitPath);
    return {
        result: report.outcome === 'started' ? 'neutral' : report.passed ? 'pass' : 'fail',
        summaryLine: report.summaryLine,
    };
}
async function publish(host, report, reportPath, junitPath) {
    await (0,json/* writeJsonFile */.An)(reportPath, report);
    if (junitPath)
        await (0,json/* writeTextFile */.Tl)((0,json/* resolveReportPath */.gw)(junitPath, host.workspace), junitReport(report));
    for (const [name, value] of Object.entries(reportOutputs(report, reportPath)))
        host.setOutput(name, value);
    for (const warning of report.warnings)
        host.annotate({ level: 'warning', message: warning, title: ACTION_NAME });
    await host.appendSummary(summaryMarkdown(report));
}
/**
 * The `post:` step (post-if: always()). The main step saves the experiment id right after
 * StartExperiment and a `finished` marker once it has ended; if the main step was killed before
 * that, the experiment may still be injecting faults: stop it.
 */
async function post(host) {
    const id = host.getState(STATE_EXPERIMENT_ID);
    if (!id) {
        host.log.debug('run-experiment post: no experiment was started, nothing to clean up');
        return;
    }
    if (host.getState(STATE_FINISHED_ID) === id) {
        host.log.info(`run-experiment post: experiment ${id} was settled by the main step, nothing to clean up`);
        return;
    }
    const { fis } = createClients((0,core_aws/* readAwsSettings */.p3)(host.inputs, host.env), host.env);
    let status = 'unknown';
    try {
        status = (await getExperiment(fis, id)).state?.status ?? 'unknown';
    }
    catch (error) {
        host.log.warning(`${(0,errors/* describeAwsError */.Pp)(error, `GetExperiment ${id}`)}; stopping it anyway`);
    }
    // 'unknown' (GetExperiment failed) and statuses this code does not know are stopped too.
    if (!mayStillInject(status)) {
        host.log.info(`run-experiment post: experiment ${id} is ${status}, nothing to stop`);
        return;
    }
    host.log.info(`run-experiment post: experiment ${id} is still ${status} after the main step ended: stopping it`);
    const stop = await stopExperiment(fis, id, host.log);
    if (!stop.requested)
        throw new Error(`Could not stop experiment ${id}: ${stop.error}`);
    host.log.info(`run-experiment post: stopped experiment ${id} that the main step left ${status}`);
}
const runExperimentGate = {
    name: ACTION_NAME,
    description: 'Run an AWS FIS experiment as a deploy gate: pass only if the system stayed healthy; never leave chaos running',
    inputs: INPUT_NAMES,
    run,
    post,
};


/***/ })

};
