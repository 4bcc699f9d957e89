// Generators of config documents for property tests: structured documents built
// from the config's own keys and telling values, the same with YAML syntax
// inserted anywhere, and alias-heavy ones. The loader's fuzz test and the JSON
// Schema's agreement test draw from the same ones.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ENTRY_KEYS } from '../../src/config/yaml.js';

/** The config's own keys (as the loader lists them), the keys inside them, and a stranger. */
export const KEYS = [
  ...ENTRY_KEYS,
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
export const TEXT = [
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

export const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
export const scalar = fc.oneof(
  fc.constantFrom(...TEXT),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
export const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  ),
}));
/** Half the entries start from a valid name and url, so that loading is exercised too. */
export const endpoint = fc.oneof(
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
export const shaped = fc.oneof(
  fc.record({ endpoints: fc.array(endpoint, { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.record({ defaults: endpoint, endpoints: fc.array(endpoint, { maxLength: 4 }) }, { requiredKeys: ['endpoints'] }),
  fc.array(endpoint, { maxLength: 4 }),
  node,
);

/** YAML's own syntax, inserted anywhere: anchors, aliases, tags, flow, block scalars, documents, tabs. */
export const TOKENS = [
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

export const mutated = fc
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
export const aliasHeavy = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }))
  .map(([depth, width]) => {
    const lines = ['x0: &x0 {name: n, url: "http://127.0.0.1:9/"}'];
    for (let i = 1; i <= depth; i++)
      lines.push(`x${i}: &x${i} [${Array.from({ length: width }, () => `*x${i - 1}`).join(', ')}]`);
    return `defaults: {}\nendpoints:\n${lines.map((l) => `  - ${l}`).join('\n')}\n  - *x${depth}\n`;
  });
