// The decision, free of any network: (results, the issues that exist, options)
// → what to write. Issues are followed by transition, not by run: an unchanged
// failure writes nothing, and the previous state is read back from the hidden
// marker on the issue (or on our last comment), so no state file is needed.

import { type History, recordOf, type Streak, streakOf } from '../history/history.js';
import type { ResultRecord } from '../report/record.js';
import type { IssueTrigger } from '../types.js';
import {
  changeComment,
  day,
  duplicateComment,
  issueBody,
  issueTitle,
  resolvedComment,
  trackingComment,
} from './body.js';
import { fingerprint, type Marker, parseMarker, sameFindings } from './marker.js';

/**
 * Who the token acts as. A user's token knows its login (GET /user); an
 * installation token (GITHUB_TOKEN, a GitHub App's) does not, and what it
 * creates is authored by the app's bot (github-actions[bot] for GITHUB_TOKEN).
 */
export interface Identity {
  login: string | null;
}

/** Whether an issue was opened by the token's identity: its own login, or for an installation token a bot. */
export function isOwnIssue(author: string, identity: Identity): boolean {
  return identity.login ? author.toLowerCase() === identity.login.toLowerCase() : author.endsWith('[bot]');
}

export interface KnownIssue {
  repo: string;
  number: number;
  url: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  closedAt: string | null;
  /** The login that opened it. */
  author: string;
}

export interface KnownComment {
  id: number;
  body: string | null;
  url: string;
}

export interface World {
  /** Open labelled issues of every repo cors-gate files in, and closed ones of `history` repos. */
  issues: KnownIssue[];
  /** Comments of followed issues, by `owner/repo#number` (lower-case repo). */
  comments: Record<string, KnownComment[]>;
  /** Repos whose recently closed issues are in `issues` too (lower-case). */
  history: string[];
  /** Who the token acts as; absent: an installation token, whose issues a bot authors. */
  identity?: Identity;
}

export interface PlanOptions {
  /** Where issues go unless an endpoint names another repo (the workflow's repository). */
  repo: string;
  labels: string[];
  /** Verdicts that open an issue; other non-passing verdicts are transient. */
  issueOn: IssueTrigger[];
  now: Date;
  runUrl?: string;
  /** What earlier runs saw, this one included. Without it each run stands alone. */
  runs?: History;
  /** Open an issue (or comment a regression) only after this many failing runs in a row; default 1. */
  issueAfter?: number;
  /** Close an issue (or comment a fix) only after this many passing runs in a row; default 1. */
  closeAfter?: number;
}

export type Write =
  | { op: 'create'; repo: string; title: string; body: string; labels: string[] }
  | {
      op: 'update';
      repo: string;
      number: number;
      title?: string;
      body?: string;
      state?: 'closed';
      stateReason?: 'completed' | 'duplicate';
    }
  | { op: 'comment'; repo: string; number: number; body: string };

/** `pending`: failing (or passing) in fewer runs in a row than issue-after (close-after) asks; nothing written yet. */
export type IssueAction = 'created' | 'updated' | 'commented' | 'closed' | 'unchanged' | 'skipped' | 'pending';

export interface Planned {
  endpoint: string;
  id: string;
  repo: string;
  action: IssueAction;
  number?: number;
  url?: string;
  /** Carried out in order; all or none count against the write cap. */
  writes: Write[];
  reason: string;
  /** An issue someone else opened, followed by comments only. */
  followed?: boolean;
  /** A create whose repo's closed issues were not read yet (to link the previous one). */
  needsHistory?: boolean;
}

export const trackedKey = (repo: string, number: number) => `${repo.toLowerCase()}#${number}`;

type State = 'failing' | 'passing' | 'transient';

export function stateOf(r: Pick<ResultRecord, 'verdict' | 'flaky'>, issueOn: readonly IssueTrigger[]): State {
  // A failure only some probes met is news only for those who asked for it.
  if (r.flaky && r.verdict === 'fail') return issueOn.includes('flaky') ? 'failing' : 'transient';
  if (r.verdict !== 'pass' && issueOn.includes(r.verdict)) return 'failing';
  if (r.verdict === 'error' || r.verdict === 'fail') return 'transient';
  return 'passing';
}

/**
 * Our issues for an endpoint: by marker, opened by the token's own identity.
 * Labels alone never make an issue ours, nor a marker someone copied into theirs.
 */
export function issuesOf(world: World, repo: string, id: string): KnownIssue[] {
  return ownIssues(world).get(issueKey(repo, id)) ?? [];
}

const issueKey = (repo: string, id: string) => `${repo.toLowerCase()}\n${id}`;

/**
 * Our issues by repository and endpoint id, each body's marker read once: a
 * plan asks this for every endpoint, and a fleet can have thousands of each.
 * Made for one plan: the world grows between plans (closed issues are read later).
 */
function ownIssues(world: World): Map<string, KnownIssue[]> {
  const identity = world.identity ?? { login: null };
  const index = new Map<string, KnownIssue[]>();
  for (const i of world.issues) {
    const id = parseMarker(i.body)?.id;
    if (id === undefined || !isOwnIssue(i.author, identity)) continue;
    const key = issueKey(i.repo, id);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }
  return index;
}

/**
 * How many runs in a row (this one included) the endpoint has been failing, or
 * passing, by issue-on; null without a run history.
 */
export function runsInARow(r: ResultRecord, o: PlanOptions): Streak | null {
  if (!o.runs) return null;
  return streakOf(o.runs, r.id, (letter) => stateOf(recordOf(letter) ?? { verdict: 'error' }, o.issueOn));
}

/** Null when enough runs in a row confirm the state, else why nothing is written yet. */
function notYet(streak: Streak | null, state: 'failing' | 'passing', o: PlanOptions): string | null {
  const needed = (state === 'failing' ? o.issueAfter : o.closeAfter) ?? 1;
  if (!streak || streak.state !== state || streak.runs >= needed) return null;
  const what =
    state === 'failing'
      ? `an issue opens after ${needed} (issue-after)`
      : `it counts as fixed after ${needed} (close-after)`;
  return `${state} in ${streak.runs} run${streak.runs === 1 ? '' : 's'} in a row; ${what}`;
}

/** The day a streak began, or today. */
const sinceDay = (streak: Streak | null, today: string) => (streak?.since ? streak.since.slice(0, 10) : today);

/** An issue left as it is, and why. */
function unchanged<B extends object>(base: B, issue: { number: number; url: string }, reason: string) {
  return { ...base, action: 'unchanged' as const, number: issue.number, url: issue.url, writes: [] as Write[], reason };
}

const transient = (r: ResultRecord) => `${r.verdict} is not in issue-on: treated as transient`;

export function planIssues(records: readonly ResultRecord[], world: World, o: PlanOptions): Planned[] {
  const out: Planned[] = [];
  const today = day(o.now);
  const ours = ownIssues(world);
  for (const r of records) {
    const repo = r.issue?.repo ?? o.repo;
    const base = { endpoint: r.name, id: r.id, repo };
    if (!repo) {
      out.push({ ...base, action: 'skipped', writes: [], reason: 'no repository to file in (set issue-repo)' });
      continue;
    }
    const state = stateOf(r, o.issueOn);
    const fp = fingerprint(r);

    if (r.issue?.number) {
      const number = r.issue.number;
      const url = `https://github.com/${repo}/issues/${number}`;
      const base = { endpoint: r.name, id: r.id, repo, followed: true };
      const comments = world.comments[trackedKey(repo, number)];
      if (!comments) {
        out.push({
          ...base,
          action: 'skipped',
          number,
          url,
          writes: [],
          reason: 'the followed issue could not be read',
        });
        continue;
      }
      const last =
        [...comments]
          .reverse()
          .map((c) => parseMarker(c.body))
          .find((m) => m?.id === r.id && m.state) ?? null;
      if (state === 'transient') {
        out.push(unchanged(base, { number, url }, transient(r)));
        continue;
      }
      const now = state === 'failing' ? 'fail' : 'pass';
      if (last?.state === now) {
        out.push(
          unchanged(base, { number, url }, `still ${now === 'fail' ? 'failing' : 'passing'} since ${last.first}`),
        );
        continue;
      }
      const streak = runsInARow(r, o);
      const wait = notYet(streak, state, o);
      if (wait) {
        out.push({ ...base, action: 'pending', number, url, writes: [], reason: wait });
        continue;
      }
      const since = sinceDay(streak, today);
      const marker: Marker = { id: r.id, fp, first: since, changed: since, state: now };
      out.push({
        ...base,
        action: 'commented',
        number,
        url,
        writes: [{ op: 'comment', repo, number, body: trackingComment(r, marker, last, o.now, o.runUrl) }],
        reason: !last
          ? `first check: ${now === 'fail' ? 'fails' : 'passes'}`
          : now === 'pass'
            ? 'verified fixed'
            : 'regression',
      });
      continue;
    }

    const mine = ours.get(issueKey(repo, r.id)) ?? [];
    const [open, ...duplicates] = mine.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
    const marker = open ? parseMarker(open.body)! : null;
    // Two open issues for one endpoint (two overlapping runs, say): the oldest is kept,
    // the others, ours by their marker, are closed as duplicates of it.
    for (const d of open ? duplicates : []) {
      out.push({
        ...base,
        action: 'closed',
        number: d.number,
        url: d.url,
        writes: [
          { op: 'update', repo, number: d.number, state: 'closed', stateReason: 'duplicate' },
          { op: 'comment', repo, number: d.number, body: duplicateComment(r, open!.number) },
        ],
        reason: `duplicate of #${open!.number}`,
      });
    }

    if (state === 'failing') {
      if (open && marker) {
        if (sameFindings(marker.fp, r)) {
          out.push(unchanged(base, open, `same findings since ${marker.changed}`));
          continue;
        }
        const next: Marker = {
          id: r.id,
          fp,
          first: marker.first,
          changed: today,
          ...(marker.prev ? { prev: marker.prev } : {}),
        };
        out.push({
          ...base,
          action: 'updated',
          number: open.number,
          url: open.url,
          writes: [
            {
              op: 'update',
              repo,
              number: open.number,
              title: issueTitle(r),
              body: issueBody(r, { marker: next, ...(o.runUrl ? { runUrl: o.runUrl } : {}) }),
            },
            { op: 'comment', repo, number: open.number, body: changeComment(r, { title: open.title }, o.runUrl) },
          ],
          reason: 'the findings changed',
        });
        continue;
      }
      const closed = mine
        // A duplicate cors-gate closed is neither a maintainer's "no" nor the issue to link.
        .filter((i) => i.state === 'closed' && i.stateReason !== 'duplicate')
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.number - a.number)[0];
      if (closed && closed.stateReason === 'not_planned' && sameFindings(parseMarker(closed.body)?.fp ?? '', r)) {
        out.push({
          ...base,
          action: 'skipped',
          number: closed.number,
          url: closed.url,
          writes: [],
          reason: 'closed as not planned by a maintainer; left closed until the findings change',
        });
        continue;
      }
      const streak = runsInARow(r, o);
      const wait = notYet(streak, 'failing', o);
      if (wait) {
        out.push({ ...base, action: 'pending', writes: [], reason: wait });
        continue;
      }
      const since = sinceDay(streak, today);
      const m: Marker = { id: r.id, fp, first: since, changed: today, ...(closed ? { prev: closed.number } : {}) };
      const labels = [...new Set([...o.labels, ...(r.issue?.labels ?? [])])];
      out.push({
        ...base,
        action: 'created',
        writes: [
          {
            op: 'create',
            repo,
            title: issueTitle(r),
            body: issueBody(r, {
              marker: m,
              ...(streak && streak.runs > 1 ? { runsInARow: streak.runs } : {}),
              ...(o.runUrl ? { runUrl: o.runUrl } : {}),
              ...(closed ? { previousClosedAt: closed.closedAt } : {}),
            }),
            labels,
          },
        ],
        reason: closed ? `fails again after #${closed.number} was closed` : 'fails',
        ...(world.history.includes(repo.toLowerCase()) ? {} : { needsHistory: true }),
      });
      continue;
    }

    if (!open || !marker) continue;
    if (state === 'transient') {
      out.push(unchanged(base, open, transient(r)));
      continue;
    }
    const wait = notYet(runsInARow(r, o), 'passing', o);
    if (wait) {
      out.push({ ...base, action: 'pending', number: open.number, url: open.url, writes: [], reason: wait });
      continue;
    }
    out.push({
      ...base,
      action: 'closed',
      number: open.number,
      url: open.url,
      // Closed first: a closed issue is not listed again, so a comment that then fails is never repeated.
      writes: [
        { op: 'update', repo, number: open.number, state: 'closed', stateReason: 'completed' },
        { op: 'comment', repo, number: open.number, body: resolvedComment(r, marker.first, o.now, o.runUrl) },
      ],
      reason: `passes (${r.verdict})`,
    });
  }
  return out;
}

/** Which repos hold a create that would like to link a previous issue. */
export function reposNeedingHistory(plan: readonly Planned[]): string[] {
  return [...new Set(plan.filter((p) => p.needsHistory).map((p) => p.repo))];
}
