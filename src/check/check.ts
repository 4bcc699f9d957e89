// The check for each endpoint: the request a browser would make, the preflight
// when one is needed, the actual request only if the preflight lets it through.
// A request that got no answer, or a "not now" answer (502, 503, 504, 429), is
// asked again; a failing endpoint is probed again before its failure stands.
import type { Dispatcher } from 'undici';
import { evaluate, evaluatePreflight, isBlocking, needsPreflight } from '../cors/evaluate.js';
import type { CheckResult, Endpoint, Exchange, Finding, HeaderLine } from '../types.js';
import { streamFindings } from './authenticated.js';
import { compareProbes } from './consistency.js';
import { checkAsExtension } from './extension.js';
import { beforeSending } from './network.js';
import { createDispatcher, type ProbeOptions, send as sendRequest } from './probe.js';
import { ENDPOINT_DEADLINE_TIMEOUTS, follow } from './redirects.js';
import { browserRequest, preflightHeaders } from './request.js';
import { type Attempt, attemptOf, retryWait, unavailableFinding } from './retry.js';
import { Slots } from './slots.js';

export { ENDPOINT_DEADLINE_TIMEOUTS } from './redirects.js';
export { actualHeaders, browserRequest, preflightHeaders, redirectedRequest, USER_AGENT } from './request.js';

/** What a run does with blips; an endpoint's own `retries` and `confirm` win. */
export interface Persistence {
  /** How many times a request with no answer, or a 502/503/504/429, is asked again. */
  retries: number;
  /** How many more times a failing endpoint is probed, on fresh connections, before its failure stands. */
  confirm: number;
  /** The pause before each confirming probe. */
  confirmPauseMs: number;
}

export const DEFAULT_PERSISTENCE: Persistence = { retries: 2, confirm: 2, confirmPauseMs: 500 };

export interface CheckOptions extends Partial<Persistence> {
  timeoutMs: number;
  concurrency: number;
  dispatcher?: Dispatcher;
  /** Called as each endpoint finishes (progress output). */
  onResult?: (result: CheckResult, done: number, total: number) => void;
}

/** A request needs at least this long to be worth sending once more. */
const MIN_ATTEMPT_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One probe of an endpoint: everything a browser sends for one call of fetch(), and the verdict. */
export async function checkEndpoint(
  e: Endpoint,
  probe: ProbeOptions,
  slots: Slots = new Slots(1),
  retries = e.retries ?? 0,
): Promise<CheckResult> {
  let sent = 0;
  let deadline = 0;
  const once = (method: string, url: string, headers: HeaderLine[], body: string | undefined) =>
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
  const outOfTime = () => deadline > 0 && performance.now() >= deadline - 1;
  // Waits between attempts hold no request slot: other endpoints go on meanwhile.
  const send = async (method: string, url: string, headers: HeaderLine[], body: string | undefined) => {
    const attempts: Attempt[] = [];
    let previous: Exchange | undefined;
    for (let attempt = 0; ; attempt++) {
      const ex = await once(method, url, headers, body);
      // A retry cut short by the endpoint's own time says nothing about the server:
      // the answer before it stands.
      if (previous && ex.error?.code === 'TIMEOUT' && outOfTime()) {
        const earlier = attempts.slice(0, -1);
        return earlier.length ? { ...previous, attempts: earlier } : previous;
      }
      const wait = retryWait(ex, attempt, retries, deadline - performance.now(), MIN_ATTEMPT_MS);
      if (wait === null) return attempts.length ? { ...ex, attempts } : ex;
      attempts.push(attemptOf(ex, wait));
      previous = ex;
      await sleep(wait);
    }
  };
  const { request, dropped } = browserRequest(e);
  let preflight: Exchange | undefined;
  let actual: Exchange | undefined;
  const needed = needsPreflight(request);
  const network = await beforeSending(e, needed && !e.hostPermissions, probe.timeoutMs);
  if (network.blocked) return { endpoint: e, evaluation: network.blocked, checkedAt: new Date().toISOString() };
  if (e.hostPermissions) {
    const extension = await checkAsExtension(e, request, send, network.notes);
    return { endpoint: e, ...extension, checkedAt: new Date().toISOString() };
  }
  if (needed) preflight = await send('OPTIONS', e.url, preflightHeaders(request), undefined);
  let unavailable = unavailableFinding(preflight, 'preflight');
  // A browser sends the actual request only after a passed preflight. A simple
  // request has no preflight, so the actual request is the only evidence.
  const preflightFindings = preflight && !unavailable ? evaluatePreflight(request, preflight) : undefined;
  const preflightOk = !unavailable && !(preflightFindings && isBlocking(preflightFindings));
  let current = request;
  let redirectFindings: Finding[] = [];
  if (preflightOk && (e.actual || !needed)) {
    const followed = await follow(request, e.url, e.body, e.secrets, send, outOfTime);
    ({ actual, current } = followed);
    redirectFindings = followed.findings;
    unavailable = unavailableFinding(actual, 'actual');
  }
  const notes: Finding[] = [...network.notes];
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
    ...(preflightFindings ? { preflightFindings } : {}),
    ...(actual ? { actual } : {}),
    finalRequest: current,
    redirectFindings,
    notes,
    ...(unavailable ? { unavailable } : {}),
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
 * Probes an endpoint; when it fails, probes it `confirm` more times, each on a
 * fresh connection after a short pause (a load-balanced API may answer each
 * connection from another backend), and keeps the failure only if every probe
 * fails the same way. Probes that disagree make the failure intermittent.
 */
export async function checkConfirmed(
  e: Endpoint,
  probe: ProbeOptions,
  slots: Slots,
  persistence: Persistence,
  fresh: () => Promise<Dispatcher> = () => createDispatcher(probe.timeoutMs),
): Promise<CheckResult> {
  const retries = e.retries ?? persistence.retries;
  const first = await checkEndpoint(e, probe, slots, retries);
  const confirm = e.confirm ?? persistence.confirm;
  if (first.evaluation.verdict !== 'fail' || confirm <= 0) return first;
  const probes = [first];
  for (let i = 0; i < confirm; i++) {
    await sleep(persistence.confirmPauseMs);
    const dispatcher = await fresh();
    try {
      probes.push(await checkEndpoint(e, { ...probe, dispatcher }, slots, retries));
    } finally {
      await dispatcher.destroy().catch(() => undefined);
    }
  }
  return compareProbes(probes);
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
  const dispatcher = opts.dispatcher ?? (await createDispatcher(opts.timeoutMs));
  const probe: ProbeOptions = { timeoutMs: opts.timeoutMs, dispatcher };
  const persistence: Persistence = {
    retries: opts.retries ?? DEFAULT_PERSISTENCE.retries,
    confirm: opts.confirm ?? DEFAULT_PERSISTENCE.confirm,
    confirmPauseMs: opts.confirmPauseMs ?? DEFAULT_PERSISTENCE.confirmPauseMs,
  };
  const slots = new Slots(opts.concurrency);
  const results = new Array<T | CheckResult>(endpoints.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < endpoints.length) {
      const i = next++;
      const result = await checkConfirmed(endpoints[i]!, probe, slots, persistence);
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
