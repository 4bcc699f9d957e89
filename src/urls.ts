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
 * The Origin a page at this address sends: scheme://host[:port]. A trailing
 * slash is what people type and is dropped, as the browser's Origin never has one.
 */
export function checkOrigin(text: string): Checked<string> {
  const url = checkHttpUrl(text);
  if ('problem' in url) return url;
  const u = new URL(text);
  if (u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]/.test(text)) {
    return { problem: `must be an origin (scheme://host[:port], no path, query or user), got ${JSON.stringify(text)}` };
  }
  return { ok: u.origin };
}
