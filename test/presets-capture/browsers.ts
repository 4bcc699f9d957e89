// The browsers the capture runs the SDK calls in. Each one only has to open a
// page: the page runs the call and reports back to the capture's own server.
//
// - Chromium: the one the test run found (test/support/chromium-setup.ts), driven by playwright-core.
// - Firefox: Debian's firefox-esr (or FIREFOX_PATH), driven by puppeteer-core over WebDriver BiDi.
// - Safari: WebKitGTK (Debian's webkit2gtk-driver, the WebCore that Safari runs), through
//   WebKitWebDriver under Xvfb; driven with plain W3C WebDriver requests.
// Firefox and WebKit are optional: without them the capture says so and keeps what was captured before.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import type { Browser } from '../../src/types.js';
import type { ChromiumSetup } from '../support/chromium-setup.js';

export interface CaptureBrowser {
  browser: Browser;
  /** Name and version, for the end of the run: `HeadlessChrome 153.0.8010.0`. */
  label: string;
  /** Pages it can run at once. */
  concurrency: number;
  /** Loads the page (the page itself reports when its call is done); the result closes it. */
  open(url: string): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type BrowserPresence =
  | { browser: Browser; ok: true; start(): Promise<CaptureBrowser> }
  | { browser: Browser; ok: false; reason: string };

export function chromiumPresence(setup: ChromiumSetup): BrowserPresence {
  if (!setup.ok) return { browser: 'chromium', ok: false, reason: setup.reason };
  return {
    browser: 'chromium',
    ok: true,
    async start() {
      const b = await chromium.launch({ executablePath: setup.executablePath, args: setup.args });
      return {
        browser: 'chromium',
        label: `${setup.browser} (${setup.source})`,
        concurrency: 3,
        open: async (url) => {
          const page = await b.newPage();
          await page.goto(url);
          return () => page.close();
        },
        close: () => b.close(),
      };
    },
  };
}

function firstExisting(paths: (string | undefined)[]): string | undefined {
  return paths.find((p): p is string => Boolean(p && existsSync(p)));
}

export function firefoxPresence(env: NodeJS.ProcessEnv = process.env): BrowserPresence {
  const path = firstExisting([env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!path)
    return {
      browser: 'firefox',
      ok: false,
      reason: 'no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH)',
    };
  return {
    browser: 'firefox',
    ok: true,
    async start() {
      // Loaded only when Firefox is there: it needs Node 22.12 or later.
      const puppeteer = await import('puppeteer-core');
      const b = await puppeteer.launch({ browser: 'firefox', executablePath: path, headless: true });
      const version = await b.version();
      // A few pages opened one after the other and reused: opening pages while others load is not reliable over BiDi.
      const idle: Page[] = [];
      for (let i = 0; i < 3; i++) idle.push(await b.newPage());
      return {
        browser: 'firefox',
        label: version.replace('/', ' '),
        concurrency: idle.length,
        open: async (url) => {
          const page = idle.pop()!;
          await page.goto(url);
          return async () => {
            idle.push(page);
          };
        },
        close: () => b.close(),
      };
    },
  };
}

function miniBrowser(): string | undefined {
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    if (!existsSync(lib)) continue;
    const dirs = [lib, ...readdirSync(lib).map((d) => join(lib, d))];
    for (const d of dirs) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const p = join(d, api, 'MiniBrowser');
        if (existsSync(p)) return p;
      }
    }
  }
  return undefined;
}

export function webkitPresence(env: NodeJS.ProcessEnv = process.env): BrowserPresence {
  const driver = firstExisting([env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const binary = miniBrowser();
  const xvfb = env.DISPLAY ? undefined : firstExisting(['/usr/bin/Xvfb']);
  if (!driver || !binary || (!env.DISPLAY && !xvfb))
    return {
      browser: 'safari',
      ok: false,
      reason: 'no WebKitGTK (apt-get install webkit2gtk-driver xvfb, or set WEBKIT_WEBDRIVER_PATH)',
    };
  return { browser: 'safari', ok: true, start: () => startWebKit(driver, binary, xvfb, env) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function webdriver(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as { value: any };
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${res.status} ${JSON.stringify(json.value)}`);
  return json.value;
}

function stop(p: ChildProcess | undefined): void {
  if (p && p.exitCode === null) p.kill('SIGTERM');
}

async function startWebKit(
  driver: string,
  binary: string,
  xvfb: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<CaptureBrowser> {
  let display = env.DISPLAY;
  let x: ChildProcess | undefined;
  if (!display) {
    // A display number of our own: -displayfd has Xvfb pick a free one and write it back.
    x = spawn(xvfb!, ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    display = await new Promise<string>((resolve, reject) => {
      let out = '';
      x!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(`:${out.trim()}`);
      });
      x!.once('exit', () => reject(new Error('Xvfb exited')));
    });
  }
  const port = await freePort();
  const wd = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...env, DISPLAY: display },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        await webdriver(base, 'GET', '/status');
        break;
      } catch (e) {
        if (i > 100) throw e;
        await sleep(100);
      }
    }
    const session = await webdriver(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } },
      },
    });
    const id = session.sessionId as string;
    const caps = session.capabilities as { browserName?: string; browserVersion?: string };
    return {
      browser: 'safari',
      label: `WebKitGTK ${caps.browserVersion ?? '?'} (${caps.browserName ?? 'MiniBrowser'})`,
      // One window: its pages run one after the other.
      concurrency: 1,
      open: async (url) => {
        await webdriver(base, 'POST', `/session/${id}/url`, { url });
        return async () => {};
      },
      close: async () => {
        await webdriver(base, 'DELETE', `/session/${id}`).catch(() => undefined);
        stop(wd);
        stop(x);
      },
    };
  } catch (e) {
    stop(wd);
    stop(x);
    throw e;
  }
}
