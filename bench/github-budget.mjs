// The GitHub API budget of the issue lifecycle: how many requests a run costs
// against the local GitHub fake, for 500 endpoints with 0 and with 10 verdict
// changes. Measured only when the issue lifecycle (src/issues/) is present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} root repository root
 * @param {string} _work scratch directory
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measureGitHubBudget(root, _work) {
  if (!existsSync(join(root, 'src/issues'))) return { skipped: 'src/issues/ (issue lifecycle) not present' };
  return { skipped: 'issue lifecycle present but not wired into the bench yet' };
}
