// The thin GitHub layer: Octokit with retry and throttling, the handful of
// issue calls cors-gate makes, and errors that say what permission is missing.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { KnownIssue } from '../issues/plan.js';
import { oneLine } from '../text.js';
import type { IssueClient, Log } from './client.js';

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
});

export function createClient(o: ClientOptions): IssueClient {
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
    labels: string[],
    state: 'open' | 'closed',
    allPages: boolean,
  ): Promise<KnownIssue[]> {
    const params = {
      ...split(repo),
      state,
      per_page: 100,
      ...(labels.length ? { labels: labels.join(',') } : {}),
      ...(state === 'closed' ? { sort: 'updated' as const, direction: 'desc' as const } : {}),
    };
    const items: RawIssue[] = allPages
      ? await octokit.paginate(octokit.rest.issues.listForRepo, params)
      : (await octokit.rest.issues.listForRepo(params)).data;
    return items.filter((i) => !i.pull_request).map((i) => known(repo, i));
  }

  return {
    listOpen: (repo, labels) => list(repo, labels, 'open', true),
    listRecentlyClosed: (repo, labels) => list(repo, labels, 'closed', false),
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
    async permissions(repo) {
      const { data } = await octokit.rest.repos.get(split(repo));
      return data.permissions ?? null;
    },
    async comment(repo, number, body) {
      const { data } = await octokit.rest.issues.createComment({ ...split(repo), issue_number: number, body, ...once });
      return data.html_url;
    },
  };
}
