// Every temporary file the tests make goes under one folder for the run, removed
// at the end, so repeated runs leave nothing behind in the machine's /tmp.
// Before any test runs, the sources are bundled into that folder exactly as
// `npm run build` bundles them into dist/, and the suites that run the action
// and the CLI as programs run that copy: they test src/ as it is now, never a
// stale dist/. The browser for the Chromium suites is found or unpacked here,
// once, and handed to the workers in an environment variable (see
// test/support/chromium-setup.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILD_ENV } from './support/build.js';
import { CHROMIUM_ENV, prepareChromium, unpackDirIn } from './support/chromium-setup.js';

const ROOT = resolve(import.meta.dirname, '..');

export default async function setup(): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'cors-gate-tests-'));
  process.env.TMPDIR = root;
  // Laid out as the repository is, so the CLI finds its built-in catalog beside dist/.
  const build = join(root, 'build');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), join(build, 'dist')], { stdio: 'inherit' });
  cpSync(join(ROOT, 'examples'), join(build, 'examples'), { recursive: true });
  process.env[BUILD_ENV] = build;
  const chromium = await prepareChromium({ unpackDir: unpackDirIn(root) });
  process.env[CHROMIUM_ENV] = JSON.stringify(chromium);
  return () => rmSync(root, { recursive: true, force: true });
}
