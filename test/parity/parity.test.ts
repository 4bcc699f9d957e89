// cors-gate against real Chromium: every case is run in the browser and by
// checkEndpoints(), and the two must agree on allowed/blocked and on the name
// of the first blocking error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import type { CheckResult, Endpoint } from '../../src/types.js';
import { type CaseServer, startCaseServer } from './case-server.js';
import { CASES, groupCounts, type ParityCase } from './cases.js';
import {
  browserLabel,
  type ChromiumResult,
  describeWithChromium,
  type PageServer,
  runInChromium,
  startPageServer,
} from './chromium.js';

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

interface Disagreement {
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

function table(rows: Disagreement[]): string {
  const w = (k: keyof Disagreement) => Math.max(k.length, ...rows.map((r) => r[k].length));
  const cols: (keyof Disagreement)[] = ['id', 'chromium', 'corsGate', 'why'];
  const line = (r: Record<keyof Disagreement, string>) => cols.map((k) => r[k].padEnd(w(k))).join(' | ');
  return [line({ id: 'id', chromium: 'chromium', corsGate: 'cors-gate', why: 'why' }), ...rows.map(line)].join('\n');
}

describeWithChromium('parity with Chromium', () => {
  let page: PageServer | undefined;
  let server: CaseServer | undefined;
  let chrome: Map<string, ChromiumResult>;
  const gate = new Map<string, CheckResult>();

  beforeAll(async () => {
    page = await startPageServer();
    server = await startCaseServer(CASES, { runId: `p${Date.now().toString(36)}`, origin: page.origin });
    chrome = await runInChromium(CASES, server.url, { page });
    const endpoints = CASES.map((c) => toEndpoint(c, server!.url, page!.origin));
    // One probe each, as the browser makes one call: the cases' servers answer the same every time.
    const results = await checkEndpoints(endpoints, { timeoutMs: 5000, concurrency: 8, confirm: 0 });
    expect(results).toHaveLength(endpoints.length);
    for (const [i, r] of results.entries()) gate.set(CASES[i]!.id, r);
  });

  afterAll(async () => {
    await server?.close();
    await page?.close();
  });

  for (const groupName of groupCounts().keys()) {
    it(`agrees on group ${groupName}`, () => {
      const rows: Disagreement[] = [];
      for (const c of CASES.filter((x) => x.group === groupName)) {
        const d = compare(c, chrome.get(c.id)!, gate.get(c.id)!);
        if (d) rows.push(d);
      }
      if (rows.length) console.log(`\nDisagreements in ${groupName}:\n${table(rows)}\n`);
      expect(rows.map((r) => r.id)).toEqual([]);
    });
  }

  it('ran every case in Chromium and through cors-gate', ({ task }) => {
    expect([...chrome.keys()].sort()).toEqual(CASES.map((c) => c.id).sort());
    expect(gate.size).toBe(CASES.length);
    task.meta.chromiumRan = `Chromium parity: ${CASES.length} cases in ${groupCounts().size} groups, ${browserLabel()}`;
  });
});
