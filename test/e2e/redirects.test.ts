// Redirects of the actual request, followed as fetch() follows them, against real
// local servers: what crosses to another origin, and how long a loop may take.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpoints, ENDPOINT_DEADLINE_TIMEOUTS } from '../../src/check/check.js';
import type { Endpoint } from '../../src/types.js';

const ORIGIN = 'https://app.example';
const servers: Server[] = [];

async function serve(
  handler: (
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    base: string,
  ) => { status: number; headers: Record<string, string>; delayMs?: number },
) {
  let base = '';
  const server = createServer((req, res) => {
    req.resume();
    const a = handler(req.method!, req.url!, req.headers, base);
    setTimeout(() => res.writeHead(a.status, a.headers).end(), a.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

afterEach(async () => {
  for (const s of servers.splice(0))
    await new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    });
});

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'authorization, content-type, x-api-key',
};

function endpoint(url: string, over: Partial<Endpoint> = {}): Endpoint {
  return {
    id: 'r',
    name: 'r',
    url,
    origin: ORIGIN,
    // The servers run on this machine, and so does the page: no Local Network Access.
    addressSpace: 'local',
    method: 'POST',
    credentials: 'omit',
    actual: true,
    browser: 'chromium',
    secrets: [],
    headers: [
      ['authorization', 'Bearer cors-gate-probe'],
      ['content-type', 'application/json'],
    ],
    ...over,
  };
}

describe('redirects of the actual request', () => {
  it('a hop to another origin drops Authorization and never carries a real key', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const b = await serve((method, _path, headers) => {
      seen.push(headers);
      return { status: method === 'OPTIONS' ? 204 : 200, headers: cors };
    });
    const a = await serve((method) =>
      method === 'OPTIONS'
        ? { status: 204, headers: cors }
        : { status: 307, headers: { ...cors, location: `${b}/next` } },
    );
    const key = 'sk-live-REALKEY-1234567890';
    const [result] = await checkEndpoints(
      [
        endpoint(`${a}/v1`, {
          headers: [
            ['authorization', `Bearer ${key}`],
            ['x-api-key', key],
            ['content-type', 'application/json'],
          ],
          secrets: [key],
        }),
      ],
      { timeoutMs: 2000, concurrency: 2 },
    );
    expect(result!.evaluation.verdict).toBe('pass');
    expect(seen.length).toBeGreaterThan(0);
    for (const h of seen) {
      expect(JSON.stringify(h)).not.toContain(key);
      expect(h.authorization).toBeUndefined();
    }
    // The re-sent request still needs a preflight at the new origin, for the headers that are left.
    const preflight = seen.find((h) => h['access-control-request-method']);
    expect(preflight?.['access-control-request-headers']).toBe('content-type,x-api-key');
    const post = seen.find((h) => !h['access-control-request-method'])!;
    expect(post['x-api-key']).toBe('cors-gate-probe');
  });

  it('a redirect loop that passes every CORS check ends within the endpoint deadline', async () => {
    let hops = 0;
    const a = await serve((method, _path, _h, base) => {
      if (method === 'OPTIONS') return { status: 204, headers: cors };
      hops++;
      return { status: 307, headers: { ...cors, location: `${base}/hop${hops}` }, delayMs: 150 };
    });
    const timeoutMs = 400;
    const [result] = await checkEndpoints([endpoint(`${a}/start`)], { timeoutMs, concurrency: 2 });
    expect(result!.evaluation.verdict).toBe('error');
    expect(result!.evaluation.findings[0]!.code).toBe('Timeout');
    // Stopped by the endpoint's deadline (a few timeouts), long before twenty hops of 150 ms.
    expect(hops).toBeLessThan(20);
    expect(result!.evaluation.findings[0]!.message).toContain(`${ENDPOINT_DEADLINE_TIMEOUTS} × the timeout`);
  });

  it('a Location with a user name and password is refused (RedirectContainsCredentials)', async () => {
    const a = await serve((method, _path, _h, base) =>
      method === 'OPTIONS'
        ? { status: 204, headers: cors }
        : { status: 307, headers: { ...cors, location: base.replace('http://', 'http://user:pass@') + '/x' } },
    );
    const [result] = await checkEndpoints([endpoint(`${a}/v1`)], { timeoutMs: 2000, concurrency: 2 });
    expect(result!.evaluation).toMatchObject({ verdict: 'fail' });
    expect(result!.evaluation.findings[0]!.code).toBe('RedirectContainsCredentials');
  });

  it('same-origin redirects are followed to the answer, up to twenty', async () => {
    const a = await serve((method, path, _h, base) => {
      if (method === 'OPTIONS') return { status: 204, headers: cors };
      const n = Number(path.slice(1)) || 0;
      return n < 3
        ? { status: 308, headers: { ...cors, location: `${base}/${n + 1}` } }
        : { status: 200, headers: cors };
    });
    const [result] = await checkEndpoints([endpoint(`${a}/0`)], { timeoutMs: 2000, concurrency: 2 });
    expect(result!.evaluation.verdict).toBe('pass');
    expect(result!.evaluation.findings.filter((f) => f.code === 'Redirected')).toHaveLength(3);
  });
});
