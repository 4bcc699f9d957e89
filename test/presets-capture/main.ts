// `npm run presets:capture`: captures every preset in every browser present and
// writes src/presets/captured.json. A browser that is not present keeps the
// parts captured before (for the same SDK versions); the end of the run says which.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '../../src/types.js';
import { prepareChromium } from '../support/chromium-setup.js';
import {
  type BrowserPresence,
  type CaptureBrowser,
  chromiumPresence,
  firefoxPresence,
  webkitPresence,
} from './browsers.js';
import { CAPTURED_FILE, capture, formatCaptured, merge, readCommitted } from './capture.js';

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-gate-capture-'));
  const started: CaptureBrowser[] = [];
  try {
    const chromium = await prepareChromium({ unpackDir: join(dir, 'npm-chromium') });
    const presence: BrowserPresence[] = [chromiumPresence(chromium), firefoxPresence(), webkitPresence()];
    const only = process.env.CAPTURE_BROWSERS?.split(',');
    const missing: string[] = [];
    for (const p of presence) {
      if (only && !only.includes(p.browser)) missing.push(`${p.browser}: left out (CAPTURE_BROWSERS)`);
      else if (p.ok) started.push(await p.start());
      else missing.push(`${p.browser}: ${p.reason}`);
    }
    if (!started.some((b) => b.browser === 'chromium')) {
      process.stderr.write(`presets:capture needs Chromium: ${missing.join('; ')}\n`);
      return 1;
    }
    const result = await capture(started, (line) => process.stdout.write(`${line}\n`));
    const data = merge(
      result.data,
      readCommitted(),
      started.map((b) => b.browser as Browser),
    );
    writeFileSync(CAPTURED_FILE, formatCaptured(data));
    process.stdout.write(`wrote ${CAPTURED_FILE}\ncaptured in ${result.ran.join('; ')}\n`);
    if (missing.length)
      process.stdout.write(
        `not captured (earlier captures kept where the SDK versions are the same):\n  ${missing.join('\n  ')}\n`,
      );
    return 0;
  } finally {
    for (const b of started) await b.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`presets:capture: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
