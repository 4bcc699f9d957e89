// Server text that tries to become markup, mentions, links or workflow commands
// stays inert text in every output: the job summary (rendered as Markdown), the
// action log, the annotations, and the CLI's table, Markdown and JSON.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ActionRun, CLI, cleanup, commandLines, isOwnCommand, run, runAction } from './harness.js';
import { type HostileServer, hostileConfig, MARK, startHostile } from './hostile-server.js';
import { children, findAll, inspect, RAW_CONTROL } from './render.js';

const TOKEN = 'ghs_hostileTextTestToken0123456789';
const ROUTES = 6;
const NON_PASS_ROUTES = 6; // warn, fail and four errors or fails: all get details

let server: HostileServer;
let action: ActionRun;
let dir: string;

beforeAll(async () => {
  server = await startHostile();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-text-'));
  writeFileSync(join(dir, 'hostile.yml'), hostileConfig(server.url));
  action = await runAction({
    config: join(dir, 'hostile.yml'),
    'github-token': TOKEN,
    timeout: '5',
    'fail-on': 'fail,error',
  });
});
afterAll(async () => {
  await server?.close();
  if (action) cleanup(action);
  rmSync(dir, { recursive: true, force: true });
});

/** Checks one rendered Markdown document: structure intact, server text only inside code. */
function checkMarkdown(text: string, rows: number, detailsCount: number): void {
  expect(text).toContain(MARK); // the evidence is there…
  const page = inspect(text);
  expect(page.foreignTags, page.html.slice(0, 2000)).toEqual([]); // …but no script, img, a, iframe
  expect(page.attributes).toEqual([]); // no onerror, href, src, open
  expect(page.comments).toEqual([]);
  expect(page.nestedInCode).toEqual([]); // quoted text was never parsed as Markdown
  for (const needle of [MARK, '@someone', '@github', '#123', 'evil.example', 'onerror', 'GH-1']) {
    expect(page.plainText, `${needle} outside code`).not.toContain(needle);
  }
  expect(page.codeText).toContain(MARK);
  // The table keeps its shape: a header and one row per endpoint, five cells each.
  const tables = findAll(page.root, 'table');
  expect(tables).toHaveLength(1);
  const trs = findAll(tables[0]!, 'tr');
  expect(trs).toHaveLength(rows + 1);
  for (const tr of trs) expect([...children(tr, 'td'), ...children(tr, 'th')]).toHaveLength(5);
  // Every details block is one of ours and opens with its summary.
  const details = findAll(page.root, 'details');
  expect(details).toHaveLength(detailsCount);
  for (const d of details) expect(children(d)[0]?.tagName).toBe('summary');
  expect(page.count.summary ?? 0).toBe(detailsCount);
  // Raw: no control or direction characters, and long values are cut with a marker.
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toMatch(/V{5000}|L{5000}/);
  expect(text).toMatch(/more characters cut|body cut/);
}

function checkLog(log: string, secrets: string[] = []): void {
  const commands = commandLines(log);
  const foreign = commands.filter((l) => !isOwnCommand(l, secrets));
  expect(foreign, 'lines a runner would run as commands').toEqual([]);
  expect(log, 'the older ##[command] form, which the runner finds anywhere in a line').not.toMatch(/##\[/);
  expect(log).not.toMatch(RAW_CONTROL);
  expect(log).not.toMatch(/V{5000}|L{5000}/);
}

describe('the action, run as the runner runs it', () => {
  test('it ran and failed the gate (not crashed)', () => {
    expect(action.code, action.stdout + action.stderr).toBe(1);
    expect(action.stdout).toContain('::error');
    expect(action.stdout).not.toContain('cors-gate failed:');
    const report = JSON.parse(action.report!);
    expect(report.results).toHaveLength(ROUTES);
    // The folded and bare-CR responses are malformed HTTP that browsers read anyway: read leniently, they lack ACAO.
    expect(report.results.map((r: { verdict: string }) => r.verdict)).toEqual([
      'warn',
      'fail',
      'fail',
      'fail',
      'fail',
      'fail',
    ]);
  });

  test('the job summary renders no server markup, mention, link or broken structure', () => {
    checkMarkdown(action.summary, ROUTES, NON_PASS_ROUTES);
  });

  test('the log carries no workflow command but its own, and no raw control characters', () => {
    checkLog(action.stdout, [TOKEN]);
    // Annotations (our commands) keep their properties; server text only in the message.
    for (const l of commandLines(action.stdout)) {
      const m = /^::(error|warning) ([^:]*)::/.exec(l.trim());
      if (m) expect(m[2]).not.toContain(MARK);
    }
  });

  test('outputs hold only names cors-gate chose, and the report is valid JSON with the raw evidence', () => {
    expect(action.output).not.toContain(MARK);
    const report = JSON.parse(action.report!);
    expect(JSON.stringify(report)).toContain(MARK);
  });
});

test('endpoint names that look like commands or carry control characters cannot issue commands either', async () => {
  const names = [
    '::error::NAMED one',
    '  ::add-mask::NAMED two',
    '##[warning]NAMED three',
    '\\u202Eright-to-left NAMED',
  ];
  const text = `endpoints:\n${names.map((n, i) => `  - name: "${n}"\n    url: ${server.url}/${i % 2 ? 'fail' : 'status'}/v1/chat\n`).join('')}`;
  const r = await runAction({ endpoints: text, 'github-token': TOKEN, timeout: '5' });
  try {
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('NAMED');
    checkLog(r.stdout, [TOKEN]);
    checkLog(r.stderr);
  } finally {
    cleanup(r);
  }
  // Line breaks and other control characters in a name are refused before anything is sent; the refusal is as safe.
  for (const bad of ['x\\n::warning::NAMED three', 'bell\\u0007 NAMED\\r::error::after CR']) {
    const refused = await runAction({
      endpoints: `endpoints:\n  - name: "${bad}"\n    url: ${server.url}/fail/v1/chat\n`,
      'github-token': TOKEN,
    });
    try {
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('contains a line break or another control character');
      checkLog(
        refused.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::error'))
          .join('\n'),
        [TOKEN],
      );
      expect(
        commandLines(refused.stdout).every(
          (l) => isOwnCommand(l, [TOKEN]) || l.startsWith('::error title=cors-gate%3A configuration error'),
        ),
      ).toBe(true);
    } finally {
      cleanup(refused);
    }
  }
});

describe('the CLI', () => {
  test('markdown output is as safe as the job summary', async () => {
    const r = await run([CLI, '--config', join(dir, 'hostile.yml'), '--format', 'markdown', '--timeout', '5'], {});
    expect(r.code, r.stderr).toBe(1);
    checkMarkdown(r.stdout, ROUTES, NON_PASS_ROUTES);
  });

  test('the table carries no command line and no raw control characters', async () => {
    const r = await run([CLI, '--config', join(dir, 'hostile.yml'), '--format', 'table', '--timeout', '5'], {});
    expect(r.code, r.stderr).toBe(1);
    checkLog(r.stdout);
    checkLog(r.stderr);
    expect(r.stdout).toContain('fail route');
  });

  test('JSON output is valid JSON in which no line can start a command', async () => {
    const r = await run([CLI, '--config', join(dir, 'hostile.yml'), '--format', 'json', '--timeout', '5'], {});
    expect(r.code, r.stderr).toBe(1);
    expect(commandLines(r.stdout)).toEqual([]);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(r.stdout);
    expect(report.results).toHaveLength(ROUTES);
  });
});
