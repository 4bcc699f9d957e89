// Config entries → endpoint rows: the requests each row makes, and what is refused.
import { describe, expect, it } from 'vitest';
import { endpointId } from '../../../src/config/expand.js';
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
    }
    const [post] = load('');
    expect(post).toMatchObject({ method: 'POST' });
    expect(JSON.parse(post!.body!)).toMatchObject({ max_tokens: 1 });
    expect(load('    method: PUT\n    body: x\n')[0]).toMatchObject({ method: 'PUT', body: 'x' });
  });
});

describe('rows', () => {
  const URL_ = 'https://api.example/v1/chat/completions';
  const CHAT = (model: string) =>
    JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });

  it('a plain row as it is sent when the config says no more than name and url', () => {
    const [row] = load('');
    expect(row).toStrictEqual({
      id: endpointId('a', URL_, 'https://example.com'),
      name: 'a',
      url: URL_,
      origin: 'https://example.com',
      method: 'POST',
      headers: [
        ['authorization', 'Bearer cors-gate-probe'],
        ['content-type', 'application/json'],
      ],
      credentials: 'omit',
      actual: true,
      body: CHAT('cors-gate-probe'),
      browser: 'chromium',
      secrets: [],
      source: { file: 'c.yml', line: 2 },
    });
    expect(row!.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('carries what the entry says: model, credentials, browser, expect, actual, issue', () => {
    const [row] = load(
      '    models: [m-1, m-2]\n    credentials: include\n    browser: firefox\n    expect: fail\n    actual: false\n    issue: {repo: o/r}\n',
    );
    expect(row).toMatchObject({
      body: CHAT('m-1'),
      models: ['m-1', 'm-2'],
      credentials: 'include',
      browser: 'firefox',
      expect: 'fail',
      actual: false,
      issue: { repo: 'o/r' },
    });
  });

  it('an origin given on the command line replaces every configured one', () => {
    const rows = parseConfig(
      {
        file: 'c.yml',
        text: `endpoints:\n  - name: a\n    url: ${URL_}\n    origins: [https://a.example, https://b.example]\n`,
      },
      { origin: 'http://localhost:3000' },
    );
    expect(rows.map((r) => [r.name, r.origin])).toEqual([['a', 'http://localhost:3000']]);
  });

  it('several paths, origins or clients make a group under the entry name; one row has none', () => {
    expect(load('')[0]!.group).toBeUndefined();
    expect(load('    client: openai-sdk\n')[0]!.group).toBeUndefined();
    const origins = load('    origins: [https://a.example, https://b.example]\n');
    expect(origins.map((r) => [r.name, r.group])).toEqual([
      ['a from https://a.example', 'a'],
      ['a from https://b.example', 'a'],
    ]);
    const clients = load('    clients: [fetch, openai-sdk]\n');
    expect(clients.map((r) => [r.name, r.group, r.client])).toEqual([
      ['a', 'a', 'fetch'],
      ['a · openai-sdk', 'a', 'openai-sdk'],
    ]);
    const paths = parseConfig({
      file: 'c.yml',
      text: 'endpoints:\n  - name: a\n    url: https://api.example/v1\n    paths: [/chat/completions, /models]\n',
    });
    expect(paths.map((r) => [r.name, r.group, r.url])).toEqual([
      ['a /chat/completions', 'a', URL_],
      ['a /models', 'a', 'https://api.example/v1/models'],
    ]);
    const one = parseConfig({
      file: 'c.yml',
      text: 'endpoints:\n  - name: a\n    url: https://api.example/v1\n    paths: [/models]\n',
    });
    expect(one.map((r) => [r.name, r.group])).toEqual([['a /models', undefined]]);
  });

  it('paths join the url with one slash; a url without paths is kept as written', () => {
    const rows = parseConfig({
      file: 'c.yml',
      text: 'endpoints:\n  - name: a\n    url: https://api.example/v1//\n    paths: [/models]\n  - name: b\n    url: https://api.example/v1/\n',
    });
    expect(rows.map((r) => r.url)).toEqual(['https://api.example/v1/models', 'https://api.example/v1/']);
  });

  it('a client row: the model and body the entry gives, its style, and no stream flag without auth', () => {
    const [row] = load('    client: openai-sdk\n    models: [m-1]\n');
    expect(row).toMatchObject({ client: 'openai-sdk', style: 'openai', body: CHAT('m-1') });
    expect('stream' in row!).toBe(false);
    const [own] = load('    client: openai-sdk\n    body: "{}"\n');
    expect(own!.body).toBe('{}');
    const [auth] = load('    client: openai-sdk\n    auth: sk-test-1234\n');
    expect(auth!.stream).toBe(true);
    expect(auth!.secrets).toEqual(['sk-test-1234']);
  });

  it('a GET row carries no body key at all', () => {
    expect('body' in load('    method: GET\n')[0]!).toBe(false);
  });
});

describe('headers', () => {
  const DEF = 'defaults:\n  headers:\n    Authorization: Bearer cors-gate-probe\n    x-team: t\n';

  it('the entry’s own add to the defaults’, replacing those of the same name in any case', () => {
    const [row] = load('    headers:\n      authorization: Bearer other-probe-key\n      x-extra: e\n', DEF);
    expect(row!.headers).toEqual([
      ['x-team', 't'],
      ['authorization', 'Bearer other-probe-key'],
      ['x-extra', 'e'],
    ]);
    expect(load('', DEF)[0]!.headers).toEqual([
      ['Authorization', 'Bearer cors-gate-probe'],
      ['x-team', 't'],
    ]);
  });

  it('a row shaped by auth alone keeps the defaults’ headers', () => {
    const [row] = load('    auth: sk-test-1234\n', DEF);
    expect(row!.headers.map(([n]) => n.toLowerCase())).toContain('x-team');
  });
});
