// The unit tests' only global need: their temporary files under one folder for
// the run, removed at the end (the part of test/global-setup.ts they use; they
// run neither the bundles nor a browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cors-gate-unit-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
