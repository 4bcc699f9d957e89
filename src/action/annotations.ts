// Annotations: GitHub shows the first 10 errors and 10 warnings of a step and
// drops the rest silently, so the most useful ones go first and room is kept for
// the gate's and the issue step's own.
import * as core from '@actions/core';
import type { CheckOutcome } from '../pipeline.js';
import { firstProblem } from '../report/cells.js';
import type { ResultRecord } from '../report/record.js';
import { noLegacyCommands, oneLine } from '../text.js';

/** GitHub shows 10 annotations of each kind per step and drops the rest silently. */
const ANNOTATIONS_PER_KIND = 10;

export function annotate(outcome: CheckOutcome, issuesOn: boolean): void {
  const { decision, report } = outcome;
  // Known failures (expect: fail) are in the summary, not news worth an annotation.
  const blocked = report.results.filter((r) => (r.verdict === 'fail' && r.expect !== 'fail') || r.verdict === 'error');
  const warned = report.results.filter((r) => r.verdict === 'warn');
  // A failed gate ends with core.setFailed, one more error annotation; the issue
  // step may add an error and its own setFailed. Those must not be the ones dropped.
  const reserved = (decision.ok ? 0 : 1) + (issuesOn ? 2 : 0);
  const budget = { error: ANNOTATIONS_PER_KIND - reserved, warning: ANNOTATIONS_PER_KIND - (issuesOn ? 1 : 0) };
  const emit = (kind: 'error' | 'warning', text: string, title: string) => {
    if (budget[kind] <= 0) return;
    budget[kind]--;
    (kind === 'error' ? core.error : core.warning)(noLegacyCommands(text), { title });
  };
  const blockedKind = decision.ok ? 'warning' : 'error';
  if (blocked.length) {
    const names = blocked
      .slice(0, 10)
      .map((r) => oneLine(r.name, 60))
      .join(', ');
    const more = blocked.length > 10 ? ` and ${blocked.length - 10} more` : '';
    const failed = blocked.filter((r) => r.verdict === 'fail').length;
    const errored = blocked.length - failed;
    const parts = [failed ? `${failed} blocked by the browser` : '', errored ? `${errored} with no usable answer` : '']
      .filter(Boolean)
      .join(', ');
    emit(
      blockedKind,
      `${parts} (of ${decision.counts.total} checked): ${names}${more}. See the job summary.`,
      'cors-gate',
    );
  }
  // The rest are rows of the job summary's table.
  const each = (list: ResultRecord[], kind: 'error' | 'warning') => {
    for (const r of list) {
      const f = firstProblem(r);
      emit(
        kind,
        `${oneLine(r.name, 80)}: ${f ? `${f.code}: ${oneLine(f.message, 300)}` : r.verdict}`,
        `cors-gate: ${r.verdict}`,
      );
    }
  };
  each(blocked, blockedKind);
  each(warned, 'warning');
}
