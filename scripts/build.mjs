#!/usr/bin/env node
// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with
// esbuild: ESM, minified, and split into chunks, so that a command loads only
// the code it runs (the CLI's --version loads neither the HTTP client nor the
// report writers; the action loads Octokit only when issues are on).
//
//   node scripts/build.mjs [OUTDIR]   (default: dist)
//
// The same function builds the copy the tests run (test/global-setup.ts), so a
// change in src/ is tested without a manual rebuild.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The packages the bundles contain, with their license texts, as one file beside them. */
function licenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.set(m[1], join(ROOT, 'node_modules', m[1]));
  }
  const parts = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file
      ? readFileSync(join(dir, file), 'utf8').trim()
      : `(no license file; package.json says ${pkg.license})`;
    parts.push(`${name}@${pkg.version}\n${pkg.license ?? ''}\n${text}`);
  }
  return parts.join('\n\n') + '\n';
}

export async function build(outdir = join(ROOT, 'dist')) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/action/main.ts', 'cli/index': 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    metafile: true,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    // The bundled CommonJS packages require Node's built-in modules.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(outdir, 'licenses.txt'), licenses(result.metafile));
  return result.metafile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
