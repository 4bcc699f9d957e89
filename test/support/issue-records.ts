// Result records shaped as src/report/record.ts writes them, for tests that plan without a network.

import type { KnownIssue, World } from '../../src/issues/plan.js';
import type { ExchangeRecord, ResultRecord } from '../../src/report/record.js';
import type { Finding, HeaderLine } from '../../src/types.js';
import { resultRecord } from './records.js';

export function exchange(method: string, status: number | null, headers: HeaderLine[] = [], body = ''): ExchangeRecord {
  return {
    request: {
      method,
      headers:
        method === 'OPTIONS'
          ? [
              ['Origin', 'https://example.com'],
              ['Access-Control-Request-Method', 'POST'],
              ['Access-Control-Request-Headers', 'authorization,content-type'],
            ]
          : [
              ['Origin', 'https://example.com'],
              ['authorization', 'Bearer ***'],
            ],
    },
    status,
    headers,
    body,
    bodyTruncated: false,
    error: status === null ? { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' } : null,
    ms: 3,
  };
}

const PREFLIGHT_404: Finding = {
  code: 'PreflightInvalidStatus',
  level: 'fail',
  on: 'preflight',
  message:
    "Response to preflight request doesn't pass access control check: It does not have HTTP ok status (status 404).",
};
const NO_ACAH: Finding = {
  code: 'HeaderDisallowedByPreflightResponse',
  level: 'fail',
  on: 'preflight',
  message: 'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
};

export function failing(name = 'Zen', over: Partial<ResultRecord> = {}): ResultRecord {
  return resultRecord({
    id: `aa${Buffer.from(name).toString('hex').padEnd(10, '0').slice(0, 10)}`,
    name,
    url: `https://api.example.net/${name.toLowerCase()}/v1/chat/completions`,
    verdict: 'fail',
    findings: [
      PREFLIGHT_404,
      { code: 'MaxAge', level: 'info', on: 'preflight', message: 'No Access-Control-Max-Age.' },
    ],
    fix: [
      ['Access-Control-Allow-Origin', 'https://example.com'],
      ['Access-Control-Allow-Methods', 'POST'],
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
    ],
    preflight: exchange('OPTIONS', 404, [['Content-Type', 'text/html']], '<h1>Not Found</h1>'),
    actual: exchange('POST', 401, [['Content-Type', 'application/json']], '{"error":"Missing API key."}'),
    checkedAt: '2026-11-20T10:00:00.000Z',
    ...over,
  });
}

/** The same endpoint, failing differently: the preflight now answers 204 without the header. */
export function changed(name = 'Zen'): ResultRecord {
  return failing(name, {
    findings: [NO_ACAH],
    preflight: exchange('OPTIONS', 204, [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'POST'],
    ]),
  });
}

export function passing(name = 'Zen', over: Partial<ResultRecord> = {}): ResultRecord {
  return failing(name, {
    verdict: 'pass',
    findings: [{ code: 'MaxAge', level: 'info', on: 'preflight', message: 'Access-Control-Max-Age 600 s.' }],
    fix: [],
    preflight: exchange('OPTIONS', 204, [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ['Access-Control-Allow-Methods', 'POST'],
    ]),
    actual: exchange('POST', 401, [['Access-Control-Allow-Origin', '*']]),
    ...over,
  });
}

export function erroring(name = 'Zen'): ResultRecord {
  return failing(name, {
    verdict: 'error',
    findings: [
      {
        code: 'NetworkError',
        level: 'error',
        on: 'preflight',
        message: 'Preflight failed: connect ECONNREFUSED 127.0.0.1:1',
      },
    ],
    preflight: exchange('OPTIONS', null),
    actual: null,
  });
}

export const emptyWorld = (): World => ({ issues: [], comments: {}, history: [] });

export function issue(repo: string, number: number, body: string | null, over: Partial<KnownIssue> = {}): KnownIssue {
  return {
    repo,
    number,
    url: `https://github.com/${repo}/issues/${number}`,
    title: `t${number}`,
    body,
    state: 'open',
    stateReason: null,
    closedAt: null,
    // What GITHUB_TOKEN's issues are authored by.
    author: 'github-actions[bot]',
    ...over,
  };
}
