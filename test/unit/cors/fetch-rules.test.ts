// The Fetch standard's request side: safelisted methods and headers, the names a page
// cannot set, and the white space fetch() strips.
import { describe, expect, it } from 'vitest';
import {
  corsUnsafeHeaderNames,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  isSafelistedRequestHeader,
  normalizeHeaderValue,
  normalizeMethod,
  sendableHeaders,
} from '../../../src/cors/fetch-rules.js';
import type { HeaderLine } from '../../../src/types.js';

describe('methods', () => {
  it('GET, HEAD and POST are safelisted, as written only', () => {
    for (const m of ['GET', 'HEAD', 'POST']) expect(isSafelistedMethod(m)).toBe(true);
    for (const m of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'get', 'Post']) expect(isSafelistedMethod(m)).toBe(false);
  });

  it('fetch() upper-cases DELETE, GET, HEAD, OPTIONS, POST and PUT in any case, and nothing else', () => {
    for (const m of ['delete', 'get', 'head', 'options', 'post', 'put'])
      expect(normalizeMethod(m)).toBe(m.toUpperCase());
    expect(normalizeMethod('Get')).toBe('GET');
    for (const m of ['patch', 'Patch', 'propfind', 'connect']) expect(normalizeMethod(m)).toBe(m);
  });
});

describe('forbidden request headers', () => {
  const FORBIDDEN = [
    'Accept-Charset',
    'Accept-Encoding',
    'Access-Control-Request-Headers',
    'Access-Control-Request-Method',
    'Connection',
    'Content-Length',
    'Cookie',
    'Cookie2',
    'Date',
    'DNT',
    'Expect',
    'Host',
    'Keep-Alive',
    'Origin',
    'Referer',
    'Set-Cookie',
    'TE',
    'Trailer',
    'Transfer-Encoding',
    'Upgrade',
    'Via',
  ];

  it('are dropped in any case, for every browser', () => {
    for (const name of FORBIDDEN) {
      for (const browser of ['chromium', 'firefox', 'safari'] as const) {
        expect(isForbiddenRequestHeader(name, browser), name).toBe(true);
        expect(isForbiddenRequestHeader(name.toLowerCase(), browser), name).toBe(true);
      }
    }
  });

  it('so are Proxy- and Sec- names, by prefix only', () => {
    for (const name of ['Proxy-Authorization', 'proxy-x', 'Sec-Fetch-Mode', 'sec-x'])
      expect(isForbiddenRequestHeader(name, 'firefox')).toBe(true);
    for (const name of ['x-proxy-', 'x-sec-', 'x-proxy-id', 'x-sec-token', 'x-api-key', 'authorization'])
      expect(isForbiddenRequestHeader(name, 'firefox')).toBe(false);
  });

  it('User-Agent only in Chromium', () => {
    expect(isForbiddenRequestHeader('User-Agent', 'chromium')).toBe(true);
    expect(isForbiddenRequestHeader('User-Agent', 'firefox')).toBe(false);
    expect(isForbiddenRequestHeader('User-Agent', 'safari')).toBe(false);
  });

  it('a method override naming CONNECT, TRACE or TRACK, under any of its three names', () => {
    for (const name of ['X-HTTP-Method', 'X-HTTP-Method-Override', 'X-Method-Override']) {
      for (const value of ['CONNECT', 'trace', 'Track', 'GET, TRACK', ' track '])
        expect(isForbiddenRequestHeader(name, 'firefox', value), `${name}: ${value}`).toBe(true);
      for (const value of ['GET', 'PATCH', 'TRACKS'])
        expect(isForbiddenRequestHeader(name, 'firefox', value), `${name}: ${value}`).toBe(false);
      expect(isForbiddenRequestHeader(name, 'firefox')).toBe(false);
    }
    expect(isForbiddenRequestHeader('X-Override', 'firefox', 'TRACE')).toBe(false);
  });
});

describe('header values', () => {
  it('lose every space, tab, CR and LF at either end, and only there', () => {
    expect(normalizeHeaderValue(' \t\r\n a \t b \r\n\t ')).toBe('a \t b');
  });

  it('are joined per name, in order, under the name first written', () => {
    expect(
      sendableHeaders(
        [
          ['X-A', '1'],
          ['x-b', '2'],
          ['x-a', ' 3 '],
        ],
        'chromium',
      ),
    ).toEqual({
      kept: [
        ['X-A', '1, 3'],
        ['x-b', '2'],
      ],
      dropped: [],
    });
    expect(
      sendableHeaders(
        [
          ['Cookie', 'a'],
          ['cookie', 'b'],
          ['User-Agent', 'x'],
        ],
        'chromium',
      ).dropped,
    ).toEqual(['cookie', 'user-agent']);
  });
});

describe('safelisted request headers', () => {
  const safe = (name: string, value: string, browser?: 'chromium' | 'firefox') =>
    isSafelistedRequestHeader(name, value, browser);

  it('accept: any value without an unsafe byte, up to 128 characters', () => {
    expect(safe('Accept', 'application/json, text/*;q=0.5')).toBe(true);
    expect(safe('accept', 'a\tb')).toBe(true);
    for (const bad of ['a\u0001b', 'a\u001fb', 'a\u007fb', 'a"b', 'a(b', 'a:b', 'a<b', 'a@b', 'a[b', 'a\\b', 'a{b'])
      expect(safe('accept', bad), JSON.stringify(bad)).toBe(false);
    expect(safe('accept', 'a'.repeat(128))).toBe(true);
    expect(safe('accept', 'a'.repeat(129))).toBe(false);
  });

  it('accept-language and content-language: letters, digits and  *,-.;= only', () => {
    for (const name of ['accept-language', 'Content-Language']) {
      expect(safe(name, 'en-US, fr;q=0.5, *')).toBe(true);
      expect(safe(name, '')).toBe(true);
      for (const bad of ['en_US', '(en)', 'en/', 'ü']) expect(safe(name, bad), `${name}: ${bad}`).toBe(false);
    }
    expect(safe('accept-language', '_en')).toBe(false);
    expect(safe('accept-language', 'en_')).toBe(false);
  });

  it('content-type: the three form types by their essence, in any case, with parameters', () => {
    for (const v of [
      'text/plain',
      'TEXT/Plain',
      'text/plain ; charset=utf-8',
      ' multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ])
      expect(safe('content-type', v), v).toBe(true);
    for (const v of ['application/json', 'text/html', 'text/plain; a="b"', 'text/plainx'])
      expect(safe('content-type', v), v).toBe(false);
  });

  it('range: a single bytes range, in order', () => {
    for (const v of ['bytes=0-', 'bytes=5-10', 'bytes=7-7', 'bytes=10-'])
      expect(safe('range', v, 'firefox'), v).toBe(true);
    for (const v of [
      'bytes=10-5',
      'bytes=-5',
      'bytes=a-',
      'bytes=1-2,3-4',
      'bytes=1--',
      'x bytes=0-',
      'bytes=0-1x',
      'items=0-',
    ])
      expect(safe('range', v, 'firefox'), v).toBe(false);
  });

  it('Chromium client hints, for Chromium only, each with its own value rule', () => {
    for (const name of ['dpr', 'device-memory']) {
      for (const v of ['1', '1.5', '12.25']) expect(safe(name, v, 'chromium'), `${name}: ${v}`).toBe(true);
      for (const v of ['x1', '1x', '1.', '.5', '1.5.2']) expect(safe(name, v, 'chromium'), `${name}: ${v}`).toBe(false);
      expect(safe(name, '1', 'firefox')).toBe(false);
    }
    for (const name of ['width', 'viewport-width']) {
      for (const v of ['1', '1280']) expect(safe(name, v, 'chromium'), `${name}: ${v}`).toBe(true);
      for (const v of ['1.5', 'x1', '1x', '']) expect(safe(name, v, 'chromium'), `${name}: ${v}`).toBe(false);
      expect(safe(name, '1280', 'firefox')).toBe(false);
    }
    expect(safe('save-data', 'on', 'chromium')).toBe(true);
    expect(safe('save-data', 'off', 'chromium')).toBe(false);
    expect(safe('save-data', 'on', 'firefox')).toBe(false);
    expect(safe('intervention', 'anything', 'chromium')).toBe(true);
    expect(safe('intervention', 'anything', 'firefox')).toBe(false);
    expect(safe('x-other', 'on', 'chromium')).toBe(false);
  });
});

describe('CORS-unsafe header names', () => {
  it('safelisted values may total 1024 characters; beyond that every one of them is unsafe', () => {
    const within: HeaderLine[] = [
      ...Array.from({ length: 8 }, () => ['accept', 'a'.repeat(126)] as HeaderLine),
      ['content-type', 'text/plain'],
      ['x-a', '1'],
    ];
    // 8 × 126 + 10 = 1018 characters of safelisted values.
    expect(corsUnsafeHeaderNames(within)).toEqual(['x-a']);
    const exactly: HeaderLine[] = [...within.slice(0, 9), ['content-language', 'abcdef']];
    expect(corsUnsafeHeaderNames(exactly)).toEqual([]);
    const over: HeaderLine[] = [...exactly, ['accept-language', 'x']];
    expect(corsUnsafeHeaderNames(over)).toEqual(['accept', 'accept-language', 'content-language', 'content-type']);
  });
});
