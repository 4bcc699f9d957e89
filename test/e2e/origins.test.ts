// The origins real clients call from, through the built CLI against local
// servers: a browser extension calling an Ollama-like server (with and without
// host permissions), and a page on the internet calling this machine (Local
// Network Access).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ResultRecord } from '../../src/report/record.js';
import { CLI, runNode } from '../support/spawn.js';
import { MISTAKES, ollamaLike, startZoo, ZOO, type Zoo } from '../support/zoo.js';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  zoo = await startZoo({
    ...ZOO,
    ...MISTAKES,
    // OLLAMA_ORIGINS unset, then set to the extension's origin.
    ollama: ollamaLike([]),
    'ollama-ext': ollamaLike([EXTENSION]),
  });
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-origins-'));
});
afterAll(async () => {
  await zoo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function check(name: string, yaml: string, extra: string[] = []): Promise<Record<string, ResultRecord>> {
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, yaml);
  const ran = await runNode(CLI, ['--config', file, '--format', 'json', '--fail-on', 'never', ...extra]);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  const report = JSON.parse(ran.stdout) as Report;
  return Object.fromEntries(report.results.map((r) => [r.name, r]));
}

const seen = (path: string) => zoo.requests.filter((q) => q.path === path);
const origin = (q: { headers: [string, string][] }) => q.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];

describe('a browser extension calling an Ollama-like server', () => {
  let rows: Record<string, ResultRecord>;
  beforeAll(async () => {
    rows = await check(
      'extension',
      `defaults:
  origin: ${EXTENSION}
  host-permissions: true
  headers: [authorization, content-type]
endpoints:
  - name: refused
    url: ${zoo.url}/ollama/v1/chat/completions/refused
  - name: allowed
    url: ${zoo.url}/ollama-ext/v1/chat/completions/allowed
  - name: model list
    url: ${zoo.url}/ollama/api/tags
    method: GET
    headers: [authorization]
  - name: refused without host permissions
    url: ${zoo.url}/ollama/v1/chat/completions/plain
    host-permissions: false
  - name: allowed without host permissions
    url: ${zoo.url}/ollama-ext/v1/chat/completions/plain
    host-permissions: false
`,
    );
  });

  it('with host permissions, a 403 to its origin fails, naming the origin and OLLAMA_ORIGINS', () => {
    const r = rows.refused!;
    expect(r.verdict).toBe('fail');
    expect(r.findings[0]!.code).toBe('OriginRefusedByServer');
    expect(r.findings[0]!.message).toContain(EXTENSION);
    expect(r.findings[0]!.message).toContain('403');
    expect(r.findings[0]!.message).toContain('OLLAMA_ORIGINS');
    expect(r.preflight).toBeNull();
    expect(r.fix).toEqual([]);
  });

  it('sends what the browser sends: no preflight even with Authorization, Origin on the POST, then a control without it', () => {
    const sent = seen('/ollama/v1/chat/completions/refused');
    expect(sent.map((q) => q.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'POST', 'POST']);
    // Three probes (the failure is confirmed), each the extension's request and its control.
    expect(sent.map(origin)).toEqual([EXTENSION, undefined, EXTENSION, undefined, EXTENSION, undefined]);
    expect(sent[0]!.headers.some(([n]) => n.toLowerCase() === 'authorization')).toBe(true);
  });

  it('passes once the origin is in OLLAMA_ORIGINS: the 404 for the placeholder model is readable', () => {
    const r = rows.allowed!;
    expect(r.verdict).toBe('pass');
    expect(r.findings.map((f) => f.code)).toContain('HostPermissions');
    expect(seen('/ollama-ext/v1/chat/completions/allowed').map((q) => q.method)).toEqual(['POST', 'POST']);
  });

  it('a GET carries no Origin, so the allow-list never sees one', () => {
    expect(rows['model list']!.verdict).toBe('pass');
    const sent = seen('/ollama/api/tags');
    expect(sent.map((q) => [q.method, origin(q)])).toEqual([['GET', undefined]]);
  });

  it('without host permissions it is ordinary CORS from the extension origin', () => {
    expect(rows['refused without host permissions']!.verdict).toBe('fail');
    expect(rows['refused without host permissions']!.findings[0]!.code).toBe('PreflightMissingAllowOriginHeader');
    expect(seen('/ollama/v1/chat/completions/plain')[0]).toMatchObject({ method: 'OPTIONS' });
    expect(origin(seen('/ollama/v1/chat/completions/plain')[0]!)).toBe(EXTENSION);
    expect(rows['allowed without host permissions']!.verdict).toBe('pass');
  });

  it('--origin with --host-permissions checks any config from the extension', async () => {
    const byFlag = await check(
      'flag',
      `endpoints:\n  - name: flagged\n    url: ${zoo.url}/ollama/v1/chat/completions/flag\n    headers: [authorization, content-type]\n`,
      ['--origin', EXTENSION, '--host-permissions', '--confirm', '0'],
    );
    expect(byFlag.flagged!.findings[0]!.code).toBe('OriginRefusedByServer');
    // Only with an extension's origin: anything else is a usage error, and nothing is sent.
    const before = zoo.requests.length;
    const refused = await runNode(CLI, ['--origin', 'https://app.example', '--host-permissions']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--host-permissions describes the browser extension given as the origin option');
    expect(zoo.requests.length).toBe(before);
  });
});

describe('a page on the internet calling this machine (Local Network Access)', () => {
  let rows: Record<string, ResultRecord>;
  let table: string;
  let markdown: string;
  const yaml = () => `endpoints:
  - name: from an http page
    origin: http://app.example
    url: ${zoo.url}/openrouter/lna/insecure
  - name: from an https page
    origin: https://app.example
    url: ${zoo.url}/openrouter/lna/secure
  - name: from a page said to be public
    origin: http://127.0.0.1:5173
    address-space: public
    url: ${zoo.url}/openrouter/lna/declared
  - name: from a page on this machine
    origin: http://127.0.0.1:5173
    url: ${zoo.url}/openrouter/lna/local
  - name: refused by CORS as well
    origin: https://app.example
    url: ${zoo.url}/allow-list/lna/cors
`;
  beforeAll(async () => {
    rows = await check('lna', yaml());
    const file = join(dir, 'lna.yml');
    table = (await runNode(CLI, ['--config', file, '--fail-on', 'never'])).stdout;
    markdown = (await runNode(CLI, ['--config', file, '--format', 'markdown', '--fail-on', 'never'])).stdout;
  });

  it('an insecure public page is blocked with the DevTools code, and nothing reaches the server', () => {
    const r = rows['from an http page']!;
    expect(r.verdict).toBe('fail');
    expect(r.findings.map((f) => f.code)).toEqual(['InsecureLocalNetwork']);
    expect(r.preflight).toBeNull();
    expect(r.actual).toBeNull();
    expect(seen('/openrouter/lna/insecure')).toEqual([]);
  });

  it('a secure public page gets the CORS verdict as if the user allowed it, and a warning that they must', () => {
    const r = rows['from an https page']!;
    expect(r.verdict).toBe('warn');
    expect(r.findings[0]!.code).toBe('LocalNetworkAccessPrompt');
    // Sent as without Local Network Access (three runs: JSON, table, summary).
    expect(seen('/openrouter/lna/secure').map((q) => q.method)).toEqual([
      'OPTIONS',
      'POST',
      'OPTIONS',
      'POST',
      'OPTIONS',
      'POST',
    ]);
    expect(rows['from a page said to be public']!.findings[0]!.code).toBe('LocalNetworkAccessPrompt');
    expect(rows['from a page on this machine']!.verdict).toBe('pass');
    const both = rows['refused by CORS as well']!;
    expect(both.verdict).toBe('fail');
    expect(both.findings.map((f) => f.code).slice(0, 2)).toEqual([
      'PreflightAllowOriginMismatch',
      'LocalNetworkAccessPrompt',
    ]);
  });

  it('the table and the summary say it in one line each', () => {
    const lines = (text: string, code: string) => text.split('\n').filter((l) => l.includes(code));
    expect(lines(table, 'InsecureLocalNetwork: ').length).toBe(1);
    expect(lines(table, 'InsecureLocalNetwork: ')[0]).toContain('not a secure context');
    expect(lines(markdown, '<b>LocalNetworkAccessPrompt</b>').length).toBe(3);
    expect(lines(markdown, '<b>LocalNetworkAccessPrompt</b>')[0]).toContain('Local Network Access');
  });
});
