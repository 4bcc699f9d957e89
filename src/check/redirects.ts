// Following the actual request's redirects as fetch() does: each hop must pass
// the CORS check, a hop to another origin changes what is sent, and a re-sent
// request that needs a preflight gets one at the new URL.
import {
  type CorsRequest,
  evaluateActual,
  evaluatePreflight,
  isBlocking,
  needsPreflight,
  redirectTarget,
} from '../cors/evaluate.js';
import type { Exchange, Finding, HeaderLine } from '../types.js';
import { actualHeaders, preflightHeaders, redirectedRequest } from './request.js';

const MAX_REDIRECTS = 20;

/** However many hops, one endpoint never takes longer than this many timeouts. */
export const ENDPOINT_DEADLINE_TIMEOUTS = 3;

export type Send = (method: string, url: string, headers: HeaderLine[], body: string | undefined) => Promise<Exchange>;

export interface Followed {
  /** The last answer, or undefined when a new preflight on the way blocked the call. */
  actual: Exchange | undefined;
  /** The request as the browser sent it last (a redirect may change method and origin). */
  current: CorsRequest;
  findings: Finding[];
}

/** Sends the actual request and follows its redirects. */
export async function follow(
  request: CorsRequest,
  url: string,
  body: string | undefined,
  secrets: readonly string[],
  send: Send,
  outOfTime: () => boolean,
): Promise<Followed> {
  let current = request;
  let actual: Exchange | undefined;
  const redirectFindings: Finding[] = [];
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
    const hopped = redirectedRequest(current, res.status, url, next.href, secrets);
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
  return { actual, current, findings: redirectFindings };
}
