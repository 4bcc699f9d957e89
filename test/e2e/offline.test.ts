// A machine without network: the CLI says once, at the end, that it looks
// offline and points at the demo; with any answer, it says nothing of the kind.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DNS_FAILURE_URL } from '../hostile/servers.js';
import { CLI, runNode } from '../support/spawn.js';
import { startZoo, type Zoo } from '../support/zoo.js';

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  zoo = await startZoo();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-offline-'));
});
afterAll(async () => {
  await zoo.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (urls: string[]) => {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, `endpoints:\n${urls.map((u, i) => `  - name: e${i}\n    url: ${u}\n`).join('')}`);
  return file;
};

it('every endpoint unreachable: one hint at the end, pointing at cors-gate demo', async () => {
  const ran = await runNode(CLI, ['--config', config([DNS_FAILURE_URL, DNS_FAILURE_URL.replace('/v1', '/v2')])]);
  expect(ran.code).toBe(1);
  const hints = ran.stderr.split('\n').filter((l) => l.includes('looks offline'));
  expect(hints).toHaveLength(1);
  expect(hints[0]).toContain('cors-gate demo');
  expect(ran.stdout).not.toContain('looks offline');
});

it('any answer: no hint', async () => {
  const ran = await runNode(CLI, ['--config', config([DNS_FAILURE_URL, `${zoo.url}/openrouter/v1/chat/completions`])]);
  expect(ran.stderr).not.toContain('looks offline');
});
