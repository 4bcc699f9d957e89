// The action's entry: read the inputs once, run, report.
import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import { readActionInputs } from './inputs.js';
import { finish, runAction } from './run.js';

async function main(): Promise<void> {
  try {
    finish(await runAction(readActionInputs(core.getInput, process.env)));
  } catch (err) {
    if (err instanceof UsageError) core.setFailed(`Input error: ${err.message}`);
    else core.setFailed(`cors-gate failed: ${(err as Error)?.stack ?? String(err)}`);
  }
}

await main();
