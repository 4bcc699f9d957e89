// The GitHub side of the bench, in its own Node ≥ 23.6 process: the GitHub fake
// (test/github-fake/server.ts) and the planner (src/issues/plan.ts) are
// TypeScript, which this Node runs by stripping the types. Their relative
// imports name `.js` files that exist only as `.ts`; the resolve hook below maps
// them, and nothing else.
//
//   node bench/github-budget-child.mjs <root> <work> <result.json> [endpoints] [transitions]
//
// The built action (dist/index.js) runs three times against endpoints served by
// a local server whose answer per path is set here, filing into the fake:
//   1. a dry run, which checks everything and plans one issue per failing endpoint;
//   2. every endpoint still failing the same way, each with its open issue: measured;
//   3. some endpoints changed (half now pass, half fail differently): measured.
// Between 1 and 2 the issues are seeded straight into the fake. The action would
// create them itself, but its throttling spaces content-creating writes 3 s
// apart, so 500 creates take 25 minutes. The seeded titles, bodies and labels
// are the action's own: planIssues() from src/ applied to the records of run 1's
// JSON report, which are the records the action hands its issue step. Run 2
// proves it: the action must find every issue its own and write nothing.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      const fromTs = context.parentURL?.startsWith('file:') && context.parentURL.endsWith('.ts');
      if (err?.code === 'ERR_MODULE_NOT_FOUND' && fromTs && specifier.startsWith('.') && specifier.endsWith('.js')) {
        return next(specifier.slice(0, -3) + '.ts', context);
      }
      throw err;
    }
  },
});

const [root, work, resultFile, nText = '500', tText = '10'] = process.argv.slice(2);
const N = Number(nText);
const T = Number(tText);
const REPO = 'acme/widgets';
const ORIGIN = 'https://app.example.com';
const LABELS = ['cors-gate'];
const RUN_SERVER = 'https://github.com';

const { startGitHubFake } = await import(pathToFileURL(join(root, 'test/github-fake/server.ts')).href);
const { planIssues } = await import(pathToFileURL(join(root, 'src/issues/plan.ts')).href);

/**
 * Per-path behaviour: `gone` answers the preflight 404 with an HTML page (a
 * missing route), `narrow` allows the origin but not the authorization header,
 * `open` lets the browser through.
 */
const behaviour = Array.from({ length: N }, () => 'gone');
let probeRequests = 0;
const endpoints = createServer((req, res) => {
  probeRequests++;
  req.resume();
  const i = Number(/^\/v1\/e(\d+)\/chat\/completions$/.exec(req.url ?? '')?.[1] ?? -1);
  const how = behaviour[i];
  if (req.method === 'OPTIONS' && how === 'gone') {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>404 Not Found</h1></body></html>');
  } else if (req.method === 'OPTIONS' && (how === 'narrow' || how === 'open')) {
    res.writeHead(204, {
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': how === 'open' ? 'authorization, content-type' : 'content-type',
      Vary: 'Origin',
    });
    res.end();
  } else if (how === 'open') {
    const body = '{"id":"bench","object":"chat.completion","choices":[]}';
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': ORIGIN, Vary: 'Origin' });
    res.end(body);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>404 Not Found</h1></body></html>');
  }
});
await new Promise((ok, fail) => {
  endpoints.once('error', fail);
  endpoints.listen(0, '127.0.0.1', ok);
});
const base = `http://127.0.0.1:${endpoints.address().port}`;

const fake = await startGitHubFake();
const dir = mkdtempSync(join(work, 'github-budget-'));
const config = join(dir, 'endpoints.yml');
writeFileSync(
  config,
  [
    'defaults:',
    `  origin: ${ORIGIN}`,
    '  method: POST',
    '  headers: [authorization, content-type]',
    'endpoints:',
    ...behaviour.flatMap((_, i) => [`  - name: route-${i}`, `    url: ${base}/v1/e${i}/chat/completions`]),
  ].join('\n') + '\n',
);

function outputsOf(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

let runId = 0;
/** One run of the built action as the runner starts it; counts what reached the fake. */
function runAction(extraInputs) {
  const runDir = mkdtempSync(join(dir, 'run-'));
  const files = { GITHUB_STEP_SUMMARY: join(runDir, 'summary.md'), GITHUB_OUTPUT: join(runDir, 'output.txt') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const inputs = {
    config,
    issues: 'true',
    'github-token': fake.token,
    'fail-on': 'never',
    concurrency: '16',
    timeout: '5',
    'report-file': join(runDir, 'report.json'),
    ...extraInputs,
  };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...files,
    RUNNER_TEMP: runDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: RUN_SERVER,
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: String(++runId),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const mark = fake.requests.length;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], {
      cwd: runDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const seen = fake.requests.slice(mark);
      const byOperation = {};
      for (const r of seen) {
        const k = `${r.method} ${r.operationId ?? r.path}`;
        byOperation[k] = (byOperation[k] ?? 0) + 1;
      }
      const outputs = outputsOf(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
      let rows = null;
      try {
        rows = JSON.parse(outputs.issues ?? 'null');
      } catch {
        // Checked below: a run without the output is reported, not measured.
      }
      done({
        code,
        ms: Math.round(performance.now() - started),
        reads: seen.filter((r) => r.method === 'GET').length,
        writes: seen.filter((r) => r.method !== 'GET').length,
        byOperation,
        statuses: [...new Set(seen.map((r) => r.status))].sort(),
        rows,
        reportFile: inputs['report-file'],
        errors: [...stdout.matchAll(/^::error[^:]*::(.*)$/gm)].map((m) => m[1]).slice(0, 5),
        stderr: stderr.slice(0, 2000),
      });
    });
  });
}

const count = (rows, key) => (rows ?? []).reduce((m, r) => ({ ...m, [r[key]]: (m[r[key]] ?? 0) + 1 }), {});
const problems = [];
const expect = (ok, what) => {
  if (!ok) problems.push(what);
};
const summary = (run) => ({
  reads: run.reads,
  writes: run.writes,
  byOperation: run.byOperation,
  actions: count(run.rows, 'action'),
  ms: run.ms,
  exit: run.code,
});
const result = { endpoints: N };

try {
  // 1. The first run, dry: what the action would file.
  const first = await runAction({ 'dry-run': 'true', 'max-issue-writes': '1000' });
  expect(first.code === 0, `dry run exited ${first.code}: ${first.errors.join(' | ') || first.stderr}`);
  expect(
    count(first.rows, 'planned').created === N,
    `dry run planned ${JSON.stringify(count(first.rows, 'planned'))}, expected ${N} creates`,
  );

  const records = JSON.parse(readFileSync(first.reportFile, 'utf8')).results;
  const plan = planIssues(
    records,
    { issues: [], comments: {}, history: [REPO.toLowerCase()] },
    {
      repo: REPO,
      labels: LABELS,
      issueOn: ['fail'],
      now: new Date(),
      runUrl: `${RUN_SERVER}/${REPO}/actions/runs/${runId}`,
    },
  );
  for (const p of plan)
    for (const w of p.writes)
      if (w.op === 'create') fake.seedIssue(REPO, { title: w.title, body: w.body, labels: w.labels });
  expect(fake.issues(REPO).length === N, `seeded ${fake.issues(REPO).length} issues, expected ${N}`);

  // 2. Nothing changed.
  const steady = await runAction({ 'max-issue-writes': '1000' });
  expect(steady.code === 0, `0-transition run exited ${steady.code}: ${steady.errors.join(' | ') || steady.stderr}`);
  expect(
    count(steady.rows, 'action').unchanged === N,
    `0-transition run: ${JSON.stringify(count(steady.rows, 'action'))}, expected ${N} unchanged`,
  );

  // 3. T endpoints changed: the first half now pass, the rest fail for another reason.
  for (let i = 0; i < T; i++) behaviour[i] = i < Math.ceil(T / 2) ? 'open' : 'narrow';
  const moved = await runAction({ 'max-issue-writes': '1000' });
  const acts = count(moved.rows, 'action');
  expect(moved.code === 0, `${T}-transition run exited ${moved.code}: ${moved.errors.join(' | ') || moved.stderr}`);
  expect(
    acts.closed === Math.ceil(T / 2) && acts.updated === Math.floor(T / 2) && acts.unchanged === N - T,
    `${T}-transition run: ${JSON.stringify(acts)}`,
  );
  expect(
    fake.violations.length === 0,
    `requests outside GitHub's OpenAPI description: ${fake.violations.slice(0, 3).join(' | ')}`,
  );

  Object.assign(result, {
    seeded: `${N} issues seeded in the fake with the action's own titles, bodies and labels (planIssues over run 1's report)`,
    firstRunDry: summary(first),
    noTransitions: summary(steady),
    transitions: { count: T, ...summary(moved) },
    probeRequests,
  });
} catch (err) {
  problems.push(`stopped: ${err?.stack ?? err}`);
} finally {
  writeFileSync(resultFile, JSON.stringify({ ...result, ...(problems.length ? { problems } : {}) }));
  await fake.close();
  await new Promise((ok) => {
    endpoints.close(ok);
    endpoints.closeAllConnections();
  });
}
