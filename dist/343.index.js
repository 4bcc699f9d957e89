export const id = 343;
export const ids = [343];
export const modules = {

/***/ 2343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncIssues: () => (/* binding */ syncIssues)
});

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
        return { id: m[1], fp: m[2], first: m[3], changed: m[4], ...(m[5] ? { state: m[5] } : {}), ...(m[6] ? { prev: Number(m[6]) } : {}) };
    }
    return null;
}
/**
 * Findings whose codes say nothing about CORS: the authenticated check reports
 * on the key and the stream, and its details change from run to run.
 */
const NOT_FINGERPRINTED = new Set(['AuthenticatedRequestRejected', 'EventStream', 'AuthenticatedResponse', 'StreamNotEventStream', 'ExposedHeaders']);
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
    return (0,external_node_crypto_.createHash)('sha256').update([...new Set(parts)].sort().join('\n')).digest('hex').slice(0, FP_LENGTH);
}
function statusClass(status) {
    return typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'none';
}
/** The fingerprint markers written before codes replaced messages; still read, never written. */
function legacyFingerprint(r) {
    const parts = [r.verdict, ...blocking(r).map((f) => `${f.level}|${f.on ?? ''}|${f.code}|${f.message}`).sort()];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex').slice(0, LEGACY_FP_LENGTH);
}
/** Whether a marker's fingerprint names the findings of this result, in either form. */
function sameFindings(fp, r) {
    return fp.length === LEGACY_FP_LENGTH ? fp === legacyFingerprint(r) : fp === fingerprint(r);
}
function blocking(r) {
    return r.findings.filter((f) => f.level !== 'info');
}
const day = (d) => d.toISOString().slice(0, 10);
function statusOf(ex) {
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
            return `preflight answers ${statusOf(r.preflight)}`;
        case 'PreflightMissingAllowOriginHeader': {
            const st = r.preflight?.status;
            return st && (st < 200 || st > 299) ? `preflight answers ${st} without Access-Control-Allow-Origin` : 'preflight has no Access-Control-Allow-Origin';
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
const CORS_HEADER = /^access-control-/i;
function evidenceRow(label, ex) {
    const seen = ex.headers.filter(([n]) => CORS_HEADER.test(n)).slice(0, 12);
    const headers = seen.length ? seen.map(([n, v]) => (0,src_text/* mdCode */.xs)(`${n}: ${v}`, 200)).join('<br>') : 'none';
    const status = ex.status !== null ? (0,src_text/* mdCode */.xs)(String(ex.status)) : ex.error ? `no answer: ${(0,src_text/* mdCode */.xs)(`${ex.error.code} ${ex.error.message}`, 200)}` : 'no answer';
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
    return head + (f.on === 'preflight' && f.code.startsWith('Preflight') && !f.message.startsWith(lead) ? lead : '') + f.message;
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
    if (r.fix.length && r.verdict !== 'error') {
        out.push('### Fix', '', 'The response needs these headers (the preflight answer with a 2xx status, and the actual response for the origin header):', '');
        out.push((0,src_text/* mdBlock */.nx)(r.fix.map(([n, v]) => `${n}: ${v}`).join('\n'), 4000, 'http'), '');
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
    const out = [`**The findings changed** — ${(0,src_text/* mdCode */.xs)(r.name, 100)} still blocks browser calls, now: ${shortReason(r)} (verdict ${r.verdict}).`, ''];
    out.push(`Preflight ${(0,src_text/* mdCode */.xs)(statusOf(r.preflight))}, actual request ${(0,src_text/* mdCode */.xs)(statusOf(r.actual))}.`, '');
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
    const seen = ex.headers.filter(([n]) => CORS_HEADER.test(n)).slice(0, 8);
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
        parts.push(`preflight ${(0,src_text/* mdCode */.xs)(statusOf(r.preflight))} with ${corsLines(r.preflight)}`);
    if (r.actual)
        parts.push(`actual request ${(0,src_text/* mdCode */.xs)(statusOf(r.actual))} with ${corsLines(r.actual)}`);
    return parts.join('; ');
}
/** The comment that closes a resolved issue. */
function resolvedComment(r, firstSeen, now, runUrl) {
    const days = daysBetween(firstSeen, now);
    const out = [`**Resolved:** a browser can call ${(0,src_text/* mdCode */.xs)(r.name, 100)} — it passes since ${day(now)}, after ${days} day${days === 1 ? '' : 's'} (first seen ${firstSeen}).`, ''];
    const ev = evidenceLine(r);
    if (ev)
        out.push(`Evidence: ${ev}.`, '');
    out.push(`Verdict ${(0,src_text/* mdCode */.xs)(r.verdict)}; closed as completed. If it breaks again, cors-gate opens a new issue that links this one.` + (runUrl ? ` Run: ${runUrl}` : ''));
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
        if (r.fix.length && r.verdict !== 'error')
            out.push('The response needs:', '', (0,src_text/* mdBlock */.nx)(r.fix.map(([n, v]) => `${n}: ${v}`).join('\n'), 2000, 'http'), '');
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
                out.push({ ...base, action: 'skipped', number, url, writes: [], reason: 'the followed issue could not be read' });
                continue;
            }
            const last = [...comments].reverse().map((c) => parseMarker(c.body)).find((m) => m?.id === r.id && m.state) ?? null;
            if (state === 'transient') {
                out.push({ ...base, action: 'unchanged', number, url, writes: [], reason: `${r.verdict} is not in issue-on: treated as transient` });
                continue;
            }
            const now = state === 'failing' ? 'fail' : 'pass';
            if (last?.state === now) {
                out.push({ ...base, action: 'unchanged', number, url, writes: [], reason: `still ${now === 'fail' ? 'failing' : 'passing'} since ${last.first}` });
                continue;
            }
            const marker = { id: r.id, fp, first: today, changed: today, state: now };
            out.push({
                ...base, action: 'commented', number, url,
                writes: [{ op: 'comment', repo, number, body: trackingComment(r, marker, last, o.now, o.runUrl) }],
                reason: !last ? `first check: ${now === 'fail' ? 'fails' : 'passes'}` : now === 'pass' ? 'verified fixed' : 'regression',
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
                ...base, action: 'closed', number: d.number, url: d.url,
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
                    out.push({ ...base, action: 'unchanged', number: open.number, url: open.url, writes: [], reason: `same findings since ${marker.changed}` });
                    continue;
                }
                const next = { id: r.id, fp, first: marker.first, changed: today, ...(marker.prev ? { prev: marker.prev } : {}) };
                out.push({
                    ...base, action: 'updated', number: open.number, url: open.url,
                    writes: [
                        { op: 'update', repo, number: open.number, title: issueTitle(r), body: issueBody(r, { marker: next, ...(o.runUrl ? { runUrl: o.runUrl } : {}) }) },
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
                out.push({ ...base, action: 'skipped', number: closed.number, url: closed.url, writes: [], reason: 'closed as not planned by a maintainer; left closed until the findings change' });
                continue;
            }
            const m = { id: r.id, fp, first: today, changed: today, ...(closed ? { prev: closed.number } : {}) };
            const labels = [...new Set([...o.labels, ...(r.issue?.labels ?? [])])];
            out.push({
                ...base, action: 'created',
                writes: [{ op: 'create', repo, title: issueTitle(r), body: issueBody(r, { marker: m, ...(o.runUrl ? { runUrl: o.runUrl } : {}), ...(closed ? { previousClosedAt: closed.closedAt } : {}) }), labels }],
                reason: closed ? `fails again after #${closed.number} was closed` : 'fails',
                ...(world.history.includes(repo.toLowerCase()) ? {} : { needsHistory: true }),
            });
            continue;
        }
        if (!open || !marker)
            continue;
        if (state === 'transient') {
            out.push({ ...base, action: 'unchanged', number: open.number, url: open.url, writes: [], reason: `${r.verdict} is not in issue-on: treated as transient` });
            continue;
        }
        out.push({
            ...base, action: 'closed', number: open.number, url: open.url,
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
async function syncIssues(records, o, log, client) {
    // Octokit is loaded only here, so runs without issues never pay for it.
    const { createClient, describeFailure, AccessError, statusOf, canLabel } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(657)]).then(__webpack_require__.bind(__webpack_require__, 6657));
    const gh = client ?? createClient({ token: o.token, ...(o.apiUrl ? { baseUrl: o.apiUrl } : {}), log, ...(o.throttle ? { throttle: o.throttle } : {}) });
    const now = o.now ?? new Date();
    const errors = [];
    const repoErrors = new Map();
    const world = { issues: [], comments: {}, history: [] };
    const ownRepos = new Map();
    const tracked = new Map();
    for (const r of records) {
        const repo = r.issue?.repo ?? o.repo;
        if (!repo)
            continue;
        if (r.issue?.number)
            tracked.set(trackedKey(repo, r.issue.number), { repo, number: r.issue.number });
        else
            ownRepos.set(repo.toLowerCase(), repo);
    }
    const fail = (key, err, repo, doing) => {
        const e = describeFailure(err, repo, doing);
        repoErrors.set(key, e.message);
        errors.push(e.message);
    };
    for (const [key, repo] of ownRepos) {
        try {
            world.issues.push(...(await gh.listOpen(repo, o.labels)));
        }
        catch (err) {
            fail(key, err, repo, 'listing issues');
        }
    }
    for (const [key, t] of tracked) {
        try {
            world.comments[key] = await gh.listComments(t.repo, t.number);
        }
        catch (err) {
            fail(key, err, t.repo, `reading the comments of #${t.number}`);
        }
    }
    const options = { repo: o.repo, labels: o.labels, issueOn: o.issueOn, now, ...(o.runUrl ? { runUrl: o.runUrl } : {}) };
    let plan = planIssues(records, world, options);
    // Closed issues are read only when an issue is about to be opened, to link the one it follows.
    const history = reposNeedingHistory(plan).filter((repo) => !repoErrors.has(repo.toLowerCase()));
    if (history.length) {
        for (const repo of history) {
            try {
                world.issues.push(...(await gh.listRecentlyClosed(repo, o.labels)));
            }
            catch (err) {
                log.warning(`Could not read the closed issues of ${repo} to link a previous one: ${describeFailure(err, repo, 'listing closed issues').message}`);
            }
            world.history.push(repo.toLowerCase());
        }
        plan = planIssues(records, world, options);
    }
    // Repos where GitHub refused a write (403/404), and a refused token (401): nothing more is sent there.
    const refused = new Map();
    let tokenRefused = null;
    const refuse = (err, repo) => {
        const reason = `GitHub refused an earlier write (${err.status}): nothing written`;
        if (err.status === 401)
            tokenRefused = reason;
        else
            refused.set(repo.toLowerCase(), reason);
    };
    // Whether an issue opened in a repo could be found again. GitHub drops the labels of a
    // new issue when the token has no triage access, and the next run, listing by label,
    // would open another. Read once per repo, and only before a create.
    const createChecks = new Map();
    const createProblem = async (repo) => {
        const k = repo.toLowerCase();
        if (o.labels.length === 0)
            return null;
        if (createChecks.has(k))
            return createChecks.get(k);
        let problem = null;
        try {
            // Installation tokens (GITHUB_TOKEN, GitHub App tokens) get no permissions object: then
            // it cannot be told before, and the warning after the create says so if labels were dropped.
            const perms = await gh.permissions(repo);
            if (perms && !canLabel(perms)) {
                problem =
                    `Not opening an issue in ${repo}: the token has no triage or push access there, so GitHub would drop the labels ` +
                        `(${o.labels.join(', ')}) and cors-gate could not find its issue again; every run would open another. ` +
                        `Set issue: {repo: ${repo}, number: N} on the endpoint to follow an existing issue, or use a token with triage access to ${repo}.`;
            }
        }
        catch (err) {
            const e = describeFailure(err, repo, 'reading the repository before opening an issue');
            if (e instanceof AccessError)
                refuse(e, repo);
            problem = `${e.message}. No issue opened there in this run.`;
        }
        createChecks.set(k, problem);
        return problem;
    };
    const rows = [];
    let writes = 0;
    const skippedForCap = [];
    for (const p of plan) {
        const key = p.followed && p.number ? trackedKey(p.repo, p.number) : p.repo.toLowerCase();
        const row = { endpoint: p.endpoint, action: p.action, number: p.number ?? null, url: p.url ?? null, repo: p.repo, reason: p.reason };
        rows.push(row);
        const skip = (reason) => {
            if (p.action !== 'skipped' && p.writes.length)
                row.planned = p.action;
            row.action = 'skipped';
            row.reason = reason;
        };
        if (repoErrors.has(key)) {
            skip('GitHub could not be read: nothing written');
            continue;
        }
        if (p.writes.length === 0)
            continue;
        const refusal = tokenRefused ?? refused.get(p.repo.toLowerCase());
        if (refusal) {
            skip(refusal);
            continue;
        }
        if (o.dryRun) {
            // The permission read is a read: a dry run does it too, to show a refusal a real run would meet.
            const problem = p.writes.some((w) => w.op === 'create') ? await createProblem(p.repo) : null;
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
        if (p.writes.some((w) => w.op === 'create')) {
            const problem = await createProblem(p.repo);
            if (problem) {
                errors.push(problem);
                skip(tokenRefused ?? refused.get(p.repo.toLowerCase()) ?? problem);
                continue;
            }
        }
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
                    refuse(e, w.repo);
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
    }
    if (skippedForCap.length) {
        log.warning(`max-issue-writes (${o.maxWrites}) reached: skipped ${skippedForCap.length} endpoint${skippedForCap.length === 1 ? '' : 's'} (${skippedForCap.slice(0, 10).map((n) => (0,src_text/* oneLine */.TN)(n, 60)).join(', ')}${skippedForCap.length > 10 ? ', …' : ''}); the next run picks them up.`);
    }
    return { rows, errors: [...new Set(errors)], writes, plan };
}


/***/ })

};
