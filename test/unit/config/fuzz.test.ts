// Whatever document the loader is given, it either loads it or refuses it with a
// ConfigError; it never throws anything else and never takes long.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/errors.js';

const KEYS = [
  'name',
  'url',
  'paths',
  'origin',
  'origins',
  'method',
  'headers',
  'credentials',
  'actual',
  'body',
  'models',
  'expect',
  'client',
  'clients',
  'style',
  'browser',
  'auth',
  'issue',
  'repo',
  'number',
  'labels',
  'value',
  'secret',
  'env',
  'defaults',
  'endpoints',
  'authorization',
  'x-api-key',
  'content-type',
  'x',
];
const TEXT = [
  'http://127.0.0.1:9/v1/chat',
  'https://example.com',
  'https://example.com/',
  'ftp://x',
  'GET',
  'POST',
  'patch',
  'CONNECT',
  'omit',
  'include',
  'pass',
  'fail',
  'chromium',
  'firefox',
  'o/r',
  '/v1/models',
  'v1',
  'openai',
  'gemini',
  'fetch',
  'openai-node',
  '*',
  'a\nb',
  '',
  ' ',
  '~',
  'null',
  'true',
  '0x10',
  '1e400',
  '.nan',
  '{{model}}',
  '%',
  '🙂',
  '\u202e',
  '\u0000',
];

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const scalar = fc.oneof(
  fc.constantFrom(...TEXT),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  ),
}));
/** Half the entries start from a valid name and url, so that loading is exercised too. */
const endpoint = fc.oneof(
  { weight: 1, arbitrary: fc.dictionary(key, node, { maxKeys: 8 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.constantFrom('http://127.0.0.1:9/v1/chat', 'https://api.example/v1'),
        fc.dictionary(key, node, { maxKeys: 3 }),
      )
      .map(([name, url, rest]) => ({ ...rest, name, url })),
  },
);
const shaped = fc.oneof(
  fc.record({ endpoints: fc.array(endpoint, { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.record({ defaults: endpoint, endpoints: fc.array(endpoint, { maxLength: 4 }) }, { requiredKeys: ['endpoints'] }),
  fc.array(endpoint, { maxLength: 4 }),
  node,
);

/** YAML's own syntax, inserted anywhere: anchors, aliases, tags, flow, block scalars, documents, tabs. */
const TOKENS = [
  '&a ',
  '*a',
  '*b',
  '&b ',
  '!!binary ',
  '!!timestamp ',
  '!!set ',
  '!!omap ',
  '!foo ',
  '!!str ',
  '<<: *a\n',
  '? ',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>-',
  '\t',
  '\n',
  '\n---\n',
  '...',
  '#',
  '"',
  "'",
  '%YAML 1.1\n',
  '%TAG ! tag:x:\n',
  '\r',
  '\u00a0',
  '\ufeff',
  '@',
  '`',
];

const mutated = fc
  .tuple(shaped, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)), { maxLength: 4 }))
  .map(([doc, edits]) => {
    let text = stringify(doc ?? null);
    for (const [at, token] of edits) {
      const i = text.length ? at % (text.length + 1) : 0;
      text = text.slice(0, i) + token + text.slice(i);
    }
    return text;
  });

/** Refers to anchors many times over, at many depths. */
const aliasHeavy = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 })).map(([depth, width]) => {
  const lines = ['x0: &x0 {name: n, url: "http://127.0.0.1:9/"}'];
  for (let i = 1; i <= depth; i++)
    lines.push(`x${i}: &x${i} [${Array.from({ length: width }, () => `*x${i - 1}`).join(', ')}]`);
  return `defaults: {}\nendpoints:\n${lines.map((l) => `  - ${l}`).join('\n')}\n  - *x${depth}\n`;
});

const tally = { loaded: 0, refused: 0 };

function loadsOrRefuses(text: string): void {
  try {
    const endpoints = parseConfig({ file: 'fuzz.yml', text });
    tally.loaded++;
    expect(Array.isArray(endpoints)).toBe(true);
    for (const e of endpoints) {
      expect(typeof e.url).toBe('string');
      expect(() => new URL(e.url)).not.toThrow();
      for (const [n, v] of e.headers) expect(`${n}${v}`).not.toMatch(/[\r\n\0]/);
    }
  } catch (err) {
    tally.refused++;
    if (!(err instanceof ConfigError)) {
      throw new Error(`not a ConfigError for ${JSON.stringify(text)}: ${(err as Error)?.stack ?? String(err)}`);
    }
    expect(err.message).not.toMatch(/\n/);
  }
}

// CI runs a fixed seed, so a run is reproducible and a landing cannot fail on a
// newly drawn case; local runs draw new cases each time (FC_SEED repeats one).
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261126 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

describe('the config loader on generated documents', () => {
  test('structured documents: loads or ConfigError', () => {
    tally.loaded = 0;
    fc.assert(
      fc.property(
        shaped.map((d) => stringify(d ?? null)),
        loadsOrRefuses,
      ),
      { numRuns: 600 },
    );
    // The generator reaches valid documents too, not only the first error.
    expect(tally.loaded).toBeGreaterThan(0);
  });

  test('structured documents with YAML syntax inserted: loads or ConfigError', () => {
    fc.assert(fc.property(mutated, loadsOrRefuses), { numRuns: 1200 });
  });

  test('arbitrary text: loads or ConfigError', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), loadsOrRefuses), { numRuns: 600 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), loadsOrRefuses), { numRuns: 300 });
  });

  test('alias-heavy documents: refused or loaded without expanding', () => {
    fc.assert(fc.property(aliasHeavy, loadsOrRefuses), { numRuns: 100 });
  });
});
