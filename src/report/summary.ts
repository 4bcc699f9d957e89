// The job summary: a headline, one table row per endpoint, then the evidence for
// each endpoint that is not a pass. GitHub drops a step summary over 1 MiB whole,
// so details are shortened first, the table last, with a line saying what was left out.

import { type History, strip } from '../history/history.js';
import { breakable, code, html, oneLine, pre } from '../text.js';
import {
  corsHeaders,
  firstProblem,
  ICON,
  neededHeaders,
  probeNote,
  retried,
  sinceNote,
  verdictLabel,
} from './cells.js';
import { curlCommand } from './curl.js';
import type { GateDecision } from './gate.js';
import { renderMatrixMarkdown } from './matrix.js';
import type { ExchangeRecord, ResultRecord } from './record.js';

export const SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the lines after the table and GitHub's own framing. */
const MARGIN = 16 * 1024;
const DETAIL_LIMIT = 24 * 1024;

function statusCell(r: ResultRecord): string {
  const parts: string[] = [];
  const one = (ex: ExchangeRecord | null) =>
    ex ? `${ex.request.method} ${ex.status ?? ex.error?.code ?? '?'}${retried(ex)}` : null;
  const p = one(r.preflight);
  const a = one(r.actual);
  if (p) parts.push(p);
  else if (!r.preflightNeeded) parts.push('no preflight');
  if (a) parts.push(a);
  const probes = r.probes && r.probes.length > 1 ? `<br>${html(probeNote(r))}` : '';
  return html(parts.join(' → ')) + probes;
}

const SHORT: Record<string, string> = {
  'access-control-allow-origin': 'ACAO',
  'access-control-allow-methods': 'ACAM',
  'access-control-allow-headers': 'ACAH',
  'access-control-allow-credentials': 'ACAC',
  'access-control-max-age': 'max-age',
};

/**
 * For a row that passes, a list the request needed only part of is cut to that
 * part: the methods and headers the browser asked for, and how many more the
 * server allows. The details and the JSON keep the whole list.
 */
function shortList(r: ResultRecord, name: string, value: string): string {
  if (r.verdict !== 'pass') return value;
  const asked = requestedBy(r, name);
  if (!asked) return value;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length <= 3 || items.includes('*')) return value;
  const shown = items.filter(
    (i) => asked.includes(i.toLowerCase()) || (name === 'access-control-allow-methods' && asked.includes(i)),
  );
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')}${shown.length ? ' ' : ''}+${more} more` : value;
}

/** What the preflight asked to be allowed for a list header: its method, or its lower-case header names. */
function requestedBy(r: ResultRecord, name: string): string[] | null {
  const sent = r.preflight?.request.headers ?? [];
  const ask = (header: string) => sent.find(([n]) => n.toLowerCase() === header)?.[1];
  if (name === 'access-control-allow-methods') {
    const m = ask('access-control-request-method');
    return m ? [m] : null;
  }
  if (name === 'access-control-allow-headers') {
    const h = ask('access-control-request-headers');
    return h ? h.split(',').map((s) => s.trim().toLowerCase()) : null;
  }
  return null;
}

export function corsHeadersCell(r: ResultRecord): string {
  const ex = r.preflight ?? r.actual;
  if (!ex) return '';
  if (ex.error) return code(ex.error.message, 120);
  const seen = corsHeaders(ex).filter(([n]) => SHORT[n.toLowerCase()]);
  if (seen.length === 0) return 'none';
  return seen
    .map(
      ([n, v]) => `${SHORT[n.toLowerCase()]} ${code(ex === r.preflight ? shortList(r, n.toLowerCase(), v) : v, 400)}`,
    )
    .join('<br>');
}

function problemCode(r: ResultRecord): string {
  return firstProblem(r)?.code ?? '';
}

export function exchangeText(ex: ExchangeRecord): string {
  const out = [`${ex.request.method} → ${ex.status ?? 'no response'}${ex.error ? ` (${ex.error.message})` : ''}`];
  for (const [n, v] of ex.headers) out.push(`${n}: ${v}`);
  if (ex.body) out.push('', ex.body + (ex.bodyTruncated ? ' …[body cut]' : ''));
  return out.join('\n');
}

function details(r: ResultRecord): string {
  const parts: string[] = [];
  parts.push(
    `<details><summary>${ICON[r.verdict]} ${html(oneLine(r.name, 200))} — ${html(problemCode(r) || r.verdict)}</summary>`,
    '',
  );
  parts.push(
    `<p>${code(`${r.method} ${r.url}`, 400)} from origin ${code(r.origin)}${r.credentials === 'include' ? ', credentials: include' : ''}</p>`,
  );
  parts.push('<ul>');
  for (const f of r.findings) {
    if (f.level === 'info' && f.code === 'MaxAge') continue;
    // Messages quote server values; outside code GitHub would link their @names and #refs.
    parts.push(`<li><b>${html(f.code)}</b> (${f.level}${f.on ? `, ${f.on}` : ''}): ${code(f.message, 600)}</li>`);
  }
  parts.push('</ul>');
  const needed = neededHeaders(r);
  if (needed) parts.push('<p>The response needs:</p>', pre(needed));
  if (r.preflight) parts.push('<p>Preflight:</p>', pre(exchangeText(r.preflight), 6000));
  if (r.actual) parts.push('<p>Actual request:</p>', pre(exchangeText(r.actual), 6000));
  const sent = r.preflight ?? r.actual;
  if (sent) parts.push('<p>Reproduce:</p>', pre(curlCommand(sent.request.method, r.url, sent.request.headers), 4000));
  parts.push('</details>', '');
  const text = parts.join('\n');
  return text.length > DETAIL_LIMIT
    ? `<details><summary>${ICON[r.verdict]} ${html(oneLine(r.name, 200))}</summary>\n\nDetails too long for the summary; see the JSON report.\n</details>\n`
    : text;
}

export function headline(d: GateDecision): string {
  const c = d.counts;
  const callable = c.passed + c.warned;
  return `${callable} of ${c.total} endpoint${c.total === 1 ? '' : 's'} can be called from a browser`;
}

export interface SummaryInput {
  records: readonly ResultRecord[];
  decision: GateDecision;
  /** Extra sections (issues) rendered after the table. */
  sections?: string[];
  limit?: number;
  /** This run checked one shard of the endpoints. */
  shard?: { index: number; count: number };
  /** What earlier runs saw, this one included: a column with the last runs. */
  history?: History;
}

/** The last runs as icons, and since when the endpoint has been failing or passing. */
function historyCell(h: History, r: ResultRecord): string {
  const since = sinceNote(h, r);
  return `${strip(h, r.id)}${since ? `<br>${html(since)}` : ''}`;
}

export function renderSummary(input: SummaryInput): string {
  const { records, decision } = input;
  const limit = (input.limit ?? SUMMARY_LIMIT) - MARGIN;
  const c = decision.counts;
  const head: string[] = [];
  head.push(
    `## cors-gate: ${headline(decision)}${input.shard ? ` (shard ${input.shard.index}/${input.shard.count})` : ''}`,
    '',
  );
  head.push(
    `✅ ${c.passed} pass · ⚠️ ${c.warned} warn · ❌ ${c.failed} fail · 🔌 ${c.errored} error — gate ${decision.ok ? '**passed**' : '**failed**'} (fail-on: ${decision.failOn.length ? decision.failOn.join(', ') : 'never'})`,
    '',
  );
  for (const r of decision.nowPassing)
    head.push(`> [!NOTE]\n> ${html(oneLine(r.name, 200))} now passes: drop \`expect: fail\` from its config.`, '');
  const h = input.history;
  const rows: string[] = h
    ? ['| # | Endpoint | Status | Verdict | CORS headers | Last runs |', '|---|---|---|---|---|---|']
    : ['| # | Endpoint | Status | Verdict | CORS headers |', '|---|---|---|---|---|'];
  let size = Buffer.byteLength(head.join('\n')) + 200;
  let rowsLeftOut = 0;
  records.forEach((r, i) => {
    const row = `| ${i + 1} | ${html(oneLine(r.name, 200))}<br><code>${breakable(oneLine(r.url, 200))}</code> | ${statusCell(r)} | ${verdictLabel(r)}${problemCode(r) ? `<br>${breakable(problemCode(r))}` : ''} | ${corsHeadersCell(r)} |${h ? ` ${historyCell(h, r)} |` : ''}`;
    const bytes = Buffer.byteLength(row) + 1;
    if (size + bytes > limit) {
      rowsLeftOut++;
      return;
    }
    size += bytes;
    rows.push(row);
  });
  const tail: string[] = [];
  let sectionsLeftOut = 0;
  for (const s of [renderMatrixMarkdown(records), ...(input.sections ?? [])].filter(Boolean)) {
    if (size + Buffer.byteLength(s) < limit) {
      tail.push(s);
      size += Buffer.byteLength(s);
    } else sectionsLeftOut++;
  }
  const detailParts: string[] = [];
  let detailsLeftOut = 0;
  for (const r of records) {
    if (r.verdict === 'pass') continue;
    const d = details(r);
    const bytes = Buffer.byteLength(d) + 1;
    if (size + bytes > limit) {
      detailsLeftOut++;
      continue;
    }
    size += bytes;
    detailParts.push(d);
  }
  const notes: string[] = [];
  if (sectionsLeftOut)
    notes.push(
      `${sectionsLeftOut} section${sectionsLeftOut === 1 ? '' : 's'} (the by-client matrix or the issues) left out to stay under GitHub's 1 MiB summary limit; the JSON report and the log have them.`,
    );
  if (rowsLeftOut)
    notes.push(
      `${rowsLeftOut} table rows left out to stay under GitHub's 1 MiB summary limit; the JSON report has every endpoint.`,
    );
  if (detailsLeftOut)
    notes.push(
      `Details of ${detailsLeftOut} endpoints left out to stay under GitHub's 1 MiB summary limit; the JSON report has them.`,
    );
  const out = [...head, ...rows, '', ...tail];
  if (detailParts.length) out.push('### Details', '', ...detailParts);
  if (notes.length) out.push('', ...notes.map((n) => `_${n}_`));
  return out.join('\n') + '\n';
}
