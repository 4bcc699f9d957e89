// Which Chromium the browser suites use. Decided once per run in the main
// process (test/global-setup.ts) and handed to the test workers as JSON in the
// CORS_GATE_TEST_CHROMIUM environment variable: test files run in parallel
// workers, and two of them unpacking the npm Chromium at once would race.
//
// - CHROMIUM_PATH set: that executable is used; nothing is unpacked. If it is
//   missing or does not start, the browser suites fail.
// - Otherwise on x64 Linux: @sparticuz/chromium (a headless shell from npm) is
//   unpacked into the run's temporary folder.
// - Otherwise (macOS, arm64, or the npm Chromium does not start): the browser
//   suites are skipped and test/chromium-reporter.ts says so at the end of the
//   run. With CI set, they fail instead: in CI a missing browser is never a skip.
//
// Problems are reported through the suites that need the browser (failed or
// skipped with the reason), not by failing the global setup, so the rest of the
// run still reports its results.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ENV = 'CORS_GATE_TEST_CHROMIUM';

// Never the npm package's own `chromium.args`: they contain --disable-web-security
// (CORS off: every cross-origin fetch would be allowed), --single-process and
// --disable-site-isolation-trials.
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-zygote',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** For the npm headless shell. */
export const NPM_CHROMIUM_ARGS = ['--headless=shell', ...COMMON_ARGS];
/** For a user's CHROMIUM_PATH, which may be a full Chromium (new headless mode) or a headless shell. */
export const USER_CHROMIUM_ARGS = ['--headless', ...COMMON_ARGS];

export type ChromiumSetup =
  | {
      ok: true;
      executablePath: string;
      args: string[];
      /** e.g. `HeadlessChrome 153.0.8010.0`, from the browser's user agent. */
      browser: string;
      /** Where the executable came from: `@sparticuz/chromium` or `CHROMIUM_PATH=…`. */
      source: string;
    }
  | {
      ok: false;
      reason: string;
      /** CHROMIUM_PATH was set or CI is set: the browser suites fail instead of skipping. */
      required: boolean;
    };

export type ChromiumChoice = { kind: 'path'; path: string } | { kind: 'npm' } | { kind: 'none'; reason: string };

export function chooseChromium(env: NodeJS.ProcessEnv, platform: string, arch: string): ChromiumChoice {
  const path = env.CHROMIUM_PATH?.trim();
  if (path) return { kind: 'path', path };
  if (platform === 'linux' && arch === 'x64') return { kind: 'npm' };
  return {
    kind: 'none',
    reason: `the npm Chromium (@sparticuz/chromium) runs on x64 Linux only and this machine is ${platform}/${arch}, and CHROMIUM_PATH is not set`,
  };
}

/**
 * The gist of an error. Playwright's launch errors carry the whole command line
 * and browser log; the first line and what the browser wrote to stderr (missing
 * shared libraries, for one) are what tell why it did not start.
 */
export function shortError(e: unknown, maxLines = 6): string {
  const text = (e instanceof Error ? e.message : String(e)).split('\nCall log:')[0]!;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return [lines[0] ?? '', ...lines.slice(1).filter((l) => l.includes('[err]'))].slice(0, maxLines).join('\n  ');
}

/** Starts the browser once: proves it runs and reads the name and version it reports. */
async function probe(executablePath: string, args: string[]): Promise<string> {
  const browser = await chromium.launch({ executablePath, args, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    const ua = await page.evaluate(() => navigator.userAgent);
    const m = /\b(HeadlessChrome|Chrome|Chromium)\/(\S+)/.exec(ua);
    return m ? `${m[1]} ${m[2]}` : `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
  }
}

/** Unpacks @sparticuz/chromium into `dir` (the package unpacks into os.tmpdir()). */
async function unpackNpmChromium(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    // Imported here, not at the top: only x64 Linux runs it.
    const { default: npmChromium } = await import('@sparticuz/chromium');
    return await npmChromium.executablePath();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

export interface PrepareOptions {
  env?: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
  /** Where the npm Chromium is unpacked. */
  unpackDir: string;
}

/**
 * Finds or unpacks the browser and starts it once. Never throws: without a
 * browser it returns why, and whether the suites must then fail (CHROMIUM_PATH
 * set but unusable, or CI set) or may skip.
 */
export async function prepareChromium(opts: PrepareOptions): Promise<ChromiumSetup> {
  const env = opts.env ?? process.env;
  const choice = chooseChromium(env, opts.platform ?? process.platform, opts.arch ?? process.arch);
  if (choice.kind === 'path') {
    if (!existsSync(choice.path)) {
      return {
        ok: false,
        required: true,
        reason: `CHROMIUM_PATH=${choice.path}: no such file. Point it at a Chromium executable, or unset it to use the npm Chromium (x64 Linux only)`,
      };
    }
    try {
      const browser = await probe(choice.path, USER_CHROMIUM_ARGS);
      return {
        ok: true,
        executablePath: choice.path,
        args: USER_CHROMIUM_ARGS,
        browser,
        source: `CHROMIUM_PATH=${choice.path}`,
      };
    } catch (e) {
      return { ok: false, required: true, reason: `CHROMIUM_PATH=${choice.path} did not start:\n  ${shortError(e)}` };
    }
  }
  let reason: string;
  if (choice.kind === 'npm') {
    try {
      const executablePath = await unpackNpmChromium(opts.unpackDir);
      const browser = await probe(executablePath, NPM_CHROMIUM_ARGS);
      return { ok: true, executablePath, args: NPM_CHROMIUM_ARGS, browser, source: '@sparticuz/chromium' };
    } catch (e) {
      reason = `the npm Chromium (@sparticuz/chromium) did not start:\n  ${shortError(e)}`;
    }
  } else {
    reason = choice.reason;
  }
  if (isCI(env))
    return {
      ok: false,
      required: true,
      reason: `${reason}. CI is set, so the browser suites fail instead of skipping: set CHROMIUM_PATH to a Chromium executable`,
    };
  return { ok: false, required: false, reason };
}

/** CI=true, CI=1, any value but false/0: set by GitHub Actions and most CI services. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** What the workers read; a run without the global setup has no browser and says why. */
export function chromiumFromEnv(env: NodeJS.ProcessEnv = process.env): ChromiumSetup {
  const raw = env[CHROMIUM_ENV];
  if (!raw)
    return {
      ok: false,
      required: false,
      reason: `${CHROMIUM_ENV} is not set: run the tests with vitest and its config (npm test), whose global setup finds the browser`,
    };
  return JSON.parse(raw) as ChromiumSetup;
}

export function unpackDirIn(root: string): string {
  return join(root, 'npm-chromium');
}
