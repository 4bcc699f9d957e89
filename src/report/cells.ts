// What every renderer (summary, table, matrix, annotations, issues) says the
// same way: the verdict's icon and label, the finding that explains a row, the
// CORS headers a response carried, the headers the response needs, and since
// when the run history has seen an endpoint failing or passing.
import { type History, streakOf } from '../history/history.js';
import type { Finding, HeaderLine, Verdict } from '../types.js';
import type { ExchangeRecord, ResultRecord } from './record.js';

export const ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', error: '🔌' };

export function verdictLabel(r: ResultRecord): string {
  let label = `${ICON[r.verdict]} ${r.verdict}`;
  if (r.expect === 'fail' && r.verdict === 'fail') label += ' (expected)';
  return label;
}

/** The findings that make a row other than a pass: blocking ones first, then warnings. */
export function problems(r: ResultRecord): Finding[] {
  return r.findings.filter((f) => f.level !== 'info');
}

/**
 * The finding that explains the verdict. Findings are ordered blocking first,
 * then warnings, then informative ones, so it is the first that is not info.
 */
export function firstProblem(r: ResultRecord): Finding | undefined {
  return r.findings.find((f) => f.level !== 'info');
}

/** The response's `Access-Control-*` header lines, in the order received. */
export function corsHeaders(ex: ExchangeRecord): HeaderLine[] {
  return ex.headers.filter(([n]) => /^access-control-/i.test(n));
}

/** ` (after 2 retries)` when a request was asked again, else nothing. */
export function retried(ex: ExchangeRecord): string {
  const n = ex.attempts?.length ?? 0;
  return n ? ` (after ${n} ${n === 1 ? 'retry' : 'retries'})` : '';
}

/** How the probes of a failing endpoint came out: `failed 3 of 3 probes` or `flaky: failed 2 of 3 probes`. */
export function probeNote(r: ResultRecord): string {
  const probes = r.probes ?? [];
  const failed = probes.filter((p) => p.verdict === 'fail').length;
  return `${r.flaky ? 'flaky: ' : ''}failed ${failed} of ${probes.length} probes`;
}

/** The header lines the response needs for this exact call, when a browser blocks or warns; null otherwise. */
export function neededHeaders(r: ResultRecord): string | null {
  if ((r.verdict !== 'fail' && r.verdict !== 'warn') || r.fix.length === 0) return null;
  return r.fix.map(([n, v]) => `${n}: ${v}`).join('\n');
}

/**
 * Since when the endpoint has been failing or passing, from the run history:
 * `failing since 2026-01-03`; null until two runs in a row agree. Errors neither
 * extend nor break the streak (they are blips until they are not).
 */
export function sinceNote(h: History, r: Pick<ResultRecord, 'id'>): string | null {
  const streak = streakOf(h, r.id, (l) => (l === 'p' || l === 'w' ? 'passing' : l === 'e' ? 'transient' : 'failing'));
  return streak?.since && streak.runs > 1 ? `${streak.state} since ${streak.since.slice(0, 10)}` : null;
}
