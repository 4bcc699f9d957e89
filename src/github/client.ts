// What cors-gate needs from GitHub, as an interface: the Octokit-backed client
// (octokit.ts) is loaded only when issues or the run history are on, and tests
// can pass their own. Also how a failed call is described to the user.

import type { Identity, KnownComment, KnownIssue } from '../issues/plan.js';
import { oneLine } from '../text.js';

export interface Log {
  info(line: string): void;
  warning(line: string): void;
}

export interface Created {
  number: number;
  url: string;
  labels: string[];
  /** The login the issue was created as: the token's own. */
  author: string;
}

/**
 * How cors-gate lists its open issues in a repository: by its labels where
 * they stick (an installation token with issues: write), by the token's own
 * login where GitHub may drop them (a user's token, which on a repository it
 * does not collaborate on can open issues but not label them).
 */
export type IssueFilter = { labels: string[] } | { creator: string };

export function filterFor(identity: Identity, labels: string[]): IssueFilter {
  return identity.login ? { creator: identity.login } : { labels };
}

export interface IssueClient {
  identity(): Promise<Identity>;
  /** Open issues that match the filter, every page, pull requests left out. */
  listOpen(repo: string, filter: IssueFilter): Promise<KnownIssue[]>;
  /** The most recently closed issues that match the filter (one page). */
  listRecentlyClosed(repo: string, filter: IssueFilter): Promise<KnownIssue[]>;
  listComments(repo: string, number: number): Promise<KnownComment[]>;
  /** Sent once: a create is never retried, because GitHub may have applied it before failing. */
  create(repo: string, title: string, body: string, labels: string[]): Promise<Created>;
  update(
    repo: string,
    number: number,
    fields: { title?: string; body?: string; state?: 'closed'; stateReason?: 'completed' | 'duplicate' },
  ): Promise<void>;
  /** Sent once, like create. */
  comment(repo: string, number: number, body: string): Promise<string>;
}

/** A file on a branch, with the blob sha an update must name. */
export interface StoredFile {
  text: string;
  sha: string;
}

/** The Contents and git data API calls that keep a file on a branch of its own. */
export interface FileClient {
  /** The file, or null when the file or the branch does not exist. */
  readFile(repo: string, branch: string, path: string): Promise<StoredFile | null>;
  /** Creates or replaces the file; `sha` is the blob replaced (GitHub answers 409 when it is not the current one). */
  writeFile(
    repo: string,
    branch: string,
    path: string,
    text: string,
    sha: string | undefined,
    message: string,
  ): Promise<void>;
  /** A new branch with no history, holding only this file (GitHub answers 422 when the branch exists). */
  createBranch(repo: string, branch: string, path: string, text: string, message: string): Promise<void>;
}

export type GitHubClient = IssueClient & FileClient;

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
export function describeFailure(err: unknown, repo: string, doing: string, permission = 'issues: write'): Error {
  const status = statusOf(err);
  const said = serverMessage(err);
  if (status === 401)
    return new AccessError(
      `GitHub refused the token (401: ${said}) while ${doing} in ${repo}: check the github-token input.`,
      401,
    );
  if (status === 403 && !/rate limit/i.test(said)) {
    return new AccessError(
      `GitHub answered 403 (${said}) while ${doing} in ${repo}: the token may not write there. ` +
        `A pull request from a fork gets a read-only token; otherwise add "permissions: ${permission}" to the job, ` +
        `or for a repository other than the workflow's use a token with that permission on ${repo}.`,
      403,
    );
  }
  if (status === 404) {
    return new AccessError(
      `GitHub answered 404 while ${doing} in ${repo}: the repository does not exist or the token cannot see it. ` +
        `Check the repository name and give the token "permissions: ${permission}" on ${repo}.`,
      404,
    );
  }
  return new Error(`GitHub failed while ${doing} in ${repo}: ${status ? `${status} ` : ''}${said}`);
}
