// The CI gate: which verdicts fail the step, and what a known failure (expect: fail) means.
import { describe, expect, it } from 'vitest';
import { countVerdicts, decideGate } from '../../../src/report/gate.js';
import type { ResultRecord } from '../../../src/report/record.js';
import type { Verdict } from '../../../src/types.js';
import { resultRecord } from '../../support/records.js';

const rec = (id: string, verdict: Verdict, expectState?: 'pass' | 'fail'): ResultRecord =>
  resultRecord({
    id,
    name: id,
    url: `https://${id}.example.net/v1`,
    verdict,
    ...(expectState ? { expect: expectState } : {}),
  });
const names = (rs: readonly ResultRecord[]) => rs.map((r) => r.name);

const mixed = [rec('p1', 'pass'), rec('p2', 'pass'), rec('w', 'warn'), rec('f', 'fail'), rec('e', 'error')];

describe('countVerdicts', () => {
  it('counts each verdict and the total', () => {
    expect(countVerdicts(mixed)).toEqual({ total: 5, passed: 2, warned: 1, failed: 1, errored: 1 });
    expect(countVerdicts([])).toEqual({ total: 0, passed: 0, warned: 0, failed: 0, errored: 0 });
  });

  it('counts known failures as failures', () => {
    expect(countVerdicts([rec('k', 'fail', 'fail')]).failed).toBe(1);
  });
});

describe('decideGate', () => {
  it('fails on the verdicts listed in fail-on, and only those', () => {
    const d = decideGate(mixed, ['fail', 'error']);
    expect(d.ok).toBe(false);
    expect(names(d.failing)).toEqual(['f', 'e']);
    expect(d.failOn).toEqual(['fail', 'error']);
    expect(d.counts).toEqual(countVerdicts(mixed));

    expect(names(decideGate(mixed, ['warn', 'fail', 'error']).failing)).toEqual(['w', 'f', 'e']);
    expect(names(decideGate(mixed, ['error']).failing)).toEqual(['e']);
  });

  it('passes when nothing listed in fail-on turns up', () => {
    const d = decideGate([rec('p', 'pass'), rec('w', 'warn')], ['fail', 'error']);
    expect(d.ok).toBe(true);
    expect(d.failing).toEqual([]);
  });

  it('never fails with an empty fail-on (never), and still counts', () => {
    const d = decideGate(mixed, []);
    expect(d.ok).toBe(true);
    expect(d.failing).toEqual([]);
    expect(d.failOn).toEqual([]);
    expect(d.counts.failed).toBe(1);
  });

  it('excuses a known failure while it fails', () => {
    const d = decideGate([rec('known', 'fail', 'fail'), rec('p', 'pass')], ['fail', 'error']);
    expect(d.ok).toBe(true);
    expect(d.failing).toEqual([]);
    expect(names(d.expectedFailures)).toEqual(['known']);
    expect(d.nowPassing).toEqual([]);
  });

  it('does not excuse a known failure that errors: an error is news', () => {
    const d = decideGate([rec('known', 'error', 'fail')], ['fail', 'error']);
    expect(d.ok).toBe(false);
    expect(names(d.failing)).toEqual(['known']);
    expect(d.expectedFailures).toEqual([]);
    expect(d.nowPassing).toEqual([]);
  });

  it('reports a known failure that a browser can call now', () => {
    const d = decideGate([rec('healed', 'pass', 'fail'), rec('warned', 'warn', 'fail')], ['fail', 'error']);
    expect(d.ok).toBe(true);
    expect(names(d.nowPassing)).toEqual(['healed', 'warned']);
    expect(d.expectedFailures).toEqual([]);
    // Now passing is not excused from the gate: a warning still fails fail-on: warn.
    expect(names(decideGate([rec('warned', 'warn', 'fail')], ['warn']).failing)).toEqual(['warned']);
  });

  it('gates expect: pass rows like any other', () => {
    const d = decideGate([rec('f', 'fail', 'pass'), rec('p', 'pass', 'pass')], ['fail']);
    expect(names(d.failing)).toEqual(['f']);
    expect(d.expectedFailures).toEqual([]);
    expect(d.nowPassing).toEqual([]);
  });
});
