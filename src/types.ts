// The shapes that flow between the pipeline's steps:
// config → Endpoint[] → probe → Exchange → cors → Evaluation → report / issues.

export type Verdict = 'pass' | 'warn' | 'fail' | 'error';
export const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'error'];

/** What opens an issue: failing verdicts, and `flaky` for failures that only some probes met. */
export type IssueTrigger = Exclude<Verdict, 'pass'> | 'flaky';

export type CredentialsMode = 'omit' | 'include';
export type Browser = 'chromium' | 'firefox' | 'safari';

/**
 * How private a place on the network is: `public` (the internet), `private`
 * (the local network: 10/8, 172.16/12, 192.168/16, link-local, fc00::/7) and
 * `local` (this machine: loopback). Chromium's Local Network Access calls them
 * public, local and loopback.
 */
export type AddressSpace = 'public' | 'private' | 'local';

/** A header as it travels: name as written, value, order kept. */
export type HeaderLine = readonly [name: string, value: string];

export interface IssueTarget {
  /** owner/repo to file in; default the workflow's repository. */
  repo?: string;
  /** follow an issue someone else opened: comment on state changes only. */
  number?: number;
  labels?: string[];
}

/** One check to run: one request from one origin to one URL. */
export interface Endpoint {
  /** Stable across runs and reorderings: derived from name, url and origin. */
  id: string;
  /** Row name shown to people (unique within a run). */
  name: string;
  /** Provider name when one config entry expands to several rows (origins, paths, clients). */
  group?: string;
  url: string;
  origin: string;
  method: string;
  /** Request headers the page's fetch() sets, in order, with values. */
  headers: HeaderLine[];
  credentials: CredentialsMode;
  /** An extension origin whose extension has host permissions for the URL: no preflight, no CORS check. */
  hostPermissions?: boolean;
  /** The page's address space, when given; otherwise it is read from the origin. */
  addressSpace?: AddressSpace;
  /** Also send the actual request and check its response. */
  actual: boolean;
  body?: string;
  expect?: 'pass' | 'fail';
  models?: string[];
  client?: string;
  /** API style the request was shaped for (openai, anthropic, gemini). */
  style?: string;
  /**
   * Set when `auth` gives a real key: the actual request is the authenticated
   * check; true when its answer should be an event stream.
   */
  stream?: boolean;
  browser: Browser;
  issue?: IssueTarget;
  /** How many times a request with no answer, or a 502/503/504/429, is asked again (else the run's). */
  retries?: number;
  /** How many more probes confirm a failure (else the run's). */
  confirm?: number;
  /** Values that must never be shown: auth keys, headers marked secret. */
  secrets: string[];
  /** Where the endpoint was defined, for messages. */
  source?: { file: string; line: number };
}

export interface RawResponse {
  status: number;
  /** Header lines exactly as received: order, case and duplicates kept. */
  headers: HeaderLine[];
  /** The first bytes of the body (decoded as latin1-safe text), never the whole of it. */
  body: string;
  /** True when the body was longer than what was read. */
  bodyTruncated: boolean;
}

export interface ProbeError {
  /** undici / Node error code, or TIMEOUT. */
  code: string;
  message: string;
}

/** One request sent and what came back. */
export interface Exchange {
  method: string;
  url: string;
  /** The request headers we sent. */
  headers: HeaderLine[];
  response?: RawResponse;
  error?: ProbeError;
  /** Milliseconds from sending to the end of reading. */
  ms: number;
  /** Set when the strict parser refused the response and it was read leniently, as browsers do: the parser's reason. */
  lenient?: string;
  /** Earlier attempts of this request that were asked again (no answer, or 502/503/504/429), oldest first. */
  attempts?: Attempt[];
}

/** One attempt of a request that was asked again. */
export interface Attempt {
  status: number | null;
  /** The error code when there was no answer. */
  error: string | null;
  ms: number;
  /** How long cors-gate waited before the next attempt. */
  waitMs: number;
}

/** What one probe of an endpoint came to: its verdict and the code of its first blocking finding. */
export interface ProbeSummary {
  verdict: Verdict;
  code?: string;
}

export type FindingLevel = 'fail' | 'warn' | 'info' | 'error';

export interface Finding {
  /** Named as Chromium DevTools names the CORS error, where one exists. */
  code: string;
  level: FindingLevel;
  /** One line, plain text; may quote server text, so render it as code. */
  message: string;
  /** Which response the finding is about. */
  on?: 'preflight' | 'actual';
}

export interface Evaluation {
  verdict: Verdict;
  /** Blocking findings first, then warnings, then informative ones. */
  findings: Finding[];
  /** False when the request is CORS-simple: a browser sends no preflight. */
  preflightNeeded: boolean;
  /** The response headers the browser would demand, to show as the fix. */
  fix: HeaderLine[];
}

export interface CheckResult {
  endpoint: Endpoint;
  evaluation: Evaluation;
  preflight?: Exchange;
  actual?: Exchange;
  /** ISO time the check finished. */
  checkedAt: string;
  /** Every probe of a failing endpoint, the first included (only when it was probed again). */
  probes?: ProbeSummary[];
  /** The probes disagreed: a browser meets the failure only some of the time. */
  flaky?: boolean;
}
