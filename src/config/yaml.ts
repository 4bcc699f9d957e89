// YAML → validated endpoint list. The whole document is checked before anything
// is sent: every problem names the file, line and column.
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { normalizeMethod } from '../cors/fetch-rules.js';
import { ADDRESS_SPACES } from '../cors/network.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_ORIGIN, MAX_CONFIRM, MAX_RETRIES, repoProblem } from '../inputs.js';
import { API_STYLES, type ApiStyle } from '../presets/catalog.js';
import { clientProblem } from '../presets/clients.js';
import type { AddressSpace, Browser, CredentialsMode, HeaderLine, IssueTarget } from '../types.js';
import { checkHttpUrl, checkOrigin, originKind } from '../urls.js';
import { readAuth, readHeaders } from './headers.js';
import { readPlainYaml } from './plain-yaml.js';
import { describe, type Env, Reader } from './reader.js';

export type { Env } from './reader.js';

export const MAX_CONFIG_BYTES = 1024 * 1024;

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
  hostPermissions?: boolean;
  /** Where host-permissions was written, for the message when no origin is an extension's. */
  hostPermissionsNode?: Node | null;
  addressSpace?: AddressSpace;
  actual?: boolean;
  body?: string;
  models?: string[];
  expect?: 'pass' | 'fail';
  client?: string;
  clients?: string[];
  style?: ApiStyle;
  browser?: Browser;
  retries?: number;
  confirm?: number;
  auth?: string;
  issue?: IssueTarget;
  line: number;
}

export const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The values a key takes; schema/cors-gate.schema.json lists the same (a test holds them equal). */
export const EXPECTS = ['pass', 'fail'] as const;
export const CREDENTIALS = ['omit', 'include'] as const;
export const BROWSERS = ['chromium', 'firefox', 'safari'] as const;

/** An endpoint URL or a page's origin, checked by the rules the options use too. */
function checkUrl(r: Reader, node: Node | null, what: string, kind: 'url' | 'origin'): string {
  // `origin: null` is YAML's null; for an origin it means what it says: the opaque origin.
  const n = r.deref(node);
  const opaque =
    kind === 'origin' && n && isScalar(n) && n.value === null && (n as { source?: string }).source === 'null';
  const s = opaque ? 'null' : r.string(node, what);
  const checked = kind === 'url' ? checkHttpUrl(s) : checkOrigin(s);
  if ('problem' in checked) throw r.error(r.deref(node), `${what} ${checked.problem}`);
  return checked.ok;
}

function readIssue(r: Reader, node: Node | null): IssueTarget {
  const out: IssueTarget = {};
  for (const pair of r.map(node, 'issue')) {
    const k = r.key(pair);
    if (k === 'repo') {
      const repo = r.string(pair.value, 'issue.repo');
      const problem = repoProblem(repo);
      if (problem) throw r.error(r.deref(pair.value), `issue.repo ${problem}`);
      out.repo = repo;
    } else if (k === 'number') out.number = r.int(pair.value, 'issue.number');
    else if (k === 'labels') out.labels = r.strings(pair.value, 'issue.labels');
    else throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in issue (expected repo, number, labels)`);
  }
  return out;
}

/** An endpoint's keys; `defaults` takes DEFAULT_KEYS. The JSON Schema's properties are tested against both. */
export const ENTRY_KEYS = [
  'name',
  'url',
  'paths',
  'origin',
  'origins',
  'method',
  'headers',
  'credentials',
  'host-permissions',
  'address-space',
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
  'retries',
  'confirm',
] as const;
export const DEFAULT_KEYS = ENTRY_KEYS.filter(
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
      case 'headers': {
        const read = readHeaders(r, v);
        spec.headers = read.headers;
        spec.secretHeaders = read.secrets;
        break;
      }
      case 'credentials':
        spec.credentials = r.oneOf(v, `${what}.credentials`, CREDENTIALS);
        break;
      case 'host-permissions':
        spec.hostPermissions = r.bool(v, `${what}.host-permissions`);
        spec.hostPermissionsNode = r.deref(v);
        break;
      case 'address-space':
        spec.addressSpace = r.oneOf(v, `${what}.address-space`, ADDRESS_SPACES);
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
        spec.expect = r.oneOf(v, `${what}.expect`, EXPECTS);
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
        spec.browser = r.oneOf(v, `${what}.browser`, BROWSERS);
        break;
      case 'retries':
        spec.retries = r.count(v, `${what}.retries`, 0, MAX_RETRIES);
        break;
      case 'confirm':
        spec.confirm = r.count(v, `${what}.confirm`, 0, MAX_CONFIRM);
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

/** `host-permissions: true` describes an extension: every origin it applies to must be one. */
function checkHostPermissions(r: Reader, spec: EntrySpec, defaults: EntrySpec, what: string): void {
  const own = spec.hostPermissions !== undefined;
  if (!(own ? spec.hostPermissions : defaults.hostPermissions)) return;
  const origins = spec.origins ?? defaults.origins ?? [DEFAULT_ORIGIN];
  const other = origins.find((o) => originKind(o) !== 'extension');
  if (other === undefined) return;
  const where = own ? `${what}.host-permissions` : `defaults.host-permissions (for ${what})`;
  throw r.error(
    own ? spec.hostPermissionsNode : defaults.hostPermissionsNode,
    `${where}: true applies to a browser extension's origin (chrome-extension://, moz-extension://, safari-web-extension://), but the origin is ${JSON.stringify(other)}; remove it or check from the extension's origin`,
  );
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
  // Most configs are plain block YAML: read quickly, and read again with the full
  // parser whenever anything is wrong, so that every problem is named as it says it.
  const plain = readPlainYaml(src.text);
  if (plain) {
    try {
      return readRoot(new Reader(src.file, null, plain.lines, env), plain.contents);
    } catch {
      // The full parser below finds the problem and names it.
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    // linePos is filled only with prettyErrors; the offset always is.
    const pos = problem.linePos?.[0] ?? (problem.pos?.[0] !== undefined ? lines.linePos(problem.pos[0]) : undefined);
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(src.file, pos?.line ?? 0, pos?.col ?? 0, `YAML: ${message}`);
  }
  return readRoot(new Reader(src.file, doc, lines, env), doc.contents as Node | null);
}

/** The document's defaults and entries, from its root node. */
function readRoot(r: Reader, contents: Node | null): ConfigDocument {
  const root = r.deref(contents);
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
    checkHostPermissions(r, spec, defaults, `endpoints[${i}] (${spec.name})`);
    entries.push(spec);
  });
  return { defaults, entries };
}
