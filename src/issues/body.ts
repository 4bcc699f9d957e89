// The text cors-gate writes on GitHub: issue titles, bodies and comments, each
// carrying its marker (marker.ts). Everything that came from a server is inside
// a code span or a fenced block, so that it cannot mention people, link issues
// or inject markup.
import { corsHeaders, neededHeaders, problems } from '../report/cells.js';
import { curlCommand } from '../report/curl.js';
import type { ExchangeRecord, ResultRecord } from '../report/record.js';
import { cut, mdBlock, mdCode, oneLine } from '../text.js';
import type { Finding } from '../types.js';
import { type Marker, renderMarker } from './marker.js';

/** GitHub refuses bodies over 65,536 characters; stay clear of it. */
export const BODY_LIMIT = 60_000;
const TITLE_LIMIT = 200;

/** The findings an issue reports. */
export const blocking = problems;

export const day = (d: Date) => d.toISOString().slice(0, 10);

function statusOf(ex: ExchangeRecord | null): string {
  if (!ex) return 'not sent';
  if (ex.status !== null) return String(ex.status);
  return ex.error ? ex.error.code : 'no response';
}

/** A short reason for the title, built from codes and statuses only (no server text). */
export function shortReason(r: ResultRecord): string {
  if (r.verdict === 'error') {
    const ex = r.preflight ?? r.actual;
    return `no answer (${oneLine(ex?.error?.code ?? 'error', 40)})`;
  }
  const f = blocking(r).find((x) => x.level === 'fail') ?? blocking(r)[0];
  if (!f) return r.verdict;
  switch (f.code) {
    case 'PreflightInvalidStatus':
      return `preflight answers ${statusOf(r.preflight)}`;
    case 'PreflightMissingAllowOriginHeader': {
      const st = r.preflight?.status;
      return st && (st < 200 || st > 299)
        ? `preflight answers ${st} without Access-Control-Allow-Origin`
        : 'preflight has no Access-Control-Allow-Origin';
    }
    case 'MissingAllowOriginHeader':
      return 'response has no Access-Control-Allow-Origin';
    case 'HeaderDisallowedByPreflightResponse':
      return 'request headers not allowed';
    case 'MethodDisallowedByPreflightResponse':
      return `${oneLine(r.method, 20)} not allowed`;
    default:
      return oneLine(f.code, 80);
  }
}

export function issueTitle(r: ResultRecord): string {
  return cut(`CORS: ${oneLine(r.name, 100)} blocks browser calls — ${shortReason(r)}`, TITLE_LIMIT);
}

function evidenceRow(label: string, ex: ExchangeRecord): string {
  const seen = corsHeaders(ex).slice(0, 12);
  const headers = seen.length ? seen.map(([n, v]) => mdCode(`${n}: ${v}`, 200)).join('<br>') : 'none';
  const status =
    ex.status !== null
      ? mdCode(String(ex.status))
      : ex.error
        ? `no answer: ${mdCode(`${ex.error.code} ${ex.error.message}`, 200)}`
        : 'no answer';
  return `| ${label} ${mdCode(ex.request.method, 20)} | ${status} | ${headers} |`;
}

function exchangeText(ex: ExchangeRecord, bodyMax: number): string {
  const out = [`HTTP ${ex.status ?? '(no response)'}${ex.error ? ` — ${ex.error.code}: ${ex.error.message}` : ''}`];
  for (const [n, v] of ex.headers.slice(0, 60)) out.push(`${n}: ${cut(v, 500)}`);
  if (ex.headers.length > 60) out.push(`… ${ex.headers.length - 60} more header lines`);
  if (ex.body && bodyMax > 0) out.push('', cut(ex.body, bodyMax) + (ex.bodyTruncated ? ' …[body cut]' : ''));
  return out.join('\n');
}

/** The sentence Chromium's console prints, rebuilt from the finding. */
export function consoleWording(r: ResultRecord, f: Finding): string {
  const head = `Access to fetch at '${r.url}' from origin '${r.origin}' has been blocked by CORS policy: `;
  const lead = "Response to preflight request doesn't pass access control check: ";
  return (
    head +
    (f.on === 'preflight' && f.code.startsWith('Preflight') && !f.message.startsWith(lead) ? lead : '') +
    f.message
  );
}

export interface BodyContext {
  marker: Marker;
  /** Link to the workflow run that saw this. */
  runUrl?: string;
  /** When the issue it follows (marker.prev) was closed. */
  previousClosedAt?: string | null;
  /** How many runs in a row saw the failure before the issue was opened, when more than one. */
  runsInARow?: number;
  /** How much detail to keep; lowered until the body fits. */
  detail?: 'full' | 'short' | 'minimal';
}

const WHY =
  'A page served from this origin cannot call the API: the browser blocks the request before the response reaches the page. ' +
  'That breaks every browser-based client — web apps, browser builds of the official SDKs, extensions, and streaming responses (server-sent events) — while curl and server-side code keep working, which is why it goes unnoticed.';

function renderBody(r: ResultRecord, ctx: BodyContext): string {
  const detail = ctx.detail ?? 'full';
  const bodyMax = detail === 'full' ? 4000 : detail === 'short' ? 500 : 0;
  const out: string[] = [renderMarker(ctx.marker), ''];
  const target = `${mdCode(`${r.method} ${r.url}`, 400)} from origin ${mdCode(r.origin, 200)}${r.credentials === 'include' ? ' with credentials' : ''}`;
  out.push(`### What fails`, '');
  if (r.verdict === 'error') {
    out.push(`${target} gets no usable answer, so a browser cannot call it either.`, '');
  } else {
    out.push(`A browser blocks ${target}.`, '', WHY, '');
  }
  out.push('### Evidence', '', '| Request | Status | `Access-Control-*` headers seen |', '|---|---|---|');
  if (r.preflight) out.push(evidenceRow('preflight', r.preflight));
  else if (!r.preflightNeeded) out.push('| preflight | not needed (CORS-simple request) | |');
  if (r.actual) out.push(evidenceRow('actual', r.actual));
  out.push('');
  const sent = r.preflight ?? r.actual;
  if (sent) {
    out.push(
      `Reproduce the ${r.preflight ? 'preflight' : 'request'}:`,
      '',
      mdBlock(curlCommand(sent.request.method, r.url, sent.request.headers), detail === 'minimal' ? 1000 : 4000, 'sh'),
      '',
    );
    if (detail !== 'minimal') {
      for (const [label, ex] of [
        ['Preflight response', r.preflight],
        ['Actual response', r.actual],
      ] as const) {
        if (ex)
          out.push(
            `<details><summary>${label}</summary>`,
            '',
            mdBlock(exchangeText(ex, bodyMax), 12_000),
            '',
            '</details>',
            '',
          );
      }
    }
  }
  const found = blocking(r).slice(0, detail === 'full' ? 20 : 5);
  if (found.length) {
    out.push('### What a browser reports', '');
    for (const f of found)
      out.push(
        `- ${mdCode(f.code, 80)} (${f.level}${f.on ? `, ${f.on}` : ''}): ${mdCode(f.message, detail === 'full' ? 600 : 200)}`,
      );
    const first = found.find((f) => f.level === 'fail') ?? found[0]!;
    out.push('', 'Chromium console:', '', mdBlock(consoleWording(r, first), 2000, 'text'), '');
  }
  const needed = neededHeaders(r);
  if (needed) {
    out.push(
      '### Fix',
      '',
      'The response needs these headers (the preflight answer with a 2xx status, and the actual response for the origin header):',
      '',
    );
    out.push(mdBlock(needed, 4000, 'http'), '');
  }
  out.push('### History', '');
  out.push(`- First seen: ${ctx.marker.first}${ctx.runsInARow ? ` (failing in ${ctx.runsInARow} runs in a row)` : ''}`);
  out.push(`- Last changed: ${ctx.marker.changed}`);
  if (ctx.marker.prev)
    out.push(
      `- Follows #${ctx.marker.prev}, closed${ctx.previousClosedAt ? ` on ${ctx.previousClosedAt.slice(0, 10)}` : ''}; the endpoint fails again.`,
    );
  if (ctx.runUrl) out.push(`- Workflow run: ${ctx.runUrl}`);
  out.push(
    '',
    `<sub>Filed by cors-gate for endpoint ${mdCode(r.name, 100)} (id ${mdCode(r.id)}). It updates this issue when the findings change and closes it when a browser can call the endpoint; edits to this description are overwritten then.</sub>`,
  );
  return out.join('\n') + '\n';
}

/** The issue body, shortened step by step until it fits GitHub's limit. */
export function issueBody(r: ResultRecord, ctx: BodyContext): string {
  for (const detail of ['full', 'short', 'minimal'] as const) {
    const text = renderBody(r, { ...ctx, detail });
    if (text.length <= BODY_LIMIT) return text;
  }
  return cut(renderBody(r, { ...ctx, detail: 'minimal' }), BODY_LIMIT);
}

function findingList(fs: Finding[]): string[] {
  return fs.map((f) => `${mdCode(f.code, 80)}${f.on ? ` (${f.on})` : ''}: ${mdCode(f.message, 300)}`);
}

/** The one comment added when the findings of a failing endpoint change. */
export function changeComment(r: ResultRecord, before: { title: string }, runUrl?: string): string {
  const out = [
    `**The findings changed** — ${mdCode(r.name, 100)} still blocks browser calls, now: ${shortReason(r)} (verdict ${r.verdict}).`,
    '',
  ];
  out.push(`Preflight ${mdCode(statusOf(r.preflight))}, actual request ${mdCode(statusOf(r.actual))}.`, '');
  const now = findingList(blocking(r).slice(0, 10));
  if (now.length) out.push('Now:', '', ...now.map((l) => `- ${l}`), '');
  out.push(`Before: ${mdCode(before.title, 200)}`, '');
  out.push('The description above shows the new evidence.' + (runUrl ? ` Run: ${runUrl}` : ''));
  return out.join('\n') + '\n';
}

function corsLines(ex: ExchangeRecord | null): string {
  if (!ex) return '';
  const seen = corsHeaders(ex).slice(0, 8);
  return seen.length ? seen.map(([n, v]) => mdCode(`${n}: ${v}`, 200)).join(', ') : 'no `Access-Control-*` headers';
}

export function daysBetween(from: string, to: Date): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  if (!Number.isFinite(start)) return 0;
  return Math.max(0, Math.round((Date.parse(`${day(to)}T00:00:00Z`) - start) / 86_400_000));
}

function evidenceLine(r: ResultRecord): string {
  const parts: string[] = [];
  if (r.preflight) parts.push(`preflight ${mdCode(statusOf(r.preflight))} with ${corsLines(r.preflight)}`);
  if (r.actual) parts.push(`actual request ${mdCode(statusOf(r.actual))} with ${corsLines(r.actual)}`);
  return parts.join('; ');
}

/** The comment that closes a resolved issue. */
export function resolvedComment(r: ResultRecord, firstSeen: string, now: Date, runUrl?: string): string {
  const days = daysBetween(firstSeen, now);
  const out = [
    `**Resolved:** a browser can call ${mdCode(r.name, 100)} — it passes since ${day(now)}, after ${days} day${days === 1 ? '' : 's'} (first seen ${firstSeen}).`,
    '',
  ];
  const ev = evidenceLine(r);
  if (ev) out.push(`Evidence: ${ev}.`, '');
  out.push(
    `Verdict ${mdCode(r.verdict)}; closed as completed. If it breaks again, cors-gate opens a new issue that links this one.` +
      (runUrl ? ` Run: ${runUrl}` : ''),
  );
  return out.join('\n') + '\n';
}

/** A comment on an issue someone else opened, when the endpoint's state changes. */
export function trackingComment(
  r: ResultRecord,
  marker: Marker,
  previous: Marker | null,
  now: Date,
  runUrl?: string,
): string {
  const out = [renderMarker(marker), ''];
  const ev = evidenceLine(r);
  if (marker.state === 'pass') {
    out.push(
      `**Verified fixed on ${day(now)}:** cors-gate finds that a browser can call ${mdCode(r.name, 100)} (${mdCode(`${r.method} ${r.url}`, 300)} from origin ${mdCode(r.origin, 200)}).`,
      '',
    );
    if (previous) out.push(`It failed when last checked (${previous.changed}).`, '');
  } else {
    const lead = previous ? `**Regression on ${day(now)}:**` : `**cors-gate follows this issue:**`;
    out.push(
      `${lead} a browser blocks ${mdCode(r.name, 100)} (${mdCode(`${r.method} ${r.url}`, 300)} from origin ${mdCode(r.origin, 200)}) — ${shortReason(r)}.`,
      '',
    );
    const list = findingList(blocking(r).slice(0, 10));
    if (list.length) out.push(...list.map((l) => `- ${l}`), '');
    const needed = neededHeaders(r);
    if (needed) out.push('The response needs:', '', mdBlock(needed, 2000, 'http'), '');
    const sent = r.preflight ?? r.actual;
    if (sent)
      out.push(
        'Reproduce:',
        '',
        mdBlock(curlCommand(sent.request.method, r.url, sent.request.headers), 3000, 'sh'),
        '',
      );
  }
  if (ev) out.push(`Evidence: ${ev}.`, '');
  out.push(
    `<sub>cors-gate comments here only when this endpoint's state changes.${runUrl ? ` Run: ${runUrl}` : ''}</sub>`,
  );
  return cut(out.join('\n') + '\n', BODY_LIMIT);
}

/** The comment on an issue closed because an older open issue follows the same endpoint. */
export function duplicateComment(r: ResultRecord, kept: number): string {
  return `Duplicate of #${kept}, which follows ${mdCode(r.name, 100)} (id ${mdCode(r.id)}). cors-gate keeps one open issue per endpoint and closed this one.\n`;
}
