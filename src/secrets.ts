// What counts as a secret, what stands in for one, and how secrets are kept out
// of everything people read: one home for each of these rules.

/** The key cors-gate sends when the config gives no real one: it proves nothing and unlocks nothing. */
export const PLACEHOLDER_KEY = 'cors-gate-probe';

/** Headers whose value is a credential: written in a file (or substituted into the action's input) they are secrets unless said otherwise. */
export const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
]);

export function isPlaceholder(value: string): boolean {
  return new RegExp(`^(?:[A-Za-z][\\w.-]*\\s+)?${PLACEHOLDER_KEY}$`).test(value.trim());
}

/** What to mask for a secret header value: the credential after an auth scheme first (a server may echo it alone), then the whole value. */
export function secretParts(value: string): string[] {
  const m = /^[A-Za-z][\w.-]*\s+(\S.*)$/.exec(value.trim());
  return m && m[1]!.trim().length >= 4 ? [m[1]!.trim(), value] : [value];
}

/** Removes secrets (and URL credentials) from text meant for people. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/**
 * redact() for text that was cut short (a body read up to a limit): a secret the
 * cut split in two leaves no beginning of itself at the end either.
 */
export function redactCut(text: string, secrets: readonly string[], cutShort: boolean): string {
  let out = redact(text, secrets);
  if (!cutShort) return out;
  for (const s of secrets) {
    for (let k = Math.min(s.length - 1, out.length); k >= 4; k--) {
      if (out.endsWith(s.slice(0, k))) {
        out = `${out.slice(0, -k)}***`;
        break;
      }
    }
  }
  return out;
}

const SECRET_PARAMS =
  /^(key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|password|sig|signature|x-goog-api-key|code)$/i;

/** The credentials a URL carries (userinfo, credential-like query values), to redact wherever they turn up. */
export function urlSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const out: string[] = [];
  const decoded = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  for (const part of [u.username, u.password]) if (part) out.push(part, decoded(part));
  for (const [k, v] of u.searchParams) if (SECRET_PARAMS.test(k) && v) out.push(v, encodeURIComponent(v));
  return [...new Set(out)];
}

/** A URL fit to show: userinfo and credential-like query values replaced. */
export function displayUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.username || u.password) {
    u.username = '***';
    u.password = '';
  }
  for (const k of [...u.searchParams.keys()]) if (SECRET_PARAMS.test(k)) u.searchParams.set(k, '***');
  return u.toString().replace(/%2A%2A%2A/g, '***');
}
