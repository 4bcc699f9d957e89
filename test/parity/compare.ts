// How a parity case is put to cors-gate, and how its verdict is held against
// what Chromium did: allowed or blocked alike, and the first blocking finding
// named as Chromium named the error.
import type { CheckResult, Endpoint } from '../../src/types.js';
import type { ParityCase } from './cases.js';
import type { ChromiumResult } from './chromium.js';

export function toEndpoint(c: ParityCase, caseServerUrl: string, origin: string): Endpoint {
  const e: Endpoint = {
    id: c.id,
    name: c.id,
    group: c.group,
    url: `${caseServerUrl}/${c.id}`,
    origin,
    method: c.request.method,
    headers: c.request.headers.map(([n, v]) => [n, v] as const),
    credentials: c.request.credentials,
    actual: true,
    browser: 'chromium',
    secrets: [],
  };
  if (c.request.body !== undefined) e.body = c.request.body;
  return e;
}

export interface Disagreement {
  id: string;
  chromium: string;
  corsGate: string;
  why: string;
}

function describeChromium(r: ChromiumResult): string {
  const parts = [r.allowed ? 'allowed' : 'blocked'];
  if (r.corsError) parts.push(r.corsError);
  else if (!r.allowed && r.error) parts.push(r.error);
  if (r.deprecation) parts.push(`+${r.deprecation}`);
  return parts.join(' ');
}

function describeGate(res: CheckResult): string {
  const firstFail = res.evaluation.findings.find((f) => f.level === 'fail' || f.level === 'error');
  const warns = res.evaluation.findings.filter((f) => f.level === 'warn').map((f) => f.code);
  return [res.evaluation.verdict, firstFail?.code, ...warns.map((w) => `+${w}`)].filter(Boolean).join(' ');
}

export function compare(c: ParityCase, chrome: ChromiumResult, gate: CheckResult): Disagreement | undefined {
  const v = gate.evaluation.verdict;
  const gateAllows = v === 'pass' || v === 'warn';
  const row = (why: string): Disagreement => ({
    id: c.id,
    chromium: describeChromium(chrome),
    corsGate: describeGate(gate),
    why,
  });
  if (chrome.allowed !== gateAllows) return row(chrome.allowed ? 'Chromium allowed' : 'Chromium blocked');
  // A CORS block always carries a DevTools error name; without one the capture is broken
  // and the code comparison below would pass on nothing.
  if (!chrome.allowed && v === 'fail' && !chrome.corsError)
    return row('Chromium blocked without a CORS error name (DevTools issue capture found nothing)');
  if (chrome.corsError) {
    const firstFail = gate.evaluation.findings.find((f) => f.level === 'fail');
    if (firstFail?.code !== chrome.corsError) return row('first fail finding differs');
  }
  if (chrome.allowed && chrome.deprecation === 'AuthorizationCoveredByWildcard') {
    if (v !== 'warn' || !gate.evaluation.findings.some((f) => f.code === 'AuthorizationCoveredByWildcard')) {
      return row('expected warn AuthorizationCoveredByWildcard');
    }
  }
  return undefined;
}

export function table(rows: Disagreement[]): string {
  const w = (k: keyof Disagreement) => Math.max(k.length, ...rows.map((r) => r[k].length));
  const cols: (keyof Disagreement)[] = ['id', 'chromium', 'corsGate', 'why'];
  const line = (r: Record<keyof Disagreement, string>) => cols.map((k) => r[k].padEnd(w(k))).join(' | ');
  return [line({ id: 'id', chromium: 'chromium', corsGate: 'cors-gate', why: 'why' }), ...rows.map(line)].join('\n');
}
