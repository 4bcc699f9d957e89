// The action's issue step: inputs, output and summary section. It runs after the
// results, report and summary are written, so a GitHub failure loses none of them.
// Octokit is loaded only here, and only when issues are on.
import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import { parseIssueOn, parseRepo, parseWriteCap } from '../inputs.js';
import type { ResultRecord } from '../report/record.js';
import { logSafe, noLegacyCommands } from '../text.js';
import type { Verdict } from '../types.js';

export interface IssueInputs {
  enabled: boolean;
  /** owner/repo; default the workflow's repository. */
  repo: string;
  labels: string[];
  dryRun: boolean;
  issueOn: Verdict[];
  maxWrites: number;
  apiUrl?: string;
  runUrl?: string;
}

/** Reads the issue inputs; only called by the action entry, once. */
export function readIssueInputs(getInput: (name: string) => string, parseBool: (text: string, name: string) => boolean, env = process.env): IssueInputs {
  const enabled = parseBool(getInput('issues') || 'false', 'issues');
  const repoText = getInput('issue-repo') || env.GITHUB_REPOSITORY || '';
  const labels = (getInput('issue-labels') || 'cors-gate').split(',').map((s) => s.trim()).filter(Boolean);
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    enabled,
    repo: repoText ? parseRepo(repoText, 'issue-repo') : '',
    labels,
    dryRun: parseBool(getInput('dry-run') || 'false', 'dry-run'),
    issueOn: parseIssueOn(getInput('issue-on') || 'fail'),
    maxWrites: parseWriteCap(getInput('max-issue-writes') || '20'),
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

export async function runIssueStep(records: readonly ResultRecord[], inputs: IssueInputs, token: string): Promise<void> {
  if (!inputs.enabled) {
    core.setOutput('issues', '[]');
    return;
  }
  try {
    if (!token) throw new UsageError('issues: true needs a github-token (the default is the workflow token)');
    const [{ syncIssues }, { renderIssueSection }] = await Promise.all([import('../issues/sync.js'), import('../issues/section.js')]);
    core.info('');
    core.info(`Issues${inputs.dryRun ? ' (dry run)' : ''}: ${inputs.repo || 'no default repository'}, labels ${inputs.labels.join(', ') || '(none)'}`);
    const log = { info: (l: string) => core.info(logSafe(l)), warning: (l: string) => core.warning(noLegacyCommands(l), { title: 'cors-gate issues' }) };
    const result = await syncIssues(records, { ...inputs, token }, log);
    for (const r of result.rows) core.info(logSafe(`  ${r.action.padEnd(9)} ${r.endpoint}${r.number ? ` → ${r.repo}#${r.number}` : ''}${r.reason ? ` (${r.reason})` : ''}`));
    core.info(`${result.writes} write${result.writes === 1 ? '' : 's'} to GitHub.`);
    core.setOutput('issues', JSON.stringify(result.rows.map(({ endpoint, action, number, url, repo, reason, planned }) => ({ endpoint, action, number, url, repo, ...(reason ? { reason } : {}), ...(planned ? { planned } : {}) }))));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderIssueSection(result, inputs.dryRun)).write();
    for (const e of result.errors) core.error(noLegacyCommands(e), { title: 'cors-gate issues' });
    if (result.errors.length) core.setFailed(noLegacyCommands(`Issues: ${result.errors[0]}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ''}`));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    core.setOutput('issues', '[]');
    core.error(noLegacyCommands(message), { title: 'cors-gate issues' });
    core.setFailed(noLegacyCommands(`Issues: ${message}`));
  }
}
