// `cors-gate` and `cors-gate merge`: the same pipeline as the action, with a
// terminal table, Markdown, the JSON report or the HTML report.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { readReports, readSource, writeFileAtomic } from '../files.js';
import {
  DEFAULTS,
  MAX_CONCURRENCY,
  MAX_CONFIRM,
  MAX_RETRIES,
  parseCount,
  parseFailOn,
  parseHostPermissions,
  parseOrigin,
  parseSeconds,
  parseShard,
} from '../inputs.js';
import { type CheckOutcome, loadEndpoints, mergeRuns, runChecks } from '../pipeline.js';
import { junitChunks } from '../report/junit.js';
import { renderMatrixText } from '../report/matrix.js';
import { reportJsonChunks } from '../report/record.js';
import { renderSummary } from '../report/summary.js';
import { renderFindings, renderTable } from '../report/table.js';
import { VERSION } from '../version.js';
import { HELP } from './help.js';
import { colorEnabled, looksOffline, OFFLINE_HINT, Progress, progressEnabled } from './terminal.js';

/** The catalog shipped beside the bundle (examples/ in the repository). */
function builtInCatalog(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = ['../../examples', '../examples'].map((d) => join(here, d, 'llm-providers.yml'));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new UsageError(`no --config given, no ${DEFAULTS.config}, and the built-in provider list is missing`);
  return found;
}

/** Runs the command; the exit status: 0 the gate holds, 1 it fails. */
export async function checkCommand(argv: string[], merging: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f', default: 'table' },
      origin: { type: 'string' },
      'host-permissions': { type: 'boolean' },
      'fail-on': { type: 'string', default: DEFAULTS['fail-on'] },
      timeout: { type: 'string', default: DEFAULTS.timeout },
      concurrency: { type: 'string', default: DEFAULTS.concurrency },
      retries: { type: 'string', default: DEFAULTS.retries },
      confirm: { type: 'string', default: DEFAULTS.confirm },
      'report-file': { type: 'string' },
      'html-file': { type: 'string' },
      'junit-file': { type: 'string' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: merging,
  });
  if (merging && !values.help && positionals.length === 0)
    throw new UsageError('merge needs the JSON report files (or a quoted glob) to merge');
  if (merging && (values.config || values.origin || values['host-permissions'] || values.shard))
    throw new UsageError(
      'merge reads reports and checks nothing: --config, --origin, --host-permissions and --shard do not apply',
    );
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const format = values.format!;
  if (!['table', 'json', 'markdown', 'html', 'junit'].includes(format))
    throw new UsageError(`--format must be table, json, markdown, html or junit, got ${JSON.stringify(format)}`);
  const failOn = parseFailOn(values['fail-on']!, '--fail-on');
  const timeoutMs = parseSeconds(values.timeout!, '--timeout');
  const concurrency = parseCount(values.concurrency!, '--concurrency', MAX_CONCURRENCY);
  const retries = parseCount(values.retries!, '--retries', MAX_RETRIES, 0);
  const confirm = parseCount(values.confirm!, '--confirm', MAX_CONFIRM, 0);
  const origin = values.origin ? parseOrigin(values.origin, '--origin') : undefined;
  const hostPermissions = parseHostPermissions(
    values['host-permissions'] ? 'true' : DEFAULTS['host-permissions'],
    '--host-permissions',
    origin,
  );
  const shard = values.shard !== undefined ? parseShard(values.shard, '--shard') : undefined;
  const reportFile = values['report-file'];
  const htmlFile = values['html-file'];
  const progress = progressEnabled(format, process.stderr.isTTY, process.env)
    ? new Progress((s) => process.stderr.write(s))
    : null;
  let outcome: CheckOutcome;
  if (merging) outcome = mergeRuns(readReports(positionals, reportFile ? [reportFile] : []), failOn);
  else {
    const configPath = values.config ?? (existsSync(DEFAULTS.config) ? DEFAULTS.config : builtInCatalog());
    const endpoints = loadEndpoints([readSource(configPath)], {
      ...(origin ? { origin, hostPermissions } : {}),
      env: process.env,
    });
    outcome = await runChecks(endpoints, {
      ...(shard ? { shard } : {}),
      timeoutMs,
      concurrency,
      retries,
      confirm,
      failOn,
      ...(progress ? { onResult: (r, done, total) => progress.update(r, done, total) } : {}),
    });
    progress?.clear();
  }
  const { report, decision } = outcome;
  // Indented for a person at a terminal; one result per line in files and pipes.
  if (reportFile) writeFileAtomic(reportFile, reportJsonChunks(report, 'lines'));
  if (htmlFile || format === 'html') {
    const { renderHtml } = await import('../report/html.js');
    const page = renderHtml({
      records: report.results,
      decision,
      generatedAt: report.generatedAt,
      ...(shard ? { shard } : {}),
    });
    if (htmlFile) writeFileAtomic(htmlFile, page);
    if (format === 'html') process.stdout.write(page);
  }
  const junit = { records: report.results, generatedAt: report.generatedAt, ...(shard ? { shard } : {}) };
  if (values['junit-file']) writeFileAtomic(values['junit-file'], junitChunks(junit));
  if (format === 'json')
    for (const chunk of reportJsonChunks(report, process.stdout.isTTY ? 'indented' : 'lines'))
      process.stdout.write(chunk);
  else if (format === 'junit') for (const chunk of junitChunks(junit)) process.stdout.write(chunk);
  else if (format === 'markdown')
    process.stdout.write(renderSummary({ records: report.results, decision, ...(shard ? { shard } : {}) }));
  else if (format !== 'html') {
    process.stdout.write(renderTable(report.results, decision, colorEnabled(process.stdout.isTTY, process.env)) + '\n');
    const matrix = renderMatrixText(report.results);
    if (matrix) process.stdout.write('\n' + matrix + '\n');
    const findings = renderFindings(report.results);
    if (findings) process.stdout.write('\n' + findings + '\n');
  }
  if (!merging && looksOffline(report.results)) process.stderr.write(`${OFFLINE_HINT}\n`);
  return decision.ok ? 0 : 1;
}
