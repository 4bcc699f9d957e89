// Which answers are blips worth asking again, and how long to wait before
// asking. A clean answer, with or without the right CORS headers, is never
// retried: only a request that got no answer, or an answer that says the
// server is not taking requests right now (502, 503, 504, 429).
import type { Attempt, Exchange, Finding } from '../types.js';

export type { Attempt } from '../types.js';

import { headerValues } from '../cors/evaluate.js';

/** Statuses of a server (or the load balancer in front of it) that is not taking requests right now. */
export const UNAVAILABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Errors of a connection that may well work on the next try. DNS failures, TLS and parse errors will not. */
const TRANSIENT_ERRORS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'TIMEOUT',
]);

/** The first wait between two attempts; each further wait doubles. */
export const BACKOFF_MS = 250;
/** The longest a Retry-After is honoured; a server asking for longer is not asked again in this run. */
export const MAX_RETRY_AFTER_MS = 10_000;

export function isTransient(ex: Exchange): boolean {
  if (ex.response) return UNAVAILABLE_STATUSES.has(ex.response.status);
  return ex.error !== undefined && TRANSIENT_ERRORS.has(ex.error.code);
}

/** Retry-After as milliseconds (delay-seconds or an HTTP-date), or undefined when absent or unreadable. */
export function retryAfterMs(ex: Exchange, now = Date.now()): number | undefined {
  const value = headerValues(ex.response?.headers ?? [], 'retry-after')[0];
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before asking again, or null to take this answer as it is:
 * not transient, no retries left, or not enough of the endpoint's time left for
 * the wait and one more request (`minAttemptMs`).
 */
export function retryWait(
  ex: Exchange,
  attempt: number,
  retries: number,
  leftMs: number,
  minAttemptMs: number,
  jitter: () => number = Math.random,
): number | null {
  if (attempt >= retries || !isTransient(ex)) return null;
  const asked = retryAfterMs(ex);
  if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return null;
  // A little jitter, so that endpoints behind one rate limiter do not all come back at once.
  const wait = asked ?? Math.round(BACKOFF_MS * 2 ** attempt * (1 + 0.2 * jitter()));
  return wait + minAttemptMs <= leftMs ? wait : null;
}

export function attemptOf(ex: Exchange, waitMs: number): Attempt {
  return { status: ex.response?.status ?? null, error: ex.error?.code ?? null, ms: ex.ms, waitMs };
}

/**
 * The finding for an answer that was still "not taking requests" when the
 * retries ran out: no usable answer, so the verdict is an error, not a CORS
 * failure (the fix is not a header). Null for any other answer.
 */
export function unavailableFinding(ex: Exchange | undefined, on: 'preflight' | 'actual'): Finding | null {
  const status = ex?.response?.status;
  if (status === undefined || !UNAVAILABLE_STATUSES.has(status)) return null;
  const tries = (ex!.attempts?.length ?? 0) + 1;
  const what = status === 429 ? 'too many requests' : 'the server is not taking requests';
  return {
    code: 'ServerUnavailable',
    level: 'error',
    on,
    message: `The ${on === 'preflight' ? 'preflight' : 'request'} was answered ${status} (${what})${tries > 1 ? ` on all ${tries} attempts` : ''}: no usable answer, so CORS was not judged.`,
  };
}
