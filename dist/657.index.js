export const id = 657;
export const ids = [657];
export const modules = {

/***/ 6657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
// The thin GitHub layer: Octokit with retry and throttling, the handful of
// issue calls cors-gate makes, and errors that say what permission is missing.




function split(repo) {
    const [owner, name] = repo.split('/');
    return { owner: owner, repo: name };
}
const known = (repo, i) => ({
    repo,
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? null,
    state: i.state === 'closed' ? 'closed' : 'open',
    stateReason: i.state_reason ?? null,
    closedAt: i.closed_at,
});
function createClient(o) {
    const maxWait = o.maxWaitSeconds ?? 120;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(o.token, {
        ...(o.baseUrl ? { baseUrl: o.baseUrl.replace(/\/+$/, '') } : {}),
        userAgent: 'cors-gate',
        log: {
            debug: () => { },
            info: () => { },
            warn: (m) => o.log.warning((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(m, 300)),
            error: (m) => o.log.warning((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(m, 300)),
        },
        throttle: {
            // GitHub asks for one mutating request at a time, about a second apart; the plugin's
            // write queue does that, and spaces notification-triggering writes further.
            onRateLimit: (after, req, _k, count) => {
                const wait = count < 1 && after <= maxWait;
                o.log.warning(`GitHub rate limit on ${req.method} ${req.url}: ${wait ? `waiting ${after} s` : `retry in ${after} s is too long, giving up`}`);
                return wait;
            },
            onSecondaryRateLimit: (after, req, _k, count) => {
                const wait = count < 3 && after <= maxWait;
                o.log.warning(`GitHub secondary rate limit on ${req.method} ${req.url}: ${wait ? `waiting ${after} s as retry-after asks` : 'giving up'}`);
                return wait;
            },
            ...o.throttle,
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    const once = { request: { retries: 0 } };
    async function list(repo, labels, state, allPages) {
        const params = {
            ...split(repo),
            state,
            per_page: 100,
            ...(labels.length ? { labels: labels.join(',') } : {}),
            ...(state === 'closed' ? { sort: 'updated', direction: 'desc' } : {}),
        };
        const items = allPages
            ? await octokit.paginate(octokit.rest.issues.listForRepo, params)
            : (await octokit.rest.issues.listForRepo(params)).data;
        return items.filter((i) => !i.pull_request).map((i) => known(repo, i));
    }
    return {
        listOpen: (repo, labels) => list(repo, labels, 'open', true),
        listRecentlyClosed: (repo, labels) => list(repo, labels, 'closed', false),
        async listComments(repo, number) {
            const items = await octokit.paginate(octokit.rest.issues.listComments, {
                ...split(repo),
                issue_number: number,
                per_page: 100,
            });
            return items.map((c) => ({ id: c.id, body: c.body ?? null, url: c.html_url }));
        },
        async create(repo, title, body, labels) {
            const { data } = await octokit.rest.issues.create({
                ...split(repo),
                title,
                body,
                ...(labels.length ? { labels } : {}),
                ...once,
            });
            return {
                number: data.number,
                url: data.html_url,
                labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
            };
        },
        async update(repo, number, f) {
            await octokit.rest.issues.update({
                ...split(repo),
                issue_number: number,
                ...(f.title !== undefined ? { title: f.title } : {}),
                ...(f.body !== undefined ? { body: f.body } : {}),
                ...(f.state ? { state: f.state } : {}),
                ...(f.stateReason ? { state_reason: f.stateReason } : {}),
            });
        },
        async permissions(repo) {
            const { data } = await octokit.rest.repos.get(split(repo));
            return data.permissions ?? null;
        },
        async comment(repo, number, body) {
            const { data } = await octokit.rest.issues.createComment({ ...split(repo), issue_number: number, body, ...once });
            return data.html_url;
        },
    };
}


/***/ })

};
