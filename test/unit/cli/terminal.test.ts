import { describe, expect, it } from 'vitest';
import { colorEnabled, looksOffline, Progress, progressEnabled } from '../../../src/cli/terminal.js';
import type { CheckResult } from '../../../src/types.js';
import { erroring, exchange, failing, passing } from '../../support/issue-records.js';

describe('colour', () => {
  it('on a terminal, unless NO_COLOR; FORCE_COLOR turns it on anywhere', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(undefined, {})).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(true);
    expect(colorEnabled(false, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});

describe('progress', () => {
  it('only for a person at a terminal: not into a pipe, not in CI, not with JSON', () => {
    expect(progressEnabled('table', true, {})).toBe(true);
    expect(progressEnabled('markdown', true, {})).toBe(true);
    expect(progressEnabled('table', false, {})).toBe(false);
    expect(progressEnabled('json', true, {})).toBe(false);
    expect(progressEnabled('table', true, { CI: 'true' })).toBe(false);
  });

  it('one line, rewritten in place: done/total, failures so far, the time, and gone at the end', () => {
    const out: string[] = [];
    const p = new Progress((s) => out.push(s));
    const result = (name: string, verdict: CheckResult['evaluation']['verdict']) =>
      ({ endpoint: { name }, evaluation: { verdict } }) as unknown as CheckResult;
    p.update(result('a', 'pass'), 1, 3);
    p.update(result('b', 'fail'), 2, 3);
    p.update(result('\u001b[2Jevil', 'error'), 3, 3);
    p.clear();
    expect(out[0]).toMatch(/^\r\u001b\[K\[1\/3\] · \d+\.\d s · a$/);
    expect(out[1]).toMatch(/^\r\u001b\[K\[2\/3\] · 1 failing · \d+\.\d s · b$/);
    // A server-side name cannot send its own escape sequences.
    expect(out[2]).toMatch(/\[3\/3\] · 2 failing · .* · \\u\{001b\}\[2Jevil$/);
    expect(out[3]).toBe('\r\u001b[K');
  });
});

describe('the offline hint', () => {
  const dns = (name: string) => ({
    ...erroring(name),
    preflight: { ...exchange('OPTIONS', null), error: { code: 'ENOTFOUND', message: 'DNS lookup failed (ENOTFOUND)' } },
  });
  const refused = (name: string) => ({
    ...erroring(name),
    preflight: { ...exchange('OPTIONS', null), error: { code: 'ECONNREFUSED', message: 'refused' } },
  });
  it('when every endpoint failed to reach anything', () => {
    expect(looksOffline([dns('a'), dns('b'), refused('c')])).toBe(true);
  });
  it('not when one answered, when there were none, or when only refused connections (a local server down)', () => {
    expect(looksOffline([dns('a'), passing('b')])).toBe(false);
    expect(looksOffline([dns('a'), failing('b')])).toBe(false);
    expect(looksOffline([])).toBe(false);
    expect(looksOffline([refused('a'), refused('b')])).toBe(false);
  });
});
