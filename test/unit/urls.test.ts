import { describe, expect, it } from 'vitest';
import { checkOrigin, originKind } from '../../src/urls.js';

describe('checkOrigin', () => {
  it.each([
    ['https://app.example.com/', 'https://app.example.com', 'web'],
    ['null', 'null', 'opaque'],
    [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'extension',
    ],
    [
      'moz-extension://0b6c2e4a-3f1d-4c55-9a7e-2d1b8c9e0f11',
      'moz-extension://0b6c2e4a-3f1d-4c55-9a7e-2d1b8c9e0f11',
      'extension',
    ],
    ['app://obsidian.md', 'app://obsidian.md', 'app'],
    ['tauri://localhost', 'tauri://localhost', 'app'],
  ])('takes %s as %s (%s)', (text, origin, kind) => {
    const checked = checkOrigin(text);
    expect(checked).toEqual({ ok: origin });
    expect(originKind(origin)).toBe(kind);
  });

  it.each([
    ['file:///home/me/index.html', /"null" for a file:\/\/ page/],
    ['ftp://example.com', /no page runs from a ftp: URL/],
    ['chrome-extension://ABC', /chrome-extension id \(32 letters a to p\)/],
    ['moz-extension://not-a-uuid', /moz-extension id \(a UUID\)/],
    ['app://user:pw@obsidian.md', /must be an origin/],
    ['app://obsidian.md/path', /must be an origin/],
    ['obsidian.md', /is not an origin/],
    ['https://example.com/path', /no path/],
  ])('refuses %s', (text, problem) => {
    const checked = checkOrigin(text);
    expect('problem' in checked && checked.problem).toMatch(problem);
  });
});
