// YAML → validated endpoint list. The whole document is checked before anything
// is sent: every problem names the file, line and column.
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { normalizeMethod } from '../cors/fetch-rules.js';
import { ConfigError } from '../errors.js';
import { API_STYLES, type ApiStyle } from '../presets/catalog.js';
import { clientProblem } from '../presets/requests.js';
import { CREDENTIAL_HEADERS, isPlaceholder, PLACEHOLDER_KEY, secretParts } from '../secrets.js';
import type { Browser, CredentialsMode, HeaderLine, IssueTarget } from '../types.js';

export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;

/** What a config entry can say; defaults take the same keys but name/url. */
export interface EntrySpec {
  name?: string;
  url?: string;
  paths?: string[];
  origins?: string[];
  method?: string;
  headers?: HeaderLine[];
  secretHeaders?: string[];
  credentials?: CredentialsMode;
  actual?: boolean;
  body?: string;
  models?: string[];
  expect?: 'pass' | 'fail';
  client?: string;
  clients?: string[];
  style?: ApiStyle;
  browser?: Browser;
  auth?: string;
  issue?: IssueTarget;
  line: number;
}

export const DEFAULT_HEADERS: Record<string, string> = {
  authorization: `Bearer ${PLACEHOLDER_KEY}`,
  'content-type': 'application/json',
  'x-api-key': PLACEHOLDER_KEY,
  'api-key': PLACEHOLDER_KEY,
  'x-goog-api-key': PLACEHOLDER_KEY,
};

/** Environment variables, for `env: NAME` in the config. */
export type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  private aliases = 0;
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    readonly env: Env,
  ) {}

  error(node: Node | null | undefined, problem: string): ConfigError {
    const offset = node?.range?.[0];
    if (offset === undefined) return new ConfigError(this.file, 0, 0, problem);
    const pos = this.lines.linePos(offset);
    return new ConfigError(this.file, pos.line, pos.col, problem);
  }

  line(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 0 : this.lines.linePos(offset).line;
  }

  /** Follows aliases, with a cap so that a billion-laughs document cannot expand. */
  deref(node: unknown): Node | null {
    let n = node as Node | null;
    while (n && isAlias(n)) {
      if (++this.aliases > MAX_ALIASES)
        throw this.error(n, `more than ${MAX_ALIASES} aliases: the document is refused`);
      const target = n.resolve(this.doc) as Node | undefined;
      if (!target) throw this.error(n, `alias *${n.source} refers to no anchor defined before it`);
      n = target;
    }
    return n ?? null;
  }

  map(node: Node | null, what: string): Pair<Node, Node>[] {
    const n = this.deref(node);
    if (!n || !isMap(n)) throw this.error(n ?? node, `${what} must be a mapping (key: value), got ${describe(n)}`);
    return n.items as Pair<Node, Node>[];
  }

  seq(node: Node | null, what: string): Node[] {
    const n = this.deref(node);
    if (!n || !isSeq(n)) throw this.error(n ?? node, `${what} must be a list, got ${describe(n)}`);
    return n.items as Node[];
  }

  key(pair: Pair<Node, Node>): string {
    const k = this.deref(pair.key);
    if (!k || !isScalar(k) || typeof k.value !== 'string') throw this.error(k, 'keys must be plain text');
    return k.value;
  }

  string(node: Node | null, what: string): string {
    const n = this.deref(node);
    if (!n || !isScalar(n) || n.value === null || typeof n.value === 'object') {
      throw this.error(n ?? node, `${what} must be text, got ${describe(n)}`);
    }
    if (typeof n.value === 'boolean')
      throw this.error(n, `${what} must be text, got ${String(n.value)} (quote it if you meant the text)`);
    const s = String(n.value);
    if (s.trim() === '') throw this.error(n, `${what} must not be empty`);
    // Half of a surrogate pair cannot become a URL, a header or JSON text.
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))
      throw this.error(n, `${what} contains invalid Unicode (half of a surrogate pair)`);
    return s;
  }

  bool(node: Node | null, what: string): boolean {
    const n = this.deref(node);
    if (!n || !isScalar(n) || typeof n.value !== 'boolean')
      throw this.error(n ?? node, `${what} must be true or false, got ${describe(n)}`);
    return n.value;
  }

  int(node: Node | null, what: string): number {
    const n = this.deref(node);
    if (!n || !isScalar(n) || typeof n.value !== 'number' || !Number.isInteger(n.value) || n.value <= 0) {
      throw this.error(n ?? node, `${what} must be a positive whole number, got ${describe(n)}`);
    }
    return n.value;
  }

  oneOf<T extends string>(node: Node | null, what: string, allowed: readonly T[]): T {
    const s = this.string(node, what);
    if (!(allowed as readonly string[]).includes(s))
      throw this.error(this.deref(node), `${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(s)}`);
    return s as T;
  }

  strings(node: Node | null, what: string): string[] {
    const n = this.deref(node);
    if (n && isScalar(n)) return [this.string(n, what)];
    return this.seq(n, what).map((item, i) => this.string(item, `${what}[${i}]`));
  }
}

function describe(n: Node | null): string {
  if (!n) return 'nothing';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) {
    if (n.value === null) return 'null';
    if (typeof n.value === 'string')
      return `text ${JSON.stringify(n.value.length > 40 ? n.value.slice(0, 40) + '…' : n.value)}`;
    return `${typeof n.value} ${String(n.value)}`;
  }
  return 'something else';
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const METHOD = HEADER_NAME;

function checkUrl(r: Reader, node: Node | null, what: string, kind: 'url' | 'origin'): string {
  const s = r.string(node, what);
  let u: URL;
  if (/\s/.test(s)) throw r.error(r.deref(node), `${what} ${JSON.stringify(s)} contains white space`);
  try {
    u = new URL(s);
  } catch {
    throw r.error(r.deref(node), `${what} ${JSON.stringify(s)} is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw r.error(r.deref(node), `${what} must be an http:// or https:// URL, got ${JSON.stringify(s)}`);
  }
  if (kind === 'origin') {
    // A trailing slash is what people type; the browser's Origin never has one, so it is dropped.
    if (u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]/.test(s)) {
      throw r.error(
        r.deref(node),
        `${what} must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(s)}`,
      );
    }
    return u.origin;
  }
  return s;
}

function readHeaders(r: Reader, node: Node | null, spec: EntrySpec): void {
  const n = r.deref(node);
  const out: HeaderLine[] = [];
  const secret: string[] = [];
  const checkName = (name: string, at: Node | null) => {
    if (!HEADER_NAME.test(name))
      throw r.error(at, `header name ${JSON.stringify(name)} is not a valid HTTP header name`);
  };
  if (n && isSeq(n)) {
    for (const item of n.items as Node[]) {
      const name = r.string(item, 'headers[]');
      checkName(name, r.deref(item));
      out.push([name, DEFAULT_HEADERS[name.toLowerCase()] ?? PLACEHOLDER_KEY]);
    }
  } else if (n && isMap(n)) {
    for (const pair of n.items as Pair<Node, Node>[]) {
      const name = r.key(pair);
      checkName(name, pair.key);
      const v = r.deref(pair.value);
      if (v && isMap(v)) {
        let value: string | undefined;
        let isSecret: boolean | undefined;
        let fromEnv = false;
        for (const p of v.items as Pair<Node, Node>[]) {
          const k = r.key(p);
          if (k === 'value' || k === 'env') {
            if (value !== undefined) throw r.error(p.key, `headers.${name} takes value or env, not both`);
            if (k === 'value') value = r.string(p.value, `headers.${name}.value`);
            else {
              // From the environment, so a committed file never holds the key itself.
              const env = r.string(p.value, `headers.${name}.env`);
              const got = r.env[env];
              if (!got || got.trim() === '')
                throw r.error(r.deref(p.value), `headers.${name}: the environment variable ${env} is not set or empty`);
              value = got;
              fromEnv = true;
            }
          } else if (k === 'secret') isSecret = r.bool(p.value, `headers.${name}.secret`);
          else
            throw r.error(
              p.key,
              `unknown key ${JSON.stringify(k)} in headers.${name} (expected value or env, and secret)`,
            );
        }
        if (value === undefined) throw r.error(v, `headers.${name} needs a value (or env: NAME)`);
        // A value from the environment, or a credential, is a secret unless said otherwise.
        isSecret ??= fromEnv || (CREDENTIAL_HEADERS.has(name.toLowerCase()) && !isPlaceholder(value));
        if (/[\r\n\0]/.test(value)) throw r.error(v, `headers.${name}.value contains a line break or NUL`);
        if (isSecret) secret.push(...secretParts(value));
        out.push([name, value]);
      } else {
        const value =
          v && isScalar(v) && v.value !== null && typeof v.value !== 'object'
            ? String(v.value)
            : r.string(v, `headers.${name}`);
        if (/[\r\n\0]/.test(value)) throw r.error(v, `headers.${name} contains a line break or NUL`);
        if (CREDENTIAL_HEADERS.has(name.toLowerCase()) && !isPlaceholder(value)) secret.push(...secretParts(value));
        out.push([name, value]);
      }
    }
  } else {
    throw r.error(n ?? node, `headers must be a list of names or a mapping of name: value, got ${describe(n)}`);
  }
  spec.headers = out;
  spec.secretHeaders = secret;
}

/** `auth: KEY` or `auth: {env: NAME}` (the key from the environment, so a file can be committed). */
function readAuth(r: Reader, node: Node | null, what: string): string {
  const n = r.deref(node);
  if (!n || !isMap(n)) return r.string(n ?? node, what);
  let name: string | undefined;
  for (const pair of n.items as Pair<Node, Node>[]) {
    const k = r.key(pair);
    if (k !== 'env') throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in ${what} (expected env)`);
    name = r.string(pair.value, `${what}.env`);
  }
  if (!name) throw r.error(n, `${what} needs env: NAME`);
  const value = r.env[name];
  if (!value || value.trim() === '') throw r.error(n, `${what}: the environment variable ${name} is not set or empty`);
  return value;
}

function readIssue(r: Reader, node: Node | null): IssueTarget {
  const out: IssueTarget = {};
  for (const pair of r.map(node, 'issue')) {
    const k = r.key(pair);
    if (k === 'repo') {
      const repo = r.string(pair.value, 'issue.repo');
      if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
        throw r.error(r.deref(pair.value), `issue.repo must be owner/repo, got ${JSON.stringify(repo)}`);
      out.repo = repo;
    } else if (k === 'number') out.number = r.int(pair.value, 'issue.number');
    else if (k === 'labels') out.labels = r.strings(pair.value, 'issue.labels');
    else throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in issue (expected repo, number, labels)`);
  }
  return out;
}

const ENTRY_KEYS = [
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
] as const;
const DEFAULT_KEYS = ENTRY_KEYS.filter(
  (k) => k !== 'name' && k !== 'url' && k !== 'expect' && k !== 'issue' && k !== 'models',
);

function readEntry(r: Reader, node: Node | null, what: string, keys: readonly string[]): EntrySpec {
  const spec: EntrySpec = { line: r.line(r.deref(node)) };
  for (const pair of r.map(node, what)) {
    const k = r.key(pair);
    const v = pair.value;
    if (!keys.includes(k)) {
      throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in ${what} (expected one of: ${keys.join(', ')})`);
    }
    switch (k) {
      case 'name':
        spec.name = r.string(v, `${what}.name`);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
        if (/[\u0000-\u001f\u007f]/.test(spec.name))
          throw r.error(r.deref(v), `${what}.name contains a line break or another control character`);
        break;
      case 'url':
        spec.url = checkUrl(r, v, `${what}.url`, 'url');
        break;
      case 'paths':
        spec.paths = r.strings(v, `${what}.paths`).map((p) => {
          if (!p.startsWith('/') || /\s/.test(p))
            throw r.error(
              r.deref(v),
              `${what}.paths: ${JSON.stringify(p)} must start with / and contain no white space`,
            );
          return p;
        });
        break;
      case 'origin':
        if (spec.origins) throw r.error(pair.key, `${what} has both origin and origins: use one`);
        spec.origins = [checkUrl(r, v, `${what}.origin`, 'origin')];
        break;
      case 'origins': {
        if (spec.origins) throw r.error(pair.key, `${what} has both origin and origins: use one`);
        const items = r.deref(v);
        spec.origins = r.seq(items, `${what}.origins`).map((o, i) => checkUrl(r, o, `${what}.origins[${i}]`, 'origin'));
        if (spec.origins.length === 0) throw r.error(items, `${what}.origins must not be empty`);
        break;
      }
      case 'method': {
        const m = r.string(v, `${what}.method`);
        if (!METHOD.test(m))
          throw r.error(r.deref(v), `${what}.method ${JSON.stringify(m)} is not a valid HTTP method`);
        if (/^(connect|trace|track)$/i.test(m))
          throw r.error(r.deref(v), `${what}.method ${m} cannot be sent by fetch()`);
        spec.method = normalizeMethod(m);
        break;
      }
      case 'headers':
        readHeaders(r, v, spec);
        break;
      case 'credentials':
        spec.credentials = r.oneOf(v, `${what}.credentials`, ['omit', 'include'] as const);
        break;
      case 'actual':
        spec.actual = r.bool(v, `${what}.actual`);
        break;
      case 'body':
        spec.body = r.string(v, `${what}.body`);
        break;
      case 'models':
        spec.models = r.strings(v, `${what}.models`);
        break;
      case 'expect':
        spec.expect = r.oneOf(v, `${what}.expect`, ['pass', 'fail'] as const);
        break;
      case 'client':
      case 'clients': {
        if (spec.clients) throw r.error(pair.key, `${what} has both client and clients: use one`);
        const list = r.strings(v, `${what}.${k}`);
        if (list.length === 0) throw r.error(r.deref(v), `${what}.${k} must not be empty`);
        for (const c of list) {
          const problem = clientProblem(c);
          if (problem) throw r.error(r.deref(v), `${what}.${k}: ${problem}`);
        }
        spec.clients = [...new Set(list)];
        break;
      }
      case 'style':
        spec.style = r.oneOf(v, `${what}.style`, API_STYLES);
        break;
      case 'browser':
        spec.browser = r.oneOf(v, `${what}.browser`, ['chromium', 'firefox', 'safari'] as const);
        break;
      case 'auth':
        spec.auth = readAuth(r, v, `${what}.auth`);
        break;
      case 'issue':
        spec.issue = readIssue(r, v);
        break;
    }
  }
  return spec;
}

export interface ConfigSource {
  /** File name (or a label like `input endpoints`) used in messages. */
  file: string;
  text: string;
}

/** A document's entries, each checked, with the defaults not yet applied. */
export interface ConfigDocument {
  defaults: EntrySpec;
  entries: EntrySpec[];
}

/** Reads one YAML document: either {defaults?, endpoints} or a bare list of endpoints. */
export function readDocument(src: ConfigSource, env: Env = {}): ConfigDocument {
  const size = Buffer.byteLength(src.text);
  if (size > MAX_CONFIG_BYTES)
    throw new ConfigError(src.file, 0, 0, `the file is ${size} bytes; the limit is ${MAX_CONFIG_BYTES}`);
  if (src.text.trim() === '') throw new ConfigError(src.file, 0, 0, 'the file is empty: it needs an endpoints list');
  const lines = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    // linePos is filled only with prettyErrors; the offset always is.
    const pos = problem.linePos?.[0] ?? (problem.pos?.[0] !== undefined ? lines.linePos(problem.pos[0]) : undefined);
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(src.file, pos?.line ?? 0, pos?.col ?? 0, `YAML: ${message}`);
  }
  const r = new Reader(src.file, doc, lines, env);
  const root = r.deref(doc.contents as Node | null);
  let defaults: EntrySpec = { line: 0 };
  let list: Node | null = root;
  if (root && isMap(root)) {
    list = null;
    for (const pair of root.items as Pair<Node, Node>[]) {
      const k = r.key(pair);
      if (k === 'defaults') defaults = readEntry(r, pair.value, 'defaults', DEFAULT_KEYS);
      else if (k === 'endpoints') list = pair.value ?? null;
      else throw r.error(pair.key, `unknown top-level key ${JSON.stringify(k)} (expected defaults, endpoints)`);
    }
    if (list === null) throw r.error(root, 'endpoints is missing: the config needs a list of endpoints');
  } else if (!root || !isSeq(root)) {
    throw r.error(root, `the config must be a mapping with endpoints, or a list of endpoints; got ${describe(root)}`);
  }
  const items = r.seq(list, 'endpoints');
  if (items.length === 0) throw r.error(r.deref(list), 'endpoints is empty');
  const entries: EntrySpec[] = [];
  const names = new Map<string, number>();
  items.forEach((item, i) => {
    const spec = readEntry(r, item, `endpoints[${i}]`, ENTRY_KEYS);
    if (!spec.name) throw r.error(r.deref(item), `endpoints[${i}] needs a name`);
    if (!spec.url) throw r.error(r.deref(item), `endpoints[${i}] (${spec.name}) needs a url`);
    const seen = names.get(spec.name);
    if (seen !== undefined)
      throw r.error(
        r.deref(item),
        `duplicate endpoint name ${JSON.stringify(spec.name)} (first defined on line ${seen})`,
      );
    names.set(spec.name, spec.line);
    entries.push(spec);
  });
  return { defaults, entries };
}
