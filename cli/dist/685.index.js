export const id = 685;
export const ids = [685];
export const modules = {

/***/ 41685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BRANCH_POLICY_INPUTS: () => (/* binding */ BRANCH_POLICY_INPUTS),
  branchPolicyGate: () => (/* binding */ branchPolicyGate),
  runBranchPolicy: () => (/* binding */ runBranchPolicy)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./core/git.ts
var core_git = __webpack_require__(54197);
// EXTERNAL MODULE: ./core/report/annotations.ts
var annotations = __webpack_require__(92906);
// EXTERNAL MODULE: ./core/report/json.ts
var json = __webpack_require__(14392);
// EXTERNAL MODULE: ./core/errors.ts
var errors = __webpack_require__(78882);
// EXTERNAL MODULE: ../../main/node_modules/picomatch/index.js
var picomatch = __webpack_require__(70636);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./actions/branch-policy/src/exemptions.ts

function branchMatcher(patterns) {
    if (patterns.length === 0)
        return () => false;
    const matches = picomatch_default()([...patterns], { dot: true });
    return (name) => name !== undefined && matches(name);
}
function authorMatcher(patterns) {
    const expressions = patterns.map(wildcard);
    return (name) => name !== undefined && name !== '' && expressions.some((re) => re.test(name));
}
function wildcard(pattern) {
    const body = pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${body}$`, 'i');
}
/** At most this many commits are looked up through the API per run (one request each). */
const MAX_IDENTITY_LOOKUPS = 100;
/**
 * The commits allow-authors exempts. Git author and committer fields are free text anyone can
 * write, so they only pick the candidates; a commit is exempt only when GitHub says its signature
 * is verified and links it to an allowed login: from the compare API's own answer, or, for
 * commits read with git, through one API lookup each when a token is at hand.
 */
async function verifiedExemptCommits(commits, matches, lookup, notes) {
    const exempt = new Set();
    const candidates = [];
    for (const commit of commits) {
        if (commit.verified !== undefined) {
            if (commit.verified && matches(commit.authorLogin))
                exempt.add(commit.sha);
        }
        else if (matches(commit.authorName) || matches(commit.authorEmail)) {
            candidates.push(commit);
        }
    }
    if (candidates.length === 0)
        return exempt;
    if (!lookup) {
        notes.push(`${candidates.length} commit(s) whose git author matches allow-authors were checked anyway: git author text is not a verified identity (set the 'token' input to verify them through the GitHub API)`);
        return exempt;
    }
    for (const commit of candidates.slice(0, MAX_IDENTITY_LOOKUPS)) {
        const identity = await lookup(commit.sha);
        if (identity.verified && matches(identity.login))
            exempt.add(commit.sha);
    }
    const unverified = candidates.length - Math.min(candidates.length, MAX_IDENTITY_LOOKUPS);
    if (unverified > 0) {
        notes.push(`${unverified} more commit(s) matching allow-authors were not looked up (at most ${MAX_IDENTITY_LOOKUPS}) and were checked`);
    }
    return exempt;
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/fix.ts

/**
 * The commands a user runs to fix a verdict. Feature branches are fixed by rebasing them onto
 * the current base (which also drops back-merges and linearises merged branches) and pushing
 * with a lease; never by merging the base into them. Protected branches are never rewritten:
 * dropped commits come back through a merge.
 */
const FEATURE_RULES = new Set([
    'no-merge-commits',
    'require-rebased',
    'no-autosquash-commits',
    'max-commits',
]);
// Characters a POSIX shell leaves alone; anything else is single-quoted.
const SHELL_SAFE = /^[A-Za-z0-9_./@%+=:,-]+$/;
function shellQuote(word) {
    if (SHELL_SAFE.test(word) && !word.startsWith('-'))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
function featureBranchFix(violations, fix) {
    const rules = new Set(violations.map((v) => v.rule).filter((rule) => FEATURE_RULES.has(rule)));
    if (rules.size === 0)
        return [];
    const commands = [];
    if (fix.fetchRemote)
        commands.push(`git fetch ${shellQuote(fix.fetchRemote)}`);
    // `--` keeps a branch named like an option (`-x`) from being read as one.
    if (fix.branch && fix.switchFirst)
        commands.push(`git switch -- ${shellQuote(fix.branch)}`);
    const interactive = rules.has('no-autosquash-commits') || rules.has('max-commits');
    const upstream = shellQuote(fix.upstream);
    commands.push(interactive ? `git rebase -i --autosquash ${upstream}` : `git rebase ${upstream}`);
    commands.push(pushCommand(fix));
    return commands;
}
function pushCommand(fix) {
    if (!fix.pushRemote || !fix.branch)
        return 'git push --force-with-lease';
    const branch = fix.branch.startsWith('-') ? `HEAD:refs/heads/${fix.branch}` : fix.branch;
    return `git push --force-with-lease ${shellQuote(fix.pushRemote)} ${shellQuote(branch)}`;
}
/** Restores what a force push dropped without rewriting the branch again: merge the old tip back. */
function forcePushFix(branch, before, remote) {
    const quoted = shellQuote(branch);
    const remoteBranch = shellQuote(`${remote}/${branch}`);
    return [
        `git fetch ${shellQuote(remote)} ${before}`,
        `git switch -- ${quoted}`,
        `git merge --ff-only ${remoteBranch}`,
        `git merge --no-ff -m ${shellQuote(`Restore commits dropped by force push ${(0,core_git/* short */.h0)(before)}`)} ${before}`,
        `git push ${shellQuote(remote)} ${quoted}`,
    ];
}
/** merge-style is a process rule: the fix is how changes are integrated from now on. */
function mergeStyleAdvice(style, mergeQueue) {
    if (style === 'merge') {
        return mergeQueue
            ? ["# Set the merge queue's merge method to 'Merge commit'"]
            : [
                '# Integrate through pull requests merged with a merge commit, or locally with:',
                'git merge --no-ff <branch>',
            ];
    }
    if (style === 'linear') {
        return mergeQueue
            ? ["# Set the merge queue's merge method to 'Rebase and merge' or 'Squash and merge'"]
            : [
                "# Merge pull requests with 'Rebase and merge' or 'Squash and merge', and add the ruleset rule",
                "# 'Require linear history' so the server refuses merge commits",
            ];
    }
    return [];
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/github-api.ts
/**
 * The API fallback, for when git is not installed or the job has no checkout. One endpoint,
 * compare (`GET /repos/{owner}/{repo}/compare/{base}...{head}`), answers every question the rules
 * ask: ancestry (`status`), how far behind (`behind_by`) and the commits with their parents. It
 * lists at most API_COMMIT_CAP commits; callers say so when that truncates a range.
 */
const API_COMMIT_CAP = 250;
const API_PAGE_SIZE = 100;
function octokitApi(octokit, repository) {
    return {
        async compare(base, head) {
            const commits = [];
            let first;
            for (let page = 1; commits.length < API_COMMIT_CAP; page += 1) {
                const response = await octokit.rest.repos.compareCommitsWithBasehead({
                    ...repository,
                    basehead: `${base}...${head}`,
                    per_page: API_PAGE_SIZE,
                    page,
                });
                const data = response.data;
                first ??= data;
                const pageCommits = data.commits ?? [];
                commits.push(...pageCommits);
                if (pageCommits.length < API_PAGE_SIZE || commits.length >= data.total_commits)
                    break;
            }
            const comparison = first;
            return {
                status: comparison.status,
                aheadBy: comparison.ahead_by,
                behindBy: comparison.behind_by,
                totalCommits: comparison.total_commits,
                // The API lists oldest first; git and the rules read newest first.
                commits: commits.slice(0, API_COMMIT_CAP).map(toCommitInfo).reverse(),
            };
        },
        async commitIdentity(sha) {
            const getCommit = octokit.rest.repos.getCommit;
            if (!getCommit)
                return { login: undefined, verified: false };
            const { data } = await getCommit({ ...repository, ref: sha });
            const commit = data;
            return {
                login: commit.author?.login ?? undefined,
                verified: commit.commit?.verification?.verified === true,
            };
        },
    };
}
function toCommitInfo(commit) {
    const info = {
        sha: commit.sha,
        parents: (commit.parents ?? []).map((parent) => parent.sha),
        authorName: commit.commit?.author?.name ?? '',
        authorEmail: commit.commit?.author?.email ?? '',
        subject: (commit.commit?.message ?? '').split('\n', 1)[0] ?? '',
    };
    if (commit.author?.login)
        info.authorLogin = commit.author.login;
    info.verified = commit.commit?.verification?.verified === true;
    return info;
}
/** The note the report carries when the cap truncated a range. */
function capNote(listed, total) {
    if (listed >= total)
        return undefined;
    return (`GitHub's API lists at most ${API_COMMIT_CAP} commits: checked ${listed} of ${total}. ` +
        'Add actions/checkout before this step so git reads the whole range.');
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/history.ts

/**
 * Commits only (tree:0): the rules never read trees or blobs. exactRange: deepen until the
 * shallow boundary lies below the merge base, so ranges and counts are those of the full graph.
 */
const HISTORY_FETCH = { filter: 'tree:0', exactRange: true };
/**
 * History collection with git. From the default actions/checkout (depth 1, at GitHub's synthetic
 * merge commit) it fetches the two tips it was given and deepens until their merge base appears;
 * on a full clone every commit is already there and nothing is fetched. Each range is read with
 * one `git log` call whatever its size.
 */
async function collectBranchHistory(git, baseSha, headSha, log, remote) {
    const mergeBase = await (0,core_git/* ensureMergeBase */.qW)(git, baseSha, headSha, log, remote, HISTORY_FETCH);
    if (!mergeBase)
        log.warning(`${baseSha} and ${headSha} share no history: every head commit is checked`);
    const commits = await completeRange(git, headSha, baseSha, log, remote);
    // merge-base(base, head) = base already says "rebased"; ask git again only when it does not.
    const baseIsAncestor = mergeBase === baseSha || (await (0,core_git/* isAncestor */.QX)(git, baseSha, headSha));
    const behindBy = baseIsAncestor ? 0 : await (0,core_git/* countCommits */.Wt)(git, baseSha, headSha);
    return { baseSha, headSha, commits, complete: true, baseIsAncestor, behindBy };
}
/**
 * Commits of `include` that `exclude` lacks. A shallow clone can find the merge base and still
 * get this wrong: a boundary commit has its parents grafted away, so it reads as a root, and a
 * branch that forked below the boundary leaks older base commits into the range (they are
 * present through the head's side but no longer reachable from the cut-off base). Both end in a
 * parentless commit inside the range; in a complete clone that only happens for unrelated
 * histories. So a parentless commit in a shallow clone's range means: fetch the full history once.
 */
async function completeRange(git, include, exclude, log, remote, options = {}) {
    const revisions = [include, `^${exclude}`];
    const commits = await (0,core_git/* listCommits */.VE)(git, revisions, options);
    if (!commits.some((commit) => commit.parents.length === 0) || !(await (0,core_git/* isShallow */.fE)(git)))
        return commits;
    await (0,core_git/* fetchFullHistory */._L)(git, [include, exclude], log, remote, HISTORY_FETCH);
    return (0,core_git/* listCommits */.VE)(git, revisions, options);
}
/** The history a verdict needs could not be read (a tip that cannot be fetched). */
class HistoryUnavailableError extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
        this.name = 'HistoryUnavailableError';
    }
}
/**
 * A push: what was dropped (before ^after) and what arrived on the first-parent line
 * (after ^before). When the old tip cannot be fetched (gone after a force push, or the remote
 * unreachable) this throws HistoryUnavailableError: the caller tries the API, else fails.
 */
async function collectPushHistory(git, push, log, remote) {
    await (0,core_git/* fetchMissingCommits */.v1)(git, [push.after], log, remote, HISTORY_FETCH);
    await fetchPreviousTip(git, push.before, log, remote);
    await (0,core_git/* ensureMergeBase */.qW)(git, push.after, push.before, log, remote, HISTORY_FETCH);
    // The graph decides, not the event's `forced` flag: a forced push can be a fast-forward.
    const rewritten = !(await (0,core_git/* isAncestor */.QX)(git, push.before, push.after));
    const dropped = rewritten ? await completeRange(git, push.before, push.after, log, remote) : [];
    const arrived = await completeRange(git, push.after, push.before, log, remote, { firstParent: true });
    return { branch: push.branch, before: push.before, after: push.after, rewritten, dropped, arrived };
}
async function fetchPreviousTip(git, sha, log, remote) {
    try {
        await (0,core_git/* fetchMissingCommits */.v1)(git, [sha], log, remote, HISTORY_FETCH);
    }
    catch (error) {
        const reason = firstLine(error);
        log.warning(`The previous tip ${sha} could not be fetched: ${reason}`);
        throw new HistoryUnavailableError(reason);
    }
}
function firstLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    return (text
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? 'unknown error');
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/rules.ts

// What `git rebase --autosquash` acts on: git matches these exact prefixes, space included.
const AUTOSQUASH_SUBJECT = /^(fixup|squash|amend)! /;
/** Subjects git and GitHub write for merges, to name the branch a merge brought in. */
const MERGE_SUBJECTS = [
    /^Merge pull request #\d+ from [^/\s]+\/(\S+)/,
    /^Merge remote-tracking branch '([^']+)'/,
    /^Merge branch '([^']+)'/,
    /^Merge branches '([^']+)'/,
];
function isMerge(commit) {
    return commit.parents.length > 1;
}
function isAutosquash(subject) {
    return AUTOSQUASH_SUBJECT.test(subject);
}
function authorOf(commit) {
    const name = commit.authorName || commit.authorLogin || 'unknown';
    return commit.authorEmail ? `${name} <${commit.authorEmail}>` : name;
}
function violation(rule, commit, message) {
    return { rule, sha: commit.sha, subject: commit.subject, author: authorOf(commit), message };
}
/** The branch named in a merge subject, without a leading `<remote>/`. */
function mergeSource(subject, remote) {
    for (const pattern of MERGE_SUBJECTS) {
        const source = pattern.exec(subject)?.[1];
        if (source)
            return stripRemote(source, remote);
    }
    return undefined;
}
function stripRemote(branch, remote) {
    return branch.startsWith(`${remote}/`) ? branch.slice(remote.length + 1) : branch;
}
/**
 * "back-merge from main" when the merge brought the base branch in (a parent outside the range is
 * reachable from the base tip, or the subject says so), "merge of <branch>" otherwise.
 */
function describeMerge(commit, range, complete, base, remote) {
    const source = mergeSource(commit.subject, remote);
    const fromBase = stripRemote(base, remote);
    const parentFromBase = complete && commit.parents.some((parent) => !range.has(parent));
    if (parentFromBase || source === fromBase)
        return `back-merge from ${fromBase}`;
    const mergedParent = commit.parents[1];
    return `merge of ${source ?? (mergedParent ? `commit ${(0,core_git/* short */.h0)(mergedParent)}` : 'another branch')}`;
}
/** Pull-request (and CLI) rules: no merges, rebased on the current base, no autosquash leftovers. */
function pullRequestViolations(history, names, rules, exempt) {
    const violations = [];
    const range = new Set(history.commits.map((commit) => commit.sha));
    for (const commit of history.commits) {
        if (exempt(commit))
            continue;
        if (rules.noMergeCommits && isMerge(commit)) {
            const what = describeMerge(commit, range, history.complete, names.base, names.remote);
            violations.push(violation('no-merge-commits', commit, `${what}: rebase the branch instead of merging`));
        }
        if (rules.noAutosquashCommits && isAutosquash(commit.subject))
            violations.push(autosquashViolation(commit));
    }
    const headCommit = history.commits.find((commit) => commit.sha === history.headSha) ?? {
        sha: history.headSha,
        parents: [],
        authorName: '',
        authorEmail: '',
        subject: '',
    };
    if (rules.requireRebased && !history.baseIsAncestor) {
        const message = `not rebased: ${names.head} is ${plural(history.behindBy, 'commit')} behind ${names.base} ` +
            `(the ${names.base} tip ${(0,core_git/* short */.h0)(history.baseSha)} is not in the branch)`;
        violations.push(violation('require-rebased', headCommit, message));
    }
    if (rules.maxCommits !== undefined && history.commits.length > rules.maxCommits) {
        const message = `${plural(history.commits.length, 'commit')}, more than max-commits ${rules.maxCommits}: squash related commits`;
        violations.push(violation('max-commits', headCommit, message));
    }
    return violations;
}
function autosquashViolation(commit) {
    return violation('no-autosquash-commits', commit, `${commit.subject.slice(0, commit.subject.indexOf('!') + 1)} commit: fold it in with git rebase -i --autosquash`);
}
/** First parents from the head while they stay in the range: what arrived on the branch itself. */
function firstParentChain(commits, headSha) {
    const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
    const chain = [];
    let current = bySha.get(headSha);
    while (current) {
        chain.push(current);
        const parent = current.parents[0];
        current = parent === undefined ? undefined : bySha.get(parent);
        bySha.delete(chain[chain.length - 1].sha);
    }
    return chain;
}
/**
 * The merge queue: the queue's own commits (the first-parent chain) must follow merge-style; the
 * pull requests inside it must carry no merges and no autosquash leftovers. "Rebased" is not
 * required here: keeping queued branches up to date is exactly what a merge queue is for.
 */
function mergeGroupViolations(history, names, rules, baseProtected, exempt) {
    const chain = firstParentChain(history.commits, history.headSha);
    const queueCommits = new Set(chain.map((commit) => commit.sha));
    const range = new Set(history.commits.map((commit) => commit.sha));
    const violations = [];
    for (const commit of history.commits) {
        if (exempt(commit))
            continue;
        if (rules.noMergeCommits && isMerge(commit) && !queueCommits.has(commit.sha)) {
            const what = describeMerge(commit, range, history.complete, names.base, names.remote);
            violations.push(violation('no-merge-commits', commit, `${what} inside a queued pull request: rebase it`));
        }
        if (rules.noAutosquashCommits && isAutosquash(commit.subject))
            violations.push(autosquashViolation(commit));
    }
    if (baseProtected)
        violations.push(...mergeStyleViolations(chain, rules.mergeStyle, names.base, exempt));
    return violations;
}
/** Commits that arrived on the branch's first-parent line against merge-style. */
function mergeStyleViolations(arrived, style, branch, exempt) {
    if (style === 'any')
        return [];
    const violations = [];
    for (const commit of arrived) {
        if (exempt(commit))
            continue;
        if (style === 'merge' && !isMerge(commit)) {
            violations.push(violation('merge-style', commit, `arrived on ${branch} without a merge commit (merge-style: merge)`));
        }
        else if (style === 'linear' && isMerge(commit)) {
            violations.push(violation('merge-style', commit, `merge commit on ${branch}, which keeps a linear history (merge-style: linear)`));
        }
    }
    return violations;
}
/** Protected-branch push rules: never rewritten; arrivals follow merge-style. */
function pushViolations(push, rules, exempt) {
    const violations = [];
    if (rules.noForcePush && push.rewritten) {
        const what = `force push to ${push.branch} (${(0,core_git/* short */.h0)(push.before)} -> ${(0,core_git/* short */.h0)(push.after)})`;
        if (!push.dropped || push.dropped.length === 0) {
            const before = {
                sha: push.before,
                parents: [],
                authorName: '',
                authorEmail: '',
                subject: '(not available)',
            };
            violations.push(violation('no-force-push', before, `${what} rewrote history; the dropped commits could not be read`));
        }
        else {
            for (const commit of push.dropped) {
                violations.push(violation('no-force-push', commit, `dropped by a ${what}`));
            }
        }
    }
    violations.push(...mergeStyleViolations(push.arrived, rules.mergeStyle, push.branch, exempt));
    return violations;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./actions/branch-policy/src/event.ts


const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const ZERO_SHA = '0000000000000000000000000000000000000000';
const BRANCH_REF_PREFIX = 'refs/heads/';
/** Reads GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; no event name means the CLI outside Actions. */
async function readEvent(env) {
    const name = env.GITHUB_EVENT_NAME;
    if (!name)
        return { kind: 'none' };
    const kind = eventKind(name);
    if (kind === 'other')
        return { kind, name };
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        throw new errors/* ConfigurationError */.j1(`GITHUB_EVENT_PATH is not set for the '${name}' event`);
    const payload = await readPayload(path);
    return parseEvent(name, payload);
}
function eventKind(name) {
    if (PULL_REQUEST_EVENTS.has(name))
        return 'pull_request';
    if (name === 'merge_group' || name === 'push')
        return name;
    return 'other';
}
async function readPayload(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read the event payload ${path}: ${error.message}`);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`The event payload ${path} is not valid JSON`);
    }
}
/** The string fields each event's rules read, as dotted paths into the payload. */
const REQUIRED_FIELDS = {
    pull_request: [
        'pull_request.head.sha',
        'pull_request.head.ref',
        'pull_request.base.sha',
        'pull_request.base.ref',
    ],
    merge_group: [
        'merge_group.head_sha',
        'merge_group.head_ref',
        'merge_group.base_sha',
        'merge_group.base_ref',
    ],
    push: ['ref', 'before', 'after'],
};
/**
 * Validates the event once, before anything reads it: every field the rules rely on must be a
 * non-empty string, and a payload that lacks some fails in one line naming all of them.
 */
function parseEvent(name, payload) {
    const kind = eventKind(name);
    if (kind === 'other')
        return { kind, name };
    const record = (payload ?? {});
    const missing = REQUIRED_FIELDS[kind].filter((path) => !isNonEmptyString(fieldAt(record, path)));
    if (missing.length > 0) {
        throw new errors/* ConfigurationError */.j1(`The '${name}' event payload has no ${missing.join(', ')}`);
    }
    if (kind === 'pull_request')
        return { kind, name, payload: record };
    if (kind === 'merge_group')
        return { kind, name, payload: record };
    return { kind, name, payload: record };
}
function fieldAt(record, path) {
    let value = record;
    for (const key of path.split('.')) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}
function isNonEmptyString(value) {
    return typeof value === 'string' && value !== '';
}
/** `refs/heads/main` -> `main`; other refs (tags) -> undefined. */
function branchFromRef(ref) {
    return ref.startsWith(BRANCH_REF_PREFIX) ? ref.slice(BRANCH_REF_PREFIX.length) : undefined;
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/settings.ts






/**
 * Inputs -> typed settings, once, before any git work. Every message names the input, the bad
 * value and the accepted forms.
 */
const ACTION_NAME = 'branch-policy';
const MERGE_STYLES = ['merge', 'linear', 'any'];
/** Protected by default besides the default branch: release lines are shared history too. */
const DEFAULT_EXTRA_PROTECTED = ['release/*'];
const FALLBACK_DEFAULT_BRANCH = 'main';
const MAX_COMMITS_LIMIT = 1_000_000;
// A remote is passed to git as an argument: a name that starts with `-` would read as an option.
const REMOTE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/;
// Control characters cannot be in a ref name; refusing them keeps logs and summaries one line.
const CONTROL_CHARACTERS = /[\x00-\x1f\x7f]/;
const REVISION_FORMS = 'use a branch, tag, SHA or revision such as origin/main or HEAD~3';
function readSettings(inputs, env, event, workspace = env.GITHUB_WORKSPACE ?? process.cwd()) {
    const protectedInput = inputs.list('protected-branches').map(stripHeadsPrefix);
    for (const pattern of protectedInput)
        validateGlob('protected-branches', pattern);
    const allowBranches = inputs.list('allow-branches').map(stripHeadsPrefix);
    for (const pattern of allowBranches)
        validateGlob('allow-branches', pattern);
    const remote = inputs.string('remote', core_git/* DEFAULT_REMOTE */.dS);
    if (!REMOTE_NAME.test(remote))
        throw (0,errors/* invalidInput */.aY)('remote', remote, 'use a remote name such as origin');
    const base = optionalRevision(inputs, 'base');
    const head = optionalRevision(inputs, 'head');
    return {
        path: resolvePath(inputs.string('path', '.'), workspace),
        remote,
        token: inputs.optional('token') ?? env.GITHUB_TOKEN,
        repository: parseRepository(env.GITHUB_REPOSITORY),
        reportPath: (0,json/* resolveReportPath */.gw)(inputs.optional('report-path') ?? (0,json/* defaultReportPath */.j0)(ACTION_NAME, env, workspace), workspace),
        protectedPatterns: protectedInput.length > 0 ? protectedInput : [...DEFAULT_EXTRA_PROTECTED],
        defaultBranch: defaultBranchOf(event),
        protectDefaultBranch: protectedInput.length === 0,
        rules: readRules(inputs),
        allowAuthors: inputs.list('allow-authors'),
        allowBranches,
        target: targetFor(event, base, head),
    };
}
function readRules(inputs) {
    return {
        noMergeCommits: inputs.boolean('no-merge-commits', true),
        requireRebased: inputs.boolean('require-rebased', true),
        noAutosquashCommits: inputs.boolean('no-autosquash-commits', true),
        maxCommits: inputs.optionalInteger('max-commits', { min: 1, max: MAX_COMMITS_LIMIT }),
        noForcePush: inputs.boolean('no-force-push', true),
        mergeStyle: inputs.enumeration('merge-style', MERGE_STYLES, 'any'),
    };
}
function optionalRevision(inputs, name) {
    const value = inputs.optional(name);
    if (value !== undefined && CONTROL_CHARACTERS.test(value)) {
        throw (0,errors/* invalidInput */.aY)(name, JSON.stringify(value).slice(1, -1), REVISION_FORMS);
    }
    return value;
}
function validateGlob(input, pattern) {
    try {
        picomatch_default()(pattern);
    }
    catch {
        throw (0,errors/* invalidInput */.aY)(input, pattern, 'use branch names or glob patterns such as main, release/*');
    }
    if (CONTROL_CHARACTERS.test(pattern)) {
        throw (0,errors/* invalidInput */.aY)(input, pattern, 'use branch names or glob patterns such as main, release/*');
    }
}
function stripHeadsPrefix(pattern) {
    return branchFromRef(pattern) ?? pattern;
}
function resolvePath(path, workspace) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path);
}
function parseRepository(value) {
    const [owner, repo, ...rest] = (value ?? '').split('/');
    return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}
function defaultBranchOf(event) {
    if (event.kind === 'none' || event.kind === 'other')
        return undefined;
    return event.payload.repository?.default_branch || undefined;
}
/** The event decides what is checked; `base` / `head` inputs override the SHAs it names. */
function targetFor(event, base, head) {
    switch (event.kind) {
        case 'pull_request': {
            const pr = event.payload.pull_request;
            const baseRepo = pr.base.repo?.full_name;
            const headRepo = pr.head.repo?.full_name;
            return {
                kind: 'pull-request',
                base: base ? { name: base, revision: base } : { name: pr.base.ref, revision: pr.base.sha },
                head: head ? { name: head, revision: head } : { name: pr.head.ref, revision: pr.head.sha },
                number: pr.number ?? event.payload.number ?? 0,
                author: pr.user?.login ?? undefined,
                authorType: pr.user?.type ?? undefined,
                commitCount: pr.commits,
                fromFork: Boolean(baseRepo && headRepo && baseRepo !== headRepo),
            };
        }
        case 'merge_group': {
            const group = event.payload.merge_group;
            const baseName = branchFromRef(group.base_ref) ?? group.base_ref;
            const headName = branchFromRef(group.head_ref) ?? group.head_ref;
            return {
                kind: 'merge-group',
                base: base ? { name: base, revision: base } : { name: baseName, revision: group.base_sha },
                head: head ? { name: head, revision: head } : { name: headName, revision: group.head_sha },
                sender: event.payload.sender?.login ?? undefined,
            };
        }
        case 'push':
            return pushTarget(event.payload, base, head);
        case 'other':
            // base/head given on another event (workflow_dispatch): check that range like the CLI does.
            return base || head
                ? { kind: 'local', base, head: head ?? 'HEAD' }
                : { kind: 'unsupported', event: event.name };
        case 'none':
            return { kind: 'local', base, head: head ?? 'HEAD' };
    }
}
function pushTarget(payload, base, head) {
    const branch = branchFromRef(payload.ref);
    if (branch === undefined)
        return { kind: 'unsupported', event: `push of ${payload.ref}` };
    const before = base ?? payload.before;
    return {
        kind: 'push',
        branch,
        before: before === ZERO_SHA || payload.created ? undefined : before,
        after: head ?? payload.after,
        forced: payload.forced === true,
        deleted: payload.deleted === true || payload.after === ZERO_SHA,
        pusher: payload.sender?.login ?? undefined,
    };
}
/** Refuses settings that cannot work before anything runs (no API credentials where needed, ...). */
function requireToken(settings, why) {
    if (!settings.token)
        throw new ConfigurationError(`No token for the GitHub API (${why}): set the 'token' input`);
    return settings.token;
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/check.ts








const SHA_PATTERN = /^[0-9a-f]{40}$/;
async function checkBranchPolicy(settings, clients) {
    const target = settings.target;
    if (target.kind === 'unsupported') {
        return finish({ target: target.kind, source: 'none', checkedCommits: 0, violations: [], fixCommands: [] }, [`Nothing to check for ${target.event}: branch-policy checks pull_request, merge_group and push`], 'neutral');
    }
    const context = await buildContext(settings, clients);
    switch (target.kind) {
        case 'pull-request':
        case 'local':
            return checkFeatureBranch(context, target);
        case 'merge-group':
            return checkMergeGroup(context, target);
        case 'push':
            return checkPush(context, target);
    }
}
async function buildContext(settings, clients) {
    const defaultBranch = settings.defaultBranch ??
        (clients.git ? await (0,core_git/* remoteDefaultBranch */.Ki)(clients.git, settings.remote) : undefined) ??
        FALLBACK_DEFAULT_BRANCH;
    const patterns = settings.protectDefaultBranch
        ? [defaultBranch, ...settings.protectedPatterns]
        : settings.protectedPatterns;
    const isAllowedAuthor = authorMatcher(settings.allowAuthors);
    return {
        settings,
        clients,
        isProtected: branchMatcher(patterns),
        isAllowedBranch: branchMatcher(settings.allowBranches),
        isAllowedAuthor,
    };
}
/** allow-authors for single commits: only identities GitHub verified (see verifiedExemptCommits). */
async function commitExemptions(context, commits, notes) {
    if (context.settings.allowAuthors.length === 0)
        return () => false;
    const { api } = context.clients;
    const lookup = api ? async (sha) => (await api()).commitIdentity(sha) : undefined;
    const exempt = await verifiedExemptCommits(commits, context.isAllowedAuthor, lookup, notes);
    return (commit) => exempt.has(commit.sha);
}
function finish(body, notes, forced) {
    const result = forced ?? (body.violations.length > 0 ? 'fail' : 'pass');
    return { result, summaryLine: summaryLine(result, body, notes), ...body, notes };
}
function summaryLine(result, body, notes) {
    const what = describeTarget(body);
    // A failure without violations is history that could not be read: the note says why.
    if (result === 'fail' && body.violations.length === 0)
        return notes[0] ?? `Could not check ${what}`;
    if (result === 'fail')
        return failureLine(body.violations, what);
    if (result === 'neutral' || body.checkedCommits === 0)
        return notes[0] ?? `Nothing to check on ${what}`;
    return `${what} follows the branch policy (${plural(body.checkedCommits, 'commit')} checked)`;
}
/**
 * The line the failed check shows on the pull request: it must say what is wrong, so it names the
 * first violation itself (commit and problem), not only the rule ids.
 */
function failureLine(violations, what) {
    const [first] = violations;
    const rules = [...new Set(violations.map((v) => v.rule))].join(', ');
    const more = violations.length > 1 ? `; ${plural(violations.length - 1, 'more violation')} in the summary` : '';
    const firstText = first ? ` (${(0,core_git/* short */.h0)(first.sha)} ${first.message})` : '';
    return `${plural(violations.length, 'branch policy violation')} on ${what}: ${rules}${firstText}${more}`;
}
function describeTarget(body) {
    if (body.target === 'push' && body.head) {
        const from = body.base?.sha ? `${(0,core_git/* short */.h0)(body.base.sha)} -> ` : '';
        return `the push to ${body.head.name} (${from}${(0,core_git/* short */.h0)(body.head.sha)})`;
    }
    if (body.head && body.base)
        return `${body.head.name} (onto ${body.base.name})`;
    return body.head?.name ?? body.base?.name ?? body.target;
}
/** A verdict that passes without reading history: exemptions, unprotected branches, deletions. */
function skipped(target, reason, names) {
    return finish({ target, source: 'none', checkedCommits: 0, violations: [], fixCommands: [], ...names }, [
        reason,
    ]);
}
/** Pull requests and the CLI: the feature-branch half of the golden rule. */
async function checkFeatureBranch(context, target) {
    const { settings } = context;
    const { baseName, headName } = await featureNames(context, target);
    const names = { base: { name: baseName, sha: '' }, head: { name: headName ?? 'HEAD', sha: '' } };
    const exemption = featureExemption(context, target, headName);
    if (exemption)
        return skipped(target.kind, exemption, names);
    const notes = [];
    const rules = sharedHeadRules(context, target, headName, notes);
    const { history, source } = target.kind === 'local'
        ? { history: await localHistory(context, baseName, target.head), source: 'git' }
        : await pullRequestHistory(context, target, notes);
    const branchNames = { base: baseName, head: headName ?? 'HEAD', remote: settings.remote };
    const exempt = await commitExemptions(context, history.commits, notes);
    const violations = pullRequestViolations(history, branchNames, rules, exempt);
    return finish({
        target: target.kind,
        source,
        checkedCommits: history.commits.length,
        violations,
        fixCommands: featureFix(context, target, { baseName, headName }, violations),
        base: { name: baseName, sha: history.baseSha },
        head: { name: headName ?? 'HEAD', sha: history.headSha },
    }, notes);
}
/** On a runner the upstream is `<remote>/<base>`; the CLI rebases onto the base exactly as given. */
function featureFix(context, target, names, violations) {
    const { remote } = context.settings;
    const local = target.kind === 'local';
    return featureBranchFix(violations, {
        upstream: local ? names.baseName : `${remote}/${names.baseName}`,
        branch: names.headName,
        switchFirst: !(local && target.head === 'HEAD'),
        fetchRemote: !local || names.baseName.startsWith(`${remote}/`) ? remote : undefined,
        pushRemote: target.kind === 'pull-request' && target.fromFork ? undefined : remote,
    });
}
/**
 * Whole-branch exemptions. A fork names its branches as it likes, so a fork's head ref is never
 * matched against allow-branches; the pull request's author is GitHub's own `user.login`.
 */
function featureExemption(context, target, headName) {
    const fromFork = target.kind === 'pull-request' && target.fromFork;
    if (!fromFork && context.isAllowedBranch(headName))
        return `${headName} is exempt (allow-branches)`;
    if (target.kind === 'pull-request' && context.isAllowedAuthor(target.author)) {
        return `Pull request by ${target.author}${target.authorType === 'Bot' ? ' (bot)' : ''} is exempt (allow-authors)`;
    }
    return undefined;
}
/**
 * A shared branch of this repository (release/1.2 into main) is merged as it is, so it is not
 * asked to rebase; the merge and fixup rules still apply. A fork's `main` is not this
 * repository's main: it is checked like any feature branch.
 */
function sharedHeadRules(context, target, headName, notes) {
    const fromFork = target.kind === 'pull-request' && target.fromFork;
    if (fromFork || !context.isProtected(headName))
        return context.settings.rules;
    notes.push(`${headName} is a protected branch: it is not asked to rebase; the merge and fixup rules apply`);
    return { ...context.settings.rules, requireRebased: false };
}
/** The CLI: base defaults to `<remote>/HEAD`'s branch, else main; HEAD is named by its branch. */
async function featureNames(context, target) {
    if (target.kind === 'pull-request')
        return { baseName: target.base.name, headName: target.head.name };
    const git = requireGit(context);
    const { remote } = context.settings;
    let baseName = target.base;
    if (baseName === undefined) {
        const remoteDefault = await (0,core_git/* remoteDefaultBranch */.Ki)(git, remote);
        baseName = remoteDefault ? `${remote}/${remoteDefault}` : FALLBACK_DEFAULT_BRANCH;
    }
    const headName = target.head === 'HEAD' ? await (0,core_git/* currentBranch */.eR)(git) : target.head;
    return { baseName, headName };
}
async function localHistory(context, base, head) {
    const baseSha = await resolveRevision(context, 'base', base);
    const headSha = await resolveRevision(context, 'head', head);
    const { log } = context.clients;
    return collectBranchHistory(requireGit(context), baseSha, headSha, log, context.settings.remote);
}
function requireGit(context) {
    if (!context.clients.git) {
        throw new errors/* ConfigurationError */.j1(`No git repository at ${context.settings.path}: run inside a clone or set the 'path' input`);
    }
    return context.clients.git;
}
/** A branch, tag, SHA or expression to a full SHA, fetching it when the clone lacks it. */
async function resolveRevision(context, input, revision) {
    const git = requireGit(context);
    const { remote } = context.settings;
    const resolved = await (0,core_git/* resolveCommit */.WL)(git, revision);
    if (resolved)
        return resolved;
    const tip = SHA_PATTERN.test(revision) ? revision : await (0,core_git/* remoteBranchTip */.SW)(git, revision, remote);
    if (tip) {
        await (0,core_git/* fetchMissingCommits */.v1)(git, [tip], context.clients.log, remote, HISTORY_FETCH);
        return tip;
    }
    throw (0,errors/* invalidInput */.aY)(input, revision, `no such branch, tag or commit in ${context.settings.path}; use a branch, tag, SHA or revision such as origin/main`);
}
async function pullRequestHistory(context, target, notes) {
    return withFallback(context, async (git) => {
        const base = await currentBaseTip(context, git, target);
        const head = await resolveRevision(context, 'head', target.head.revision);
        const { log } = context.clients;
        return collectBranchHistory(git, base, head, log, context.settings.remote);
    }, async (api) => {
        const comparison = await api.compare(target.base.revision, target.head.revision);
        const total = target.commitCount ?? comparison.totalCommits;
        const note = capNote(comparison.commits.length, Math.max(total, comparison.totalCommits));
        if (note)
            notes.push(note);
        return {
            baseSha: target.base.revision,
            headSha: comparison.commits[0]?.sha ?? target.head.revision,
            commits: comparison.commits,
            complete: note === undefined,
            baseIsAncestor: comparison.status === 'ahead' || comparison.status === 'identical',
            behindBy: comparison.behindBy,
        };
    });
}
/**
 * The base SHA in a pull_request payload is the tip when the event fired. "Rebased" means on the
 * base as it is now, so the remote is asked (ls-remote, no objects) and a newer tip wins.
 */
async function currentBaseTip(context, git, target) {
    const fromEvent = await resolveRevision(context, 'base', target.base.revision);
    if (target.base.revision !== target.base.name && SHA_PATTERN.test(target.base.revision)) {
        const current = await (0,core_git/* remoteBranchTip */.SW)(git, target.base.name, context.settings.remote);
        if (current && current !== fromEvent) {
            context.clients.log.info(`${target.base.name} moved to ${(0,core_git/* short */.h0)(current)} since the event (${(0,core_git/* short */.h0)(fromEvent)}): checking against the current tip`);
            await (0,core_git/* fetchMissingCommits */.v1)(git, [current], context.clients.log, context.settings.remote, HISTORY_FETCH);
            return current;
        }
    }
    return fromEvent;
}
/** Git first; the API when there is no checkout, or when git fails and a token is at hand. */
async function withFallback(context, fromGit, fromApi) {
    const { git, api, log } = context.clients;
    if (git) {
        try {
            return { history: await fromGit(git), source: 'git' };
        }
        catch (error) {
            if (!api || error instanceof errors/* ConfigurationError */.j1)
                throw error;
            log.warning(`Reading history with git failed (${check_firstLine(error)}): using the GitHub API`);
        }
    }
    else {
        log.info(`No git repository at ${context.settings.path}: reading history from the GitHub API`);
    }
    if (!api) {
        throw new errors/* ConfigurationError */.j1(`No git checkout at ${context.settings.path} and no token for the GitHub API: add actions/checkout before this step or set the 'token' input`);
    }
    return { history: await fromApi(await api()), source: 'api' };
}
function check_firstLine(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
}
/** The merge queue: the queue's own commits follow merge-style, the queued branches the PR rules. */
async function checkMergeGroup(context, target) {
    const { settings } = context;
    const names = { base: { name: target.base.name, sha: '' }, head: { name: target.head.name, sha: '' } };
    if (context.isAllowedBranch(target.head.name)) {
        return skipped(target.kind, `${target.head.name} is exempt (allow-branches)`, names);
    }
    const notes = [];
    const { history, source } = await withFallback(context, async (git) => {
        const base = await resolveRevision(context, 'base', target.base.revision);
        const head = await resolveRevision(context, 'head', target.head.revision);
        return collectBranchHistory(git, base, head, context.clients.log, settings.remote);
    }, async (api) => {
        const comparison = await api.compare(target.base.revision, target.head.revision);
        const note = capNote(comparison.commits.length, comparison.totalCommits);
        if (note)
            notes.push(note);
        return {
            baseSha: target.base.revision,
            headSha: target.head.revision,
            commits: comparison.commits,
            complete: note === undefined,
            baseIsAncestor: true,
            behindBy: 0,
        };
    });
    const baseProtected = context.isProtected(target.base.name);
    const branchNames = { base: target.base.name, head: target.head.name, remote: settings.remote };
    const exempt = await commitExemptions(context, history.commits, notes);
    const violations = mergeGroupViolations(history, branchNames, settings.rules, baseProtected, exempt);
    const fixCommands = mergeGroupFix(context, target, violations);
    return finish({
        target: target.kind,
        source,
        checkedCommits: history.commits.length,
        violations,
        fixCommands,
        base: { name: target.base.name, sha: history.baseSha },
        head: { name: target.head.name, sha: history.headSha },
    }, notes);
}
function mergeGroupFix(context, target, violations) {
    const { remote, rules } = context.settings;
    const feature = featureBranchFix(violations, {
        upstream: `${remote}/${target.base.name}`,
        branch: undefined,
        switchFirst: false,
        fetchRemote: remote,
        pushRemote: remote,
    });
    const commands = feature.length
        ? ['# Remove the pull request from the merge queue, switch to its branch, then:', ...feature]
        : [];
    if (violations.some((v) => v.rule === 'merge-style'))
        commands.push(...mergeStyleAdvice(rules.mergeStyle, true));
    return commands;
}
/** Protected branches: never rewritten, and arrivals follow merge-style. */
async function checkPush(context, target) {
    const { settings } = context;
    const names = { head: { name: target.branch, sha: target.after } };
    if (context.isAllowedBranch(target.branch))
        return skipped('push', `${target.branch} is exempt (allow-branches)`, names);
    if (context.isAllowedAuthor(target.pusher)) {
        return skipped('push', `Push by ${target.pusher} is exempt (allow-authors)`, names);
    }
    if (!context.isProtected(target.branch)) {
        return skipped('push', `${target.branch} is not a protected branch: push rules apply to protected branches`, names);
    }
    if (target.deleted) {
        return skipped('push', `${target.branch} was deleted: restrict deletions with a ruleset`, names);
    }
    const before = target.before;
    if (before === undefined)
        return skipped('push', `${target.branch} was created: no earlier tip to compare`, names);
    const notes = [];
    const range = { branch: target.branch, before, after: target.after, forced: target.forced };
    let collected;
    try {
        collected = await withFallback(context, (git) => collectPushHistory(git, range, context.clients.log, settings.remote), (api) => pushHistoryFromApi(api, range, notes));
    }
    catch (error) {
        if (!(error instanceof HistoryUnavailableError))
            throw error;
        collected = unreadablePush(context, range, error, notes);
    }
    const { history, source } = collected;
    if (history.rewritten && history.dropped === undefined) {
        notes.push(`The previous tip ${(0,core_git/* short */.h0)(before)} could not be read: the dropped commits are not listed`);
    }
    if (target.forced && !history.rewritten && !collected.unreadable) {
        notes.push(`The event says forced, but ${(0,core_git/* short */.h0)(before)} is an ancestor of ${(0,core_git/* short */.h0)(target.after)}: a fast-forward, checked as one`);
    }
    const exempt = await commitExemptions(context, [...history.arrived, ...(history.dropped ?? [])], notes);
    const violations = pushViolations(history, settings.rules, exempt);
    const fixCommands = [];
    if (violations.some((v) => v.rule === 'no-force-push')) {
        fixCommands.push(...forcePushFix(target.branch, before, settings.remote));
    }
    if (violations.some((v) => v.rule === 'merge-style')) {
        fixCommands.push(...mergeStyleAdvice(settings.rules.mergeStyle, false));
    }
    return finish({
        target: 'push',
        source,
        checkedCommits: history.arrived.length + (history.dropped?.length ?? 0),
        violations,
        fixCommands,
        base: { name: `${target.branch}@before`, sha: before },
        head: { name: target.branch, sha: target.after },
    }, notes, collected.unreadable && violations.length === 0 ? 'fail' : undefined);
}
/**
 * Not being able to read the previous tip is never a pass: with the event's `forced` flag the
 * rewrite is still reported (its dropped commits unknown); otherwise the verdict is a failure
 * whose first note says why. A neutral would not do: GitHub counts a neutral check as passing.
 */
function unreadablePush(context, range, error, notes) {
    const hint = context.clients.api
        ? ''
        : "; give the step a token (the 'token' input) to read it through the GitHub API, or make the remote reachable";
    notes.unshift(`The previous tip ${(0,core_git/* short */.h0)(range.before)} of ${range.branch} could not be read (${error.reason}): the push cannot be checked${hint}`);
    const history = { ...range, rewritten: range.forced, dropped: undefined, arrived: [] };
    return { history, source: 'git', unreadable: true };
}
async function pushHistoryFromApi(api, range, notes) {
    let arrivedComparison;
    try {
        arrivedComparison = await api.compare(range.before, range.after);
    }
    catch (error) {
        throw new HistoryUnavailableError(`the GitHub API: ${check_firstLine(error)}`);
    }
    const cap = capNote(arrivedComparison.commits.length, arrivedComparison.totalCommits);
    if (cap)
        notes.push(cap);
    // As with git, the graph decides: `forced` can be set on a fast-forward.
    const rewritten = arrivedComparison.status === 'behind' || arrivedComparison.status === 'diverged';
    const dropped = rewritten ? await droppedFromApi(api, range) : [];
    return {
        ...range,
        rewritten,
        dropped,
        arrived: firstParentChain(arrivedComparison.commits, range.after),
    };
}
/** After a force push the old tip can be gone from GitHub too: undefined then, and the report says so. */
async function droppedFromApi(api, range) {
    try {
        return (await api.compare(range.after, range.before)).commits;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./core/report/summary.ts
var summary = __webpack_require__(49700);
;// CONCATENATED MODULE: ./actions/branch-policy/src/report.ts



/** Reporters: annotations, the job summary and the JSON report, all from one verdict. */
// A summary holds at most 1 MiB: a 10,000-commit range of merges must not overflow it.
const SUMMARY_ROW_LIMIT = 200;
const SUBJECT_WIDTH_CHARS = 120;
// GitHub keeps at most 1 MB per step output and 50 MB per run: the `violations` output lists the
// first violations, with long subjects cut, within this budget; the JSON report keeps them all.
const OUTPUT_VIOLATIONS_MAX = 100;
const OUTPUT_BYTES_MAX = 64 * 1024;
const OUTPUT_TEXT_CHARS = 200;
/** One error per violation; the step's page shows them (no file: they concern history, not lines). */
function violationAnnotations(verdict) {
    return verdict.violations.map((v) => ({
        level: 'error',
        title: `${ACTION_NAME}: ${v.rule}`,
        message: `${(0,core_git/* short */.h0)(v.sha)} ${cut(v.subject, OUTPUT_TEXT_CHARS)} (${cut(v.author, OUTPUT_TEXT_CHARS)}): ${v.message}`,
    }));
}
/** The `violations` output: at most OUTPUT_VIOLATIONS_MAX entries and OUTPUT_BYTES_MAX bytes. */
function cappedViolations(violations) {
    const entries = [];
    let bytes = 2;
    for (const v of violations.slice(0, OUTPUT_VIOLATIONS_MAX)) {
        const entry = JSON.stringify({
            ...v,
            subject: cut(v.subject, OUTPUT_TEXT_CHARS),
            author: cut(v.author, OUTPUT_TEXT_CHARS),
            message: cut(v.message, OUTPUT_TEXT_CHARS * 2),
        });
        const size = Buffer.byteLength(entry) + 1;
        if (bytes + size > OUTPUT_BYTES_MAX)
            break;
        entries.push(entry);
        bytes += size;
    }
    return {
        json: `[${entries.join(',')}]`,
        listed: entries.length,
        omitted: violations.length - entries.length,
    };
}
function cut(text, chars) {
    return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}
function renderSummary(verdict) {
    const title = `${summary/* RESULT_ICONS */.D$[verdict.result]} ${ACTION_NAME}: ${verdict.summaryLine}`;
    const source = verdict.source === 'none'
        ? undefined
        : `Checked ${verdict.checkedCommits} commit(s) with ${verdict.source === 'git' ? 'git' : 'the GitHub API'}` +
            (verdict.base?.sha && verdict.head?.sha
                ? `: ${(0,summary/* code */.aY)((0,core_git/* short */.h0)(verdict.base.sha))}..${(0,summary/* code */.aY)((0,core_git/* short */.h0)(verdict.head.sha))}`
                : '.');
    return (0,summary/* sections */.V0)((0,summary/* heading */.R_)(title, 3), source, violationTable(verdict), verdict.fixCommands.length > 0 && `**Fix**\n\n${(0,summary/* codeBlock */.DV)(verdict.fixCommands.join('\n'), 'sh')}`, verdict.notes.length > 0 && verdict.notes.map((note) => `- ${note}`).join('\n'));
}
function violationTable(verdict) {
    if (verdict.violations.length === 0)
        return undefined;
    const rows = verdict.violations
        .slice(0, SUMMARY_ROW_LIMIT)
        .map((v) => [v.rule, (0,summary/* code */.aY)((0,core_git/* short */.h0)(v.sha)), truncate(v.subject), v.author, v.message]);
    const rest = verdict.violations.length - rows.length;
    const more = rest > 0 ? `\n\n…and ${rest} more in the JSON report.` : '';
    return (0,summary/* table */.tp)(['Rule', 'Commit', 'Subject', 'Author', 'Problem'], rows) + more;
}
function truncate(text) {
    return text.length > SUBJECT_WIDTH_CHARS ? `${text.slice(0, SUBJECT_WIDTH_CHARS - 1)}…` : text;
}
function jsonReport(verdict) {
    return { tool: ACTION_NAME, ...verdict };
}

;// CONCATENATED MODULE: ./actions/branch-policy/src/gate.ts









/** Every input action.yml declares, in its order; each is also a CLI flag. */
const BRANCH_POLICY_INPUTS = [
    'protected-branches',
    'no-merge-commits',
    'require-rebased',
    'no-autosquash-commits',
    'max-commits',
    'no-force-push',
    'merge-style',
    'allow-authors',
    'allow-branches',
    'base',
    'head',
    'path',
    'remote',
    'token',
    'report-path',
];
async function runBranchPolicy(host, dependencies = {}) {
    const event = await readEvent(host.env);
    const settings = readSettings(host.inputs, host.env, event, host.workspace);
    if (settings.token)
        host.setSecret(settings.token);
    const clients = {
        git: await openCheckout(settings.path),
        api: apiFactory(settings, dependencies),
        log: host.log,
    };
    // Fetching deepens the checkout and makes it a partial clone: put that back afterwards, so
    // later steps see the checkout as actions/checkout left it (and never fetch on demand).
    const restore = clients.git ? await (0,core_git/* snapshotCheckout */.n5)(clients.git, settings.remote) : undefined;
    let verdict;
    try {
        verdict = await checkBranchPolicy(settings, clients);
    }
    finally {
        await restore?.();
    }
    (0,annotations/* emitAnnotations */.KI)(violationAnnotations(verdict), (annotation) => host.annotate(annotation));
    for (const note of verdict.notes)
        host.log.info(note);
    if (verdict.fixCommands.length > 0)
        host.log.info(`Fix:\n  ${verdict.fixCommands.join('\n  ')}`);
    await host.appendSummary(renderSummary(verdict));
    await (0,json/* writeJsonFile */.An)(settings.reportPath, jsonReport(verdict));
    host.setOutput('result', verdict.result);
    const outputs = cappedViolations(verdict.violations);
    if (outputs.omitted > 0) {
        host.log.info(`The violations output lists ${outputs.listed} of ${verdict.violations.length}: all are in ${settings.reportPath}`);
    }
    host.setOutput('violations', outputs.json);
    host.setOutput('violation-count', String(verdict.violations.length));
    host.setOutput('violations-omitted', String(outputs.omitted));
    host.setOutput('report-path', settings.reportPath);
    return { result: verdict.result, summaryLine: verdict.summaryLine };
}
/** The checkout, or undefined when the folder is missing, holds no repository or git is absent. */
async function openCheckout(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    const git = (0,core_git/* openRepository */.h_)(path);
    return (await (0,core_git/* isGitRepository */.XY)(git)) ? git : undefined;
}
function apiFactory(settings, dependencies) {
    const { token, repository } = settings;
    if (dependencies.createApi) {
        const create = dependencies.createApi;
        return () => create(settings);
    }
    if (!token || !repository)
        return undefined;
    return async () => {
        // Loaded only when git cannot answer: the CLI's pre-push run never pays for Octokit.
        const { getOctokit } = await __webpack_require__.e(/* import() */ 587).then(__webpack_require__.bind(__webpack_require__, 38587));
        return octokitApi(getOctokit(token), repository);
    };
}
const branchPolicyGate = {
    name: 'branch-policy',
    description: 'Enforce merge-vs-rebase rules: protected branches keep their history, feature branches arrive rebased',
    inputs: BRANCH_POLICY_INPUTS,
    run: (host) => runBranchPolicy(host),
};


/***/ })

};
