// The parity case table: what a page asks for and what the server answers,
// preflight and actual request separately. Expected outcomes are not stored
// here on purpose: the tests ask a real Chromium every time.
import type { CredentialsMode, HeaderLine } from '../../src/types.js';

export type { HeaderLine };

/** One response as written to the wire. */
export interface Behaviour {
  status: number;
  /**
   * Header lines in wire order, duplicates and casing kept. Values may use
   * `{origin}` (the page origin), `{ORIGIN}` (upper-cased), `{origin-localhost}`,
   * `{self}` (this case's URL) and `{server}` (the case server's origin).
   */
  headers: HeaderLine[];
  body?: string;
  delayMs?: number;
  /** Destroy the socket with a reset instead of answering. */
  reset?: boolean;
  /** Adds a `Location` line after the listed ones; use with a 3xx status. */
  redirect?: string;
}

export interface CaseRequest {
  /** Exactly as passed to fetch(): `patch` stays lower-case. */
  method: string;
  headers: HeaderLine[];
  credentials: CredentialsMode;
  body?: string;
}

export interface ParityCase {
  id: string;
  group: string;
  title: string;
  request: CaseRequest;
  preflight: Behaviour;
  actual: Behaviour;
  /** What a request without Origin gets, when it is not `actual` (a server's own allow-list of origins). */
  withoutOrigin?: Behaviour;
  /** What `{self}/next` answers, for redirects: OPTIONS gets `preflight` (404 when absent). */
  redirectTarget?: { preflight?: Behaviour; actual: Behaviour };
}

// ---------------------------------------------------------------- helpers

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';
const MAX_AGE = 'Access-Control-Max-Age';

const JSON_CT: HeaderLine = ['Content-Type', 'application/json'];
const HTML_404 =
  '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n';

function ok(extra: HeaderLine[] = [], status = 200): Behaviour {
  return { status, headers: [JSON_CT, [ACAO, '{origin}'], ...extra], body: '{"ok":true}' };
}
const okCred = (): Behaviour => ok([[ACAC, 'true']]);
const okStar = (): Behaviour => ({ status: 200, headers: [JSON_CT, [ACAO, '*']], body: '{"ok":true}' });

function noCors(status: number, body = '{"error":"nope"}', contentType = 'application/json'): Behaviour {
  return { status, headers: [['Content-Type', contentType]], body };
}
const html404 = (extra: HeaderLine[] = []): Behaviour => ({
  status: 404,
  headers: [['Content-Type', 'text/html; charset=utf-8'], ...extra],
  body: HTML_404,
});

function pf(status: number, headers: HeaderLine[], body?: string): Behaviour {
  return body === undefined ? { status, headers } : { status, headers, body };
}

/** A JSON POST: content-type application/json alone makes a browser preflight. */
function jsonPost(extra: HeaderLine[] = [], credentials: CredentialsMode = 'omit'): CaseRequest {
  return { method: 'POST', headers: [['content-type', 'application/json'], ...extra], credentials, body: '{"q":1}' };
}
function req(
  method: string,
  headers: HeaderLine[] = [],
  credentials: CredentialsMode = 'omit',
  body?: string,
): CaseRequest {
  return body === undefined ? { method, headers, credentials } : { method, headers, credentials, body };
}

/** The preflight answer that lets a JSON POST through. */
function goodPf(extra: HeaderLine[] = [], status = 204): Behaviour {
  return pf(status, [[ACAO, '{origin}'], [ACAM, 'POST'], [ACAH, 'content-type'], ...extra]);
}

const cases: ParityCase[] = [];
let group = '';
function add(
  id: string,
  title: string,
  request: CaseRequest,
  preflight: Behaviour,
  actual: Behaviour,
  redirectTarget?: ParityCase['redirectTarget'],
): void {
  const c: ParityCase = { id, group, title, request, preflight, actual };
  if (redirectTarget) c.redirectTarget = redirectTarget;
  cases.push(c);
}

// ------------------------------------------------- preflight status codes
group = 'preflight-status';
{
  const cors: HeaderLine[] = [
    [ACAO, '{origin}'],
    [ACAM, 'POST'],
    [ACAH, 'content-type'],
  ];
  add('pf-200', 'preflight 200 with good headers', jsonPost(), pf(200, cors), ok());
  add('pf-202', 'preflight 202 with good headers', jsonPost(), pf(202, cors), ok());
  add('pf-204', 'preflight 204 with good headers', jsonPost(), pf(204, cors), ok());
  add('pf-206', 'preflight 206 with good headers', jsonPost(), pf(206, cors), ok());
  add('pf-299', 'preflight 299 (last 2xx) with good headers', jsonPost(), pf(299, cors), ok());
  add('pf-300', 'preflight 300 without Location', jsonPost(), pf(300, cors), ok());
  add('pf-304', 'preflight 304 with good headers', jsonPost(), pf(304, cors), ok());
  for (const s of [301, 302, 307, 308]) {
    add(
      `pf-${s}-redirect`,
      `preflight ${s} redirect to a good preflight`,
      jsonPost(),
      { ...pf(s, cors), redirect: '{self}/next' },
      ok(),
      { preflight: goodPf(), actual: ok() },
    );
  }
  add(
    'pf-401',
    'preflight 401 with CORS headers',
    jsonPost(),
    pf(401, [...cors, JSON_CT], '{"error":"unauthorized"}'),
    ok(),
  );
  add('pf-401-no-acao', 'preflight 401 without any CORS header', jsonPost(), noCors(401), ok());
  add(
    'pf-403',
    'preflight 403 with CORS headers',
    jsonPost(),
    pf(403, [...cors, JSON_CT], '{"error":"forbidden"}'),
    ok(),
  );
  add('pf-403-no-acao', 'preflight 403 without any CORS header', jsonPost(), noCors(403), ok());
  add('pf-404-html', 'preflight 404 HTML page with CORS headers', jsonPost(), html404(cors), ok());
  add('pf-404-html-no-acao', 'preflight 404 HTML page without CORS headers', jsonPost(), html404(), ok());
  add(
    'pf-405-no-acao',
    'preflight 405 with Allow only',
    jsonPost(),
    pf(
      405,
      [
        ['Allow', 'GET, POST'],
        ['Content-Type', 'text/plain'],
      ],
      'Method Not Allowed',
    ),
    ok(),
  );
  add('pf-405', 'preflight 405 with CORS headers', jsonPost(), pf(405, [['Allow', 'GET, POST'], ...cors]), ok());
  add(
    'pf-500',
    'preflight 500 with CORS headers',
    jsonPost(),
    pf(500, [...cors, ['Content-Type', 'text/plain']], 'boom'),
    ok(),
  );
  add(
    'pf-500-no-acao',
    'preflight 500 without CORS headers',
    jsonPost(),
    noCors(500, 'Internal Server Error', 'text/plain'),
    ok(),
  );
}

// ------------------------------------------ Access-Control-Allow-Origin
group = 'acao-preflight';
{
  const rest: HeaderLine[] = [
    [ACAM, 'POST'],
    [ACAH, 'content-type'],
  ];
  const v = (id: string, title: string, lines: HeaderLine[]) =>
    add(id, title, jsonPost(), pf(204, [...lines, ...rest]), ok());
  v('acao-pf-missing', 'preflight without ACAO', []);
  v('acao-pf-star', 'preflight ACAO *', [[ACAO, '*']]);
  v('acao-pf-exact', 'preflight ACAO exact origin', [[ACAO, '{origin}']]);
  v('acao-pf-other', 'preflight ACAO another origin', [[ACAO, 'http://127.0.0.1:1']]);
  v('acao-pf-null', 'preflight ACAO null', [[ACAO, 'null']]);
  v('acao-pf-two-values-one-line', 'preflight ACAO "origin, origin" on one line', [[ACAO, '{origin}, {origin}']]);
  v('acao-pf-star-and-origin-one-line', 'preflight ACAO "*, origin" on one line', [[ACAO, '*, {origin}']]);
  v('acao-pf-two-lines-same', 'preflight ACAO origin on two lines', [
    [ACAO, '{origin}'],
    [ACAO, '{origin}'],
  ]);
  v('acao-pf-two-lines-star-origin', 'preflight ACAO * and origin on two lines', [
    [ACAO, '*'],
    [ACAO, '{origin}'],
  ]);
  v('acao-pf-upper', 'preflight ACAO origin in upper case', [[ACAO, '{ORIGIN}']]);
  v('acao-pf-trailing-slash', 'preflight ACAO origin with a trailing slash', [[ACAO, '{origin}/']]);
  v('acao-pf-whitespace', 'preflight ACAO origin with surrounding spaces', [[ACAO, '   {origin}   ']]);
  v('acao-pf-tabs', 'preflight ACAO origin with surrounding tabs', [[ACAO, '\t{origin}\t']]);
  v('acao-pf-empty', 'preflight ACAO empty value', [[ACAO, '']]);
  v('acao-pf-name-upper', 'preflight ACAO header name in upper case', [['ACCESS-CONTROL-ALLOW-ORIGIN', '{origin}']]);
  v('acao-pf-no-port', 'preflight ACAO origin without its port', [[ACAO, 'http://127.0.0.1']]);
  v('acao-pf-localhost', 'preflight ACAO localhost instead of 127.0.0.1', [[ACAO, '{origin-localhost}']]);
}

group = 'acao-actual';
{
  const get = () => req('GET');
  const v = (id: string, title: string, lines: HeaderLine[]) =>
    add(id, title, get(), html404(), { status: 200, headers: [JSON_CT, ...lines], body: '{"ok":true}' });
  v('acao-get-missing', 'simple GET, response without ACAO', []);
  v('acao-get-star', 'simple GET, ACAO *', [[ACAO, '*']]);
  v('acao-get-exact', 'simple GET, ACAO exact origin', [[ACAO, '{origin}']]);
  v('acao-get-other', 'simple GET, ACAO another origin', [[ACAO, 'http://127.0.0.1:1']]);
  v('acao-get-null', 'simple GET, ACAO null', [[ACAO, 'null']]);
  v('acao-get-two-values', 'simple GET, ACAO "origin, origin" on one line', [[ACAO, '{origin}, {origin}']]);
  v('acao-get-two-lines', 'simple GET, ACAO * and origin on two lines', [
    [ACAO, '*'],
    [ACAO, '{origin}'],
  ]);
  v('acao-get-upper', 'simple GET, ACAO origin in upper case', [[ACAO, '{ORIGIN}']]);
  v('acao-get-trailing-slash', 'simple GET, ACAO origin with a trailing slash', [[ACAO, '{origin}/']]);
  v('acao-get-whitespace', 'simple GET, ACAO origin with surrounding spaces', [[ACAO, '  {origin}  ']]);
  v('acao-get-name-lower', 'simple GET, ACAO header name in lower case', [['access-control-allow-origin', '{origin}']]);
}

// ------------------------------------------------------------ credentials
group = 'credentials';
{
  const base: HeaderLine[] = [
    [ACAO, '{origin}'],
    [ACAM, 'POST'],
    [ACAH, 'content-type'],
  ];
  const inc = () => jsonPost([], 'include');
  add('cred-ok', 'credentialed POST, ACAC true everywhere', inc(), pf(204, [...base, [ACAC, 'true']]), okCred());
  add('cred-pf-acac-missing', 'credentialed POST, preflight without ACAC', inc(), pf(204, base), okCred());
  add(
    'cred-pf-acac-True',
    'credentialed POST, preflight ACAC "True"',
    inc(),
    pf(204, [...base, [ACAC, 'True']]),
    okCred(),
  );
  add(
    'cred-pf-acac-TRUE',
    'credentialed POST, preflight ACAC "TRUE"',
    inc(),
    pf(204, [...base, [ACAC, 'TRUE']]),
    okCred(),
  );
  add(
    'cred-pf-acac-whitespace',
    'credentialed POST, preflight ACAC " true "',
    inc(),
    pf(204, [...base, [ACAC, '  true  ']]),
    okCred(),
  );
  add(
    'cred-pf-acac-duplicated',
    'credentialed POST, preflight ACAC true on two lines',
    inc(),
    pf(204, [...base, [ACAC, 'true'], [ACAC, 'true']]),
    okCred(),
  );
  add(
    'cred-pf-acac-false',
    'credentialed POST, preflight ACAC false',
    inc(),
    pf(204, [...base, [ACAC, 'false']]),
    okCred(),
  );
  add(
    'cred-pf-acao-star',
    'credentialed POST, preflight ACAO * with ACAC true',
    inc(),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'POST'],
      [ACAH, 'content-type'],
      [ACAC, 'true'],
    ]),
    okCred(),
  );
  add(
    'cred-actual-acac-missing',
    'credentialed POST, actual response without ACAC',
    inc(),
    pf(204, [...base, [ACAC, 'true']]),
    ok(),
  );
  add(
    'cred-actual-acao-star',
    'credentialed POST, actual ACAO * with ACAC true',
    inc(),
    pf(204, [...base, [ACAC, 'true']]),
    { status: 200, headers: [JSON_CT, [ACAO, '*'], [ACAC, 'true']], body: '{}' },
  );
  add(
    'cred-actual-acac-True',
    'credentialed POST, actual ACAC "True"',
    inc(),
    pf(204, [...base, [ACAC, 'true']]),
    ok([[ACAC, 'True']]),
  );
  add(
    'cred-simple-get-ok',
    'credentialed simple GET, ACAO origin and ACAC true',
    req('GET', [], 'include'),
    html404(),
    okCred(),
  );
  add('cred-simple-get-acac-missing', 'credentialed simple GET, no ACAC', req('GET', [], 'include'), html404(), ok());
  add(
    'cred-simple-get-acao-star',
    'credentialed simple GET, ACAO * and ACAC true',
    req('GET', [], 'include'),
    html404(),
    { status: 200, headers: [JSON_CT, [ACAO, '*'], [ACAC, 'true']], body: '{}' },
  );
  add(
    'cred-omit-acac-True',
    'omitted credentials ignore ACAC "True"',
    jsonPost(),
    pf(204, [...base, [ACAC, 'True']]),
    ok([[ACAC, 'True']]),
  );
  add(
    'cred-omit-star-acac-true',
    'omitted credentials, ACAO * with ACAC true',
    jsonPost(),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'POST'],
      [ACAH, 'content-type'],
      [ACAC, 'true'],
    ]),
    { status: 200, headers: [JSON_CT, [ACAO, '*'], [ACAC, 'true']], body: '{}' },
  );
}

// ---------------------------------------------------------------- methods
group = 'methods';
{
  const acao: HeaderLine = [ACAO, '{origin}'];
  const m = (id: string, title: string, r: CaseRequest, lines: HeaderLine[], actual: Behaviour = ok()) =>
    add(id, title, r, pf(204, [acao, ...lines]), actual);
  m('m-put-listed', 'PUT, ACAM PUT', req('PUT'), [[ACAM, 'PUT']]);
  m('m-put-not-listed', 'PUT, ACAM GET, POST', req('PUT'), [[ACAM, 'GET, POST']]);
  m('m-put-acam-missing', 'PUT, no ACAM', req('PUT'), []);
  m('m-put-lower-listed', 'PUT, ACAM "put"', req('PUT'), [[ACAM, 'put']]);
  m('m-fetch-put-lower', 'fetch "put" (normalised to PUT), ACAM PUT', req('put'), [[ACAM, 'PUT']]);
  m('m-delete-listed', 'DELETE, ACAM DELETE', req('DELETE'), [[ACAM, 'GET, DELETE']]);
  m('m-delete-not-listed', 'DELETE, ACAM GET, POST, PUT', req('DELETE'), [[ACAM, 'GET, POST, PUT']]);
  m('m-fetch-delete-lower', 'fetch "delete" (normalised), ACAM DELETE', req('delete'), [[ACAM, 'DELETE']]);
  m('m-patch-listed', 'PATCH, ACAM PATCH', req('PATCH', [], 'omit', '{}'), [[ACAM, 'PATCH']]);
  m('m-patch-lower-listed', 'PATCH, ACAM "patch"', req('PATCH', [], 'omit', '{}'), [[ACAM, 'patch']]);
  m('m-fetch-patch-lower-acam-upper', 'fetch "patch" (kept lower-case), ACAM PATCH', req('patch', [], 'omit', '{}'), [
    [ACAM, 'PATCH'],
  ]);
  m('m-fetch-patch-lower-acam-lower', 'fetch "patch", ACAM "patch"', req('patch', [], 'omit', '{}'), [[ACAM, 'patch']]);
  m('m-patch-not-listed', 'PATCH, ACAM GET, POST, PUT', req('PATCH', [], 'omit', '{}'), [[ACAM, 'GET, POST, PUT']]);
  m('m-post-acam-missing', 'JSON POST, no ACAM (POST is safelisted)', jsonPost(), [[ACAH, 'content-type']]);
  m('m-post-acam-other', 'JSON POST, ACAM GET only', jsonPost(), [
    [ACAM, 'GET'],
    [ACAH, 'content-type'],
  ]);
  m('m-get-custom-header', 'GET with a custom header, no ACAM', req('GET', [['x-custom', '1']]), [[ACAH, 'x-custom']]);
  m('m-head-custom-header', 'HEAD with a custom header, no ACAM', req('HEAD', [['x-custom', '1']]), [
    [ACAH, 'x-custom'],
  ]);
  m('m-put-star-omit', 'PUT, ACAM * without credentials', req('PUT'), [[ACAM, '*']]);
  m(
    'm-put-star-include',
    'credentialed PUT, ACAM * and ACAC true',
    req('PUT', [], 'include'),
    [
      [ACAM, '*'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  m(
    'm-put-listed-include',
    'credentialed PUT, ACAM PUT and ACAC true',
    req('PUT', [], 'include'),
    [
      [ACAM, 'PUT'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  m(
    'm-post-star-include',
    'credentialed JSON POST, ACAM * (POST needs no listing)',
    jsonPost([], 'include'),
    [
      [ACAM, '*'],
      [ACAH, 'content-type'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  m('m-malformed-space', 'PUT, ACAM "PUT POST"', req('PUT'), [[ACAM, 'PUT POST']]);
  m('m-malformed-semicolon', 'PUT, ACAM "PUT;POST"', req('PUT'), [[ACAM, 'PUT;POST']]);
  m('m-malformed-empty-element', 'PUT, ACAM "PUT,,POST"', req('PUT'), [[ACAM, 'PUT,,POST']]);
  m('m-malformed-space-post', 'JSON POST, ACAM "POST GET"', jsonPost(), [
    [ACAM, 'POST GET'],
    [ACAH, 'content-type'],
  ]);
  m('m-malformed-semicolon-post', 'JSON POST, ACAM "POST;GET"', jsonPost(), [
    [ACAM, 'POST;GET'],
    [ACAH, 'content-type'],
  ]);
  m('m-spacing', 'PUT, ACAM "  GET ,  PUT  "', req('PUT'), [[ACAM, '  GET ,  PUT  ']]);
  m('m-two-lines', 'PUT, ACAM GET and PUT on two lines', req('PUT'), [
    [ACAM, 'GET'],
    [ACAM, 'PUT'],
  ]);
  m('m-custom-method', 'custom method PURGE listed', req('PURGE'), [[ACAM, 'PURGE']]);
  m('m-acam-empty', 'PUT, ACAM empty', req('PUT'), [[ACAM, '']]);
}

// ---------------------------------------------------------------- headers
group = 'headers';
{
  const base: HeaderLine[] = [
    [ACAO, '{origin}'],
    [ACAM, 'POST'],
  ];
  const auth: HeaderLine = ['authorization', 'Bearer sk-test'];
  const stainless: HeaderLine[] = [
    ['x-stainless-os', 'Linux'],
    ['x-stainless-lang', 'js'],
    ['x-stainless-package-version', '5.0.0'],
    ['x-stainless-runtime', 'browser:chrome'],
    ['x-stainless-runtime-version', '156.0.0'],
    ['x-stainless-arch', 'unknown'],
    ['x-stainless-retry-count', '0'],
  ];
  const stainlessNames =
    'x-stainless-os, x-stainless-lang, x-stainless-package-version, x-stainless-runtime, x-stainless-runtime-version, x-stainless-arch';
  const anthropic: HeaderLine[] = [
    ['x-api-key', 'sk-ant-test'],
    ['anthropic-version', '2023-06-01'],
    ['anthropic-dangerous-direct-browser-access', 'true'],
  ];
  const h = (id: string, title: string, r: CaseRequest, lines: HeaderLine[], actual: Behaviour = ok()) =>
    add(id, title, r, pf(204, [...base, ...lines]), actual);
  h('h-authorization-listed', 'authorization + JSON, both listed', jsonPost([auth]), [
    [ACAH, 'authorization, content-type'],
  ]);
  h('h-authorization-not-listed', 'authorization + JSON, only content-type listed', jsonPost([auth]), [
    [ACAH, 'content-type'],
  ]);
  h('h-json-acah-missing', 'JSON POST, no ACAH', jsonPost(), []);
  h(
    'h-json-charset',
    'content-type application/json; charset=utf-8, listed',
    { ...jsonPost(), headers: [['content-type', 'application/json; charset=utf-8']] },
    [[ACAH, 'content-type']],
  );
  h(
    'h-text-plain-with-auth',
    'text/plain POST with authorization, only authorization listed',
    req('POST', [['content-type', 'text/plain'], auth], 'omit', 'hi'),
    [[ACAH, 'authorization']],
  );
  h('h-stainless-listed', 'OpenAI SDK headers, all listed', jsonPost([auth, ...stainless]), [
    [ACAH, `authorization, content-type, ${stainlessNames}, x-stainless-retry-count`],
  ]);
  h(
    'h-stainless-not-listed',
    'OpenAI SDK headers, only authorization and content-type listed',
    jsonPost([auth, ...stainless]),
    [[ACAH, 'authorization, content-type']],
  );
  h('h-stainless-partial', 'OpenAI SDK headers, x-stainless-retry-count not listed', jsonPost([auth, ...stainless]), [
    [ACAH, `authorization, content-type, ${stainlessNames}`],
  ]);
  h('h-anthropic-listed', 'Anthropic SDK headers, all listed', jsonPost(anthropic), [
    [ACAH, 'content-type, x-api-key, anthropic-version, anthropic-dangerous-direct-browser-access'],
  ]);
  h(
    'h-anthropic-dangerous-not-listed',
    'Anthropic SDK headers, direct-browser-access not listed',
    jsonPost(anthropic),
    [[ACAH, 'content-type, x-api-key, anthropic-version']],
  );
  h('h-goog-listed', 'x-goog-api-key, Gemini allow-list', jsonPost([['x-goog-api-key', 'AIza-test']]), [
    [ACAH, 'content-type, x-goog-api-key, x-goog-api-client, authorization'],
  ]);
  h(
    'h-goog-stainless',
    'x-stainless-os against the Gemini allow-list',
    jsonPost([
      ['x-goog-api-key', 'AIza-test'],
      ['x-stainless-os', 'Linux'],
    ]),
    [[ACAH, 'content-type, x-goog-api-key, x-goog-api-client, authorization']],
  );
  h('h-star-omit', 'ACAH * covers x-api-key without credentials', jsonPost([['x-api-key', 'k']]), [[ACAH, '*']]);
  h(
    'h-star-include',
    'credentialed, ACAH * is a literal name',
    jsonPost([['x-api-key', 'k']], 'include'),
    [
      [ACAH, '*'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  h(
    'h-star-include-listed',
    'credentialed, ACAH "*, content-type, x-api-key"',
    jsonPost([['x-api-key', 'k']], 'include'),
    [
      [ACAH, '*, content-type, x-api-key'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  h('h-star-authorization', 'ACAH * with authorization', jsonPost([auth]), [[ACAH, '*']]);
  h('h-star-and-authorization', 'ACAH "*, Authorization" with authorization', jsonPost([auth]), [
    [ACAH, '*, Authorization'],
  ]);
  h(
    'h-star-authorization-include',
    'credentialed, ACAH * with authorization',
    jsonPost([auth], 'include'),
    [
      [ACAH, '*'],
      [ACAC, 'true'],
    ],
    okCred(),
  );
  h('h-malformed-space', 'ACAH "content-type authorization"', jsonPost([auth]), [[ACAH, 'content-type authorization']]);
  h('h-malformed-semicolon', 'ACAH "content-type;authorization"', jsonPost([auth]), [
    [ACAH, 'content-type;authorization'],
  ]);
  h('h-malformed-space-unused', 'ACAH "content-type x-other" (needed header first)', jsonPost(), [
    [ACAH, 'content-type x-other'],
  ]);
  h('h-malformed-empty-element', 'ACAH "content-type,,authorization"', jsonPost([auth]), [
    [ACAH, 'content-type,,authorization'],
  ]);
  h('h-spacing', 'ACAH with spaces around names', jsonPost([auth]), [[ACAH, '   content-type ,   authorization   ']]);
  h('h-case', 'ACAH names in upper case', jsonPost([auth]), [[ACAH, 'CONTENT-TYPE, AUTHORIZATION']]);
  h(
    'h-request-case',
    'request header names capitalised, ACAH lower case',
    {
      ...jsonPost(),
      headers: [
        ['Content-Type', 'application/json'],
        ['Authorization', 'Bearer x'],
      ],
    },
    [[ACAH, 'content-type, authorization']],
  );
  h('h-two-lines', 'ACAH split over two lines', jsonPost([auth]), [
    [ACAH, 'content-type'],
    [ACAH, 'authorization'],
  ]);
  h(
    'h-x-requested-with-not-listed',
    'x-requested-with not listed',
    jsonPost([['x-requested-with', 'XMLHttpRequest']]),
    [[ACAH, 'content-type']],
  );
  h('h-acah-empty', 'JSON POST, ACAH empty', jsonPost(), [[ACAH, '']]);
  h(
    'h-accept-long',
    'GET with an accept value over 128 bytes, accept listed',
    req('GET', [['accept', 'application/json;' + 'q=0.9,'.repeat(24)]]),
    [[ACAH, 'accept']],
  );
}

// ------------------------- which error is named first when several apply
group = 'precedence';
{
  const other = 'http://127.0.0.1:1';
  add('pr-404-acao-only', '404 preflight with ACAO only (no ACAH)', jsonPost(), pf(404, [[ACAO, '{origin}']]), ok());
  add(
    'pr-404-acao-other',
    '404 preflight with ACAO another origin',
    jsonPost(),
    pf(404, [
      [ACAO, other],
      [ACAH, 'content-type'],
    ]),
    ok(),
  );
  add(
    'pr-401-cred-no-acac',
    'credentialed, 401 preflight with ACAO origin, no ACAC',
    jsonPost([], 'include'),
    pf(401, [
      [ACAO, '{origin}'],
      [ACAH, 'content-type'],
    ]),
    okCred(),
  );
  add(
    'pr-star-cred-no-acac',
    'credentialed, preflight ACAO * without ACAC',
    jsonPost([], 'include'),
    pf(204, [
      [ACAO, '*'],
      [ACAH, 'content-type'],
    ]),
    okCred(),
  );
  add(
    'pr-bad-acam-no-acah',
    'PUT + JSON, ACAM "PUT POST" and no ACAH',
    { ...req('PUT', [['content-type', 'application/json']], 'omit', '{}') },
    pf(204, [
      [ACAO, '{origin}'],
      [ACAM, 'PUT POST'],
    ]),
    ok(),
  );
  add(
    'pr-method-and-header-disallowed',
    'PUT + JSON, ACAM GET and no ACAH',
    req('PUT', [['content-type', 'application/json']], 'omit', '{}'),
    pf(204, [
      [ACAO, '{origin}'],
      [ACAM, 'GET'],
    ]),
    ok(),
  );
  add(
    'pr-bad-acah-no-acam',
    'PUT + JSON, no ACAM and ACAH "a b"',
    req('PUT', [['content-type', 'application/json']], 'omit', '{}'),
    pf(204, [
      [ACAO, '{origin}'],
      [ACAH, 'content-type x'],
    ]),
    ok(),
  );
  add(
    'pr-bad-acam-bad-acah',
    'PUT + JSON, ACAM "a;b" and ACAH "a;b"',
    req('PUT', [['content-type', 'application/json']], 'omit', '{}'),
    pf(204, [
      [ACAO, '{origin}'],
      [ACAM, 'PUT;POST'],
      [ACAH, 'content-type;x'],
    ]),
    ok(),
  );
  add(
    'pr-redirect-no-acao',
    'preflight 307 without ACAO',
    jsonPost(),
    { status: 307, headers: [], redirect: '{self}/next' },
    ok(),
    { preflight: goodPf(), actual: ok() },
  );
  add(
    'pr-two-acao-bad-status',
    '500 preflight with ACAO on two lines',
    jsonPost(),
    pf(500, [
      [ACAO, '{origin}'],
      [ACAO, '{origin}'],
      [ACAH, 'content-type'],
    ]),
    ok(),
  );
}

// -------------------------------------------------------- actual response
group = 'actual';
{
  const good = () => goodPf();
  add('a-200-missing-acao', 'good preflight, actual 200 without ACAO', jsonPost(), good(), noCors(200, '{"ok":true}'));
  add(
    'a-401-missing-acao',
    'good preflight, actual 401 without ACAO',
    jsonPost(),
    good(),
    noCors(401, '{"error":"unauthorized"}'),
  );
  add('a-404-missing-acao', 'good preflight, actual 404 HTML without ACAO', jsonPost(), good(), html404());
  add(
    'a-500-missing-acao',
    'good preflight, actual 500 without ACAO',
    jsonPost(),
    good(),
    noCors(500, 'Internal Server Error', 'text/plain'),
  );
  add('a-401-with-acao', 'good preflight, actual 401 with ACAO', jsonPost(), good(), ok([], 401));
  add('a-500-with-acao', 'good preflight, actual 500 with ACAO', jsonPost(), good(), ok([], 500));
  add('a-204-with-acao', 'good preflight, actual 204 empty with ACAO', jsonPost(), good(), {
    status: 204,
    headers: [[ACAO, '{origin}']],
  });
  add('a-other-origin', 'good preflight, actual ACAO another origin', jsonPost(), good(), {
    status: 200,
    headers: [JSON_CT, [ACAO, 'http://127.0.0.1:1']],
    body: '{}',
  });
  add('a-two-acao-lines', 'good preflight, actual ACAO on two lines', jsonPost(), good(), {
    status: 200,
    headers: [JSON_CT, [ACAO, '{origin}'], [ACAO, '{origin}']],
    body: '{}',
  });
  add(
    'a-redirect-307-missing-acao',
    'good preflight, actual 307 without ACAO',
    jsonPost(),
    good(),
    { status: 307, headers: [], redirect: '{self}/next' },
    { preflight: good(), actual: ok() },
  );
  add(
    'a-redirect-307-with-acao',
    'good preflight, actual 307 with ACAO to a CORS target',
    jsonPost(),
    good(),
    { status: 307, headers: [[ACAO, '{origin}']], redirect: '{self}/next' },
    { preflight: good(), actual: ok() },
  );
  add(
    'a-redirect-307-target-options-404',
    'good preflight, actual 307 with ACAO; the target has no preflight',
    jsonPost(),
    good(),
    { status: 307, headers: [[ACAO, '{origin}']], redirect: '{self}/next' },
    { actual: ok() },
  );
  add(
    'a-redirect-302-get-with-acao',
    'simple GET, 302 with ACAO to a CORS target',
    req('GET'),
    html404(),
    { status: 302, headers: [[ACAO, '{origin}']], redirect: '{self}/next' },
    { preflight: good(), actual: ok() },
  );
  add(
    'a-redirect-302-get-missing-acao',
    'simple GET, 302 without ACAO',
    req('GET'),
    html404(),
    { status: 302, headers: [], redirect: '{self}/next' },
    { preflight: good(), actual: ok() },
  );
  add('a-reset-after-good-preflight', 'good preflight, actual connection reset', jsonPost(), good(), {
    status: 200,
    headers: [],
    reset: true,
  });
  add('a-delay', 'good preflight, actual answered after 300 ms', jsonPost(), good(), { ...ok(), delayMs: 300 });
}

// ------------------------------------------------ simple requests
group = 'simple';
{
  const broken = () => html404();
  add('s-get-plain', 'GET without headers; OPTIONS would 404', req('GET'), broken(), okStar());
  add('s-head', 'HEAD without headers; OPTIONS would 404', req('HEAD'), broken(), okStar());
  add(
    's-post-text-plain',
    'text/plain POST; OPTIONS would 404',
    req('POST', [['content-type', 'text/plain']], 'omit', 'hello'),
    broken(),
    okStar(),
  );
  add(
    's-post-text-plain-charset',
    'text/plain;charset=UTF-8 POST',
    req('POST', [['content-type', 'text/plain;charset=UTF-8']], 'omit', 'hello'),
    broken(),
    okStar(),
  );
  add(
    's-post-text-plain-upper',
    'TEXT/PLAIN POST',
    req('POST', [['content-type', 'TEXT/PLAIN']], 'omit', 'hello'),
    broken(),
    okStar(),
  );
  add(
    's-post-form',
    'application/x-www-form-urlencoded POST',
    req('POST', [['content-type', 'application/x-www-form-urlencoded']], 'omit', 'a=1'),
    broken(),
    okStar(),
  );
  add(
    's-post-multipart',
    'multipart/form-data POST',
    req('POST', [['content-type', 'multipart/form-data; boundary=xyz']], 'omit', '--xyz--\r\n'),
    broken(),
    okStar(),
  );
  add(
    's-get-safelisted-headers',
    'GET with accept, accept-language, content-language',
    req('GET', [
      ['accept', 'application/json'],
      ['accept-language', 'en'],
      ['content-language', 'en'],
    ]),
    broken(),
    okStar(),
  );
  add('s-get-missing-acao', 'simple GET, response without ACAO', req('GET'), broken(), noCors(200, '{"ok":true}'));
  add(
    's-post-text-plain-401-no-acao',
    'text/plain POST, 401 without ACAO',
    req('POST', [['content-type', 'text/plain']], 'omit', 'hello'),
    broken(),
    noCors(401),
  );
  add(
    's-get-json-content-type',
    'GET with content-type application/json (not simple); OPTIONS 404',
    req('GET', [['content-type', 'application/json']]),
    broken(),
    okStar(),
  );
}

// ---------------------------------------------- caching and informative headers
group = 'preflight-misc';
{
  add('c-max-age-0', 'Access-Control-Max-Age 0', jsonPost(), goodPf([[MAX_AGE, '0']]), ok());
  add('c-max-age-86400', 'Access-Control-Max-Age 86400', jsonPost(), goodPf([[MAX_AGE, '86400']]), ok());
  add('c-max-age-garbage', 'Access-Control-Max-Age "soon"', jsonPost(), goodPf([[MAX_AGE, 'soon']]), ok());
  add('c-max-age-negative', 'Access-Control-Max-Age -1', jsonPost(), goodPf([[MAX_AGE, '-1']]), ok());
  add(
    'c-vary-present',
    'Vary: Origin on preflight and actual',
    jsonPost(),
    goodPf([['Vary', 'Origin']]),
    ok([['Vary', 'Origin']]),
  );
  add('c-vary-absent', 'no Vary anywhere', jsonPost(), goodPf(), ok());
  add('c-pf-delay', 'preflight answered after 300 ms', jsonPost(), { ...goodPf(), delayMs: 300 }, ok());
  add('c-pf-reset', 'preflight connection reset', jsonPost(), { status: 204, headers: [], reset: true }, ok());
  add(
    'c-pf-200-html-body',
    'preflight 200 with an HTML body and good headers',
    jsonPost(),
    { ...goodPf([['Content-Type', 'text/html']], 200), body: '<html>ok</html>' },
    ok(),
  );
  add(
    'c-pf-expose-headers',
    'Access-Control-Expose-Headers on the actual response',
    jsonPost(),
    goodPf(),
    ok([
      ['Access-Control-Expose-Headers', 'x-request-id'],
      ['x-request-id', 'r1'],
    ]),
  );
}

// ---------------------------------------------- provider-like behaviours
group = 'provider';
{
  const auth: HeaderLine = ['authorization', 'Bearer sk-test'];
  const openaiSdk: HeaderLine[] = [
    auth,
    ['x-stainless-os', 'Linux'],
    ['x-stainless-lang', 'js'],
    ['x-stainless-package-version', '5.0.0'],
    ['x-stainless-runtime', 'browser:chrome'],
    ['x-stainless-runtime-version', '156.0.0'],
    ['x-stainless-arch', 'unknown'],
    ['x-stainless-retry-count', '0'],
  ];
  const chat = '{"model":"m","messages":[{"role":"user","content":"hi"}]}';
  const post = (extra: HeaderLine[]) => ({ ...jsonPost(extra), body: chat });

  add(
    'p-openrouter-like',
    'OpenRouter-like: 204, ACAO *, wide methods, four headers',
    post([auth]),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'GET,OPTIONS,PATCH,DELETE,POST,PUT'],
      [ACAH, 'Authorization, Content-Type, HTTP-Referer, X-Title'],
    ]),
    okStar(),
  );
  add(
    'p-openrouter-like-sdk',
    'OpenRouter-like with OpenAI SDK headers',
    post(openaiSdk),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'GET,OPTIONS,PATCH,DELETE,POST,PUT'],
      [ACAH, 'Authorization, Content-Type, HTTP-Referer, X-Title'],
    ]),
    okStar(),
  );
  add(
    'p-azure-like',
    'Azure-like: 200, ACAO *, ACAM POST, two headers',
    post([auth]),
    pf(200, [
      [ACAO, '*'],
      [ACAM, 'POST'],
      [ACAH, 'authorization, content-type'],
    ]),
    okStar(),
  );
  add(
    'p-modelstream-like',
    'ModelStream-like: 204, wide lists, Max-Age 43200',
    post(openaiSdk),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'GET, POST, PUT, PATCH, DELETE, OPTIONS'],
      [
        ACAH,
        'Authorization, Content-Type, X-API-Key, Anthropic-Version, X-Stainless-OS, X-Stainless-Lang, X-Stainless-Package-Version, X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Arch, X-Stainless-Retry-Count, X-Stainless-Timeout',
      ],
      [MAX_AGE, '43200'],
    ]),
    okStar(),
  );
  add(
    'p-nvidia-like',
    'NVIDIA-like: 200 with only Vary',
    post([auth]),
    pf(200, [['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers']]),
    noCors(200, '{"choices":[]}'),
  );
  add(
    'p-opencode-zen-like',
    'OpenCode-Zen-like: OPTIONS 404 HTML, POST 401 JSON',
    post([auth]),
    { status: 404, headers: [['Content-Type', 'text/html']], body: 'Not Found' },
    noCors(401, '{"error":{"message":"Missing API key"}}'),
  );
  add(
    'p-anthropic-like',
    'Anthropic-like with direct-browser-access',
    post([
      ['x-api-key', 'k'],
      ['anthropic-version', '2023-06-01'],
      ['anthropic-dangerous-direct-browser-access', 'true'],
    ]),
    pf(200, [
      [ACAO, '*'],
      [ACAM, 'POST'],
      [ACAH, 'content-type, x-api-key, anthropic-version, anthropic-dangerous-direct-browser-access'],
    ]),
    okStar(),
  );
  add(
    'p-anthropic-like-no-dangerous',
    'Anthropic-like without direct-browser-access: actual 401 without ACAO',
    post([
      ['x-api-key', 'k'],
      ['anthropic-version', '2023-06-01'],
    ]),
    pf(200, [
      [ACAO, '*'],
      [ACAM, 'POST'],
      [ACAH, 'content-type, x-api-key, anthropic-version, anthropic-dangerous-direct-browser-access'],
    ]),
    noCors(401, '{"type":"error","error":{"type":"authentication_error"}}'),
  );
  add(
    'p-gemini-like-stainless',
    'Gemini-like: 403 preflight without ACAO for other headers',
    post([
      ['x-goog-api-key', 'k'],
      ['x-stainless-os', 'Linux'],
    ]),
    noCors(403, 'Forbidden', 'text/plain'),
    okStar(),
  );
  add(
    'p-llamacpp-like',
    'llama.cpp-like: reflected origin, ACAH * and ACAC true, authorization',
    post([auth]),
    pf(200, [
      [ACAO, '{origin}'],
      [ACAC, 'true'],
      [ACAM, '*'],
      [ACAH, '*'],
    ]),
    ok([[ACAC, 'true']]),
  );
  add(
    'p-ollama-like',
    'Ollama-like allow-list with OpenAI SDK headers',
    post(openaiSdk),
    pf(204, [
      [ACAO, '*'],
      [ACAM, 'GET, POST, PUT, DELETE, OPTIONS, HEAD'],
      [
        ACAH,
        'Authorization, Content-Type, User-Agent, Accept, X-Requested-With, OpenAI-Beta, x-stainless-arch, x-stainless-async, x-stainless-custom-poll-interval, x-stainless-helper-method, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-poll-helper, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout',
      ],
    ]),
    okStar(),
  );
}

// ------------------------------------ how Chromium builds and reads what it sends
group = 'chromium-edges';
{
  const broken = () => html404();
  const goodPf = (): Behaviour =>
    pf(204, [
      [ACAO, '{origin}'],
      [ACAM, 'POST'],
      [ACAH, 'content-type'],
    ]);
  // fetch() joins headers of one name into one line before the safelist checks.
  add(
    'e-content-type-twice',
    'content-type text/plain twice (joined: not safelisted); OPTIONS 404',
    req(
      'POST',
      [
        ['content-type', 'text/plain'],
        ['Content-Type', 'text/plain'],
      ],
      'omit',
      'hi',
    ),
    broken(),
    okStar(),
  );
  add(
    'e-accept-twice-long',
    'accept twice, 100 bytes each (joined: over 128)',
    req('GET', [
      ['accept', 'a'.repeat(100)],
      ['accept', 'b'.repeat(100)],
    ]),
    broken(),
    okStar(),
  );
  // ...and trims values first.
  add(
    'e-accept-trailing-space',
    'accept of 127 bytes plus three spaces (trimmed: safelisted)',
    req('GET', [['accept', `${'a'.repeat(127)}   `]]),
    broken(),
    okStar(),
  );
  // Client hints Chromium safelists beyond the standard.
  add('e-dpr', 'dpr: 2 needs no preflight in Chromium', req('GET', [['dpr', '2']]), broken(), okStar());
  add('e-device-memory', 'device-memory: 8', req('GET', [['device-memory', '8']]), broken(), okStar());
  add('e-width-decimal', 'width: 1.5 is not a safelisted value', req('GET', [['width', '1.5']]), broken(), okStar());
  add('e-viewport-width', 'viewport-width: 100', req('GET', [['viewport-width', '100']]), broken(), okStar());
  add('e-save-data-on', 'save-data: on', req('GET', [['save-data', 'on']]), broken(), okStar());
  add('e-save-data-off', 'save-data: off is not safelisted', req('GET', [['save-data', 'off']]), broken(), okStar());
  // A method override naming a forbidden method is dropped by fetch().
  add(
    'e-override-trace',
    'x-http-method-override: TRACE is dropped',
    req('GET', [['x-http-method-override', 'TRACE']]),
    broken(),
    okStar(),
  );
  add(
    'e-override-get',
    'x-http-method-override: GET is sent and preflighted',
    req('GET', [['x-http-method-override', 'GET']]),
    broken(),
    okStar(),
  );
  // Location rules.
  add('e-302-blank-location', 'simple GET answered 302 with a blank Location and ACAO', req('GET'), broken(), {
    status: 302,
    headers: [
      [ACAO, '{origin}'],
      ['Location', ''],
    ],
  });
  add(
    'e-pf-307-blank-location',
    'preflight 307 with a blank Location and good CORS headers',
    jsonPost(),
    pf(307, [
      [ACAO, '{origin}'],
      [ACAM, 'POST'],
      [ACAH, 'content-type'],
      ['Location', ''],
    ]),
    ok(),
  );
  add(
    'e-two-locations',
    'good preflight; actual 200 with ACAO and two different Location lines',
    jsonPost(),
    goodPf(),
    { status: 200, headers: [JSON_CT, [ACAO, '{origin}'], ['Location', '/a'], ['Location', '/b']], body: '{}' },
  );
  add('e-same-location-twice', 'simple GET; 200 with ACAO and the same Location twice', req('GET'), broken(), {
    status: 200,
    headers: [JSON_CT, [ACAO, '{origin}'], ['Location', '/a'], ['Location', '/a']],
    body: '{}',
  });
  // Allow-Origin values Chromium reads as lists, or parses as URLs.
  add('e-acao-space-list', 'ACAO with two origins separated by a space', req('GET'), broken(), {
    status: 200,
    headers: [JSON_CT, [ACAO, 'http://127.0.0.1:1 http://127.0.0.1:2']],
    body: '{}',
  });
  // Malformed HTTP that Chromium reads anyway.
  add('e-acao-space-before-colon', 'simple GET; ACAO written with a space before the colon', req('GET'), broken(), {
    status: 200,
    headers: [JSON_CT, ['Access-Control-Allow-Origin ', '{origin}']],
    body: '{}',
  });
  add(
    'e-acah-folded',
    'preflight whose Allow-Headers value is folded onto a second line',
    jsonPost(),
    pf(204, [
      [ACAO, '{origin}'],
      [ACAM, 'POST'],
      [ACAH, 'x-other,\r\n content-type'],
    ]),
    ok(),
  );
  add('e-acao-opaque-url', 'ACAO foo:bar (a URL, not the origin)', req('GET'), broken(), {
    status: 200,
    headers: [JSON_CT, [ACAO, 'foo:bar']],
    body: '{}',
  });
}

export const CASES: readonly ParityCase[] = cases;

/** Groups in table order with their case counts. */
export function groupCounts(list: readonly ParityCase[] = CASES): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of list) m.set(c.group, (m.get(c.group) ?? 0) + 1);
  return m;
}
