// The document reader: every refusal names its file, line and column.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/config/yaml.js';
import { ConfigError } from '../../../src/errors.js';

/** The ConfigError a document is refused with (fails the test if it loads). */
function refusal(text: string, file = 'c.yml'): ConfigError {
  try {
    readDocument({ file, text });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('the document was accepted');
}

describe('aliases', () => {
  /** n endpoints after the first, each with `headers: *h`: n aliases in a document valid in every other way. */
  const usingAliases = (n: number) => {
    const lines = ['endpoints:', '  - name: e0', '    url: https://api.example/0', '    headers: &h {x-team: t}'];
    for (let i = 1; i <= n; i++) lines.push(`  - name: e${i}`, `    url: https://api.example/${i}`, '    headers: *h');
    return `${lines.join('\n')}\n`;
  };

  it('accepts 100 aliases', () => {
    const { entries } = readDocument({ file: 'c.yml', text: usingAliases(100) });
    expect(entries).toHaveLength(101);
    expect(entries[100]!.headers).toEqual([['x-team', 't']]);
  });

  it('refuses the document at the 101st alias', () => {
    const e = refusal(usingAliases(101));
    expect(e.problem).toBe('more than 100 aliases: the document is refused');
    // The 101st `headers: *h`, in endpoint e101: line 4 + 3 × 101, at the alias.
    expect(e.message).toBe(`c.yml:${4 + 3 * 101}:14: more than 100 aliases: the document is refused`);
  });
});

describe('methods', () => {
  const withMethod = (m: string) => `endpoints:\n  - name: a\n    url: https://api.example/v1\n    method: ${m}\n`;

  it('refuses the methods fetch() throws on, in any case', () => {
    for (const m of ['TRACK', 'track', 'Track', 'CONNECT', 'connect', 'TRACE', 'trace', 'TrAcE']) {
      const e = refusal(withMethod(m));
      expect(e.message).toBe(`c.yml:4:13: endpoints[0].method ${m} cannot be sent by fetch()`);
    }
    const d = refusal(`defaults:\n  method: track\n${withMethod('POST')}`);
    expect(d.message).toBe('c.yml:2:11: defaults.method track cannot be sent by fetch()');
  });

  it('accepts methods that only contain one of those names', () => {
    for (const m of ['TRACKS', 'XTRACE', 'connected', 'PATCH']) {
      expect(readDocument({ file: 'c.yml', text: withMethod(m) }).entries[0]!.method).toBe(m);
    }
  });
});

describe('what each key takes, and the message that names a bad value', () => {
  const ENTRY = 'endpoints:\n  - name: a\n    url: https://api.example/v1\n';
  /** The refusal of an entry with these lines added (at line 4 on), as file:line:col: problem. */
  const refused = (lines: string, env: Record<string, string> = {}) => {
    try {
      readDocument({ file: 'c.yml', text: ENTRY + lines }, env);
    } catch (e) {
      if (e instanceof ConfigError) return e.message;
      throw e;
    }
    throw new Error('the document was accepted');
  };
  const entry = (lines: string, env: Record<string, string> = {}) =>
    readDocument({ file: 'c.yml', text: ENTRY + lines }, env).entries[0]!;

  it('text: not empty or blank, not half of a surrogate pair', () => {
    expect(refusal('endpoints:\n  - name: "  "\n    url: https://a.example\n').message).toBe(
      'c.yml:2:11: endpoints[0].name must not be empty',
    );
    expect(refusal('endpoints:\n  - name: ""\n    url: https://a.example\n').problem).toBe(
      'endpoints[0].name must not be empty',
    );
    for (const half of ['\\udc00', 'a\\udc00', '\\ud800', '\\ud800a'])
      expect(refusal(`endpoints:\n  - name: "${half}"\n    url: https://a.example\n`).problem, half).toBe(
        'endpoints[0].name contains invalid Unicode (half of a surrogate pair)',
      );
    expect(
      readDocument({ file: 'c.yml', text: 'endpoints:\n  - name: "a😀"\n    url: https://a.example\n' }).entries[0]!
        .name,
    ).toBe('a😀');
  });

  it('text: a scalar that is not text in YAML 1.1 is refused too', () => {
    expect(refusal('%YAML 1.1\n---\nendpoints:\n  - name: !!binary aGk=\n    url: https://a.example\n').problem).toBe(
      'endpoints[0].name must be text, got object hi',
    );
    expect(
      refusal(
        '%YAML 1.1\n---\nendpoints:\n  - name: a\n    url: https://a.example\n    headers: {x-a: !!binary aGk=}\n',
      ).problem,
    ).toBe('headers.x-a must be text, got object hi');
  });

  it('keys: plain text only', () => {
    expect(refused('    1: x\n')).toBe('c.yml:4:5: keys must be plain text');
  });

  it('lists: each item named by its place', () => {
    expect(refused('    models: [m, ~]\n')).toBe('c.yml:4:17: endpoints[0].models[1] must be text, got null');
    expect(refused('    paths: ~\n')).toBe('c.yml:4:12: endpoints[0].paths must be text, got null');
    expect(refused('    paths: [/a, "/b c"]\n')).toBe(
      'c.yml:4:12: endpoints[0].paths: "/b c" must start with / and contain no white space',
    );
  });

  it('origins: a list of origins, in either order of the two keys', () => {
    expect(refused('    origins: https://a.example\n')).toBe(
      'c.yml:4:14: endpoints[0].origins must be a list, got text "https://a.example"',
    );
    expect(refused('    origins: [~]\n')).toBe('c.yml:4:15: endpoints[0].origins[0] must be text, got null');
    expect(refused('    origins: [https://a.example/x]\n')).toBe(
      'c.yml:4:15: endpoints[0].origins[0] must be an origin (scheme://host[:port], no path, query or user), got "https://a.example/x"',
    );
    expect(refused('    origins: [https://b.example]\n    origin: https://a.example\n')).toBe(
      'c.yml:5:5: endpoints[0] has both origin and origins: use one',
    );
  });

  it('method, body and client: each named when it is not text', () => {
    expect(refused('    method: ~\n')).toBe('c.yml:4:13: endpoints[0].method must be text, got null');
    expect(refused('    body: ~\n')).toBe('c.yml:4:11: endpoints[0].body must be text, got null');
    expect(refused('    client: ~\n')).toBe('c.yml:4:13: endpoints[0].client must be text, got null');
    expect(refused('    clients: []\n')).toBe('c.yml:4:14: endpoints[0].clients must not be empty');
    expect(refused('    client: fetch\n    clients: [fetch]\n')).toBe(
      'c.yml:5:5: endpoints[0] has both client and clients: use one',
    );
  });

  it('headers as a list: valid names, each given its usual placeholder value', () => {
    expect(
      entry('    headers: [Authorization, content-type, X-API-Key, api-key, x-goog-api-key, X-Other]\n').headers,
    ).toEqual([
      ['Authorization', 'Bearer cors-gate-probe'],
      ['content-type', 'application/json'],
      ['X-API-Key', 'cors-gate-probe'],
      ['api-key', 'cors-gate-probe'],
      ['x-goog-api-key', 'cors-gate-probe'],
      ['X-Other', 'cors-gate-probe'],
    ]);
    expect(refused('    headers: [~]\n')).toBe('c.yml:4:15: headers[] must be text, got null');
    expect(refused('    headers: ["x bad"]\n')).toBe('c.yml:4:15: header name "x bad" is not a valid HTTP header name');
  });

  it('headers as a mapping: numbers and booleans are text; null, lists and mappings of other keys are not', () => {
    expect(entry('    headers:\n      x-n: 5\n      x-b: true\n').headers).toEqual([
      ['x-n', '5'],
      ['x-b', 'true'],
    ]);
    expect(refused('    headers:\n      x-a: ~\n')).toBe('c.yml:5:12: headers.x-a must be text, got null');
    expect(refused('    headers:\n      x-a: [1]\n')).toBe('c.yml:5:12: headers.x-a must be text, got a list');
    expect(refused('    headers:\n      x-a: {value: ~}\n')).toBe(
      'c.yml:5:20: headers.x-a.value must be text, got null',
    );
    expect(refused('    headers:\n      x-a: {env: ~}\n')).toBe('c.yml:5:18: headers.x-a.env must be text, got null');
    expect(refused('    headers:\n      x-a: {value: v, secret: maybe}\n')).toBe(
      'c.yml:5:31: headers.x-a.secret must be true or false, got text "maybe"',
    );
    expect(refused('    headers:\n      x-a: {env: V}\n', { V: ' \t' })).toBe(
      'c.yml:5:18: headers.x-a: the environment variable V is not set or empty',
    );
  });

  it('a header value from the environment is a secret whatever the header', () => {
    const e = entry('    headers:\n      x-tenant: {env: V}\n      x-plain: {value: p}\n', { V: 'tenant-123' });
    expect(e.headers).toEqual([
      ['x-tenant', 'tenant-123'],
      ['x-plain', 'p'],
    ]);
    expect(e.secretHeaders).toEqual(['tenant-123']);
  });

  it('auth: a key, or env: NAME and nothing else', () => {
    expect(entry('    auth: sk-test-1234\n').auth).toBe('sk-test-1234');
    expect(entry('    auth: {env: K}\n', { K: 'sk-env-1234' }).auth).toBe('sk-env-1234');
    expect(refused('    auth: {name: K}\n')).toBe('c.yml:4:12: unknown key "name" in endpoints[0].auth (expected env)');
    expect(refused('    auth: {env: ~}\n')).toBe('c.yml:4:17: endpoints[0].auth.env must be text, got null');
    expect(refused('    auth: {}\n')).toBe('c.yml:4:11: endpoints[0].auth needs env: NAME');
    expect(refused('    auth: {env: K}\n', { K: '  ' })).toBe(
      'c.yml:4:11: endpoints[0].auth: the environment variable K is not set or empty',
    );
  });

  it('issue: a mapping of repo, number and labels', () => {
    expect(entry('    issue: {repo: o/r, number: 7, labels: [a, b]}\n').issue).toEqual({
      repo: 'o/r',
      number: 7,
      labels: ['a', 'b'],
    });
    expect(refused('    issue: x\n')).toBe('c.yml:4:12: issue must be a mapping (key: value), got text "x"');
    expect(refused('    issue: {repo: ~}\n')).toBe('c.yml:4:19: issue.repo must be text, got null');
    for (const repo of ['"x o/r"', '"o/r x"'])
      expect(refused(`    issue: {repo: ${repo}}\n`)).toBe(
        `c.yml:4:19: issue.repo must be owner/repo, got ${JSON.stringify(repo.slice(1, -1))}`,
      );
    expect(refused('    issue: {labels: [~]}\n')).toBe('c.yml:4:22: issue.labels[0] must be text, got null');
    for (const [n, got] of [
      ['0', 'number 0'],
      ['1.5', 'number 1.5'],
      ['"3"', 'text "3"'],
    ])
      expect(refused(`    issue: {number: ${n}}\n`)).toBe(
        `c.yml:4:21: issue.number must be a positive whole number, got ${got}`,
      );
  });

  it('describes a long text by its first 40 characters', () => {
    expect(refusal(`${'x'.repeat(41)}\n`).problem).toBe(
      `the config must be a mapping with endpoints, or a list of endpoints; got text "${'x'.repeat(40)}…"`,
    );
    expect(refusal(`${'x'.repeat(40)}\n`).problem).toBe(
      `the config must be a mapping with endpoints, or a list of endpoints; got text "${'x'.repeat(40)}"`,
    );
  });
});

describe('the document', () => {
  it('up to 1 MiB is read', () => {
    const text = 'endpoints:\n  - name: a\n    url: https://api.example/v1\n#';
    const exact = text + 'x'.repeat(1024 * 1024 - text.length - 1) + '\n';
    expect(Buffer.byteLength(exact)).toBe(1024 * 1024);
    expect(readDocument({ file: 'c.yml', text: exact }).entries).toHaveLength(1);
    expect(refusal(`${exact}x`).message).toBe('c.yml: the file is 1048577 bytes; the limit is 1048576');
  });

  it('YAML errors name their line and column; YAML 1.2 is read strictly', () => {
    expect(refusal('endpoints:\n  - name: a\n    url: b\n    url: c\n').message).toBe(
      'c.yml:4:5: YAML: Map keys must be unique',
    );
    expect(refusal(`endpoints:\n  - ${'a'.repeat(1100)}: x\n`).problem).toBe(
      'YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
    );
  });

  it('without defaults, the defaults are empty', () => {
    expect(readDocument({ file: 'c.yml', text: '- name: a\n  url: https://api.example/v1\n' })).toEqual({
      defaults: { line: 0 },
      entries: [{ line: 1, name: 'a', url: 'https://api.example/v1' }],
    });
  });
});
