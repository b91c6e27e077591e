export const id = 533;
export const ids = [533];
export const modules = {

/***/ 53248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ awsClientOptions),
/* harmony export */   Sc: () => (/* binding */ isTransientAwsError),
/* harmony export */   h1: () => (/* binding */ hasCredentialSource),
/* harmony export */   p3: () => (/* binding */ readAwsSettings)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_ATTEMPTS, resolveRegion, validateEndpointUrl, resolveEndpoint, userAgent */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(78882);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24321);




const DEFAULT_MAX_ATTEMPTS = 5;
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const REGION_FORMS = 'use a region code like us-east-1 or eu-west-2';
/** Region from the input, then AWS_REGION, then AWS_DEFAULT_REGION. */
function resolveRegion(input, env = process.env) {
    const region = input ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1("No AWS region: set the 'region' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it)");
    }
    if (!REGION_PATTERN.test(region))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .invalidInput */ .aY)('region', region, REGION_FORMS);
    return region;
}
function validateEndpointUrl(input) {
    if (input === undefined)
        return undefined;
    try {
        const url = new URL(input);
        if (url.protocol === 'http:' || url.protocol === 'https:')
            return input;
    }
    catch {
        // fall through to the one-line error below
    }
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .invalidInput */ .aY)('endpoint-url', input, 'use an http(s) URL like https://fis.us-east-1.amazonaws.com');
}
/**
 * The endpoint a client should use: the explicit input first, then the SDK's configured-endpoint
 * variables. The older clients the registry serves (client-fis 3.523) predate the SDK reading
 * these variables itself, so the suite resolves them once, the same way for every client.
 */
function resolveEndpoint(service, explicit, env = process.env) {
    return explicit ?? env[`AWS_ENDPOINT_URL_${service}`] ?? env.AWS_ENDPOINT_URL;
}
function userAgent(action) {
    return `resilience-gates/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x} ${action}`;
}
function awsClientOptions(service, action, settings, env = process.env) {
    const endpoint = resolveEndpoint(service, settings.endpointUrl, env);
    return {
        region: settings.region,
        ...(endpoint ? { endpoint } : {}),
        maxAttempts: settings.maxAttempts,
        retryMode: settings.retryMode,
        customUserAgent: userAgent(action),
    };
}
/** Reads the AWS inputs every AWS gate shares: region, endpoint-url, max-attempts, retry-mode. */
function readAwsSettings(inputs, env = process.env) {
    return {
        region: resolveRegion(inputs.optional('region'), env),
        endpointUrl: validateEndpointUrl(inputs.optional('endpoint-url')),
        maxAttempts: inputs.integer('max-attempts', DEFAULT_MAX_ATTEMPTS, { min: 1, max: 20 }),
        retryMode: inputs.enumeration('retry-mode', ['standard', 'adaptive'], 'standard'),
    };
}
/** HTTP status and error names that mean "try again later", not "you are wrong". */
const TRANSIENT_ERROR_NAMES = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalServerError',
    'InternalServerException',
    'InternalFailure',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
]);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const SERVER_ERROR_MIN_STATUS = 500;
/** True for throttling, 5xx and network faults: a waiter retries these with backoff. */
function isTransientAwsError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    if (e.name && TRANSIENT_ERROR_NAMES.has(e.name))
        return true;
    if (e.code && TRANSIENT_NETWORK_CODES.has(e.code))
        return true;
    if (e.$retryable)
        return true;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && status >= SERVER_ERROR_MIN_STATUS;
}
/** Variables through which the SDK's default chain finds credentials without instance metadata. */
const CREDENTIAL_VARIABLES = [
    'AWS_ACCESS_KEY_ID',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_PROFILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];
/**
 * True when credentials come from somewhere the user chose: variables (what
 * aws-actions/configure-aws-credentials sets), a profile, or shared config files. Gates whose AWS
 * calls are optional check this first, so a fork pull request on a self-hosted EC2 runner never
 * falls through to the instance's own role via the metadata endpoint.
 */
function hasCredentialSource(env = process.env) {
    if (CREDENTIAL_VARIABLES.some((name) => env[name]))
        return true;
    const home = env.HOME ?? '';
    const files = [
        env.AWS_SHARED_CREDENTIALS_FILE ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.aws', 'credentials'),
        env.AWS_CONFIG_FILE ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.aws', 'config'),
    ];
    return home !== '' && files.some((file) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
}


/***/ }),

/***/ 83331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony export VirtualClock */
const systemClock = { now: () => Date.now() };
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) {
        reject(signal.reason);
        return;
    }
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});
/**
 * A clock that only moves when slept on: for unit tests and benchmarks that replay long waits
 * (a 30-minute experiment) in milliseconds of real time.
 */
class VirtualClock {
    current;
    constructor(current = 0) {
        this.current = current;
    }
    now() {
        return this.current;
    }
    advance(ms) {
        this.current += ms;
    }
    sleep = async (ms, signal) => {
        if (signal?.aborted)
            throw signal.reason;
        this.current += ms;
        await Promise.resolve();
        if (signal?.aborted)
            throw signal.reason;
    };
}


/***/ }),

/***/ 45721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ei: () => (/* binding */ alarmHistory),
/* harmony export */   o7: () => (/* binding */ describeAlarmsByName)
/* harmony export */ });
/* unused harmony exports ALARM_NAMES_PER_CALL, ALARMS_PAGE_SIZE, ALARM_TYPES, MAX_ALARM_PAGES, HISTORY_PAGE_SIZE, MAX_HISTORY_PAGES, transitionOf */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37191);
/* harmony import */ var _collections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6608);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21649);



/**
 * CloudWatch alarms by name, the one read every gate makes of them: DescribeAlarms with both
 * alarm types (without AlarmTypes CloudWatch returns metric alarms only, silently hiding composite
 * ones), a hundred names per call (the API's limit), every page.
 */
const ALARM_NAMES_PER_CALL = 100;
/** DescribeAlarms' largest page: one call per batch of names in the common case. */
const ALARMS_PAGE_SIZE = 100;
const ALARM_TYPES = ['MetricAlarm', 'CompositeAlarm'];
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
const MAX_ALARM_PAGES = 100;
/** Every alarm AWS knows among `names` (duplicates asked once); unknown names are simply absent. */
async function describeAlarmsByName(cloudwatch, names, signal) {
    const alarms = [];
    for (const batch of (0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .chunk */ .iv)((0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(names), ALARM_NAMES_PER_CALL)) {
        const found = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPages */ .V)('DescribeAlarms', async (nextToken) => {
            const page = await cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .DescribeAlarmsCommand */ .zWD({
                AlarmNames: batch,
                AlarmTypes: [...ALARM_TYPES],
                MaxRecords: ALARMS_PAGE_SIZE,
                NextToken: nextToken,
            }), { abortSignal: signal });
            const metric = (page.MetricAlarms ?? []).map((alarm) => ({ ...alarm, type: 'MetricAlarm' }));
            const composite = (page.CompositeAlarms ?? []).map((alarm) => ({
                ...alarm,
                type: 'CompositeAlarm',
            }));
            return { items: [...metric, ...composite], next: page.NextToken };
        }, MAX_ALARM_PAGES);
        alarms.push(...found);
    }
    return alarms;
}
/** DescribeAlarmHistory's largest page. */
const HISTORY_PAGE_SIZE = 100;
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
const MAX_HISTORY_PAGES = 100;
/** A StateUpdate item as a transition: HistoryData's JSON first, the summary line as a fallback. */
function transitionOf(item) {
    const at = item.Timestamp?.getTime();
    if (at === undefined)
        return undefined;
    try {
        const data = JSON.parse(item.HistoryData ?? '{}');
        if (data.newState?.stateValue) {
            return {
                at,
                from: data.oldState?.stateValue ?? '?',
                to: data.newState.stateValue,
                ...(data.newState.stateReason ? { reason: data.newState.stateReason } : {}),
            };
        }
    }
    catch {
        // fall back to the summary line below
    }
    const match = /from (\w+) to (\w+)/.exec(item.HistorySummary ?? '');
    return match ? { at, from: match[1], to: match[2] } : undefined;
}
/**
 * The state changes of one alarm (metric or composite) from `since` (to `until`, or now), oldest
 * first: DescribeAlarmHistory with HistoryItemType StateUpdate, every page. It catches what
 * DescribeAlarms cannot: an alarm that went to ALARM and back between two reads.
 */
async function alarmHistory(cloudwatch, name, since, until, signal) {
    const items = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPages */ .V)('DescribeAlarmHistory', async (nextToken) => {
        const page = await cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .DescribeAlarmHistoryCommand */ .icQ({
            AlarmName: name,
            AlarmTypes: [...ALARM_TYPES],
            HistoryItemType: 'StateUpdate',
            StartDate: new Date(since),
            ...(until === undefined ? {} : { EndDate: new Date(until) }),
            ScanBy: 'TimestampAscending',
            MaxRecords: HISTORY_PAGE_SIZE,
            NextToken: nextToken,
        }), { abortSignal: signal });
        return { items: page.AlarmHistoryItems, next: page.NextToken };
    }, MAX_HISTORY_PAGES);
    return items.map(transitionOf).filter((t) => t !== undefined);
}


/***/ }),

/***/ 6608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ unique),
/* harmony export */   bB: () => (/* binding */ mapLimited),
/* harmony export */   iv: () => (/* binding */ chunk)
/* harmony export */ });
/** Small collection helpers the gates share. */
/** Splits `items` into consecutive slices of at most `size` (AWS calls that take N names each). */
function chunk(items, size) {
    // A size below 1 would loop forever (or never advance): a programming error, not input.
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`chunk size must be a positive integer, got ${size}`);
    const chunks = [];
    for (let i = 0; i < items.length; i += size)
        chunks.push(items.slice(i, i + size));
    return chunks;
}
/** The distinct items, in first-seen order. */
function unique(items) {
    return [...new Set(items)];
}
/**
 * `task` over every item with at most `limit` running at once, results in input order: enough
 * parallelism to hide round trips, little enough not to trip an API's throttling.
 */
async function mapLimited(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next;
            next += 1;
            results[index] = await task(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 21649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ collectPages)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_PAGES */
/**
 * The one "read every page" loop for AWS list and describe calls. A cap on pages turns a service
 * that hands back a NextToken forever into an error instead of a gate that hangs until its timeout.
 */
const DEFAULT_MAX_PAGES = 1_000;
async function collectPages(operation, fetchPage, maxPages = DEFAULT_MAX_PAGES) {
    const all = [];
    let token;
    for (let page = 0; page < maxPages; page += 1) {
        const { items, next } = await fetchPage(token);
        if (items)
            all.push(...items);
        if (!next)
            return all;
        token = next;
    }
    throw new Error(`${operation} still had more pages after ${maxPages}`);
}


/***/ }),

/***/ 14392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ writeJsonFile),
/* harmony export */   Tl: () => (/* binding */ writeTextFile),
/* harmony export */   gw: () => (/* binding */ resolveReportPath),
/* harmony export */   j0: () => (/* binding */ defaultReportPath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where a gate's JSON report goes when the user did not choose: the runner's temp folder, which
 * later steps of the job can read and upload.
 */
function defaultReportPath(action, env, workspace) {
    const folder = env.RUNNER_TEMP ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, '.resilience-gates');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(folder, `${action}-report.json`);
}
function resolveReportPath(path, workspace) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, path);
}
async function writeJsonFile(path, data) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}
async function writeTextFile(path, text) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, text, 'utf8');
}


/***/ }),

/***/ 93632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ junitXml)
});

;// CONCATENATED MODULE: ./core/report/xml.ts
const XML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
};
// Characters XML 1.0 cannot carry at all, even escaped: dropped rather than producing a file
// that JUnit consumers refuse.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function escapeXml(text) {
    return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

;// CONCATENATED MODULE: ./core/report/junit.ts

function junitXml(suite) {
    const failures = suite.cases.filter((c) => c.failure).length;
    const skipped = suite.cases.filter((c) => !c.failure && c.skipped !== undefined).length;
    const seconds = totalSeconds(suite.cases);
    const attributes = [
        `name="${escapeXml(suite.name)}"`,
        `tests="${suite.cases.length}"`,
        `failures="${failures}"`,
        'errors="0"',
        `skipped="${skipped}"`,
        `time="${seconds}"`,
        suite.timestamp ? `timestamp="${escapeXml(suite.timestamp)}"` : '',
    ].filter(Boolean);
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${failures}" time="${seconds}">`,
        `  <testsuite ${attributes.join(' ')}>`,
        ...suite.cases.map(caseXml),
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}
function caseXml(testCase) {
    const time = ((testCase.durationMs ?? 0) / 1000).toFixed(3);
    const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.className)}" time="${time}"`;
    const body = [];
    if (testCase.failure) {
        body.push(`      <failure message="${escapeXml(testCase.failure.message)}">${escapeXml(testCase.failure.details ?? testCase.failure.message)}</failure>`);
    }
    else if (testCase.skipped !== undefined) {
        body.push(`      <skipped message="${escapeXml(testCase.skipped)}"/>`);
    }
    if (testCase.output)
        body.push(`      <system-out>${escapeXml(testCase.output)}</system-out>`);
    return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}
function totalSeconds(cases) {
    return (cases.reduce((sum, c) => sum + (c.durationMs ?? 0), 0) / 1000).toFixed(3);
}


/***/ }),

/***/ 49700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ RESULT_ICONS),
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   R_: () => (/* binding */ heading),
/* harmony export */   V0: () => (/* binding */ sections),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony export escapeCell */
/**
 * Markdown building blocks for job summaries. Gates build plain strings so the same text serves
 * the runner's summary file, the CLI and tests.
 */
const CELL_ESCAPES = { '|': '\\|', '\n': '<br>', '\r': '', '<': '&lt;', '>': '&gt;' };
function escapeCell(text) {
    return text.replace(/[|\n\r<>]/g, (ch) => CELL_ESCAPES[ch] ?? ch);
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
    return [head, rule, ...body].join('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${text}`;
}
/** A collapsed section: long details stay out of the way until asked for. */
function details(summary, body) {
    return `<details><summary>${escapeCell(summary)}</summary>\n\n${body}\n\n</details>`;
}
function link(text, url) {
    return `[${text.replace(/[[\]]/g, '')}](${url})`;
}
function code(text) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text}${fence}`;
}
function codeBlock(text, language = '') {
    return `\`\`\`${language}\n${text}\n\`\`\``;
}
const RESULT_ICONS = { pass: '✅', fail: '❌', neutral: '⚠️' };
/** Joins sections with blank lines, dropping empty ones. */
function sections(...parts) {
    return `${parts.filter((part) => Boolean(part)).join('\n\n')}\n`;
}


/***/ }),

/***/ 81701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ canaryRunsSince),
/* harmony export */   Lv: () => (/* binding */ schedulePeriodMs),
/* harmony export */   Tb: () => (/* binding */ describeCanariesLastRun),
/* harmony export */   X2: () => (/* binding */ CANARY_NAMES_PER_CALL),
/* harmony export */   q9: () => (/* binding */ describeCanarySchedules)
/* harmony export */ });
/* unused harmony exports MAX_LAST_RUN_PAGES, CANARY_RUNS_PAGE_SIZE, MAX_CANARY_RUNS_PAGES */
/* harmony import */ var _aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92123);
/* harmony import */ var _aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _collections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6608);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21649);



/**
 * The latest run of each Synthetics canary, the one read every gate makes of them:
 * DescribeCanariesLastRun, five names per call (the API's limit), every page.
 */
const CANARY_NAMES_PER_CALL = 5;
/** A service that hands back a NextToken forever would otherwise hold the gate until its timeout. */
const MAX_LAST_RUN_PAGES = 100;
/**
 * Canary name -> its latest run, as the SDK parsed it (members a client middleware added stay on
 * it). A canary that never ran, or that AWS does not know, is absent: callers decide what that means.
 */
async function describeCanariesLastRun(synthetics, names, signal) {
    const lastRuns = new Map();
    for (const batch of (0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .chunk */ .iv)((0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(names), CANARY_NAMES_PER_CALL)) {
        const entries = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPages */ .V)('DescribeCanariesLastRun', async (nextToken) => {
            const page = await synthetics.send(new _aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2__.DescribeCanariesLastRunCommand({ Names: batch, NextToken: nextToken }), { abortSignal: signal });
            return { items: page.CanariesLastRun, next: page.NextToken };
        }, MAX_LAST_RUN_PAGES);
        for (const entry of entries) {
            if (entry.CanaryName && entry.LastRun)
                lastRuns.set(entry.CanaryName, entry.LastRun);
        }
    }
    return lastRuns;
}
/** GetCanaryRuns' largest page. */
const CANARY_RUNS_PAGE_SIZE = 100;
const MAX_CANARY_RUNS_PAGES = 100;
/**
 * The runs of one canary that started at or after `since`, newest first (GetCanaryRuns lists
 * newest first, so paging stops at the first page that reaches back before `since`). This is the
 * read that sees a FAILED run followed by a PASSED one, which DescribeCanariesLastRun hides.
 */
async function canaryRunsSince(synthetics, name, since, signal) {
    const runs = [];
    let nextToken;
    let pages = 0;
    do {
        if (pages === MAX_CANARY_RUNS_PAGES) {
            throw new Error(`GetCanaryRuns still had more pages after ${MAX_CANARY_RUNS_PAGES}`);
        }
        const page = await synthetics.send(new _aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2__.GetCanaryRunsCommand({ Name: name, MaxResults: CANARY_RUNS_PAGE_SIZE, NextToken: nextToken }), { abortSignal: signal });
        pages += 1;
        let reachedBefore = false;
        for (const run of page.CanaryRuns ?? []) {
            const started = run.Timeline?.Started?.getTime();
            if (started !== undefined && started < since) {
                reachedBefore = true;
                continue;
            }
            runs.push(run);
        }
        nextToken = reachedBefore ? undefined : page.NextToken;
    } while (nextToken);
    return runs;
}
const RATE_PATTERN = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/i;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The period of `rate(N minutes|hours)`; undefined for cron(), `rate(0 minute)` (run once) or nonsense. */
function schedulePeriodMs(expression) {
    const match = RATE_PATTERN.exec((expression ?? '').trim());
    if (!match)
        return undefined;
    const period = Number(match[1]) * (match[2].toLowerCase().startsWith('hour') ? HOUR_MS : MINUTE_MS);
    return period > 0 ? period : undefined;
}
/** Canary name -> its schedule expression (DescribeCanaries, five names per call, every page). */
async function describeCanarySchedules(synthetics, names, signal) {
    const schedules = new Map();
    for (const batch of (0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .chunk */ .iv)((0,_collections_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(names), CANARY_NAMES_PER_CALL)) {
        const canaries = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPages */ .V)('DescribeCanaries', async (nextToken) => {
            const page = await synthetics.send(new _aws_sdk_client_synthetics__WEBPACK_IMPORTED_MODULE_2__.DescribeCanariesCommand({ Names: batch, NextToken: nextToken }), {
                abortSignal: signal,
            });
            return { items: page.Canaries, next: page.NextToken };
        }, MAX_LAST_RUN_PAGES);
        for (const canary of canaries) {
            if (canary.Name && canary.Schedule?.Expression)
                schedules.set(canary.Name, canary.Schedule.Expression);
        }
    }
    return schedules;
}


/***/ }),

/***/ 61076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   vv: () => (/* binding */ WaitFailedError)
/* harmony export */ });
/* unused harmony exports PROGRESS_EVERY_MS, DEFAULT_MAX_TRANSIENT_FAILURES, fullJitterBackoffMs */
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53248);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83331);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23877);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78882);




const PROGRESS_EVERY_MS = 60_000;
const DEFAULT_MAX_TRANSIENT_FAILURES = 8;
const BACKOFF_BASE_MS = 1_000;
const DEFAULT_MAX_BACKOFF_MS = 30_000;
/** Raised when transient faults outlast the tolerance: carries the last cause. */
class WaitFailedError extends Error {
    cause;
    name = 'WaitFailedError';
    constructor(message, cause) {
        super(message);
        this.cause = cause;
    }
}
/** Full jitter: a random sleep between 0 and the capped exponential step. */
function fullJitterBackoffMs(attempt, maxMs, random) {
    const ceiling = Math.min(maxMs, BACKOFF_BASE_MS * 2 ** attempt);
    return Math.floor(random() * ceiling);
}
async function waitFor(options) {
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
    const sleep = options.sleep ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .uk;
    const progress = new ProgressReporter(options, clock.now());
    const deadline = clock.now() + options.timeoutMs;
    let last;
    let polls = 0;
    let failures = 0;
    const aborted = () => ({ status: 'aborted', last, polls, reason: options.signal?.reason });
    while (true) {
        if (options.signal?.aborted)
            return aborted();
        let delayMs = options.intervalMs;
        try {
            polls += 1;
            const value = await options.poll(options.signal);
            failures = 0;
            last = value;
            options.onValue?.(value);
            if (options.done(value))
                return { status: 'done', value, polls };
        }
        catch (error) {
            if (options.signal?.aborted)
                return aborted();
            failures += 1;
            delayMs = retryDelayAfter(error, failures, options);
        }
        const now = clock.now();
        if (now >= deadline)
            return { status: 'timeout', last, polls };
        progress.maybeReport(now, deadline, last);
        try {
            await sleep(Math.min(delayMs, deadline - now), options.signal);
        }
        catch (error) {
            if (options.signal?.aborted)
                return aborted();
            throw error;
        }
    }
}
/**
 * The sleep before the next poll after a failed one: full-jitter backoff for transient faults
 * (never shorter than a second or the interval, whichever is less), a rethrow for anything else,
 * and WaitFailedError with the cause once faults outlast the tolerance.
 */
function retryDelayAfter(error, failures, options) {
    const isTransient = options.isTransient ?? _aws_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientAwsError */ .Sc;
    if (!isTransient(error))
        throw error;
    const maxFailures = options.maxTransientFailures ?? DEFAULT_MAX_TRANSIENT_FAILURES;
    if (failures > maxFailures) {
        throw new WaitFailedError(`Gave up waiting for ${options.what} after ${failures} failed polls in a row: ${describeError(error)}`, error);
    }
    const delayMs = Math.max(fullJitterBackoffMs(failures, options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, options.random ?? Math.random), Math.min(options.intervalMs, BACKOFF_BASE_MS));
    options.log.info(`Polling ${options.what} failed (${describeError(error)}); retry ${failures}/${maxFailures} in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(delayMs)}`);
    return delayMs;
}
/** At most one "still waiting" line per period, naming what is awaited and the last state seen. */
class ProgressReporter {
    options;
    started;
    lastReportAt;
    constructor(options, started) {
        this.options = options;
        this.started = started;
        this.lastReportAt = started;
    }
    maybeReport(now, deadline, last) {
        if (now - this.lastReportAt < (this.options.progressEveryMs ?? PROGRESS_EVERY_MS))
            return;
        this.lastReportAt = now;
        const state = last === undefined ? 'no answer yet' : this.options.describe(last);
        this.options.log.info(`Still waiting for ${this.options.what} (${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(now - this.started)} elapsed, ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(deadline - now)} left): ${state}`);
    }
}
function describeError(error) {
    if (error instanceof Error)
        return `${error.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(error.message)}`;
    return String(error);
}


/***/ })

};
