// The issue step: read what exists (one listing per repository), plan, then
// carry the plan out one write at a time under a cap. Every decision is the
// plan's (plan.ts); this file only reads GitHub and writes to it.

import { AccessError, canLabel, describeFailure, type IssueClient, type Log, statusOf } from '../github/client.js';
import type { ResultRecord } from '../report/record.js';
import { logSafe, oneLine } from '../text.js';
import type { IssueTrigger } from '../types.js';
import {
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
  /** Problems to show as errors (the step fails on them). */
  errors: string[];
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
  unreadable: Map<string, string>;
  errors: string[];
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
  const reading: Reading = { world: { issues: [], comments: {}, history: [] }, unreadable: new Map(), errors: [] };
  const failed = (key: string, err: unknown, repo: string, doing: string) => {
    const e = describeFailure(err, repo, doing);
    reading.unreadable.set(key, e.message);
    reading.errors.push(e.message);
  };
  const { repos, followed } = targetsOf(records, o.repo);
  for (const [key, repo] of repos) {
    try {
      reading.world.issues.push(...(await gh.listOpen(repo, o.labels)));
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
  o: IssueOptions,
  log: Log,
): Promise<Planned[]> {
  const plan = planIssues(records, reading.world, options);
  const repos = reposNeedingHistory(plan).filter((repo) => !reading.unreadable.has(repo.toLowerCase()));
  if (repos.length === 0) return plan;
  for (const repo of repos) {
    try {
      reading.world.issues.push(...(await gh.listRecentlyClosed(repo, o.labels)));
    } catch (err) {
      log.warning(
        `Could not read the closed issues of ${repo} to link a previous one: ${describeFailure(err, repo, 'listing closed issues').message}`,
      );
    }
    reading.world.history.push(repo.toLowerCase());
  }
  return planIssues(records, reading.world, options);
}

/** What GitHub refused in this run, so nothing more is sent where it would be refused again. */
class Refusals {
  private token: string | null = null;
  private readonly repos = new Map<string, string>();
  /** Per repo: why a new issue may not be opened there (null: it may). */
  private readonly creates = new Map<string, string | null>();

  constructor(
    private readonly gh: IssueClient,
    private readonly labels: string[],
  ) {}

  /** Why writes to this repo are skipped, if they are. */
  of(repo: string): string | undefined {
    return this.token ?? this.repos.get(repo.toLowerCase());
  }

  /** A 401 stops every write of the run; a 403/404 stops that repository's. */
  add(err: AccessError, repo: string): void {
    const reason = `GitHub refused an earlier write (${err.status}): nothing written`;
    if (err.status === 401) this.token = reason;
    else this.repos.set(repo.toLowerCase(), reason);
  }

  /**
   * Whether an issue opened in a repo could be found again. GitHub drops the labels of a
   * new issue when the token has no triage access, and the next run, listing by label,
   * would open another. Read once per repo, and only before a create.
   */
  async createProblem(repo: string): Promise<string | null> {
    const k = repo.toLowerCase();
    if (this.labels.length === 0) return null;
    if (this.creates.has(k)) return this.creates.get(k)!;
    let problem: string | null = null;
    try {
      // Installation tokens (GITHUB_TOKEN, GitHub App tokens) get no permissions object: then
      // it cannot be told before, and the warning after the create says so if labels were dropped.
      const perms = await this.gh.permissions(repo);
      if (perms && !canLabel(perms)) {
        problem =
          `Not opening an issue in ${repo}: the token has no triage or push access there, so GitHub would drop the labels ` +
          `(${this.labels.join(', ')}) and cors-gate could not find its issue again; every run would open another. ` +
          `Set issue: {repo: ${repo}, number: N} on the endpoint to follow an existing issue, or use a token with triage access to ${repo}.`;
      }
    } catch (err) {
      const e = describeFailure(err, repo, 'reading the repository before opening an issue');
      if (e instanceof AccessError) this.add(e, repo);
      problem = `${e.message}. No issue opened there in this run.`;
    }
    this.creates.set(k, problem);
    return problem;
  }
}

/** Carries out one planned endpoint's writes, in order; stops at the first that fails. */
async function write(
  p: Planned,
  row: IssueRow,
  gh: IssueClient,
  refusals: Refusals,
  o: IssueOptions,
  log: Log,
  errors: string[],
  skip: (reason: string) => void,
): Promise<number> {
  let writes = 0;
  for (const w of p.writes) {
    writes++;
    try {
      if (w.op === 'create') {
        const made = await gh.create(w.repo, w.title, w.body, w.labels);
        Object.assign(row, { number: made.number, url: made.url });
        const dropped = w.labels.filter((l) => !made.labels.some((x) => x.toLowerCase() === l.toLowerCase()));
        if (dropped.length) {
          log.warning(
            `GitHub dropped the labels ${dropped.join(', ')} on ${w.repo}#${made.number} (the token has no triage or push access there). ` +
              `cors-gate finds its issues by label, so it will not see this one next run: set issue: {repo: ${w.repo}, number: ${made.number}} on the endpoint to follow it.`,
          );
        }
      } else if (w.op === 'update') {
        await gh.update(w.repo, w.number, w);
      } else {
        const url = await gh.comment(w.repo, w.number, w.body);
        if (p.action === 'commented') row.url = url;
      }
    } catch (err) {
      const status = statusOf(err);
      const e = describeFailure(err, w.repo, describeWrite(w));
      if (e instanceof AccessError) {
        errors.push(e.message);
        skip(e.message);
        refusals.add(e, w.repo);
        break;
      }
      if (w.op === 'create') {
        // GitHub may have created the issue before failing: look before anyone tries again.
        const found = await gh.listOpen(w.repo, o.labels).then(
          (list) => issuesOf({ issues: list, comments: {}, history: [] }, w.repo, p.id),
          () => [],
        );
        const adopted = found.find((i) => i.state === 'open');
        if (adopted) {
          log.warning(
            `GitHub answered ${status ?? 'an error'} to creating the issue for ${oneLine(p.endpoint, 80)}, but had created it: ${w.repo}#${adopted.number}.`,
          );
          Object.assign(row, { number: adopted.number, url: adopted.url });
          continue;
        }
        errors.push(
          `${e.message}. Not retried, so that a create GitHub applied late cannot leave a duplicate; the next run opens the issue if it is still missing.`,
        );
        skip(e.message);
        break;
      }
      if (w.op === 'comment' && p.action === 'closed') {
        // The issue is closed already, so it is not listed again and the comment is not repeated.
        log.warning(`${e.message}; the issue was closed without it.`);
        continue;
      }
      errors.push(e.message);
      skip(e.message);
      break;
    }
  }
  return writes;
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
  };
  const plan = await planWithHistory(gh, records, reading, options, o, log);

  const errors = reading.errors;
  const refusals = new Refusals(gh, o.labels);
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
    const refusal = refusals.of(p.repo);
    if (refusal) {
      skip(refusal);
      continue;
    }
    const creates = p.writes.some((w) => w.op === 'create');
    if (o.dryRun) {
      // The permission read is a read: a dry run does it too, to show a refusal a real run would meet.
      const problem = creates ? await refusals.createProblem(p.repo) : null;
      if (problem) {
        log.warning(`dry-run: ${problem}`);
        skip(`dry-run: a real run would not open it: ${problem}`);
        continue;
      }
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
    if (creates) {
      const problem = await refusals.createProblem(p.repo);
      if (problem) {
        errors.push(problem);
        skip(refusals.of(p.repo) ?? problem);
        continue;
      }
    }
    writes += await write(p, row, gh, refusals, o, log, errors, skip);
  }
  if (skippedForCap.length) {
    log.warning(
      `max-issue-writes (${o.maxWrites}) reached: skipped ${skippedForCap.length} endpoint${skippedForCap.length === 1 ? '' : 's'} (${skippedForCap
        .slice(0, 10)
        .map((n) => oneLine(n, 60))
        .join(', ')}${skippedForCap.length > 10 ? ', …' : ''}); the next run picks them up.`,
    );
  }
  return { rows, errors: [...new Set(errors)], writes, plan };
}
