import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getOctokit } from '@actions/github';
import { beforeEach, describe, expect, it } from 'vitest';
import { faults, type GitHubFake, openapiSource, startGitHubFake } from './server.js';
import { useGitHubFake } from './use.js';

const REPO = 'acme/widgets';
const github = useGitHubFake();
let fake: GitHubFake;

beforeEach(() => {
  fake = github();
});

const octokit = () => getOctokit(fake.token, { baseUrl: fake.url });
async function call(method: string, path: string, body?: unknown, token: string | null = fake.token) {
  const res = await fetch(fake.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `token ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('extracted description', () => {
  it('records the package version, holds only the chosen operations and stays small', () => {
    const file = new URL('./openapi-issues.json', import.meta.url);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(openapiSource.package).toBe('@octokit/openapi');
    expect(openapiSource.version).toMatch(/^\d+\.\d+\.\d+$/);
    const ids = Object.values(doc.paths).flatMap((item: any) => Object.values(item).map((op: any) => op.operationId));
    expect(ids.sort()).toEqual([
      'git/create-commit',
      'git/create-ref',
      'git/create-tree',
      'git/get-ref',
      'issues/add-labels',
      'issues/create',
      'issues/create-comment',
      'issues/get',
      'issues/list-comments',
      'issues/list-for-repo',
      'issues/remove-all-labels',
      'issues/remove-label',
      'issues/set-labels',
      'issues/update',
      'issues/update-comment',
      'repos/create-or-update-file-contents',
      'repos/get',
      'repos/get-content',
      'users/get-authenticated',
    ]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('"$ref"');
    expect(text).not.toContain('"nullable"');
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });
});

describe('listing', () => {
  it('paginates 250 issues with GitHub-style Link headers', async () => {
    for (let i = 0; i < 250; i++) fake.seedIssue(REPO, { title: `t${i}` });
    const first = await call('GET', `/repos/${REPO}/issues?state=all&per_page=100`);
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(100);
    const link = first.headers.get('link')!;
    expect(link).toBe(
      `<${fake.url}/repos/${REPO}/issues?state=all&per_page=100&page=2>; rel="next", ` +
        `<${fake.url}/repos/${REPO}/issues?state=all&per_page=100&page=3>; rel="last"`,
    );
    const middle = await call('GET', `/repos/${REPO}/issues?state=all&per_page=100&page=2`);
    expect(middle.headers.get('link')).toMatch(
      /page=1>; rel="prev", .*page=3>; rel="next", .*page=3>; rel="last", .*page=1>; rel="first"$/,
    );
    const last = await call('GET', `/repos/${REPO}/issues?state=all&per_page=100&page=3`);
    expect(last.body).toHaveLength(50);
    expect(last.headers.get('link')).not.toContain('rel="next"');

    const all = await octokit().paginate(octokit().rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'widgets',
      state: 'all',
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((i) => i.number)).size).toBe(250);
    // GitHub's default order is newest first.
    expect(all[0]!.number).toBe(250);
    expect(fake.violations).toEqual([]);
  });

  it('caps per_page at 100 and defaults to 30 open issues', async () => {
    for (let i = 0; i < 120; i++) fake.seedIssue(REPO, { state: i % 4 === 0 ? 'closed' : 'open' });
    expect((await call('GET', `/repos/${REPO}/issues?per_page=500&state=all`)).body).toHaveLength(100);
    const def = await call('GET', `/repos/${REPO}/issues`);
    expect(def.body).toHaveLength(30);
    expect(def.body.every((i: any) => i.state === 'open')).toBe(true);
    const closed = await call('GET', `/repos/${REPO}/issues?state=closed&per_page=100`);
    expect(closed.body).toHaveLength(30);
    expect(closed.headers.get('link')).toBeNull();
    expect(fake.violations).toEqual([]);
  });

  it('ANDs labels and lists pull requests with a pull_request key', async () => {
    fake.seedIssue(REPO, { title: 'both', labels: ['cors-gate', 'Provider:x'] });
    fake.seedIssue(REPO, { title: 'one', labels: ['cors-gate'] });
    fake.seedPullRequest(REPO, { title: 'pr', labels: ['cors-gate', 'provider:x'] });
    const { data } = await octokit().rest.issues.listForRepo({
      owner: 'acme',
      repo: 'widgets',
      labels: 'cors-gate,provider:x',
    });
    expect(data.map((i) => i.title).sort()).toEqual(['both', 'pr']);
    const pr = data.find((i) => i.title === 'pr')!;
    expect(pr.pull_request?.url).toBe(`${fake.url}/repos/${REPO}/pulls/${pr.number}`);
    expect(data.find((i) => i.title === 'both')).not.toHaveProperty('pull_request');
    expect(fake.violations).toEqual([]);
  });
});

describe('repository permissions', () => {
  const all = (v: boolean) => ({ admin: v, maintain: v, push: v, triage: v, pull: v });
  it.each([
    ['write', { ...all(true), admin: false, maintain: false }],
    ['all-false', all(false)],
    ['read', { ...all(false), pull: true }],
  ] as const)('%s gives the permissions object of that kind of token', async (shape, expected) => {
    fake.setRepo(REPO, { permissions: shape });
    const { data } = await octokit().rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(data.permissions).toEqual(expected);
  });

  it('missing leaves the object out, as for some installation tokens', async () => {
    fake.setRepo(REPO, { permissions: 'missing' });
    const { data } = await octokit().rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(data).not.toHaveProperty('permissions');
    expect(data.full_name).toBe(REPO);
  });

  it('follows push access unless set, and only changes what the token is told', async () => {
    expect((await call('GET', `/repos/${REPO}`)).body.permissions).toMatchObject({ push: true, triage: true });
    fake.setRepo('acme/readonly', { push: false });
    expect((await call('GET', '/repos/acme/readonly')).body.permissions).toEqual({ ...all(false), pull: true });
    // GITHUB_TOKEN: told nothing, yet its labels stick.
    fake.setRepo(REPO, { permissions: 'all-false' });
    const created = await call('POST', `/repos/${REPO}/issues`, { title: 't', labels: ['cors-gate'] });
    expect(created.body.labels.map((l: any) => l.name)).toEqual(['cors-gate']);
  });
});

describe('label operations', () => {
  const names = (labels: { name: string }[]) => labels.map((l) => l.name);
  it('add, set and remove labels, matching names without regard to case', async () => {
    const gh = octokit();
    fake.setRepo(REPO, { labels: ['CORS-gate'] });
    const { number } = fake.seedIssue(REPO, { labels: ['a'] });
    const added = await gh.rest.issues.addLabels({
      owner: 'acme',
      repo: 'widgets',
      issue_number: number,
      labels: ['cors-gate', 'b', 'A'],
    });
    expect(names(added.data)).toEqual(['a', 'CORS-gate', 'b']);
    const set = await gh.rest.issues.setLabels({
      owner: 'acme',
      repo: 'widgets',
      issue_number: number,
      labels: ['c', 'b'],
    });
    expect(names(set.data)).toEqual(['c', 'b']);
    const removed = await gh.rest.issues.removeLabel({
      owner: 'acme',
      repo: 'widgets',
      issue_number: number,
      name: 'C',
    });
    expect(names(removed.data)).toEqual(['b']);
    await expect(
      gh.rest.issues.removeLabel({ owner: 'acme', repo: 'widgets', issue_number: number, name: 'zzz' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Label does not exist' } },
    });
    const all = await gh.rest.issues.removeAllLabels({ owner: 'acme', repo: 'widgets', issue_number: number });
    expect(all.status).toBe(204);
    expect(fake.issues(REPO)[0].labels).toEqual([]);
    expect((await call('POST', `/repos/${REPO}/issues/99/labels`, { labels: ['x'] })).status).toBe(404);
  });

  it('without push access: 403 on the label operations, labels dropped silently from edits', async () => {
    fake.setRepo(REPO, { push: false });
    const { number } = fake.seedIssue(REPO, { labels: ['a'] });
    for (const [method, path, body] of [
      ['POST', `/repos/${REPO}/issues/${number}/labels`, { labels: ['x'] }],
      ['PUT', `/repos/${REPO}/issues/${number}/labels`, { labels: ['x'] }],
      ['DELETE', `/repos/${REPO}/issues/${number}/labels`, undefined],
      ['DELETE', `/repos/${REPO}/issues/${number}/labels/a`, undefined],
    ] as const) {
      expect([method, path, (await call(method, path, body)).status]).toEqual([method, path, 403]);
    }
    const edited = await call('PATCH', `/repos/${REPO}/issues/${number}`, { labels: ['x'], title: 'renamed' });
    expect(edited).toMatchObject({ status: 200, body: { title: 'renamed', labels: [{ name: 'a' }] } });
  });
});

describe('a user who is not a collaborator', () => {
  // A user's token on someone else's public repository; the token's login is the fake's login.
  beforeEach(() => fake.setRepo(REPO, { collaborator: false }));

  it('opens issues, but labels and assignees are dropped silently', async () => {
    const r = await call('POST', `/repos/${REPO}/issues`, {
      title: 't',
      labels: ['cors-gate'],
      assignees: ['someone'],
    });
    expect(r).toMatchObject({
      status: 201,
      body: { labels: [], assignees: [], assignee: null, user: { login: 'github-actions[bot]' } },
    });
    expect((await call('GET', `/repos/${REPO}`)).body.permissions).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    });
  });

  it('edits, comments on, closes and reopens its own issue', async () => {
    const gh = octokit();
    const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 'mine' });
    const edited = await gh.rest.issues.update({
      owner: 'acme',
      repo: 'widgets',
      issue_number: issue.number,
      title: 'still mine',
      body: 'b',
    });
    expect(edited.data).toMatchObject({ title: 'still mine', body: 'b' });
    const comment = await gh.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: issue.number,
      body: 'c',
    });
    await gh.rest.issues.updateComment({ owner: 'acme', repo: 'widgets', comment_id: comment.data.id, body: 'c2' });
    const closed = await gh.rest.issues.update({
      owner: 'acme',
      repo: 'widgets',
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    const reopened = await gh.rest.issues.update({
      owner: 'acme',
      repo: 'widgets',
      issue_number: issue.number,
      state: 'open',
    });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(fake.comments(REPO, issue.number).map((c) => c.body)).toEqual(['c2']);
  });

  it("is refused edits of others' issues and comments, but may comment on them", async () => {
    const theirs = fake.seedIssue(REPO, { title: 'theirs', user: 'maintainer' });
    const their = fake.seedComment(REPO, theirs.number, 'hello', 'maintainer');
    for (const body of [{ state: 'closed' }, { title: 'x' }, { body: 'x' }]) {
      expect((await call('PATCH', `/repos/${REPO}/issues/${theirs.number}`, body)).status).toBe(403);
    }
    expect((await call('PATCH', `/repos/${REPO}/issues/comments/${their.id}`, { body: 'x' })).status).toBe(403);
    expect((await call('POST', `/repos/${REPO}/issues/${theirs.number}/comments`, { body: 'me too' })).status).toBe(
      201,
    );
    expect(fake.issues(REPO)[0]).toMatchObject({ title: 'theirs', state: 'open', comments: 2 });
    expect(fake.comments(REPO, theirs.number)[0].body).toBe('hello');
  });

  it('is refused every label write, even on its own issue', async () => {
    const mine = fake.seedIssue(REPO, { title: 'mine' });
    const patched = await call('PATCH', `/repos/${REPO}/issues/${mine.number}`, { labels: ['x'], title: 'renamed' });
    expect(patched).toMatchObject({ status: 403, body: { status: '403' } });
    expect(fake.issues(REPO)[0]).toMatchObject({ title: 'mine', labels: [] });
    for (const [method, path, body] of [
      ['POST', `/repos/${REPO}/issues/${mine.number}/labels`, { labels: ['x'] }],
      ['PUT', `/repos/${REPO}/issues/${mine.number}/labels`, { labels: ['x'] }],
      ['DELETE', `/repos/${REPO}/issues/${mine.number}/labels`, undefined],
    ] as const) {
      expect([method, (await call(method, path, body)).status]).toEqual([method, 403]);
    }
  });

  it('refuseUnknownLabels: a create naming a label the repo lacks is refused and not applied', async () => {
    fake.setRepo(REPO, { labels: ['cors-gate'], refuseUnknownLabels: true });
    const known = await call('POST', `/repos/${REPO}/issues`, { title: 'a', labels: ['CORS-gate'] });
    expect(known).toMatchObject({ status: 201, body: { labels: [] } });
    const unknown = await call('POST', `/repos/${REPO}/issues`, { title: 'b', labels: ['cors-gate', 'provider:x'] });
    expect(unknown.status).toBe(403);
    expect(fake.issues(REPO).map((i) => i.title)).toEqual(['a']);
    // Sending it again without labels is safe: the refused create left nothing behind.
    expect((await call('POST', `/repos/${REPO}/issues`, { title: 'b' })).status).toBe(201);
    fake.setRepo(REPO, { refuseUnknownLabels: false });
    expect((await call('POST', `/repos/${REPO}/issues`, { title: 'c', labels: ['provider:y'] })).body.labels).toEqual(
      [],
    );
  });
});

describe('read-only token', () => {
  const writes = (n: number): [string, string, unknown][] => [
    ['POST', `/repos/${REPO}/issues`, { title: 't' }],
    ['PATCH', `/repos/${REPO}/issues/${n}`, { state: 'closed' }],
    ['POST', `/repos/${REPO}/issues/${n}/comments`, { body: 'b' }],
    ['PUT', `/repos/${REPO}/issues/${n}/labels`, { labels: ['x'] }],
    ['DELETE', `/repos/${REPO}/issues/${n}/labels`, undefined],
  ];
  it('answers every write 403 and every read as usual', async () => {
    fake.setRepo(REPO, { readOnly: true });
    const issue = fake.seedIssue(REPO, { title: 'seeded', labels: ['a'] });
    for (const [method, path, body] of writes(issue.number)) {
      const r = await call(method, path, body);
      expect([method, r.status, r.body.message]).toEqual([method, 403, 'Resource not accessible by integration']);
    }
    expect(fake.issues(REPO)).toMatchObject([{ title: 'seeded', state: 'open', labels: [{ name: 'a' }], comments: 0 }]);
    expect((await call('GET', `/repos/${REPO}/issues`)).body).toHaveLength(1);
    expect((await call('GET', `/repos/${REPO}/issues/${issue.number}`)).status).toBe(200);
    expect((await call('GET', `/repos/${REPO}`)).status).toBe(200);
    // Other repos are untouched by a per-repo option.
    expect((await call('POST', '/repos/acme/other/issues', { title: 't' })).status).toBe(201);
  });

  describe('for the whole fake', () => {
    const readOnly = useGitHubFake({ readOnly: true });
    it('refuses writes in every repo', async () => {
      const ro = readOnly();
      const post = await fetch(`${ro.url}/repos/any/repo/issues`, {
        method: 'POST',
        headers: { authorization: `token ${ro.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 't' }),
      });
      expect(post.status).toBe(403);
      expect(
        (await fetch(`${ro.url}/repos/any/repo/issues`, { headers: { authorization: `token ${ro.token}` } })).status,
      ).toBe(200);
      expect(ro.issues('any/repo')).toEqual([]);
    });
  });
});

describe('who the token acts as: GET /user', () => {
  it('refuses an installation token, as GitHub refuses GITHUB_TOKEN, with its 403 body', async () => {
    const r = await call('GET', '/user');
    expect(r).toEqual({
      status: 403,
      headers: expect.anything(),
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '403',
      },
    });
    await expect(octokit().rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    expect(fake.requests.map((q) => `${q.operationId} ${q.status}`)).toEqual([
      'users/get-authenticated 403',
      'users/get-authenticated 403',
    ]);
  });

  it('answers 401 to a wrong token and to none', async () => {
    expect(await call('GET', '/user', undefined, 'wrong')).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials', status: '401' },
    });
    expect((await call('GET', '/user', undefined, null)).status).toBe(401);
    await expect(getOctokit('nope', { baseUrl: fake.url }).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
    });
  });

  describe("with a user's token", () => {
    const asUser = useGitHubFake({ tokenKind: 'user' });

    it('answers 200 with the user, who authors what the token creates', async () => {
      const f = asUser();
      const gh = getOctokit(f.token, { baseUrl: f.url });
      const { status, data: me } = await gh.rest.users.getAuthenticated();
      expect(status).toBe(200);
      expect(me).toMatchObject({
        login: 'cors-gate-user',
        type: 'User',
        html_url: 'https://github.com/cors-gate-user',
        url: `${f.url}/users/cors-gate-user`,
        user_view_type: 'private',
        two_factor_authentication: true,
        plan: { name: 'free' },
      });
      const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 't' });
      expect(issue.user).toMatchObject({ login: me.login, id: me.id, node_id: me.node_id });
      expect((await call('GET', '/user', undefined, 'wrong')).status).toBe(401);
      expect(f.takeViolations()).toEqual([]);
    });

    it("sends every field GitHub's description requires of the user", async () => {
      const f = asUser();
      f.corruptNextResponse('GET', '/user', (b) => {
        delete b.disk_usage;
        return b;
      });
      await fetch(`${f.url}/user`, { headers: { authorization: `token ${f.token}` } });
      expect(f.takeViolations()).toEqual([expect.stringContaining('users/get-authenticated): response 200')]);
    });
  });

  describe("with a user's token and a login", () => {
    const named = useGitHubFake({ tokenKind: 'user', login: 'Octo-Dev' });
    it('acts as that login', async () => {
      const f = named();
      const r = await fetch(`${f.url}/user`, { headers: { authorization: `Bearer ${f.token}` } });
      expect(await r.json()).toMatchObject({ login: 'Octo-Dev', type: 'User' });
    });
  });

  it('refuses to start with a login that kind of token cannot have', async () => {
    await expect(startGitHubFake({ tokenKind: 'user', login: 'github-actions[bot]' })).rejects.toThrow(
      "a user's token cannot act as github-actions[bot]",
    );
    await expect(startGitHubFake({ login: 'octo-dev' })).rejects.toThrow(
      'an installation token cannot act as octo-dev',
    );
  });
});

describe('authors', () => {
  it('renders a bot as GitHub does: type Bot, its app named in performed_via_github_app', async () => {
    const gh = octokit();
    const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 't' });
    const { data: comment } = await gh.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: issue.number,
      body: 'c',
    });
    for (const { user, performed_via_github_app } of [issue, comment]) {
      expect(user).toMatchObject({
        login: 'github-actions[bot]',
        id: 41898282,
        node_id: 'MDM6Qm90NDE4OTgyODI=',
        type: 'Bot',
        html_url: 'https://github.com/apps/github-actions',
        avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
        url: `${fake.url}/users/github-actions%5Bbot%5D`,
      });
      expect(performed_via_github_app).toMatchObject({
        id: 15368,
        slug: 'github-actions',
        node_id: 'MDM6QXBwMTUzNjg=',
        name: 'GitHub Actions',
        owner: { login: 'github', id: 9919, type: 'Organization' },
      });
    }
    const other = fake.seedIssue(REPO, { user: 'dependabot[bot]' });
    expect(other).toMatchObject({ user: { type: 'Bot' }, performed_via_github_app: { slug: 'dependabot' } });
    expect(other.user.avatar_url).toBe(
      `https://avatars.githubusercontent.com/in/${other.performed_via_github_app.id}?v=4`,
    );
    expect(fake.violations).toEqual([]);
  });

  it('renders a person as type User, with no app', async () => {
    const theirs = fake.seedIssue(REPO, { user: 'maintainer' });
    fake.seedComment(REPO, theirs.number, 'hi', 'maintainer');
    const issue = (await call('GET', `/repos/${REPO}/issues/${theirs.number}`)).body;
    const [comment] = (await call('GET', `/repos/${REPO}/issues/${theirs.number}/comments`)).body;
    for (const { user, performed_via_github_app } of [issue, comment]) {
      expect(user).toMatchObject({ login: 'maintainer', type: 'User', html_url: 'https://github.com/maintainer' });
      expect(performed_via_github_app).toBeNull();
    }
  });

  describe("with a user's token", () => {
    const asUser = useGitHubFake({ tokenKind: 'user' });
    it("what the token writes is the user's, type User, with no app", async () => {
      const f = asUser();
      const gh = getOctokit(f.token, { baseUrl: f.url });
      const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 't' });
      const { data: comment } = await gh.rest.issues.createComment({
        owner: 'acme',
        repo: 'widgets',
        issue_number: issue.number,
        body: 'c',
      });
      for (const { user, performed_via_github_app } of [issue, comment]) {
        expect(user).toMatchObject({ login: 'cors-gate-user', type: 'User' });
        expect(performed_via_github_app).toBeNull();
      }
    });
  });
});

describe('listing by creator', () => {
  it('keeps the issues one login opened, with labels and state, as GitHub does', async () => {
    fake.seedIssue(REPO, { title: 'mine', labels: ['cors-gate'] });
    fake.seedIssue(REPO, { title: 'mine closed', labels: ['cors-gate'], state: 'closed' });
    fake.seedIssue(REPO, { title: 'mine unlabelled' });
    fake.seedIssue(REPO, { title: 'theirs', labels: ['cors-gate'], user: 'maintainer' });
    const titles = async (query: string) =>
      (await call('GET', `/repos/${REPO}/issues?${query}`)).body.map((i: any) => i.title).sort();
    expect(await titles('creator=github-actions%5Bbot%5D&labels=cors-gate')).toEqual(['mine']);
    expect(await titles('creator=GitHub-Actions%5Bbot%5D&labels=cors-gate&state=all')).toEqual(['mine', 'mine closed']);
    expect(await titles('creator=maintainer&state=all')).toEqual(['theirs']);
    expect(await titles('creator=nobody')).toEqual([]);
    const { data } = await octokit().rest.issues.listForRepo({
      owner: 'acme',
      repo: 'widgets',
      creator: 'github-actions[bot]',
      state: 'all',
    });
    expect(data.map((i) => i.title).sort()).toEqual(['mine', 'mine closed', 'mine unlabelled']);
  });
});

describe('issue lifecycle through Octokit', () => {
  it('creates, comments, updates a comment and closes as completed', async () => {
    const gh = octokit();
    const repo = await gh.rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(repo.data.full_name).toBe(REPO);

    const created = await gh.rest.issues.create({
      owner: 'acme',
      repo: 'widgets',
      title: 'CORS broken',
      body: 'details',
      labels: ['cors-gate'],
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 1,
      state: 'open',
      state_reason: null,
      comments: 0,
      user: { login: 'github-actions[bot]' },
    });
    expect(created.data.labels).toMatchObject([{ name: 'cors-gate' }]);

    const comment = await gh.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 1,
      body: 'still broken',
    });
    await gh.rest.issues.updateComment({
      owner: 'acme',
      repo: 'widgets',
      comment_id: comment.data.id,
      body: 'still broken (edited)',
    });
    const comments = await gh.rest.issues.listComments({ owner: 'acme', repo: 'widgets', issue_number: 1 });
    expect(comments.data.map((c) => c.body)).toEqual(['still broken (edited)']);

    const closed = await gh.rest.issues.update({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 1,
      state: 'closed',
      state_reason: 'completed',
      body: 'fixed',
    });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', comments: 1, body: 'fixed' });
    expect(closed.data.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const reopened = await gh.rest.issues.update({ owner: 'acme', repo: 'widgets', issue_number: 1, state: 'open' });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });

    const got = await gh.rest.issues.get({ owner: 'acme', repo: 'widgets', issue_number: 1 });
    expect(got.data.html_url).toBe(`https://github.com/${REPO}/issues/1`);
    expect(fake.issues(REPO)).toHaveLength(1);
    expect(fake.requests.map((r) => `${r.method} ${r.operationId} ${r.status}`)).toEqual([
      'GET repos/get 200',
      'POST issues/create 201',
      'POST issues/create-comment 201',
      'PATCH issues/update-comment 200',
      'GET issues/list-comments 200',
      'PATCH issues/update 200',
      'PATCH issues/update 200',
      'GET issues/get 200',
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('drops labels silently without push access and answers 404/403 for hidden and forbidden repos', async () => {
    fake.setRepo('acme/readonly', { push: false });
    const r = await call('POST', '/repos/acme/readonly/issues', { title: 't', labels: ['x'] });
    expect(r.status).toBe(201);
    expect(r.body.labels).toEqual([]);
    fake.setRepo('acme/hidden', { missing: true });
    fake.setRepo('acme/locked', { forbidden: true });
    expect((await call('GET', '/repos/acme/hidden/issues')).status).toBe(404);
    const forbidden = await call('POST', '/repos/acme/locked/issues', { title: 't' });
    expect(forbidden).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' },
    });
    expect(fake.issues('acme/locked')).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('rejects a body over 65,536 characters with 422 as GitHub does', async () => {
    const r = await call('POST', `/repos/${REPO}/issues`, { title: 't', body: 'x'.repeat(65_537) });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ field: 'body', code: 'custom' });
    expect(fake.violations).toEqual([]);
  });
});

describe('request validation', () => {
  it.each([
    ['labels as a string', 'POST', `/repos/${REPO}/issues`, { title: 't', labels: 'a' }, /labels must be array/],
    ['missing title', 'POST', `/repos/${REPO}/issues`, { body: 'b' }, /must have required property 'title'/],
    [
      'unknown state_reason',
      'PATCH',
      `/repos/${REPO}/issues/1`,
      { state: 'closed', state_reason: 'bogus' },
      /state_reason must be equal to one of the allowed values/,
    ],
    [
      'misspelt property',
      'PATCH',
      `/repos/${REPO}/issues/1`,
      { stateReason: 'completed' },
      /must NOT have additional properties 'stateReason'/,
    ],
    ['comment without body', 'POST', `/repos/${REPO}/issues/1/comments`, {}, /required property 'body'/],
    [
      'misspelt property in a body of several shapes',
      'PUT',
      `/repos/${REPO}/issues/1/labels`,
      { labels: ['a'], label: 'b' },
      /must NOT have additional properties 'label'/,
    ],
    [
      'non-numeric issue number',
      'GET',
      `/repos/${REPO}/issues/abc`,
      undefined,
      /path parameter \/issue_number must be integer/,
    ],
    [
      'unknown state filter',
      'GET',
      `/repos/${REPO}/issues?state=opened`,
      undefined,
      /query parameter \/state must be equal to one of the allowed values/,
    ],
    [
      'misspelt query parameter',
      'GET',
      `/repos/${REPO}/issues?label=x`,
      undefined,
      /must NOT have additional properties 'label'/,
    ],
    [
      'repeated query parameter',
      'GET',
      `/repos/${REPO}/issues?labels=a&labels=b`,
      undefined,
      /'labels' given more than once/,
    ],
    ['broken JSON', 'POST', `/repos/${REPO}/issues`, '{"title":', /not JSON/],
  ])('%s is answered 500 and recorded', async (_name, method, path, body, pattern) => {
    fake.seedIssue(REPO, { title: 'existing' });
    const r = await call(method, path, body);
    expect(r.status).toBe(500);
    expect(r.body.message).toMatch(pattern);
    const found = fake.takeViolations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(pattern);
    expect(fake.issues(REPO)).toMatchObject([{ title: 'existing', state: 'open' }]);
  });

  it('rejects a bad call made through Octokit', async () => {
    const bad = octokit().rest.issues.update({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 1,
      state_reason: 'bogus' as never,
    });
    await expect(bad).rejects.toMatchObject({ status: 500 });
    expect(fake.takeViolations().join('\n')).toMatch(/issues\/update.*state_reason/);
  });

  it('answers an unknown route 404 and records it', async () => {
    const r = await call('DELETE', `/repos/${REPO}/issues/1`);
    expect(r.status).toBe(404);
    expect((await call('GET', '/user/emails')).status).toBe(404);
    expect(fake.takeViolations()).toEqual([
      `DELETE /repos/${REPO}/issues/1: no such operation in the description subset`,
      'GET /user/emails: no such operation in the description subset',
    ]);
  });
});

describe('response validation', () => {
  it.each([
    ['number', (b: any) => (delete b.number, b)],
    ['html_url', (b: any) => (delete b.html_url, b)],
    ['node_id', (b: any) => (delete b.node_id, b)],
    ['user', (b: any) => (delete b.user, b)],
    ['created_at', (b: any) => (delete b.created_at, b)],
  ])('catches a response without %s', async (field, mutate) => {
    fake.seedIssue(REPO);
    fake.corruptNextResponse('GET', /\/issues\/1$/, mutate);
    const r = await call('GET', `/repos/${REPO}/issues/1`);
    expect(r.status).toBe(200);
    expect(fake.takeViolations()).toEqual([expect.stringContaining(`must have required property '${field}'`)]);
  });

  it('catches a wrongly typed field deep in a list response', async () => {
    fake.seedIssue(REPO, { labels: ['a'] });
    fake.corruptNextResponse('GET', `/repos/${REPO}/issues`, (list: any[]) => ((list[0].labels[0].id = 'seven'), list));
    await call('GET', `/repos/${REPO}/issues`);
    const found = fake.takeViolations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/issues\/list-for-repo\): response 200 .*\/0\/labels\/0/);
  });
});

describe('faults and tokens', () => {
  it('applyThenFail creates the issue yet answers 500, so a blind retry duplicates it', async () => {
    fake.failNext('POST', /\/issues$/, faults.appliedButServerError());
    const first = await call('POST', `/repos/${REPO}/issues`, { title: 'once' });
    expect(first.status).toBe(500);
    expect(fake.issues(REPO)).toHaveLength(1);
    const retry = await call('POST', `/repos/${REPO}/issues`, { title: 'once' });
    expect(retry.status).toBe(201);
    expect(fake.issues(REPO).map((i) => i.title)).toEqual(['once', 'once']);
    expect(fake.violations).toEqual([]);
  });

  it('a plain fault changes nothing and runs out after `times`', async () => {
    fake.failNext('*', `/repos/${REPO}/issues`, { status: 502, times: 2 });
    expect((await call('POST', `/repos/${REPO}/issues`, { title: 'a' })).status).toBe(502);
    expect((await call('GET', `/repos/${REPO}/issues`)).status).toBe(502);
    expect((await call('GET', `/repos/${REPO}/issues`)).status).toBe(200);
    expect(fake.issues(REPO)).toEqual([]);
  });

  it('sends a secondary rate limit that Octokit recognises', async () => {
    fake.failNext('POST', /\/issues$/, faults.secondaryRateLimit());
    const r = await call('POST', `/repos/${REPO}/issues`, { title: 'a' });
    expect(r.status).toBe(403);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.message).toMatch(/\bsecondary rate\b/i);
    fake.failNext('POST', /\/issues$/, faults.secondaryRateLimit());
    const err = await octokit()
      .rest.issues.create({ owner: 'acme', repo: 'widgets', title: 'a' })
      .catch((e) => e);
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/secondary rate limit/);
    expect(fake.issues(REPO)).toEqual([]);
  });

  it('injects 401 bad credentials', async () => {
    fake.failNext('GET', /.*/, faults.badCredentials());
    const err = await octokit()
      .rest.repos.get({ owner: 'acme', repo: 'widgets' })
      .catch((e) => e);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/Bad credentials/);
  });

  it('accepts token and Bearer forms of the configured token only', async () => {
    const path = `/repos/${REPO}`;
    const bearer = await fetch(fake.url + path, { headers: { authorization: `Bearer ${fake.token}` } });
    expect(bearer.status).toBe(200);
    expect((await call('GET', path, undefined, 'wrong')).body).toMatchObject({
      message: 'Bad credentials',
      status: '401',
    });
    expect((await call('GET', path, undefined, null)).status).toBe(401);
    const other = getOctokit('nope', { baseUrl: fake.url });
    await expect(other.rest.issues.create({ owner: 'acme', repo: 'widgets', title: 'x' })).rejects.toMatchObject({
      status: 401,
    });
    expect(fake.issues(REPO)).toEqual([]);
    expect(fake.violations).toEqual([]);
  });
});

describe('between tests', () => {
  it('takeViolations hands over what was recorded and forgets it', async () => {
    await call('GET', '/user/emails');
    expect(fake.takeViolations()).toEqual(['GET /user/emails: no such operation in the description subset']);
    expect(fake.violations).toEqual([]);
  });

  it('reset empties the fake and keeps its address', async () => {
    const url = fake.url;
    fake.setRepo('acme/hidden', { missing: true });
    fake.seedIssue(REPO, { title: 'old' });
    fake.failNext('GET', /.*/, faults.serverError({ times: 5 }));
    await call('GET', '/user/emails');
    fake.reset();
    expect(fake.url).toBe(url);
    expect([fake.requests, fake.violations, fake.issues(REPO)]).toEqual([[], [], []]);
    expect((await call('GET', '/repos/acme/hidden')).status).toBe(200);
    const created = await call('POST', `/repos/${REPO}/issues`, { title: 'new' });
    expect(created).toMatchObject({ status: 201, body: { number: 1, title: 'new' } });
  });
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** What git itself makes of some files: blob shas, the root tree, and a commit of it. */
function realGit(
  files: Record<string, string>,
  commit?: { message: string; name: string; email: string; date: string; parents?: string[] },
) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-git-'));
  const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, input, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  git(['init', '-q']);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(['add', '-A']);
  const blobs = Object.fromEntries(Object.keys(files).map((p) => [p, git(['rev-parse', `:${p}`])]));
  const tree = git(['write-tree']);
  if (!commit) return { blobs, tree };
  const when = `${Math.floor(Date.parse(commit.date) / 1000)} +0000`;
  const who = {
    GIT_AUTHOR_NAME: commit.name,
    GIT_AUTHOR_EMAIL: commit.email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: commit.name,
    GIT_COMMITTER_EMAIL: commit.email,
    GIT_COMMITTER_DATE: when,
  };
  // Parents must exist for commit-tree; a root commit needs none.
  return { blobs, tree, commit: git(['commit-tree', tree], commit.message, who) };
}

describe('Contents API', () => {
  const repo = { owner: 'acme', repo: 'widgets' };

  it('creates, reads and updates a file; shas are git blob shas and each write is a commit on the branch', async () => {
    const gh = octokit();
    const path = 'data/history.json';
    await expect(gh.rest.repos.getContent({ ...repo, path })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found' } },
    });

    const first = '{"runs":[1]}\n';
    const created = await gh.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      message: 'cors-gate: history',
      content: b64(first),
    });
    expect(created.status).toBe(201);
    expect(created.data.content).toMatchObject({
      path,
      name: 'history.json',
      size: first.length,
      sha: realGit({ [path]: first }).blobs[path],
      type: 'file',
    });
    const main = fake.branch(REPO)!;
    expect(created.data.commit).toMatchObject({
      sha: main.sha,
      message: 'cors-gate: history',
      author: { name: 'github-actions[bot]' },
    });
    expect(created.data.commit.parents!.map((p) => p.sha)).toEqual([main.log[1]!.sha]);

    const got = await gh.rest.repos.getContent({ ...repo, path, ref: 'main' });
    const file = got.data as { type: string; encoding: string; content: string; sha: string; size: number };
    expect(file).toMatchObject({
      type: 'file',
      encoding: 'base64',
      sha: created.data.content!.sha,
      size: first.length,
    });
    expect(Buffer.from(file.content, 'base64').toString()).toBe(first);

    const second = '{"runs":[1,2]}\n';
    const updated = await gh.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      message: 'cors-gate: history 2',
      content: b64(second),
      sha: file.sha,
    });
    expect(updated.status).toBe(200);
    expect(updated.data.commit.parents!.map((p) => p.sha)).toEqual([main.sha]);
    expect(fake.branch(REPO)).toMatchObject({ files: { 'README.md': '# widgets\n', [path]: second } });
    expect(fake.branch(REPO)!.log.map((c) => c.message)).toEqual([
      'cors-gate: history 2',
      'cors-gate: history',
      'Initial commit',
    ]);
  });

  it('sends base64 in lines of 60 characters, as GitHub does', async () => {
    const text = 'x'.repeat(200);
    fake.seedFile(REPO, 'big.txt', text);
    const r = await call('GET', `/repos/${REPO}/contents/big.txt`);
    const lines = r.body.content.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.slice(0, -1).every((l: string) => l.length === 60)).toBe(true);
    expect(Buffer.from(r.body.content, 'base64').toString()).toBe(text);
  });

  it('leaves a file over 1 MB out of the JSON: content "" and encoding "none"', async () => {
    fake.seedFile(REPO, 'huge.json', 'y'.repeat(1024 * 1024 + 1));
    fake.seedFile(REPO, 'edge.json', 'y'.repeat(1024 * 1024));
    expect((await call('GET', `/repos/${REPO}/contents/huge.json`)).body).toMatchObject({
      size: 1024 * 1024 + 1,
      content: '',
      encoding: 'none',
    });
    expect((await call('GET', `/repos/${REPO}/contents/edge.json`)).body).toMatchObject({ encoding: 'base64' });
  });

  it('lists a directory', async () => {
    fake.seedFile(REPO, 'data/a.json', '1');
    fake.seedFile(REPO, 'data/deeper/b.json', '2');
    const r = await call('GET', `/repos/${REPO}/contents/data`);
    expect(r.body.map((e: any) => [e.type, e.path])).toEqual([
      ['file', 'data/a.json'],
      ['dir', 'data/deeper'],
    ]);
    expect(r.body[1]).toMatchObject({ download_url: null, size: 0 });
  });

  it('takes paths with literal slashes and with %2F, as Octokit sends them', async () => {
    fake.seedFile(REPO, 'a/b/c.txt', 'hi');
    expect((await call('GET', `/repos/${REPO}/contents/a/b/c.txt`)).status).toBe(200);
    expect((await call('GET', `/repos/${REPO}/contents/a%2Fb%2Fc.txt`)).body.path).toBe('a/b/c.txt');
  });

  it('refuses an update without the sha (422) or with a stale one (409), and changes nothing', async () => {
    const sha = fake.seedFile(REPO, 'h.json', 'one');
    const before = fake.branch(REPO)!.sha;
    const missing = await call('PUT', `/repos/${REPO}/contents/h.json`, { message: 'm', content: b64('two') });
    expect(missing).toMatchObject({ status: 422, body: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' } });
    const stale = 'f'.repeat(40);
    const conflict = await call('PUT', `/repos/${REPO}/contents/h.json`, {
      message: 'm',
      content: b64('two'),
      sha: stale,
    });
    expect(conflict).toMatchObject({ status: 409, body: { message: `h.json does not match ${stale}` } });
    expect(fake.branch(REPO)!.sha).toBe(before);
    expect(
      (await call('PUT', `/repos/${REPO}/contents/h.json`, { message: 'm', content: b64('two'), sha })).status,
    ).toBe(200);
    // A sha sent for a file that does not exist yet is ignored.
    expect(
      (await call('PUT', `/repos/${REPO}/contents/new.json`, { message: 'm', content: b64('x'), sha: stale })).status,
    ).toBe(201);
  });

  it('answers 404 for a branch that does not exist, on read and on write', async () => {
    const read = await call('GET', `/repos/${REPO}/contents/README.md?ref=nope`);
    expect(read).toMatchObject({ status: 404, body: { message: 'No commit found for the ref nope' } });
    const write = await call('PUT', `/repos/${REPO}/contents/x.json`, {
      message: 'm',
      content: b64('x'),
      branch: 'nope',
    });
    expect(write.status).toBe(404);
    expect(fake.branch(REPO, 'nope')).toBeUndefined();
    expect(Object.keys(fake.branch(REPO)!.files)).toEqual(['README.md']);
  });

  it('rejects content that is not base64, and a file where a directory is', async () => {
    expect((await call('PUT', `/repos/${REPO}/contents/x.json`, { message: 'm', content: 'not base64!' })).status).toBe(
      422,
    );
    fake.seedFile(REPO, 'outer/data/a.json', '1');
    const before = fake.branch(REPO)!.sha;
    const dir = (await call('GET', `/repos/${REPO}/contents/outer`)).body[0];
    expect(dir).toMatchObject({ type: 'dir', path: 'outer/data' });
    const put = await call('PUT', `/repos/${REPO}/contents/outer/data`, {
      message: 'm',
      content: b64('x'),
      sha: dir.sha,
    });
    expect(put).toMatchObject({ status: 422, body: { message: 'outer/data is a directory' } });
    expect(fake.branch(REPO)!.sha).toBe(before);
  });

  it('reads a file at a commit sha', async () => {
    fake.seedFile(REPO, 'v.txt', 'old');
    const then = fake.branch(REPO)!.sha;
    fake.seedFile(REPO, 'v.txt', 'new');
    const r = await call('GET', `/repos/${REPO}/contents/v.txt?ref=${then}`);
    expect(Buffer.from(r.body.content, 'base64').toString()).toBe('old');
  });

  it.each([
    ['without push access', { push: false }, 'Resource not accessible by integration'],
    ['for a user who is not a collaborator', { collaborator: false }, 'Must have admin rights to Repository.'],
    ['with a read-only token', { readOnly: true }, 'Resource not accessible by integration'],
  ] as const)('refuses writes %s with 403', async (_name, options, message) => {
    fake.setRepo(REPO, options);
    const before = fake.branch(REPO)!.sha;
    for (const [method, path, body] of [
      ['PUT', `/repos/${REPO}/contents/x.json`, { message: 'm', content: b64('x') }],
      ['POST', `/repos/${REPO}/git/trees`, { tree: [{ path: 'x', mode: '100644', type: 'blob', content: 'x' }] }],
      ['POST', `/repos/${REPO}/git/commits`, { message: 'm', tree: 'a'.repeat(40) }],
      ['POST', `/repos/${REPO}/git/refs`, { ref: 'refs/heads/x', sha: before }],
    ] as const) {
      expect([method, path, await call(method, path, body)]).toMatchObject([
        method,
        path,
        { status: 403, body: { message } },
      ]);
    }
    expect(fake.branch(REPO)!.sha).toBe(before);
    expect((await call('GET', `/repos/${REPO}/contents/README.md`)).status).toBe(200);
  });
});

describe('git data API: a data branch with no history', () => {
  const repo = { owner: 'acme', repo: 'widgets' };

  it('builds a root commit from inline content, points a new branch at it, then reads and writes it through the Contents API', async () => {
    const gh = octokit();
    const main = await gh.rest.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.data).toMatchObject({
      ref: 'refs/heads/main',
      object: { type: 'commit', sha: fake.branch(REPO)!.sha },
    });
    await expect(gh.rest.git.getRef({ ...repo, ref: 'heads/cors-gate-data' })).rejects.toMatchObject({ status: 404 });

    // 'runs.json' sorts before the tree 'runs': git compares a tree's name as 'runs/'.
    const files = { 'history.json': '{"runs":[]}\n', 'runs/README.md': 'Kept by cors-gate.\n', 'runs.json': '[]\n' };
    const tree = await gh.rest.git.createTree({
      ...repo,
      tree: Object.entries(files).map(([path, content]) => ({
        path,
        mode: '100644' as const,
        type: 'blob' as const,
        content,
      })),
    });
    expect(tree.status).toBe(201);
    const date = '2026-11-20T12:00:00Z';
    const who = { name: 'cors-gate', email: 'cors-gate@example.com', date };
    const commit = await gh.rest.git.createCommit({
      ...repo,
      message: 'cors-gate: start the history\n',
      tree: tree.data.sha,
      parents: [],
      author: who,
    });
    expect(commit.status).toBe(201);
    expect(commit.data).toMatchObject({ parents: [], tree: { sha: tree.data.sha }, author: who, committer: who });
    // The shas are git's own.
    const git = realGit(files, { message: 'cors-gate: start the history\n', ...who });
    expect([tree.data.sha, commit.data.sha]).toEqual([git.tree, git.commit]);
    expect(tree.data.tree.map((e) => [e.path, e.type, e.mode])).toEqual([
      ['history.json', 'blob', '100644'],
      ['runs.json', 'blob', '100644'],
      ['runs', 'tree', '040000'],
    ]);

    const ref = await gh.rest.git.createRef({ ...repo, ref: 'refs/heads/cors-gate-data', sha: commit.data.sha });
    expect(ref.status).toBe(201);
    expect(ref.data).toMatchObject({ ref: 'refs/heads/cors-gate-data', object: { sha: commit.data.sha } });
    await expect(
      gh.rest.git.createRef({ ...repo, ref: 'refs/heads/cors-gate-data', sha: commit.data.sha }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Reference already exists' } },
    });

    const got = await gh.rest.repos.getContent({ ...repo, path: 'history.json', ref: 'cors-gate-data' });
    const file = got.data as { content: string; sha: string };
    expect(Buffer.from(file.content, 'base64').toString()).toBe(files['history.json']);
    expect(file.sha).toBe(git.blobs['history.json']);
    await expect(gh.rest.repos.getContent({ ...repo, path: 'history.json' })).rejects.toMatchObject({ status: 404 });

    const put = await gh.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'history.json',
      branch: 'cors-gate-data',
      message: 'run 1',
      content: b64('{"runs":[1]}\n'),
      sha: file.sha,
    });
    expect(put.status).toBe(200);
    expect(fake.branch(REPO, 'cors-gate-data')).toMatchObject({
      files: { ...files, 'history.json': '{"runs":[1]}\n' },
    });
    expect(fake.branch(REPO, 'cors-gate-data')!.log.map((c) => c.message)).toEqual([
      'run 1',
      'cors-gate: start the history\n',
    ]);
    expect(Object.keys(fake.branch(REPO)!.files)).toEqual(['README.md']);
  });

  it('builds on base_tree, removes a path given sha null, and takes existing blobs by sha', async () => {
    fake.seedFile(REPO, 'gone/b.txt', 'b');
    const readme = fake.seedFile(REPO, 'keep/a.txt', 'a');
    const head = fake.branch(REPO)!;
    const base = (await call('GET', `/repos/${REPO}/git/ref/heads/main`)).body.object.sha;
    expect(base).toBe(head.sha);
    const baseTree = realGit(head.files).tree;
    const r = await call('POST', `/repos/${REPO}/git/trees`, {
      base_tree: baseTree,
      tree: [
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
        // A tree left empty is no tree, as in git.
        { path: 'gone/b.txt', mode: '100644', type: 'blob', sha: null },
        { path: 'copy.txt', mode: '100644', type: 'blob', sha: readme },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.sha).toBe(realGit({ 'keep/a.txt': 'a', 'copy.txt': 'a' }).tree);
    expect(r.body.tree.map((e: any) => e.path)).toEqual(['copy.txt', 'keep']);
    // Without parents a commit is a root commit (documented).
    const root = await call('POST', `/repos/${REPO}/git/commits`, { message: 'm', tree: r.body.sha });
    expect(root).toMatchObject({ status: 201, body: { parents: [] } });
  });

  it.each([
    ['a commit of a tree that does not exist', 'POST', 'git/commits', { message: 'm', tree: 'a'.repeat(40) }],
    [
      'a commit with a parent that does not exist',
      'POST',
      'git/commits',
      { message: 'm', tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', parents: ['b'.repeat(40)] },
    ],
    ['a ref name without refs/ and two slashes', 'POST', 'git/refs', { ref: 'heads/x', sha: 'MAIN' }],
    ['a ref to an object that does not exist', 'POST', 'git/refs', { ref: 'refs/heads/x', sha: 'c'.repeat(40) }],
    [
      'a tree entry with both sha and content',
      'POST',
      'git/trees',
      { tree: [{ path: 'x', mode: '100644', type: 'blob', content: 'x', sha: 'd'.repeat(40) }] },
    ],
    [
      'a tree entry naming a blob that does not exist',
      'POST',
      'git/trees',
      { tree: [{ path: 'x', mode: '100644', type: 'blob', sha: 'd'.repeat(40) }] },
    ],
    ['a base_tree that does not exist', 'POST', 'git/trees', { base_tree: 'e'.repeat(40), tree: [] }],
  ])('refuses %s with 422', async (_name, method, path, body: any) => {
    // The empty tree exists in every repo once an empty tree was made.
    await call('POST', `/repos/${REPO}/git/trees`, { tree: [] });
    if (body.sha === 'MAIN') body.sha = fake.branch(REPO)!.sha;
    const r = await call(method, `/repos/${REPO}/${path}`, body);
    expect(r.status).toBe(422);
    expect(fake.branch(REPO)!.log).toHaveLength(1);
    expect(fake.branch(REPO, 'x')).toBeUndefined();
  });
});
