export const id = 798;
export const ids = [798];
export const modules = {

/***/ 9091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ sendableHeaders),
/* harmony export */   C4: () => (/* binding */ isSafelistedMethod),
/* harmony export */   DT: () => (/* binding */ corsUnsafeHeaderNames),
/* harmony export */   aA: () => (/* binding */ isNonWildcardHeaderName),
/* harmony export */   tA: () => (/* binding */ normalizeMethod)
/* harmony export */ });
/* unused harmony exports isForbiddenRequestHeader, normalizeHeaderValue, combineHeaders, isSafelistedRequestHeader */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** fetch() upper-cases these six whatever case the page used; every other method is sent as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
function normalizeMethod(method) {
    const upper = method.toUpperCase();
    return NORMALIZED_METHODS.has(upper) ? upper : method;
}
function isSafelistedMethod(method) {
    return SAFELISTED_METHODS.has(method);
}
const FORBIDDEN_NAMES = new Set([
    'accept-charset',
    'accept-encoding',
    'access-control-request-headers',
    'access-control-request-method',
    'connection',
    'content-length',
    'cookie',
    'cookie2',
    'date',
    'dnt',
    'expect',
    'host',
    'keep-alive',
    'origin',
    'referer',
    'set-cookie',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'via',
]);
/**
 * A header the page's fetch() silently drops. Chromium also drops `User-Agent`
 * (the standard allows setting it; Firefox and Safari send it).
 */
function isForbiddenRequestHeader(name, browser, value = '') {
    const n = name.toLowerCase();
    if (FORBIDDEN_NAMES.has(n) || n.startsWith('proxy-') || n.startsWith('sec-'))
        return true;
    // A method override may not smuggle in a method fetch() itself refuses.
    if (METHOD_OVERRIDES.has(n) && value.split(',').some((m) => FORBIDDEN_METHODS.has(m.trim().toLowerCase())))
        return true;
    return browser === 'chromium' && n === 'user-agent';
}
const METHOD_OVERRIDES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['connect', 'trace', 'track']);
/** fetch() strips leading and trailing HTTP white space from every header value. */
function normalizeHeaderValue(value) {
    return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
/** Headers of one name (any case) travel as one line, values joined by ", ", named as first written. */
function combineHeaders(headers) {
    const byName = new Map();
    for (const [name, value] of headers) {
        const key = name.toLowerCase();
        const seen = byName.get(key);
        if (seen)
            seen[1].push(value);
        else
            byName.set(key, [name, [value]]);
    }
    return [...byName.values()].map(([name, values]) => [name, values.join(', ')]);
}
// Bytes that make accept/accept-language/content-language/content-type values unsafe.
function hasUnsafeByte(value) {
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(value[i]))
            return true;
    }
    return false;
}
function mimeEssence(value) {
    return value.split(';')[0].trim().toLowerCase();
}
const SAFE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header, plus the client
 * hints Chromium safelists beyond the standard (its cors.cc IsCorsSafelistedHeader).
 */
function isSafelistedRequestHeader(name, value, browser) {
    if (value.length > 128)
        return false;
    const n = name.toLowerCase();
    if (browser === 'chromium') {
        if (n === 'dpr' || n === 'device-memory')
            return /^[0-9]+(\.[0-9]+)?$/.test(value);
        if (n === 'width' || n === 'viewport-width')
            return /^[0-9]+$/.test(value);
        if (n === 'save-data')
            return value.toLowerCase() === 'on';
        if (n === 'intervention')
            return true;
    }
    switch (n) {
        case 'accept':
            return !hasUnsafeByte(value);
        case 'accept-language':
        case 'content-language':
            return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
        case 'content-type':
            return !hasUnsafeByte(value) && SAFE_CONTENT_TYPES.has(mimeEssence(value));
        case 'range':
            return /^bytes=\d+-\d*$/.test(value) && rangeInOrder(value);
        default:
            return false;
    }
}
function rangeInOrder(value) {
    const [start, end] = value.slice(6).split('-');
    return !end || Number(start) <= Number(end);
}
/**
 * The headers a browser lists in Access-Control-Request-Headers: lower-cased,
 * sorted, without duplicates (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names).
 */
function corsUnsafeHeaderNames(headers, browser) {
    const unsafe = new Set();
    const safelisted = [];
    let safelistSize = 0;
    for (const [name, value] of headers) {
        const n = name.toLowerCase();
        if (isSafelistedRequestHeader(n, value, browser)) {
            safelisted.push(n);
            safelistSize += value.length;
        }
        else {
            unsafe.add(n);
        }
    }
    // Safelisted values totalling over 1 KiB make every one of them unsafe.
    if (safelistSize > 1024)
        for (const n of safelisted)
            unsafe.add(n);
    return [...unsafe].sort();
}
/**
 * The headers the page's fetch() actually sends: values trimmed, forbidden ones
 * dropped one by one as Headers.append drops them, then one line per name.
 */
function sendableHeaders(headers, browser) {
    const kept = [];
    const dropped = [];
    for (const [name, raw] of headers) {
        const value = normalizeHeaderValue(raw);
        if (isForbiddenRequestHeader(name, browser, value))
            dropped.push(name.toLowerCase());
        else
            kept.push([name, value]);
    }
    return { kept: combineHeaders(kept), dropped: [...new Set(dropped)] };
}
/** `authorization` is never covered by a `*` in Access-Control-Allow-Headers. */
function isNonWildcardHeaderName(name) {
    return name.toLowerCase() === 'authorization';
}


/***/ }),

/***/ 6119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* binding */ GOOGLE_GENAI),
/* harmony export */   UQ: () => (/* binding */ vercelTable),
/* harmony export */   UW: () => (/* binding */ API_STYLES),
/* harmony export */   _M: () => (/* binding */ ANTHROPIC_SDK),
/* harmony export */   hD: () => (/* binding */ VERCEL_PROVIDERS),
/* harmony export */   tH: () => (/* binding */ FETCH),
/* harmony export */   u_: () => (/* binding */ OPENAI_SDK),
/* harmony export */   ws: () => (/* binding */ VALUE_VERSIONS)
/* harmony export */ });
/* unused harmony exports VERCEL_AI_VERSION, VERCEL_AI_SOURCE */
const API_STYLES = ['openai', 'anthropic', 'gemini'];
const KEY = '{key}';
/** Headers the Stainless-generated SDKs (openai, anthropic) derive from the browser. */
const STAINLESS_BROWSER = [
    ['X-Stainless-Lang', 'js'],
    ['X-Stainless-Package-Version', '{version}'],
    ['X-Stainless-OS', 'Unknown'],
    ['X-Stainless-Arch', 'unknown'],
    ['X-Stainless-Runtime', '{runtime}'],
    ['X-Stainless-Runtime-Version', '{runtimeVersion}'],
];
const FETCH = {
    name: 'fetch',
    sdk: 'fetch()',
    version: '-',
    source: 'the headers given in the config (or the API style’s usual ones when none are given)',
    style: 'openai',
    headers: [],
    notes: ['Sends only the headers the config gives; with none, the API style’s key and content-type headers.'],
};
const OPENAI_SDK = {
    name: 'openai-sdk',
    sdk: 'openai',
    version: '5.19.0',
    source: 'openai/openai-node src/client.ts (buildHeaders), src/internal/detect-platform.ts (getPlatformProperties)',
    style: 'openai',
    authHeader: 'Authorization',
    headers: [
        ['Accept', 'application/json'],
        ['User-Agent', 'OpenAI/JS {version}'],
        ['X-Stainless-Retry-Count', '0'],
        ...STAINLESS_BROWSER,
        ['Authorization', `Bearer ${KEY}`],
        ['Content-Type', 'application/json'],
    ],
    notes: [
        'Needs `dangerouslyAllowBrowser: true` in a browser.',
        'Adds X-Stainless-Timeout when a per-request timeout is set, OpenAI-Organization / OpenAI-Project when configured, X-Stainless-Helper-Method for stream helpers: add them with `headers:`.',
        'User-Agent is reported gone from v7.5 on (not read here); Chromium never sends it from a page anyway.',
    ],
};
const ANTHROPIC_SDK = {
    name: 'anthropic-sdk',
    sdk: '@anthropic-ai/sdk',
    version: '0.116.0',
    source: 'anthropics/anthropic-sdk-typescript src/client.ts (buildHeaders), src/internal/detect-platform.ts',
    style: 'anthropic',
    authHeader: 'X-Api-Key',
    headers: [
        ['Accept', 'application/json'],
        ['User-Agent', 'Anthropic/JS {version}'],
        ['X-Stainless-Retry-Count', '0'],
        // messages.create always passes a timeout (600 s by default), so this is on every chat call;
        // other calls (models.list) pass none, and the preset leaves it out there.
        ['X-Stainless-Timeout', '600'],
        ...STAINLESS_BROWSER,
        ['anthropic-dangerous-direct-browser-access', 'true'],
        ['anthropic-version', '2023-06-01'],
        ['X-Api-Key', KEY],
        ['Content-Type', 'application/json'],
    ],
    notes: [
        'anthropic-dangerous-direct-browser-access is sent when `dangerouslyAllowBrowser: true` (required in a browser).',
        'With `authToken` instead of `apiKey` the key travels in Authorization: Bearer.',
    ],
};
const GOOGLE_GENAI = {
    name: 'google-genai',
    sdk: '@google/genai',
    version: '2.28.0',
    source: 'googleapis/js-genai src/_api_client.ts (getDefaultHeaders, getHeadersInternal), src/web/_web_auth.ts',
    style: 'gemini',
    authHeader: 'x-goog-api-key',
    headers: [
        ['User-Agent', 'google-genai-sdk/{version} gl-node/web'],
        ['x-goog-api-client', 'google-genai-sdk/{version} gl-node/web'],
        ['Content-Type', 'application/json'],
        ['x-goog-api-key', KEY],
    ],
    notes: ['Adds X-Server-Timeout when httpOptions.timeout is set.'],
};
/** `@ai-sdk/*` packages are versioned together; the tables were read at this release line. */
const VERCEL_AI_VERSION = '@ai-sdk/provider-utils 4 / providers 3–4 (ai 6)';
const VERCEL_AI_SOURCE = 'vercel/ai packages/<provider>/src/<provider>-provider.ts (getHeaders), packages/provider-utils/src/with-user-agent-suffix.ts, post-to-api.ts';
const VERCEL_PROVIDERS = [
    {
        provider: 'openai',
        package: '@ai-sdk/openai',
        style: 'openai',
        authHeader: 'Authorization',
        headers: [['Authorization', `Bearer ${KEY}`]],
    },
    {
        provider: 'openai-compatible',
        package: '@ai-sdk/openai-compatible',
        style: 'openai',
        authHeader: 'Authorization',
        headers: [['Authorization', `Bearer ${KEY}`]],
    },
    {
        provider: 'anthropic',
        package: '@ai-sdk/anthropic',
        style: 'anthropic',
        authHeader: 'x-api-key',
        headers: [
            ['anthropic-version', '2023-06-01'],
            ['x-api-key', KEY],
        ],
    },
    {
        provider: 'google',
        package: '@ai-sdk/google',
        style: 'gemini',
        authHeader: 'x-goog-api-key',
        headers: [['x-goog-api-key', KEY]],
    },
    { provider: 'azure', package: '@ai-sdk/azure', style: 'openai', authHeader: 'api-key', headers: [['api-key', KEY]] },
];
function vercelTable(p) {
    return {
        name: `vercel-ai/${p.provider}`,
        sdk: p.package,
        version: VERCEL_AI_VERSION,
        source: VERCEL_AI_SOURCE.replace(/<provider>/g, p.provider === 'openai-compatible' ? 'openai-compatible' : p.provider),
        style: p.style,
        authHeader: p.authHeader,
        headers: [
            ...p.headers,
            ['user-agent', `ai-sdk/${p.provider}/{version} ai-sdk/provider-utils/4 runtime/browser`],
            ['content-type', 'application/json'],
        ],
        notes: p.provider === 'anthropic'
            ? [
                'Does not send anthropic-dangerous-direct-browser-access: add it with `headers:` (or createAnthropic({headers})) or Anthropic answers without CORS headers.',
            ]
            : [],
    };
}
/** SDK versions substituted for `{version}` in header values. */
const VALUE_VERSIONS = {
    'openai-sdk': '5.19.0',
    'anthropic-sdk': '0.116.0',
    'google-genai': '2.28.0',
    'vercel-ai/openai': '3.0.0',
    'vercel-ai/openai-compatible': '2.0.0',
    'vercel-ai/anthropic': '4.0.0',
    'vercel-ai/google': '3.0.0',
    'vercel-ai/azure': '3.0.0',
};


/***/ }),

/***/ 8132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ fillModel),
/* harmony export */   _R: () => (/* binding */ routeBody),
/* harmony export */   fG: () => (/* binding */ PRESETS),
/* harmony export */   nc: () => (/* binding */ presetRequest),
/* harmony export */   rY: () => (/* binding */ STYLES),
/* harmony export */   rn: () => (/* binding */ clientProblem)
/* harmony export */ });
/* unused harmony exports CLIENT_NAMES, findPreset, routeOf, routeStreams, addHeaders */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7194);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6119);
// Turns `client:` / `style:` / `auth:` into the request a page using that
// client library would make: method, headers with values, body.



const PRESETS = [
    _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .FETCH */ .tH,
    _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .OPENAI_SDK */ .u_,
    _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .ANTHROPIC_SDK */ ._M,
    _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .GOOGLE_GENAI */ .HR,
    ..._catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .VERCEL_PROVIDERS */ .hD.map(_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .vercelTable */ .UQ),
];
const CLIENT_NAMES = PRESETS.map((p) => p.name);
function findPreset(name) {
    return PRESETS.find((p) => p.name === name);
}
/** Why a client name is refused, or null when it is known. */
function clientProblem(name) {
    if (findPreset(name))
        return null;
    if (name === 'vercel-ai')
        return `vercel-ai needs its provider: ${_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .VERCEL_PROVIDERS */ .hD.map((p) => `vercel-ai/${p.provider}`).join(', ')}`;
    return `unknown client ${JSON.stringify(name)} (expected one of: ${CLIENT_NAMES.join(', ')})`;
}
const STYLES = {
    openai: {
        paths: ['/chat/completions', '/responses', '/models'],
        defaultModel: 'gpt-4o-mini',
        authHeader: 'authorization',
        fetchHeaders: [
            ['authorization', `Bearer {key}`],
            ['content-type', 'application/json'],
        ],
    },
    anthropic: {
        paths: ['/v1/messages'],
        defaultModel: 'claude-haiku-4-5',
        authHeader: 'x-api-key',
        fetchHeaders: [
            ['x-api-key', '{key}'],
            ['anthropic-version', '2023-06-01'],
            ['anthropic-dangerous-direct-browser-access', 'true'],
            ['content-type', 'application/json'],
        ],
    },
    gemini: {
        paths: ['/v1beta/models/{model}:generateContent', '/v1beta/models/{model}:streamGenerateContent?alt=sse'],
        defaultModel: 'gemini-2.5-flash',
        authHeader: 'x-goog-api-key',
        fetchHeaders: [
            ['x-goog-api-key', '{key}'],
            ['content-type', 'application/json'],
        ],
    },
};
const RUNTIME = {
    chromium: ['browser:chrome', '156.0.0'],
    firefox: ['browser:firefox', '145.0.0'],
    safari: ['browser:safari', '26.0.0'],
};
function routeOf(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        path = url;
    }
    path = path.replace(/\/+$/, '');
    if (path.endsWith('/chat/completions'))
        return 'chat';
    if (path.endsWith('/responses'))
        return 'responses';
    if (path.endsWith('/models'))
        return 'models';
    if (path.endsWith('/messages'))
        return 'messages';
    if (path.endsWith(':streamGenerateContent'))
        return 'stream-generate';
    if (path.endsWith(':generateContent'))
        return 'generate';
    return 'other';
}
/** The body the client sends for the smallest chat call on this route; none for GET routes. */
function routeBody(route, style, model, stream) {
    const s = stream ? { stream: true } : {};
    const ping = [{ role: 'user', content: 'ping' }];
    switch (route) {
        case 'models':
            return undefined;
        case 'responses':
            // The Responses API refuses max_output_tokens below 16.
            return JSON.stringify({ model, input: 'ping', max_output_tokens: 16, ...s });
        case 'messages':
            return JSON.stringify({ model, max_tokens: 1, messages: ping, ...s });
        case 'generate':
        case 'stream-generate':
            return JSON.stringify({
                contents: [{ role: 'user', parts: [{ text: 'ping' }] }],
                generationConfig: { maxOutputTokens: 1 },
            });
        case 'chat':
            return JSON.stringify({ model, messages: ping, max_tokens: 1, ...s });
        default:
            if (style === 'anthropic')
                return routeBody('messages', style, model, stream);
            if (style === 'gemini')
                return routeBody('generate', style, model, stream);
            return routeBody('chat', style, model, stream);
    }
}
/** Does a request on this route stream its answer (so `auth` can check the event stream)? */
function routeStreams(route, style) {
    if (route === 'models' || route === 'generate')
        return false;
    if (route === 'other')
        return style !== 'gemini';
    return true;
}
function fill(value, client, browser, key) {
    const [runtime, runtimeVersion] = RUNTIME[browser];
    return value
        .replace(/\{version\}/g, _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .VALUE_VERSIONS */ .ws[client] ?? '0')
        .replace(/\{runtime\}/g, runtime)
        .replace(/\{runtimeVersion\}/g, runtimeVersion)
        .replace(/\{key\}/g, key);
}
/** Extra headers add to the preset's; a name already there takes the new value in place. */
function addHeaders(base, extra) {
    const out = base.map((h) => [h[0], h[1]]);
    for (const [n, v] of extra) {
        const at = out.findIndex(([m]) => m.toLowerCase() === n.toLowerCase());
        if (at >= 0)
            out[at][1] = v;
        else
            out.push([n, v]);
    }
    return out;
}
const AUTH_NAMES = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];
/** Puts the real key where the client puts its key. */
function withKey(headers, authHeader, key) {
    const names = [authHeader.toLowerCase(), ...AUTH_NAMES];
    const at = names.map((n) => headers.findIndex(([h]) => h.toLowerCase() === n)).find((i) => i >= 0);
    const value = (name) => (name.toLowerCase() === 'authorization' ? `Bearer ${key}` : key);
    if (at === undefined)
        return [...headers, [authHeader, value(authHeader)]];
    return headers.map((h, i) => (i === at ? [h[0], value(h[0])] : h));
}
/** The request a page using `client` makes to `url`. */
function presetRequest(input) {
    const table = findPreset(input.client);
    if (!table)
        throw new Error(clientProblem(input.client) ?? 'unknown client');
    const style = input.style ?? table.style;
    const info = STYLES[style];
    const key = input.auth ?? _secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER_KEY */ .Kn;
    const route = routeOf(input.url);
    let headers;
    if (table.name === 'fetch') {
        // As a client (in a clients list, or with a style) fetch is what a hand-written
        // call to this API sends; headers given alongside add to it, as for every preset.
        headers = addHeaders(info.fetchHeaders.map(([n, v]) => [n, fill(v, table.name, input.browser, _secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER_KEY */ .Kn)]), input.headers ?? []);
    }
    else {
        // The anthropic SDK passes a timeout (so sends X-Stainless-Timeout) on messages.create only;
        // a base URL without a known route stands for that call.
        const timed = route === 'messages' || route === 'other';
        const base = table.headers.filter(([n]) => table.name !== 'anthropic-sdk' || timed || n.toLowerCase() !== 'x-stainless-timeout');
        headers = addHeaders(base.map(([n, v]) => [n, fill(v, table.name, input.browser, _secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER_KEY */ .Kn)]), input.headers ?? []);
    }
    if (input.auth)
        headers = withKey(headers, table.authHeader ?? info.authHeader, key);
    const method = route === 'models' ? 'GET' : (input.method ?? 'POST');
    const stream = Boolean(input.auth) && routeStreams(route, style);
    const model = input.model ?? info.defaultModel;
    const body = method === 'GET' || method === 'HEAD' ? undefined : (input.body ?? routeBody(route, style, model, stream));
    // Clients set content-type for the body they send; with none there is nothing to describe.
    if (body === undefined)
        headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
    return { method, headers, ...(body !== undefined ? { body } : {}), style, stream };
}
/** `{model}` in a route becomes the endpoint's first model (or the style's default). */
function fillModel(path, style, model) {
    return path.replace(/\{model\}/g, encodeURIComponent(model ?? STYLES[style].defaultModel));
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ secretParts),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Kn: () => (/* binding */ PLACEHOLDER_KEY),
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   wK: () => (/* binding */ isPlaceholder),
/* harmony export */   zt: () => (/* binding */ CREDENTIAL_HEADERS)
/* harmony export */ });
// What counts as a secret, what stands in for one, and how secrets are kept out
// of everything people read: one home for each of these rules.
/** The key cors-gate sends when the config gives no real one: it proves nothing and unlocks nothing. */
const PLACEHOLDER_KEY = 'cors-gate-probe';
/** Headers whose value is a credential: written in a file (or substituted into the action's input) they are secrets unless said otherwise. */
const CREDENTIAL_HEADERS = new Set([
    'authorization',
    'proxy-authorization',
    'x-api-key',
    'api-key',
    'x-goog-api-key',
    'cookie',
]);
function isPlaceholder(value) {
    return new RegExp(`^(?:[A-Za-z][\\w.-]*\\s+)?${PLACEHOLDER_KEY}$`).test(value.trim());
}
/** What to mask for a secret header value: the credential after an auth scheme first (a server may echo it alone), then the whole value. */
function secretParts(value) {
    const m = /^[A-Za-z][\w.-]*\s+(\S.*)$/.exec(value.trim());
    return m && m[1].trim().length >= 4 ? [m[1].trim(), value] : [value];
}
/** Removes secrets (and URL credentials) from text meant for people. */
function redact(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length >= 4)
            out = out.split(s).join('***');
    return out;
}
const SECRET_PARAMS = /^(key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|password|sig|signature|x-goog-api-key|code)$/i;
/** The credentials a URL carries (userinfo, credential-like query values), to redact wherever they turn up. */
function urlSecrets(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return [];
    }
    const out = [];
    const decoded = (s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            return s;
        }
    };
    for (const part of [u.username, u.password])
        if (part)
            out.push(part, decoded(part));
    for (const [k, v] of u.searchParams)
        if (SECRET_PARAMS.test(k) && v)
            out.push(v, encodeURIComponent(v));
    return [...new Set(out)];
}
/** A URL fit to show: userinfo and credential-like query values replaced. */
function displayUrl(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return url;
    }
    if (u.username || u.password) {
        u.username = '***';
        u.password = '';
    }
    for (const k of [...u.searchParams.keys()])
        if (SECRET_PARAMS.test(k))
            u.searchParams.set(k, '***');
    return u.toString().replace(/%2A%2A%2A/g, '***');
}


/***/ })

};
