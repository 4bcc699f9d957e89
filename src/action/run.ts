// The action: typed inputs in, summary, report file, outputs and gate out.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError } from '../errors.js';
import type { ConfigSource } from '../config/load.js';
import { DEFAULT_CONFIG, loadEndpoints, mergeReportFiles, runChecks, readSource, writeFileAtomic, type CheckOutcome } from '../pipeline.js';
import { reportJsonChunks, reportSecrets } from '../report/record.js';
import type { Shard } from '../config/shard.js';
import { splitPatterns } from '../report/glob.js';
import { renderSummary, SUMMARY_LIMIT } from '../report/summary.js';
import { ISSUE_SECTION_BYTES } from '../issues/section.js';
import { renderFindings, renderTable } from '../report/table.js';
import { code, logSafe, noLegacyCommands, oneLine } from '../text.js';
import type { Verdict } from '../types.js';
import { runIssueStep, type IssueInputs } from './issues.js';
import { annotate } from './annotations.js';


export interface ActionInputs {
  config: string;
  /** True when the user named the config file (then a missing file is an error). */
  configGiven: boolean;
  endpoints: string;
  origin?: string;
  failOn: Verdict[];
  timeoutMs: number;
  concurrency: number;
  reportFile: string;
  githubToken: string;
  issues?: IssueInputs;
  /** Check only this shard of the endpoints. */
  shard?: Shard;
  /** Globs of shards' reports: merge them instead of checking anything. */
  mergeReports?: string;
}

export function defaultReportFile(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'cors-gate-report.json');
}

function sources(inputs: ActionInputs): ConfigSource[] {
  const out: ConfigSource[] = [];
  if (inputs.configGiven || existsSync(inputs.config)) out.push(readSource(inputs.config));
  if (inputs.endpoints.trim()) out.push({ file: 'input endpoints', text: inputs.endpoints });
  if (out.length === 0) {
    throw new ConfigError(inputs.config, 0, 0, `file not found, and no endpoints input: add ${DEFAULT_CONFIG} or set the config or endpoints input`);
  }
  return out;
}

export async function runAction(inputs: ActionInputs): Promise<CheckOutcome | null> {
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  let outcome: CheckOutcome;
  try {
    if (inputs.mergeReports) {
      outcome = mergeReportFiles(splitPatterns(inputs.mergeReports), inputs.failOn, [inputs.reportFile]);
    } else {
      const srcs = sources(inputs);
      const endpoints = loadEndpoints(srcs, inputs.origin ? { origin: inputs.origin } : {});
      // Masked before the first request, so no log line can show them.
      for (const s of reportSecrets(endpoints)) core.setSecret(s);
      outcome = await runChecks(
        {
          sources: srcs,
          ...(inputs.shard ? { shard: inputs.shard } : {}),
          ...(inputs.origin ? { origin: inputs.origin } : {}),
          timeoutMs: inputs.timeoutMs,
          concurrency: inputs.concurrency,
          failOn: inputs.failOn,
          secrets: inputs.githubToken ? [inputs.githubToken] : [],
          onResult: (r, done, total) => core.info(logSafe(`[${done}/${total}] ${r.evaluation.verdict.padEnd(5)} ${oneLine(r.endpoint.name, 80)}`)),
        },
        endpoints,
      );
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      core.error(noLegacyCommands(err.problem), { title: 'cors-gate: configuration error', ...(err.line ? { file: err.file, startLine: err.line, startColumn: err.column } : {}) });
      core.setFailed(noLegacyCommands(`Configuration error: ${err.message}`));
      if (process.env.GITHUB_STEP_SUMMARY) {
        // Whoever opens the summary sees why nothing was checked.
        await core.summary.addRaw(`## cors-gate: configuration error\n\n${code(err.message, 2000)}\n\nNothing was checked and no issue was touched.\n`).write();
      }
      return null;
    }
    throw err;
  }
  const { report, decision } = outcome;
  // Results first, everything else after: a later failure cannot lose them.
  writeFileAtomic(inputs.reportFile, reportJsonChunks(report));
  core.info('');
  core.info(renderTable(report.results, decision));
  const findings = renderFindings(report.results);
  if (findings) core.info(findings);
  if (process.env.GITHUB_STEP_SUMMARY) {
    // With issues on, room is kept for their section, appended after GitHub answers.
    const limit = inputs.issues?.enabled ? SUMMARY_LIMIT - ISSUE_SECTION_BYTES : SUMMARY_LIMIT;
    await core.summary.addRaw(renderSummary({ records: report.results, decision, limit, ...(inputs.shard && !inputs.mergeReports ? { shard: inputs.shard } : {}) })).write();
  }
  const c = decision.counts;
  core.setOutput('total', c.total);
  core.setOutput('passed', c.passed);
  core.setOutput('warned', c.warned);
  core.setOutput('failed', c.failed);
  core.setOutput('errored', c.errored);
  core.setOutput('failed-endpoints', JSON.stringify(decision.failing.map((r) => r.name)));
  core.setOutput('report-file', inputs.reportFile);
  annotate(outcome, Boolean(inputs.issues?.enabled));
  // After the results, report and summary: a GitHub failure cannot lose them.
  if (inputs.issues) await runIssueStep(report.results, inputs.issues, inputs.githubToken);
  return outcome;
}

export function finish(outcome: CheckOutcome | null): void {
  if (!outcome) return;
  const { decision } = outcome;
  if (!decision.ok) {
    core.setFailed(noLegacyCommands(`${decision.failing.length} endpoint${decision.failing.length === 1 ? '' : 's'} failed the gate (fail-on: ${decision.failOn.join(', ')}): ${decision.failing.slice(0, 10).map((r) => oneLine(r.name, 60)).join(', ')}`));
  }
}
