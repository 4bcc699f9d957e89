// What counts as an endpoint URL and as a page's origin, for the config file
// and the options alike. Each function says why text is refused, and the
// caller adds which key or option it came from.

export type Checked<T> = { ok: T } | { problem: string };

/** An http:// or https:// URL that fetch() can request, as written. */
export function checkHttpUrl(text: string): Checked<string> {
  if (/\s/.test(text)) return { problem: `${JSON.stringify(text)} contains white space` };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: `${JSON.stringify(text)} is not a valid URL` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { problem: `must be an http:// or https:// URL, got ${JSON.stringify(text)}` };
  }
  return { ok: text };
}

/**
 * Where a page runs, by its origin: a web page (http, https), a page with an
 * opaque origin (a file:// page, a sandboxed iframe: Origin null), a browser
 * extension's page or service worker, or an app's own scheme (Electron, Tauri,
 * Capacitor, VS Code webviews), which cors-gate models as ordinary CORS from
 * that origin.
 */
export type OriginKind = 'web' | 'opaque' | 'extension' | 'app';

const EXTENSION_IDS: Record<string, RegExp> = {
  // Chrome's extension ids are 32 letters a to p; Firefox's and Safari's are UUIDs.
  'chrome-extension': /^[a-p]{32}$/,
  'moz-extension': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'safari-web-extension': /^[0-9a-z-]{8,64}$/i,
};

/** Schemes no page a fetch() runs in is served from. */
const NOT_PAGES = new Set(['ftp', 'data', 'blob', 'javascript', 'about', 'mailto', 'ws', 'wss', 'view-source']);

export function originKind(origin: string): OriginKind {
  if (origin === 'null') return 'opaque';
  const scheme = origin.slice(0, origin.indexOf(':')).toLowerCase();
  if (scheme === 'http' || scheme === 'https') return 'web';
  return scheme in EXTENSION_IDS ? 'extension' : 'app';
}

/**
 * The Origin a page at this address sends. For the web, scheme://host[:port]
 * (a trailing slash is what people type and is dropped, as the browser's
 * Origin never has one); `null` for an opaque origin; for an extension or an
 * app, its scheme and host as written.
 */
export function checkOrigin(text: string): Checked<string> {
  if (text === 'null') return { ok: 'null' };
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/.exec(text);
  if (!m) return { problem: `${JSON.stringify(text)} is not an origin (scheme://host, or null)` };
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    const url = checkHttpUrl(text);
    if ('problem' in url) return url;
    const u = new URL(text);
    if (u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]/.test(text)) {
      return {
        problem: `must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(text)}`,
      };
    }
    return { ok: u.origin };
  }
  if (scheme === 'file') {
    return { problem: `must be "null" for a file:// page, which sends Origin: null, got ${JSON.stringify(text)}` };
  }
  if (NOT_PAGES.has(scheme)) {
    return {
      problem: `must be the origin of a page, and no page runs from a ${scheme}: URL, got ${JSON.stringify(text)}`,
    };
  }
  const host = m[2]!.replace(/\/$/, '');
  if (!/^[A-Za-z0-9._~-]+(:\d{1,5})?$/.test(host)) {
    return { problem: `must be an origin (scheme://host, no path, query or user), got ${JSON.stringify(text)}` };
  }
  const id = EXTENSION_IDS[scheme];
  if (id && !id.test(host)) {
    const what = scheme === 'chrome-extension' ? '32 letters a to p' : 'a UUID';
    return { problem: `must hold a ${scheme} id (${what}), got ${JSON.stringify(text)}` };
  }
  return { ok: `${scheme}://${host}` };
}
