import { describe, expect, it } from 'vitest';
import {
  BODY_LIMIT,
  changeComment,
  issueBody,
  issueTitle,
  parseMarker,
  renderMarker,
  resolvedComment,
  trackingComment,
} from '../../../src/issues/body.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { exchange, failing } from '../../support/issue-records.js';

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
