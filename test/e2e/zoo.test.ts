// The five providers of the original report, reproduced on 127.0.0.1, checked
// through the built CLI and the built action exactly as users run them.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/record.js';
import { CLI, runAction, runNode } from '../support/spawn.js';
import { startZoo, type Zoo, zooConfig } from '../support/zoo.js';

let zoo: Zoo;
let config: string;

beforeAll(async () => {
  zoo = await startZoo();
  const dir = mkdtempSync(join(tmpdir(), 'cors-gate-zoo-'));
  config = join(dir, 'zoo.yml');
  writeFileSync(config, zooConfig(zoo.url));
});
afterAll(() => zoo.close());

describe('CLI against the provider zoo', () => {
  it('--format json gives 3 pass and 2 fail with the findings a browser reports', async () => {
    const ran = await runNode(CLI, ['--config', config, '--format', 'json']);
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout) as Report;
    expect(report.version).toBe(1);
    const verdicts = Object.fromEntries(report.results.map((r) => [r.name, r.verdict]));
    expect(verdicts).toEqual({
      OpenRouter: 'pass',
      'Azure AI Foundry': 'pass',
      ModelStream: 'pass',
      'NVIDIA NIM': 'fail',
      'OpenCode Zen': 'fail',
    });
    // Every row as test/support/zoo.ts answers it: the statuses seen, and the first finding that blocks.
    const rows = Object.fromEntries(
      report.results.map((r) => [
        r.name,
        {
          preflight: r.preflight?.status,
          actual: r.actual?.status ?? null,
          blockedBy: r.findings.find((f) => f.level === 'fail' || f.level === 'error')?.code ?? null,
        },
      ]),
    );
    expect(rows).toEqual({
      OpenRouter: { preflight: 204, actual: 401, blockedBy: null },
      'Azure AI Foundry': { preflight: 200, actual: 401, blockedBy: null },
      ModelStream: { preflight: 204, actual: 401, blockedBy: null },
      // A browser stops at the failed preflight: no actual request.
      'NVIDIA NIM': { preflight: 200, actual: null, blockedBy: 'PreflightMissingAllowOriginHeader' },
      'OpenCode Zen': { preflight: 404, actual: null, blockedBy: 'PreflightMissingAllowOriginHeader' },
    });
    const nvidia = report.results.find((r) => r.name === 'NVIDIA NIM')!;
    expect(nvidia.findings[0]!.code).toBe('PreflightMissingAllowOriginHeader');
    expect(nvidia.actual).toBeNull();
    const zen = report.results.find((r) => r.name === 'OpenCode Zen')!;
    expect(zen.findings[0]!.code).toBe('PreflightMissingAllowOriginHeader');
    expect(zen.preflight!.body).toContain('Not Found');
    const ms = report.results.find((r) => r.name === 'ModelStream')!;
    expect(ms.findings.find((f) => f.code === 'MaxAge')!.message).toContain('Chromium caps it at 7200 s');
    const or = report.results.find((r) => r.name === 'OpenRouter')!;
    expect(or.preflight!.headers.find(([n]) => n === 'Access-Control-Allow-Origin')![1]).toBe('*');
    expect(or.actual!.status).toBe(401);
    expect(or.findings.find((f) => f.code === 'MaxAge')).toBeTruthy();
  });

  it('sends the preflight as a browser does: Origin, method, sorted lower-case header names', async () => {
    await runNode(CLI, ['--config', config, '--format', 'json']);
    const pre = zoo.requests.find((r) => r.method === 'OPTIONS' && r.path.startsWith('/azure'))!;
    const get = (n: string) => pre.headers.find(([k]) => k.toLowerCase() === n)?.[1];
    expect(get('origin')).toBe('https://example.com');
    expect(get('access-control-request-method')).toBe('POST');
    expect(get('access-control-request-headers')).toBe('authorization,content-type');
    const actual = zoo.requests.find((r) => r.method === 'POST' && r.path.startsWith('/azure'))!;
    expect(actual.headers.find(([k]) => k.toLowerCase() === 'authorization')?.[1]).toBe('Bearer cors-gate-probe');
    expect(zoo.requests.some((r) => r.method === 'POST' && r.path.startsWith('/nvidia'))).toBe(false);
  });

  it('the table format prints one row per endpoint and exits 0 with --fail-on never', async () => {
    const ran = await runNode(CLI, ['--config', config, '--fail-on', 'never']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/FAIL\s+NVIDIA NIM/);
    expect(ran.stdout).toMatch(/PASS\s+OpenRouter/);
    expect(ran.stdout).toContain('3 of 5 endpoints can be called from a browser');
  });

  it('--format html writes the HTML report on stdout, --html-file to a file, and merge renders one from reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-html-'));
    const json = join(dir, 'report.json');
    const file = join(dir, 'site/index.html');
    const ran = await runNode(CLI, [
      '--config',
      config,
      '--format',
      'html',
      '--report-file',
      json,
      '--html-file',
      file,
    ]);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stdout).toMatch(/^<!doctype html>\n/);
    expect(ran.stdout).toContain('<title>cors-gate: 3 of 5 endpoints can be called from a browser</title>');
    expect(ran.stdout.match(/<details class="ep"/g)).toHaveLength(5);
    expect(ran.stdout).not.toContain('FIRST FINDING'); // no table after the page
    expect(readFileSync(file, 'utf8')).toContain('<title>cors-gate: 3 of 5 endpoints');
    // From the JSON report alone, as a board built from shards' reports is.
    const merged = await runNode(CLI, ['merge', json, '--format', 'html', '--fail-on', 'never']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout.replace(/Checked [^.]*\./, '')).toBe(
      ran.stdout
        .replace(/Checked [^.]*\./, '')
        .replace('gate failed (fail-on: fail, error)', 'gate passed (fail-on: never)'),
    );
  });

  it('--origin overrides the configured origin', async () => {
    const ran = await runNode(CLI, ['--config', config, '--format', 'json', '--origin', 'http://localhost:3000']);
    const report = JSON.parse(ran.stdout) as Report;
    expect(new Set(report.results.map((r) => r.origin))).toEqual(new Set(['http://localhost:3000']));
  });

  it('usage errors exit 2 and name the option', async () => {
    const bad = await runNode(CLI, ['--config', config, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fail-on');
    const unknown = await runNode(CLI, ['--nope']);
    expect(unknown.code).toBe(2);
    const missing = await runNode(CLI, ['--config', join(tmpdir(), 'no-such-cors-gate.yml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
  });
});

describe('action against the provider zoo, run as the runner runs it', () => {
  it('writes the summary table, the outputs, the report, and fails the step', async () => {
    const ran = await runAction({ config, 'fail-on': 'fail,error', timeout: '5', concurrency: '4' });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('::error');
    expect(ran.outputs).toMatchObject({ total: '5', passed: '3', warned: '0', failed: '2', errored: '0' });
    expect(JSON.parse(ran.outputs['failed-endpoints']!)).toEqual(['NVIDIA NIM', 'OpenCode Zen']);
    expect(ran.summary).toContain('3 of 5 endpoints can be called from a browser');
    expect(ran.summary).toContain('| # | Endpoint | Status | Verdict | CORS headers |');
    expect(ran.summary.replace(/<wbr>/g, '')).toMatch(
      /\| 4 \| NVIDIA NIM<br>.*❌ fail<br>PreflightMissingAllowOriginHeader/,
    );
    expect(ran.summary).toContain('<details><summary>❌ OpenCode Zen');
    expect(ran.summary).toContain('curl -sig -X OPTIONS');
    const report = JSON.parse(readFileSync(ran.outputs['report-file']!, 'utf8')) as Report;
    expect(report.results).toHaveLength(5);
  });

  it('expect: fail keeps a known failure from failing the gate, and says when it passes again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-expect-'));
    const file = join(dir, 'c.yml');
    writeFileSync(
      file,
      zooConfig(zoo.url)
        .replace('/nvidia/v1/chat/completions', '/nvidia/v1/chat/completions\n    expect: fail')
        .replace('/openrouter/api/v1/chat/completions', '/openrouter/api/v1/chat/completions\n    expect: fail')
        .replace('/zen/zen/v1/chat/completions', '/zen/zen/v1/chat/completions\n    expect: fail'),
    );
    const ran = await runAction({ config: file });
    expect(ran.code).toBe(0);
    expect(ran.summary).toContain('❌ fail (expected)');
    expect(ran.summary).toContain('OpenRouter now passes: drop `expect: fail`');
  });

  it('a config error fails the step with the file and line, and checks nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-bad-'));
    const file = join(dir, 'bad.yml');
    writeFileSync(file, `endpoints:\n  - name: A\n    url: ${zoo.url}/openrouter/x\n    methd: POST\n`);
    const before = zoo.requests.length;
    const ran = await runAction({ config: file });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(`${file}:4:5`);
    expect(ran.stdout).toContain('unknown key "methd"');
    expect(zoo.requests.length).toBe(before);
  });
});

describe('CLI edge cases', () => {
  it('a report file it cannot write is a usage error (exit 2), and no temporary file is left', async () => {
    const { mkdtempSync, readdirSync, mkdirSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'cors-gate-rf-'));
    const target = join(dir, 'is-a-dir');
    mkdirSync(target);
    const ran = await runNode(CLI, ['--config', config, '--report-file', target]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`cannot write ${target}`);
    expect(readdirSync(dir)).toEqual(['is-a-dir']);
  });

  it('a reader that stops early does not make it crash', async () => {
    const { spawn } = await import('node:child_process');
    // Asserted once the child is done, not in its callbacks: a failure there would only hang the test.
    const ran = await new Promise<{ code: number | null; stderr: string; read: string }>((done, fail) => {
      const child = spawn(process.execPath, [CLI, '--config', config, '--format', 'json', '--fail-on', 'never'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let read = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', (d) => {
        read += d;
        child.stdout.destroy();
      });
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr, read }));
    });
    expect(ran.read).not.toBe('');
    expect(ran.stderr).not.toContain('EPIPE');
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
  });

  it('the curl command turns off curl globbing, so [ ] and { } in a query stay literal', async () => {
    const { curlCommand } = await import('../../src/report/curl.js');
    expect(curlCommand('OPTIONS', 'https://api.example/v1?q[0]={a,b}', [['Origin', "https://o'x"]])).toBe(
      `curl -sig -X OPTIONS 'https://api.example/v1?q[0]={a,b}' -H 'Origin: https://o'\\''x'`,
    );
  });
});
