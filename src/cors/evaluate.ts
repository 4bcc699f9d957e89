// The browser's decision, as a pure function of the request and the raw responses.
// Follows the Fetch standard's CORS check (https://fetch.spec.whatwg.org/#cors-check)
// and CORS-preflight fetch (#cors-preflight-fetch), in the order Chromium applies
// them, with finding codes named as Chromium DevTools names its CORS errors.

import type {
  Browser,
  CredentialsMode,
  Evaluation,
  Exchange,
  Finding,
  HeaderLine,
  RawResponse,
  Verdict,
} from '../types.js';
import { corsUnsafeHeaderNames, isNonWildcardHeaderName, isSafelistedMethod } from './fetch-rules.js';

/** The request as the page's fetch() makes it, after the browser's own normalisation. */
export interface CorsRequest {
  origin: string;
  method: string;
  /** Only headers the browser actually sends (forbidden ones already dropped). */
  headers: readonly HeaderLine[];
  credentials: CredentialsMode;
  /** Chromium safelists a few client-hint headers beyond the standard. */
  browser?: Browser;
}

export const CHROMIUM_MAX_AGE_CAP = 7200;
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function needsPreflight(req: CorsRequest): boolean {
  return !isSafelistedMethod(req.method) || corsUnsafeHeaderNames(req.headers, req.browser).length > 0;
}

/** The Access-Control-Request-Headers value a browser sends: lower-case, sorted, comma-joined. */
export function requestHeadersValue(req: CorsRequest): string {
  return corsUnsafeHeaderNames(req.headers, req.browser).join(',');
}

/** Every value of a header, one entry per line, trimmed of HTTP whitespace. */
export function headerValues(headers: readonly HeaderLine[], name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [n, v] of headers) if (n.toLowerCase() === lower) out.push(v.replace(/^[ \t]+|[ \t]+$/g, ''));
  return out;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Parses a `#token` list (Access-Control-Allow-Methods / -Headers) across all its
 * lines. Empty elements are allowed, anything that is not a token makes the whole
 * header invalid, as the standard's "extract header list values" does.
 */
export function parseTokenList(headers: readonly HeaderLine[], name: string): string[] | 'invalid' | null {
  const lines = headerValues(headers, name);
  if (lines.length === 0) return null;
  const items: string[] = [];
  for (const line of lines) {
    for (const raw of line.split(',')) {
      const item = raw.replace(/^[ \t]+|[ \t]+$/g, '');
      if (item === '') continue;
      if (!TOKEN.test(item)) return 'invalid';
      items.push(item);
    }
  }
  return items;
}

type Phase = 'preflight' | 'actual';

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
} as const;

const LEAD: Record<Phase, string> = {
  preflight: "Response to preflight request doesn't pass access control check: ",
  actual: '',
};

function fail(on: Phase, code: string, message: string): Finding {
  return { code, level: 'fail', message: LEAD[on] + message, on };
}

/** The standard's CORS check, applied to one response. */
export function corsCheck(res: RawResponse, req: CorsRequest, on: Phase): Finding | null {
  const codes = CODES[on];
  const values = headerValues(res.headers, 'access-control-allow-origin');
  if (values.length === 0) {
    return fail(on, codes.missing, "No 'Access-Control-Allow-Origin' header is present on the requested resource.");
  }
  if (values.length > 1) {
    return fail(
      on,
      codes.multiple,
      `The 'Access-Control-Allow-Origin' header is sent ${values.length} times; it must be sent once with one value.`,
    );
  }
  const value = values[0]!;
  if (value === '*') {
    if (req.credentials === 'include') {
      return fail(
        on,
        codes.wildcard,
        "The value of the 'Access-Control-Allow-Origin' header must not be the wildcard '*' when the request's credentials mode is 'include'.",
      );
    }
  } else {
    // Chromium reads a space or a comma as a list of origins.
    if (/[ ,]/.test(value)) {
      return fail(
        on,
        codes.multiple,
        "The 'Access-Control-Allow-Origin' header contains multiple values, but only one is allowed.",
      );
    }
    if (value !== req.origin) {
      const code = value === 'null' || isParsableOrigin(value) ? codes.mismatch : codes.invalid;
      return fail(
        on,
        code,
        `The 'Access-Control-Allow-Origin' header has a value that is not equal to the supplied origin ${req.origin}.`,
      );
    }
  }
  if (req.credentials === 'include') {
    const acac = headerValues(res.headers, 'access-control-allow-credentials').join(', ');
    if (acac !== 'true') {
      return fail(
        on,
        codes.credentials,
        "The value of the 'Access-Control-Allow-Credentials' header must be exactly 'true' when the request's credentials mode is 'include'.",
      );
    }
  }
  return null;
}

/** Chromium calls a value it can parse as a URL a mismatch, anything else invalid. */
function isParsableOrigin(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a response redirects to: a non-blank Location on a redirect status.
 * Chromium hands a redirect status with a blank Location to the page as is.
 */
export function redirectTarget(res: RawResponse): string | undefined {
  if (!REDIRECT_STATUSES.has(res.status)) return undefined;
  const location = headerValues(res.headers, 'location')[0];
  return location ? location : undefined;
}

/** Two different Location (or Content-Disposition) lines make Chromium drop the response as a network error. */
function conflictingHeaders(res: RawResponse, on: Phase): Finding | null {
  for (const name of ['location', 'content-disposition']) {
    const values = new Set(headerValues(res.headers, name));
    if (values.size > 1) {
      const error =
        name === 'location'
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

export function networkFinding(on: Phase, ex: Exchange): Finding {
  const e = ex.error!;
  return {
    code: e.code === 'TIMEOUT' ? 'Timeout' : 'NetworkError',
    level: 'error',
    message: `${on === 'preflight' ? 'Preflight' : 'Request'} failed: ${e.message}`,
    on,
  };
}

/** The browser's decision on the preflight alone. Blocking finding first. */
export function evaluatePreflight(req: CorsRequest, ex: Exchange): Finding[] {
  if (!ex.response) return [networkFinding('preflight', ex)];
  const res = ex.response;
  const out: Finding[] = [];
  const conflict = conflictingHeaders(res, 'preflight');
  if (conflict) return [conflict];
  if (redirectTarget(res) !== undefined) {
    return [
      fail(
        'preflight',
        'PreflightDisallowedRedirect',
        `Redirect is not allowed for a preflight request (status ${res.status}).`,
      ),
    ];
  }
  const access = corsCheck(res, req, 'preflight');
  if (access) return [access, ...statusInfo(res)];
  if (res.status < 200 || res.status > 299) {
    return [fail('preflight', 'PreflightInvalidStatus', `It does not have HTTP ok status (status ${res.status}).`)];
  }
  const methods = parseTokenList(res.headers, 'access-control-allow-methods');
  if (methods === 'invalid') {
    return [
      fail(
        'preflight',
        'InvalidAllowMethodsPreflightResponse',
        'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
      ),
    ];
  }
  const allowed = parseTokenList(res.headers, 'access-control-allow-headers');
  if (allowed === 'invalid') {
    return [
      fail(
        'preflight',
        'InvalidAllowHeadersPreflightResponse',
        'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
      ),
    ];
  }
  const credentialed = req.credentials === 'include';
  const methodList = methods ?? [];
  if (
    !isSafelistedMethod(req.method) &&
    !methodList.includes(req.method) &&
    (credentialed || !methodList.includes('*'))
  ) {
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
  for (const name of corsUnsafeHeaderNames(req.headers, req.browser)) {
    if (allowedLower.has(name)) continue;
    if (wildcard && isNonWildcardHeaderName(name)) {
      // The standard never lets `*` cover Authorization; Chromium, Firefox and WebKit still do (Chromium with a deprecation notice).
      out.push({
        code: 'AuthorizationCoveredByWildcard',
        level: 'warn',
        on: 'preflight',
        message:
          "Authorization is allowed only through 'Access-Control-Allow-Headers: *'. Chromium, Firefox and Safari (WebKit) all accept this today, but the Fetch standard does not and Chromium has deprecated it: list 'authorization' explicitly.",
      });
      continue;
    }
    if (wildcard) continue;
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

function statusInfo(res: RawResponse): Finding[] {
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

function preflightInfo(res: RawResponse): Finding[] {
  const out: Finding[] = [];
  const maxAge = headerValues(res.headers, 'access-control-max-age');
  if (maxAge.length === 0) {
    out.push({
      code: 'MaxAge',
      level: 'info',
      on: 'preflight',
      message:
        'No Access-Control-Max-Age: browsers cache this preflight for 5 seconds, so most calls pay for a second round trip.',
    });
  } else {
    const seconds = /^\d+$/.test(maxAge.join(', ')) ? Number(maxAge[0]) : NaN;
    if (Number.isNaN(seconds)) {
      out.push({
        code: 'MaxAge',
        level: 'info',
        on: 'preflight',
        message: 'Access-Control-Max-Age is not a number: browsers use 5 seconds.',
      });
    } else if (seconds > CHROMIUM_MAX_AGE_CAP) {
      out.push({
        code: 'MaxAge',
        level: 'info',
        on: 'preflight',
        message: `Access-Control-Max-Age ${seconds} s: Chromium caps it at ${CHROMIUM_MAX_AGE_CAP} s.`,
      });
    } else {
      out.push({ code: 'MaxAge', level: 'info', on: 'preflight', message: `Access-Control-Max-Age ${seconds} s.` });
    }
  }
  return out;
}

function actualInfo(res: RawResponse, req: CorsRequest): Finding[] {
  const out: Finding[] = [];
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
      message:
        'Access-Control-Allow-Origin echoes the origin but Vary does not name Origin: a shared cache may serve this answer to another origin.',
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
export function evaluateActual(req: CorsRequest, ex: Exchange): Finding[] {
  if (!ex.response) return [networkFinding('actual', ex)];
  const res = ex.response;
  const conflict = conflictingHeaders(res, 'actual');
  if (conflict) return [conflict];
  const access = corsCheck(res, req, 'actual');
  if (access) return [access];
  return actualInfo(res, req);
}

export function isBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === 'fail' || f.level === 'error');
}

export const LEVEL_ORDER = { fail: 0, error: 0, warn: 1, info: 2 } as const;

/** What a browser decides for the whole call. */
export function evaluate(
  req: CorsRequest,
  exchanges: {
    preflight?: Exchange;
    /** What the preflight was found to say, when the caller has already judged it (to decide on sending the actual request). */
    preflightFindings?: readonly Finding[];
    actual?: Exchange;
    /** After redirects: the request as the browser re-sent it (method, origin may change). */
    finalRequest?: CorsRequest;
    /** Findings gathered while following redirects (a blocked hop ends the chain). */
    redirectFindings?: Finding[];
    /** Findings from outside the CORS algorithm (the authenticated check, dropped headers, malformed HTTP); they count toward the verdict. */
    notes?: Finding[];
    /** The server was not taking requests (502/503/504/429 after the retries): no usable answer, nothing to judge. */
    unavailable?: Finding;
  },
): Evaluation {
  const preflightNeeded = needsPreflight(req);
  if (exchanges.unavailable) {
    const findings = [exchanges.unavailable, ...(exchanges.notes ?? [])].sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
    );
    return { verdict: 'error', findings, preflightNeeded, fix: requiredHeaders(req, preflightNeeded) };
  }
  const findings: Finding[] = [];
  if (preflightNeeded && exchanges.preflight)
    findings.push(...(exchanges.preflightFindings ?? evaluatePreflight(req, exchanges.preflight)));
  if (exchanges.redirectFindings) findings.push(...exchanges.redirectFindings);
  const last = exchanges.finalRequest ?? req;
  if (!preflightNeeded) {
    findings.push({
      code: 'NoPreflight',
      level: 'info',
      message:
        'A CORS-simple request (safelisted method and headers): a browser sends no preflight and judges the actual response alone.',
    });
  }
  if (exchanges.actual && !isBlocking(findings)) findings.push(...evaluateActual(last, exchanges.actual));
  else if (preflightNeeded && !exchanges.actual && !isBlocking(findings)) {
    findings.push({
      code: 'ActualNotChecked',
      level: 'info',
      message:
        'The actual request was not sent (actual: false): a missing Access-Control-Allow-Origin on the real response would go unnoticed.',
    });
  }
  if (exchanges.notes) findings.push(...exchanges.notes);
  findings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return { verdict: verdictOf(findings), findings, preflightNeeded, fix: requiredHeaders(req, preflightNeeded) };
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const first = findings[0];
  if (!first) return 'pass';
  if (first.level === 'fail') return 'fail';
  if (first.level === 'error') return 'error';
  return findings.some((f) => f.level === 'warn') ? 'warn' : 'pass';
}

/** The response headers that make this exact call work, to show as the fix. */
export function requiredHeaders(req: CorsRequest, preflightNeeded: boolean): HeaderLine[] {
  const credentialed = req.credentials === 'include';
  const out: HeaderLine[] = [['Access-Control-Allow-Origin', credentialed ? req.origin : '*']];
  if (credentialed) out.push(['Access-Control-Allow-Credentials', 'true']);
  if (!preflightNeeded) return out;
  if (!isSafelistedMethod(req.method)) out.push(['Access-Control-Allow-Methods', req.method]);
  const names = corsUnsafeHeaderNames(req.headers, req.browser);
  if (names.length) out.push(['Access-Control-Allow-Headers', names.join(', ')]);
  out.push(['Access-Control-Max-Age', String(CHROMIUM_MAX_AGE_CAP)]);
  return out;
}
