#!/usr/bin/env node
// The CLI: same pipeline as the action, with a terminal table, Markdown or the JSON report.
// Exit 0 when the gate holds, 1 when it fails, 2 for a usage or configuration error.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, MergeError, UsageError } from '../errors.js';
import type { ConfigSource } from '../config/load.js';
import { parseCount, parseFailOn, parseOrigin, parseSeconds, parseShard } from '../inputs.js';
import { DEFAULT_CONFIG, mergeReportFiles, readSource, runChecks, writeFileAtomic } from '../pipeline.js';
import { VERSION } from '../version.js';
import { reportJsonChunks } from '../report/record.js';
import { renderSummary } from '../report/summary.js';
import { renderFindings, renderTable } from '../report/table.js';
import { renderMatrixText } from '../report/matrix.js';
import { presetsCommand } from './presets.js';
import { logSafe, oneLine } from '../text.js';


const HELP = `cors-gate ${VERSION} — can a browser call this API?

Usage: cors-gate [options]
       cors-gate presets [--browser B] [--format text|json]   what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${DEFAULT_CONFIG}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout) or markdown (the job summary)
  --origin URL         check from this origin instead of the configured ones
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default fail,error)
  --timeout SECONDS    per-request deadline (default 10)
  --concurrency N      requests in flight at once (default 8)
  --report-file FILE   also write the JSON report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;

/** The catalog shipped beside the bundle (examples/ in the repository). */
function builtInCatalog(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = ['../../examples', '../examples'].map((d) => join(here, d, 'llm-providers.yml'));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new UsageError(`no --config given, no ${DEFAULT_CONFIG}, and the built-in provider list is missing`);
  return found;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'presets') return presetsCommand(argv.slice(1), (s) => process.stdout.write(s));
  const merging = argv[0] === 'merge';
  const { values, positionals } = parseArgs({
    args: merging ? argv.slice(1) : argv,
    options: {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f', default: 'table' },
      origin: { type: 'string' },
      'fail-on': { type: 'string', default: 'fail,error' },
      timeout: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
      'report-file': { type: 'string' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: merging,
  });
  if (merging && !values.help && positionals.length === 0) throw new UsageError('merge needs the JSON report files (or a quoted glob) to merge');
  if (merging && (values.config || values.origin || values.shard)) throw new UsageError('merge reads reports and checks nothing: --config, --origin and --shard do not apply');
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const format = values.format!;
  if (!['table', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be table, json or markdown, got ${JSON.stringify(format)}`);
  const failOn = parseFailOn(values['fail-on']!);
  const timeoutMs = parseSeconds(values.timeout!, '--timeout');
  const concurrency = parseCount(values.concurrency!, '--concurrency', 256);
  const origin = values.origin ? parseOrigin(values.origin, '--origin') : undefined;
  const shard = values.shard !== undefined ? parseShard(values.shard, '--shard') : undefined;
  const configPath = merging ? '' : values.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : builtInCatalog());
  const sources: ConfigSource[] = merging ? [] : [readSource(configPath)];
  const progress = format === 'table' && process.stderr.isTTY;
  const outcome = merging ? mergeReportFiles(positionals, failOn, values['report-file'] ? [values['report-file']] : []) : await runChecks({
    sources,
    ...(origin ? { origin } : {}),
    ...(shard ? { shard } : {}),
    timeoutMs,
    concurrency,
    failOn,
    onResult: progress ? (r, done, total) => process.stderr.write(`\r\u001b[K[${done}/${total}] ${oneLine(r.endpoint.name, 60)}`) : undefined,
  });
  if (progress) process.stderr.write('\r\u001b[K');
  const { report, decision } = outcome;
  if (values['report-file']) writeFileAtomic(values['report-file'], reportJsonChunks(report));
  if (format === 'json') for (const chunk of reportJsonChunks(report)) process.stdout.write(chunk);
  else if (format === 'markdown') process.stdout.write(renderSummary({ records: report.results, decision, ...(shard ? { shard } : {}) }));
  else {
    process.stdout.write(renderTable(report.results, decision, process.stdout.isTTY) + '\n');
    const matrix = renderMatrixText(report.results);
    if (matrix) process.stdout.write('\n' + matrix + '\n');
    const findings = renderFindings(report.results);
    if (findings) process.stdout.write('\n' + findings + '\n');
  }
  return decision.ok ? 0 : 1;
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(logSafe(`cors-gate: configuration error: ${err.message}`) + '\n');
    else if (err instanceof MergeError) process.stderr.write(logSafe(`cors-gate: ${err.message}`) + '\n');
    else if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(logSafe(`cors-gate: ${(err as Error).message}`) + '\n' + 'Try cors-gate --help.\n');
    } else {
      // Not 1: that means the gate failed, and a crash must not look like blocked endpoints.
      process.stderr.write(`cors-gate: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = 2;
  },
);
