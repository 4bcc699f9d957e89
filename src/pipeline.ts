// The pipeline both entry points share: config sources → endpoint rows → checks
// → redacted records → gate. Entry points read their inputs, call these, and
// write their outputs; nothing here reads an option or the environment itself.
import { checkEndpoints } from './check/check.js';
import { type LoadOptions, loadConfig } from './config/load.js';
import { type Shard, selectShard } from './config/shard.js';
import type { ConfigSource } from './config/yaml.js';
import { decideGate, type GateDecision } from './report/gate.js';
import { mergeReports, type ReportSource, type ShardReport } from './report/merge.js';
import { newReport, type Report, reportSecrets, toRecord } from './report/record.js';
import type { CheckResult, Endpoint, Verdict } from './types.js';

export interface RunOptions {
  timeoutMs: number;
  concurrency: number;
  /** The run's retries and confirming probes; an endpoint's own win. */
  retries?: number;
  confirm?: number;
  /** The pause before each confirming probe (tests shorten it). */
  confirmPauseMs?: number;
  failOn: Verdict[];
  /** Extra secrets to redact (the GitHub token). */
  secrets?: string[];
  /** Check only this shard's endpoints (by endpoint id). */
  shard?: Shard;
  onResult?: (r: CheckResult, done: number, total: number) => void;
}

export interface CheckOutcome {
  report: Report;
  decision: GateDecision;
}

/** Every endpoint row of the sources, checked whole before anything is sent. */
export function loadEndpoints(sources: ConfigSource[], options: LoadOptions = {}): Endpoint[] {
  return loadConfig(sources, options).endpoints;
}

export async function runChecks(endpoints: readonly Endpoint[], options: RunOptions): Promise<CheckOutcome> {
  const list = selectShard(endpoints, options.shard);
  const positions = new Map(endpoints.map((e, i) => [e.id, i]));
  // Each result becomes its redacted record as soon as it is in: the raw
  // exchanges of thousands of endpoints are never all held at once.
  // Every endpoint's, not only this shard's: a server may echo a key another job sent it.
  const secrets = reportSecrets(endpoints, options.secrets ?? []);
  const records = await checkEndpoints(
    list,
    {
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.confirm !== undefined ? { confirm: options.confirm } : {}),
      ...(options.confirmPauseMs !== undefined ? { confirmPauseMs: options.confirmPauseMs } : {}),
      ...(options.onResult ? { onResult: options.onResult } : {}),
    },
    (r) => ({ ...toRecord(r, secrets), position: positions.get(r.endpoint.id)! }),
  );
  const report: ShardReport = { ...newReport(records), ...(options.shard ? { shard: options.shard } : {}) };
  return { report, decision: decideGate(report.results, options.failOn) };
}

/** Shards' reports as one outcome: nothing is checked, only the merged report and its gate. */
export function mergeRuns(sources: readonly ReportSource[], failOn: Verdict[]): CheckOutcome {
  const report = mergeReports(sources);
  return { report, decision: decideGate(report.results, failOn) };
}
