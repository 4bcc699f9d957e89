// A local stand-in for the part of GitHub's REST API that cors-gate uses. Every
// request it receives and every response it sends is checked against GitHub's
// own OpenAPI description (openapi-issues.json, cut by scripts/extract-openapi.mjs),
// so a client call that passes here has the shape the real API accepts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = any;
type Schema = Record<string, unknown>;

export interface GitHubFakeOptions {
  /** The only token accepted (`authorization: token X` or `Bearer X`). Default 'test-token'. */
  token?: string;
  /**
   * The kind of token, as GitHub tells them apart:
   * - 'installation': a GitHub App installation token, which GITHUB_TOKEN is. It acts as the app's
   *   bot (a login ending in `[bot]`), and GET /user answers 403 "Resource not accessible by integration".
   * - 'user': a user's token (a classic or fine-grained personal access token). It acts as a user,
   *   and GET /user answers 200 with that user.
   * Default 'installation'.
   */
  tokenKind?: TokenKind;
  /**
   * Login the token acts as; it authors what the client creates. Default 'github-actions[bot]' for an
   * installation token, 'cors-gate-user' for a user's token. An installation token's login ends in
   * `[bot]` and a user's does not: the fake refuses to start otherwise.
   */
  login?: string;
  /** Repos not seeded with setRepo() spring into existence on first use. Default true. */
  autoCreateRepos?: boolean;
  /** Reject request-body properties the description does not name (GitHub ignores them silently). Default true. */
  strictRequestBodies?: boolean;
  /** Clock for created_at/updated_at/closed_at. */
  now?: () => Date;
  /** The token may only read, in every repo: see RepoOptions.readOnly. Default false. */
  readOnly?: boolean;
}

export type TokenKind = 'installation' | 'user';

export interface RepoOptions {
  /** Every call on the repo answers 403 "Resource not accessible by integration". */
  forbidden?: boolean;
  /** Every call on the repo answers 404, as for a repo the token cannot see. */
  missing?: boolean;
  /**
   * The token may only read, as GITHUB_TOKEN in a workflow run for a pull request from a fork:
   * every write (POST, PATCH, PUT, DELETE) answers 403 "Resource not accessible by integration",
   * reads work.
   */
  readOnly?: boolean;
  /**
   * Without push access GitHub silently drops labels, assignees and milestone on creates and edits;
   * the label operations (POST/PUT/DELETE .../issues/{n}/labels) answer 403, and so do file and git
   * writes (Contents PUT, git trees, commits, refs: "Resource not accessible by integration"). Default true.
   */
  push?: boolean;
  /**
   * false: the token's user is not a collaborator, as a user's token on someone else's public
   * repository. Everything of `push: false`, and also: an edit (PATCH) of an issue another login
   * opened, an edit of another login's comment, and a PATCH carrying `labels` answer 403; the
   * author may still edit, comment on, close and reopen their own issues. Default true.
   */
  collaborator?: boolean;
  /** Labels the repo has (labels on seeded issues and labels set through the API are added). */
  labels?: string[];
  /**
   * Where the token cannot set labels (`push: false` or `collaborator: false`), a create naming a
   * label the repo lacks answers 403 and creates nothing. One public report says GitHub does that;
   * otherwise such labels are dropped silently like any other (the default).
   */
  refuseUnknownLabels?: boolean;
  private?: boolean;
  /**
   * The `permissions` object of GET /repos/{owner}/{repo}; it only changes what the token is told,
   * never what it may do. Default: 'write' with push access, else 'read' (the fake's first behaviour).
   * - 'write': admin and maintain false, push, triage and pull true (a user's token with write access).
   * - 'all-false': every field false. Public reports (semantic-release/github#182, lindell/multi-gitter#224
   *   and #334) say GitHub App installation tokens, GITHUB_TOKEN among them, get this although they can write.
   * - 'missing': no `permissions` key at all, the other shape those reports describe for installation tokens.
   * - 'read': only pull true (a user's token on someone else's public repository).
   */
  permissions?: PermissionShape;
}

export type PermissionShape = 'write' | 'all-false' | 'missing' | 'read';
const PERMISSIONS: Record<
  Exclude<PermissionShape, 'missing'>,
  Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>
> = {
  write: { admin: false, maintain: false, push: true, triage: true, pull: true },
  'all-false': { admin: false, maintain: false, push: false, triage: false, pull: false },
  read: { admin: false, maintain: false, push: false, triage: false, pull: true },
};

export interface IssueSeed {
  number?: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  labels?: string[];
  assignees?: string[];
  /** Login of the author. Default: the fake's login. */
  user?: string;
  locked?: boolean;
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
  /** Bodies of comments to add, oldest first. */
  comments?: string[];
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** Default: GitHub's error body for the status. */
  body?: unknown;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Carry out the request (the write happens) and then answer with the fault. */
  applyThenFail?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text if it did not parse; undefined if empty. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Matched operation, e.g. 'issues/create'; undefined for unknown routes. */
  operationId?: string;
  status: number;
}

export interface GitHubFake {
  url: string;
  token: string;
  requests: RecordedRequest[];
  /** Requests and responses that do not match GitHub's OpenAPI description, and routes it lacks. */
  violations: string[];
  /** The violations recorded so far, which are then forgotten: for tests that send bad requests on purpose. */
  takeViolations(): string[];
  /** Back to the state just after start (no repos, requests, violations, faults), on the same URL. */
  reset(): void;
  close(): Promise<void>;
  setRepo(fullName: string, options?: RepoOptions): void;
  seedIssue(fullName: string, seed?: IssueSeed): Json;
  seedPullRequest(fullName: string, seed?: IssueSeed): Json;
  seedComment(fullName: string, issueNumber: number, body: string, user?: string): Json;
  /** Issues and pull requests of a repo as the API renders them, by number. */
  issues(fullName: string): Json[];
  /** Comments as the API renders them, oldest first; of one issue if a number is given. */
  comments(fullName: string, issueNumber?: number): Json[];
  /** Commits a file to a branch as a push would (a root commit if the branch does not exist); returns the blob sha. */
  seedFile(fullName: string, path: string, content: string | Buffer, branch?: string): string;
  /** A branch as git has it (default 'main'): head commit, files as UTF-8 text, first-parent log newest first. */
  branch(fullName: string, name?: string): BranchView | undefined;
  failNext(method: string, path: RegExp | string, fault: Fault): void;
  /** Test hook: alter the next matching response body before it is validated and sent. */
  corruptNextResponse(method: string, path: RegExp | string, mutate: (body: Json) => Json): void;
}

export interface BranchView {
  sha: string;
  files: Record<string, string>;
  log: { sha: string; message: string; parents: string[]; author: { name: string; email: string; date: string } }[];
}

const DOCS = 'https://docs.github.com/rest';
const error = (status: number, message: string, extra: object = {}) => ({
  status,
  body: { message, documentation_url: DOCS, ...extra, status: String(status) },
});

/** Presets for failNext(). */
export const faults = {
  serverError: (over: Partial<Fault> = {}): Fault => ({ ...error(500, 'Server Error'), ...over }),
  /** The write happens, but the client sees a 500: a blind retry duplicates it. */
  appliedButServerError: (over: Partial<Fault> = {}): Fault => ({
    ...error(500, 'Server Error'),
    applyThenFail: true,
    ...over,
  }),
  secondaryRateLimit: (over: Partial<Fault> = {}): Fault => ({
    status: 403,
    headers: { 'retry-after': '1' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        'If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:44444444.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
    ...over,
  }),
  badCredentials: (over: Partial<Fault> = {}): Fault => ({ ...error(401, 'Bad credentials'), ...over }),
};

const spec = JSON.parse(readFileSync(new URL('./openapi-issues.json', import.meta.url), 'utf8'));
/** Version of @octokit/openapi the description was cut from. */
export const openapiSource: { package: string; version: string } = spec.info['x-source'];

interface Operation {
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  paramNames: string[];
  def: Json;
}
// A file path (contents/{path}) and a git ref (git/ref/{ref}, e.g. heads/main) hold slashes: sent
// as they are by most clients, or as %2F by Octokit, which encodes every path parameter.
const operations: Operation[] = Object.entries(spec.paths as Record<string, Json>).flatMap(([template, item]) =>
  Object.entries(item as Record<string, Json>).map(([method, def]) => ({
    id: def.operationId,
    method: method.toUpperCase(),
    template,
    paramNames: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    regex: new RegExp('^' + template.replace(/\{(path|ref)\}$/, '(.+)').replace(/\{\w+\}/g, '([^/]+)') + '$'),
    def,
  })),
);

// Two validators: parameters arrive as strings and need coercion; bodies must not be coerced.
const addFormats = ((addFormatsModule as Json).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajvOptions = {
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allErrors: true,
  allowUnionTypes: true,
} as const;
const bodyAjv = addFormats(new Ajv(ajvOptions));
const paramAjv = addFormats(new Ajv({ ...ajvOptions, coerceTypes: true }));
const compiled = new Map<string, ValidateFunction>();
function validator(key: string, ajv: Ajv, schema: () => Schema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) compiled.set(key, (fn = ajv.compile(schema())));
  return fn;
}
function describe(errors: ErrorObject[] | null | undefined, what: string): string {
  const lines = (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${e.params.additionalProperty}'`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify(e.params.allowedValues)}`
          : '';
    return `${what}${e.instancePath} ${e.message}${extra}`;
  });
  return [...new Set(lines)].slice(0, 6).join('; ');
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const nodeId = (prefix: string, id: number) => `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
const userId = (login: string) => [...login].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 90_000_000, 7) + 1000;
const MAX_BODY = 65_536;
/** GitHub Apps act through bot accounts, whose logins end in `[bot]`. */
const isBot = (login: string) => login.endsWith('[bot]');
/** Accounts the fake renders with GitHub's own ids; any other login gets an id made from its name. */
const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, github: 9919 };
const accountId = (login: string) => KNOWN_IDS[login] ?? userId(login);
/** Ids GitHub gave before node ids had a prefix, which bots and apps still carry: base64 of "03:Bot41898282". */
const legacyNodeId = (kind: 'App' | 'Bot', id: number) => Buffer.from(`03:${kind}${id}`).toString('base64');
/**
 * The app of GITHUB_TOKEN as `performed_via_github_app` shows it (owner, name and dates as GitHub sends
 * them; permissions and events cut to those near what cors-gate does). Other bots get an app made up
 * from their name.
 */
const GITHUB_ACTIONS_APP = {
  id: 15368,
  client_id: 'Iv1.05c79e9ad1f6bdfa',
  owner: 'github',
  name: 'GitHub Actions',
  description: 'Automate your workflow from idea to production',
  external_url: 'https://help.github.com/en/actions',
  created_at: '2018-07-30T09:30:17Z',
  updated_at: '2024-04-10T20:33:16Z',
  permissions: {
    actions: 'write',
    checks: 'write',
    contents: 'write',
    issues: 'write',
    metadata: 'read',
    pull_requests: 'write',
    statuses: 'write',
  },
  events: ['check_run', 'check_suite', 'issue_comment', 'issues', 'label', 'pull_request', 'push', 'workflow_run'],
};
/** Id of the app a bot login acts for. */
const appId = (bot: string) =>
  bot === 'github-actions[bot]' ? GITHUB_ACTIONS_APP.id : (userId(`app/${bot}`) % 1_000_000) + 1;

interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  user: string;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  isPull: boolean;
}
interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}
interface Repo extends Required<Omit<RepoOptions, 'permissions' | 'labels'>> {
  permissions?: PermissionShape;
  id: number;
  owner: string;
  name: string;
  issues: StoredIssue[];
  comments: StoredComment[];
  /** The repo's labels by lower-cased name: GitHub matches label names without regard to case. */
  labels: Map<string, { id: number; name: string }>;
  /** Git objects by sha, and refs by full name ('refs/heads/main') to a commit sha. */
  objects: Map<string, GitObject>;
  refs: Map<string, string>;
}

interface Signature {
  name: string;
  email: string;
  date: string;
}
interface TreeEntry {
  name: string;
  /** As the API spells it: '100644', '100755', '120000' for blobs, '040000' for trees. */
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}
type GitObject =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string; author: Signature; committer: Signature };
const DEFAULT_BRANCH = 'main';
/** Above this size the Contents API sends `content: ""` and `encoding: "none"` (docs.github.com, repos/contents). */
const MAX_INLINE_CONTENT = 1024 * 1024;
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Matcher {
  method: string;
  path: RegExp | string;
  left: number;
}
const matches = (m: Matcher, method: string, path: string) =>
  m.left > 0 &&
  (m.method === '*' || m.method.toUpperCase() === method) &&
  (typeof m.path === 'string' ? m.path === path : m.path.test(path));

export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const token = options.token ?? 'test-token';
  const tokenKind = options.tokenKind ?? 'installation';
  const me = options.login ?? (tokenKind === 'user' ? 'cors-gate-user' : 'github-actions[bot]');
  // GitHub has no such token: an app's installation token acts as its bot, and a bot has no user token.
  if (isBot(me) !== (tokenKind === 'installation'))
    throw new Error(`github-fake: a${tokenKind === 'user' ? " user's" : 'n installation'} token cannot act as ${me}`);
  const now = () => iso((options.now ?? (() => new Date()))());
  const strictBodies = options.strictRequestBodies ?? true;
  const repos = new Map<string, Repo>();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const pendingFaults: (Matcher & { fault: Fault })[] = [];
  const corruptions: (Matcher & { mutate: (b: Json) => Json })[] = [];
  let nextId = 1000;
  let api = '';

  function repoFor(fullName: string, create = true): Repo | undefined {
    const key = fullName.toLowerCase();
    let repo = repos.get(key);
    if (!repo && create) {
      const [owner, name] = fullName.split('/');
      if (!owner || !name) throw new Error(`repo must be "owner/name", got ${fullName}`);
      repo = {
        id: ++nextId,
        owner,
        name,
        forbidden: false,
        missing: false,
        readOnly: false,
        push: true,
        collaborator: true,
        refuseUnknownLabels: false,
        private: false,
        issues: [],
        comments: [],
        labels: new Map(),
        objects: new Map(),
        refs: new Map(),
      };
      repos.set(key, repo);
      // Like a repository created with a README: the default branch exists and has one commit.
      const initial = { name: 'GitHub', email: 'noreply@github.com', date: '2020-01-01T00:00:00Z' };
      const tree = withPath(repo, null, ['README.md'], {
        mode: '100644',
        type: 'blob',
        sha: putObject(repo, { type: 'blob', data: Buffer.from(`# ${name}\n`) }),
      });
      repo.refs.set(
        `refs/heads/${DEFAULT_BRANCH}`,
        putObject(repo, {
          type: 'commit',
          tree,
          parents: [],
          message: 'Initial commit',
          author: initial,
          committer: initial,
        }),
      );
    }
    return repo;
  }

  // --- git objects, hashed as git hashes them, so every sha is the real one ---
  function putObject(r: Repo, o: GitObject): string {
    let body: Buffer;
    if (o.type === 'blob') body = o.data;
    else if (o.type === 'tree') {
      // git orders entries by name, a tree's name compared as if it ended in '/'; its mode is written '40000'.
      const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name);
      o.entries.sort((a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b))));
      body = Buffer.concat(
        o.entries.flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
      );
    } else {
      const sig = (s: Signature) => `${s.name} <${s.email}> ${Math.floor(Date.parse(s.date) / 1000)} +0000`;
      body = Buffer.from(
        `tree ${o.tree}\n${o.parents.map((p) => `parent ${p}\n`).join('')}author ${sig(o.author)}\ncommitter ${sig(o.committer)}\n\n${o.message}`,
      );
    }
    const sha = createHash('sha1').update(`${o.type} ${body.length}\0`).update(body).digest('hex');
    if (!r.objects.has(sha)) r.objects.set(sha, o);
    return sha;
  }
  const objectOf = <T extends GitObject['type']>(r: Repo, sha: unknown, type: T) => {
    const o = typeof sha === 'string' ? r.objects.get(sha) : undefined;
    return o?.type === type ? (o as Extract<GitObject, { type: T }>) : undefined;
  };
  /** The tree with the entry at `path` replaced (null: removed); a tree left empty disappears, as in git. */
  function withPath(r: Repo, treeSha: string | null, path: string[], entry: Omit<TreeEntry, 'name'> | null): string {
    const entries = [...(treeSha ? objectOf(r, treeSha, 'tree')!.entries : [])];
    const [head, ...rest] = path as [string, ...string[]];
    const at = entries.findIndex((e) => e.name === head);
    const old = at >= 0 ? entries.splice(at, 1)[0] : undefined;
    if (rest.length === 0) {
      if (entry) entries.push({ name: head, ...entry });
    } else {
      const sub = withPath(r, old?.type === 'tree' ? old.sha : null, rest, entry);
      if (objectOf(r, sub, 'tree')!.entries.length)
        entries.push({ name: head, mode: '040000', type: 'tree', sha: sub });
    }
    return putObject(r, { type: 'tree', entries });
  }
  function lookup(r: Repo, treeSha: string, path: string[]): TreeEntry | undefined {
    let entry: TreeEntry = { name: '', mode: '040000', type: 'tree', sha: treeSha };
    for (const name of path) {
      const found =
        entry.type === 'tree' ? objectOf(r, entry.sha, 'tree')!.entries.find((e) => e.name === name) : undefined;
      if (!found) return undefined;
      entry = found;
    }
    return entry;
  }
  function filesOf(r: Repo, treeSha: string, prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of objectOf(r, treeSha, 'tree')!.entries) {
      if (e.type === 'tree') Object.assign(out, filesOf(r, e.sha, `${prefix}${e.name}/`));
      else out[`${prefix}${e.name}`] = objectOf(r, e.sha, 'blob')!.data.toString('utf8');
    }
    return out;
  }
  /** A branch name or a full commit sha, as the Contents API's `ref` takes them. */
  function resolveRef(r: Repo, ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref) && objectOf(r, ref, 'commit')) return ref;
    return r.refs.get(`refs/heads/${ref}`) ?? r.refs.get(`refs/tags/${ref}`);
  }
  /** Author of what the token commits when the request names nobody: the token's user. */
  const tokenSignature = (): Signature => ({
    name: me,
    email: `${accountId(me)}+${me}@users.noreply.github.com`,
    date: now(),
  });
  const signature = (s: Json, fallback: Signature): Signature =>
    s
      ? {
          name: String(s.name),
          email: String(s.email),
          date: s.date && !Number.isNaN(Date.parse(s.date)) ? iso(new Date(s.date)) : fallback.date,
        }
      : fallback;
  const splitPath = (path: string) => path.split('/').filter(Boolean);

  // --- rendering, shaped like GitHub's JSON -------------------------------
  const user = (login: string) => {
    // GitHub escapes the brackets of bot logins in URLs; a raw `[` is not a valid URI.
    const u = `${api}/users/${encodeURIComponent(login)}`;
    const id = accountId(login);
    // A bot has an id of the old form and its app's avatar (as GitHub renders vercel[bot] and github-actions[bot]).
    return {
      login,
      id,
      node_id: isBot(login) ? legacyNodeId('Bot', id) : nodeId('U', id),
      avatar_url: isBot(login)
        ? `https://avatars.githubusercontent.com/in/${appId(login)}?v=4`
        : `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: isBot(login)
        ? `https://github.com/apps/${login.slice(0, -5)}`
        : `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: isBot(login) ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  };
  /**
   * The GitHub App a bot acts for. GitHub names it in `performed_via_github_app` of what the bot
   * writes, as a recorded comment of vercel[bot] shows; for a user the field is null.
   */
  const app = (login: string) => {
    const slug = login.slice(0, -'[bot]'.length);
    const known = slug === 'github-actions' ? GITHUB_ACTIONS_APP : undefined;
    const id = appId(login);
    const t = '2020-01-01T00:00:00Z';
    return {
      id,
      client_id: known?.client_id ?? `Iv1.${createHash('sha1').update(slug).digest('hex').slice(0, 16)}`,
      slug,
      node_id: legacyNodeId('App', id),
      owner: { ...user(known?.owner ?? slug), type: 'Organization' },
      name: known?.name ?? slug,
      description: known?.description ?? null,
      external_url: known?.external_url ?? `https://github.com/apps/${slug}`,
      html_url: `https://github.com/apps/${slug}`,
      created_at: known?.created_at ?? t,
      updated_at: known?.updated_at ?? t,
      permissions: known?.permissions ?? { issues: 'write', metadata: 'read' },
      events: known?.events ?? [],
    };
  };
  const appOf = (login: string) => (isBot(login) ? app(login) : null);
  // GET /user for a user's token: the user's own view of their profile, with the private fields
  // (a classic token without the `user` scope is sent only the public ones).
  const authenticatedUser = () => {
    const t = '2020-01-01T00:00:00Z';
    return {
      ...user(me),
      user_view_type: 'private',
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      notification_email: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: t,
      updated_at: t,
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 1,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { name: 'free', space: 976_562_499, collaborators: 0, private_repos: 10_000 },
    };
  };
  const full = (r: Repo) => `${r.owner}/${r.name}`;
  const association = (r: Repo, login: string) => (login === r.owner ? 'OWNER' : login === me ? 'NONE' : 'CONTRIBUTOR');
  // A label named on an issue is the repo's label of that name, created on first use as GitHub does
  // for a token that may set labels; it keeps the spelling it was created with.
  const defineLabel = (r: Repo, name: string) => {
    const key = name.toLowerCase();
    let l = r.labels.get(key);
    if (!l) r.labels.set(key, (l = { id: ++nextId, name }));
    return l;
  };
  const setLabels = (r: Repo, issue: StoredIssue, names: string[]) => {
    const seen = new Set<string>();
    issue.labels = names
      .map((n) => defineLabel(r, n).name)
      .filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
  };
  const label = (r: Repo, name: string) => {
    const { id } = defineLabel(r, name);
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${api}/repos/${full(r)}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      description: null,
    };
  };
  const renderIssue = (r: Repo, i: StoredIssue) => {
    const base = `${api}/repos/${full(r)}/issues/${i.number}`;
    const html = `https://github.com/${full(r)}/${i.isPull ? 'pull' : 'issues'}/${i.number}`;
    return {
      url: base,
      repository_url: `${api}/repos/${full(r)}`,
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: html,
      id: i.id,
      node_id: nodeId(i.isPull ? 'PR' : 'I', i.id),
      number: i.number,
      title: i.title,
      user: user(i.user),
      labels: i.labels.map((n) => label(r, n)),
      state: i.state,
      locked: i.locked,
      assignee: i.assignees[0] ? user(i.assignees[0]) : null,
      assignees: i.assignees.map(user),
      milestone: null,
      comments: r.comments.filter((c) => c.issue === i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      author_association: association(r, i.user),
      active_lock_reason: null,
      body: i.body,
      closed_by: null,
      timeline_url: `${base}/timeline`,
      performed_via_github_app: appOf(i.user),
      state_reason: i.state_reason,
      ...(i.isPull
        ? {
            draft: false,
            pull_request: {
              url: `${api}/repos/${full(r)}/pulls/${i.number}`,
              html_url: html,
              diff_url: `${html}.diff`,
              patch_url: `${html}.patch`,
              merged_at: null,
            },
          }
        : {}),
    };
  };
  const renderComment = (r: Repo, c: StoredComment) => ({
    url: `${api}/repos/${full(r)}/issues/comments/${c.id}`,
    html_url: `https://github.com/${full(r)}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${api}/repos/${full(r)}/issues/${c.issue}`,
    id: c.id,
    node_id: nodeId('IC', c.id),
    user: user(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: association(r, c.user),
    body: c.body,
    performed_via_github_app: appOf(c.user),
  });
  const TEMPLATED: Record<string, string> = {
    archive: '{archive_format}{/ref}',
    assignees: 'assignees{/user}',
    blobs: 'git/blobs{/sha}',
    branches: 'branches{/branch}',
    collaborators: 'collaborators{/collaborator}',
    comments: 'comments{/number}',
    commits: 'commits{/sha}',
    compare: 'compare/{base}...{head}',
    contents: 'contents/{+path}',
    git_commits: 'git/commits{/sha}',
    git_refs: 'git/refs{/sha}',
    git_tags: 'git/tags{/sha}',
    issue_comment: 'issues/comments{/number}',
    issue_events: 'issues/events{/number}',
    issues: 'issues{/number}',
    keys: 'keys{/key_id}',
    labels: 'labels{/name}',
    milestones: 'milestones{/number}',
    notifications: 'notifications{?since,all,participating}',
    pulls: 'pulls{/number}',
    releases: 'releases{/id}',
    statuses: 'statuses/{sha}',
    trees: 'git/trees{/sha}',
  };
  const PLAIN = [
    'contributors',
    'deployments',
    'downloads',
    'events',
    'forks',
    'hooks',
    'languages',
    'merges',
    'stargazers',
    'subscribers',
    'subscription',
    'tags',
    'teams',
  ];
  const renderRepo = (r: Repo) => {
    const base = `${api}/repos/${full(r)}`;
    const urls = Object.fromEntries([
      ...Object.entries(TEMPLATED).map(([k, v]) => [`${k}_url`, `${base}/${v}`]),
      ...PLAIN.map((k) => [`${k}_url`, `${base}/${k}`]),
    ]);
    const open = r.issues.filter((i) => i.state === 'open').length;
    const t = '2020-01-01T00:00:00Z';
    const shape = r.permissions ?? (canTriage(r) ? 'write' : 'read');
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name: r.name,
      full_name: full(r),
      private: r.private,
      owner: user(r.owner),
      html_url: `https://github.com/${full(r)}`,
      description: null,
      fork: false,
      url: base,
      ...urls,
      git_url: `git://github.com/${full(r)}.git`,
      ssh_url: `git@github.com:${full(r)}.git`,
      clone_url: `https://github.com/${full(r)}.git`,
      svn_url: `https://github.com/${full(r)}`,
      mirror_url: null,
      homepage: null,
      language: 'TypeScript',
      size: 1,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      subscribers_count: 0,
      network_count: 0,
      open_issues: open,
      open_issues_count: open,
      default_branch: 'main',
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: r.private ? 'private' : 'public',
      license: null,
      pushed_at: t,
      created_at: t,
      updated_at: t,
      ...(shape === 'missing' ? {} : { permissions: { ...PERMISSIONS[shape] } }),
    };
  };

  const repoApi = (r: Repo) => `${api}/repos/${full(r)}`;
  const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  const base64Lines = (data: Buffer) => (data.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
  /** A Contents API entry; `withContent` for a file read on its own (GET), with its base64 text. */
  const renderContent = (r: Repo, path: string, e: TreeEntry, ref: string, withContent: boolean) => {
    const dir = e.type === 'tree';
    const data = dir ? undefined : objectOf(r, e.sha, 'blob')!.data;
    const url = `${repoApi(r)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
    const git = `${repoApi(r)}/git/${dir ? 'trees' : 'blobs'}/${e.sha}`;
    const html = `https://github.com/${full(r)}/${dir ? 'tree' : 'blob'}/${encodePath(ref)}/${encodePath(path)}`;
    const inline = data !== undefined && data.length <= MAX_INLINE_CONTENT;
    return {
      name: path.split('/').pop()!,
      path,
      sha: e.sha,
      size: data?.length ?? 0,
      url,
      html_url: html,
      git_url: git,
      download_url: dir ? null : `https://raw.githubusercontent.com/${full(r)}/${encodePath(ref)}/${encodePath(path)}`,
      type: dir ? 'dir' : 'file',
      ...(withContent ? { content: inline ? base64Lines(data!) : '', encoding: inline ? 'base64' : 'none' } : {}),
      _links: { self: url, git, html },
    };
  };
  const renderCommit = (r: Repo, sha: string) => {
    const c = objectOf(r, sha, 'commit')!;
    return {
      sha,
      node_id: `C_kwDO${Buffer.from(sha, 'hex').toString('base64url')}`,
      url: `${repoApi(r)}/git/commits/${sha}`,
      html_url: `https://github.com/${full(r)}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${repoApi(r)}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${repoApi(r)}/git/commits/${p}`,
        html_url: `https://github.com/${full(r)}/commit/${p}`,
      })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  };
  const renderRef = (r: Repo, ref: string) => {
    const sha = r.refs.get(ref)!;
    return {
      ref,
      node_id: `REF_kwDO${Buffer.from(ref).toString('base64url')}`,
      url: `${repoApi(r)}/git/${ref}`,
      object: { type: 'commit', sha, url: `${repoApi(r)}/git/commits/${sha}` },
    };
  };

  // --- the operations --------------------------------------------------------
  const findIssue = (r: Repo, n: number) => r.issues.find((i) => i.number === n);
  const tooLong = (resource: string, field: string, value: unknown) =>
    typeof value === 'string' && value.length > MAX_BODY
      ? error(422, 'Validation Failed', {
          errors: [
            { resource, code: 'custom', field, message: `${field} is too long (maximum is ${MAX_BODY} characters)` },
          ],
        })
      : undefined;
  const canTriage = (r: Repo) => r.push && r.collaborator;
  const isMe = (login: string) => login.toLowerCase() === me.toLowerCase();
  // What GitHub answered a token writing where it has no right to, in one report (a bot editing a
  // comment made with another token): the status is what matters, the wording is not confirmed.
  const noRights = () => error(403, 'Must have admin rights to Repository.');
  // Writing files and git objects needs push access. Without it an installation token (GITHUB_TOKEN
  // with `contents: read`) is told "Resource not accessible by integration".
  const gitWriteRefused = (r: Repo): Reply | undefined =>
    !r.collaborator ? noRights() : !r.push ? error(403, 'Resource not accessible by integration') : undefined;
  // The wording of the 422 answers given with this (bad content, git objects that do not exist) is
  // not confirmed; 422 is what the description documents for a request GitHub cannot carry out.
  const unprocessable = (message: string) => error(422, message);
  const labelNames = (labels: Json[]) =>
    labels.map((l) => (typeof l === 'string' ? l : String(l.name ?? ''))).filter(Boolean);

  function paginate<T>(items: T[], query: Record<string, string>, path: string): Reply {
    const perPageAsked = Number(query.per_page ?? 30);
    const perPage = Math.min(100, perPageAsked >= 1 ? Math.floor(perPageAsked) : 30);
    const page = Math.max(1, Math.floor(Number(query.page ?? 1)) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) =>
      `<${api}${path}?${new URLSearchParams({ ...query, page: String(p) })}>; rel="${rel}"`;
    const rels = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : []),
    ];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: rels.length ? { link: rels.join(', ') } : {},
    };
  }

  function applyIssueFields(r: Repo, issue: StoredIssue, b: Json) {
    if (b.title !== undefined && b.title !== null) issue.title = String(b.title);
    if (b.body !== undefined) issue.body = b.body;
    if (canTriage(r) && Array.isArray(b.labels)) setLabels(r, issue, labelNames(b.labels));
    if (canTriage(r) && Array.isArray(b.assignees))
      issue.assignees = b.assignees.map((a: Json) => (typeof a === 'string' ? a : a.login));
  }

  const handlers: Record<
    string,
    (r: Repo, p: Record<string, string>, q: Record<string, string>, b: Json, path: string) => Reply
  > = {
    'repos/get': (r) => ({ status: 200, body: renderRepo(r) }),
    'issues/list-for-repo': (r, _p, q, _b, path) => {
      const state = q.state ?? 'open';
      const wanted = (q.labels ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const key = q.sort === 'updated' ? 'updated_at' : q.sort === 'comments' ? 'comments' : 'created_at';
      const dir = q.direction === 'asc' ? 1 : -1;
      const items = r.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        // `creator` is a login, matched as GitHub matches logins: without regard to case.
        .filter((i) => !q.creator || i.user.toLowerCase() === q.creator.toLowerCase())
        .filter((i) => !q.since || i.updated_at >= q.since)
        .map((i) => renderIssue(r, i))
        .sort((a, b) => dir * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.number - b.number));
      return paginate(items, q, path);
    },
    'issues/get': (r, p) => {
      const issue = findIssue(r, Number(p.issue_number));
      return issue ? { status: 200, body: renderIssue(r, issue) } : error(404, 'Not Found');
    },
    'issues/create': (r, _p, _q, b) => {
      if (String(b.title).trim() === '')
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
        });
      const fail = tooLong('Issue', 'body', b.body);
      if (fail) return fail;
      if (
        r.refuseUnknownLabels &&
        !canTriage(r) &&
        Array.isArray(b.labels) &&
        labelNames(b.labels).some((n) => !r.labels.has(n.toLowerCase()))
      ) {
        return noRights();
      }
      const issue = addIssue(r, { user: me }, false);
      applyIssueFields(r, issue, b);
      return {
        status: 201,
        body: renderIssue(r, issue),
        headers: { location: `${api}/repos/${full(r)}/issues/${issue.number}` },
      };
    },
    'issues/update': (r, p, _q, b) => {
      const issue = findIssue(r, Number(p.issue_number));
      if (!issue) return error(404, 'Not Found');
      if (!r.collaborator && (!isMe(issue.user) || b.labels !== undefined)) return noRights();
      const fail = tooLong('Issue', 'body', b.body);
      if (fail) return fail;
      applyIssueFields(r, issue, b);
      const t = now();
      if (b.state && b.state !== issue.state) {
        issue.state = b.state;
        issue.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened';
        issue.closed_at = b.state === 'closed' ? t : null;
      } else if (issue.state === 'closed' && b.state_reason !== undefined && b.state_reason !== 'reopened') {
        issue.state_reason = b.state_reason ?? 'completed';
      }
      issue.updated_at = t;
      return { status: 200, body: renderIssue(r, issue) };
    },
    'issues/add-labels': (r, p, _q, b) =>
      labelWrite(r, p, (issue) => {
        setLabels(r, issue, [...issue.labels, ...labelNames(b.labels ?? [])]);
        return undefined;
      }),
    'issues/set-labels': (r, p, _q, b) =>
      labelWrite(r, p, (issue) => {
        setLabels(r, issue, labelNames(b.labels ?? []));
        return undefined;
      }),
    'issues/remove-all-labels': (r, p) => {
      const reply = labelWrite(r, p, (issue) => void (issue.labels = []));
      return reply.status === 200 ? { status: 204 } : reply;
    },
    'issues/remove-label': (r, p) =>
      labelWrite(r, p, (issue) => {
        const at = issue.labels.findIndex((l) => l.toLowerCase() === p.name!.toLowerCase());
        if (at < 0) return error(404, 'Label does not exist');
        issue.labels.splice(at, 1);
      }),
    'repos/get-content': (r, p, q) => {
      const ref = q.ref ?? DEFAULT_BRANCH;
      const commit = resolveRef(r, ref);
      // What GitHub answers for a branch that does not exist, as client code quotes it.
      if (!commit) return error(404, `No commit found for the ref ${ref}`);
      const path = splitPath(p.path!).join('/');
      const e = lookup(r, objectOf(r, commit, 'commit')!.tree, splitPath(path));
      if (!e || !path) return error(404, 'Not Found');
      if (e.type === 'blob') return { status: 200, body: renderContent(r, path, e, ref, true) };
      return {
        status: 200,
        body: objectOf(r, e.sha, 'tree')!.entries.map((x) => renderContent(r, `${path}/${x.name}`, x, ref, false)),
      };
    },
    'repos/create-or-update-file-contents': (r, p, _q, b) => {
      const refused = gitWriteRefused(r);
      if (refused) return refused;
      const branch = b.branch ?? DEFAULT_BRANCH;
      const head = r.refs.get(`refs/heads/${branch}`);
      // 404 is the status the description documents and that a comparison with GitHub measured
      // (pome-sh/digital-twins#400: the branch is checked before the sha); the wording is not confirmed.
      if (!head) return error(404, `Branch ${branch} not found`);
      const path = splitPath(p.path!);
      if (!path.length) return error(404, 'Not Found');
      if (!/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/.test(b.content)) return unprocessable('content is not valid Base64');
      const tree = objectOf(r, head, 'commit')!.tree;
      const old = lookup(r, tree, path);
      // For a file that exists: no sha is 422 "sha wasn't supplied", another blob's sha is 409
      // "<path> does not match <sha>" (GitHub's messages as clients quote them; pome-sh/digital-twins#400).
      // For a new file a sha is ignored.
      // Not confirmed what GitHub answers for a path that is a directory; the fake refuses it.
      if (old?.type === 'tree') return unprocessable(`${path.join('/')} is a directory`);
      if (old && b.sha === undefined) return error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
      if (old && b.sha !== old.sha) return error(409, `${path.join('/')} does not match ${b.sha}`);
      const blob = putObject(r, { type: 'blob', data: Buffer.from(b.content, 'base64') });
      const committer = signature(b.committer, tokenSignature());
      const author = signature(b.author, committer);
      const commit = putObject(r, {
        type: 'commit',
        tree: withPath(r, tree, path, { mode: old?.mode ?? '100644', type: 'blob', sha: blob }),
        parents: [head],
        message: b.message,
        author,
        committer,
      });
      r.refs.set(`refs/heads/${branch}`, commit);
      const content = renderContent(
        r,
        path.join('/'),
        { name: '', mode: '100644', type: 'blob', sha: blob },
        branch,
        false,
      );
      return { status: old ? 200 : 201, body: { content, commit: renderCommit(r, commit) } };
    },
    'git/get-ref': (r, p) =>
      r.refs.has(`refs/${p.ref}`) ? { status: 200, body: renderRef(r, `refs/${p.ref}`) } : error(404, 'Not Found'),
    'git/create-ref': (r, _p, _q, b) => {
      const refused = gitWriteRefused(r);
      if (refused) return refused;
      // The description: a name that does not start with 'refs' and have at least two slashes is rejected.
      if (!/^refs\/[^/]+\/.+/.test(b.ref)) return unprocessable('Reference name is invalid');
      // A branch points at a commit; the fake keeps no other kind of ref.
      if (!objectOf(r, b.sha, 'commit')) return unprocessable('Object does not exist');
      // "Reference already exists" is GitHub's answer as client code quotes it, with 422.
      if (r.refs.has(b.ref)) return unprocessable('Reference already exists');
      r.refs.set(b.ref, b.sha);
      const body = renderRef(r, b.ref);
      return { status: 201, body, headers: { location: body.url } };
    },
    'git/create-tree': (r, _p, _q, b) => {
      const refused = gitWriteRefused(r);
      if (refused) return refused;
      if (b.base_tree !== undefined && !objectOf(r, b.base_tree, 'tree'))
        return unprocessable('base_tree is not a valid tree oid');
      let tree = b.base_tree ?? putObject(r, { type: 'tree', entries: [] });
      for (const e of b.tree as Json[]) {
        const path = splitPath(e.path ?? '');
        if (!path.length || !e.mode || !e.type)
          return unprocessable('Must supply a valid tree.path, tree.mode and tree.type');
        // Documented: "Use either tree.sha or content ... Using both ... will return an error."
        if (e.content !== undefined && e.sha !== undefined)
          return unprocessable('Must supply either tree.sha or tree.content, not both');
        if (e.type === 'commit' || e.mode === '160000') return unprocessable('github-fake does not model submodules');
        if (e.sha === null) {
          // Removes the path (meaningful with base_tree).
          tree = lookup(r, tree, path) ? withPath(r, tree, path, null) : tree;
          continue;
        }
        const isTree = e.type === 'tree';
        if (isTree !== (e.mode === '040000'))
          return unprocessable(`tree.mode ${e.mode} does not fit tree.type ${e.type}`);
        let sha: string;
        if (e.content !== undefined) {
          if (isTree) return unprocessable('tree.content is for blobs');
          sha = putObject(r, { type: 'blob', data: Buffer.from(String(e.content), 'utf8') });
        } else if (objectOf(r, e.sha, isTree ? 'tree' : 'blob')) sha = e.sha;
        else return unprocessable(`tree.sha ${e.sha} is not a valid ${e.type}`);
        tree = withPath(r, tree, path, { mode: e.mode, type: e.type, sha });
      }
      const entries = objectOf(r, tree, 'tree')!.entries.map((e) => ({
        path: e.name,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: objectOf(r, e.sha, 'blob')!.data.length } : {}),
        url: `${repoApi(r)}/git/${e.type === 'blob' ? 'blobs' : 'trees'}/${e.sha}`,
      }));
      const url = `${repoApi(r)}/git/trees/${tree}`;
      return { status: 201, body: { sha: tree, url, truncated: false, tree: entries }, headers: { location: url } };
    },
    'git/create-commit': (r, _p, _q, b) => {
      const refused = gitWriteRefused(r);
      if (refused) return refused;
      if (!objectOf(r, b.tree, 'tree')) return unprocessable('Tree SHA does not exist');
      // Documented: "If omitted or empty, the commit will be written as a root commit."
      const parents: string[] = b.parents ?? [];
      if (parents.some((sha) => !objectOf(r, sha, 'commit')))
        return unprocessable('Parent SHA does not exist or is not a commit object');
      const author = signature(b.author, tokenSignature());
      const sha = putObject(r, {
        type: 'commit',
        tree: b.tree,
        parents,
        message: b.message,
        author,
        committer: signature(b.committer, author),
      });
      const body = renderCommit(r, sha);
      return { status: 201, body, headers: { location: body.url } };
    },
    'issues/list-comments': (r, p, q, _b, path) => {
      const n = Number(p.issue_number);
      if (!findIssue(r, n)) return error(404, 'Not Found');
      const items = r.comments
        .filter((c) => c.issue === n && (!q.since || c.updated_at >= q.since))
        .map((c) => renderComment(r, c));
      return paginate(items, q, path);
    },
    'issues/create-comment': (r, p, _q, b) => {
      const issue = findIssue(r, Number(p.issue_number));
      if (!issue) return error(404, 'Not Found');
      const fail = tooLong('IssueComment', 'body', b.body);
      if (fail) return fail;
      const c = addComment(r, issue, b.body, me);
      return { status: 201, body: renderComment(r, c), headers: { location: renderComment(r, c).url } };
    },
    'issues/update-comment': (r, p, _q, b) => {
      const c = r.comments.find((x) => x.id === Number(p.comment_id));
      if (!c) return error(404, 'Not Found');
      if (!r.collaborator && !isMe(c.user)) return noRights();
      const fail = tooLong('IssueComment', 'body', b.body);
      if (fail) return fail;
      c.body = b.body;
      c.updated_at = now();
      return { status: 200, body: renderComment(r, c) };
    },
  };

  // Operations outside any repository: nothing a repo is set up with applies to them.
  const accountHandlers: Record<string, (q: Record<string, string>, b: Json) => Reply> = {
    'users/get-authenticated': () =>
      tokenKind === 'user'
        ? { status: 200, body: authenticatedUser() }
        : // GitHub's answer to an installation token, body and all, as a workflow log quotes it (actions/create-github-app-token#258).
          error(403, 'Resource not accessible by integration', {
            documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
          }),
  };

  // The label operations answer the issue's labels after the change.
  function labelWrite(r: Repo, p: Record<string, string>, change: (issue: StoredIssue) => Reply | undefined): Reply {
    const issue = findIssue(r, Number(p.issue_number));
    if (!issue) return error(404, 'Not Found');
    if (!canTriage(r)) return noRights();
    const refused = change(issue);
    if (refused) return refused;
    issue.updated_at = now();
    return { status: 200, body: issue.labels.map((n) => label(r, n)) };
  }

  function addIssue(r: Repo, seed: IssueSeed, isPull: boolean): StoredIssue {
    const number = seed.number ?? r.issues.reduce((m, i) => Math.max(m, i.number), 0) + 1;
    if (findIssue(r, number)) throw new Error(`${full(r)}#${number} already exists`);
    const t = now();
    const state = seed.state ?? 'open';
    const issue: StoredIssue = {
      id: ++nextId,
      number,
      title: seed.title ?? `Issue ${number}`,
      body: seed.body ?? null,
      state,
      state_reason: seed.state_reason ?? (state === 'closed' ? 'completed' : null),
      labels: seed.labels ?? [],
      assignees: seed.assignees ?? [],
      user: seed.user ?? me,
      locked: seed.locked ?? false,
      created_at: seed.created_at ?? t,
      updated_at: seed.updated_at ?? seed.created_at ?? t,
      closed_at: seed.closed_at ?? (state === 'closed' ? t : null),
      isPull,
    };
    setLabels(r, issue, issue.labels);
    r.issues.push(issue);
    for (const body of seed.comments ?? []) addComment(r, issue, body, me);
    return issue;
  }
  function addComment(r: Repo, issue: StoredIssue, body: string, login: string): StoredComment {
    const t = now();
    const c = { id: ++nextId, issue: issue.number, body, user: login, created_at: t, updated_at: t };
    r.comments.push(c);
    issue.updated_at = t;
    return c;
  }

  // --- validation against the description ------------------------------------
  function checkRequest(
    op: Operation,
    pathValues: Record<string, string>,
    query: Record<string, string>,
    repeated: string[],
    body: unknown,
    hasBody: boolean,
  ): string[] {
    const found: string[] = [];
    const params = (where: string, values: Record<string, string>, closed: boolean) => {
      const declared = (op.def.parameters as Json[]).filter((p) => p.in === where);
      const fn = validator(`${op.id} ${where}`, paramAjv, () => ({
        type: 'object',
        properties: Object.fromEntries(declared.map((p) => [p.name, p.schema])),
        required: declared.filter((p) => p.required).map((p) => p.name),
        additionalProperties: !closed,
      }));
      if (!fn({ ...values })) found.push(describe(fn.errors, `${where} parameter `));
    };
    params('path', pathValues, true);
    params('query', query, true);
    // The fake keeps one value per name; GitHub's list parameters are comma-joined, never repeated.
    for (const name of new Set(repeated)) found.push(`query parameter '${name}' given more than once`);
    const rb = op.def.requestBody;
    if (!rb) {
      if (hasBody) found.push(`request body sent, but ${op.id} takes none`);
    } else if (!hasBody) {
      if (rb.required) found.push(`request body missing, ${op.id} requires one`);
    } else {
      const fn = validator(`${op.id} request strict=${strictBodies}`, bodyAjv, () => {
        const s = rb.content['application/json'].schema;
        return strictBodies ? closed(s) : s;
      });
      if (!fn(body)) found.push(describe(fn.errors, 'request body'));
    }
    return found.map((v) => `${op.method} ${op.template} (${op.id}): ${v}`);
  }
  // The top-level object admits only the properties the description names; where the body is
  // one of several shapes (the label operations), each shape does.
  function closed(schema: Schema): Schema {
    if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: schema.oneOf.map(closed) };
    if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map(closed) };
    return schema.type === 'object' || schema.properties ? { ...schema, additionalProperties: false } : schema;
  }
  // GitHub's description lists some alternatives with oneOf although they overlap: the 409 of
  // repos/create-or-update-file-contents is "a basic error" or "an error with metadata", and
  // neither requires or forbids a property, so every body matches both and oneOf fails whatever
  // GitHub sends. A response is checked against the same alternatives with anyOf.
  function anyOfAlternatives(node: Json): Json {
    if (Array.isArray(node)) return node.map(anyOfAlternatives);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k === 'oneOf' ? 'anyOf' : k,
        k === 'properties'
          ? Object.fromEntries(Object.entries(v as Json).map(([n, x]) => [n, anyOfAlternatives(x)]))
          : anyOfAlternatives(v),
      ]),
    );
  }
  function checkResponse(op: Operation, reply: Reply): string | undefined {
    const declared = op.def.responses[String(reply.status)];
    let schema = declared?.content?.['application/json']?.schema;
    if (!schema && reply.status >= 400) schema = { ...spec.components.schemas['basic-error'], required: ['message'] };
    if (!declared && reply.status < 400)
      return `${op.method} ${op.template} (${op.id}): status ${reply.status} is not a declared response`;
    if (!schema)
      return reply.body === undefined
        ? undefined
        : `${op.method} ${op.template} (${op.id}): status ${reply.status} declares no body`;
    const fn = validator(`${op.id} ${declared ? reply.status : 'error'}`, bodyAjv, () => anyOfAlternatives(schema));
    return fn(reply.body)
      ? undefined
      : `${op.method} ${op.template} (${op.id}): response ${reply.status} ${describe(fn.errors, 'body')}`;
  }

  // --- the request pipeline --------------------------------------------------
  function answer(method: string, url: URL, headers: IncomingHttpHeaders, raw: string, rec: RecordedRequest): Reply {
    let body: unknown;
    if (raw.length) {
      try {
        body = rec.body = JSON.parse(raw);
      } catch {
        const v = `${method} ${url.pathname}: request body is not JSON`;
        violations.push(v);
        return { status: 500, body: { message: `github-fake: ${v}` } };
      }
    }
    const candidates = operations.map((op) => ({ op, m: op.regex.exec(url.pathname) })).filter((c) => c.m);
    const hit = candidates.find((c) => c.op.method === method);
    if (!hit) {
      violations.push(`${method} ${url.pathname}: no such operation in the description subset`);
      return error(404, 'Not Found');
    }
    const { op } = hit;
    rec.operationId = op.id;
    const pathValues = Object.fromEntries(op.paramNames.map((n, i) => [n, decodeURIComponent(hit.m![i + 1]!)]));
    const repeated = [...url.searchParams.keys()].filter((k) => url.searchParams.getAll(k).length > 1);
    const bad = checkRequest(op, pathValues, rec.query, repeated, body, raw.length > 0);
    if (bad.length) {
      violations.push(...bad);
      return {
        status: 500,
        body: { message: `github-fake: request does not match GitHub's OpenAPI description: ${bad.join(' | ')}` },
      };
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
    let reply: Reply;
    if (!auth) reply = error(401, 'Requires authentication');
    else if (auth[1] !== token) reply = error(401, 'Bad credentials');
    else {
      const fault = pendingFaults.find((f) => matches(f, method, url.pathname));
      if (fault) fault.left--;
      if (fault && !fault.fault.applyThenFail) return faultReply(fault.fault);
      reply = run(op, pathValues, rec.query, body, url.pathname);
      const corruption = corruptions.find((c) => matches(c, method, url.pathname));
      if (corruption) {
        corruption.left--;
        reply.body = corruption.mutate(structuredClone(reply.body));
      }
      const v = checkResponse(op, reply);
      if (v) violations.push(v);
      if (fault) return faultReply(fault.fault);
      return reply;
    }
    const v = checkResponse(op, reply);
    if (v) violations.push(v);
    return reply;
  }
  function run(op: Operation, p: Record<string, string>, q: Record<string, string>, b: Json, path: string): Reply {
    if (!op.paramNames.includes('owner')) {
      const handler = accountHandlers[op.id];
      if (!handler) return notImplemented(op);
      return handler(q, b ?? {});
    }
    const r = repoFor(`${p.owner}/${p.repo}`, options.autoCreateRepos ?? true);
    if (!r || r.missing) return error(404, 'Not Found');
    if (r.forbidden) return error(403, 'Resource not accessible by integration');
    if ((options.readOnly || r.readOnly) && op.method !== 'GET')
      return error(403, 'Resource not accessible by integration');
    const handler = handlers[op.id];
    if (!handler) return notImplemented(op);
    return handler(r, p, q, b ?? {}, path);
  }
  function notImplemented(op: Operation): Reply {
    const v = `${op.method} ${op.template} (${op.id}): in the description subset but the fake does not implement it`;
    violations.push(v);
    return { status: 501, body: { message: `github-fake: ${v}` } };
  }
  const faultReply = (f: Fault): Reply => {
    const base = error(f.status, f.status >= 500 ? 'Server Error' : 'Error');
    return { status: f.status, body: f.body === undefined ? base.body : f.body, headers: f.headers };
  };

  let remaining = 5000;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', api);
      const method = (req.method ?? 'GET').toUpperCase();
      const rec: RecordedRequest = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: undefined,
        headers: req.headers,
        status: 0,
      };
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw.length) rec.body = raw;
      requests.push(rec);
      let reply: Reply;
      try {
        reply = answer(method, url, req.headers, raw, rec);
      } catch (e) {
        violations.push(`${method} ${url.pathname}: fake crashed: ${(e as Error).stack}`);
        reply = { status: 500, body: { message: `github-fake crashed: ${(e as Error).message}` } };
      }
      rec.status = reply.status;
      remaining = Math.max(0, remaining - 1);
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': `FAKE:${requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-used': String(5000 - remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...reply.headers,
      });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const repoOrThrow = (fullName: string) => repoFor(fullName)!;
  return {
    url: api,
    token,
    requests,
    violations,
    takeViolations: () => violations.splice(0),
    reset: () => {
      repos.clear();
      requests.length = 0;
      violations.length = 0;
      pendingFaults.length = 0;
      corruptions.length = 0;
      nextId = 1000;
      remaining = 5000;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
    setRepo: (fullName, { labels, ...o } = {}) => {
      const r = Object.assign(repoOrThrow(fullName), o);
      for (const name of labels ?? []) defineLabel(r, name);
    },
    seedIssue: (fullName, seed = {}) =>
      renderIssue(repoOrThrow(fullName), addIssue(repoOrThrow(fullName), seed, false)),
    seedPullRequest: (fullName, seed = {}) =>
      renderIssue(repoOrThrow(fullName), addIssue(repoOrThrow(fullName), seed, true)),
    seedComment: (fullName, n, body, login = me) => {
      const r = repoOrThrow(fullName);
      const issue = findIssue(r, n);
      if (!issue) throw new Error(`${fullName}#${n} does not exist`);
      return renderComment(r, addComment(r, issue, body, login));
    },
    issues: (fullName) => {
      const r = repoOrThrow(fullName);
      return [...r.issues].sort((a, b) => a.number - b.number).map((i) => renderIssue(r, i));
    },
    comments: (fullName, n) => {
      const r = repoOrThrow(fullName);
      return r.comments.filter((c) => n === undefined || c.issue === n).map((c) => renderComment(r, c));
    },
    seedFile: (fullName, path, content, branch = DEFAULT_BRANCH) => {
      const r = repoOrThrow(fullName);
      const head = r.refs.get(`refs/heads/${branch}`);
      const blob = putObject(r, { type: 'blob', data: Buffer.from(content) });
      const tree = withPath(r, head ? objectOf(r, head, 'commit')!.tree : null, splitPath(path), {
        mode: '100644',
        type: 'blob',
        sha: blob,
      });
      const who = tokenSignature();
      r.refs.set(
        `refs/heads/${branch}`,
        putObject(r, {
          type: 'commit',
          tree,
          parents: head ? [head] : [],
          message: `Add ${path}`,
          author: who,
          committer: who,
        }),
      );
      return blob;
    },
    branch: (fullName, name = DEFAULT_BRANCH) => {
      const r = repoOrThrow(fullName);
      const head = r.refs.get(`refs/heads/${name}`);
      if (!head) return undefined;
      const log: BranchView['log'] = [];
      for (let sha: string | undefined = head; sha; ) {
        const c: Extract<GitObject, { type: 'commit' }> = objectOf(r, sha, 'commit')!;
        log.push({ sha, message: c.message, parents: c.parents, author: c.author });
        sha = c.parents[0];
      }
      return { sha: head, files: filesOf(r, objectOf(r, head, 'commit')!.tree), log };
    },
    failNext: (method, path, fault) => void pendingFaults.push({ method, path, left: fault.times ?? 1, fault }),
    corruptNextResponse: (method, path, mutate) => void corruptions.push({ method, path, left: 1, mutate }),
  };
}
