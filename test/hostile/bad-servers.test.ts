// Endpoints that misbehave at every layer (TCP, TLS, HTTP framing, size, time)
// end in a verdict with a reason, and never take the other endpoints down with
// them. Those that would never end on their own must end with the deadline's own
// TIMEOUT code. The last test runs them all through the built CLI and checks its
// peak memory; times are printed for the record, never asserted (shared machines).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import { parseConfig } from '../../src/config/load.js';
import { buildReport, type Report } from '../../src/report/record.js';
import type { CheckResult } from '../../src/types.js';
import { CLI } from '../support/build.js';
import { startZoo, type Zoo } from '../support/zoo.js';
import { type BadSet, startAll } from './servers.js';

const TIMEOUT_MS = 1500;

interface Expected {
  verdict: 'fail' | 'error';
  /** The error code or finding code that explains it. */
  reason: RegExp;
}

const EXPECTED: Record<string, Expected> = {
  'trickled headers': { verdict: 'error', reason: /^TIMEOUT$/ },
  'endless body': { verdict: 'fail', reason: /^PreflightMissingAllowOriginHeader$/ },
  '50 MB body': { verdict: 'fail', reason: /^PreflightMissingAllowOriginHeader$/ },
  '5000 header lines': { verdict: 'fail', reason: /^PreflightMissingAllowOriginHeader$/ },
  '64 KB header value': { verdict: 'fail', reason: /^PreflightAllowOriginMismatch$/ },
  'garbage status line': { verdict: 'error', reason: /^HPE_/ },
  'connection reset': { verdict: 'error', reason: /^(ECONNRESET|UND_ERR_SOCKET)$/ },
  'close after status line': { verdict: 'error', reason: /^UND_ERR_SOCKET$/ },
  'redirect loop': { verdict: 'fail', reason: /^PreflightDisallowedRedirect$/ },
  'accepts and never answers': { verdict: 'error', reason: /^TIMEOUT$/ },
  'self-signed TLS': { verdict: 'error', reason: /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/ },
  // A resolver that cannot be reached at all ends in the deadline instead.
  'DNS failure': { verdict: 'error', reason: /^(ENOTFOUND|EAI_AGAIN|TIMEOUT)$/ },
  'connection refused': { verdict: 'error', reason: /^ECONNREFUSED$/ },
};

/** The code that explains a result: the transport error, else the first blocking finding. */
function reasonOf(r: CheckResult): string {
  const ex = r.preflight ?? r.actual;
  if (ex?.error) return ex.error.code;
  return r.evaluation.findings.find((f) => f.level === 'fail' || f.level === 'error')?.code ?? '';
}

function configFor(cases: { name: string; url: string }[], extra = ''): string {
  return (
    [
      'defaults:',
      '  origin: https://example.com',
      // The bad servers run on this machine: so does the page, or Local Network Access would apply.
      '  address-space: local',
      '  headers: [authorization, content-type]',
      'endpoints:',
      ...cases.map((c) => `  - name: ${JSON.stringify(c.name)}\n    url: ${c.url}${extra}`),
    ].join('\n') + '\n'
  );
}

let bad: BadSet;
let zoo: Zoo;

beforeAll(async () => {
  bad = await startAll();
  zoo = await startZoo();
});
afterAll(async () => {
  await bad?.close();
  await zoo?.close();
});

describe('each bad server alone', () => {
  for (const name of Object.keys(EXPECTED)) {
    test(name, async () => {
      const c = bad.cases.find((x) => x.name === name);
      expect(c, `the ${name} server is running`).toBeDefined();
      const [endpoint] = parseConfig({ file: 'bad.yml', text: configFor([c!]) });
      const [r] = await checkEndpoints([endpoint!], { timeoutMs: TIMEOUT_MS, concurrency: 1 });
      const want = EXPECTED[name]!;
      expect(r!.evaluation.verdict, JSON.stringify(r!.evaluation.findings)).toBe(want.verdict);
      expect(reasonOf(r!)).toMatch(want.reason);
      // The reason a person reads is one clear line, not a stack or a dump.
      const first = r!.evaluation.findings[0]!;
      expect(first.message.length).toBeGreaterThan(10);
      expect(first.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
      // No second request after a preflight a browser would not get past.
      expect(r!.actual).toBeUndefined();
    });
  }

  test('bodies are read only up to the limit, and headers are kept bounded in the report', async () => {
    const pick = (n: string) => bad.cases.find((x) => x.name === n)!;
    const eps = parseConfig({
      file: 'bad.yml',
      text: configFor([
        pick('endless body'),
        pick('50 MB body'),
        pick('5000 header lines'),
        pick('64 KB header value'),
      ]),
    });
    const results = await checkEndpoints(eps, { timeoutMs: TIMEOUT_MS, concurrency: 4 });
    const [endless, huge, many, long] = results;
    for (const r of [endless!, huge!]) {
      expect(r.preflight!.response!.bodyTruncated).toBe(true);
      expect(r.preflight!.response!.body.length).toBeLessThanOrEqual(2048);
    }
    expect(many!.preflight!.response!.headers.length).toBe(5002);
    const report = buildReport(results);
    const manyRec = report.results[2]!.preflight!;
    expect(manyRec.headers.length).toBeLessThanOrEqual(201);
    expect(manyRec.headers.at(-1)![1]).toMatch(/more header lines cut/);
    const acao = report.results[3]!.preflight!.headers.find(([n]) => /allow-origin/i.test(n))!;
    expect(acao[1].length).toBeLessThanOrEqual(4096);
    expect(acao[1]).toMatch(/characters cut\]$/);
    expect(long!.evaluation.findings[0]!.message.length).toBeLessThan(2000);
  });

  test('simple GET requests (no preflight) to the body and redirect servers end in fail, not a hang', async () => {
    const pick = (n: string) => bad.cases.find((x) => x.name === n)!;
    const text = [
      'endpoints:',
      ...['endless body', '50 MB body', 'redirect loop', 'accepts and never answers'].map(
        (n) => `  - name: ${JSON.stringify(n)}\n    url: ${pick(n).url}\n    method: GET\n    headers: []`,
      ),
    ].join('\n');
    const results = await checkEndpoints(parseConfig({ file: 'get.yml', text }), {
      timeoutMs: TIMEOUT_MS,
      concurrency: 4,
    });
    for (const r of results) {
      expect(r.preflight).toBeUndefined();
      expect(r.actual, r.endpoint.name).toBeDefined();
      expect(['fail', 'error']).toContain(r.evaluation.verdict);
    }
    expect(results.at(-1)!.actual!.error!.code).toBe('TIMEOUT');
  });
});

test('all bad servers at once do not stop a good endpoint', async () => {
  const good = { name: 'good (zoo OpenRouter)', url: `${zoo.url}/openrouter/api/v1/chat/completions` };
  const eps = parseConfig({ file: 'all.yml', text: configFor([...bad.cases, good]) });
  const results = await checkEndpoints(eps, { timeoutMs: TIMEOUT_MS, concurrency: 16 });
  for (const r of results.slice(0, -1)) {
    const want = EXPECTED[r.endpoint.name]!;
    expect(r.evaluation.verdict, r.endpoint.name).toBe(want.verdict);
    expect(reasonOf(r), r.endpoint.name).toMatch(want.reason);
  }
  expect(results.at(-1)!.evaluation.verdict).toBe('pass');
});

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  peakKb: number;
}

/** Runs the CLI and measures its peak resident memory: GNU time when present, else VmHWM polled from /proc. */
function runMeasured(args: string[]): Promise<Measured> {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, CLI, ...args] : [CLI, ...args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_PROXY: '*' } });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peakKb = Math.max(peakKb, Number(m[1]));
          } catch {
            // The process is gone between two polls.
          }
        }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const wallMs = performance.now() - started;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakKb = m ? Number(m[1]) : 0;
      }
      resolve({ code, stdout, stderr, wallMs, peakKb });
    });
  });
}

test('the built CLI checks all bad servers together within bounded time and memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cors-gate-bad-'));
  try {
    const file = join(dir, 'all.yml');
    const good = { name: 'good (zoo OpenRouter)', url: `${zoo.url}/openrouter/api/v1/chat/completions` };
    writeFileSync(file, configFor([...bad.cases, good]));
    const timeoutS = 3;
    const m = await runMeasured([
      '--config',
      file,
      '--format',
      'json',
      '--timeout',
      String(timeoutS),
      '--concurrency',
      '16',
    ]);
    const peakMb = m.peakKb / 1024;
    console.log(
      `all ${bad.cases.length} bad servers + 1 good through the CLI: wall ${(m.wallMs / 1000).toFixed(2)} s, peak RSS ${peakMb.toFixed(1)} MB`,
    );
    expect(m.code, m.stderr).toBe(1);
    const report = JSON.parse(m.stdout) as Report;
    expect(report.results).toHaveLength(bad.cases.length + 1);
    for (const r of report.results.slice(0, -1)) {
      const want = EXPECTED[r.name]!;
      expect(r.verdict, r.name).toBe(want.verdict);
      const ex = r.preflight!;
      const reason = ex.error?.code ?? r.findings.find((f) => f.level === 'fail')?.code ?? '';
      expect(reason, r.name).toMatch(want.reason);
    }
    expect(report.results.at(-1)!.verdict).toBe('pass');
    expect(m.peakKb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
