// Asks a real headless Chromium whether each case's fetch() goes through,
// and which CORS error DevTools names when it does not.

import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { beforeAll, describe } from 'vitest';
import { type ChromiumSetup, chromiumFromEnv, isCI } from '../support/chromium-setup.js';
import type { RecordedRequest } from './case-server.js';
import type { ParityCase } from './cases.js';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** On a browser suite that had no browser: why. */
    chromiumMissing?: string;
    /** ...and whether it failed for it (CHROMIUM_PATH or CI set) rather than skipped. */
    chromiumRequired?: boolean;
    /** On a browser test: one line saying what ran in which browser. */
    chromiumRan?: string;
  }
}

/** The browser test/global-setup.ts found for this run, or why there is none. */
export const CHROMIUM: ChromiumSetup = chromiumFromEnv();

type ReadyChromium = Extract<ChromiumSetup, { ok: true }>;

/**
 * A describe() that needs the browser. Without one it is skipped, or fails when
 * CHROMIUM_PATH or CI is set; either way the reason travels in the suite's meta
 * to test/chromium-reporter.ts, which prints it at the end of the run.
 */
export function describeWithChromium(name: string, fn: () => void): void {
  describeWithBrowser(name, CHROMIUM, fn);
}

/** A describe() that needs the browser `setup` names, skipped or failed as describeWithChromium says. */
export function describeWithBrowser(
  name: string,
  setup: { ok: true } | { ok: false; reason: string; required: boolean },
  fn: () => void,
): void {
  if (setup.ok) {
    describe(name, fn);
    return;
  }
  const { reason, required } = setup;
  const meta = { chromiumMissing: reason, chromiumRequired: required };
  if (!required) {
    describe(name, { skip: true, meta }, fn);
    return;
  }
  describe(name, { meta }, () => {
    // The first hook fails the suite before anything else in it runs.
    beforeAll(() => {
      throw new Error(`No browser for this suite: ${reason}`);
    });
    fn();
  });
}

/** Where Debian's full Chromium is; extensions need it (the npm headless shell loads none). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type FullChromium = { ok: true; executablePath: string } | { ok: false; reason: string; required: boolean };

/**
 * A full Chromium, for what the npm headless shell cannot do (load extensions):
 * CHROMIUM_FULL_PATH, else Debian's. Without one the suites that need it are
 * skipped and the end of the run says so; with CI set they fail.
 */
export function fullChromium(env: NodeJS.ProcessEnv = process.env, debian = DEBIAN_CHROMIUM): FullChromium {
  const given = env.CHROMIUM_FULL_PATH?.trim();
  const path = given || debian;
  if (existsSync(path)) return { ok: true, executablePath: path };
  const reason = given
    ? `CHROMIUM_FULL_PATH=${given}: no such file`
    : `no full Chromium at ${debian} for the extension suites (the npm Chromium is a headless shell and loads no extensions): install it with apt-get install -y chromium, or set CHROMIUM_FULL_PATH`;
  return { ok: false, reason, required: Boolean(given) || isCI(env) };
}

export function requireChromium(setup: ChromiumSetup = CHROMIUM): ReadyChromium {
  if (!setup.ok)
    throw new Error(`No Chromium for this suite: ${setup.reason}. Set CHROMIUM_PATH to a Chromium executable.`);
  return setup;
}

export function launchChromium(): Promise<Browser> {
  const c = requireChromium();
  return chromium.launch({ executablePath: c.executablePath, args: c.args });
}

/** e.g. `browser HeadlessChrome 153.0.8010.0 (@sparticuz/chromium)`. */
export function browserLabel(): string {
  const c = requireChromium();
  return `browser ${c.browser} (${c.source})`;
}

export interface ChromiumResult {
  /** fetch() resolved. */
  allowed: boolean;
  /** The rejection (or timeout) message when it did not. */
  error?: string;
  /** Response status seen by the page when allowed. */
  status?: number;
  /** The first CorsIssue's corsErrorStatus.corsError for this case. */
  corsError?: string;
  /** Every CorsIssue error name reported for this case, in arrival order. */
  corsErrors: string[];
  /** The case server received an OPTIONS for this case. */
  preflightSeen: boolean;
  /** A DevTools deprecation reported while this case ran, e.g. AuthorizationCoveredByWildcard. */
  deprecation?: string;
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** A blank page on its own port: another port on 127.0.0.1 is another origin. */
export async function startPageServer(): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/favicon')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('<!doctype html><meta charset="utf-8"><title>parity</title>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RunOptions {
  /** Reuse a page server (its origin is what `{origin}` should mean on the case server). */
  page?: PageServer;
  /** Pages working at once. */
  concurrency?: number;
  /** Per-case fetch timeout inside the page. */
  timeoutMs?: number;
  /** Told the browser's version once it has started. */
  onVersion?: (version: string) => void;
}

interface Issue {
  code: string;
  details: {
    corsIssueDetails?: { corsErrorStatus?: { corsError?: string }; request?: { url?: string } };
    deprecationIssueDetails?: { type?: string };
  };
}

export interface PageOutcome {
  ok: boolean;
  status?: number;
  error?: string;
}

/** What the page's fetch() is given: the case's request, where it goes, and how long it may take. */
export interface PageFetch {
  url: string;
  method: string;
  headers: [string, string][];
  credentials: RequestCredentials;
  body: string | undefined;
  timeoutMs: number;
}

/** The arguments for `pageFetch` from a parity case's request. */
export function pageFetchOf(url: string, c: ParityCase, timeoutMs: number): PageFetch {
  return {
    url,
    method: c.request.method,
    headers: c.request.headers.map(([n, v]) => [n, v] as [string, string]),
    credentials: c.request.credentials,
    body: c.request.body,
    timeoutMs,
  };
}

/**
 * Runs inside the page (passed to evaluate(), so it uses nothing from this module):
 * the page's own fetch() of the case, read to the end, with a deadline.
 */
export async function pageFetch({
  url,
  method,
  headers,
  credentials,
  body,
  timeoutMs,
}: PageFetch): Promise<PageOutcome> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const init: RequestInit = { method, headers, credentials, signal: ctl.signal };
    if (body !== undefined) init.body = body;
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { ok: true, status: res.status };
  } catch (e) {
    return { ok: false, error: ctl.signal.aborted ? `timeout after ${timeoutMs} ms` : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch (e) {
            reject(e as Error);
          }
        });
      })
      .on('error', reject);
  });
}

/** The case a request URL belongs to: `${caseServerUrl}/<id>` or `${caseServerUrl}/<id>/next`. */
function caseIdOf(url: string | undefined, prefix: string): string | undefined {
  if (!url?.startsWith(prefix + '/')) return undefined;
  return url.slice(prefix.length + 1).split(/[/?#]/)[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Worker {
  page: Page;
  cdp: CDPSession;
  /** Issues reported since this worker's current case began. */
  issues: Issue[];
}

export async function runInChromium(
  cases: readonly ParityCase[],
  caseServerUrl: string,
  opts: RunOptions = {},
): Promise<Map<string, ChromiumResult>> {
  const prefix = caseServerUrl.replace(/\/+$/, '');
  const ownPage = opts.page ? undefined : await startPageServer();
  const pageServer = opts.page ?? ownPage!;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 6, cases.length));
  const results = new Map<string, ChromiumResult>();
  const corsByCase = new Map<string, string[]>();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    opts.onVersion?.(browser.version());
    const context = await browser.newContext();
    const workers: Worker[] = [];
    for (let i = 0; i < concurrency; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const w: Worker = { page, cdp, issues: [] };
      cdp.on('Audits.issueAdded', (e: { issue: Issue }) => {
        const issue = e.issue;
        if (issue.code === 'CorsIssue') {
          // CORS issues name their request, so they are attributed by URL whichever page saw them.
          const id = caseIdOf(issue.details.corsIssueDetails?.request?.url, prefix);
          const name = issue.details.corsIssueDetails?.corsErrorStatus?.corsError;
          if (id && name) corsByCase.set(id, [...(corsByCase.get(id) ?? []), name]);
        } else {
          w.issues.push(issue);
        }
      });
      await cdp.send('Audits.enable');
      workers.push(w);
    }

    const queue = [...cases];
    const runOne = async (w: Worker, c: ParityCase) => {
      // A fresh document per case: deprecations are reported once per document,
      // and they carry no request URL, so the document is what ties them to a case.
      await w.page.goto(`${pageServer.origin}/?case=${encodeURIComponent(c.id)}`);
      w.issues = [];
      const outcome = await w.page.evaluate(pageFetch, pageFetchOf(`${prefix}/${c.id}`, c, timeoutMs));
      // A deprecation reaches DevTools before fetch() settles; the margin covers a
      // loaded machine. CORS issues are matched by URL, so late ones still count.
      await sleep(100);
      const deprecation = w.issues
        .map((i) => i.details.deprecationIssueDetails?.type)
        .find((t): t is string => typeof t === 'string');
      const r: ChromiumResult = { allowed: outcome.ok, corsErrors: [], preflightSeen: false };
      if (outcome.status !== undefined) r.status = outcome.status;
      if (outcome.error !== undefined) r.error = outcome.error;
      if (deprecation) r.deprecation = deprecation;
      results.set(c.id, r);
    };
    await Promise.all(
      workers.map(async (w) => {
        for (let c = queue.shift(); c; c = queue.shift()) await runOne(w, c);
      }),
    );
    await sleep(300);
  } finally {
    await browser?.close();
    await ownPage?.close();
  }

  const log = await getJson<RecordedRequest[]>(`${prefix}/__log`);
  for (const c of cases) {
    const r = results.get(c.id)!;
    r.corsErrors = corsByCase.get(c.id) ?? [];
    if (r.corsErrors[0]) r.corsError = r.corsErrors[0];
    r.preflightSeen = log.some((q) => q.caseId === c.id && q.method === 'OPTIONS');
  }
  return results;
}
