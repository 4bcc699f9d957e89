// Result records whose every text field carries server text written to do harm
// (the hostile server's header values and body), as a report read back from a
// file may: merged reports come from files anyone could have written. For the
// HTML report's tests, in-process and in Chromium.
import { type History, recordRun } from '../../src/history/history.js';
import type { ExchangeRecord, ResultRecord } from '../../src/report/record.js';
import { resultRecord } from '../support/records.js';
import { BODY, HEADER_VALUES, MARK } from './hostile-server.js';

/** A value that ends an attribute, opens a tag, plants a script and a javascript: link. */
export const EVIL = `"'><script>window.__planted=1</script><a href="javascript:window.__planted=2">${MARK}</a><img src=x onerror="window.__planted=3">`;

function evilExchange(method: string): ExchangeRecord {
  return {
    request: { method, headers: [[`X-${EVIL}`, EVIL]] },
    status: 200,
    headers: [...HEADER_VALUES.map((v, i) => [`X-Evil-${i}`, v] as const), ['Access-Control-Allow-Origin', EVIL]],
    body: BODY,
    bodyTruncated: true,
    error: { code: EVIL, message: EVIL },
    ms: 1,
    attempts: [{ status: 503, error: EVIL, ms: 1, waitMs: 1 }],
  };
}

export function hostileRecords(): ResultRecord[] {
  const verdicts = ['pass', 'warn', 'fail', 'error'] as const;
  return verdicts.map((verdict, i) =>
    resultRecord({
      id: `${EVIL}-${i}`,
      name: `${EVIL} · ${i} \u202Eright-to-left`,
      group: `${EVIL} group ${i % 2}`,
      client: `${EVIL} client ${i}`,
      url: `javascript:alert('${MARK}')//${EVIL}`,
      origin: `https://${EVIL}`,
      method: EVIL,
      browser: EVIL,
      credentials: EVIL,
      verdict,
      expect: 'fail',
      findings: [
        { code: EVIL, level: 'fail', on: 'preflight', message: `${EVIL} ${HEADER_VALUES.join(' ')}` },
        { code: `Warn${EVIL}`, level: EVIL as never, on: EVIL as never, message: BODY },
      ],
      fix: [[EVIL, EVIL]],
      preflight: evilExchange(EVIL),
      actual: evilExchange('POST'),
      probes: [{ verdict: 'fail', code: EVIL }, { verdict: 'pass' }],
      flaky: true,
    }),
  );
}

/** A history of three runs of those records, the endpoint names in it hostile too. */
export function hostileHistory(records: readonly ResultRecord[]): History {
  let h: History = { version: 1, tool: 'cors-gate', runs: [], endpoints: {} };
  for (let run = 1; run <= 3; run++) h = recordRun(h, records, { at: `2026-11-0${run}T06:00:00.000Z`, url: EVIL });
  return h;
}
