// The evaluation against the Fetch standard's rules: one case (at least) per finding code.
import { describe, expect, it } from 'vitest';
import {
  type CorsRequest,
  corsCheck,
  evaluate,
  needsPreflight,
  parseTokenList,
  requestHeadersValue,
  requiredHeaders,
} from '../../../src/cors/evaluate.js';
import { corsUnsafeHeaderNames, isSafelistedRequestHeader, normalizeMethod } from '../../../src/cors/fetch-rules.js';
import type { Exchange, Finding, HeaderLine } from '../../../src/types.js';

const ORIGIN = 'https://app.example';
const json: HeaderLine[] = [
  ['authorization', 'Bearer x'],
  ['content-type', 'application/json'],
];
const post = (over: Partial<CorsRequest> = {}): CorsRequest => ({
  origin: ORIGIN,
  method: 'POST',
  headers: json,
  credentials: 'omit',
  ...over,
});
const ex = (status: number, headers: HeaderLine[], method = 'OPTIONS'): Exchange => ({
  method,
  url: 'https://api.example/v1',
  headers: [],
  ms: 1,
  response: { status, headers, body: '', bodyTruncated: false },
});
const down = (code: string): Exchange => ({
  method: 'OPTIONS',
  url: 'https://api.example/v1',
  headers: [],
  ms: 1,
  error: { code, message: code },
});
const goodPreflight = (extra: HeaderLine[] = []): Exchange =>
  ex(204, [
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Allow-Headers', 'authorization, content-type'],
    ...extra,
  ]);
const okActual = (headers: HeaderLine[] = [['Access-Control-Allow-Origin', '*']], status = 200) =>
  ex(status, headers, 'POST');

function first(req: CorsRequest, preflight?: Exchange, actual?: Exchange) {
  const e = evaluate(req, { ...(preflight ? { preflight } : {}), ...(actual ? { actual } : {}) });
  return { verdict: e.verdict, code: e.findings[0]?.code, evaluation: e };
}

describe('request side', () => {
  it('lists unsafe header names lower-cased, sorted and comma-joined, as browsers send them', () => {
    expect(
      requestHeadersValue(
        post({
          headers: [
            ['X-Stainless-OS', 'Linux'],
            ['Content-Type', 'application/json'],
            ['Authorization', 'x'],
          ],
        }),
      ),
    ).toBe('authorization,content-type,x-stainless-os');
  });
  it('treats text/plain, form and multipart content types as safelisted, JSON not', () => {
    expect(isSafelistedRequestHeader('content-type', 'text/plain;charset=UTF-8')).toBe(true);
    expect(isSafelistedRequestHeader('content-type', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isSafelistedRequestHeader('content-type', 'application/json')).toBe(false);
    expect(isSafelistedRequestHeader('accept', 'a'.repeat(129))).toBe(false);
    expect(isSafelistedRequestHeader('accept-language', 'en;q=0.9')).toBe(true);
    expect(isSafelistedRequestHeader('accept', 'text/(x)')).toBe(false);
  });
  it('makes safelisted headers unsafe when their values exceed 1 KiB together', () => {
    const many: HeaderLine[] = Array.from(
      { length: 9 },
      (_, i) => [`accept${i ? '-language' : ''}`, 'a'.repeat(120)] as HeaderLine,
    );
    expect(corsUnsafeHeaderNames(many)).toContain('accept');
  });
  it('needs no preflight for a simple GET or a text/plain POST, and one for PUT or JSON', () => {
    expect(needsPreflight(post({ method: 'GET', headers: [] }))).toBe(false);
    expect(needsPreflight(post({ headers: [['content-type', 'text/plain']] }))).toBe(false);
    expect(needsPreflight(post({ method: 'PUT', headers: [] }))).toBe(true);
    expect(needsPreflight(post())).toBe(true);
  });
  it('upper-cases only the six normalised methods', () => {
    expect(normalizeMethod('put')).toBe('PUT');
    expect(normalizeMethod('patch')).toBe('patch');
  });
});

describe('token lists', () => {
  it('accepts empty elements and spacing, rejects non-tokens', () => {
    expect(parseTokenList([['access-control-allow-methods', 'PUT,, POST ']], 'Access-Control-Allow-Methods')).toEqual([
      'PUT',
      'POST',
    ]);
    expect(parseTokenList([['ACAM', 'x']], 'access-control-allow-methods')).toBeNull();
    expect(parseTokenList([['access-control-allow-methods', 'PUT POST']], 'access-control-allow-methods')).toBe(
      'invalid',
    );
    expect(parseTokenList([['access-control-allow-headers', 'a;b']], 'access-control-allow-headers')).toBe('invalid');
    expect(
      parseTokenList(
        [
          ['a-c-a-h', 'a'],
          ['access-control-allow-headers', 'b'],
          ['Access-Control-Allow-Headers', 'c'],
        ],
        'access-control-allow-headers',
      ),
    ).toEqual(['b', 'c']);
  });
});

describe('preflight findings', () => {
  it('pass: a preflight that allows the method and headers, and an actual response with ACAO', () => {
    expect(first(post(), goodPreflight(), okActual()).verdict).toBe('pass');
  });
  it('PreflightDisallowedRedirect: a redirect is never followed', () => {
    expect(
      first(
        post(),
        ex(307, [
          ['Location', '/elsewhere'],
          ['Access-Control-Allow-Origin', '*'],
        ]),
      ),
    ).toMatchObject({ verdict: 'fail', code: 'PreflightDisallowedRedirect' });
  });
  it('PreflightInvalidStatus: a 404 that carries ACAO, and a 3xx without Location', () => {
    expect(first(post(), ex(404, [['Access-Control-Allow-Origin', '*']]))).toMatchObject({
      verdict: 'fail',
      code: 'PreflightInvalidStatus',
    });
    expect(first(post(), ex(300, [['Access-Control-Allow-Origin', '*']]))).toMatchObject({
      code: 'PreflightInvalidStatus',
    });
  });
  it('PreflightMissingAllowOriginHeader comes before the status, as Chromium reports it', () => {
    expect(first(post(), ex(404, [['Content-Type', 'text/html']]))).toMatchObject({
      verdict: 'fail',
      code: 'PreflightMissingAllowOriginHeader',
    });
    expect(first(post(), ex(200, [['Vary', 'Origin']]))).toMatchObject({ code: 'PreflightMissingAllowOriginHeader' });
  });
  it('PreflightMultipleAllowOriginValues: two lines, or two values in one', () => {
    expect(
      first(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['access-control-allow-origin', '*'],
        ]),
      ),
    ).toMatchObject({ code: 'PreflightMultipleAllowOriginValues' });
    expect(first(post(), ex(204, [['Access-Control-Allow-Origin', `${ORIGIN}, https://b.example`]]))).toMatchObject({
      code: 'PreflightMultipleAllowOriginValues',
    });
  });
  it('PreflightAllowOriginMismatch: another origin, null, case or a trailing slash', () => {
    for (const v of ['https://other.example', 'null', ORIGIN.toUpperCase(), `${ORIGIN}/`]) {
      expect(first(post(), ex(204, [['Access-Control-Allow-Origin', v]])).code).toBe('PreflightAllowOriginMismatch');
    }
  });
  it('PreflightInvalidAllowOriginValue: an empty or unparsable value', () => {
    expect(first(post(), ex(204, [['Access-Control-Allow-Origin', '']])).code).toBe('PreflightInvalidAllowOriginValue');
  });
  it('surrounding white space around ACAO is not part of the value', () => {
    expect(
      first(
        post({ headers: [], method: 'PUT' }),
        ex(204, [
          ['Access-Control-Allow-Origin', `  ${ORIGIN}\t`],
          ['Access-Control-Allow-Methods', 'PUT'],
        ]),
        okActual(),
      ).verdict,
    ).toBe('pass');
  });
  it('PreflightWildcardOriginNotAllowed: * with credentials', () => {
    expect(
      first(post({ credentials: 'include' }), goodPreflight([['Access-Control-Allow-Credentials', 'true']])),
    ).toMatchObject({ code: 'PreflightWildcardOriginNotAllowed' });
  });
  it('PreflightInvalidAllowCredentials: missing, True, or duplicated', () => {
    const acao: HeaderLine = ['Access-Control-Allow-Origin', ORIGIN];
    const acah: HeaderLine = ['Access-Control-Allow-Headers', 'authorization, content-type'];
    for (const extra of [
      [],
      [['Access-Control-Allow-Credentials', 'True']],
      [
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
    ] as HeaderLine[][]) {
      expect(first(post({ credentials: 'include' }), ex(204, [acao, acah, ...extra])).code).toBe(
        'PreflightInvalidAllowCredentials',
      );
    }
    expect(
      first(
        post({ credentials: 'include' }),
        ex(204, [acao, acah, ['Access-Control-Allow-Credentials', 'true']]),
        okActual([acao, ['Access-Control-Allow-Credentials', 'true']]),
      ).verdict,
    ).toBe('pass');
  });
  it('InvalidAllowMethodsPreflightResponse: a malformed list fails even for POST', () => {
    expect(first(post(), goodPreflight([['Access-Control-Allow-Methods', 'POST PUT']])).code).toBe(
      'InvalidAllowMethodsPreflightResponse',
    );
  });
  it('InvalidAllowHeadersPreflightResponse: a malformed list', () => {
    expect(
      first(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', 'authorization;content-type'],
        ]),
      ).code,
    ).toBe('InvalidAllowHeadersPreflightResponse');
  });
  it('MethodDisallowedByPreflightResponse: unlisted, wrong case, or * with credentials', () => {
    expect(
      first(
        post({ method: 'PUT', headers: [] }),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Methods', 'GET, POST'],
        ]),
      ).code,
    ).toBe('MethodDisallowedByPreflightResponse');
    expect(
      first(
        post({ method: 'patch', headers: [] }),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Methods', 'PATCH'],
        ]),
      ).code,
    ).toBe('MethodDisallowedByPreflightResponse');
    expect(
      first(
        post({ method: 'PUT', headers: [] }),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Methods', '*'],
        ]),
        okActual(),
      ).verdict,
    ).toBe('pass');
    const cred: HeaderLine[] = [
      ['Access-Control-Allow-Origin', ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', '*'],
    ];
    expect(first(post({ method: 'PUT', headers: [], credentials: 'include' }), ex(204, cred)).code).toBe(
      'MethodDisallowedByPreflightResponse',
    );
  });
  it('HeaderDisallowedByPreflightResponse: an SDK header not listed', () => {
    const r = first(post({ headers: [...json, ['x-stainless-os', 'Linux']] }), goodPreflight());
    expect(r).toMatchObject({ verdict: 'fail', code: 'HeaderDisallowedByPreflightResponse' });
    expect(r.evaluation.findings[0]!.message).toContain('x-stainless-os');
  });
  it('HeaderDisallowedByPreflightResponse: * is literal with credentials', () => {
    const h: HeaderLine[] = [
      ['Access-Control-Allow-Origin', ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Headers', '*'],
    ];
    expect(first(post({ credentials: 'include' }), ex(204, h)).code).toBe('HeaderDisallowedByPreflightResponse');
  });
  it('AuthorizationCoveredByWildcard: * relied on for Authorization is a warning, not a pass', () => {
    const r = first(
      post(),
      ex(204, [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Headers', '*'],
      ]),
      okActual(),
    );
    expect(r).toMatchObject({ verdict: 'warn', code: 'AuthorizationCoveredByWildcard' });
    // Every engine allows it today; only the standard and Chromium's deprecation say otherwise.
    const message = r.evaluation.findings[0]!.message;
    expect(message).toMatch(/Chromium, Firefox and Safari \(WebKit\) all accept this today/);
    expect(message).toContain('deprecated');
    expect(
      first(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', '*, Authorization'],
        ]),
        okActual(),
      ).verdict,
    ).toBe('pass');
  });
  it('NetworkError and Timeout give the error verdict', () => {
    expect(first(post(), down('ECONNREFUSED'))).toMatchObject({ verdict: 'error', code: 'NetworkError' });
    expect(first(post(), down('TIMEOUT'))).toMatchObject({ verdict: 'error', code: 'Timeout' });
  });
  it('max-age is informative: above 7200 s it notes the Chromium cap, never fails', () => {
    const r = first(post(), goodPreflight([['Access-Control-Max-Age', '43200']]), okActual());
    expect(r.verdict).toBe('pass');
    expect(r.evaluation.findings.find((f) => f.code === 'MaxAge')!.message).toContain('7200');
  });
});

describe('actual response findings', () => {
  it('MissingAllowOriginHeader on a 200, a 401 and a 500 after a good preflight', () => {
    for (const status of [200, 401, 500])
      expect(first(post(), goodPreflight(), okActual([], status))).toMatchObject({
        verdict: 'fail',
        code: 'MissingAllowOriginHeader',
      });
  });
  it('AllowOriginMismatch, MultipleAllowOriginValues, WildcardOriginNotAllowed, InvalidAllowCredentials', () => {
    expect(first(post(), goodPreflight(), okActual([['Access-Control-Allow-Origin', 'https://x.example']])).code).toBe(
      'AllowOriginMismatch',
    );
    expect(
      first(
        post(),
        goodPreflight(),
        okActual([
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Origin', '*'],
        ]),
      ).code,
    ).toBe('MultipleAllowOriginValues');
    const simple = post({ method: 'GET', headers: [], credentials: 'include' });
    expect(first(simple, undefined, okActual([['Access-Control-Allow-Origin', '*']])).code).toBe(
      'WildcardOriginNotAllowed',
    );
    expect(first(simple, undefined, okActual([['Access-Control-Allow-Origin', ORIGIN]])).code).toBe(
      'InvalidAllowCredentials',
    );
  });
  it('a simple request is judged by the actual response alone (NoPreflight)', () => {
    const simple = post({ method: 'GET', headers: [] });
    const r = first(simple, undefined, okActual());
    expect(r.verdict).toBe('pass');
    expect(r.evaluation.preflightNeeded).toBe(false);
    expect(r.evaluation.findings.map((f) => f.code)).toContain('NoPreflight');
  });
  it('an actual request that was not sent is noted (ActualNotChecked)', () => {
    expect(first(post(), goodPreflight()).evaluation.findings.map((f) => f.code)).toContain('ActualNotChecked');
  });
  it('an echoed origin without Vary: Origin is informative', () => {
    const r = first(
      post({ method: 'GET', headers: [] }),
      undefined,
      okActual([['Access-Control-Allow-Origin', ORIGIN]]),
    );
    expect(r.verdict).toBe('pass');
    expect(r.evaluation.findings.map((f) => f.code)).toContain('VaryOriginMissing');
  });
});

describe('the fix', () => {
  it('names the exact headers the responses need', () => {
    expect(requiredHeaders(post({ method: 'PUT', headers: [...json, ['x-api-key', 'k']] }), true)).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'authorization, content-type, x-api-key'],
      ['Access-Control-Max-Age', '7200'],
    ]);
    expect(requiredHeaders(post({ credentials: 'include', method: 'GET', headers: [] }), false)).toEqual([
      ['Access-Control-Allow-Origin', ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
  });
  it('corsCheck passes * without credentials', () => {
    expect(
      corsCheck(
        { status: 200, headers: [['access-control-allow-origin', '*']], body: '', bodyTruncated: false },
        post(),
        'actual',
      ),
    ).toBeNull();
  });
});

describe('request headers as fetch() sends them', () => {
  it('trims values and joins one name into one line before the safelist checks', async () => {
    const { sendableHeaders, corsUnsafeHeaderNames } = await import('../../../src/cors/fetch-rules.js');
    const { kept } = sendableHeaders(
      [
        ['content-type', 'text/plain'],
        ['Content-Type', ' text/plain '],
      ],
      'chromium',
    );
    expect(kept).toEqual([['content-type', 'text/plain, text/plain']]);
    expect(corsUnsafeHeaderNames(kept)).toEqual(['content-type']);
  });
  it('drops a method override that names a forbidden method', async () => {
    const { sendableHeaders } = await import('../../../src/cors/fetch-rules.js');
    expect(sendableHeaders([['X-HTTP-Method-Override', ' Trace ']], 'chromium')).toEqual({
      kept: [],
      dropped: ['x-http-method-override'],
    });
    expect(sendableHeaders([['x-http-method', 'get, connect']], 'firefox').kept).toEqual([]);
    expect(sendableHeaders([['x-http-method-override', 'GET']], 'chromium').kept).toHaveLength(1);
  });
  it('safelists Chromium client hints only for Chromium', async () => {
    const { isSafelistedRequestHeader } = await import('../../../src/cors/fetch-rules.js');
    expect(isSafelistedRequestHeader('dpr', '1.5', 'chromium')).toBe(true);
    expect(isSafelistedRequestHeader('dpr', '1.5', 'firefox')).toBe(false);
    expect(isSafelistedRequestHeader('width', '1.5', 'chromium')).toBe(false);
    expect(isSafelistedRequestHeader('save-data', 'ON', 'chromium')).toBe(true);
  });
});

describe('response edge cases', () => {
  it('a blank Location is no redirect, two different ones are a network error', () => {
    const blank = first(
      post(),
      ex(307, [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Headers', 'authorization, content-type'],
        ['Location', ''],
      ]),
    );
    expect(blank.code).toBe('PreflightInvalidStatus');
    const two = first(
      post(),
      goodPreflight(),
      okActual([
        ['Access-Control-Allow-Origin', '*'],
        ['Location', '/a'],
        ['location', '/b'],
      ]),
    );
    expect(two).toMatchObject({ verdict: 'error', code: 'NetworkError' });
    expect(
      first(
        post(),
        goodPreflight(),
        okActual([
          ['Access-Control-Allow-Origin', '*'],
          ['Location', '/a'],
          ['location', '/a'],
        ]),
      ).verdict,
    ).toBe('pass');
  });
  it('two different Content-Disposition lines are a network error, on the preflight and on the actual response', () => {
    const twoCd: HeaderLine[] = [
      ['Content-Disposition', 'attachment; filename="a.json"'],
      ['content-disposition', 'inline'],
    ];
    const pre = first(post(), goodPreflight(twoCd), okActual());
    expect(pre.evaluation.findings).toEqual([
      {
        code: 'NetworkError',
        level: 'error',
        on: 'preflight',
        message:
          'The response has 2 different content-disposition headers; browsers refuse it (net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION).',
      },
    ]);
    expect(pre.verdict).toBe('error');
    const actual = first(post(), goodPreflight(), okActual([['Access-Control-Allow-Origin', '*'], ...twoCd]));
    expect(actual).toMatchObject({ verdict: 'error', code: 'NetworkError' });
    expect(actual.evaluation.findings[0]).toMatchObject({
      on: 'actual',
      message: expect.stringContaining('net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION'),
    });
    // The same value twice is one value: no conflict.
    const same: HeaderLine[] = [
      ['Content-Disposition', 'inline'],
      ['content-disposition', 'inline'],
    ];
    expect(first(post(), goodPreflight(same), okActual([['Access-Control-Allow-Origin', '*'], ...same])).verdict).toBe(
      'pass',
    );
  });
  it('an Allow-Origin with a space is multiple values; a parsable URL that is not the origin is a mismatch', () => {
    const simple = post({ method: 'GET', headers: [] });
    expect(
      first(simple, undefined, okActual([['Access-Control-Allow-Origin', 'https://a.example https://b.example']])).code,
    ).toBe('MultipleAllowOriginValues');
    expect(first(simple, undefined, okActual([['Access-Control-Allow-Origin', 'foo:bar']])).code).toBe(
      'AllowOriginMismatch',
    );
    expect(first(simple, undefined, okActual([['Access-Control-Allow-Origin', '%%%']])).code).toBe(
      'InvalidAllowOriginValue',
    );
  });
});

describe('findings in full: code, level, phase and the words a browser uses', () => {
  const all = (req: CorsRequest, preflight?: Exchange, actual?: Exchange, more = {}) =>
    evaluate(req, { ...(preflight ? { preflight } : {}), ...(actual ? { actual } : {}), ...more }).findings;
  const LEAD = "Response to preflight request doesn't pass access control check: ";
  const simple = post({ method: 'GET', headers: [] });
  const NO_MAX_AGE: Finding = {
    code: 'MaxAge',
    level: 'info',
    on: 'preflight',
    message:
      'No Access-Control-Max-Age: browsers cache this preflight for 5 seconds, so most calls pay for a second round trip.',
  };
  const NO_EXPOSE: Finding = {
    code: 'ExposeHeaders',
    level: 'info',
    on: 'actual',
    message:
      'No Access-Control-Expose-Headers: the page can read only the safelisted response headers (no rate-limit or request-id headers).',
  };
  const fail = (code: string, message: string, on: 'preflight' | 'actual' = 'preflight'): Finding => ({
    code,
    level: 'fail',
    on,
    message: (on === 'preflight' ? LEAD : '') + message,
  });
  /** A preflight answered 404 without CORS headers: the missing header, and the status beside it. */
  const PREFLIGHT_404: Finding[] = [
    fail(
      'PreflightMissingAllowOriginHeader',
      "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ),
    {
      code: 'PreflightStatus',
      level: 'info',
      on: 'preflight',
      message: 'The preflight was answered with status 404.',
    },
  ];

  it('the CORS check, on the preflight and on the actual response', () => {
    const cases: [HeaderLine[], CorsRequest, string, string][] = [
      [
        [],
        post(),
        'MissingAllowOriginHeader',
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      ],
      [
        [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Origin', '*'],
        ],
        post(),
        'MultipleAllowOriginValues',
        "The 'Access-Control-Allow-Origin' header is sent 2 times; it must be sent once with one value.",
      ],
      [
        [['Access-Control-Allow-Origin', '*']],
        post({ credentials: 'include' }),
        'WildcardOriginNotAllowed',
        "The value of the 'Access-Control-Allow-Origin' header must not be the wildcard '*' when the request's credentials mode is 'include'.",
      ],
      [
        [['Access-Control-Allow-Origin', `${ORIGIN},${ORIGIN}`]],
        post(),
        'MultipleAllowOriginValues',
        "The 'Access-Control-Allow-Origin' header contains multiple values, but only one is allowed.",
      ],
      [
        [['Access-Control-Allow-Origin', 'https://other.example']],
        post(),
        'AllowOriginMismatch',
        `The 'Access-Control-Allow-Origin' header has a value that is not equal to the supplied origin ${ORIGIN}.`,
      ],
      [
        [['Access-Control-Allow-Origin', ORIGIN]],
        post({ credentials: 'include' }),
        'InvalidAllowCredentials',
        "The value of the 'Access-Control-Allow-Credentials' header must be exactly 'true' when the request's credentials mode is 'include'.",
      ],
    ];
    for (const [headers, req, code, message] of cases) {
      expect(corsCheck({ status: 200, headers, body: '', bodyTruncated: false }, req, 'actual')).toEqual(
        fail(code, message, 'actual'),
      );
      expect(corsCheck({ status: 200, headers, body: '', bodyTruncated: false }, req, 'preflight')).toEqual(
        fail(`Preflight${code.replace(/^(Preflight)?/, '')}`, message),
      );
    }
  });

  it('Allow-Credentials lines are joined as one value: two halves of true are not true', () => {
    const acao: HeaderLine = ['Access-Control-Allow-Origin', ORIGIN];
    const halves: HeaderLine[] = [
      acao,
      ['Access-Control-Allow-Credentials', 'tr'],
      ['Access-Control-Allow-Credentials', 'ue'],
    ];
    expect(
      corsCheck(
        { status: 200, headers: halves, body: '', bodyTruncated: false },
        post({ credentials: 'include' }),
        'actual',
      )?.code,
    ).toBe('InvalidAllowCredentials');
  });

  it('white space around values: every space or tab at either end, of each line and each list item', () => {
    expect(
      first(
        post({ method: 'PUT', headers: [] }),
        ex(204, [
          ['Access-Control-Allow-Origin', ` \t${ORIGIN} \t`],
          ['Access-Control-Allow-Methods', 'GET  ,  PUT \t'],
        ]),
        okActual(),
      ).verdict,
    ).toBe('pass');
    expect(parseTokenList([['x', 'a \t,\t  b']], 'x')).toEqual(['a', 'b']);
  });

  it('a preflight that fails its CORS check with a bad status notes the status too', () => {
    expect(all(post(), ex(404, [['Content-Type', 'text/html']]))).toEqual(PREFLIGHT_404);
    expect(all(post(), ex(199, [])).map((f) => f.code)).toEqual([
      'PreflightMissingAllowOriginHeader',
      'PreflightStatus',
    ]);
    // An ok status is not noted.
    for (const status of [200, 299])
      expect(all(post(), ex(status, [])).map((f) => f.code)).toEqual(['PreflightMissingAllowOriginHeader']);
  });

  it('a preflight status is ok from 200 to 299', () => {
    const cors: HeaderLine[] = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
    ];
    expect(first(post(), ex(299, cors), okActual()).verdict).toBe('pass');
    for (const status of [199, 300])
      expect(all(post(), ex(status, cors))).toEqual([
        fail('PreflightInvalidStatus', `It does not have HTTP ok status (status ${status}).`),
      ]);
  });

  it('a Location is a redirect only on a redirect status', () => {
    const e = first(post(), goodPreflight([['Location', '/elsewhere']]), okActual());
    expect(e.verdict).toBe('pass');
    expect(all(post(), ex(308, [['Location', '/x']]))).toEqual([
      fail('PreflightDisallowedRedirect', 'Redirect is not allowed for a preflight request (status 308).'),
    ]);
  });

  it('two different Location lines: the message names them', () => {
    expect(
      all(
        post(),
        goodPreflight([
          ['Location', '/a'],
          ['Location', '/b'],
        ]),
      ),
    ).toEqual([
      {
        code: 'NetworkError',
        level: 'error',
        on: 'preflight',
        message:
          'The response has 2 different location headers; browsers refuse it (net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION).',
      },
    ]);
  });

  it('no answer: the phase and the reason', () => {
    expect(all(post(), down('ECONNRESET'))).toEqual([
      { code: 'NetworkError', level: 'error', on: 'preflight', message: 'Preflight failed: ECONNRESET' },
    ]);
    expect(all(post(), goodPreflight(), { ...down('TIMEOUT'), method: 'POST' })).toEqual([
      { code: 'Timeout', level: 'error', on: 'actual', message: 'Request failed: TIMEOUT' },
      NO_MAX_AGE,
    ]);
    expect(all(simple, undefined, down('ECONNREFUSED'))[0]).toEqual({
      code: 'NetworkError',
      level: 'error',
      on: 'actual',
      message: 'Request failed: ECONNREFUSED',
    });
  });

  it('unparsable allow lists, a method or a header not allowed', () => {
    expect(all(post(), goodPreflight([['Access-Control-Allow-Methods', 'a b']]))).toEqual([
      fail(
        'InvalidAllowMethodsPreflightResponse',
        'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
      ),
    ]);
    expect(
      all(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', 'a b'],
        ]),
      ),
    ).toEqual([
      fail(
        'InvalidAllowHeadersPreflightResponse',
        'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
      ),
    ]);
    expect(all(post({ method: 'PUT', headers: [] }), ex(204, [['Access-Control-Allow-Origin', '*']]))).toEqual([
      {
        code: 'MethodDisallowedByPreflightResponse',
        level: 'fail',
        on: 'preflight',
        message: 'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
      },
    ]);
    expect(
      all(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', 'content-type'],
        ]),
      ),
    ).toEqual([
      {
        code: 'HeaderDisallowedByPreflightResponse',
        level: 'fail',
        on: 'preflight',
        message:
          'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
      },
    ]);
  });

  it('Authorization through * is a warning that says what to list', () => {
    expect(
      all(
        post(),
        ex(204, [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', '*'],
          ['Access-Control-Max-Age', '600'],
        ]),
      ),
    ).toEqual([
      {
        code: 'AuthorizationCoveredByWildcard',
        level: 'warn',
        on: 'preflight',
        message:
          "Authorization is allowed only through 'Access-Control-Allow-Headers: *'. Chromium, Firefox and Safari (WebKit) all accept this today, but the Fetch standard does not and Chromium has deprecated it: list 'authorization' explicitly.",
      },
      { code: 'MaxAge', level: 'info', on: 'preflight', message: 'Access-Control-Max-Age 600 s.' },
      {
        code: 'ActualNotChecked',
        level: 'info',
        message:
          'The actual request was not sent (actual: false): a missing Access-Control-Allow-Origin on the real response would go unnoticed.',
      },
    ]);
  });

  it('max-age: none, not a number, capped, or as sent', () => {
    const maxAge = (...values: string[]) =>
      all(post(), goodPreflight(values.map((v) => ['Access-Control-Max-Age', v] as HeaderLine))).find(
        (f) => f.code === 'MaxAge',
      );
    expect(maxAge()).toEqual(NO_MAX_AGE);
    const nan = { ...NO_MAX_AGE, message: 'Access-Control-Max-Age is not a number: browsers use 5 seconds.' };
    for (const v of [['abc'], ['x600'], ['600x'], ['-1'], ['10', '10']]) expect(maxAge(...v)).toEqual(nan);
    expect(maxAge('7200')).toEqual({ ...NO_MAX_AGE, message: 'Access-Control-Max-Age 7200 s.' });
    expect(maxAge('7201')).toEqual({
      ...NO_MAX_AGE,
      message: 'Access-Control-Max-Age 7201 s: Chromium caps it at 7200 s.',
    });
    expect(maxAge('0')).toEqual({ ...NO_MAX_AGE, message: 'Access-Control-Max-Age 0 s.' });
  });

  it('the actual response: Vary, exposed headers and a 401 or 403 are noted', () => {
    const echo: HeaderLine = ['Access-Control-Allow-Origin', ORIGIN];
    const VARY: Finding = {
      code: 'VaryOriginMissing',
      level: 'info',
      on: 'actual',
      message:
        'Access-Control-Allow-Origin echoes the origin but Vary does not name Origin: a shared cache may serve this answer to another origin.',
    };
    const NO_PREFLIGHT: Finding = {
      code: 'NoPreflight',
      level: 'info',
      message:
        'A CORS-simple request (safelisted method and headers): a browser sends no preflight and judges the actual response alone.',
    };
    expect(all(simple, undefined, okActual([echo]))).toEqual([NO_PREFLIGHT, VARY, NO_EXPOSE]);
    for (const vary of [['Accept, Origin'], ['accept', ' ORIGIN '], ['*']]) {
      expect(all(simple, undefined, okActual([echo, ...vary.map((v) => ['Vary', v] as HeaderLine)]))).toEqual([
        NO_PREFLIGHT,
        NO_EXPOSE,
      ]);
    }
    expect(all(simple, undefined, okActual([['Access-Control-Allow-Origin', '*']]))).toEqual([NO_PREFLIGHT, NO_EXPOSE]);
    expect(
      all(
        simple,
        undefined,
        okActual([
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Expose-Headers', 'x-a'],
          ['access-control-expose-headers', 'x-b'],
        ]),
      ),
    ).toEqual([
      NO_PREFLIGHT,
      { ...NO_EXPOSE, message: 'Readable response headers beyond the safelisted ones: x-a, x-b.' },
    ]);
    for (const status of [401, 403]) {
      expect(all(simple, undefined, okActual([['Access-Control-Allow-Origin', '*']], status))).toEqual([
        NO_PREFLIGHT,
        NO_EXPOSE,
        {
          code: 'ActualStatus',
          level: 'info',
          on: 'actual',
          message: `The actual request was answered with status ${status}, readable by the page (the probe sends a placeholder key).`,
        },
      ]);
    }
    for (const status of [200, 404, 500])
      expect(all(simple, undefined, okActual([['Access-Control-Allow-Origin', '*']], status))).toEqual([
        NO_PREFLIGHT,
        NO_EXPOSE,
      ]);
  });

  it('a blocked preflight stops there: the actual response is not judged', () => {
    expect(all(post(), ex(404, []), okActual([]))).toEqual(PREFLIGHT_404);
  });

  it('a simple request ignores a preflight it would not send, and notes no unsent actual request', () => {
    expect(all(simple, ex(404, []), okActual())).toEqual(all(simple, undefined, okActual()));
    expect(all(simple).map((f) => f.code)).toEqual(['NoPreflight']);
    expect(all(post(), ex(404, [])).map((f) => f.code)).not.toContain('ActualNotChecked');
  });

  it('findings from redirects and notes count toward the verdict', () => {
    const hop: Finding = { code: 'RedirectX', level: 'fail', on: 'actual', message: 'hop' };
    const note: Finding = { code: 'NoteX', level: 'warn', message: 'note' };
    const r = evaluate(post(), { preflight: goodPreflight(), redirectFindings: [hop] });
    expect(r).toMatchObject({ verdict: 'fail', findings: [hop, NO_MAX_AGE] });
    const n = evaluate(post(), { preflight: goodPreflight(), actual: okActual(), notes: [note] });
    expect(n.verdict).toBe('warn');
    expect(n.findings.map((f) => f.code)).toEqual(['NoteX', 'MaxAge', 'ExposeHeaders']);
  });

  it('the fix for a POST that needs a preflight for its headers only: no Allow-Methods; no Allow-Headers without headers', () => {
    expect(requiredHeaders(post(), true)).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ['Access-Control-Max-Age', '7200'],
    ]);
    expect(requiredHeaders(post({ method: 'PUT', headers: [] }), true)).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Max-Age', '7200'],
    ]);
  });
});

describe('origins other than a web page', () => {
  // A file:// page or a sandboxed iframe sends Origin: null; an extension without host
  // permissions, or an app's own scheme, sends its origin. All are ordinary CORS.
  const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  const preflightFor = (acao: string, extra: HeaderLine[] = []) =>
    ex(204, [
      ['Access-Control-Allow-Origin', acao],
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ...extra,
    ]);
  for (const origin of ['null', EXTENSION, 'app://obsidian.md']) {
    it(`${origin}: Allow-Origin * or the origin itself passes, none fails`, () => {
      const req = post({ origin });
      for (const acao of ['*', origin]) {
        expect(first(req, preflightFor(acao), okActual([['Access-Control-Allow-Origin', acao]])).verdict, acao).toBe(
          'pass',
        );
      }
      expect(first(req, ex(204, []), okActual()).code).toBe('PreflightMissingAllowOriginHeader');
      expect(first(req, preflightFor(origin), okActual([])).code).toBe('MissingAllowOriginHeader');
      expect(first(req, preflightFor('https://app.example'), okActual()).code).toBe('PreflightAllowOriginMismatch');
    });
  }
  it('null with credentials: Allow-Origin null and Allow-Credentials true pass, * fails', () => {
    const req = post({ origin: 'null', credentials: 'include' });
    const cred: HeaderLine[] = [['Access-Control-Allow-Credentials', 'true']];
    expect(
      first(req, preflightFor('null', cred), okActual([['Access-Control-Allow-Origin', 'null'], ...cred])).verdict,
    ).toBe('pass');
    expect(first(req, preflightFor('*', cred), okActual()).code).toBe('PreflightWildcardOriginNotAllowed');
    expect(first(req, preflightFor('null'), okActual()).code).toBe('PreflightInvalidAllowCredentials');
  });
  it('a simple GET from null is judged on its one response', () => {
    const get = post({ origin: 'null', method: 'GET', headers: [] });
    expect(first(get, undefined, okActual([['Access-Control-Allow-Origin', 'null']])).verdict).toBe('pass');
    expect(first(get, undefined, okActual([])).code).toBe('MissingAllowOriginHeader');
  });
});
