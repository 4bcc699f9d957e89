// The JSON report: what was checked and seen, redacted once here so that every
// output rendered from it (summary, table, issues, merged reports) is too.
import { displayUrl, redact, redactCut, urlSecrets } from '../secrets.js';
import { cut, jsonLine, jsonText } from '../text.js';
import type {
  Attempt,
  CheckResult,
  Endpoint,
  Exchange,
  Finding,
  HeaderLine,
  IssueTarget,
  ProbeSummary,
  Verdict,
} from '../types.js';

export const REPORT_VERSION = 1;
const MAX_LINES = 200;
const MAX_VALUE = 4096;

export interface ExchangeRecord {
  request: { method: string; headers: HeaderLine[] };
  status: number | null;
  /** Response header lines as received (bounded). */
  headers: HeaderLine[];
  body: string;
  bodyTruncated: boolean;
  error: { code: string; message: string } | null;
  ms: number;
  /** Earlier attempts that were asked again (no answer, or 502/503/504/429), oldest first; absent when there was one. */
  attempts?: Attempt[];
}

export interface ResultRecord {
  id: string;
  name: string;
  group?: string;
  url: string;
  origin: string;
  method: string;
  credentials: string;
  browser: string;
  client?: string;
  expect?: 'pass' | 'fail';
  models?: string[];
  issue?: IssueTarget;
  verdict: Verdict;
  preflightNeeded: boolean;
  findings: Finding[];
  fix: HeaderLine[];
  preflight: ExchangeRecord | null;
  actual: ExchangeRecord | null;
  checkedAt: string;
  /** Every probe of a failing endpoint, when it was probed again to confirm the failure. */
  probes?: ProbeSummary[];
  /** The probes disagreed: a browser meets the failure only some of the time. */
  flaky?: boolean;
  /** Place in the whole config (before sharding), so merged shards keep the config's order. */
  position?: number;
}

export interface Report {
  version: number;
  tool: 'cors-gate';
  generatedAt: string;
  results: ResultRecord[];
}

/**
 * The secrets to take out of one record: the endpoint's own first, then the
 * run's, one list shared by every record so that it is prepared only once.
 */
interface RecordSecrets {
  own: readonly string[];
  run: readonly string[];
}

function lines(headers: readonly HeaderLine[], { own, run }: RecordSecrets): HeaderLine[] {
  const out = headers.slice(0, MAX_LINES).map((line) => {
    const name = cut(redact(line[0], own, run), 256);
    const value = cut(redact(line[1], own, run), MAX_VALUE);
    // Most lines hold no secret and fit: the line itself is kept, not a copy.
    return name === line[0] && value === line[1] ? line : ([name, value] as HeaderLine);
  });
  if (headers.length > MAX_LINES) out.push(['cors-gate-note', `${headers.length - MAX_LINES} more header lines cut`]);
  return out;
}

function exchange(ex: Exchange | undefined, secrets: RecordSecrets): ExchangeRecord | null {
  if (!ex) return null;
  return {
    request: { method: ex.method, headers: lines(ex.headers, secrets) },
    status: ex.response?.status ?? null,
    headers: lines(ex.response?.headers ?? [], secrets),
    body: redactCut(ex.response?.body ?? '', secrets.own, ex.response?.bodyTruncated ?? false, secrets.run),
    bodyTruncated: ex.response?.bodyTruncated ?? false,
    error: ex.error ? { code: ex.error.code, message: redact(ex.error.message, secrets.own, secrets.run) } : null,
    ms: ex.ms,
    ...(ex.attempts?.length ? { attempts: ex.attempts } : {}),
  };
}

export function toRecord(r: CheckResult, extraSecrets: readonly string[] = []): ResultRecord {
  const e = r.endpoint;
  // A server may echo the request line back: the URL's own credentials are secrets too.
  const secrets: RecordSecrets = { own: [...e.secrets, ...urlSecrets(e.url)], run: extraSecrets };
  const { own, run } = secrets;
  return {
    id: e.id,
    name: redact(e.name, own, run),
    ...(e.group ? { group: e.group } : {}),
    url: redact(displayUrl(e.url), own, run),
    origin: e.origin,
    method: e.method,
    credentials: e.credentials,
    browser: e.browser,
    ...(e.client ? { client: e.client } : {}),
    ...(e.expect ? { expect: e.expect } : {}),
    ...(e.models ? { models: e.models } : {}),
    ...(e.issue ? { issue: e.issue } : {}),
    verdict: r.evaluation.verdict,
    preflightNeeded: r.evaluation.preflightNeeded,
    findings: r.evaluation.findings.map((f) => {
      const message = redact(f.message, own, run);
      return message === f.message ? f : { ...f, message };
    }),
    fix: r.evaluation.fix,
    preflight: exchange(r.preflight, secrets),
    actual: exchange(r.actual, secrets),
    checkedAt: r.checkedAt,
    ...(r.probes ? { probes: r.probes } : {}),
    ...(r.flaky ? { flaky: true } : {}),
  };
}

/** One server may echo a key that another endpoint sent: every endpoint's secrets are redacted from every result. */
export function reportSecrets(endpoints: readonly Endpoint[], extraSecrets: readonly string[] = []): string[] {
  const all = new Set(extraSecrets);
  for (const e of endpoints) for (const s of [...e.secrets, ...urlSecrets(e.url)]) all.add(s);
  return [...all];
}

export function newReport(records: ResultRecord[]): Report {
  return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt: new Date().toISOString(), results: records };
}

export function buildReport(results: readonly CheckResult[], extraSecrets: readonly string[] = []): Report {
  const secrets = reportSecrets(
    results.map((r) => r.endpoint),
    extraSecrets,
  );
  return newReport(results.map((r) => toRecord(r, secrets)));
}

/**
 * How the JSON report is laid out: `indented` exactly as jsonText writes it, for
 * a person at a terminal; `lines` with one result per line and no indentation,
 * for files and pipes, where the indentation of thousands of results is
 * megabytes of white space. Both are the same JSON.
 */
export type JsonLayout = 'indented' | 'lines';

/**
 * The report's text, one result at a time: thousands of results never sit in
 * memory as one string and its encoded copy.
 */
export function* reportJsonChunks(report: Report, layout: JsonLayout = 'indented'): Generator<string> {
  const { results } = report;
  const indented = layout === 'indented';
  // Spreading keeps each key where it was; at depth 1 the key is unique.
  const frame = indented ? jsonText({ ...report, results: [] }) : jsonLine({ ...report, results: [] }) + '\n';
  const empty = indented ? '\n  "results": []' : '"results":[]';
  const at = frame.indexOf(empty) + empty.length - 1;
  yield frame.slice(0, at);
  let batch = '';
  for (let i = 0; i < results.length; i++) {
    batch += indented
      ? (i ? ',\n    ' : '\n    ') + jsonText(results[i]).slice(0, -1).replace(/\n/g, '\n    ')
      : (i ? ',\n' : '\n') + jsonLine(results[i]);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield batch + (results.length ? (indented ? '\n  ]' : '\n]') : ']') + frame.slice(at + 1);
}
