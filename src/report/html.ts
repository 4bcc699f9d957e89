// The HTML report: one self-contained page (no external script, style, font or
// image, so it works from file:// and from GitHub Pages) with the headline, the
// matrix provider × client with a link to each endpoint, and for every endpoint,
// folded, its findings, the raw exchanges, the headers the response needs and a
// curl command; with the run history, the last runs and since when.
//
// Server text is untrusted. Every string that is not this file's own is made
// visible (control and direction characters shown as \u{…}), bounded, and
// escaped for where it goes: element text, or a double-quoted attribute. The
// only attributes that carry such text are data-* and option values, which the
// filter script compares and never turns into markup. The page's
// Content-Security-Policy lets nothing load and runs only the script and the
// style whose hashes it names.
import { createHash } from 'node:crypto';
import { type History, type Letter, strip } from '../history/history.js';
import { cut, escapeHtml, oneLine, visible } from '../text.js';
import type { Verdict } from '../types.js';
import { VERSION } from '../version.js';
import { corsHeaders, firstProblem, ICON, neededHeaders, probeNote, retried, sinceNote } from './cells.js';
import { curlCommand } from './curl.js';
import type { GateDecision } from './gate.js';
import { SCRIPT } from './html-script.js';
import { STYLE } from './html-style.js';
import { buildMatrix, rowLabel } from './matrix.js';
import type { ExchangeRecord, ResultRecord } from './record.js';
import { exchangeText, headline } from './summary.js';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Nothing loads, no plugin, no base or form target; only this file's script and style run. */
export const CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const VERDICT_ORDER: readonly Verdict[] = ['pass', 'warn', 'fail', 'error'];
const MEANING: Record<Verdict, string> = {
  pass: 'a browser allows the call',
  warn: 'current Chromium allows it, but the standard or another engine does not, or it is fragile',
  fail: 'a browser blocks it; the findings say why, in the words of the browser console',
  error: 'no usable answer: DNS, refused, TLS, timeout, reset, or still 502/503/504/429 after the retries',
};
const RUN_WORD: Record<Letter, string> = {
  p: 'pass',
  w: 'warn',
  f: 'fail',
  F: 'flaky fail',
  e: 'error',
  '-': 'not checked',
};

/** Untrusted text on one line, for element text or a double-quoted attribute. */
const text = (s: unknown, max = 300) => escapeHtml(oneLine(str(s), max));
/** A finding code, which may break between its words: `Preflight<wbr>Invalid<wbr>Status`. */
const codeName = (s: string) => text(s, 80).replace(/([a-z])(?=[A-Z])/g, '$1<wbr>');
/** Untrusted multi-line text for a pre element. */
const block = (s: string, max: number) =>
  cut(s, max)
    .split('\n')
    .map((l) => escapeHtml(visible(l)))
    .join('\n');

/** Fields the merge does not check may hold anything in a report read back from a file. */
function str(x: unknown): string {
  if (typeof x === 'string') return x;
  return x === undefined || x === null ? '' : JSON.stringify(x);
}

function badge(v: Verdict): string {
  return `<span class="v v-${v}"><span aria-hidden="true">${ICON[v]}</span> ${v}</span>`;
}

const provider = (r: ResultRecord) => str(r.group) || rowLabel(r);
const client = (r: ResultRecord) => str(r.client) || 'fetch';

export interface HtmlInput {
  records: readonly ResultRecord[];
  decision: GateDecision;
  /** When the report was made (the JSON report's generatedAt). */
  generatedAt: string;
  /** What earlier runs saw, this one included. */
  history?: History;
  shard?: { index: number; count: number };
}

function filters(records: readonly ResultRecord[]): string {
  const options = (name: string, label: string, values: string[]) =>
    `<label for="f-${name}">${label}<select id="f-${name}" name="${name}"><option value="">all</option>${values
      .map((v) => `<option value="${text(v, 200)}">${text(v, 80)}</option>`)
      .join('')}</select></label>`;
  const verdicts = VERDICT_ORDER.filter((v) => records.some((r) => r.verdict === v));
  return [
    '<form id="filters" role="search" aria-label="Filter the endpoints" hidden>',
    options('v', 'Verdict', verdicts),
    options('p', 'Provider', [...new Set(records.map(provider))]),
    options('c', 'Client', [...new Set(records.map(client))]),
    '<button type="reset">Show all</button><output id="shown" aria-live="polite"></output>',
    '</form>',
  ].join('');
}

function matrix(records: readonly ResultRecord[], index: Map<ResultRecord, number>, h?: History): string {
  const m = buildMatrix(records, 1);
  if (!m) return '';
  // Browser and origin are named on a row only when they differ from the rest.
  const origins = new Set(records.map((r) => str(r.origin)));
  const rows = m.rows.map((row) => {
    const first = [...row.cells.values()][0]!;
    const tags = [
      first.browser && first.browser !== 'chromium' ? `<span class="tag">${text(first.browser, 40)}</span>` : '',
      origins.size > 1 ? `<span class="tag">${text(first.origin, 120)}</span>` : '',
    ].join(' ');
    const cells = m.clients.map((c) => {
      const r = row.cells.get(c);
      if (!r) return `<td data-col="${text(c, 200)}"><span class="sr">not checked</span></td>`;
      const why = firstProblem(r)?.code;
      const since = h ? sinceNote(h, r) : null;
      return `<td data-col="${text(c, 200)}" data-v="${r.verdict}"><a href="#e${index.get(r)}">${badge(r.verdict)}</a>${
        r.expect === 'fail' && r.verdict === 'fail' ? '<small>expected</small>' : ''
      }${why ? `<small>${codeName(why)}</small>` : ''}${since ? `<small class="since">${text(since)}</small>` : ''}</td>`;
    });
    return `<tr data-p="${text(provider(first), 200)}"><th scope="row">${text(row.label, 200)}${
      tags.trim() ? ` ${tags.trim()}` : ''
    }</th>${cells.join('')}</tr>`;
  });
  return [
    '<h2 id="matrix-h">By provider and client</h2>',
    '<div class="scroll" role="region" aria-labelledby="matrix-h" tabindex="0"><table>',
    `<thead><tr><th scope="col">Endpoint</th>${m.clients.map((c) => `<th scope="col" data-col="${text(c, 200)}">${text(c, 80)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

function statusLine(r: ResultRecord): string {
  const one = (ex: ExchangeRecord | null) =>
    ex ? `${str(ex.request?.method)} ${ex.status ?? ex.error?.code ?? '?'}${retried(ex)}` : null;
  const parts = [one(r.preflight) ?? (r.preflightNeeded ? null : 'no preflight'), one(r.actual)].filter(Boolean);
  return parts.join(' → ');
}

function runs(h: History, r: ResultRecord): string {
  const states = [...(h.endpoints[r.id]?.states ?? '').slice(-10)] as Letter[];
  if (states.length === 0) return '';
  const words = states.map((l) => RUN_WORD[l] ?? l).join(', ');
  return `<span class="runs"><span aria-hidden="true">${strip(h, r.id)}</span><span class="sr">last runs, oldest first: ${escapeHtml(words)}</span></span>`;
}

function endpoint(r: ResultRecord, i: number, h?: History): string {
  const why = firstProblem(r)?.code;
  const since = h ? sinceNote(h, r) : null;
  const summary = [
    badge(r.verdict),
    `<span class="name">${text(r.name, 200)}</span>`,
    why ? `<code>${text(why, 80)}</code>` : '',
    r.expect === 'fail' && r.verdict === 'fail' ? '<small>expected</small>' : '',
    h ? runs(h, r) : '',
    since ? `<small>${text(since)}</small>` : '',
  ].filter(Boolean);
  const body: string[] = [];
  const facts: [string, string][] = [
    ['Request', `<code>${text(`${str(r.method)} ${str(r.url)}`, 600)}</code>`],
    ['Origin', `<code>${text(r.origin, 200)}</code>`],
    [
      'Client',
      `${text(client(r), 80)} in ${text(r.browser || 'chromium', 40)}, credentials ${text(r.credentials, 20)}`,
    ],
    ['Status', text(statusLine(r), 200) + (r.probes && r.probes.length > 1 ? ` (${text(probeNote(r))})` : '')],
  ];
  const ex = r.preflight ?? r.actual;
  if (ex && !ex.error) {
    const seen = corsHeaders(ex);
    facts.push([
      r.preflight ? 'CORS headers (preflight)' : 'CORS headers',
      seen.length ? seen.map(([n, v]) => `<code>${text(`${n}: ${v}`, 400)}</code>`).join('<br>') : 'none',
    ]);
  }
  body.push(`<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  const findings = r.findings.filter((f) => !(f.level === 'info' && f.code === 'MaxAge'));
  if (findings.length) {
    body.push(
      '<h3>Findings</h3><ul>',
      ...findings.map(
        (f) =>
          `<li><b>${text(f.code, 80)}</b> <small>(${text(f.level, 20)}${f.on ? `, ${text(f.on, 20)}` : ''})</small>: <code>${text(f.message, 800)}</code></li>`,
      ),
      '</ul>',
    );
  }
  const needed = neededHeaders(r);
  if (needed) body.push('<h3>The response needs</h3>', `<pre>${block(needed, 2000)}</pre>`);
  if (r.preflight) body.push('<h3>Preflight</h3>', `<pre>${block(exchangeText(r.preflight), 6000)}</pre>`);
  if (r.actual) body.push('<h3>Actual request</h3>', `<pre>${block(exchangeText(r.actual), 6000)}</pre>`);
  if (ex) {
    body.push(
      '<h3>Reproduce</h3>',
      `<pre>${block(curlCommand(str(ex.request?.method), str(r.url), ex.request?.headers ?? []), 4000)}</pre>`,
    );
  }
  return `<details class="ep" id="e${i}" data-v="${r.verdict}" data-p="${text(provider(r), 200)}" data-c="${text(client(r), 200)}"><summary>${summary.join(' ')}</summary><div>\n${body.join('\n')}\n</div></details>`;
}

export function renderHtml(input: HtmlInput): string {
  const { records, decision, history: h } = input;
  const c = decision.counts;
  const title = `cors-gate: ${headline(decision)}${input.shard ? ` (shard ${input.shard.index}/${input.shard.count})` : ''}`;
  const index = new Map(records.map((r, i) => [r, i]));
  const counts = [
    `${badge('pass')} ${c.passed}`,
    `${badge('warn')} ${c.warned}`,
    `${badge('fail')} ${c.failed}`,
    `${badge('error')} ${c.errored}`,
  ];
  const gate = `gate ${decision.ok ? 'passed' : 'failed'} (fail-on: ${decision.failOn.length ? decision.failOn.join(', ') : 'never'})`;
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(input.generatedAt)
    ? `${input.generatedAt.slice(0, 10)} ${input.generatedAt.slice(11, 16)} UTC`
    : input.generatedAt;
  const when = h?.runs.length
    ? `Checked ${text(at, 40)}; the history holds the last ${h.runs.length} run${h.runs.length === 1 ? '' : 's'}.`
    : `Checked ${text(at, 40)}.`;
  const notes = decision.nowPassing.map(
    (r) => `<p>${text(r.name, 200)} now passes: drop <code>expect: fail</code> from its config.</p>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="counts">${counts.join(' ')} <span>${escapeHtml(gate)}</span></p>
<p class="muted">${when} Each row is a page on its origin calling the endpoint with <code>fetch()</code> or a client library, decided as the Fetch standard and Chromium decide.</p>
${notes.join('\n')}
</header>
<main>
${filters(records)}
${matrix(records, index, h)}
<h2>Endpoints</h2>
${records.map((r, i) => endpoint(r, i, h)).join('\n')}
</main>
<footer>
<h2>What the verdicts mean</h2>
<dl>${VERDICT_ORDER.map((v) => `<dt>${badge(v)}</dt><dd>${MEANING[v]}</dd>`).join('')}</dl>
<p>Made by cors-gate ${escapeHtml(VERSION)}. Server text is shown as received, escaped; invisible and control characters as <code>\\u{…}</code>.</p>
</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
