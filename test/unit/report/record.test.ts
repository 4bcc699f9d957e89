// The JSON report's records: what was checked and seen, with every secret and
// URL credential redacted once, bounded, and written out chunk by chunk exactly
// as jsonText writes the whole.
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  newReport,
  REPORT_VERSION,
  type Report,
  reportJsonChunks,
  reportSecrets,
  toRecord,
} from '../../../src/report/record.js';
import { jsonText } from '../../../src/text.js';
import type { CheckResult, Endpoint, Exchange, HeaderLine } from '../../../src/types.js';
import { resultRecord } from '../../support/records.js';

const KEY = 'sk-live-5ecret-key';
const USER = 'alice-user';
const PASS = 'pa55-word';
const QUERY_KEY = 'qk-query-9999';

function endpoint(over: Partial<Endpoint> = {}): Endpoint {
  return {
    id: 'ep1',
    name: 'Provider',
    url: 'https://api.example.net/v1/chat/completions',
    origin: 'https://example.com',
    method: 'POST',
    headers: [['authorization', `Bearer ${KEY}`]],
    credentials: 'omit',
    actual: true,
    browser: 'chromium',
    secrets: [KEY],
    ...over,
  };
}

function sent(method: string, headers: HeaderLine[], response?: Exchange['response'], error?: Exchange['error']) {
  return {
    method,
    url: 'https://api.example.net/v1/chat/completions',
    headers,
    ...(response ? { response } : {}),
    ...(error ? { error } : {}),
    ms: 12,
  } satisfies Exchange;
}

function result(e: Endpoint, over: Partial<CheckResult> = {}): CheckResult {
  return {
    endpoint: e,
    evaluation: { verdict: 'pass', findings: [], preflightNeeded: true, fix: [] },
    checkedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Every place a server or the config can put a secret back. */
function leaky(e: Endpoint, secret: string): CheckResult {
  return result(e, {
    evaluation: {
      verdict: 'fail',
      preflightNeeded: true,
      findings: [{ code: 'X', level: 'fail', on: 'preflight', message: `echoed ${secret} in a header` }],
      fix: [['Access-Control-Allow-Headers', 'authorization']],
    },
    preflight: sent(
      'OPTIONS',
      [
        ['Origin', 'https://example.com'],
        [`X-Echo-${secret}`, `Bearer ${secret}`],
      ],
      {
        status: 403,
        headers: [
          ['X-Seen-Key', secret],
          [`X-${secret}`, 'name'],
        ],
        body: `{"error":"bad key ${secret}"}`,
        bodyTruncated: true,
      },
    ),
    actual: sent('POST', [['authorization', `Bearer ${secret}`]], undefined, {
      code: 'ECONNRESET',
      message: `socket hang up after ${secret}`,
    }),
  });
}

describe('toRecord', () => {
  it('keeps what was checked and seen', () => {
    const r = toRecord(
      result(endpoint(), {
        evaluation: {
          verdict: 'warn',
          preflightNeeded: false,
          findings: [{ code: 'W', level: 'warn', message: 'm' }],
          fix: [['Access-Control-Max-Age', '600']],
        },
        actual: sent('POST', [['content-type', 'text/plain']], {
          status: 200,
          headers: [['Access-Control-Allow-Origin', '*']],
          body: 'ok',
          bodyTruncated: false,
        }),
      }),
    );
    expect(r).toEqual({
      id: 'ep1',
      name: 'Provider',
      url: 'https://api.example.net/v1/chat/completions',
      origin: 'https://example.com',
      method: 'POST',
      credentials: 'omit',
      browser: 'chromium',
      verdict: 'warn',
      preflightNeeded: false,
      findings: [{ code: 'W', level: 'warn', message: 'm' }],
      fix: [['Access-Control-Max-Age', '600']],
      preflight: null,
      actual: {
        request: { method: 'POST', headers: [['content-type', 'text/plain']] },
        status: 200,
        headers: [['Access-Control-Allow-Origin', '*']],
        body: 'ok',
        bodyTruncated: false,
        error: null,
        ms: 12,
      },
      checkedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('carries group, client, expect, models and issue only when the endpoint has them', () => {
    const r = toRecord(
      result(
        endpoint({
          group: 'G',
          client: 'openai',
          expect: 'fail',
          models: ['m1'],
          issue: { repo: 'o/r', labels: ['cors'] },
        }),
      ),
    );
    expect(r).toMatchObject({
      group: 'G',
      client: 'openai',
      expect: 'fail',
      models: ['m1'],
      issue: { repo: 'o/r', labels: ['cors'] },
    });
    const plain = toRecord(result(endpoint()));
    for (const k of ['group', 'client', 'expect', 'models', 'issue', 'position']) expect(k in plain).toBe(false);
  });

  it('says when there was no answer', () => {
    const r = toRecord(leaky(endpoint(), 'nothing'));
    expect(r.actual).toMatchObject({ status: null, headers: [], body: '', bodyTruncated: false });
    expect(r.actual!.error!.code).toBe('ECONNRESET');
    expect(r.preflight!.bodyTruncated).toBe(true);
  });

  it('redacts the endpoint’s secrets everywhere', () => {
    const r = toRecord(leaky(endpoint({ name: `Provider ${KEY}` }), KEY));
    const text = JSON.stringify(r);
    expect(text).not.toContain(KEY);
    expect(r.name).toBe('Provider ***');
    expect(r.findings[0]!.message).toBe('echoed *** in a header');
    expect(r.preflight!.request.headers).toEqual([
      ['Origin', 'https://example.com'],
      ['X-Echo-***', 'Bearer ***'],
    ]);
    expect(r.preflight!.headers).toEqual([
      ['X-Seen-Key', '***'],
      ['X-***', 'name'],
    ]);
    expect(r.preflight!.body).toBe('{"error":"bad key ***"}');
    expect(r.actual!.request.headers).toEqual([['authorization', 'Bearer ***']]);
    expect(r.actual!.error!.message).toBe('socket hang up after ***');
  });

  it('redacts the URL’s credentials everywhere, and shows the URL without them', () => {
    const url = `https://${USER}:${PASS}@api.example.net/v1/chat/completions?key=${QUERY_KEY}&mode=x`;
    for (const secret of [USER, PASS, QUERY_KEY]) {
      const r = toRecord(leaky(endpoint({ url, secrets: [], name: `N ${secret}` }), secret));
      const text = JSON.stringify(r);
      expect(text).not.toContain(secret);
      expect(r.url).toBe('https://***@api.example.net/v1/chat/completions?key=***&mode=x');
      expect(r.name).toBe('N ***');
      expect(r.preflight!.body).toBe('{"error":"bad key ***"}');
      expect(r.actual!.error!.message).toBe('socket hang up after ***');
    }
  });

  it('redacts the extra secrets it is given (the GitHub token)', () => {
    const token = 'ghs_0123456789abcdef';
    const r = toRecord(leaky(endpoint(), token), [token]);
    expect(JSON.stringify(r)).not.toContain(token);
    expect(JSON.stringify(toRecord(leaky(endpoint(), token)))).toContain(token);
  });

  it('caps header lines at 200 with a note, names at 256 and values at 4096 characters', () => {
    const many: HeaderLine[] = Array.from({ length: 250 }, (_, i) => [`X-H${i}`, String(i)]);
    const r = toRecord(
      result(endpoint(), {
        preflight: sent('OPTIONS', [['N'.repeat(1000), 'v'.repeat(10_000)]], {
          status: 200,
          headers: many,
          body: '',
          bodyTruncated: false,
        }),
      }),
    );
    const headers = r.preflight!.headers;
    expect(headers).toHaveLength(201);
    expect(headers[199]).toEqual(['X-H199', '199']);
    expect(headers[200]).toEqual(['cors-gate-note', '50 more header lines cut']);
    const [name, value] = r.preflight!.request.headers[0]!;
    expect(name).toHaveLength(256);
    expect(value).toHaveLength(4096);
    expect(value).toMatch(/^v+ …\[5904 more characters cut\]$/);
    // Exactly 200 lines are kept whole, with no note.
    const exact = toRecord(
      result(endpoint(), {
        preflight: sent('OPTIONS', [], { status: 200, headers: many.slice(0, 200), body: '', bodyTruncated: false }),
      }),
    );
    expect(exact.preflight!.headers).toHaveLength(200);
    expect(exact.preflight!.headers.at(-1)).toEqual(['X-H199', '199']);
  });

  it('redacts before it cuts, so a cut never leaves part of a secret', () => {
    const value = `${'v'.repeat(4090)}${KEY}`;
    const r = toRecord(
      result(endpoint(), {
        preflight: sent('OPTIONS', [], {
          status: 200,
          headers: [['X', value]],
          body: '',
          bodyTruncated: false,
        }),
      }),
    );
    expect(r.preflight!.headers[0]![1]).toBe(`${'v'.repeat(4090)}***`);
  });
});

describe('reportSecrets and buildReport', () => {
  it('redacts every endpoint’s secrets from every result', () => {
    const other = 'sk-other-endpoint-key';
    const a = endpoint({ id: 'a', name: 'A' });
    const b = endpoint({ id: 'b', name: 'B', secrets: [other], url: `https://api.example.net/v1?token=${QUERY_KEY}` });
    expect(new Set(reportSecrets([a, b], ['ghs_tok']))).toEqual(new Set(['ghs_tok', KEY, other, QUERY_KEY]));
    // A answers with B's key, B with A's key and with the extra secret.
    const report = buildReport([leaky(a, other), leaky(b, `${KEY} ${QUERY_KEY} ghs_tok`)], ['ghs_tok']);
    const text = JSON.stringify(report);
    for (const s of [KEY, other, QUERY_KEY, 'ghs_tok']) expect(text).not.toContain(s);
    expect(report.results.map((r) => r.preflight!.body)).toEqual([
      '{"error":"bad key ***"}',
      '{"error":"bad key *** *** ***"}',
    ]);
    expect(report).toMatchObject({ version: REPORT_VERSION, tool: 'cors-gate' });
  });
});

describe('reportJsonChunks', () => {
  const record = (i: number, name = `endpoint ${i}`) =>
    resultRecord({ id: `r${i}`, name, url: `https://r${i}.example.net/v1`, verdict: 'pass', position: i });
  const report = (results: ReturnType<typeof record>[]): Report => ({
    ...newReport(results),
    generatedAt: '2026-01-01T00:00:00.000Z',
  });
  const joined = (r: Report) => [...reportJsonChunks(r)].join('');

  it('writes exactly what jsonText writes, for no result, one and many', () => {
    for (const results of [[], [record(0)], [record(0), record(1), record(2)]]) {
      const r = report(results);
      expect(joined(r)).toBe(jsonText(r));
      expect(JSON.parse(joined(r))).toEqual(r);
    }
  });

  it('writes many results in several chunks, none of them the whole', () => {
    const r = report(Array.from({ length: 600 }, (_, i) => record(i)));
    const chunks = [...reportJsonChunks(r)];
    const whole = jsonText(r);
    expect(chunks.join('')).toBe(whole);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.length).toBeLessThan(whole.length / 2);
  });

  it('keeps the keys of a shard report where they are', () => {
    const r = { ...report([record(0)]), shard: { index: 2, count: 3 } };
    expect(joined(r)).toBe(jsonText(r));
    expect(joined(r)).toContain('\n  "shard": {\n    "index": 2,');
  });

  it('writes one result per line, unindented, for files and pipes: the same JSON', () => {
    for (const results of [[record(0)], Array.from({ length: 600 }, (_, i) => record(i))]) {
      const r = { ...report(results), shard: { index: 1, count: 2 } };
      const text = [...reportJsonChunks(r, 'lines')].join('');
      expect(JSON.parse(text)).toEqual(r);
      const lines = text.split('\n');
      expect(lines[0]).toBe('{"version":1,"tool":"cors-gate","generatedAt":"2026-01-01T00:00:00.000Z","results":[');
      expect(lines.at(-1)).toBe('');
      expect(lines.at(-2)).toBe('],"shard":{"index":1,"count":2}}');
      const rows = lines.slice(1, -2);
      expect(rows).toEqual(results.map((x, i) => JSON.stringify(x) + (i < results.length - 1 ? ',' : '')));
    }
    const none = [...reportJsonChunks(report([]), 'lines')].join('');
    expect(none).toBe('{"version":1,"tool":"cors-gate","generatedAt":"2026-01-01T00:00:00.000Z","results":[]}\n');
  });

  it('escapes direction and invisible characters as jsonText does', () => {
    const odd = '\u202eevil\u2028line\u0085next\u00adsoft\u200bzero\ufeffbom\u2066iso\u061c "q" \\ é 🔌';
    const r = report([record(0, odd), { ...record(1), findings: [{ code: 'X', level: 'fail', message: odd }] }]);
    const text = joined(r);
    expect(text).toBe(jsonText(r));
    const lines = [...reportJsonChunks(r, 'lines')].join('');
    expect(JSON.parse(lines)).toEqual(JSON.parse(text));
    expect(lines).not.toMatch(/[\u202e\u2028\u0085\u00ad\u200b\ufeff\u2066\u061c]/);
    expect(text).not.toMatch(/[\u202e\u2028\u0085\u00ad\u200b\ufeff\u2066\u061c]/);
    expect(text).toContain('\\u202eevil\\u2028line\\u0085next\\u00adsoft\\u200bzero\\ufeffbom\\u2066iso\\u061c');
    expect(JSON.parse(text).results[0].name).toBe(odd);
  });
});
