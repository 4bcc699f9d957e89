// Servers that answer differently from one request to the next, checked by the
// built CLI: blips are asked again and leave a trace in the report, a failure
// stands only when every probe meets it, and a server that fails some probes
// and not others is named as intermittent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ResultRecord } from '../../src/report/record.js';
import { CLI, runNode } from '../support/spawn.js';

const ORIGIN = 'https://app.example';
const OTHER = 'https://other.example';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** Each path prefix is one server behaviour; `n` counts that behaviour's requests of the same method. */
function allow(res: ServerResponse, origin: string | undefined, status = 200, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'authorization, content-type',
    'Content-Type': 'application/json',
    ...extra,
  });
  res.end(status === 204 ? undefined : '{}');
}

const BEHAVIOURS: Record<string, Handler> = {
  // Every third preflight has no Access-Control-Allow-Origin, starting with the first.
  'every-third': (req, res, n) => allow(res, req.method === 'OPTIONS' && n % 3 === 1 ? undefined : '*', 204),
  // The first connection is reset before any answer.
  'reset-once': (req, res, n) => (n === 1 && req.method === 'OPTIONS' ? req.socket.destroy() : allow(res, '*')),
  // One 429 asking to come back in a second.
  'rate-limited-once': (req, res, n) =>
    n === 1 && req.method === 'OPTIONS'
      ? allow(res, undefined, 429, { 'Retry-After': '1' })
      : allow(res, req.headers.origin ?? '*'),
  // A shared cache without Vary: Origin: the first preflight gets the answer cached for another origin.
  'cache-other-origin': (req, res, n) =>
    allow(res, req.method === 'OPTIONS' && n === 1 ? OTHER : (req.headers.origin ?? '*'), 204),
  // Always the same CORS failure.
  steady: (req, res) => allow(res, undefined, req.method === 'OPTIONS' ? 204 : 200),
  // The load balancer is down for good.
  'always-503': (_req, res) => allow(res, undefined, 503),
};

let server: Server;
let base = '';
let dir: string;
const counts = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = req.url!.split('/')[1]!;
    const key = `${name} ${req.method}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    req.resume();
    req.on('end', () => BEHAVIOURS[name]!(req, res, n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-blips-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function check(names: string[], flags: string[] = []): Promise<Map<string, ResultRecord>> {
  const config = join(dir, `${names.join('-')}.yml`);
  const rows = names.map((n) => `  - name: ${n}\n    url: ${base}/${n}/v1/chat/completions\n`).join('');
  writeFileSync(config, `defaults:\n  origin: ${ORIGIN}\n  address-space: local\nendpoints:\n${rows}`);
  const ran = await runNode(CLI, ['--config', config, '--format', 'json', '--fail-on', 'never', ...flags]);
  expect(ran.code, ran.stderr).toBe(0);
  const report = JSON.parse(ran.stdout) as Report;
  return new Map(report.results.map((r) => [r.name, r]));
}

describe('blips and inconsistent servers', () => {
  let results: Map<string, ResultRecord>;
  beforeAll(async () => {
    results = await check(Object.keys(BEHAVIOURS));
  });
  const codes = (r: ResultRecord) => r.findings.filter((f) => f.level !== 'info').map((f) => f.code);

  it('a reset connection is asked again, and the attempt is in the report', () => {
    const r = results.get('reset-once')!;
    expect(r.verdict).toBe('pass');
    expect(r.preflight!.status).toBe(200);
    expect(r.preflight!.attempts).toEqual([
      expect.objectContaining({ status: null, error: expect.stringMatching(/^(ECONNRESET|UND_ERR_SOCKET)$/) }),
    ]);
  });

  it('a 429 with Retry-After: 1 is asked again after a second', () => {
    const r = results.get('rate-limited-once')!;
    expect(r.verdict).toBe('pass');
    expect(r.preflight!.attempts).toEqual([expect.objectContaining({ status: 429, error: null, waitMs: 1000 })]);
  });

  it('a steady failure is confirmed: three probes, the same failure, not flaky', () => {
    const r = results.get('steady')!;
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['PreflightMissingAllowOriginHeader']);
    expect(r.probes).toEqual(Array(3).fill({ verdict: 'fail', code: 'PreflightMissingAllowOriginHeader' }));
    expect(r.flaky).toBeUndefined();
  });

  it('a preflight without Access-Control-Allow-Origin on every third request is named intermittent', () => {
    const r = results.get('every-third')!;
    expect(r.verdict).toBe('fail');
    expect(r.flaky).toBe(true);
    expect(codes(r)[0]).toBe('InconsistentAnswers');
    const f = r.findings.find((x) => x.code === 'InconsistentAnswers')!;
    expect(f.message).toMatch(/^1 of 3 probes failed \(pass ×2, fail PreflightMissingAllowOriginHeader ×1\)/);
    expect(f.message).toContain('preflight Access-Control-Allow-Origin: * ×2, (absent) ×1');
    expect(r.probes!.map((p) => p.verdict)).toEqual(['fail', 'pass', 'pass']);
  });

  it("a cache that replays another origin's answer is named intermittent, with the values seen", () => {
    const r = results.get('cache-other-origin')!;
    expect(r.verdict).toBe('fail');
    expect(r.flaky).toBe(true);
    const f = r.findings.find((x) => x.code === 'InconsistentAnswers')!;
    expect(f.message).toContain(`preflight Access-Control-Allow-Origin: ${ORIGIN} ×2, ${OTHER} ×1`);
    expect(codes(r)).toContain('PreflightAllowOriginMismatch');
  });

  it('a server that stays unavailable is an error after the retries, not a CORS failure', () => {
    const r = results.get('always-503')!;
    expect(r.verdict).toBe('error');
    expect(codes(r)).toEqual(['ServerUnavailable']);
    expect(r.preflight!.status).toBe(503);
    expect(r.preflight!.attempts).toHaveLength(2);
    expect(r.actual).toBeNull();
  });

  it('with --retries 0 --confirm 0, each probe is sent once', async () => {
    const before = counts.get('steady OPTIONS') ?? 0;
    const once = await check(['steady', 'always-503'], ['--retries', '0', '--confirm', '0']);
    expect(counts.get('steady OPTIONS')! - before).toBe(1);
    expect(once.get('steady')!.probes).toBeUndefined();
    expect(once.get('always-503')!.preflight!.attempts).toBeUndefined();
  });
});
