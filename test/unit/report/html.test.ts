// The HTML report as a parser reads it: one document, nothing it loads, a CSP
// whose hashes are its own script and style, the matrix, one folded block per
// endpoint, the history, and server text that stays text wherever it goes.
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { emptyHistory, type History, recordRun } from '../../../src/history/history.js';
import { decideGate } from '../../../src/report/gate.js';
import { CSP, renderHtml } from '../../../src/report/html.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { MARK } from '../../hostile/hostile-server.js';
import { EVIL, hostileHistory, hostileRecords } from '../../hostile/html-records.js';
import { OWN_ATTRS, OWN_TAGS } from '../../support/html-page.js';
import { erroring, failing, passing } from '../../support/issue-records.js';

interface PNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: PNode[];
}

function walk(n: PNode, visit: (n: PNode, inCode: boolean) => void, inCode = false): void {
  visit(n, inCode);
  const code = inCode || n.tagName === 'code' || n.tagName === 'pre';
  for (const c of n.childNodes ?? []) walk(c, visit, code);
}

function inspect(html: string) {
  const root = parse(html) as unknown as PNode;
  const tags: Record<string, number> = {};
  const attrs: string[] = [];
  let plain = '';
  let code = '';
  const texts: Record<string, string[]> = {};
  walk(root, (n, inCode) => {
    if (n.nodeName === '#text') {
      if (inCode) code += n.value;
      else plain += n.value;
    }
    if (!n.tagName) return;
    tags[n.tagName] = (tags[n.tagName] ?? 0) + 1;
    for (const a of n.attrs ?? []) attrs.push(`${n.tagName}[${a.name}=${a.value}]`);
    if (n.tagName === 'script' || n.tagName === 'style' || n.tagName === 'title')
      (texts[n.tagName] ??= []).push((n.childNodes ?? []).map((c) => c.value ?? '').join(''));
  });
  return { tags, attrs, plain, code, texts };
}

const sha = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
const render = (records: ResultRecord[], history?: History) =>
  renderHtml({
    records,
    decision: decideGate(records, ['fail', 'error']),
    generatedAt: '2026-11-20T10:00:00.000Z',
    ...(history ? { history } : {}),
  });

const client = (make: typeof passing, provider: string, c: string, over: Partial<ResultRecord> = {}) =>
  make(provider, {
    id: `${provider}-${c}`,
    name: c === 'fetch' ? provider : `${provider} · ${c}`,
    group: provider,
    client: c,
    ...over,
  });
const zoo = [
  client(passing, 'OpenRouter', 'fetch'),
  client(passing, 'OpenRouter', 'openai-sdk'),
  client(failing, 'Azure', 'fetch'),
  client(failing, 'Azure', 'openai-sdk', { expect: 'fail' }),
  { ...erroring('Gone'), id: 'gone' },
];

describe('renderHtml: the page', () => {
  const html = render(zoo);
  const page = inspect(html);

  it('says the headline in the title and the first heading, and counts each verdict', () => {
    expect(page.texts.title).toEqual(['cors-gate: 2 of 5 endpoints can be called from a browser']);
    expect(html).toContain('<h1>cors-gate: 2 of 5 endpoints can be called from a browser</h1>');
    expect(page.plain).toMatch(/✅ pass 2 ⚠️ warn 0 ❌ fail 2 🔌 error 1 gate failed \(fail-on: fail, error\)/);
    expect(page.plain).toContain('Checked 2026-11-20 10:00 UTC.');
  });

  it('loads nothing: no src, no link, no external href, no url() or @import in the style', () => {
    expect(page.attrs.filter((a) => /\[(src|srcset|action|formaction|poster|background)=/.test(a))).toEqual([]);
    expect(page.tags.link ?? 0).toBe(0);
    expect(page.attrs.filter((a) => /\[href=/.test(a) && !/\[href=#e\d+\]$/.test(a))).toEqual([]);
    expect(page.texts.style![0]).not.toMatch(/url\(|@import/);
  });

  it('has one script and one style, and a CSP that names their hashes and nothing else runs or loads', () => {
    expect(page.texts.script).toHaveLength(1);
    expect(page.texts.style).toHaveLength(1);
    const meta = page.attrs.filter((a) => a.startsWith('meta[content='));
    expect(page.attrs).toContain('meta[http-equiv=Content-Security-Policy]');
    expect(meta).toContain(`meta[content=${CSP}]`);
    expect(CSP).toBe(
      `default-src 'none'; script-src '${sha(page.texts.script![0]!)}'; style-src '${sha(page.texts.style![0]!)}'; base-uri 'none'; form-action 'none'`,
    );
    // The policy comes before the style it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(page.attrs.filter((a) => /\[style=|\[on\w+=/.test(a))).toEqual([]);
  });

  it('only elements and attributes of its own', () => {
    expect(Object.keys(page.tags).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
    expect(page.attrs.map((a) => /\[([^=]+)=/.exec(a)![1]).filter((a) => !OWN_ATTRS.has(a!))).toEqual([]);
  });

  it('a matrix row per provider, a column per client, each cell linking to its endpoint', () => {
    expect(html).toMatch(
      /<th scope="col">Endpoint<\/th><th scope="col" data-col="fetch">fetch<\/th><th scope="col" data-col="openai-sdk">openai-sdk<\/th><\/tr>/,
    );
    expect(html).toContain('<tr data-p="OpenRouter"><th scope="row">OpenRouter</th>');
    expect(html).toContain('<td data-col="openai-sdk" data-v="fail"><a href="#e3">');
    // A row checked with one client still has its row, and the other columns say so.
    expect(html).toMatch(/<tr data-p="Gone"><th scope="row">Gone<\/th><td data-col="fetch" data-v="error">/);
    expect(html).toContain('<td data-col="openai-sdk"><span class="sr">not checked</span></td>');
    expect(html).toMatch(/<small>expected<\/small><small>Preflight<wbr>Invalid<wbr>Status<\/small>/);
  });

  it('one folded block per endpoint, with findings, exchanges, the needed headers and curl', () => {
    expect(page.tags.details).toBe(zoo.length);
    expect(page.tags.summary).toBe(zoo.length);
    expect(html).not.toMatch(/<details[^>]* open/);
    const azure = html.split('<details').find((d) => d.includes('id="e2"'))!;
    expect(azure).toContain('data-v="fail" data-p="Azure" data-c="fetch"');
    for (const heading of ['Findings', 'The response needs', 'Preflight', 'Actual request', 'Reproduce'])
      expect(azure).toContain(`<h3>${heading}</h3>`);
    expect(azure).toContain(
      '<pre>Access-Control-Allow-Origin: https://example.com\nAccess-Control-Allow-Methods: POST',
    );
    expect(azure).toContain('<pre>curl -sig -X OPTIONS ');
    expect(azure).toContain('<b>PreflightInvalidStatus</b> <small>(fail, preflight)</small>');
    // A pass says no fix; the MaxAge note is not a finding worth a heading.
    const pass = html.split('<details').find((d) => d.includes('id="e0"'))!;
    expect(pass).not.toContain('The response needs');
    expect(pass).not.toContain('<h3>Findings</h3>');
  });

  it('filters for verdict, provider and client, hidden until the script shows them', () => {
    expect(html).toContain('<form id="filters" role="search" aria-label="Filter the endpoints" hidden>');
    expect(html).toContain(
      '<select id="f-v" name="v"><option value="">all</option><option value="pass">pass</option><option value="fail">fail</option><option value="error">error</option></select>',
    );
    expect(html).toMatch(/<select id="f-p" name="p">.*<option value="OpenRouter">.*<option value="Azure">/);
    expect(html).toMatch(/<select id="f-c" name="c">.*<option value="fetch">.*<option value="openai-sdk">/);
  });

  it('no history: no last runs', () => {
    expect(html).not.toContain('class="runs"');
    expect(html).not.toMatch(/(passing|failing) since/);
  });
});

describe('renderHtml: the run history', () => {
  it('shows the last runs of each endpoint, as icons and as words, and since when it fails or passes', () => {
    let h = emptyHistory();
    const at = (d: number) => `2026-11-0${d}T06:00:00.000Z`;
    h = recordRun(h, [passing('A'), passing('B')], { at: at(1) });
    h = recordRun(h, [failing('A'), passing('B')], { at: at(2) });
    h = recordRun(h, [failing('A'), passing('B')], { at: at(3) });
    const html = render([failing('A'), passing('B')], h);
    expect(html).toContain(
      '<span class="runs"><span aria-hidden="true">✅❌❌</span><span class="sr">last runs, oldest first: pass, fail, fail</span></span> <small>failing since 2026-11-02</small>',
    );
    expect(html).toContain('<small>passing since 2026-11-01</small>');
    expect(html).toContain('the history holds the last 3 runs.');
  });
});

describe('renderHtml: server text', () => {
  const records = hostileRecords();
  const html = render(records, hostileHistory(records));
  const page = inspect(html);

  it('never becomes an element or an attribute', () => {
    expect(html).toContain(MARK);
    expect(Object.keys(page.tags).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
    expect(page.tags.script).toBe(1);
    expect(page.tags.a).toBe(records.length);
    expect(page.tags.details).toBe(records.length);
    expect(page.attrs.filter((a) => /^[a-z0-9]+\[(on\w+|src|style)=/.test(a))).toEqual([]);
    expect(page.attrs.filter((a) => a.startsWith('a[href=') && !/^a\[href=#e\d\]$/.test(a))).toEqual([]);
  });

  it('stays whole in the attributes that carry it: data-* and option values', () => {
    const carried = page.attrs.filter((a) => a.includes(MARK));
    expect(carried.length).toBeGreaterThan(0);
    for (const a of carried) expect(a).toMatch(/^(details|tr|td|th|option)\[(data-p|data-c|data-col|value)=/);
    expect(carried).toContain(`option[value=${EVIL} group 0]`);
  });

  it('stays in code or pre where it is evidence, and is made visible', () => {
    expect(page.code).toContain(`<script>window.__planted=1</script>`);
    expect(html).not.toContain('\u202E');
    expect(page.plain).toContain('\\u{202e}right-to-left');
    // Cut where it goes: a finding at 800 characters, an exchange at 6,000.
    expect(html).not.toMatch(/V{6000}|L{6000}/);
    expect(html).toMatch(/more characters cut/);
  });
});
