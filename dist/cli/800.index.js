export const id = 800;
export const ids = [800];
export const modules = {

/***/ 800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCommand: () => (/* binding */ checkCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/report/glob.ts
// Report files named by globs, for `cors-gate merge 'reports/*.json'` and the
// action's merge-reports input.

function segmentRegExp(segment) {
    let re = '';
    for (let i = 0; i < segment.length; i++) {
        const ch = segment[i];
        if (ch === '*')
            re += '[^/]*';
        else if (ch === '?')
            re += '[^/]';
        else if (ch === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end === -1)
                re += '\\[';
            else {
                let set = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
                if (set.startsWith('!'))
                    set = '^' + set.slice(1);
                re += `[${set}]`;
                i = end;
            }
        }
        else
            re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
const MAGIC = /[*?[]/;
const MAX_MATCHES = 10_000;
/**
 * Expands a pattern with *, ?, [set] and ** (any depth) into existing files,
 * sorted; a pattern with no wildcard stands for itself. For a quoted glob
 * (`cors-gate merge 'reports/*.json'`) and the action's merge-reports input.
 */
function expandGlob(pattern, fs) {
    if (!MAGIC.test(pattern))
        return fs.existsSync(pattern) ? [pattern] : [];
    const absolute = pattern.startsWith('/');
    const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
    if (absolute)
        parts.shift();
    const out = new Set();
    const join = (base, name) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
    const list = (dir) => {
        try {
            return fs.readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
        }
        catch {
            return [];
        }
    };
    const walk = (base, i, depth) => {
        if (out.size >= MAX_MATCHES || depth > 32)
            return;
        if (i === parts.length)
            return;
        const part = parts[i];
        const last = i === parts.length - 1;
        if (part === '**') {
            if (last)
                return;
            walk(base, i + 1, depth);
            for (const d of list(base))
                if (d.isDirectory() && !d.name.startsWith('.'))
                    walk(join(base, d.name), i, depth + 1);
            return;
        }
        if (!MAGIC.test(part)) {
            const next = join(base, part);
            if (last) {
                if (fs.existsSync(next))
                    out.add(next);
            }
            else
                walk(next, i + 1, depth);
            return;
        }
        const re = segmentRegExp(part);
        for (const d of list(base)) {
            if (!re.test(d.name) || (d.name.startsWith('.') && !part.startsWith('.')))
                continue;
            if (last) {
                if (!d.isDirectory())
                    out.add(join(base, d.name));
            }
            else if (d.isDirectory())
                walk(join(base, d.name), i + 1, depth);
        }
    };
    walk(absolute ? '/' : '', 0, 0);
    return [...out].sort();
}
/**
 * Every file the patterns name, each once, in pattern order then sorted; a
 * pattern that matches nothing is an error (a missing artifact must not pass).
 */
function expandPatterns(patterns, fs) {
    const files = [];
    const seen = new Set();
    for (const p of patterns) {
        const matched = expandGlob(p, fs);
        if (matched.length === 0)
            throw new errors/* MergeError */.VX(`${p}: no report file matches`);
        for (const f of matched) {
            if (!seen.has(f)) {
                seen.add(f);
                files.push(f);
            }
        }
    }
    return files;
}
/** The merge-reports input: one pattern per line or comma-separated. */
function splitPatterns(text) {
    return text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
}

;// CONCATENATED MODULE: ./src/files.ts
// The file system at the edge of the pipeline: config files in, reports out.
// Reads name the file in their errors; writes are whole or not at all.




/** Reads a config file; a missing or unreadable file is a config error naming it. */
function readSource(path) {
    if (!external_node_fs_.existsSync(path))
        throw new errors/* ConfigError */.xL(path, 0, 0, 'file not found');
    try {
        return { file: path, text: external_node_fs_.readFileSync(path, 'utf8') };
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(path, 0, 0, `cannot read the file: ${err.message}`);
    }
}
/**
 * The reports that files or globs name, each read whole. `exclude` keeps the
 * merged report's own path out of a glob that matches it.
 */
function readReports(patterns, exclude = []) {
    const skip = new Set(exclude.map((p) => (0,external_node_path_.resolve)(p)));
    const files = expandPatterns(patterns, external_node_fs_).filter((f) => !skip.has((0,external_node_path_.resolve)(f)));
    return files.map((file) => {
        try {
            return { file, text: external_node_fs_.readFileSync(file, 'utf8') };
        }
        catch (err) {
            throw new errors/* UsageError */.eb(`cannot read the report ${file}: ${err.message}`);
        }
    });
}
/** Writes the file whole or not at all: a reader never sees half a report. */
function writeFileAtomic(path, text) {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
        external_node_fs_.mkdirSync((0,external_node_path_.dirname)(path), { recursive: true });
        if (typeof text === 'string')
            external_node_fs_.writeFileSync(tmp, text);
        else {
            const fd = external_node_fs_.openSync(tmp, 'w');
            try {
                for (const chunk of text)
                    external_node_fs_.writeSync(fd, chunk);
            }
            finally {
                external_node_fs_.closeSync(fd);
            }
        }
        external_node_fs_.renameSync(tmp, path);
    }
    catch (err) {
        external_node_fs_.rmSync(tmp, { force: true });
        throw new errors/* UsageError */.eb(`cannot write ${path}: ${err.message}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/config/shard.ts
// Splitting one endpoint list across matrix jobs. A shard is chosen by a hash of
// the endpoint id, never by position, so reordering or adding endpoints moves no
// other endpoint to another shard, and each endpoint (with its issue) belongs to
// exactly one job.

const MAX_SHARDS = 256;
function formatShard(s) {
    return `${s.index}/${s.count}`;
}
/** The 1-based shard an endpoint id falls in. */
function shardOf(id, count) {
    // Ids are already hashes, but hashing again keeps the spread even whatever
    // shape ids take, and 32 bits mod n ≤ 256 has no visible bias.
    const h = (0,external_node_crypto_.createHash)('sha256').update(id).digest();
    return (h.readUInt32BE(0) % count) + 1;
}
function inShard(id, shard) {
    return !shard || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}
/** The endpoints this shard checks, in their configured order. */
function selectShard(items, shard) {
    return shard ? items.filter((e) => inShard(e.id, shard)) : [...items];
}

;// CONCATENATED MODULE: ./src/types.ts
// The shapes that flow between the pipeline's steps:
// config → Endpoint[] → probe → Exchange → cors → Evaluation → report / issues.
const types_VERDICTS = ['pass', 'warn', 'fail', 'error'];

;// CONCATENATED MODULE: ./src/urls.ts
// What counts as an endpoint URL and as a page's origin, for the config file
// and the options alike. Each function says why text is refused, and the
// caller adds which key or option it came from.
/** An http:// or https:// URL that fetch() can request, as written. */
function checkUrl(text) {
    if (/\s/.test(text))
        return { problem: `${JSON.stringify(text)} contains white space` };
    let u;
    try {
        u = new URL(text);
    }
    catch {
        return { problem: `${JSON.stringify(text)} is not a valid URL` };
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        return { problem: `must be an http:// or https:// URL, got ${JSON.stringify(text)}` };
    }
    return { ok: text };
}
/**
 * The Origin a page at this address sends: scheme://host[:port]. A trailing
 * slash is what people type and is dropped, as the browser's Origin never has one.
 */
function checkOrigin(text) {
    const url = checkUrl(text);
    if ('problem' in url)
        return url;
    const u = new URL(text);
    if (u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]/.test(text)) {
        return { problem: `must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(text)}` };
    }
    return { ok: u.origin };
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Every option of the action and the CLI: its default, written once here, and
// the parser that turns its text into a typed value with an error naming it.




/**
 * Defaults as option text, shared by the action, the CLI and their help.
 * action.yml repeats them for GitHub's UI; a test keeps the two equal.
 */
const DEFAULTS = {
    config: '.github/cors-gate.yml',
    'fail-on': 'fail,error',
    timeout: '10',
    concurrency: '8',
    issues: 'false',
    'issue-labels': 'cors-gate',
    'issue-on': 'fail',
    'dry-run': 'false',
    'max-issue-writes': '20',
};
const MAX_CONCURRENCY = 256;
const MAX_TIMEOUT_SECONDS = 600;
const MAX_ISSUE_WRITES = 1000;
function parseSeconds(text, name) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
        throw new errors/* UsageError */.eb(`${name} must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(text)}`);
    }
    return Math.round(n * 1000);
}
/** A whole number from `min` to `max`. */
function parseCount(text, name, max, min = 1) {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max)
        throw new errors/* UsageError */.eb(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
    return n;
}
function parseBool(text, name) {
    if (/^(true|yes|1)$/i.test(text.trim()))
        return true;
    if (/^(false|no|0|)$/i.test(text.trim()))
        return false;
    throw new UsageError(`${name} must be true or false, got ${JSON.stringify(text)}`);
}
function parseOrigin(text, name) {
    const checked = checkOrigin(text.trim());
    if ('problem' in checked)
        throw new errors/* UsageError */.eb(`${name} ${checked.problem}`);
    return checked.ok;
}
/**
 * A comma list of verdicts from `allowed`, or `never` for none: `fail,error`
 * for fail-on, `fail,warn` for issue-on.
 */
function parseVerdicts(text, name, allowed, what) {
    const items = text
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    if (items.length === 1 && items[0] === 'never')
        return [];
    const usage = `use a comma list of ${allowed.join(', ')}, or never`;
    if (items.includes('never'))
        throw new errors/* UsageError */.eb(`${name}: never means none and cannot be combined with verdicts, got ${JSON.stringify(text)}`);
    for (const item of items) {
        if (!allowed.includes(item))
            throw new errors/* UsageError */.eb(`${name}: ${JSON.stringify(item)} is not ${what} (${usage})`);
    }
    if (items.length === 0)
        throw new errors/* UsageError */.eb(`${name} is empty (${usage})`);
    return items;
}
/** `fail,error` → the verdicts that fail the gate; `never` → none. */
function parseFailOn(text, name = 'fail-on') {
    return parseVerdicts(text, name, types_VERDICTS, 'a verdict');
}
/** The verdicts that open an issue; a pass never does. */
function parseIssueOn(text, name = 'issue-on') {
    return parseVerdicts(text, name, VERDICTS.filter((v) => v !== 'pass'), 'a failing verdict');
}
const REPO_NAME = /^[\w.-]+\/[\w.-]+$/;
/** Why text is not an owner/repo name, or null. */
function repoProblem(text) {
    return REPO_NAME.test(text) ? null : `must be owner/repo, got ${JSON.stringify(text)}`;
}
function parseRepo(text, name) {
    const t = text.trim();
    const problem = repoProblem(t);
    if (problem)
        throw new UsageError(`${name} ${problem}`);
    return t;
}
function parseLabels(text) {
    return text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** `2/4` → { index: 2, count: 4 }; empty text → no sharding. */
function parseShard(text, name = 'shard') {
    const t = text.trim();
    if (t === '')
        return undefined;
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
    if (!m)
        throw new errors/* UsageError */.eb(`${name} must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS)
        throw new errors/* UsageError */.eb(`${name}: the number of shards must be from 1 to ${MAX_SHARDS}, got ${count}`);
    if (index < 1 || index > count)
        throw new errors/* UsageError */.eb(`${name}: the shard number counts from 1 to ${count}, got ${index}`);
    return { index, count };
}

// EXTERNAL MODULE: ./src/cors/fetch-rules.ts
var fetch_rules = __webpack_require__(9091);
;// CONCATENATED MODULE: ./src/cors/evaluate.ts
// The browser's decision, as a pure function of the request and the raw responses.
// Follows the Fetch standard's CORS check (https://fetch.spec.whatwg.org/#cors-check)
// and CORS-preflight fetch (#cors-preflight-fetch), in the order Chromium applies
// them, with finding codes named as Chromium DevTools names its CORS errors.

const CHROMIUM_MAX_AGE_CAP = 7200;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
function needsPreflight(req) {
    return !(0,fetch_rules/* isSafelistedMethod */.C4)(req.method) || (0,fetch_rules/* corsUnsafeHeaderNames */.DT)(req.headers, req.browser).length > 0;
}
/** The Access-Control-Request-Headers value a browser sends: lower-case, sorted, comma-joined. */
function requestHeadersValue(req) {
    return (0,fetch_rules/* corsUnsafeHeaderNames */.DT)(req.headers, req.browser).join(',');
}
/** Every value of a header, one entry per line, trimmed of HTTP whitespace. */
function headerValues(headers, name) {
    const lower = name.toLowerCase();
    const out = [];
    for (const [n, v] of headers)
        if (n.toLowerCase() === lower)
            out.push(v.replace(/^[ \t]+|[ \t]+$/g, ''));
    return out;
}
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * Parses a `#token` list (Access-Control-Allow-Methods / -Headers) across all its
 * lines. Empty elements are allowed, anything that is not a token makes the whole
 * header invalid, as the standard's "extract header list values" does.
 */
function parseTokenList(headers, name) {
    const lines = headerValues(headers, name);
    if (lines.length === 0)
        return null;
    const items = [];
    for (const line of lines) {
        for (const raw of line.split(',')) {
            const item = raw.replace(/^[ \t]+|[ \t]+$/g, '');
            if (item === '')
                continue;
            if (!TOKEN.test(item))
                return 'invalid';
            items.push(item);
        }
    }
    return items;
}
const CODES = {
    preflight: {
        missing: 'PreflightMissingAllowOriginHeader',
        multiple: 'PreflightMultipleAllowOriginValues',
        invalid: 'PreflightInvalidAllowOriginValue',
        mismatch: 'PreflightAllowOriginMismatch',
        wildcard: 'PreflightWildcardOriginNotAllowed',
        credentials: 'PreflightInvalidAllowCredentials',
    },
    actual: {
        missing: 'MissingAllowOriginHeader',
        multiple: 'MultipleAllowOriginValues',
        invalid: 'InvalidAllowOriginValue',
        mismatch: 'AllowOriginMismatch',
        wildcard: 'WildcardOriginNotAllowed',
        credentials: 'InvalidAllowCredentials',
    },
};
const LEAD = {
    preflight: "Response to preflight request doesn't pass access control check: ",
    actual: '',
};
function fail(on, code, message) {
    return { code, level: 'fail', message: LEAD[on] + message, on };
}
/** The standard's CORS check, applied to one response. */
function corsCheck(res, req, on) {
    const codes = CODES[on];
    const values = headerValues(res.headers, 'access-control-allow-origin');
    if (values.length === 0) {
        return fail(on, codes.missing, "No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    }
    if (values.length > 1) {
        return fail(on, codes.multiple, `The 'Access-Control-Allow-Origin' header is sent ${values.length} times; it must be sent once with one value.`);
    }
    const value = values[0];
    if (value === '*') {
        if (req.credentials === 'include') {
            return fail(on, codes.wildcard, "The value of the 'Access-Control-Allow-Origin' header must not be the wildcard '*' when the request's credentials mode is 'include'.");
        }
    }
    else {
        // Chromium reads a space or a comma as a list of origins.
        if (/[ ,]/.test(value)) {
            return fail(on, codes.multiple, "The 'Access-Control-Allow-Origin' header contains multiple values, but only one is allowed.");
        }
        if (value !== req.origin) {
            const code = value === 'null' || isParsableOrigin(value) ? codes.mismatch : codes.invalid;
            return fail(on, code, `The 'Access-Control-Allow-Origin' header has a value that is not equal to the supplied origin ${req.origin}.`);
        }
    }
    if (req.credentials === 'include') {
        const acac = headerValues(res.headers, 'access-control-allow-credentials').join(', ');
        if (acac !== 'true') {
            return fail(on, codes.credentials, "The value of the 'Access-Control-Allow-Credentials' header must be exactly 'true' when the request's credentials mode is 'include'.");
        }
    }
    return null;
}
/** Chromium calls a value it can parse as a URL a mismatch, anything else invalid. */
function isParsableOrigin(value) {
    try {
        new URL(value);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Where a response redirects to: a non-blank Location on a redirect status.
 * Chromium hands a redirect status with a blank Location to the page as is.
 */
function redirectTarget(res) {
    if (!REDIRECT_STATUSES.has(res.status))
        return undefined;
    const location = headerValues(res.headers, 'location')[0];
    return location ? location : undefined;
}
/** Two different Location (or Content-Disposition) lines make Chromium drop the response as a network error. */
function conflictingHeaders(res, on) {
    for (const name of ['location', 'content-disposition']) {
        const values = new Set(headerValues(res.headers, name));
        if (values.size > 1) {
            const error = name === 'location'
                ? 'ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION'
                : 'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION';
            return {
                code: 'NetworkError',
                level: 'error',
                on,
                message: `The response has ${values.size} different ${name} headers; browsers refuse it (net::${error}).`,
            };
        }
    }
    return null;
}
function networkFinding(on, ex) {
    const e = ex.error;
    return {
        code: e.code === 'TIMEOUT' ? 'Timeout' : 'NetworkError',
        level: 'error',
        message: `${on === 'preflight' ? 'Preflight' : 'Request'} failed: ${e.message}`,
        on,
    };
}
/** The browser's decision on the preflight alone. Blocking finding first. */
function evaluatePreflight(req, ex) {
    if (!ex.response)
        return [networkFinding('preflight', ex)];
    const res = ex.response;
    const out = [];
    const conflict = conflictingHeaders(res, 'preflight');
    if (conflict)
        return [conflict];
    if (redirectTarget(res) !== undefined) {
        return [
            fail('preflight', 'PreflightDisallowedRedirect', `Redirect is not allowed for a preflight request (status ${res.status}).`),
        ];
    }
    const access = corsCheck(res, req, 'preflight');
    if (access)
        return [access, ...statusInfo(res)];
    if (res.status < 200 || res.status > 299) {
        return [fail('preflight', 'PreflightInvalidStatus', `It does not have HTTP ok status (status ${res.status}).`)];
    }
    const methods = parseTokenList(res.headers, 'access-control-allow-methods');
    if (methods === 'invalid') {
        return [
            fail('preflight', 'InvalidAllowMethodsPreflightResponse', 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.'),
        ];
    }
    const allowed = parseTokenList(res.headers, 'access-control-allow-headers');
    if (allowed === 'invalid') {
        return [
            fail('preflight', 'InvalidAllowHeadersPreflightResponse', 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.'),
        ];
    }
    const credentialed = req.credentials === 'include';
    const methodList = methods ?? [];
    if (!(0,fetch_rules/* isSafelistedMethod */.C4)(req.method) &&
        !methodList.includes(req.method) &&
        (credentialed || !methodList.includes('*'))) {
        out.push({
            code: 'MethodDisallowedByPreflightResponse',
            level: 'fail',
            on: 'preflight',
            message: `Method ${req.method} is not allowed by Access-Control-Allow-Methods in preflight response.`,
        });
        return out;
    }
    const allowedLower = new Set((allowed ?? []).map((h) => h.toLowerCase()));
    const wildcard = !credentialed && allowedLower.has('*');
    for (const name of (0,fetch_rules/* corsUnsafeHeaderNames */.DT)(req.headers, req.browser)) {
        if (allowedLower.has(name))
            continue;
        if (wildcard && (0,fetch_rules/* isNonWildcardHeaderName */.aA)(name)) {
            // The standard never lets `*` cover Authorization; Chromium still does, with a deprecation notice.
            out.push({
                code: 'AuthorizationCoveredByWildcard',
                level: 'warn',
                on: 'preflight',
                message: "Authorization is allowed only through 'Access-Control-Allow-Headers: *'. Chromium accepts this for now (deprecated); the Fetch standard and Firefox with its standard setting do not. List 'authorization' explicitly.",
            });
            continue;
        }
        if (wildcard)
            continue;
        out.unshift({
            code: 'HeaderDisallowedByPreflightResponse',
            level: 'fail',
            on: 'preflight',
            message: `Request header field ${name} is not allowed by Access-Control-Allow-Headers in preflight response.`,
        });
        return out;
    }
    out.push(...preflightInfo(res));
    return out;
}
function statusInfo(res) {
    return res.status < 200 || res.status > 299
        ? [
            {
                code: 'PreflightStatus',
                level: 'info',
                on: 'preflight',
                message: `The preflight was answered with status ${res.status}.`,
            },
        ]
        : [];
}
function preflightInfo(res) {
    const out = [];
    const maxAge = headerValues(res.headers, 'access-control-max-age');
    if (maxAge.length === 0) {
        out.push({
            code: 'MaxAge',
            level: 'info',
            on: 'preflight',
            message: 'No Access-Control-Max-Age: browsers cache this preflight for 5 seconds, so most calls pay for a second round trip.',
        });
    }
    else {
        const seconds = /^\d+$/.test(maxAge.join(', ')) ? Number(maxAge[0]) : NaN;
        if (Number.isNaN(seconds)) {
            out.push({
                code: 'MaxAge',
                level: 'info',
                on: 'preflight',
                message: 'Access-Control-Max-Age is not a number: browsers use 5 seconds.',
            });
        }
        else if (seconds > CHROMIUM_MAX_AGE_CAP) {
            out.push({
                code: 'MaxAge',
                level: 'info',
                on: 'preflight',
                message: `Access-Control-Max-Age ${seconds} s: Chromium caps it at ${CHROMIUM_MAX_AGE_CAP} s.`,
            });
        }
        else {
            out.push({ code: 'MaxAge', level: 'info', on: 'preflight', message: `Access-Control-Max-Age ${seconds} s.` });
        }
    }
    return out;
}
function actualInfo(res, req) {
    const out = [];
    const acao = headerValues(res.headers, 'access-control-allow-origin')[0];
    const vary = headerValues(res.headers, 'vary')
        .join(',')
        .toLowerCase()
        .split(',')
        .map((s) => s.trim());
    if (acao && acao !== '*' && !vary.includes('origin') && !vary.includes('*')) {
        out.push({
            code: 'VaryOriginMissing',
            level: 'info',
            on: 'actual',
            message: 'Access-Control-Allow-Origin echoes the origin but Vary does not name Origin: a shared cache may serve this answer to another origin.',
        });
    }
    const exposed = headerValues(res.headers, 'access-control-expose-headers').join(', ');
    out.push({
        code: 'ExposeHeaders',
        level: 'info',
        on: 'actual',
        message: exposed
            ? `Readable response headers beyond the safelisted ones: ${exposed}.`
            : 'No Access-Control-Expose-Headers: the page can read only the safelisted response headers (no rate-limit or request-id headers).',
    });
    if (res.status === 401 || res.status === 403) {
        out.push({
            code: 'ActualStatus',
            level: 'info',
            on: 'actual',
            message: `The actual request was answered with status ${res.status}, readable by the page (the probe sends a placeholder key).`,
        });
    }
    void req;
    return out;
}
/** The browser's decision on the actual response (after a passed preflight, or with none). */
function evaluateActual(req, ex) {
    if (!ex.response)
        return [networkFinding('actual', ex)];
    const res = ex.response;
    const conflict = conflictingHeaders(res, 'actual');
    if (conflict)
        return [conflict];
    const access = corsCheck(res, req, 'actual');
    if (access)
        return [access];
    return actualInfo(res, req);
}
function isBlocking(findings) {
    return findings.some((f) => f.level === 'fail' || f.level === 'error');
}
const LEVEL_ORDER = { fail: 0, error: 0, warn: 1, info: 2 };
/** What a browser decides for the whole call. */
function evaluate(req, exchanges) {
    const preflightNeeded = needsPreflight(req);
    const findings = [];
    if (preflightNeeded && exchanges.preflight)
        findings.push(...evaluatePreflight(req, exchanges.preflight));
    if (exchanges.redirectFindings)
        findings.push(...exchanges.redirectFindings);
    const last = exchanges.finalRequest ?? req;
    if (!preflightNeeded) {
        findings.push({
            code: 'NoPreflight',
            level: 'info',
            message: 'A CORS-simple request (safelisted method and headers): a browser sends no preflight and judges the actual response alone.',
        });
    }
    if (exchanges.actual && !isBlocking(findings))
        findings.push(...evaluateActual(last, exchanges.actual));
    else if (preflightNeeded && !exchanges.actual && !isBlocking(findings)) {
        findings.push({
            code: 'ActualNotChecked',
            level: 'info',
            message: 'The actual request was not sent (actual: false): a missing Access-Control-Allow-Origin on the real response would go unnoticed.',
        });
    }
    if (exchanges.notes)
        findings.push(...exchanges.notes);
    findings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    return { verdict: verdictOf(findings), findings, preflightNeeded, fix: requiredHeaders(req, preflightNeeded) };
}
function verdictOf(findings) {
    const first = findings[0];
    if (!first)
        return 'pass';
    if (first.level === 'fail')
        return 'fail';
    if (first.level === 'error')
        return 'error';
    return findings.some((f) => f.level === 'warn') ? 'warn' : 'pass';
}
/** The response headers that make this exact call work, to show as the fix. */
function requiredHeaders(req, preflightNeeded) {
    const credentialed = req.credentials === 'include';
    const out = [['Access-Control-Allow-Origin', credentialed ? req.origin : '*']];
    if (credentialed)
        out.push(['Access-Control-Allow-Credentials', 'true']);
    if (!preflightNeeded)
        return out;
    if (!(0,fetch_rules/* isSafelistedMethod */.C4)(req.method))
        out.push(['Access-Control-Allow-Methods', req.method]);
    const names = (0,fetch_rules/* corsUnsafeHeaderNames */.DT)(req.headers, req.browser);
    if (names.length)
        out.push(['Access-Control-Allow-Headers', names.join(', ')]);
    out.push(['Access-Control-Max-Age', String(CHROMIUM_MAX_AGE_CAP)]);
    return out;
}

// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/check/authenticated.ts
// The authenticated check (`auth:`): the actual request carried a real key and,
// on a streaming route, asked for a stream. A browser client needs the event
// stream itself to carry Access-Control-Allow-Origin (the CORS check of the
// actual response says whether it does) and can read only the response headers
// listed in Access-Control-Expose-Headers (plus the safelisted few).

/** Response headers every CORS response exposes (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name). */
const SAFELISTED_RESPONSE = [
    'cache-control',
    'content-language',
    'content-length',
    'content-type',
    'expires',
    'last-modified',
    'pragma',
];
function exposedHeaders(ex) {
    const listed = headerValues(ex.response?.headers ?? [], 'access-control-expose-headers')
        .flatMap((v) => v.split(','))
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    if (listed.includes('*'))
        return '*';
    return [...new Set(listed)];
}
function streamFindings(e, actual) {
    if (e.stream === undefined || !actual?.response)
        return [];
    const res = actual.response;
    const out = [];
    const type = (headerValues(res.headers, 'content-type')[0] ?? '').split(';')[0].trim().toLowerCase();
    const acao = headerValues(res.headers, 'access-control-allow-origin');
    const what = e.stream ? 'streaming request' : 'request';
    if (res.status >= 400) {
        out.push({
            code: 'AuthenticatedRequestRejected',
            level: 'warn',
            on: 'actual',
            message: `The authenticated ${what} was answered ${res.status}${type ? ` (${type})` : ''}: check the key; the stream itself was not checked.`,
        });
    }
    else if (e.stream && type !== 'text/event-stream') {
        out.push({
            code: 'StreamNotEventStream',
            level: 'warn',
            on: 'actual',
            message: `Asked for a stream, got ${res.status} ${type || 'without Content-Type'} instead of text/event-stream.`,
        });
    }
    else {
        out.push({
            code: e.stream ? 'EventStream' : 'AuthenticatedResponse',
            level: 'info',
            on: 'actual',
            message: `${res.status} ${type || 'without Content-Type'} ${acao.length ? `with Access-Control-Allow-Origin: ${acao.join(', ')}` : 'without Access-Control-Allow-Origin: the page cannot read it'}.`,
        });
    }
    const exposed = exposedHeaders(actual);
    out.push({
        code: 'ExposedHeaders',
        level: 'info',
        on: 'actual',
        message: exposed === '*'
            ? 'Access-Control-Expose-Headers: * — a page can read every response header (without credentials).'
            : exposed.length
                ? `A page can read these response headers: ${exposed.join(', ')} (Access-Control-Expose-Headers), besides ${SAFELISTED_RESPONSE.join(', ')}.`
                : `No Access-Control-Expose-Headers: a page can read only ${SAFELISTED_RESPONSE.join(', ')} (no request id, no rate-limit headers).`,
    });
    return out;
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/check/lenient.ts
// A second, lenient read of a response that the strict HTTP parser refused.
// Browsers read some malformed responses anyway (a space before a header's
// colon, folded header lines), so refusing them would turn a browser's answer
// into an error. The request is sent once more on a fresh connection and only
// the status line and headers are read, the way Chromium's parser reads them.


const MAX_HEAD = 256 * 1024;
const KEEP_BODY = 2048;
/** Status line and header lines, read as a browser reads them; null when there is no HTTP status line. */
function parseHeadLeniently(head) {
    const lines = head.split(/\r?\n/);
    const m = /^HTTP\/1\.[01] +(\d{3})(?: .*)?$/.exec(lines[0] ?? '');
    if (!m)
        return null;
    const headers = [];
    for (const line of lines.slice(1)) {
        if (line === '')
            break;
        // A line that starts with white space continues the previous value (obs-fold).
        if (/^[ \t]/.test(line) && headers.length) {
            const [n, v] = headers[headers.length - 1];
            headers[headers.length - 1] = [n, `${v} ${line.trim()}`.trim()];
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const name = line.slice(0, colon).replace(/[ \t]+$/, '');
        if (!name || /[ \t]/.test(name))
            continue;
        headers.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
    }
    return { status: Number(m[1]), headers };
}
function proxyConfigured(env = process.env) {
    return ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some((k) => env[k]);
}
/** Sends the request again over a raw connection and reads its head leniently. */
function readLeniently(method, url, headers, body, timeoutMs) {
    const u = new URL(url);
    const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    return new Promise((resolve) => {
        let done = false;
        const chunks = [];
        let size = 0;
        let socket;
        const finish = (result) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            socket.destroy();
            resolve(result);
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        const onConnect = () => {
            const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`];
            for (const [n, v] of headers)
                lines.push(`${n}: ${v}`);
            if (body !== undefined)
                lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
            lines.push('Connection: close', '', '');
            socket.write(lines.join('\r\n') + (body ?? ''));
        };
        socket =
            u.protocol === 'https:'
                ? (0,external_node_tls_.connect)({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host }, onConnect)
                : (0,external_node_net_.connect)({ host, port }, onConnect);
        const settle = () => {
            const buf = Buffer.concat(chunks);
            let end = buf.indexOf('\r\n\r\n');
            let gap = 4;
            if (end < 0) {
                end = buf.indexOf('\n\n');
                gap = 2;
            }
            if (end < 0 && size < MAX_HEAD)
                return false;
            const head = parseHeadLeniently(buf.subarray(0, end < 0 ? MAX_HEAD : end).toString('latin1'));
            const rest = end < 0 ? Buffer.alloc(0) : buf.subarray(end + gap, end + gap + KEEP_BODY);
            finish(head ? { status: head.status, headers: head.headers, body: rest.toString('utf8'), bodyTruncated: true } : null);
            return true;
        };
        socket.on('data', (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            settle();
        });
        socket.on('end', () => {
            if (!settle())
                finish(null);
        });
        socket.on('error', () => finish(null));
    });
}

;// CONCATENATED MODULE: ./src/check/probe.ts
// Sends one HTTP request exactly as given and keeps the raw answer: header lines
// in order with duplicates and casing, the status, and the first bytes of the body.
// undici's dispatch API is used rather than fetch(), which adds headers, joins
// duplicates and follows redirects.


/** How much of a body is read before the connection is dropped. */
const BODY_READ_LIMIT = 64 * 1024;
/** How much of it is kept as evidence. */
const BODY_KEEP = 2048;
/** Chromium accepts response headers up to 256 KiB; so do we, so verdicts agree. */
const MAX_HEADER_BYTES = 256 * 1024;
function createDispatcher(timeoutMs) {
    // Honours HTTP(S)_PROXY and NO_PROXY, as self-hosted runners expect.
    return new undici/* EnvHttpProxyAgent */.J2({
        connect: { timeout: timeoutMs },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        maxHeaderSize: MAX_HEADER_BYTES,
        keepAliveTimeout: 4_000,
        pipelining: 1,
    });
}
class DeadlineError extends Error {
    code = 'TIMEOUT';
}
function toLines(raw) {
    const lines = [];
    if (!Array.isArray(raw))
        return lines;
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i];
        const value = raw[i + 1];
        const text = (x) => (Buffer.isBuffer(x) ? x.toString('latin1') : String(x));
        if (Array.isArray(value))
            for (const v of value)
                lines.push([text(name), text(v)]);
        else
            lines.push([text(name), text(value)]);
    }
    return lines;
}
const REASONS = {
    ENOTFOUND: 'DNS lookup failed',
    EAI_AGAIN: 'DNS lookup failed (temporary)',
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    UND_ERR_SOCKET: 'the server closed the connection',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response headers',
    UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
    UND_ERR_HEADERS_OVERFLOW: 'response headers larger than 256 KiB',
    HPE_INVALID_CONSTANT: 'not an HTTP response',
    HPE_INVALID_STATUS: 'invalid HTTP status line',
    HPE_INVALID_HEADER_TOKEN: 'invalid HTTP header line',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in the chain',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: certificate cannot be verified',
    CERT_HAS_EXPIRED: 'TLS: certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: certificate does not name this host',
    ERR_SSL_WRONG_VERSION_NUMBER: 'TLS: the server does not speak TLS on this port',
};
function describeError(err, timeoutMs) {
    const e = err;
    // undici's parser errors for a wrong protocol carry no code of their own.
    const code = e?.code ?? e?.cause?.code ?? (e?.name === 'HTTPParserError' ? 'HPE_INVALID_RESPONSE' : 'UNKNOWN');
    if (code === 'TIMEOUT')
        return { code, message: `no complete answer within ${timeoutMs / 1000} s (timeout)` };
    const reason = REASONS[code] ?? (e?.message ?? 'request failed').split('\n')[0].slice(0, 200);
    return { code, message: `${reason} (${code})` };
}
/**
 * Sends one request; never throws, never outlives the deadline by more than a
 * tick. A response the strict parser refuses is read once more leniently, as
 * browsers read it (not through a proxy: the second read goes direct).
 */
async function probe_send(method, url, headers, body, opts) {
    const ex = await sendStrict(method, url, headers, body, opts);
    if (!ex.error?.code.startsWith('HPE_') || proxyConfigured())
        return ex;
    const left = opts.timeoutMs - ex.ms;
    if (left < 50)
        return ex;
    const started = performance.now();
    const response = await readLeniently(method, url, headers, body, left);
    if (!response)
        return ex;
    return {
        ...ex,
        response,
        error: undefined,
        ms: ex.ms + Math.round(performance.now() - started),
        lenient: ex.error.message,
    };
}
function sendStrict(method, url, headers, body, opts) {
    const started = performance.now();
    const u = new URL(url);
    const flat = [];
    for (const [n, v] of headers)
        flat.push(n, v);
    return new Promise((resolve) => {
        let settled = false;
        let controller = null;
        let response = null;
        const chunks = [];
        let read = 0;
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            const ms = Math.round(performance.now() - started);
            const base = { method, url, headers, ms };
            if (response) {
                const buf = Buffer.concat(chunks);
                response.body = buf.subarray(0, BODY_KEEP).toString('utf8');
                response.bodyTruncated = response.bodyTruncated || buf.length > BODY_KEEP;
                // A body cut short by our own limit, or the deadline hit mid-body, still
                // leaves a usable answer: the browser's decision rests on the headers.
                resolve({ ...base, response });
            }
            else {
                resolve({ ...base, error: describeError(error, opts.timeoutMs) });
            }
        };
        const timer = setTimeout(() => {
            const err = new DeadlineError('deadline');
            if (response)
                response.bodyTruncated = true;
            controller?.abort(err);
            finish(err);
        }, opts.timeoutMs);
        const handler = {
            onRequestStart(c) {
                controller = c;
                if (settled)
                    c.abort(new DeadlineError('deadline'));
            },
            onResponseStart(c, status) {
                if (status < 200 && status !== 101)
                    return;
                response = { status, headers: toLines(c.rawHeaders), body: '', bodyTruncated: false };
                if (method === 'HEAD')
                    return;
            },
            onResponseData(c, chunk) {
                if (settled)
                    return;
                const room = BODY_READ_LIMIT - read;
                if (chunk.length >= room) {
                    chunks.push(chunk.subarray(0, Math.min(room, BODY_KEEP)));
                    read = BODY_READ_LIMIT;
                    response.bodyTruncated = true;
                    c.abort(new Error('body limit'));
                    finish();
                    return;
                }
                if (read < BODY_KEEP)
                    chunks.push(chunk.subarray(0, BODY_KEEP - read));
                read += chunk.length;
            },
            onResponseEnd() {
                finish();
            },
            onResponseError(_c, err) {
                finish(err);
            },
        };
        try {
            opts.dispatcher.dispatch({
                origin: u.origin,
                path: u.pathname + u.search,
                method,
                headers: flat,
                ...(body !== undefined ? { body } : {}),
            }, handler);
        }
        catch (err) {
            finish(err);
        }
    });
}

;// CONCATENATED MODULE: ./src/check/slots.ts
// Request slots: at most `size` requests in flight across all endpoints. A
// request that continues an endpoint already under way (the actual request
// after its preflight, a redirect hop) goes before one that starts a new
// endpoint, so every slot stays busy and few endpoints are half-done at once.
class Slots {
    free;
    continuing = [];
    starting = [];
    constructor(size) {
        this.free = Math.max(1, size);
    }
    async run(kind, fn) {
        if (this.free > 0)
            this.free--;
        else
            await new Promise((wake) => (kind === 'continue' ? this.continuing : this.starting).push(wake));
        try {
            return await fn();
        }
        finally {
            // Hand the slot straight to the next waiter, or give it back.
            const next = this.continuing.shift() ?? this.starting.shift();
            if (next)
                next();
            else
                this.free++;
        }
    }
}

;// CONCATENATED MODULE: ./src/check/check.ts
// The check for each endpoint: the request a browser would make, the preflight
// when one is needed, the actual request only if the preflight lets it through.







const USER_AGENT = `cors-gate/${version/* VERSION */.x}`;
/** The request as the browser turns the page's fetch() into it. */
function browserRequest(e) {
    const { kept, dropped } = (0,fetch_rules/* sendableHeaders */.$c)(e.headers, e.browser);
    return {
        request: {
            origin: e.origin,
            method: (0,fetch_rules/* normalizeMethod */.tA)(e.method),
            headers: kept,
            credentials: e.credentials,
            browser: e.browser,
        },
        dropped,
    };
}
function preflightHeaders(req) {
    const lines = [
        ['Accept', '*/*'],
        ['Origin', req.origin],
        ['Access-Control-Request-Method', req.method],
    ];
    const names = requestHeadersValue(req);
    if (names)
        lines.push(['Access-Control-Request-Headers', names]);
    lines.push(['User-Agent', USER_AGENT]);
    return lines;
}
function actualHeaders(req) {
    const lines = [...req.headers, ['Origin', req.origin]];
    if (!req.headers.some(([n]) => n.toLowerCase() === 'accept'))
        lines.unshift(['Accept', '*/*']);
    if (!req.headers.some(([n]) => n.toLowerCase() === 'user-agent'))
        lines.push(['User-Agent', USER_AGENT]);
    return lines;
}
const MAX_REDIRECTS = 20;
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);
/**
 * The request a browser sends after a redirect (Fetch "HTTP-redirect fetch"):
 * 301/302 turn a POST into a GET and 303 anything but GET/HEAD, dropping the
 * body and its headers; a hop to another origin drops Authorization, and one
 * from a cross-origin URL makes the Origin `null`. A real key (an `auth:` or
 * secret header) never follows a hop to another origin: its value becomes the
 * placeholder, so the header is still checked but the key stays with the
 * endpoint it was configured for.
 */
function redirectedRequest(req, status, from, to, secrets = []) {
    let method = req.method;
    let headers = req.headers;
    let keepBody = true;
    if (((status === 301 || status === 302) && method === 'POST') ||
        (status === 303 && method !== 'GET' && method !== 'HEAD')) {
        method = 'GET';
        headers = headers.filter(([n]) => !BODY_HEADERS.has(n.toLowerCase()));
        keepBody = false;
    }
    const fromOrigin = new URL(from).origin;
    const crossOrigin = new URL(to).origin !== fromOrigin;
    if (crossOrigin) {
        headers = headers
            .filter(([n]) => n.toLowerCase() !== 'authorization')
            .map(([n, v]) => secrets.some((k) => k && v.includes(k)) ? [n, src_secrets/* PLACEHOLDER_KEY */.Kn] : [n, v]);
    }
    const tainted = crossOrigin && req.origin !== fromOrigin;
    return { request: { ...req, method, headers, origin: tainted ? 'null' : req.origin }, keepBody };
}
/** However many hops, one endpoint never takes longer than this many timeouts. */
const ENDPOINT_DEADLINE_TIMEOUTS = 3;
async function checkEndpoint(e, probe, slots = new Slots(1)) {
    let sent = 0;
    let deadline = 0;
    const send = (method, url, headers, body) => slots.run(sent++ === 0 ? 'start' : 'continue', () => {
        // The endpoint's clock starts with its first request, not while it waits for a slot.
        const now = performance.now();
        if (!deadline)
            deadline = now + ENDPOINT_DEADLINE_TIMEOUTS * probe.timeoutMs;
        const left = Math.max(1, Math.min(probe.timeoutMs, Math.round(deadline - now)));
        return probe_send(method, url, headers, body, { ...probe, timeoutMs: left }).then((ex) => {
            if (ex.error?.code === 'TIMEOUT' && left < probe.timeoutMs) {
                ex.error.message = `no complete answer before the endpoint's time ran out (${ENDPOINT_DEADLINE_TIMEOUTS} × the timeout, ${(ENDPOINT_DEADLINE_TIMEOUTS * probe.timeoutMs) / 1000} s, for all its requests and redirects)`;
            }
            return ex;
        });
    });
    const outOfTime = () => deadline > 0 && performance.now() >= deadline;
    const { request, dropped } = browserRequest(e);
    let preflight;
    let actual;
    const needed = needsPreflight(request);
    if (needed) {
        preflight = await send('OPTIONS', e.url, preflightHeaders(request), undefined);
    }
    // A browser sends the actual request only after a passed preflight. A simple
    // request has no preflight, so the actual request is the only evidence.
    const preflightOk = !preflight || !isBlocking(evaluatePreflight(request, preflight));
    let current = request;
    const redirectFindings = [];
    if (preflightOk && (e.actual || !needed)) {
        let body = e.body;
        let url = e.url;
        // Follow redirects as fetch() does: each hop must pass the CORS check, and a
        // re-sent request that needs a preflight gets one at the new URL.
        for (let hop = 0;; hop++) {
            actual = await send(current.method, url, actualHeaders(current), body);
            const res = actual.response;
            const location = res ? redirectTarget(res) : undefined;
            // A refused response (CORS or conflicting headers) ends the chain; evaluate() says why.
            if (!res || location === undefined || isBlocking(evaluateActual(current, actual)))
                break;
            let next;
            try {
                next = new URL(location, url);
            }
            catch {
                redirectFindings.push({
                    code: 'InvalidRedirect',
                    level: 'error',
                    on: 'actual',
                    message: `The redirect's Location is not a valid URL.`,
                });
                break;
            }
            if (outOfTime()) {
                redirectFindings.push({
                    code: 'Timeout',
                    level: 'error',
                    on: 'actual',
                    message: `Still redirecting after ${ENDPOINT_DEADLINE_TIMEOUTS} × the timeout (${hop + 1} redirects): stopped.`,
                });
                break;
            }
            if (hop >= MAX_REDIRECTS) {
                redirectFindings.push({
                    code: 'TooManyRedirects',
                    level: 'error',
                    on: 'actual',
                    message: `More than ${MAX_REDIRECTS} redirects (net::ERR_TOO_MANY_REDIRECTS).`,
                });
                break;
            }
            if (next.username || next.password) {
                redirectFindings.push({
                    code: 'RedirectContainsCredentials',
                    level: 'fail',
                    on: 'actual',
                    message: 'The redirect goes to a URL with a user name or password, which a CORS request may not follow.',
                });
                break;
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:') {
                redirectFindings.push({
                    code: 'InvalidRedirect',
                    level: 'error',
                    on: 'actual',
                    message: `The redirect goes to a ${next.protocol} URL, which fetch() does not follow (TypeError: Failed to fetch).`,
                });
                break;
            }
            const hopped = redirectedRequest(current, res.status, url, next.href, e.secrets);
            redirectFindings.push({
                code: 'Redirected',
                level: 'info',
                on: 'actual',
                message: `Redirected (status ${res.status}) to ${next.href}; followed as a browser does${hopped.request.origin === 'null' ? ', with Origin: null' : ''}.`,
            });
            current = hopped.request;
            if (!hopped.keepBody)
                body = undefined;
            url = next.href;
            if (needsPreflight(current)) {
                const again = await send('OPTIONS', url, preflightHeaders(current), undefined);
                const found = evaluatePreflight(current, again);
                if (isBlocking(found)) {
                    // The first preflight stays the evidence shown; this one's findings carry the reason.
                    redirectFindings.push(...found.map((f) => ({ ...f, message: `After the redirect: ${f.message}` })));
                    actual = undefined;
                    break;
                }
            }
        }
    }
    const notes = [];
    for (const [on, ex] of [
        ['preflight', preflight],
        ['actual', actual],
    ]) {
        if (ex?.lenient) {
            notes.push({
                code: 'MalformedResponse',
                level: 'info',
                on,
                message: `The response is not valid HTTP (${ex.lenient}); browsers read it anyway, so it was read again leniently and judged as they judge it.`,
            });
        }
    }
    if (dropped.length) {
        notes.push({
            code: 'ForbiddenRequestHeader',
            level: 'info',
            message: `A ${e.browser} page cannot set ${dropped.join(', ')}: the browser drops ${dropped.length > 1 ? 'them' : 'it'}, so ${dropped.length > 1 ? 'they are' : 'it is'} not checked.`,
        });
    }
    notes.push(...streamFindings(e, actual));
    const evaluation = evaluate(request, {
        ...(preflight ? { preflight } : {}),
        ...(actual ? { actual } : {}),
        finalRequest: current,
        redirectFindings,
        notes,
    });
    return {
        endpoint: e,
        evaluation,
        ...(preflight ? { preflight } : {}),
        ...(actual ? { actual } : {}),
        checkedAt: new Date().toISOString(),
    };
}
async function checkEndpoints(endpoints, opts, keep) {
    const dispatcher = opts.dispatcher ?? createDispatcher(opts.timeoutMs);
    const probe = { timeoutMs: opts.timeoutMs, dispatcher };
    const slots = new Slots(opts.concurrency);
    const results = new Array(endpoints.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < endpoints.length) {
            const i = next++;
            const result = await checkEndpoint(endpoints[i], probe, slots);
            opts.onResult?.(result, ++done, endpoints.length);
            results[i] = keep ? keep(result) : result;
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.max(1, Math.min(2 * opts.concurrency, endpoints.length)) }, worker));
    }
    finally {
        if (!opts.dispatcher)
            await dispatcher.destroy().catch(() => undefined);
    }
    return results;
}

// EXTERNAL MODULE: ./src/presets/requests.ts
var requests = __webpack_require__(8132);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/presets/catalog.ts
var catalog = __webpack_require__(6119);
;// CONCATENATED MODULE: ./src/config/yaml.ts
// YAML → validated endpoint list. The whole document is checked before anything
// is sent: every problem names the file, line and column.






const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
const DEFAULT_HEADERS = {
    authorization: `Bearer ${src_secrets/* PLACEHOLDER_KEY */.Kn}`,
    'content-type': 'application/json',
    'x-api-key': src_secrets/* PLACEHOLDER_KEY */.Kn,
    'api-key': src_secrets/* PLACEHOLDER_KEY */.Kn,
    'x-goog-api-key': src_secrets/* PLACEHOLDER_KEY */.Kn,
};
class Reader {
    file;
    doc;
    lines;
    env;
    aliases = 0;
    constructor(file, doc, lines, env) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.env = env;
    }
    error(node, problem) {
        const offset = node?.range?.[0];
        if (offset === undefined)
            return new errors/* ConfigError */.xL(this.file, 0, 0, problem);
        const pos = this.lines.linePos(offset);
        return new errors/* ConfigError */.xL(this.file, pos.line, pos.col, problem);
    }
    line(node) {
        const offset = node?.range?.[0];
        return offset === undefined ? 0 : this.lines.linePos(offset).line;
    }
    /** Follows aliases, with a cap so that a billion-laughs document cannot expand. */
    deref(node) {
        let n = node;
        while (n && (0,dist/* isAlias */.Vj)(n)) {
            if (++this.aliases > MAX_ALIASES)
                throw this.error(n, `more than ${MAX_ALIASES} aliases: the document is refused`);
            const target = n.resolve(this.doc);
            if (!target)
                throw this.error(n, `alias *${n.source} refers to no anchor defined before it`);
            n = target;
        }
        return n ?? null;
    }
    map(node, what) {
        const n = this.deref(node);
        if (!n || !(0,dist/* isMap */.jh)(n))
            throw this.error(n ?? node, `${what} must be a mapping (key: value), got ${describe(n)}`);
        return n.items;
    }
    seq(node, what) {
        const n = this.deref(node);
        if (!n || !(0,dist/* isSeq */.oP)(n))
            throw this.error(n ?? node, `${what} must be a list, got ${describe(n)}`);
        return n.items;
    }
    key(pair) {
        const k = this.deref(pair.key);
        if (!k || !(0,dist/* isScalar */.jn)(k) || typeof k.value !== 'string')
            throw this.error(k, 'keys must be plain text');
        return k.value;
    }
    string(node, what) {
        const n = this.deref(node);
        if (!n || !(0,dist/* isScalar */.jn)(n) || n.value === null || typeof n.value === 'object') {
            throw this.error(n ?? node, `${what} must be text, got ${describe(n)}`);
        }
        if (typeof n.value === 'boolean')
            throw this.error(n, `${what} must be text, got ${String(n.value)} (quote it if you meant the text)`);
        const s = String(n.value);
        if (s.trim() === '')
            throw this.error(n, `${what} must not be empty`);
        // Half of a surrogate pair cannot become a URL, a header or JSON text.
        if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))
            throw this.error(n, `${what} contains invalid Unicode (half of a surrogate pair)`);
        return s;
    }
    bool(node, what) {
        const n = this.deref(node);
        if (!n || !(0,dist/* isScalar */.jn)(n) || typeof n.value !== 'boolean')
            throw this.error(n ?? node, `${what} must be true or false, got ${describe(n)}`);
        return n.value;
    }
    int(node, what) {
        const n = this.deref(node);
        if (!n || !(0,dist/* isScalar */.jn)(n) || typeof n.value !== 'number' || !Number.isInteger(n.value) || n.value <= 0) {
            throw this.error(n ?? node, `${what} must be a positive whole number, got ${describe(n)}`);
        }
        return n.value;
    }
    oneOf(node, what, allowed) {
        const s = this.string(node, what);
        if (!allowed.includes(s))
            throw this.error(this.deref(node), `${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(s)}`);
        return s;
    }
    strings(node, what) {
        const n = this.deref(node);
        if (n && (0,dist/* isScalar */.jn)(n))
            return [this.string(n, what)];
        return this.seq(n, what).map((item, i) => this.string(item, `${what}[${i}]`));
    }
}
function describe(n) {
    if (!n)
        return 'nothing';
    if ((0,dist/* isMap */.jh)(n))
        return 'a mapping';
    if ((0,dist/* isSeq */.oP)(n))
        return 'a list';
    if ((0,dist/* isScalar */.jn)(n)) {
        if (n.value === null)
            return 'null';
        if (typeof n.value === 'string')
            return `text ${JSON.stringify(n.value.length > 40 ? n.value.slice(0, 40) + '…' : n.value)}`;
        return `${typeof n.value} ${String(n.value)}`;
    }
    return 'something else';
}
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const METHOD = HEADER_NAME;
function yaml_checkUrl(r, node, what, kind) {
    const s = r.string(node, what);
    let u;
    if (/\s/.test(s))
        throw r.error(r.deref(node), `${what} ${JSON.stringify(s)} contains white space`);
    try {
        u = new URL(s);
    }
    catch {
        throw r.error(r.deref(node), `${what} ${JSON.stringify(s)} is not a valid URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw r.error(r.deref(node), `${what} must be an http:// or https:// URL, got ${JSON.stringify(s)}`);
    }
    if (kind === 'origin') {
        // A trailing slash is what people type; the browser's Origin never has one, so it is dropped.
        if (u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]/.test(s)) {
            throw r.error(r.deref(node), `${what} must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(s)}`);
        }
        return u.origin;
    }
    return s;
}
function readHeaders(r, node, spec) {
    const n = r.deref(node);
    const out = [];
    const secret = [];
    const checkName = (name, at) => {
        if (!HEADER_NAME.test(name))
            throw r.error(at, `header name ${JSON.stringify(name)} is not a valid HTTP header name`);
    };
    if (n && (0,dist/* isSeq */.oP)(n)) {
        for (const item of n.items) {
            const name = r.string(item, 'headers[]');
            checkName(name, r.deref(item));
            out.push([name, DEFAULT_HEADERS[name.toLowerCase()] ?? src_secrets/* PLACEHOLDER_KEY */.Kn]);
        }
    }
    else if (n && (0,dist/* isMap */.jh)(n)) {
        for (const pair of n.items) {
            const name = r.key(pair);
            checkName(name, pair.key);
            const v = r.deref(pair.value);
            if (v && (0,dist/* isMap */.jh)(v)) {
                let value;
                let isSecret;
                let fromEnv = false;
                for (const p of v.items) {
                    const k = r.key(p);
                    if (k === 'value' || k === 'env') {
                        if (value !== undefined)
                            throw r.error(p.key, `headers.${name} takes value or env, not both`);
                        if (k === 'value')
                            value = r.string(p.value, `headers.${name}.value`);
                        else {
                            // From the environment, so a committed file never holds the key itself.
                            const env = r.string(p.value, `headers.${name}.env`);
                            const got = r.env[env];
                            if (!got || got.trim() === '')
                                throw r.error(r.deref(p.value), `headers.${name}: the environment variable ${env} is not set or empty`);
                            value = got;
                            fromEnv = true;
                        }
                    }
                    else if (k === 'secret')
                        isSecret = r.bool(p.value, `headers.${name}.secret`);
                    else
                        throw r.error(p.key, `unknown key ${JSON.stringify(k)} in headers.${name} (expected value or env, and secret)`);
                }
                if (value === undefined)
                    throw r.error(v, `headers.${name} needs a value (or env: NAME)`);
                // A value from the environment, or a credential, is a secret unless said otherwise.
                isSecret ??= fromEnv || (src_secrets/* CREDENTIAL_HEADERS */.zt.has(name.toLowerCase()) && !(0,src_secrets/* isPlaceholder */.wK)(value));
                if (/[\r\n\0]/.test(value))
                    throw r.error(v, `headers.${name}.value contains a line break or NUL`);
                if (isSecret)
                    secret.push(...(0,src_secrets/* secretParts */.Bm)(value));
                out.push([name, value]);
            }
            else {
                const value = v && (0,dist/* isScalar */.jn)(v) && v.value !== null && typeof v.value !== 'object'
                    ? String(v.value)
                    : r.string(v, `headers.${name}`);
                if (/[\r\n\0]/.test(value))
                    throw r.error(v, `headers.${name} contains a line break or NUL`);
                if (src_secrets/* CREDENTIAL_HEADERS */.zt.has(name.toLowerCase()) && !(0,src_secrets/* isPlaceholder */.wK)(value))
                    secret.push(...(0,src_secrets/* secretParts */.Bm)(value));
                out.push([name, value]);
            }
        }
    }
    else {
        throw r.error(n ?? node, `headers must be a list of names or a mapping of name: value, got ${describe(n)}`);
    }
    spec.headers = out;
    spec.secretHeaders = secret;
}
/** `auth: KEY` or `auth: {env: NAME}` (the key from the environment, so a file can be committed). */
function readAuth(r, node, what) {
    const n = r.deref(node);
    if (!n || !(0,dist/* isMap */.jh)(n))
        return r.string(n ?? node, what);
    let name;
    for (const pair of n.items) {
        const k = r.key(pair);
        if (k !== 'env')
            throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in ${what} (expected env)`);
        name = r.string(pair.value, `${what}.env`);
    }
    if (!name)
        throw r.error(n, `${what} needs env: NAME`);
    const value = r.env[name];
    if (!value || value.trim() === '')
        throw r.error(n, `${what}: the environment variable ${name} is not set or empty`);
    return value;
}
function readIssue(r, node) {
    const out = {};
    for (const pair of r.map(node, 'issue')) {
        const k = r.key(pair);
        if (k === 'repo') {
            const repo = r.string(pair.value, 'issue.repo');
            if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
                throw r.error(r.deref(pair.value), `issue.repo must be owner/repo, got ${JSON.stringify(repo)}`);
            out.repo = repo;
        }
        else if (k === 'number')
            out.number = r.int(pair.value, 'issue.number');
        else if (k === 'labels')
            out.labels = r.strings(pair.value, 'issue.labels');
        else
            throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in issue (expected repo, number, labels)`);
    }
    return out;
}
const ENTRY_KEYS = [
    'name',
    'url',
    'paths',
    'origin',
    'origins',
    'method',
    'headers',
    'credentials',
    'actual',
    'body',
    'models',
    'expect',
    'client',
    'clients',
    'style',
    'browser',
    'auth',
    'issue',
];
const DEFAULT_KEYS = ENTRY_KEYS.filter((k) => k !== 'name' && k !== 'url' && k !== 'expect' && k !== 'issue' && k !== 'models');
function readEntry(r, node, what, keys) {
    const spec = { line: r.line(r.deref(node)) };
    for (const pair of r.map(node, what)) {
        const k = r.key(pair);
        const v = pair.value;
        if (!keys.includes(k)) {
            throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in ${what} (expected one of: ${keys.join(', ')})`);
        }
        switch (k) {
            case 'name':
                spec.name = r.string(v, `${what}.name`);
                // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
                if (/[\u0000-\u001f\u007f]/.test(spec.name))
                    throw r.error(r.deref(v), `${what}.name contains a line break or another control character`);
                break;
            case 'url':
                spec.url = yaml_checkUrl(r, v, `${what}.url`, 'url');
                break;
            case 'paths':
                spec.paths = r.strings(v, `${what}.paths`).map((p) => {
                    if (!p.startsWith('/') || /\s/.test(p))
                        throw r.error(r.deref(v), `${what}.paths: ${JSON.stringify(p)} must start with / and contain no white space`);
                    return p;
                });
                break;
            case 'origin':
                if (spec.origins)
                    throw r.error(pair.key, `${what} has both origin and origins: use one`);
                spec.origins = [yaml_checkUrl(r, v, `${what}.origin`, 'origin')];
                break;
            case 'origins': {
                if (spec.origins)
                    throw r.error(pair.key, `${what} has both origin and origins: use one`);
                const items = r.deref(v);
                spec.origins = r.seq(items, `${what}.origins`).map((o, i) => yaml_checkUrl(r, o, `${what}.origins[${i}]`, 'origin'));
                if (spec.origins.length === 0)
                    throw r.error(items, `${what}.origins must not be empty`);
                break;
            }
            case 'method': {
                const m = r.string(v, `${what}.method`);
                if (!METHOD.test(m))
                    throw r.error(r.deref(v), `${what}.method ${JSON.stringify(m)} is not a valid HTTP method`);
                if (/^(connect|trace|track)$/i.test(m))
                    throw r.error(r.deref(v), `${what}.method ${m} cannot be sent by fetch()`);
                spec.method = (0,fetch_rules/* normalizeMethod */.tA)(m);
                break;
            }
            case 'headers':
                readHeaders(r, v, spec);
                break;
            case 'credentials':
                spec.credentials = r.oneOf(v, `${what}.credentials`, ['omit', 'include']);
                break;
            case 'actual':
                spec.actual = r.bool(v, `${what}.actual`);
                break;
            case 'body':
                spec.body = r.string(v, `${what}.body`);
                break;
            case 'models':
                spec.models = r.strings(v, `${what}.models`);
                break;
            case 'expect':
                spec.expect = r.oneOf(v, `${what}.expect`, ['pass', 'fail']);
                break;
            case 'client':
            case 'clients': {
                if (spec.clients)
                    throw r.error(pair.key, `${what} has both client and clients: use one`);
                const list = r.strings(v, `${what}.${k}`);
                if (list.length === 0)
                    throw r.error(r.deref(v), `${what}.${k} must not be empty`);
                for (const c of list) {
                    const problem = (0,requests/* clientProblem */.rn)(c);
                    if (problem)
                        throw r.error(r.deref(v), `${what}.${k}: ${problem}`);
                }
                spec.clients = [...new Set(list)];
                break;
            }
            case 'style':
                spec.style = r.oneOf(v, `${what}.style`, catalog/* API_STYLES */.UW);
                break;
            case 'browser':
                spec.browser = r.oneOf(v, `${what}.browser`, ['chromium', 'firefox', 'safari']);
                break;
            case 'auth':
                spec.auth = readAuth(r, v, `${what}.auth`);
                break;
            case 'issue':
                spec.issue = readIssue(r, v);
                break;
        }
    }
    return spec;
}
/** Reads one YAML document: either {defaults?, endpoints} or a bare list of endpoints. */
function readDocument(src, env = {}) {
    const size = Buffer.byteLength(src.text);
    if (size > MAX_CONFIG_BYTES)
        throw new errors/* ConfigError */.xL(src.file, 0, 0, `the file is ${size} bytes; the limit is ${MAX_CONFIG_BYTES}`);
    if (src.text.trim() === '')
        throw new errors/* ConfigError */.xL(src.file, 0, 0, 'the file is empty: it needs an endpoints list');
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(src.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
    const problem = doc.errors[0];
    if (problem) {
        // linePos is filled only with prettyErrors; the offset always is.
        const pos = problem.linePos?.[0] ?? (problem.pos?.[0] !== undefined ? lines.linePos(problem.pos[0]) : undefined);
        const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new errors/* ConfigError */.xL(src.file, pos?.line ?? 0, pos?.col ?? 0, `YAML: ${message}`);
    }
    const r = new Reader(src.file, doc, lines, env);
    const root = r.deref(doc.contents);
    let defaults = { line: 0 };
    let list = root;
    if (root && (0,dist/* isMap */.jh)(root)) {
        list = null;
        for (const pair of root.items) {
            const k = r.key(pair);
            if (k === 'defaults')
                defaults = readEntry(r, pair.value, 'defaults', DEFAULT_KEYS);
            else if (k === 'endpoints')
                list = pair.value ?? null;
            else
                throw r.error(pair.key, `unknown top-level key ${JSON.stringify(k)} (expected defaults, endpoints)`);
        }
        if (list === null)
            throw r.error(root, 'endpoints is missing: the config needs a list of endpoints');
    }
    else if (!root || !(0,dist/* isSeq */.oP)(root)) {
        throw r.error(root, `the config must be a mapping with endpoints, or a list of endpoints; got ${describe(root)}`);
    }
    const items = r.seq(list, 'endpoints');
    if (items.length === 0)
        throw r.error(r.deref(list), 'endpoints is empty');
    const entries = [];
    const names = new Map();
    items.forEach((item, i) => {
        const spec = readEntry(r, item, `endpoints[${i}]`, ENTRY_KEYS);
        if (!spec.name)
            throw r.error(r.deref(item), `endpoints[${i}] needs a name`);
        if (!spec.url)
            throw r.error(r.deref(item), `endpoints[${i}] (${spec.name}) needs a url`);
        const seen = names.get(spec.name);
        if (seen !== undefined)
            throw r.error(r.deref(item), `duplicate endpoint name ${JSON.stringify(spec.name)} (first defined on line ${seen})`);
        names.set(spec.name, spec.line);
        entries.push(spec);
    });
    return { defaults, entries };
}

;// CONCATENATED MODULE: ./src/config/expand.ts
// Config entries → endpoint rows: one row per path × origin × client, each with
// a stable id, its secrets, and the request its client makes.





const DEFAULT_ORIGIN = 'https://example.com';
function expand(file, spec, defaults, options) {
    const origins = options.origin ? [options.origin] : (spec.origins ?? [DEFAULT_ORIGIN]);
    // A `style:` without `paths:` means the url is a base URL: check the style's usual routes.
    const listed = spec.paths ?? (spec.style ? requests/* STYLES */.rY[spec.style].paths : undefined);
    const paths = listed ?? [''];
    const own = spec.headers === defaults.headers ? undefined : spec.headers;
    const headers = mergeHeaders(defaults.headers, own);
    const secrets = [...(defaults.secretHeaders ?? []), ...(spec.secretHeaders ?? [])];
    if (spec.auth) {
        secrets.push(spec.auth);
    }
    // Presets, styles and the authenticated check shape the request; without any of them it is as configured.
    const shaped = Boolean(spec.clients || spec.style || spec.auth);
    // A client or style decides the headers itself: the defaults' headers are meant for plain rows,
    // and would take the place of a style's own headers or add ones the SDK never sends.
    const given = spec.clients || spec.style ? own : headers;
    const clients = spec.clients ?? [undefined];
    const several = clients.length > 1;
    const out = [];
    for (const rawPath of paths) {
        for (const origin of origins) {
            for (const client of clients) {
                const path = (0,requests/* fillModel */.J6)(rawPath, spec.style ?? 'gemini', spec.models?.[0]);
                const url = joinUrl(spec.url, path);
                let name = spec.name;
                if (paths.length > 1 || listed)
                    name += ` ${path}`;
                if (origins.length > 1)
                    name += ` from ${origin}`;
                // The plain-fetch row keeps the entry's own name (and so its id and its issue).
                if (several && client !== 'fetch')
                    name += ` · ${client}`;
                // A client row's id names its client even when it is the only one, so adding or
                // removing other clients moves no row's id (nor its issue).
                const idName = client && client !== 'fetch' ? `${spec.name} · ${client}` : spec.name;
                const req = shaped
                    ? (0,requests/* presetRequest */.nc)({
                        client: client ?? 'fetch',
                        ...(spec.style ? { style: spec.style } : {}),
                        url,
                        ...(given ? { headers: given } : {}),
                        browser: spec.browser ?? 'chromium',
                        ...(spec.models?.[0] ? { model: spec.models[0] } : {}),
                        ...(spec.auth ? { auth: spec.auth } : {}),
                        ...(spec.method ? { method: spec.method } : {}),
                        ...(spec.body !== undefined ? { body: spec.body } : {}),
                    })
                    : undefined;
                const written = req ? req.body : spec.body;
                const method = req?.method ?? spec.method ?? 'POST';
                const bodyless = method === 'GET' || method === 'HEAD';
                if (bodyless && written !== undefined) {
                    throw new errors/* ConfigError */.xL(file, spec.line, 1, `${spec.name}: a ${method} request cannot have a body (fetch() throws "Request with GET/HEAD method cannot have body"); remove body or use another method`);
                }
                // A plain row's actual request carries the smallest chat call, as an app's would.
                const body = written ?? (bodyless ? undefined : (0,requests/* routeBody */._R)('chat', 'openai', spec.models?.[0] ?? src_secrets/* PLACEHOLDER_KEY */.Kn, false));
                out.push({
                    id: endpointId(idName, url, origin),
                    name,
                    ...(paths.length > 1 || origins.length > 1 || several ? { group: spec.name } : {}),
                    url,
                    origin,
                    method,
                    headers: req?.headers ??
                        headers ?? [
                        ['authorization', DEFAULT_HEADERS.authorization],
                        ['content-type', 'application/json'],
                    ],
                    credentials: spec.credentials ?? 'omit',
                    actual: spec.actual ?? true,
                    ...(body !== undefined ? { body } : {}),
                    ...(spec.expect ? { expect: spec.expect } : {}),
                    ...(spec.models ? { models: spec.models } : {}),
                    ...(client ? { client } : {}),
                    ...(req ? { style: req.style } : {}),
                    ...(spec.auth && req ? { stream: req.stream } : {}),
                    browser: spec.browser ?? 'chromium',
                    ...(spec.issue ? { issue: spec.issue } : {}),
                    secrets,
                    source: { file, line: spec.line },
                });
            }
        }
    }
    return out;
}
/** Endpoint headers add to (and override by name) the defaults' headers. */
function mergeHeaders(base, extra) {
    if (!base)
        return extra;
    if (!extra)
        return base;
    const names = new Set(extra.map(([n]) => n.toLowerCase()));
    return [...base.filter(([n]) => !names.has(n.toLowerCase())), ...extra];
}
function joinUrl(base, path) {
    if (!path)
        return base;
    return base.replace(/\/+$/, '') + path;
}
/** Stable across runs and config reordering, so issues and shards follow the endpoint. */
function endpointId(name, url, origin) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${name}\n${url}\n${origin}`).digest('hex').slice(0, 12);
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Config sources → the endpoint rows of a run: each document read and checked,
// its entries expanded, and names and ids kept unique across all sources.



/** Parses one YAML document into endpoint rows. */
function parseConfig(src, options = {}) {
    const { defaults, entries } = readDocument(src, options.env);
    return entries.flatMap((spec) => expand(src.file, { ...defaults, ...spec, line: spec.line }, defaults, options));
}
/** Loads several sources into one list; names must stay unique across them. */
function loadConfig(sources, options = {}) {
    const endpoints = [];
    const seen = new Map();
    for (const src of sources) {
        for (const e of parseConfig(src, options)) {
            const before = seen.get(e.name);
            if (before) {
                throw new errors/* ConfigError */.xL(src.file, e.source?.line ?? 0, 1, `duplicate endpoint name ${JSON.stringify(e.name)} (also in ${before.source?.file}:${before.source?.line})`);
            }
            seen.set(e.name, e);
            endpoints.push(e);
        }
    }
    // One id, one issue: two rows sharing an id would open and close each other's.
    const ids = new Map();
    for (const e of endpoints) {
        const before = ids.get(e.id);
        if (before) {
            const where = (x) => `${JSON.stringify(x.name)} (${x.source?.file}:${x.source?.line})`;
            throw new errors/* ConfigError */.xL(e.source?.file ?? 'config', e.source?.line ?? 0, 1, `${where(before)} and ${where(e)} would share the endpoint id ${e.id} (same name once the client is added, same url and origin); rename one of them`);
        }
        ids.set(e.id, e);
    }
    if (endpoints.length === 0)
        throw new errors/* ConfigError */.xL(sources[0]?.file ?? 'config', 0, 0, 'no endpoints to check');
    return { endpoints };
}

;// CONCATENATED MODULE: ./src/report/gate.ts
// The CI gate: which verdicts fail the step, and what a known failure means.
function countVerdicts(records) {
    const c = { total: records.length, passed: 0, warned: 0, failed: 0, errored: 0 };
    for (const r of records) {
        if (r.verdict === 'pass')
            c.passed++;
        else if (r.verdict === 'warn')
            c.warned++;
        else if (r.verdict === 'fail')
            c.failed++;
        else
            c.errored++;
    }
    return c;
}
function decideGate(records, failOn) {
    const failing = [];
    const expectedFailures = [];
    const nowPassing = [];
    for (const r of records) {
        // A known failure is excused only while it fails the same way; an error is news.
        const known = r.expect === 'fail' && r.verdict === 'fail';
        if (known)
            expectedFailures.push(r);
        else if (r.expect === 'fail' && (r.verdict === 'pass' || r.verdict === 'warn'))
            nowPassing.push(r);
        if (failOn.includes(r.verdict) && !known)
            failing.push(r);
    }
    return { ok: failing.length === 0, failOn, counts: countVerdicts(records), failing, expectedFailures, nowPassing };
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/report/record.ts
// The JSON report: what was checked and seen, redacted once here so that every
// output rendered from it (summary, table, issues, merged reports) is too.


const REPORT_VERSION = 1;
const MAX_LINES = 200;
const MAX_VALUE = 4096;
function lines(headers, secrets) {
    const out = headers
        .slice(0, MAX_LINES)
        .map(([n, v]) => [(0,src_text/* cut */.Jj)((0,src_secrets/* redact */.E$)(n, secrets), 256), (0,src_text/* cut */.Jj)((0,src_secrets/* redact */.E$)(v, secrets), MAX_VALUE)]);
    if (headers.length > MAX_LINES)
        out.push(['cors-gate-note', `${headers.length - MAX_LINES} more header lines cut`]);
    return out;
}
function exchange(ex, secrets) {
    if (!ex)
        return null;
    return {
        request: { method: ex.method, headers: lines(ex.headers, secrets) },
        status: ex.response?.status ?? null,
        headers: lines(ex.response?.headers ?? [], secrets),
        body: (0,src_secrets/* redact */.E$)(ex.response?.body ?? '', secrets),
        bodyTruncated: ex.response?.bodyTruncated ?? false,
        error: ex.error ? { code: ex.error.code, message: (0,src_secrets/* redact */.E$)(ex.error.message, secrets) } : null,
        ms: ex.ms,
    };
}
function toRecord(r, extraSecrets = []) {
    const e = r.endpoint;
    // A server may echo the request line back: the URL's own credentials are secrets too.
    const secrets = [...e.secrets, ...(0,src_secrets/* urlSecrets */.Fn)(e.url), ...extraSecrets];
    return {
        id: e.id,
        name: (0,src_secrets/* redact */.E$)(e.name, secrets),
        ...(e.group ? { group: e.group } : {}),
        url: (0,src_secrets/* redact */.E$)((0,src_secrets/* displayUrl */.Qy)(e.url), secrets),
        origin: e.origin,
        method: e.method,
        credentials: e.credentials,
        browser: e.browser,
        ...(e.client ? { client: e.client } : {}),
        ...(e.expect ? { expect: e.expect } : {}),
        ...(e.models ? { models: e.models } : {}),
        ...(e.issue ? { issue: e.issue } : {}),
        verdict: r.evaluation.verdict,
        preflightNeeded: r.evaluation.preflightNeeded,
        findings: r.evaluation.findings.map((f) => ({ ...f, message: (0,src_secrets/* redact */.E$)(f.message, secrets) })),
        fix: r.evaluation.fix,
        preflight: exchange(r.preflight, secrets),
        actual: exchange(r.actual, secrets),
        checkedAt: r.checkedAt,
    };
}
/** One server may echo a key that another endpoint sent: every endpoint's secrets are redacted from every result. */
function reportSecrets(endpoints, extraSecrets = []) {
    const all = new Set(extraSecrets);
    for (const e of endpoints)
        for (const s of [...e.secrets, ...(0,src_secrets/* urlSecrets */.Fn)(e.url)])
            all.add(s);
    return [...all];
}
function newReport(records) {
    return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt: new Date().toISOString(), results: records };
}
function buildReport(results, extraSecrets = []) {
    const secrets = reportSecrets(results.map((r) => r.endpoint), extraSecrets);
    return newReport(results.map((r) => toRecord(r, secrets)));
}
/**
 * The report's text exactly as jsonText(report) writes it, one result at a time:
 * thousands of results never sit in memory as one string and its encoded copy.
 */
function* reportJsonChunks(report) {
    const { results } = report;
    // Spreading keeps each key where it was; at depth 1 the key is unique.
    const frame = (0,src_text/* jsonText */.s$)({ ...report, results: [] });
    const at = frame.indexOf('\n  "results": []') + '\n  "results": '.length;
    yield frame.slice(0, at) + '[';
    let batch = '';
    for (let i = 0; i < results.length; i++) {
        batch += (i ? ',\n    ' : '\n    ') + (0,src_text/* jsonText */.s$)(results[i]).slice(0, -1).replace(/\n/g, '\n    ');
        if (batch.length > 64 * 1024) {
            yield batch;
            batch = '';
        }
    }
    yield batch + (results.length ? '\n  ]' : ']') + frame.slice(at + 2);
}

;// CONCATENATED MODULE: ./src/report/merge.ts
// Putting shards' reports back together: one report, one gate, and a refusal
// when a shard is missing, doubled, or from another split or version.



function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
/** Parses and checks one shard's report; errors name the file. */
function parseReport(src) {
    let value;
    try {
        value = JSON.parse(src.text);
    }
    catch (err) {
        throw new errors/* MergeError */.VX(`${src.file}: not JSON (${err.message.split('\n')[0]})`);
    }
    if (!isObject(value) || value.tool !== 'cors-gate')
        throw new errors/* MergeError */.VX(`${src.file}: not a cors-gate report`);
    if (value.version !== REPORT_VERSION) {
        throw new errors/* MergeError */.VX(`${src.file}: report version ${JSON.stringify(value.version)}, this cors-gate reads version ${REPORT_VERSION}: use the same cors-gate version for every shard and the merge`);
    }
    if (!Array.isArray(value.results))
        throw new errors/* MergeError */.VX(`${src.file}: results is not a list`);
    value.results.forEach((r, i) => {
        if (!isObject(r) || typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.verdict !== 'string') {
            throw new errors/* MergeError */.VX(`${src.file}: results[${i}] is not a result record (id, name, verdict)`);
        }
        if (!['pass', 'warn', 'fail', 'error'].includes(r.verdict))
            throw new errors/* MergeError */.VX(`${src.file}: results[${i}] has an unknown verdict ${JSON.stringify(r.verdict)}`);
    });
    if (value.shard !== undefined) {
        const s = value.shard;
        if (!isObject(s) ||
            !Number.isInteger(s.index) ||
            !Number.isInteger(s.count) ||
            s.index < 1 ||
            s.index > s.count) {
            throw new errors/* MergeError */.VX(`${src.file}: shard ${JSON.stringify(value.shard)} is not i/n`);
        }
    }
    return value;
}
/**
 * One report from many: every result once, the gate decided over all of them.
 * Refuses reports of another version, the same endpoint in two reports, and,
 * when the reports say which shard they cover, a set of shards with a gap —
 * a job that never wrote its report must not let the gate pass unseen.
 */
function mergeReports(sources) {
    if (sources.length === 0)
        throw new errors/* MergeError */.VX('no reports to merge');
    const reports = sources.map((s) => ({ file: s.file, report: parseReport(s) }));
    const seen = new Map();
    const results = [];
    for (const { file, report } of reports) {
        for (const r of report.results) {
            const before = seen.get(r.id);
            if (before) {
                const where = before.file === file ? `twice in ${file}` : `in both ${before.file} and ${file}`;
                throw new errors/* MergeError */.VX(`endpoint ${JSON.stringify(r.name)} (id ${r.id}) is ${where}: each endpoint must come from exactly one report (were the same shard's results uploaded twice, or shards run with different configs?)`);
            }
            seen.set(r.id, { file, name: r.name });
            results.push(r);
        }
    }
    checkShardSet(reports);
    const generatedAt = reports
        .map((r) => String(r.report.generatedAt ?? ''))
        .sort()
        .at(-1) || new Date(0).toISOString();
    // Shards hold their endpoints in config order; together they go back to the order of the whole config.
    if (results.every((r) => typeof r.position === 'number'))
        results.sort((a, b) => a.position - b.position);
    return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt, results };
}
function checkShardSet(reports) {
    const sharded = reports.filter((r) => r.report.shard);
    if (sharded.length === 0)
        return;
    const counts = new Set(sharded.map((r) => r.report.shard.count));
    if (counts.size > 1)
        throw new errors/* MergeError */.VX(`the reports come from different splits (${[...counts].map((n) => `/${n}`).join(', ')}): merge the shards of one run`);
    const count = [...counts][0];
    const byIndex = new Map();
    for (const { file, report } of sharded) {
        const other = byIndex.get(report.shard.index);
        if (other)
            throw new errors/* MergeError */.VX(`shard ${formatShard(report.shard)} is in both ${other} and ${file}`);
        byIndex.set(report.shard.index, file);
    }
    const missing = [];
    for (let i = 1; i <= count; i++)
        if (!byIndex.has(i))
            missing.push(`${i}/${count}`);
    if (missing.length)
        throw new errors/* MergeError */.VX(`no report for shard ${missing.join(', ')}: every shard's report is needed for the gate`);
}

;// CONCATENATED MODULE: ./src/pipeline.ts
// The pipeline both entry points share: config sources → endpoint rows → checks
// → redacted records → gate. Entry points read their inputs, call these, and
// write their outputs; nothing here reads an option or the environment itself.






/** Every endpoint row of the sources, checked whole before anything is sent. */
function loadEndpoints(sources, options = {}) {
    return loadConfig(sources, options).endpoints;
}
async function runChecks(endpoints, options) {
    const list = selectShard(endpoints, options.shard);
    const positions = new Map(endpoints.map((e, i) => [e.id, i]));
    // Each result becomes its redacted record as soon as it is in: the raw
    // exchanges of thousands of endpoints are never all held at once.
    const secrets = reportSecrets(list, options.secrets ?? []);
    const records = await checkEndpoints(list, {
        timeoutMs: options.timeoutMs,
        concurrency: options.concurrency,
        ...(options.onResult ? { onResult: options.onResult } : {}),
    }, (r) => ({ ...toRecord(r, secrets), position: positions.get(r.endpoint.id) }));
    const report = { ...newReport(records), ...(options.shard ? { shard: options.shard } : {}) };
    return { report, decision: decideGate(report.results, options.failOn) };
}
/** Shards' reports as one outcome: nothing is checked, only the merged report and its gate. */
function mergeRuns(sources, failOn) {
    const report = mergeReports(sources);
    return { report, decision: decideGate(report.results, failOn) };
}

;// CONCATENATED MODULE: ./src/report/cells.ts
const ICON = { pass: '✅', warn: '⚠️', fail: '❌', error: '🔌' };
function verdictLabel(r) {
    let label = `${ICON[r.verdict]} ${r.verdict}`;
    if (r.expect === 'fail' && r.verdict === 'fail')
        label += ' (expected)';
    return label;
}
/** The findings that make a row other than a pass: blocking ones first, then warnings. */
function problems(r) {
    return r.findings.filter((f) => f.level !== 'info');
}
/**
 * The finding that explains the verdict. Findings are ordered blocking first,
 * then warnings, then informative ones, so it is the first that is not info.
 */
function firstProblem(r) {
    return r.findings.find((f) => f.level !== 'info');
}
/** The response's `Access-Control-*` header lines, in the order received. */
function corsHeaders(ex) {
    return ex.headers.filter(([n]) => /^access-control-/i.test(n));
}
/** The header lines the response needs for this exact call, when a browser blocks or warns; null otherwise. */
function neededHeaders(r) {
    if ((r.verdict !== 'fail' && r.verdict !== 'warn') || r.fix.length === 0)
        return null;
    return r.fix.map(([n, v]) => `${n}: ${v}`).join('\n');
}

;// CONCATENATED MODULE: ./src/report/matrix.ts
// Provider × client: when one provider is checked with several clients, a
// reader sees at a glance which client libraries a browser lets through.


/** The row a record belongs to: its name without the ` · client` suffix. */
function rowLabel(r) {
    const suffix = r.client ? ` · ${r.client}` : '';
    return suffix && r.name.endsWith(suffix) ? r.name.slice(0, -suffix.length) : r.name;
}
/** Rows checked with at least two clients; null when there are none. */
function buildMatrix(records) {
    const byRow = new Map();
    for (const r of records) {
        const label = rowLabel(r);
        const cells = byRow.get(label) ?? new Map();
        cells.set(r.client ?? 'fetch', r);
        byRow.set(label, cells);
    }
    const rows = [...byRow].filter(([, cells]) => cells.size > 1).map(([label, cells]) => ({ label, cells }));
    if (rows.length === 0)
        return null;
    const clients = [];
    for (const row of rows)
        for (const c of row.cells.keys())
            if (!clients.includes(c))
                clients.push(c);
    return { clients, rows };
}
function why(r) {
    return firstProblem(r)?.code ?? '';
}
function renderMatrixMarkdown(records) {
    const m = buildMatrix(records);
    if (!m)
        return '';
    const out = [
        '### By client',
        '',
        `| Provider | ${m.clients.map((c) => (0,src_text/* html */.qy)(c)).join(' | ')} |`,
        `|---|${m.clients.map(() => '---').join('|')}|`,
    ];
    for (const row of m.rows) {
        const cells = m.clients.map((c) => {
            const r = row.cells.get(c);
            if (!r)
                return '';
            const w = why(r);
            return `${ICON[r.verdict]} ${r.verdict}${w ? `<br>${(0,src_text/* html */.qy)(w)}` : ''}`;
        });
        out.push(`| ${(0,src_text/* html */.qy)((0,src_text/* oneLine */.TN)(row.label, 200))} | ${cells.join(' | ')} |`);
    }
    return out.join('\n') + '\n';
}
function renderMatrixText(records) {
    const m = buildMatrix(records);
    if (!m)
        return '';
    const label = (s) => (0,src_text/* column */.fi)(s, 64);
    const width = Math.max(8, ...m.rows.map((r) => label(r.label).length));
    const cell = (r) => (r ? r.verdict.toUpperCase() + (why(r) ? ` ${why(r)}` : '') : '-');
    const colWidth = m.clients.map((c) => Math.min(48, Math.max((0,src_text/* column */.fi)(c, 30).length, ...m.rows.map((row) => cell(row.cells.get(c)).length))));
    const lines = [
        'By client:',
        `  ${'provider'.padEnd(width)}  ${m.clients.map((c, i) => (0,src_text/* column */.fi)(c, 30).padEnd(colWidth[i])).join('  ')}`.trimEnd(),
    ];
    for (const row of m.rows) {
        lines.push(`  ${label(row.label).padEnd(width)}  ${m.clients.map((c, i) => (0,src_text/* column */.fi)(cell(row.cells.get(c)), 48).padEnd(colWidth[i])).join('  ')}`.trimEnd());
    }
    return lines.map(src_text/* logSafe */.sN).join('\n');
}

;// CONCATENATED MODULE: ./src/report/curl.ts
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
function curlCommand(method, url, headers) {
    // -g: curl would otherwise read [ ] { } in a query as its own URL globbing.
    const parts = ['curl', '-sig', '-X', /^[A-Za-z]+$/.test(method) ? method : shellQuote(method), shellQuote(url)];
    for (const [n, v] of headers) {
        if (n.toLowerCase() === 'user-agent' || n.toLowerCase() === 'accept')
            continue;
        parts.push('-H', shellQuote(`${n}: ${v}`));
    }
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: a headline, one table row per endpoint, then the evidence for
// each endpoint that is not a pass. GitHub drops a step summary over 1 MiB whole,
// so details are shortened first, the table last, with a line saying what was left out.




const SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the lines after the table and GitHub's own framing. */
const MARGIN = 16 * 1024;
const DETAIL_LIMIT = 24 * 1024;
function statusCell(r) {
    const parts = [];
    const one = (ex) => (ex ? `${ex.request.method} ${ex.status ?? ex.error?.code ?? '?'}` : null);
    const p = one(r.preflight);
    const a = one(r.actual);
    if (p)
        parts.push(p);
    else if (!r.preflightNeeded)
        parts.push('no preflight');
    if (a)
        parts.push(a);
    return (0,src_text/* html */.qy)(parts.join(' → '));
}
const SHORT = {
    'access-control-allow-origin': 'ACAO',
    'access-control-allow-methods': 'ACAM',
    'access-control-allow-headers': 'ACAH',
    'access-control-allow-credentials': 'ACAC',
    'access-control-max-age': 'max-age',
};
function corsHeadersCell(r) {
    const ex = r.preflight ?? r.actual;
    if (!ex)
        return '';
    if (ex.error)
        return (0,src_text/* code */.aY)(ex.error.message, 120);
    const seen = corsHeaders(ex).filter(([n]) => SHORT[n.toLowerCase()]);
    if (seen.length === 0)
        return 'none';
    return seen.map(([n, v]) => `${SHORT[n.toLowerCase()]} ${(0,src_text/* code */.aY)(v, 400)}`).join('<br>');
}
function problemCode(r) {
    return firstProblem(r)?.code ?? '';
}
function exchangeText(ex) {
    const out = [`${ex.request.method} → ${ex.status ?? 'no response'}${ex.error ? ` (${ex.error.message})` : ''}`];
    for (const [n, v] of ex.headers)
        out.push(`${n}: ${v}`);
    if (ex.body)
        out.push('', ex.body + (ex.bodyTruncated ? ' …[body cut]' : ''));
    return out.join('\n');
}
function details(r) {
    const parts = [];
    parts.push(`<details><summary>${ICON[r.verdict]} ${(0,src_text/* html */.qy)((0,src_text/* oneLine */.TN)(r.name, 200))} — ${(0,src_text/* html */.qy)(problemCode(r) || r.verdict)}</summary>`, '');
    parts.push(`<p>${(0,src_text/* code */.aY)(`${r.method} ${r.url}`, 400)} from origin ${(0,src_text/* code */.aY)(r.origin)}${r.credentials === 'include' ? ', credentials: include' : ''}</p>`);
    parts.push('<ul>');
    for (const f of r.findings) {
        if (f.level === 'info' && f.code === 'MaxAge')
            continue;
        // Messages quote server values; outside code GitHub would link their @names and #refs.
        parts.push(`<li><b>${(0,src_text/* html */.qy)(f.code)}</b> (${f.level}${f.on ? `, ${f.on}` : ''}): ${(0,src_text/* code */.aY)(f.message, 600)}</li>`);
    }
    parts.push('</ul>');
    const needed = neededHeaders(r);
    if (needed)
        parts.push('<p>The response needs:</p>', (0,src_text/* pre */.AS)(needed));
    if (r.preflight)
        parts.push('<p>Preflight:</p>', (0,src_text/* pre */.AS)(exchangeText(r.preflight), 6000));
    if (r.actual)
        parts.push('<p>Actual request:</p>', (0,src_text/* pre */.AS)(exchangeText(r.actual), 6000));
    const sent = r.preflight ?? r.actual;
    if (sent)
        parts.push('<p>Reproduce:</p>', (0,src_text/* pre */.AS)(curlCommand(sent.request.method, r.url, sent.request.headers), 4000));
    parts.push('</details>', '');
    const text = parts.join('\n');
    return text.length > DETAIL_LIMIT
        ? `<details><summary>${ICON[r.verdict]} ${(0,src_text/* html */.qy)((0,src_text/* oneLine */.TN)(r.name, 200))}</summary>\n\nDetails too long for the summary; see the JSON report.\n</details>\n`
        : text;
}
function headline(d) {
    const c = d.counts;
    const callable = c.passed + c.warned;
    return `${callable} of ${c.total} endpoint${c.total === 1 ? '' : 's'} can be called from a browser`;
}
function renderSummary(input) {
    const { records, decision } = input;
    const limit = (input.limit ?? SUMMARY_LIMIT) - MARGIN;
    const c = decision.counts;
    const head = [];
    head.push(`## cors-gate: ${headline(decision)}${input.shard ? ` (shard ${input.shard.index}/${input.shard.count})` : ''}`, '');
    head.push(`✅ ${c.passed} pass · ⚠️ ${c.warned} warn · ❌ ${c.failed} fail · 🔌 ${c.errored} error — gate ${decision.ok ? '**passed**' : '**failed**'} (fail-on: ${decision.failOn.length ? decision.failOn.join(', ') : 'never'})`, '');
    for (const r of decision.nowPassing)
        head.push(`> [!NOTE]\n> ${(0,src_text/* html */.qy)((0,src_text/* oneLine */.TN)(r.name, 200))} now passes: drop \`expect: fail\` from its config.`, '');
    const rows = ['| # | Endpoint | Status | Verdict | CORS headers |', '|---|---|---|---|---|'];
    let size = Buffer.byteLength(head.join('\n')) + 200;
    let rowsLeftOut = 0;
    records.forEach((r, i) => {
        const row = `| ${i + 1} | ${(0,src_text/* html */.qy)((0,src_text/* oneLine */.TN)(r.name, 200))}<br>${(0,src_text/* code */.aY)(r.url, 200)} | ${statusCell(r)} | ${verdictLabel(r)}${problemCode(r) ? `<br>${(0,src_text/* html */.qy)(problemCode(r))}` : ''} | ${corsHeadersCell(r)} |`;
        const bytes = Buffer.byteLength(row) + 1;
        if (size + bytes > limit) {
            rowsLeftOut++;
            return;
        }
        size += bytes;
        rows.push(row);
    });
    const tail = [];
    for (const s of [renderMatrixMarkdown(records), ...(input.sections ?? [])].filter(Boolean)) {
        if (size + Buffer.byteLength(s) < limit) {
            tail.push(s);
            size += Buffer.byteLength(s);
        }
    }
    const detailParts = [];
    let detailsLeftOut = 0;
    for (const r of records) {
        if (r.verdict === 'pass')
            continue;
        const d = details(r);
        const bytes = Buffer.byteLength(d) + 1;
        if (size + bytes > limit) {
            detailsLeftOut++;
            continue;
        }
        size += bytes;
        detailParts.push(d);
    }
    const notes = [];
    if (rowsLeftOut)
        notes.push(`${rowsLeftOut} table rows left out to stay under GitHub's 1 MiB summary limit; the JSON report has every endpoint.`);
    if (detailsLeftOut)
        notes.push(`Details of ${detailsLeftOut} endpoints left out to stay under GitHub's 1 MiB summary limit; the JSON report has them.`);
    const out = [...head, ...rows, '', ...tail];
    if (detailParts.length)
        out.push('### Details', '', ...detailParts);
    if (notes.length)
        out.push('', ...notes.map((n) => `_${n}_`));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/table.ts
// The terminal table for the CLI and the action log. Server text is made visible
// and bounded, and no line can start a workflow command.



const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERR ' };
function table_status(r) {
    const p = r.preflight ? String(r.preflight.status ?? r.preflight.error?.code ?? '?') : '-';
    const a = r.actual ? String(r.actual.status ?? r.actual.error?.code ?? '?') : '-';
    return `${p}/${a}`;
}
function renderTable(records, decision, color = false) {
    const paint = (v, s) => {
        if (!color)
            return s;
        const c = { pass: 32, warn: 33, fail: 31, error: 35 }[v];
        return `\u001b[${c}m${s}\u001b[0m`;
    };
    const nameWidth = Math.min(64, Math.max(8, ...records.map((r) => (0,src_text/* column */.fi)(r.name, 64).length)));
    const lines = [`  ${'VERDICT'}  ${'ENDPOINT'.padEnd(nameWidth)}  ${'PRE/ACT'.padEnd(9)}  FIRST FINDING`];
    for (const r of records) {
        const first = firstProblem(r);
        const name = (0,src_text/* column */.fi)(r.name, 64).padEnd(nameWidth);
        const why = first ? `${first.code}${r.expect === 'fail' && r.verdict === 'fail' ? ' (expected)' : ''}` : '';
        lines.push((0,src_text/* logSafe */.sN)(`  ${paint(r.verdict, MARK[r.verdict])}     ${name}  ${table_status(r).padEnd(9)}  ${why}`));
    }
    const c = decision.counts;
    lines.push('');
    lines.push((0,src_text/* logSafe */.sN)(`${headline(decision)}: ${c.passed} pass, ${c.warned} warn, ${c.failed} fail, ${c.errored} error. Gate ${decision.ok ? 'passed' : 'failed'}.`));
    lines.push("PRE/ACT: the preflight's and the actual request's status (- not sent; a code such as ECONNREFUSED when there was no answer).");
    for (const r of decision.nowPassing)
        lines.push((0,src_text/* logSafe */.sN)(`note: ${(0,src_text/* oneLine */.TN)(r.name, 80)} now passes: drop expect: fail`));
    return lines.join('\n');
}
/** Findings of endpoints that are not a pass, for the log. */
function renderFindings(records) {
    const lines = [];
    for (const r of records) {
        if (r.verdict === 'pass')
            continue;
        lines.push((0,src_text/* logSafe */.sN)(`${MARK[r.verdict].trim()} ${(0,src_text/* oneLine */.TN)(r.name, 80)} (${(0,src_text/* oneLine */.TN)(r.url, 200)}, origin ${(0,src_text/* oneLine */.TN)(r.origin, 100)})`));
        for (const f of problems(r))
            lines.push((0,src_text/* logSafe */.sN)(`    ${f.code}: ${(0,src_text/* oneLine */.TN)(f.message, 400)}`));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// The CLI's help text, with the defaults of inputs.ts.


const HELP = `cors-gate ${version/* VERSION */.x} — can a browser call this API?

Usage: cors-gate [options]
       cors-gate presets [--browser B] [--format text|json]   what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${DEFAULTS.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout) or markdown (the job summary)
  --origin URL         check from this origin instead of the configured ones
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default ${DEFAULTS['fail-on']})
  --timeout SECONDS    per-request deadline (default ${DEFAULTS.timeout})
  --concurrency N      requests in flight at once (default ${DEFAULTS.concurrency})
  --report-file FILE   also write the JSON report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;

;// CONCATENATED MODULE: ./src/cli/check.ts
// `cors-gate` and `cors-gate merge`: the same pipeline as the action, with a
// terminal table, Markdown or the JSON report.















/** The catalog shipped beside the bundle (examples/ in the repository). */
function builtInCatalog() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = ['../../examples', '../examples'].map((d) => (0,external_node_path_.join)(here, d, 'llm-providers.yml'));
    const found = candidates.find((p) => (0,external_node_fs_.existsSync)(p));
    if (!found)
        throw new errors/* UsageError */.eb(`no --config given, no ${DEFAULTS.config}, and the built-in provider list is missing`);
    return found;
}
/** Runs the command; the exit status: 0 the gate holds, 1 it fails. */
async function checkCommand(argv, merging) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        options: {
            config: { type: 'string', short: 'c' },
            format: { type: 'string', short: 'f', default: 'table' },
            origin: { type: 'string' },
            'fail-on': { type: 'string', default: DEFAULTS['fail-on'] },
            timeout: { type: 'string', default: DEFAULTS.timeout },
            concurrency: { type: 'string', default: DEFAULTS.concurrency },
            'report-file': { type: 'string' },
            shard: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
            version: { type: 'boolean', short: 'v' },
        },
        strict: true,
        allowPositionals: merging,
    });
    if (merging && !values.help && positionals.length === 0)
        throw new errors/* UsageError */.eb('merge needs the JSON report files (or a quoted glob) to merge');
    if (merging && (values.config || values.origin || values.shard))
        throw new errors/* UsageError */.eb('merge reads reports and checks nothing: --config, --origin and --shard do not apply');
    if (values.help) {
        process.stdout.write(HELP + '\n');
        return 0;
    }
    if (values.version) {
        process.stdout.write(version/* VERSION */.x + '\n');
        return 0;
    }
    const format = values.format;
    if (!['table', 'json', 'markdown'].includes(format))
        throw new errors/* UsageError */.eb(`--format must be table, json or markdown, got ${JSON.stringify(format)}`);
    const failOn = parseFailOn(values['fail-on'], '--fail-on');
    const timeoutMs = parseSeconds(values.timeout, '--timeout');
    const concurrency = parseCount(values.concurrency, '--concurrency', MAX_CONCURRENCY);
    const origin = values.origin ? parseOrigin(values.origin, '--origin') : undefined;
    const shard = values.shard !== undefined ? parseShard(values.shard, '--shard') : undefined;
    const reportFile = values['report-file'];
    const progress = format === 'table' && process.stderr.isTTY;
    let outcome;
    if (merging)
        outcome = mergeRuns(readReports(positionals, reportFile ? [reportFile] : []), failOn);
    else {
        const configPath = values.config ?? ((0,external_node_fs_.existsSync)(DEFAULTS.config) ? DEFAULTS.config : builtInCatalog());
        const endpoints = loadEndpoints([readSource(configPath)], { ...(origin ? { origin } : {}), env: process.env });
        outcome = await runChecks(endpoints, {
            ...(shard ? { shard } : {}),
            timeoutMs,
            concurrency,
            failOn,
            ...(progress
                ? {
                    onResult: (r, done, total) => process.stderr.write(`\r\u001b[K[${done}/${total}] ${(0,src_text/* oneLine */.TN)(r.endpoint.name, 60)}`),
                }
                : {}),
        });
        if (progress)
            process.stderr.write('\r\u001b[K');
    }
    const { report, decision } = outcome;
    if (reportFile)
        writeFileAtomic(reportFile, reportJsonChunks(report));
    if (format === 'json')
        for (const chunk of reportJsonChunks(report))
            process.stdout.write(chunk);
    else if (format === 'markdown')
        process.stdout.write(renderSummary({ records: report.results, decision, ...(shard ? { shard } : {}) }));
    else {
        process.stdout.write(renderTable(report.results, decision, process.stdout.isTTY) + '\n');
        const matrix = renderMatrixText(report.results);
        if (matrix)
            process.stdout.write('\n' + matrix + '\n');
        const findings = renderFindings(report.results);
        if (findings)
            process.stdout.write('\n' + findings + '\n');
    }
    return decision.ok ? 0 : 1;
}


/***/ })

};
