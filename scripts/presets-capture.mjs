#!/usr/bin/env node
// `npm run presets:capture`: bundles test/presets-capture/main.ts (TypeScript,
// with the test support it shares with the capture test) for Node and runs it.
// It writes src/presets/captured.json; see docs/presets.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so the bundle's imports of packages resolve from its node_modules.
const cache = join(ROOT, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'cors-gate-capture-'));
try {
  const out = join(dir, 'main.mjs');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['test/presets-capture/main.ts'],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
    // import.meta.dirname must still name the source folder.
    define: { 'import.meta.dirname': JSON.stringify(join(ROOT, 'test/presets-capture')) },
  });
  const run = spawnSync(process.execPath, [out], { cwd: ROOT, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
