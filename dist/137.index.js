export const id = 137;
export const ids = [137];
export const modules = {

/***/ 4137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncIssues: () => (/* binding */ syncIssues)
});

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/issues/client.ts
// What the issue step needs from GitHub, as an interface: the Octokit-backed
// client (github.ts) is loaded only when issues are on, and tests can pass their
// own. Also how a failed call is described to the user.

/** Labels stick on a new issue only with triage access or more; without it GitHub drops them silently. */
function canLabel(p) {
    return Boolean(p.triage || p.push || p.maintain || p.admin);
}
/** A refusal that no retry will change: a wrong token or a missing permission. */
class AccessError extends Error {
    status;
    name = 'AccessError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function statusOf(err) {
    const s = err?.status;
    return typeof s === 'number' ? s : undefined;
}
function serverMessage(err) {
    const e = err;
    return (0,src_text/* oneLine */.TN)(e?.response?.data?.message ?? e?.message ?? String(err), 200);
}
/** Turns a 401/403/404 into an error that names the repository and the permission to add. */
function describeFailure(err, repo, doing) {
    const status = statusOf(err);
    const said = serverMessage(err);
    if (status === 401)
        return new AccessError(`GitHub refused the token (401: ${said}) while ${doing} in ${repo}: check the github-token input.`, 401);
    if (status === 403 && !/rate limit/i.test(said)) {
        return new AccessError(`GitHub answered 403 (${said}) while ${doing} in ${repo}: the token may not write issues there. ` +
            `Add "permissions: issues: write" to the job; for a repository other than the workflow's, use a token that may write issues in ${repo}.`, 403);
    }
    if (status === 404) {
        return new AccessError(`GitHub answered 404 while ${doing} in ${repo}: the repository does not exist or the token cannot see it. ` +
            `Check issue-repo (or issue.repo) and give the token "permissions: issues: write" on ${repo}.`, 404);
    }
    return new Error(`GitHub failed while ${doing} in ${repo}: ${status ? `${status} ` : ''}${said}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/cells.ts
var cells = __webpack_require__(571);
// EXTERNAL MODULE: ./src/report/curl.ts
var curl = __webpack_require__(2530);
;// CONCATENATED MODULE: ./src/issues/body.ts
// The text cors-gate writes on GitHub: issue titles, bodies and comments, and
// the hidden marker that makes an issue (or comment) this endpoint's own.
// Everything that came from a server is inside a code span or a fenced block,
// so that it cannot mention people, link issues or inject markup.




/** GitHub refuses bodies over 65,536 characters; stay clear of it. */
const BODY_LIMIT = 60_000;
const TITLE_LIMIT = 200;
const MARKER_RE = /^<!-- cors-gate:v1 id=([0-9a-f]{6,64}) fp=([0-9a-f]{6,64}) first=(\d{4}-\d\d-\d\d) changed=(\d{4}-\d\d-\d\d)(?: state=(fail|pass))?(?: prev=(\d{1,9}))? -->/;
const MARKER_START = '<!-- cors-gate:v1';
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
function renderMarker(m) {
    return `<!-- cors-gate:v1 id=${m.id} fp=${m.fp} first=${m.first} changed=${m.changed}${m.state ? ` state=${m.state}` : ''}${m.prev ? ` prev=${m.prev}` : ''} -->`;
}
/**
 * The marker is the first line that starts with `<!-- cors-gate:v1` outside
 * fenced code blocks, so a line someone adds above it does not disown the issue.
 * Server text is only ever quoted in fenced blocks or one-line code spans: a
 * code span cannot start a line with `<!--` (that line would open an HTML block
 * and end the paragraph), so a look-alike quoted from a server is never read.
 */
function parseMarker(body) {
    if (!body)
        return null;
    let fence = null;
    for (const line of body.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        const f = FENCE_RE.exec(line);
        if (fence) {
            // CommonMark: closed by a run of the same character, at least as long, with nothing after it.
            if (f && f[1][0] === fence.char && f[1].length >= fence.length && f[2].trim() === '')
                fence = null;
            continue;
        }
        if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
            fence = { char: f[1][0], length: f[1].length };
            continue;
        }
        if (!line.startsWith(MARKER_START))
            continue;
        const m = MARKER_RE.exec(line);
        if (!m)
            return null;
        return {
            id: m[1],
            fp: m[2],
            first: m[3],
            changed: m[4],
            ...(m[5] ? { state: m[5] } : {}),
            ...(m[6] ? { prev: Number(m[6]) } : {}),
        };
    }
    return null;
}
/**
 * Findings whose codes say nothing about CORS: the authenticated check reports
 * on the key and the stream, and its details change from run to run.
 */
const NOT_FINGERPRINTED = new Set([
    'AuthenticatedRequestRejected',
    'EventStream',
    'AuthenticatedResponse',
    'StreamNotEventStream',
    'ExposedHeaders',
]);
/** Fingerprints of this length are the older ones, built from the findings' messages. */
const LEGACY_FP_LENGTH = 16;
const FP_LENGTH = 20;
/**
 * What counts as "the same findings": the verdict and the codes (with levels) of
 * the blocking findings. Messages are left out, since they quote details (a
 * status, a header value) that may change from run to run without the endpoint
 * failing differently; a preflight's bad status counts by its class only.
 */
function fingerprint(r) {
    const parts = [
        r.verdict,
        ...blocking(r)
            .filter((f) => !NOT_FINGERPRINTED.has(f.code))
            .map((f) => `${f.level}|${f.on ?? ''}|${f.code}${f.code === 'PreflightInvalidStatus' ? `|${statusClass(r.preflight?.status)}` : ''}`),
    ];
    return (0,external_node_crypto_.createHash)('sha256')
        .update([...new Set(parts)].sort().join('\n'))
        .digest('hex')
        .slice(0, FP_LENGTH);
}
function statusClass(status) {
    return typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'none';
}
/** The fingerprint markers written before codes replaced messages; still read, never written. */
function legacyFingerprint(r) {
    const parts = [
        r.verdict,
        ...blocking(r)
            .map((f) => `${f.level}|${f.on ?? ''}|${f.code}|${f.message}`)
            .sort(),
    ];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex').slice(0, LEGACY_FP_LENGTH);
}
/** Whether a marker's fingerprint names the findings of this result, in either form. */
function sameFindings(fp, r) {
    return fp.length === LEGACY_FP_LENGTH ? fp === legacyFingerprint(r) : fp === fingerprint(r);
}
/** The findings an issue reports. */
const blocking = cells/* problems */.Bk;
const day = (d) => d.toISOString().slice(0, 10);
function body_statusOf(ex) {
    if (!ex)
        return 'not sent';
    if (ex.status !== null)
        return String(ex.status);
    return ex.error ? ex.error.code : 'no response';
}
/** A short reason for the title, built from codes and statuses only (no server text). */
function shortReason(r) {
    if (r.verdict === 'error') {
        const ex = r.preflight ?? r.actual;
        return `no answer (${(0,src_text/* oneLine */.TN)(ex?.error?.code ?? 'error', 40)})`;
    }
    const f = blocking(r).find((x) => x.level === 'fail') ?? blocking(r)[0];
    if (!f)
        return r.verdict;
    switch (f.code) {
        case 'PreflightInvalidStatus':
            return `preflight answers ${body_statusOf(r.preflight)}`;
        case 'PreflightMissingAllowOriginHeader': {
            const st = r.preflight?.status;
            return st && (st < 200 || st > 299)
                ? `preflight answers ${st} without Access-Control-Allow-Origin`
                : 'preflight has no Access-Control-Allow-Origin';
        }
        case 'MissingAllowOriginHeader':
            return 'response has no Access-Control-Allow-Origin';
        case 'HeaderDisallowedByPreflightResponse':
            return 'request headers not allowed';
        case 'MethodDisallowedByPreflightResponse':
            return `${(0,src_text/* oneLine */.TN)(r.method, 20)} not allowed`;
        default:
            return (0,src_text/* oneLine */.TN)(f.code, 80);
    }
}
function issueTitle(r) {
    return (0,src_text/* cut */.Jj)(`CORS: ${(0,src_text/* oneLine */.TN)(r.name, 100)} blocks browser calls — ${shortReason(r)}`, TITLE_LIMIT);
}
function evidenceRow(label, ex) {
    const seen = (0,cells/* corsHeaders */.IW)(ex).slice(0, 12);
    const headers = seen.length ? seen.map(([n, v]) => (0,src_text/* mdCode */.xs)(`${n}: ${v}`, 200)).join('<br>') : 'none';
    const status = ex.status !== null
        ? (0,src_text/* mdCode */.xs)(String(ex.status))
        : ex.error
            ? `no answer: ${(0,src_text/* mdCode */.xs)(`${ex.error.code} ${ex.error.message}`, 200)}`
            : 'no answer';
    return `| ${label} ${(0,src_text/* mdCode */.xs)(ex.request.method, 20)} | ${status} | ${headers} |`;
}
function exchangeText(ex, bodyMax) {
    const out = [`HTTP ${ex.status ?? '(no response)'}${ex.error ? ` — ${ex.error.code}: ${ex.error.message}` : ''}`];
    for (const [n, v] of ex.headers.slice(0, 60))
        out.push(`${n}: ${(0,src_text/* cut */.Jj)(v, 500)}`);
    if (ex.headers.length > 60)
        out.push(`… ${ex.headers.length - 60} more header lines`);
    if (ex.body && bodyMax > 0)
        out.push('', (0,src_text/* cut */.Jj)(ex.body, bodyMax) + (ex.bodyTruncated ? ' …[body cut]' : ''));
    return out.join('\n');
}
/** The sentence Chromium's console prints, rebuilt from the finding. */
function consoleWording(r, f) {
    const head = `Access to fetch at '${r.url}' from origin '${r.origin}' has been blocked by CORS policy: `;
    const lead = "Response to preflight request doesn't pass access control check: ";
    return (head +
        (f.on === 'preflight' && f.code.startsWith('Preflight') && !f.message.startsWith(lead) ? lead : '') +
        f.message);
}
const WHY = 'A page served from this origin cannot call the API: the browser blocks the request before the response reaches the page. ' +
    'That breaks every browser-based client — web apps, browser builds of the official SDKs, extensions, and streaming responses (server-sent events) — while curl and server-side code keep working, which is why it goes unnoticed.';
function renderBody(r, ctx) {
    const detail = ctx.detail ?? 'full';
    const bodyMax = detail === 'full' ? 4000 : detail === 'short' ? 500 : 0;
    const out = [renderMarker(ctx.marker), ''];
    const target = `${(0,src_text/* mdCode */.xs)(`${r.method} ${r.url}`, 400)} from origin ${(0,src_text/* mdCode */.xs)(r.origin, 200)}${r.credentials === 'include' ? ' with credentials' : ''}`;
    out.push(`### What fails`, '');
    if (r.verdict === 'error') {
        out.push(`${target} gets no usable answer, so a browser cannot call it either.`, '');
    }
    else {
        out.push(`A browser blocks ${target}.`, '', WHY, '');
    }
    out.push('### Evidence', '', '| Request | Status | `Access-Control-*` headers seen |', '|---|---|---|');
    if (r.preflight)
        out.push(evidenceRow('preflight', r.preflight));
    else if (!r.preflightNeeded)
        out.push('| preflight | not needed (CORS-simple request) | |');
    if (r.actual)
        out.push(evidenceRow('actual', r.actual));
    out.push('');
    const sent = r.preflight ?? r.actual;
    if (sent) {
        out.push(`Reproduce the ${r.preflight ? 'preflight' : 'request'}:`, '', (0,src_text/* mdBlock */.nx)((0,curl/* curlCommand */.O)(sent.request.method, r.url, sent.request.headers), detail === 'minimal' ? 1000 : 4000, 'sh'), '');
        if (detail !== 'minimal') {
            if (r.preflight)
                out.push('<details><summary>Preflight response</summary>', '', (0,src_text/* mdBlock */.nx)(exchangeText(r.preflight, bodyMax), 12_000), '', '</details>', '');
            if (r.actual)
                out.push('<details><summary>Actual response</summary>', '', (0,src_text/* mdBlock */.nx)(exchangeText(r.actual, bodyMax), 12_000), '', '</details>', '');
        }
    }
    const found = blocking(r).slice(0, detail === 'full' ? 20 : 5);
    if (found.length) {
        out.push('### What a browser reports', '');
        for (const f of found)
            out.push(`- ${(0,src_text/* mdCode */.xs)(f.code, 80)} (${f.level}${f.on ? `, ${f.on}` : ''}): ${(0,src_text/* mdCode */.xs)(f.message, detail === 'full' ? 600 : 200)}`);
        const first = found.find((f) => f.level === 'fail') ?? found[0];
        out.push('', 'Chromium console:', '', (0,src_text/* mdBlock */.nx)(consoleWording(r, first), 2000, 'text'), '');
    }
    const needed = (0,cells/* neededHeaders */.GZ)(r);
    if (needed) {
        out.push('### Fix', '', 'The response needs these headers (the preflight answer with a 2xx status, and the actual response for the origin header):', '');
        out.push((0,src_text/* mdBlock */.nx)(needed, 4000, 'http'), '');
    }
    out.push('### History', '');
    out.push(`- First seen: ${ctx.marker.first}`);
    out.push(`- Last changed: ${ctx.marker.changed}`);
    if (ctx.marker.prev)
        out.push(`- Follows #${ctx.marker.prev}, closed${ctx.previousClosedAt ? ` on ${ctx.previousClosedAt.slice(0, 10)}` : ''}; the endpoint fails again.`);
    if (ctx.runUrl)
        out.push(`- Workflow run: ${ctx.runUrl}`);
    out.push('', `<sub>Filed by cors-gate for endpoint ${(0,src_text/* mdCode */.xs)(r.name, 100)} (id ${(0,src_text/* mdCode */.xs)(r.id)}). It updates this issue when the findings change and closes it when a browser can call the endpoint; edits to this description are overwritten then.</sub>`);
    return out.join('\n') + '\n';
}
/** The issue body, shortened step by step until it fits GitHub's limit. */
function issueBody(r, ctx) {
    for (const detail of ['full', 'short', 'minimal']) {
        const text = renderBody(r, { ...ctx, detail });
        if (text.length <= BODY_LIMIT)
            return text;
    }
    return (0,src_text/* cut */.Jj)(renderBody(r, { ...ctx, detail: 'minimal' }), BODY_LIMIT);
}
function findingList(fs) {
    return fs.map((f) => `${(0,src_text/* mdCode */.xs)(f.code, 80)}${f.on ? ` (${f.on})` : ''}: ${(0,src_text/* mdCode */.xs)(f.message, 300)}`);
}
/** The one comment added when the findings of a failing endpoint change. */
function changeComment(r, before, runUrl) {
    const out = [
        `**The findings changed** — ${(0,src_text/* mdCode */.xs)(r.name, 100)} still blocks browser calls, now: ${shortReason(r)} (verdict ${r.verdict}).`,
        '',
    ];
    out.push(`Preflight ${(0,src_text/* mdCode */.xs)(body_statusOf(r.preflight))}, actual request ${(0,src_text/* mdCode */.xs)(body_statusOf(r.actual))}.`, '');
    const now = findingList(blocking(r).slice(0, 10));
    if (now.length)
        out.push('Now:', '', ...now.map((l) => `- ${l}`), '');
    out.push(`Before: ${(0,src_text/* mdCode */.xs)(before.title, 200)}`, '');
    out.push('The description above shows the new evidence.' + (runUrl ? ` Run: ${runUrl}` : ''));
    return out.join('\n') + '\n';
}
function corsLines(ex) {
    if (!ex)
        return '';
    const seen = (0,cells/* corsHeaders */.IW)(ex).slice(0, 8);
    return seen.length ? seen.map(([n, v]) => (0,src_text/* mdCode */.xs)(`${n}: ${v}`, 200)).join(', ') : 'no `Access-Control-*` headers';
}
function daysBetween(from, to) {
    const start = Date.parse(`${from}T00:00:00Z`);
    if (!Number.isFinite(start))
        return 0;
    return Math.max(0, Math.round((Date.parse(`${day(to)}T00:00:00Z`) - start) / 86_400_000));
}
function evidenceLine(r) {
    const parts = [];
    if (r.preflight)
        parts.push(`preflight ${(0,src_text/* mdCode */.xs)(body_statusOf(r.preflight))} with ${corsLines(r.preflight)}`);
    if (r.actual)
        parts.push(`actual request ${(0,src_text/* mdCode */.xs)(body_statusOf(r.actual))} with ${corsLines(r.actual)}`);
    return parts.join('; ');
}
/** The comment that closes a resolved issue. */
function resolvedComment(r, firstSeen, now, runUrl) {
    const days = daysBetween(firstSeen, now);
    const out = [
        `**Resolved:** a browser can call ${(0,src_text/* mdCode */.xs)(r.name, 100)} — it passes since ${day(now)}, after ${days} day${days === 1 ? '' : 's'} (first seen ${firstSeen}).`,
        '',
    ];
    const ev = evidenceLine(r);
    if (ev)
        out.push(`Evidence: ${ev}.`, '');
    out.push(`Verdict ${(0,src_text/* mdCode */.xs)(r.verdict)}; closed as completed. If it breaks again, cors-gate opens a new issue that links this one.` +
        (runUrl ? ` Run: ${runUrl}` : ''));
    return out.join('\n') + '\n';
}
/** A comment on an issue someone else opened, when the endpoint's state changes. */
function trackingComment(r, marker, previous, now, runUrl) {
    const out = [renderMarker(marker), ''];
    const ev = evidenceLine(r);
    if (marker.state === 'pass') {
        out.push(`**Verified fixed on ${day(now)}:** cors-gate finds that a browser can call ${(0,src_text/* mdCode */.xs)(r.name, 100)} (${(0,src_text/* mdCode */.xs)(`${r.method} ${r.url}`, 300)} from origin ${(0,src_text/* mdCode */.xs)(r.origin, 200)}).`, '');
        if (previous)
            out.push(`It failed when last checked (${previous.changed}).`, '');
    }
    else {
        const lead = previous ? `**Regression on ${day(now)}:**` : `**cors-gate follows this issue:**`;
        out.push(`${lead} a browser blocks ${(0,src_text/* mdCode */.xs)(r.name, 100)} (${(0,src_text/* mdCode */.xs)(`${r.method} ${r.url}`, 300)} from origin ${(0,src_text/* mdCode */.xs)(r.origin, 200)}) — ${shortReason(r)}.`, '');
        const list = findingList(blocking(r).slice(0, 10));
        if (list.length)
            out.push(...list.map((l) => `- ${l}`), '');
        const needed = (0,cells/* neededHeaders */.GZ)(r);
        if (needed)
            out.push('The response needs:', '', (0,src_text/* mdBlock */.nx)(needed, 2000, 'http'), '');
        const sent = r.preflight ?? r.actual;
        if (sent)
            out.push('Reproduce:', '', (0,src_text/* mdBlock */.nx)((0,curl/* curlCommand */.O)(sent.request.method, r.url, sent.request.headers), 3000, 'sh'), '');
    }
    if (ev)
        out.push(`Evidence: ${ev}.`, '');
    out.push(`<sub>cors-gate comments here only when this endpoint's state changes.${runUrl ? ` Run: ${runUrl}` : ''}</sub>`);
    return (0,src_text/* cut */.Jj)(out.join('\n') + '\n', BODY_LIMIT);
}
/** The comment on an issue closed because an older open issue follows the same endpoint. */
function duplicateComment(r, kept) {
    return `Duplicate of #${kept}, which follows ${(0,src_text/* mdCode */.xs)(r.name, 100)} (id ${(0,src_text/* mdCode */.xs)(r.id)}). cors-gate keeps one open issue per endpoint and closed this one.\n`;
}

;// CONCATENATED MODULE: ./src/issues/plan.ts

const trackedKey = (repo, number) => `${repo.toLowerCase()}#${number}`;
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
function stateOf(r, issueOn) {
    if (issueOn.includes(r.verdict))
        return 'failing';
    if (r.verdict === 'error' || r.verdict === 'fail')
        return 'transient';
    return 'passing';
}
/** Our issues for an endpoint, by marker only: labels alone never make an issue ours. */
function issuesOf(world, repo, id) {
    return world.issues.filter((i) => same(i.repo, repo) && parseMarker(i.body)?.id === id);
}
function planIssues(records, world, o) {
    const out = [];
    const today = day(o.now);
    for (const r of records) {
        const repo = r.issue?.repo ?? o.repo;
        const base = { endpoint: r.name, id: r.id, repo };
        if (!repo) {
            out.push({ ...base, action: 'skipped', writes: [], reason: 'no repository to file in (set issue-repo)' });
            continue;
        }
        const state = stateOf(r, o.issueOn);
        const fp = fingerprint(r);
        if (r.issue?.number) {
            const number = r.issue.number;
            const url = `https://github.com/${repo}/issues/${number}`;
            const base = { endpoint: r.name, id: r.id, repo, followed: true };
            const comments = world.comments[trackedKey(repo, number)];
            if (!comments) {
                out.push({
                    ...base,
                    action: 'skipped',
                    number,
                    url,
                    writes: [],
                    reason: 'the followed issue could not be read',
                });
                continue;
            }
            const last = [...comments]
                .reverse()
                .map((c) => parseMarker(c.body))
                .find((m) => m?.id === r.id && m.state) ?? null;
            if (state === 'transient') {
                out.push({
                    ...base,
                    action: 'unchanged',
                    number,
                    url,
                    writes: [],
                    reason: `${r.verdict} is not in issue-on: treated as transient`,
                });
                continue;
            }
            const now = state === 'failing' ? 'fail' : 'pass';
            if (last?.state === now) {
                out.push({
                    ...base,
                    action: 'unchanged',
                    number,
                    url,
                    writes: [],
                    reason: `still ${now === 'fail' ? 'failing' : 'passing'} since ${last.first}`,
                });
                continue;
            }
            const marker = { id: r.id, fp, first: today, changed: today, state: now };
            out.push({
                ...base,
                action: 'commented',
                number,
                url,
                writes: [{ op: 'comment', repo, number, body: trackingComment(r, marker, last, o.now, o.runUrl) }],
                reason: !last
                    ? `first check: ${now === 'fail' ? 'fails' : 'passes'}`
                    : now === 'pass'
                        ? 'verified fixed'
                        : 'regression',
            });
            continue;
        }
        const mine = issuesOf(world, repo, r.id);
        const [open, ...duplicates] = mine.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
        const marker = open ? parseMarker(open.body) : null;
        // Two open issues for one endpoint (two overlapping runs, say): the oldest is kept,
        // the others, ours by their marker, are closed as duplicates of it.
        for (const d of open ? duplicates : []) {
            out.push({
                ...base,
                action: 'closed',
                number: d.number,
                url: d.url,
                writes: [
                    { op: 'update', repo, number: d.number, state: 'closed', stateReason: 'duplicate' },
                    { op: 'comment', repo, number: d.number, body: duplicateComment(r, open.number) },
                ],
                reason: `duplicate of #${open.number}`,
            });
        }
        if (state === 'failing') {
            if (open && marker) {
                if (sameFindings(marker.fp, r)) {
                    out.push({
                        ...base,
                        action: 'unchanged',
                        number: open.number,
                        url: open.url,
                        writes: [],
                        reason: `same findings since ${marker.changed}`,
                    });
                    continue;
                }
                const next = {
                    id: r.id,
                    fp,
                    first: marker.first,
                    changed: today,
                    ...(marker.prev ? { prev: marker.prev } : {}),
                };
                out.push({
                    ...base,
                    action: 'updated',
                    number: open.number,
                    url: open.url,
                    writes: [
                        {
                            op: 'update',
                            repo,
                            number: open.number,
                            title: issueTitle(r),
                            body: issueBody(r, { marker: next, ...(o.runUrl ? { runUrl: o.runUrl } : {}) }),
                        },
                        { op: 'comment', repo, number: open.number, body: changeComment(r, { title: open.title }, o.runUrl) },
                    ],
                    reason: 'the findings changed',
                });
                continue;
            }
            const closed = mine
                // A duplicate cors-gate closed is neither a maintainer's "no" nor the issue to link.
                .filter((i) => i.state === 'closed' && i.stateReason !== 'duplicate')
                .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.number - a.number)[0];
            if (closed && closed.stateReason === 'not_planned' && sameFindings(parseMarker(closed.body)?.fp ?? '', r)) {
                out.push({
                    ...base,
                    action: 'skipped',
                    number: closed.number,
                    url: closed.url,
                    writes: [],
                    reason: 'closed as not planned by a maintainer; left closed until the findings change',
                });
                continue;
            }
            const m = { id: r.id, fp, first: today, changed: today, ...(closed ? { prev: closed.number } : {}) };
            const labels = [...new Set([...o.labels, ...(r.issue?.labels ?? [])])];
            out.push({
                ...base,
                action: 'created',
                writes: [
                    {
                        op: 'create',
                        repo,
                        title: issueTitle(r),
                        body: issueBody(r, {
                            marker: m,
                            ...(o.runUrl ? { runUrl: o.runUrl } : {}),
                            ...(closed ? { previousClosedAt: closed.closedAt } : {}),
                        }),
                        labels,
                    },
                ],
                reason: closed ? `fails again after #${closed.number} was closed` : 'fails',
                ...(world.history.includes(repo.toLowerCase()) ? {} : { needsHistory: true }),
            });
            continue;
        }
        if (!open || !marker)
            continue;
        if (state === 'transient') {
            out.push({
                ...base,
                action: 'unchanged',
                number: open.number,
                url: open.url,
                writes: [],
                reason: `${r.verdict} is not in issue-on: treated as transient`,
            });
            continue;
        }
        out.push({
            ...base,
            action: 'closed',
            number: open.number,
            url: open.url,
            // Closed first: a closed issue is not listed again, so a comment that then fails is never repeated.
            writes: [
                { op: 'update', repo, number: open.number, state: 'closed', stateReason: 'completed' },
                { op: 'comment', repo, number: open.number, body: resolvedComment(r, marker.first, o.now, o.runUrl) },
            ],
            reason: `passes (${r.verdict})`,
        });
    }
    return out;
}
/** Which repos hold a create that would like to link a previous issue. */
function reposNeedingHistory(plan) {
    return [...new Set(plan.filter((p) => p.needsHistory).map((p) => p.repo))];
}

;// CONCATENATED MODULE: ./src/issues/sync.ts



function describeWrite(w) {
    if (w.op === 'create')
        return `create an issue in ${w.repo}: ${(0,src_text/* oneLine */.TN)(w.title, 160)}`;
    if (w.op === 'comment')
        return `comment on ${w.repo}#${w.number}`;
    if (w.state === 'closed')
        return `close ${w.repo}#${w.number} as ${w.stateReason === 'duplicate' ? 'a duplicate' : 'completed'}`;
    return `update the title and body of ${w.repo}#${w.number}`;
}
/** The repositories issues go to, and the issues someone else opened that endpoints follow. */
function targetsOf(records, defaultRepo) {
    const repos = new Map();
    const followed = new Map();
    for (const r of records) {
        const repo = r.issue?.repo ?? defaultRepo;
        if (!repo)
            continue;
        if (r.issue?.number)
            followed.set(trackedKey(repo, r.issue.number), { repo, number: r.issue.number });
        else
            repos.set(repo.toLowerCase(), repo);
    }
    return { repos, followed };
}
async function readWorld(gh, records, o) {
    const reading = { world: { issues: [], comments: {}, history: [] }, unreadable: new Map(), errors: [] };
    const failed = (key, err, repo, doing) => {
        const e = describeFailure(err, repo, doing);
        reading.unreadable.set(key, e.message);
        reading.errors.push(e.message);
    };
    const { repos, followed } = targetsOf(records, o.repo);
    for (const [key, repo] of repos) {
        try {
            reading.world.issues.push(...(await gh.listOpen(repo, o.labels)));
        }
        catch (err) {
            failed(key, err, repo, 'listing issues');
        }
    }
    for (const [key, t] of followed) {
        try {
            reading.world.comments[key] = await gh.listComments(t.repo, t.number);
        }
        catch (err) {
            failed(key, err, t.repo, `reading the comments of #${t.number}`);
        }
    }
    return reading;
}
/** The plan; closed issues are read only when an issue is about to be opened, to link the one it follows. */
async function planWithHistory(gh, records, reading, options, o, log) {
    const plan = planIssues(records, reading.world, options);
    const repos = reposNeedingHistory(plan).filter((repo) => !reading.unreadable.has(repo.toLowerCase()));
    if (repos.length === 0)
        return plan;
    for (const repo of repos) {
        try {
            reading.world.issues.push(...(await gh.listRecentlyClosed(repo, o.labels)));
        }
        catch (err) {
            log.warning(`Could not read the closed issues of ${repo} to link a previous one: ${describeFailure(err, repo, 'listing closed issues').message}`);
        }
        reading.world.history.push(repo.toLowerCase());
    }
    return planIssues(records, reading.world, options);
}
/** What GitHub refused in this run, so nothing more is sent where it would be refused again. */
class Refusals {
    gh;
    labels;
    token = null;
    repos = new Map();
    /** Per repo: why a new issue may not be opened there (null: it may). */
    creates = new Map();
    constructor(gh, labels) {
        this.gh = gh;
        this.labels = labels;
    }
    /** Why writes to this repo are skipped, if they are. */
    of(repo) {
        return this.token ?? this.repos.get(repo.toLowerCase());
    }
    /** A 401 stops every write of the run; a 403/404 stops that repository's. */
    add(err, repo) {
        const reason = `GitHub refused an earlier write (${err.status}): nothing written`;
        if (err.status === 401)
            this.token = reason;
        else
            this.repos.set(repo.toLowerCase(), reason);
    }
    /**
     * Whether an issue opened in a repo could be found again. GitHub drops the labels of a
     * new issue when the token has no triage access, and the next run, listing by label,
     * would open another. Read once per repo, and only before a create.
     */
    async createProblem(repo) {
        const k = repo.toLowerCase();
        if (this.labels.length === 0)
            return null;
        if (this.creates.has(k))
            return this.creates.get(k);
        let problem = null;
        try {
            // Installation tokens (GITHUB_TOKEN, GitHub App tokens) get no permissions object: then
            // it cannot be told before, and the warning after the create says so if labels were dropped.
            const perms = await this.gh.permissions(repo);
            if (perms && !canLabel(perms)) {
                problem =
                    `Not opening an issue in ${repo}: the token has no triage or push access there, so GitHub would drop the labels ` +
                        `(${this.labels.join(', ')}) and cors-gate could not find its issue again; every run would open another. ` +
                        `Set issue: {repo: ${repo}, number: N} on the endpoint to follow an existing issue, or use a token with triage access to ${repo}.`;
            }
        }
        catch (err) {
            const e = describeFailure(err, repo, 'reading the repository before opening an issue');
            if (e instanceof AccessError)
                this.add(e, repo);
            problem = `${e.message}. No issue opened there in this run.`;
        }
        this.creates.set(k, problem);
        return problem;
    }
}
/** Carries out one planned endpoint's writes, in order; stops at the first that fails. */
async function write(p, row, gh, refusals, o, log, errors, skip) {
    let writes = 0;
    for (const w of p.writes) {
        writes++;
        try {
            if (w.op === 'create') {
                const made = await gh.create(w.repo, w.title, w.body, w.labels);
                Object.assign(row, { number: made.number, url: made.url });
                const dropped = w.labels.filter((l) => !made.labels.some((x) => x.toLowerCase() === l.toLowerCase()));
                if (dropped.length) {
                    log.warning(`GitHub dropped the labels ${dropped.join(', ')} on ${w.repo}#${made.number} (the token has no triage or push access there). ` +
                        `cors-gate finds its issues by label, so it will not see this one next run: set issue: {repo: ${w.repo}, number: ${made.number}} on the endpoint to follow it.`);
                }
            }
            else if (w.op === 'update') {
                await gh.update(w.repo, w.number, w);
            }
            else {
                const url = await gh.comment(w.repo, w.number, w.body);
                if (p.action === 'commented')
                    row.url = url;
            }
        }
        catch (err) {
            const status = statusOf(err);
            const e = describeFailure(err, w.repo, describeWrite(w));
            if (e instanceof AccessError) {
                errors.push(e.message);
                skip(e.message);
                refusals.add(e, w.repo);
                break;
            }
            if (w.op === 'create') {
                // GitHub may have created the issue before failing: look before anyone tries again.
                const found = await gh.listOpen(w.repo, o.labels).then((list) => issuesOf({ issues: list, comments: {}, history: [] }, w.repo, p.id), () => []);
                const adopted = found.find((i) => i.state === 'open');
                if (adopted) {
                    log.warning(`GitHub answered ${status ?? 'an error'} to creating the issue for ${(0,src_text/* oneLine */.TN)(p.endpoint, 80)}, but had created it: ${w.repo}#${adopted.number}.`);
                    Object.assign(row, { number: adopted.number, url: adopted.url });
                    continue;
                }
                errors.push(`${e.message}. Not retried, so that a create GitHub applied late cannot leave a duplicate; the next run opens the issue if it is still missing.`);
                skip(e.message);
                break;
            }
            if (w.op === 'comment' && p.action === 'closed') {
                // The issue is closed already, so it is not listed again and the comment is not repeated.
                log.warning(`${e.message}; the issue was closed without it.`);
                continue;
            }
            errors.push(e.message);
            skip(e.message);
            break;
        }
    }
    return writes;
}
async function syncIssues(records, o, log, client) {
    // Octokit is loaded only here, so runs without issues never pay for it.
    const gh = client ??
        (await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(657)]).then(__webpack_require__.bind(__webpack_require__, 6657))).createClient({
            token: o.token,
            ...(o.apiUrl ? { baseUrl: o.apiUrl } : {}),
            log,
            ...(o.throttle ? { throttle: o.throttle } : {}),
        });
    const reading = await readWorld(gh, records, o);
    const options = {
        repo: o.repo,
        labels: o.labels,
        issueOn: o.issueOn,
        now: o.now ?? new Date(),
        ...(o.runUrl ? { runUrl: o.runUrl } : {}),
    };
    const plan = await planWithHistory(gh, records, reading, options, o, log);
    const errors = reading.errors;
    const refusals = new Refusals(gh, o.labels);
    const rows = [];
    let writes = 0;
    const skippedForCap = [];
    for (const p of plan) {
        const key = p.followed && p.number ? trackedKey(p.repo, p.number) : p.repo.toLowerCase();
        const row = {
            endpoint: p.endpoint,
            action: p.action,
            number: p.number ?? null,
            url: p.url ?? null,
            repo: p.repo,
            reason: p.reason,
        };
        rows.push(row);
        const skip = (reason) => {
            if (p.action !== 'skipped' && p.writes.length)
                row.planned = p.action;
            row.action = 'skipped';
            row.reason = reason;
        };
        if (reading.unreadable.has(key)) {
            skip('GitHub could not be read: nothing written');
            continue;
        }
        if (p.writes.length === 0)
            continue;
        const refusal = refusals.of(p.repo);
        if (refusal) {
            skip(refusal);
            continue;
        }
        const creates = p.writes.some((w) => w.op === 'create');
        if (o.dryRun) {
            // The permission read is a read: a dry run does it too, to show a refusal a real run would meet.
            const problem = creates ? await refusals.createProblem(p.repo) : null;
            if (problem) {
                log.warning(`dry-run: ${problem}`);
                skip(`dry-run: a real run would not open it: ${problem}`);
                continue;
            }
            log.info((0,src_text/* logSafe */.sN)(`dry-run: ${(0,src_text/* oneLine */.TN)(p.endpoint, 80)}: would ${p.writes.map(describeWrite).join(', then ')} (${p.reason})`));
            skip(`dry-run: ${p.reason}`);
            continue;
        }
        if (writes + p.writes.length > o.maxWrites) {
            skippedForCap.push(p.endpoint);
            skip(`max-issue-writes (${o.maxWrites}) reached`);
            continue;
        }
        if (creates) {
            const problem = await refusals.createProblem(p.repo);
            if (problem) {
                errors.push(problem);
                skip(refusals.of(p.repo) ?? problem);
                continue;
            }
        }
        writes += await write(p, row, gh, refusals, o, log, errors, skip);
    }
    if (skippedForCap.length) {
        log.warning(`max-issue-writes (${o.maxWrites}) reached: skipped ${skippedForCap.length} endpoint${skippedForCap.length === 1 ? '' : 's'} (${skippedForCap
            .slice(0, 10)
            .map((n) => (0,src_text/* oneLine */.TN)(n, 60))
            .join(', ')}${skippedForCap.length > 10 ? ', …' : ''}); the next run picks them up.`);
    }
    return { rows, errors: [...new Set(errors)], writes, plan };
}


/***/ })

};
