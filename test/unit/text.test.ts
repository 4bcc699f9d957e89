import { describe, expect, it } from 'vitest';
import {
  breakable,
  code,
  column,
  cut,
  escapeHtml,
  html,
  jsonText,
  logSafe,
  mdBlock,
  mdCode,
  noLegacyCommands,
  pre,
  visible,
  xml,
} from '../../src/text.js';

describe('log lines', () => {
  it('never start a workflow command, in either form', () => {
    expect(logSafe('::error::x').trim().startsWith('::')).toBe(false);
    expect(logSafe('  ::add-mask::x').trim().startsWith('::')).toBe(false);
    // The runner finds the older form anywhere in a line.
    expect(logSafe('Asked for a stream, got 200 ##[error title=x]injected')).not.toContain('##[');
    expect(logSafe('a ##[stop-commands]b ##[set-output name=x;]y')).not.toContain('##[');
  });
  it('show control and direction characters instead of obeying them', () => {
    expect(logSafe('a\rb\u202ec\n')).toBe('a\\rb\\u{202e}c\\n');
  });
});

describe('columns', () => {
  it('fit a name to its width with a plain ellipsis', () => {
    expect(column('abcdef', 4)).toBe('abc…');
    expect(column('abc', 4)).toBe('abc');
  });
});

describe('breakable', () => {
  it('escapes first, then lets a long URL break after its slashes and a code between its words', () => {
    expect(breakable('https://a.example/v1/chat')).toBe('https&#58;/<wbr>/<wbr>a&#46;example/<wbr>v1/<wbr>chat');
    expect(breakable('PreflightMissingAllowOriginHeader')).toBe(
      'Preflight<wbr>Missing<wbr>Allow<wbr>Origin<wbr>Header',
    );
    // Server text cannot smuggle a tag through it.
    expect(breakable('<img src=x>/<wbr>')).toBe('&#60;img src=x&#62;/<wbr>&#60;wbr&#62;');
  });
});

describe('escapeHtml', () => {
  it('leaves no character that opens a tag, ends a quoted attribute or starts an entity', () => {
    const out = escapeHtml(`<a href="x" title='y'>&amp;</a>`);
    expect(out).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    expect(out).not.toMatch(/[<>"']|&(?!#\d+;)/);
  });
  it('keeps every other character as it is, for a parser to read back', () => {
    expect(escapeHtml('https://a.example/v1?x=1 @me #2 `c` | \u00e9')).toBe(
      'https://a.example/v1?x=1 @me #2 `c` | \u00e9',
    );
  });
});

describe('XML', () => {
  it('escapes markup and both quotes', () => {
    expect(xml(`<a href="x" b='y'>&amp;</a>]]>`)).toBe(
      '&#60;a href=&#34;x&#34; b=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;]]&#62;',
    );
  });
  it('shows what XML 1.0 cannot hold: controls, halves of surrogate pairs, U+FFFE and U+FFFF', () => {
    expect(xml('a\u0000b\u0007\tc\n\ud800d\udfffe\ufffe\uffff')).toBe(
      'a\\u{0000}b\\u{0007}\\tc\\n\\u{d800}d\\u{dfff}e\\u{fffe}\\u{ffff}',
    );
    // A whole pair is a character like any other.
    expect(xml('🙂 é')).toBe('🙂 é');
  });
});

describe('visible', () => {
  it('names each invisible character, with the usual escapes for tab, CR and LF', () => {
    expect(visible('a\tb\rc\nd')).toBe('a\\tb\\rc\\nd');
    expect(visible('\u0000\u0007\u007f\u00ad\u200b\ufeff')).toBe(
      '\\u{0000}\\u{0007}\\u{007f}\\u{00ad}\\u{200b}\\u{feff}',
    );
    expect(visible('plain ü text')).toBe('plain ü text');
  });
});

describe('cut', () => {
  it('keeps text up to the limit, and says how much it cut beyond it', () => {
    expect(cut('abcdef', 6)).toBe('abcdef');
    const long = 'x'.repeat(100);
    const cutTo40 = cut(long, 40);
    expect(cutTo40).toBe(`${'x'.repeat(14)} …[60 more characters cut]`);
    expect(cutTo40).toHaveLength(40);
    // A limit shorter than the note keeps no text at all.
    expect(cut(long, 5)).toBe(' …[95 more characters cut]');
  });
});

describe('HTML', () => {
  it('writes every character that could start markup, a cell, a code span, a mention or a link as an entity', () => {
    expect(html('a&<>"\'|`\\*_~[]@#:!.b')).toBe(
      'a&#38;&#60;&#62;&#34;&#39;&#124;&#96;&#92;&#42;&#95;&#126;&#91;&#93;&#64;&#35;&#58;&#33;&#46;b',
    );
    expect(html('plain text 1')).toBe('plain text 1');
  });

  it('code: one visible, bounded line in a code element', () => {
    expect(code('a<b>\nc')).toBe('<code>a&#60;b&#62;&#92;nc</code>');
    expect(code('x'.repeat(50), 40)).toBe(`<code>${html(cut('x'.repeat(50), 40))}</code>`);
  });

  it('pre: one source line, its lines joined by an entity, each escaped and visible', () => {
    expect(pre('a<b\n\tc\n\nd')).toBe('<pre>a&#60;b&#10;&#92;tc&#10;&#10;d</pre>');
    expect(pre('x'.repeat(50), 40)).toBe(`<pre>${html(cut('x'.repeat(50), 40))}</pre>`);
  });
});

describe('Markdown code', () => {
  it('a span fenced longer than any backtick run inside, padded where a backtick touches an end', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('a```b``c')).toBe('````a```b``c````');
    expect(mdCode('`a')).toBe('`` `a ``');
    expect(mdCode('a`')).toBe('`` a` ``');
    expect(mdCode('')).toBe('`  `');
    expect(mdCode('a|b\nc')).toBe('`a\u2223b\\nc`');
  });

  it('a block fenced longer than any run inside, at least three, each line visible', () => {
    expect(mdBlock('a\nb\tc', 100, 'sh')).toBe('```sh\na\nb\\tc\n```');
    expect(mdBlock('x ```` y')).toBe('`````\nx ```` y\n`````');
    expect(mdBlock('x'.repeat(50), 40)).toBe(`\`\`\`\n${cut('x'.repeat(50), 40)}\n\`\`\``);
  });
});

describe('workflow commands', () => {
  it('a line that would start one is set off; one that only contains :: is left alone', () => {
    expect(logSafe('::error::x')).toBe('| ::error::x');
    expect(logSafe('  ::warning::x')).toBe('|   ::warning::x');
    // A tab is shown as \t, so the line no longer starts with white space and ::.
    expect(logSafe('\t::warning::x')).toBe('\\t::warning::x');
    expect(logSafe('a ::error::x')).toBe('a ::error::x');
    expect(noLegacyCommands('a ##[error]b')).toBe('a #\\#[error]b');
  });
});

describe('JSON text', () => {
  it('writes direction, invisible and C1 characters as escapes, and ends with a new line', () => {
    expect(jsonText({ a: '\u202e\u0085\u00ad' })).toBe('{\n  "a": "\\u202e\\u0085\\u00ad"\n}\n');
    expect(jsonText('\u007f')).toBe('"\\u007f"\n');
  });
});

describe('columns at their width', () => {
  it('a text exactly as wide as the column is kept whole', () => {
    expect(column('abcd', 4)).toBe('abcd');
    expect(column('a\tb', 4)).toBe('a\\tb');
  });
});
