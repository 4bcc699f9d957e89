import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { selectShard, shardOf } from '../../../src/config/shard.js';
import { MergeError, UsageError } from '../../../src/errors.js';
import { parseShard } from '../../../src/inputs.js';
import { expandGlob, expandPatterns, splitPatterns } from '../../../src/report/glob.js';
import { mergeReports } from '../../../src/report/merge.js';
import { REPORT_VERSION, type Report, type ResultRecord, reportJsonChunks } from '../../../src/report/record.js';
import { jsonText } from '../../../src/text.js';
import { resultRecord } from '../../support/records.js';

const ids = (n: number, prefix = 'ep') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}` }));

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('parseShard', () => {
  it('reads i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('')).toBeUndefined();
  });
  it.each(['0/4', '5/4', '2', 'a/b', '1/0', '1/999', '-1/2', '1.5/3'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});

describe('partition', () => {
  it('puts every endpoint in exactly one shard', () => {
    const list = ids(1000);
    for (const n of [1, 2, 3, 4, 7, 16]) {
      const seen = new Map<string, number>();
      for (let i = 1; i <= n; i++)
        for (const e of selectShard(list, { index: i, count: n })) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      expect(seen.size).toBe(list.length);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    }
  });

  it('does not depend on the order of the list', () => {
    const list = ids(500);
    for (const seed of [1, 2, 3]) {
      const other = shuffled(list, seed);
      for (let i = 1; i <= 4; i++) {
        const a = selectShard(list, { index: i, count: 4 })
          .map((e) => e.id)
          .sort();
        const b = selectShard(other, { index: i, count: 4 })
          .map((e) => e.id)
          .sort();
        expect(b).toEqual(a);
      }
    }
  });

  it('keeps an endpoint in its shard when others are added or removed', () => {
    const list = ids(300);
    const before = new Map(list.map((e) => [e.id, shardOf(e.id, 5)]));
    const grown = [...ids(50, 'new'), ...list.slice(100)];
    for (const e of grown) if (before.has(e.id)) expect(shardOf(e.id, 5)).toBe(before.get(e.id));
  });

  it('splits roughly evenly', () => {
    const list = ids(4000);
    for (const n of [2, 4, 8]) {
      const sizes = Array.from({ length: n }, (_, i) => selectShard(list, { index: i + 1, count: n }).length);
      const mean = list.length / n;
      for (const s of sizes) expect(Math.abs(s - mean) / mean).toBeLessThan(0.12);
    }
  });

  it('splits real config endpoints by id, whatever the order of the config entries', () => {
    const entries = Array.from(
      { length: 60 },
      (_, i) => `  - name: api-${i}\n    url: https://api${i}.example.net/v1/chat/completions\n`,
    );
    const load = (list: string[]) =>
      loadConfig([{ file: 'c.yml', text: 'endpoints:\n' + list.join('') }], {}).endpoints;
    const a = load(entries);
    const b = load(shuffled(entries, 9));
    for (let i = 1; i <= 3; i++) {
      expect(
        selectShard(b, { index: i, count: 3 })
          .map((e) => e.name)
          .sort(),
      ).toEqual(
        selectShard(a, { index: i, count: 3 })
          .map((e) => e.name)
          .sort(),
      );
    }
    expect(selectShard(a, undefined)).toHaveLength(60);
  });
});

function record(id: string, verdict: ResultRecord['verdict'], extra: Partial<ResultRecord> = {}): ResultRecord {
  return resultRecord({ id, name: `endpoint ${id}`, url: `https://${id}.example.net/v1`, verdict, ...extra });
}
const report = (results: ResultRecord[], extra: Record<string, unknown> = {}): Report & Record<string, unknown> => ({
  version: REPORT_VERSION,
  tool: 'cors-gate',
  generatedAt: '2026-01-01T00:00:00.000Z',
  results,
  ...extra,
});
const src = (file: string, value: unknown) => ({ file, text: JSON.stringify(value) });

describe('mergeReports', () => {
  it('keeps every result once, in file order', () => {
    const merged = mergeReports([
      src('a.json', report([record('a1', 'pass'), record('a2', 'fail')], { shard: { index: 1, count: 2 } })),
      src(
        'b.json',
        report([record('b1', 'warn')], { shard: { index: 2, count: 2 }, generatedAt: '2026-02-01T00:00:00.000Z' }),
      ),
    ]);
    expect(merged.results.map((r) => r.id)).toEqual(['a1', 'a2', 'b1']);
    expect(merged.version).toBe(REPORT_VERSION);
    expect(merged.generatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect('shard' in merged).toBe(false);
  });

  it('merges reports without shard information too', () => {
    expect(mergeReports([src('a', report([record('x', 'pass')])), src('b', report([]))]).results).toHaveLength(1);
  });

  it('refuses the same endpoint twice, naming both files', () => {
    expect(() =>
      mergeReports([
        src('one.json', report([record('same', 'pass')])),
        src('two.json', report([record('same', 'fail')])),
      ]),
    ).toThrow(/endpoint "endpoint same" \(id same\) is in both one\.json and two\.json/);
    expect(() => mergeReports([src('one.json', report([record('s', 'pass'), record('s', 'pass')]))])).toThrow(
      /twice in one\.json/,
    );
  });

  it('refuses another report version', () => {
    expect(() => mergeReports([src('old.json', { ...report([]), version: REPORT_VERSION + 1 })])).toThrow(
      /old\.json: report version/,
    );
    expect(() => mergeReports([src('x.json', { ...report([]), version: undefined })])).toThrow(MergeError);
  });

  it('refuses what is not a report', () => {
    expect(() => mergeReports([{ file: 'x.json', text: '{' }])).toThrow(/x\.json: not JSON/);
    expect(() => mergeReports([src('x.json', { tool: 'other', version: 1, results: [] })])).toThrow(
      /not a cors-gate report/,
    );
    expect(() => mergeReports([src('x.json', report([{ id: 'a' } as ResultRecord]))])).toThrow(/results\[0\]/);
    expect(() => mergeReports([src('x.json', report([record('a', 'maybe' as 'pass')]))])).toThrow(/unknown verdict/);
    // Every field a renderer reads is checked, so a bad record is a MergeError naming the file,
    // never a crash in the summary.
    const { url: _, ...noUrl } = record('a', 'pass');
    expect(() => mergeReports([src('x.json', report([noUrl as ResultRecord]))])).toThrow(
      /^x\.json: results\[0\] is not a result record: url is not text$/,
    );
    expect(() =>
      mergeReports([src('x.json', report([{ ...record('a', 'fail'), findings: [{}] } as ResultRecord]))]),
    ).toThrow(/findings is not a list of findings/);
    expect(() => mergeReports([src('x.json', report([{ ...record('a', 'fail'), preflight: 'x' } as never]))])).toThrow(
      /preflight or actual is not an exchange/,
    );
    expect(() => mergeReports([])).toThrow(/no reports/);
  });

  it('refuses a set of shards with a gap, a repeat or mixed splits', () => {
    const s = (i: number, n: number, id: string) =>
      src(`r${i}.json`, report([record(id, 'pass')], { shard: { index: i, count: n } }));
    expect(() => mergeReports([s(1, 3, 'a'), s(3, 3, 'c')])).toThrow(/no report for shard 2\/3/);
    expect(() => mergeReports([s(1, 2, 'a'), s(2, 3, 'b')])).toThrow(/different splits/);
    expect(() => mergeReports([s(1, 2, 'a'), { ...s(1, 2, 'b'), file: 'again.json' }, s(2, 2, 'c')])).toThrow(
      /shard 1\/2 is in both/,
    );
    expect(mergeReports([s(1, 3, 'a'), s(2, 3, 'b'), s(3, 3, 'c')]).results).toHaveLength(3);
  });
});

describe('reportJsonChunks', () => {
  it('writes exactly what jsonText writes', () => {
    const odd = record('odd', 'fail', {
      name: 'a\u2028b\u202ec "q" \\ é',
      findings: [{ code: 'X', level: 'fail', message: 'm\u0085' }],
      fix: [['A', 'b']],
    });
    for (const results of [
      [],
      [record('a', 'pass')],
      [record('a', 'pass'), odd, record('c', 'error')],
      Array.from({ length: 400 }, (_, i) => record(`r${i}`, 'pass')),
    ]) {
      const r = report(results, { shard: { index: 1, count: 2 } });
      expect([...reportJsonChunks(r)].join('')).toBe(jsonText(r));
    }
  });
});

describe('expandGlob', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cors-gate-glob-'));
  mkdirSync(join(dir, 'reports/cors-gate-report-1'), { recursive: true });
  mkdirSync(join(dir, 'reports/cors-gate-report-2'), { recursive: true });
  mkdirSync(join(dir, 'reports/.hidden'), { recursive: true });
  for (const f of [
    'report-1.json',
    'report-2.json',
    'report-10.json',
    'other.txt',
    'reports/cors-gate-report-1/report.json',
    'reports/cors-gate-report-2/report.json',
    'reports/.hidden/report.json',
  ]) {
    writeFileSync(join(dir, f), '{}');
  }
  const rel = (xs: string[]) => xs.map((x) => x.slice(dir.length + 1));

  it('matches *, ?, [set] and ** and sorts', () => {
    expect(rel(expandGlob(`${dir}/report-*.json`, fs))).toEqual(['report-1.json', 'report-10.json', 'report-2.json']);
    expect(rel(expandGlob(`${dir}/report-?.json`, fs))).toEqual(['report-1.json', 'report-2.json']);
    expect(rel(expandGlob(`${dir}/report-[2].json`, fs))).toEqual(['report-2.json']);
    expect(rel(expandGlob(`${dir}/reports/*/report.json`, fs))).toEqual([
      'reports/cors-gate-report-1/report.json',
      'reports/cors-gate-report-2/report.json',
    ]);
    expect(rel(expandGlob(`${dir}/**/report.json`, fs))).toEqual([
      'reports/cors-gate-report-1/report.json',
      'reports/cors-gate-report-2/report.json',
    ]);
    expect(rel(expandGlob(`${dir}/report-1.json`, fs))).toEqual(['report-1.json']);
  });

  it('expands several patterns once each, and refuses a pattern that matches nothing', () => {
    expect(rel(expandPatterns([`${dir}/report-1.json`, `${dir}/report-*.json`], fs))).toEqual([
      'report-1.json',
      'report-10.json',
      'report-2.json',
    ]);
    expect(() => expandPatterns([`${dir}/nothing-*.json`], fs)).toThrow(/no report file matches/);
    expect(splitPatterns('a/*.json\n b/*.json , c.json\n')).toEqual(['a/*.json', 'b/*.json', 'c.json']);
  });
});
