// Misbehaving servers on 127.0.0.1, one per way a real endpoint can go wrong.
// node:http where HTTP can say it, raw sockets where it cannot, node:https with a
// certificate made at test time. Every server counts the connections it accepted.
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createNet, type Server, type Socket } from 'node:net';
import { selfSignedCert } from './cert.js';

export interface Bad {
  /** Short label used as the endpoint name. */
  name: string;
  url: string;
  /** Connections accepted so far. */
  hits(): number;
  close(): Promise<void>;
}

type Listener = Server & { closeAllConnections?: () => void };

async function listen(server: Listener, name: string, scheme = 'http', path = '/v1/chat/completions'): Promise<Bad> {
  const sockets = new Set<Socket>();
  let hits = 0;
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => hits++);
  // Track raw sockets so close() can end connections that never finish on their own.
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    name,
    url: `${scheme}://127.0.0.1:${port}${path}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A raw TCP server: `onConn` owns the socket. Timers are cleared when it closes. */
function raw(name: string, onConn: (s: Socket, timers: Set<NodeJS.Timeout>) => void): Promise<Bad> {
  const server = createNet((s) => {
    const timers = new Set<NodeJS.Timeout>();
    s.on('close', () => {
      for (const t of timers) clearInterval(t);
    });
    s.on('error', () => undefined);
    onConn(s, timers);
  });
  return listen(server, name);
}

/** Waits for the end of the request head before answering, as a server would. */
function afterHead(s: Socket, fn: () => void): void {
  let seen = '';
  const onData = (d: Buffer) => {
    seen += d.toString('latin1');
    if (seen.includes('\r\n\r\n')) {
      s.off('data', onData);
      fn();
    }
  };
  s.on('data', onData);
}

function http(
  name: string,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { maxHeaderSize?: number } = {},
): Promise<Bad> {
  const server = createHttp({ ...options }, handler);
  server.on('clientError', (_e, s) => s.destroy());
  return listen(server as unknown as Listener, name);
}

export const trickle = () =>
  raw('trickled headers', (s, timers) =>
    afterHead(s, () => {
      s.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      // One byte a second, forever: the header block never ends.
      timers.add(setInterval(() => s.write('a'), 1000));
    }),
  );

export const endlessBody = () =>
  http('endless body', (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });

export const hugeBody = (bytes = 50 * 1024 * 1024) =>
  http('50 MB body', (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes) });
    const chunk = Buffer.alloc(64 * 1024, 'y');
    let sent = 0;
    const pump = () => {
      while (!res.destroyed && sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });

export const manyHeaders = (count = 5000) =>
  raw(`${count} header lines`, (s) =>
    afterHead(s, () => {
      const lines: string[] = ['HTTP/1.1 200 OK'];
      for (let i = 0; i < count; i++) lines.push(`X-Pad-${i}: ${i}`);
      lines.push('Content-Length: 2', 'Connection: close', '', 'ok');
      s.end(lines.join('\r\n'));
    }),
  );

/** The 64 KB value sits in Access-Control-Allow-Origin, where it is read and compared. */
export const longHeader = (bytes = 64 * 1024) =>
  raw('64 KB header value', (s) =>
    afterHead(s, () => {
      const value = 'https://example.com' + 'z'.repeat(bytes - 19);
      s.end(`HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: ${value}\r\nConnection: close\r\n\r\n`);
    }),
  );

export const garbageStatus = () =>
  raw('garbage status line', (s) => afterHead(s, () => s.end('HELLO there, this is not HTTP\r\n\r\n')));

export const reset = () => raw('connection reset', (s) => afterHead(s, () => s.resetAndDestroy()));

export const closeAfterStatus = () =>
  raw('close after status line', (s) => afterHead(s, () => s.end('HTTP/1.1 200 OK\r\n')));

export const redirectLoop = () =>
  http('redirect loop', (req, res) => {
    req.resume();
    res.writeHead(302, { location: req.url ?? '/', 'access-control-allow-origin': '*' });
    res.end();
  });

/** Accepts the connection, reads the request, and never says a word. */
export const silent = () => raw('accepts and never answers', (s) => s.resume());

/** A port that was open a moment ago and is closed now. */
export async function refusedUrl(): Promise<string> {
  const s = createNet();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1/chat/completions`;
}

// https: from an https page an http:// URL on another host is mixed content, blocked before any lookup.
export const DNS_FAILURE_URL = 'https://cors-gate-no-such-host.invalid/v1/chat/completions';

export async function selfSigned(): Promise<Bad> {
  const { key, cert } = selfSignedCert();
  const server = createHttps({ key, cert }, (req, res) => {
    req.resume();
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': '*',
      'access-control-allow-headers': '*',
    });
    res.end();
  });
  server.on('tlsClientError', () => undefined);
  return listen(server as unknown as Listener, 'self-signed TLS', 'https');
}

export interface BadSet {
  servers: Bad[];
  /** name → url, every case including the ones with no server. */
  cases: { name: string; url: string }[];
  close(): Promise<void>;
}

export async function startAll(): Promise<BadSet> {
  const servers = await Promise.all([
    trickle(),
    endlessBody(),
    hugeBody(),
    manyHeaders(),
    longHeader(),
    garbageStatus(),
    reset(),
    closeAfterStatus(),
    redirectLoop(),
    silent(),
    selfSigned(),
  ]);
  const cases = servers.map((s) => ({ name: s.name, url: s.url }));
  cases.push({ name: 'DNS failure', url: DNS_FAILURE_URL }, { name: 'connection refused', url: await refusedUrl() });
  return { servers, cases, close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}
