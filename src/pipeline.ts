// The pipeline both entry points share: config sources → endpoints → checks →
// records → gate. Entry points only read their inputs and write their outputs.
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, type ConfigSource, type LoadOptions } from './config/load.js';
import { selectShard, type Shard } from './config/shard.js';
import { ConfigError, UsageError } from './errors.js';
import { decideGate, type GateDecision } from './report/gate.js';
import { newReport, reportSecrets, toRecord, type Report } from './report/record.js';
import { checkEndpoints } from './check/check.js';
import { expandPatterns } from './report/glob.js';
import { mergeReports, type ShardReport } from './report/merge.js';
import type { CheckResult, Endpoint, Verdict } from './types.js';

/** Where the action and the CLI look for endpoints when not told. */
export const DEFAULT_CONFIG = '.github/cors-gate.yml';

export interface CheckInputs {
  sources: ConfigSource[];
  origin?: string;
  timeoutMs: number;
  concurrency: number;
  failOn: Verdict[];
  /** Extra secrets to redact (the GitHub token). */
  secrets?: string[];
  /** Check only this shard's endpoints (by endpoint id). */
  shard?: Shard;
  onResult?: (r: CheckResult, done: number, total: number) => void;
}

export interface CheckOutcome {
  endpoints: Endpoint[];
  report: Report;
  decision: GateDecision;
}

/** Reads a config file; a missing or unreadable file is a config error naming it. */
export function readSource(path: string): ConfigSource {
  if (!existsSync(path)) throw new ConfigError(path, 0, 0, 'file not found');
  try {
    return { file: path, text: readFileSync(path, 'utf8') };
  } catch (err) {
    throw new ConfigError(path, 0, 0, `cannot read the file: ${(err as Error).message}`);
  }
}

export function loadEndpoints(sources: ConfigSource[], options: LoadOptions = {}): Endpoint[] {
  return loadConfig(sources, options).endpoints;
}

export async function runChecks(inputs: CheckInputs, endpoints?: Endpoint[]): Promise<CheckOutcome> {
  const all = endpoints ?? loadEndpoints(inputs.sources, inputs.origin ? { origin: inputs.origin } : {});
  const list = selectShard(all, inputs.shard);
  const positions = new Map(all.map((e, i) => [e.id, i]));
  // Each result becomes its redacted record as soon as it is in: the raw
  // exchanges of thousands of endpoints are never all held at once.
  const secrets = reportSecrets(list, inputs.secrets ?? []);
  const records = await checkEndpoints(
    list,
    { timeoutMs: inputs.timeoutMs, concurrency: inputs.concurrency, ...(inputs.onResult ? { onResult: inputs.onResult } : {}) },
    (r) => ({ ...toRecord(r, secrets), position: positions.get(r.endpoint.id)! }),
  );
  const report: ShardReport = { ...newReport(records), ...(inputs.shard ? { shard: inputs.shard } : {}) };
  const decision = decideGate(report.results, inputs.failOn);
  return { endpoints: list, report, decision };
}

/**
 * Shards' reports (files or globs) as one outcome: nothing is checked, so there
 * are no live endpoints or results, only the merged report and its gate.
 * `exclude` keeps the merged report's own path out of a glob that matches it.
 */
export function mergeReportFiles(patterns: readonly string[], failOn: Verdict[], exclude: readonly string[] = []): CheckOutcome {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const files = expandPatterns(patterns, fs).filter((f) => !skip.has(resolve(f)));
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read the report ${file}: ${(err as Error).message}`);
    }
  };
  const report = mergeReports(files.map((file) => ({ file, text: read(file) })));
  return { endpoints: [], report, decision: decideGate(report.results, failOn) };
}

/** Writes the file whole or not at all: a reader never sees half a report. */
export function writeFileAtomic(path: string, text: string | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (typeof text === 'string') writeFileSync(tmp, text);
    else {
      const fd = openSync(tmp, 'w');
      try {
        for (const chunk of text) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`);
  }
}
