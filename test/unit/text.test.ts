import { describe, expect, it } from 'vitest';
import { column, logSafe } from '../../src/text.js';

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
