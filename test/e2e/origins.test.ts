// The origins real clients call from, through the built CLI against local
// servers: a page on the internet calling this machine (Local Network Access).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ResultRecord } from '../../src/report/record.js';
import { CLI, runNode } from '../support/spawn.js';
import { MISTAKES, startZoo, ZOO, type Zoo } from '../support/zoo.js';

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  zoo = await startZoo({ ...ZOO, ...MISTAKES });
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-origins-'));
});
afterAll(async () => {
  await zoo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function check(name: string, yaml: string): Promise<Record<string, ResultRecord>> {
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, yaml);
  const ran = await runNode(CLI, ['--config', file, '--format', 'json', '--fail-on', 'never']);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  const report = JSON.parse(ran.stdout) as Report;
  return Object.fromEntries(report.results.map((r) => [r.name, r]));
}

const seen = (path: string) => zoo.requests.filter((q) => q.path === path);

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
