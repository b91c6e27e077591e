export const id = 924;
export const ids = [924];
export const modules = {

/***/ 46924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_NAME: () => (/* binding */ GATE_NAME),
  canaryGateGate: () => (/* binding */ canaryGateGate),
  createClients: () => (/* binding */ createClients)
});

// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(37191);
// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-synthetics/dist-cjs/index.js
var client_synthetics_dist_cjs = __webpack_require__(92123);
// EXTERNAL MODULE: ./core/aws.ts
var aws = __webpack_require__(53248);
// EXTERNAL MODULE: ./core/clock.ts
var clock = __webpack_require__(83331);
// EXTERNAL MODULE: ./core/report/annotations.ts
var annotations = __webpack_require__(92906);
// EXTERNAL MODULE: ./core/report/json.ts
var json = __webpack_require__(14392);
;// CONCATENATED MODULE: ./actions/canary-gate/src/raw-fields.ts
const RAW_BODY = Symbol.for('resilience-gates.canary-gate.raw-body');
const HTTP_OK_MIN = 200;
const HTTP_OK_MAX = 299;
async function readBody(body) {
    if (body instanceof Uint8Array)
        return body;
    if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body))
        return undefined;
    const chunks = [];
    for await (const chunk of body) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
}
function captureMiddleware(next, context) {
    return async (args) => {
        const result = await next(args);
        const response = result.response;
        const status = response?.statusCode ?? 0;
        if (!response || status < HTTP_OK_MIN || status > HTTP_OK_MAX)
            return result;
        const bytes = await readBody(response.body);
        if (!bytes)
            return result;
        // Hand the deserializer the same bytes, already collected (smithy's collectBody accepts them).
        response.body = bytes;
        try {
            context[RAW_BODY] = JSON.parse(Buffer.from(bytes).toString('utf8'));
        }
        catch {
            // Not JSON: the SDK's own deserializer reports it as it always does.
        }
        return result;
    };
}
function mergeMiddleware(next, context) {
    return async (args) => {
        const result = await next(args);
        const raw = context[RAW_BODY];
        if (raw !== undefined)
            if (isRecord(result.output))
                mergeUnmodelled(result.output, raw);
        return result;
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
/** Adds members of `raw` that `target` lacks; recurses into objects and arrays both have. */
function mergeUnmodelled(target, raw) {
    if (!isRecord(raw))
        return;
    for (const [key, value] of Object.entries(raw)) {
        const existing = target[key];
        if (existing === undefined) {
            target[key] = value;
        }
        else if (Array.isArray(existing) && Array.isArray(value)) {
            existing.forEach((item, index) => {
                if (isRecord(item))
                    mergeUnmodelled(item, value[index]);
            });
        }
        else if (isRecord(existing)) {
            mergeUnmodelled(existing, value);
        }
    }
}
/** Adds both middlewares to a client: `installRawFields(client.middlewareStack)`. */
function installRawFields(stack) {
    stack.add(mergeMiddleware, {
        step: 'initialize',
        name: 'canaryGateMergeRawFields',
        override: true,
    });
    stack.addRelativeTo(captureMiddleware, {
        relation: 'after',
        toMiddleware: 'deserializerMiddleware',
        name: 'canaryGateCaptureRawBody',
        override: true,
    });
}

// EXTERNAL MODULE: ./core/duration.ts
var core_duration = __webpack_require__(23877);
// EXTERNAL MODULE: ./core/report/junit.ts + 1 modules
var junit = __webpack_require__(93632);
// EXTERNAL MODULE: ./core/report/summary.ts
var summary = __webpack_require__(49700);
;// CONCATENATED MODULE: ./actions/canary-gate/src/report.ts



/** Renders a GateReport as the job summary, JUnit XML and the JSON report / `canaries` output. */
const VERDICT_ICONS = { pass: '✅', fail: '❌', pending: '⏳', timeout: '⏱️' };
const OUTCOME_LABELS = {
    passed: 'PASSED',
    failed: 'FAILED',
    'execution-failure': 'FAILED (execution)',
    running: 'RUNNING',
    'retry-pending': 'FAILED (retry due)',
};
const STATUS_TITLES = {
    passed: 'passed',
    failed: 'failed',
    timeout: 'timed out',
    cancelled: 'was cancelled',
    error: 'could not finish',
};
function iso(ms) {
    return ms === undefined ? '' : new Date(ms).toISOString();
}
function utc(ms) {
    return iso(ms)
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z');
}
function consoleUrl(region, canary) {
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#synthetics:canary/detail/${encodeURIComponent(canary)}`;
}
/** `bucket/prefix...` as Synthetics reports it, to an S3 console link. */
function artifactsUrl(region, location) {
    const path = location.replace(/^s3:\/\//, '');
    const slash = path.indexOf('/');
    const bucket = slash < 0 ? path : path.slice(0, slash);
    const prefix = slash < 0 ? '' : `${path.slice(slash + 1)}/`;
    return `https://s3.console.aws.amazon.com/s3/buckets/${bucket}?region=${region}&prefix=${encodeURIComponent(prefix)}`;
}
function headline(report) {
    return `canary-gate ${STATUS_TITLES[report.status]}: ${report.reason}`;
}
function thresholdsLine(settings) {
    const t = settings.thresholds;
    return [
        `min-runs ${t.minRuns}`,
        `min-success-percent ${t.minSuccessPercent}`,
        `consecutive-passes ${t.consecutivePasses ?? '-'}`,
        `fail-fast ${t.failFast}`,
        `trigger ${settings.trigger}`,
        `execution failures as ${t.treatExecutionFailuresAs}`,
        `on-timeout ${settings.onTimeout}`,
    ].join(' · ');
}
function canaryTable(report) {
    return (0,summary/* table */.tp)(['Canary', 'Verdict', 'Runs', 'Passed', 'Failed', 'Success', 'Consecutive', 'Why'], report.canaries.map((c) => [
        (0,summary/* link */.nf)(c.name, consoleUrl(report.region, c.name)),
        `${VERDICT_ICONS[c.verdict]} ${c.verdict}`,
        String(c.runs),
        String(c.passed),
        String(c.failed),
        c.successPercent === undefined ? '-' : `${c.successPercent}%`,
        String(c.consecutivePasses),
        c.reason,
    ]));
}
function runRow(run, report, canary) {
    const duration = run.completedAt === undefined ? '' : (0,core_duration/* formatDuration */.a3)(run.completedAt - run.startedAt);
    const label = OUTCOME_LABELS[run.outcome] + (run.superseded ? ', retried' : '') + (run.counted ? '' : ', not counted');
    const attempt = run.retryAttempt ? ` (retry ${run.retryAttempt})` : '';
    return [
        utc(run.startedAt) + attempt,
        label,
        duration,
        [run.reasonCode, run.reason].filter(Boolean).join(': '),
        run.artifactS3Location ? (0,summary/* link */.nf)('artifacts', artifactsUrl(report.region, run.artifactS3Location)) : '',
        (0,summary/* link */.nf)('console', consoleUrl(report.region, canary)),
    ];
}
function runsSection(canary, report) {
    const title = `${canary.name}: ${canary.attempts.length} run(s) since ${utc(report.since)}`;
    if (canary.attempts.length === 0)
        return `**${title}**: no runs yet (state ${canary.state}, schedule ${(0,summary/* code */.aY)(canary.schedule)})`;
    const runs = (0,summary/* table */.tp)(['Started', 'Status', 'Duration', 'Reason', 'Artifacts', 'Console'], canary.attempts.map((run) => runRow(run, report, canary.name)));
    return (0,summary/* details */.zH)(title, runs);
}
function alarmSection(alarms) {
    if (alarms.length === 0)
        return undefined;
    const rows = alarms.map((alarm) => [
        alarm.name,
        alarm.type,
        alarm.state,
        alarm.breached ? `❌ yes, ${utc(alarm.breachedAt ?? 0)}` : '✅ no',
        alarm.history
            .map((h) => `${utc(h.at)} ${h.from} → ${h.to}${h.reason ? `: ${h.reason}` : ''}`)
            .join('\n') || 'no change',
    ]);
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)('Alarms', 3), (0,summary/* table */.tp)(['Alarm', 'Type', 'State now', 'ALARM in window', 'State changes in window'], rows)).trim();
}
function renderSummary(report, settings) {
    const icon = summary/* RESULT_ICONS */.D$[report.result];
    const warnings = report.warnings.map((w) => `> [!WARNING]\n> ${w}`).join('\n\n');
    const window = `Runs since ${utc(report.since)} (${settings.sinceText}); gate ran ${utc(report.startedAt)} → ` +
        `${utc(report.finishedAt)}, deadline ${utc(report.deadline)}, ${report.polls} poll(s) every ${(0,core_duration/* formatDuration */.a3)(settings.pollIntervalMs)}.`;
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)(`${icon} Canary gate ${STATUS_TITLES[report.status]}`), report.reason, warnings, `${window}\n\n${thresholdsLine(settings)}`, canaryTable(report), (0,summary/* heading */.R_)('Runs', 3), ...report.canaries.map((canary) => runsSection(canary, report)), alarmSection(report.alarms));
}
function runJson(run) {
    return {
        id: run.id,
        started: iso(run.startedAt),
        ...(run.completedAt === undefined
            ? {}
            : { completed: iso(run.completedAt), durationMs: run.completedAt - run.startedAt }),
        state: run.state,
        outcome: run.outcome,
        counted: run.counted,
        superseded: run.superseded,
        ...(run.reason ? { reason: run.reason } : {}),
        ...(run.reasonCode ? { reasonCode: run.reasonCode } : {}),
        ...(run.testResult ? { testResult: run.testResult } : {}),
        ...(run.retryAttempt ? { retryAttempt: run.retryAttempt } : {}),
        ...(run.scheduledRunId ? { scheduledRunId: run.scheduledRunId } : {}),
        ...(run.artifactS3Location
            ? { artifacts: `s3://${run.artifactS3Location.replace(/^s3:\/\//, '')}` }
            : {}),
    };
}
/** The `canaries` output: per-canary verdicts and runs. */
function canariesJson(report) {
    return report.canaries.map((c) => ({
        name: c.name,
        verdict: c.verdict,
        reason: c.reason,
        state: c.state,
        schedule: c.schedule,
        runCount: c.runs,
        passed: c.passed,
        failed: c.failed,
        executionFailures: c.executionFailures,
        inProgress: c.inFlight,
        successPercent: c.successPercent ?? null,
        consecutivePasses: c.consecutivePasses,
        triggered: c.triggered,
        warnings: c.warnings,
        console: consoleUrl(report.region, c.name),
        runs: c.attempts.map(runJson),
    }));
}
function reportJson(report, settings) {
    return {
        gate: 'canary-gate',
        result: report.result,
        status: report.status,
        reason: report.reason,
        region: report.region,
        since: iso(report.since),
        startedAt: iso(report.startedAt),
        finishedAt: iso(report.finishedAt),
        deadline: iso(report.deadline),
        polls: report.polls,
        thresholds: settings.thresholds,
        trigger: settings.trigger,
        onTimeout: settings.onTimeout,
        warnings: report.warnings,
        canaries: canariesJson(report),
        alarms: report.alarms.map((alarm) => ({
            ...alarm,
            updatedAt: iso(alarm.updatedAt),
            breachedAt: iso(alarm.breachedAt),
            history: alarm.history.map((h) => ({ ...h, at: iso(h.at) })),
        })),
    };
}
/** One test case per canary and one per watched alarm. */
function renderJUnit(report) {
    const timedOutFails = report.result === 'fail';
    const canaryCases = report.canaries.map((c) => {
        const durationMs = c.attempts.reduce((sum, run) => sum + ((run.completedAt ?? run.startedAt) - run.startedAt), 0);
        const output = c.attempts
            .map((run) => `${iso(run.startedAt)} ${OUTCOME_LABELS[run.outcome]} ${run.reason ?? ''}`.trim())
            .join('\n');
        const base = {
            name: c.name,
            className: 'canary-gate.canaries',
            durationMs,
            ...(output ? { output } : {}),
        };
        if (c.verdict === 'pass')
            return base;
        if (c.verdict === 'fail' || timedOutFails)
            return { ...base, failure: { message: c.reason, details: output || c.reason } };
        return { ...base, skipped: c.reason };
    });
    const alarmCases = report.alarms.map((alarm) => ({
        name: alarm.name,
        className: 'canary-gate.alarms',
        ...(alarm.breached
            ? { failure: { message: `in ALARM at ${iso(alarm.breachedAt)}: ${alarm.breachReason ?? ''}`.trim() } }
            : {}),
    }));
    return (0,junit/* junitXml */.E)({
        name: 'canary-gate',
        cases: [...canaryCases, ...alarmCases],
        timestamp: iso(report.startedAt),
    });
}

// EXTERNAL MODULE: ./core/errors.ts
var errors = __webpack_require__(78882);
;// CONCATENATED MODULE: ./actions/canary-gate/src/settings.ts



/** Every input action.yml declares, in its order; the CLI turns each into a flag. */
const INPUT_NAMES = [
    'canaries',
    'group',
    'since',
    'min-runs',
    'min-success-percent',
    'consecutive-passes',
    'fail-fast',
    'trigger',
    'alarms',
    'timeout',
    'poll-interval',
    'on-timeout',
    'treat-execution-failures-as',
    'junit-path',
    'report-path',
    'region',
    'endpoint-url',
    'max-attempts',
    'retry-mode',
];
const DEFAULT_TIMEOUT = '15m';
const DEFAULT_POLL_INTERVAL = '30s';
/** Below this a gate hammers the Synthetics API for no benefit: canaries run at most once a minute. */
const MIN_POLL_INTERVAL_MS = 5_000;
const MIN_TIMEOUT_MS = 10_000;
const MAX_MIN_RUNS = 1_000;
const MAX_CONSECUTIVE_PASSES = 1_000;
const MAX_PERCENT = 100;
/** CloudWatch alarm names (API reference: AlarmName, 1-255 characters). */
const MAX_ALARM_NAME_LENGTH = 255;
/** Synthetics canary names: lower-case letters, digits, `_` and `-`, at most 255 characters. */
const CANARY_NAME_PATTERN = /^[0-9a-z_-]{1,255}$/;
/** Names plus the picomatch characters people use in patterns: * ? [ ] { } , ! */
const CANARY_GLOB_PATTERN = /^[0-9a-z_\-*?[\]{},!]{1,255}$/;
const GLOB_CHARACTERS = /[*?[\]{}!]/;
const GROUP_PATTERN = /^(arn:aws[\w-]*:synthetics:[a-z0-9-]+:\d{12}:group:[0-9a-z]+|[0-9A-Za-z_-]{1,64})$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const CANARY_FORMS = 'use canary names (lower-case letters, digits, - and _) or glob patterns like checkout-*, one per line';
const SINCE_FORMS = `use an ISO timestamp like 2025-01-15T12:00:00Z, or a duration ago like 10m (${core_duration/* DURATION_FORMS */.nv})`;
function readSettings(inputs, env, now) {
    const { names, patterns } = readCanaries(inputs);
    const group = readGroup(inputs);
    if (names.length === 0 && patterns.length === 0 && group === undefined) {
        throw new errors/* ConfigurationError */.j1('Input required and not supplied: canaries (names or glob patterns, one per line) or group (a Synthetics group)');
    }
    const since = readSince(inputs, now);
    const pollIntervalMs = inputs.duration('poll-interval', DEFAULT_POLL_INTERVAL, {
        minMs: MIN_POLL_INTERVAL_MS,
        minText: (0,core_duration/* formatDuration */.a3)(MIN_POLL_INTERVAL_MS),
    });
    const timeoutMs = inputs.duration('timeout', DEFAULT_TIMEOUT, {
        minMs: MIN_TIMEOUT_MS,
        minText: (0,core_duration/* formatDuration */.a3)(MIN_TIMEOUT_MS),
    });
    if (timeoutMs < pollIntervalMs) {
        throw (0,errors/* invalidInput */.aY)('timeout', inputs.optional('timeout') ?? DEFAULT_TIMEOUT, `use at least the poll-interval (${(0,core_duration/* formatDuration */.a3)(pollIntervalMs)})`);
    }
    return {
        names,
        patterns,
        ...(group === undefined ? {} : { group }),
        sinceMs: since.ms,
        sinceText: since.text,
        thresholds: readThresholds(inputs),
        trigger: inputs.enumeration('trigger', ['auto', 'never'], 'auto'),
        alarms: readAlarms(inputs),
        timeoutMs,
        pollIntervalMs,
        onTimeout: inputs.enumeration('on-timeout', ['fail', 'pass', 'neutral'], 'fail'),
        ...optionalPath(inputs, 'junit-path', 'junitPath'),
        ...optionalPath(inputs, 'report-path', 'reportPath'),
        aws: (0,aws/* readAwsSettings */.p3)(inputs, env),
    };
}
function readThresholds(inputs) {
    const consecutivePasses = inputs.optionalInteger('consecutive-passes', {
        min: 1,
        max: MAX_CONSECUTIVE_PASSES,
    });
    return {
        minRuns: inputs.integer('min-runs', 1, { min: 1, max: MAX_MIN_RUNS }),
        minSuccessPercent: inputs.integer('min-success-percent', MAX_PERCENT, { min: 0, max: MAX_PERCENT }),
        ...(consecutivePasses === undefined ? {} : { consecutivePasses }),
        failFast: inputs.boolean('fail-fast', true),
        treatExecutionFailuresAs: inputs.enumeration('treat-execution-failures-as', ['failure', 'warning'], 'failure'),
    };
}
/**
 * Items one per line; commas also separate, except inside `{a,b}` brace patterns, so
 * `checkout-{api,web}` stays one pattern.
 */
function splitCanaryList(text) {
    const items = [];
    let depth = 0;
    let current = '';
    for (const ch of text) {
        if (ch === '{')
            depth += 1;
        if (ch === '}')
            depth = Math.max(0, depth - 1);
        if (ch === '\n' || (ch === ',' && depth === 0)) {
            items.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    items.push(current);
    return items.map((item) => item.trim()).filter((item) => item !== '' && !item.startsWith('#'));
}
function readCanaries(inputs) {
    const names = [];
    const patterns = [];
    for (const item of splitCanaryList(inputs.optional('canaries') ?? '')) {
        if (CANARY_NAME_PATTERN.test(item)) {
            if (!names.includes(item))
                names.push(item);
        }
        else if (CANARY_GLOB_PATTERN.test(item) && GLOB_CHARACTERS.test(item)) {
            if (!patterns.includes(item))
                patterns.push(item);
        }
        else {
            throw (0,errors/* invalidInput */.aY)('canaries', item, CANARY_FORMS);
        }
    }
    return { names, patterns };
}
function readGroup(inputs) {
    const group = inputs.optional('group');
    if (group === undefined)
        return undefined;
    if (!GROUP_PATTERN.test(group)) {
        throw (0,errors/* invalidInput */.aY)('group', group, 'use a Synthetics group name (letters, digits, - and _) or its ARN');
    }
    return group;
}
/** Alarm names may contain commas and spaces: one per line only. */
function readAlarms(inputs) {
    const text = inputs.optional('alarms') ?? '';
    const alarms = [];
    for (const line of text.split('\n')) {
        const name = line.trim();
        if (name === '' || name.startsWith('#'))
            continue;
        if (name.length > MAX_ALARM_NAME_LENGTH) {
            throw (0,errors/* invalidInput */.aY)('alarms', name, `use alarm names of at most ${MAX_ALARM_NAME_LENGTH} characters, one per line`);
        }
        if (!alarms.includes(name))
            alarms.push(name);
    }
    return alarms;
}
function readSince(inputs, now) {
    const value = inputs.optional('since');
    if (value === undefined)
        return { ms: now, text: 'the start of this step' };
    const ago = (0,core_duration/* parseDuration */.E9)(value);
    if (ago !== undefined)
        return { ms: now - ago, text: `${value} ago` };
    if (!ISO_TIMESTAMP.test(value))
        throw (0,errors/* invalidInput */.aY)('since', value, SINCE_FORMS);
    // A date-time without a zone is read as UTC, as AWS prints times; Date would read it as local.
    const withZone = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
    const ms = Date.parse(withZone);
    if (Number.isNaN(ms))
        throw (0,errors/* invalidInput */.aY)('since', value, SINCE_FORMS);
    if (ms > now)
        throw (0,errors/* invalidInput */.aY)('since', value, 'use a time in the past (the deploy that the canaries must prove)');
    return { ms, text: new Date(ms).toISOString() };
}
function optionalPath(inputs, name, key) {
    const value = inputs.optional(name);
    return value === undefined ? {} : { [key]: value };
}

// EXTERNAL MODULE: ./core/collections.ts
var collections = __webpack_require__(6608);
// EXTERNAL MODULE: ./core/wait.ts
var wait = __webpack_require__(61076);
// EXTERNAL MODULE: ./core/cloudwatch.ts
var cloudwatch = __webpack_require__(45721);
;// CONCATENATED MODULE: ./actions/canary-gate/src/alarms.ts


class AlarmWatcher {
    deps;
    names;
    since;
    watches = [];
    /** When each alarm's history was last read up to. */
    historyReadTo = new Map();
    constructor(deps, names, since) {
        this.deps = deps;
        this.names = names;
        this.since = since;
    }
    get breached() {
        return this.watches.filter((watch) => watch.breached);
    }
    /** Checks every alarm exists (a typo would otherwise watch nothing), then takes a first look. */
    async start(now) {
        if (this.names.length === 0)
            return;
        const alarms = await (0,cloudwatch/* describeAlarmsByName */.o7)(this.deps.cloudwatch, this.names, this.deps.signal);
        const found = new Set(alarms.map((alarm) => alarm.AlarmName));
        const missing = this.names.filter((name) => !found.has(name));
        if (missing.length > 0) {
            throw new errors/* ConfigurationError */.j1(`Alarm not found in ${this.deps.region}: ${missing.join(', ')} (check the names and the region)`);
        }
        for (const name of this.names) {
            const alarm = alarms.find((candidate) => candidate.AlarmName === name);
            this.watches.push({
                name,
                type: alarm.type,
                state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
                breached: false,
                history: [],
            });
        }
        await this.apply(alarms, now);
    }
    async poll(now) {
        if (this.names.length === 0)
            return;
        await this.apply(await (0,cloudwatch/* describeAlarmsByName */.o7)(this.deps.cloudwatch, this.names, this.deps.signal), now);
    }
    async apply(alarms, now) {
        for (const alarm of alarms) {
            const watch = this.watches.find((candidate) => candidate.name === alarm.AlarmName);
            if (!watch)
                continue;
            const updatedAt = alarm.StateUpdatedTimestamp?.getTime();
            const changed = updatedAt !== undefined && updatedAt !== watch.updatedAt && updatedAt >= this.since;
            if (changed)
                await this.readHistory(watch, now);
            watch.state = alarm.StateValue ?? watch.state;
            if (alarm.StateReason)
                watch.stateReason = alarm.StateReason;
            if (updatedAt !== undefined)
                watch.updatedAt = updatedAt;
            if (watch.state === 'ALARM' && !watch.breached) {
                this.breach(watch, Math.max(updatedAt ?? now, this.since), alarm.StateReason);
            }
        }
    }
    breach(watch, at, reason) {
        watch.breached = true;
        watch.breachedAt = at;
        if (reason)
            watch.breachReason = reason;
        this.deps.log.warning(`Alarm ${watch.name} is in ALARM${reason ? `: ${reason}` : ''}`);
    }
    /** Reads state changes since the last read (or `since`), recording any pass through ALARM. */
    async readHistory(watch, now) {
        const from = this.historyReadTo.get(watch.name) ?? this.since;
        const transitions = await (0,cloudwatch/* alarmHistory */.Ei)(this.deps.cloudwatch, watch.name, from, now, this.deps.signal);
        this.historyReadTo.set(watch.name, now);
        for (const transition of transitions) {
            if (watch.history.some((seen) => seen.at === transition.at && seen.to === transition.to))
                continue;
            watch.history.push(transition);
            if (transition.to === 'ALARM' && !watch.breached)
                this.breach(watch, transition.at, transition.reason);
        }
        watch.history.sort((a, b) => a.at - b.at);
    }
    /** For the report: the full history of alarms that changed inside the window. */
    async finish(now) {
        for (const watch of this.watches) {
            if (watch.updatedAt !== undefined && watch.updatedAt >= this.since)
                await this.readHistory(watch, now);
        }
    }
}

;// CONCATENATED MODULE: ./actions/canary-gate/src/evaluate.ts
/** States in which a canary produces no runs and will not recover by itself. */
const BROKEN_STATES = new Set(['ERROR', 'DELETING']);
/** States from which only StartCanary produces runs. */
const IDLE_STATES = new Set(['STOPPED', 'READY']);
const TRANSITIONAL_STATES = new Set(['CREATING', 'UPDATING', 'STARTING', 'STOPPING']);
const PERCENT = 100;
/** How a finished run failed: the script (counted) or Synthetics itself (artifacts, upload). */
function isExecutionFailure(run) {
    if (run.state !== 'FAILED')
        return false;
    // TestResult is the script's own verdict: PASSED on a FAILED run means Synthetics failed.
    if (run.testResult === 'PASSED')
        return true;
    if (run.testResult === 'FAILED')
        return false;
    return run.reasonCode === 'EXECUTION_FAILURE';
}
/** Retries of one scheduled run share its ScheduledRunId; a run without one is its own group. */
function groupAttempts(runs) {
    const groups = new Map();
    for (const run of runs) {
        const key = run.scheduledRunId ?? run.id;
        groups.set(key, [...(groups.get(key) ?? []), run]);
    }
    return [...groups.values()].map((attempts) => [...attempts].sort((a, b) => (a.retryAttempt ?? 0) - (b.retryAttempt ?? 0) || a.startedAt - b.startedAt));
}
function groupOutcome(attempts, canary, final) {
    const latest = attempts.at(-1);
    if (latest.state === 'RUNNING')
        return 'running';
    if (latest.state === 'PASSED')
        return 'passed';
    const retriesLeft = canary.maxRetries !== undefined && (latest.retryAttempt ?? 0) < canary.maxRetries;
    // A failed attempt with retries left is not the scheduled run's outcome yet, unless time is up.
    if (retriesLeft && !final)
        return 'retry-pending';
    return isExecutionFailure(latest) ? 'execution-failure' : 'failed';
}
function buildGroups(runs, canary, context) {
    return groupAttempts(runs)
        .map((attempts) => ({
        key: attempts[0].scheduledRunId ?? attempts[0].id,
        startedAt: attempts[0].startedAt,
        attempts,
        outcome: groupOutcome(attempts, canary, context.final),
    }))
        .filter((group) => group.startedAt >= context.since)
        .sort((a, b) => a.startedAt - b.startedAt);
}
function tally(group, context) {
    switch (group.outcome) {
        case 'passed':
            return 'pass';
        case 'failed':
            return 'fail';
        case 'execution-failure':
            return context.thresholds.treatExecutionFailuresAs === 'failure' ? 'fail' : 'ignored';
        default:
            return context.final ? 'ignored' : 'inflight';
    }
}
function trailingPasses(tallies) {
    let streak = 0;
    for (let i = tallies.length - 1; i >= 0; i -= 1) {
        const t = tallies[i];
        if (t === 'ignored')
            continue;
        if (t !== 'pass')
            break;
        streak += 1;
    }
    return streak;
}
/** Upper bound of runs that can still start before the deadline (Infinity when unknowable). */
function maxNewRuns(canary, context) {
    if (context.final || BROKEN_STATES.has(canary.state))
        return 0;
    if (canary.runOnce)
        return context.trigger === 'auto' ? Number.POSITIVE_INFINITY : 0;
    if (IDLE_STATES.has(canary.state) && context.trigger === 'never')
        return 0;
    if (TRANSITIONAL_STATES.has(canary.state) || canary.periodMs === undefined || canary.periodMs <= 0) {
        return Number.POSITIVE_INFINITY;
    }
    return Math.floor(Math.max(0, context.deadline - context.now) / canary.periodMs) + 1;
}
function countTallies(tallies) {
    const completed = tallies.filter((t) => t === 'pass' || t === 'fail');
    return {
        runs: completed.length,
        passed: tallies.filter((t) => t === 'pass').length,
        failed: tallies.filter((t) => t === 'fail').length,
        inFlight: tallies.filter((t) => t === 'inflight').length,
        streak: trailingPasses(tallies.filter((t) => t !== 'inflight')),
        worstStreak: trailingPasses(tallies.map((t) => (t === 'inflight' ? 'fail' : t))),
    };
}
/** Thresholds hold even if every in-flight run fails. */
function provablyPassing(counts, thresholds) {
    const worstTotal = counts.runs + counts.inFlight;
    return (counts.runs >= thresholds.minRuns &&
        counts.passed * PERCENT >= thresholds.minSuccessPercent * worstTotal &&
        (thresholds.consecutivePasses === undefined || counts.worstStreak >= thresholds.consecutivePasses));
}
/** The fewest further passing runs (in-flight ones included) that would meet every threshold. */
function passesNeeded(counts, thresholds) {
    const forRuns = thresholds.minRuns - counts.runs;
    let forPercent = 0;
    if (thresholds.minSuccessPercent >= PERCENT) {
        forPercent = counts.failed > 0 ? Number.POSITIVE_INFINITY : 0;
    }
    else {
        const deficit = thresholds.minSuccessPercent * counts.runs - PERCENT * counts.passed;
        forPercent = Math.ceil(deficit / (PERCENT - thresholds.minSuccessPercent));
    }
    const forStreak = (thresholds.consecutivePasses ?? 0) - counts.streak;
    return Math.max(0, forRuns, forPercent, forStreak);
}
function percentOf(counts) {
    return counts.runs === 0 ? undefined : Math.round((counts.passed * PERCENT * 10) / counts.runs) / 10;
}
/** What is still missing, e.g. "1/3 runs, 50% < 100% passed". */
function unmet(counts, thresholds) {
    const parts = [];
    if (counts.runs < thresholds.minRuns)
        parts.push(`${counts.runs}/${thresholds.minRuns} runs completed`);
    const percent = percentOf(counts);
    if (percent !== undefined && percent < thresholds.minSuccessPercent) {
        parts.push(`${counts.failed} of ${counts.runs} runs failed (${percent}% passed, needs ${thresholds.minSuccessPercent}%)`);
    }
    if (thresholds.consecutivePasses !== undefined && counts.streak < thresholds.consecutivePasses) {
        parts.push(`${counts.streak}/${thresholds.consecutivePasses} consecutive passes`);
    }
    return parts.join(', ') || 'runs in progress could still fail';
}
function latestFailure(groups, context) {
    const failed = [...groups].reverse().find((group) => tally(group, context) === 'fail');
    const run = failed?.attempts.at(-1);
    if (!run)
        return undefined;
    const when = new Date(run.startedAt).toISOString();
    return `latest failure ${when}: ${run.reason || run.reasonCode || 'no reason given'}`;
}
function passReason(counts, thresholds) {
    const streak = thresholds.consecutivePasses === undefined ? '' : `, last ${counts.streak} in a row`;
    return `${counts.passed}/${counts.runs} runs passed (${percentOf(counts)}%)${streak}`;
}
function stateReason(canary) {
    return canary.stateReason ? `: ${canary.stateReason}` : '';
}
/**
 * The counts a pass is judged on: runs still in progress stay in flight (as if they may fail) even
 * at the deadline, where they are otherwise left out. A run that is RUNNING when time is up has an
 * unknown result, and a pass must not rest on it: with `final` alone it would simply vanish.
 */
function worstCaseCounts(groups, context) {
    const open = { ...context, final: false };
    return countTallies(groups.map((group) => tally(group, open)));
}
function decide(canary, groups, counts, context) {
    const { thresholds } = context;
    if (BROKEN_STATES.has(canary.state)) {
        return { verdict: 'fail', reason: `canary is in state ${canary.state}${stateReason(canary)}` };
    }
    if (provablyPassing(worstCaseCounts(groups, context), thresholds)) {
        return { verdict: 'pass', reason: passReason(counts, thresholds) };
    }
    const newRuns = maxNewRuns(canary, context);
    if (!context.final && newRuns === 0 && counts.inFlight === 0) {
        return {
            verdict: 'fail',
            reason: `canary is ${canary.state} and trigger is never, so no run can come (${unmet(counts, thresholds)})${stateReason(canary)}`,
        };
    }
    const failure = latestFailure(groups, context);
    if (context.final) {
        return counts.failed > 0
            ? { verdict: 'fail', reason: `${unmet(counts, thresholds)}; ${failure}` }
            : {
                verdict: 'timeout',
                reason: `timed out: ${unmet(counts, thresholds)}${inFlightAtDeadline(groups)}`,
            };
    }
    const needed = passesNeeded(counts, thresholds);
    const unreachable = !Number.isFinite(needed) || needed > counts.inFlight + newRuns;
    if (thresholds.failFast && counts.failed > 0 && unreachable) {
        const reach = Number.isFinite(needed)
            ? ` and needs ${needed} more passing runs, at most ${counts.inFlight + newRuns} can complete before the timeout`
            : '';
        return { verdict: 'fail', reason: `${unmet(counts, thresholds)}${reach}; ${failure}` };
    }
    return {
        verdict: 'pending',
        reason: `waiting: ${unmet(counts, thresholds)}, ${counts.inFlight} in progress`,
    };
}
function inFlightAtDeadline(groups) {
    const running = groups.filter((group) => group.outcome === 'running').length;
    return running === 0 ? '' : ` (${running} still running at the deadline)`;
}
function evaluatedRuns(groups, context) {
    return groups
        .flatMap((group) => {
        const counted = tally(group, context);
        return group.attempts.map((run, index) => {
            const latest = index === group.attempts.length - 1;
            const outcome = latest
                ? group.outcome
                : isExecutionFailure(run)
                    ? 'execution-failure'
                    : 'failed';
            return {
                ...run,
                outcome,
                counted: latest && (counted === 'pass' || counted === 'fail'),
                superseded: !latest,
            };
        });
    })
        .sort((a, b) => b.startedAt - a.startedAt);
}
function evaluateCanary(canary, runs, context) {
    const groups = buildGroups(runs, canary, context);
    const tallies = groups.map((group) => tally(group, context));
    const counts = countTallies(tallies);
    const decision = decide(canary, groups, counts, context);
    const executionFailures = groups.filter((group) => group.outcome === 'execution-failure').length;
    const warnings = executionFailures > 0 && context.thresholds.treatExecutionFailuresAs === 'warning'
        ? [
            `${executionFailures} run(s) failed for reasons outside the script (execution failures), not counted`,
        ]
        : [];
    const percent = percentOf(counts);
    return {
        name: canary.name,
        verdict: decision.verdict,
        reason: decision.reason,
        runs: counts.runs,
        passed: counts.passed,
        failed: counts.failed,
        executionFailures,
        inFlight: counts.inFlight,
        ...(percent === undefined ? {} : { successPercent: percent }),
        consecutivePasses: counts.streak,
        warnings,
        attempts: evaluatedRuns(groups, context),
    };
}

// EXTERNAL MODULE: ../../main/node_modules/picomatch/index.js
var picomatch = __webpack_require__(70636);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./core/paging.ts
var paging = __webpack_require__(21649);
// EXTERNAL MODULE: ./core/synthetics.ts
var synthetics = __webpack_require__(81701);
;// CONCATENATED MODULE: ./actions/canary-gate/src/synthetics.ts




/** GetCanaryRuns' largest page. */
const RUNS_PAGE_SIZE = 100;
/** DescribeCanaries' largest page when listing everything. */
const DESCRIBE_PAGE_SIZE = 20;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const RATE_PATTERN = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/i;
/** Period of `rate(N minutes)`; 0 for `rate(0 minute)` (run once); undefined for cron(). */
function schedulePeriodMs(expression) {
    const match = RATE_PATTERN.exec(expression.trim());
    if (!match)
        return undefined;
    const unit = match[2].toLowerCase().startsWith('hour') ? MS_PER_HOUR : MS_PER_MINUTE;
    return Number(match[1]) * unit;
}
function toCanaryInfo(canary) {
    const schedule = canary.Schedule?.Expression ?? '';
    const period = schedulePeriodMs(schedule);
    const maxRetries = canary.Schedule?.RetryConfig?.MaxRetries;
    return {
        name: canary.Name ?? '',
        state: canary.Status?.State ?? 'UNKNOWN',
        ...(canary.Status?.StateReason ? { stateReason: canary.Status.StateReason } : {}),
        schedule,
        runOnce: period === 0,
        ...(period ? { periodMs: period } : {}),
        ...(typeof maxRetries === 'number' ? { maxRetries } : {}),
    };
}
function toRunRecord(run) {
    const extras = run;
    const state = (run.Status?.State ?? 'RUNNING');
    return {
        id: run.Id ?? '',
        startedAt: run.Timeline?.Started?.getTime() ?? 0,
        ...(run.Timeline?.Completed ? { completedAt: run.Timeline.Completed.getTime() } : {}),
        state,
        ...(run.Status?.StateReason ? { reason: run.Status.StateReason } : {}),
        ...(run.Status?.StateReasonCode ? { reasonCode: run.Status.StateReasonCode } : {}),
        ...(extras.Status?.TestResult ? { testResult: extras.Status.TestResult } : {}),
        ...(typeof extras.RetryAttempt === 'number' ? { retryAttempt: extras.RetryAttempt } : {}),
        ...(extras.ScheduledRunId ? { scheduledRunId: extras.ScheduledRunId } : {}),
        ...(run.ArtifactS3Location ? { artifactS3Location: run.ArtifactS3Location } : {}),
    };
}
/** Every canary of the account and region, over all pages. */
function listAllCanaries(client, signal) {
    return (0,paging/* collectPages */.V)('DescribeCanaries', async (token) => {
        const page = await client.send(new client_synthetics_dist_cjs.DescribeCanariesCommand({ MaxResults: DESCRIBE_PAGE_SIZE, NextToken: token }), {
            abortSignal: signal,
        });
        return { items: page.Canaries, next: page.NextToken };
    });
}
/** Canaries by name, five per call; names AWS does not know are simply absent. */
async function describeCanariesByName(client, names, signal) {
    const found = [];
    for (const batch of (0,collections/* chunk */.iv)(names, synthetics/* CANARY_NAMES_PER_CALL */.X2)) {
        const canaries = await (0,paging/* collectPages */.V)('DescribeCanaries', async (token) => {
            const page = await client.send(new client_synthetics_dist_cjs.DescribeCanariesCommand({ Names: batch, NextToken: token }), {
                abortSignal: signal,
            });
            return { items: page.Canaries, next: page.NextToken };
        });
        found.push(...canaries);
    }
    return found;
}
/** Canary names in a group: ListGroupResources returns ARNs (`...:canary:NAME`). */
async function listGroupCanaries(client, group, signal) {
    const arns = await (0,paging/* collectPages */.V)('ListGroupResources', async (token) => {
        const page = await client.send(new client_synthetics_dist_cjs.ListGroupResourcesCommand({ GroupIdentifier: group, NextToken: token }), {
            abortSignal: signal,
        });
        return { items: page.Resources, next: page.NextToken };
    });
    return arns.map((arn) => arn.slice(arn.lastIndexOf(':') + 1));
}
/** The latest run of each canary (five names per call); canaries that never ran are absent. */
async function describeLastRuns(client, names, signal) {
    const lastRuns = await (0,synthetics/* describeCanariesLastRun */.Tb)(client, names, signal);
    return new Map([...lastRuns].map(([name, run]) => [name, toRunRecord(run)]));
}
/**
 * Runs newest first, paging until the first run that started before `since` (kept: a retry
 * after `since` may belong to it) or the end of the history.
 */
async function getRunsSince(client, name, since, signal) {
    const runs = [];
    let token;
    let pages = 0;
    do {
        const page = await client.send(new client_synthetics_dist_cjs.GetCanaryRunsCommand({ Name: name, MaxResults: RUNS_PAGE_SIZE, NextToken: token }), { abortSignal: signal });
        pages += 1;
        const batch = (page.CanaryRuns ?? []).map(toRunRecord);
        runs.push(...batch);
        if (batch.some((run) => run.startedAt < since))
            break;
        token = page.NextToken;
    } while (token);
    return { runs, pages };
}
async function startCanary(client, name, signal) {
    await client.send(new client_synthetics_dist_cjs.StartCanaryCommand({ Name: name }), { abortSignal: signal });
}

;// CONCATENATED MODULE: ./actions/canary-gate/src/resolve.ts



const NOT_FOUND = 'ResourceNotFoundException';
async function groupMembers(deps, group) {
    try {
        const members = await listGroupCanaries(deps.synthetics, group, deps.signal);
        if (members.length === 0) {
            throw new errors/* ConfigurationError */.j1(`Synthetics group '${group}' has no canaries in ${deps.region}`);
        }
        deps.log.info(`Group ${group}: ${members.join(', ')}`);
        return members;
    }
    catch (error) {
        if (error.name === NOT_FOUND) {
            throw new errors/* ConfigurationError */.j1(`Synthetics group '${group}' was not found in ${deps.region}: check the group name and the region`);
        }
        throw error;
    }
}
function matchPatterns(all, patterns, region) {
    const matched = [];
    for (const pattern of patterns) {
        const isMatch = picomatch_default()(pattern);
        const names = all.map((canary) => canary.Name ?? '').filter((name) => isMatch(name));
        if (names.length === 0) {
            throw new errors/* ConfigurationError */.j1(`Invalid canaries '${pattern}': the pattern matches none of the ${all.length} canaries in ${region}`);
        }
        matched.push(...names);
    }
    return matched;
}
async function resolveCanaries(deps, selection) {
    const wanted = [...selection.names];
    if (selection.group !== undefined)
        wanted.push(...(await groupMembers(deps, selection.group)));
    let known;
    if (selection.patterns.length > 0) {
        // Patterns need the whole list anyway: names are then found in it at no extra cost.
        known = await listAllCanaries(deps.synthetics, deps.signal);
        wanted.push(...matchPatterns(known, selection.patterns, deps.region));
    }
    else {
        known = await describeCanariesByName(deps.synthetics, [...new Set(wanted)], deps.signal);
    }
    const byName = new Map(known.map((canary) => [canary.Name ?? '', canary]));
    const unique = [...new Set(wanted)].sort();
    const missing = unique.filter((name) => !byName.has(name));
    if (missing.length > 0) {
        throw new errors/* ConfigurationError */.j1(`Canary not found in ${deps.region}: ${missing.join(', ')} (check the names and the region)`);
    }
    return unique.map((name) => toCanaryInfo(byName.get(name)));
}

;// CONCATENATED MODULE: ./actions/canary-gate/src/watch.ts








const CONFLICT = 'ConflictException';
const watch_IDLE_STATES = new Set(['STOPPED', 'READY']);
/**
 * A new latest run that started less than this many periods after the previous latest run of a
 * rate() canary without retries cannot have another run between them: it is taken from
 * DescribeCanariesLastRun without GetCanaryRuns. A pass is still confirmed with GetCanaryRuns.
 */
const SHORTCUT_MAX_PERIODS = 1.5;
/** GetCanaryRuns calls in flight at once while verifying before a pass (Synthetics throttles bursts). */
const VERIFY_CONCURRENCY = 5;
class GateWatch {
    deps;
    settings;
    deadline;
    tracks;
    alarms;
    constructor(deps, settings, canaries, deadline) {
        this.deps = deps;
        this.settings = settings;
        this.deadline = deadline;
        this.tracks = canaries.map((info) => ({ info, runs: new Map(), triggered: 0, unverified: false }));
        this.alarms = new AlarmWatcher({ cloudwatch: deps.cloudwatch, log: deps.log, region: settings.aws.region, signal: deps.signal }, settings.alarms, settings.sinceMs);
    }
    get alarmWatches() {
        return this.alarms.watches;
    }
    startAlarms() {
        return this.alarms.start(this.deps.clock.now());
    }
    finishAlarms() {
        return this.alarms.finish(this.deps.clock.now());
    }
    context(final) {
        const { settings } = this;
        return {
            now: this.deps.clock.now(),
            deadline: this.deadline,
            since: settings.sinceMs,
            thresholds: settings.thresholds,
            trigger: settings.trigger,
            final,
        };
    }
    evaluate(final) {
        const context = this.context(final);
        const evaluations = this.tracks.map((track) => evaluateCanary(track.info, [...track.runs.values()], context));
        for (const [index, evaluation] of evaluations.entries())
            this.logChange(this.tracks[index], evaluation);
        const failFastAlarm = this.settings.thresholds.failFast && this.alarms.breached.length > 0;
        const anyFailed = evaluations.some((e) => e.verdict === 'fail');
        const allPassed = evaluations.every((e) => e.verdict === 'pass');
        return { evaluations, allPassed, decided: failFastAlarm || anyFailed || allPassed };
    }
    logChange(track, evaluation) {
        const line = `${evaluation.verdict}: ${evaluation.reason}`;
        if (track.lastVerdict === line)
            return;
        track.lastVerdict = line;
        this.deps.log.info(`Canary ${track.info.name}: ${line}`);
    }
    /** Set while polls fail (throttling, 5xx): a timeout then is AWS's fault, not a lack of runs. */
    lastPollError;
    async poll(signal) {
        try {
            await Promise.all([this.refreshRuns(signal), this.alarms.poll(this.deps.clock.now())]);
            let snapshot = this.evaluate(false);
            if (snapshot.allPassed && (await this.verify(signal)))
                snapshot = this.evaluate(false);
            if (!snapshot.decided && this.settings.trigger === 'auto')
                await this.trigger(snapshot.evaluations, signal);
            this.lastPollError = undefined;
            return snapshot;
        }
        catch (error) {
            this.lastPollError =
                error instanceof Error ? `${error.name}: ${(0,errors/* firstLine */.TM)(error.message)}` : String(error);
            throw error;
        }
    }
    /** DescribeCanariesLastRun for all; GetCanaryRuns only where a run appeared that is not known. */
    async refreshRuns(signal) {
        const names = this.tracks.map((track) => track.info.name);
        const lastRuns = await describeLastRuns(this.deps.synthetics, names, signal);
        for (const track of this.tracks) {
            const last = lastRuns.get(track.info.name);
            const previous = track.lastSeen;
            if (!last || last.startedAt < this.settings.sinceMs) {
                track.lastSeen = last;
                continue;
            }
            const known = track.runs.get(last.id);
            const otherInFlight = [...track.runs.values()].some((run) => run.id !== last.id && run.state === 'RUNNING');
            if ((known && !otherInFlight) || (!known && !otherInFlight && this.isNextRun(track, previous, last))) {
                track.runs.set(last.id, last);
                track.unverified ||= !known;
            }
            else {
                await this.fetchRuns(track, signal);
            }
            track.lastSeen = last;
        }
    }
    /** True when `last` is provably the run right after `previous` (see SHORTCUT_MAX_PERIODS). */
    isNextRun(track, previous, last) {
        const { periodMs, maxRetries, runOnce } = track.info;
        if (!previous || runOnce || periodMs === undefined || (maxRetries ?? 0) > 0)
            return false;
        if (last.retryAttempt !== undefined || last.scheduledRunId !== undefined)
            return false;
        const gap = last.startedAt - previous.startedAt;
        return gap > 0 && gap < SHORTCUT_MAX_PERIODS * periodMs;
    }
    async fetchRuns(track, signal) {
        const { runs } = await getRunsSince(this.deps.synthetics, track.info.name, this.settings.sinceMs, signal);
        track.runs = new Map(runs.map((run) => [run.id, run]));
        track.unverified = false;
    }
    /**
     * Before any pass: GetCanaryRuns for canaries whose runs were only seen through the shortcut, a
     * few at a time so the verdict does not wait on one round trip per canary.
     */
    async verify(signal) {
        const pending = this.tracks.filter((track) => track.unverified);
        await (0,collections/* mapLimited */.bB)(pending, VERIFY_CONCURRENCY, (track) => this.fetchRuns(track, signal));
        return pending.length > 0;
    }
    /**
     * trigger: auto. Idle canaries are started once; run-once canaries again each time their last
     * triggered run has completed and the canary still needs runs.
     */
    async trigger(evaluations, signal) {
        for (const [index, track] of this.tracks.entries()) {
            const evaluation = evaluations[index];
            if (evaluation.verdict !== 'pending' || evaluation.inFlight > 0 || !this.needsStart(track, evaluation))
                continue;
            try {
                await startCanary(this.deps.synthetics, track.info.name, signal);
                track.triggered += 1;
                track.completedAtTrigger = completedRuns(evaluation);
                if (!track.info.runOnce)
                    track.info = { ...track.info, state: 'RUNNING' };
                this.deps.log.info(`Started canary ${track.info.name} (StartCanary, trigger: auto)`);
            }
            catch (error) {
                if (error.name !== CONFLICT)
                    throw error;
                this.deps.log.info(`Canary ${track.info.name} is already starting or running: waiting for its run`);
            }
        }
    }
    needsStart(track, evaluation) {
        if (track.info.runOnce) {
            return track.completedAtTrigger === undefined || completedRuns(evaluation) > track.completedAtTrigger;
        }
        return watch_IDLE_STATES.has(track.info.state) && track.triggered === 0;
    }
    reports(evaluations) {
        return evaluations.map((evaluation, index) => {
            const { info, triggered } = this.tracks[index];
            return {
                ...evaluation,
                state: info.state,
                ...(info.stateReason ? { stateReason: info.stateReason } : {}),
                schedule: info.schedule,
                triggered,
            };
        });
    }
}
/** Scheduled runs in the window that have finished, whatever their outcome. */
function completedRuns(evaluation) {
    const finished = new Set(['passed', 'failed', 'execution-failure']);
    return evaluation.attempts.filter((run) => !run.superseded && finished.has(run.outcome)).length;
}
const PROGRESS_NAMES = 5;
/** For the once-a-minute progress line: counts, then the first few canaries still open. */
function describeSnapshot(snapshot) {
    const open = snapshot.evaluations.filter((e) => e.verdict !== 'pass');
    const passed = snapshot.evaluations.length - open.length;
    const shown = open.slice(0, PROGRESS_NAMES).map((e) => `${e.name} (${e.reason})`);
    const more = open.length > PROGRESS_NAMES ? `; ${open.length - PROGRESS_NAMES} more` : '';
    return `${passed} passed, ${open.length} open: ${shown.join('; ')}${more}`;
}
function verdictReason(evaluations, alarms) {
    const parts = [];
    for (const alarm of alarms.filter((a) => a.breached)) {
        parts.push(`alarm ${alarm.name} in ALARM${alarm.breachReason ? ` (${alarm.breachReason})` : ''}`);
    }
    for (const e of evaluations.filter((e) => e.verdict !== 'pass'))
        parts.push(`${e.name}: ${e.reason}`);
    if (parts.length > 0)
        return parts.join('; ');
    const passed = evaluations.map((e) => `${e.name} ${e.passed}/${e.runs}`).join(', ');
    return `${evaluations.length} canar${evaluations.length === 1 ? 'y' : 'ies'} passed (${passed})`;
}
function judge(evaluations, alarms, settings, timedOut, awsError) {
    const reason = verdictReason(evaluations, alarms);
    const failed = alarms.some((a) => a.breached) || evaluations.some((e) => e.verdict === 'fail');
    if (failed)
        return { result: 'fail', status: 'failed', reason, warnings: [] };
    if (timedOut && awsError !== undefined) {
        // The last look failed: whatever the older data says, the gate does not know enough to pass.
        return {
            result: 'fail',
            status: 'error',
            reason: `timed out while AWS calls were failing (${awsError}): ${reason}`,
            warnings: [],
        };
    }
    if (evaluations.every((e) => e.verdict === 'pass'))
        return { result: 'pass', status: 'passed', reason, warnings: [] };
    const timeoutReason = `timed out after ${(0,core_duration/* formatDuration */.a3)(settings.timeoutMs)}: ${reason}`;
    if (!timedOut || settings.onTimeout === 'fail') {
        return { result: 'fail', status: 'timeout', reason: timeoutReason, warnings: [] };
    }
    const warning = `The gate TIMED OUT without the evidence it was asked for, and on-timeout: ${settings.onTimeout} ` +
        `turns that into '${settings.onTimeout}'. The canaries did NOT prove this deployment healthy.`;
    return { result: settings.onTimeout, status: 'timeout', reason: timeoutReason, warnings: [warning] };
}
function executionWarnings(evaluations) {
    return evaluations.flatMap((e) => e.warnings.map((warning) => `${e.name}: ${warning}`));
}
/** Cancelled and AWS-error ends fail whatever the runs say; otherwise the evidence is judged. */
function finalVerdict(status, errorReason, evaluations, watch, settings) {
    if (status === 'aborted') {
        return { result: 'fail', status: 'cancelled', reason: 'cancelled before a verdict', warnings: [] };
    }
    if (status === 'error')
        return { result: 'fail', status: 'error', reason: errorReason, warnings: [] };
    return judge(evaluations, watch.alarmWatches, settings, status === 'timeout', watch.lastPollError);
}
async function evaluateCanaries(deps, settings) {
    const startedAt = deps.clock.now();
    const deadline = startedAt + settings.timeoutMs;
    const canaries = await resolveCanaries({ synthetics: deps.synthetics, log: deps.log, region: settings.aws.region, signal: deps.signal }, settings);
    deps.log.info(`Watching ${canaries.length} canar${canaries.length === 1 ? 'y' : 'ies'} (${canaries.map((c) => c.name).join(', ')}) ` +
        `for runs since ${new Date(settings.sinceMs).toISOString()}, until ${new Date(deadline).toISOString()}`);
    const watch = new GateWatch(deps, settings, canaries, deadline);
    await watch.startAlarms();
    let snapshot;
    let status = 'done';
    let errorReason = '';
    let polls = 0;
    try {
        const waited = await (0,wait/* waitFor */.fm)({
            what: `${canaries.length} canaries`,
            poll: (signal) => watch.poll(signal),
            done: (value) => value.decided,
            describe: describeSnapshot,
            intervalMs: settings.pollIntervalMs,
            timeoutMs: Math.max(0, deadline - deps.clock.now()),
            log: deps.log,
            clock: deps.clock,
            sleep: deps.sleep,
            ...(deps.signal ? { signal: deps.signal } : {}),
            ...(deps.random ? { random: deps.random } : {}),
            onValue: (value) => {
                snapshot = value;
            },
        });
        polls = waited.polls;
        status = waited.status;
    }
    catch (error) {
        // waitFor wraps only transient faults that outlasted its tolerance; anything else (access
        // denied, a missing canary) is the user's to fix and propagates as a one-line error.
        if (!(error instanceof wait/* WaitFailedError */.vv))
            throw error;
        status = 'error';
        errorReason = error.message;
    }
    if (status === 'timeout') {
        // The deadline verdict counts only completed runs: confirm shortcut-read runs first.
        await watch.verify(deps.signal).catch((error) => {
            watch.lastPollError =
                error instanceof Error ? `${error.name}: ${(0,errors/* firstLine */.TM)(error.message)}` : String(error);
        });
    }
    const final = status === 'timeout' ? watch.evaluate(true) : (snapshot ?? watch.evaluate(true));
    if (status !== 'aborted')
        await watch
            .finishAlarms()
            .catch((error) => deps.log.warning(`Alarm history unavailable: ${String(error)}`));
    const evaluations = final.evaluations;
    const verdict = finalVerdict(status, errorReason, evaluations, watch, settings);
    return {
        result: verdict.result,
        status: verdict.status,
        reason: verdict.reason,
        region: settings.aws.region,
        startedAt,
        finishedAt: deps.clock.now(),
        since: settings.sinceMs,
        deadline,
        polls,
        canaries: watch.reports(evaluations),
        alarms: watch.alarmWatches,
        warnings: [...verdict.warnings, ...executionWarnings(evaluations)],
    };
}

;// CONCATENATED MODULE: ./actions/canary-gate/src/gate.ts










const GATE_NAME = 'canary-gate';
/** The SDK clients the gate uses, built the way every gate of the suite builds them. */
function createClients(settings, env) {
    const synthetics = new client_synthetics_dist_cjs.SyntheticsClient((0,aws/* awsClientOptions */.BE)('SYNTHETICS', GATE_NAME, settings.aws, env));
    installRawFields(synthetics.middlewareStack);
    const cloudwatch = new dist_cjs/* CloudWatchClient */.WBn((0,aws/* awsClientOptions */.BE)('CLOUDWATCH', GATE_NAME, settings.aws, env));
    return { synthetics, cloudwatch };
}
async function publish(host, report, settings) {
    const reportPath = settings.reportPath
        ? (0,json/* resolveReportPath */.gw)(settings.reportPath, host.workspace)
        : (0,json/* defaultReportPath */.j0)(GATE_NAME, host.env, host.workspace);
    await (0,json/* writeJsonFile */.An)(reportPath, reportJson(report, settings));
    if (settings.junitPath)
        await (0,json/* writeTextFile */.Tl)((0,json/* resolveReportPath */.gw)(settings.junitPath, host.workspace), renderJUnit(report));
    host.setOutput('result', report.result);
    host.setOutput('reason', report.reason);
    host.setOutput('canaries', JSON.stringify(canariesJson(report)));
    host.setOutput('report-path', reportPath);
    for (const warning of report.warnings)
        host.log.warning(warning);
    const failing = report.canaries.filter((c) => c.verdict === 'fail');
    const overflow = (0,annotations/* emitAnnotations */.KI)([
        ...failing.map((c) => ({ level: 'error', title: `canary ${c.name}`, message: c.reason })),
        ...report.alarms
            .filter((a) => a.breached)
            .map((a) => ({
            level: 'error',
            title: `alarm ${a.name}`,
            message: `in ALARM: ${a.breachReason ?? ''}`,
        })),
    ], (annotation) => host.annotate(annotation));
    if (overflow.length > 0)
        host.log.info(`${overflow.length} more failures are listed in the job summary`);
    await host.appendSummary(renderSummary(report, settings));
}
async function run(host) {
    const settings = readSettings(host.inputs, host.env, Date.now());
    const { synthetics, cloudwatch } = createClients(settings, host.env);
    try {
        const report = await evaluateCanaries({ synthetics, cloudwatch, clock: clock/* systemClock */.ml, sleep: clock/* realSleep */.uk, log: host.log, signal: host.signal }, settings);
        await publish(host, report, settings);
        return { result: report.result, summaryLine: headline(report) };
    }
    finally {
        synthetics.destroy();
        cloudwatch.destroy();
    }
}
const canaryGateGate = {
    name: GATE_NAME,
    description: 'Block a deployment until CloudWatch Synthetics canaries prove it healthy',
    inputs: INPUT_NAMES,
    run,
};


/***/ })

};
