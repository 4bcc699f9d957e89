import { describe, expect, it } from 'vitest';
import {
  emptyHistory,
  type History,
  HistoryError,
  letterOf,
  MAX_RUNS,
  parseHistory,
  recordRun,
  streakOf,
  strip,
} from '../../../src/history/history.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { resultRecord } from '../../support/records.js';

const rec = (id: string, verdict: ResultRecord['verdict'], flaky = false): ResultRecord =>
  resultRecord({ id, name: `n-${id}`, url: `https://${id}.example/v1`, verdict, ...(flaky ? { flaky: true } : {}) });
const at = (i: number) => `2026-11-${String(i).padStart(2, '0')}T06:00:00.000Z`;

/** Runs as rows of letters per id, e.g. {a: 'ppf'}: each column one run. */
function build(rows: Record<string, string>): History {
  const runs = Math.max(...Object.values(rows).map((s) => s.length));
  let h = emptyHistory();
  const verdicts = { p: 'pass', w: 'warn', f: 'fail', F: 'fail', e: 'error' } as const;
  for (let i = 0; i < runs; i++) {
    const records = Object.entries(rows)
      .filter(([, s]) => s[i] && s[i] !== '-')
      .map(([id, s]) => rec(id, verdicts[s[i] as keyof typeof verdicts], s[i] === 'F'));
    h = recordRun(h, records, { at: at(i + 1) });
  }
  return h;
}

describe('run history', () => {
  it('one letter per run, - where the endpoint was not checked', () => {
    const h = build({ a: 'ppfF', b: '-pe-' });
    expect(h.runs.map((r) => r.at)).toEqual([at(1), at(2), at(3), at(4)]);
    expect(h.endpoints).toEqual({ a: { name: 'n-a', states: 'ppfF' }, b: { name: 'n-b', states: '-pe-' } });
    expect(letterOf(rec('x', 'warn'))).toBe('w');
  });

  it(`keeps the last ${MAX_RUNS} runs and forgets endpoints none of them checked`, () => {
    const h = build({ a: `f${'p'.repeat(MAX_RUNS)}`, gone: `e${'-'.repeat(MAX_RUNS)}` });
    expect(h.runs).toHaveLength(MAX_RUNS);
    expect(h.endpoints.a!.states).toBe('p'.repeat(MAX_RUNS));
    expect(h.endpoints.gone).toBeUndefined();
  });

  it('round-trips through JSON and refuses what it did not write', () => {
    const h = build({ a: 'pf' });
    expect(parseHistory(JSON.stringify(h), 'x')).toEqual(h);
    expect(() => parseHistory('{', 'f.json')).toThrow(HistoryError);
    expect(() => parseHistory('{"tool":"other"}', 'f.json')).toThrow(/f\.json: not a cors-gate history/);
    expect(() => parseHistory(JSON.stringify({ ...h, version: 2 }), 'f.json')).toThrow(/history version 2/);
    expect(() => parseHistory(JSON.stringify({ ...h, endpoints: { a: { name: 'n', states: 'pz' } } }), 'f')).toThrow(
      /endpoint a is not an endpoint history/,
    );
    expect(() => parseHistory(JSON.stringify({ ...h, endpoints: { a: { name: 'n', states: 'p' } } }), 'f')).toThrow(
      /has 1 runs, not 2/,
    );
  });

  it('counts runs in a row, passing over errors and runs that did not check the endpoint', () => {
    const classify = (l: string) => (l === 'p' || l === 'w' ? 'passing' : l === 'e' ? 'transient' : 'failing');
    const h = build({ a: 'ppff', b: 'fpfepf', c: 'f-e-f', d: 'eee' });
    expect(streakOf(h, 'a', classify)).toEqual({ state: 'failing', runs: 2, since: at(3) });
    expect(streakOf(h, 'b', classify)).toEqual({ state: 'failing', runs: 1, since: at(6) });
    expect(streakOf(h, 'c', classify)).toEqual({ state: 'failing', runs: 2, since: at(1) });
    expect(streakOf(h, 'd', classify)).toEqual({ state: 'transient', runs: 0 });
    expect(streakOf(h, 'unknown', classify)).toBeNull();
  });

  it('draws the last runs as icons, oldest first', () => {
    const h = build({ a: 'ppwfFe-' });
    expect(strip(h, 'a')).toBe('✅✅⚠️❌〰️🔌·');
    expect(strip(h, 'a', 3)).toBe('〰️🔌·');
  });
});
