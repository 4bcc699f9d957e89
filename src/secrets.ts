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

/** Removes secrets (and URL credentials) from text meant for people: `secrets` in order, then `more`. */
export function redact(text: string, secrets: readonly string[], more: readonly string[] = []): string {
  const out = replaceEach(text, within(text, secrets));
  return more.length ? replaceEach(out, within(out, more)) : out;
}

function replaceEach(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join('***');
  return out;
}

/**
 * redact() for text that was cut short (a body read up to a limit): a secret the
 * cut split in two leaves no beginning of itself at the end either.
 */
export function redactCut(
  text: string,
  secrets: readonly string[],
  cutShort: boolean,
  more: readonly string[] = [],
): string {
  let out = redact(text, secrets, more);
  if (!cutShort) return out;
  for (const list of [secrets, more]) {
    for (const s of atEnd(out, list)) {
      for (let k = Math.min(s.length - 1, out.length); k >= 4; k--) {
        if (out.endsWith(s.slice(0, k))) {
          out = `${out.slice(0, -k)}***`;
          break;
        }
      }
    }
  }
  return out;
}

/**
 * A run holds every endpoint's secrets, and each of its thousands of texts is
 * redacted with all of them: trying each secret on each text grows with their
 * product. From this many secrets on, the few that can matter to a text are
 * looked up instead.
 */
const INDEX_FROM = 16;
/** A secret is looked up by this many of its last characters (all of a shorter one): keys end at random. */
const END_KEY = 8;

interface SecretIndex {
  /** The secrets themselves, as they were when the index was made. */
  texts: string[];
  /** Positions in the list, by each secret's last END_KEY characters. */
  byEnd: Map<string, number[]>;
  /** The key lengths in use (END_KEY, and those of shorter secrets). */
  endLengths: number[];
  /** Positions of the secrets of 4 characters or more, in the order of their text: those that begin alike are together. */
  sorted: number[];
  /** Secrets with a `*`: the `***` an earlier secret leaves can complete them, so they are always tried. */
  always: number[];
  longest: number;
}

const indexes = new WeakMap<readonly string[], SecretIndex>();

function indexFor(secrets: readonly string[]): SecretIndex {
  let index = indexes.get(secrets);
  if (index) return index;
  const texts = [...secrets];
  index = { texts, byEnd: new Map(), endLengths: [], sorted: [], always: [], longest: 0 };
  const lengths = new Set<number>();
  texts.forEach((s, n) => {
    if (s.length < 4) return;
    if (s.includes('*')) index.always.push(n);
    const key = s.slice(-END_KEY);
    const list = index.byEnd.get(key);
    if (list) list.push(n);
    else index.byEnd.set(key, [n]);
    lengths.add(key.length);
    index.sorted.push(n);
    index.longest = Math.max(index.longest, s.length);
  });
  index.endLengths = [...lengths];
  index.sorted.sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b));
  indexes.set(secrets, index);
  return index;
}

/** The secrets, in their order, that the text can hold (all of a short list). */
function within(text: string, secrets: readonly string[]): readonly string[] {
  if (secrets.length < INDEX_FROM) return secrets;
  const { texts, byEnd, endLengths, always } = indexFor(secrets);
  const found = new Set(always);
  for (const length of endLengths) {
    for (let end = length; end <= text.length; end++) {
      for (const n of byEnd.get(text.slice(end - length, end)) ?? []) {
        if (text.startsWith(texts[n]!, end - texts[n]!.length)) found.add(n);
      }
    }
  }
  return inOrder(found, secrets);
}

/**
 * The secrets, in their order, whose beginning the text ends with (all of a short
 * list). A whole secret is not among the ends: redact() has taken those out.
 */
function atEnd(text: string, secrets: readonly string[]): readonly string[] {
  if (secrets.length < INDEX_FROM) return secrets;
  const { texts, sorted, always, longest } = indexFor(secrets);
  const found = new Set(always);
  // Each end of the text of 4 characters or more that a longer secret can begin with.
  for (let start = Math.max(0, text.length - longest + 1); start + 4 <= text.length; start++) {
    const end = text.slice(start);
    // The first secret not before this end of the text; those that begin with it follow it.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (texts[sorted[middle]!]! < end) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length && texts[sorted[i]!]!.startsWith(end); i++) found.add(sorted[i]!);
  }
  return inOrder(found, secrets);
}

/** The secrets found, in the order of the list: the order in which they are replaced. */
function inOrder(found: Set<number>, secrets: readonly string[]): string[] {
  return [...found].sort((a, b) => a - b).map((n) => secrets[n]!);
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
