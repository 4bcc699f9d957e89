// The issue step: find out who the token is, read what exists (one listing per
// repository), plan, then carry the plan out one write at a time under a cap.
// Every decision is the plan's (plan.ts); this file only reads GitHub and
// writes to it. Nothing here fails the job: GitHub's refusals and failures
// are reported as problems, and the CORS gate alone decides the step.
import {
  AccessError,
  describeFailure,
  filterFor,
  type IssueClient,
  type IssueFilter,
  type Log,
  statusOf,
} from '../github/client.js';
import type { History } from '../history/history.js';
import type { ResultRecord } from '../report/record.js';
import { logSafe, oneLine } from '../text.js';
import type { IssueTrigger } from '../types.js';
import {
  type Identity,
  type IssueAction,
  issuesOf,
  type Planned,
  type PlanOptions,
  planIssues,
  reposNeedingHistory,
  trackedKey,
  type World,
  type Write,
} from './plan.js';

export interface IssueOptions {
  /** Default repository (issue-repo, else GITHUB_REPOSITORY). */
  repo: string;
  labels: string[];
  issueOn: IssueTrigger[];
  dryRun: boolean;
  maxWrites: number;
  token: string;
  apiUrl?: string;
  runUrl?: string;
  now?: Date;
  /** What earlier runs saw, this one included; without it each run stands alone. */
  runs?: History;
  issueAfter?: number;
  closeAfter?: number;
  /** Throttling plugin overrides (tests shorten its spacing). */
  throttle?: Record<string, unknown>;
}

export interface IssueRow {
  endpoint: string;
  action: IssueAction;
  number: number | null;
  url: string | null;
  repo: string;
  reason?: string;
  /** In a dry run, or when skipped: what would have been done. */
  planned?: IssueAction;
}

export interface SyncResult {
  rows: IssueRow[];
  /** What GitHub refused or failed, one line each, to show as warnings. */
  problems: string[];
  writes: number;
  plan: Planned[];
}

function describeWrite(w: Write): string {
  if (w.op === 'create') return `create an issue in ${w.repo}: ${oneLine(w.title, 160)}`;
  if (w.op === 'comment') return `comment on ${w.repo}#${w.number}`;
  if (w.state === 'closed')
    return `close ${w.repo}#${w.number} as ${w.stateReason === 'duplicate' ? 'a duplicate' : 'completed'}`;
  return `update the title and body of ${w.repo}#${w.number}`;
}

/** What a run has read of GitHub, and what it could not read (by repo, or by followed issue). */
interface Reading {
  world: World;
  filter: IssueFilter;
  unreadable: Map<string, string>;
  problems: string[];
}

/** The repositories issues go to, and the issues someone else opened that endpoints follow. */
function targetsOf(records: readonly ResultRecord[], defaultRepo: string) {
  const repos = new Map<string, string>();
  const followed = new Map<string, { repo: string; number: number }>();
  for (const r of records) {
    const repo = r.issue?.repo ?? defaultRepo;
    if (!repo) continue;
    if (r.issue?.number) followed.set(trackedKey(repo, r.issue.number), { repo, number: r.issue.number });
    else repos.set(repo.toLowerCase(), repo);
  }
  return { repos, followed };
}

async function readWorld(gh: IssueClient, records: readonly ResultRecord[], o: IssueOptions): Promise<Reading> {
  const { repos, followed } = targetsOf(records, o.repo);
  const reading: Reading = {
    world: { issues: [], comments: {}, history: [] },
    filter: { labels: o.labels },
    unreadable: new Map(),
    problems: [],
  };
  const failed = (key: string, err: unknown, repo: string, doing: string) => {
    const e = describeFailure(err, repo, doing);
    reading.unreadable.set(key, e.message);
    reading.problems.push(e.message);
  };
  if (repos.size) {
    try {
      const identity: Identity = await gh.identity();
      reading.world.identity = identity;
      reading.filter = filterFor(identity, o.labels);
    } catch (err) {
      // Without knowing whose issues are ours, no repository is read or written.
      const e = describeFailure(err, 'GitHub', 'finding out who the token is');
      reading.problems.push(e.message);
      for (const key of repos.keys()) reading.unreadable.set(key, e.message);
      repos.clear();
    }
  }
  for (const [key, repo] of repos) {
    try {
      reading.world.issues.push(...(await gh.listOpen(repo, reading.filter)));
    } catch (err) {
      failed(key, err, repo, 'listing issues');
    }
  }
  for (const [key, t] of followed) {
    try {
      reading.world.comments[key] = await gh.listComments(t.repo, t.number);
    } catch (err) {
      failed(key, err, t.repo, `reading the comments of #${t.number}`);
    }
  }
  return reading;
}

/** The plan; closed issues are read only when an issue is about to be opened, to link the one it follows. */
async function planWithHistory(
  gh: IssueClient,
  records: readonly ResultRecord[],
  reading: Reading,
  options: PlanOptions,
  log: Log,
): Promise<Planned[]> {
  const plan = planIssues(records, reading.world, options);
  const repos = reposNeedingHistory(plan).filter((repo) => !reading.unreadable.has(repo.toLowerCase()));
  if (repos.length === 0) return plan;
  for (const repo of repos) {
    try {
      reading.world.issues.push(...(await gh.listRecentlyClosed(repo, reading.filter)));
    } catch (err) {
      log.warning(
        `Could not read the closed issues of ${repo} to link a previous one: ${describeFailure(err, repo, 'listing closed issues').message}`,
      );
    }
    reading.world.history.push(repo.toLowerCase());
  }
  return planIssues(records, reading.world, options);
}

/**
 * What GitHub refused in this run, so nothing more is sent where it would be
 * refused again: a 401 stops every write, a 403 or 404 that repository's.
 */
class Refusals {
  private token: string | null = null;
  private readonly repos = new Map<string, string>();

  /** Why writes to this repo are skipped, if they are. */
  of(repo: string): string | undefined {
    return this.token ?? this.repos.get(repo.toLowerCase());
  }

  add(err: AccessError, repo: string): void {
    const reason = `GitHub refused an earlier write (${err.status}): nothing written`;
    if (err.status === 401) this.token = reason;
    else this.repos.set(repo.toLowerCase(), reason);
  }
}

interface Writing {
  gh: IssueClient;
  identity: Identity | undefined;
  refusals: Refusals;
  filter: IssueFilter;
  log: Log;
  problems: string[];
}

/** Carries out one planned endpoint's writes, in order; stops at the first that fails. Returns how many were sent. */
async function write(p: Planned, row: IssueRow, w: Writing, skip: (reason: string) => void): Promise<number> {
  let sent = 0;
  for (const op of p.writes) {
    sent++;
    try {
      if (op.op === 'create') {
        const made = await w.gh.create(op.repo, op.title, op.body, op.labels);
        Object.assign(row, { number: made.number, url: made.url });
        const dropped = op.labels.filter((l) => !made.labels.some((x) => x.toLowerCase() === l.toLowerCase()));
        if (dropped.length) {
          // Where the token may not label (a repository it does not collaborate on), the
          // issue is found again by its author and marker, so this is news, not a problem.
          w.log.info(
            `GitHub did not apply the labels ${dropped.join(', ')} to ${op.repo}#${made.number} (the token may not label there); cors-gate finds it again by its author, ${made.author || 'the token'}, and its marker.`,
          );
        }
      } else if (op.op === 'update') {
        await w.gh.update(op.repo, op.number, op);
      } else {
        const url = await w.gh.comment(op.repo, op.number, op.body);
        if (p.action === 'commented') row.url = url;
      }
    } catch (err) {
      const status = statusOf(err);
      const e = describeFailure(err, op.repo, describeWrite(op));
      if (e instanceof AccessError) {
        w.problems.push(e.message);
        skip(e.message);
        w.refusals.add(e, op.repo);
        break;
      }
      if (op.op === 'create') {
        // GitHub may have created the issue before failing: look before anyone tries again.
        const found = await w.gh.listOpen(op.repo, w.filter).then(
          (list) =>
            issuesOf(
              { issues: list, comments: {}, history: [], ...(w.identity ? { identity: w.identity } : {}) },
              op.repo,
              p.id,
            ),
          () => [],
        );
        const adopted = found.find((i) => i.state === 'open');
        if (adopted) {
          w.log.warning(
            `GitHub answered ${status ?? 'an error'} to creating the issue for ${oneLine(p.endpoint, 80)}, but had created it: ${op.repo}#${adopted.number}.`,
          );
          Object.assign(row, { number: adopted.number, url: adopted.url });
          continue;
        }
        w.problems.push(
          `${e.message}. Not retried, so that a create GitHub applied late cannot leave a duplicate; the next run opens the issue if it is still missing.`,
        );
        skip(e.message);
        break;
      }
      if (op.op === 'comment' && p.action === 'closed') {
        // The issue is closed already, so it is not listed again and the comment is not repeated.
        w.log.warning(`${e.message}; the issue was closed without it.`);
        continue;
      }
      w.problems.push(e.message);
      skip(e.message);
      break;
    }
  }
  return sent;
}

export async function syncIssues(
  records: readonly ResultRecord[],
  o: IssueOptions,
  log: Log,
  client?: IssueClient,
): Promise<SyncResult> {
  // Octokit is loaded only here, so runs without issues never pay for it.
  const gh =
    client ??
    (await import('../github/octokit.js')).createClient({
      token: o.token,
      ...(o.apiUrl ? { baseUrl: o.apiUrl } : {}),
      log,
      ...(o.throttle ? { throttle: o.throttle } : {}),
    });
  const reading = await readWorld(gh, records, o);
  const options: PlanOptions = {
    repo: o.repo,
    labels: o.labels,
    issueOn: o.issueOn,
    now: o.now ?? new Date(),
    ...(o.runUrl ? { runUrl: o.runUrl } : {}),
    ...(o.runs ? { runs: o.runs } : {}),
    ...(o.issueAfter ? { issueAfter: o.issueAfter } : {}),
    ...(o.closeAfter ? { closeAfter: o.closeAfter } : {}),
  };
  const plan = await planWithHistory(gh, records, reading, options, log);

  const w: Writing = {
    gh,
    identity: reading.world.identity,
    refusals: new Refusals(),
    filter: reading.filter,
    log,
    problems: reading.problems,
  };
  const rows: IssueRow[] = [];
  let writes = 0;
  const skippedForCap: string[] = [];
  for (const p of plan) {
    const key = p.followed && p.number ? trackedKey(p.repo, p.number) : p.repo.toLowerCase();
    const row: IssueRow = {
      endpoint: p.endpoint,
      action: p.action,
      number: p.number ?? null,
      url: p.url ?? null,
      repo: p.repo,
      reason: p.reason,
    };
    rows.push(row);
    const skip = (reason: string) => {
      if (p.action !== 'skipped' && p.writes.length) row.planned = p.action;
      row.action = 'skipped';
      row.reason = reason;
    };
    if (reading.unreadable.has(key)) {
      skip('GitHub could not be read: nothing written');
      continue;
    }
    if (p.writes.length === 0) continue;
    const refusal = w.refusals.of(p.repo);
    if (refusal) {
      skip(refusal);
      continue;
    }
    if (o.dryRun) {
      log.info(
        logSafe(
          `dry-run: ${oneLine(p.endpoint, 80)}: would ${p.writes.map(describeWrite).join(', then ')} (${p.reason})`,
        ),
      );
      skip(`dry-run: ${p.reason}`);
      continue;
    }
    if (writes + p.writes.length > o.maxWrites) {
      skippedForCap.push(p.endpoint);
      skip(`max-issue-writes (${o.maxWrites}) reached`);
      continue;
    }
    writes += await write(p, row, w, skip);
  }
  if (skippedForCap.length) {
    log.warning(
      `max-issue-writes (${o.maxWrites}) reached: skipped ${skippedForCap.length} endpoint${skippedForCap.length === 1 ? '' : 's'} (${skippedForCap
        .slice(0, 10)
        .map((n) => oneLine(n, 60))
        .join(', ')}${skippedForCap.length > 10 ? ', …' : ''}); the next run picks them up.`,
    );
  }
  return { rows, problems: [...new Set(w.problems)], writes, plan };
}
