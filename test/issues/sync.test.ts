// syncIssues against the local GitHub fake, in process: the real Octokit with the
// retry and throttling plugins over HTTP to 127.0.0.1.
import Bottleneck from 'bottleneck';
import { request } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/issues/marker.js';
import { type IssueOptions, syncIssues } from '../../src/issues/sync.js';
import type { ResultRecord } from '../../src/report/record.js';
import { faults, type GitHubFake } from '../github-fake/server.js';
import { useGitHubFake } from '../github-fake/use.js';
import { changed, failing, passing } from '../support/issue-records.js';

const REPO = 'acme/widgets';
const github = useGitHubFake();
let fake: GitHubFake;
let logs: string[];
const log = {
  info: (l: string) => void logs.push(`info: ${l}`),
  warning: (l: string) => void logs.push(`warning: ${l}`),
};

// The throttling plugin spaces writes 1-3 s apart, as GitHub asks; these tests check
// what is written, not the spacing, so they use queues without the pause.
const fastQueues = () => ({
  write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
});

const options = (over: Partial<IssueOptions> = {}): IssueOptions => ({
  repo: REPO,
  labels: ['cors-gate'],
  issueOn: ['fail'],
  dryRun: false,
  maxWrites: 20,
  token: fake.token,
  apiUrl: fake.url,
  runUrl: 'https://github.com/acme/widgets/actions/runs/1',
  now: new Date('2026-11-20T12:00:00Z'),
  throttle: fastQueues(),
  ...over,
});
const sync = (records: ResultRecord[], over: Partial<IssueOptions> = {}) => syncIssues(records, options(over), log);
const writesIn = (from: number) => fake.requests.slice(from).filter((r) => r.method !== 'GET');

beforeEach(() => {
  fake = github();
  logs = [];
});

describe('syncIssues against the GitHub fake', () => {
  it('creates once; an identical second run only lists', async () => {
    const first = await sync([failing('A'), passing('B')]);
    expect(first.rows).toEqual([
      expect.objectContaining({
        endpoint: 'A',
        action: 'created',
        number: 1,
        url: 'https://github.com/acme/widgets/issues/1',
      }),
    ]);
    expect(first.problems).toEqual([]);
    expect(fake.issues(REPO)[0].labels.map((l: { name: string }) => l.name)).toEqual(['cors-gate']);
    const mark = fake.requests.length;
    const second = await sync([failing('A'), passing('B')]);
    expect(second.rows.map((r) => r.action)).toEqual(['unchanged']);
    expect(second.writes).toBe(0);
    const seen = fake.requests.slice(mark);
    // Who the token is, then one listing: an installation token's issues keep their labels.
    expect(seen.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET users/get-authenticated',
      'GET issues/list-for-repo',
    ]);
    expect(seen[1]!.query).toMatchObject({ state: 'open', labels: 'cors-gate', per_page: '100' });
  });

  it('skips pull requests that carry the label and a marker', async () => {
    await sync([failing('A')]);
    const body = fake.issues(REPO)[0].body;
    fake.seedPullRequest(REPO, { title: 'pr', body, labels: ['cors-gate'] });
    const mark = fake.requests.length;
    const again = await sync([changed('A')]);
    expect(again.rows[0]).toMatchObject({ action: 'updated', number: 1 });
    expect(writesIn(mark).map((r) => r.path)).toEqual([`/repos/${REPO}/issues/1`, `/repos/${REPO}/issues/1/comments`]);
  });

  it('a create answered 500 after GitHub applied it leaves exactly one issue', async () => {
    fake.failNext('POST', `/repos/${REPO}/issues`, faults.appliedButServerError());
    const run = await sync([failing('A')]);
    expect(fake.issues(REPO)).toHaveLength(1);
    expect(run.rows[0]).toMatchObject({ action: 'created', number: 1 });
    expect(run.problems).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(logs.join('\n')).toContain(
      'GitHub answered 500 to creating the issue for A, but had created it: acme/widgets#1',
    );
    // And the next run sees it.
    expect((await sync([failing('A')])).rows[0]!.action).toBe('unchanged');
    expect(fake.issues(REPO)).toHaveLength(1);
  });

  it('a create that really failed is not retried in the run, and is made by the next', async () => {
    fake.failNext('POST', `/repos/${REPO}/issues`, faults.serverError());
    const run = await sync([failing('A')]);
    expect(fake.issues(REPO)).toHaveLength(0);
    expect(run.rows[0]).toMatchObject({ action: 'skipped', planned: 'created' });
    expect(run.problems[0]).toContain('Not retried, so that a create GitHub applied late cannot leave a duplicate');
    expect((await sync([failing('A')])).rows[0]!.action).toBe('created');
    expect(fake.issues(REPO)).toHaveLength(1);
  });

  it('waits out a secondary rate limit and carries on', async () => {
    fake.failNext('POST', `/repos/${REPO}/issues`, faults.secondaryRateLimit());
    const run = await sync([failing('A')]);
    expect(run.rows[0]).toMatchObject({ action: 'created' });
    expect(fake.issues(REPO)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403, 201]);
    expect(logs.join('\n')).toContain('secondary rate limit on POST /repos/{owner}/{repo}/issues: waiting 1 s');
  });

  it('retries a listing and an edit that GitHub answered 500, without writing twice', async () => {
    await sync([failing('A')]);
    fake.failNext('GET', `/repos/${REPO}/issues`, faults.serverError());
    fake.failNext('PATCH', `/repos/${REPO}/issues/1`, faults.serverError());
    const mark = fake.requests.length;
    const run = await sync([changed('A')]);
    expect(run.problems).toEqual([]);
    expect(run.rows[0]).toMatchObject({ action: 'updated', number: 1 });
    const seen = fake.requests.slice(mark).map((r) => `${r.method} ${r.status}`);
    expect(seen).toEqual(['GET 403', 'GET 500', 'GET 200', 'PATCH 500', 'PATCH 200', 'POST 201']);
    expect(fake.comments(REPO, 1)).toHaveLength(1);
  });

  it('a bad token is an error that says so, and nothing is written', async () => {
    const run = await sync([failing('A')], { token: 'not-the-token' });
    expect(run.problems.join('\n')).toMatch(/401/);
    expect(run.problems.join('\n')).toMatch(/token/i);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(fake.issues(REPO)).toHaveLength(0);
  });

  it('names the missing permission and the repository on 403 and 404, and writes nothing', async () => {
    fake.setRepo('acme/locked', { forbidden: true });
    fake.setRepo('acme/hidden', { missing: true });
    const run = await sync([
      failing('A', { issue: { repo: 'acme/locked' } }),
      failing('B', { issue: { repo: 'acme/hidden' } }),
      failing('C'),
    ]);
    expect(run.problems).toHaveLength(2);
    expect(run.problems[0]).toMatch(/403 .*in acme\/locked.*permissions: issues: write/);
    expect(run.problems[1]).toMatch(/404 .*in acme\/hidden.*permissions: issues: write/);
    expect(run.rows.map((r) => r.action)).toEqual(['skipped', 'skipped', 'created']);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/repos/${REPO}/issues`]);
  });

  it('caps writes and says what it skipped', async () => {
    const run = await sync([failing('A'), failing('B'), failing('C')], { maxWrites: 2 });
    expect(run.rows.map((r) => r.action)).toEqual(['created', 'created', 'skipped']);
    expect(run.rows[2]).toMatchObject({ planned: 'created', reason: 'max-issue-writes (2) reached' });
    expect(run.writes).toBe(2);
    expect(logs.join('\n')).toContain(
      'max-issue-writes (2) reached: skipped 1 endpoint (C); the next run picks them up.',
    );
    // A resolve takes two writes: it is done whole or not at all.
    const resolve = await sync([passing('A'), passing('B')], { maxWrites: 3 });
    expect(resolve.rows.map((r) => r.action)).toEqual(['closed', 'skipped']);
    expect(fake.issues(REPO).map((i: { state: string }) => i.state)).toEqual(['closed', 'open']);
  });

  it('a refused write stops the other writes to that repository, not to others', async () => {
    const OTHER = 'acme/other';
    fake.failNext('POST', `/repos/${REPO}/issues`, {
      status: 403,
      times: 100,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    });
    const run = await sync([failing('A'), failing('B'), failing('X', { issue: { repo: OTHER } }), failing('C')]);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`)).toEqual([
      `/repos/${REPO}/issues 403`,
      `/repos/${OTHER}/issues 201`,
    ]);
    expect(run.rows.map((r) => `${r.endpoint} ${r.action}`)).toEqual([
      'A skipped',
      'B skipped',
      'X created',
      'C skipped',
    ]);
    expect(run.rows[1]).toMatchObject({
      planned: 'created',
      reason: 'GitHub refused an earlier write (403): nothing written',
    });
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatch(/403 .*in acme\/widgets.*permissions: issues: write/);
  });

  it('a resolve whose close fails writes no comment; the next run closes and comments once', async () => {
    await sync([failing('A')]);
    fake.failNext('PATCH', `/repos/${REPO}/issues/1`, {
      status: 422,
      body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' },
    });
    const a = await sync([passing('A')]);
    expect(a.rows[0]).toMatchObject({ action: 'skipped', planned: 'closed' });
    expect(fake.comments(REPO, 1)).toHaveLength(0);
    const b = await sync([passing('A')]);
    expect(b.rows[0]).toMatchObject({ action: 'closed', number: 1 });
    expect(await sync([passing('A')])).toMatchObject({ rows: [], writes: 0 });
    expect(fake.comments(REPO, 1).map((c: { body: string }) => c.body.slice(0, 12))).toEqual(['**Resolved:*']);
    expect(fake.issues(REPO)[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it('a resolve whose comment fails keeps the issue closed and never repeats', async () => {
    await sync([failing('A')]);
    fake.failNext('POST', `/repos/${REPO}/issues/1/comments`, {
      status: 422,
      body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' },
    });
    const a = await sync([passing('A')]);
    expect(a.rows[0]).toMatchObject({ action: 'closed', number: 1 });
    expect(logs.join('\n')).toContain('the issue was closed without it');
    expect(fake.issues(REPO)[0]).toMatchObject({ state: 'closed' });
    const mark = fake.requests.length;
    expect((await sync([passing('A')])).writes).toBe(0);
    expect(writesIn(mark)).toEqual([]);
  });

  it('closes a second open issue of the same endpoint as a duplicate of the first', async () => {
    await sync([failing('A')]);
    const [first] = fake.issues(REPO);
    fake.seedIssue(REPO, { title: first.title, body: first.body, labels: ['cors-gate'] });
    fake.seedIssue(REPO, { title: 'hand-filed', body: 'A is broken', labels: ['cors-gate'], user: 'octocat' });
    const run = await sync([failing('A')]);
    expect(run.rows.map((r) => `${r.action} #${r.number} ${r.reason}`)).toEqual([
      'closed #2 duplicate of #1',
      'unchanged #1 same findings since 2026-11-20',
    ]);
    expect(
      fake
        .issues(REPO)
        .map(
          (i: { number: number; state: string; state_reason: string | null }) =>
            `#${i.number} ${i.state} ${i.state_reason}`,
        ),
    ).toEqual(['#1 open null', '#2 closed duplicate', '#3 open null']);
    expect(fake.comments(REPO, 2).map((c: { body: string }) => c.body.split(',')[0])).toEqual(['Duplicate of #1']);
    expect(fake.comments(REPO, 3)).toEqual([]);
    const mark = fake.requests.length;
    expect((await sync([failing('A')])).writes).toBe(0);
    expect(writesIn(mark)).toEqual([]);
  });

  it('keeps following its issue after someone writes above the marker', async () => {
    await sync([failing('A')]);
    const [mine] = fake.issues(REPO);
    // A maintainer's edit, through the API as the web page makes it.
    const edit = await request(`${fake.url}/repos/${REPO}/issues/1`, {
      method: 'PATCH',
      headers: { authorization: `token ${fake.token}`, 'content-type': 'application/json', 'user-agent': 'test' },
      body: JSON.stringify({ body: `**Triage:** reported upstream.\n\n${mine.body}` }),
    });
    expect(edit.statusCode).toBe(200);
    await edit.body.dump();
    const mark = fake.requests.length;
    const run = await sync([failing('A')]);
    expect(run.rows).toEqual([expect.objectContaining({ action: 'unchanged', number: 1 })]);
    expect(writesIn(mark)).toEqual([]);
    expect((await sync([passing('A')])).rows[0]).toMatchObject({ action: 'closed', number: 1 });
    expect(fake.issues(REPO)).toHaveLength(1);
  });

  it('dry-run reads, prints the plan and writes nothing', async () => {
    const run = await sync([failing('A')], { dryRun: true });
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(run.rows[0]).toMatchObject({ action: 'skipped', planned: 'created', reason: 'dry-run: fails' });
    expect(logs.join('\n')).toContain(
      'dry-run: A: would create an issue in acme/widgets: CORS: A blocks browser calls',
    );
  });

  it('keeps first seen and links the previous issue across a resolve and a regression', async () => {
    await sync([failing('A')]);
    await sync([passing('A')], { now: new Date('2026-11-25T00:00:00Z') });
    const again = await sync([failing('A')], { now: new Date('2026-11-27T00:00:00Z') });
    expect(again.rows[0]).toMatchObject({ action: 'created', number: 2 });
    const [old, fresh] = fake.issues(REPO);
    expect(old).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(fake.comments(REPO, 1).map((c: { body: string }) => c.body.split('\n')[0])).toEqual([
      '**Resolved:** a browser can call `A` — it passes since 2026-11-25, after 5 days (first seen 2026-11-20).',
    ]);
    expect(parseMarker(fresh.body)).toMatchObject({ prev: 1, first: '2026-11-27' });
    expect(fresh.body).toMatch(/^- Follows #1, closed on \d{4}-\d\d-\d\d; the endpoint fails again.$/m);
  });
});

describe('request counts', () => {
  it('50 endpoints: nothing changed, then 5 changed', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `E${i}`);
    await sync(
      names.map((n) => failing(n)),
      { maxWrites: 100 },
    );
    expect(fake.issues(REPO)).toHaveLength(50);

    let mark = fake.requests.length;
    const same = await sync(
      names.map((n) => failing(n)),
      { maxWrites: 100 },
    );
    const unchangedCount = fake.requests.length - mark;
    expect(same.writes).toBe(0);
    expect(fake.requests.slice(mark).every((r) => r.method === 'GET')).toBe(true);

    mark = fake.requests.length;
    const five = await sync(
      names.map((n, i) => (i < 5 ? changed(n) : failing(n))),
      { maxWrites: 100 },
    );
    const changedCount = fake.requests.length - mark;
    const byKind = fake.requests
      .slice(mark)
      .reduce<Record<string, number>>(
        (m, r) => ({ ...m, [`${r.method} ${r.operationId}`]: (m[`${r.method} ${r.operationId}`] ?? 0) + 1 }),
        {},
      );
    expect(five.writes).toBe(10);
    console.log(
      `GitHub API requests for 50 endpoints: nothing changed ${unchangedCount}; 5 changed ${changedCount} ${JSON.stringify(byKind)}`,
    );
    // Who the token is, one listing; then 5 edits and 5 comments.
    expect(unchangedCount).toBe(2);
    expect(changedCount).toBe(12);
  });
});

describe('any token that can open issues', () => {
  // The three shapes GET /repos gives the same writing token: with GITHUB_TOKEN, public
  // reports say it comes back all false. cors-gate does not read it at all.
  for (const permissions of ['write', 'all-false', 'missing'] as const) {
    it(`permissions ${permissions}: the same issue lifecycle`, async () => {
      fake.setRepo(REPO, { permissions });
      expect((await sync([failing('A')])).rows[0]).toMatchObject({ action: 'created', number: 1 });
      expect((await sync([failing('A')])).rows[0]).toMatchObject({ action: 'unchanged' });
      expect((await sync([changed('A')])).rows[0]).toMatchObject({ action: 'updated' });
      expect((await sync([passing('A')])).rows[0]).toMatchObject({ action: 'closed' });
      expect(fake.issues(REPO)).toHaveLength(1);
      expect(fake.requests.some((r) => r.operationId === 'repos/get')).toBe(false);
    });
  }

  it('a read-only token (a pull request from a fork) writes nothing and says why once per repository', async () => {
    fake.setRepo(REPO, { readOnly: true });
    const run = await sync([failing('A'), failing('B')]);
    expect(run.rows.map((r) => `${r.endpoint} ${r.action}`)).toEqual(['A skipped', 'B skipped']);
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatch(
      /^GitHub answered 403 \(Resource not accessible by integration\) while create an issue in acme\/widgets.*A pull request from a fork gets a read-only token/,
    );
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(fake.issues(REPO)).toEqual([]);
  });
});
