// What every renderer says the same way: icon and label, the finding that
// explains a row, the CORS headers a response carried, the headers it needs.
import { describe, expect, it } from 'vitest';
import { corsHeaders, firstProblem, ICON, neededHeaders, problems, verdictLabel } from '../../../src/report/cells.js';
import type { Finding } from '../../../src/types.js';
import { erroring, exchange, failing, passing } from '../../support/issue-records.js';
import { resultRecord } from '../../support/records.js';

const finding = (code: string, level: Finding['level']): Finding => ({ code, level, message: `${code} message` });
const withFindings = (findings: Finding[]) =>
  resultRecord({ id: 'x', name: 'X', url: 'https://api.example.net/v1', verdict: 'warn', findings });

describe('ICON and verdictLabel', () => {
  it('has one distinct icon per verdict', () => {
    expect(ICON).toEqual({ pass: '✅', warn: '⚠️', fail: '❌', error: '🔌' });
  });

  it('labels a row with its icon and verdict', () => {
    expect(verdictLabel(passing())).toBe('✅ pass');
    expect(verdictLabel(failing())).toBe('❌ fail');
    expect(verdictLabel(erroring())).toBe('🔌 error');
    expect(verdictLabel(failing('W', { verdict: 'warn' }))).toBe('⚠️ warn');
  });

  it('says "(expected)" only for an expect: fail row that fails', () => {
    expect(verdictLabel(failing('Zen', { expect: 'fail' }))).toBe('❌ fail (expected)');
    expect(verdictLabel(passing('Zen', { expect: 'fail' }))).toBe('✅ pass');
    expect(verdictLabel(failing('Zen', { expect: 'fail', verdict: 'error' }))).toBe('🔌 error');
    expect(verdictLabel(failing('Zen', { expect: 'pass' }))).toBe('❌ fail');
  });
});

describe('problems and firstProblem', () => {
  it('leave informative findings out and keep the order blocking → warn', () => {
    const r = withFindings([
      finding('Blocking', 'fail'),
      finding('AlsoBlocking', 'fail'),
      finding('Warned', 'warn'),
      finding('MaxAge', 'info'),
    ]);
    expect(problems(r).map((f) => f.code)).toEqual(['Blocking', 'AlsoBlocking', 'Warned']);
    expect(firstProblem(r)?.code).toBe('Blocking');
  });

  it('find the first finding that is not info, wherever the info findings sit', () => {
    const r = withFindings([finding('Note', 'info'), finding('Warned', 'warn')]);
    expect(firstProblem(r)?.code).toBe('Warned');
    expect(problems(r).map((f) => f.code)).toEqual(['Warned']);
    expect(firstProblem(withFindings([finding('NetworkError', 'error')]))?.code).toBe('NetworkError');
  });

  it('find nothing when there are only informative findings, or none', () => {
    expect(firstProblem(passing())).toBeUndefined();
    expect(problems(passing())).toEqual([]);
    expect(firstProblem(withFindings([]))).toBeUndefined();
  });
});

describe('corsHeaders', () => {
  it('keeps only Access-Control-* lines, in the order received, whatever their case', () => {
    const ex = exchange('OPTIONS', 204, [
      ['Content-Type', 'text/plain'],
      ['access-control-allow-headers', 'authorization'],
      ['Vary', 'Origin'],
      ['ACCESS-CONTROL-ALLOW-ORIGIN', '*'],
      ['Access-Control-Max-Age', '600'],
      ['X-Access-Control-Allow-Origin', 'not one'],
      ['Access-Control-Allow-Origin', 'https://example.com'],
    ]);
    expect(corsHeaders(ex)).toEqual([
      ['access-control-allow-headers', 'authorization'],
      ['ACCESS-CONTROL-ALLOW-ORIGIN', '*'],
      ['Access-Control-Max-Age', '600'],
      ['Access-Control-Allow-Origin', 'https://example.com'],
    ]);
  });

  it('is empty when the response has none', () => {
    expect(corsHeaders(exchange('OPTIONS', 404, [['Content-Type', 'text/html']]))).toEqual([]);
    expect(corsHeaders(exchange('OPTIONS', null))).toEqual([]);
  });
});

describe('neededHeaders', () => {
  it('writes the fix as header lines for a failure', () => {
    expect(neededHeaders(failing())).toBe(
      'Access-Control-Allow-Origin: https://example.com\nAccess-Control-Allow-Methods: POST\nAccess-Control-Allow-Headers: authorization, content-type',
    );
  });

  it('writes the fix for a warning too', () => {
    expect(neededHeaders(failing('W', { verdict: 'warn', fix: [['Access-Control-Max-Age', '600']] }))).toBe(
      'Access-Control-Max-Age: 600',
    );
  });

  it('is null for a failure or warning with no fix', () => {
    expect(neededHeaders(failing('F', { fix: [] }))).toBeNull();
    expect(neededHeaders(failing('W', { verdict: 'warn', fix: [] }))).toBeNull();
  });

  it('is null for a pass or an error, even with a fix', () => {
    const fix: [string, string][] = [['Access-Control-Allow-Origin', '*']];
    expect(neededHeaders(passing('P', { fix }))).toBeNull();
    expect(neededHeaders(failing('E', { verdict: 'error', fix }))).toBeNull();
  });
});
