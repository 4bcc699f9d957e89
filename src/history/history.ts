// What earlier runs saw: one letter per run and endpoint, for the last runs.
// Pure: the store (store.ts) reads and writes it; the issue plan counts runs in
// a row from it, and the summary draws the last ones.
import type { ResultRecord } from '../report/record.js';
import type { Verdict } from '../types.js';

export const HISTORY_VERSION = 1;
/** Runs kept; an endpoint not checked in any of them is forgotten. */
export const MAX_RUNS = 30;

/**
 * One letter per run, oldest first: p pass, w warn, f fail, F a fail only
 * some probes met (flaky), e error, - not checked in that run.
 */
export type Letter = 'p' | 'w' | 'f' | 'F' | 'e' | '-';

export interface RunEntry {
  /** ISO time of the run. */
  at: string;
  /** The workflow run, when known. */
  url?: string;
}

export interface EndpointHistory {
  name: string;
  /** As many letters as `runs`, the last one this run's. */
  states: string;
}

export interface History {
  version: typeof HISTORY_VERSION;
  tool: 'cors-gate';
  runs: RunEntry[];
  /** By endpoint id. */
  endpoints: Record<string, EndpointHistory>;
}

export class HistoryError extends Error {
  override name = 'HistoryError';
}

export function emptyHistory(): History {
  return { version: HISTORY_VERSION, tool: 'cors-gate', runs: [], endpoints: {} };
}

const LETTERS = /^[pwfFe-]*$/;

/** Parses a stored history; anything else is a HistoryError naming where it came from. */
export function parseHistory(text: string, where: string): History {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HistoryError(`${where}: not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const h = value as Partial<History>;
  if (!h || typeof h !== 'object' || h.tool !== 'cors-gate')
    throw new HistoryError(`${where}: not a cors-gate history`);
  if (h.version !== HISTORY_VERSION) {
    throw new HistoryError(
      `${where}: history version ${JSON.stringify(h.version)}, this cors-gate reads ${HISTORY_VERSION}`,
    );
  }
  if (!Array.isArray(h.runs) || !h.runs.every((r) => r && typeof r.at === 'string')) {
    throw new HistoryError(`${where}: runs is not a list of runs`);
  }
  if (!h.endpoints || typeof h.endpoints !== 'object') throw new HistoryError(`${where}: endpoints is not a mapping`);
  for (const [id, e] of Object.entries(h.endpoints)) {
    if (!e || typeof e.name !== 'string' || typeof e.states !== 'string' || !LETTERS.test(e.states)) {
      throw new HistoryError(`${where}: endpoint ${id} is not an endpoint history`);
    }
    if (e.states.length !== h.runs.length)
      throw new HistoryError(`${where}: endpoint ${id} has ${e.states.length} runs, not ${h.runs.length}`);
  }
  return h as History;
}

export function letterOf(r: Pick<ResultRecord, 'verdict' | 'flaky'>): Letter {
  const map: Record<Verdict, Letter> = { pass: 'p', warn: 'w', fail: 'f', error: 'e' };
  return r.flaky && r.verdict === 'fail' ? 'F' : map[r.verdict];
}

/** The verdict (and flakiness) a letter stands for; null for a run that did not check the endpoint. */
export function recordOf(letter: string): Pick<ResultRecord, 'verdict' | 'flaky'> | null {
  switch (letter) {
    case 'p':
      return { verdict: 'pass' };
    case 'w':
      return { verdict: 'warn' };
    case 'f':
      return { verdict: 'fail' };
    case 'F':
      return { verdict: 'fail', flaky: true };
    case 'e':
      return { verdict: 'error' };
    default:
      return null;
  }
}

/**
 * The history with this run added: each endpoint of the run gets its letter,
 * every other one a `-`; the oldest runs beyond MAX_RUNS are dropped, and with
 * them endpoints that none of the kept runs checked.
 */
export function recordRun(before: History, records: readonly ResultRecord[], run: RunEntry): History {
  const runs = [...before.runs, run];
  const drop = Math.max(0, runs.length - MAX_RUNS);
  const endpoints: Record<string, EndpointHistory> = {};
  const now = new Map(records.map((r) => [r.id, r]));
  for (const [id, e] of Object.entries(before.endpoints)) {
    const r = now.get(id);
    const states = (e.states + (r ? letterOf(r) : '-')).slice(drop);
    if (/[^-]/.test(states)) endpoints[id] = { name: r?.name ?? e.name, states };
  }
  for (const r of records) {
    if (!endpoints[r.id] && !before.endpoints[r.id]) {
      endpoints[r.id] = { name: r.name, states: ('-'.repeat(before.runs.length) + letterOf(r)).slice(drop) };
    }
  }
  return { version: HISTORY_VERSION, tool: 'cors-gate', runs: runs.slice(drop), endpoints };
}

export type StreakState = 'failing' | 'passing' | 'transient';

export interface Streak {
  state: StreakState;
  /** Runs in a row in that state, this one included; runs in a transient state, or that did not check the endpoint, are passed over. */
  runs: number;
  /** When the first of those runs was. */
  since?: string;
}

/**
 * The runs in a row that end with this one, by the state `classify` gives each
 * letter. A transient run (an error nobody files issues for) or one that did
 * not check the endpoint neither extends nor breaks it.
 */
export function streakOf(h: History, id: string, classify: (letter: Letter) => StreakState): Streak | null {
  const e = h.endpoints[id];
  if (!e) return null;
  let state: StreakState | null = null;
  let runs = 0;
  let since: string | undefined;
  for (let i = e.states.length - 1; i >= 0; i--) {
    const letter = e.states[i] as Letter;
    if (letter === '-') continue;
    const s = classify(letter);
    if (s === 'transient') continue;
    if (state === null) state = s;
    else if (s !== state) break;
    runs++;
    since = h.runs[i]?.at;
  }
  return { state: state ?? 'transient', runs, ...(since ? { since } : {}) };
}

const ICON: Record<Letter, string> = { p: '✅', w: '⚠️', f: '❌', F: '〰️', e: '🔌', '-': '·' };

/** The last runs of an endpoint as icons, oldest first. */
export function strip(h: History, id: string, runs = 10): string {
  const states = h.endpoints[id]?.states ?? '';
  return [...states.slice(-runs)].map((l) => ICON[l as Letter]).join('');
}
