// The requests a browser sends for the page's fetch(): the request after the
// browser's own normalisation, the preflight's headers, the actual request's,
// and the request it re-sends after a redirect.
import { type CorsRequest, requestHeadersValue } from '../cors/evaluate.js';
import { extensionSendsOrigin } from '../cors/extension.js';
import { normalizeMethod, sendableHeaders } from '../cors/fetch-rules.js';
import { PLACEHOLDER_KEY } from '../secrets.js';
import type { Endpoint, HeaderLine } from '../types.js';
import { VERSION } from '../version.js';

export const USER_AGENT = `cors-gate/${VERSION}`;

/** The request as the browser turns the page's fetch() into it. */
export function browserRequest(e: Endpoint): { request: CorsRequest; dropped: string[] } {
  const { kept, dropped } = sendableHeaders(e.headers, e.browser);
  return {
    request: {
      origin: e.origin,
      method: normalizeMethod(e.method),
      headers: kept,
      credentials: e.credentials,
      browser: e.browser,
    },
    dropped,
  };
}

export function preflightHeaders(req: CorsRequest): HeaderLine[] {
  const lines: HeaderLine[] = [
    ['Accept', '*/*'],
    ['Origin', req.origin],
    ['Access-Control-Request-Method', req.method],
  ];
  const names = requestHeadersValue(req);
  if (names) lines.push(['Access-Control-Request-Headers', names]);
  lines.push(['User-Agent', USER_AGENT]);
  return lines;
}

export function actualHeaders(req: CorsRequest): HeaderLine[] {
  const lines: HeaderLine[] = [...req.headers, ['Origin', req.origin]];
  if (!req.headers.some(([n]) => n.toLowerCase() === 'accept')) lines.unshift(['Accept', '*/*']);
  if (!req.headers.some(([n]) => n.toLowerCase() === 'user-agent')) lines.push(['User-Agent', USER_AGENT]);
  return lines;
}

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
export function redirectedRequest(
  req: CorsRequest,
  status: number,
  from: string,
  to: string,
  secrets: readonly string[] = [],
): { request: CorsRequest; keepBody: boolean } {
  let method = req.method;
  let headers = req.headers;
  let keepBody = true;
  if (
    ((status === 301 || status === 302) && method === 'POST') ||
    (status === 303 && method !== 'GET' && method !== 'HEAD')
  ) {
    method = 'GET';
    headers = headers.filter(([n]) => !BODY_HEADERS.has(n.toLowerCase()));
    keepBody = false;
  }
  const fromOrigin = new URL(from).origin;
  const crossOrigin = new URL(to).origin !== fromOrigin;
  if (crossOrigin) {
    headers = headers
      .filter(([n]) => n.toLowerCase() !== 'authorization')
      .map(([n, v]) =>
        secrets.some((k) => k && v.includes(k)) ? ([n, PLACEHOLDER_KEY] as HeaderLine) : ([n, v] as HeaderLine),
      );
  }
  const tainted = crossOrigin && req.origin !== fromOrigin;
  return { request: { ...req, method, headers, origin: tainted ? 'null' : req.origin }, keepBody };
}

/**
 * What an extension with host permissions sends: the page's headers, and
 * Origin only on a request other than GET and HEAD (Chromium and Firefox alike).
 */
export function extensionHeaders(req: CorsRequest, withOrigin = true): HeaderLine[] {
  const lines = actualHeaders(req);
  return withOrigin && extensionSendsOrigin(req.method) ? lines : lines.filter(([n]) => n !== 'Origin');
}
