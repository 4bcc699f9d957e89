// A raw HTTP/1.1 server for parity cases. It reads requests off the socket
// itself so that any method token reaches it (Node's HTTP parser refuses
// lower-case `patch`), and writes every response header line byte for byte
// as the case lists it: order, duplicates and odd casing are the point.

import { STATUS_CODES } from 'node:http';
import net from 'node:net';
import type { Behaviour, HeaderLine, ParityCase } from './cases.js';

export interface RecordedRequest {
  caseId: string;
  /** 'preflight' for OPTIONS, 'actual' otherwise, 'redirected' for the `/next` target. */
  kind: 'preflight' | 'actual' | 'redirected';
  method: string;
  target: string;
  headers: HeaderLine[];
  body: string;
}

export interface CaseServer {
  /** Base URL including the run id: a case lives at `${url}/${case.id}`. */
  url: string;
  origin: string;
  runId: string;
  /** Every request a case received, in arrival order. */
  requests(caseId?: string): RecordedRequest[];
  close(): Promise<void>;
}

export interface CaseServerOptions {
  runId: string;
  /** The page origin `{origin}` stands for; without it the request's Origin header is used. */
  origin?: string;
}

const MAX_HEAD = 64 * 1024;
const MAX_BODY = 1024 * 1024;

interface ParsedRequest {
  method: string;
  target: string;
  headers: HeaderLine[];
  body: Buffer;
}

/** Returns the parsed request and the bytes it used, or undefined while incomplete. */
function parseRequest(buf: Buffer): { req: ParsedRequest; used: number } | undefined | Error {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return buf.length > MAX_HEAD ? new Error('request head too large') : undefined;
  const head = buf.subarray(0, end).toString('latin1');
  const lines = head.split('\r\n');
  const m = /^(\S+) (\S+) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!m) return new Error(`bad request line: ${JSON.stringify(lines[0])}`);
  const headers: HeaderLine[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return new Error(`bad header line: ${JSON.stringify(line)}`);
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const bodyStart = end + 4;
  const te = headers.find(([n]) => n.toLowerCase() === 'transfer-encoding')?.[1];
  if (te && /chunked/i.test(te)) {
    const chunks: Buffer[] = [];
    let pos = bodyStart;
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', pos);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size)) return new Error('bad chunk size');
      const dataStart = lineEnd + 2;
      if (size === 0) {
        // No trailers are expected from a browser: the chunked body ends with an empty line.
        if (buf.length < dataStart + 2) return undefined;
        return { req: { method: m[1]!, target: m[2]!, headers, body: Buffer.concat(chunks) }, used: dataStart + 2 };
      }
      if (buf.length < dataStart + size + 2) return undefined;
      chunks.push(buf.subarray(dataStart, dataStart + size));
      pos = dataStart + size + 2;
    }
  }
  const cl = Number(headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1] ?? '0');
  if (!Number.isInteger(cl) || cl < 0 || cl > MAX_BODY) return new Error('bad content-length');
  if (buf.length < bodyStart + cl) return undefined;
  return {
    req: { method: m[1]!, target: m[2]!, headers, body: buf.subarray(bodyStart, bodyStart + cl) },
    used: bodyStart + cl,
  };
}

export interface Placeholders {
  origin: string;
  self: string;
  server: string;
}

/** `{origin}`, `{ORIGIN}` (upper-cased), `{origin-localhost}`, `{self}` (the case URL), `{server}`. */
export function expand(value: string, p: Placeholders): string {
  return value
    .replaceAll('{origin}', p.origin)
    .replaceAll('{ORIGIN}', p.origin.toUpperCase())
    .replaceAll('{origin-localhost}', p.origin.replace('127.0.0.1', 'localhost'))
    .replaceAll('{self}', p.self)
    .replaceAll('{server}', p.server);
}

/** The exact bytes of a response: listed lines first, then framing lines the case did not list. */
export function responseBytes(b: Behaviour, p: Placeholders, isHead: boolean): Buffer {
  const body = Buffer.from(b.body ?? '', 'utf8');
  const lines: string[] = [];
  const reason = STATUS_CODES[b.status] ?? 'Status';
  lines.push(`HTTP/1.1 ${b.status} ${reason}`);
  for (const [name, value] of b.headers) lines.push(`${name}: ${expand(value, p)}`);
  if (b.redirect !== undefined) lines.push(`Location: ${expand(b.redirect, p)}`);
  const listed = new Set(b.headers.map(([n]) => n.toLowerCase()));
  if (!listed.has('content-length')) lines.push(`Content-Length: ${body.length}`);
  // One request per connection keeps the framing trivial and the log unambiguous.
  if (!listed.has('connection')) lines.push('Connection: close');
  const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
  return isHead ? head : Buffer.concat([head, body]);
}

const NOT_FOUND: Behaviour = { status: 404, headers: [['Content-Type', 'text/plain']], body: 'no such case\n' };

export async function startCaseServer(cases: readonly ParityCase[], opts: CaseServerOptions): Promise<CaseServer> {
  if (!/^[A-Za-z0-9-]+$/.test(opts.runId)) throw new Error(`runId must be a slug: ${opts.runId}`);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const log: RecordedRequest[] = [];
  const sockets = new Set<net.Socket>();
  let base = '';

  function route(
    req: ParsedRequest,
  ): { behaviour: Behaviour; caseId?: string; kind?: RecordedRequest['kind'] } | 'log' {
    const path = req.target.split('?')[0]!;
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== opts.runId) return { behaviour: NOT_FOUND };
    if (parts[1] === '__log' && parts.length === 2) return 'log';
    const c = parts[1] ? byId.get(parts[1]) : undefined;
    if (!c) return { behaviour: NOT_FOUND };
    if (parts.length === 3 && parts[2] === 'next') {
      const t = c.redirectTarget;
      const behaviour = (req.method === 'OPTIONS' ? t?.preflight : t?.actual) ?? NOT_FOUND;
      return { behaviour, caseId: c.id, kind: 'redirected' };
    }
    if (parts.length !== 2) return { behaviour: NOT_FOUND };
    if (req.method === 'OPTIONS') return { behaviour: c.preflight, caseId: c.id, kind: 'preflight' };
    const withOrigin = req.headers.some(([n]) => n.toLowerCase() === 'origin');
    return { behaviour: (!withOrigin && c.withoutOrigin) || c.actual, caseId: c.id, kind: 'actual' };
  }

  function answer(socket: net.Socket, req: ParsedRequest): void {
    const r = route(req);
    if (r === 'log') {
      const body = JSON.stringify(log);
      const b: Behaviour = { status: 200, headers: [['Content-Type', 'application/json']], body };
      socket.end(responseBytes(b, { origin: '', self: '', server: base }, false));
      return;
    }
    const originHeader = req.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];
    const path = `/${opts.runId}/${r.caseId ?? ''}`;
    const p: Placeholders = {
      origin: opts.origin ?? originHeader ?? 'http://127.0.0.1',
      self: `${base}${path}`,
      server: base,
    };
    if (r.caseId && r.kind) {
      log.push({
        caseId: r.caseId,
        kind: r.kind,
        method: req.method,
        target: req.target,
        headers: req.headers,
        body: req.body.toString('utf8'),
      });
    }
    const b = r.behaviour;
    const send = () => {
      if (socket.destroyed) return;
      if (b.reset) {
        socket.resetAndDestroy();
        return;
      }
      socket.end(responseBytes(b, p, req.method.toUpperCase() === 'HEAD'));
    };
    if (b.delayMs) setTimeout(send, b.delayMs);
    else send();
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    let done = false;
    socket.on('data', (chunk) => {
      if (done) return;
      buf = Buffer.concat([buf, chunk]);
      const parsed = parseRequest(buf);
      if (parsed === undefined) return;
      done = true;
      if (parsed instanceof Error) {
        socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        return;
      }
      answer(socket, parsed.req);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/${opts.runId}`,
    origin: base,
    runId: opts.runId,
    requests: (caseId) => (caseId === undefined ? [...log] : log.filter((r) => r.caseId === caseId)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
