// Server text is untrusted: before it reaches a log, a summary or an issue it is
// made visible (no control or direction characters), bounded, and escaped for
// the place it goes, so that it cannot render, mention, link or run anything.

/** Characters that reorder, hide or break lines: shown as \u{…} instead. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed on their own, to be shown
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`;
  });
}

/** Cuts text to at most `max` characters, saying how much was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = ` …[${text.length - max} more characters cut]`;
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}

/** One line of untrusted text, visible and bounded. */
export function oneLine(text: string, max = 300): string {
  return cut(visible(text), max);
}

/** For HTML (and Markdown that passes HTML): every character that could start markup, a table cell or a code span is an entity. */
export function html(text: string): string {
  // Text between inline HTML tags is still Markdown: `:` and `.` as entities keep
  // GitHub from turning http:// or www. into links.
  return text.replace(/[&<>"'|`\\*_~[\]@#:!.]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * For an HTML document (not Markdown): text, or the value of a double-quoted
 * attribute. `&`, `<`, `>`, `"` and `'` become entities, so nothing can open a
 * tag, end an attribute or start an entity of its own.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Untrusted text as an HTML code element, safe in a Markdown table cell. */
export function code(text: string, max = 300): string {
  return `<code>${html(oneLine(text, max))}</code>`;
}

/**
 * html(), with places a narrow table cell may break a long word: after each
 * slash of a URL and between the words of a CamelCase code (<wbr>, which
 * GitHub keeps). Escaping comes first, so nothing of the text becomes markup.
 */
export function breakable(text: string): string {
  return html(text)
    .replace(/(&#47;|\/)/g, '$1<wbr>')
    .replace(/([a-z])(?=[A-Z])/g, '$1<wbr>');
}

/** Untrusted multi-line text as an HTML pre block. */
export function pre(text: string, max = 8000): string {
  const lines = cut(text, max)
    .split('\n')
    .map((l) => html(visible(l)));
  // One source line: a blank line would end Markdown's HTML block and hand the
  // rest of the block to the Markdown parser, outside any <pre>.
  return `<pre>${lines.join('&#10;')}</pre>`;
}

/** A Markdown code span around untrusted text, with a fence longer than any backtick run inside. */
export function mdCode(text: string, max = 300): string {
  const t = oneLine(text, max).replace(/\|/g, '\u2223');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A fenced Markdown block around untrusted multi-line text. */
export function mdBlock(text: string, max = 8000, lang = ''): string {
  const lines = cut(text, max)
    .split('\n')
    .map((l) => visible(l));
  const body = lines.join('\n');
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** A log line can never start a workflow command, whatever it quotes. */
/** The runner also obeys the older `##[command]` form anywhere in a line: break it up. */
export function noLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '#\\#[');
}

export function logSafe(line: string): string {
  const v = noLegacyCommands(visible(line));
  return /^\s*::/.test(v) ? `| ${v}` : v;
}

const INVISIBLE_IN_JSON = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const escapeInvisible = (json: string) =>
  json.replace(INVISIBLE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JSON for files and terminals: the same data, with direction, invisible and C1
 * characters written as \u escapes, which JSON.stringify leaves raw.
 */
export function jsonText(value: unknown): string {
  return escapeInvisible(JSON.stringify(value, null, 2)) + '\n';
}

/** The same as jsonText on one line, without its line break. */
export function jsonLine(value: unknown): string {
  return escapeInvisible(JSON.stringify(value));
}

/** Fits text to a terminal column: visible, and at most `width` characters with a plain ellipsis. */
export function column(text: string, width: number): string {
  const v = visible(text);
  return v.length <= width ? v : v.slice(0, width - 1) + '…';
}

/** What XML 1.0 cannot hold and visible() leaves: halves of surrogate pairs, U+FFFE and U+FFFF. */
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/**
 * One line of untrusted text for XML, as an attribute value or element text:
 * every character XML 1.0 forbids, or that would be normalised away, made visible, and markup escaped.
 */
export function xml(text: string): string {
  return visible(text)
    .replace(NOT_XML, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`)
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
