// Putting shards' reports back together: one report, one gate, and a refusal
// when a shard is missing, doubled, or from another split or version.

import { formatShard, type Shard } from '../config/shard.js';
import { MergeError } from '../errors.js';
import { VERDICTS, type Verdict } from '../types.js';
import { REPORT_VERSION, type Report, type ResultRecord } from './record.js';

/** A report as a shard writes it: the plain report, and which shard it covers. */
export interface ShardReport extends Report {
  shard?: Shard;
}

export interface ReportSource {
  /** Where the report came from, for messages. */
  file: string;
  text: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isExchange = (x: unknown) =>
  x === null || (isObject(x) && Array.isArray(x.headers) && (x.status === null || typeof x.status === 'number'));

/** Why a value is not a result record this version writes, or null: every field the renderers read. */
function recordProblem(r: unknown): string | null {
  if (!isObject(r)) return 'is not a result record';
  for (const key of ['id', 'name', 'url', 'origin', 'method', 'verdict'] as const) {
    if (typeof r[key] !== 'string') return `is not a result record: ${key} is not text`;
  }
  if (!VERDICTS.includes(r.verdict as Verdict)) return `has an unknown verdict ${JSON.stringify(r.verdict)}`;
  const findings = r.findings;
  if (
    !Array.isArray(findings) ||
    !findings.every(
      (f) => isObject(f) && typeof f.code === 'string' && typeof f.level === 'string' && typeof f.message === 'string',
    )
  ) {
    return 'is not a result record: findings is not a list of findings';
  }
  if (!Array.isArray(r.fix)) return 'is not a result record: fix is not a list';
  if (!isExchange(r.preflight) || !isExchange(r.actual))
    return 'is not a result record: preflight or actual is not an exchange';
  return null;
}

/** Parses and checks one shard's report; errors name the file. */
export function parseReport(src: ReportSource): ShardReport {
  let value: unknown;
  try {
    value = JSON.parse(src.text);
  } catch (err) {
    throw new MergeError(`${src.file}: not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (!isObject(value) || value.tool !== 'cors-gate') throw new MergeError(`${src.file}: not a cors-gate report`);
  if (value.version !== REPORT_VERSION) {
    throw new MergeError(
      `${src.file}: report version ${JSON.stringify(value.version)}, this cors-gate reads version ${REPORT_VERSION}: use the same cors-gate version for every shard and the merge`,
    );
  }
  if (!Array.isArray(value.results)) throw new MergeError(`${src.file}: results is not a list`);
  value.results.forEach((r, i) => {
    const problem = recordProblem(r);
    if (problem) throw new MergeError(`${src.file}: results[${i}] ${problem}`);
  });
  if (value.shard !== undefined) {
    const s = value.shard as Partial<Shard>;
    if (
      !isObject(s) ||
      !Number.isInteger(s.index) ||
      !Number.isInteger(s.count) ||
      s.index! < 1 ||
      s.index! > s.count!
    ) {
      throw new MergeError(`${src.file}: shard ${JSON.stringify(value.shard)} is not i/n`);
    }
  }
  return value as unknown as ShardReport;
}

/**
 * One report from many: every result once, the gate decided over all of them.
 * Refuses reports of another version, the same endpoint in two reports, and,
 * when the reports say which shard they cover, a set of shards with a gap —
 * a job that never wrote its report must not let the gate pass unseen.
 */
export function mergeReports(sources: readonly ReportSource[]): Report {
  if (sources.length === 0) throw new MergeError('no reports to merge');
  const reports = sources.map((s) => ({ file: s.file, report: parseReport(s) }));
  const seen = new Map<string, { file: string; name: string }>();
  const results: ResultRecord[] = [];
  for (const { file, report } of reports) {
    for (const r of report.results) {
      const before = seen.get(r.id);
      if (before) {
        const where = before.file === file ? `twice in ${file}` : `in both ${before.file} and ${file}`;
        throw new MergeError(
          `endpoint ${JSON.stringify(r.name)} (id ${r.id}) is ${where}: each endpoint must come from exactly one report (were the same shard's results uploaded twice, or shards run with different configs?)`,
        );
      }
      seen.set(r.id, { file, name: r.name });
      results.push(r);
    }
  }
  checkShardSet(reports);
  const generatedAt =
    reports
      .map((r) => String(r.report.generatedAt ?? ''))
      .sort()
      .at(-1) || new Date(0).toISOString();
  // Shards hold their endpoints in config order; together they go back to the order of the whole config.
  if (results.every((r) => typeof r.position === 'number')) results.sort((a, b) => a.position! - b.position!);
  return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt, results };
}

function checkShardSet(reports: { file: string; report: ShardReport }[]): void {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return;
  const counts = new Set(sharded.map((r) => r.report.shard!.count));
  if (counts.size > 1)
    throw new MergeError(
      `the reports come from different splits (${[...counts].map((n) => `/${n}`).join(', ')}): merge the shards of one run`,
    );
  const count = [...counts][0]!;
  const byIndex = new Map<number, string>();
  for (const { file, report } of sharded) {
    const other = byIndex.get(report.shard!.index);
    if (other) throw new MergeError(`shard ${formatShard(report.shard!)} is in both ${other} and ${file}`);
    byIndex.set(report.shard!.index, file);
  }
  const missing: string[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(`${i}/${count}`);
  if (missing.length)
    throw new MergeError(`no report for shard ${missing.join(', ')}: every shard's report is needed for the gate`);
}
