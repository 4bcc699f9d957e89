// The request headers an entry gives: names with placeholder values, literal
// values, or values from the environment, and which of them are secrets.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { CREDENTIAL_HEADERS, isPlaceholder, PLACEHOLDER_KEY, secretParts } from '../secrets.js';
import type { HeaderLine } from '../types.js';
import { describe, type Reader } from './reader.js';

export const DEFAULT_HEADERS: Record<string, string> = {
  authorization: `Bearer ${PLACEHOLDER_KEY}`,
  'content-type': 'application/json',
  'x-api-key': PLACEHOLDER_KEY,
  'api-key': PLACEHOLDER_KEY,
  'x-goog-api-key': PLACEHOLDER_KEY,
};

export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `headers:` as a list of names (placeholder values) or a mapping of name: value, value: or env:. */
export function readHeaders(r: Reader, node: Node | null): { headers: HeaderLine[]; secrets: string[] } {
  const n = r.deref(node);
  const out: HeaderLine[] = [];
  const secret: string[] = [];
  const checkName = (name: string, at: Node | null) => {
    if (!HEADER_NAME.test(name))
      throw r.error(at, `header name ${JSON.stringify(name)} is not a valid HTTP header name`);
  };
  if (n && isSeq(n)) {
    for (const item of n.items as Node[]) {
      const name = r.string(item, 'headers[]');
      checkName(name, r.deref(item));
      out.push([name, DEFAULT_HEADERS[name.toLowerCase()] ?? PLACEHOLDER_KEY]);
    }
  } else if (n && isMap(n)) {
    for (const pair of n.items as Pair<Node, Node>[]) {
      const name = r.key(pair);
      checkName(name, pair.key);
      const v = r.deref(pair.value);
      if (v && isMap(v)) {
        let value: string | undefined;
        let isSecret: boolean | undefined;
        let fromEnv = false;
        for (const p of v.items as Pair<Node, Node>[]) {
          const k = r.key(p);
          if (k === 'value' || k === 'env') {
            if (value !== undefined) throw r.error(p.key, `headers.${name} takes value or env, not both`);
            if (k === 'value') value = r.string(p.value, `headers.${name}.value`);
            else {
              // From the environment, so a committed file never holds the key itself.
              const env = r.string(p.value, `headers.${name}.env`);
              const got = r.env[env];
              if (!got || got.trim() === '')
                throw r.error(r.deref(p.value), `headers.${name}: the environment variable ${env} is not set or empty`);
              value = got;
              fromEnv = true;
            }
          } else if (k === 'secret') isSecret = r.bool(p.value, `headers.${name}.secret`);
          else
            throw r.error(
              p.key,
              `unknown key ${JSON.stringify(k)} in headers.${name} (expected value or env, and secret)`,
            );
        }
        if (value === undefined) throw r.error(v, `headers.${name} needs a value (or env: NAME)`);
        // A value from the environment, or a credential, is a secret unless said otherwise.
        isSecret ??= fromEnv || (CREDENTIAL_HEADERS.has(name.toLowerCase()) && !isPlaceholder(value));
        if (/[\r\n\0]/.test(value)) throw r.error(v, `headers.${name}.value contains a line break or NUL`);
        if (isSecret) secret.push(...secretParts(value));
        out.push([name, value]);
      } else {
        const value =
          v && isScalar(v) && v.value !== null && typeof v.value !== 'object'
            ? String(v.value)
            : r.string(v, `headers.${name}`);
        if (/[\r\n\0]/.test(value)) throw r.error(v, `headers.${name} contains a line break or NUL`);
        if (CREDENTIAL_HEADERS.has(name.toLowerCase()) && !isPlaceholder(value)) secret.push(...secretParts(value));
        out.push([name, value]);
      }
    }
  } else {
    throw r.error(n ?? node, `headers must be a list of names or a mapping of name: value, got ${describe(n)}`);
  }
  return { headers: out, secrets: secret };
}

/** `auth: KEY` or `auth: {env: NAME}` (the key from the environment, so a file can be committed). */
export function readAuth(r: Reader, node: Node | null, what: string): string {
  const n = r.deref(node);
  if (!n || !isMap(n)) return r.string(n ?? node, what);
  let name: string | undefined;
  for (const pair of n.items as Pair<Node, Node>[]) {
    const k = r.key(pair);
    if (k !== 'env') throw r.error(pair.key, `unknown key ${JSON.stringify(k)} in ${what} (expected env)`);
    name = r.string(pair.value, `${what}.env`);
  }
  if (!name) throw r.error(n, `${what} needs env: NAME`);
  const value = r.env[name];
  if (!value || value.trim() === '') throw r.error(n, `${what}: the environment variable ${name} is not set or empty`);
  return value;
}
