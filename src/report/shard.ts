// Splitting one endpoint list across matrix jobs, and putting their reports back
// together. A shard is chosen by a hash of the endpoint id, never by position, so
// reordering or adding endpoints moves no other endpoint to another shard, and
// each endpoint (with its issue) belongs to exactly one job.
import { createHash } from 'node:crypto';
import { UsageError } from './gate.js';
import { REPORT_VERSION, type Report, type ResultRecord } from './record.js';

export const MAX_SHARDS = 256;

export interface Shard {
  /** 1-based, as `${{ matrix.shard }}` of a matrix [1, 2, 3, 4] gives it. */
  index: number;
  count: number;
}

/** A report as a shard writes it: the plain report, and which shard it covers. */
export interface ShardReport extends Report {
  shard?: Shard;
}

/** `2/4` → { index: 2, count: 4 }; empty text → no sharding. */
export function parseShard(text: string, name = 'shard'): Shard | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (!m) throw new UsageError(`${name} must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`${name}: the number of shards must be from 1 to ${MAX_SHARDS}, got ${count}`);
  if (index < 1 || index > count) throw new UsageError(`${name}: the shard number counts from 1 to ${count}, got ${index}`);
  return { index, count };
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** The 1-based shard an endpoint id falls in. */
export function shardOf(id: string, count: number): number {
  // Ids are already hashes, but hashing again keeps the spread even whatever
  // shape ids take, and 32 bits mod n ≤ 256 has no visible bias.
  const h = createHash('sha256').update(id).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}

/** The endpoints this shard checks, in their configured order. */
export function selectShard<T extends { id: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((e) => inShard(e.id, shard)) : [...items];
}

export class MergeError extends UsageError {
  override name = 'MergeError';
}

export interface ReportSource {
  /** Where the report came from, for messages. */
  file: string;
  text: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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
    throw new MergeError(`${src.file}: report version ${JSON.stringify(value.version)}, this cors-gate reads version ${REPORT_VERSION}: use the same cors-gate version for every shard and the merge`);
  }
  if (!Array.isArray(value.results)) throw new MergeError(`${src.file}: results is not a list`);
  value.results.forEach((r, i) => {
    if (!isObject(r) || typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.verdict !== 'string') {
      throw new MergeError(`${src.file}: results[${i}] is not a result record (id, name, verdict)`);
    }
    if (!['pass', 'warn', 'fail', 'error'].includes(r.verdict)) throw new MergeError(`${src.file}: results[${i}] has an unknown verdict ${JSON.stringify(r.verdict)}`);
  });
  if (value.shard !== undefined) {
    const s = value.shard as Partial<Shard>;
    if (!isObject(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || s.index! < 1 || s.index! > s.count!) {
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
        throw new MergeError(`endpoint ${JSON.stringify(r.name)} (id ${r.id}) is ${where}: each endpoint must come from exactly one report (were the same shard's results uploaded twice, or shards run with different configs?)`);
      }
      seen.set(r.id, { file, name: r.name });
      results.push(r);
    }
  }
  checkShardSet(reports);
  const generatedAt = reports.map((r) => String(r.report.generatedAt ?? '')).sort().at(-1) || new Date(0).toISOString();
  // Shards hold their endpoints in config order; together they go back to the order of the whole config.
  if (results.every((r) => typeof r.position === 'number')) results.sort((a, b) => a.position! - b.position!);
  return { version: REPORT_VERSION, tool: 'cors-gate', generatedAt, results };
}

function checkShardSet(reports: { file: string; report: ShardReport }[]): void {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return;
  const counts = new Set(sharded.map((r) => r.report.shard!.count));
  if (counts.size > 1) throw new MergeError(`the reports come from different splits (${[...counts].map((n) => `/${n}`).join(', ')}): merge the shards of one run`);
  const count = [...counts][0]!;
  const byIndex = new Map<number, string>();
  for (const { file, report } of sharded) {
    const other = byIndex.get(report.shard!.index);
    if (other) throw new MergeError(`shard ${formatShard(report.shard!)} is in both ${other} and ${file}`);
    byIndex.set(report.shard!.index, file);
  }
  const missing: string[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(`${i}/${count}`);
  if (missing.length) throw new MergeError(`no report for shard ${missing.join(', ')}: every shard's report is needed for the gate`);
}

/** What file expansion needs from the file system (node:fs fits). */
export interface DirReader {
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  existsSync(path: string): boolean;
}

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        let set = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = '^' + set.slice(1);
        re += `[${set}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const MAGIC = /[*?[]/;
const MAX_MATCHES = 10_000;

/**
 * Expands a pattern with *, ?, [set] and ** (any depth) into existing files,
 * sorted; a pattern with no wildcard stands for itself. For a quoted glob
 * (`cors-gate merge 'reports/*.json'`) and the action's merge-reports input.
 */
export function expandGlob(pattern: string, fs: DirReader): string[] {
  if (!MAGIC.test(pattern)) return fs.existsSync(pattern) ? [pattern] : [];
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  if (absolute) parts.shift();
  const out = new Set<string>();
  const join = (base: string, name: string) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const walk = (base: string, i: number, depth: number): void => {
    if (out.size >= MAX_MATCHES || depth > 32) return;
    if (i === parts.length) return;
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part === '**') {
      if (last) return;
      walk(base, i + 1, depth);
      for (const d of list(base)) if (d.isDirectory() && !d.name.startsWith('.')) walk(join(base, d.name), i, depth + 1);
      return;
    }
    if (!MAGIC.test(part)) {
      const next = join(base, part);
      if (last) {
        if (fs.existsSync(next)) out.add(next);
      } else walk(next, i + 1, depth);
      return;
    }
    const re = segmentRegExp(part);
    for (const d of list(base)) {
      if (!re.test(d.name) || (d.name.startsWith('.') && !part.startsWith('.'))) continue;
      if (last) {
        if (!d.isDirectory()) out.add(join(base, d.name));
      } else if (d.isDirectory()) walk(join(base, d.name), i + 1, depth);
    }
  };
  walk(absolute ? '/' : '', 0, 0);
  return [...out].sort();
}

/**
 * Every file the patterns name, each once, in pattern order then sorted; a
 * pattern that matches nothing is an error (a missing artifact must not pass).
 */
export function expandPatterns(patterns: readonly string[], fs: DirReader): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const p of patterns) {
    const matched = expandGlob(p, fs);
    if (matched.length === 0) throw new MergeError(`${p}: no report file matches`);
    for (const f of matched) {
      if (!seen.has(f)) {
        seen.add(f);
        files.push(f);
      }
    }
  }
  return files;
}

/** The merge-reports input: one pattern per line or comma-separated. */
export function splitPatterns(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
