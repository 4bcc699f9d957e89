import { describe, expect, it } from 'vitest';
import { breakable, column, escapeHtml, logSafe, xml } from '../../src/text.js';

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
