// Tests of the parity harness itself: the case server's wire fidelity and a
// full Chromium run. With PARITY_OBSERVE=1 the run is also written to
// chromium-observed.json.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseServer, startCaseServer } from './case-server.js';
import { CASES, groupCounts, type ParityCase } from './cases.js';
import {
  browserLabel,
  type ChromiumResult,
  describeWithChromium,
  requireChromium,
  runInChromium,
  startPageServer,
} from './chromium.js';
import { writeObserved } from './observe.js';

/** Sends raw bytes and returns everything the server wrote, or the socket error code. */
function rawExchange(port: number, request: string): Promise<{ data: string; error?: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, '127.0.0.1', () => s.write(request, 'latin1'));
    s.on('data', (c) => chunks.push(c));
    s.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ data: Buffer.concat(chunks).toString('latin1'), error: e.code ?? e.message }),
    );
    s.on('close', () => resolve({ data: Buffer.concat(chunks).toString('latin1') }));
  });
}

const wireCases: ParityCase[] = [
  {
    id: 'dup',
    group: 'wire',
    title: 'duplicate and odd-cased lines',
    request: { method: 'POST', headers: [], credentials: 'omit' },
    preflight: {
      status: 299,
      headers: [
        ['ACCESS-control-allow-ORIGIN', '{origin}'],
        ['access-control-allow-origin', '*'],
        ['X-Empty', ''],
        ['Access-Control-Allow-Headers', '  a b  '],
      ],
    },
    actual: {
      status: 401,
      headers: [
        ['WWW-Authenticate', 'Bearer'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
      body: '{"e":1}',
    },
  },
  {
    id: 'reset',
    group: 'wire',
    title: 'reset',
    request: { method: 'GET', headers: [], credentials: 'omit' },
    preflight: { status: 204, headers: [] },
    actual: { status: 200, headers: [], reset: true },
  },
  {
    id: 'redir',
    group: 'wire',
    title: 'redirect',
    request: { method: 'GET', headers: [], credentials: 'omit' },
    preflight: { status: 204, headers: [] },
    actual: { status: 308, headers: [['Access-Control-Allow-Origin', '*']], redirect: '{self}/next' },
    redirectTarget: { actual: { status: 200, headers: [['X-Target', 'yes']], body: 'there' } },
  },
];

describe('case table', () => {
  it('has at least 110 cases with unique slug ids, in groups', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(110);
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]+$/);
    expect(groupCounts().size).toBeGreaterThanOrEqual(8);
  });
});

describe('case server', () => {
  let server: CaseServer;
  let port: number;
  beforeAll(async () => {
    server = await startCaseServer(wireCases, { runId: 'wire1', origin: 'http://127.0.0.1:5555' });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  it('writes header lines exactly: order, duplicates, casing, spaces', async () => {
    const { data } = await rawExchange(
      port,
      'OPTIONS /wire1/dup HTTP/1.1\r\nHost: x\r\nOrigin: http://elsewhere\r\n\r\n',
    );
    expect(data.startsWith('HTTP/1.1 299 ')).toBe(true);
    const head = data.split('\r\n\r\n')[0]!.split('\r\n').slice(1);
    expect(head).toEqual([
      'ACCESS-control-allow-ORIGIN: http://127.0.0.1:5555',
      'access-control-allow-origin: *',
      'X-Empty: ',
      'Access-Control-Allow-Headers:   a b  ',
      'Content-Length: 0',
      'Connection: close',
    ]);
  });

  it('answers non-OPTIONS with the actual behaviour, repeated lines kept', async () => {
    const { data } = await rawExchange(port, 'POST /wire1/dup HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc');
    const [head, body] = data.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer',
      'Set-Cookie: a=1',
      'Set-Cookie: b=2',
      'Content-Length: 7',
      'Connection: close',
    ]);
    expect(body).toBe('{"e":1}');
    const rec = server.requests('dup').at(-1)!;
    expect(rec).toMatchObject({ kind: 'actual', method: 'POST', body: 'abc' });
  });

  it('receives lower-case patch as sent and records it', async () => {
    const { data } = await rawExchange(
      port,
      'patch /wire1/dup HTTP/1.1\r\nHost: x\r\nX-Odd-Case: 1\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(data.startsWith('HTTP/1.1 401 ')).toBe(true);
    const rec = server.requests('dup').at(-1)!;
    expect(rec.method).toBe('patch');
    expect(rec.headers).toContainEqual(['X-Odd-Case', '1']);
    expect(rec.body).toBe('{}');
  });

  it('reads a chunked body', async () => {
    const { data } = await rawExchange(
      port,
      'PUT /wire1/dup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n',
    );
    expect(data.startsWith('HTTP/1.1 401 ')).toBe(true);
    expect(server.requests('dup').at(-1)!.body).toBe('abcde');
  });

  it('resets the connection when told to', async () => {
    const r = await rawExchange(port, 'GET /wire1/reset HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(r.data).toBe('');
    expect(r.error).toBe('ECONNRESET');
  });

  it('redirects with a Location to the case target', async () => {
    const r = await rawExchange(port, 'GET /wire1/redir HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(r.data).toContain(`\r\nLocation: ${server.url}/redir/next\r\n`);
    const t = await rawExchange(port, 'GET /wire1/redir/next HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(t.data).toContain('\r\nX-Target: yes\r\n');
    expect(server.requests('redir').map((q) => q.kind)).toEqual(['actual', 'redirected']);
  });

  it('does not answer other run ids', async () => {
    const r = await rawExchange(port, 'OPTIONS /wire2/dup HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(r.data.startsWith('HTTP/1.1 404 ')).toBe(true);
  });

  it('reflects the Origin header for {origin} when no origin is configured', async () => {
    const s = await startCaseServer(wireCases, { runId: 'wire3' });
    try {
      const r = await rawExchange(
        Number(new URL(s.url).port),
        'OPTIONS /wire3/dup HTTP/1.1\r\nHost: x\r\nOrigin: http://127.0.0.1:7\r\n\r\n',
      );
      expect(r.data).toContain('\r\nACCESS-control-allow-ORIGIN: http://127.0.0.1:7\r\n');
    } finally {
      await s.close();
    }
  });
});

describe('Chromium', () => {
  it('is reported missing with a hint to set CHROMIUM_PATH', () => {
    expect(() => requireChromium({ ok: false, required: false, reason: 'none here' })).toThrow(
      /none here.*CHROMIUM_PATH/,
    );
  });
});

describeWithChromium('Chromium run', () => {
  let results: Map<string, ChromiumResult>;
  let server: CaseServer;
  let version = '';
  beforeAll(async () => {
    const page = await startPageServer();
    try {
      server = await startCaseServer(CASES, { runId: `h${Date.now().toString(36)}`, origin: page.origin });
      results = await runInChromium(CASES, server.url, { page, onVersion: (v) => (version = v) });
    } finally {
      await page.close();
    }
    if (process.env.PARITY_OBSERVE === '1') writeObserved(CASES, results, version);
  });
  afterAll(() => server?.close());

  it('answers every case', ({ task }) => {
    const missing = CASES.filter((c) => !results.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
    for (const c of CASES) {
      const r = results.get(c.id)!;
      if (!r.allowed) expect(r.error, c.id).toBeTruthy();
    }
    const allowed = [...results.values()].filter((r) => r.allowed).length;
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(CASES.length);
    task.meta.chromiumRan = `Chromium harness: ${results.size} cases run, ${allowed} allowed, ${results.size - allowed} blocked; ${browserLabel()}`;
  });

  // A browser started with web security off (as @sparticuz/chromium's own
  // arguments would start it) lets every cross-origin request through. These
  // must be blocked, each with the CORS error DevTools names.
  it('blocks cross-origin requests whose responses lack Access-Control-Allow-Origin', () => {
    const mustBlock: [id: string, corsError: string][] = [
      ['a-200-missing-acao', 'MissingAllowOriginHeader'], // preflighted JSON POST, good preflight, actual without ACAO
      ['s-post-text-plain-401-no-acao', 'MissingAllowOriginHeader'], // simple POST, no preflight
      ['acao-get-missing', 'MissingAllowOriginHeader'], // simple GET
      ['acao-pf-missing', 'PreflightMissingAllowOriginHeader'], // preflight without ACAO
    ];
    for (const [id, corsError] of mustBlock) {
      expect(
        CASES.some((c) => c.id === id),
        id,
      ).toBe(true);
      const r = results.get(id)!;
      expect({ id, allowed: r.allowed, corsError: r.corsError }).toEqual({ id, allowed: false, corsError });
    }
    // The preflighted POST was preflighted, as web security demands.
    expect(results.get('a-200-missing-acao')!.preflightSeen).toBe(true);
  });

  it('reached the case server for every case, with the method as fetch() sent it', () => {
    for (const c of CASES) {
      const seen = server.requests(c.id);
      expect(seen.length, c.id).toBeGreaterThan(0);
      // fetch() upper-cases only the six standard methods; `patch` must arrive as `patch`.
      const normalised = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(c.request.method.toUpperCase())
        ? c.request.method.toUpperCase()
        : c.request.method;
      const first = seen[0]!;
      if (first.method === 'OPTIONS') {
        const acrm = first.headers.find(([n]) => n.toLowerCase() === 'access-control-request-method')?.[1];
        expect(acrm, c.id).toBe(normalised);
      }
      for (const q of seen.filter((x) => x.kind === 'actual')) expect(q.method, c.id).toBe(normalised);
    }
  });

  it('agrees with the server log about preflights', () => {
    for (const c of CASES) {
      const sawOptions = server.requests(c.id).some((q) => q.method === 'OPTIONS');
      expect(results.get(c.id)!.preflightSeen, c.id).toBe(sawOptions);
    }
  });

  it('sent lower-case patch from the page as it was written', () => {
    const lower = CASES.filter((c) => c.request.method === 'patch');
    expect(lower.length).toBeGreaterThan(0);
    const methods = lower.flatMap((c) =>
      server
        .requests(c.id)
        .filter((q) => q.kind === 'actual')
        .map((q) => q.method),
    );
    expect(methods.length).toBeGreaterThan(0);
    expect(new Set(methods)).toEqual(new Set(['patch']));
  });

  it('reports a CorsIssue only for blocked cases', () => {
    for (const c of CASES) {
      const r = results.get(c.id)!;
      if (r.allowed) expect(r.corsErrors, c.id).toEqual([]);
    }
  });
});
