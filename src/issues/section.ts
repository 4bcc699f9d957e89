// The issues section of the job summary: one row per endpoint, what was done
// and why, and the problems GitHub reported.
import { html, oneLine } from '../text.js';
import type { IssueAction } from './plan.js';
import type { SyncResult } from './sync.js';

/**
 * The room the job summary keeps for the issues section: the summary is written
 * before GitHub is called, and the two together must stay under GitHub's 1 MiB.
 * Kept apart from the issue code so the action can read it without loading Octokit.
 */
export const ISSUE_SECTION_BYTES = 64 * 1024;

const ICONS: Record<IssueAction, string> = {
  created: '🆕',
  updated: '✏️',
  commented: '💬',
  closed: '✅',
  unchanged: '·',
  skipped: '⏭️',
  pending: '⏳',
};

/** The job summary section. */
export function renderIssueSection(
  result: SyncResult,
  dryRun: boolean,
  limit = 200,
  maxBytes = ISSUE_SECTION_BYTES,
): string {
  const out = [`### Issues${dryRun ? ' (dry run: nothing written)' : ''}`, ''];
  // Room for the closing lines and up to ten warnings of at most ~4 KB each.
  let room = maxBytes - 44 * 1024;
  if (result.rows.length === 0) out.push('No endpoint needs an issue.');
  else {
    out.push('| Endpoint | Action | Issue | Why |', '|---|---|---|---|');
    let shown = 0;
    for (const r of result.rows.slice(0, limit)) {
      const link = r.number
        ? `[${html(r.repo)}#${r.number}](${r.url ?? `https://github.com/${r.repo}/issues/${r.number}`})`
        : html(r.repo);
      const action = `${ICONS[r.action]} ${r.action}${r.planned ? ` (would be ${r.planned})` : ''}`;
      const row = `| ${html(oneLine(r.endpoint, 200))} | ${action} | ${link} | ${html(oneLine(r.reason ?? '', 300))} |`;
      room -= Buffer.byteLength(row) + 1;
      if (room < 0) break;
      out.push(row);
      shown++;
    }
    if (result.rows.length > shown) out.push('', `_${result.rows.length - shown} more rows in the issues output._`);
  }
  out.push('', `${result.writes} write${result.writes === 1 ? '' : 's'} to GitHub.`);
  for (const e of result.problems.slice(0, 10)) out.push('', `> [!WARNING]\n> ${html(oneLine(e, 600))}`);
  return out.join('\n') + '\n';
}
