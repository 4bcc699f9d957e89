// Endpoint URLs and page origins, as the options take them.
import { describe, expect, it } from 'vitest';
import { checkHttpUrl, checkOrigin, originKind } from '../../src/urls.js';

describe('checkHttpUrl', () => {
  it('takes an http:// or https:// URL as written', () => {
    expect(checkHttpUrl('http://127.0.0.1:8080/v1')).toEqual({ ok: 'http://127.0.0.1:8080/v1' });
    expect(checkHttpUrl('HTTPS://API.example/v1?x=1')).toEqual({ ok: 'HTTPS://API.example/v1?x=1' });
  });

  it('says why it refuses one', () => {
    expect(checkHttpUrl('https://a.example/v1 x')).toEqual({
      problem: '"https://a.example/v1 x" contains white space',
    });
    expect(checkHttpUrl('\thttps://a.example')).toEqual({ problem: '"\\thttps://a.example" contains white space' });
    expect(checkHttpUrl('a.example/v1')).toEqual({ problem: '"a.example/v1" is not a valid URL' });
    for (const url of ['ftp://a.example/', 'file:///etc/passwd', 'ws://a.example/'])
      expect(checkHttpUrl(url)).toEqual({ problem: `must be an http:// or https:// URL, got ${JSON.stringify(url)}` });
  });
});

describe('checkOrigin', () => {
  it('scheme://host[:port], a trailing slash dropped', () => {
    expect(checkOrigin('https://app.example')).toEqual({ ok: 'https://app.example' });
    expect(checkOrigin('http://localhost:3000/')).toEqual({ ok: 'http://localhost:3000' });
    expect(checkOrigin('HTTPS://App.Example:443')).toEqual({ ok: 'https://app.example' });
  });

  it('refuses a URL that is not one, or more than an origin', () => {
    expect(checkOrigin('app.example')).toEqual({ problem: '"app.example" is not an origin (scheme://host, or null)' });
    expect(checkOrigin('ftp://app.example')).toEqual({
      problem: 'must be the origin of a page, and no page runs from a ftp: URL, got "ftp://app.example"',
    });
    for (const text of [
      'https://app.example/page',
      'https://app.example/?',
      'https://app.example/?q=1',
      'https://app.example/#x',
      'https://app.example#',
      'https://user@app.example',
      'https://:pw@app.example',
    ])
      expect(checkOrigin(text), text).toEqual({
        problem: `must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(text)}`,
      });
  });
});

describe('checkOrigin: origins other than web pages', () => {
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

describe('checkOrigin: the edges of each rule', () => {
  it('normalises web origins of both schemes as the URL parser does, and says they are web', () => {
    expect(checkOrigin('HTTP://App.Example:80/')).toEqual({ ok: 'http://app.example' });
    expect(checkOrigin('HTTPS://App.Example:443')).toEqual({ ok: 'https://app.example' });
    expect(originKind('http://app.example')).toBe('web');
    expect(originKind('https://app.example')).toBe('web');
  });

  it('refuses every scheme no page is served from', () => {
    for (const scheme of ['data', 'blob', 'javascript', 'about', 'mailto', 'ws', 'wss', 'view-source', 'ftp'])
      expect(checkOrigin(`${scheme}://x.example`)).toEqual({
        problem: `must be the origin of a page, and no page runs from a ${scheme}: URL, got "${scheme}://x.example"`,
      });
  });

  it('takes the whole text or nothing: no leading or trailing extra', () => {
    expect(checkOrigin(' app://obsidian.md')).toEqual({
      problem: '" app://obsidian.md" is not an origin (scheme://host, or null)',
    });
    expect(checkOrigin('app://obsidian.md\nx')).toEqual({
      problem: '"app://obsidian.md\\nx" is not an origin (scheme://host, or null)',
    });
  });

  it('drops a trailing slash and checks the port of an app origin', () => {
    expect(checkOrigin('app://obsidian.md/')).toEqual({ ok: 'app://obsidian.md' });
    expect(checkOrigin('tauri://localhost:1420')).toEqual({ ok: 'tauri://localhost:1420' });
    expect(checkOrigin('tauri://localhost:9')).toEqual({ ok: 'tauri://localhost:9' });
    for (const text of ['tauri://localhost:123456', 'tauri://localhost:x'])
      expect(checkOrigin(text)).toEqual({
        problem: `must be an origin (scheme://host, no path, query or user), got ${JSON.stringify(text)}`,
      });
  });

  it('wants an extension id of exactly its length', () => {
    const uuid = '0b6c2e4a-3f1d-4c55-9a7e-2d1b8c9e0f11';
    for (const [text, what] of [
      [`chrome-extension://${'a'.repeat(33)}`, 'chrome-extension id (32 letters a to p)'],
      [`chrome-extension://z${'a'.repeat(32)}`, 'chrome-extension id (32 letters a to p)'],
      [`moz-extension://${uuid}0`, 'moz-extension id (a UUID)'],
      [`moz-extension://0${uuid}`, 'moz-extension id (a UUID)'],
      [`safari-web-extension://${'a'.repeat(65)}`, 'safari-web-extension id (a UUID)'],
      ['safari-web-extension://a', 'safari-web-extension id (a UUID)'],
    ])
      expect(checkOrigin(text!)).toEqual({ problem: `must hold a ${what}, got ${JSON.stringify(text)}` });
  });
});
