// Turns option text (action inputs, CLI flags) into typed values, with errors that name the option.
import { parseFailOn, UsageError } from './report/gate.js';
import type { Verdict } from './types.js';

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

export { parseFailOn };
export type { Verdict };
