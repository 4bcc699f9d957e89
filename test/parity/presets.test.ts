// Chromium sends exactly the preflight cors-gate predicts for each preset: the
// page runs fetch() with the preset's headers (User-Agent included: Chromium
// drops it) and the Access-Control-Request-Headers it sends are compared with
// the one cors-gate sends for the same config entry, for every call kind of
// every captured version.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import { parseConfig } from '../../src/config/load.js';
import { callSeparator, PRESETS } from '../../src/presets/clients.js';
import { presetRequest } from '../../src/presets/requests.js';
import { browserLabel, describeWithChromium, launchChromium, type PageServer, startPageServer } from './chromium.js';

interface Seen {
  method: string;
  path: string;
  acrh: string | undefined;
}

/** Every call of every captured version, by its full name, with the path it calls. */
const CALLS = PRESETS.flatMap((p) =>
  p.versions.flatMap((v) =>
    Object.entries(v.calls).map(([call, c]) => ({
      client: `${p.preset}${callSeparator(p.preset)}${call}@${v.major}`,
      path: new URL(c.url.replace('{model}', 'm')).pathname + new URL(c.url.replace('{model}', 'm')).search,
    })),
  ),
);
const CLIENT_NAMES = CALLS.map((c) => c.client);
const routeFor = (client: string) => CALLS.find((c) => c.client === client)!.path;

describeWithChromium('preset requests are what Chromium sends', () => {
  let server: http.Server;
  let base: string;
  let page: PageServer;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const acrh = req.headers['access-control-request-headers'];
      seen.push({ method: req.method!, path: req.url!, acrh: typeof acrh === 'string' ? acrh : undefined });
      req.resume();
      req.on('end', () => {
        const cors = {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': typeof acrh === 'string' ? acrh : 'content-type',
        };
        res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
          ...cors,
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'OPTIONS' ? '' : '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    page = await startPageServer();
  });

  afterAll(async () => {
    await page?.close();
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  });

  it('Access-Control-Request-Headers match for every preset', async ({ task }) => {
    const browser = await launchChromium();
    const chrome = new Map<string, string | undefined>();
    try {
      const p = await browser.newPage();
      await p.goto(`${page.origin}/`);
      for (const [i, client] of CLIENT_NAMES.entries()) {
        const url = `${base}/chrome-${i}${routeFor(client)}`;
        const req = presetRequest({ client, url, browser: 'chromium' });
        const status = await p.evaluate(
          async ({ url, method, headers, body }) => {
            const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
            await res.text();
            return res.status;
          },
          { url, method: req.method, headers: req.headers.map(([n, v]) => [n, v] as [string, string]), body: req.body },
        );
        expect(status).toBe(200);
        chrome.set(
          client,
          seen.find((s) => s.method === 'OPTIONS' && s.path === new URL(url).pathname + new URL(url).search)?.acrh,
        );
      }
    } finally {
      await browser.close();
    }

    const yaml = ['defaults:', `  origin: ${page.origin}`, 'endpoints:'];
    for (const [i, client] of CLIENT_NAMES.entries())
      yaml.push(`  - name: gate ${client}`, `    url: ${base}/gate-${i}${routeFor(client)}`, `    client: ${client}`);
    const endpoints = parseConfig({ file: 'parity.yml', text: yaml.join('\n') + '\n' });
    const results = await checkEndpoints(endpoints, { timeoutMs: 5000, concurrency: 4, confirm: 0 });
    expect(results.every((r) => r.evaluation.verdict === 'pass')).toBe(true);

    const rows = CLIENT_NAMES.map((client, i) => {
      const path = `/gate-${i}${routeFor(client)}`;
      const gate = seen.find((s) => s.method === 'OPTIONS' && s.path === path)?.acrh;
      return { client, chromium: chrome.get(client), gate };
    });
    for (const r of rows) {
      expect(r.chromium, r.client).toBeDefined();
      expect(r.gate, r.client).toBe(r.chromium);
    }
    // Chromium never lists user-agent, though most SDK presets set it.
    expect(rows.some((r) => r.chromium?.includes('user-agent'))).toBe(false);
    task.meta.chromiumRan = `Chromium presets: ${rows.length} SDK calls, ${browserLabel()}`;
  });
});
