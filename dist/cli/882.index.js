export const id = 882;
export const ids = [882];
export const modules = {

/***/ 8882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   presetsCommand: () => (/* binding */ presetsCommand)
/* harmony export */ });
/* unused harmony exports PRESETS_HELP, describePresets */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cors_fetch_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9091);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _presets_requests_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8132);
// `cors-gate presets`: what each client preset sends, for reading or diffing.




const PRESETS_HELP = `Usage: cors-gate presets [--browser chromium|firefox|safari] [--format text|json]

Prints, for each client preset, the SDK version and source file it was read
from, the request it makes for a chat call (method, headers with values, body)
and the Access-Control-Request-Headers the browser sends for it.`;
function presetsCommand(argv, write) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args: argv,
        options: {
            browser: { type: 'string', default: 'chromium' },
            format: { type: 'string', default: 'text' },
            help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
    });
    if (values.help) {
        write(PRESETS_HELP + '\n');
        return 0;
    }
    const browser = values.browser;
    if (!['chromium', 'firefox', 'safari'].includes(browser))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--browser must be chromium, firefox or safari, got ${JSON.stringify(values.browser)}`);
    if (values.format === 'json') {
        const list = _presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .PRESETS */ .fG.map((p) => {
            const path = (0,_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .fillModel */ .J6)(_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .STYLES */ .rY[p.style].paths[0], p.style);
            const req = (0,_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .presetRequest */ .nc)({ client: p.name, url: `https://api.example${path}`, browser });
            return {
                name: p.name,
                sdk: p.sdk,
                version: p.version,
                source: p.source,
                style: p.style,
                path,
                method: req.method,
                headers: req.headers,
                body: req.body ?? null,
                notes: p.notes,
            };
        });
        write(JSON.stringify({ browser, presets: list }, null, 2) + '\n');
        return 0;
    }
    if (values.format !== 'text')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--format must be text or json, got ${JSON.stringify(values.format)}`);
    write(describePresets(browser));
    return 0;
}
/** What `cors-gate presets` prints: one block per preset. */
function describePresets(browser) {
    const out = [];
    for (const p of _presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .PRESETS */ .fG) {
        const style = _presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .STYLES */ .rY[p.style];
        const url = `https://api.example${(0,_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .fillModel */ .J6)(style.paths[0], p.style)}`;
        const req = (0,_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .presetRequest */ .nc)({ client: p.name, url, browser });
        out.push(`${p.name} — ${p.sdk}${p.version === '-' ? '' : ` ${p.version}`} (API style ${p.style})`);
        out.push(`  source: ${p.source}`);
        out.push(`  ${req.method} ${(0,_presets_requests_js__WEBPACK_IMPORTED_MODULE_3__/* .fillModel */ .J6)(style.paths[0], p.style)}`);
        for (const [n, v] of req.headers)
            out.push(`    ${n}: ${v}`);
        const { kept, dropped } = (0,_cors_fetch_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .sendableHeaders */ .$c)(req.headers, browser);
        if (dropped.length)
            out.push(`    (${browser} drops ${dropped.join(', ')}: a page cannot set it)`);
        out.push(`  Access-Control-Request-Headers (${browser}): ${(0,_cors_fetch_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .corsUnsafeHeaderNames */ .DT)(kept, browser).join(',') || '(none: no preflight)'}`);
        if (req.body)
            out.push(`  body: ${req.body}`);
        for (const n of p.notes)
            out.push(`  note: ${n}`);
        out.push('');
    }
    return out.join('\n');
}


/***/ })

};
