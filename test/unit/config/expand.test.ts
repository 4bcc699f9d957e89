// Config entries → endpoint rows: the requests each row makes, and what is refused.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/errors.js';

const load = (entry: string, defaults = '') =>
  parseConfig({
    file: 'c.yml',
    text: `${defaults}endpoints:\n  - name: a\n    url: https://api.example/v1/chat/completions\n${entry}`,
  });
const refusal = (entry: string, defaults = ''): string => {
  try {
    load(entry, defaults);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('the config was accepted');
};
const noBody = (method: string, line = 2) =>
  `c.yml:${line}:1: a: a ${method} request cannot have a body (fetch() throws "Request with GET/HEAD method cannot have body"); remove body or use another method`;

describe('GET and HEAD carry no body', () => {
  it('refuses a plain row with a body', () => {
    expect(refusal('    method: GET\n    body: "{}"\n')).toBe(noBody('GET'));
    expect(refusal('    method: HEAD\n    body: "{}"\n')).toBe(noBody('HEAD'));
    // fetch() upper-cases get and head before it throws.
    expect(refusal('    method: head\n    body: x\n')).toBe(noBody('HEAD'));
    // The body or the method may come from the defaults.
    expect(refusal('    method: GET\n', 'defaults:\n  body: x\n')).toBe(noBody('GET', 4));
    expect(refusal('    body: x\n', 'defaults:\n  method: HEAD\n')).toBe(noBody('HEAD', 4));
  });

  // Documented ("A GET or HEAD with a body is refused when the config is loaded"), but a row
  // shaped by a client, a style or auth drops the body silently today: presetRequest sends none
  // for GET and HEAD, so the check in expand() never sees the configured one. When that is
  // fixed, this fails: make it a plain `it`.
  it.fails('refuses a client, style or auth row with an explicit body', () => {
    for (const m of ['GET', 'HEAD']) {
      expect(refusal(`    method: ${m}\n    client: openai-sdk\n    body: "{}"\n`)).toBe(noBody(m));
      expect(refusal(`    method: ${m}\n    clients: [fetch, anthropic-sdk]\n    body: "{}"\n`)).toBe(noBody(m));
      expect(refusal(`    method: ${m}\n    style: openai\n    body: "{}"\n`)).toBe(noBody(m));
      expect(refusal(`    method: ${m}\n    auth: sk-test-1234\n    body: "{}"\n`)).toBe(noBody(m));
    }
  });

  it('sends none by default, where another method sends the smallest chat call', () => {
    for (const m of ['GET', 'HEAD']) {
      const [row] = load(`    method: ${m}\n`);
      expect(row).toMatchObject({ method: m });
      expect(row!.body).toBeUndefined();
      const [client] = load(`    method: ${m}\n    client: openai-sdk\n`);
      expect(client).toMatchObject({ method: m });
      expect(client!.body).toBeUndefined();
    }
    const [post] = load('');
    expect(post).toMatchObject({ method: 'POST' });
    expect(JSON.parse(post!.body!)).toMatchObject({ max_tokens: 1 });
    expect(load('    method: PUT\n    body: x\n')[0]).toMatchObject({ method: 'PUT', body: 'x' });
  });
});
