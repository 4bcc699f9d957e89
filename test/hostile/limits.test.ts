// GitHub's limits: a step summary over 1 MiB is dropped whole, a step shows 10
// error and 10 warning annotations and drops the rest silently, an issue body
// over 65,536 characters is refused. cors-gate stays under each of them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import { parseConfig } from '../../src/config/load.js';
import { changeComment, issueBody, resolvedComment, trackingComment } from '../../src/issues/body.js';
import { ISSUE_SECTION_BYTES, renderIssueSection } from '../../src/issues/section.js';
import { decideGate } from '../../src/report/gate.js';
import { buildReport, type ResultRecord } from '../../src/report/record.js';
import { renderSummary, SUMMARY_LIMIT } from '../../src/report/summary.js';
import type { Verdict } from '../../src/types.js';
import { resultRecord } from '../support/records.js';
import { cleanup, commandLines, runAction } from './harness.js';
import { type HostileServer, hostileConfig, MARK, startHostile } from './hostile-server.js';
import { findAll, inspect } from './render.js';

const MiB = 1024 * 1024;

/** A record as the report holds it, with evidence as large as the report allows. */
function record(i: number, verdict: Verdict): ResultRecord {
  const headers: [string, string][] = [['Access-Control-Allow-Origin', `https://other-${i}.example`]];
  for (let h = 0; h < 40; h++) headers.push([`X-Pad-${h}`, 'p'.repeat(100)]);
  const ex = {
    request: {
      method: 'OPTIONS',
      headers: [
        ['Origin', 'https://example.com'],
        ['Access-Control-Request-Method', 'POST'],
      ] as [string, string][],
    },
    status: 200,
    headers,
    body: 'b'.repeat(2048),
    bodyTruncated: true,
    error: null,
    ms: 5,
  };
  return resultRecord({
    id: `id${i}`,
    name: `endpoint number ${i}`,
    url: `https://api-${i}.example/v1/chat/completions`,
    verdict,
    findings:
      verdict === 'pass'
        ? []
        : [
            {
              code: 'PreflightAllowOriginMismatch',
              level: verdict === 'warn' ? 'warn' : 'fail',
              on: 'preflight',
              message: 'The value is not equal to the supplied origin.',
            },
          ],
    fix: [['Access-Control-Allow-Origin', 'https://example.com']],
    preflight: ex,
    actual: verdict === 'pass' ? ex : null,
    checkedAt: new Date(0).toISOString(),
  });
}

function summaryOf(n: number, verdict: Verdict = 'fail'): { text: string; records: ResultRecord[] } {
  const records = Array.from({ length: n }, (_, i) => record(i, i % 10 === 0 ? 'pass' : verdict));
  return { text: renderSummary({ records, decision: decideGate(records, ['fail', 'error']) }), records };
}

describe('the job summary stays under 1 MiB', () => {
  test('with issues on, the summary and the issues section appended later stay under 1 MiB together', () => {
    const records = Array.from({ length: 4000 }, (_, i) => record(i, 'fail'));
    const main = renderSummary({
      records,
      decision: decideGate(records, ['fail', 'error']),
      limit: SUMMARY_LIMIT - ISSUE_SECTION_BYTES,
    });
    const rows = records.map((r, i) => ({
      endpoint: `${r.name} ${'n'.repeat(150)}`,
      action: 'skipped' as const,
      number: i,
      url: null,
      repo: 'acme/widgets',
      reason: `| <b>${'r'.repeat(400)}`,
      planned: 'created' as const,
    }));
    const errors = Array.from({ length: 12 }, () => `GitHub said ${'<e>'.repeat(400)}`);
    const section = renderIssueSection({ rows, problems: errors, writes: 0, plan: [] }, false);
    expect(Buffer.byteLength(section)).toBeLessThanOrEqual(ISSUE_SECTION_BYTES);
    expect(section).toMatch(/more rows in the issues output/);
    expect(Buffer.byteLength(main) + Buffer.byteLength(section)).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });

  test('a few endpoints: everything is shown', () => {
    const { text } = summaryOf(20);
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT);
    expect(text).not.toMatch(/left out/);
    expect(findAll(inspect(text).root, 'details')).toHaveLength(18);
  });

  test('hundreds of endpoints: details are shortened first, every table row stays, a line says so', () => {
    const { text, records } = summaryOf(1000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    const page = inspect(text);
    expect(findAll(findAll(page.root, 'table')[0]!, 'tr')).toHaveLength(records.length + 1);
    const shown = findAll(page.root, 'details').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(900);
    expect(text).toMatch(new RegExp(`Details of ${900 - shown} endpoints left out`));
    expect(text).not.toMatch(/table rows left out/);
  });

  test('thousands of endpoints: the table is cut last, and the line says how many rows are missing', () => {
    for (const n of [5000, 20_000]) {
      const { text } = summaryOf(n);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT);
      const rows = text.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length;
      if (rows < n) {
        expect(text).toContain(`${n - rows} table rows left out`);
        // Rows go last: none of the details made it in.
        expect(text).not.toContain('<details>');
      }
    }
  });

  test('a tighter limit is respected as well (the margin is not what keeps it under)', () => {
    const records = Array.from({ length: 300 }, (_, i) => record(i, 'fail'));
    for (const limit of [64 * 1024, 200 * 1024]) {
      const text = renderSummary({ records, decision: decideGate(records, ['fail']), limit });
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit);
    }
  });
});

describe('end to end: 2,000 failing endpoints through the action', () => {
  let server: Server;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    // Every answer has no Access-Control-Allow-Origin and a 2 KB body: each endpoint fails with evidence.
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain', 'x-filler': 'f'.repeat(2000) });
      res.end('n'.repeat(2048));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    dir = mkdtempSync(join(tmpdir(), 'cors-gate-limits-'));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('summary under 1 MiB with a note, at most 10 error and 10 warning annotations, one aggregate first', async () => {
    // 2,000 endpoints from 40 entries of 50 paths each; one in ten is a warn (Chromium-only).
    const paths = Array.from({ length: 50 }, (_, i) => `/p${i}`);
    const entries = Array.from(
      { length: 40 },
      (_, i) => `  - name: provider ${i}\n    url: ${url}/v${i}\n    paths: [${paths.join(', ')}]\n`,
    ).join('');
    writeFileSync(join(dir, 'many.yml'), `defaults:\n  origin: https://example.com\nendpoints:\n${entries}`);
    const r = await runAction({ config: join(dir, 'many.yml'), concurrency: '64', timeout: '10' });
    try {
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.report!);
      expect(report.results).toHaveLength(2000);
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(MiB);
      expect(r.summary).toMatch(/left out to stay under GitHub's 1 MiB summary limit/);
      const commands = commandLines(r.stdout);
      const errors = commands.filter((l) => l.startsWith('::error'));
      const warnings = commands.filter((l) => l.startsWith('::warning'));
      expect(errors.length).toBeLessThanOrEqual(10);
      expect(warnings.length).toBeLessThanOrEqual(10);
      expect(errors[0]).toMatch(
        /^::error title=cors-gate::2000 blocked by the browser \(of 2000 checked\): .* and 1990 more\. See the job summary\./,
      );
    } finally {
      cleanup(r);
    }
  }, 120_000);

  test('with fail-on never the blocked endpoints become warnings, still at most 10', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => `  - name: p${i}\n    url: ${url}/w${i}\n`).join('');
    const r = await runAction({ endpoints: `endpoints:\n${entries}`, 'fail-on': 'never' });
    try {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const commands = commandLines(r.stdout);
      expect(commands.filter((l) => l.startsWith('::error'))).toEqual([]);
      const warnings = commands.filter((l) => l.startsWith('::warning'));
      expect(warnings).toHaveLength(10);
      expect(warnings[0]).toMatch(/30 blocked by the browser \(of 30 checked\)/);
    } finally {
      cleanup(r);
    }
  });
});

describe('issue bodies and comments', () => {
  let hostile: HostileServer;
  let records: ResultRecord[];
  beforeAll(async () => {
    hostile = await startHostile();
    const results = await checkEndpoints(parseConfig({ file: 'h.yml', text: hostileConfig(hostile.url) }), {
      timeoutMs: 5000,
      concurrency: 6,
    });
    records = buildReport(results).results;
  });
  afterAll(async () => hostile?.close());

  const marker = { id: 'abcdef123456', fp: '0123456789abcdef', first: '2026-01-01', changed: '2026-01-02' };

  function texts(r: ResultRecord): string[] {
    return [
      issueBody(r, { marker, runUrl: 'https://github.com/o/r/actions/runs/1' }),
      changeComment(r, { title: 'CORS: before' }),
      trackingComment(r, { ...marker, state: 'fail' }, null, new Date()),
      resolvedComment(r, '2026-01-01', new Date()),
    ];
  }

  test('stay under 65,536 characters, even with the largest evidence the report keeps', () => {
    const big = record(1, 'fail');
    big.preflight!.headers = Array.from(
      { length: 200 },
      (_, i) => [`Access-Control-X-${i}`, `${MARK} `.repeat(700)] as [string, string],
    );
    big.findings = Array.from({ length: 50 }, (_, i) => ({
      code: `Code${i}`,
      level: 'fail' as const,
      on: 'preflight' as const,
      message: 'm'.repeat(4000),
    }));
    big.fix = Array.from({ length: 200 }, (_, i) => [`X-${i}`, 'v'.repeat(4000)] as [string, string]);
    for (const t of [...texts(big), ...records.flatMap(texts)]) expect(t.length).toBeLessThan(65_536);
  });

  test('server text in them renders no markup, mention, reference or link', () => {
    for (const r of records) {
      for (const t of texts(r)) {
        const page = inspect(t);
        expect(page.foreignTags.filter((x) => x !== 'sub' && x !== 'a')).toEqual([]);
        // The only link is the run URL cors-gate wrote itself.
        for (const a of findAll(page.root, 'a'))
          expect(JSON.stringify(a.attrs)).toContain('github.com/o/r/actions/runs/1');
        expect(
          page.attributes.filter(
            (a) =>
              !a.startsWith('a[href=https://github.com/o/r/actions/runs/1') && !a.startsWith('code[class=language-'),
          ),
        ).toEqual([]);
        expect(page.comments.every((c) => c.startsWith(' cors-gate:v1 '))).toBe(true);
        expect(page.nestedInCode).toEqual([]);
        for (const needle of [MARK, '@someone', '#123', 'evil.example', 'onerror'])
          expect(page.plainText, `${needle} in ${r.name}`).not.toContain(needle);
      }
    }
  });
});
