import { describe, expect, it, test } from 'vitest';
import { endpointId } from '../../../src/config/expand.js';
import { loadConfig, parseConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/errors.js';
import { BROKEN, brokenProblem, brokenText } from '../../support/broken-configs.js';

const VAR = 'CORS_GATE_TEST_HEADER_KEY';

describe('header values from the environment', () => {
  it('reads the value and treats it as a secret', () => {
    const env = { [VAR]: 'sk-from-env-123456' };
    const [e] = parseConfig(
      {
        file: 'c.yml',
        text: `endpoints:\n  - name: A\n    url: https://api.example/v1\n    headers:\n      x-api-key: {env: ${VAR}}\n      content-type: application/json\n`,
      },
      { env },
    );
    expect(e!.headers).toEqual([
      ['x-api-key', 'sk-from-env-123456'],
      ['content-type', 'application/json'],
    ]);
    expect(e!.secrets).toContain('sk-from-env-123456');
  });
  it('secret: false opts out', () => {
    const env = { [VAR]: 'not-a-secret' };
    const [e] = parseConfig(
      {
        file: 'c.yml',
        text: `endpoints:\n  - name: A\n    url: https://api.example/v1\n    headers:\n      x-tenant: {env: ${VAR}, secret: false}\n`,
      },
      { env },
    );
    expect(e!.secrets).not.toContain('not-a-secret');
  });
});

describe('literal credentials in headers are secrets', () => {
  const one = (headers: string) =>
    parseConfig({
      file: 'c.yml',
      text: `endpoints:\n  - name: A\n    url: https://api.example/v1\n    headers:\n${headers}`,
    })[0]!;

  it('credential headers written in the file are masked, the bare token too', () => {
    const e = one(
      '      Authorization: "Bearer sk-literal-abc123"\n      X-Api-Key: sk-ant-literal-456\n      cookie: session=s3cr3t-cookie\n      api-key: azure-literal-789\n      x-goog-api-key: AIzaLiteral000\n      proxy-authorization: Basic dXNlcjpwYXNz\n',
    );
    for (const s of [
      'sk-literal-abc123',
      'Bearer sk-literal-abc123',
      'sk-ant-literal-456',
      'session=s3cr3t-cookie',
      'azure-literal-789',
      'AIzaLiteral000',
      'dXNlcjpwYXNz',
    ]) {
      expect(e.secrets).toContain(s);
    }
  });

  it('the bare token comes before the whole value, so a report keeps the scheme readable', () => {
    const e = one('      authorization: "Bearer sk-literal-abc123"\n');
    expect(e.secrets.indexOf('sk-literal-abc123')).toBeLessThan(e.secrets.indexOf('Bearer sk-literal-abc123'));
  });

  it('a value given as {value: …} is a secret by default too', () => {
    expect(one('      x-api-key: {value: sk-in-a-mapping-1}\n').secrets).toContain('sk-in-a-mapping-1');
  });

  it('the probe placeholder is no secret', () => {
    const e = one(
      '      authorization: Bearer cors-gate-probe\n      x-api-key: cors-gate-probe\n      api-key: {value: cors-gate-probe}\n',
    );
    expect(e.secrets).toEqual([]);
  });

  it('secret: false opts out; other headers stay readable', () => {
    const e = one(
      '      authorization: {value: "Bearer public-demo-key", secret: false}\n      x-tenant: acme-tenant-1\n',
    );
    expect(e.secrets).toEqual([]);
  });

  it('defaults’ credential headers are secrets of every row', () => {
    const [e] = parseConfig({
      file: 'c.yml',
      text: 'defaults:\n  headers:\n    x-api-key: sk-from-defaults-1\nendpoints:\n  - name: A\n    url: https://api.example/v1\n',
    });
    expect(e!.secrets).toContain('sk-from-defaults-1');
  });
});

describe('endpoint ids', () => {
  const load = (text: string, file = 'c.yml') => loadConfig([{ file, text }]).endpoints;
  const URL_ = 'https://x.test/v1/chat/completions';
  const ORIGIN = 'https://example.com';

  it('a row without client (or with fetch) keeps the id of its name, url and origin', () => {
    const [plain] = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n`);
    expect(plain!.id).toBe(endpointId('Zen', URL_, ORIGIN));
    const [f] = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n    client: fetch\n`);
    expect(f!.id).toBe(endpointId('Zen', URL_, ORIGIN));
    const paths = load(
      `endpoints:\n  - name: Zen\n    url: https://x.test/v1\n    paths: [/chat/completions, /models]\n    origins: [https://a.example, https://b.example]\n`,
    );
    expect(paths.map((e) => e.id)).toEqual([
      endpointId('Zen', URL_, 'https://a.example'),
      endpointId('Zen', URL_, 'https://b.example'),
      endpointId('Zen', 'https://x.test/v1/models', 'https://a.example'),
      endpointId('Zen', 'https://x.test/v1/models', 'https://b.example'),
    ]);
  });

  it('a client row keeps its id when other clients are added or removed', () => {
    const [single] = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n    client: openai-sdk\n`);
    const both = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n    clients: [fetch, openai-sdk]\n`);
    const [plain] = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n`);
    expect(single!.name).toBe('Zen');
    expect(single!.id).toBe(endpointId('Zen · openai-sdk', URL_, ORIGIN));
    expect(single!.id).not.toBe(plain!.id);
    expect(both.map((e) => e.id)).toEqual([plain!.id, single!.id]);
    const sdkOnly = load(`endpoints:\n  - name: Zen\n    url: ${URL_}\n    clients: [openai-sdk, anthropic-sdk]\n`);
    expect(sdkOnly[0]!.id).toBe(single!.id);
  });

  it('two rows with one id are refused, naming both rows and their lines', () => {
    const text =
      'endpoints:\n  - name: Zen\n    url: https://x.test/v1\n    paths: [/chat/completions]\n    clients: [fetch, openai-sdk]\n  - name: Zen · openai-sdk\n    url: https://x.test/v1\n    paths: [/chat/completions]\n';
    let err: unknown;
    try {
      load(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const m = (err as Error).message;
    expect(m).toMatch(/^c\.yml:6:\d+: /);
    expect(m).toContain('"Zen /chat/completions · openai-sdk" (c.yml:2)');
    expect(m).toContain('"Zen · openai-sdk /chat/completions" (c.yml:6)');
  });

  it('the same clash across two files names both files', () => {
    const a = `endpoints:\n  - name: Zen\n    url: ${URL_}\n    client: openai-sdk\n`;
    const b = `endpoints:\n  - name: Zen · openai-sdk\n    url: ${URL_}\n`;
    expect(() =>
      loadConfig([
        { file: 'a.yml', text: a },
        { file: 'b.yml', text: b },
      ]),
    ).toThrow(/^b\.yml:2:\d+: .*"Zen" \(a\.yml:2\).*"Zen · openai-sdk" \(b\.yml:2\)/);
  });
});

describe('defaults’ headers shape plain rows only', () => {
  const DEF = 'defaults:\n  headers: [authorization, content-type, x-team]\nendpoints:\n';
  const load = (entries: string) => parseConfig({ file: 'c.yml', text: DEF + entries });
  const names = (e: { headers: readonly (readonly [string, string])[] }) => e.headers.map(([n]) => n.toLowerCase());

  it('a style: anthropic fetch row keeps the style’s headers', () => {
    const [e] = load('  - name: A\n    url: https://a.test\n    style: anthropic\n');
    expect(names(e!)).toEqual([
      'x-api-key',
      'anthropic-version',
      'anthropic-dangerous-direct-browser-access',
      'content-type',
    ]);
  });

  it('SDK rows send what the SDK sends, not the defaults’ authorization', () => {
    // anthropic-sdk@0 sends x-api-key; from 1.x the SDK itself sends Authorization, checked below.
    const rows = load(
      '  - name: A\n    url: https://a.test\n    style: anthropic\n    clients: [anthropic-sdk@0, vercel-ai/anthropic]\n  - name: G\n    url: https://g.test\n    style: gemini\n    client: google-genai\n',
    );
    for (const r of rows) {
      expect(names(r)).not.toContain('authorization');
      expect(names(r)).not.toContain('x-team');
    }
    const [latest] = load('  - name: A\n    url: https://a.test\n    style: anthropic\n    client: anthropic-sdk\n');
    expect(names(latest!)).toContain('authorization');
    expect(names(latest!)).not.toContain('x-team');
    expect(names(latest!)).not.toContain('x-api-key');
  });

  it('the entry’s own headers still add to a preset', () => {
    const [e] = load(
      '  - name: A\n    url: https://a.test/v1/messages\n    client: vercel-ai/anthropic\n    headers: {anthropic-dangerous-direct-browser-access: "true"}\n',
    );
    expect(names(e!)).toContain('anthropic-dangerous-direct-browser-access');
    expect(names(e!)).not.toContain('authorization');
  });

  it('plain rows still take them', () => {
    const [e] = load('  - name: P\n    url: https://p.test/v1/chat/completions\n');
    expect(names(e!)).toEqual(['authorization', 'content-type', 'x-team']);
  });
});

describe('names', () => {
  it('may not carry line breaks or other control characters', () => {
    expect(() =>
      parseConfig({ file: 'c.yml', text: 'endpoints:\n  - name: "a\\nb | c"\n    url: https://api.example/v1\n' }),
    ).toThrow(/c\.yml:2:\d+: endpoints\[0\]\.name contains a line break/);
  });
});

describe('origins', () => {
  it('a trailing slash is dropped, as the browser Origin never has one', () => {
    const [e] = parseConfig({
      file: 'c.yml',
      text: 'endpoints:\n  - name: A\n    url: https://api.example/v1\n    origin: https://app.example.com/\n',
    });
    expect(e!.origin).toBe('https://app.example.com');
  });

  const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  it('host-permissions and address-space reach the rows, from defaults or the endpoint', () => {
    const rows = parseConfig({
      file: 'c.yml',
      text: `defaults:\n  origin: ${EXT}\n  host-permissions: true\n  address-space: public\nendpoints:\n  - name: A\n    url: https://api.example/v1\n  - name: B\n    url: https://api.example/v1\n    host-permissions: false\n    address-space: private\n  - name: C\n    url: https://api.example/v1\n    origin: null\n    host-permissions: false\n`,
    });
    expect(rows.map((e) => [e.name, e.origin, e.hostPermissions ?? false, e.addressSpace])).toEqual([
      ['A', EXT, true, 'public'],
      ['B', EXT, false, 'private'],
      ['C', 'null', false, 'public'],
    ]);
  });

  it('the origin option replaces what the config says about its extension', () => {
    const text = `endpoints:\n  - name: A\n    url: https://api.example/v1\n    origin: ${EXT}\n    host-permissions: true\n`;
    expect(parseConfig({ file: 'c.yml', text })[0]!.hostPermissions).toBe(true);
    expect(parseConfig({ file: 'c.yml', text }, { origin: 'null' })[0]!.hostPermissions).toBeUndefined();
    const other = 'moz-extension://0b6a1b7c-1d2e-4f3a-8b9c-0d1e2f3a4b5c';
    const overridden = parseConfig({ file: 'c.yml', text }, { origin: other, hostPermissions: true })[0]!;
    expect([overridden.origin, overridden.hostPermissions]).toEqual([other, true]);
  });
});

describe('text', () => {
  it('half of a surrogate pair is a config error, not a crash', () => {
    expect(() =>
      parseConfig({ file: 'c.yml', text: '- models: "\\ud800a"\n  name: A\n  url: https://api.example/v1\n' }),
    ).toThrow(/c\.yml:1:\d+: .*invalid Unicode/);
  });
});

describe('broken configs', () => {
  const URL_ = 'http://127.0.0.1:9';

  test('there are at least 30 kinds', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BROKEN.map((c) => c.kind)).size).toBe(BROKEN.length);
  });

  test('a pattern stands for the whole problem, not a part another refusal could share', () => {
    for (const c of BROKEN) {
      if (typeof c.problem === 'string') continue;
      expect(c.problem.source, c.kind).toMatch(/^\^.*\$$/);
    }
  });

  BROKEN.forEach((c) => {
    test(`each is refused for its own problem, on its line: ${c.kind}`, () => {
      let err: unknown;
      try {
        parseConfig({ file: 'broken.yml', text: brokenText(c, URL_) });
      } catch (e) {
        err = e;
      }
      expect(err, 'refused with a ConfigError').toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      const problem = brokenProblem(c, URL_);
      if (typeof problem === 'string') expect(e.problem).toBe(problem);
      else expect(e.problem).toMatch(problem);
      expect(e.line).toBe(c.line);
      expect(e.message).toMatch(c.line > 0 ? new RegExp(`^broken\\.yml:${c.line}:\\d+: `) : /^broken\.yml: /);
      // One line a person can read, not a dump of the document.
      expect(e.message).not.toMatch(/\n/);
      expect(e.message.length).toBeLessThan(400);
    });
  });
});

describe('origin: null', () => {
  const origins = (entry: string) =>
    parseConfig({ file: 'c.yml', text: `endpoints:\n  - name: a\n    url: https://a.example/v1\n${entry}` }).map(
      (e) => e.origin,
    );
  const refusal = (text: string) => {
    try {
      parseConfig({ file: 'c.yml', text });
    } catch (err) {
      return (err as Error).message;
    }
    return null;
  };

  it('YAML’s null written as null, or the text "null", is the opaque origin', () => {
    expect(origins('    origin: null\n')).toEqual(['null']);
    expect(origins('    origin: "null"\n')).toEqual(['null']);
    expect(origins('    origins: [null, https://a.example]\n')).toEqual(['null', 'https://a.example']);
  });

  it('a null written any other way, or for the URL, is a value left out, not an origin', () => {
    const entry = (e: string) => `endpoints:\n  - name: a\n    url: https://a.example/v1\n${e}`;
    expect(refusal(entry('    origin: ~\n'))).toBe('c.yml:4:13: endpoints[0].origin must be text, got null');
    expect(refusal(entry('    origin:\n'))).toBe('c.yml:4:12: endpoints[0].origin must be text, got null');
    expect(refusal('endpoints:\n  - name: a\n    url: null\n')).toBe(
      'c.yml:3:10: endpoints[0].url must be text, got null',
    );
  });
});
