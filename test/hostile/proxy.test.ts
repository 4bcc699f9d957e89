// Self-hosted runners reach the internet through a proxy: HTTP_PROXY, HTTPS_PROXY
// and NO_PROXY are honoured. The proxy here is a small forward proxy on 127.0.0.1
// (absolute-form requests and CONNECT tunnels) that counts what it relays.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/record.js';
import { CLI, run } from './harness.js';
import { refusedUrl } from './servers.js';

interface Proxy {
  url: string;
  forwarded: string[];
  tunnels: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<Proxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    // Absolute-form request line: forward it as is.
    forwarded.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: { ...req.headers, via: '1.1 test-proxy' },
      },
      (upRes) => {
        res.writeHead(upRes.statusCode!, upRes.rawHeaders);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on('connect', (req, client: Socket, head) => {
    tunnels.push(req.url!);
    const [host, port] = req.url!.split(':');
    const up = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    forwarded,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let proxy: Proxy;
let target: Server;
let targetPort: number;
const seenVia: (string | undefined)[] = [];
let dir: string;
let config: string;

beforeAll(async () => {
  proxy = await startProxy();
  target = createServer((req, res) => {
    seenVia.push(req.headers.via);
    req.resume();
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization, content-type',
    });
    res.end();
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as { port: number }).port;
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-proxy-'));
  config = join(dir, 'proxy.yml');
  writeFileSync(
    config,
    // The target runs on this machine, and so does the page: no Local Network Access.
    `defaults:\n  address-space: local\nendpoints:\n  - name: behind proxy\n    url: http://127.0.0.1:${targetPort}/v1/chat/completions\n    headers: [authorization, content-type]\n`,
  );
});
afterAll(async () => {
  await proxy?.close();
  target?.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.forwarded.length = 0;
  proxy.tunnels.length = 0;
  seenVia.length = 0;
});

async function check(env: Record<string, string>, file = config): Promise<Report> {
  const r = await run([CLI, '--config', file, '--format', 'json', '--timeout', '5'], env);
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout) as Report;
}

/** Requests that went through the proxy, either way it relays them. */
const relayed = () => proxy.forwarded.length + proxy.tunnels.length;

describe('HTTP_PROXY', () => {
  test('requests to http:// targets go through the proxy', async () => {
    const report = await check({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
    expect(report.results[0]!.verdict).toBe('pass');
    // Preflight and actual request, both relayed.
    expect(relayed()).toBeGreaterThanOrEqual(1);
    expect(seenVia.length).toBe(2);
    if (proxy.forwarded.length) {
      expect(proxy.forwarded).toEqual([
        `OPTIONS http://127.0.0.1:${targetPort}/v1/chat/completions`,
        `POST http://127.0.0.1:${targetPort}/v1/chat/completions`,
      ]);
      expect(seenVia).toEqual(['1.1 test-proxy', '1.1 test-proxy']);
    } else {
      expect(proxy.tunnels.every((t) => t === `127.0.0.1:${targetPort}`)).toBe(true);
    }
  });

  test('the lower-case variable works as well', async () => {
    await check({ http_proxy: proxy.url, NO_PROXY: '' });
    expect(relayed()).toBeGreaterThanOrEqual(1);
  });

  test('NO_PROXY with the host bypasses the proxy', async () => {
    const report = await check({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(report.results[0]!.verdict).toBe('pass');
    expect(relayed()).toBe(0);
    expect(seenVia).toEqual([undefined, undefined]);
  });

  test('NO_PROXY with host:port bypasses only that port', async () => {
    await check({ HTTP_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${targetPort}` });
    expect(relayed()).toBe(0);
    await check({ HTTP_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${targetPort === 1 ? 2 : 1}` });
    expect(relayed()).toBeGreaterThanOrEqual(1);
  });

  test('NO_PROXY=* bypasses everything', async () => {
    await check({ HTTP_PROXY: proxy.url, NO_PROXY: '*' });
    expect(relayed()).toBe(0);
  });

  test('a proxy that is down makes the endpoint an error with a reason, not a hang', async () => {
    const dead = new URL(await refusedUrl()).origin;
    const report = await check({ HTTP_PROXY: dead, NO_PROXY: '' });
    const r = report.results[0]!;
    expect(r.verdict).toBe('error');
    expect(r.preflight!.error!.message).toMatch(/refused|ECONNREFUSED|proxy/i);
  });
});

describe('HTTPS_PROXY', () => {
  test('is used for https:// targets, through a CONNECT tunnel', async () => {
    // The tunnel reaches a plain-HTTP port, so TLS fails after the tunnel: what counts is that the tunnel was asked for.
    const file = join(dir, 'https.yml');
    writeFileSync(
      file,
      `endpoints:\n  - name: tls behind proxy\n    url: https://127.0.0.1:${targetPort}/v1/chat/completions\n`,
    );
    const report = await check({ HTTPS_PROXY: proxy.url, NO_PROXY: '' }, file);
    expect(proxy.tunnels).toContain(`127.0.0.1:${targetPort}`);
    expect(report.results[0]!.verdict).toBe('error');
  });

  test('is not used for http:// targets', async () => {
    await check({ HTTPS_PROXY: proxy.url, NO_PROXY: '' });
    expect(relayed()).toBe(0);
  });
});
