import { describe, expect, it } from 'vitest';
import {
  BODY_LIMIT,
  changeComment,
  consoleWording,
  daysBetween,
  duplicateComment,
  issueBody,
  issueTitle,
  resolvedComment,
  shortReason,
  trackingComment,
} from '../../../src/issues/body.js';
import { fingerprint, legacyFingerprint, parseMarker, renderMarker } from '../../../src/issues/marker.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { cut, visible } from '../../../src/text.js';
import type { Finding } from '../../../src/types.js';
import { changed, erroring, exchange, failing, passing } from '../../support/issue-records.js';

/** What Markdown renders as text: fenced blocks and code spans removed (CommonMark's matching rules). */
function outsideCode(md: string): string {
  const lines = md.split('\n');
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (m) {
      fence = m[1]!;
      continue;
    }
    kept.push(line);
  }
  const text = kept.join('\n');
  // Code spans: a run of N backticks up to the next run of exactly N.
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let j = i + n;
      let end = -1;
      while ((j = text.indexOf(run, j)) !== -1) {
        if (text[j + n] !== '`' && text[j - 1] !== '`') {
          end = j;
          break;
        }
        j += n;
      }
      if (end === -1) {
        out += run;
        i += n;
      } else {
        i = end + n;
      }
      continue;
    }
    out += text[i++];
  }
  return out;
}

const EVIL =
  '@octocat #1 <img src=x onerror=alert(1)> [click](https://evil.example) ``` <!-- cors-gate:v1 -->\n- Follows #9, closed';

function hostile(): ResultRecord {
  const r = failing('Zen');
  return {
    ...r,
    findings: [
      ...r.findings,
      {
        code: 'HeaderDisallowedByPreflightResponse',
        level: 'fail',
        on: 'preflight',
        message: `Request header field ${EVIL} is not allowed`,
      },
    ],
    preflight: exchange(
      'OPTIONS',
      404,
      [
        ['Access-Control-Allow-Origin', EVIL],
        ['X-Evil', '````` ' + EVIL],
      ],
      `${EVIL}\n\`\`\`\n${EVIL}`,
    ),
    actual: exchange('POST', 401, [['access-control-allow-headers', EVIL]], EVIL),
    fix: [['Access-Control-Allow-Origin', 'https://example.com']],
  };
}

describe('issue text', () => {
  it('keeps server text inside code spans and fenced blocks', () => {
    // The checker itself sees text outside code.
    expect(outsideCode('a `@x` b @octocat ```` c')).toContain('@octocat');
    expect(outsideCode('```\n@octocat\n```\nok')).toBe('ok');
    const r = hostile();
    const marker = { id: r.id, fp: '0123456789abcdef', first: '2026-11-01', changed: '2026-11-02' };
    const texts = [
      issueBody(r, { marker, runUrl: 'https://github.com/a/b/actions/runs/1' }),
      changeComment(r, { title: 'old' }),
      resolvedComment(r, '2026-11-01', new Date('2026-11-05T00:00:00Z')),
      trackingComment(r, { ...marker, state: 'fail' }, null, new Date()),
      trackingComment(r, { ...marker, state: 'pass' }, { ...marker, state: 'fail' }, new Date()),
    ];
    for (const t of texts) {
      const plain = outsideCode(t);
      expect(plain).not.toContain('@octocat');
      expect(plain).not.toContain('<img');
      expect(plain).not.toContain('#1 ');
      expect(plain).not.toContain('](https://evil');
      expect(plain).not.toMatch(/^- Follows #9/m);
      // The hidden marker appears once, on the first line, and is ours.
      expect(t.split('\n').slice(1).join('\n')).not.toMatch(/^<!-- cors-gate:v1 id=/m);
    }
    expect(parseMarker(texts[0])).toMatchObject(marker);
  });

  it('stays under GitHub body limit whatever the server sends', () => {
    const big = 'x'.repeat(4096);
    const many = Array.from({ length: 200 }, (_, i) => [`Access-Control-H${i}`, big] as [string, string]);
    const r: ResultRecord = {
      ...failing(),
      name: 'n'.repeat(300),
      url: 'https://api.example.net/' + 'p'.repeat(3000),
      findings: Array.from({ length: 100 }, (_, i) => ({
        code: `Code${i}`,
        level: 'fail' as const,
        on: 'preflight' as const,
        message: big,
      })),
      fix: many,
      preflight: exchange('OPTIONS', 404, many, 'b'.repeat(100_000)),
      actual: exchange('POST', 401, many, 'b'.repeat(100_000)),
    };
    const marker = { id: r.id, fp: '0123456789abcdef', first: '2026-11-01', changed: '2026-11-02' };
    const body = issueBody(r, { marker });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body.length).toBeLessThan(65_536);
    expect(parseMarker(body)).toMatchObject(marker);
    expect(changeComment(r, { title: 't' }).length).toBeLessThan(65_536);
    expect(trackingComment(r, { ...marker, state: 'fail' }, null, new Date()).length).toBeLessThan(65_536);
    expect(issueTitle(r).length).toBeLessThanOrEqual(200);
  });

  it('has what a maintainer needs: evidence table, curl, browser wording, fix, dates, run link', () => {
    const r = failing();
    const body = issueBody(r, {
      marker: { id: r.id, fp: '0123456789abcdef', first: '2026-11-01', changed: '2026-11-02' },
      runUrl: 'https://github.com/acme/widgets/actions/runs/42',
    });
    expect(body).toContain('| preflight `OPTIONS` | `404` | none |');
    expect(body).toContain(
      "curl -sig -X OPTIONS 'https://api.example.net/zen/v1/chat/completions' -H 'Origin: https://example.com'",
    );
    expect(body).toContain(
      "has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).",
    );
    expect(body).not.toContain("check: Response to preflight request doesn't pass access control check:");
    expect(body).toContain('Access-Control-Allow-Headers: authorization, content-type');
    expect(body).toContain('- First seen: 2026-11-01');
    expect(body).toContain('- Last changed: 2026-11-02');
    expect(body).toContain('- Workflow run: https://github.com/acme/widgets/actions/runs/42');
  });

  it('finds the marker below text someone added, never inside code', () => {
    const m = { id: 'abcdef012345', fp: '0123456789abcdef0123', first: '2026-11-01', changed: '2026-11-02' };
    const line = renderMarker(m);
    const other = renderMarker({ ...m, id: '999999999999' });
    expect(parseMarker(`Triage note: upstream knows.\n\n${line}\n\n### What fails`)).toEqual(m);
    expect(parseMarker(`\uFEFF${line}`)).toEqual(m);
    // Fenced blocks, of backticks or tildes, however long, are skipped whole, and the marker after one counts.
    expect(parseMarker(`\`\`\`\n${other}\n\`\`\`\n${line}`)).toEqual(m);
    expect(parseMarker(`~~~ text\n${other}\n~~~\n${line}`)).toEqual(m);
    expect(parseMarker(`\`\`\`\`\n\`\`\`\n${other}\n\`\`\`\n\`\`\`\`\n${line}`)).toEqual(m);
    expect(parseMarker(`  \`\`\`sh\n${other}\n  \`\`\` \n${line}`)).toEqual(m);
    // An unclosed fence runs to the end.
    expect(parseMarker(`text\n\`\`\`\n${other}`)).toBeNull();
    // A code span, and anything not at the start of a line, is not a marker.
    expect(parseMarker(`Seen: \`${other}\``)).toBeNull();
    expect(parseMarker(`\`${other}\``)).toBeNull();
    expect(parseMarker(`- \`\`${other}\`\` from the server`)).toBeNull();
    expect(parseMarker(`    ${other}`)).toBeNull();
    // Issue bodies quote server text that holds a look-alike marker: only the real one is read.
    const r = hostile();
    const looksAlike = { ...r, preflight: exchange('OPTIONS', 404, [['X-A', other]], `${other}\n\`\`\`\n${other}`) };
    const body = issueBody(looksAlike, { marker: m });
    expect(parseMarker(body)).toEqual(m);
    expect(parseMarker(body.split('\n').slice(1).join('\n'))).toBeNull();
  });

  it('round-trips the marker and refuses malformed ones', () => {
    const m = {
      id: 'abcdef012345',
      fp: '0123456789abcdef',
      first: '2026-11-01',
      changed: '2026-11-02',
      state: 'pass' as const,
      prev: 12,
    };
    expect(parseMarker(renderMarker(m) + '\nrest')).toEqual(m);
    expect(parseMarker('<!-- cors-gate:v1 id=ZZ fp=00 first=x changed=y -->')).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });
});

describe('titles', () => {
  const fin = (code: string, level: Finding['level'] = 'fail'): Finding => ({
    code,
    level,
    on: 'preflight',
    message: 'm',
  });
  const reason = (findings: Finding[], over: Partial<ResultRecord> = {}) =>
    shortReason(failing('Zen', { findings, ...over }));

  it('say what blocks, from codes and statuses only', () => {
    expect(reason([fin('PreflightInvalidStatus')])).toBe('preflight answers 404');
    expect(reason([fin('PreflightInvalidStatus')], { preflight: null })).toBe('preflight answers not sent');
    expect(reason([fin('PreflightInvalidStatus')], { preflight: exchange('OPTIONS', null) })).toBe(
      'preflight answers ECONNREFUSED',
    );
    expect(reason([fin('PreflightInvalidStatus')], { preflight: { ...exchange('OPTIONS', null), error: null } })).toBe(
      'preflight answers no response',
    );
    expect(reason([fin('PreflightMissingAllowOriginHeader')])).toBe(
      'preflight answers 404 without Access-Control-Allow-Origin',
    );
    for (const status of [100, 302])
      expect(reason([fin('PreflightMissingAllowOriginHeader')], { preflight: exchange('OPTIONS', status) })).toBe(
        `preflight answers ${status} without Access-Control-Allow-Origin`,
      );
    for (const preflight of [exchange('OPTIONS', 200), exchange('OPTIONS', 299), null])
      expect(reason([fin('PreflightMissingAllowOriginHeader')], { preflight })).toBe(
        'preflight has no Access-Control-Allow-Origin',
      );
    expect(reason([fin('MissingAllowOriginHeader')])).toBe('response has no Access-Control-Allow-Origin');
    expect(reason([fin('HeaderDisallowedByPreflightResponse')])).toBe('request headers not allowed');
    expect(reason([fin('MethodDisallowedByPreflightResponse')], { method: 'PATCH' })).toBe('PATCH not allowed');
    expect(reason([fin('AllowOriginMismatch')])).toBe('AllowOriginMismatch');
  });

  it('name the first failing finding, a warning when nothing fails, the verdict when nothing is found', () => {
    expect(reason([fin('AuthorizationCoveredByWildcard', 'warn'), fin('MissingAllowOriginHeader')])).toBe(
      'response has no Access-Control-Allow-Origin',
    );
    expect(reason([fin('AuthorizationCoveredByWildcard', 'warn')], { verdict: 'warn' })).toBe(
      'AuthorizationCoveredByWildcard',
    );
    expect(reason([fin('MaxAge', 'info')], { verdict: 'warn' })).toBe('warn');
  });

  it('say why there was no answer for an error, from the preflight or else the actual request', () => {
    expect(shortReason(erroring())).toBe('no answer (ECONNREFUSED)');
    expect(shortReason({ ...erroring(), preflight: null, actual: exchange('POST', null) })).toBe(
      'no answer (ECONNREFUSED)',
    );
    expect(shortReason({ ...erroring(), preflight: null, actual: null })).toBe('no answer (error)');
    expect(shortReason({ ...erroring(), preflight: exchange('OPTIONS', 200) })).toBe('no answer (error)');
  });

  it('are cut to 200 characters, the name to 100', () => {
    const t = issueTitle(failing('n'.repeat(150)));
    expect(t).toBe(`CORS: ${cut('n'.repeat(150), 100)} blocks browser calls — preflight answers 404`);
    const long = issueTitle(failing('n'.repeat(150), { findings: [fin('x'.repeat(300))] }));
    expect(long).toBe(
      cut(`CORS: ${cut('n'.repeat(150), 100)} blocks browser calls — ${cut('x'.repeat(300), 80)}`, 200),
    );
    expect(long).toHaveLength(200);
  });
});

describe('the issue body', () => {
  const r = failing();
  const marker = { id: r.id, fp: '0123456789abcdef0123', first: '2026-11-01', changed: '2026-11-02' };
  const CURL =
    "curl -sig -X OPTIONS 'https://api.example.net/zen/v1/chat/completions' -H 'Origin: https://example.com' -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type'";

  it('in full, for a failing endpoint that follows a closed issue', () => {
    const body = issueBody(r, {
      marker: { ...marker, prev: 4 },
      runUrl: 'https://github.com/acme/widgets/actions/runs/42',
      previousClosedAt: '2026-10-30T08:00:00Z',
    });
    expect(body).toBe(
      [
        `<!-- cors-gate:v1 id=${r.id} fp=0123456789abcdef0123 first=2026-11-01 changed=2026-11-02 prev=4 -->`,
        '',
        '### What fails',
        '',
        'A browser blocks `POST https://api.example.net/zen/v1/chat/completions` from origin `https://example.com`.',
        '',
        'A page served from this origin cannot call the API: the browser blocks the request before the response reaches the page. That breaks every browser-based client — web apps, browser builds of the official SDKs, extensions, and streaming responses (server-sent events) — while curl and server-side code keep working, which is why it goes unnoticed.',
        '',
        '### Evidence',
        '',
        '| Request | Status | `Access-Control-*` headers seen |',
        '|---|---|---|',
        '| preflight `OPTIONS` | `404` | none |',
        '| actual `POST` | `401` | none |',
        '',
        'Reproduce the preflight:',
        '',
        '```sh',
        CURL,
        '```',
        '',
        '<details><summary>Preflight response</summary>',
        '',
        '```',
        'HTTP 404',
        'Content-Type: text/html',
        '',
        '<h1>Not Found</h1>',
        '```',
        '',
        '</details>',
        '',
        '<details><summary>Actual response</summary>',
        '',
        '```',
        'HTTP 401',
        'Content-Type: application/json',
        '',
        '{"error":"Missing API key."}',
        '```',
        '',
        '</details>',
        '',
        '### What a browser reports',
        '',
        "- `PreflightInvalidStatus` (fail, preflight): `Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).`",
        '',
        'Chromium console:',
        '',
        '```text',
        "Access to fetch at 'https://api.example.net/zen/v1/chat/completions' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).",
        '```',
        '',
        '### Fix',
        '',
        'The response needs these headers (the preflight answer with a 2xx status, and the actual response for the origin header):',
        '',
        '```http',
        'Access-Control-Allow-Origin: https://example.com',
        'Access-Control-Allow-Methods: POST',
        'Access-Control-Allow-Headers: authorization, content-type',
        '```',
        '',
        '### History',
        '',
        '- First seen: 2026-11-01',
        '- Last changed: 2026-11-02',
        '- Follows #4, closed on 2026-10-30; the endpoint fails again.',
        '- Workflow run: https://github.com/acme/widgets/actions/runs/42',
        '',
        `<sub>Filed by cors-gate for endpoint \`Zen\` (id \`${r.id}\`). It updates this issue when the findings change and closes it when a browser can call the endpoint; edits to this description are overwritten then.</sub>`,
        '',
      ].join('\n'),
    );
    expect(issueBody(r, { marker: { ...marker, prev: 4 } })).toContain(
      '- Follows #4, closed; the endpoint fails again.',
    );
  });

  it('for an endpoint with no usable answer: what fails, the evidence, no fix', () => {
    const body = issueBody(erroring(), { marker });
    expect(body).toContain(
      '\n### What fails\n\n`POST https://api.example.net/zen/v1/chat/completions` from origin `https://example.com` gets no usable answer, so a browser cannot call it either.\n\n### Evidence\n',
    );
    expect(body).not.toContain('A page served from this origin');
    expect(body).toContain(
      '| preflight `OPTIONS` | no answer: `ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1` | none |\n\n',
    );
    expect(body).toContain('\n```\nHTTP (no response) — ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1\n```\n');
    expect(body).toContain(
      '- `NetworkError` (error, preflight): `Preflight failed: connect ECONNREFUSED 127.0.0.1:1`\n',
    );
    expect(body).not.toContain('### Fix');
    expect(body).not.toContain('<details><summary>Actual response');
    const silent = issueBody({ ...erroring(), preflight: { ...exchange('OPTIONS', null), error: null } }, { marker });
    expect(silent).toContain('| preflight `OPTIONS` | no answer | none |');
  });

  it('for a simple request with credentials: no preflight needed, the request to reproduce', () => {
    const simple = failing('Zen', {
      method: 'GET',
      credentials: 'include',
      preflightNeeded: false,
      preflight: null,
      findings: [{ code: 'MissingAllowOriginHeader', level: 'fail', on: 'actual', message: 'No header.' }],
      actual: exchange('GET', 200, [
        ['Access-Control-Allow-Credentials', 'true'],
        ['access-control-expose-headers', 'x-a'],
        ['Content-Type', 'application/json'],
      ]),
    });
    const body = issueBody(simple, { marker });
    expect(body).toContain(
      'A browser blocks `GET https://api.example.net/zen/v1/chat/completions` from origin `https://example.com` with credentials.',
    );
    expect(body).toContain(
      '| preflight | not needed (CORS-simple request) | |\n| actual `GET` | `200` | `Access-Control-Allow-Credentials: true`<br>`access-control-expose-headers: x-a` |\n\nReproduce the request:\n\n```sh\ncurl -sig -X GET',
    );
    expect(body).not.toContain('<details><summary>Preflight response');
    expect(body).toContain('- `MissingAllowOriginHeader` (fail, actual): `No header.`');
    // An actual-phase finding is not a preflight's: no preflight lead in the console text.
    expect(body).toContain('has been blocked by CORS policy: No header.\n```');
    const nothingSent = issueBody({ ...simple, actual: null }, { marker });
    expect(nothingSent).not.toContain('Reproduce the');
    expect(nothingSent).toContain('| preflight | not needed (CORS-simple request) | |\n\n### What a browser reports');
  });

  it('shows at most 12 CORS headers a row, 60 header lines and the body flagged when cut', () => {
    const cors = Array.from({ length: 14 }, (_, i) => [`Access-Control-X${i}`, `${i}`] as [string, string]);
    const many = Array.from({ length: 61 }, (_, i) => [`X-H${i}`, `${i}`] as [string, string]);
    const body = issueBody(
      failing('Zen', {
        preflight: { ...exchange('OPTIONS', 404, [...cors, ...many], 'partial'), bodyTruncated: true },
      }),
      { marker },
    );
    const row = body.split('\n').find((l) => l.startsWith('| preflight'))!;
    expect(row.split('<br>')).toHaveLength(12);
    expect(row).toContain('`Access-Control-X11: 11` |');
    expect(body).toContain('X-H45: 45\n… 15 more header lines\n\npartial …[body cut]\n```');
    expect(body).not.toContain('X-H46: 46');
  });

  it('lists at most 20 findings, with the phase where there is one', () => {
    const many = Array.from(
      { length: 21 },
      (_, i) => ({ code: `Code${i}`, level: 'fail', message: `m${i}` }) satisfies Finding,
    );
    const body = issueBody(failing('Zen', { findings: many }), { marker });
    expect(body).toContain('- `Code19` (fail): `m19`');
    expect(body).not.toContain('Code20');
  });

  it('shortens step by step until it fits: bodies cut first, then the details dropped, then the text cut', () => {
    // Control characters are shown as \u{0001}: eight characters each once cut, so server text can outgrow the limit.
    const ctl = (n: number) => '\u0001'.repeat(n);
    const full = issueBody(failing('Zen', { preflight: exchange('OPTIONS', 404, [], 'b'.repeat(3000)) }), { marker });
    expect(full).toContain('b'.repeat(3000));
    const findings = Array.from(
      { length: 30 },
      (_, i) => ({ code: `Code${i}`, level: 'fail', on: 'preflight', message: 'x'.repeat(1000) }) satisfies Finding,
    );
    const heavy = failing('Zen', {
      findings,
      preflight: exchange('OPTIONS', 404, [], ctl(4000)),
      actual: exchange('POST', 401, [], ctl(4000)),
    });
    const short = issueBody(heavy, { marker });
    expect(short.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(short).toContain(
      `<details><summary>Preflight response</summary>\n\n\`\`\`\nHTTP 404\n\n${visible(cut(ctl(4000), 500))}\n`,
    );
    expect(short).toContain(`- \`Code4\` (fail, preflight): \`${cut('x'.repeat(1000), 200)}\``);
    expect(short).not.toContain('Code5');
    const lines = Array.from({ length: 60 }, (_, i) => [`Access-Control-X-${i}`, ctl(500)] as [string, string]);
    const heavier = failing('Zen', {
      findings,
      preflight: exchange('OPTIONS', 404, lines, ctl(4000)),
      actual: exchange('POST', 401, lines, ctl(4000)),
    });
    const minimal = issueBody(heavier, { marker });
    expect(minimal.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(minimal).not.toContain('<details>');
    expect(minimal).toContain('Reproduce the preflight:\n\n```sh\ncurl -sig -X OPTIONS');
    // Nothing left to drop: the minimal text is cut at the limit, the marker kept.
    const url = `https://api.example.net/${ctl(3000)}`;
    const cutOff = issueBody(
      failing(ctl(300), {
        url,
        fix: Array.from({ length: 10 }, (_, i) => [`H-${i}`, ctl(1000)] as [string, string]),
        findings,
        preflight: heavier.preflight,
        actual: heavier.actual,
      }),
      {
        marker,
      },
    );
    expect(cutOff).toHaveLength(BODY_LIMIT);
    expect(parseMarker(cutOff)).toEqual(marker);
    expect(cutOff).toMatch(/ …\[\d+ more characters cut\]$/);
  });
});

describe('comments', () => {
  const r = failing();
  const m = { id: r.id, fp: '0123456789abcdef0123', first: '2026-11-01', changed: '2026-11-02' };

  it('when the findings change: what blocks now, the statuses, the findings and the old title', () => {
    expect(changeComment(changed(), { title: 'CORS: old' }, 'https://r')).toBe(
      [
        '**The findings changed** — `Zen` still blocks browser calls, now: request headers not allowed (verdict fail).',
        '',
        'Preflight `204`, actual request `401`.',
        '',
        'Now:',
        '',
        '- `HeaderDisallowedByPreflightResponse` (preflight): `Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.`',
        '',
        'Before: `CORS: old`',
        '',
        'The description above shows the new evidence. Run: https://r',
        '',
      ].join('\n'),
    );
    const plain = changeComment(failing('Zen', { findings: [], preflight: null, actual: null }), { title: 't' });
    expect(plain).toContain(
      'Preflight `not sent`, actual request `not sent`.\n\nBefore: `t`\n\nThe description above shows the new evidence.\n',
    );
    const eleven = Array.from(
      { length: 11 },
      (_, i) => ({ code: `C${i}`, level: 'fail', message: 'm' }) satisfies Finding,
    );
    const long = changeComment(failing('Zen', { findings: eleven }), { title: 't' });
    expect(long).toContain('- `C9`: `m`\n');
    expect(long).not.toContain('C10');
  });

  it('when resolved: how long it failed, the evidence, the run', () => {
    expect(resolvedComment(passing(), '2026-11-01', new Date('2026-11-02T10:00:00Z'), 'https://r')).toBe(
      [
        '**Resolved:** a browser can call `Zen` — it passes since 2026-11-02, after 1 day (first seen 2026-11-01).',
        '',
        'Evidence: preflight `204` with `Access-Control-Allow-Origin: *`, `Access-Control-Allow-Headers: authorization, content-type`, `Access-Control-Allow-Methods: POST`; actual request `401` with `Access-Control-Allow-Origin: *`.',
        '',
        'Verdict `pass`; closed as completed. If it breaks again, cors-gate opens a new issue that links this one. Run: https://r',
        '',
      ].join('\n'),
    );
    const bare = resolvedComment(
      passing('Zen', { preflight: null, actual: null }),
      '2026-11-01',
      new Date('2026-11-01T23:00:00Z'),
    );
    expect(bare).toBe(
      '**Resolved:** a browser can call `Zen` — it passes since 2026-11-01, after 0 days (first seen 2026-11-01).\n\nVerdict `pass`; closed as completed. If it breaks again, cors-gate opens a new issue that links this one.\n',
    );
    const nine = Array.from({ length: 9 }, (_, i) => [`Access-Control-X${i}`, `${i}`] as [string, string]);
    const onlyActual = resolvedComment(
      passing('Zen', { preflight: null, actual: exchange('GET', 200, nine) }),
      '2026-11-01',
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(onlyActual).toContain('Evidence: actual request `200` with `Access-Control-X0: 0`, ');
    expect(onlyActual).toContain('`Access-Control-X7: 7`.');
    expect(onlyActual).not.toContain('X8');
  });

  it('counts whole days, never fewer than none', () => {
    expect(daysBetween('2026-11-01', new Date('2026-11-04T23:59:00Z'))).toBe(3);
    expect(daysBetween('2026-11-05', new Date('2026-11-04T00:00:00Z'))).toBe(0);
    expect(daysBetween('not a day', new Date('2026-11-04T00:00:00Z'))).toBe(0);
  });

  it('on a followed issue: the first failure, with the findings, the fix and how to reproduce it', () => {
    expect(trackingComment(r, { ...m, state: 'fail' }, null, new Date('2026-11-02T10:00:00Z'), 'https://r')).toBe(
      [
        `<!-- cors-gate:v1 id=${r.id} fp=0123456789abcdef0123 first=2026-11-01 changed=2026-11-02 state=fail -->`,
        '',
        '**cors-gate follows this issue:** a browser blocks `Zen` (`POST https://api.example.net/zen/v1/chat/completions` from origin `https://example.com`) — preflight answers 404.',
        '',
        "- `PreflightInvalidStatus` (preflight): `Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).`",
        '',
        'The response needs:',
        '',
        '```http',
        'Access-Control-Allow-Origin: https://example.com',
        'Access-Control-Allow-Methods: POST',
        'Access-Control-Allow-Headers: authorization, content-type',
        '```',
        '',
        'Reproduce:',
        '',
        '```sh',
        "curl -sig -X OPTIONS 'https://api.example.net/zen/v1/chat/completions' -H 'Origin: https://example.com' -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type'",
        '```',
        '',
        'Evidence: preflight `404` with no `Access-Control-*` headers; actual request `401` with no `Access-Control-*` headers.',
        '',
        "<sub>cors-gate comments here only when this endpoint's state changes. Run: https://r</sub>",
        '',
      ].join('\n'),
    );
  });

  it('on a followed issue: a regression, and a bare one with nothing to show', () => {
    const again = trackingComment(
      r,
      { ...m, state: 'fail' },
      { ...m, state: 'pass' },
      new Date('2026-11-09T10:00:00Z'),
    );
    expect(again).toContain('\n**Regression on 2026-11-09:** a browser blocks `Zen` (');
    expect(again).toContain("\n<sub>cors-gate comments here only when this endpoint's state changes.</sub>\n");
    const bare = trackingComment(
      failing('Zen', { findings: [], fix: [], preflight: null, actual: null }),
      { ...m, state: 'fail' },
      null,
      new Date('2026-11-09T10:00:00Z'),
    );
    expect(bare.split('\n').slice(2)).toEqual([
      '**cors-gate follows this issue:** a browser blocks `Zen` (`POST https://api.example.net/zen/v1/chat/completions` from origin `https://example.com`) — fail.',
      '',
      "<sub>cors-gate comments here only when this endpoint's state changes.</sub>",
      '',
    ]);
  });

  it('on a followed issue: verified fixed, and when it last failed', () => {
    expect(
      trackingComment(passing(), { ...m, state: 'pass' }, { ...m, state: 'fail' }, new Date('2026-11-03T10:00:00Z')),
    ).toBe(
      [
        `<!-- cors-gate:v1 id=${r.id} fp=0123456789abcdef0123 first=2026-11-01 changed=2026-11-02 state=pass -->`,
        '',
        '**Verified fixed on 2026-11-03:** cors-gate finds that a browser can call `Zen` (`POST https://api.example.net/zen/v1/chat/completions` from origin `https://example.com`).',
        '',
        'It failed when last checked (2026-11-02).',
        '',
        'Evidence: preflight `204` with `Access-Control-Allow-Origin: *`, `Access-Control-Allow-Headers: authorization, content-type`, `Access-Control-Allow-Methods: POST`; actual request `401` with `Access-Control-Allow-Origin: *`.',
        '',
        "<sub>cors-gate comments here only when this endpoint's state changes.</sub>",
        '',
      ].join('\n'),
    );
    expect(trackingComment(passing(), { ...m, state: 'pass' }, null, new Date('2026-11-03T10:00:00Z'))).not.toContain(
      'It failed when last checked',
    );
  });

  it('on a duplicate: which issue is kept', () => {
    expect(duplicateComment(r, 3)).toBe(
      `Duplicate of #3, which follows \`Zen\` (id \`${r.id}\`). cors-gate keeps one open issue per endpoint and closed this one.\n`,
    );
  });
});

describe('the console wording', () => {
  const r = failing();
  const HEAD = `Access to fetch at '${r.url}' from origin 'https://example.com' has been blocked by CORS policy: `;
  const LEAD = "Response to preflight request doesn't pass access control check: ";

  it('adds the preflight lead to a Preflight finding of the preflight that lacks it, and only there', () => {
    const f = (code: string, on: Finding['on'], message: string): Finding => ({
      code,
      level: 'fail',
      on,
      message,
      ...(on ? {} : {}),
    });
    expect(consoleWording(r, f('PreflightMissingAllowOriginHeader', 'preflight', 'No header.'))).toBe(
      `${HEAD}${LEAD}No header.`,
    );
    expect(consoleWording(r, f('PreflightMissingAllowOriginHeader', 'preflight', `${LEAD}No header.`))).toBe(
      `${HEAD}${LEAD}No header.`,
    );
    expect(consoleWording(r, f('HeaderDisallowedByPreflightResponse', 'preflight', 'Field x.'))).toBe(
      `${HEAD}Field x.`,
    );
    expect(consoleWording(r, f('PreflightX', 'actual', 'X.'))).toBe(`${HEAD}X.`);
    expect(consoleWording(r, f('XPreflight', 'preflight', 'X.'))).toBe(`${HEAD}X.`);
  });
});

describe('the issue text at its edges', () => {
  const r = failing();
  const marker = { id: r.id, fp: '0123456789abcdef0123', first: '2026-11-01', changed: '2026-11-02' };
  const ctl = (n: number) => '\u0001'.repeat(n);
  const fin = (code: string, level: Finding['level'], message = 'm'): Finding => ({
    code,
    level,
    on: 'preflight',
    message,
  });

  it('fingerprints stay as earlier versions wrote them, so no open issue is rewritten on an upgrade', () => {
    // The recipe is part of every marker on GitHub: change it and every issue counts as changed once.
    // The one docs/issues.md shows, for a preflight without Access-Control-Allow-Origin:
    const noAcao = failing('Zen', {
      findings: [
        { code: 'PreflightMissingAllowOriginHeader', level: 'fail', on: 'preflight', message: 'x' },
        { code: 'PreflightStatus', level: 'info', on: 'preflight', message: 'y' },
      ],
    });
    expect(fingerprint(noAcao)).toBe('c6f43587b9f9223f03ea');
    const mixed = failing('Zen', { findings: [{ code: 'X', level: 'fail', message: 'm' }, fin('Y', 'warn')] });
    expect(fingerprint(failing())).toBe('2d7592188fa3b93b1b29');
    expect(fingerprint(failing('Zen', { preflight: null }))).toBe('5d6766cd0f238d3153bc');
    expect(fingerprint(changed())).toBe('0f445e291d74a338b34d');
    expect(fingerprint(mixed)).toBe('100011d84163c3590fde');
    // Older markers are still read: the legacy recipe must give what it gave.
    expect(legacyFingerprint(failing())).toBe('98e718af4df3f9e7');
    expect(legacyFingerprint(mixed)).toBe('235a19860fe5ab6f');
  });

  it('lists 60 header lines whole, with no note', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => [`X-H${i}`, `${i}`] as [string, string]);
    const body = issueBody(failing('Zen', { preflight: exchange('OPTIONS', 404, sixty) }), { marker });
    expect(body).toContain('X-H59: 59\n```');
    expect(body).not.toContain('more header lines');
  });

  it('a needed preflight that was not sent gets no evidence row', () => {
    const body = issueBody(failing('Zen', { preflight: null }), { marker });
    expect(body).toContain('|---|---|---|\n| actual `POST` | `401` | none |\n');
    expect(body).not.toContain('not needed');
    expect(body).not.toContain('Follows');
  });

  it('a failure without a blocking finding has no browser report, and the console text names a failure before a warning', () => {
    expect(issueBody(failing('Zen', { findings: [fin('MaxAge', 'info')] }), { marker })).not.toContain(
      'What a browser reports',
    );
    const body = issueBody(
      failing('Zen', {
        findings: [fin('AuthorizationCoveredByWildcard', 'warn', 'w'), fin('PreflightX', 'fail', 'f')],
      }),
      { marker },
    );
    expect(body).toContain(
      "has been blocked by CORS policy: Response to preflight request doesn't pass access control check: f\n```",
    );
    expect(body).toContain(`- \`PreflightX\` (fail, preflight): \`f\``);
    const long = issueBody(failing('Zen', { findings: [fin('X', 'fail', 'y'.repeat(700))] }), { marker });
    expect(long).toContain(`- \`X\` (fail, preflight): \`${cut('y'.repeat(700), 600)}\``);
  });

  it('keeps the full text when it is exactly at the limit', () => {
    // Server text with control characters fills most of it; a plain response body of k characters the rest.
    const base = (k: number) =>
      failing('Zen', {
        url: `https://api.example.net/${ctl(1500)}`,
        fix: [['H', ctl(4000)]],
        preflight: exchange('OPTIONS', 404, [], 'b'.repeat(k)),
      });
    // A body adds itself and the blank line before it.
    const grow = 60_000 - issueBody(base(0), { marker }).length - 2;
    expect(grow).toBeGreaterThan(0);
    expect(grow).toBeLessThan(4000);
    const exact = issueBody(base(grow), { marker });
    expect(exact).toHaveLength(BODY_LIMIT);
    expect(exact).toContain(`\n${'b'.repeat(grow)}\n`);
  });

  it('the minimal text cuts the curl command at 1000 characters, and the last resort is the minimal text cut', () => {
    const lines = Array.from({ length: 60 }, (_, i) => [`Access-Control-X-${i}`, ctl(500)] as [string, string]);
    const heavy = failing('Zen', {
      url: `https://api.example.net/${'p'.repeat(2000)}`,
      preflight: exchange('OPTIONS', 404, lines, ctl(4000)),
      actual: exchange('POST', 401, lines, ctl(4000)),
    });
    const minimal = issueBody(heavy, { marker });
    expect(minimal).not.toContain('<details>');
    const curl = minimal.split('```sh\n')[1]!.split('\n')[0]!;
    expect(curl).toHaveLength(1000);
    expect(curl).toMatch(/ …\[\d+ more characters cut\]$/);
    const cutOff = issueBody(
      failing(ctl(300), {
        url: `https://api.example.net/${ctl(3000)}`,
        fix: Array.from({ length: 10 }, (_, i) => [`H-${i}`, ctl(1000)] as [string, string]),
        preflight: heavy.preflight,
        actual: heavy.actual,
      }),
      { marker },
    );
    expect(cutOff).toHaveLength(BODY_LIMIT);
    expect(cutOff).not.toContain('<details>');
  });

  it('a comment on a followed issue lists 10 findings at most', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => fin(`C${i}`, 'fail'));
    const c = trackingComment(failing('Zen', { findings: eleven }), { ...marker, state: 'fail' }, null, new Date());
    expect(c).toContain('- `C9` (preflight): `m`\n');
    expect(c).not.toContain('C10');
  });
});
