// The JSON report: what was checked and seen, redacted once here so that every
// output rendered from it (summary, table, issues, merged reports) is too.
import { cut, displayUrl, redact } from '../text.js';
import type { CheckResult, Exchange, Finding, HeaderLine, IssueTarget, Verdict } from '../types.js';

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
}

export interface Report {
  version: number;
  tool: 'cors-gate';
  generatedAt: string;
  results: ResultRecord[];
}

function lines(headers: readonly HeaderLine[], secrets: readonly string[]): HeaderLine[] {
  const out = headers.slice(0, MAX_LINES).map(([n, v]) => [cut(redact(n, secrets), 256), cut(redact(v, secrets), MAX_VALUE)] as HeaderLine);
  if (headers.length > MAX_LINES) out.push(['cors-gate-note', `${headers.length - MAX_LINES} more header lines cut`]);
  return out;
}

function exchange(ex: Exchange | undefined, secrets: readonly string[]): ExchangeRecord | null {
  if (!ex) return null;
  return {
    request: { method: ex.method, headers: lines(ex.headers, secrets) },
    status: ex.response?.status ?? null,
    headers: lines(ex.response?.headers ?? [], secrets),
    body: redact(ex.response?.body ?? '', secrets),
    bodyTruncated: ex.response?.bodyTruncated ?? false,
    error: ex.error ? { code: ex.error.code, message: redact(ex.error.message, secrets) } : null,
    ms: ex.ms,
  };
}

export function toRecord(r: CheckResult, extraSecrets: readonly string[] = []): ResultRecord {
  const e = r.endpoint;
  const secrets = [...e.secrets, ...extraSecrets];
  return {
    id: e.id,
    name: redact(e.name, secrets),
    ...(e.group ? { group: e.group } : {}),
    url: redact(displayUrl(e.url), secrets),
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
    findings: r.evaluation.findings.map((f) => ({ ...f, message: redact(f.message, secrets) })),
    fix: r.evaluation.fix,
    preflight: exchange(r.preflight, secrets),
    actual: exchange(r.actual, secrets),
    checkedAt: r.checkedAt,
  };
}

export function buildReport(results: readonly CheckResult[], extraSecrets: readonly string[] = []): Report {
  return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt: new Date().toISOString(), results: results.map((r) => toRecord(r, extraSecrets)) };
}
