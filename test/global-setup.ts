// Every temporary file the tests make goes under one folder for the run, removed
// at the end, so repeated runs leave nothing behind in the machine's /tmp.
// The browser for the Chromium suites is found or unpacked here, once, before
// the test workers start, and handed to them in an environment variable (see
// test/support/chromium-setup.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ENV, prepareChromium, unpackDirIn } from './support/chromium-setup.js';

export default async function setup(): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'cors-gate-tests-'));
  process.env.TMPDIR = root;
  const chromium = await prepareChromium({ unpackDir: unpackDirIn(root) });
  process.env[CHROMIUM_ENV] = JSON.stringify(chromium);
  return () => rmSync(root, { recursive: true, force: true });
}
