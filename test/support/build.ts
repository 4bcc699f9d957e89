// Where the bundles the tests run are: built from src/ by test/global-setup.ts
// for this run, or the committed dist/ when a test file runs without the setup.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const BUILD_ENV = 'CORS_GATE_TEST_BUILD';

export const ROOT = resolve(import.meta.dirname, '../..');
/** A folder laid out as the repository: dist/ (the bundles) and examples/. */
export const BUILD = process.env[BUILD_ENV] ?? ROOT;
export const DIST = join(BUILD, 'dist');
export const ACTION = join(DIST, 'index.js');
export const CLI = join(DIST, 'cli/index.js');

/** The bundle files an entry loads before it runs: itself and every chunk it imports statically. */
export function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports only: `import ... from "./x.js"`, not `import("./x.js")`.
    for (const m of text.matchAll(/(?:^|[;}\s])import\s*[^("';]*?\s*from\s*["'](\.[^"']+)["']/g))
      visit(join(dirname(file), m[1]!));
    for (const m of text.matchAll(/(?:^|[;}\s])import\s*["'](\.[^"']+)["']/g)) visit(join(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}
