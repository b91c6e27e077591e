export const id = 649;
export const ids = [649];
export const modules = {

/***/ 10649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azCheckGate: () => (/* binding */ azCheckGate),
  runAzCheck: () => (/* binding */ runAzCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./core/aws.ts
var aws = __webpack_require__(53248);
// EXTERNAL MODULE: ./core/report/annotations.ts
var annotations = __webpack_require__(92906);
// EXTERNAL MODULE: ./core/report/json.ts
var json = __webpack_require__(14392);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ../../main/node_modules/picomatch/index.js
var picomatch = __webpack_require__(70636);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ../../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(53645);
// EXTERNAL MODULE: ./core/errors.ts
var errors = __webpack_require__(78882);
;// CONCATENATED MODULE: ./actions/az-check/src/rules.ts
const RULES = [
    {
        id: 'AZ000',
        name: 'unparseable-file',
        title: 'File could not be parsed',
        severity: 'warning',
        description: 'The file is not valid HCL, YAML or JSON (or is too large), so its rules were not applied: AZ names in it are still found by a line scan. Other files are checked in full.',
        fix: 'Fix the syntax error, or exclude the file with ignore-paths.',
    },
    {
        id: 'AZ001',
        name: 'az-name-in-placement',
        title: 'Hard-coded AZ name where an AZ ID is accepted',
        severity: 'by-region',
        description: 'An Availability Zone name places a resource, and the same resource accepts an AZ ID. The name means a different physical zone in another account.',
        fix: 'Use the AZ ID attribute: availability_zone_id on aws_subnet, AvailabilityZoneId on AWS::EC2::Subnet, topology.k8s.aws/zone-id in Kubernetes, the availability-zone-id / zone-id filters.',
    },
    {
        id: 'AZ002',
        name: 'az-name-in-name-only-field',
        title: 'Hard-coded AZ name in a field that only takes names',
        severity: 'by-region',
        description: 'The field (EBS volume, instance, RDS, Auto Scaling, ...) accepts only AZ names, so the name must be right for each account it is deployed to.',
        fix: 'Resolve the name from an AZ ID: data "aws_availability_zone" "x" { zone_id = "use1-az1" } and use data.aws_availability_zone.x.name; in CloudFormation place by a subnet created with AvailabilityZoneId, or take the name from a per-account parameter.',
    },
    {
        id: 'AZ003',
        name: 'az-name-list',
        title: 'AZ names in a module input, variable or mapping',
        severity: 'by-region',
        description: 'A list or map of AZ names (module inputs such as azs, variable defaults, tfvars, CloudFormation Mappings and parameter defaults, eksctl availabilityZones, CDK context) fixes names per account.',
        fix: 'Pass AZ IDs (terraform-aws-modules/vpc accepts IDs in azs) and resolve names where a resource needs them.',
    },
    {
        id: 'AZ004',
        name: 'account-dependent-az-pick',
        title: 'Index-based or region-derived AZ pick',
        severity: 'warning',
        description: 
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the text quotes HCL template syntax
        'names[0], element(...names, 0), slice(...), !Select [0, !GetAZs ""] or "${region}a" pick a zone by its per-account name order: index 0 is a different physical zone in another account.',
        fix: 'Pin zones by AZ ID where placement matters across accounts (shared subnets, peering, latency-sensitive pairs); otherwise suppress with a reason.',
    },
    {
        id: 'AZ005',
        name: 'az-id-region-mismatch',
        title: 'AZ ID from another region',
        severity: 'error',
        description: 'The AZ ID belongs to a different region than the one the file deploys to.',
        fix: 'Use an AZ ID of the region (the prefix names it: use1 = us-east-1, euw1 = eu-west-1).',
    },
    {
        id: 'AZ006',
        name: 'unknown-az',
        title: 'AZ name or ID that does not exist',
        severity: 'error',
        description: 'The region has no Availability Zone with this name or ID.',
        fix: 'Check the zone against `aws ec2 describe-availability-zones --region <region>`.',
    },
    {
        id: 'AZ007',
        name: 'az-name-hardcoded',
        title: 'Hard-coded AZ name',
        severity: 'by-region',
        description: 'An Availability Zone name appears as a value outside the known placement attributes.',
        fix: 'Prefer AZ IDs, or derive the name from an AZ ID at deploy time.',
    },
    {
        id: 'AZ008',
        name: 'az-name-outside-iac',
        title: 'AZ name in a file that is not infrastructure code',
        severity: 'note',
        description: 'An AZ name in a JSON or YAML file that matches no IaC shape (test data, mocked API responses, CDK construct trees, CI workflows). Off by default; never an error.',
        fix: 'Nothing to deploy here; if the file does feed a deployment, prefer AZ IDs.',
        offByDefault: true,
        maxSeverity: 'warning',
    },
];
const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
const RULES_BY_NAME = new Map(RULES.map((rule) => [rule.name, rule]));
/** Accepts an id (`AZ001`, any case) or a name (`az-name-in-placement`). */
function findRule(idOrName) {
    return RULES_BY_ID.get(idOrName.toUpperCase()) ?? RULES_BY_NAME.get(idOrName.toLowerCase());
}
/** Rules about hard-coded names: what cfn-lint's W3010 ("AZs should not be hardcoded") covers. */
const HARDCODED_NAME_RULES = ['AZ001', 'AZ002', 'AZ003', 'AZ007'];
/** cfn-lint checks that az-check honours in `Metadata: cfn-lint: config: ignore_checks`. */
const CFN_LINT_EQUIVALENTS = {
    W3010: HARDCODED_NAME_RULES,
};
const SEVERITY_RANK = { note: 0, warning: 1, error: 2 };

;// CONCATENATED MODULE: ./actions/az-check/src/config.ts





const RULE_SETTINGS = ['error', 'warning', 'note', 'off'];
const TOP_LEVEL_KEYS = ['rules', 'ignore', 'ignore-paths', 'scan-comments', 'uniform-region-severity'];
const RULE_FORMS = `use one of ${RULES.map((rule) => rule.id).join(', ')} or a rule name`;
const EMPTY_CONFIG = { rules: {}, ignore: [], ignorePaths: [] };
async function loadConfig(path, required, displayName) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (!required && error.code === 'ENOENT')
            return EMPTY_CONFIG;
        throw new errors/* ConfigurationError */.j1(`Invalid config '${displayName}': ${error.message}`);
    }
    return parseConfig(text, displayName);
}
function parseConfig(text, source) {
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw configError(source, '', error.message.split('\n', 1)[0] ?? 'YAML syntax error');
    }
    if (raw === null || raw === undefined)
        return { ...EMPTY_CONFIG, source };
    if (!isRecord(raw))
        throw configError(source, '', 'expected a mapping');
    for (const key of Object.keys(raw)) {
        if (!TOP_LEVEL_KEYS.includes(key))
            throw configError(source, key, `unknown key; use ${TOP_LEVEL_KEYS.join(', ')}`);
    }
    const config = {
        source,
        rules: parseRules(raw.rules, source),
        ignore: parseIgnores(raw.ignore, source),
        ignorePaths: stringList(raw['ignore-paths'], source, 'ignore-paths'),
    };
    const comments = raw['scan-comments'];
    if (comments !== undefined) {
        if (typeof comments !== 'boolean')
            throw configError(source, 'scan-comments', 'use true or false');
        config.scanComments = comments;
    }
    const uniform = raw['uniform-region-severity'];
    if (uniform !== undefined) {
        if (uniform !== 'error' && uniform !== 'warning' && uniform !== 'note') {
            throw configError(source, 'uniform-region-severity', 'use error, warning or note');
        }
        config.uniformRegionSeverity = uniform;
    }
    return config;
}
function parseRules(value, source) {
    if (value === undefined || value === null)
        return {};
    if (!isRecord(value))
        throw configError(source, 'rules', 'expected a mapping of rule: severity');
    const rules = {};
    for (const [key, setting] of Object.entries(value)) {
        const rule = findRule(key);
        if (!rule)
            throw configError(source, `rules.${key}`, `unknown rule; ${RULE_FORMS}`);
        // YAML 1.2 reads `off` as a string; `false` is accepted as a synonym.
        const normalized = setting === false ? 'off' : setting;
        if (!RULE_SETTINGS.includes(normalized)) {
            throw configError(source, `rules.${key}`, `use ${RULE_SETTINGS.join(', ')}`);
        }
        rules[rule.id] = normalized;
    }
    return rules;
}
function parseIgnores(value, source) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw configError(source, 'ignore', 'expected a list of {rules, path, zone, reason}');
    return value.map((item, index) => parseIgnore(item, source, `ignore[${index}]`));
}
function parseIgnore(item, source, where) {
    if (!isRecord(item))
        throw configError(source, where, 'expected a mapping with rules, path, zone and reason');
    const reason = item.reason;
    if (typeof reason !== 'string' || reason.trim() === '')
        throw configError(source, `${where}.reason`, 'say why the finding is accepted');
    const names = [
        ...stringList(item.rules, source, `${where}.rules`),
        ...stringList(item.rule, source, `${where}.rule`),
    ];
    const rules = names.map((name) => {
        const rule = findRule(name);
        if (!rule)
            throw configError(source, `${where}.rules`, `unknown rule '${name}'; ${RULE_FORMS}`);
        return rule.id;
    });
    const path = optionalString(item.path, source, `${where}.path`);
    const zone = optionalString(item.zone, source, `${where}.zone`);
    const matcher = path ? picomatch_default()(path, { dot: true }) : undefined;
    return {
        rules,
        ...(path ? { path } : {}),
        ...(zone ? { zone } : {}),
        reason: reason.trim(),
        matchesPath: (candidate) => !matcher || matcher(candidate),
    };
}
function stringList(value, source, where) {
    if (value === undefined || value === null)
        return [];
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    throw configError(source, where, 'expected a string or a list of strings');
}
function optionalString(value, source, where) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw configError(source, where, 'expected a string');
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function configError(source, key, problem) {
    return new errors/* ConfigurationError */.j1(`Invalid config '${source}'${key ? ` at ${key}` : ''}: ${problem}`);
}

// EXTERNAL MODULE: ./core/git.ts
var core_git = __webpack_require__(54197);
;// CONCATENATED MODULE: ./actions/az-check/src/diff.ts


/** Remote and local refs tried, in order, for the default base on a laptop. */
const LOCAL_BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];
async function changedLines(settings, log) {
    const git = (0,core_git/* openRepository */.h_)(settings.root);
    const prefix = await repositoryPrefix(git);
    if (prefix === undefined) {
        throw new errors/* ConfigurationError */.j1(`scan: changed needs a git repository at ${settings.root}: check out the repository first, or use scan: all`);
    }
    const set = settings.head || settings.base ? await betweenCommits(git, settings, log) : await localChanges(git, log);
    if (!set)
        return undefined;
    return { ...set, lines: underPrefix(set.lines, prefix) };
}
/**
 * The scan root's path from the repository top (`''` at the top), or undefined outside a work
 * tree: one git process answers both questions.
 */
async function repositoryPrefix(git) {
    try {
        const [inside, prefix = ''] = (await git.raw(['rev-parse', '--is-inside-work-tree', '--show-prefix'])).split('\n');
        return inside === 'true' ? prefix : undefined;
    }
    catch {
        return undefined;
    }
}
/** Diff paths are relative to the repository top; the scan root may be a subfolder of it. */
function underPrefix(lines, prefix) {
    if (!prefix)
        return lines;
    const result = new Map();
    for (const [path, value] of lines)
        if (path.startsWith(prefix))
            result.set(path.slice(prefix.length), value);
    return result;
}
async function betweenCommits(git, settings, log) {
    // The checkout, the head and the base from one rev-parse (each is undefined when missing).
    const [resolvedCheckout, resolvedHead, resolvedBase] = await (0,core_git/* resolveCommits */.J9)(git, [
        'HEAD',
        settings.head ?? 'HEAD',
        ...(settings.base ? [settings.base] : []),
    ]);
    // An unborn HEAD fails here with git's own message, as it always did.
    const checkedOut = resolvedCheckout ?? (await git.raw(['rev-parse', 'HEAD']));
    const head = settings.head ?? checkedOut;
    const headSha = resolvedHead;
    if (headSha !== checkedOut) {
        const firstParent = await syntheticMergeBase(git, checkedOut, headSha ?? head);
        if (firstParent) {
            await (0,core_git/* fetchMissingCommits */.v1)(git, [firstParent], log);
            log.info(`The checkout ${(0,core_git/* short */.h0)(checkedOut)} is the merge of ${(0,core_git/* short */.h0)(head)} into ${(0,core_git/* short */.h0)(firstParent)}: checking the lines it adds to ${(0,core_git/* short */.h0)(firstParent)}`);
            return {
                lines: await (0,core_git/* addedLinesOf */.Dx)(git, `${firstParent}..${checkedOut}`),
                description: `merge commit ${(0,core_git/* short */.h0)(checkedOut)} vs ${(0,core_git/* short */.h0)(firstParent)}`,
            };
        }
        log.warning(`The checkout (${(0,core_git/* short */.h0)(checkedOut)}) is not ${(0,core_git/* short */.h0)(head)}: line numbers are those of ${(0,core_git/* short */.h0)(head)}`);
    }
    const base = settings.base ?? (await defaultBase(git));
    if (!base) {
        log.info(`No base commit for ${settings.diffSource} (a new branch?): scanning every file instead`);
        return undefined;
    }
    // ensureMergeBase fetches whichever commit is missing, then runs merge-base. With both known to be
    // present (a default base was found by resolving it) that merge-base is all it would do: run it
    // directly, and leave fetching and deepening to ensureMergeBase when it finds nothing.
    const bothPresent = headSha !== undefined && (settings.base === undefined || resolvedBase !== undefined);
    const mergeBase = (bothPresent ? await (0,core_git/* mergeBase */.wu)(git, base, head) : undefined) ??
        (await (0,core_git/* ensureMergeBase */.qW)(git, base, head, log));
    if (!mergeBase) {
        throw new errors/* ConfigurationError */.j1(`No common history between base ${base} and head ${head}: set base, or use scan: all`);
    }
    return { lines: await (0,core_git/* addedLines */.u4)(git, base, head), description: `${(0,core_git/* short */.h0)(base)}...${(0,core_git/* short */.h0)(head)}` };
}
/**
 * The first parent of `commit` when it is a two-parent merge whose second parent is `head`: the
 * shape of refs/pull/N/merge. Read from the raw commit object, because a depth-1 clone hides
 * parents from rev-parse (they are grafted away) but keeps them in the object.
 */
async function syntheticMergeBase(git, commit, head) {
    const object = await git.raw(['cat-file', '-p', commit]);
    const parents = object
        .split('\n')
        .filter((line) => line.startsWith('parent '))
        .map((line) => line.slice('parent '.length).trim());
    return parents.length === 2 && parents[1] === head ? parents[0] : undefined;
}
async function defaultBase(git) {
    for (const candidate of LOCAL_BASE_CANDIDATES)
        if (await (0,core_git/* resolveCommit */.WL)(git, candidate))
            return candidate;
    return undefined;
}
/** A laptop: the working tree (committed, staged, unstaged, untracked) against the default branch. */
async function localChanges(git, log) {
    const baseRef = await defaultBase(git);
    if (!baseRef) {
        throw new errors/* ConfigurationError */.j1(`No base branch found (tried ${LOCAL_BASE_CANDIDATES.join(', ')}): pass --base <ref>, or --scan all`);
    }
    const mergeBase = await git.raw(['merge-base', baseRef, 'HEAD']);
    log.info(`Checking lines added since ${baseRef} (merge base ${(0,core_git/* short */.h0)(mergeBase)}), including uncommitted changes`);
    const lines = await (0,core_git/* addedLinesOf */.Dx)(git, mergeBase);
    const untracked = await git.raw(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
    for (const path of untracked.split('\0').filter(Boolean))
        lines.set(path, 'all');
    return { lines, description: `working tree vs ${baseRef} (${(0,core_git/* short */.h0)(mergeBase)})` };
}

;// CONCATENATED MODULE: ./actions/az-check/src/tree.ts
/**
 * One positioned value tree for every format. YAML, JSON and HCL are all converted into it, so the
 * rules are written once: Terraform `.tf` becomes the shape of `.tf.json`, CloudFormation short
 * tags (`!Select`) become their long form (`{"Fn::Select": ...}`). Every node keeps its source
 * range, because findings are annotations on exact lines and columns.
 */
/** Offsets to line/column, by binary search over line starts. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i += 1)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    position(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low + 1, column: offset - this.starts[low] + 1 };
    }
    loc(start, end) {
        const from = this.position(start);
        const to = this.position(Math.max(start, end));
        return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    }
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
    get lineCount() {
        return this.starts.length;
    }
}
function entry(node, key) {
    if (node?.kind !== 'map')
        return undefined;
    return node.entries.find((e) => e.key === key);
}
function child(node, key) {
    return entry(node, key)?.value;
}
/** A plain string value, or undefined. */
function stringValue(node) {
    return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}
function numberValue(node) {
    if (node?.kind !== 'scalar')
        return undefined;
    if (typeof node.value === 'number')
        return node.value;
    if (typeof node.value === 'string' && /^\d+$/.test(node.value))
        return Number(node.value);
    return undefined;
}
/** Items of a list, or the node itself (Terraform repeats blocks either way). */
function asList(node) {
    if (!node)
        return [];
    return node.kind === 'list' ? node.items : [node];
}
/** Children of any node, for walks. */
function children(node) {
    switch (node.kind) {
        case 'map':
            return node.entries.map((e) => e.value);
        case 'list':
            return node.items;
        case 'expr':
            return node.children;
        default:
            return [];
    }
}
const NO_LOC = { line: 1, column: 1, endLine: 1, endColumn: 1 };

;// CONCATENATED MODULE: ./actions/az-check/src/zones.ts
/**
 * What az-check knows about regions, Availability Zone names and AZ IDs, offline.
 *
 * AZ names (`us-east-1a`) are shuffled per account in the older regions: the same name can be a
 * different data center in another account. AZ IDs (`use1-az1`) are the same everywhere. Newer
 * regions map names uniformly, so a hard-coded name there is a portability smell, not a bug.
 */
/** Regions whose AZ names map to zones per account (see DESIGN.md "Facts the gates depend on"). */
const PER_ACCOUNT_MAPPED_REGIONS = [
    'us-east-1',
    'us-west-1',
    'us-west-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-northeast-1',
    'eu-west-1',
    'sa-east-1',
    'us-gov-west-1',
];
const MAPPED = new Set(PER_ACCOUNT_MAPPED_REGIONS);
// [region, AZ ID prefix, known name letters, highest AZ ID number]. Letters and numbers only where
// the published set is stable; retired letters (ap-northeast-1b, ca-central-1c) are left in
// because old accounts still see them.
const REGION_TABLE = [
    ['us-east-1', 'use1', 'abcdef', 6],
    ['us-east-2', 'use2', 'abc', 3],
    ['us-west-1', 'usw1', 'abc', 3],
    ['us-west-2', 'usw2', 'abcd', 4],
    ['af-south-1', 'afs1', 'abc', 3],
    ['ap-east-1', 'ape1', 'abc', 3],
    ['ap-east-2', 'ape2', undefined, undefined],
    ['ap-south-1', 'aps1', 'abc', 3],
    ['ap-south-2', 'aps2', 'abc', 3],
    ['ap-southeast-1', 'apse1', 'abc', 3],
    ['ap-southeast-2', 'apse2', 'abc', 3],
    ['ap-southeast-3', 'apse3', 'abc', 3],
    ['ap-southeast-4', 'apse4', 'abc', 3],
    ['ap-southeast-5', 'apse5', 'abc', 3],
    ['ap-southeast-6', 'apse6', undefined, undefined],
    ['ap-southeast-7', 'apse7', 'abc', 3],
    ['ap-northeast-1', 'apne1', 'abcd', 4],
    ['ap-northeast-2', 'apne2', 'abcd', 4],
    ['ap-northeast-3', 'apne3', 'abc', 3],
    ['ca-central-1', 'cac1', 'abcd', 4],
    ['ca-west-1', 'caw1', 'abc', 3],
    ['eu-central-1', 'euc1', 'abc', 3],
    ['eu-central-2', 'euc2', 'abc', 3],
    ['eu-west-1', 'euw1', 'abc', 3],
    ['eu-west-2', 'euw2', 'abc', 3],
    ['eu-west-3', 'euw3', 'abc', 3],
    ['eu-south-1', 'eus1', 'abc', 3],
    ['eu-south-2', 'eus2', 'abc', 3],
    ['eu-north-1', 'eun1', 'abc', 3],
    ['il-central-1', 'ilc1', 'abc', 3],
    ['me-south-1', 'mes1', 'abc', 3],
    ['me-central-1', 'mec1', 'abc', 3],
    ['mx-central-1', 'mxc1', 'abc', 3],
    ['sa-east-1', 'sae1', 'abc', 3],
    ['us-gov-west-1', 'usgw1', 'abc', 3],
    ['us-gov-east-1', 'usge1', 'abc', 3],
    ['cn-north-1', 'cnn1', 'abcd', 4],
    ['cn-northwest-1', 'cnnw1', 'abc', 3],
];
const REGIONS = new Map(REGION_TABLE.map(([region, idPrefix, letters, maxIdNumber]) => [
    region,
    {
        idPrefix,
        mappedPerAccount: MAPPED.has(region),
        ...(letters ? { letters } : {}),
        ...(maxIdNumber ? { maxIdNumber } : {}),
    },
]));
const REGION_BY_PREFIX = new Map(REGION_TABLE.map(([region, idPrefix]) => [idPrefix, region]));
const REGION_PART = String.raw `[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}`;
/** `us-east-1`: a region code, never flagged. */
const REGION_PATTERN = new RegExp(`^${REGION_PART}$`);
// `us-east-1a`
const AZ_NAME = new RegExp(`^(${REGION_PART})([a-z])$`);
// `us-west-2-lax-1a`: Local Zone name; `us-west-2-lax-1` without the letter is its zone group.
const LOCAL_ZONE_NAME = new RegExp(`^(${REGION_PART})-([a-z]{3,})-(\\d)([a-z])$`);
// `us-east-1-wl1-bos-wlz-1`: Wavelength Zone name; `us-east-1-wl1` is its group.
const WAVELENGTH_NAME = new RegExp(`^(${REGION_PART})-wl\\d-([a-z]{3,})-wlz-(\\d+)$`);
// `use1-az1`
const AZ_ID = /^([a-z]{2,5}\d)-az(\d{1,2})$/;
// `usw2-lax1-az1`
const LOCAL_ZONE_ID = /^([a-z]{2,5}\d)-([a-z]{3,}\d)-az(\d)$/;
// `use1-wl1-bos-wlz1`
const WAVELENGTH_ID = /^([a-z]{2,5}\d)-wl\d-([a-z]{3,})-wlz(\d+)$/;
/** Classifies one whole token; undefined for anything that is not an AZ name or AZ ID. */
function classifyZone(text) {
    return classifyName(text) ?? classifyId(text);
}
function classifyName(text) {
    const az = AZ_NAME.exec(text);
    if (az)
        return { kind: 'name', text, region: az[1], zoneType: 'availability-zone' };
    const local = LOCAL_ZONE_NAME.exec(text);
    if (local)
        return { kind: 'name', text, region: local[1], zoneType: 'local-zone' };
    const wavelength = WAVELENGTH_NAME.exec(text);
    if (wavelength)
        return { kind: 'name', text, region: wavelength[1], zoneType: 'wavelength-zone' };
    return undefined;
}
function classifyId(text) {
    const az = AZ_ID.exec(text);
    if (az) {
        const prefix = az[1];
        return {
            kind: 'id',
            text,
            prefix,
            region: REGION_BY_PREFIX.get(prefix),
            zoneType: 'availability-zone',
            number: Number(az[2]),
        };
    }
    const local = LOCAL_ZONE_ID.exec(text) ?? WAVELENGTH_ID.exec(text);
    if (!local)
        return undefined;
    const prefix = local[1];
    // Only known prefixes: `abc1-xyz2-az3` shaped strings are otherwise too easy to collide with.
    const region = REGION_BY_PREFIX.get(prefix);
    if (!region)
        return undefined;
    const zoneType = text.includes('-wlz') ? 'wavelength-zone' : 'local-zone';
    return { kind: 'id', text, prefix, region, zoneType };
}
/** Splits a string value into tokens; an AZ must be a whole token, never part of an ARN or bucket name. */
const TOKEN_SEPARATOR = /[\s,;|"'`()[\]{}]+/;
/** AZ names and IDs that appear as whole tokens of a string (`"us-east-1a,us-east-1b"`). */
function zonesInText(text) {
    const matches = [];
    let offset = 0;
    for (const part of text.split(TOKEN_SEPARATOR)) {
        const at = part ? text.indexOf(part, offset) : offset;
        if (part) {
            const zone = classifyZone(part);
            if (zone)
                matches.push({ zone, offset: at });
            offset = at + part.length;
        }
    }
    return matches;
}
function isRegionMappedPerAccount(region) {
    return MAPPED.has(region);
}
/** For AZ names: false when the region's letters are known and this one is not among them. */
function zoneExists(zone) {
    if (!zone.region)
        return undefined;
    const info = REGIONS.get(zone.region);
    if (!info || zone.zoneType !== 'availability-zone')
        return undefined;
    if (zone.kind === 'name') {
        if (!info.letters)
            return undefined;
        return info.letters.includes(zone.text.slice(-1));
    }
    if (info.maxIdNumber === undefined || zone.number === undefined)
        return undefined;
    return zone.number >= 1 && zone.number <= info.maxIdNumber;
}
/** `us-east-1` -> `use1`, for suggestions like `use1-azN`. */
function idPrefixFor(region) {
    return REGIONS.get(region)?.idPrefix;
}
/**
 * A cheap test run on the raw text of every file before any parsing: files with no AZ-like token,
 * no AZ lookup and no region-derived name are never parsed (most of a repository).
 */
const CANDIDATE_PATTERN = /[a-z]-\d{1,2}[a-z]\b|[a-z]\d-az\d|-wlz-?\d|GetAZs|aws_availability_zones|[Rr]egion(?:\.name)?\}[a-z]\b/;
function mayContainZones(text) {
    return CANDIDATE_PATTERN.test(text);
}

;// CONCATENATED MODULE: ./actions/az-check/src/analysis.ts


const ID_PLACEHOLDER = '{AZ_ID}';
// Keys whose value says which region a file deploys to (Terraform providers, eksctl metadata, ...).
const REGION_KEYS = new Set([
    'region',
    'Region',
    'aws_region',
    'awsRegion',
    'aws-region',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
]);
// Free text the generic fallback leaves alone.
const PROSE_KEYS = new Set(['description', 'Description', 'comment', 'Comment']);
const REGION_REFERENCE = /region/i;
const AZ_LIST_SOURCE = /^data\.aws_availability_zones\.[^.[]+\.(names|zone_ids)/;
const INDEXED_AZ_PICK = /^data\.aws_availability_zones\.[^.[]+\.(names|zone_ids)\[\d+\]$/;
const SINGLE_LETTER_SUFFIX = /^[a-z](?![a-z0-9])/;
class Analysis {
    findings = [];
    claimed = new Set();
    claimedKeys = new Set();
    /** The one region the file deploys to, when it says so unambiguously. */
    fileRegion;
    constructor(roots) {
        this.fileRegion = inferRegion(roots);
    }
    claim(node) {
        this.claimed.add(node);
    }
    isClaimed(node) {
        return this.claimed.has(node);
    }
    add(finding) {
        this.findings.push(finding);
    }
    /**
     * Reports every AZ token in a value placed by `placement` (strings, lists, nested lists) and
     * claims the nodes. Returns true when it found at least one AZ name.
     */
    placementValue(node, placement) {
        if (!node)
            return false;
        let found = false;
        if (node.kind === 'list') {
            for (const item of node.items)
                found = this.placementValue(item, placement) || found;
            this.claim(node);
            return found;
        }
        if (node.kind !== 'scalar' || typeof node.value !== 'string')
            return false;
        this.claim(node);
        for (const { zone, loc } of tokensOf(node)) {
            if (this.invalidZone(zone, loc, placement.cfnLintIgnores))
                continue;
            if (zone.kind !== 'name')
                continue;
            found = true;
            this.add({
                ruleId: placement.rule,
                loc,
                zone,
                region: zone.region,
                message: `Hard-coded AZ name '${zone.text}' in ${placement.where}: ${regionNote(zone)}`,
                fix: placement.fix(zone),
                ...(placement.cfnLintIgnores ? { cfnLintIgnores: placement.cfnLintIgnores } : {}),
            });
        }
        return found;
    }
    /** AZ005/AZ006 for any token; true when the token was reported as invalid. */
    invalidZone(zone, loc, cfnLintIgnores) {
        const extra = cfnLintIgnores ? { cfnLintIgnores } : {};
        if (zoneExists(zone) === false) {
            const kind = zone.kind === 'name' ? 'AZ name' : 'AZ ID';
            this.add({
                ruleId: 'AZ006',
                loc,
                zone,
                ...(zone.region ? { region: zone.region } : {}),
                message: `${kind} '${zone.text}' does not exist in ${zone.region}`,
                fix: `Use a zone that exists in ${zone.region}: aws ec2 describe-availability-zones --region ${zone.region}`,
                ...extra,
            });
            return true;
        }
        if (zone.kind === 'id' && zone.region && this.fileRegion && zone.region !== this.fileRegion) {
            this.add({
                ruleId: 'AZ005',
                loc,
                zone,
                region: this.fileRegion,
                message: `AZ ID '${zone.text}' is in ${zone.region}, but this file deploys to ${this.fileRegion}`,
                fix: `Use an AZ ID of ${this.fileRegion} (${idPrefixFor(this.fileRegion) ?? 'its prefix'}-azN)`,
                ...extra,
            });
            return true;
        }
        return false;
    }
    /**
     * The fallback for every format: AZ tokens in any value or key not explained by a specific
     * rule, index-based picks (HCL traversals, CloudFormation Fn::Select over Fn::GetAZs) and
     * region-derived names, anywhere in the tree.
     */
    genericWalk(root, cfnLintIgnores) {
        const stack = [{ node: root, prose: false }];
        while (stack.length > 0) {
            const { node, prose } = stack.pop();
            if (prose)
                continue;
            this.accountDependentPick(node, cfnLintIgnores);
            if (node.kind === 'map')
                this.mapKeys(node, cfnLintIgnores);
            if (node.kind === 'list')
                this.nameList(node, cfnLintIgnores);
            if (node.kind === 'scalar' && !this.isClaimed(node))
                this.looseScalar(node, 'AZ007', cfnLintIgnores);
            if (node.kind === 'map') {
                for (const e of node.entries)
                    stack.push({ node: e.value, prose: PROSE_KEYS.has(e.key) });
            }
            else {
                for (const c of children(node))
                    stack.push({ node: c, prose: false });
            }
        }
    }
    mapKeys(node, cfnLintIgnores) {
        for (const e of node.entries) {
            const zones = zonesInText(e.key);
            const key = `${e.keyLoc.line}:${e.keyLoc.column}`;
            if (zones.length !== 1 || zones[0].zone.text !== e.key || this.claimedKeys.has(key))
                continue;
            this.claimedKeys.add(key);
            const zone = zones[0].zone;
            if (this.invalidZone(zone, e.keyLoc, cfnLintIgnores) || zone.kind !== 'name')
                continue;
            this.add({
                ruleId: 'AZ007',
                loc: e.keyLoc,
                zone,
                region: zone.region,
                message: `Hard-coded AZ name '${zone.text}' used as a key: ${regionNote(zone)}`,
                fix: 'Key the entry by AZ ID, or by a neutral name with the zone resolved per account',
                ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
            });
        }
    }
    /** A list made only of AZ names outside known attributes: a name list (AZ003). */
    nameList(node, cfnLintIgnores) {
        if (this.isClaimed(node) || node.items.length === 0)
            return;
        const allNames = node.items.every((item) => {
            const text = stringValue(item);
            const tokens = text === undefined ? [] : zonesInText(text);
            return tokens.length === 1 && tokens[0].zone.kind === 'name' && tokens[0].zone.text === text;
        });
        if (!allNames)
            return;
        for (const item of node.items)
            if (item.kind === 'scalar')
                this.looseScalar(item, 'AZ003', cfnLintIgnores);
    }
    looseScalar(node, rule, cfnLintIgnores) {
        this.placementValue(node, {
            rule,
            where: rule === 'AZ003' ? 'a list of AZ names' : 'a value',
            fix: (zone) => rule === 'AZ003'
                ? `List AZ IDs instead (${ID_PLACEHOLDER} for ${zone.text}) and resolve names where a resource needs them`
                : `Use the AZ ID (${ID_PLACEHOLDER}) or derive the name from it at deploy time`,
            ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
        });
    }
    /** AZ004: `names[0]`, `element(names, 0)`, `slice(names, ...)`, `Fn::Select` over `Fn::GetAZs`, `${region}a`. */
    accountDependentPick(node, cfnLintIgnores) {
        const description = describeAccountDependentPick(node);
        if (!description || this.isClaimed(node))
            return;
        this.claim(node);
        this.add({
            ruleId: 'AZ004',
            loc: node.loc,
            message: `${description}: the zone behind a name depends on the account, so this picks a different physical zone in each account`,
            fix: 'Pin zones by AZ ID where placement must match across accounts (shared subnets, peering); otherwise suppress with a reason',
            ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
        });
    }
}
/** Says what kind of account-dependent pick a node is, or undefined. */
function describeAccountDependentPick(node) {
    if (node.kind === 'expr') {
        if (node.form === 'traversal' && node.name && INDEXED_AZ_PICK.test(node.name)) {
            return `Index-based AZ pick ${node.name}`;
        }
        if (node.form === 'call' && (node.name === 'element' || node.name === 'slice')) {
            const [list, index] = node.children;
            const fromAzs = list?.kind === 'expr' && list.name !== undefined && AZ_LIST_SOURCE.test(list.name);
            if (fromAzs && (node.name === 'slice' || numberValue(index) !== undefined)) {
                return `Index-based AZ pick ${node.text.replace(/\s+/g, ' ')}`;
            }
        }
        if (node.form === 'template' && regionThenLetter(node.children)) {
            return `AZ name built from the region (${node.text})`;
        }
        return undefined;
    }
    if (node.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const only = node.entries[0];
    if (only.key === 'Fn::Select')
        return cfnSelectOverGetAzs(only.value);
    if (only.key === 'Fn::Sub')
        return cfnSubRegionLetter(only.value);
    if (only.key === 'Fn::Join')
        return cfnJoinRegionLetter(only.value);
    return undefined;
}
function regionThenLetter(parts) {
    for (let i = 0; i + 1 < parts.length; i += 1) {
        const current = parts[i];
        const nextText = stringValue(parts[i + 1]);
        const isRegion = current.kind === 'expr' && REGION_REFERENCE.test(current.text);
        if (isRegion && nextText !== undefined && SINGLE_LETTER_SUFFIX.test(nextText))
            return true;
    }
    return false;
}
function cfnSelectOverGetAzs(value) {
    if (value.kind !== 'list')
        return undefined;
    const [index, list] = value.items;
    const overGetAzs = list?.kind === 'map' && list.entries.some((e) => e.key === 'Fn::GetAZs');
    if (!overGetAzs)
        return undefined;
    return `Index-based AZ pick Fn::Select [${numberValue(index) ?? '?'}, Fn::GetAZs]`;
}
function cfnSubRegionLetter(value) {
    const text = stringValue(value) ?? (value.kind === 'list' ? stringValue(value.items[0]) : undefined);
    if (text && /\$\{AWS::Region\}[a-z](?![a-z0-9])/.test(text))
        return `AZ name built from the region (${text})`;
    return undefined;
}
function cfnJoinRegionLetter(value) {
    if (value.kind !== 'list')
        return undefined;
    const parts = value.items[1];
    if (parts?.kind !== 'list')
        return undefined;
    for (let i = 0; i + 1 < parts.items.length; i += 1) {
        const ref = parts.items[i];
        const isRegion = ref.kind === 'map' && stringValue(ref.entries[0]?.value) === 'AWS::Region';
        const next = stringValue(parts.items[i + 1]);
        if (isRegion && next !== undefined && SINGLE_LETTER_SUFFIX.test(next))
            return 'AZ name built from the region (Fn::Join)';
    }
    return undefined;
}
/** Each AZ token of a string scalar with its exact location. */
function tokensOf(node) {
    if (typeof node.value !== 'string')
        return [];
    return zonesInText(node.value).map(({ zone, offset }) => ({
        zone,
        loc: node.contentStart
            ? {
                line: node.contentStart.line,
                column: node.contentStart.column + offset,
                endLine: node.contentStart.line,
                endColumn: node.contentStart.column + offset + zone.text.length,
            }
            : node.loc,
    }));
}
function regionNote(zone) {
    if (zone.kind === 'name' && zone.zoneType !== 'availability-zone') {
        return `${zone.zoneType === 'local-zone' ? 'Local Zone' : 'Wavelength Zone'} names are account-scoped labels; the zone ID is stable`;
    }
    return zone.region && isRegionMappedPerAccount(zone.region)
        ? `${zone.region} maps AZ names to physical zones per account, so this is a different zone in another account`
        : `${zone.region ?? 'this region'} maps names uniformly today, but only AZ IDs are guaranteed stable across accounts`;
}
/** The region a file deploys to: explicit region settings first, then the regions of its AZ names. */
function inferRegion(roots) {
    const explicit = new Set();
    const fromNames = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.kind === 'map') {
            for (const e of node.entries) {
                const value = stringValue(e.value);
                if (value && REGION_KEYS.has(e.key) && REGION_PATTERN.test(value))
                    explicit.add(value);
            }
        }
        if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.length < 512) {
            for (const { zone } of zonesInText(node.value))
                if (zone.kind === 'name')
                    fromNames.add(zone.region);
        }
        stack.push(...children(node));
    }
    const hints = explicit.size > 0 ? explicit : fromNames;
    return hints.size === 1 ? [...hints][0] : undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./actions/az-check/src/cloudformation.ts


/**
 * CloudFormation and SAM templates (YAML short tags are already in long form), including CDK's
 * synthesized `cdk.out/*.template.json`. cfn-lint's `Metadata: cfn-lint: config: ignore_checks`
 * is honoured at template and resource level, so teams that already silenced W3010 are not asked
 * twice.
 */
const ZONE_PROPERTY = /^(Preferred)?AvailabilityZones?(Name)?$/;
const SUBNET_TYPE = 'AWS::EC2::Subnet';
const RESOURCE_TYPE = /^(AWS|Custom|Alexa)::/;
function isCloudFormation(root) {
    if (root.kind !== 'map')
        return false;
    if (child(root, 'AWSTemplateFormatVersion') !== undefined)
        return true;
    const transform = asList(child(root, 'Transform')).map(stringValue);
    if (transform.some((t) => t?.startsWith('AWS::Serverless')))
        return true;
    const resources = child(root, 'Resources');
    if (resources?.kind !== 'map')
        return false;
    return resources.entries.some((e) => RESOURCE_TYPE.test(stringValue(child(e.value, 'Type')) ?? ''));
}
/** cfn-lint checks ignored by a `Metadata` node. */
function cfnLintIgnoredChecks(metadata) {
    const checks = child(child(child(metadata, 'cfn-lint'), 'config'), 'ignore_checks');
    return asList(checks)
        .map(stringValue)
        .filter((check) => check !== undefined);
}
function analyzeCloudFormation(root, analysis) {
    if (root.kind !== 'map')
        return;
    const templateIgnores = cfnLintIgnoredChecks(child(root, 'Metadata'));
    const resources = child(root, 'Resources');
    if (resources?.kind === 'map') {
        for (const e of resources.entries) {
            const ignores = [...templateIgnores, ...cfnLintIgnoredChecks(child(e.value, 'Metadata'))];
            const type = stringValue(child(e.value, 'Type')) ?? 'resource';
            const properties = child(e.value, 'Properties');
            if (properties?.kind === 'map')
                zoneProperties(properties, type, e.key, ignores, analysis);
            analysis.genericWalk(e.value, ignores);
        }
    }
    for (const section of ['Mappings', 'Parameters']) {
        const node = child(root, section);
        if (node)
            nameLists(node, section, templateIgnores, analysis);
    }
    analysis.genericWalk(root, templateIgnores);
}
function zoneProperties(properties, type, logicalId, ignores, analysis) {
    for (const e of properties.entries) {
        if (ZONE_PROPERTY.test(e.key)) {
            const placement = {
                ...(type === SUBNET_TYPE && e.key === 'AvailabilityZone'
                    ? {
                        rule: 'AZ001',
                        fix: () => `Use AvailabilityZoneId: ${ID_PLACEHOLDER} instead of AvailabilityZone`,
                    }
                    : {
                        rule: 'AZ002',
                        fix: () => 'This property takes names only: create the subnet with AvailabilityZoneId and use !GetAtt <Subnet>.AvailabilityZone, ' +
                            'place by SubnetId / VPCZoneIdentifier, or take the name from a per-account parameter of type AWS::EC2::AvailabilityZone::Name',
                    }),
                where: `${e.key} of ${logicalId} (${type})`,
                cfnLintIgnores: ignores,
            };
            analysis.placementValue(e.value, placement);
            continue;
        }
        for (const nested of asList(e.value)) {
            if (nested.kind === 'map')
                zoneProperties(nested, type, logicalId, ignores, analysis);
        }
    }
}
/** Every string in Mappings and parameter defaults is a name-list entry (AZ003). */
function nameLists(node, section, ignores, analysis) {
    const stack = [node];
    while (stack.length > 0) {
        const current = stack.pop();
        if (current.kind === 'map') {
            for (const e of current.entries) {
                if (section === 'Parameters' && (e.key === 'Description' || e.key === 'AllowedPattern'))
                    continue;
                stack.push(e.value);
            }
        }
        else if (current.kind === 'list') {
            stack.push(...current.items);
        }
        else if (current.kind === 'scalar') {
            analysis.placementValue(current, {
                rule: 'AZ003',
                where: section === 'Mappings' ? 'Mappings' : 'a parameter default or allowed value',
                fix: () => `Map AZ IDs (${ID_PLACEHOLDER}) and create subnets with AvailabilityZoneId; read names back with !GetAtt <Subnet>.AvailabilityZone`,
                cfnLintIgnores: ignores,
            });
        }
    }
}

;// CONCATENATED MODULE: ./actions/az-check/src/kubernetes.ts


/**
 * Kubernetes manifests, Helm values, Karpenter NodePools and eksctl configs. Zone labels appear in
 * nodeSelector and node labels (`label: zone`), and in node affinity, Karpenter requirements and
 * similar selectors (`{key: label, operator: In, values: [...]}`). EKS nodes also carry
 * `topology.k8s.aws/zone-id`, which Karpenter and the scheduler accept the same way.
 */
const ZONE_LABELS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);
const ZONE_ID_LABEL = 'topology.k8s.aws/zone-id';
const EKSCTL_API = /^eksctl\.io\//;
const EKSCTL_NODE_GROUPS = ['nodeGroups', 'managedNodeGroups'];
const CDK_AZ_CONTEXT = /^availability-zones:account=(\d+):region=([a-z0-9-]+)/;
function analyzeKubernetes(root, analysis) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.kind === 'map')
            zoneSelectors(node, analysis);
        if (node.kind === 'map')
            for (const e of node.entries)
                stack.push(e.value);
        if (node.kind === 'list')
            stack.push(...node.items);
    }
}
function zoneSelectors(node, analysis) {
    for (const e of node.entries) {
        if (!ZONE_LABELS.has(e.key))
            continue;
        analysis.placementValue(e.value, {
            rule: 'AZ001',
            where: `the ${e.key} label`,
            fix: () => `Select by ${ZONE_ID_LABEL}: "${ID_PLACEHOLDER}"`,
        });
    }
    const key = stringValue(child(node, 'key'));
    if (key && ZONE_LABELS.has(key)) {
        analysis.placementValue(child(node, 'values'), {
            rule: 'AZ001',
            where: `a ${key} selector`,
            fix: () => `Use key: ${ZONE_ID_LABEL} with values: ["${ID_PLACEHOLDER}"]`,
        });
    }
}
function isEksctlConfig(root) {
    return EKSCTL_API.test(stringValue(child(root, 'apiVersion')) ?? '');
}
function analyzeEksctl(root, analysis) {
    const fix = () => `eksctl takes AZ names: generate this list per account from the AZ IDs (aws ec2 describe-availability-zones --zone-ids ${ID_PLACEHOLDER}), or give existing subnets by ID under vpc.subnets`;
    analysis.placementValue(child(root, 'availabilityZones'), {
        rule: 'AZ003',
        where: 'availabilityZones',
        fix,
    });
    for (const groups of EKSCTL_NODE_GROUPS) {
        for (const group of asList(child(root, groups))) {
            const name = stringValue(child(group, 'name')) ?? '?';
            analysis.placementValue(child(group, 'availabilityZones'), {
                rule: 'AZ003',
                where: `availabilityZones of ${groups} ${name}`,
                fix,
            });
        }
    }
}
/** `cdk.context.json`: cached AZ lookups, keyed by account and region. */
function analyzeCdkContext(root, analysis) {
    if (root.kind !== 'map')
        return;
    for (const e of root.entries) {
        const match = CDK_AZ_CONTEXT.exec(e.key);
        if (!match)
            continue;
        analysis.placementValue(e.value, {
            rule: 'AZ003',
            where: `the CDK context lookup for account ${match[1]} in ${match[2]}`,
            fix: () => `These names are right for account ${match[1]} only: in stacks deployed to several accounts, create subnets with availabilityZoneId ("${ID_PLACEHOLDER}") instead of relying on cached names`,
        });
    }
}

;// CONCATENATED MODULE: ./actions/az-check/src/terraform.ts


/**
 * Terraform rules over the `.tf.json` shape (which `.tf` files are parsed into): resources, data
 * sources, module inputs, variable defaults and tfvars. `terraform show -json` plans are mapped to
 * the same shape from their `configuration` section (what the author wrote), not from planned
 * values, which also hold every computed zone name of existing resources.
 */
/** Resource attributes that have an AZ ID twin: the fix names the twin. */
const ID_ATTRIBUTES = {
    aws_subnet: { availability_zone: 'availability_zone_id' },
};
/** Data sources whose name arguments have ID twins. */
const DATA_ID_ARGUMENTS = {
    aws_availability_zone: { name: 'zone_id' },
    aws_availability_zones: { exclude_names: 'exclude_zone_ids' },
    aws_subnet: { availability_zone: 'availability_zone_id' },
};
/** EC2 Describe* filters that have an AZ ID twin, by data source. */
const ID_FILTERS = {
    aws_availability_zones: { 'zone-name': 'zone-id' },
    aws_subnet: { 'availability-zone': 'availability-zone-id' },
    aws_subnets: { 'availability-zone': 'availability-zone-id' },
    aws_subnet_ids: { 'availability-zone': 'availability-zone-id' },
};
// Any attribute that names zones: availability_zone(s), preferred_availability_zones,
// availability_zone_name (EFS One Zone), secondary_availability_zone ...
const ZONE_ATTRIBUTE = /(^|_)availability_zones?(_name)?$/;
const VPC_MODULE_SOURCE = /terraform-aws-modules\/vpc\//;
function nameOnlyFix(zone) {
    return (`This field takes names only: resolve it from an AZ ID with data "aws_availability_zone" "zone" { zone_id = "${ID_PLACEHOLDER}" } ` +
        `and use data.aws_availability_zone.zone.name (the ID of ${zone.text} differs per account), or place the resource by subnet_id`);
}
/** Maps of `key -> map`, whether written as HCL blocks, JSON objects or JSON arrays of objects. */
function maps(node) {
    return asList(node).filter((n) => n.kind === 'map');
}
/** Every `type -> name -> body` of the top-level key (`resource`, `data`, `module` ...). */
function* labelled(root, key, depth) {
    for (const e of root.entries) {
        if (e.key !== key)
            continue;
        for (const level1 of maps(e.value)) {
            for (const first of level1.entries) {
                if (depth === 1) {
                    for (const body of maps(first.value))
                        yield { labels: [first.key], body };
                    continue;
                }
                for (const level2 of maps(first.value)) {
                    for (const second of level2.entries) {
                        for (const body of maps(second.value))
                            yield { labels: [first.key, second.key], body };
                    }
                }
            }
        }
    }
}
function analyzeTerraform(root, analysis) {
    if (root.kind !== 'map')
        return;
    for (const { labels, body } of labelled(root, 'resource', 2))
        resource(labels[0], labels[1], body, analysis);
    for (const { labels, body } of labelled(root, 'data', 2))
        dataSource(labels[0], labels[1], body, analysis);
    for (const { labels, body } of labelled(root, 'module', 1))
        moduleCall(labels[0], body, analysis);
    for (const { labels, body } of labelled(root, 'variable', 1))
        variable(labels[0], body, analysis);
}
function resource(type, name, body, analysis) {
    zoneAttributes(body, `${type}.${name}`, analysis, (attribute) => {
        const twin = ID_ATTRIBUTES[type]?.[attribute];
        if (twin) {
            return { rule: 'AZ001', fix: () => `Use ${twin} = "${ID_PLACEHOLDER}" instead of ${attribute}` };
        }
        return { rule: 'AZ002', fix: nameOnlyFix };
    });
}
/** Walks a body and its nested blocks (placement, launch_template ...) for zone attributes. */
function zoneAttributes(body, address, analysis, placementFor) {
    for (const e of body.entries) {
        if (ZONE_ATTRIBUTE.test(e.key)) {
            analysis.placementValue(e.value, { ...placementFor(e.key), where: `${e.key} of ${address}` });
        }
        else {
            for (const nested of maps(e.value))
                zoneAttributes(nested, address, analysis, placementFor);
        }
    }
}
function dataSource(type, name, body, analysis) {
    const address = `data.${type}.${name}`;
    for (const e of body.entries) {
        const twin = DATA_ID_ARGUMENTS[type]?.[e.key];
        if (twin) {
            analysis.placementValue(e.value, {
                rule: 'AZ001',
                where: `${e.key} of ${address}`,
                fix: () => `Use ${twin} = ${e.key.endsWith('s') ? `["${ID_PLACEHOLDER}"]` : `"${ID_PLACEHOLDER}"`} instead of ${e.key}`,
            });
        }
    }
    for (const filter of maps(child(body, 'filter'))) {
        const filterName = stringValue(child(filter, 'name'));
        if (!filterName)
            continue;
        const twin = ID_FILTERS[type]?.[filterName];
        analysis.placementValue(child(filter, 'values'), {
            rule: twin ? 'AZ001' : 'AZ002',
            where: `filter "${filterName}" of ${address}`,
            fix: twin ? () => `Filter by name = "${twin}" with values = ["${ID_PLACEHOLDER}"]` : nameOnlyFix,
        });
    }
}
function moduleCall(name, body, analysis) {
    const source = stringValue(child(body, 'source')) ?? '';
    const acceptsIds = VPC_MODULE_SOURCE.test(source);
    for (const e of body.entries) {
        if (e.key === 'source' || e.key === 'version')
            continue;
        analysis.placementValue(e.value, {
            rule: 'AZ003',
            where: `input ${e.key} of module.${name}`,
            fix: acceptsIds
                ? () => `terraform-aws-modules/vpc accepts AZ IDs in ${e.key}: use "${ID_PLACEHOLDER}"`
                : () => `Pass AZ IDs ("${ID_PLACEHOLDER}") and resolve names inside the module with data "aws_availability_zone" { zone_id = ... }`,
        });
    }
}
function variable(name, body, analysis) {
    analysis.placementValue(child(body, 'default'), {
        rule: 'AZ003',
        where: `the default of variable "${name}"`,
        fix: () => `Default to AZ IDs ("${ID_PLACEHOLDER}"), or leave no default and set it per account`,
    });
}
/** tfvars and terragrunt inputs: top-level values are module inputs. */
function analyzeVariableValues(root, analysis) {
    if (root.kind !== 'map')
        return;
    const bodies = [root, ...maps(child(root, 'inputs'))];
    for (const body of bodies) {
        for (const e of body.entries) {
            analysis.placementValue(e.value, {
                rule: 'AZ003',
                where: `the value of ${e.key}`,
                fix: () => `Set AZ IDs ("${ID_PLACEHOLDER}") and resolve names where a resource needs them`,
            });
        }
    }
}
const PLAN_SECTIONS = ['configuration', 'planned_values', 'resource_changes', 'prior_state'];
/** `terraform show -json`: true when the document looks like a plan. */
function isTerraformPlan(root) {
    return (root.kind === 'map' &&
        child(root, 'format_version') !== undefined &&
        PLAN_SECTIONS.some((section) => child(root, section) !== undefined));
}
/**
 * Plans hold what the author wrote under `configuration` as `{constant_value: ...}` per
 * expression. Converting those back to the `.tf.json` shape lets the same rules run; positions
 * stay those of the plan file.
 */
function analyzeTerraformPlan(root, analysis) {
    const rootModule = child(child(root, 'configuration'), 'root_module');
    planModule(rootModule, analysis);
    const variables = child(root, 'variables');
    if (variables?.kind === 'map') {
        for (const e of variables.entries) {
            analysis.placementValue(child(e.value, 'value'), {
                rule: 'AZ003',
                where: `the value of variable "${e.key}"`,
                fix: () => `Set AZ IDs ("${ID_PLACEHOLDER}") and resolve names where a resource needs them`,
            });
        }
    }
}
function planModule(module, analysis, depth = 0) {
    if (module?.kind !== 'map' || depth > 32)
        return;
    for (const item of asList(child(module, 'resources'))) {
        const type = stringValue(child(item, 'type'));
        const name = stringValue(child(item, 'name')) ?? '?';
        const body = constantValues(child(item, 'expressions'));
        if (!type || body?.kind !== 'map')
            continue;
        const mode = stringValue(child(item, 'mode'));
        if (mode === 'data')
            dataSource(type, name, body, analysis);
        else
            resource(type, name, body, analysis);
    }
    const calls = child(module, 'module_calls');
    if (calls?.kind !== 'map')
        return;
    for (const call of calls.entries) {
        const body = constantValues(child(call.value, 'expressions'));
        const source = child(call.value, 'source');
        if (body?.kind === 'map') {
            moduleCall(call.key, {
                ...body,
                entries: [
                    ...(source ? [{ key: 'source', keyLoc: source.loc, value: source }] : []),
                    ...body.entries,
                ],
            }, analysis);
        }
        planModule(child(call.value, 'module'), analysis, depth + 1);
    }
}
/** `{attr: {constant_value: v}, block: [{...}]}` -> `{attr: v, block: [{...}]}`; references dropped. */
function constantValues(node) {
    if (!node)
        return undefined;
    if (node.kind === 'list') {
        return { ...node, items: node.items.map(constantValues).filter((n) => n !== undefined) };
    }
    if (node.kind !== 'map')
        return undefined;
    const constant = child(node, 'constant_value');
    if (constant)
        return constant;
    // `{references: [...]}`: an expression that is not a literal, nothing hard-coded to check.
    if (node.entries.length > 0 && node.entries.every((e) => e.key === 'references'))
        return undefined;
    const entries = node.entries
        .map((e) => ({ ...e, value: constantValues(e.value) }))
        .filter((e) => e.value !== undefined && !(e.value.kind === 'map' && e.value.entries.length === 0));
    return { ...node, entries };
}

;// CONCATENATED MODULE: ./actions/az-check/src/classify.ts






const TERRAFORM_BLOCKS = new Set([
    'resource',
    'module',
    'variable',
    'locals',
    'data',
    'provider',
    'terraform',
    'output',
]);
const TERRAFORM_DEFINING_BLOCKS = ['resource', 'module', 'variable', 'locals', 'data'];
function classifyDocument(path, format, root, helm) {
    if (format === 'terraform-json')
        return 'terraform';
    if (format === 'terraform-vars-json')
        return 'terraform-vars';
    if (isTerraformPlan(root))
        return 'terraform-plan';
    if (isCloudFormation(root))
        return 'cloudformation';
    if ((0,external_node_path_.basename)(path) === 'cdk.context.json')
        return 'cdk-context';
    if (isKubernetesObject(root))
        return 'kubernetes';
    if (helm !== undefined || selectsByZoneLabel(root))
        return 'helm-values';
    if (isTerraformJson(root))
        return 'terraform';
    if (isServerless(root))
        return 'serverless';
    return 'other';
}
/** `apiVersion` and `kind`: Kubernetes objects, and the eksctl and Karpenter configs shaped like them. */
function isKubernetesObject(root) {
    return (stringValue(child(root, 'apiVersion')) !== undefined && stringValue(child(root, 'kind')) !== undefined);
}
/**
 * A Kubernetes zone label used as a key or a selector key: only Kubernetes scheduling reads it, so
 * the document is Kubernetes configuration (Helm values, kustomize patches) even without a kind.
 */
function selectsByZoneLabel(root) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.kind === 'map') {
            for (const e of node.entries) {
                if (ZONE_LABELS.has(e.key) || (e.key === 'key' && ZONE_LABELS.has(stringValue(e.value) ?? '')))
                    return true;
            }
        }
        stack.push(...children(node));
    }
    return false;
}
/** Only Terraform block types at the top, at least one that defines something. */
function isTerraformJson(root) {
    if (root.kind !== 'map' || root.entries.length === 0)
        return false;
    return (root.entries.every((e) => TERRAFORM_BLOCKS.has(e.key)) &&
        root.entries.some((e) => TERRAFORM_DEFINING_BLOCKS.includes(e.key)));
}
/** serverless.yml: `service` plus an AWS `provider` (its `resources` are CloudFormation). */
function isServerless(root) {
    const provider = child(root, 'provider');
    return child(root, 'service') !== undefined && stringValue(child(provider, 'name')) === 'aws';
}
// Text shapes of IaC, for files that did not parse (no tree to classify).
const IAC_TEXT = [
    /AWSTemplateFormatVersion/,
    /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/,
    /^\s*["']?apiVersion["']?\s*:[\s\S]*^\s*["']?kind["']?\s*:/m,
    /^\s*["']?kind["']?\s*:[\s\S]*^\s*["']?apiVersion["']?\s*:/m,
    /"(resource|module|variable|data)"\s*:\s*\{/,
    /"format_version"\s*:/,
];
/** Whether a JSON or YAML file that failed to parse looks like IaC: its line scan is then a real finding. */
function looksLikeIac(path, text, helm) {
    if (helm !== undefined || (0,external_node_path_.basename)(path) === 'cdk.context.json')
        return true;
    return IAC_TEXT.some((pattern) => pattern.test(text));
}
/**
 * The file's role in the nearest Helm chart above it (a folder with `Chart.yaml`), or undefined.
 * A `templates/` folder alone is not a chart. `charts` caches each folder's answer.
 */
function helmRole(root, file, charts) {
    let folder = external_node_path_.posix.dirname(file);
    for (;;) {
        let isChart = charts.get(folder);
        if (isChart === undefined) {
            isChart = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, folder, 'Chart.yaml'));
            charts.set(folder, isChart);
        }
        if (isChart) {
            const inside = folder === '.' ? file : file.slice(folder.length + 1);
            return inside.startsWith('templates/') ? 'template' : 'chart-file';
        }
        if (folder === '.' || folder === '/' || folder === '')
            return undefined;
        folder = external_node_path_.posix.dirname(folder);
    }
}

;// CONCATENATED MODULE: ./actions/az-check/src/yaml-tree.ts


/**
 * YAML and JSON into the positioned tree. JSON goes through the same parser (JSON is YAML 1.2),
 * so both share one converter and one set of positions.
 *
 * CloudFormation short tags (`!Ref`, `!GetAZs`, `!Select`, `!Sub`, ...) are declared as custom tags
 * in all three shapes (scalar, sequence, mapping) so the parser accepts them without warnings, and
 * the converter rewrites them to the long form (`{"Fn::Select": [...]}`) that JSON templates use:
 * the CloudFormation rules then see one form only.
 */
class ParseError extends Error {
    line;
    column;
    name = 'ParseError';
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
const CFN_FUNCTIONS = [
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'And',
    'Equals',
    'If',
    'Not',
    'Or',
    'Length',
    'ToJsonString',
    'ForEach',
];
// Short forms whose long form is not `Fn::<Name>`.
const LONG_FORM_EXCEPTIONS = { Ref: 'Ref', Condition: 'Condition' };
function longForm(tag) {
    const name = tag.startsWith('!') ? tag.slice(1) : undefined;
    if (!name)
        return undefined;
    return LONG_FORM_EXCEPTIONS[name] ?? (CFN_FUNCTIONS.includes(name) ? `Fn::${name}` : undefined);
}
const identity = (value) => value;
/** Every CloudFormation short tag, in scalar, sequence and mapping forms. */
const CFN_TAGS = [...CFN_FUNCTIONS, 'Ref', 'Condition'].flatMap((name) => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq', resolve: identity },
    { tag: `!${name}`, collection: 'map', resolve: identity },
]);
/** Parses every document of a YAML (or JSON) file; throws ParseError on the first syntax error. */
function parseYamlDocuments(text) {
    const lines = new LineIndex(text);
    const documents = (0,dist/* parseAllDocuments */.hR)(text, {
        customTags: CFN_TAGS,
        uniqueKeys: false,
        strict: false,
        prettyErrors: true,
    });
    const list = Array.isArray(documents) ? documents : [documents];
    const trees = [];
    for (const document of list) {
        const error = document.errors[0];
        if (error) {
            const position = error.linePos?.[0] ?? { line: 1, col: 1 };
            throw new ParseError(error.message.split('\n', 1)[0] ?? 'YAML syntax error', position.line, position.col);
        }
        if (document.contents)
            trees.push(new Converter(lines).convert(document.contents));
    }
    return trees;
}
class Converter {
    lines;
    constructor(lines) {
        this.lines = lines;
    }
    loc(node) {
        const range = node?.range;
        return range ? this.lines.loc(range[0], range[1]) : NO_LOC;
    }
    convert(node) {
        const converted = this.convertPlain(node);
        const long = node.tag ? longForm(node.tag) : undefined;
        if (!long)
            return converted;
        // `!Select [0, !GetAZs ""]` -> `{"Fn::Select": [0, {"Fn::GetAZs": ""}]}`, same positions.
        return {
            kind: 'map',
            loc: converted.loc,
            entries: [{ key: long, keyLoc: converted.loc, value: converted }],
        };
    }
    convertPlain(node) {
        if ((0,dist/* isScalar */.jn)(node))
            return this.scalar(node);
        if ((0,dist/* isMap */.jh)(node)) {
            const entries = [];
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = pair.key;
                const keyText = (0,dist/* isScalar */.jn)(key) ? String(key.value) : undefined;
                if (keyText === undefined || !pair.value)
                    continue;
                entries.push({ key: keyText, keyLoc: this.loc(key), value: this.convert(pair.value) });
            }
            return { kind: 'map', entries, loc: this.loc(node) };
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            const items = node.items.filter(Boolean).map((item) => this.convert(item));
            return { kind: 'list', items, loc: this.loc(node) };
        }
        if ((0,dist/* isAlias */.Vj)(node)) {
            return { kind: 'expr', form: 'other', text: `*${node.source}`, children: [], loc: this.loc(node) };
        }
        return { kind: 'scalar', value: null, loc: this.loc(node) };
    }
    scalar(node) {
        const loc = this.loc(node);
        const raw = node.value;
        const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null
            ? raw
            : String(raw);
        const result = { kind: 'scalar', value, loc };
        if (typeof value === 'string' && node.range) {
            const start = this.contentOffset(node, value);
            if (start !== undefined)
                result.contentStart = this.lines.position(start);
        }
        return result;
    }
    /** Offset of the string's first character when the source spells it verbatim on one line. */
    contentOffset(node, value) {
        const [start, end] = node.range;
        const source = this.lines.text.slice(start, end);
        if (value.includes('\n'))
            return undefined;
        if (node.type === dist/* Scalar */.X5.PLAIN && source === value)
            return start;
        if ((node.type === dist/* Scalar */.X5.QUOTE_DOUBLE || node.type === dist/* Scalar */.X5.QUOTE_SINGLE) &&
            source.slice(1, -1) === value) {
            return start + 1;
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./actions/az-check/src/hcl.ts


/** Deeper nesting than this is refused rather than risking the stack on hostile input. */
const MAX_NESTING_DEPTH = 256;
const PUNCTUATION = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '{', '}', '[', ']', '(', ')', '='];
const SINGLE_PUNCTUATION = new Set([...'<>!+-*/%?:.,']);
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;
const HEREDOC_START = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/;
class Lexer {
    text;
    lines;
    end;
    nesting;
    pos;
    comments = [];
    constructor(text, lines, start = 0, end = text.length, 
    /** Strings nested in interpolations nested in strings...: bounded like the parser's depth. */
    nesting = 0) {
        this.text = text;
        this.lines = lines;
        this.end = end;
        this.nesting = nesting;
        this.pos = start;
        if (nesting > MAX_NESTING_DEPTH)
            this.fail('Nesting too deep', start);
    }
    fail(message, at = this.pos) {
        const { line, column } = this.lines.position(at);
        throw new ParseError(message, line, column);
    }
    tokenize() {
        const tokens = [];
        for (;;) {
            const token = this.next();
            tokens.push(token);
            if (token.kind === 'eof')
                return tokens;
        }
    }
    next() {
        this.skipSpaceAndComments();
        const start = this.pos;
        if (start >= this.end)
            return { kind: 'eof', value: '', start, end: start };
        const ch = this.text[start];
        if (ch === '\n') {
            this.pos += 1;
            return { kind: 'newline', value: '\n', start, end: this.pos };
        }
        if (ch === '"')
            return this.quoted();
        if (ch === '<' && this.text[start + 1] === '<') {
            const heredoc = this.heredoc();
            if (heredoc)
                return heredoc;
        }
        if (/\d/.test(ch))
            return this.number();
        if (IDENT_START.test(ch))
            return this.identifier();
        for (const punct of PUNCTUATION) {
            if (this.text.startsWith(punct, start)) {
                this.pos += punct.length;
                return { kind: 'punct', value: punct, start, end: this.pos };
            }
        }
        if (SINGLE_PUNCTUATION.has(ch)) {
            this.pos += 1;
            return { kind: 'punct', value: ch, start, end: this.pos };
        }
        return this.fail(`Unexpected character '${ch}'`);
    }
    skipSpaceAndComments() {
        while (this.pos < this.end) {
            const ch = this.text[this.pos];
            // `~` is the template strip marker (`${~ x ~}`): layout, not meaning, for this checker.
            if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '~' || ch === '\uFEFF') {
                this.pos += 1;
            }
            else if (ch === '#' || (ch === '/' && this.text[this.pos + 1] === '/')) {
                this.lineComment();
            }
            else if (ch === '/' && this.text[this.pos + 1] === '*') {
                this.blockComment();
            }
            else {
                return;
            }
        }
    }
    lineComment() {
        const start = this.pos;
        let stop = this.text.indexOf('\n', start);
        if (stop < 0 || stop > this.end)
            stop = this.end;
        this.comments.push({ text: this.text.slice(start, stop), loc: this.lines.loc(start, stop) });
        this.pos = stop;
    }
    blockComment() {
        const start = this.pos;
        const close = this.text.indexOf('*/', start + 2);
        if (close < 0 || close + 2 > this.end)
            this.fail('Unterminated /* comment', start);
        this.pos = close + 2;
        this.comments.push({ text: this.text.slice(start, this.pos), loc: this.lines.loc(start, this.pos) });
    }
    number() {
        const start = this.pos;
        const match = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(start, Math.min(this.end, start + 64)));
        this.pos += match[0].length;
        return { kind: 'number', value: match[0], start, end: this.pos };
    }
    identifier() {
        const start = this.pos;
        this.pos += 1;
        while (this.pos < this.end && IDENT_PART.test(this.text[this.pos]))
            this.pos += 1;
        return { kind: 'ident', value: this.text.slice(start, this.pos), start, end: this.pos };
    }
    quoted() {
        const start = this.pos;
        const parts = this.template(start + 1, true);
        return { kind: 'string', value: '', start, end: this.pos, parts };
    }
    heredoc() {
        const start = this.pos;
        const header = HEREDOC_START.exec(this.text.slice(start, Math.min(this.end, start + 256)));
        if (!header)
            return undefined;
        const marker = header[2];
        const contentStart = start + header[0].length;
        let lineStart = contentStart;
        while (lineStart < this.end) {
            let lineEnd = this.text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > this.end)
                lineEnd = this.end;
            if (this.text.slice(lineStart, lineEnd).trim() === marker) {
                const limited = new Lexer(this.text, this.lines, contentStart, lineStart, this.nesting + 1);
                const parts = limited.template(contentStart, false);
                this.pos = lineEnd;
                return { kind: 'heredoc', value: marker, start, end: lineEnd, parts };
            }
            lineStart = lineEnd + 1;
        }
        return this.fail(`Unterminated heredoc <<${marker}`, start);
    }
    /**
     * Splits a template into literal runs and `${...}` / `%{...}` parts. Quoted templates end at
     * the closing quote (a newline is an error, as in HCL); heredoc templates at this lexer's end.
     */
    template(from, quoted) {
        const parts = [];
        let literalStart = from;
        let pos = from;
        const flush = (until) => {
            if (until > literalStart)
                parts.push({ kind: 'literal', start: literalStart, end: until });
        };
        while (pos < this.end) {
            const ch = this.text[pos];
            if (quoted && ch === '"') {
                flush(pos);
                this.pos = pos + 1;
                return parts;
            }
            if (quoted && ch === '\n')
                this.fail('Unterminated string: newline before the closing quote', pos);
            if (quoted && ch === '\\') {
                pos += 2;
                continue;
            }
            const opensTemplate = (ch === '$' || ch === '%') && this.text[pos + 1] === '{';
            if (opensTemplate &&
                this.text[pos - 1] === ch &&
                pos - 1 >= literalStart &&
                isEscapedMarker(this.text, pos)) {
                // `$${` and `%%{` are literal text.
                pos += 2;
                continue;
            }
            if (opensTemplate) {
                flush(pos);
                const close = this.interpolationEnd(pos + 2);
                parts.push({ kind: ch === '$' ? 'interpolation' : 'directive', start: pos + 2, end: close });
                pos = close + 1;
                literalStart = pos;
                continue;
            }
            pos += 1;
        }
        if (quoted)
            this.fail('Unterminated string', from - 1);
        flush(this.end);
        this.pos = this.end;
        return parts;
    }
    /** Offset of the `}` closing an interpolation that starts at `from` (nested braces and strings). */
    interpolationEnd(from) {
        let depth = 0;
        let pos = from;
        while (pos < this.end) {
            const ch = this.text[pos];
            if (ch === '"') {
                const nested = new Lexer(this.text, this.lines, pos, this.end, this.nesting + 1);
                nested.template(pos + 1, true);
                pos = nested.pos;
                continue;
            }
            if (ch === '{')
                depth += 1;
            if (ch === '}') {
                if (depth === 0)
                    return pos;
                depth -= 1;
            }
            pos += 1;
        }
        return this.fail('Unterminated interpolation ${', from - 2);
    }
}
function isEscapedMarker(text, pos) {
    // An odd run of `$` (or `%`) before `{` means the last one opens a template; even means escaped.
    let run = 0;
    for (let i = pos; i >= 0 && text[i] === text[pos]; i -= 1)
        run += 1;
    return run % 2 === 0;
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** Decodes a quoted-template literal run (`\n`, `\u00e9`, `$${` ...). */
function decodeLiteral(raw, quoted) {
    const unescaped = quoted
        ? raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, esc) => {
            if (esc.length > 1) {
                const point = Number.parseInt(esc.slice(1), 16);
                return point <= 0x10ffff ? String.fromCodePoint(point) : '';
            }
            return ESCAPES[esc] ?? esc;
        })
        : raw;
    return unescaped.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
/** Parses a whole `.tf` / `.tfvars` / `.hcl` file. Throws ParseError with a line and column. */
function parseHcl(text) {
    const lines = new LineIndex(text);
    const lexer = new Lexer(text, lines);
    const tokens = lexer.tokenize();
    const parser = new Parser(text, lines, tokens);
    const body = parser.body(true);
    return { body, comments: lexer.comments };
}
/** Parses one expression (used for interpolations, with absolute positions). */
function parseExpressionRange(text, lines, start, end, depth) {
    const lexer = new Lexer(text, lines, start, end);
    const parser = new Parser(text, lines, lexer.tokenize(), depth);
    return parser.standaloneExpression();
}
const BINARY_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%']);
class Parser {
    text;
    lines;
    tokens;
    depth;
    index = 0;
    /** Inside (), [] or {} of an expression newlines are layout; at attribute level they end it. */
    bracketDepth = 0;
    constructor(text, lines, tokens, depth = 0) {
        this.text = text;
        this.lines = lines;
        this.tokens = tokens;
        this.depth = depth;
    }
    fail(message, token = this.peekRaw()) {
        const { line, column } = this.lines.position(token.start);
        throw new ParseError(message, line, column);
    }
    peekRaw() {
        return this.tokens[Math.min(this.index, this.tokens.length - 1)];
    }
    peek() {
        if (this.bracketDepth > 0)
            while (this.peekRaw().kind === 'newline')
                this.index += 1;
        return this.peekRaw();
    }
    take() {
        const token = this.peek();
        if (token.kind !== 'eof')
            this.index += 1;
        return token;
    }
    isPunct(value) {
        const token = this.peek();
        return token.kind === 'punct' && token.value === value;
    }
    expect(value) {
        if (!this.isPunct(value))
            this.fail(`Expected '${value}' but found ${describe(this.peek())}`);
        return this.take();
    }
    skipNewlines() {
        while (this.peekRaw().kind === 'newline')
            this.index += 1;
    }
    enter() {
        this.depth += 1;
        if (this.depth > MAX_NESTING_DEPTH)
            this.fail('Nesting too deep');
    }
    leave() {
        this.depth -= 1;
    }
    loc(start, end) {
        return this.lines.loc(start, end);
    }
    /** A body: attributes and blocks until `}` (nested) or the end of the file (top level). */
    body(topLevel) {
        const entries = [];
        const first = this.peekRaw().start;
        for (;;) {
            this.skipNewlines();
            const token = this.peekRaw();
            if (token.kind === 'eof') {
                if (!topLevel)
                    this.fail("Missing '}' to close a block");
                break;
            }
            if (token.kind === 'punct' && token.value === '}') {
                if (topLevel)
                    this.fail("Unexpected '}'");
                break;
            }
            entries.push(this.bodyItem());
        }
        const last = this.tokens[Math.max(0, this.index - 1)];
        return { kind: 'map', entries, loc: this.loc(first, Math.max(first, last.end)) };
    }
    bodyItem() {
        const name = this.take();
        if (name.kind !== 'ident')
            this.fail(`Expected an attribute or block name but found ${describe(name)}`, name);
        const keyLoc = this.loc(name.start, name.end);
        if (this.isPunct('=')) {
            this.take();
            const value = this.expression();
            this.endOfItem();
            return { key: name.value, keyLoc, value };
        }
        return { key: name.value, keyLoc, value: this.block(name) };
    }
    endOfItem() {
        const token = this.peekRaw();
        if (token.kind === 'newline' || token.kind === 'eof')
            return;
        if (token.kind === 'punct' && token.value === '}')
            return;
        this.fail(`Expected a newline after the attribute but found ${describe(token)}`, token);
    }
    /** `type "label" label { body }` -> label -> label -> body, positions on each label. */
    block(name) {
        const labels = [];
        while (!this.isPunct('{')) {
            const label = this.take();
            if (label.kind === 'ident')
                labels.push({ key: label.value, loc: this.loc(label.start, label.end) });
            else if (label.kind === 'string')
                labels.push({ key: this.plainString(label), loc: this.loc(label.start, label.end) });
            else
                this.fail(`Expected a block label or '{' after '${name.value}' but found ${describe(label)}`, label);
        }
        const open = this.take();
        this.enter();
        const savedDepth = this.bracketDepth;
        this.bracketDepth = 0;
        let node = this.body(false);
        this.bracketDepth = savedDepth;
        this.leave();
        const close = this.expect('}');
        node.loc = this.loc(open.start, close.end);
        for (let i = labels.length - 1; i >= 0; i -= 1) {
            const label = labels[i];
            node = { kind: 'map', entries: [{ key: label.key, keyLoc: label.loc, value: node }], loc: node.loc };
        }
        this.endOfItem();
        return node;
    }
    plainString(token) {
        return (token.parts ?? [])
            .map((part) => part.kind === 'literal' ? decodeLiteral(this.text.slice(part.start, part.end), true) : '')
            .join('');
    }
    standaloneExpression() {
        this.bracketDepth = 1;
        const node = this.expression();
        if (this.peek().kind !== 'eof')
            this.fail(`Unexpected ${describe(this.peek())} in interpolation`);
        return node;
    }
    expression() {
        this.enter();
        try {
            const start = this.peek().start;
            const condition = this.binary();
            if (!this.isPunct('?'))
                return condition;
            this.take();
            const whenTrue = this.expression();
            this.expect(':');
            const whenFalse = this.expression();
            return this.other(start, [condition, whenTrue, whenFalse]);
        }
        finally {
            this.leave();
        }
    }
    binary() {
        const start = this.peek().start;
        const operands = [this.unary()];
        for (;;) {
            const token = this.peek();
            if (token.kind !== 'punct' || !BINARY_OPERATORS.has(token.value))
                break;
            this.take();
            operands.push(this.unary());
        }
        return operands.length === 1 ? operands[0] : this.other(start, operands);
    }
    unary() {
        const token = this.peek();
        if (token.kind === 'punct' && (token.value === '-' || token.value === '!')) {
            this.take();
            this.enter();
            const operand = this.unary();
            this.leave();
            return this.other(token.start, [operand]);
        }
        return this.postfix(this.primary(), token.start);
    }
    other(start, children) {
        const end = this.tokens[Math.max(0, this.index - 1)].end;
        return {
            kind: 'expr',
            form: 'other',
            text: this.text.slice(start, end),
            children,
            loc: this.loc(start, end),
        };
    }
    /** `.attr`, `[index]`, `.*`, `[*]` after an expression; a traversal keeps its dotted path. */
    postfix(base, start) {
        let node = base;
        for (;;) {
            const token = this.peek();
            if (token.kind !== 'punct' || (token.value !== '.' && token.value !== '['))
                return node;
            this.take();
            const indices = node.kind === 'expr' && node.form === 'traversal' ? [...node.children] : [node];
            if (token.value === '.') {
                const step = this.take();
                const isStep = step.kind === 'ident' || step.kind === 'number' || (step.kind === 'punct' && step.value === '*');
                if (!isStep)
                    this.fail(`Expected an attribute name after '.' but found ${describe(step)}`, step);
            }
            else if (this.isPunct('*')) {
                this.take();
                this.expect(']');
            }
            else {
                this.bracketDepth += 1;
                indices.push(this.expression());
                this.bracketDepth -= 1;
                this.expect(']');
            }
            const end = this.tokens[this.index - 1].end;
            const text = this.text.slice(start, end);
            node = {
                kind: 'expr',
                form: 'traversal',
                text,
                name: compact(text),
                children: indices,
                loc: this.loc(start, end),
            };
        }
    }
    primary() {
        const token = this.take();
        const loc = this.loc(token.start, token.end);
        switch (token.kind) {
            case 'number':
                return { kind: 'scalar', value: Number(token.value), loc };
            case 'string':
                return this.templateNode(token, true);
            case 'heredoc':
                return this.templateNode(token, false);
            case 'ident':
                return this.identifierExpression(token);
            case 'punct':
                if (token.value === '(')
                    return this.parenthesized();
                if (token.value === '[')
                    return this.tuple(token);
                if (token.value === '{')
                    return this.object(token);
                break;
            default:
                break;
        }
        return this.fail(`Expected an expression but found ${describe(token)}`, token);
    }
    identifierExpression(token) {
        const loc = this.loc(token.start, token.end);
        if (token.value === 'true' || token.value === 'false')
            return { kind: 'scalar', value: token.value === 'true', loc };
        if (token.value === 'null')
            return { kind: 'scalar', value: null, loc };
        if (this.isProviderFunction())
            return this.call(this.providerFunctionName(token));
        if (this.peekRaw().kind === 'punct' && this.peekRaw().value === '(')
            return this.call(token);
        return { kind: 'expr', form: 'traversal', text: token.value, name: token.value, children: [], loc };
    }
    /** `provider::aws::arn_parse(...)`: provider-defined functions (Terraform 1.8+). */
    isProviderFunction() {
        const [a, b] = [this.tokens[this.index], this.tokens[this.index + 1]];
        return a?.kind === 'punct' && a.value === ':' && b?.kind === 'punct' && b.value === ':';
    }
    providerFunctionName(first) {
        let end = first.end;
        while (this.isProviderFunction()) {
            this.index += 2;
            const part = this.take();
            if (part.kind !== 'ident')
                this.fail(`Expected a function name after '::' but found ${describe(part)}`, part);
            end = part.end;
        }
        if (!(this.peekRaw().kind === 'punct' && this.peekRaw().value === '('))
            this.fail("Expected '(' after a provider function name");
        return { kind: 'ident', value: this.text.slice(first.start, end), start: first.start, end };
    }
    call(name) {
        this.take();
        this.bracketDepth += 1;
        const args = [];
        while (!this.isPunct(')')) {
            args.push(this.expression());
            if (this.isPunct('...'))
                this.take();
            if (!this.isPunct(','))
                break;
            this.take();
        }
        this.bracketDepth -= 1;
        const close = this.expect(')');
        const text = this.text.slice(name.start, close.end);
        return {
            kind: 'expr',
            form: 'call',
            name: name.value,
            text,
            children: args,
            loc: this.loc(name.start, close.end),
        };
    }
    parenthesized() {
        this.bracketDepth += 1;
        const inner = this.expression();
        this.bracketDepth -= 1;
        this.expect(')');
        return inner;
    }
    tuple(open) {
        this.bracketDepth += 1;
        if (this.peek().kind === 'ident' && this.peek().value === 'for')
            return this.forExpression(open, ']');
        const items = [];
        while (!this.isPunct(']')) {
            items.push(this.expression());
            if (!this.isPunct(','))
                break;
            this.take();
        }
        this.bracketDepth -= 1;
        const close = this.expect(']');
        return { kind: 'list', items, loc: this.loc(open.start, close.end) };
    }
    object(open) {
        this.bracketDepth += 1;
        if (this.peek().kind === 'ident' && this.peek().value === 'for')
            return this.forExpression(open, '}');
        const entries = [];
        while (!this.isPunct('}')) {
            const keyToken = this.peek();
            const key = this.expression();
            if (!this.isPunct('=') && !this.isPunct(':'))
                this.fail(`Expected '=' or ':' after an object key but found ${describe(this.peek())}`);
            this.take();
            const value = this.expression();
            entries.push({ key: objectKey(key), keyLoc: this.loc(keyToken.start, keyToken.end), value });
            if (this.isPunct(','))
                this.take();
        }
        this.bracketDepth -= 1;
        const close = this.expect('}');
        return { kind: 'map', entries, loc: this.loc(open.start, close.end) };
    }
    /** `[for x in xs : f(x) if c]` / `{for k, v in m : k => v...}`: children are the sub-expressions. */
    forExpression(open, closer) {
        this.take();
        const children = [];
        for (;;) {
            const token = this.take();
            if (token.kind === 'ident' && token.value === 'in')
                break;
            if (token.kind !== 'ident' && !(token.kind === 'punct' && token.value === ',')) {
                this.fail(`Expected 'in' in a for expression but found ${describe(token)}`, token);
            }
        }
        children.push(this.expression());
        this.expect(':');
        children.push(this.expression());
        if (this.isPunct('=>')) {
            this.take();
            children.push(this.expression());
            if (this.isPunct('...'))
                this.take();
        }
        if (this.peek().kind === 'ident' && this.peek().value === 'if') {
            this.take();
            children.push(this.expression());
        }
        this.bracketDepth -= 1;
        const close = this.expect(closer);
        return {
            kind: 'expr',
            form: 'other',
            text: this.text.slice(open.start, close.end),
            children,
            loc: this.loc(open.start, close.end),
        };
    }
    /** A string or heredoc: a plain scalar when it has no interpolation, else a template node. */
    templateNode(token, quoted) {
        const parts = token.parts ?? [];
        const loc = this.loc(token.start, token.end);
        const hasExpressions = parts.some((part) => part.kind !== 'literal');
        if (!hasExpressions) {
            const raw = parts.map((part) => this.text.slice(part.start, part.end)).join('');
            const value = decodeLiteral(raw, quoted);
            const node = { kind: 'scalar', value, loc };
            if (quoted && raw === value && parts[0])
                node.contentStart = this.lines.position(parts[0].start);
            return node;
        }
        const children = parts.map((part) => this.templatePart(part, quoted));
        return { kind: 'expr', form: 'template', text: this.text.slice(token.start, token.end), children, loc };
    }
    templatePart(part, quoted) {
        const loc = this.loc(part.start, part.end);
        if (part.kind === 'literal') {
            const raw = this.text.slice(part.start, part.end);
            const value = decodeLiteral(raw, quoted);
            const node = { kind: 'scalar', value, loc };
            if (raw === value && !raw.includes('\n'))
                node.contentStart = this.lines.position(part.start);
            return node;
        }
        if (part.kind === 'directive') {
            // `%{ if ... }` / `%{ for ... }`: control flow, not values a placement check reads.
            return { kind: 'expr', form: 'other', text: this.text.slice(part.start, part.end), children: [], loc };
        }
        if (this.depth >= MAX_NESTING_DEPTH)
            this.fail('Nesting too deep');
        return parseExpressionRange(this.text, this.lines, part.start, part.end, this.depth + 1);
    }
}
/** An object key as Terraform reads it: bare names and strings literally, anything else by source. */
function objectKey(node) {
    if (node.kind === 'scalar')
        return String(node.value);
    return node.kind === 'expr' ? node.text : '';
}
/** Traversal source without layout: `data.x . names [ 0 ]` -> `data.x.names[0]`. */
function compact(text) {
    return text.replace(/\s+/g, '');
}
function describe(token) {
    if (token.kind === 'eof')
        return 'the end of the file';
    if (token.kind === 'newline')
        return 'a newline';
    if (token.kind === 'string' || token.kind === 'heredoc')
        return 'a string';
    return `'${token.value}'`;
}

;// CONCATENATED MODULE: ./actions/az-check/src/json-tree.ts

/**
 * A fast path for JSON files (CDK templates, CloudFormation JSON, plans, `.tf.json`): a small
 * recursive-descent parser that builds the same positioned tree as the YAML converter, about ten
 * times faster than parsing JSON as YAML 1.2. It accepts strict JSON only and returns undefined
 * for anything else (comments, a BOM, trailing commas, NaN, a syntax error); callers then use the
 * YAML parser, which also produces the diagnostics.
 */
const MAX_DEPTH = 512;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE_FREE = /[^"\\\u0000-\u001f]*/y;
class NotStrictJson extends Error {
}
function parseJsonTree(text) {
    try {
        const parser = new JsonParser(text);
        const root = parser.value(0);
        parser.skipWhitespace();
        return parser.atEnd() ? root : undefined;
    }
    catch (error) {
        if (error instanceof NotStrictJson)
            return undefined;
        throw error;
    }
}
class JsonParser {
    text;
    offset = 0;
    lines;
    constructor(text) {
        this.text = text;
        this.lines = new LineIndex(text);
    }
    atEnd() {
        return this.offset === this.text.length;
    }
    skipWhitespace() {
        while (WHITESPACE.has(this.text.charCodeAt(this.offset)))
            this.offset += 1;
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            throw new NotStrictJson();
        this.skipWhitespace();
        const ch = this.text[this.offset];
        if (ch === '{')
            return this.object(depth);
        if (ch === '[')
            return this.array(depth);
        if (ch === '"')
            return this.stringNode();
        return this.literal();
    }
    loc(start) {
        return this.lines.loc(start, this.offset);
    }
    expect(ch) {
        if (this.text[this.offset] !== ch)
            throw new NotStrictJson();
        this.offset += 1;
    }
    object(depth) {
        const start = this.offset;
        this.offset += 1;
        const entries = [];
        this.skipWhitespace();
        if (this.text[this.offset] === '}') {
            this.offset += 1;
            return { kind: 'map', entries, loc: this.loc(start) };
        }
        while (true) {
            this.skipWhitespace();
            const keyStart = this.offset;
            const key = this.string();
            const keyLoc = this.loc(keyStart);
            this.skipWhitespace();
            this.expect(':');
            entries.push({ key, keyLoc, value: this.value(depth + 1) });
            this.skipWhitespace();
            if (this.text[this.offset] === ',') {
                this.offset += 1;
                continue;
            }
            this.expect('}');
            return { kind: 'map', entries, loc: this.loc(start) };
        }
    }
    array(depth) {
        const start = this.offset;
        this.offset += 1;
        const items = [];
        this.skipWhitespace();
        if (this.text[this.offset] === ']') {
            this.offset += 1;
            return { kind: 'list', items, loc: this.loc(start) };
        }
        while (true) {
            items.push(this.value(depth + 1));
            this.skipWhitespace();
            if (this.text[this.offset] === ',') {
                this.offset += 1;
                continue;
            }
            this.expect(']');
            return { kind: 'list', items, loc: this.loc(start) };
        }
    }
    stringNode() {
        const start = this.offset;
        const value = this.string();
        const node = { kind: 'scalar', value, loc: this.loc(start) };
        // As the YAML converter: the characters are verbatim when the token is just quotes around them.
        if (!value.includes('\n') && this.offset - start === value.length + 2) {
            node.contentStart = this.lines.position(start + 1);
        }
        return node;
    }
    /** A JSON string token at the cursor; escapes decoded by JSON.parse on the token alone. */
    string() {
        if (this.text[this.offset] !== '"')
            throw new NotStrictJson();
        const start = this.offset;
        this.offset += 1;
        while (true) {
            ESCAPE_FREE.lastIndex = this.offset;
            ESCAPE_FREE.exec(this.text);
            this.offset = ESCAPE_FREE.lastIndex;
            const ch = this.text[this.offset];
            if (ch === '"') {
                this.offset += 1;
                const token = this.text.slice(start, this.offset);
                return token.includes('\\') ? decodeEscapes(token) : token.slice(1, -1);
            }
            if (ch !== '\\' || this.offset + 1 >= this.text.length)
                throw new NotStrictJson();
            this.offset += 2;
        }
    }
    literal() {
        const start = this.offset;
        for (const [word, value] of [
            ['true', true],
            ['false', false],
            ['null', null],
        ]) {
            if (this.text.startsWith(word, start)) {
                this.offset += word.length;
                return { kind: 'scalar', value, loc: this.loc(start) };
            }
        }
        NUMBER.lastIndex = start;
        const match = NUMBER.exec(this.text);
        if (!match)
            throw new NotStrictJson();
        this.offset = NUMBER.lastIndex;
        return { kind: 'scalar', value: Number(match[0]), loc: this.loc(start) };
    }
}
function decodeEscapes(token) {
    try {
        return JSON.parse(token);
    }
    catch {
        // An escape JSON does not have (`\T`): not strict JSON, so the YAML parser decides.
        throw new NotStrictJson();
    }
}

;// CONCATENATED MODULE: ./actions/az-check/src/scan-file.ts










// Helm helper files; YAML under a chart's templates/ is decided by the chart (see classify.ts).
const HELM_HELPERS = /(^|\/)templates\/[^/]+\.tpl$/;
/** Strict JSON starts with an object or array (a BOM or a comment sends the file to YAML). */
const LOOKS_LIKE_JSON = /^[ \t\r\n]*[[{]/;
/** The format for a path, or undefined for files az-check does not read. */
function formatOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.tf'))
        return 'terraform';
    if (lower.endsWith('.tfvars'))
        return 'terraform-vars';
    if (lower.endsWith('.hcl'))
        return 'terragrunt';
    if (lower.endsWith('.tf.json'))
        return 'terraform-json';
    if (lower.endsWith('.tfvars.json'))
        return 'terraform-vars-json';
    if (lower.endsWith('.json'))
        return 'json';
    if (HELM_HELPERS.test(lower))
        return 'helm-template';
    if (lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.template'))
        return 'yaml';
    return undefined;
}
function scanFileText(path, text, options, context = {}) {
    const byPath = formatOf(path) ?? 'yaml';
    const format = byPath === 'yaml' && context.helm === 'template' ? 'helm-template' : byPath;
    if (!mayContainZones(text))
        return { format, parsed: false, findings: [] };
    try {
        return { format, parsed: true, findings: analyze(path, format, text, options, context) };
    }
    catch (error) {
        // RangeError: a pathologically nested document exhausted the stack in a recursive step.
        const diagnostic = parseFailure(error);
        if (!diagnostic)
            throw error;
        // Not a pass: what could not be parsed is still searched line by line.
        const findings = lineScanFallback(text);
        const iac = STRUCTURED_FORMATS.has(format) ? looksLikeIac(path, text, context.helm) : true;
        return { format, parsed: true, findings: iac ? findings : findings.map(outsideIac), diagnostic };
    }
}
const STRUCTURED_FORMATS = new Set(['json', 'yaml']);
function parseFailure(error) {
    if (error instanceof RangeError)
        return { message: 'Nesting too deep', line: 1, column: 1 };
    if (error instanceof ParseError)
        return { message: error.message, line: error.line, column: error.column };
    return undefined;
}
/** AZ names on the code lines of a file that did not parse: AZ007, marked as a line scan. */
function lineScanFallback(text) {
    return lineScan(text, (zone) => ({
        ruleId: 'AZ007',
        message: `Hard-coded AZ name '${zone.text}' (found by a line scan: the file could not be parsed): ${regionNote(zone)}`,
        fix: `Use the AZ ID (${ID_PLACEHOLDER}) or derive the name from it at deploy time; fix the syntax so the file is checked in full`,
        lineScan: true,
    }));
}
function analyze(path, format, text, options, context) {
    switch (format) {
        case 'terraform':
        case 'terraform-vars':
        case 'terragrunt':
            return analyzeHcl(format, text, options);
        case 'helm-template':
            return scanTemplateText(text);
        default:
            return analyzeStructured(path, format, text, options, context);
    }
}
function analyzeHcl(format, text, options) {
    const { body, comments } = parseHcl(text);
    const analysis = new Analysis([body]);
    if (format === 'terraform')
        analyzeTerraform(body, analysis);
    else
        analyzeVariableValues(body, analysis);
    analysis.genericWalk(body);
    if (options.scanComments)
        commentFindings(comments, analysis);
    return analysis.findings;
}
function analyzeStructured(path, format, text, options, context) {
    const documents = parseStructured(text);
    const analysis = new Analysis(documents);
    let iac = false;
    for (const root of documents) {
        const kind = classifyDocument(path, format, root, context.helm);
        const first = analysis.findings.length;
        analyzeDocument(kind, root, analysis);
        if (kind === 'other')
            analysis.findings.splice(first, Infinity, ...analysis.findings.slice(first).map(outsideIac));
        else
            iac = true;
    }
    // Comments of a file that holds no IaC document are no more IaC than its values.
    if (options.scanComments && format === 'yaml') {
        const first = analysis.findings.length;
        commentFindings(yamlComments(text), analysis);
        if (!iac)
            analysis.findings.splice(first, Infinity, ...analysis.findings.slice(first).map(outsideIac));
    }
    return analysis.findings;
}
/** A finding in a file that matches no IaC shape: the generic AZ008 (off by default, never an error). */
function outsideIac(finding) {
    return {
        ...finding,
        ruleId: 'AZ008',
        message: `${finding.message} (in a file that is not recognised as infrastructure code)`,
    };
}
/** JSON through the fast path when it is strict JSON; everything else (and any doubt) through YAML. */
function parseStructured(text) {
    const json = LOOKS_LIKE_JSON.test(text) ? parseJsonTree(text) : undefined;
    return json ? [json] : parseYamlDocuments(text);
}
function analyzeDocument(kind, root, analysis) {
    switch (kind) {
        case 'terraform':
            analyzeTerraform(root, analysis);
            break;
        case 'terraform-vars':
            analyzeVariableValues(root, analysis);
            break;
        case 'terraform-plan':
            // Plans: only what the author wrote; planned values repeat every computed zone of the state.
            analyzeTerraformPlan(root, analysis);
            return;
        case 'cloudformation':
            analyzeCloudFormation(root, analysis);
            return;
        case 'cdk-context':
            analyzeCdkContext(root, analysis);
            break;
        case 'kubernetes':
        case 'helm-values':
            if (isEksctlConfig(root))
                analyzeEksctl(root, analysis);
            analyzeKubernetes(root, analysis);
            break;
        default:
            break;
    }
    analysis.genericWalk(root);
}
function commentFindings(comments, analysis) {
    for (const comment of comments) {
        for (const { zone, offset } of zonesInText(comment.text)) {
            if (zone.kind !== 'name')
                continue;
            const column = comment.loc.line === comment.loc.endLine ? comment.loc.column + offset : comment.loc.column;
            analysis.add({
                ruleId: 'AZ007',
                loc: {
                    line: comment.loc.line,
                    column,
                    endLine: comment.loc.line,
                    endColumn: column + zone.text.length,
                },
                zone,
                region: zone.region,
                message: `AZ name '${zone.text}' in a comment: ${regionNote(zone)}`,
                fix: 'Refer to zones by AZ ID in documentation too',
            });
        }
    }
}
/** `#` comments of a YAML file (outside quotes), for scan-comments. */
function yamlComments(text) {
    const lines = new LineIndex(text);
    const comments = [];
    for (let line = 1; line <= lines.lineCount; line += 1) {
        const content = lines.lineText(line);
        const at = commentStart(content);
        if (at < 0)
            continue;
        const loc = { line, column: at + 1, endLine: line, endColumn: content.length + 1 };
        comments.push({ text: content.slice(at), loc });
    }
    return comments;
}
function commentStart(line) {
    let quote;
    for (let i = 0; i < line.length; i += 1) {
        const ch = line[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
        }
        else if (ch === '"' || ch === "'") {
            quote = ch;
        }
        else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
            return i;
        }
    }
    return -1;
}
/**
 * Helm templates are not YAML until rendered (`{{ .Values.x }}`), so they are read line by line:
 * AZ names on a zone-label line are AZ001, elsewhere AZ007. Comment lines are skipped.
 */
function scanTemplateText(text) {
    return lineScan(text, (zone, code) => {
        const label = [...ZONE_LABELS].some((l) => code.includes(l));
        return {
            ruleId: label ? 'AZ001' : 'AZ007',
            message: `Hard-coded AZ name '${zone.text}' in a Helm template: ${regionNote(zone)}`,
            fix: label ? 'Select by topology.k8s.aws/zone-id with the AZ ID' : 'Move zones to values as AZ IDs',
        };
    });
}
// `//` starts a comment (HCL, JSON with comments) at the start of a line or after a blank, never in a URL.
const SLASH_COMMENT = /(^|\s)\/\//;
/** A line without its `#` or `//` comment. */
function codeOf(line) {
    const hash = commentStart(line);
    const code = hash < 0 ? line : line.slice(0, hash);
    const slashes = SLASH_COMMENT.exec(code);
    return slashes ? code.slice(0, slashes.index) : code;
}
/** Every AZ name outside `#` and `//` comments, line by line, described by `describe`. */
function lineScan(text, describe) {
    const lines = new LineIndex(text);
    const findings = [];
    for (let line = 1; line <= lines.lineCount; line += 1) {
        const content = lines.lineText(line);
        const code = codeOf(content);
        for (const { zone, offset } of zonesInText(code)) {
            if (zone.kind !== 'name')
                continue;
            findings.push({
                ...describe(zone, code),
                loc: { line, column: offset + 1, endLine: line, endColumn: offset + 1 + zone.text.length },
                zone,
                region: zone.region,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./actions/az-check/src/files.ts




/**
 * Which files a scan reads: the formats az-check knows, under `paths` (files, folders or globs),
 * minus `ignore-paths` and folders that only hold downloaded or generated copies of other code.
 * cdk.out is deliberately not skipped: synthesized templates are in scope.
 */
const SKIPPED_FOLDERS = new Set([
    '.git',
    'node_modules',
    '.terraform',
    '.terragrunt-cache',
    '.serverless',
    '.venv',
]);
const GLOB_CHARACTERS = /[*?[\]{}!]/;
/** Forward-slash path relative to the root, as diffs, globs and annotations use. */
function toRelative(root, path) {
    const rel = (0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.relative)(root, path) : path;
    return rel.split(external_node_path_.sep).join('/').replace(/^\.\//, '');
}
function matcher(pattern, root) {
    const normalized = toRelative(root, pattern).replace(/\/+$/, '');
    if (normalized === '' || normalized === '.')
        return () => true;
    if (GLOB_CHARACTERS.test(normalized))
        return picomatch_default()(normalized, { dot: true });
    // A plain file or folder name: the file itself or everything under the folder.
    return (path) => path === normalized || path.startsWith(`${normalized}/`);
}
function pathFilter(root, paths, ignorePaths) {
    const include = paths.map((p) => matcher(p, root));
    const exclude = ignorePaths.map((p) => matcher(p, root));
    return (path) => (include.length === 0 || include.some((m) => m(path))) &&
        !exclude.some((m) => m(path)) &&
        formatOf(path) !== undefined;
}
/** Every scannable file under the root, sorted. */
async function listFiles(root, filter) {
    const found = [];
    const pending = [''];
    while (pending.length > 0) {
        const folder = pending.pop();
        let entries;
        try {
            entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, folder), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            const path = folder ? `${folder}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name))
                    pending.push(path);
            }
            else if (entry.isFile() && filter(path)) {
                found.push(path);
            }
        }
    }
    return found.sort();
}

;// CONCATENATED MODULE: ./actions/az-check/src/findings.ts




const DIRECTIVE = /(?:#|\/\/|\/\*)\s*az-check:ignore(-file)?\b(?:[ \t]+([A-Za-z0-9_*,-]+))?(?:[ \t]+(.*?))?\s*(?:\*\/)?\s*$/;
const COMMENT_ONLY_LINE = /^\s*(?:#|\/\/|\/\*|\*)/;
const NO_REASON = 'no reason given';
/** Inline `az-check:ignore RULE[,RULE] reason` and `az-check:ignore-file RULE reason` comments. */
class InlineSuppressions {
    lines;
    byLine = new Map();
    fileWide = [];
    constructor(lines) {
        this.lines = lines;
        for (let line = 1; line <= lines.lineCount; line += 1) {
            const text = lines.lineText(line);
            if (!text.includes('az-check:ignore'))
                continue;
            const match = DIRECTIVE.exec(text);
            if (!match)
                continue;
            const directive = {
                wholeFile: match[1] !== undefined,
                rules: parseRuleList(match[2]),
                reason: match[3]?.trim() || NO_REASON,
                standalone: COMMENT_ONLY_LINE.test(text),
            };
            if (directive.wholeFile)
                this.fileWide.push(directive);
            else
                this.byLine.set(line, directive);
        }
    }
    find(ruleId, line) {
        const applies = (d) => d && (d.rules.size === 0 || d.rules.has(ruleId));
        const fileWide = this.fileWide.find(applies);
        if (fileWide)
            return fileWide;
        const same = this.byLine.get(line);
        if (applies(same))
            return same;
        // A directive on the comment lines right above the finding.
        for (let above = line - 1; above >= 1 && COMMENT_ONLY_LINE.test(this.lines.lineText(above)); above -= 1) {
            const directive = this.byLine.get(above);
            if (directive?.standalone && applies(directive))
                return directive;
        }
        return undefined;
    }
}
function parseRuleList(text) {
    const rules = new Set();
    for (const item of (text ?? '*').split(',')) {
        if (item === '*' || item.toLowerCase() === 'all')
            return new Set();
        const rule = findRule(item);
        if (rule)
            rules.add(rule.id);
    }
    return rules;
}
/** Turns one file's raw findings into findings: severity, suppression, snippet, fix text. */
function finalizeFindings(file, text, raw, context) {
    const lines = new LineIndex(text);
    const inline = new InlineSuppressions(lines);
    const findings = [];
    const seen = new Set();
    for (const item of raw) {
        const setting = ruleSetting(item.ruleId, context.config);
        if (setting === 'off')
            continue;
        const key = `${item.ruleId}:${item.loc.line}:${item.loc.column}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const finding = toFinding(file, item, lines, setting ?? defaultSeverity(item, context.uniformRegionSeverity));
        const suppressed = suppression(finding, item, inline, context.config);
        if (suppressed)
            finding.suppressed = suppressed;
        findings.push(finding);
    }
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** The configured setting, the rule's default when off, capped at the rule's highest severity. */
function ruleSetting(ruleId, config) {
    const rule = RULES_BY_ID.get(ruleId);
    const setting = config.rules[ruleId] ?? (rule.offByDefault ? 'off' : undefined);
    if (setting === undefined || setting === 'off' || !rule.maxSeverity)
        return setting;
    return SEVERITY_RANK[setting] > SEVERITY_RANK[rule.maxSeverity] ? rule.maxSeverity : setting;
}
function toFinding(file, item, lines, severity) {
    const rule = RULES_BY_ID.get(item.ruleId);
    return {
        ruleId: item.ruleId,
        ruleName: rule.name,
        severity,
        file,
        line: item.loc.line,
        column: item.loc.column,
        endLine: item.loc.endLine,
        endColumn: item.loc.endColumn,
        message: item.message,
        fix: item.fix.split(ID_PLACEHOLDER).join(placeholderId(item)),
        ...(item.zone ? { zone: item.zone.text } : {}),
        ...(item.region ? { region: item.region } : {}),
        snippet: lines.lineText(item.loc.line).trim(),
        ...(item.lineScan ? { lineScan: true } : {}),
    };
}
/** Offline, the ID is unknown: `use1-az…` says which region's IDs to look up. */
function placeholderId(item) {
    const prefix = item.region ? idPrefixFor(item.region) : undefined;
    return `${prefix ?? '<region>'}-az…`;
}
function defaultSeverity(item, uniform) {
    const rule = RULES_BY_ID.get(item.ruleId);
    if (rule.severity !== 'by-region')
        return rule.severity;
    const regularZone = !item.zone || item.zone.zoneType === 'availability-zone';
    return regularZone && item.region && isRegionMappedPerAccount(item.region) ? 'error' : uniform;
}
function suppression(finding, item, inline, config) {
    const directive = inline.find(finding.ruleId, finding.line);
    if (directive)
        return { source: 'inline', reason: directive.reason };
    const ignore = config.ignore.find((entry) => (entry.rules.length === 0 || entry.rules.includes(finding.ruleId)) &&
        entry.matchesPath(finding.file) &&
        (entry.zone === undefined || entry.zone === finding.zone));
    if (ignore)
        return { source: 'config', reason: ignore.reason };
    const cfnLint = item.cfnLintIgnores?.find((check) => check === finding.ruleId || CFN_LINT_EQUIVALENTS[check]?.includes(finding.ruleId));
    if (cfnLint)
        return { source: 'cfn-lint', reason: `cfn-lint ignore_checks ${cfnLint}` };
    return undefined;
}
/** Fills in resolved IDs: the exact ID per account, and whether accounts disagree. */
function applyResolution(finding, byAccount) {
    if (!finding.zone || byAccount.length === 0)
        return;
    const resolution = [];
    for (const { account, zones } of byAccount) {
        const id = zones.get(finding.zone);
        if (id)
            resolution.push({ account, zoneName: finding.zone, zoneId: id });
    }
    if (resolution.length === 0)
        return;
    finding.resolution = resolution;
    const ids = new Set(resolution.map((r) => r.zoneId));
    const placeholder = /\b[a-z]{2,5}\d-az…|<region>-az…/g;
    const listing = resolution.map((r) => `${r.zoneId} in ${r.account}`).join(', ');
    if (ids.size === 1) {
        finding.fix = finding.fix.replace(placeholder, [...ids][0]);
        finding.message += ` (${finding.zone} is ${listing})`;
    }
    else {
        finding.fix = finding.fix.replace(placeholder, resolution.map((r) => `${r.zoneId} (${r.account})`).join(' / '));
        finding.message += `. The same name maps to different zones across these accounts: ${listing}`;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./core/version.ts
var version = __webpack_require__(24321);
;// CONCATENATED MODULE: ./core/report/sarif.ts


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
function sarifLog(run) {
    const ruleIndex = new Map(run.rules.map((rule, index) => [rule.id, index]));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: run.toolName,
                        informationUri: run.informationUri,
                        semanticVersion: version/* VERSION */.x,
                        rules: run.rules.map(sarifRule),
                    },
                },
                ...(run.category ? { automationDetails: { id: `${run.category}/` } } : {}),
                results: run.results.map((result) => sarifResult(result, ruleIndex.get(result.ruleId))),
            },
        ],
    };
}
function sarifRule(rule) {
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: rule.shortDescription },
        fullDescription: { text: rule.fullDescription ?? rule.shortDescription },
        ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
        ...(rule.help ? { help: { text: rule.help, markdown: rule.help } } : {}),
        defaultConfiguration: { level: rule.level },
        properties: { tags: rule.tags ?? [] },
    };
}
function sarifResult(result, index) {
    const region = { startLine: Math.max(1, result.startLine) };
    if (result.startColumn !== undefined)
        region.startColumn = Math.max(1, result.startColumn);
    if (result.endLine !== undefined)
        region.endLine = Math.max(region.startLine, result.endLine);
    if (result.endColumn !== undefined)
        region.endColumn = result.endColumn;
    return {
        ruleId: result.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: result.level,
        message: { text: result.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: toSarifUri(result.file), uriBaseId: '%SRCROOT%' },
                    region,
                },
            },
        ],
        partialFingerprints: { primaryLocationLineHash: fingerprint(result) },
    };
}
function toSarifUri(path) {
    return path
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}
function fingerprint(result) {
    const basis = `${result.ruleId}\u0000${result.file}\u0000${(result.snippet ?? result.message).trim()}`;
    return `${(0,external_node_crypto_.createHash)('sha256').update(basis).digest('hex').slice(0, 16)}:1`;
}

// EXTERNAL MODULE: ./core/report/summary.ts
var summary = __webpack_require__(49700);
;// CONCATENATED MODULE: ./actions/az-check/src/report.ts





/** Annotations, job summary, SARIF and the JSON report, all from the same findings. */
const INFORMATION_URI = 'https://github.com/resilience-gates/resilience-gates/tree/main/actions/az-check';
const SARIF_CATEGORY = 'az-check';
/** Summary rows beyond this go to the JSON report and SARIF only (the summary is capped at 1 MiB). */
const MAX_SUMMARY_ROWS = 200;
const ANNOTATION_LEVEL = {
    error: 'error',
    warning: 'warning',
    note: 'notice',
};
const SEVERITY_ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' };
function toAnnotation(finding) {
    return {
        level: ANNOTATION_LEVEL[finding.severity],
        title: `${finding.ruleId} ${finding.ruleName}`,
        message: `${finding.message}\nFix: ${finding.fix}`,
        file: finding.file,
        startLine: finding.line,
        endLine: finding.endLine,
        // GitHub ignores columns on multi-line annotations.
        ...(finding.line === finding.endLine
            ? { startColumn: finding.column, endColumn: finding.endColumn }
            : {}),
    };
}
function summaryMarkdown(input, overflow) {
    const counts = countBySeverity(input.findings);
    const shown = input.findings.slice(0, MAX_SUMMARY_ROWS);
    const rows = shown.map((f) => [
        `${SEVERITY_ICON[f.severity]} ${f.severity}`,
        f.ruleId,
        (0,summary/* code */.aY)((0,annotations/* formatLocation */.j$)({ file: f.file, startLine: f.line, startColumn: f.column })),
        f.message,
        f.fix,
    ]);
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)(`${summary/* RESULT_ICONS */.D$[input.result]} az-check: ${input.summaryLine}`), `Scan: ${input.scan.mode}${input.scan.compared ? ` (${input.scan.compared})` : ''}; ${filesLine(input.scan)}; fails on ${input.failOn}.` +
        ` Errors: ${counts.error}, warnings: ${counts.warning}, notes: ${counts.note}, suppressed: ${input.suppressed.length}.`, rows.length > 0 && (0,summary/* table */.tp)(['Severity', 'Rule', 'Location', 'Finding', 'Fix'], rows), input.findings.length > MAX_SUMMARY_ROWS &&
        `${input.findings.length - MAX_SUMMARY_ROWS} more finding(s) are in the JSON report and the SARIF file.`, overflow.length > 0 &&
        `GitHub keeps 10 annotations per level per step (one error slot is the step's failure line): ${overflow.length} finding(s) above are in this table only.`, input.resolution && resolutionSection(input.resolution), input.suppressed.length > 0 &&
        (0,summary/* details */.zH)(`${input.suppressed.length} suppressed finding(s)`, (0,summary/* table */.tp)(['Rule', 'Location', 'Zone', 'Suppressed by', 'Reason'], input.suppressed.map((f) => [
            f.ruleId,
            (0,summary/* code */.aY)((0,annotations/* formatLocation */.j$)({ file: f.file, startLine: f.line, startColumn: f.column })),
            f.zone ?? '',
            f.suppressed.source,
            f.suppressed.reason,
        ]))));
}
function filesLine(scan) {
    const unparsed = scan.filesUnparsed > 0 ? `, ${scan.filesUnparsed} could not be parsed (line-scanned)` : '';
    return `${scan.filesConsidered} file(s) considered, ${scan.filesParsed} parsed${unparsed}`;
}
function resolutionSection(resolution) {
    const rows = resolution.accounts.flatMap((account) => [...account.zones].map(([name, id]) => [account.account, account.via, name, id]));
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)('AZ names resolved per account', 3), rows.length > 0 ? (0,summary/* table */.tp)(['Account', 'Via', 'AZ name', 'AZ ID'], rows) : 'No zones were resolved.', resolution.errors.length > 0 && resolution.errors.map((e) => `- ${e}`).join('\n')).trimEnd();
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const f of findings)
        counts[f.severity] += 1;
    return counts;
}
const SARIF_LEVEL = { error: 'error', warning: 'warning', note: 'note' };
function sarifReport(findings) {
    const rules = RULES.map((rule) => ({
        id: rule.id,
        name: rule.name,
        shortDescription: rule.title,
        fullDescription: rule.description,
        help: `${rule.description}\n\nFix: ${rule.fix}`,
        helpUri: `${INFORMATION_URI}#${rule.id.toLowerCase()}-${rule.name}`,
        level: rule.severity === 'by-region' ? 'error' : SARIF_LEVEL[rule.severity],
        tags: ['availability-zones', 'reliability'],
    }));
    return sarifLog({
        toolName: 'az-check',
        informationUri: INFORMATION_URI,
        category: SARIF_CATEGORY,
        rules,
        results: findings.map((f) => ({
            ruleId: f.ruleId,
            level: SARIF_LEVEL[f.severity],
            message: `${f.message}. Fix: ${f.fix}`,
            file: f.file,
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            snippet: f.snippet || f.message,
        })),
    });
}
function jsonReport(input) {
    return {
        tool: 'az-check',
        version: version/* VERSION */.x,
        result: input.result,
        summary: input.summaryLine,
        failOn: input.failOn,
        scan: input.scan,
        counts: { ...countBySeverity(input.findings), suppressed: input.suppressed.length },
        findings: input.findings,
        suppressed: input.suppressed,
        ...(input.resolution
            ? {
                resolution: {
                    accounts: input.resolution.accounts.map((a) => ({
                        account: a.account,
                        via: a.via,
                        zones: Object.fromEntries(a.zones),
                    })),
                    errors: input.resolution.errors,
                },
            }
            : {}),
    };
}

;// CONCATENATED MODULE: ./actions/az-check/src/scan.ts







/** Files larger than this are generated data, not infrastructure code: reported, not parsed. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * Files are read synchronously into one reused buffer: on a warm page cache a read costs
 * microseconds, far less than a hop through libuv's thread pool, and most files are never decoded.
 * The candidate pre-filter runs on the raw bytes as latin1 (one byte, one character): its pattern
 * is pure ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte sequence, so it matches a
 * file's bytes exactly when it matches the decoded text. Only candidates are decoded and parsed.
 */
async function scanFiles(request) {
    const reader = new FileReader();
    const charts = new Map();
    const findings = [];
    let filesParsed = 0;
    let filesUnparsed = 0;
    for (const file of request.files) {
        const result = scanOne(request, file, reader, charts);
        if (result.outcome === 'parsed')
            filesParsed += 1;
        if (result.outcome === 'unparsed')
            filesUnparsed += 1;
        for (const finding of result.findings)
            findings.push(finding);
    }
    return { findings, filesConsidered: request.files.length, filesParsed, filesUnparsed };
}
const NOT_PARSED = { findings: [], outcome: 'skipped' };
function scanOne(request, file, reader, charts) {
    const bytes = reader.read((0,external_node_path_.join)(request.root, file), MAX_FILE_BYTES);
    if (bytes === undefined) {
        const message = `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: not checked`;
        return { outcome: 'unparsed', findings: diagnostics(request, file, message, 1, 1) };
    }
    if (!mayContainZones(bytes.toString('latin1')))
        return NOT_PARSED;
    const text = bytes.toString('utf8');
    const helm = helmRole(request.root, file, charts);
    const scan = scanFileText(file, text, request.options, helm ? { helm } : {});
    // No raw findings, nothing to finalize: skip indexing the file and reading its suppressions.
    const findings = scan.findings.length > 0 ? finalizeFindings(file, text, scan.findings, request.policy) : [];
    const changed = request.changed?.get(file);
    const kept = changed && changed !== 'all' ? findings.filter((f) => changed.has(f.line)) : findings;
    if (scan.diagnostic) {
        const { message, line, column } = scan.diagnostic;
        const text = `Could not parse ${scan.format} file: ${message}; its AZ names were searched line by line`;
        kept.push(...diagnostics(request, file, text, line, column));
    }
    const outcome = !scan.parsed ? 'skipped' : scan.diagnostic ? 'unparsed' : 'parsed';
    return { outcome, findings: kept };
}
/** Whole files into one reused scratch buffer; the returned view is valid until the next read. */
class FileReader {
    buffer = Buffer.allocUnsafe(64 * 1024);
    /** The file's bytes, or undefined when it is larger than `limit`. */
    read(path, limit) {
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            const size = (0,external_node_fs_.fstatSync)(fd).size;
            if (size > limit)
                return undefined;
            if (size > this.buffer.length)
                this.grow(size, 0);
            let length = 0;
            // Up to the size fstat reported (as readFile does); a size of 0 (a pipe, /proc) reads to EOF.
            while (size === 0 || length < size) {
                if (length === this.buffer.length)
                    this.grow(length * 2, length);
                const read = (0,external_node_fs_.readSync)(fd, this.buffer, length, this.buffer.length - length, null);
                if (read === 0)
                    break;
                length += read;
                if (length > limit)
                    return undefined;
            }
            return this.buffer.subarray(0, length);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    grow(atLeast, keep) {
        let size = this.buffer.length;
        while (size < atLeast)
            size *= 2;
        const next = Buffer.allocUnsafe(size);
        this.buffer.copy(next, 0, 0, keep);
        this.buffer = next;
    }
}
/** The AZ000 finding for a file that was not checked in full, at the configured severity (or none). */
function diagnostics(request, file, message, line, column) {
    const setting = request.policy.config.rules.AZ000;
    if (setting === 'off')
        return [];
    const rule = RULES_BY_ID.get('AZ000');
    return [
        {
            ruleId: 'AZ000',
            ruleName: rule.name,
            severity: setting ?? rule.severity,
            file,
            line,
            column,
            endLine: line,
            endColumn: column,
            message,
            fix: rule.fix,
            snippet: '',
        },
    ];
}

;// CONCATENATED MODULE: ./actions/az-check/src/settings.ts






/**
 * Every az-check input, parsed once. Diff bounds come from the explicit `base`/`head` inputs, else
 * from the event that triggered the workflow (pull_request, merge_group, push); on a laptop they
 * stay undefined and diff.ts uses the merge base with origin/HEAD (or main) and the working tree.
 */
const SCAN_MODES = ['changed', 'all'];
const FAIL_ON = ['error', 'warning', 'never'];
const SEVERITIES = ['error', 'warning', 'note'];
const INPUT_NAMES = [
    'paths',
    'ignore-paths',
    'scan',
    'base',
    'head',
    'fail-on',
    'config',
    'sarif-path',
    'report-path',
    'scan-comments',
    'uniform-region-severity',
    'working-directory',
    'resolve',
    'role-arns',
    'region',
    'endpoint-url',
    'max-attempts',
    'retry-mode',
];
const DEFAULT_CONFIG_FILE = '.az-check.yml';
// A ref or SHA; never starting with `-` (git would read it as an option).
const REVISION_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]*$/;
const REVISION_FORMS = 'use a commit SHA or a ref like origin/main';
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ROLE_ARN_FORMS = 'use role ARNs like arn:aws:iam::111111111111:role/az-check, one per line';
// STS is global; this region only picks its endpoint when the user set none.
const FALLBACK_STS_REGION = 'us-east-1';
// `git` writes this for the "before" of a push that created the branch.
const ZERO_SHA = /^0+$/;
function readSettings(inputs, env, workspace = env.GITHUB_WORKSPACE ?? process.cwd()) {
    const root = workingDirectory(inputs, workspace);
    const resolve = inputs.boolean('resolve', false);
    const diff = diffBounds(inputs, env);
    const configInput = inputs.optional('config');
    const sarif = inputs.optional('sarif-path');
    return {
        root,
        paths: checkedPaths(inputs.globList('paths'), root),
        ignorePaths: inputs.globList('ignore-paths'),
        scan: inputs.enumeration('scan', SCAN_MODES, 'changed'),
        ...diff,
        failOn: inputs.enumeration('fail-on', FAIL_ON, 'error'),
        configPath: absolute(configInput ?? DEFAULT_CONFIG_FILE, root),
        configRequired: configInput !== undefined,
        ...(sarif ? { sarifPath: (0,json/* resolveReportPath */.gw)(sarif, workspace) } : {}),
        reportPath: (0,json/* resolveReportPath */.gw)(inputs.optional('report-path') ?? (0,json/* defaultReportPath */.j0)('az-check', env, workspace), workspace),
        ...optionalSetting('scanComments', inputs.optional('scan-comments') && inputs.boolean('scan-comments', false)),
        ...optionalSetting('uniformRegionSeverity', inputs.optional('uniform-region-severity') &&
            inputs.enumeration('uniform-region-severity', SEVERITIES, 'warning')),
        resolve,
        roleArns: readRoleArns(inputs),
        ...(resolve ? { aws: (0,aws/* readAwsSettings */.p3)(inputs, withStsRegionFallback(env)) } : {}),
    };
}
/** The scanned folder must exist: a typo would otherwise scan nothing and pass. */
function workingDirectory(inputs, workspace) {
    const value = inputs.string('working-directory', '.');
    const root = absolute(value, workspace);
    if (!isDirectory(root)) {
        throw (0,errors/* invalidInput */.aY)('working-directory', value, `use a folder that exists under ${workspace}`);
    }
    return root;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function optionalSetting(key, value) {
    return value === undefined || value === '' ? {} : { [key]: value };
}
/**
 * Plain paths must exist inside the scanned folder: a typo or a folder outside it would otherwise
 * scan nothing and pass, which is the one thing a gate must never do quietly. Globs may match
 * nothing (a change may not touch them).
 */
function checkedPaths(paths, root) {
    for (const path of paths) {
        if (GLOB_CHARACTERS.test(path))
            continue;
        const full = absolute(path, root);
        const inside = (0,external_node_path_.relative)(root, full);
        if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
            throw (0,errors/* invalidInput */.aY)('paths', path, `use files or folders inside ${root} (set working-directory to scan elsewhere)`);
        }
        if (!(0,external_node_fs_.existsSync)(full))
            throw (0,errors/* invalidInput */.aY)('paths', path, `no such file or folder under ${root}`);
    }
    return paths;
}
function absolute(path, base) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(base, path);
}
function readRoleArns(inputs) {
    const arns = inputs.list('role-arns');
    for (const arn of arns)
        if (!ROLE_ARN_PATTERN.test(arn))
            throw (0,errors/* invalidInput */.aY)('role-arns', arn, ROLE_ARN_FORMS);
    return arns;
}
/** Resolution runs per region found in the files: the client region only matters for STS. */
function withStsRegionFallback(env) {
    if (env.AWS_REGION || env.AWS_DEFAULT_REGION)
        return env;
    return { ...env, AWS_REGION: FALLBACK_STS_REGION };
}
function revision(inputs, name) {
    const value = inputs.optional(name);
    if (value !== undefined && !REVISION_PATTERN.test(value))
        throw (0,errors/* invalidInput */.aY)(name, value, REVISION_FORMS);
    return value;
}
/** Explicit inputs win; then the event payload; else local (CLI) defaults. */
function diffBounds(inputs, env) {
    const base = revision(inputs, 'base');
    const head = revision(inputs, 'head');
    const event = eventBounds(env);
    if (base !== undefined || head !== undefined) {
        const merged = { base: base ?? event?.base, head: head ?? event?.head };
        return { ...defined(merged), diffSource: 'inputs' };
    }
    return event ?? { diffSource: 'local' };
}
function defined(bounds) {
    return {
        ...(bounds.base ? { base: bounds.base } : {}),
        ...(bounds.head ? { head: bounds.head } : {}),
    };
}
/** Bounds from GITHUB_EVENT_PATH for the events az-check understands; undefined otherwise. */
function eventBounds(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return undefined;
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read the event payload ${path}: ${error.message}`);
    }
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (payload.pull_request) {
        return {
            ...defined({ base: payload.pull_request.base?.sha, head: payload.pull_request.head?.sha }),
            diffSource: 'pull_request',
        };
    }
    if (payload.merge_group) {
        return {
            ...defined({ base: payload.merge_group.base_sha, head: payload.merge_group.head_sha }),
            diffSource: 'merge_group',
        };
    }
    if (name === 'push' || payload.after) {
        // A new branch has no "before": the diff then falls back to the default branch (diff.ts).
        const before = payload.before && !ZERO_SHA.test(payload.before) ? payload.before : undefined;
        return { ...defined({ base: before, head: payload.after }), diffSource: 'push' };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./actions/az-check/src/gate.ts












async function runAzCheck(host, dependencies = {}) {
    const settings = readSettings(host.inputs, host.env, host.workspace);
    const config = await loadConfig(settings.configPath, settings.configRequired, (0,external_node_path_.relative)(settings.root, settings.configPath) || settings.configPath);
    // Our own reports are never inputs, wherever the user writes them (a later run would scan them).
    const ownOutputs = [settings.reportPath, settings.sarifPath].filter((p) => p !== undefined);
    const filter = pathFilter(settings.root, settings.paths, [
        ...settings.ignorePaths,
        ...config.ignorePaths,
        ...ownOutputs,
    ]);
    let changeDescription;
    let changed;
    if (settings.scan === 'changed') {
        changed = await changedLines(settings, host.log);
        changeDescription = changed?.description;
    }
    const files = changed
        ? [...changed.lines.keys()].filter(filter).sort()
        : await listFiles(settings.root, filter);
    host.log.info(`Checking ${files.length} file(s)${changeDescription ? ` changed in ${changeDescription}` : ''}`);
    const scan = await scanFiles({
        root: settings.root,
        files,
        ...(changed ? { changed: changed.lines } : {}),
        options: { scanComments: settings.scanComments ?? config.scanComments ?? false },
        policy: {
            config,
            uniformRegionSeverity: settings.uniformRegionSeverity ?? config.uniformRegionSeverity ?? 'warning',
        },
    });
    // Annotations and SARIF need paths from the repository root, not from working-directory.
    for (const finding of scan.findings)
        finding.file = toRelative(host.workspace, (0,external_node_path_.join)(settings.root, finding.file));
    const active = scan.findings.filter((f) => !f.suppressed);
    const suppressed = scan.findings.filter((f) => f.suppressed);
    const resolution = settings.resolve ? await resolve(active, settings, host, dependencies) : undefined;
    const outcome = files.length === 0
        ? noFilesChecked(host, settings, changeDescription)
        : verdict(active, settings.failOn, scan.filesUnparsed);
    const report = {
        ...outcome,
        findings: active,
        suppressed,
        scan: {
            mode: settings.scan,
            ...(changeDescription ? { compared: changeDescription } : {}),
            filesConsidered: scan.filesConsidered,
            filesParsed: scan.filesParsed,
            filesUnparsed: scan.filesUnparsed,
        },
        ...(resolution ? { resolution } : {}),
        failOn: settings.failOn,
    };
    await publish(host, settings, report);
    return outcome;
}
async function resolve(findings, settings, host, dependencies) {
    const regions = [
        ...new Set(findings.map((f) => f.region).filter((r) => r !== undefined)),
    ].sort();
    if (!dependencies.clients && !(0,aws/* hasCredentialSource */.h1)(host.env)) {
        const skipped = `resolve: no AWS credentials in the environment (a pull request from a fork?): names are not resolved to IDs; the check itself ran offline`;
        host.log.warning(skipped);
        return { accounts: [], errors: [skipped] };
    }
    // The AWS SDK is loaded only here: the offline check never pays for it.
    const { resolveZones } = await Promise.all(/* import() */[__webpack_require__.e(453), __webpack_require__.e(607), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 6353));
    const clients = (dependencies.clients ?? (await Promise.all(/* import() */[__webpack_require__.e(453), __webpack_require__.e(607), __webpack_require__.e(9)]).then(__webpack_require__.bind(__webpack_require__, 1009))).sdkClients)(settings, host.env);
    const resolution = await resolveZones(regions, settings.roleArns, clients, host.log, (secret) => host.setSecret(secret));
    for (const finding of findings)
        applyResolution(finding, resolution.accounts);
    return resolution;
}
/**
 * Nothing matched: an explicit, annotated neutral, never a quiet pass. The annotation names what
 * was looked for, so a mistyped glob or working-directory is visible on the run.
 */
function noFilesChecked(host, settings, changeDescription) {
    const where = [
        `working-directory ${toRelative(host.workspace, settings.root) || '.'}`,
        settings.paths.length > 0 ? `paths ${settings.paths.join(', ')}` : 'every path',
        changeDescription ? `files changed in ${changeDescription}` : 'scan all',
    ].join('; ');
    const message = `0 files checked (${where}): no Terraform, CloudFormation, Kubernetes or other IaC file matched`;
    host.annotate({ level: 'warning', title: 'az-check: no files checked', message });
    return { result: 'pass', summaryLine: `No files checked: ${message}` };
}
function verdict(findings, failOn, filesUnparsed) {
    // A file that did not parse was only line-scanned: the verdict says so, pass or fail.
    const unparsed = filesUnparsed > 0 ? `; ${filesUnparsed} file(s) could not be parsed (line-scanned)` : '';
    const reportable = findings.filter((f) => f.ruleId !== 'AZ000');
    const failing = failOn === 'never'
        ? []
        : findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
    if (failing.length > 0) {
        return {
            result: 'fail',
            summaryLine: `${failing.length} finding(s) at or above ${failOn}: use AZ IDs instead of AZ names${unparsed}`,
        };
    }
    if (reportable.length > 0)
        return {
            result: 'pass',
            summaryLine: `${reportable.length} finding(s) below the fail-on level (${failOn})${unparsed}`,
        };
    return { result: 'pass', summaryLine: `No hard-coded Availability Zone names found${unparsed}` };
}
async function publish(host, settings, report) {
    const overflow = (0,annotations/* emitAnnotations */.KI)(report.findings.map(toAnnotation), (a) => host.annotate(a));
    await host.appendSummary(summaryMarkdown(report, overflow));
    await (0,json/* writeJsonFile */.An)(settings.reportPath, jsonReport(report));
    if (settings.sarifPath)
        await (0,json/* writeJsonFile */.An)(settings.sarifPath, sarifReport(report.findings));
    const counts = { error: 0, warning: 0, note: 0 };
    for (const f of report.findings)
        counts[f.severity] += 1;
    host.setOutput('findings-count', report.findings.filter((f) => f.ruleId !== 'AZ000').length);
    host.setOutput('errors-count', counts.error);
    host.setOutput('warnings-count', counts.warning);
    host.setOutput('suppressed-count', report.suppressed.length);
    host.setOutput('files-scanned', report.scan.filesConsidered);
    host.setOutput('files-unparsed', report.scan.filesUnparsed);
    host.setOutput('result', report.result);
    host.setOutput('report-path', settings.reportPath);
    if (settings.sarifPath)
        host.setOutput('sarif-path', settings.sarifPath);
}
const azCheckGate = {
    name: 'az-check',
    description: 'Find hard-coded Availability Zone names in IaC changes and point to AZ IDs',
    inputs: INPUT_NAMES,
    positionalInput: 'paths',
    run: (host) => runAzCheck(host),
};


/***/ }),

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

/***/ 54197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ addedLinesOf),
/* harmony export */   J9: () => (/* binding */ resolveCommits),
/* harmony export */   Ki: () => (/* binding */ remoteDefaultBranch),
/* harmony export */   QX: () => (/* binding */ isAncestor),
/* harmony export */   SW: () => (/* binding */ remoteBranchTip),
/* harmony export */   VE: () => (/* binding */ listCommits),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   Wt: () => (/* binding */ countCommits),
/* harmony export */   XY: () => (/* binding */ isGitRepository),
/* harmony export */   _L: () => (/* binding */ fetchFullHistory),
/* harmony export */   dS: () => (/* binding */ DEFAULT_REMOTE),
/* harmony export */   eR: () => (/* binding */ currentBranch),
/* harmony export */   fE: () => (/* binding */ isShallow),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   h_: () => (/* binding */ openRepository),
/* harmony export */   qW: () => (/* binding */ ensureMergeBase),
/* harmony export */   u4: () => (/* binding */ addedLines),
/* harmony export */   v1: () => (/* binding */ fetchMissingCommits),
/* harmony export */   wu: () => (/* binding */ mergeBase)
/* harmony export */ });
/* unused harmony exports hasCommit, parseAddedLines, parseCommitRecords, shallowBoundary */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var simple_git__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45890);


/**
 * Git work for the gates that read history. Arguments are always passed as arrays (simple-git
 * spawns git without a shell), so branch names from event payloads can never become commands.
 *
 * actions/checkout clones at depth 1 by default: helpers here fetch exactly what a check needs
 * (the two tips, then deeper history until their merge base appears) instead of asking users for
 * `fetch-depth: 0`.
 */
const DEFAULT_REMOTE = 'origin';
const INITIAL_DEEPEN_COMMITS = 50;
const MAX_DEEPEN_ROUNDS = 12;
function openRepository(dir) {
    // maxConcurrentProcesses 1: git commands of one check depend on each other's results.
    return (0,simple_git__WEBPACK_IMPORTED_MODULE_1__/* .simpleGit */ .Lp)({ baseDir: dir, maxConcurrentProcesses: 1, trimmed: true });
}
async function isGitRepository(git) {
    try {
        return (await git.raw(['rev-parse', '--is-inside-work-tree'])) === 'true';
    }
    catch {
        return false;
    }
}
async function hasCommit(git, sha) {
    // rev-parse prints the SHA when the commit is there. A command that prints nothing makes
    // simple-git wait 50 ms more before it reports completion: `cat-file -e` cost that every call.
    return (await resolveCommit(git, sha)) !== undefined;
}
async function isShallow(git) {
    return (await git.raw(['rev-parse', '--is-shallow-repository'])) === 'true';
}
async function mergeBase(git, a, b) {
    try {
        const base = await git.raw(['merge-base', a, b]);
        return base || undefined;
    }
    catch {
        return undefined;
    }
}
async function hasRemote(git, remote) {
    const remotes = await git.getRemotes();
    return remotes.some((r) => r.name === remote);
}
/**
 * Fetches commits that are missing locally. Blobless (`--filter=blob:none`) because history
 * checks read commits, not file contents; git falls back when the server refuses filters.
 */
async function fetchMissingCommits(git, shas, log, remote = DEFAULT_REMOTE) {
    const missing = [];
    for (const sha of shas)
        if (!(await hasCommit(git, sha)))
            missing.push(sha);
    if (missing.length === 0)
        return;
    if (!(await hasRemote(git, remote))) {
        throw new Error(`Commits ${missing.join(', ')} are not in the repository and there is no '${remote}' remote`);
    }
    log.info(`Fetching ${missing.length} commit(s) missing from the checkout: ${missing.map(short).join(', ')}`);
    const depthArgs = (await isShallow(git)) ? ['--depth=1'] : [];
    await git.raw(['fetch', '--no-tags', '--filter=blob:none', ...depthArgs, remote, ...missing]);
}
/**
 * Deepens a shallow clone until `base` and `head` share a merge base, doubling the depth each
 * round. Returns the merge base, or undefined when the histories are unrelated.
 */
async function ensureMergeBase(git, base, head, log, remote = DEFAULT_REMOTE) {
    await fetchMissingCommits(git, [base, head], log, remote);
    let deepenBy = INITIAL_DEEPEN_COMMITS;
    for (let round = 0; round < MAX_DEEPEN_ROUNDS; round += 1) {
        const found = await mergeBase(git, base, head);
        if (found)
            return found;
        if (!(await isShallow(git)))
            return undefined;
        log.info(`No merge base of ${short(base)} and ${short(head)} in the shallow history yet: deepening by ${deepenBy}`);
        await git.raw(['fetch', '--no-tags', '--filter=blob:none', `--deepen=${deepenBy}`, remote, base, head]);
        deepenBy *= 2;
    }
    log.info('Still no merge base after deepening: fetching the full history');
    await git.raw(['fetch', '--no-tags', '--filter=blob:none', '--unshallow', remote, base, head]);
    return mergeBase(git, base, head);
}
function short(sha) {
    return sha.slice(0, 7);
}
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;
/**
 * Lines added from the merge base of `base` and `head` to `head` (the three-dot diff a pull
 * request shows). Renames are followed so a moved file only reports its edited lines.
 */
async function addedLines(git, base, head) {
    return addedLinesOf(git, `${base}...${head}`);
}
/**
 * Lines added by any `git diff` revision spec: `a..b`, `a...b`, or one commit against the
 * working tree. Paths are unquoted (core.quotePath=false) so non-ASCII names match the tree.
 */
async function addedLinesOf(git, ...revisions) {
    const diff = await git.raw([
        '-c',
        'core.quotePath=false',
        'diff',
        '--no-color',
        '--no-ext-diff',
        '--unified=0',
        '--find-renames',
        '--diff-filter=AMR',
        ...revisions,
    ]);
    return parseAddedLines(diff);
}
function parseAddedLines(diff) {
    const result = new Map();
    let current;
    for (const line of diff.split('\n')) {
        if (line.startsWith('+++ ')) {
            current = startFile(result, line.slice(4));
            continue;
        }
        const hunk = HUNK_HEADER.exec(line);
        if (!hunk || !current)
            continue;
        const start = Number(hunk[1]);
        const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
        for (let n = start; n < start + count; n += 1)
            current.add(n);
    }
    return result;
}
function startFile(result, target) {
    if (target === '/dev/null')
        return undefined;
    const path = target.startsWith('b/') ? target.slice(2) : target;
    const lines = new Set();
    result.set(path, lines);
    return lines;
}
// Unit separator between fields, NUL (`-z`) between commits: neither can occur in a subject line,
// a name or an email, so no quoting is needed and parsing stays one split per level.
const FIELD_SEPARATOR = '\x1f';
const RECORD_SEPARATOR = '\0';
const COMMIT_RECORD_FORMAT = ['%H', '%P', '%an', '%ae', '%s'].join('%x1f');
/**
 * The commits `revisions` select (for example `[head, '^' + base]`), newest first, from ONE
 * `git log` call. One call per commit would make a 10,000-commit range take minutes. Revisions
 * come after --end-of-options, so a value that starts with `-` can never become an option.
 */
async function listCommits(git, revisions, options = {}) {
    const output = await git.raw([
        '-c',
        'log.showSignature=false',
        'log',
        '-z',
        '--no-color',
        '--no-decorate',
        '--encoding=UTF-8',
        `--format=${COMMIT_RECORD_FORMAT}`,
        ...(options.firstParent ? ['--first-parent'] : []),
        '--end-of-options',
        ...revisions,
        '--',
    ]);
    return parseCommitRecords(output);
}
function parseCommitRecords(output) {
    const records = [];
    for (const chunk of output.split(RECORD_SEPARATOR)) {
        const line = chunk.replace(/^\n+/, '');
        if (!line)
            continue;
        const [sha = '', parents = '', authorName = '', authorEmail = '', subject = ''] = line.split(FIELD_SEPARATOR);
        records.push({ sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, subject });
    }
    return records;
}
/** The full SHA of a branch, tag, SHA or expression, or undefined when it names no commit. */
async function resolveCommit(git, revision) {
    try {
        const sha = await git.raw([
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${revision}^{commit}`,
        ]);
        return sha || undefined;
    }
    catch {
        return undefined;
    }
}
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * resolveCommit for several revisions, from ONE `git rev-parse` when they all name commits (the
 * common case), in order. rev-parse fails as a whole when one is missing: each is then resolved on
 * its own, so a missing one is undefined exactly as resolveCommit says.
 */
async function resolveCommits(git, revisions) {
    // A range (`a..b`) prints two lines for one argument, and a name that starts with `-` needs
    // --end-of-options, which rev-parse honours only with --verify (one revision): those are
    // resolved one by one. The count and shape of the output lines guard everything else.
    if (revisions.length > 1 && !revisions.some((r) => r.includes('..') || r.startsWith('-'))) {
        try {
            const output = await git.raw(['rev-parse', ...revisions.map((revision) => `${revision}^{commit}`)]);
            const shas = output.split('\n');
            if (shas.length === revisions.length && shas.every((sha) => OBJECT_ID.test(sha)))
                return shas;
        }
        catch {
            // One of them names no commit: find out which below.
        }
    }
    const shas = [];
    for (const revision of revisions)
        shas.push(await resolveCommit(git, revision));
    return shas;
}
/** True when `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
async function isAncestor(git, ancestor, descendant) {
    // Not `merge-base --is-ancestor`: it answers by exit code alone, and simple-git resolves a
    // failing command that writes nothing to stderr (after waiting 50 ms for output that never
    // comes). `--count` always prints: 0 commits in `ancestor ^descendant` means reachable.
    const output = await git.raw([
        'rev-list',
        '--count',
        '--max-count=1',
        '--end-of-options',
        ancestor,
        `^${descendant}`,
        '--',
    ]);
    return output === '0';
}
/** How many commits `include` has that `exclude` has not (`git rev-list --count include ^exclude`). */
async function countCommits(git, include, exclude) {
    const output = await git.raw(['rev-list', '--count', '--end-of-options', include, `^${exclude}`, '--']);
    return Number(output);
}
/**
 * The commits a shallow clone cut off below: their parents are missing, so history checks must
 * not read them as root commits. Empty for a complete clone.
 */
async function shallowBoundary(git) {
    if (!(await isShallow(git)))
        return new Set();
    const path = await git.raw(['rev-parse', '--path-format=absolute', '--git-path', 'shallow']);
    try {
        const text = await readFile(path, 'utf8');
        return new Set(text.split('\n').filter(Boolean));
    }
    catch {
        return new Set();
    }
}
/**
 * Completes a shallow clone (blobless): used when a range's side branches reach below the
 * shallow boundary even though the merge base was found.
 */
async function fetchFullHistory(git, shas, log, remote = DEFAULT_REMOTE) {
    if (!(await isShallow(git)))
        return;
    log.info('Part of the history is below the shallow-clone boundary: fetching the full history');
    await git.raw(['fetch', '--no-tags', '--filter=blob:none', '--unshallow', remote, ...shas]);
}
/**
 * The current tip of `branch` on the remote, without fetching objects (`git ls-remote`), or
 * undefined when the branch or the remote is not there. ls-remote matches patterns by their tail,
 * so the exact ref is picked from its answer.
 */
async function remoteBranchTip(git, branch, remote = DEFAULT_REMOTE) {
    const ref = `refs/heads/${branch}`;
    try {
        const output = await git.raw(['ls-remote', '--heads', remote, ref]);
        for (const line of output.split('\n')) {
            const [sha, name] = line.split('\t');
            if (name === ref && sha)
                return sha;
        }
        return undefined;
    }
    catch {
        return undefined;
    }
}
/** The branch `<remote>/HEAD` points at (the remote's default branch), if the clone recorded it. */
async function remoteDefaultBranch(git, remote = DEFAULT_REMOTE) {
    try {
        // Not `symbolic-ref --quiet`: silent when absent, which costs simple-git a 50 ms wait.
        const ref = await git.raw(['rev-parse', '--abbrev-ref', `refs/remotes/${remote}/HEAD`]);
        return ref.startsWith(`${remote}/`) ? ref.slice(remote.length + 1) : undefined;
    }
    catch {
        return undefined;
    }
}
/** The checked-out branch, or undefined on a detached HEAD. */
async function currentBranch(git) {
    try {
        const ref = await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']);
        return ref || undefined;
    }
    catch {
        return undefined;
    }
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


/***/ })

};
