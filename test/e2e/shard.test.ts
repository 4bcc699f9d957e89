// The sharded workflow as users run it: the built CLI checks each shard and
// writes its report, then `merge` (CLI) or `merge-reports` (the action, run as
// the runner runs it) turns the reports into one table, outputs and gate.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, CLI } from '../support/build.js';

const ORIGIN = 'https://app.example.com';

let server: Server;
let base = '';
/** Requests the server has seen, to tell a run that checked from one that only merged. */
let seen = 0;
const dir = mkdtempSync(join(tmpdir(), 'cors-gate-shard-'));
const config = join(dir, 'endpoints.yml');
const N = 24;
/** Every fifth endpoint sends no Access-Control-Allow-Origin: a browser blocks it. */
const blocked = (i: number) => i % 5 === 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen++;
    const allow = !req.url!.includes('/blocked/');
    const cors = allow ? { 'Access-Control-Allow-Origin': ORIGIN } : {};
    req.resume();
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'authorization, content-type',
      });
      res.end();
    } else {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lines = [
    'defaults:',
    `  origin: ${ORIGIN}`,
    '  method: POST',
    '  headers: [authorization, content-type]',
    '  actual: true',
    'endpoints:',
  ];
  for (let i = 0; i < N; i++)
    lines.push(`  - name: api-${i}`, `    url: ${base}/${blocked(i) ? 'blocked' : 'open'}/${i}/v1/chat/completions`);
  writeFileSync(config, lines.join('\n') + '\n');
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = dir): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}
const cli = (...args: string[]) => run([CLI, ...args]);
const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

describe('sharded run and merge', () => {
  let full: { results: { id: string; name: string; verdict: string }[] };

  beforeAll(async () => {
    const whole = await cli('--config', config, '--format', 'json');
    expect(whole.code).toBe(1);
    full = JSON.parse(whole.stdout);
    for (const i of [1, 2, 3]) {
      const r = await cli(
        '--config',
        config,
        '--shard',
        `${i}/3`,
        '--format',
        'json',
        '--report-file',
        join(dir, `report-${i}.json`),
      );
      expect([0, 1]).toContain(r.code);
      expect(readJson(join(dir, `report-${i}.json`))).toEqual(JSON.parse(r.stdout));
    }
  }, 120_000);

  it('checks each endpoint in exactly one shard', () => {
    const byShard = [1, 2, 3].map((i) => readJson(join(dir, `report-${i}.json`)));
    for (const [k, r] of byShard.entries()) expect(r.shard).toEqual({ index: k + 1, count: 3 });
    const ids = byShard.flatMap((r) => r.results.map((x: { id: string }) => x.id));
    expect(ids.sort()).toEqual(full.results.map((r) => r.id).sort());
    expect(full.results).toHaveLength(N);
    expect(byShard.every((r) => r.results.length > 0 && r.results.length < N)).toBe(true);
  });

  it('merges the reports into one report and one gate (files as arguments)', async () => {
    const r = await cli(
      'merge',
      join(dir, 'report-1.json'),
      join(dir, 'report-2.json'),
      join(dir, 'report-3.json'),
      '--format',
      'json',
    );
    expect(r.code).toBe(1);
    const merged = JSON.parse(r.stdout);
    const verdicts = (x: typeof full) => Object.fromEntries(x.results.map((e) => [e.id, e.verdict]));
    expect(verdicts(merged)).toEqual(verdicts(full));
    // In the order of the whole config, as one job would list them.
    expect(merged.results.map((e: { name: string }) => e.name)).toEqual(full.results.map((e) => e.name));
    expect(
      merged.results
        .filter((e: { verdict: string }) => e.verdict === 'fail')
        .map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(
      Array.from({ length: N }, (_, i) => i)
        .filter(blocked)
        .map((i) => `api-${i}`)
        .sort(),
    );
  });

  it('accepts a quoted glob, writes the merged report and passes the gate when told to', async () => {
    const out = join(dir, 'merged', 'report.json');
    const r = await cli('merge', join(dir, 'report-*.json'), '--fail-on', 'never', '--report-file', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('api-0');
    expect(readJson(out).results).toHaveLength(N);
  });

  it('fails the gate from merged reports when a shard has a blocked endpoint', async () => {
    const r = await cli('merge', join(dir, 'report-*.json'), '--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('api-5');
  });

  it('refuses duplicates and a missing shard with a clear error', async () => {
    const dup = await cli(
      'merge',
      join(dir, 'report-1.json'),
      join(dir, 'report-1.json'),
      join(dir, 'report-2.json'),
      join(dir, 'report-3.json'),
    );
    // The same path twice is one file; a copy of it is a duplicate.
    expect(dup.code).toBe(1);
    writeFileSync(join(dir, 'copy-of-1.json'), readFileSync(join(dir, 'report-1.json')));
    const twice = await cli('merge', join(dir, 'report-*.json'), join(dir, 'copy-of-1.json'));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/is in both .*report-1\.json and .*copy-of-1\.json/);
    const gap = await cli('merge', join(dir, 'report-1.json'), join(dir, 'report-3.json'));
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain('no report for shard 2/3');
    const none = await cli('merge', join(dir, 'nothing-*.json'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no report file matches');
    const bad = await cli('merge');
    expect(bad.code).toBe(2);
    const badShard = await cli('--config', config, '--shard', '4/3');
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toContain('--shard');
  });

  it('runs the action with merge-reports as the runner does', async () => {
    const runner = mkdtempSync(join(dir, 'runner-'));
    const summary = join(runner, 'summary.md');
    const output = join(runner, 'output.txt');
    writeFileSync(summary, '');
    writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: runner,
      'INPUT_MERGE-REPORTS': 'report-*.json',
      'INPUT_FAIL-ON': 'fail,error',
      // A config beside merge-reports, as a workflow may keep it: merging still checks nothing.
      INPUT_CONFIG: config,
    };
    const before = seen;
    const r = await run([ACTION], env, dir);
    expect(r.code).toBe(1);
    const outputs = readFileSync(output, 'utf8');
    const value = (name: string) => new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs)?.[2];
    const failed = full.results.filter((x) => x.verdict === 'fail').length;
    expect(value('total')).toBe(String(N));
    expect(value('failed')).toBe(String(failed));
    expect(JSON.parse(value('failed-endpoints')!).sort()).toEqual(
      full.results
        .filter((x) => x.verdict === 'fail')
        .map((x) => x.name)
        .sort(),
    );
    const merged = readJson(value('report-file')!);
    expect(merged.results).toHaveLength(N);
    expect(readFileSync(summary, 'utf8')).toContain('api-10');
    expect(r.stdout).toContain(`::error`);
    // Nothing was checked: the server saw no request from this run.
    expect(seen).toBe(before);
  });

  it('the action refuses reports that do not fit together', async () => {
    const runner = mkdtempSync(join(dir, 'runner-'));
    const output = join(runner, 'output.txt');
    writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: runner,
      'INPUT_MERGE-REPORTS': 'report-1.json\nreport-3.json',
    };
    const r = await run([ACTION], env, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::.*no report for shard 2\/3/);
  });

  it('the action checks only its shard', async () => {
    const runner = mkdtempSync(join(dir, 'runner-'));
    const output = join(runner, 'output.txt');
    writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: runner,
      INPUT_CONFIG: config,
      INPUT_SHARD: '2/3',
      'INPUT_FAIL-ON': 'never',
    };
    const r = await run([ACTION], env, dir);
    expect(r.code).toBe(0);
    const report = readJson(join(runner, 'cors-gate-report.json'));
    expect(report.shard).toEqual({ index: 2, count: 3 });
    expect(report.results.map((x: { id: string }) => x.id).sort()).toEqual(
      readJson(join(dir, 'report-2.json'))
        .results.map((x: { id: string }) => x.id)
        .sort(),
    );
  });
});
