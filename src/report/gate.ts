// The CI gate: which verdicts fail the step, and what a known failure means.

import type { Verdict } from '../types.js';
import type { ResultRecord } from './record.js';

export interface Counts {
  total: number;
  passed: number;
  warned: number;
  failed: number;
  errored: number;
}

export interface GateDecision {
  ok: boolean;
  failOn: Verdict[];
  counts: Counts;
  /** Endpoints whose verdict fails the gate. */
  failing: ResultRecord[];
  /** Known failures (expect: fail) that still fail: reported, not gating. */
  expectedFailures: ResultRecord[];
  /** expect: fail, but a browser can call them now. */
  nowPassing: ResultRecord[];
}

export function countVerdicts(records: readonly ResultRecord[]): Counts {
  const c: Counts = { total: records.length, passed: 0, warned: 0, failed: 0, errored: 0 };
  for (const r of records) {
    if (r.verdict === 'pass') c.passed++;
    else if (r.verdict === 'warn') c.warned++;
    else if (r.verdict === 'fail') c.failed++;
    else c.errored++;
  }
  return c;
}

export function decideGate(records: readonly ResultRecord[], failOn: Verdict[]): GateDecision {
  const failing: ResultRecord[] = [];
  const expectedFailures: ResultRecord[] = [];
  const nowPassing: ResultRecord[] = [];
  for (const r of records) {
    // A known failure is excused only while it fails the same way; an error is news.
    const known = r.expect === 'fail' && r.verdict === 'fail';
    if (known) expectedFailures.push(r);
    else if (r.expect === 'fail' && (r.verdict === 'pass' || r.verdict === 'warn')) nowPassing.push(r);
    if (failOn.includes(r.verdict) && !known) failing.push(r);
  }
  return { ok: failing.length === 0, failOn, counts: countVerdicts(records), failing, expectedFailures, nowPassing };
}
