// cors-gate against real Chromium for the origins that are not a web page's.
// Origin null (a file:// page, a sandboxed iframe) and Local Network Access (a
// page that Chromium's --ip-address-space-overrides makes public, calling
// 127.0.0.1) run in the suites' Chromium; extensions need a full Chromium
// (--load-extension under the new headless mode), Debian's where it is. Every
// server is on 127.0.0.1; the insecure page's name is mapped to it inside the
// browser. The browser runs each case first, and what it did is the standard.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import type { CheckResult, Endpoint } from '../../src/types.js';
import { type CaseServer, type RecordedRequest, startCaseServer } from './case-server.js';
import type { ParityCase } from './cases.js';
import {
  browserLabel,
  type ChromiumResult,
  describeWithBrowser,
  describeWithChromium,
  fullChromium,
  type PageOutcome,
  pageFetch,
  pageFetchOf,
  requireChromium,
} from './chromium.js';
import { compare, type Disagreement, table, toEndpoint } from './compare.js';
import { extensionCases, lnaCases, nullCases } from './origin-cases.js';

const TIMEOUT_MS = 5000;
/** A name that is no secure context; the browser maps it to 127.0.0.1. */
const INSECURE_HOST = 'lna-page.test';

type Target = Page | Frame;

function fetchIn(target: Target, url: string, c: ParityCase): Promise<PageOutcome> {
  return (target as Frame).evaluate(pageFetch, pageFetchOf(url, c, TIMEOUT_MS));
}

/** Collects DevTools' CORS error names by the case their request belongs to. */
class Issues {
  readonly byCase = new Map<string, string[]>();
  constructor(private readonly prefix: string) {}
  async watch(cdp: CDPSession): Promise<void> {
    cdp.on(
      'Audits.issueAdded',
      (e: {
        issue: {
          code: string;
          details: { corsIssueDetails?: { corsErrorStatus?: { corsError?: string }; request?: { url?: string } } };
        };
      }) => {
        const d = e.issue.details.corsIssueDetails;
        const url = d?.request?.url;
        const name = d?.corsErrorStatus?.corsError;
        if (e.issue.code !== 'CorsIssue' || !url?.startsWith(this.prefix + '/') || !name) return;
        const id = url.slice(this.prefix.length + 1).split(/[/?#]/)[0]!;
        this.byCase.set(id, [...(this.byCase.get(id) ?? []), name]);
      },
    );
    await cdp.send('Audits.enable');
  }
}

/** What the browser did with each case, and what it sent. */
interface Seen {
  chrome: Map<string, ChromiumResult>;
  sent: Map<string, RecordedRequest[]>;
}

async function runCases(
  cases: readonly ParityCase[],
  server: CaseServer,
  target: Target,
  chrome: Map<string, ChromiumResult>,
): Promise<void> {
  for (const c of cases) {
    const outcome = await fetchIn(target, `${server.url}/${c.id}`, c);
    const r: ChromiumResult = { allowed: outcome.ok, corsErrors: [], preflightSeen: false };
    if (outcome.status !== undefined) r.status = outcome.status;
    if (outcome.error !== undefined) r.error = outcome.error;
    chrome.set(c.id, r);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function settle(cases: readonly ParityCase[], server: CaseServer, issues: Issues, seen: Seen): void {
  for (const c of cases) {
    const r = seen.chrome.get(c.id)!;
    r.corsErrors = issues.byCase.get(c.id) ?? [];
    if (r.corsErrors[0]) r.corsError = r.corsErrors[0];
    const sent = server.requests(c.id);
    r.preflightSeen = sent.some((q) => q.method === 'OPTIONS');
    seen.sent.set(c.id, sent);
  }
}

async function startHtmlServer(html: string): Promise<{ origin: string; port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const originOf = (q: RecordedRequest | undefined) => q?.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];

async function gateOf(endpoints: Endpoint[]): Promise<Map<string, CheckResult>> {
  const results = await checkEndpoints(endpoints, { timeoutMs: TIMEOUT_MS, concurrency: 4, confirm: 0, retries: 0 });
  return new Map(results.map((r) => [r.endpoint.id, r]));
}

function report(rows: Disagreement[], what: string): void {
  if (rows.length) console.log(`\nDisagreements in ${what}:\n${table(rows)}\n`);
}

// ------------------------------------------------------------- null and LNA

/** The names DevTools gives Local Network Access, beside the CORS errors. */
const LNA_ISSUES = new Set(['LocalNetworkAccessPermissionDenied', 'InsecureLocalNetwork']);

function corsOnly(r: ChromiumResult): ChromiumResult {
  const corsErrors = r.corsErrors.filter((e) => !LNA_ISSUES.has(e));
  const { corsError: _, ...rest } = r;
  return corsErrors[0] ? { ...rest, corsErrors, corsError: corsErrors[0] } : { ...rest, corsErrors };
}

const NULL_CASES = [...nullCases('null-file'), ...nullCases('null-iframe')];
const LNA_CASES = [...lnaCases('lna-granted'), ...lnaCases('lna-denied'), ...lnaCases('lna-insecure')];

describeWithChromium('parity with Chromium: Origin null and Local Network Access', () => {
  let server: CaseServer;
  let framePage: Awaited<ReturnType<typeof startHtmlServer>>;
  let lnaPage: Awaited<ReturnType<typeof startHtmlServer>>;
  let version = '';
  const seen: Seen = { chrome: new Map(), sent: new Map() };
  let gate: Map<string, CheckResult>;

  beforeAll(async () => {
    const setup = requireChromium();
    server = await startCaseServer([...NULL_CASES, ...LNA_CASES], { runId: `o${Date.now().toString(36)}` });
    framePage = await startHtmlServer(
      '<!doctype html><meta charset="utf-8"><iframe sandbox="allow-scripts" srcdoc="<p>sandboxed</p>"></iframe>',
    );
    lnaPage = await startHtmlServer('<!doctype html><meta charset="utf-8"><title>public</title>');
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-null-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><meta charset="utf-8"><title>file</title>');
    const browser = await chromium.launch({
      executablePath: setup.executablePath,
      args: [
        ...setup.args,
        `--ip-address-space-overrides=127.0.0.1:${lnaPage.port}=public`,
        `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
      ],
    });
    version = browser.version();
    const issues = new Issues(server.url);
    try {
      const plain = await browser.newContext();
      const granted = await browser.newContext();
      await granted.grantPermissions(['local-network-access']);
      const open = async (ctx: BrowserContext, url: string) => {
        const page = await ctx.newPage();
        await issues.watch(await ctx.newCDPSession(page));
        await page.goto(url);
        return page;
      };
      const group = (g: string, from: readonly ParityCase[]) => from.filter((c) => c.group === g);

      await runCases(group('null-file', NULL_CASES), server, await open(plain, pathToFileURL(file).href), seen.chrome);
      const framed = await open(plain, `${framePage.origin}/`);
      const frame = framed.frames()[1]!;
      // A sandboxed iframe may run in a process of its own: its issues come through its own session.
      await plain
        .newCDPSession(frame)
        .then((cdp) => issues.watch(cdp))
        .catch(() => undefined);
      expect(await frame.evaluate(() => self.origin)).toBe('null');
      await runCases(group('null-iframe', NULL_CASES), server, frame, seen.chrome);
      await runCases(group('lna-granted', LNA_CASES), server, await open(granted, `${lnaPage.origin}/`), seen.chrome);
      await runCases(group('lna-denied', LNA_CASES), server, await open(plain, `${lnaPage.origin}/`), seen.chrome);
      const insecure = await open(plain, `http://${INSECURE_HOST}:${lnaPage.port}/`);
      await runCases(group('lna-insecure', LNA_CASES), server, insecure, seen.chrome);
      await sleep(300);
    } finally {
      await browser.close();
    }
    settle([...NULL_CASES, ...LNA_CASES], server, issues, seen);

    const endpoints = [
      ...NULL_CASES.map((c) => toEndpoint(c, server.url, 'null')),
      ...LNA_CASES.map((c) => ({
        ...toEndpoint(
          c,
          server.url,
          c.group === 'lna-insecure' ? `http://${INSECURE_HOST}:${lnaPage.port}` : lnaPage.origin,
        ),
        addressSpace: 'public' as const,
      })),
    ];
    gate = await gateOf(endpoints);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await framePage?.close();
    await lnaPage?.close();
  });

  for (const g of ['null-file', 'null-iframe']) {
    it(`agrees on ${g}`, () => {
      const rows = NULL_CASES.filter((c) => c.group === g)
        .map((c) => compare(c, seen.chrome.get(c.id)!, gate.get(c.id)!))
        .filter((d): d is Disagreement => d !== undefined);
      report(rows, g);
      expect(rows.map((r) => r.id)).toEqual([]);
      // The browser sent Origin: null on everything, preflights included.
      for (const c of NULL_CASES.filter((x) => x.group === g)) {
        for (const q of seen.sent.get(c.id)!) expect(originOf(q), `${c.id} ${q.method}`).toBe('null');
      }
    });
  }

  it('agrees on Local Network Access with the permission granted (the CORS verdict, with the warning)', () => {
    const cases = LNA_CASES.filter((c) => c.group === 'lna-granted');
    // DevTools reports the permission check (LocalNetworkAccessPermissionDenied) even for a call
    // the granted permission then lets through: the CORS errors are what remain.
    const rows = cases
      .map((c) => compare(c, corsOnly(seen.chrome.get(c.id)!), gate.get(c.id)!))
      .filter((d): d is Disagreement => d !== undefined);
    report(rows, 'lna-granted');
    expect(rows.map((r) => r.id)).toEqual([]);
    for (const c of cases) {
      expect(
        gate.get(c.id)!.evaluation.findings.map((f) => f.code),
        c.id,
      ).toContain('LocalNetworkAccessPrompt');
    }
  });

  it('agrees on Local Network Access denied: blocked before any request, which is what the warning says', () => {
    for (const c of LNA_CASES.filter((x) => x.group === 'lna-denied')) {
      const chrome = seen.chrome.get(c.id)!;
      expect([chrome.allowed, chrome.corsError, seen.sent.get(c.id)!.length], c.id).toEqual([
        false,
        'LocalNetworkAccessPermissionDenied',
        0,
      ]);
      const warning = gate.get(c.id)!.evaluation.findings.find((f) => f.code === 'LocalNetworkAccessPrompt');
      expect(warning?.level, c.id).toBe('warn');
      expect(warning?.message).toContain('LocalNetworkAccessPermissionDenied');
    }
  });

  it('agrees on an insecure page: blocked with InsecureLocalNetwork, nothing sent by either', () => {
    const cases = LNA_CASES.filter((c) => c.group === 'lna-insecure');
    for (const c of cases) {
      // DevTools names the permission check and the insecure page, in no fixed order; the
      // insecure page is what decides (a permission could not help).
      const chrome = seen.chrome.get(c.id)!;
      const first = gate.get(c.id)!.evaluation.findings[0]!;
      expect([chrome.allowed, chrome.corsErrors.includes('InsecureLocalNetwork')], c.id).toEqual([false, true]);
      expect([gate.get(c.id)!.evaluation.verdict, first.code], c.id).toEqual(['fail', 'InsecureLocalNetwork']);
      expect(seen.sent.get(c.id), c.id).toEqual([]);
      expect(gate.get(c.id)!.preflight ?? gate.get(c.id)!.actual, c.id).toBeUndefined();
    }
  });

  it('ran every case in Chromium and through cors-gate', ({ task }) => {
    const all = [...NULL_CASES, ...LNA_CASES];
    expect([...seen.chrome.keys()].sort()).toEqual(all.map((c) => c.id).sort());
    expect(gate.size).toBe(all.length);
    writeObservedOrigins('null-lna', all, seen, `Chromium ${version}`);
    task.meta.chromiumRan = `Origins parity: ${NULL_CASES.length} null (file:// page, sandboxed iframe), ${LNA_CASES.length} Local Network Access, ${browserLabel()}`;
  });
});

// ------------------------------------------------------------- extensions

const EXT_CASES = [...extensionCases('ext-host'), ...extensionCases('ext-plain')];
const FULL = fullChromium();

function manifest(name: string, hostPermissions: boolean): string {
  return JSON.stringify({
    manifest_version: 3,
    name,
    version: '1.0',
    ...(hostPermissions ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    background: { service_worker: 'worker.js' },
  });
}

function writeExtension(dir: string, name: string, hostPermissions: boolean): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), manifest(name, hostPermissions));
  writeFileSync(join(dir, 'worker.js'), '// nothing: the extension is here for its origin and its permissions\n');
  writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>extension</title>');
  return dir;
}

/**
 * An extension with host permissions reads every answer: what tells is what it
 * sent and the status it read. cors-gate must send the same request (no
 * preflight; Origin only where the browser sent one), read the same status,
 * and fail with OriginRefusedByServer exactly when that status is a refusal
 * the server gives only to requests with an Origin.
 */
function compareHost(c: ParityCase, chrome: ChromiumResult, sent: RecordedRequest[], gate: CheckResult) {
  const browserRequest = sent[0];
  const refusal = [401, 403, 404].includes(chrome.status ?? 0);
  const withoutOrigin = (c.withoutOrigin ?? c.actual).status;
  const refused = refusal && originOf(browserRequest) !== undefined && withoutOrigin !== chrome.status;
  const gateRequest = gate.actual;
  const got = {
    allowed: chrome.allowed,
    preflight: chrome.preflightSeen,
    browserOrigin: originOf(browserRequest) ?? null,
    gateOrigin: gateRequest?.headers.find(([n]) => n === 'Origin')?.[1] ?? null,
    gatePreflight: gate.preflight !== undefined,
    status: gateRequest?.response?.status,
    verdict: gate.evaluation.verdict,
    code: gate.evaluation.findings.find((f) => f.level === 'fail')?.code ?? null,
  };
  return {
    got,
    want: {
      allowed: true,
      preflight: false,
      browserOrigin: got.browserOrigin,
      gateOrigin: got.browserOrigin,
      gatePreflight: false,
      status: chrome.status,
      verdict: refused ? 'fail' : 'pass',
      code: refused ? 'OriginRefusedByServer' : null,
    },
  };
}

describeWithBrowser('parity with Chromium: browser extensions (a full Chromium)', FULL, () => {
  let server: CaseServer;
  let version = '';
  const seen: Seen = { chrome: new Map(), sent: new Map() };
  let gate: Map<string, CheckResult>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!FULL.ok) throw new Error(FULL.reason);
    server = await startCaseServer(EXT_CASES, { runId: `e${Date.now().toString(36)}` });
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-ext-'));
    const host = writeExtension(join(dir, 'host'), 'cors-gate parity: host permissions', true);
    const plain = writeExtension(join(dir, 'plain'), 'cors-gate parity: no host permissions', false);
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: FULL.executablePath,
      headless: false,
      ignoreDefaultArgs: ['--disable-extensions', '--headless'],
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${host},${plain}`,
        `--load-extension=${host},${plain}`,
      ],
    });
    const issues = new Issues(server.url);
    try {
      version =
        context.browser()?.version() ?? (await context.newPage().then((p) => p.evaluate(() => navigator.userAgent)));
      for (let i = 0; context.serviceWorkers().length < 2 && i < 50; i++) await sleep(100);
      for (const w of context.serviceWorkers()) {
        const name = await w.evaluate(
          () =>
            (
              globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
            ).chrome.runtime.getManifest().name,
        );
        ids[name.endsWith('host permissions') && !name.includes('no host') ? 'ext-host' : 'ext-plain'] = new URL(
          w.url(),
        ).host;
      }
      expect(Object.keys(ids).sort()).toEqual(['ext-host', 'ext-plain']);
      for (const g of ['ext-host', 'ext-plain'] as const) {
        const page = await context.newPage();
        await issues.watch(await context.newCDPSession(page));
        await page.goto(`chrome-extension://${ids[g]}/page.html`);
        await runCases(
          EXT_CASES.filter((c) => c.group === g),
          server,
          page,
          seen.chrome,
        );
      }
      await sleep(300);
    } finally {
      await context.close();
    }
    settle(EXT_CASES, server, issues, seen);
    gate = await gateOf(
      EXT_CASES.map((c) => ({
        ...toEndpoint(c, server.url, `chrome-extension://${ids[c.group]}`),
        ...(c.group === 'ext-host' ? { hostPermissions: true } : {}),
      })),
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('agrees on an extension with host permissions: the same request, the same status, refused exactly when the origin is', () => {
    for (const c of EXT_CASES.filter((x) => x.group === 'ext-host')) {
      const { got, want } = compareHost(c, seen.chrome.get(c.id)!, seen.sent.get(c.id)!, gate.get(c.id)!);
      expect(got, c.id).toEqual(want);
    }
    // The browser sent Origin on the POSTs and none on the GET.
    expect(originOf(seen.sent.get('ext-host-post-refused')![0])).toBe(`chrome-extension://${ids['ext-host']}`);
    expect(originOf(seen.sent.get('ext-host-get-refused')![0])).toBeUndefined();
  });

  it('agrees on an extension without host permissions: ordinary CORS from its origin', () => {
    const rows = EXT_CASES.filter((c) => c.group === 'ext-plain')
      .map((c) => compare(c, seen.chrome.get(c.id)!, gate.get(c.id)!))
      .filter((d): d is Disagreement => d !== undefined);
    report(rows, 'ext-plain');
    expect(rows.map((r) => r.id)).toEqual([]);
  });

  it('ran every case in Chromium and through cors-gate', ({ task }) => {
    expect([...seen.chrome.keys()].sort()).toEqual(EXT_CASES.map((c) => c.id).sort());
    expect(gate.size).toBe(EXT_CASES.length);
    writeObservedOrigins('extensions', EXT_CASES, seen, `Chromium ${version}`);
    task.meta.chromiumRan = `Extension parity: ${EXT_CASES.length} cases (host permissions and none), browser Chromium ${version} (${FULL.ok ? FULL.executablePath : ''})`;
  });
});

/** With PARITY_OBSERVE=1, what the browser did is written beside the cases, as chromium-observed.json is. */
function writeObservedOrigins(name: string, cases: readonly ParityCase[], seen: Seen, browser: string): void {
  if (process.env.PARITY_OBSERVE !== '1') return;
  const rows = cases.map((c) => {
    const r = seen.chrome.get(c.id)!;
    const sent = seen.sent.get(c.id) ?? [];
    return {
      id: c.id,
      group: c.group,
      allowed: r.allowed,
      corsErrors: r.corsErrors,
      status: r.status ?? null,
      sent: sent.map((q) => `${q.method} Origin: ${originOf(q) ?? '(none)'}`),
    };
  });
  const path = new URL(`./origins-observed-${name}.json`, import.meta.url);
  writeFileSync(
    path,
    JSON.stringify(
      {
        browser,
        generatedAt: new Date().toISOString(),
        note: 'What Chromium did with each case in test/parity/origin-cases.ts. Evidence only: tests ask Chromium live.',
        cases: rows,
      },
      null,
      2,
    ) + '\n',
  );
}
