// The committed preset data is what the pinned SDKs send: every call is
// captured again, in Chromium and in Firefox and WebKit where they are
// installed, and the result must equal src/presets/captured.json byte for byte.
// A browser that is not installed keeps its committed part, and the end of the
// run says which were not compared. When this fails after an SDK bump, run
// `npm run presets:capture` and read the diff: it is what the new release sends.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Browser } from '../../src/types.js';
import { CHROMIUM, describeWithChromium } from '../parity/chromium.js';
import {
  type BrowserPresence,
  type CaptureBrowser,
  chromiumPresence,
  firefoxPresence,
  webkitPresence,
} from './browsers.js';
import { CAPTURED_FILE, capture, formatCaptured, merge, readCommitted } from './capture.js';

describeWithChromium('the preset data is a fresh capture of the pinned SDKs', () => {
  it('captures every call again and finds the committed data', { timeout: 900_000 }, async ({ task }) => {
    const presence: BrowserPresence[] = [chromiumPresence(CHROMIUM), firefoxPresence(), webkitPresence()];
    const started: CaptureBrowser[] = [];
    const missing: string[] = [];
    try {
      for (const p of presence) {
        if (p.ok) started.push(await p.start());
        else missing.push(`${p.browser} (${p.reason})`);
      }
      const result = await capture(started);
      const committed = readFileSync(CAPTURED_FILE, 'utf8');
      const fresh = formatCaptured(
        merge(
          result.data,
          readCommitted(),
          started.map((b) => b.browser as Browser),
        ),
      );
      // A difference names the call and the header; the fix is `npm run presets:capture`.
      expect(fresh, 'src/presets/captured.json differs from a fresh capture: run npm run presets:capture').toBe(
        committed,
      );
      const calls = result.data.presets.reduce(
        (n, p) => n + p.versions.reduce((m, v) => m + Object.keys(v.calls).length, 0),
        0,
      );
      task.meta.chromiumRan =
        `Presets capture: ${calls} SDK calls equal the committed data in ${result.ran.join('; ')}` +
        (missing.length ? `; not compared, not installed: ${missing.join('; ')}` : '');
    } finally {
      for (const b of started) await b.close().catch(() => undefined);
    }
  });
});
