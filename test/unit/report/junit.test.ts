// The JUnit XML report, read back with a real XML parser and validated against a
// published JUnit schema: counts, one testcase per row, the names, what each
// verdict becomes, the evidence, and server text that can break neither the XML
// nor a reader.
import { describe, expect, it } from 'vitest';
import { junitChunks, junitNames, renderJunit } from '../../../src/report/junit.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { erroring, exchange, failing, passing } from '../../support/issue-records.js';
import { type JunitCase, readJunit } from '../../support/junit.js';

const AT = '2026-11-20T10:00:00.123Z';
const render = (records: ResultRecord[], shard?: { index: number; count: number }) =>
  renderJunit({ records, generatedAt: AT, ...(shard ? { shard } : {}) });
const cases = (records: ResultRecord[]): JunitCase[] => readJunit(render(records)).suites[0]!.cases;

const warning = (name: string) =>
  passing(name, {
    verdict: 'warn',
    findings: [
      {
        code: 'WildcardAllowHeadersCoversAuthorization',
        level: 'warn',
        on: 'preflight',
        message: 'Access-Control-Allow-Headers: * does not cover Authorization in the standard.',
      },
    ],
    fix: [['Access-Control-Allow-Headers', 'authorization, content-type']],
  });

describe('renderJunit: the suite', () => {
  it('is one testsuite in testsuites, with the counts, the time and when', () => {
    const records = [
      passing('A'),
      warning('B'),
      failing('C'),
      erroring('D'),
      failing('E', { expect: 'fail' }),
      failing('F', { expect: 'fail', verdict: 'error' }),
    ];
    const report = readJunit(render(records));
    expect(report.suites).toHaveLength(1);
    const counts = { tests: '6', failures: '1', errors: '2' };
    expect(report.attrs).toEqual({ name: 'cors-gate', ...counts, time: '0.033' });
    expect(report.suites[0]!.attrs).toEqual({
      name: 'cors-gate',
      ...counts,
      skipped: '1',
      time: '0.033',
      timestamp: '2026-11-20T10:00:00',
    });
    expect(report.suites[0]!.cases.map((c) => c.outcome)).toEqual([
      'pass',
      'pass',
      'failure',
      'error',
      'skipped',
      'error',
    ]);
  });

  it('names the shard', () => {
    const report = readJunit(render([passing('A')], { index: 2, count: 4 }));
    expect(report.suites[0]!.attrs.name).toBe('cors-gate (shard 2/4)');
  });

  it('with no rows is still a valid report', () => {
    const report = readJunit(render([]));
    expect(report.suites[0]!.attrs.tests).toBe('0');
    expect(report.suites[0]!.cases).toEqual([]);
  });

  it('comes in chunks that add up to the whole, for thousands of rows', () => {
    const records = Array.from({ length: 1000 }, (_, i) => failing(`E${i}`));
    const chunks = [...junitChunks({ records, generatedAt: AT })];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(render(records));
    expect(readJunit(chunks.join('')).suites[0]!.cases).toHaveLength(1000);
  });
});

describe('renderJunit: a testcase per row', () => {
  it('its time is the preflight’s and the actual request’s, in seconds', () => {
    const [c] = cases([
      passing('A', {
        preflight: { ...exchange('OPTIONS', 204), ms: 12 },
        actual: { ...exchange('POST', 401), ms: 1500 },
      }),
    ]);
    expect(c!.time).toBe('1.512');
  });

  it('pass: nothing inside', () => {
    expect(cases([passing('A')])[0]).toEqual({ classname: 'A', name: 'A', time: '0.006', outcome: 'pass' });
  });

  it('warn: passes, and system-out says why and what the response needs', () => {
    const [c] = cases([warning('B')]);
    expect(c!.outcome).toBe('pass');
    expect(c!.systemOut).toContain(
      'WildcardAllowHeadersCoversAuthorization (warn, preflight): Access-Control-Allow-Headers: * does not cover',
    );
    expect(c!.systemOut).toContain('The response needs:\nAccess-Control-Allow-Headers: authorization, content-type');
  });

  it('fail: a failure typed by the first finding, with the evidence', () => {
    const [c] = cases([failing('Zen')]);
    expect(c!.outcome).toBe('failure');
    expect(c!.type).toBe('PreflightInvalidStatus');
    expect(c!.message).toBe(
      "Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).",
    );
    const text = c!.text!;
    expect(text.split('\n')[0]).toBe(
      'POST https://api.example.net/zen/v1/chat/completions from origin https://example.com',
    );
    expect(text).toContain('PreflightInvalidStatus (fail, preflight): Response to preflight request');
    expect(text).not.toContain('MaxAge'); // informative findings are not why it failed
    expect(text).toContain(
      'The response needs:\nAccess-Control-Allow-Origin: https://example.com\nAccess-Control-Allow-Methods: POST',
    );
    // Status and the CORS headers of each exchange; not the body, not other headers.
    expect(text).toContain('Preflight: OPTIONS → 404\n(no Access-Control-* headers)');
    expect(text).toContain('Actual request: POST → 401');
    expect(text).not.toContain('Not Found');
    expect(text).not.toContain('text/html');
    expect(text).toMatch(/Reproduce:\ncurl -sig -X OPTIONS 'https:\/\/api\.example\.net\/zen\/v1\/chat\/completions'/);
  });

  it('fail after retries and probes: says so', () => {
    const preflight = { ...exchange('OPTIONS', 404), attempts: [{ status: 503, error: null, ms: 2, waitMs: 100 }] };
    const [c] = cases([
      failing('Zen', {
        preflight,
        flaky: true,
        probes: [{ verdict: 'fail', code: 'PreflightInvalidStatus' }, { verdict: 'pass' }, { verdict: 'pass' }],
      }),
    ]);
    expect(c!.text).toContain('Preflight: OPTIONS → 404 (after 1 retry)');
    expect(c!.text).toContain('flaky: failed 1 of 3 probes');
  });

  it('error: an error typed by the finding, with what the connection said', () => {
    const [c] = cases([erroring('Down')]);
    expect(c).toMatchObject({ outcome: 'error', type: 'NetworkError' });
    expect(c!.message).toBe('Preflight failed: connect ECONNREFUSED 127.0.0.1:1');
    expect(c!.text).toContain('Preflight: OPTIONS → no response (connect ECONNREFUSED 127.0.0.1:1)');
  });

  it('a known failure is skipped as an expected failure, with its evidence', () => {
    const [c] = cases([failing('Known', { expect: 'fail' })]);
    expect(c).toMatchObject({ outcome: 'skipped', type: 'PreflightInvalidStatus', message: 'expected failure' });
    expect(c!.text).toContain('PreflightInvalidStatus (fail, preflight)');
  });

  it('a known failure that passes now says to drop expect: fail', () => {
    const [c] = cases([passing('Fixed', { expect: 'fail' })]);
    expect(c).toMatchObject({ outcome: 'pass', systemOut: 'Now passes: drop expect: fail from its config.' });
  });
});

describe('junitNames: classname is the config entry, name what the row adds', () => {
  const row = (name: string, group?: string, client?: string) =>
    junitNames(passing(name, { ...(group ? { group } : {}), ...(client ? { client } : {}) }));

  it('a single row: both are its name', () => {
    expect(row('Our API')).toEqual({ classname: 'Our API', name: 'Our API' });
    expect(row('OpenRouter', undefined, 'openai-sdk')).toEqual({ classname: 'OpenRouter', name: 'OpenRouter' });
  });

  it('clients: the client; the fetch row keeps the entry’s name, so it is named by its client', () => {
    expect(row('OpenRouter · openai-sdk', 'OpenRouter', 'openai-sdk')).toEqual({
      classname: 'OpenRouter',
      name: 'openai-sdk',
    });
    expect(row('OpenRouter', 'OpenRouter', 'fetch')).toEqual({ classname: 'OpenRouter', name: 'fetch' });
  });

  it('paths and origins: what the row adds', () => {
    expect(row('Ollama /models · openai-sdk', 'Ollama', 'openai-sdk')).toEqual({
      classname: 'Ollama',
      name: '/models · openai-sdk',
    });
    expect(row('API from http://localhost:3000', 'API')).toEqual({
      classname: 'API',
      name: 'from http://localhost:3000',
    });
  });

  it('a name the group is not the start of (redacted) stays whole', () => {
    expect(row('A *** name', 'A secret name')).toEqual({ classname: 'A *** name', name: 'A *** name' });
  });
});

describe('renderJunit: server text', () => {
  // Everything XML 1.0 forbids, markup, attribute breakers, bidi and a CDATA end.
  const HOSTILE = `PWNED <script>alert(1)</script> " ' & ]]> \u0000\u0001\u0007\u001b[31m \u007f\u0085 \u202e \ud800 x\udfff \ufffe\uffff 🙂 \ttab\rcr`;
  const hostile = failing('Hostile', {
    findings: [{ code: 'PreflightInvalidStatus', level: 'fail', on: 'preflight', message: `bad: ${HOSTILE}` }],
    preflight: exchange('OPTIONS', 404, [
      ['Access-Control-Allow-Origin', HOSTILE],
      ['Access-Control-Allow-Headers', `a\nb`],
    ]),
  });
  const xml = render([hostile, warning(`warn ${HOSTILE}`), erroring(`err ${HOSTILE}`)]);

  it('the report is well-formed and valid', () => {
    expect(readJunit(xml).suites[0]!.cases).toHaveLength(3);
  });

  it('no character XML 1.0 forbids, and no raw control or direction character', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
  });

  it('reads back as the same text, made visible', () => {
    const [c, w, e] = cases([hostile, warning(`warn ${HOSTILE}`), erroring(`err ${HOSTILE}`)]);
    const seen =
      'PWNED <script>alert(1)</script> " \' & ]]> \\u{0000}\\u{0001}\\u{0007}\\u{001b}[31m \\u{007f}\\u{0085} \\u{202e} \\u{d800} x\\u{dfff} \\u{fffe}\\u{ffff} 🙂 \\ttab\\rcr';
    expect(c!.message).toBe(`bad: ${seen}`);
    expect(c!.text).toContain(`Access-Control-Allow-Origin: ${seen}`);
    // A line break in server text cannot start a line of the evidence.
    expect(c!.text).toContain('Access-Control-Allow-Headers: a\\nb');
    expect(w!.classname).toBe(`warn ${seen}`);
    expect(e!.name).toBe(`err ${seen}`);
  });

  it('long text is cut, with a note', () => {
    const long = failing('Long', {
      findings: [{ code: 'X', level: 'fail', message: 'M'.repeat(5000) }],
      preflight: exchange('OPTIONS', 404, [['Access-Control-Allow-Origin', 'V'.repeat(40_000)]]),
    });
    const [c] = cases([long]);
    expect(c!.message!.length).toBeLessThanOrEqual(500);
    expect(c!.message).toMatch(/more characters cut\]$/);
    expect(c!.text!.length).toBeLessThanOrEqual(16_000);
    expect(c!.text).toMatch(/more characters cut\]$/);
  });
});
