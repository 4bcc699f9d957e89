// The terminal table for the CLI and the action log. Server text is made visible
// and bounded, and no line can start a workflow command.
import { column, logSafe, oneLine } from '../text.js';
import { corsHeaders, firstProblem, neededHeaders, problems } from './cells.js';
import { curlCommand } from './curl.js';
import type { GateDecision } from './gate.js';
import type { ResultRecord } from './record.js';
import { headline } from './summary.js';

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERR ' } as const;

function status(r: ResultRecord): string {
  const p = r.preflight ? String(r.preflight.status ?? r.preflight.error?.code ?? '?') : '-';
  const a = r.actual ? String(r.actual.status ?? r.actual.error?.code ?? '?') : '-';
  return `${p}/${a}`;
}

export function renderTable(records: readonly ResultRecord[], decision: GateDecision, color = false): string {
  const paint = (v: keyof typeof MARK, s: string) => {
    if (!color) return s;
    const c = { pass: 32, warn: 33, fail: 31, error: 35 }[v];
    return `\u001b[${c}m${s}\u001b[0m`;
  };
  const nameWidth = Math.min(64, Math.max(8, ...records.map((r) => column(r.name, 64).length)));
  const statusWidth = Math.max(9, ...records.map((r) => status(r).length));
  const lines: string[] = [
    `  ${'VERDICT'}  ${'ENDPOINT'.padEnd(nameWidth)}  ${'PRE/ACT'.padEnd(statusWidth)}  FIRST FINDING`.trimEnd(),
  ];
  for (const r of records) {
    const first = firstProblem(r);
    const name = column(r.name, 64).padEnd(nameWidth);
    const why = first ? `${first.code}${r.expect === 'fail' && r.verdict === 'fail' ? ' (expected)' : ''}` : '';
    // Made safe before the mark is painted: the colour's escape is ours, not server text.
    const rest = logSafe(`${name}  ${status(r).padEnd(statusWidth)}  ${why}`.trimEnd());
    lines.push(`  ${paint(r.verdict, MARK[r.verdict])}     ${rest}`);
  }
  const c = decision.counts;
  lines.push('');
  lines.push(
    logSafe(
      `${headline(decision)}: ${c.passed} pass, ${c.warned} warn, ${c.failed} fail, ${c.errored} error. Gate ${decision.ok ? 'passed' : 'failed'}.`,
    ),
  );
  lines.push(
    "PRE/ACT: the preflight's and the actual request's status (- not sent; a code such as ECONNREFUSED when there was no answer).",
  );
  for (const r of decision.nowPassing)
    lines.push(logSafe(`note: ${oneLine(r.name, 80)} now passes: drop expect: fail`));
  return lines.join('\n');
}

/** Findings of endpoints that are not a pass, for the log. */
export function renderFindings(records: readonly ResultRecord[]): string {
  const lines: string[] = [];
  for (const r of records) {
    if (r.verdict === 'pass') continue;
    lines.push(
      logSafe(
        `${MARK[r.verdict].trim()} ${oneLine(r.name, 80)} (${oneLine(r.url, 200)}, origin ${oneLine(r.origin, 100)})`,
      ),
    );
    for (const f of problems(r)) lines.push(logSafe(`    ${f.code}: ${oneLine(f.message, 400)}`));
  }
  return lines.join('\n');
}

/** One endpoint in full, for a reader at a terminal: what failed, what the response needs, how to see it with curl. */
export function renderDetail(r: ResultRecord): string {
  const lines = [`${MARK[r.verdict].trim()} ${oneLine(r.name, 80)}: ${oneLine(`${r.method} ${r.url}`, 200)}`];
  lines.push(`  from origin ${oneLine(r.origin, 100)}`);
  for (const f of problems(r)) lines.push(`  ${f.code}: ${oneLine(f.message, 400)}`);
  for (const [label, ex] of [
    ['preflight', r.preflight],
    ['actual request', r.actual],
  ] as const) {
    if (!ex) continue;
    const cors = corsHeaders(ex).map(([n, v]) => `${n}: ${oneLine(v, 200)}`);
    lines.push(
      `  ${label}: ${ex.status ?? ex.error?.code ?? 'no answer'}${cors.length ? `, ${cors.join('; ')}` : ', no Access-Control-* headers'}`,
    );
  }
  const needed = neededHeaders(r);
  if (needed) lines.push('  The response needs:', ...needed.split('\n').map((l) => `    ${l}`));
  const sent = r.preflight ?? r.actual;
  if (sent) lines.push('  Reproduce:', `    ${curlCommand(sent.request.method, r.url, sent.request.headers)}`);
  return lines.map(logSafe).join('\n');
}
