// A user's token filing in a provider's public repository where the user is not
// a collaborator, as people file reports like anomalyco/opencode #31041: GitHub
// lets it open issues and edit, comment on and close its own, but drops labels
// and refuses label writes and edits of others' issues. cors-gate must still keep
// exactly one issue per endpoint, found by its author and marker.
import { beforeEach, describe, expect, it } from 'vitest';
import { type IssueOptions, syncIssues } from '../../src/issues/sync.js';
import type { ResultRecord } from '../../src/report/record.js';
import type { GitHubFake } from '../github-fake/server.js';
import { useGitHubFake } from '../github-fake/use.js';
import { changed, failing, passing } from '../support/issue-records.js';

const PROVIDER = 'provider-org/provider-api';
const github = useGitHubFake({ tokenKind: 'user' });
let fake: GitHubFake;
const logs: string[] = [];
const log = {
  info: (l: string) => void logs.push(`info: ${l}`),
  warning: (l: string) => void logs.push(`warning: ${l}`),
};
const options = (): IssueOptions => ({
  repo: 'acme/widgets',
  labels: ['cors-gate'],
  issueOn: ['fail'],
  dryRun: false,
  maxWrites: 20,
  token: fake.token,
  apiUrl: fake.url,
  now: new Date('2026-11-20T12:00:00Z'),
  throttle: { enabled: false },
});
const sync = (records: ResultRecord[]) => syncIssues(records, options(), log);
const zen = (r: ResultRecord) => ({ ...r, issue: { repo: PROVIDER } });

beforeEach(() => {
  fake = github();
  logs.length = 0;
  fake.setRepo(PROVIDER, { collaborator: false });
});

describe("a user's token in a repository it does not collaborate on", () => {
  it('keeps exactly one issue over five runs, updates it on change, closes it on recovery', async () => {
    // Someone else's report of the same breakage, with a copy of a marker: never cors-gate's.
    const first = await sync([zen(failing('Zen'))]);
    expect(first.rows[0]).toMatchObject({ action: 'created', number: 1 });
    const [mine] = fake.issues(PROVIDER);
    expect(mine.labels).toEqual([]);
    expect(logs.join('\n')).toMatch(
      /did not apply the labels cors-gate to provider-org\/provider-api#1 .*by its author, cors-gate-user/,
    );
    fake.seedIssue(PROVIDER, { title: 'CORS broken', body: mine.body, user: 'someone-else' });

    const actions: string[] = [];
    for (const r of [failing('Zen'), failing('Zen'), changed('Zen'), changed('Zen')]) {
      const run = await sync([zen(r)]);
      expect(run.problems).toEqual([]);
      actions.push(run.rows[0]!.action);
    }
    expect(actions).toEqual(['unchanged', 'unchanged', 'updated', 'unchanged']);
    const closed = await sync([zen(passing('Zen'))]);
    expect(closed.rows[0]).toMatchObject({ action: 'closed', number: 1 });

    const issues = fake.issues(PROVIDER);
    expect(
      issues.map(
        (i: { number: number; state: string; user: { login: string } }) => `#${i.number} ${i.state} ${i.user.login}`,
      ),
    ).toEqual(['#1 closed cors-gate-user', '#2 open someone-else']);
    // Found by its author: one listing per run by creator, never by label; no label write, ever.
    const lists = fake.requests.filter((r) => r.operationId === 'issues/list-for-repo');
    expect(lists.every((r) => r.query.creator === 'cors-gate-user' && r.query.labels === undefined)).toBe(true);
    expect(
      fake.requests.filter(
        (r) => /labels/.test(r.path) || (r.method === 'PATCH' && (r.body as { labels?: unknown })?.labels),
      ),
    ).toEqual([]);
    // Nothing was written to the other person's issue.
    expect(fake.requests.filter((r) => r.path.startsWith(`/repos/${PROVIDER}/issues/2`) && r.method !== 'GET')).toEqual(
      [],
    );
  });
});
