// The action as the runner runs it (node dist/index.js, INPUT_* variables), run
// several times against endpoints whose behaviour changes between runs, filing
// issues in the local GitHub fake.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/issues/marker.js';
import { faults, type GitHubFake } from '../github-fake/server.js';
import { useGitHubFake } from '../github-fake/use.js';
import { ACTION, DIST, staticGraph } from '../support/build.js';
import { type ActionRun, runAction } from '../support/spawn.js';
import { startZoo, ZOO, type Zoo } from '../support/zoo.js';

const REPO = 'acme/widgets';
type Behaviour = (typeof ZOO)[string];
const BROKEN: Behaviour = ZOO.zen!; // preflight 404 with an HTML page
const NO_HEADERS: Behaviour = {
  preflight: {
    status: 204,
    headers: [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'POST'],
    ],
  },
  actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*']] },
};
const FIXED: Behaviour = ZOO.azure!;

const behaviours: Record<string, Behaviour> = {};
let zoo: Zoo;
const github = useGitHubFake();
let fake: GitHubFake;
let runId = 100;

beforeAll(async () => {
  zoo = await startZoo(behaviours);
});
afterAll(async () => {
  await zoo.close();
});
beforeEach(() => {
  fake = github();
});

function endpoints(names: string[], extra = ''): string {
  return names
    .map(
      (n) =>
        `- name: ${n}\n  url: ${zoo.url}/${n.toLowerCase()}/v1/chat/completions\n  origin: https://app.example.com\n  headers: [authorization, content-type]\n${extra}`,
    )
    .join('');
}

async function act(
  yaml: string,
  inputs: Record<string, string> = {},
): Promise<ActionRun & { issues: any[]; gets: number; writes: { method: string; path: string }[] }> {
  const mark = fake.requests.length;
  const ran = await runAction(
    { endpoints: yaml, issues: 'true', 'github-token': fake.token, 'fail-on': 'never', timeout: '5', ...inputs },
    {
      GITHUB_API_URL: fake.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: String(++runId),
    },
  );
  const seen = fake.requests.slice(mark);
  return {
    ...ran,
    issues: JSON.parse(ran.outputs.issues ?? 'null'),
    gets: seen.filter((r) => r.method === 'GET').length,
    writes: seen.filter((r) => r.method !== 'GET').map((r) => ({ method: r.method, path: r.path })),
  };
}

const SLOW = 120_000;

describe('the action files and follows issues across runs', () => {
  it(
    'create, no-op, change, resolve, re-fail; a human-filed labelled issue is left alone',
    async () => {
      const human = fake.seedIssue(REPO, {
        title: 'CORS: Svc blocks browser calls — preflight answers 404',
        body: 'Filed by hand. Svc is broken for me.',
        labels: ['cors-gate'],
        user: 'octocat',
      });
      const yaml = endpoints(['Svc']);

      behaviours.svc = BROKEN;
      const r1 = await act(yaml);
      expect(r1.code).toBe(0);
      expect(r1.issues).toEqual([
        {
          endpoint: 'Svc',
          action: 'created',
          number: 2,
          url: `https://github.com/${REPO}/issues/2`,
          repo: REPO,
          reason: 'fails',
        },
      ]);
      expect(r1.writes).toEqual([{ method: 'POST', path: `/repos/${REPO}/issues` }]);
      const created = fake.issues(REPO)[1];
      expect(created.title).toBe(
        'CORS: Svc blocks browser calls — preflight answers 404 without Access-Control-Allow-Origin',
      );
      expect(created.body).toContain(`- Workflow run: https://github.com/${REPO}/actions/runs/${runId}`);
      expect(created.body).toContain('| preflight `OPTIONS` | `404` | none |');
      expect(r1.summary).toContain('### Issues');
      expect(r1.summary).toContain('🆕 created');

      const r2 = await act(yaml);
      expect(r2.writes).toEqual([]);
      // Who the token is, and one listing.
      expect(r2.gets).toBe(2);
      expect(r2.issues[0]).toMatchObject({ action: 'unchanged', number: 2 });

      behaviours.svc = NO_HEADERS;
      const r3 = await act(yaml);
      expect(r3.issues[0]).toMatchObject({ action: 'updated', number: 2 });
      expect(r3.writes).toEqual([
        { method: 'PATCH', path: `/repos/${REPO}/issues/2` },
        { method: 'POST', path: `/repos/${REPO}/issues/2/comments` },
      ]);
      expect(fake.issues(REPO)[1].title).toBe('CORS: Svc blocks browser calls — request headers not allowed');
      expect(fake.comments(REPO, 2)).toHaveLength(1);
      expect(fake.comments(REPO, 2)[0].body).toContain('**The findings changed**');

      const r3b = await act(yaml);
      expect(r3b.writes).toEqual([]);

      behaviours.svc = FIXED;
      const r4 = await act(yaml);
      expect(r4.issues[0]).toMatchObject({ action: 'closed', number: 2 });
      expect(r4.writes).toEqual([
        { method: 'PATCH', path: `/repos/${REPO}/issues/2` },
        { method: 'POST', path: `/repos/${REPO}/issues/2/comments` },
      ]);
      expect(fake.issues(REPO)[1]).toMatchObject({ state: 'closed', state_reason: 'completed' });
      expect(fake.comments(REPO, 2)[1].body).toMatch(
        /^\*\*Resolved:\*\* a browser can call `Svc` — it passes since \d{4}-\d\d-\d\d, after 0 days/,
      );

      const r4b = await act(yaml);
      expect(r4b.writes).toEqual([]);
      expect(r4b.issues).toEqual([]);

      behaviours.svc = BROKEN;
      const r5 = await act(yaml);
      expect(r5.issues[0]).toMatchObject({ action: 'created', number: 3, reason: 'fails again after #2 was closed' });
      expect(parseMarker(fake.issues(REPO)[2].body)).toMatchObject({ prev: 2 });
      expect(fake.issues(REPO)[2].body).toMatch(/^- Follows #2, closed on /m);

      // The human-filed issue: same label, same title, never written to.
      expect(fake.requests.filter((r) => r.path.startsWith(`/repos/${REPO}/issues/1`))).toEqual([]);
      expect(fake.issues(REPO)[0]).toMatchObject({
        number: 1,
        state: 'open',
        body: human.body,
        title: human.title,
        comments: 0,
      });
    },
    SLOW,
  );

  it(
    'dry-run lists, prints the plan and writes nothing',
    async () => {
      behaviours.dry = BROKEN;
      const r = await act(endpoints(['Dry']), { 'dry-run': 'true' });
      expect(r.code).toBe(0);
      expect(r.writes).toEqual([]);
      expect(r.stdout).toContain(
        'dry-run: Dry: would create an issue in acme/widgets: CORS: Dry blocks browser calls — preflight answers 404 without Access-Control-Allow-Origin (fails)',
      );
      expect(r.issues[0]).toMatchObject({ action: 'skipped', planned: 'created', number: null });
      expect(r.summary).toContain('### Issues (dry run: nothing written)');
      expect(fake.issues(REPO)).toEqual([]);
    },
    SLOW,
  );

  it(
    'a create answered 500 after GitHub applied it leaves one issue, in that run and the next',
    async () => {
      behaviours.flaky = BROKEN;
      fake.failNext('POST', `/repos/${REPO}/issues`, faults.appliedButServerError());
      const r = await act(endpoints(['Flaky']));
      expect(fake.issues(REPO)).toHaveLength(1);
      expect(r.writes).toEqual([{ method: 'POST', path: `/repos/${REPO}/issues` }]);
      expect(r.issues[0]).toMatchObject({ action: 'created', number: 1 });
      expect(r.code).toBe(0);
      const again = await act(endpoints(['Flaky']));
      expect(again.writes).toEqual([]);
      expect(fake.issues(REPO)).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'waits out a secondary rate limit',
    async () => {
      behaviours.limited = BROKEN;
      fake.failNext('POST', `/repos/${REPO}/issues`, faults.secondaryRateLimit());
      const r = await act(endpoints(['Limited']));
      expect(r.code).toBe(0);
      expect(r.issues[0]).toMatchObject({ action: 'created', number: 1 });
      expect(fake.requests.filter((q) => q.method === 'POST').map((q) => q.status)).toEqual([403, 201]);
      expect(r.stdout).toContain('secondary rate limit');
    },
    SLOW,
  );

  it(
    'follows an issue someone else opened: comments on state changes only, never edits or closes it',
    async () => {
      const upstream = 'anomalyco/opencode';
      fake.seedIssue(upstream, {
        number: 31041,
        title: 'Zen API endpoints return 404 on CORS preflight (OPTIONS)',
        body: 'curl evidence…',
        user: 'someone',
        labels: ['bug'],
      });
      const yaml = endpoints(['Upstream'], `  issue: {repo: ${upstream}, number: 31041}\n`);
      behaviours.upstream = BROKEN;
      const r1 = await act(yaml);
      expect(r1.writes).toEqual([{ method: 'POST', path: `/repos/${upstream}/issues/31041/comments` }]);
      expect(r1.issues[0]).toMatchObject({ action: 'commented', number: 31041, repo: upstream });
      const r2 = await act(yaml);
      expect(r2.writes).toEqual([]);
      behaviours.upstream = NO_HEADERS; // other findings, same state: still quiet
      expect((await act(yaml)).writes).toEqual([]);
      behaviours.upstream = FIXED;
      const r3 = await act(yaml);
      expect(r3.writes).toEqual([{ method: 'POST', path: `/repos/${upstream}/issues/31041/comments` }]);
      const comments = fake.comments(upstream, 31041);
      expect(comments).toHaveLength(2);
      expect(comments[1].body).toMatch(/\*\*Verified fixed on \d{4}-\d\d-\d\d:\*\*/);
      expect((await act(yaml)).writes).toEqual([]);
      expect(fake.requests.some((q) => q.method === 'PATCH')).toBe(false);
      expect(fake.issues(upstream)[0]).toMatchObject({
        state: 'open',
        body: 'curl evidence…',
        title: 'Zen API endpoints return 404 on CORS preflight (OPTIONS)',
      });
    },
    SLOW,
  );

  it(
    'a 403 is a warning that names the permission and the repository, fails nothing; results, summary and report still exist',
    async () => {
      fake.setRepo(REPO, { forbidden: true });
      behaviours.denied = BROKEN;
      const r = await act(endpoints(['Denied']), { 'fail-on': 'never' });
      // What GitHub refused is a warning; the step's result is the gate's alone.
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /::warning title=cors-gate issues::GitHub answered 403 \(Resource not accessible by integration\) while listing issues in acme\/widgets: .*permissions: issues: write/,
      );
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.writes).toEqual([]);
      expect(r.outputs.total).toBe('1');
      expect(r.outputs.failed).toBe('1');
      expect(r.summary).toContain('## cors-gate:');
      expect(r.summary).toContain('Denied');
      const report = JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8'));
      expect(report.results[0].name).toBe('Denied');
      expect(existsSync(join(r.dir, 'cors-gate-report.json'))).toBe(true);
    },
    SLOW,
  );

  it(
    'caps writes with max-issue-writes and says what was skipped',
    async () => {
      behaviours.one = BROKEN;
      behaviours.two = BROKEN;
      const r = await act(endpoints(['One', 'Two']), { 'max-issue-writes': '1' });
      expect(r.writes).toHaveLength(1);
      expect(r.issues.map((i: { action: string }) => i.action)).toEqual(['created', 'skipped']);
      expect(r.stdout).toContain('max-issue-writes (1) reached: skipped 1 endpoint (Two); the next run picks them up.');
      const next = await act(endpoints(['One', 'Two']), { 'max-issue-writes': '1' });
      expect(next.issues.map((i: { action: string }) => i.action)).toEqual(['unchanged', 'created']);
      expect(fake.issues(REPO)).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'with issues off, makes no GitHub request and loads no Octokit',
    async () => {
      behaviours.off = BROKEN;
      const r = await act(endpoints(['Off']), { issues: 'false' });
      expect(r.code).toBe(0);
      expect(fake.requests).toEqual([]);
      expect(r.issues).toEqual([]);
      // Octokit and the issue code live in chunks that only a dynamic import() loads:
      // neither the action's entry nor any chunk it imports statically holds them.
      const loaded = staticGraph(ACTION);
      expect(loaded.length).toBeGreaterThan(1);
      for (const file of loaded) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toContain('octokit-global');
        expect(text, file).not.toContain('cors-gate:v1');
      }
      const chunks = readdirSync(join(DIST, 'chunks')).map((f) => readFileSync(join(DIST, 'chunks', f), 'utf8'));
      expect(chunks.some((c) => c.includes('octokit-global'))).toBe(true);
    },
    SLOW,
  );
});
