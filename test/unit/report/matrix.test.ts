// Provider × client: which client libraries a browser lets through, for the
// providers checked with several clients.
import { describe, expect, it } from 'vitest';
import { buildMatrix, renderMatrixMarkdown, renderMatrixText } from '../../../src/report/matrix.js';
import type { ResultRecord } from '../../../src/report/record.js';
import { erroring, failing, passing } from '../../support/issue-records.js';

/** A row as config expansion names it: the plain-fetch row keeps the entry's name, others get ` · client`. */
const row = (make: typeof failing, provider: string, client: string, over: Partial<ResultRecord> = {}) =>
  make(provider, {
    id: `${provider}-${client}`,
    name: client === 'fetch' ? provider : `${provider} · ${client}`,
    client,
    ...over,
  });
const errored = (provider: string, client: string) => ({
  ...erroring(provider),
  id: `${provider}-${client}`,
  name: `${provider} · ${client}`,
  client,
});

const records = [
  row(failing, 'P', 'fetch'),
  row(passing, 'P', 'openai'),
  row(failing, 'Q', 'openai'),
  errored('Q', 'anthropic'),
  // Checked with one client only: no row of its own.
  row(passing, 'Single', 'openai', { name: 'Single' }),
  passing('Plain'),
];

describe('buildMatrix', () => {
  it('has rows only for providers checked with two clients or more, labelled without the client', () => {
    const m = buildMatrix(records)!;
    expect(m.rows.map((r) => r.label)).toEqual(['P', 'Q']);
    expect([...m.rows[0]!.cells].map(([c, r]) => [c, r.name])).toEqual([
      ['fetch', 'P'],
      ['openai', 'P · openai'],
    ]);
    expect([...m.rows[1]!.cells].map(([c, r]) => [c, r.name])).toEqual([
      ['openai', 'Q · openai'],
      ['anthropic', 'Q · anthropic'],
    ]);
  });

  it('orders the client columns as they first appear', () => {
    expect(buildMatrix(records)!.clients).toEqual(['fetch', 'openai', 'anthropic']);
    expect(buildMatrix([...records].reverse())!.clients).toEqual(['anthropic', 'openai', 'fetch']);
  });

  it('strips only the suffix of the row’s own client', () => {
    // A name that merely contains " · " is not cut.
    const m = buildMatrix([
      row(passing, 'A · B', 'fetch'),
      row(failing, 'A · B', 'openai'),
      row(passing, 'C', 'openai', { name: 'C · anthropic' }),
      row(passing, 'C', 'anthropic'),
    ])!;
    expect(m.rows.map((r) => r.label)).toEqual(['A · B']);
  });

  it('counts a row without a client as the fetch column', () => {
    const m = buildMatrix([passing('R', { id: 'r1' }), row(failing, 'R', 'openai')])!;
    expect(m.rows.map((r) => r.label)).toEqual(['R']);
    expect(m.clients).toEqual(['fetch', 'openai']);
  });

  it('is null when no provider has two clients', () => {
    expect(buildMatrix([])).toBeNull();
    expect(buildMatrix([passing('A'), row(failing, 'B', 'openai'), row(failing, 'C', 'anthropic')])).toBeNull();
  });
});

describe('renderMatrixMarkdown', () => {
  it('writes one row per provider: verdict and first problem code per client, empty where not checked', () => {
    expect(renderMatrixMarkdown(records)).toBe(
      [
        '### By client',
        '',
        '| Provider | fetch | openai | anthropic |',
        '|---|---|---|---|',
        '| P | ❌ fail<br>PreflightInvalidStatus | ✅ pass |  |',
        '| Q |  | ❌ fail<br>PreflightInvalidStatus | 🔌 error<br>NetworkError |',
        '',
      ].join('\n'),
    );
  });

  it('is empty when there is no matrix', () => {
    expect(renderMatrixMarkdown([passing('A')])).toBe('');
  });

  it('escapes the provider name and keeps the table to its columns', () => {
    const hostile = '<img src=x onerror=alert(1)>|@team `x`\n| y';
    const out = renderMatrixMarkdown([
      row(failing, hostile, 'fetch'),
      row(passing, hostile, 'openai'),
      row(failing, 'Z', 'fetch', {
        findings: [{ code: '<b>|@c', level: 'fail', message: 'm' }],
      }),
      row(passing, 'Z', 'odd<i>|@'),
    ]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(2)) expect(line.match(/\|/g)).toHaveLength(5);
    expect(out.replace(/<br>/g, '')).not.toMatch(/[<>@`]/);
    expect(lines[4]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))).toBe(
      '| <img src=x onerror=alert(1)>|@team `x`\\n| y | ❌ fail<br>PreflightInvalidStatus | ✅ pass |  |',
    );
  });
});

describe('renderMatrixText', () => {
  it('writes aligned columns with the verdict and first problem code, and - where not checked', () => {
    expect(renderMatrixText(records).split('\n')).toEqual([
      'By client:',
      '  provider  fetch                        openai                       anthropic',
      '  P         FAIL PreflightInvalidStatus  PASS                         -',
      '  Q         -                            FAIL PreflightInvalidStatus  ERROR NetworkError',
    ]);
  });

  it('is empty when there is no matrix', () => {
    expect(renderMatrixText([passing('A')])).toBe('');
  });

  it('makes server text visible and never starts a workflow command', () => {
    const name = '::error::x\n::warning::y ##[error]\u001b[2J';
    const out = renderMatrixText([row(failing, name, 'fetch'), row(passing, name, 'openai')]);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toMatch(/^\s*::/);
    expect(out).not.toContain('##[');
    expect(out).not.toContain('\u001b');
    expect(lines[2]).toContain('::error::x\\n::warning::y #\\#[error]\\u{001b}[2J');
  });

  it('cuts a long provider name to 64 columns', () => {
    const long = 'L'.repeat(100);
    const lines = renderMatrixText([row(failing, long, 'fetch'), row(passing, long, 'openai')]).split('\n');
    expect(lines[2]!.startsWith(`  ${'L'.repeat(63)}…  FAIL`)).toBe(true);
  });
});
