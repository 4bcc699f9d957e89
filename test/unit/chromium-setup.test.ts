// How the test run finds its browser: CHROMIUM_PATH, else the npm Chromium on
// x64 Linux, else a skip that the reporter announces, or a failure under CI.
import { describe, expect, it } from 'vitest';
import { noBrowserBanner } from '../chromium-reporter.js';
import {
  CHROMIUM_ENV,
  chooseChromium,
  chromiumFromEnv,
  isCI,
  NPM_CHROMIUM_ARGS,
  prepareChromium,
  shortError,
  USER_CHROMIUM_ARGS,
} from '../support/chromium-setup.js';

describe('chooseChromium', () => {
  it('takes CHROMIUM_PATH first, on any platform', () => {
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome' }, 'darwin', 'arm64')).toEqual({
      kind: 'path',
      path: '/opt/chrome',
    });
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome' }, 'linux', 'x64')).toEqual({
      kind: 'path',
      path: '/opt/chrome',
    });
  });

  it('uses the npm Chromium on x64 Linux only', () => {
    expect(chooseChromium({}, 'linux', 'x64')).toEqual({ kind: 'npm' });
    expect(chooseChromium({ CHROMIUM_PATH: '  ' }, 'linux', 'x64')).toEqual({ kind: 'npm' });
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['darwin', 'x64'],
      ['linux', 'arm64'],
      ['win32', 'x64'],
    ]) {
      const c = chooseChromium({}, platform!, arch!);
      expect(c.kind).toBe('none');
      expect(c.kind === 'none' && c.reason).toContain(`${platform}/${arch}`);
    }
  });
});

describe('prepareChromium', () => {
  const unpackDir = '/nonexistent/unpack';

  it('lets the suites skip, with the reason, where there is no browser and no CI', async () => {
    const setup = await prepareChromium({ env: {}, platform: 'darwin', arch: 'arm64', unpackDir });
    expect(setup).toMatchObject({ ok: false, required: false });
    expect(!setup.ok && setup.reason).toMatch(/x64 Linux only.*darwin\/arm64.*CHROMIUM_PATH/);
  });

  it('makes them fail instead when CI is set', async () => {
    const setup = await prepareChromium({ env: { CI: 'true' }, platform: 'darwin', arch: 'arm64', unpackDir });
    expect(setup).toMatchObject({ ok: false, required: true });
    expect(!setup.ok && setup.reason).toMatch(/darwin\/arm64[\s\S]*CI is set[\s\S]*CHROMIUM_PATH/);
  });

  it('makes them fail when CHROMIUM_PATH names no file, with or without CI', async () => {
    for (const env of [
      { CHROMIUM_PATH: '/nonexistent/chromium' },
      { CHROMIUM_PATH: '/nonexistent/chromium', CI: '1' },
    ]) {
      const setup = await prepareChromium({ env, platform: 'linux', arch: 'x64', unpackDir });
      expect(setup).toMatchObject({ ok: false, required: true });
      expect(!setup.ok && setup.reason).toMatch(/^CHROMIUM_PATH=\/nonexistent\/chromium: no such file/);
    }
  });
});

describe('shortError', () => {
  it('keeps the first line and what the browser wrote to stderr, not the command line or call log', () => {
    const message = [
      'browserType.launch: Target page, context or browser has been closed',
      'Browser logs:',
      '',
      '<launching> /x/chromium --disable-field-trial-config --headless --no-sandbox',
      '<launched> pid=7',
      '[pid=7][err] /x/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file',
      'Call log:',
      '\u001b[2m  - <launching> /x/chromium --headless',
      '  - [pid=7][err] /x/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file\u001b[22m',
    ].join('\n');
    expect(shortError(new Error(message))).toBe(
      'browserType.launch: Target page, context or browser has been closed\n  [pid=7][err] /x/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file',
    );
  });
});

describe('isCI', () => {
  it('reads CI the way CI services set it', () => {
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({})).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ CI: '0' })).toBe(false);
  });
});

describe('the browser handed to the workers', () => {
  it('round-trips through the environment', () => {
    const setup = {
      ok: true as const,
      executablePath: '/x/chromium',
      args: NPM_CHROMIUM_ARGS,
      browser: 'HeadlessChrome 153.0.8010.0',
      source: '@sparticuz/chromium',
    };
    expect(chromiumFromEnv({ [CHROMIUM_ENV]: JSON.stringify(setup) })).toEqual(setup);
  });

  it('is missing, with a reason, outside the global setup', () => {
    const setup = chromiumFromEnv({});
    expect(setup).toMatchObject({ ok: false, required: false });
    expect(!setup.ok && setup.reason).toContain(CHROMIUM_ENV);
  });

  it('never starts with web security off', () => {
    // @sparticuz/chromium's own `args` contain these; with them every cross-origin fetch is allowed.
    for (const args of [NPM_CHROMIUM_ARGS, USER_CHROMIUM_ARGS]) {
      for (const bad of ['--disable-web-security', '--single-process', '--disable-site-isolation-trials']) {
        expect(
          args.some((a) => a.startsWith(bad)),
          bad,
        ).toBe(false);
      }
    }
  });
});

describe('no-browser banner', () => {
  const reason =
    'the npm Chromium (@sparticuz/chromium) runs on x64 Linux only and this machine is darwin/arm64, and CHROMIUM_PATH is not set';
  const suites = [
    { file: 'test/parity/parity.test.ts', suite: 'parity with Chromium', tests: 13, reason, failed: false },
    {
      file: 'test/presets/parity-presets.test.ts',
      suite: 'preset requests are what Chromium sends',
      tests: 1,
      reason,
      failed: false,
    },
  ];

  it('names each skipped suite, the reason and how to run them', () => {
    const text = noBrowserBanner(suites);
    expect(text).toContain('BROWSER SUITES DID NOT RUN: 2 Chromium suites (14 tests) skipped');
    expect(text.match(/^Why: /gm)).toHaveLength(1);
    expect(text).toContain(`Why: ${reason}`);
    expect(text).toContain('Skipped:\n  test/parity/parity.test.ts > parity with Chromium (13 tests)');
    expect(text).toContain('  test/presets/parity-presets.test.ts > preset requests are what Chromium sends (1 test)');
    expect(text).toContain('CHROMIUM_PATH=/path/to/chromium npm test');
  });

  it('says FAILED when the suites failed for want of a browser', () => {
    const text = noBrowserBanner(suites.map((s) => ({ ...s, failed: true })));
    expect(text).toContain('BROWSER SUITES DID NOT RUN: 2 Chromium suites (14 tests) FAILED for want of a browser');
    expect(text).toContain('Failed:\n  test/parity/parity.test.ts');
  });
});

describe('fullChromium (extensions need one)', async () => {
  const { fullChromium } = await import('../parity/chromium.js');
  const absent = '/nonexistent/chromium';
  it("takes CHROMIUM_FULL_PATH, else Debian's chromium", () => {
    expect(fullChromium({ CHROMIUM_FULL_PATH: process.execPath }, absent)).toEqual({
      ok: true,
      executablePath: process.execPath,
    });
    expect(fullChromium({}, process.execPath)).toEqual({ ok: true, executablePath: process.execPath });
  });
  it('without one the extension suite is skipped and says how to get it; under CI it fails', () => {
    const skipped = fullChromium({}, absent);
    expect(skipped).toMatchObject({ ok: false, required: false });
    expect(!skipped.ok && skipped.reason).toContain('apt-get install -y chromium');
    expect(fullChromium({ CI: 'true' }, absent)).toMatchObject({ ok: false, required: true });
    expect(fullChromium({ CHROMIUM_FULL_PATH: absent }, absent)).toMatchObject({ ok: false, required: true });
  });
});
