// Many scheduled runs of the action, in-process with @actions/core stubbed,
// against a local server whose answers change from run to run and the GitHub
// fake: with the run history on, a flapping endpoint never gets an issue, a
// steady failure gets exactly one after issue-after runs, and it closes after
// close-after passing runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHistory } from '../../src/history/history.js';
import { historyKey, historyPath } from '../../src/history/store.js';
import { useGitHubFake } from '../github-fake/use.js';
import type { createCoreStub } from '../support/core-stub.js';

const stub = vi.hoisted(() => ({ value: undefined as ReturnType<typeof createCoreStub> | undefined }));
vi.mock('@actions/core', async () => {
  const { createCoreStub } = await import('../support/core-stub.js');
  stub.value = createCoreStub();
  return stub.value.core;
});
const { readActionInputs } = await import('../../src/action/inputs.js');
const { runAction } = await import('../../src/action/run.js');

const REPO = 'acme/widgets';
const github = useGitHubFake();
let server: Server;
let dir: string;
let config: string;
/** The run under way: each endpoint's answer depends on it. */
let run = 0;
/** Which runs each endpoint fails in. */
const failsIn: Record<string, (run: number) => boolean> = {
  flapper: (n) => n % 2 === 1,
  breaks: (n) => n >= 3 && n <= 6,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = req.url!.split('/')[1]!;
    const ok = !failsIn[name]!(run);
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        ...(ok ? { 'Access-Control-Allow-Origin': '*' } : {}),
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'authorization, content-type',
      });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-runs-'));
  config = join(dir, 'cors-gate.yml');
  writeFileSync(
    config,
    // The server runs on this machine, and so does the page: no Local Network Access.
    `defaults:\n  address-space: local\nendpoints:\n${Object.keys(failsIn)
      .map((n) => `  - name: ${n}\n    url: ${base}/${n}/v1/chat/completions\n`)
      .join('')}`,
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function actRun(n: number) {
  run = n;
  stub.value!.reset();
  const fake = github();
  const inputs = readActionInputs(
    (name) =>
      ({
        config,
        issues: 'true',
        history: 'true',
        'issue-after': '2',
        'close-after': '2',
        'fail-on': 'never',
        confirm: '0',
        'github-token': fake.token,
        'html-file': join(dir, 'index.html'),
      })[name] ?? '',
    {
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: fake.url,
      GITHUB_RUN_ID: String(n),
      RUNNER_TEMP: dir,
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    },
  );
  await runAction(inputs);
  const record = stub.value!.record;
  return {
    issues: JSON.parse(record.outputs.issues ?? '[]') as { endpoint: string; action: string; number: number | null }[],
    summary: record.summary,
    html: readFileSync(join(dir, 'index.html'), 'utf8'),
    warnings: record.annotations.filter((a) => a.kind === 'warning').map((a) => a.message),
    failed: record.failed,
  };
}

describe('ten scheduled runs with issue-after: 2 and close-after: 2', () => {
  it('files a steady failure once, never a flapping one, and closes on the second passing run', async () => {
    const fake = github();
    const seen: string[] = [];
    const writesBefore = () => fake.requests.filter((r) => r.method !== 'GET' && r.path.includes('/issues')).length;
    for (let n = 1; n <= 10; n++) {
      const before = writesBefore();
      const mark = fake.requests.length;
      const r = await actRun(n);
      if (n === 6) {
        // A run where nothing changes: who the token is, the history, one listing, the history again.
        expect(fake.requests.slice(mark).map((q) => `${q.method} ${q.operationId}`)).toEqual([
          'GET repos/get-content',
          'GET users/get-authenticated',
          'GET issues/list-for-repo',
          'PUT repos/create-or-update-file-contents',
        ]);
      }
      expect(r.failed).toEqual([]);
      expect(
        r.warnings.filter(
          (w) => !w.startsWith('1 blocked') && !w.startsWith('2 blocked') && !/^(flapper|breaks):/.test(w),
        ),
      ).toEqual([]);
      const byName = Object.fromEntries(r.issues.map((i) => [i.endpoint, i.action]));
      seen.push(
        `${n}: flapper ${byName.flapper ?? '-'}, breaks ${byName.breaks ?? '-'} (${writesBefore() - before} writes)`,
      );
      if (n === 4) {
        expect(r.summary).toMatch(/\| Last runs \|/);
        // The HTML report has the same history: breaks failed in runs 3 and 4.
        expect(r.html).toContain('last runs, oldest first: pass, pass, fail, fail</span></span> <small>failing since');
      }
    }
    expect(seen).toEqual([
      '1: flapper pending, breaks - (0 writes)',
      '2: flapper -, breaks - (0 writes)',
      '3: flapper pending, breaks pending (0 writes)',
      '4: flapper -, breaks created (1 writes)',
      '5: flapper pending, breaks unchanged (0 writes)',
      '6: flapper -, breaks unchanged (0 writes)',
      '7: flapper pending, breaks pending (0 writes)',
      '8: flapper -, breaks closed (2 writes)',
      '9: flapper pending, breaks - (0 writes)',
      '10: flapper -, breaks - (0 writes)',
    ]);
    const issues = fake.issues(REPO);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ number: 1, state: 'closed', state_reason: 'completed' });
    // The issue says since when: the first of the two failing runs, not the run that opened it.
    expect(issues[0].body).toContain('(failing in 2 runs in a row)');

    // One read and one write of the history per run, on a branch of its own.
    const files = fake.branch(REPO, 'cors-gate-data')!.files;
    // The file is named after the config's path; nothing else is on the branch.
    expect(Object.keys(files)).toEqual([historyPath(historyKey(config))]);
    const history = parseHistory(files[historyPath(historyKey(config))]!, 'history');
    expect(history.runs).toHaveLength(10);
    expect(Object.values(history.endpoints).map((e) => `${e.name} ${e.states}`)).toEqual([
      'flapper fpfpfpfpfp',
      'breaks ppffffpppp',
    ]);
    expect(fake.requests.filter((r) => r.operationId === 'repos/get-content')).toHaveLength(10);
  }, 120_000);

  it('without a readable history, works as if each run stood alone, and says so once', async () => {
    const fake = github();
    fake.failNext('GET', /\/contents\//, {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    });
    const r = await actRun(3);
    expect(r.failed).toEqual([]);
    const history = r.warnings.filter((w) => w.includes('run history'));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatch(
      /^No run history in this run, so each endpoint is judged on this run alone: GitHub answered 403/,
    );
    // As before the history: the first failing run opens the issue.
    expect(Object.fromEntries(r.issues.map((i) => [i.endpoint, i.action]))).toMatchObject({ breaks: 'created' });
    expect(r.summary).not.toContain('| Last runs |');
  });
});
