// What counts as a secret and how it is kept out of what people read.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayUrl, isPlaceholder, redact, redactCut, secretParts, urlSecrets } from '../../src/secrets.js';

describe('the placeholder key', () => {
  it('alone or after a scheme, with white space around it', () => {
    for (const v of [
      'cors-gate-probe',
      'Bearer cors-gate-probe',
      '  Token.v1 cors-gate-probe \t',
      'x-y_z cors-gate-probe',
    ])
      expect(isPlaceholder(v), v).toBe(true);
    for (const v of ['cors-gate-probe2', 'Bearer cors-gate-probe x', 'sk-cors-gate-probe', '1x cors-gate-probe', ''])
      expect(isPlaceholder(v), v).toBe(false);
  });
});

describe('the parts of a secret value', () => {
  it('the credential after a scheme first, then the whole value', () => {
    expect(secretParts('Bearer sk-abc123')).toEqual(['sk-abc123', 'Bearer sk-abc123']);
    expect(secretParts('  Basic   dXNlcjpw  ')).toEqual(['dXNlcjpw', '  Basic   dXNlcjpw  ']);
    expect(secretParts('Token v1 with spaces')).toEqual(['v1 with spaces', 'Token v1 with spaces']);
  });

  it('the whole value alone when there is no scheme, or what follows it is shorter than 4', () => {
    expect(secretParts('sk-abc123')).toEqual(['sk-abc123']);
    expect(secretParts('Bearer abc')).toEqual(['Bearer abc']);
    expect(secretParts('Bearer abcd')).toEqual(['abcd', 'Bearer abcd']);
    expect(secretParts('Bearer  ab ')).toEqual(['Bearer  ab ']);
    expect(secretParts('1x sk-abc123')).toEqual(['1x sk-abc123']);
    expect(secretParts('x sk-abc123 ')).toEqual(['sk-abc123', 'x sk-abc123 ']);
  });
});

describe('redact', () => {
  it('replaces every occurrence of each secret of 4 characters or more', () => {
    expect(redact('key sk-1 and sk-1, abcd', ['sk-1', 'abcd'])).toBe('key *** and ***, ***');
    expect(redact('abc and abcd', ['abc'])).toBe('abc and abcd');
  });
});

describe('redactCut: a body cut at its limit', () => {
  const KEY = 'sk-live-0123456789';
  it('masks a secret the cut split, down to its first 4 characters, and no shorter', () => {
    expect(redactCut(`echo: ${KEY.slice(0, 10)}`, [KEY], true)).toBe('echo: ***');
    expect(redactCut('echo: sk-l', [KEY], true)).toBe('echo: ***');
    // Three characters are too common a tail to call a secret.
    expect(redactCut('echo: sk-', [KEY], true)).toBe('echo: sk-');
  });
  it('masks whole secrets as redact does, and leaves a text that was not cut alone at its end', () => {
    expect(redactCut(`a ${KEY} b sk-l`, [KEY], true)).toBe('a *** b ***');
    expect(redactCut(`a ${KEY} b sk-l`, [KEY], false)).toBe('a *** b sk-l');
  });
});

describe('secrets in URLs', () => {
  it('userinfo, raw and decoded, and credential-like query values, raw and encoded', () => {
    expect(urlSecrets('https://user%40x:p%20ss@api.example/v1?key=k1&api_key=k%202&q=plain&Token=t3')).toEqual([
      'user%40x',
      'user@x',
      'p%20ss',
      'p ss',
      'k1',
      'k 2',
      'k%202',
      't3',
    ]);
    expect(urlSecrets('https://:pw@api.example/')).toEqual(['pw']);
    expect(urlSecrets('https://api.example/v1?q=1&apikey=&x-goog-api-key=g')).toEqual(['g']);
    expect(urlSecrets('https://u%ZZ@api.example/')).toEqual(['u%ZZ']);
    expect(urlSecrets('not a url')).toEqual([]);
  });

  it('names only the listed parameters, whole', () => {
    for (const k of [
      'key',
      'api-key',
      'api_key',
      'apikey',
      'token',
      'access_token',
      'access-token',
      'accesstoken',
      'auth',
      'secret',
      'password',
      'sig',
      'signature',
      'x-goog-api-key',
      'code',
      'KEY',
    ])
      expect(urlSecrets(`https://a.example/?${k}=v1`), k).toEqual(['v1']);
    for (const k of ['monkey', 'keys', 'api--key', 'author', 'signed', 'apiXkey', 'accessXtoken'])
      expect(urlSecrets(`https://a.example/?${k}=v1`), k).toEqual([]);
  });

  it('a URL fit to show: userinfo and credential values replaced, the rest as it was', () => {
    expect(displayUrl('https://user:pw@api.example/v1?key=k1&q=a%20b')).toBe(
      'https://***@api.example/v1?key=***&q=a+b',
    );
    expect(displayUrl('https://:pw@api.example/')).toBe('https://***@api.example/');
    expect(displayUrl('https://api.example/v1?q=1')).toBe('https://api.example/v1?q=1');
    expect(displayUrl('not a url')).toBe('not a url');
  });
});

describe('many secrets: the index finds the ones a text holds', () => {
  // The rule itself, secret by secret: what redact and redactCut must agree with however they find them.
  const oneByOne = (text: string, secrets: readonly string[], cutShort = false): string => {
    let out = text;
    for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
    if (!cutShort) return out;
    for (const s of secrets) {
      for (let k = Math.min(s.length - 1, out.length); k >= 4; k--) {
        if (out.endsWith(s.slice(0, k))) {
          out = `${out.slice(0, -k)}***`;
          break;
        }
      }
    }
    return out;
  };
  /** A key-like run of hex digits, the same for the same seed. */
  const hex = (seed: string, length: number) => createHash('sha256').update(seed).digest('hex').slice(0, length);
  const keysOf = (count: number) => Array.from({ length: count }, (_, i) => `sk-${i}-${hex(String(i), 24)}`);

  // Lists long enough to be indexed, of short keys that overlap and hold `*`,
  // some beside "Bearer <key>" as secretParts makes them, and texts made of
  // pieces of them.
  const listAndText = fc
    .array(
      fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', '*', '-'), minLength: 2, maxLength: 13 }), fc.boolean()),
      {
        minLength: 16,
        maxLength: 55,
      },
    )
    .map((keys) => keys.flatMap(([k, bearer]) => (bearer ? [k, `Bearer ${k}`] : [k])))
    .chain((secrets) =>
      fc
        .array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom('a', 'b', '*', ' '), maxLength: 3 }),
            fc.nat(),
            fc.option(fc.nat(), { nil: undefined }),
            fc.nat(),
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((pieces) => ({
          secrets,
          text: pieces
            .map(([lead, which, from, length]) => {
              const s = secrets[which % secrets.length]!;
              const start = from === undefined ? 0 : from % s.length;
              return lead + s.slice(start, start + 1 + (length % (s.length + 2)));
            })
            .join(''),
        })),
    );

  it('gives what trying every secret in turn gives, on texts made of pieces of the secrets', () => {
    fc.assert(
      fc.property(listAndText, ({ secrets, text }) => {
        expect(redact(text, secrets)).toBe(oneByOne(text, secrets));
        expect(redactCut(text, secrets, true)).toBe(oneByOne(text, secrets, true));
        const own = secrets.slice(0, 3);
        expect(redactCut(text, own, true, secrets)).toBe(oneByOne(text, [...own, ...secrets], true));
        expect(redact(text, own, secrets)).toBe(oneByOne(text, [...own, ...secrets]));
      }),
      { numRuns: 300 },
    );
  });

  it('masks a real key among thousands, and its beginning at the end of a cut body', () => {
    const keys = keysOf(2000);
    const secrets = keys.flatMap((k) => [k, `Bearer ${k}`]);
    const key = keys[1234]!;
    expect(redact(`authorization: Bearer ${key}`, secrets)).toBe('authorization: Bearer ***');
    expect(redactCut(`{"echo":"${key.slice(0, 12)}`, secrets, true)).toBe('{"echo":"***');
    expect(redact('nothing here', secrets)).toBe('nothing here');
    // All but the last character of the longest secret: the longest beginning a cut can leave.
    const longest = secrets.reduce((a, b) => (b.length > a.length ? b : a));
    const cutText = `x ${longest.slice(0, -1)}`;
    expect(redactCut(cutText, secrets, true)).toBe(oneByOne(cutText, secrets, true));
    expect(redactCut(cutText, secrets, true)).toBe('x Bearer ***');
    const token = `tok-${hex('token', 60)}`;
    expect(redactCut(`x ${token.slice(0, -1)}`, [...secrets, token], true)).toBe('x ***');
  });

  // The point of the index: a run redacts thousands of texts with thousands of
  // secrets, and must not try each secret on each text.
  it('looks at the secrets a text can hold, not at all of them, once the list is prepared', () => {
    const keys = keysOf(2000);
    let reads = 0;
    const secrets = new Proxy(keys, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver);
      },
    });
    redact('first text: prepares the index', secrets);
    reads = 0;
    expect(redact(`echo ${keys[7]} and nothing else`, secrets)).toBe('echo *** and nothing else');
    expect(redactCut(`cut ${keys[9]!.slice(0, 10)}`, secrets, true)).toBe('cut ***');
    expect(redact('a text with no key in it at all, of some length', secrets)).toBe(
      'a text with no key in it at all, of some length',
    );
    expect(reads).toBeLessThan(20);
  });

  it("tries a secret with a * even where only an earlier secret's *** completes it", () => {
    const secrets = ['abab', '-***-', ...Array.from({ length: 20 }, (_, i) => `filler-${i}-key`)];
    expect(redact('<-abab->', secrets)).toBe(oneByOne('<-abab->', secrets));
    expect(redact('<-abab->', secrets)).toBe('<***>');
  });
});
