// What the issue step needs from GitHub, as an interface: the Octokit-backed
// client (github.ts) is loaded only when issues are on, and tests can pass their
// own. Also how a failed call is described to the user.

import type { KnownComment, KnownIssue } from '../issues/plan.js';
import { oneLine } from '../text.js';

export interface Log {
  info(line: string): void;
  warning(line: string): void;
}

export interface Created {
  number: number;
  url: string;
  labels: string[];
}

export interface RepoPermissions {
  admin?: boolean;
  maintain?: boolean;
  push?: boolean;
  triage?: boolean;
  pull?: boolean;
}

/** Labels stick on a new issue only with triage access or more; without it GitHub drops them silently. */
export function canLabel(p: RepoPermissions): boolean {
  return Boolean(p.triage || p.push || p.maintain || p.admin);
}

export interface IssueClient {
  /** Open issues with all the labels, every page, pull requests left out. */
  listOpen(repo: string, labels: string[]): Promise<KnownIssue[]>;
  /** The most recently closed labelled issues (one page). */
  listRecentlyClosed(repo: string, labels: string[]): Promise<KnownIssue[]>;
  listComments(repo: string, number: number): Promise<KnownComment[]>;
  /** Sent once: a create is never retried, because GitHub may have applied it before failing. */
  create(repo: string, title: string, body: string, labels: string[]): Promise<Created>;
  update(
    repo: string,
    number: number,
    fields: { title?: string; body?: string; state?: 'closed'; stateReason?: 'completed' | 'duplicate' },
  ): Promise<void>;
  /** The token's permissions on the repository, as GET /repos/{owner}/{repo} reports them; null when it reports none. */
  permissions(repo: string): Promise<RepoPermissions | null>;
  /** Sent once, like create. */
  comment(repo: string, number: number, body: string): Promise<string>;
}

/** A refusal that no retry will change: a wrong token or a missing permission. */
export class AccessError extends Error {
  override name = 'AccessError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { data?: { message?: string } };
}

export function statusOf(err: unknown): number | undefined {
  const s = (err as HttpError)?.status;
  return typeof s === 'number' ? s : undefined;
}

function serverMessage(err: unknown): string {
  const e = err as HttpError;
  return oneLine(e?.response?.data?.message ?? e?.message ?? String(err), 200);
}

/** Turns a 401/403/404 into an error that names the repository and the permission to add. */
export function describeFailure(err: unknown, repo: string, doing: string): Error {
  const status = statusOf(err);
  const said = serverMessage(err);
  if (status === 401)
    return new AccessError(
      `GitHub refused the token (401: ${said}) while ${doing} in ${repo}: check the github-token input.`,
      401,
    );
  if (status === 403 && !/rate limit/i.test(said)) {
    return new AccessError(
      `GitHub answered 403 (${said}) while ${doing} in ${repo}: the token may not write issues there. ` +
        `Add "permissions: issues: write" to the job; for a repository other than the workflow's, use a token that may write issues in ${repo}.`,
      403,
    );
  }
  if (status === 404) {
    return new AccessError(
      `GitHub answered 404 while ${doing} in ${repo}: the repository does not exist or the token cannot see it. ` +
        `Check issue-repo (or issue.repo) and give the token "permissions: issues: write" on ${repo}.`,
      404,
    );
  }
  return new Error(`GitHub failed while ${doing} in ${repo}: ${status ? `${status} ` : ''}${said}`);
}
