// Writes what Chromium did with every case to chromium-observed.json: evidence
// for whoever works on the evaluator. Tests never read it back as expectations.
// Regenerate: PARITY_OBSERVE=1 npx vitest run test/parity/harness.test.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParityCase } from './cases.js';
import type { ChromiumResult } from './chromium.js';

export const OBSERVED_PATH = fileURLToPath(new URL('./chromium-observed.json', import.meta.url));

export interface ObservedRow {
  id: string;
  group: string;
  allowed: boolean;
  corsError: string | null;
  /** Later CorsIssues for the same case (e.g. one per redirect hop), when there were any. */
  moreCorsErrors?: string[];
  preflightSeen: boolean;
  deprecation: string | null;
  status?: number;
  error?: string;
}

export function observedRows(cases: readonly ParityCase[], results: Map<string, ChromiumResult>): ObservedRow[] {
  return cases.map((c) => {
    const r = results.get(c.id);
    if (!r) throw new Error(`no Chromium result for ${c.id}`);
    const row: ObservedRow = {
      id: c.id,
      group: c.group,
      allowed: r.allowed,
      corsError: r.corsError ?? null,
      preflightSeen: r.preflightSeen,
      deprecation: r.deprecation ?? null,
    };
    if (r.corsErrors.length > 1) row.moreCorsErrors = r.corsErrors.slice(1);
    if (r.status !== undefined) row.status = r.status;
    if (r.error !== undefined) row.error = r.error;
    return row;
  });
}

export function writeObserved(
  cases: readonly ParityCase[],
  results: Map<string, ChromiumResult>,
  browserVersion: string,
  path = OBSERVED_PATH,
): void {
  const doc = {
    browser: `Chromium ${browserVersion}`,
    generatedAt: new Date().toISOString(),
    note: 'What headless Chromium did with each case in test/parity/cases.ts. Evidence only: tests ask Chromium live.',
    cases: observedRows(cases, results),
  };
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
}
