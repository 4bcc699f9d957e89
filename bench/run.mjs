// npm run bench — how close cors-gate gets to the ideal run time, how it compares
// with curl's parallel mode over the same requests, its peak memory, and the
// cold start of the action and the CLI. Everything runs against 127.0.0.1.
//
//   npm run bench -- [--sizes 100,500,2000] [--concurrency 16] [--delay 100]
//                    [--ports 4] [--runs 7] [--no-curl] [--out FILE]
//                    [--fast-sizes 2000,5000] [--fast-concurrency 64] [--fast-runs 5]
//                    [--cli FILE]
//   npm run bench -- --github-only     # just the GitHub API budget of the issue lifecycle
//
// The fast case answers at once (0 ms), so each endpoint's CPU sets the pace:
// cors-gate and curl --parallel take turns over the same requests, and the
// medians, the CPU seconds and the MB of peak memory per 1,000 endpoints are
// printed. --fast-sizes 0 leaves it out; --cli measures another build of the CLI.
//
// Results are printed and written to bench/results/<date>.json. They are
// measurements of one machine at one moment, not assertions.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { budgetLine, measureGitHubBudget } from './github-budget.mjs';
import { benchPath, PAGE_ORIGIN, startBenchServer } from './server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let CLI = join(ROOT, 'dist/cli/index.js');
const ACTION = join(ROOT, 'dist/index.js');
const GNU_TIME = '/usr/bin/time';
/** No single child may run longer than this, whatever happens. */
const CHILD_DEADLINE_MS = 300_000;

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,500,2000' },
    concurrency: { type: 'string', default: '16' },
    delay: { type: 'string', default: '100' },
    ports: { type: 'string', default: '4' },
    runs: { type: 'string', default: '7' },
    'no-curl': { type: 'boolean', default: false },
    'github-only': { type: 'boolean', default: false },
    'fast-sizes': { type: 'string', default: '2000,5000' },
    'fast-concurrency': { type: 'string', default: '64' },
    'fast-runs': { type: 'string', default: '5' },
    cli: { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});

function whole(text, name, min, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}
const SIZES = opt.sizes.split(',').map((s) => whole(s.trim(), 'sizes', 1, 20_000));
const C = whole(opt.concurrency, 'concurrency', 1, 256);
const DELAY = whole(opt.delay, 'delay', 0, 5_000);
const PORTS = whole(opt.ports, 'ports', 1, 32);
const RUNS = whole(opt.runs, 'runs', 1, 50);
const FAST_SIZES = opt['fast-sizes']
  .split(',')
  .map((s) => whole(s.trim(), 'fast-sizes', 0, 20_000))
  .filter((n) => n > 0);
const FAST_C = whole(opt['fast-concurrency'], 'fast-concurrency', 1, 256);
const FAST_RUNS = whole(opt['fast-runs'], 'fast-runs', 1, 50);
if (opt.cli) CLI = resolve(opt.cli);

for (const f of [CLI, ACTION]) {
  if (!existsSync(f)) {
    console.error(`bench: ${f} is missing (dist/ is committed; run npm run build if you removed it)`);
    process.exit(2);
  }
}

const hasGnuTime = (() => {
  if (!existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['-f', '%M %U %S', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/m.test(r.stderr);
})();
const curlVersion = (() => {
  const r = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : null;
})();

const work = mkdtempSync(join(tmpdir(), 'cors-gate-bench-'));

/**
 * Runs a command to its end and measures wall time and peak RSS, and with GNU
 * time its CPU time (user + system). The peak comes from GNU time when
 * installed, else from polling VmHWM (the kernel's high-water mark, so only the
 * last few milliseconds can go unseen).
 */
function measure(cmd, args, { env = process.env, cwd = work, stdoutFile } = {}) {
  return new Promise((resolveRun, reject) => {
    const rssFile = join(work, `rss-${process.hrtime.bigint()}.txt`);
    const argv = hasGnuTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : args;
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const errFile = join(work, 'stderr.txt');
    const err = openSync(errFile, 'w');
    const started = performance.now();
    const child = spawn(hasGnuTime ? GNU_TIME : cmd, argv, { cwd, env, stdio: ['ignore', out, err], detached: true });
    let peakKb = 0;
    const poll = hasGnuTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peakKb = Math.max(peakKb, Number(m[1]));
          } catch {
            // Gone between two polls: the last reading stands.
          }
        }, 10);
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, CHILD_DEADLINE_MS);
    child.on('error', (e) => {
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      if (typeof out === 'number') closeSync(out);
      closeSync(err);
      let cpuS = null;
      if (hasGnuTime && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number);
        peakKb = kb || 0;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = user + sys;
      }
      const stderr = readFileSync(errFile, 'utf8').slice(0, 2000);
      resolveRun({ wallMs, peakKb, cpuS, code, signal, stderr });
    });
  });
}

function configYaml(n, urls) {
  const lines = [
    'defaults:',
    `  origin: ${PAGE_ORIGIN}`,
    '  method: POST',
    '  headers: [authorization, content-type]',
    '  credentials: omit',
    '  actual: true',
    // The stand-in listens on loopback; a page on the same machine keeps Local
    // Network Access out of the verdict, so every endpoint passes.
    '  address-space: local',
    'endpoints:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: route-${i}`, `    url: ${urls[i % urls.length]}${benchPath(i)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The same 2N requests as a curl config: each endpoint's preflight and its POST,
 * with the headers and body cors-gate sends (its User-Agent included, so the
 * two runs can be compared request for request). `next` separates entries: one
 * after the last would open an empty entry that curl rejects ("no URL
 * specified", exit 2) after sending only part of the list.
 */
function curlConfig(n, urls, userAgent) {
  const body = JSON.stringify({
    model: 'cors-gate-probe',
    messages: [{ role: 'user', content: 'ping' }],
    max_tokens: 1,
  })
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
  const ua = userAgent ? [`user-agent = "${userAgent.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`] : [];
  const entries = [];
  for (let i = 0; i < n; i++) {
    const url = `${urls[i % urls.length]}${benchPath(i)}`;
    entries.push(
      [
        `url = "${url}"`,
        'request = "OPTIONS"',
        'header = "Accept: */*"',
        `header = "Origin: ${PAGE_ORIGIN}"`,
        'header = "Access-Control-Request-Method: POST"',
        'header = "Access-Control-Request-Headers: authorization,content-type"',
        ...ua,
        'output = "/dev/null"',
      ].join('\n'),
      [
        `url = "${url}"`,
        'request = "POST"',
        'header = "Accept: */*"',
        'header = "Authorization: Bearer cors-gate-probe"',
        'header = "Content-Type: application/json"',
        `header = "Origin: ${PAGE_ORIGIN}"`,
        ...ua,
        `data-raw = "${body}"`,
        'output = "/dev/null"',
      ].join('\n'),
    );
  }
  return entries.join('\nnext\n') + '\n';
}

/** The value of one header in a request shape recorded by the bench server. */
function shapeHeader(shape, name) {
  const line = shape.split('\n').find((l) => l.startsWith(`${name}: `));
  return line?.slice(name.length + 2);
}

/**
 * Why two runs did not send the same requests (each shape as often), or null
 * when they did. Shows the first shape that differs.
 */
function shapeMismatch(expected, seen) {
  for (const [shape, count] of expected) {
    const got = seen.get(shape) ?? 0;
    if (got !== count) return `sent ${got} × a request cors-gate sent ${count} ×:\n${indent(shape)}`;
  }
  for (const [shape, count] of seen) {
    if (!expected.has(shape)) return `sent ${count} × a request cors-gate never sent:\n${indent(shape)}`;
  }
  return null;
}
const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 0) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

async function runSize(server, n, { concurrency = C, delay = DELAY, withCurl = !opt['no-curl'] } = {}) {
  const cfg = join(work, `endpoints-${n}.yml`);
  writeFileSync(cfg, configYaml(n, server.urls));
  const ideal = Math.ceil(n / concurrency) * 2 * delay;
  const row = { n, concurrency, delayMs: delay, idealMs: ideal };

  server.reset();
  const reportFile = join(work, `report-${n}.json`);
  const cg = await measure(
    process.execPath,
    [CLI, '--config', cfg, '--format', 'json', '--concurrency', String(concurrency)],
    {
      stdoutFile: reportFile,
    },
  );
  const verdicts = {};
  try {
    for (const r of JSON.parse(readFileSync(reportFile, 'utf8')).results)
      verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  } catch {
    verdicts.unreadable = 1;
  }
  row.corsGate = {
    ms: round(cg.wallMs),
    peakRssMb: round(cg.peakKb / 1024, 1),
    cpuS: round(cg.cpuS, 2),
    exit: cg.code,
    requests: { options: server.stats.options, post: server.stats.posts, other: server.stats.other },
    connections: server.stats.connections,
    verdicts,
    ...(cg.code !== 0 ? { stderr: cg.stderr } : {}),
  };
  row.corsGateVsIdeal = ideal ? round(cg.wallMs / ideal, 3) : null;
  row.problems = [];
  if (cg.code !== 0) row.problems.push(`cors-gate exited ${cg.code ?? cg.signal}`);
  if (server.stats.options !== n || server.stats.posts !== n || server.stats.other !== 0) {
    row.problems.push(
      `cors-gate sent ${server.stats.options} OPTIONS, ${server.stats.posts} POST and ${server.stats.other} other requests, not ${n} + ${n}`,
    );
  }
  if (verdicts.pass !== n) row.problems.push(`cors-gate verdicts ${JSON.stringify(verdicts)}, not ${n} pass`);
  const corsGateShapes = server.shapes();

  if (curlVersion && withCurl) {
    const ccfg = join(work, `curl-${n}.txt`);
    const userAgent = corsGateShapes.size ? shapeHeader(corsGateShapes.keys().next().value, 'user-agent') : undefined;
    writeFileSync(ccfg, curlConfig(n, server.urls, userAgent));
    // Counters start from zero for curl: cors-gate has exited, so every request
    // from here on is curl's.
    server.reset();
    // curl 7.x draws its parallel progress meter even under -s; it goes to a
    // file nobody reads, so it is turned off rather than timed.
    const cu = await measure('curl', [
      '-s',
      '--no-progress-meter',
      '--parallel',
      '--parallel-max',
      String(concurrency),
      '-K',
      ccfg,
    ]);
    const seen = { options: server.stats.options, post: server.stats.posts, other: server.stats.other };
    const curlProblems = [];
    if (cu.code !== 0) {
      const said = cu.stderr
        .split(/[\r\n]+/)
        .map((l) => l.trim())
        .find((l) => l.startsWith('curl:'));
      curlProblems.push(`curl exited ${cu.code ?? cu.signal}${said ? ` (${said})` : ''}`);
    }
    if (seen.options !== n || seen.post !== n || seen.other !== 0) {
      curlProblems.push(
        `curl sent ${seen.options} OPTIONS, ${seen.post} POST and ${seen.other} other requests, not ${n} + ${n}`,
      );
    }
    const mismatch = shapeMismatch(corsGateShapes, server.shapes());
    if (mismatch) curlProblems.push(`curl ${mismatch}`);
    const counted = curlProblems.length === 0;
    row.curl = {
      ms: round(cu.wallMs),
      peakRssMb: round(cu.peakKb / 1024, 1),
      cpuS: round(cu.cpuS, 2),
      exit: cu.code,
      requests: seen,
      connections: server.stats.connections,
      sameRequestsAsCorsGate: !mismatch,
      counted,
      ...(cu.code !== 0 ? { stderr: cu.stderr } : {}),
    };
    // A curl run that did not send every request is no baseline.
    row.corsGateVsCurl = counted ? round(cg.wallMs / cu.wallMs, 3) : null;
    row.problems.push(...curlProblems);
  }
  row.complete = row.problems.length === 0;
  return row;
}

/**
 * The CPU-bound case: the server answers at once, cors-gate and curl take turns
 * over the same requests `FAST_RUNS` times, and the medians are kept: wall
 * times, their ratio pair by pair, CPU seconds and peak memory, both also per
 * 1,000 endpoints (memory above a run of one endpoint).
 */
async function runFast(server, n, onePeakMb) {
  server.setDelay(0);
  const runs = [];
  try {
    for (let i = 0; i < FAST_RUNS; i++)
      runs.push(await runSize(server, n, { concurrency: FAST_C, delay: 0, withCurl: true }));
  } finally {
    server.setDelay(DELAY);
  }
  const med = (pick) => {
    const xs = runs.map(pick).filter((x) => typeof x === 'number' && Number.isFinite(x));
    return xs.length ? median(xs) : null;
  };
  const cgMs = med((r) => r.corsGate.ms);
  const cgCpu = med((r) => r.corsGate.cpuS);
  const cgPeak = med((r) => r.corsGate.peakRssMb);
  return {
    n,
    concurrency: FAST_C,
    delayMs: 0,
    runs: runs.length,
    corsGateMs: cgMs,
    curlMs: med((r) => (r.curl?.counted ? r.curl.ms : null)),
    corsGateVsCurl: med((r) => r.corsGateVsCurl),
    corsGateCpuS: cgCpu,
    curlCpuS: med((r) => (r.curl?.counted ? r.curl.cpuS : null)),
    corsGatePeakRssMb: cgPeak,
    curlPeakRssMb: med((r) => r.curl?.peakRssMb),
    cpuSPer1000: cgCpu == null ? null : round((cgCpu / n) * 1000, 3),
    mbPer1000: cgPeak == null || onePeakMb == null ? null : round(((cgPeak - onePeakMb) / n) * 1000, 1),
    oneEndpointPeakRssMb: onePeakMb,
    complete: runs.every((r) => r.complete),
    problems: [...new Set(runs.flatMap((r) => r.problems))],
    all: runs,
  };
}

/** Peak memory of the CLI checking one endpoint: what a run costs before its endpoints. */
async function oneEndpointPeakMb(server) {
  server.setDelay(0);
  try {
    const one = join(work, 'one-peak.yml');
    writeFileSync(one, configYaml(1, server.urls));
    const peaks = [];
    for (let i = 0; i < 3; i++)
      peaks.push((await measure(process.execPath, [CLI, '--config', one, '--format', 'json'])).peakKb / 1024);
    return round(median(peaks), 1);
  } finally {
    server.setDelay(DELAY);
  }
}

function printFast(rows) {
  const head = [
    'N',
    'C',
    'cors-gate ms',
    'curl ms',
    'cg/curl',
    'cg CPU s',
    'curl CPU s',
    'CPU s/1000',
    'peak RSS MB',
    'MB/1000',
    'complete',
  ];
  const cell = (x, d = 0) => (x == null ? '—' : d ? x.toFixed(d) : String(round(x)));
  const body = rows.map((r) => [
    String(r.n),
    String(r.concurrency),
    cell(r.corsGateMs),
    cell(r.curlMs),
    cell(r.corsGateVsCurl, 2),
    cell(r.corsGateCpuS, 2),
    cell(r.curlCpuS, 2),
    cell(r.cpuSPer1000, 3),
    cell(r.corsGatePeakRssMb, 1),
    cell(r.mbPer1000, 1),
    r.complete ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const b of body) console.log(line(b));
}

/** Median wall time of a command run to its end, spawn included. */
async function coldStart(cmd, args, env = process.env) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await measure(cmd, args, { env })).wallMs);
  return { medianMs: round(median(times), 1), runsMs: times.map((t) => round(t, 1)) };
}

/** From spawn until the first request reaches the server, and until the process exits. */
async function toFirstRequest(server, cmd, args, env) {
  const first = [];
  const exit = [];
  for (let i = 0; i < RUNS; i++) {
    server.reset();
    const started = performance.now();
    const arrived = server.firstRequest();
    const run = measure(cmd, args, { env });
    const [firstAt, result] = await Promise.all([Promise.race([arrived, run.then(() => null)]), run]);
    const at = firstAt ?? server.stats.firstRequestAt;
    first.push(at ? at - started : NaN);
    exit.push(result.wallMs);
  }
  return {
    firstRequestMedianMs: round(median(first), 1),
    exitMedianMs: round(median(exit), 1),
    firstRequestRunsMs: first.map((t) => round(t, 1)),
  };
}

function actionEnv(extra) {
  const dir = mkdtempSync(join(work, 'runner-'));
  const files = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), GITHUB_OUTPUT: join(dir, 'output.txt') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env = { ...process.env, ...files, RUNNER_TEMP: dir, GITHUB_ACTIONS: 'true', ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_') && !(k in extra)) delete env[k];
  return env;
}

async function coldStarts(server) {
  server.setDelay(0);
  const one = join(work, 'one.yml');
  writeFileSync(one, configYaml(1, server.urls));
  const out = {
    nodeBaseline: await coldStart(process.execPath, ['-e', '0']),
    cliVersion: await coldStart(process.execPath, [CLI, '--version']),
    cliFirstRequest: await toFirstRequest(
      server,
      process.execPath,
      [CLI, '--config', one, '--format', 'json'],
      process.env,
    ),
    actionFirstRequest: await toFirstRequest(
      server,
      process.execPath,
      [ACTION],
      actionEnv({ INPUT_CONFIG: one, 'INPUT_FAIL-ON': 'fail,error' }),
    ),
  };
  server.setDelay(DELAY);
  return out;
}

function bundleSizes() {
  const size = (f) => (existsSync(f) ? readFileSync(f).length : null);
  return { actionBytes: size(ACTION), cliBytes: size(CLI) };
}

function printTable(rows) {
  const head = [
    'N',
    'cors-gate ms',
    'ideal ms',
    'cg/ideal',
    'curl ms',
    'cg/curl',
    'peak RSS MB',
    'curl RSS MB',
    'conns',
    'all 2N seen',
  ];
  const body = rows.map((r) =>
    [
      r.n,
      r.corsGate.ms,
      r.idealMs,
      r.corsGateVsIdeal?.toFixed(3) ?? '—',
      r.curl ? `${r.curl.ms}${r.curl.counted ? '' : ' (void)'}` : '—',
      r.corsGateVsCurl?.toFixed(3) ?? '—',
      r.corsGate.peakRssMb,
      r.curl?.peakRssMb ?? '—',
      r.corsGate.connections,
      r.complete ? 'yes' : 'NO',
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const b of body) console.log(line(b));
}

/** --github-only: measures the budget and adds it to the day's results, keeping the rest. */
async function githubOnly(date, machine) {
  try {
    const budget = await measureGitHubBudget(ROOT, work);
    console.log(budgetLine(budget));
    const outFile = opt.out ? resolve(opt.out) : join(ROOT, 'bench/results', `${date}.json`);
    let results = { date, generatedAt: new Date().toISOString(), machine };
    if (existsSync(outFile)) results = JSON.parse(readFileSync(outFile, 'utf8'));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify({ ...results, githubBudget: budget }, null, 2) + '\n');
    console.log(`\nwritten to ${outFile}`);
    if (budget.skipped || budget.problems?.length) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const date = new Date().toISOString().slice(0, 10);
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    kernel: release(),
    curl: curlVersion,
    peakRssFrom: hasGnuTime ? 'GNU time %M' : '/proc/<pid>/status VmHWM polled every 10 ms',
  };
  console.log(`cors-gate bench ${date}: node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}`);
  if (opt['github-only']) return githubOnly(date, machine);
  console.log(
    `delay ${DELAY} ms per request, concurrency ${C}, ${PORTS} ports on 127.0.0.1, sizes ${SIZES.join(', ')}`,
  );
  const server = await startBenchServer({ ports: PORTS, delayMs: DELAY });
  try {
    const rows = [];
    for (const n of SIZES) {
      process.stdout.write(`N = ${n} … `);
      const row = await runSize(server, n);
      console.log(
        `cors-gate ${row.corsGate.ms} ms, curl ${row.curl?.ms ?? '—'} ms${row.complete ? '' : ' — INCOMPLETE'}`,
      );
      for (const p of row.problems) console.log(`  ${p}`);
      rows.push(row);
    }
    const fast = [];
    if (FAST_SIZES.length) {
      const onePeak = await oneEndpointPeakMb(server);
      for (const n of FAST_SIZES) {
        process.stdout.write(`0 ms, N = ${n}, concurrency ${FAST_C}, ${FAST_RUNS} runs each … `);
        const row = await runFast(server, n, onePeak);
        console.log(
          `cors-gate ${row.corsGateMs} ms, curl ${row.curlMs ?? '—'} ms${row.complete ? '' : ' — INCOMPLETE'}`,
        );
        for (const p of row.problems) console.log(`  ${p}`);
        fast.push(row);
      }
    }
    const cold = await coldStarts(server);
    const budget = await measureGitHubBudget(ROOT, work);
    const results = {
      date,
      generatedAt: new Date().toISOString(),
      machine,
      settings: {
        sizes: SIZES,
        concurrency: C,
        delayMs: DELAY,
        ports: PORTS,
        coldStartRuns: RUNS,
        fastSizes: FAST_SIZES,
        fastConcurrency: FAST_C,
        fastRuns: FAST_RUNS,
        cli: CLI,
      },
      rows,
      fast,
      coldStart: cold,
      bundle: bundleSizes(),
      githubBudget: budget,
    };

    console.log('');
    printTable(rows);
    console.log('');
    if (fast.length) {
      console.log(`0 ms latency, the CPU-bound case (medians of ${FAST_RUNS} runs each, taking turns):`);
      printFast(fast);
      console.log('');
    }
    console.log(`cold start (median of ${RUNS}):`);
    console.log(`  node -e 0                                   ${cold.nodeBaseline.medianMs} ms`);
    console.log(`  node dist/cli/index.js --version            ${cold.cliVersion.medianMs} ms`);
    console.log(
      `  node dist/cli/index.js → first request      ${cold.cliFirstRequest.firstRequestMedianMs} ms (exit ${cold.cliFirstRequest.exitMedianMs} ms)`,
    );
    console.log(
      `  node dist/index.js (action) → first request ${cold.actionFirstRequest.firstRequestMedianMs} ms (exit ${cold.actionFirstRequest.exitMedianMs} ms)`,
    );
    console.log(
      `bundles: dist/index.js ${results.bundle.actionBytes} B, dist/cli/index.js ${results.bundle.cliBytes} B`,
    );
    console.log(budgetLine(budget));

    const outFile = opt.out ? resolve(opt.out) : join(ROOT, 'bench/results', `${date}.json`);
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nwritten to ${outFile}`);
    const incomplete = [...rows, ...fast].filter((r) => !r.complete);
    if (incomplete.length) {
      console.error(`bench: N = ${incomplete.map((r) => r.n).join(', ')} incomplete; see ${outFile}`);
      for (const r of incomplete) for (const p of r.problems) console.error(`  N = ${r.n}: ${p}`);
      process.exitCode = 1;
    }
    if (budget.problems?.length) process.exitCode = 1;
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
