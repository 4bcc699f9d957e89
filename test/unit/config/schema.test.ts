// schema/cors-gate.schema.json, the JSON Schema editors check the config with, is
// written by hand; these tests keep it and the loader (src/config/) from drifting
// apart. Every example config passes both. Every broken config the loader refuses,
// the schema refuses too, but for the short list of EXCEPTIONS below that no JSON
// Schema can see. Whatever generated document the loader accepts, the schema
// accepts; and for plausible documents, what the schema accepts the loader accepts
// too, or refuses for one of those EXCEPTIONS.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { HEADER_NAME } from '../../../src/config/headers.js';
import { loadConfig } from '../../../src/config/load.js';
import { BROWSERS, CREDENTIALS, DEFAULT_KEYS, ENTRY_KEYS, EXPECTS, METHOD } from '../../../src/config/yaml.js';
import { ConfigError } from '../../../src/errors.js';
import { CLIENT_NAMES } from '../../../src/presets/clients.js';
import { API_STYLES } from '../../../src/presets/requests.js';
import { BROKEN } from '../../support/broken-configs.js';
import { mutated, shaped } from '../../support/config-fuzz.js';
import { ROOT } from '../../support/spawn.js';

const SCHEMA_FILE = join(ROOT, 'schema/cors-gate.schema.json');
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/cors-gate.schema.json';

type Json = Record<string, unknown>;
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json & { $defs: Record<string, Json> };
const defs = schema.$defs;

// Strict: a keyword ajv does not know, or one that cannot apply to the type, is an error.
// YAML has .nan and .inf, which JSON has not: they are numbers here too.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, strictNumbers: false });
const validate = ajv.compile(schema);

/**
 * What the loader refuses and the schema cannot: each with why, and the loader's
 * words for it. A broken config the schema accepts must be one of these.
 */
const EXCEPTIONS: { what: string; why: string; problem: RegExp; example?: string }[] = [
  {
    what: 'YAML syntax and document rules (indentation, tabs, several documents, duplicate keys, undefined aliases)',
    why: 'the editor’s YAML parser reports them itself: there is no value for a schema to check',
    problem: /^YAML: |refers to no anchor/,
  },
  {
    what: 'more than 100 aliases',
    why: 'a limit of the reader, not a shape: expanded, the value is as valid as its parts',
    problem: /more than 100 aliases/,
  },
  {
    what: 'a file over 1 MiB',
    why: 'a schema sees the value, not the size of the text',
    problem: /the limit is 1048576/,
  },
  {
    what: 'duplicate endpoint names, and two rows that would share an endpoint id',
    why: 'JSON Schema compares whole items (uniqueItems), not one property across them, nor names built from name, client and url',
    problem: /duplicate endpoint name|would share the endpoint id/,
  },
  {
    what: 'headers or auth from an environment variable that is not set',
    why: 'the environment exists only when cors-gate runs',
    problem: /the environment variable \S+ is not set or empty/,
  },
  {
    what: 'a GET or HEAD request with a body',
    why: 'the method comes from defaults, the endpoint or a style’s route, and a preset drops the body: decided on the merged row',
    problem: /request cannot have a body/,
    example: 'endpoints:\n  - name: a\n    url: https://a.example/v1\n    method: GET\n    body: "{}"\n',
  },
  {
    what: 'a URL the URL parser refuses once its scheme is right (a bad host or port)',
    why: 'the WHATWG URL parser is beyond a pattern; the schema checks the scheme, white space, and an origin’s shape',
    problem: /is not a valid URL/,
    example: 'endpoints:\n  - name: a\n    url: https://a.example:99999/v1\n',
  },
  {
    what: 'host-permissions: true where an origin it applies to is not a browser extension’s',
    why: 'the origins may come from defaults, or be the default origin: decided on the merged entry',
    problem: /host-permissions.*: true applies to a browser extension's origin/,
    example: 'endpoints:\n  - name: a\n    url: https://a.example/v1\n    host-permissions: true\n',
  },
  {
    what: 'config entries that expand to no row at all (paths: [])',
    why: 'whether any row is left is known after every entry is expanded',
    problem: /no endpoints to check/,
    example: 'endpoints:\n  - name: a\n    url: https://a.example/v1\n    paths: []\n',
  },
];

function exceptionFor(problem: string) {
  return EXCEPTIONS.find((e) => e.problem.test(problem));
}

/**
 * The value an editor's YAML server checks: the document as JSON-like data, or why
 * YAML itself refuses it (its syntax, or an alias expansion past the YAML reader's limit).
 */
function yamlValue(text: string): { value: unknown } | { yaml: 'syntax' | 'aliases' } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length) return { yaml: 'syntax' };
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { yaml: 'aliases' };
  }
}

function jsonOf(text: string): unknown {
  const v = yamlValue(text);
  if (!('value' in v)) throw new Error(`YAML refuses ${JSON.stringify(text)}: ${v.yaml}`);
  return v.value;
}

function schemaAccepts(value: unknown): boolean {
  return validate(value) === true;
}

function errorsOf(value: unknown): string {
  validate(value);
  return JSON.stringify(validate.errors?.slice(0, 3));
}

/** Loads the text; the refusal's problem, or null when it loads. */
function loaderProblem(text: string, env: Record<string, string | undefined> = {}): string | null {
  try {
    loadConfig([{ file: 'c.yml', text }], { env });
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err.problem;
    throw err;
  }
}

/** Resolves a local $ref, once or several times. */
function resolveRef(s: Json): Json {
  let out = s;
  while (typeof out.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(out.$ref)?.[1];
    expect(name, out.$ref).toBeDefined();
    out = defs[name!]!;
    expect(out, String(s.$ref)).toBeDefined();
  }
  return out;
}

describe('the schema', () => {
  test('is a valid draft 2020-12 schema that ajv compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  test('an endpoint and defaults have exactly the keys the loader reads', () => {
    expect(Object.keys(defs.endpoint!.properties as Json).sort()).toEqual([...ENTRY_KEYS].sort());
    expect(Object.keys(defs.defaults!.properties as Json).sort()).toEqual([...DEFAULT_KEYS].sort());
    // A key means the same in defaults as on an endpoint.
    for (const k of DEFAULT_KEYS)
      expect((defs.defaults!.properties as Json)[k], k).toEqual((defs.endpoint!.properties as Json)[k]);
    expect(defs.endpoint!.required).toEqual(['name', 'url']);
  });

  test('every property says what it is', () => {
    const missing: string[] = [];
    const walk = (s: Json, path: string) => {
      for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
        const here = `${path}.${k}`;
        if (typeof sub.description !== 'string' && typeof resolveRef(sub).description !== 'string') missing.push(here);
        walk(resolveRef(sub), here);
        for (const branch of (resolveRef(sub).anyOf ?? []) as Json[]) walk(resolveRef(branch), here);
      }
    };
    walk(schema, '');
    for (const [name, def] of Object.entries(defs)) {
      walk(def, `$defs.${name}`);
      for (const branch of (def.anyOf ?? []) as Json[]) walk(branch, `$defs.${name}`);
    }
    expect(missing).toEqual([]);
  });

  test('its enums are the values the loader takes, and its patterns the loader’s', () => {
    expect(defs.expect!.enum).toEqual([...EXPECTS]);
    expect(defs.credentials!.enum).toEqual([...CREDENTIALS]);
    expect(defs.browser!.enum).toEqual([...BROWSERS]);
    expect(defs.style!.enum).toEqual([...API_STYLES]);
    expect(defs.headerName!.pattern).toBe(HEADER_NAME.source);
    const method = defs.method!.anyOf as Json[];
    expect(method[1]!.pattern).toBe(METHOD.source);
    // Every method offered for completion loads.
    for (const m of method[0]!.enum as string[])
      expect(
        loaderProblem(`endpoints:\n  - name: a\n    url: https://a.example\n    method: ${m}\n    actual: false\n`),
      ).toBe(null);
  });

  // The client presets are being added to; the code is the one place to change.
  // UPDATE_SCHEMA=1 rewrites the schema's list and pattern from it.
  test('the clients it offers are the presets the code has', () => {
    const [names, variants] = defs.clientName!.anyOf as [{ enum: string[] }, { pattern: string }];
    const pattern = clientPattern();
    if (
      process.env.UPDATE_SCHEMA &&
      (JSON.stringify(names.enum) !== JSON.stringify(CLIENT_NAMES) || variants.pattern !== pattern)
    ) {
      let text = readFileSync(SCHEMA_FILE, 'utf8');
      const start = text.indexOf('"enum": [', text.indexOf('"clientName"'));
      const end = text.indexOf(']', start) + 1;
      const indent = ' '.repeat(12);
      const list = `"enum": [\n${CLIENT_NAMES.map((c) => `${indent}${JSON.stringify(c)}`).join(',\n')}\n          ]`;
      text = text.slice(0, start) + list + text.slice(end);
      const at = text.indexOf('"pattern": ', text.indexOf('"clientName"'));
      const stop = text.indexOf('\n', at);
      writeFileSync(SCHEMA_FILE, `${text.slice(0, at)}"pattern": ${JSON.stringify(pattern)}${text.slice(stop)}`);
      return;
    }
    const update = 'run UPDATE_SCHEMA=1 npx vitest run test/unit/config/schema.test.ts';
    expect(names.enum, `schema/cors-gate.schema.json $defs.clientName: ${update}`).toEqual([...CLIENT_NAMES]);
    expect(variants.pattern, `schema/cors-gate.schema.json $defs.clientName: ${update}`).toBe(pattern);
  });
});

/** A preset with a call kind (after / for an SDK, : for a Vercel AI provider) and a major, as the loader reads them. */
function clientPattern(): string {
  const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => (c === '-' || c === '/' ? c : `\\${c}`));
  const presets = CLIENT_NAMES.filter((c) => c !== 'fetch');
  const sdks = presets.filter((c) => !c.startsWith('vercel-ai/')).map(quote);
  const vercel = presets.filter((c) => c.startsWith('vercel-ai/')).map(quote);
  return `^(?:(?:${sdks.join('|')})(?:/[A-Za-z0-9_-]+)?|(?:${vercel.join('|')})(?::[A-Za-z0-9_-]+)?)(?:@[0-9]+)?$`;
}

/** The example configs: examples/*.yml that are not workflows, and the config blocks of the docs. */
function exampleFiles(): string[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(dir, f))
    .filter((f) => !('jobs' in ((parseDocument(readFileSync(f, 'utf8')).toJS() ?? {}) as Json)));
}

function docBlocks(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const file of ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)]) {
    const md = readFileSync(join(ROOT, file), 'utf8');
    for (const m of md.matchAll(/```yaml\n([\s\S]*?)```/g)) {
      const value = parseDocument(m[1]!).toJS() as Json | null;
      if (value && typeof value === 'object' && 'endpoints' in value && !('jobs' in value))
        out.push({ where: `${file} at ${md.slice(0, m.index).split('\n').length}`, text: m[1]! });
    }
  }
  return out;
}

/** Every variable is set, so that `env:` examples load. */
const ANY_ENV = new Proxy({}, { get: () => 'cors-gate-example-value' }) as Record<string, string>;

describe('the examples', () => {
  const files = exampleFiles();

  test('are there', () => {
    expect(files.map((f) => f.slice(ROOT.length + 1)).sort()).toEqual([
      'examples/issues-config.yml',
      'examples/llm-providers.yml',
      'examples/local-servers.yml',
    ]);
    expect(docBlocks().length).toBeGreaterThanOrEqual(3);
  });

  test.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s names the schema, passes it and loads', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(SCHEMA_LINE);
    const target = resolve(dirname(file), SCHEMA_LINE.split('$schema=')[1]!);
    expect(target).toBe(SCHEMA_FILE);
    const value = jsonOf(text);
    expect(schemaAccepts(value), errorsOf(value)).toBe(true);
    expect(loaderProblem(text, ANY_ENV)).toBe(null);
  });

  test('every config block of the README and docs passes the schema and loads', () => {
    for (const { where, text } of docBlocks()) {
      const value = jsonOf(text);
      expect(schemaAccepts(value), `${where}: ${errorsOf(value)}`).toBe(true);
      expect(loaderProblem(text, ANY_ENV), where).toBe(null);
    }
  });
});

/** The exceptions met by a broken config or a plausible document the schema accepts and the loader refuses. */
const met = new Set<string>();

describe('broken configs', () => {
  const URL = 'http://127.0.0.1:9';

  test.each(EXCEPTIONS.filter((e) => e.example).map((e) => [e.what, e]))(
    'an exception no broken config shows: %s',
    (_, e) => {
      const problem = loaderProblem(e.example!);
      expect(problem).toMatch(e.problem);
      expect(schemaAccepts(jsonOf(e.example!))).toBe(true);
      met.add(e.what);
    },
  );

  test.each(BROKEN.map((c) => [c.kind, c]))('%s: the schema refuses it, or it is an exception', (_, c) => {
    const text = (typeof c.text === 'function' ? c.text() : c.text).replaceAll('%URL%', URL);
    const problem = loaderProblem(text);
    expect(problem, 'the loader refuses it').not.toBe(null);
    const parsed = yamlValue(text);
    if (!('value' in parsed)) {
      // YAML refuses it before any schema: as the loader does, which says so.
      const exception = EXCEPTIONS[parsed.yaml === 'syntax' ? 0 : 1]!;
      if (parsed.yaml === 'syntax') expect(problem).toMatch(exception.problem);
      met.add(exception.what);
      return;
    }
    if (schemaAccepts(parsed.value)) {
      const exception = exceptionFor(problem!);
      expect(exception?.what, `the schema accepts a config the loader refuses: ${problem}`).toBeDefined();
      met.add(exception!.what);
    }
  });
});

// --- Generated documents ---

/** Values per key in the forms people write: the ones the loader takes, and mistakes. */
const VALUES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  url: {
    good: ['https://api.example.com/v1/chat/completions', 'http://127.0.0.1:9/v1', 'HTTPS://API.example.com'],
    bad: ['ftp://x', 'example.com/v1', 'https://a b', 'https://a.example:99999/v1', ''],
  },
  paths: { good: [['/chat/completions', '/models'], '/v1/messages', []], bad: [['v1'], ['/a b'], [null]] },
  origin: {
    good: [
      'https://app.example.com',
      'http://localhost:3000/',
      'http://127.0.0.1:5173',
      null,
      'null',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://0b6c2e4a-3f1d-4c55-9a7e-2d1b8c9e0f11',
      'safari-web-extension://ABCDEF12-3456',
      'app://obsidian.md',
      'tauri://localhost',
    ],
    bad: [
      'https://a.example/chat',
      'file:///x',
      'https://a.example?x',
      'https://a.example/#x',
      7,
      'ftp://x',
      'FTP://x',
      'chrome-extension://ABC',
      'moz-extension://nope',
      'app://obsidian.md/notes',
      'app://me:pw@obsidian.md',
      'obsidian.md',
    ],
  },
  origins: {
    good: [['https://a.example', 'http://localhost:5173'], ['https://b.example/']],
    bad: [[], 'https://a.example'],
  },
  method: {
    good: ['GET', 'POST', 'patch', 'PUT', 'HEAD', 'DELETE', 5],
    bad: ['CONNECT', 'trace', 'GET POST', true, null],
  },
  headers: {
    good: [
      ['authorization', 'content-type'],
      [],
      { 'content-type': 'application/json', 'x-n': 5, 'x-b': true, 'x-e': '' },
      { 'x-api-key': { env: 'CG_SET' } },
      { 'x-api-key': { value: 'k', secret: true }, 'x-b': { env: 'CG_SET', secret: false } },
    ],
    bad: [
      ['x bad'],
      { 'x-api-key': { env: 'CG_UNSET' } },
      { 'x-api-key': { value: 'k', env: 'CG_SET' } },
      { 'x-api-key': { secret: true } },
      { 'x-a': 'one\ntwo' },
      { 'x-a': null },
      { 'x a': 'v' },
      'authorization',
    ],
  },
  credentials: { good: ['omit', 'include'], bad: ['same-origin'] },
  'host-permissions': { good: [false, true], bad: ['yes', 1] },
  'address-space': { good: ['public', 'private', 'local'], bad: ['loopback', 'internet'] },
  actual: { good: [true, false], bad: ['no', 1] },
  body: { good: ['{"x":1}', 7], bad: ['', ' ', ['x']] },
  models: { good: [['gpt-4o-mini'], 'gpt-4o-mini', [1.5], []], bad: [[null], { a: 1 }] },
  expect: { good: ['pass', 'fail'], bad: ['maybe'] },
  client: { good: ['fetch', 'openai-sdk', ['anthropic-sdk', 'google-genai']], bad: ['vercel-ai', 'netscape-sdk', []] },
  clients: { good: [['fetch', 'openai-sdk', 'vercel-ai/openai-compatible'], 'vercel-ai/google'], bad: [[], ['nope']] },
  style: { good: ['openai', 'anthropic', 'gemini'], bad: ['cohere'] },
  browser: { good: ['chromium', 'firefox', 'safari'], bad: ['netscape'] },
  auth: { good: [{ env: 'CG_SET' }, 'sk-inline'], bad: [{ env: 'CG_UNSET' }, {}, { env: 'CG_SET', x: 1 }] },
  issue: {
    good: [{ repo: 'o/r' }, { number: 4, labels: ['a'] }, { labels: 'a' }, {}],
    bad: [{ repo: 'not a repo' }, { number: 0 }, { x: 1 }],
  },
  retries: { good: [0, 3, 10], bad: [11, -1, 1.5, '2'] },
  confirm: { good: [0, 2, 10], bad: [11, 'x'] },
};
const ENV = { CG_SET: 'sk-from-env' };

/** One value for the key: a good one four times in five. */
function pick(key: string, n: number): unknown {
  const pool = VALUES[key]!;
  const list = n % 5 === 0 ? pool.bad : pool.good;
  return list[Math.floor(n / 5) % list.length];
}

const entryOf = (keys: readonly string[]) =>
  fc
    .tuple(
      fc.subarray(
        keys.filter((k) => k !== 'name' && k !== 'url'),
        { maxLength: 5 },
      ),
      fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    )
    .map(([chosen, picks]) => Object.fromEntries(chosen.map((k, i) => [k, pick(k, picks[i]!)])));

/** Documents made of the config's keys with values people write, valid and not; names unique. */
const plausible = fc
  .tuple(
    fc.option(entryOf(DEFAULT_KEYS), { nil: undefined }),
    fc.array(fc.tuple(fc.nat(), entryOf(ENTRY_KEYS)), { minLength: 1, maxLength: 3 }),
  )
  .map(([defaults, entries]) => ({
    ...(defaults ? { defaults } : {}),
    endpoints: entries.map(([u, rest], i) => ({ name: `endpoint ${i}`, url: pick('url', u), ...rest })),
  }));

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261126 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

describe('generated documents', () => {
  test('whatever the loader accepts, the schema accepts (the loader fuzz test’s documents)', () => {
    let loaded = 0;
    const check = (text: string) => {
      if (loaderProblem(text, ENV) !== null) return;
      loaded++;
      const value = jsonOf(text);
      expect(schemaAccepts(value), `${JSON.stringify(text)}\n${errorsOf(value)}`).toBe(true);
    };
    fc.assert(
      fc.property(
        shaped.map((d) => stringify(d ?? null)),
        check,
      ),
      { numRuns: 600 },
    );
    fc.assert(fc.property(mutated, check), { numRuns: 600 });
    expect(loaded).toBeGreaterThan(0);
  });

  test('plausible documents: the schema and the loader agree, but for the exceptions', () => {
    const tally = { both: 0, neither: 0, exception: 0 };
    fc.assert(
      fc.property(plausible, (doc) => {
        const text = stringify(doc);
        const problem = loaderProblem(text, ENV);
        const accepted = schemaAccepts(jsonOf(text));
        if (problem === null) {
          expect(accepted, `the schema refuses what the loader accepts:\n${text}\n${errorsOf(doc)}`).toBe(true);
          tally.both++;
        } else if (accepted) {
          const exception = exceptionFor(problem);
          expect(exception, `the schema accepts what the loader refuses (${problem}):\n${text}`).toBeDefined();
          met.add(exception!.what);
          tally.exception++;
        } else tally.neither++;
      }),
      { numRuns: 1500 },
    );
    // Both sides are reached, so agreement is not by refusing everything.
    expect(tally.both).toBeGreaterThan(50);
    expect(tally.neither).toBeGreaterThan(50);
  });
});

// Runs last (a file's tests run in order): an exception nothing needs is dropped from the list.
test('every exception is needed: a broken config or a plausible document meets it', () => {
  expect(EXCEPTIONS.map((e) => e.what).filter((w) => !met.has(w))).toEqual([]);
});
