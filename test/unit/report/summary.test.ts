// The job summary: headline, gate line, one table row per endpoint, the evidence
// for each endpoint that is not a pass, all within a size limit, and server text
// that never renders.
import { describe, expect, it } from 'vitest';
import { decideGate } from '../../../src/report/gate.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { corsHeadersCell, exchangeText, renderSummary } from '../../../src/report/summary.js';
import type { Verdict } from '../../../src/types.js';
import { erroring, exchange, failing, passing } from '../../support/issue-records.js';

const FAIL_ON: Verdict[] = ['fail', 'error'];
const summary = (records: ResultRecord[], over: { failOn?: Verdict[]; limit?: number; sections?: string[] } = {}) =>
  renderSummary({
    records,
    decision: decideGate(records, over.failOn ?? FAIL_ON),
    ...(over.limit !== undefined ? { limit: over.limit } : {}),
    ...(over.sections ? { sections: over.sections } : {}),
  });
/** The text a reader sees once the entities are rendered. */
const shown = (s: string) =>
  s.replace(/<wbr>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const tableRows = (out: string) => out.split('\n').filter((l) => /^\| \d+ \|/.test(l));
const cellsOf = (row: string) => row.split(' | ').map((c) => c.replace(/^\| | \|$/g, ''));
const detailsOf = (out: string) => out.split('<details>').slice(1);

/** A simple request: no preflight, the actual request alone. */
const simple = (name: string, over: Partial<ResultRecord> = {}) =>
  passing(name, {
    method: 'GET',
    preflightNeeded: false,
    findings: [],
    preflight: null,
    actual: exchange('GET', 200, [['Access-Control-Allow-Origin', '*']]),
    ...over,
  });

describe('renderSummary: headline and gate line', () => {
  it('counts the endpoints a browser can call (pass and warn) and each verdict', () => {
    const out = summary([passing('A'), failing('B', { verdict: 'warn' }), failing('C'), erroring('D')]);
    expect(out.startsWith('## cors-gate: 2 of 4 endpoints can be called from a browser\n\n')).toBe(true);
    expect(out).toContain('✅ 1 pass · ⚠️ 1 warn · ❌ 1 fail · 🔌 1 error — gate **failed** (fail-on: fail, error)');
  });

  it('says one endpoint, not one endpoints', () => {
    expect(summary([passing('A')])).toMatch(/^## cors-gate: 1 of 1 endpoint can be called from a browser\n/);
  });

  it('says the gate passed, with the fail-on list, or never', () => {
    expect(summary([passing('A')])).toContain('gate **passed** (fail-on: fail, error)');
    expect(summary([failing('B')], { failOn: [] })).toContain('gate **passed** (fail-on: never)');
    expect(summary([failing('B', { verdict: 'warn' })], { failOn: ['warn'] })).toContain(
      'gate **failed** (fail-on: warn)',
    );
  });

  it('names the shard this run checked', () => {
    const records = [passing('A'), failing('B')];
    const out = renderSummary({ records, decision: decideGate(records, FAIL_ON), shard: { index: 2, count: 4 } });
    expect(out).toMatch(/^## cors-gate: 1 of 2 endpoints can be called from a browser \(shard 2\/4\)\n/);
    expect(summary(records)).not.toContain('(shard');
  });

  it('tells to drop expect: fail from an endpoint that now passes, and only from that one', () => {
    const out = summary([passing('Healed', { expect: 'fail' }), failing('Known', { expect: 'fail' }), passing('P')]);
    expect(out).toContain('> [!NOTE]\n> Healed now passes: drop `expect: fail` from its config.');
    expect(out.match(/now passes/g)).toHaveLength(1);
    expect(out).toContain('gate **passed**');
  });
});

describe('renderSummary: the table', () => {
  it('has one row per endpoint, numbered in order, with name and url', () => {
    const out = summary([passing('A'), failing('B'), erroring('C')]);
    expect(out).toContain('| # | Endpoint | Status | Verdict | CORS headers |\n|---|---|---|---|---|\n');
    const rows = tableRows(out);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => cellsOf(r)[0])).toEqual(['1', '2', '3']);
    expect(shown(cellsOf(rows[1]!)[1]!)).toBe('B<br><code>https://api.example.net/b/v1/chat/completions</code>');
  });

  it('shows the status of the preflight then the actual request', () => {
    const rows = tableRows(summary([failing('B'), erroring('C'), simple('S')]));
    expect(cellsOf(rows[0]!)[2]).toBe('OPTIONS 404 → POST 401');
    // No answer: the error code stands in for the status; the actual request was never sent.
    expect(cellsOf(rows[1]!)[2]).toBe('OPTIONS ECONNREFUSED');
    expect(cellsOf(rows[2]!)[2]).toBe('no preflight → GET 200');
  });

  it('does not say "no preflight" when one was needed but is missing', () => {
    const r = failing('B', { preflight: null });
    expect(cellsOf(tableRows(summary([r]))[0]!)[2]).toBe('POST 401');
  });

  it('shows the verdict label and the first problem code', () => {
    const warned = failing('W', {
      verdict: 'warn',
      findings: [
        { code: 'MaxAge', level: 'info', message: 'No Access-Control-Max-Age.' },
        { code: 'WildcardWithAuthorization', level: 'warn', message: 'w' },
      ],
    });
    const rows = tableRows(summary([passing('A'), failing('B'), failing('K', { expect: 'fail' }), warned]));
    expect(rows.map((r) => cellsOf(r)[3]!.replace(/<wbr>/g, ''))).toEqual([
      '✅ pass',
      '❌ fail<br>PreflightInvalidStatus',
      '❌ fail (expected)<br>PreflightInvalidStatus',
      '⚠️ warn<br>WildcardWithAuthorization',
    ]);
  });

  it('abbreviates the CORS headers of the preflight, in the order received', () => {
    const r = passing('A', {
      preflight: exchange('OPTIONS', 204, [
        ['Vary', 'Origin'],
        ['access-control-allow-methods', 'POST'],
        ['Access-Control-Allow-Origin', 'https://example.com'],
        ['Access-Control-Allow-Headers', 'authorization'],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Max-Age', '600'],
        ['Access-Control-Expose-Headers', 'x-request-id'],
      ]),
    });
    expect(shown(corsHeadersCell(r))).toBe(
      'ACAM <code>POST</code><br>ACAO <code>https://example.com</code><br>ACAH <code>authorization</code><br>ACAC <code>true</code><br>max-age <code>600</code>',
    );
  });

  it('uses the actual response when there was no preflight', () => {
    expect(shown(corsHeadersCell(simple('S')))).toBe('ACAO <code>*</code>');
  });

  it('says none when there are no CORS headers, and the error when there was no answer', () => {
    expect(corsHeadersCell(failing('B'))).toBe('none');
    expect(shown(corsHeadersCell(erroring('C')))).toBe('<code>connect ECONNREFUSED 127.0.0.1:1</code>');
    expect(corsHeadersCell(failing('N', { preflight: null, actual: null }))).toBe('');
    const rows = tableRows(summary([failing('B'), erroring('C')]));
    expect(cellsOf(rows[0]!)[4]).toBe('none');
    expect(shown(cellsOf(rows[1]!)[4]!)).toBe('<code>connect ECONNREFUSED 127.0.0.1:1</code>');
  });
});

describe('renderSummary: details', () => {
  it('gives details for every endpoint that is not a pass, in order, and none for a pass', () => {
    const out = summary([passing('A'), failing('B'), erroring('C'), failing('W', { verdict: 'warn' })]);
    expect(out).toContain('\n### Details\n');
    expect(detailsOf(out).map((d) => d.split('</summary>')[0])).toEqual([
      '<summary>❌ B — PreflightInvalidStatus',
      '<summary>🔌 C — NetworkError',
      '<summary>⚠️ W — PreflightInvalidStatus',
    ]);
    expect(out.indexOf('### Details')).toBeGreaterThan(out.indexOf('| 4 |'));
  });

  it('has no details section when every endpoint passes', () => {
    const out = summary([passing('A'), simple('S')]);
    expect(out).not.toContain('### Details');
    expect(out).not.toContain('<details>');
  });

  it('names the verdict in the summary line when there is no problem to name', () => {
    const out = summary([failing('B', { findings: [] })]);
    expect(out).toContain('<summary>❌ B — fail</summary>');
  });

  it('lists the findings, leaving out the MaxAge note but keeping other informative ones', () => {
    const r = failing('B', {
      findings: [
        { code: 'PreflightInvalidStatus', level: 'fail', on: 'preflight', message: 'It does not have HTTP ok status.' },
        { code: 'MaxAge', level: 'info', on: 'preflight', message: 'No Access-Control-Max-Age.' },
        { code: 'RedirectFollowed', level: 'info', message: 'Followed 1 redirect.' },
      ],
    });
    const d = shown(detailsOf(summary([r]))[0]!);
    expect(d).toContain(
      '<ul>\n<li><b>PreflightInvalidStatus</b> (fail, preflight): <code>It does not have HTTP ok status.</code></li>\n<li><b>RedirectFollowed</b> (info): <code>Followed 1 redirect.</code></li>\n</ul>',
    );
    expect(d).not.toContain('MaxAge');
  });

  it('says what was sent, from which origin, and with credentials when included', () => {
    const d = shown(detailsOf(summary([failing('B')]))[0]!);
    expect(d).toContain(
      '<p><code>POST https://api.example.net/b/v1/chat/completions</code> from origin <code>https://example.com</code></p>',
    );
    expect(shown(summary([failing('B', { credentials: 'include' })]))).toContain(
      'from origin <code>https://example.com</code>, credentials: include</p>',
    );
  });

  it('gives the header lines the response needs, the exchanges and a curl line to reproduce', () => {
    const d = shown(detailsOf(summary([failing('B')]))[0]!);
    expect(d).toContain(
      '<p>The response needs:</p>\n<pre>Access-Control-Allow-Origin: https://example.com\nAccess-Control-Allow-Methods: POST\nAccess-Control-Allow-Headers: authorization, content-type</pre>',
    );
    expect(d).toContain('<p>Preflight:</p>\n<pre>OPTIONS → 404\nContent-Type: text/html\n\n<h1>Not Found</h1></pre>');
    expect(d).toContain(
      '<p>Actual request:</p>\n<pre>POST → 401\nContent-Type: application/json\n\n{"error":"Missing API key."}</pre>',
    );
    expect(d).toContain(
      "<p>Reproduce:</p>\n<pre>curl -sig -X OPTIONS 'https://api.example.net/b/v1/chat/completions' -H 'Origin: https://example.com' -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type'</pre>",
    );
    // A pre block stays one source line: a blank line would end the HTML block.
    expect(detailsOf(summary([failing('B')]))[0]).not.toMatch(/<pre>[^<]*\n/);
  });

  it('leaves out what it does not have: no fix, no preflight, no actual request', () => {
    const d = shown(detailsOf(summary([erroring('C')]))[0]!);
    expect(d).not.toContain('The response needs');
    expect(d).not.toContain('Actual request:');
    expect(d).toContain('<p>Preflight:</p>\n<pre>OPTIONS → no response (connect ECONNREFUSED 127.0.0.1:1)</pre>');
    const noPreflight = shown(
      detailsOf(
        summary([simple('S', { verdict: 'fail', findings: [{ code: 'X', level: 'fail', message: 'm' }] })]),
      )[0]!,
    );
    expect(noPreflight).not.toContain('Preflight:');
    expect(noPreflight).toContain("<pre>curl -sig -X GET 'https://api.example.net/s/v1/chat/completions' -H 'Origin");
  });

  it('shortens the details of one endpoint that would not fit', () => {
    const long = 'x'.repeat(600);
    const r = failing('Huge', {
      findings: Array.from({ length: 60 }, (_, i) => ({ code: `F${i}`, level: 'fail' as const, message: long })),
    });
    const d = detailsOf(summary([r]))[0]!;
    expect(d).toContain('Details too long for the summary; see the JSON report.');
    expect(d).not.toContain('xxxx');
    expect(d.length).toBeLessThan(300);
  });
});

describe('exchangeText', () => {
  it('writes the status line, the header lines and the body, saying when the body was cut', () => {
    expect(exchangeText({ ...exchange('POST', 500, [['A', 'b']], 'oops'), bodyTruncated: true })).toBe(
      'POST → 500\nA: b\n\noops …[body cut]',
    );
    expect(exchangeText(exchange('OPTIONS', 204))).toBe('OPTIONS → 204');
  });
});

describe('renderSummary: sections', () => {
  it('puts extra sections and the client matrix after the table, before the details', () => {
    const records = [
      failing('P', { client: 'fetch' }),
      passing('P · openai', { client: 'openai', id: 'po' }),
      failing('Q'),
    ];
    const out = summary(records, { sections: ['### Issues\n\nopened 1\n'] });
    const table = out.indexOf('| 3 |');
    const matrix = out.indexOf('### By client');
    const issues = out.indexOf('### Issues');
    expect(table).toBeGreaterThan(0);
    expect(matrix).toBeGreaterThan(table);
    expect(issues).toBeGreaterThan(matrix);
    expect(out.indexOf('### Details')).toBeGreaterThan(issues);
    // An empty section (no issues to report) adds nothing.
    expect(summary([failing('Q')], { sections: [''] })).toBe(summary([failing('Q')]));
  });
});

describe('renderSummary: the size limit', () => {
  it('says so when a section (the matrix, the issues) is left out for size', () => {
    const big = `### Issues\n\n${'x'.repeat(40 * 1024)}\n`;
    const out = summary([failing('A')], { limit: 30 * 1024, sections: [big] });
    expect(out).not.toContain('### Issues');
    expect(out).toContain('_1 section (the by-client matrix or the issues) left out');
  });

  const records = Array.from({ length: 30 }, (_, i) =>
    i % 3 === 0 ? passing(`Endpoint ${String(i).padStart(2, '0')}`) : failing(`Endpoint ${String(i).padStart(2, '0')}`),
  );
  const nonPass = records.filter((r) => r.verdict !== 'pass').length;
  const leftOut = (out: string, re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const rowsNote =
    /_(\d+) table rows left out to stay under GitHub's 1 MiB summary limit; the JSON report has every endpoint\._/;
  const detailsNote =
    /_Details of (\d+) endpoints left out to stay under GitHub's 1 MiB summary limit; the JSON report has them\._/;

  it('leaves nothing out under the default limit', () => {
    const out = summary(records);
    expect(tableRows(out)).toHaveLength(30);
    expect(detailsOf(out)).toHaveLength(nonPass);
    expect(out).not.toContain('left out');
  });

  it('leaves out details first, then table rows, stays under the limit and says how many', () => {
    const full = Buffer.byteLength(summary(records));
    const seen = new Set<string>();
    for (let limit = full + 17 * 1024; limit > 16 * 1024; limit -= 97) {
      const out = summary(records, { limit });
      const rows = tableRows(out).map((r) => Number(cellsOf(r)[0]));
      const details = detailsOf(out).length;
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(limit);
      // A row kept keeps its number in the whole list.
      for (const row of tableRows(out)) {
        const [n, name] = cellsOf(row);
        expect(name!.startsWith(`${records[Number(n) - 1]!.name}<br>`)).toBe(true);
      }
      expect(rows.length + leftOut(out, rowsNote)).toBe(records.length);
      expect(details + leftOut(out, detailsNote)).toBe(nonPass);
      if (rows.length < records.length) expect(details).toBe(0);
      seen.add(
        `${rows.length === records.length ? 'all' : rows.length ? 'some' : 'no'} rows, ${details === nonPass ? 'all' : details ? 'some' : 'no'} details`,
      );
    }
    expect(seen).toEqual(
      new Set([
        'all rows, all details',
        'all rows, some details',
        'all rows, no details',
        'some rows, no details',
        'no rows, no details',
      ]),
    );
  });

  it('keeps the headline and the gate line whatever the limit', () => {
    const out = summary(records, { limit: 0 });
    expect(out).toMatch(/^## cors-gate: 10 of 30 endpoints can be called from a browser\n/);
    expect(out).toContain('gate **failed**');
    expect(tableRows(out)).toEqual([]);
    expect(leftOut(out, rowsNote)).toBe(30);
    expect(leftOut(out, detailsNote)).toBe(nonPass);
  });
});

describe('renderSummary: server text never renders', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>|@team';
  const hostile = failing(`Evil ${HOSTILE} \`code\` **b** #123 www.evil.example\n## Injected`, {
    url: `https://api.example.net/v1?q=${HOSTILE}`,
    findings: [
      { code: 'PreflightInvalidStatus', level: 'fail', on: 'preflight', message: `status 404 ${HOSTILE}` },
      { code: 'Odd', level: 'info', message: `info ${HOSTILE}` },
    ],
    fix: [['Access-Control-Allow-Origin', HOSTILE]],
    preflight: exchange(
      'OPTIONS',
      404,
      [
        ['Access-Control-Allow-Origin', HOSTILE],
        ['Access-Control-Allow-Headers', '`x`|y'],
        [`X-${HOSTILE}`, HOSTILE],
      ],
      `<script>alert(1)</script>${HOSTILE}\n\n## heading\n| a | b |`,
    ),
    actual: { ...exchange('POST', null), error: { code: 'ECONNRESET', message: `reset ${HOSTILE}` } },
  });
  const broken = erroring('Broken');
  broken.preflight = { ...broken.preflight!, error: { code: 'EPROTO', message: `bad ${HOSTILE}` } };
  const out = summary([hostile, broken, passing('Ok')]);

  it('escapes every character that could start markup, a mention or a code span', () => {
    const ours = out.replace(/<\/?(br|code|details|summary|p|ul|li|b|pre|wbr)>/g, '');
    expect(ours).not.toContain('<');
    expect(ours).not.toContain('>');
    expect(out).not.toContain('@');
    expect(out).not.toContain('`');
    expect(out).not.toContain('**b**');
    expect(out).not.toContain('#123');
    expect(out).not.toContain('www.');
    expect(out).not.toMatch(/https?:\/\//);
  });

  it('keeps every table row to its five cells, and no server text starts a line of its own', () => {
    for (const line of out.split('\n')) {
      if (line.includes('|')) expect(line.match(/\|/g)).toHaveLength(6);
      if (line.includes('|')) expect(line.startsWith('|')).toBe(true);
      expect(line).not.toMatch(/^(## (Injected|heading)|\| a)/);
    }
    expect(tableRows(out)).toHaveLength(3);
  });

  it('still shows the server text, made visible', () => {
    const text = shown(out);
    expect(text).toContain(`Evil ${HOSTILE} \`code\` **b** #123 www.evil.example\\n## Injected`);
    expect(text).toContain(`ACAO <code>${HOSTILE}</code>`);
    expect(text).toContain(`status 404 ${HOSTILE}`);
    expect(text).toContain(`X-${HOSTILE}: ${HOSTILE}`);
    expect(text).toContain(`<script>alert(1)</script>${HOSTILE}`);
    expect(text).toContain(`POST → no response (reset ${HOSTILE})`);
    expect(text).toContain(`<code>bad ${HOSTILE}</code>`);
  });
});

describe('renderSummary: the CORS headers cell at a glance', () => {
  const asked = (acrh: string) =>
    ({
      ...exchange('OPTIONS', 204, [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'GET,OPTIONS,PATCH,DELETE,POST,PUT'],
        [
          'Access-Control-Allow-Headers',
          'Authorization, Content-Type, HTTP-Referer, X-Title, X-Stainless-Lang, X-Stainless-OS',
        ],
      ]),
      request: {
        method: 'OPTIONS',
        headers: [
          ['Access-Control-Request-Method', 'POST'],
          ['Access-Control-Request-Headers', acrh],
        ],
      },
    }) as ResultRecord['preflight'];
  const text = (r: ResultRecord) => shown(corsHeadersCell(r)).replace(/<\/?code>/g, '');

  it('a passing row shows only what the request needed of a long list, and how many more the server allows', () => {
    const r = passing('A', { preflight: asked('authorization,content-type') });
    expect(text(r).split('<br>')).toEqual(['ACAO *', 'ACAM POST +5 more', 'ACAH Authorization, Content-Type +4 more']);
  });

  it('a row that is not a pass keeps the whole list: the reader needs it to see why', () => {
    const r = failing('B', { preflight: asked('authorization,x-custom') });
    expect(text(r)).toContain(
      'ACAH Authorization, Content-Type, HTTP-Referer, X-Title, X-Stainless-Lang, X-Stainless-OS',
    );
  });

  it('short lists, wildcards and lists nothing was asked of stay as sent', () => {
    const short = passing('C', {
      preflight: {
        ...asked('authorization'),
        headers: [['Access-Control-Allow-Headers', 'authorization, content-type']],
      } as ResultRecord['preflight'],
    });
    expect(text(short)).toBe('ACAH authorization, content-type');
    const star = passing('D', {
      preflight: {
        ...asked('authorization'),
        headers: [['Access-Control-Allow-Headers', 'a, b, c, d, *']],
      } as ResultRecord['preflight'],
    });
    expect(text(star)).toBe('ACAH a, b, c, d, *');
  });
});
