// Result records as src/report/record.ts writes them, for tests that render,
// merge or plan without checking anything. Callers override what they test.
import type { ResultRecord } from '../../src/report/record.js';

export function resultRecord(
  over: Partial<ResultRecord> & Pick<ResultRecord, 'id' | 'name' | 'url' | 'verdict'>,
): ResultRecord {
  return {
    origin: 'https://example.com',
    method: 'POST',
    credentials: 'omit',
    browser: 'chromium',
    preflightNeeded: true,
    findings: [],
    fix: [],
    preflight: null,
    actual: null,
    checkedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
