// The check for each endpoint: the request a browser would make, the preflight
// when one is needed, the actual request only if the preflight lets it through.
import { evaluate, evaluatePreflight, isBlocking, needsPreflight, requestHeadersValue, type CorsRequest } from './cors.js';
import { normalizeMethod, sendableHeaders } from './fetch-rules.js';
import { createDispatcher, send, type ProbeOptions } from './probe.js';
import type { CheckResult, Endpoint, Exchange, Finding, HeaderLine } from './types.js';
import type { Dispatcher } from 'undici';

export interface CheckOptions {
  timeoutMs: number;
  concurrency: number;
  dispatcher?: Dispatcher;
  /** Called as each endpoint finishes (progress output). */
  onResult?: (result: CheckResult, done: number, total: number) => void;
}

export const USER_AGENT = 'cors-gate/0.1.0';

/** The request as the browser turns the page's fetch() into it. */
export function browserRequest(e: Endpoint): { request: CorsRequest; dropped: string[] } {
  const { kept, dropped } = sendableHeaders(e.headers, e.browser);
  return {
    request: { origin: e.origin, method: normalizeMethod(e.method), headers: kept, credentials: e.credentials },
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

export async function checkEndpoint(e: Endpoint, probe: ProbeOptions): Promise<CheckResult> {
  const { request, dropped } = browserRequest(e);
  let preflight: Exchange | undefined;
  let actual: Exchange | undefined;
  const needed = needsPreflight(request);
  if (needed) {
    preflight = await send('OPTIONS', e.url, preflightHeaders(request), undefined, probe);
  }
  // A browser sends the actual request only after a passed preflight. A simple
  // request has no preflight, so the actual request is the only evidence.
  const preflightOk = !preflight || !isBlocking(evaluatePreflight(request, preflight));
  if (preflightOk && (e.actual || !needed)) {
    const body = e.body ?? (request.method === 'GET' || request.method === 'HEAD' ? undefined : defaultBody(e));
    actual = await send(request.method, e.url, actualHeaders(request), body, probe);
  }
  const evaluation = evaluate(request, { ...(preflight ? { preflight } : {}), ...(actual ? { actual } : {}) });
  if (dropped.length) {
    const note: Finding = {
      code: 'ForbiddenRequestHeader',
      level: 'info',
      message: `A ${e.browser} page cannot set ${dropped.join(', ')}: the browser drops ${dropped.length > 1 ? 'them' : 'it'}, so ${dropped.length > 1 ? 'they are' : 'it is'} not checked.`,
    };
    evaluation.findings.push(note);
  }
  return { endpoint: e, evaluation, ...(preflight ? { preflight } : {}), ...(actual ? { actual } : {}), checkedAt: new Date().toISOString() };
}

function defaultBody(e: Endpoint): string {
  const model = e.models?.[0] ?? 'cors-gate-probe';
  return JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
}

/** Checks every endpoint, at most `concurrency` at a time; results keep the input order. */
export async function checkEndpoints(endpoints: readonly Endpoint[], opts: CheckOptions): Promise<CheckResult[]> {
  const dispatcher = opts.dispatcher ?? createDispatcher(opts.timeoutMs);
  const probe: ProbeOptions = { timeoutMs: opts.timeoutMs, dispatcher };
  const results = new Array<CheckResult>(endpoints.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < endpoints.length) {
      const i = next++;
      results[i] = await checkEndpoint(endpoints[i]!, probe);
      opts.onResult?.(results[i]!, ++done, endpoints.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, endpoints.length)) }, worker));
  } finally {
    if (!opts.dispatcher) await dispatcher.destroy().catch(() => undefined);
  }
  return results;
}
