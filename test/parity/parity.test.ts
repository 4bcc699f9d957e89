// cors-gate against real Chromium: every case is run in the browser and by
// checkEndpoints(), and the two must agree on allowed/blocked and on the name
// of the first blocking error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import type { CheckResult } from '../../src/types.js';
import { type CaseServer, startCaseServer } from './case-server.js';
import { CASES, groupCounts } from './cases.js';
import {
  browserLabel,
  type ChromiumResult,
  describeWithChromium,
  type PageServer,
  runInChromium,
  startPageServer,
} from './chromium.js';
import { compare, type Disagreement, table, toEndpoint } from './compare.js';

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
