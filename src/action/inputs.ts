// Every input of the action and every variable of the runner it uses, read and
// typed once. Pure: the action passes @actions/core's getInput and process.env.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Shard } from '../config/shard.js';
import { UsageError } from '../errors.js';
import { historyKey } from '../history/store.js';
import {
  DEFAULTS,
  MAX_CONCURRENCY,
  MAX_CONFIRM,
  MAX_ISSUE_WRITES,
  MAX_RETRIES,
  MAX_RUNS_IN_A_ROW,
  parseBool,
  parseCount,
  parseFailOn,
  parseHostPermissions,
  parseIssueOn,
  parseLabels,
  parseOrigin,
  parseRepo,
  parseSeconds,
  parseShard,
} from '../inputs.js';
import type { IssueTrigger, Verdict } from '../types.js';

export interface IssueInputs {
  enabled: boolean;
  /** owner/repo; default the workflow's repository. */
  repo: string;
  labels: string[];
  dryRun: boolean;
  issueOn: IssueTrigger[];
  maxWrites: number;
  /** Open an issue only after this many failing runs in a row (needs the run history). */
  issueAfter: number;
  /** Close one only after this many passing runs in a row. */
  closeAfter: number;
  apiUrl?: string;
  runUrl?: string;
}

/** Where the run history is kept: a file on a branch of the workflow's repository. */
export interface HistoryInputs {
  repo: string;
  branch: string;
  /** The file's name: one per config (and shard) a repository checks. */
  key: string;
}

export interface ActionInputs {
  config: string;
  /** True when the user named the config file (then a missing file is an error). */
  configGiven: boolean;
  endpoints: string;
  origin?: string;
  /** With `origin`: that extension has host permissions for the endpoints. */
  hostPermissions: boolean;
  failOn: Verdict[];
  timeoutMs: number;
  concurrency: number;
  retries: number;
  confirm: number;
  reportFile: string;
  /** Where to write the HTML report; absent for none. */
  htmlFile?: string;
  /** Where the JUnit XML report goes; none when empty. */
  junitFile: string;
  githubToken: string;
  issues: IssueInputs;
  /** The run history; absent when off. */
  history?: HistoryInputs;
  /** Check only this shard of the endpoints. */
  shard?: Shard;
  /** Globs of shards' reports: merge them instead of checking anything. */
  mergeReports?: string;
  /** Whether the runner gives a job summary file. */
  summary: boolean;
  /** What `env:` in the config reads keys from. */
  env: Readonly<Record<string, string | undefined>>;
}

type Env = Readonly<Record<string, string | undefined>>;

function readIssueInputs(input: (name: keyof typeof DEFAULTS | string) => string, env: Env): IssueInputs {
  const repoText = input('issue-repo') || env.GITHUB_REPOSITORY || '';
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    enabled: parseBool(input('issues'), 'issues'),
    repo: repoText ? parseRepo(repoText, 'issue-repo') : '',
    labels: parseLabels(input('issue-labels')),
    dryRun: parseBool(input('dry-run'), 'dry-run'),
    issueOn: parseIssueOn(input('issue-on')),
    maxWrites: parseCount(input('max-issue-writes'), 'max-issue-writes', MAX_ISSUE_WRITES, 0),
    issueAfter: parseCount(input('issue-after'), 'issue-after', MAX_RUNS_IN_A_ROW),
    closeAfter: parseCount(input('close-after'), 'close-after', MAX_RUNS_IN_A_ROW),
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

/** Reads the inputs (as `core.getInput` gives them: '' when unset) and the runner's variables. */
export function readActionInputs(getInput: (name: string) => string, env: Env): ActionInputs {
  // An input left empty takes its default, as action.yml's own default would give it.
  const input = (name: string) => getInput(name) || (DEFAULTS as Record<string, string>)[name] || '';
  const config = getInput('config');
  const origin = input('origin');
  const parsedOrigin = origin ? parseOrigin(origin, 'origin') : undefined;
  const shard = parseShard(input('shard'), 'shard');
  const merge = input('merge-reports');
  const htmlFile = input('html-file');
  const issues = readIssueInputs(input, env);
  let history: HistoryInputs | undefined;
  const branch = input('history-branch');
  const key = input('history-key');
  if (parseBool(input('history'), 'history')) {
    if (!env.GITHUB_REPOSITORY)
      throw new UsageError(
        'history: true keeps the history in the workflow’s repository, and GITHUB_REPOSITORY is not set',
      );
    const config = getInput('config') || DEFAULTS.config;
    history = {
      repo: env.GITHUB_REPOSITORY,
      branch,
      key: key || historyKey(merge ? null : config, shard),
    };
    if (!/^[A-Za-z0-9._/-]+$/.test(history.branch) || history.branch.includes('..'))
      throw new UsageError(`history-branch must be a branch name, got ${JSON.stringify(history.branch)}`);
    if (!/^[A-Za-z0-9._-]+$/.test(history.key))
      throw new UsageError(
        `history-key may hold letters, digits, dots, dashes and underscores only, got ${JSON.stringify(history.key)}`,
      );
  } else if (issues.issueAfter > 1 || issues.closeAfter > 1) {
    throw new UsageError(
      `issue-after: ${issues.issueAfter} and close-after: ${issues.closeAfter} count runs in a row, which needs history: true`,
    );
  }
  return {
    config: config || DEFAULTS.config,
    configGiven: config !== '' && config !== DEFAULTS.config,
    endpoints: input('endpoints'),
    ...(parsedOrigin ? { origin: parsedOrigin } : {}),
    hostPermissions: parseHostPermissions(input('host-permissions'), 'host-permissions', parsedOrigin),
    failOn: parseFailOn(input('fail-on')),
    timeoutMs: parseSeconds(input('timeout'), 'timeout'),
    concurrency: parseCount(input('concurrency'), 'concurrency', MAX_CONCURRENCY),
    retries: parseCount(input('retries'), 'retries', MAX_RETRIES, 0),
    confirm: parseCount(input('confirm'), 'confirm', MAX_CONFIRM, 0),
    reportFile: input('report-file') || join(env.RUNNER_TEMP || tmpdir(), 'cors-gate-report.json'),
    ...(htmlFile ? { htmlFile } : {}),
    junitFile: input('junit-file'),
    githubToken: input('github-token'),
    issues,
    ...(history ? { history } : {}),
    ...(shard ? { shard } : {}),
    ...(merge ? { mergeReports: merge } : {}),
    summary: Boolean(env.GITHUB_STEP_SUMMARY),
    env,
  };
}
