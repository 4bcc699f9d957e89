// Sends one HTTP request exactly as given and keeps the raw answer: header lines
// in order with duplicates and casing, the status, and the first bytes of the body.
// undici's dispatch API is used rather than fetch(), which adds headers, joins
// duplicates and follows redirects.
import type { Dispatcher } from 'undici';
// Only the agent's own module: undici's index also loads fetch, WebSocket, the
// cache and the mocks, which a run never uses (about 14 MB of memory and a
// fifth of the start-up). The whole package is loaded when a proxy is set.
import Agent from 'undici/lib/dispatcher/agent.js';
import type { Exchange, HeaderLine, ProbeError, RawResponse } from '../types.js';
import { proxyConfigured, readLeniently } from './lenient.js';

/** How much of a body is read before the connection is dropped. */
export const BODY_READ_LIMIT = 64 * 1024;
/** How much of it is kept as evidence. */
export const BODY_KEEP = 2048;
/** Chromium accepts response headers up to 256 KiB; so do we, so verdicts agree. */
export const MAX_HEADER_BYTES = 256 * 1024;

export interface ProbeOptions {
  timeoutMs: number;
  dispatcher: Dispatcher;
}

export async function createDispatcher(timeoutMs: number): Promise<Dispatcher> {
  const options = {
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 4_000,
    pipelining: 1,
  };
  // Honours HTTP(S)_PROXY and NO_PROXY, as self-hosted runners expect. Without a
  // proxy every request goes direct, so a plain agent spares each request the
  // proxy agent's URL parsing and NO_PROXY lookup.
  if (!proxyConfigured()) return new Agent(options);
  // The package is CommonJS: its exports are the default export's properties.
  const { default: undici } = await import('undici');
  return new undici.EnvHttpProxyAgent(options);
}

class DeadlineError extends Error {
  readonly code = 'TIMEOUT';
}

const latin1 = (x: unknown) => (Buffer.isBuffer(x) ? x.toString('latin1') : String(x));

function toLines(raw: unknown): HeaderLine[] {
  const lines: HeaderLine[] = [];
  if (!Array.isArray(raw)) return lines;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = latin1(raw[i]);
    const value = raw[i + 1];
    if (Array.isArray(value)) for (const v of value) lines.push([name, latin1(v)]);
    else lines.push([name, latin1(value)]);
  }
  return lines;
}

const REASONS: Record<string, string> = {
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

export function describeError(err: unknown, timeoutMs: number): ProbeError {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  // undici's parser errors for a wrong protocol carry no code of their own.
  const code = e?.code ?? e?.cause?.code ?? (e?.name === 'HTTPParserError' ? 'HPE_INVALID_RESPONSE' : 'UNKNOWN');
  if (code === 'TIMEOUT') return { code, message: `no complete answer within ${timeoutMs / 1000} s (timeout)` };
  const reason = REASONS[code] ?? (e?.message ?? 'request failed').split('\n')[0]!.slice(0, 200);
  return { code, message: `${reason} (${code})` };
}

/**
 * Sends one request; never throws, never outlives the deadline by more than a
 * tick. A response the strict parser refuses is read once more leniently, as
 * browsers read it (not through a proxy: the second read goes direct).
 */
export async function send(
  method: string,
  url: string,
  headers: HeaderLine[],
  body: string | undefined,
  opts: ProbeOptions,
): Promise<Exchange> {
  const ex = await sendStrict(method, url, headers, body, opts);
  if (!ex.error?.code.startsWith('HPE_') || proxyConfigured()) return ex;
  const left = opts.timeoutMs - ex.ms;
  if (left < 50) return ex;
  const started = performance.now();
  const response = await readLeniently(method, url, headers, body, left);
  if (!response) return ex;
  return {
    ...ex,
    response,
    error: undefined,
    ms: ex.ms + Math.round(performance.now() - started),
    lenient: ex.error.message,
  };
}

function sendStrict(
  method: string,
  url: string,
  headers: HeaderLine[],
  body: string | undefined,
  opts: ProbeOptions,
): Promise<Exchange> {
  const started = performance.now();
  const u = new URL(url);
  const flat: string[] = [];
  for (const [n, v] of headers) flat.push(n, v);
  return new Promise<Exchange>((resolve) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | null = null;
    let response: RawResponse | null = null;
    const chunks: Buffer[] = [];
    let read = 0;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      const base = { method, url, headers, ms };
      if (response) {
        const buf = Buffer.concat(chunks);
        response.body = buf.subarray(0, BODY_KEEP).toString('utf8');
        response.bodyTruncated = response.bodyTruncated || read > BODY_KEEP;
        // A body cut short by our own limit, or the deadline hit mid-body, still
        // leaves a usable answer: the browser's decision rests on the headers.
        resolve({ ...base, response });
      } else {
        resolve({ ...base, error: describeError(error, opts.timeoutMs) });
      }
    };
    const timer = setTimeout(() => {
      const err = new DeadlineError('deadline');
      if (response) response.bodyTruncated = true;
      controller?.abort(err);
      finish(err);
    }, opts.timeoutMs);
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (settled) c.abort(new DeadlineError('deadline'));
      },
      onResponseStart(c, status) {
        if (status < 200 && status !== 101) return;
        response = { status, headers: toLines(c.rawHeaders), body: '', bodyTruncated: false };
        if (method === 'HEAD') return;
      },
      onResponseData(c, chunk) {
        if (settled) return;
        const room = BODY_READ_LIMIT - read;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, Math.min(room, BODY_KEEP)));
          read = BODY_READ_LIMIT;
          response!.bodyTruncated = true;
          c.abort(new Error('body limit'));
          finish();
          return;
        }
        if (read < BODY_KEEP) chunks.push(chunk.subarray(0, BODY_KEEP - read));
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
      opts.dispatcher.dispatch(
        {
          origin: u.origin,
          path: u.pathname + u.search,
          method,
          headers: flat,
          ...(body !== undefined ? { body } : {}),
        },
        handler,
      );
    } catch (err) {
      finish(err);
    }
  });
}
