// The pipeline both entry points share: config sources → endpoints → checks →
// records → gate. Entry points only read their inputs and write their outputs.
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig, type ConfigSource, type LoadOptions } from './config.js';
import { decideGate, type GateDecision } from './gate.js';
import { buildReport, type Report } from './report/record.js';
import { checkEndpoints } from './run.js';
import type { CheckResult, Endpoint, Verdict } from './types.js';

export interface CheckInputs {
  sources: ConfigSource[];
  origin?: string;
  timeoutMs: number;
  concurrency: number;
  failOn: Verdict[];
  /** Extra secrets to redact (the GitHub token). */
  secrets?: string[];
  onResult?: (r: CheckResult, done: number, total: number) => void;
}

export interface CheckOutcome {
  endpoints: Endpoint[];
  results: CheckResult[];
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
  const list = endpoints ?? loadEndpoints(inputs.sources, inputs.origin ? { origin: inputs.origin } : {});
  const results = await checkEndpoints(list, {
    timeoutMs: inputs.timeoutMs,
    concurrency: inputs.concurrency,
    ...(inputs.onResult ? { onResult: inputs.onResult } : {}),
  });
  const report = buildReport(results, inputs.secrets ?? []);
  const decision = decideGate(report.results, inputs.failOn);
  return { endpoints: list, results, report, decision };
}

/** Writes the file whole or not at all: a reader never sees half a report. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
