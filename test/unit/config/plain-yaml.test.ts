// The quick reader of plain block YAML either gives up or builds exactly what the
// full parser builds: the same kinds of node, values and offsets (the offsets name
// an entry's line). Checked on the examples, the broken configs, hand-picked
// corners and generated documents with YAML's own syntax sprinkled in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from 'yaml';
import { readPlainYaml } from '../../../src/config/plain-yaml.js';
import { BROKEN } from '../../support/broken-configs.js';

function shape(n: unknown): unknown {
  if (isMap(n))
    return {
      map: n.range?.[0],
      items: n.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')),
    };
  if (isSeq(n)) return { seq: n.range?.[0], items: n.items.map(shape) };
  if (isScalar(n)) return { scalar: n.range?.[0], value: n.value, type: typeof n.value };
  return n === null || n === undefined ? null : 'other';
}

/** Null when the quick reader gave up; otherwise it must match the full parser. */
function agrees(text: string): boolean {
  const quick = readPlainYaml(text);
  if (!quick) return false;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  expect(
    doc.errors.map((e) => e.message),
    JSON.stringify(text),
  ).toEqual([]);
  expect(
    doc.warnings.map((e) => e.message),
    JSON.stringify(text),
  ).toEqual([]);
  expect(shape(quick.contents), JSON.stringify(text)).toEqual(shape(doc.contents as Node));
  expect(quick.lines.lineStarts).toEqual(lines.lineStarts);
  return true;
}

const ROOT = join(import.meta.dirname, '../../..');

describe('readPlainYaml', () => {
  it('reads the examples as the full parser does', () => {
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'));
    let read = 0;
    for (const f of files) if (agrees(readFileSync(join(ROOT, 'examples', f), 'utf8'))) read++;
    expect(read).toBeGreaterThan(0);
  });

  it('reads a config of many endpoints, comments and lists at the key indent', () => {
    const text = [
      '# routes',
      'defaults:',
      '  origin: https://example.com   # the page',
      '  method: POST',
      '  headers: [authorization, content-type]',
      '  credentials: omit',
      '  actual: true',
      '  retries: 2',
      'endpoints:',
      '- name: "quoted: yes"',
      "  url: 'http://127.0.0.1:9/v1/a#frag'",
      '',
      '  - not an item of the list above',
    ].join('\n');
    // The last line is indented as no node is: the full parser decides.
    expect(readPlainYaml(text)).toBeNull();
    expect(agrees(text.split('\n').slice(0, -2).join('\n') + '\n')).toBe(true);
    const many = ['endpoints:'];
    for (let i = 0; i < 50; i++)
      many.push(`  - name: r-${i}`, `    url: http://127.0.0.1:9/v${i}`, '    headers:', '      x-k: v', '      n: 3');
    expect(agrees(many.join('\n'))).toBe(true);
  });

  it.each([
    'a: 1\nb:\n  - x\n  -\n    - y\n  - - z\n',
    'a: [x, y ,z]\nb: []\nc: "d # e" # f\n',
    'a: b#c\nd: e:f\ng: http://x/{y}[z]\n',
    'a: True\nb: FALSE\nc: 0012\nd: 123456789012345\n',
    '- a: 1\n  b: 2\n- c: 3\n',
    '  a: 1\n  b: 2\n',
  ])('agrees on %j', (text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  x\n',
    'a: "x\\ny"\n',
    "a: 'it''s'\n",
    'a: {b: c}\n',
    'a:\nb: 1\n',
    'a: null\n',
    'a: ~\n',
    'a: 1.5\n',
    'a: -1\n',
    'a: 0x10\n',
    'a: x\n  y\n',
    'a: 1\na: 2\n',
    'a: [x,\n  y]\n',
    'a: [x, y,]\n',
    '"a": 1\n',
    'true: 1\n',
    'a: b: c\n',
    '---\na: 1\n',
    'a: 1\r\n',
    'a:\t1\n',
    '\ufeffa: 1\n',
    'just text\n',
    '? a\n: b\n',
    'a: "x"y\n',
  ])('gives up on %j', (text) => {
    expect(readPlainYaml(text)).toBeNull();
  });

  it('never disagrees with the full parser on the broken configs', () => {
    for (const b of BROKEN) {
      const text = (typeof b.text === 'string' ? b.text : b.text()).replaceAll('%URL%', 'http://127.0.0.1:9');
      const quick = readPlainYaml(text);
      if (!quick) continue;
      const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
      // Where the file is valid YAML, the problem is the config's: the same nodes say it.
      if (doc.errors.length === 0) expect(shape(quick.contents), b.kind).toEqual(shape(doc.contents as Node));
      else expect.unreachable(`${b.kind}: read a document the full parser refuses`);
    }
  });

  it('never disagrees with the full parser on generated documents', () => {
    const text = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom('a', 'http://127.0.0.1:9/v1', 'true', 'False', '12', '0', 'b c', 'é🙂', 'x: y', ''),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
    const key = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'name', 'url', 'x-k') },
      { weight: 1, arbitrary: text },
    );
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.nat(),
        fc.boolean(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
      ),
    }));
    const tokens = [
      '&a ',
      '*a',
      '!t ',
      '? ',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '|',
      '#',
      ' #',
      '"',
      "'",
      '\n',
      '  ',
      ' ',
      ':',
    ];
    const doc = fc
      .tuple(
        fc.dictionary(key, node, { minKeys: 1, maxKeys: 4 }),
        fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...tokens)), { maxLength: 2 })),
      )
      .map(([value, flow, edits]) => {
        let text = stringify(value, flow ? { collectionStyle: 'flow', flowCollectionPadding: false } : {});
        for (const [at, token] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + token + text.slice(i);
        }
        return text;
      });
    let read = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const quick = readPlainYaml(text);
        if (!quick) return;
        const full = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
        expect(
          full.errors.map((e) => e.message),
          JSON.stringify(text),
        ).toEqual([]);
        expect(shape(quick.contents), JSON.stringify(text)).toEqual(shape(full.contents as Node));
        read++;
      }),
      { numRuns: 3000 },
    );
    expect(read, `${read} of 3000 read`).toBeGreaterThan(400);
  });
});
