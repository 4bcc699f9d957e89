// The action's entry: read the inputs once, run, report.
import * as core from '@actions/core';
import { defaultReportFile, finish, runAction, type ActionInputs } from './run.js';
import { DEFAULT_CONFIG } from '../pipeline.js';
import { UsageError } from '../errors.js';
import { parseBool, parseCount, parseFailOn, parseOrigin, parseSeconds, parseShard } from '../inputs.js';
import { readIssueInputs } from './issues.js';

function readInputs(): ActionInputs {
  const config = core.getInput('config');
  const origin = core.getInput('origin');
  return {
    config: config || DEFAULT_CONFIG,
    configGiven: config !== '' && config !== DEFAULT_CONFIG,
    endpoints: core.getInput('endpoints'),
    ...(origin ? { origin: parseOrigin(origin, 'origin') } : {}),
    failOn: parseFailOn(core.getInput('fail-on') || 'fail,error'),
    timeoutMs: parseSeconds(core.getInput('timeout') || '10', 'timeout'),
    concurrency: parseCount(core.getInput('concurrency') || '8', 'concurrency', 256),
    reportFile: core.getInput('report-file') || defaultReportFile(),
    githubToken: core.getInput('github-token'),
    issues: readIssueInputs(core.getInput, parseBool),
    shard: parseShard(core.getInput('shard'), 'shard'),
    mergeReports: core.getInput('merge-reports'),
  };
}

async function main(): Promise<void> {
  try {
    finish(await runAction(readInputs()));
  } catch (err) {
    if (err instanceof UsageError) core.setFailed(`Input error: ${err.message}`);
    else core.setFailed(`cors-gate failed: ${(err as Error)?.stack ?? String(err)}`);
  }
}

await main();
