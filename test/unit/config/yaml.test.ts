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
