// The marker that makes an issue an endpoint's own, and the fingerprint of its findings.
import { describe, expect, it } from 'vitest';
import { fingerprint, legacyFingerprint, parseMarker, renderMarker } from '../../../src/issues/marker.js';
import type { ResultRecord } from '../../../src/report/record.js';
import type { Finding } from '../../../src/types.js';
import { exchange, failing } from '../../support/issue-records.js';

describe('the marker, read as CommonMark reads fences', () => {
  const m = { id: 'abcdef012345', fp: '0123456789abcdef0123', first: '2026-11-01', changed: '2026-11-02' };
  const line = renderMarker(m);

  it('a byte-order mark counts only at the very start', () => {
    expect(parseMarker(`\uFEFF${line}`)).toEqual(m);
    expect(parseMarker(`text\n\uFEFF${line}`)).toBeNull();
  });

  it('a fence is indented by three spaces at most', () => {
    expect(parseMarker(`    \`\`\`\n${line}`)).toEqual(m);
    expect(parseMarker(`   \`\`\`\n${line}`)).toBeNull();
  });

  it('only the same character, as many at least, with nothing after it, closes a fence', () => {
    expect(parseMarker(`\`\`\`\n~~~\n${line}`)).toBeNull();
    expect(parseMarker(`~~~~\n~~~\n${line}`)).toBeNull();
    expect(parseMarker(`\`\`\`\n\`\`\` x\n${line}`)).toBeNull();
    expect(parseMarker(`\`\`\`\n\`\`\`\`  \n${line}`)).toEqual(m);
  });

  it('a backtick in a backtick fence’s info string makes it no fence; in a tilde fence’s it does not', () => {
    expect(parseMarker(`\`\`\` a\`b\n${line}`)).toEqual(m);
    expect(parseMarker(`~~~ a\`b\n${line}`)).toBeNull();
  });
});

describe('the fingerprint', () => {
  const f = (code: string, level: Finding['level'] = 'fail', on?: Finding['on']): Finding => ({
    code,
    level,
    message: `${code} message`,
    ...(on ? { on } : {}),
  });
  const fp = (findings: Finding[], over: Partial<ResultRecord> = {}) =>
    fingerprint(failing('Zen', { findings, ...over }));

  it('is 20 hex characters, and the order or repetition of findings does not change it', () => {
    const a = f('A', 'fail', 'preflight');
    const b = f('B', 'warn', 'actual');
    expect(fp([a, b])).toMatch(/^[0-9a-f]{20}$/);
    expect(fp([a, b])).toBe(fp([b, a]));
    expect(fp([a, b])).toBe(fp([a, b, a]));
    expect(legacyFingerprint(failing('Zen', { findings: [a, b] }))).toBe(
      legacyFingerprint(failing('Zen', { findings: [b, a] })),
    );
    expect(legacyFingerprint(failing('Zen', { findings: [a] }))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells the phase apart, and a finding with none', () => {
    const on = fp([f('A', 'fail', 'preflight')]);
    expect(on).not.toBe(fp([f('A', 'fail', 'actual')]));
    expect(on).not.toBe(fp([f('A', 'fail')]));
    expect(legacyFingerprint(failing('Zen', { findings: [f('A', 'fail')] }))).not.toBe(
      legacyFingerprint(failing('Zen', { findings: [f('A', 'fail', 'preflight')] })),
    );
  });

  it('leaves out every finding of the authenticated check, and only those', () => {
    const base = [f('PreflightInvalidStatus', 'fail', 'preflight')];
    for (const code of [
      'AuthenticatedRequestRejected',
      'EventStream',
      'AuthenticatedResponse',
      'StreamNotEventStream',
      'ExposedHeaders',
    ])
      expect(fp([...base, f(code, 'warn', 'actual')]), code).toBe(fp(base));
    expect(fp([...base, f('Other', 'warn', 'actual')])).not.toBe(fp(base));
  });

  it('counts the preflight status class for PreflightInvalidStatus only, none without a preflight', () => {
    const other = [f('MethodDisallowedByPreflightResponse', 'fail', 'preflight')];
    expect(fp(other, { preflight: exchange('OPTIONS', 404) })).toBe(fp(other, { preflight: exchange('OPTIONS', 503) }));
    const invalid = [f('PreflightInvalidStatus', 'fail', 'preflight')];
    expect(fp(invalid, { preflight: null })).toBe(fp(invalid, { preflight: exchange('OPTIONS', null) }));
    expect(fp(invalid, { preflight: null })).not.toBe(fp(invalid, { preflight: exchange('OPTIONS', 404) }));
  });
});
