// Several probes of one failing endpoint, as one result: a failure that every
// probe meets the same way stands; probes that disagree mean a browser meets
// the failure only some of the time (one backend without the CORS setup, a
// cache that serves another origin's answer), which is a finding of its own.
import { headerValues } from '../cors/evaluate.js';
import type { CheckResult, Exchange, Finding, ProbeSummary } from '../types.js';

function firstBlocking(r: CheckResult): Finding | undefined {
  return r.evaluation.findings.find((f) => f.level === 'fail' || f.level === 'error');
}

export function summarize(r: CheckResult): ProbeSummary {
  const f = firstBlocking(r);
  return { verdict: r.evaluation.verdict, ...(f ? { code: f.code } : {}) };
}

const key = (s: ProbeSummary) => `${s.verdict} ${s.code ?? ''}`.trim();

/** `a ×2, b ×1`, most frequent first. */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => `${v} ×${n}`)
    .join(', ');
}

/** What a response said that bears on CORS: its status and its CORS and Vary headers. */
function traits(ex: Exchange | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!ex) return out;
  out.set('status', ex.response ? String(ex.response.status) : (ex.error?.code ?? 'no answer'));
  for (const [name] of ex.response?.headers ?? []) {
    const n = name.toLowerCase();
    if (n.startsWith('access-control-') || n === 'vary')
      out.set(name, headerValues(ex.response!.headers, n).join(', '));
  }
  return out;
}

/** Which parts of the answers differed between the probes, with the values seen. */
export function differences(probes: readonly CheckResult[]): string[] {
  const out: string[] = [];
  for (const phase of ['preflight', 'actual'] as const) {
    const seen = probes.map((p) => traits(p[phase]));
    if (seen.every((t) => t.size === 0)) continue;
    const names = new Map<string, string>();
    for (const t of seen) for (const n of t.keys()) if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), n);
    for (const [lower, name] of names) {
      const values = seen.map((t) => {
        const hit = [...t].find(([n]) => n.toLowerCase() === lower);
        return hit ? hit[1] || '(empty)' : '(absent)';
      });
      if (new Set(values).size > 1) out.push(`${phase} ${name}: ${tally(values)}`);
    }
  }
  return out;
}

/**
 * The result of an endpoint probed several times, the first probe failing. All
 * alike: the first probe's result, confirmed. Otherwise the first probe stays
 * the evidence and an InconsistentAnswers finding says how the probes differed;
 * the verdict stays `fail`, since browsers meet the failure some of the time.
 */
export function compareProbes(probes: readonly CheckResult[]): CheckResult {
  const first = probes[0]!;
  const summaries = probes.map(summarize);
  if (probes.length < 2) return first;
  if (new Set(summaries.map(key)).size === 1) return { ...first, probes: summaries };
  const failed = summaries.filter((s) => s.verdict === 'fail').length;
  const differed = differences(probes);
  const finding: Finding = {
    code: 'InconsistentAnswers',
    level: 'fail',
    message:
      `${failed} of ${probes.length} probes failed (${tally(summaries.map(key))}): a browser meets this failure some of the time.` +
      (differed.length ? ` The answers differed in ${differed.slice(0, 6).join('; ')}.` : ''),
  };
  return {
    ...first,
    evaluation: { ...first.evaluation, findings: [finding, ...first.evaluation.findings] },
    probes: summaries,
    flaky: true,
  };
}
