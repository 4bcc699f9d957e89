// Reading a parsed YAML document node by node, with every problem named at its
// file, line and column, aliases followed under a cap, and values checked for
// the type a key needs.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import { ConfigError } from '../errors.js';

/** A billion-laughs document expands aliases without end: past this many it is refused. */
export const MAX_ALIASES = 100;

/** Environment variables, for `env: NAME` in the config. */
export type Env = Readonly<Record<string, string | undefined>>;

export class Reader {
  private aliases = 0;
  constructor(
    readonly file: string,
    /** Null for a document read without the full parser, which has no aliases. */
    private readonly doc: Document.Parsed | null,
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
      const target = this.doc ? (n.resolve(this.doc) as Node | undefined) : undefined;
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

  /** A whole number from min to max. */
  count(node: Node | null, what: string, min: number, max: number): number {
    const n = this.deref(node);
    if (
      !n ||
      !isScalar(n) ||
      typeof n.value !== 'number' ||
      !Number.isInteger(n.value) ||
      n.value < min ||
      n.value > max
    ) {
      throw this.error(n ?? node, `${what} must be a whole number from ${min} to ${max}, got ${describe(n)}`);
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

export function describe(n: Node | null): string {
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
