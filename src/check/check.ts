// The check for each endpoint: the request a browser would make, the preflight
// when one is needed, the actual request only if the preflight lets it through.

import type { Dispatcher } from 'undici';
import {
  type CorsRequest,
  evaluate,
  evaluateActual,
  evaluatePreflight,
  isBlocking,
  needsPreflight,
  redirectTarget,
  requestHeadersValue,
} from '../cors/evaluate.js';
import { normalizeMethod, sendableHeaders } from '../cors/fetch-rules.js';
import { PLACEHOLDER_KEY } from '../secrets.js';
import type { CheckResult, Endpoint, Exchange, Finding, HeaderLine } from '../types.js';
import { VERSION } from '../version.js';
import { streamFindings } from './authenticated.js';
import { createDispatcher, type ProbeOptions, send as sendRequest } from './probe.js';
import { Slots } from './slots.js';

export interface CheckOptions {
  timeoutMs: number;
  concurrency: number;
  dispatcher?: Dispatcher;
  /** Called as each endpoint finishes (progress output). */
  onResult?: (result: CheckResult, done: number, total: number) => void;
}

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

/** However many hops, one endpoint never takes longer than this many timeouts. */
export const ENDPOINT_DEADLINE_TIMEOUTS = 3;

export async function checkEndpoint(
  e: Endpoint,
  probe: ProbeOptions,
  slots: Slots = new Slots(1),
): Promise<CheckResult> {
  let sent = 0;
  let deadline = 0;
  const send = (method: string, url: string, headers: HeaderLine[], body: string | undefined) =>
    slots.run(sent++ === 0 ? 'start' : 'continue', () => {
      // The endpoint's clock starts with its first request, not while it waits for a slot.
      const now = performance.now();
      if (!deadline) deadline = now + ENDPOINT_DEADLINE_TIMEOUTS * probe.timeoutMs;
      const left = Math.max(1, Math.min(probe.timeoutMs, Math.round(deadline - now)));
      return sendRequest(method, url, headers, body, { ...probe, timeoutMs: left }).then((ex) => {
        if (ex.error?.code === 'TIMEOUT' && left < probe.timeoutMs) {
          ex.error.message = `no complete answer before the endpoint's time ran out (${ENDPOINT_DEADLINE_TIMEOUTS} × the timeout, ${(ENDPOINT_DEADLINE_TIMEOUTS * probe.timeoutMs) / 1000} s, for all its requests and redirects)`;
        }
        return ex;
      });
    });
  const outOfTime = () => deadline > 0 && performance.now() >= deadline;
  const { request, dropped } = browserRequest(e);
  let preflight: Exchange | undefined;
  let actual: Exchange | undefined;
  const needed = needsPreflight(request);
  if (needed) {
    preflight = await send('OPTIONS', e.url, preflightHeaders(request), undefined);
  }
  // A browser sends the actual request only after a passed preflight. A simple
  // request has no preflight, so the actual request is the only evidence.
  const preflightOk = !preflight || !isBlocking(evaluatePreflight(request, preflight));
  let current = request;
  const redirectFindings: Finding[] = [];
  if (preflightOk && (e.actual || !needed)) {
    let body = e.body;
    let url = e.url;
    // Follow redirects as fetch() does: each hop must pass the CORS check, and a
    // re-sent request that needs a preflight gets one at the new URL.
    for (let hop = 0; ; hop++) {
      actual = await send(current.method, url, actualHeaders(current), body);
      const res = actual.response;
      const location = res ? redirectTarget(res) : undefined;
      // A refused response (CORS or conflicting headers) ends the chain; evaluate() says why.
      if (!res || location === undefined || isBlocking(evaluateActual(current, actual))) break;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
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
      if (!hopped.keepBody) body = undefined;
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
  const notes: Finding[] = [];
  for (const [on, ex] of [
    ['preflight', preflight],
    ['actual', actual],
  ] as const) {
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

/**
 * Checks every endpoint with at most `concurrency` requests in flight; results
 * keep the input order. Twice as many endpoints as slots are under way, so a
 * slot freed by a finished preflight always finds a request to send.
 */
export async function checkEndpoints(endpoints: readonly Endpoint[], opts: CheckOptions): Promise<CheckResult[]>;
export async function checkEndpoints<T>(
  endpoints: readonly Endpoint[],
  opts: CheckOptions,
  keep: (r: CheckResult) => T,
): Promise<T[]>;
export async function checkEndpoints<T>(
  endpoints: readonly Endpoint[],
  opts: CheckOptions,
  keep?: (r: CheckResult) => T,
): Promise<(T | CheckResult)[]> {
  const dispatcher = opts.dispatcher ?? createDispatcher(opts.timeoutMs);
  const probe: ProbeOptions = { timeoutMs: opts.timeoutMs, dispatcher };
  const slots = new Slots(opts.concurrency);
  const results = new Array<T | CheckResult>(endpoints.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < endpoints.length) {
      const i = next++;
      const result = await checkEndpoint(endpoints[i]!, probe, slots);
      opts.onResult?.(result, ++done, endpoints.length);
      results[i] = keep ? keep(result) : result;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(2 * opts.concurrency, endpoints.length)) }, worker));
  } finally {
    if (!opts.dispatcher) await dispatcher.destroy().catch(() => undefined);
  }
  return results;
}
