// The GitHub API budget of the issue lifecycle: how many requests a run of the
// built action costs against the local GitHub fake, for 500 endpoints that all
// fail with their issues already open, with 0 and with 10 verdict changes.
// The work happens in github-budget-child.mjs (it runs TypeScript, so it needs
// Node ≥ 23.6); this side picks that Node, bounds the child's time and reads
// its result.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUDGET_ENDPOINTS = 500;
export const BUDGET_TRANSITIONS = 10;
/** The 10-transition run waits on the throttling plugin's write spacing (about 30 s). */
const DEADLINE_MS = 240_000;

const stripsTypes = (version) => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
};

/** A Node that runs .ts files without flags: this one, else the devDependency node@24. */
function typeStrippingNode(root) {
  if (stripsTypes(process.version)) return process.execPath;
  const local = join(root, 'node_modules/.bin/node');
  return existsSync(local) ? local : null;
}

/**
 * @param {string} root repository root
 * @param {string} work scratch directory
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measureGitHubBudget(root, work) {
  if (!existsSync(join(root, 'src/issues'))) return { skipped: 'src/issues/ (issue lifecycle) not present' };
  const node = typeStrippingNode(root);
  if (!node)
    return {
      skipped: `Node ${process.version} cannot run the TypeScript GitHub fake and node_modules/.bin/node is missing (npm ci)`,
    };
  const resultFile = join(work, 'github-budget.json');
  const child = spawn(
    node,
    [
      join(root, 'bench/github-budget-child.mjs'),
      root,
      work,
      resultFile,
      String(BUDGET_ENDPOINTS),
      String(BUDGET_TRANSITIONS),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const killer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, DEADLINE_MS);
  const code = await new Promise((done) => {
    child.on('error', () => done(-1));
    child.on('close', (c, signal) => done(signal ?? c));
  });
  clearTimeout(killer);
  if (!existsSync(resultFile))
    return { skipped: `the GitHub budget run ended (${code}) without a result: ${stderr.trim() || 'no output'}` };
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (code !== 0) result.problems = [...(result.problems ?? []), `exit ${code}: ${stderr.trim()}`];
  return result;
}

/** The one-line summary the bench prints. */
export function budgetLine(b) {
  if (b.skipped) return `GitHub API budget: not measured (${b.skipped})`;
  const part = (r) => (r ? `${r.reads} reads + ${r.writes} writes` : '—');
  const line = `GitHub API requests for ${b.endpoints} endpoints: 0 transitions → ${part(b.noTransitions)}; ${b.transitions?.count ?? BUDGET_TRANSITIONS} transitions → ${part(b.transitions)}`;
  return b.problems?.length ? `${line}\n  NOT TRUSTWORTHY: ${b.problems.join('\n  ')}` : line;
}
