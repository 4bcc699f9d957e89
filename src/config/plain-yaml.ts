// A quick reader for the plain block YAML that configs are almost always written
// in: mappings, lists, one-line scalars and flow lists of plain words. It builds
// the same nodes, at the same offsets, as the full parser, at a fraction of its
// time and memory (the full parser keeps a token tree of the whole file). It
// gives up, returning null, on anything outside that subset (anchors, tags,
// block scalars, escapes, flow mappings, null values, numbers other than plain
// whole numbers, duplicate keys, tabs, CR), and the full parser reads the file.
import { LineCounter, type Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

interface Line {
  /** Column of the first character of text. */
  indent: number;
  text: string;
  /** Offset of text in the file. */
  offset: number;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const NULL = /^(?:~|null|Null|NULL)$/;
/** Plain words that start like a number, null or another YAML type: the full parser decides those. */
const NOT_TEXT = /^[-+.0-9~]/;
/** First characters with a meaning of their own in YAML. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const WHOLE = /^[0-9]{1,15}$/;

function scalar(value: unknown, offset: number, length: number): Scalar {
  const s = new Scalar(value);
  s.range = [offset, offset + length, offset + length];
  return s;
}

/** A plain word as the core schema reads it: text, true/false or a small whole number. */
function plain(word: string, offset: number): Scalar {
  if (word === '' || INDICATOR.test(word) || NULL.test(word)) giveUp();
  if (BOOL.test(word)) return scalar(word[0] === 't' || word[0] === 'T', offset, word.length);
  if (WHOLE.test(word)) return scalar(Number(word), offset, word.length);
  if (NOT_TEXT.test(word) || word.includes(': ') || word.endsWith(':') || word.includes(' #')) giveUp();
  return scalar(word, offset, word.length);
}

/** What follows `key: ` or `- ` on the same line, up to an end-of-line comment. */
function inline(text: string, offset: number): Node {
  const c = text[0];
  if (c === '"' || c === "'") {
    const end = text.indexOf(c, 1);
    if (end < 0) giveUp();
    const inner = text.slice(1, end);
    if (inner.includes('\\') || !/^(?:\s+#.*|\s*)$/.test(text.slice(end + 1))) giveUp();
    // '' inside single quotes is an escaped quote, and would end the search early.
    if (c === "'" && text[end + 1] === "'") giveUp();
    return scalar(inner, offset, end + 1);
  }
  const comment = text.search(/\s#/);
  const word = (comment < 0 ? text : text.slice(0, comment)).trimEnd();
  if (c === '[') {
    if (!word.endsWith(']') || /[[\]{}"'#]/.test(word.slice(1, -1))) giveUp();
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [offset, offset + word.length, offset + word.length];
    const body = word.slice(1, -1);
    if (body.trim() === '') return seq;
    let at = 1;
    for (const part of body.split(',')) {
      const lead = part.length - part.trimStart().length;
      seq.items.push(plain(part.trim(), offset + at + lead));
      at += part.length + 1;
    }
    return seq;
  }
  return plain(word, offset);
}

/** `key:` and what follows it on the line, or null when the line is no `key:`. */
function splitKey(text: string): { key: string; rest: string; restAt: number } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const key = text.slice(0, colon);
  const after = text.slice(colon + 1);
  if (after !== '' && after[0] !== ' ') return null;
  if (key.length > 1024 || !KEY.test(key) || BOOL.test(key) || NULL.test(key)) giveUp();
  const rest = after.trimStart();
  return { key, rest: rest.startsWith('#') ? '' : rest, restAt: colon + 1 + (after.length - rest.length) };
}

class Block {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  get done(): boolean {
    return this.at >= this.lines.length;
  }

  /** The node whose first line is the next one, at exactly that line's indent. */
  node(): Node {
    const line = this.lines[this.at]!;
    if (line.text === '-' || line.text.startsWith('- ')) return this.seq(line.indent);
    if (splitKey(line.text)) return this.map(line.indent);
    return giveUp();
  }

  /** The value of a key or an item that is not on its own line: a deeper block (or a list at the key's indent). */
  private below(indent: number, listHere: boolean): Node {
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.node();
    if (listHere && next && next.indent === indent && (next.text === '-' || next.text.startsWith('- ')))
      return this.seq(indent);
    return giveUp();
  }

  private map(indent: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    map.range = [this.lines[this.at]!.offset, 0, 0];
    while (!this.done) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) giveUp();
      const kv = splitKey(line.text);
      if (!kv || keys.has(kv.key)) return giveUp();
      keys.add(kv.key);
      this.at++;
      const key = scalar(kv.key, line.offset, kv.key.length);
      const value = kv.rest === '' ? this.below(indent, true) : inline(kv.rest, line.offset + kv.restAt);
      map.items.push(new Pair(key, value));
    }
    return map;
  }

  private seq(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    seq.range = [this.lines[this.at]!.offset, 0, 0];
    while (!this.done) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) giveUp();
      const rest = line.text.slice(1).trimStart();
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        seq.items.push(this.below(indent, false));
        continue;
      }
      const shift = line.text.length - rest.length;
      if (rest === '-' || rest.startsWith('- ') || splitKey(rest)) {
        // `- key: value` opens a mapping whose keys line up with this first one.
        this.lines[this.at] = { indent: line.indent + shift, text: rest, offset: line.offset + shift };
        seq.items.push(this.node());
      } else {
        this.at++;
        seq.items.push(inline(rest, line.offset + shift));
      }
    }
    return seq;
  }
}

/** The document's root node and its line starts, or null when the full parser has to read it. */
export function readPlainYaml(text: string): { contents: Node; lines: LineCounter } | null {
  // Tabs, CR, other control characters, line separators and a BOM: the full parser's rules.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return null;
  const counter = new LineCounter();
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    counter.addNewLine(offset);
    const text = raw.trimStart();
    const indent = raw.length - text.length;
    if (text !== '' && text[0] !== '#') {
      if (indent === 0 && /^(?:---|\.\.\.|%)/.test(text)) return null;
      lines.push({ indent, text: text.trimEnd(), offset: offset + indent });
    }
    offset += raw.length + 1;
  }
  if (lines.length === 0) return null;
  try {
    const block = new Block(lines);
    const contents = block.node();
    return block.done ? { contents, lines: counter } : null;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}
