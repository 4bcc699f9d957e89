// The action: typed inputs in, summary, report file, outputs and gate out.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError, type ConfigSource } from './config.js';
import { runChecks, readSource, writeFileAtomic, type CheckOutcome } from './pipeline.js';
import { renderSummary } from './report/summary.js';
import { renderFindings, renderTable } from './report/table.js';
import { logSafe, oneLine } from './text.js';
import type { Verdict } from './types.js';
import type { ResultRecord } from './report/record.js';

export const DEFAULT_CONFIG = '.github/cors-gate.yml';

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

const ANNOTATIONS_PER_KIND = 9;

function annotate(outcome: CheckOutcome): void {
  const { decision, report } = outcome;
  const blocked = report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'error');
  const warned = report.results.filter((r) => r.verdict === 'warn');
  if (blocked.length) {
    const names = blocked.slice(0, 10).map((r) => oneLine(r.name, 60)).join(', ');
    const more = blocked.length > 10 ? ` and ${blocked.length - 10} more` : '';
    const text = `${blocked.length} of ${decision.counts.total} endpoints are blocked for browsers: ${names}${more}. See the job summary.`;
    if (decision.ok) core.warning(text, { title: 'cors-gate' });
    else core.error(text, { title: 'cors-gate' });
  }
  // GitHub shows 10 of each kind per step; the aggregate above took one.
  const each = (list: ResultRecord[], fn: typeof core.error) => {
    for (const r of list.slice(0, ANNOTATIONS_PER_KIND)) {
      const f = r.findings.find((x) => x.level !== 'info');
      fn(`${oneLine(r.name, 80)}: ${f ? `${f.code}: ${oneLine(f.message, 300)}` : r.verdict}`, { title: `cors-gate: ${r.verdict}`, ...(r.expect ? {} : {}) });
    }
  };
  each(blocked.filter((r) => !(r.expect === 'fail' && r.verdict === 'fail')), decision.ok ? core.warning : core.error);
  each(warned, core.warning);
}

export async function runAction(inputs: ActionInputs): Promise<CheckOutcome | null> {
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  let outcome: CheckOutcome;
  try {
    const srcs = sources(inputs);
    outcome = await runChecks({
      sources: srcs,
      ...(inputs.origin ? { origin: inputs.origin } : {}),
      timeoutMs: inputs.timeoutMs,
      concurrency: inputs.concurrency,
      failOn: inputs.failOn,
      secrets: inputs.githubToken ? [inputs.githubToken] : [],
      onResult: (r, done, total) => core.info(logSafe(`[${done}/${total}] ${r.evaluation.verdict.padEnd(5)} ${oneLine(r.endpoint.name, 80)}`)),
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      core.error(err.problem, { title: 'cors-gate: configuration error', ...(err.line ? { file: err.file, startLine: err.line, startColumn: err.column } : {}) });
      core.setFailed(`Configuration error: ${err.message}`);
      return null;
    }
    throw err;
  }
  const { report, decision } = outcome;
  for (const e of outcome.endpoints) for (const s of e.secrets) core.setSecret(s);
  // Results first, everything else after: a later failure cannot lose them.
  writeFileAtomic(inputs.reportFile, JSON.stringify(report, null, 2) + '\n');
  core.info('');
  core.info(renderTable(report.results, decision));
  const findings = renderFindings(report.results);
  if (findings) core.info(findings);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary({ records: report.results, decision })).write();
  }
  const c = decision.counts;
  core.setOutput('total', c.total);
  core.setOutput('passed', c.passed);
  core.setOutput('warned', c.warned);
  core.setOutput('failed', c.failed);
  core.setOutput('errored', c.errored);
  core.setOutput('failed-endpoints', JSON.stringify(decision.failing.map((r) => r.name)));
  core.setOutput('report-file', inputs.reportFile);
  annotate(outcome);
  return outcome;
}

export function finish(outcome: CheckOutcome | null): void {
  if (!outcome) return;
  const { decision } = outcome;
  if (!decision.ok) {
    core.setFailed(`${decision.failing.length} endpoint${decision.failing.length === 1 ? '' : 's'} failed the gate (fail-on: ${decision.failOn.join(', ')}): ${decision.failing.slice(0, 10).map((r) => oneLine(r.name, 60)).join(', ')}`);
  }
}
