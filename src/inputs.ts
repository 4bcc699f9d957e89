// Every option of the action and the CLI: its default, written once here, and
// the parser that turns its text into a typed value with an error naming it.
import { MAX_SHARDS, type Shard } from './config/shard.js';
import { UsageError } from './errors.js';
import { type IssueTrigger, VERDICTS, type Verdict } from './types.js';
import { checkOrigin, originKind } from './urls.js';

/**
 * Defaults as option text, shared by the action, the CLI and their help.
 * action.yml repeats them for GitHub's UI; a test keeps the two equal.
 */
export const DEFAULTS = {
  config: '.github/cors-gate.yml',
  'fail-on': 'fail,error',
  timeout: '10',
  concurrency: '8',
  issues: 'false',
  'host-permissions': 'false',
  'issue-labels': 'cors-gate',
  'issue-on': 'fail',
  'dry-run': 'false',
  'max-issue-writes': '20',
  retries: '2',
  confirm: '2',
  'issue-after': '1',
  'close-after': '1',
  history: 'false',
  'history-branch': 'cors-gate-data',
} as const;

/** The page a check runs from when the config names none. */
export const DEFAULT_ORIGIN = 'https://example.com';

export const MAX_CONCURRENCY = 256;
export const MAX_TIMEOUT_SECONDS = 600;
export const MAX_ISSUE_WRITES = 1000;
export const MAX_RETRIES = 10;
export const MAX_CONFIRM = 10;
export const MAX_RUNS_IN_A_ROW = 30;

export function parseSeconds(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(
      `${name} must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(text)}`,
    );
  }
  return Math.round(n * 1000);
}

/** A whole number from `min` to `max`. */
export function parseCount(text: string, name: string, max: number, min = 1): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return n;
}

export function parseBool(text: string, name: string): boolean {
  if (/^(true|yes|1)$/i.test(text.trim())) return true;
  if (/^(false|no|0|)$/i.test(text.trim())) return false;
  throw new UsageError(`${name} must be true or false, got ${JSON.stringify(text)}`);
}

export function parseOrigin(text: string, name: string): string {
  const checked = checkOrigin(text.trim());
  if ('problem' in checked) throw new UsageError(`${name} ${checked.problem}`);
  return checked.ok;
}

/**
 * Whether the extension given as the origin option has host permissions for
 * the endpoints: only with an extension's origin, since it replaces the
 * configured origins and what the config says about them.
 */
export function parseHostPermissions(text: string, name: string, origin: string | undefined): boolean {
  const on = parseBool(text, name);
  if (on && (origin === undefined || originKind(origin) !== 'extension'))
    throw new UsageError(
      `${name} describes the browser extension given as the origin option (chrome-extension://, moz-extension://, safari-web-extension://), and ${origin === undefined ? 'no origin is given' : `the origin is ${JSON.stringify(origin)}`}; in a config, use the host-permissions key`,
    );
  return on;
}

/**
 * A comma list of names from `allowed`, or `never` for none: verdicts for
 * fail-on, failing verdicts and `flaky` for issue-on.
 */
function parseList<T extends string>(text: string, name: string, allowed: readonly T[], what: string): T[] {
  const items = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'never') return [];
  const usage = `use a comma list of ${allowed.join(', ')}, or never`;
  if (items.includes('never'))
    throw new UsageError(`${name}: never means none and cannot be combined with verdicts, got ${JSON.stringify(text)}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item))
      throw new UsageError(`${name}: ${JSON.stringify(item)} is not ${what} (${usage})`);
  }
  if (items.length === 0) throw new UsageError(`${name} is empty (${usage})`);
  return items as T[];
}

/** `fail,error` → the verdicts that fail the gate; `never` → none. */
export function parseFailOn(text: string, name = 'fail-on'): Verdict[] {
  return parseList(text, name, VERDICTS, 'a verdict');
}

export const ISSUE_TRIGGERS: readonly IssueTrigger[] = ['fail', 'error', 'warn', 'flaky'];

/**
 * What opens an issue: `fail`, `error`, `warn`, and `flaky` for a failure that
 * only some of an endpoint's probes met (left out of `fail`). A pass never does.
 */
export function parseIssueOn(text: string, name = 'issue-on'): IssueTrigger[] {
  return parseList(text, name, ISSUE_TRIGGERS, 'a failing verdict or flaky');
}

const REPO_NAME = /^[\w.-]+\/[\w.-]+$/;

/** Why text is not an owner/repo name, or null. */
export function repoProblem(text: string): string | null {
  return REPO_NAME.test(text) ? null : `must be owner/repo, got ${JSON.stringify(text)}`;
}

export function parseRepo(text: string, name: string): string {
  const t = text.trim();
  const problem = repoProblem(t);
  if (problem) throw new UsageError(`${name} ${problem}`);
  return t;
}

export function parseLabels(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `2/4` → { index: 2, count: 4 }; empty text → no sharding. */
export function parseShard(text: string, name = 'shard'): Shard | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (!m) throw new UsageError(`${name} must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw new UsageError(`${name}: the number of shards must be from 1 to ${MAX_SHARDS}, got ${count}`);
  if (index < 1 || index > count)
    throw new UsageError(`${name}: the shard number counts from 1 to ${count}, got ${index}`);
  return { index, count };
}
