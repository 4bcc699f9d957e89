// JUnit XML, the test report GitLab, Jenkins, Azure Pipelines and the test-report
// actions read: one <testsuite> per run, one <testcase> per endpoint row. Built
// from the redacted records, so it holds no secret; server text is made visible
// and escaped, so no character XML 1.0 forbids is ever written.
//
// A testcase's classname is the endpoint's config entry (its name without the
// path, origin or client a row adds); its name is what the row adds (the client,
// path or origin), or the whole row name when the entry is a single row.
//   pass → a testcase; warn → a testcase whose <system-out> says why;
//   fail → <failure>; error → <error>; a known failure (expect: fail) → <skipped>.

import { cut, visible, xml } from '../text.js';
import { corsHeaders, firstProblem, neededHeaders, probeNote, problems, retried } from './cells.js';
import { curlCommand } from './curl.js';
import type { ExchangeRecord, ResultRecord } from './record.js';

const EVIDENCE_LIMIT = 16_000;
const MESSAGE_LIMIT = 500;

export interface JunitInput {
  records: readonly ResultRecord[];
  /** When the report was made (ISO). */
  generatedAt: string;
  /** This run checked one shard of the endpoints. */
  shard?: { index: number; count: number };
}

/** The row's class (its config entry) and name (what the row adds to it). */
export function junitNames(r: ResultRecord): { classname: string; name: string } {
  // The group is the entry's name; a row's name starts with it (both as the report shows them).
  const group = r.group && r.name.startsWith(r.group) ? r.group : undefined;
  if (!group) return { classname: r.name, name: r.name };
  const rest = r.name
    .slice(group.length)
    .replace(/^\s*·?\s*/, '')
    .trim();
  return { classname: group, name: rest || r.client || r.name };
}

/** A known failure: expect: fail, and it still fails. */
function known(r: ResultRecord): boolean {
  return r.expect === 'fail' && r.verdict === 'fail';
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function rowMs(r: ResultRecord): number {
  return (r.preflight?.ms ?? 0) + (r.actual?.ms ?? 0);
}

/** Multi-line untrusted text as element text: each line made visible and escaped, line breaks kept. */
function text(s: string): string {
  return cut(s, EVIDENCE_LIMIT).split('\n').map(xml).join('\n');
}

function attr(s: string, max = MESSAGE_LIMIT): string {
  return xml(cut(s, max));
}

function exchangeLines(title: string, ex: ExchangeRecord): string[] {
  const out = [
    `${title}: ${ex.request.method} → ${ex.status ?? 'no response'}${ex.error ? ` (${ex.error.message})` : ''}${retried(ex)}`,
  ];
  const cors = corsHeaders(ex);
  for (const [n, v] of cors) out.push(`${n}: ${v}`);
  if (cors.length === 0 && !ex.error) out.push('(no Access-Control-* headers)');
  return out;
}

/**
 * What a person needs to see why: the request, the findings, the headers needed, what
 * came back, a curl command. One line per item: a line break in server text is shown, not kept.
 */
export function evidence(r: ResultRecord): string {
  const out = [
    `${r.method} ${r.url} from origin ${r.origin}${r.credentials === 'include' ? ', credentials: include' : ''}`,
  ];
  for (const f of problems(r)) out.push(`${f.code} (${f.level}${f.on ? `, ${f.on}` : ''}): ${f.message}`);
  if (r.probes && r.probes.length > 1) out.push(probeNote(r));
  const needed = neededHeaders(r);
  if (needed) out.push('', 'The response needs:', ...needed.split('\n'));
  if (r.preflight) out.push('', ...exchangeLines('Preflight', r.preflight));
  if (r.actual) out.push('', ...exchangeLines('Actual request', r.actual));
  const sent = r.preflight ?? r.actual;
  if (sent) out.push('', 'Reproduce:', curlCommand(sent.request.method, r.url, sent.request.headers));
  return out.map(visible).join('\n');
}

function testcase(r: ResultRecord): string {
  const { classname, name } = junitNames(r);
  const open = `    <testcase classname="${attr(classname, 1000)}" name="${attr(name, 1000)}" time="${seconds(rowMs(r))}"`;
  const first = firstProblem(r);
  const code = attr(first?.code ?? r.verdict, 200);
  const message = attr(first?.message ?? r.verdict);
  let body: string;
  if (known(r)) body = `<skipped type="${code}" message="expected failure">${text(evidence(r))}</skipped>`;
  else if (r.verdict === 'fail') body = `<failure type="${code}" message="${message}">${text(evidence(r))}</failure>`;
  else if (r.verdict === 'error') body = `<error type="${code}" message="${message}">${text(evidence(r))}</error>`;
  else if (r.verdict === 'warn') body = `<system-out>${text(evidence(r))}</system-out>`;
  else if (r.expect === 'fail')
    body = `<system-out>${text('Now passes: drop expect: fail from its config.')}</system-out>`;
  else return `${open}/>\n`;
  return `${open}>\n      ${body}\n    </testcase>\n`;
}

/** The report as JUnit XML, a testcase at a time: thousands of rows never sit in memory as one string. */
export function* junitChunks(input: JunitInput): Generator<string> {
  const { records } = input;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  let ms = 0;
  for (const r of records) {
    if (known(r)) skipped++;
    else if (r.verdict === 'fail') failures++;
    else if (r.verdict === 'error') errors++;
    ms += rowMs(r);
  }
  const name = `cors-gate${input.shard ? ` (shard ${input.shard.index}/${input.shard.count})` : ''}`;
  // The Ant form, without a zone (UTC), as JUnit readers expect it.
  const timestamp = input.generatedAt.slice(0, 19);
  const counts = `tests="${records.length}" failures="${failures}" errors="${errors}"`;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${attr(name)}" ${counts} time="${seconds(ms)}">\n`;
  yield `  <testsuite name="${attr(name)}" ${counts} skipped="${skipped}" time="${seconds(ms)}" timestamp="${attr(timestamp)}">\n`;
  let batch = '';
  for (const r of records) {
    batch += testcase(r);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}  </testsuite>\n</testsuites>\n`;
}

export function renderJunit(input: JunitInput): string {
  return [...junitChunks(input)].join('');
}
