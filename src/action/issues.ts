// The action's issue step: inputs, output and summary section. It runs after the
// results, report and summary are written, so a GitHub failure loses none of them.
// Octokit is loaded only here, and only when issues are on.
import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import type { IssueClient } from '../github/client.js';
import type { History } from '../history/history.js';
import type { ResultRecord } from '../report/record.js';
import { logSafe, noLegacyCommands } from '../text.js';
import type { IssueInputs } from './inputs.js';

export async function runIssueStep(
  records: readonly ResultRecord[],
  inputs: IssueInputs,
  token: string,
  summary: boolean,
  context: { client?: IssueClient; runs?: History } = {},
): Promise<void> {
  if (!inputs.enabled) {
    core.setOutput('issues', '[]');
    return;
  }
  const warn = (message: string) => core.warning(noLegacyCommands(message), { title: 'cors-gate issues' });
  try {
    if (!token) throw new UsageError('issues: true needs a github-token (the default is the workflow token)');
    const [{ syncIssues }, { renderIssueSection }] = await Promise.all([
      import('../issues/sync.js'),
      import('../issues/section.js'),
    ]);
    core.info('');
    core.info(
      `Issues${inputs.dryRun ? ' (dry run)' : ''}: ${inputs.repo || 'no default repository'}, labels ${inputs.labels.join(', ') || '(none)'}`,
    );
    const log = { info: (l: string) => core.info(logSafe(l)), warning: warn };
    const result = await syncIssues(
      records,
      { ...inputs, token, ...(context.runs ? { runs: context.runs } : {}) },
      log,
      context.client,
    );
    for (const r of result.rows)
      core.info(
        logSafe(
          `  ${r.action.padEnd(9)} ${r.endpoint}${r.number ? ` → ${r.repo}#${r.number}` : ''}${r.reason ? ` (${r.reason})` : ''}`,
        ),
      );
    core.info(`${result.writes} write${result.writes === 1 ? '' : 's'} to GitHub.`);
    core.setOutput(
      'issues',
      JSON.stringify(
        result.rows.map(({ endpoint, action, number, url, repo, reason, planned }) => ({
          endpoint,
          action,
          number,
          url,
          repo,
          ...(reason ? { reason } : {}),
          ...(planned ? { planned } : {}),
        })),
      ),
    );
    if (summary) await core.summary.addRaw(renderIssueSection(result, inputs.dryRun)).write();
    // The CORS gate alone decides the step: what GitHub refused is said, not failed on.
    for (const p of result.problems) warn(p);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    core.setOutput('issues', '[]');
    warn(`No issue was touched: ${message}`);
  }
}
