// Turns option text (action inputs, CLI flags) into typed values, with errors that name the option.
import { MAX_SHARDS, type Shard } from './config/shard.js';
import { UsageError } from './errors.js';
import { VERDICTS, type Verdict } from './types.js';

export function parseSeconds(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(`${name} must be a number of seconds above 0 and at most 600, got ${JSON.stringify(text)}`);
  return Math.round(n * 1000);
}

export function parseCount(text: string, name: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) throw new UsageError(`${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(text)}`);
  return n;
}

export function parseBool(text: string, name: string): boolean {
  if (/^(true|yes|1)$/i.test(text.trim())) return true;
  if (/^(false|no|0|)$/i.test(text.trim())) return false;
  throw new UsageError(`${name} must be true or false, got ${JSON.stringify(text)}`);
}

export function parseOrigin(text: string, name: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new UsageError(`${name} must be an origin like https://example.com, got ${JSON.stringify(text)}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || /[?#]/.test(text) || u.username || u.password) {
    throw new UsageError(`${name} must be an origin like https://example.com (no path or query), got ${JSON.stringify(text)}`);
  }
  return u.origin;
}

/** `fail,error` → the verdicts that fail the gate; `never` → none. */
export function parseFailOn(text: string): Verdict[] {
  const items = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (items.length === 1 && items[0] === 'never') return [];
  if (items.includes('never')) throw new UsageError(`fail-on: never turns the gate off and cannot be combined with verdicts, got ${JSON.stringify(text)}`);
  for (const item of items) {
    if (!(VERDICTS as readonly string[]).includes(item)) {
      throw new UsageError(`fail-on: ${JSON.stringify(item)} is not a verdict (use a comma list of ${VERDICTS.join(', ')}, or never)`);
    }
  }
  if (items.length === 0) throw new UsageError('fail-on is empty (use a comma list of verdicts, or never)');
  return items as Verdict[];
}

export function parseIssueOn(text: string): Verdict[] {
  const items = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (items.length === 1 && items[0] === 'never') return [];
  for (const item of items) {
    if (!(VERDICTS as readonly string[]).includes(item) || item === 'pass') {
      throw new UsageError(`issue-on: ${JSON.stringify(item)} is not a failing verdict (use a comma list of fail, error, warn, or never)`);
    }
  }
  if (items.length === 0) throw new UsageError('issue-on is empty (use a comma list of fail, error, warn, or never)');
  return items as Verdict[];
}

export function parseRepo(text: string, name: string): string {
  const t = text.trim();
  if (!/^[\w.-]+\/[\w.-]+$/.test(t)) throw new UsageError(`${name} must be owner/repo, got ${JSON.stringify(text)}`);
  return t;
}

export function parseWriteCap(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 1000) throw new UsageError(`max-issue-writes must be a whole number from 0 to 1000, got ${JSON.stringify(text)}`);
  return n;
}

/** `2/4` → { index: 2, count: 4 }; empty text → no sharding. */
export function parseShard(text: string, name = 'shard'): Shard | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (!m) throw new UsageError(`${name} must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`${name}: the number of shards must be from 1 to ${MAX_SHARDS}, got ${count}`);
  if (index < 1 || index > count) throw new UsageError(`${name}: the shard number counts from 1 to ${count}, got ${index}`);
  return { index, count };
}
