// The action: typed inputs in, summary, report file, outputs and gate out.

import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import type { ConfigSource } from '../config/yaml.js';
import { ConfigError } from '../errors.js';
import { readReports, readSource, writeFileAtomic } from '../files.js';
import type { GitHubClient } from '../github/client.js';
import type { RunEntry } from '../history/history.js';
import { DEFAULTS } from '../inputs.js';
import { ISSUE_SECTION_BYTES } from '../issues/section.js';
import { type CheckOutcome, loadEndpoints, mergeRuns, runChecks } from '../pipeline.js';
import { splitPatterns } from '../report/glob.js';
import { junitChunks } from '../report/junit.js';
import { reportJsonChunks, reportSecrets } from '../report/record.js';
import { renderSummary, SUMMARY_LIMIT } from '../report/summary.js';
import { renderFindings, renderTable } from '../report/table.js';
import { code, logSafe, noLegacyCommands, oneLine } from '../text.js';
import { annotate } from './annotations.js';
import { readRunHistory, writeRunHistory } from './history.js';
import type { ActionInputs } from './inputs.js';
import { runIssueStep } from './issues.js';

/** Endpoints per log group in a long run. */
const GROUP = 100;

function sources(inputs: ActionInputs): ConfigSource[] {
  const out: ConfigSource[] = [];
  if (inputs.configGiven || existsSync(inputs.config)) out.push(readSource(inputs.config));
  if (inputs.endpoints.trim()) out.push({ file: 'input endpoints', text: inputs.endpoints });
  if (out.length === 0) {
    throw new ConfigError(
      inputs.config,
      0,
      0,
      `file not found, and no endpoints input: add ${DEFAULTS.config} or set the config or endpoints input`,
    );
  }
  return out;
}

/** Checks the configured endpoints, or merges shards' reports; null after a config error (already reported). */
async function outcomeOf(inputs: ActionInputs): Promise<CheckOutcome | null> {
  try {
    if (inputs.mergeReports) {
      return mergeRuns(readReports(splitPatterns(inputs.mergeReports), [inputs.reportFile]), inputs.failOn);
    }
    const endpoints = loadEndpoints(sources(inputs), {
      ...(inputs.origin ? { origin: inputs.origin, hostPermissions: inputs.hostPermissions } : {}),
      env: inputs.env,
    });
    // Masked before the first request, so no log line can show them.
    for (const s of reportSecrets(endpoints)) core.setSecret(s);
    return await runChecks(endpoints, {
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      timeoutMs: inputs.timeoutMs,
      concurrency: inputs.concurrency,
      retries: inputs.retries,
      confirm: inputs.confirm,
      failOn: inputs.failOn,
      secrets: inputs.githubToken ? [inputs.githubToken] : [],
      onResult: (r, done, total) => {
        // A long run's log folds into groups of a hundred endpoints.
        if (total > GROUP && done % GROUP === 1)
          core.startGroup(`Endpoints ${done}–${Math.min(done + GROUP - 1, total)} of ${total}`);
        core.info(logSafe(`[${done}/${total}] ${r.evaluation.verdict.padEnd(5)} ${oneLine(r.endpoint.name, 80)}`));
        if (total > GROUP && (done % GROUP === 0 || done === total)) core.endGroup();
      },
    });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    core.error(noLegacyCommands(err.problem), {
      title: 'cors-gate: configuration error',
      ...(err.line ? { file: err.file, startLine: err.line, startColumn: err.column } : {}),
    });
    core.setFailed(noLegacyCommands(`Configuration error: ${err.message}`));
    if (inputs.summary) {
      // Whoever opens the summary sees why nothing was checked.
      await core.summary
        .addRaw(
          `## cors-gate: configuration error\n\n${code(err.message, 2000)}\n\nNothing was checked and no issue was touched.\n`,
        )
        .write();
    }
    return null;
  }
}

/** The GitHub client, when issues or the run history need one; Octokit is loaded only then. */
async function connect(inputs: ActionInputs): Promise<GitHubClient | null> {
  if (!inputs.githubToken || !(inputs.issues.enabled || inputs.history)) return null;
  const { createClient } = await import('../github/octokit.js');
  return createClient({
    token: inputs.githubToken,
    ...(inputs.issues.apiUrl ? { baseUrl: inputs.issues.apiUrl } : {}),
    log: {
      info: (l) => core.info(logSafe(l)),
      warning: (l) => core.warning(noLegacyCommands(l), { title: 'cors-gate' }),
    },
  });
}

export async function runAction(inputs: ActionInputs): Promise<CheckOutcome | null> {
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const outcome = await outcomeOf(inputs);
  if (!outcome) return null;
  const { report, decision } = outcome;
  // Results first, everything else after: a later failure cannot lose them.
  writeFileAtomic(inputs.reportFile, reportJsonChunks(report, 'lines'));
  if (inputs.junitFile) {
    const shard = inputs.shard && !inputs.mergeReports ? { shard: inputs.shard } : {};
    writeFileAtomic(
      inputs.junitFile,
      junitChunks({ records: report.results, generatedAt: report.generatedAt, ...shard }),
    );
  }
  core.info('');
  core.info(renderTable(report.results, decision));
  const findings = renderFindings(report.results);
  if (findings) core.info(findings);
  const github = await connect(inputs);
  const run: RunEntry = { at: report.generatedAt, ...(inputs.issues.runUrl ? { url: inputs.issues.runUrl } : {}) };
  const past = github && inputs.history ? await readRunHistory(github, inputs.history, report.results, run) : null;
  const shard = inputs.shard && !inputs.mergeReports ? { shard: inputs.shard } : {};
  if (inputs.htmlFile) {
    const { renderHtml } = await import('../report/html.js');
    const history = past ? { history: past.history } : {};
    const page = { records: report.results, decision, generatedAt: report.generatedAt, ...history, ...shard };
    writeFileAtomic(inputs.htmlFile, renderHtml(page));
  }
  if (inputs.summary) {
    // With issues on, room is kept for their section, appended after GitHub answers.
    const limit = inputs.issues.enabled ? SUMMARY_LIMIT - ISSUE_SECTION_BYTES : SUMMARY_LIMIT;
    await core.summary
      .addRaw(
        renderSummary({
          records: report.results,
          decision,
          limit,
          ...(past ? { history: past.history } : {}),
          ...shard,
        }),
      )
      .write();
  }
  const c = decision.counts;
  core.setOutput('total', c.total);
  core.setOutput('passed', c.passed);
  core.setOutput('warned', c.warned);
  core.setOutput('failed', c.failed);
  core.setOutput('errored', c.errored);
  core.setOutput('failed-endpoints', JSON.stringify(decision.failing.map((r) => r.name)));
  core.setOutput('report-file', inputs.reportFile);
  annotate(outcome, inputs.issues.enabled);
  // After the results, report and summary: a GitHub failure cannot lose them.
  await runIssueStep(report.results, inputs.issues, inputs.githubToken, inputs.summary, {
    ...(github ? { client: github } : {}),
    ...(past ? { runs: past.history } : {}),
  });
  if (github && inputs.history && past) await writeRunHistory(github, inputs.history, past, report.results, run);
  return outcome;
}

export function finish(outcome: CheckOutcome | null): void {
  if (!outcome) return;
  const { decision } = outcome;
  if (!decision.ok) {
    core.setFailed(
      noLegacyCommands(
        `${decision.failing.length} endpoint${decision.failing.length === 1 ? '' : 's'} failed the gate (fail-on: ${decision.failOn.join(', ')}): ${decision.failing
          .slice(0, 10)
          .map((r) => oneLine(r.name, 60))
          .join(', ')}`,
      ),
    );
  }
}
