// An extension with host permissions: no CORS check, the server's own origin
// allow-list decides. The decision from the answers alone, without I/O.
import { describe, expect, it } from 'vitest';
import type { CorsRequest } from '../../../src/cors/evaluate.js';
import { evaluateExtension, needsControl, originRefused } from '../../../src/cors/extension.js';
import type { Exchange, HeaderLine } from '../../../src/types.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const req = (method = 'POST'): CorsRequest => ({
  origin: ORIGIN,
  method,
  headers: [['authorization', 'Bearer x']],
  credentials: 'omit',
});
const answer = (status: number, headers: HeaderLine[] = []): Exchange => ({
  method: 'POST',
  url: 'http://127.0.0.1:11434/api/chat',
  headers: [],
  ms: 1,
  response: { status, headers, body: '', bodyTruncated: false },
});

describe('the server refused the origin', () => {
  it('a 401, 403 or 404 to the Origin that the same request without it does not get', () => {
    for (const status of [401, 403, 404]) {
      const f = originRefused(req(), answer(status), answer(200));
      expect(f?.code, String(status)).toBe('OriginRefusedByServer');
      expect(f!.message).toContain(ORIGIN);
      expect(f!.message).toContain(`answered ${status}`);
      expect(f!.message).toContain('OLLAMA_ORIGINS');
    }
    expect(originRefused(req(), answer(403), answer(404))?.code).toBe('OriginRefusedByServer');
  });
  it('not when the request is refused with or without it (a placeholder key, a missing model)', () => {
    expect(originRefused(req(), answer(401), answer(401))).toBeNull();
    expect(originRefused(req(), answer(404), answer(404))).toBeNull();
  });
  it('not for other statuses, without a control answer, or for a GET, which carries no Origin', () => {
    expect(originRefused(req(), answer(400), answer(200))).toBeNull();
    expect(originRefused(req(), answer(500), answer(200))).toBeNull();
    expect(originRefused(req(), answer(403), undefined)).toBeNull();
    expect(originRefused(req('GET'), answer(403), answer(200))).toBeNull();
  });
  it('asks for a control only when a refusal could be the origin’s', () => {
    expect(needsControl(req(), answer(403))).toBe(true);
    expect(needsControl(req(), answer(200))).toBe(false);
    expect(needsControl(req('GET'), answer(403))).toBe(false);
    expect(needsControl(req('HEAD'), answer(403))).toBe(false);
  });
});

describe('the verdict', () => {
  it('no CORS headers needed: a 200 without Access-Control-Allow-Origin passes', () => {
    const e = evaluateExtension(req(), { actual: answer(200) });
    expect(e.verdict).toBe('pass');
    expect(e.preflightNeeded).toBe(false);
    expect(e.fix).toEqual([]);
    expect(e.findings.map((f) => f.code)).toEqual(['HostPermissions']);
  });
  it('a refused origin fails first; a refusal that is not the origin’s is informative', () => {
    const refused = evaluateExtension(req(), { actual: answer(403), control: answer(404) });
    expect(refused.verdict).toBe('fail');
    expect(refused.findings[0]!.code).toBe('OriginRefusedByServer');
    const keyless = evaluateExtension(req(), { actual: answer(401), control: answer(401) });
    expect(keyless.verdict).toBe('pass');
    expect(keyless.findings.map((f) => f.code)).toEqual(['ActualStatus', 'HostPermissions']);
  });
  it('no answer is an error, as for any request', () => {
    const down: Exchange = { ...answer(0), response: undefined, error: { code: 'ECONNREFUSED', message: 'refused' } };
    expect(evaluateExtension(req(), { actual: down }).verdict).toBe('error');
  });
});
