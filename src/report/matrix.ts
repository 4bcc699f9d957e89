// Provider × client: when one provider is checked with several clients, a
// reader sees at a glance which client libraries a browser lets through.
import { column, html, logSafe, oneLine } from '../text.js';
import { firstProblem, ICON } from './cells.js';
import type { ResultRecord } from './record.js';

export interface Matrix {
  clients: string[];
  rows: { label: string; cells: Map<string, ResultRecord> }[];
}

/** The row a record belongs to: its name without the ` · client` suffix. */
export function rowLabel(r: ResultRecord): string {
  const suffix = r.client ? ` · ${r.client}` : '';
  return suffix && r.name.endsWith(suffix) ? r.name.slice(0, -suffix.length) : r.name;
}

/**
 * Rows checked with at least `minClients` clients (the summary shows only rows
 * with a choice of client; the HTML report every row); null when there are none.
 */
export function buildMatrix(records: readonly ResultRecord[], minClients = 2): Matrix | null {
  const byRow = new Map<string, Map<string, ResultRecord>>();
  for (const r of records) {
    const label = rowLabel(r);
    const cells = byRow.get(label) ?? new Map<string, ResultRecord>();
    cells.set(r.client ?? 'fetch', r);
    byRow.set(label, cells);
  }
  const rows = [...byRow].filter(([, cells]) => cells.size >= minClients).map(([label, cells]) => ({ label, cells }));
  if (rows.length === 0) return null;
  const clients: string[] = [];
  for (const row of rows) for (const c of row.cells.keys()) if (!clients.includes(c)) clients.push(c);
  return { clients, rows };
}

function why(r: ResultRecord): string {
  return firstProblem(r)?.code ?? '';
}

export function renderMatrixMarkdown(records: readonly ResultRecord[]): string {
  const m = buildMatrix(records);
  if (!m) return '';
  const out = [
    '### By client',
    '',
    `| Provider | ${m.clients.map((c) => html(c)).join(' | ')} |`,
    `|---|${m.clients.map(() => '---').join('|')}|`,
  ];
  for (const row of m.rows) {
    const cells = m.clients.map((c) => {
      const r = row.cells.get(c);
      if (!r) return '';
      const w = why(r);
      return `${ICON[r.verdict]} ${r.verdict}${w ? `<br>${html(w)}` : ''}`;
    });
    out.push(`| ${html(oneLine(row.label, 200))} | ${cells.join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

export function renderMatrixText(records: readonly ResultRecord[]): string {
  const m = buildMatrix(records);
  if (!m) return '';
  const label = (s: string) => column(s, 64);
  const width = Math.max(8, ...m.rows.map((r) => label(r.label).length));
  const cell = (r: ResultRecord | undefined) => (r ? r.verdict.toUpperCase() + (why(r) ? ` ${why(r)}` : '') : '-');
  const colWidth = m.clients.map((c) =>
    Math.min(48, Math.max(column(c, 30).length, ...m.rows.map((row) => cell(row.cells.get(c)).length))),
  );
  const lines = [
    'By client:',
    `  ${'provider'.padEnd(width)}  ${m.clients.map((c, i) => column(c, 30).padEnd(colWidth[i]!)).join('  ')}`.trimEnd(),
  ];
  for (const row of m.rows) {
    lines.push(
      `  ${label(row.label).padEnd(width)}  ${m.clients.map((c, i) => column(cell(row.cells.get(c)), 48).padEnd(colWidth[i]!)).join('  ')}`.trimEnd(),
    );
  }
  return lines.map(logSafe).join('\n');
}
