// The pipeline both entry points share, against a real server on 127.0.0.1:
// config rows → checks → redacted records → gate, one shard or all, and shards'
// reports merged back into one outcome.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectShard, shardOf } from '../../src/config/shard.js';
import { ConfigError } from '../../src/errors.js';
import { type CheckOutcome, loadEndpoints, mergeRuns, runChecks } from '../../src/pipeline.js';
import { countVerdicts } from '../../src/report/gate.js';
import { reportJsonChunks } from '../../src/report/record.js';
import type { CheckResult, Endpoint } from '../../src/types.js';

const KEY = 'sk-pipeline-secret-0042';
const QUERY_KEY = 'qk-in-the-url-7731';
const EXTRA = 'ghs_extra_token_5150';
const ENV = { CG_PIPELINE_KEY: KEY };

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}
const seen: Seen[] = [];
let server: Server;
let base: string;
let closedPort: number;

/**
 * /ok… answers a preflight and echoes the request (key, URL, the extra secret) in
 * a header and the body; /blocked… answers the preflight 404 without CORS headers;
 * /pad… puts the key across the 2 KiB of body that a check keeps.
 */
function listen(): Promise<Server> {
  const s = createServer((req, res) => {
    seen.push({ method: req.method!, path: req.url!, headers: req.headers });
    const key = String(req.headers['x-api-key'] ?? '');
    if (req.url!.startsWith('/blocked')) {
      res.writeHead(req.method === 'OPTIONS' ? 404 : 401, { 'content-type': 'text/plain' }).end('no');
      return;
    }
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'x-api-key, content-type',
        })
        .end();
      return;
    }
    const body = req.url!.startsWith('/pad')
      ? `${'x'.repeat(2048 - 12)}${key}`
      : JSON.stringify({ url: req.url, key, token: EXTRA });
    res.writeHead(200, { 'access-control-allow-origin': '*', 'x-echo': `${key} ${EXTRA}` }).end(body);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  server = await listen();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spare = await listen();
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const entry = (name: string, path: string) =>
  `  - name: ${name}\n    url: ${base}${path}\n    headers:\n      x-api-key: {env: CG_PIPELINE_KEY}\n      content-type: application/json\n`;
// The servers run on this machine, and so does the page: no Local Network Access.
const load = (entries: string[]) =>
  loadEndpoints(
    [{ file: 'pipeline.yml', text: `defaults:\n  address-space: local\nendpoints:\n${entries.join('')}` }],
    { env: ENV },
  );
const options = { timeoutMs: 5000, concurrency: 2, failOn: ['fail' as const, 'error' as const] };

/** Ten that pass, two a browser blocks, one with no server. */
const mixed = () =>
  load([
    ...Array.from({ length: 10 }, (_, i) => entry(`ok ${i}`, `/ok/${i}?key=${QUERY_KEY}`)),
    entry('blocked 0', '/blocked/0'),
    entry('blocked 1', '/blocked/1'),
    `  - name: down\n    url: http://127.0.0.1:${closedPort}/v1\n`,
  ]);

describe('loadEndpoints', () => {
  it('reads an env: header from the env it is given, and marks the value secret', () => {
    const [e] = load([entry('a', '/ok')]);
    expect(e!.headers).toContainEqual(['x-api-key', KEY]);
    expect(e!.secrets).toContain(KEY);
  });

  it('reads nothing from the process environment', () => {
    const text = `endpoints:\n${entry('a', '/ok')}`;
    process.env.CG_PIPELINE_KEY = 'from-process-env';
    try {
      expect(() => loadEndpoints([{ file: 'p.yml', text }])).toThrow(ConfigError);
      expect(() => loadEndpoints([{ file: 'p.yml', text }], { env: {} })).toThrow(
        /p\.yml:\d+:\d+: .*CG_PIPELINE_KEY is not set or empty/,
      );
      expect(
        loadEndpoints([{ file: 'p.yml', text }], { env: { CG_PIPELINE_KEY: 'given' } })[0]!.headers,
      ).toContainEqual(['x-api-key', 'given']);
    } finally {
      delete process.env.CG_PIPELINE_KEY;
    }
  });
});

describe('runChecks', () => {
  let endpoints: Endpoint[];
  let whole: CheckOutcome;
  const calls: { id: string; done: number; total: number }[] = [];

  beforeAll(async () => {
    endpoints = mixed();
    seen.length = 0;
    whole = await runChecks(endpoints, {
      ...options,
      secrets: [EXTRA],
      onResult: (r: CheckResult, done, total) => calls.push({ id: r.endpoint.id, done, total }),
    });
  });

  it('checks every endpoint and keeps the config order and positions', () => {
    expect(whole.report.results.map((r) => r.name)).toEqual(endpoints.map((e) => e.name));
    expect(whole.report.results.map((r) => r.position)).toEqual(endpoints.map((_, i) => i));
    expect(whole.report.results.map((r) => r.verdict)).toEqual([...Array(10).fill('pass'), 'fail', 'fail', 'error']);
    expect('shard' in whole.report).toBe(false);
  });

  it('calls onResult once per endpoint, counting up to the total', () => {
    expect(calls).toHaveLength(endpoints.length);
    expect(calls.map((c) => c.done)).toEqual(endpoints.map((_, i) => i + 1));
    expect(new Set(calls.map((c) => c.total))).toEqual(new Set([endpoints.length]));
    expect(new Set(calls.map((c) => c.id))).toEqual(new Set(endpoints.map((e) => e.id)));
  });

  it('sends the secrets, and redacts them (and the URL’s) from every record', () => {
    const ok = seen.filter((s) => s.method === 'POST' && s.path.startsWith('/ok/'));
    expect(ok).toHaveLength(10);
    expect(ok[0]!.headers['x-api-key']).toBe(KEY);
    expect(ok[0]!.path).toContain(QUERY_KEY);
    const text = [...reportJsonChunks(whole.report)].join('');
    for (const s of [KEY, QUERY_KEY, EXTRA]) expect(text).not.toContain(s);
    const first = whole.report.results[0]!;
    expect(first.url).toBe(`${base}/ok/0?key=***`);
    expect(first.actual!.body).toBe('{"url":"/ok/0?key=***","key":"***","token":"***"}');
    expect(first.actual!.headers).toContainEqual(['x-echo', '*** ***']);
    expect(first.actual!.request.headers).toContainEqual(['x-api-key', '***']);
  });

  it('decides the gate from the records', () => {
    const { decision, report } = whole;
    expect(decision.counts).toEqual(countVerdicts(report.results));
    expect(decision.counts).toEqual({ total: 13, passed: 10, warned: 0, failed: 2, errored: 1 });
    expect(decision.ok).toBe(false);
    expect(decision.failOn).toEqual(['fail', 'error']);
    expect(decision.failing.map((r) => r.name)).toEqual(['blocked 0', 'blocked 1', 'down']);
  });

  it('passes the gate with fail-on: never, and on the endpoints that pass', async () => {
    const never = await runChecks(endpoints.slice(10), { ...options, failOn: [] });
    expect(never.decision).toMatchObject({ ok: true, failing: [] });
    expect(never.decision.counts.failed).toBe(2);
    const passing = await runChecks(endpoints.slice(0, 3), options);
    expect(passing.decision.ok).toBe(true);
  });

  it('checks only the shard’s endpoints, keeping their positions in the whole list', async () => {
    const shards = [];
    for (let index = 1; index <= 3; index++) {
      const shard = { index, count: 3 };
      const progress: [number, number][] = [];
      const outcome = await runChecks(endpoints, {
        ...options,
        shard,
        onResult: (_, done, total) => progress.push([done, total]),
      });
      const mine = selectShard(endpoints, shard);
      expect(outcome.report.results.map((r) => r.id)).toEqual(mine.map((e) => e.id));
      expect(outcome.report.results.map((r) => r.position)).toEqual(mine.map((e) => endpoints.indexOf(e)));
      expect(progress).toEqual(mine.map((_, i) => [i + 1, mine.length]));
      expect([...reportJsonChunks(outcome.report)].join('')).not.toContain(KEY);
      expect((outcome.report as { shard?: unknown }).shard).toEqual(shard);
      expect(outcome.decision.counts.total).toBe(mine.length);
      shards.push(outcome);
    }
    // Some shard holds endpoints from past the start of the list: positions are not renumbered.
    expect(shards.some((s) => s.report.results.some((r, i) => r.position !== i))).toBe(true);

    // Merged, the shards are the whole run again: the config's order, and the same gate.
    const merged = mergeRuns(
      shards.reverse().map((s, i) => ({ file: `shard-${i}.json`, text: [...reportJsonChunks(s.report)].join('') })),
      options.failOn,
    );
    expect(merged.report.results.map((r) => r.name)).toEqual(endpoints.map((e) => e.name));
    expect(merged.decision.counts).toEqual(whole.decision.counts);
    expect(merged.decision.failing.map((r) => r.name)).toEqual(['blocked 0', 'blocked 1', 'down']);
    expect(mergeRuns([{ file: 'all.json', text: JSON.stringify(whole.report) }], []).decision.ok).toBe(true);
  });

  // A check keeps the first 2 KiB of a body; a key the server echoes across that
  // limit is cut in two, and its first part must not be left in the report.
  it('leaves no part of an echoed key cut at the end of the body, and says the body was cut', async () => {
    const outcome = await runChecks(load([entry('pad', '/pad')]), options);
    const actual = outcome.report.results[0]!.actual!;
    expect(actual.body).toMatch(/^x+\*\*\*$/);
    expect(actual.body).not.toContain(KEY.slice(0, 4));
    expect(actual.bodyTruncated).toBe(true);
  });

  it("redacts every endpoint's secrets in a shard's records, not only the shard's own", async () => {
    const other = 'sk-other-shard-999';
    const endpoints = loadEndpoints(
      [
        {
          file: 'two.yml',
          text: `endpoints:\n${entry('mine', '/ok/mine')}  - name: theirs\n    url: ${base}/ok/theirs\n    headers:\n      x-api-key: ${other}\n`,
        },
      ],
      { env: ENV },
    );
    // The server echoes the key it got: "mine" sends the other endpoint's key, and the
    // two are split into different shards.
    const [mine, theirs] = endpoints as [Endpoint, Endpoint];
    const count = [2, 3, 4, 5, 6, 7, 8].find((n) => shardOf(mine.id, n) !== shardOf(theirs.id, n))!;
    const shard = { index: shardOf(mine.id, count), count };
    const echoing = endpoints.map((e) =>
      e === mine
        ? { ...e, headers: [['x-api-key', other] as const, ['content-type', 'application/json'] as const] }
        : e,
    );
    const outcome = await runChecks(echoing, { ...options, shard });
    expect(outcome.report.results.map((r) => r.name)).toEqual(['mine']);
    const text = [...reportJsonChunks(outcome.report)].join('');
    expect(text).not.toContain(other);
  });
  // Each endpoint with its own key: past a few, the run's secrets are looked up
  // through an index, not tried one by one; every key is still taken out everywhere.
  it("redacts each of many endpoints' own keys, echoed whole or cut at the end of a body", async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `sk-own-${i}-${(i * 7919).toString(36)}-zq`);
    const endpoints = loadEndpoints(
      [
        {
          file: 'many.yml',
          text: `defaults:\n  address-space: local\nendpoints:\n${keys
            .map(
              (key, i) =>
                `  - name: own ${i}\n    url: ${base}/${i % 2 ? 'pad' : 'ok'}/${i}\n    headers:\n      x-api-key: ${key}\n      content-type: application/json\n`,
            )
            .join('')}`,
        },
      ],
      { env: ENV },
    );
    // Two endpoints send the last one's key, as misconfigured rows might: echoed whole
    // by one server and cut at the end of the body by the other.
    const swapped = endpoints.map((e, i) =>
      i === 0 || i === 1
        ? { ...e, headers: [['x-api-key', keys[39]!] as const, ['content-type', 'application/json'] as const] }
        : e,
    );
    const outcome = await runChecks(swapped, { ...options, concurrency: 8 });
    const text = [...reportJsonChunks(outcome.report)].join('');
    for (const key of keys) expect(text).not.toContain(key.slice(0, 12));
    expect(outcome.report.results.filter((r) => r.actual?.body.endsWith('***')).length).toBe(20);
  });
});

describe('mergeRuns', () => {
  it('refuses a set of shards with one missing', async () => {
    const endpoints = mixed();
    const one = await runChecks(endpoints, { ...options, shard: { index: 1, count: 2 } });
    expect(() => mergeRuns([{ file: 'one.json', text: JSON.stringify(one.report) }], options.failOn)).toThrow(
      /no report for shard 2\/2/,
    );
  });
});
