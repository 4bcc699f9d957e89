// The Fetch standard's request-side definitions: which methods and headers are
// CORS-safelisted, which a page cannot set, and so whether a preflight is sent.
// https://fetch.spec.whatwg.org/#cors-safelisted-method and following.
import type { Browser, HeaderLine } from '../types.js';

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** fetch() upper-cases these six whatever case the page used; every other method is sent as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

export function isSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}

const FORBIDDEN_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/**
 * A header the page's fetch() silently drops. Chromium also drops `User-Agent`
 * (the standard allows setting it; Firefox and Safari send it).
 */
export function isForbiddenRequestHeader(name: string, browser: Browser, value = ''): boolean {
  const n = name.toLowerCase();
  if (FORBIDDEN_NAMES.has(n) || n.startsWith('proxy-') || n.startsWith('sec-')) return true;
  // A method override may not smuggle in a method fetch() itself refuses.
  if (METHOD_OVERRIDES.has(n) && value.split(',').some((m) => FORBIDDEN_METHODS.has(m.trim().toLowerCase())))
    return true;
  return browser === 'chromium' && n === 'user-agent';
}

const METHOD_OVERRIDES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['connect', 'trace', 'track']);

/** fetch() strips leading and trailing HTTP white space from every header value. */
export function normalizeHeaderValue(value: string): string {
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Headers of one name (any case) travel as one line, values joined by ", ", named as first written. */
export function combineHeaders(headers: readonly HeaderLine[]): HeaderLine[] {
  const byName = new Map<string, [string, string[]]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const seen = byName.get(key);
    if (seen) seen[1].push(value);
    else byName.set(key, [name, [value]]);
  }
  return [...byName.values()].map(([name, values]) => [name, values.join(', ')] as HeaderLine);
}

// Bytes that make accept/accept-language/content-language/content-type values unsafe.
function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(value[i]!)) return true;
  }
  return false;
}

function mimeEssence(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

const SAFE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header, plus the client
 * hints Chromium safelists beyond the standard (its cors.cc IsCorsSafelistedHeader).
 */
export function isSafelistedRequestHeader(name: string, value: string, browser?: Browser): boolean {
  if (value.length > 128) return false;
  const n = name.toLowerCase();
  if (browser === 'chromium') {
    if (n === 'dpr' || n === 'device-memory') return /^[0-9]+(\.[0-9]+)?$/.test(value);
    if (n === 'width' || n === 'viewport-width') return /^[0-9]+$/.test(value);
    if (n === 'save-data') return value.toLowerCase() === 'on';
    if (n === 'intervention') return true;
  }
  switch (n) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type':
      return !hasUnsafeByte(value) && SAFE_CONTENT_TYPES.has(mimeEssence(value));
    case 'range':
      return /^bytes=\d+-\d*$/.test(value) && rangeInOrder(value);
    default:
      return false;
  }
}

function rangeInOrder(value: string): boolean {
  const [start, end] = value.slice(6).split('-');
  return !end || Number(start) <= Number(end);
}

/**
 * The headers a browser lists in Access-Control-Request-Headers: lower-cased,
 * sorted, without duplicates (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names).
 */
export function corsUnsafeHeaderNames(headers: readonly HeaderLine[], browser?: Browser): readonly string[] {
  // A check asks this of one request's headers several times (is a preflight
  // needed, what it lists, what the answer must allow, the fix): it is worked out once.
  const known = unsafeNames.get(headers)?.get(browser);
  if (known) return known;
  const names = Object.freeze(workOutUnsafeNames(headers, browser));
  const byBrowser = unsafeNames.get(headers) ?? new Map<Browser | undefined, readonly string[]>();
  unsafeNames.set(headers, byBrowser.set(browser, names));
  return names;
}

const unsafeNames = new WeakMap<readonly HeaderLine[], Map<Browser | undefined, readonly string[]>>();

function workOutUnsafeNames(headers: readonly HeaderLine[], browser?: Browser): string[] {
  const unsafe = new Set<string>();
  const safelisted: string[] = [];
  let safelistSize = 0;
  for (const [name, value] of headers) {
    const n = name.toLowerCase();
    if (isSafelistedRequestHeader(n, value, browser)) {
      safelisted.push(n);
      safelistSize += value.length;
    } else {
      unsafe.add(n);
    }
  }
  // Safelisted values totalling over 1 KiB make every one of them unsafe.
  if (safelistSize > 1024) for (const n of safelisted) unsafe.add(n);
  return [...unsafe].sort();
}

/**
 * The headers the page's fetch() actually sends: values trimmed, forbidden ones
 * dropped one by one as Headers.append drops them, then one line per name.
 */
export function sendableHeaders(
  headers: readonly HeaderLine[],
  browser: Browser,
): { kept: HeaderLine[]; dropped: string[] } {
  const kept: HeaderLine[] = [];
  const dropped: string[] = [];
  for (const [name, raw] of headers) {
    const value = normalizeHeaderValue(raw);
    if (isForbiddenRequestHeader(name, browser, value)) dropped.push(name.toLowerCase());
    else kept.push([name, value]);
  }
  return { kept: combineHeaders(kept), dropped: [...new Set(dropped)] };
}

/** `authorization` is never covered by a `*` in Access-Control-Allow-Headers. */
export function isNonWildcardHeaderName(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}
