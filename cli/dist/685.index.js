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
/** A commit is exempt when its author's name, email or login matches allow-authors. */
function commitExemption(matches) {
    return (commit) => matches(commit.authorName) || matches(commit.authorEmail) || matches(commit.authorLogin);
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
 * History collection with git. From the default actions/checkout (depth 1, at GitHub's synthetic
 * merge commit) it fetches the two tips it was given and deepens until their merge base appears;
 * on a full clone every commit is already there and nothing is fetched. Each range is read with
 * one `git log` call whatever its size.
 */
async function collectBranchHistory(git, baseSha, headSha, log, remote) {
    const mergeBase = await (0,core_git/* ensureMergeBase */.qW)(git, baseSha, headSha, log, remote);
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
    await (0,core_git/* fetchFullHistory */._L)(git, [include, exclude], log, remote);
    return (0,core_git/* listCommits */.VE)(git, revisions, options);
}
/**
 * A push: what was dropped (before ^after) and what arrived on the first-parent line
 * (after ^before). After a force push the old tip may be gone from the server; the check then
 * relies on the `forced` flag and says the dropped commits could not be read.
 */
async function collectPushHistory(git, push, log, remote) {
    await (0,core_git/* fetchMissingCommits */.v1)(git, [push.after], log, remote);
    if (!(await tryFetch(git, push.before, log, remote))) {
        return { ...push, rewritten: push.forced, dropped: undefined, arrived: [] };
    }
    await (0,core_git/* ensureMergeBase */.qW)(git, push.after, push.before, log, remote);
    const rewritten = push.forced || !(await (0,core_git/* isAncestor */.QX)(git, push.before, push.after));
    const dropped = rewritten ? await completeRange(git, push.before, push.after, log, remote) : [];
    const arrived = await completeRange(git, push.after, push.before, log, remote, { firstParent: true });
    return { branch: push.branch, before: push.before, after: push.after, rewritten, dropped, arrived };
}
async function tryFetch(git, sha, log, remote) {
    try {
        await (0,core_git/* fetchMissingCommits */.v1)(git, [sha], log, remote);
        return true;
    }
    catch (error) {
        log.warning(`The previous tip ${sha} could not be fetched: ${error.message.split('\n')[0]}`);
        return false;
    }
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
/** Checks the fields the rules rely on, so a malformed payload fails in one line. */
function parseEvent(name, payload) {
    const kind = eventKind(name);
    const record = (payload ?? {});
    if (kind === 'pull_request') {
        const pr = record.pull_request;
        requireFields(name, { 'pull_request.head.sha': pr?.head?.sha, 'pull_request.base.sha': pr?.base?.sha });
        requireFields(name, { 'pull_request.head.ref': pr?.head?.ref, 'pull_request.base.ref': pr?.base?.ref });
        return { kind, name, payload: record };
    }
    if (kind === 'merge_group') {
        const group = record.merge_group;
        requireFields(name, {
            'merge_group.head_sha': group?.head_sha,
            'merge_group.base_sha': group?.base_sha,
            'merge_group.base_ref': group?.base_ref,
        });
        return { kind, name, payload: record };
    }
    if (kind === 'push') {
        requireFields(name, { ref: record.ref, before: record.before, after: record.after });
        return { kind, name, payload: record };
    }
    return { kind: 'other', name };
}
function requireFields(event, fields) {
    for (const [field, value] of Object.entries(fields)) {
        if (typeof value !== 'string' || value === '') {
            throw new errors/* ConfigurationError */.j1(`The '${event}' event payload has no ${field}`);
        }
    }
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
        pusher: payload.sender?.login ?? payload.pusher?.name ?? undefined,
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
        exemptCommit: commitExemption(isAllowedAuthor),
    };
}
function finish(body, notes, forced) {
    const result = forced ?? (body.violations.length > 0 ? 'fail' : 'pass');
    return { result, summaryLine: summaryLine(result, body, notes), ...body, notes };
}
function summaryLine(result, body, notes) {
    const what = describeTarget(body);
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
    const { history, source } = target.kind === 'local'
        ? { history: await localHistory(context, baseName, target.head), source: 'git' }
        : await pullRequestHistory(context, target, notes);
    const branchNames = { base: baseName, head: headName ?? 'HEAD', remote: settings.remote };
    const violations = pullRequestViolations(history, branchNames, settings.rules, context.exemptCommit);
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
function featureExemption(context, target, headName) {
    if (context.isAllowedBranch(headName))
        return `${headName} is exempt (allow-branches)`;
    if (target.kind === 'pull-request' && context.isAllowedAuthor(target.author)) {
        return `Pull request by ${target.author} is exempt (allow-authors)`;
    }
    // A shared branch (release/1.2 into main) is merged as it is: rebasing it would rewrite it.
    if (context.isProtected(headName)) {
        return `${headName} is a protected branch: it keeps its history and is merged as is, never rebased`;
    }
    return undefined;
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
        await (0,core_git/* fetchMissingCommits */.v1)(git, [tip], context.clients.log, remote);
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
            await (0,core_git/* fetchMissingCommits */.v1)(git, [current], context.clients.log, context.settings.remote);
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
            log.warning(`Reading history with git failed (${firstLine(error)}): using the GitHub API`);
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
function firstLine(error) {
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
    const violations = mergeGroupViolations(history, branchNames, settings.rules, baseProtected, context.exemptCommit);
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
    const { history, source } = await withFallback(context, (git) => collectPushHistory(git, range, context.clients.log, settings.remote), (api) => pushHistoryFromApi(api, range, notes));
    if (history.rewritten && history.dropped === undefined) {
        notes.push(`The previous tip ${(0,core_git/* short */.h0)(before)} could not be read: the dropped commits are not listed`);
    }
    const violations = pushViolations(history, settings.rules, context.exemptCommit);
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
    }, notes);
}
async function pushHistoryFromApi(api, range, notes) {
    const arrivedComparison = await api.compare(range.before, range.after);
    const cap = capNote(arrivedComparison.commits.length, arrivedComparison.totalCommits);
    if (cap)
        notes.push(cap);
    const rewritten = range.forced || arrivedComparison.status === 'behind' || arrivedComparison.status === 'diverged';
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
/** One error per violation; the step's page shows them (no file: they concern history, not lines). */
function violationAnnotations(verdict) {
    return verdict.violations.map((v) => ({
        level: 'error',
        title: `${ACTION_NAME}: ${v.rule}`,
        message: `${(0,core_git/* short */.h0)(v.sha)} ${v.subject} (${v.author}): ${v.message}`,
    }));
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
    const verdict = await checkBranchPolicy(settings, clients);
    (0,annotations/* emitAnnotations */.KI)(violationAnnotations(verdict), (annotation) => host.annotate(annotation));
    for (const note of verdict.notes)
        host.log.info(note);
    if (verdict.fixCommands.length > 0)
        host.log.info(`Fix:\n  ${verdict.fixCommands.join('\n  ')}`);
    await host.appendSummary(renderSummary(verdict));
    await (0,json/* writeJsonFile */.An)(settings.reportPath, jsonReport(verdict));
    host.setOutput('result', verdict.result);
    host.setOutput('violations', JSON.stringify(verdict.violations));
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
