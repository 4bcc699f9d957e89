// The thin GitHub layer: Octokit with retry and throttling, the handful of
// issue calls cors-gate makes, and errors that say what permission is missing.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { KnownIssue } from '../issues/plan.js';
import { oneLine } from '../text.js';
import { type GitHubClient, type IssueFilter, type Log, statusOf } from './client.js';

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL; GitHub's own when empty. */
  baseUrl?: string;
  log: Log;
  /** Longest wait for a rate limit before giving up, in seconds. */
  maxWaitSeconds?: number;
  /** Overrides of the throttling plugin's options (its write spacing, for instance). */
  throttle?: Record<string, unknown>;
}

function split(repo: string): { owner: string; repo: string } {
  const [owner, name] = repo.split('/');
  return { owner: owner!, repo: name! };
}

interface RawIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  closed_at: string | null;
  pull_request?: unknown;
  labels: (string | { name?: string })[];
  user?: { login?: string } | null;
}

const known = (repo: string, i: RawIssue): KnownIssue => ({
  repo,
  number: i.number,
  url: i.html_url,
  title: i.title,
  body: i.body ?? null,
  state: i.state === 'closed' ? 'closed' : 'open',
  stateReason: i.state_reason ?? null,
  closedAt: i.closed_at,
  author: i.user?.login ?? '',
});

export function createClient(o: ClientOptions): GitHubClient {
  const maxWait = o.maxWaitSeconds ?? 120;
  const octokit = getOctokit(
    o.token,
    {
      ...(o.baseUrl ? { baseUrl: o.baseUrl.replace(/\/+$/, '') } : {}),
      userAgent: 'cors-gate',
      log: {
        debug: () => {},
        info: () => {},
        warn: (m: string) => o.log.warning(oneLine(m, 300)),
        error: (m: string) => o.log.warning(oneLine(m, 300)),
      },
      throttle: {
        // GitHub asks for one mutating request at a time, about a second apart; the plugin's
        // write queue does that, and spaces notification-triggering writes further.
        onRateLimit: (after: number, req: { method: string; url: string }, _k: unknown, count: number) => {
          const wait = count < 1 && after <= maxWait;
          o.log.warning(
            `GitHub rate limit on ${req.method} ${req.url}: ${wait ? `waiting ${after} s` : `retry in ${after} s is too long, giving up`}`,
          );
          return wait;
        },
        onSecondaryRateLimit: (after: number, req: { method: string; url: string }, _k: unknown, count: number) => {
          const wait = count < 3 && after <= maxWait;
          o.log.warning(
            `GitHub secondary rate limit on ${req.method} ${req.url}: ${wait ? `waiting ${after} s as retry-after asks` : 'giving up'}`,
          );
          return wait;
        },
        ...o.throttle,
      },
    },
    retry,
    throttling,
  );
  const once = { request: { retries: 0 } };

  async function list(
    repo: string,
    filter: IssueFilter,
    state: 'open' | 'closed',
    allPages: boolean,
  ): Promise<KnownIssue[]> {
    const params = {
      ...split(repo),
      state,
      per_page: 100,
      ...('creator' in filter
        ? { creator: filter.creator }
        : filter.labels.length
          ? { labels: filter.labels.join(',') }
          : {}),
      ...(state === 'closed' ? { sort: 'updated' as const, direction: 'desc' as const } : {}),
    };
    const items: RawIssue[] = allPages
      ? await octokit.paginate(octokit.rest.issues.listForRepo, params)
      : (await octokit.rest.issues.listForRepo(params)).data;
    return items.filter((i) => !i.pull_request).map((i) => known(repo, i));
  }

  return {
    async identity() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login };
      } catch (err) {
        // An installation token may not read /user: it acts as its app's bot.
        if (statusOf(err) === 403) return { login: null };
        throw err;
      }
    },
    listOpen: (repo, filter) => list(repo, filter, 'open', true),
    listRecentlyClosed: (repo, filter) => list(repo, filter, 'closed', false),
    async listComments(repo, number) {
      const items = await octokit.paginate(octokit.rest.issues.listComments, {
        ...split(repo),
        issue_number: number,
        per_page: 100,
      });
      return items.map((c) => ({ id: c.id, body: c.body ?? null, url: c.html_url }));
    },
    async create(repo, title, body, labels) {
      const { data } = await octokit.rest.issues.create({
        ...split(repo),
        title,
        body,
        ...(labels.length ? { labels } : {}),
        ...once,
      });
      return {
        number: data.number,
        url: data.html_url,
        labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
        author: data.user?.login ?? '',
      };
    },
    async update(repo, number, f) {
      await octokit.rest.issues.update({
        ...split(repo),
        issue_number: number,
        ...(f.title !== undefined ? { title: f.title } : {}),
        ...(f.body !== undefined ? { body: f.body } : {}),
        ...(f.state ? { state: f.state } : {}),
        ...(f.stateReason ? { state_reason: f.stateReason } : {}),
      });
    },
    async comment(repo, number, body) {
      const { data } = await octokit.rest.issues.createComment({ ...split(repo), issue_number: number, body, ...once });
      return data.html_url;
    },
    async readFile(repo, branch, path) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...split(repo), path, ref: branch });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
          throw new Error(`${path} on ${branch} is not a file`);
        }
        if (data.encoding !== 'base64')
          throw new Error(`${path} on ${branch} is too large to read through the Contents API`);
        return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
      } catch (err) {
        if (statusOf(err) === 404) return null;
        throw err;
      }
    },
    async writeFile(repo, branch, path, text, sha, message) {
      await octokit.rest.repos.createOrUpdateFileContents({
        ...split(repo),
        path,
        branch,
        message,
        content: Buffer.from(text, 'utf8').toString('base64'),
        ...(sha ? { sha } : {}),
      });
    },
    async createBranch(repo, branch, path, text, message) {
      const where = split(repo);
      const tree = await octokit.rest.git.createTree({
        ...where,
        tree: [{ path, mode: '100644', type: 'blob', content: text }],
      });
      const commit = await octokit.rest.git.createCommit({ ...where, message, tree: tree.data.sha, parents: [] });
      await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: commit.data.sha, ...once });
    },
  };
}
