// The JUnit XML report from the built CLI and the built action, against the
// provider zoo on 127.0.0.1 (3 pass, 2 fail) with a warn row, an error row
// (connection refused), a known failure and a row per client, and against the
// hostile server: each report read back by a real XML parser and validated
// against a published JUnit schema.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileServer, hostileConfig, MARK, startHostile } from '../hostile/hostile-server.js';
import { RAW_CONTROL } from '../hostile/render.js';
import { type JunitCase, readJunit } from '../support/junit.js';
import { CLI, cleanup, runAction, runNode } from '../support/spawn.js';
import { startZoo, ZOO, type Zoo, zooConfig } from '../support/zoo.js';

let zoo: Zoo;
let hostile: HostileServer;
let dir: string;
let config: string;

/** A port on 127.0.0.1 that nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  zoo = await startZoo({
    ...ZOO,
    // Passes in Chromium, but relies on `*` to cover Authorization: a warning.
    wildcard: {
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Methods', 'POST'],
          ['Access-Control-Allow-Headers', '*'],
        ],
      },
      actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*']] },
    },
  });
  hostile = await startHostile();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-junit-'));
  config = join(dir, 'zoo.yml');
  writeFileSync(
    config,
    `${zooConfig(zoo.url)}  - name: Wildcard
    url: ${zoo.url}/wildcard/v1/chat/completions
  - name: Down
    url: http://127.0.0.1:${await closedPort()}/v1/chat/completions
  - name: NVIDIA NIM, known
    url: ${zoo.url}/nvidia/v1/chat/completions/known
    expect: fail
  - name: ModelStream SDKs
    url: ${zoo.url}/modelstream/v1/chat/completions
    clients: [fetch, openai-sdk]
`,
  );
  writeFileSync(join(dir, 'hostile.yml'), hostileConfig(hostile.url));
});
afterAll(async () => {
  await zoo?.close();
  await hostile?.close();
  rmSync(dir, { recursive: true, force: true });
});

const byName = (cases: JunitCase[]) => Object.fromEntries(cases.map((c) => [`${c.classname} / ${c.name}`, c]));

function checkZooReport(xml: string): void {
  const report = readJunit(xml);
  expect(report.suites).toHaveLength(1);
  const suite = report.suites[0]!;
  expect(suite.attrs).toMatchObject({ name: 'cors-gate', tests: '10', failures: '2', errors: '1', skipped: '1' });
  expect(suite.attrs.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  const cases = byName(suite.cases);
  expect(Object.keys(cases)).toEqual([
    'OpenRouter / OpenRouter',
    'Azure AI Foundry / Azure AI Foundry',
    'ModelStream / ModelStream',
    'NVIDIA NIM / NVIDIA NIM',
    'OpenCode Zen / OpenCode Zen',
    'Wildcard / Wildcard',
    'Down / Down',
    'NVIDIA NIM, known / NVIDIA NIM, known',
    'ModelStream SDKs / fetch',
    'ModelStream SDKs / openai-sdk',
  ]);
  const outcome = Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, c.outcome]));
  expect(outcome).toEqual({
    'OpenRouter / OpenRouter': 'pass',
    'Azure AI Foundry / Azure AI Foundry': 'pass',
    'ModelStream / ModelStream': 'pass',
    'NVIDIA NIM / NVIDIA NIM': 'failure',
    'OpenCode Zen / OpenCode Zen': 'failure',
    'Wildcard / Wildcard': 'pass',
    'Down / Down': 'error',
    'NVIDIA NIM, known / NVIDIA NIM, known': 'skipped',
    'ModelStream SDKs / fetch': 'pass',
    'ModelStream SDKs / openai-sdk': 'pass',
  });
  const nvidia = cases['NVIDIA NIM / NVIDIA NIM']!;
  expect(nvidia.type).toBe('PreflightMissingAllowOriginHeader');
  expect(nvidia.message).toMatch(/No 'Access-Control-Allow-Origin' header/);
  expect(nvidia.text).toContain('Preflight: OPTIONS → 200\n(no Access-Control-* headers)');
  expect(nvidia.text).toContain('The response needs:\nAccess-Control-Allow-Origin: *\n');
  expect(nvidia.text).toContain('failed 3 of 3 probes');
  expect(nvidia.text).toMatch(/Reproduce:\ncurl -sig -X OPTIONS '.*\/nvidia\/v1\/chat\/completions'/);
  const zen = cases['OpenCode Zen / OpenCode Zen']!;
  expect(zen.text).toContain('Preflight: OPTIONS → 404');
  expect(zen.text).not.toContain('<h1>Not Found</h1>'); // bodies stay in the JSON report
  const wildcard = cases['Wildcard / Wildcard']!;
  expect(wildcard.systemOut).toMatch(/\(warn, preflight\)/);
  expect(wildcard.systemOut).toContain('Access-Control-Allow-Headers: *');
  const down = cases['Down / Down']!;
  expect(down.type).toBe('NetworkError');
  expect(down.message).toContain('ECONNREFUSED');
  expect(cases['NVIDIA NIM, known / NVIDIA NIM, known']).toMatchObject({
    type: 'PreflightMissingAllowOriginHeader',
    message: 'expected failure',
  });
  // Times are the exchanges' own, in seconds: present and well formed, never asserted.
  for (const c of suite.cases) expect(c.time).toMatch(/^\d+\.\d{3}$/);
}

describe('the CLI', () => {
  it('--format junit writes the report on stdout; --junit-file the same to a file', async () => {
    const file = join(dir, 'out', 'cors-gate.xml');
    const ran = await runNode(CLI, ['--config', config, '--format', 'junit', '--junit-file', file, '--retries', '0']);
    expect(ran.code, ran.stderr).toBe(1);
    checkZooReport(ran.stdout);
    expect(readFileSync(file, 'utf8')).toBe(ran.stdout);
  });

  it('--junit-file with another format, and with merge', async () => {
    const file = join(dir, 'table.xml');
    const reportFile = join(dir, 'report.json');
    const ran = await runNode(CLI, [
      '--config',
      config,
      '--junit-file',
      file,
      '--report-file',
      reportFile,
      '--retries',
      '0',
    ]);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stdout).toContain('can be called from a browser');
    checkZooReport(readFileSync(file, 'utf8'));
    const merged = await runNode(CLI, ['merge', reportFile, '--format', 'junit']);
    expect(merged.code, merged.stderr).toBe(1);
    checkZooReport(merged.stdout);
  });

  it('says junit is a format when the format is unknown', async () => {
    const ran = await runNode(CLI, ['--config', config, '--format', 'xml']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('--format must be table, json, markdown, html or junit');
  });

  it('server text written to do harm stays text in a valid report', async () => {
    const ran = await runNode(CLI, ['--config', join(dir, 'hostile.yml'), '--format', 'junit', '--timeout', '5']);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stdout).not.toMatch(RAW_CONTROL);
    expect(ran.stdout).not.toContain('<script>');
    const report = readJunit(ran.stdout);
    const cases = report.suites[0]!.cases;
    expect(cases).toHaveLength(6);
    expect(cases.map((c) => c.outcome)).toEqual(['pass', 'failure', 'failure', 'failure', 'failure', 'failure']);
    // The evidence is there, as text: quoted markup, made-visible controls.
    const all = cases.map((c) => `${c.message ?? ''}\n${c.text ?? ''}\n${c.systemOut ?? ''}`).join('\n');
    expect(all).toContain(MARK);
    expect(all).toContain(`::error::${MARK}`);
    expect(all).not.toMatch(RAW_CONTROL);
  });
});

describe('the action', () => {
  it('junit-file: the report is written after the JSON report, with the same rows', async () => {
    const file = join(dir, 'action', 'cors-gate.xml');
    const ran = await runAction({ config, 'junit-file': file, retries: '0' });
    try {
      expect(ran.code, ran.stdout + ran.stderr).toBe(1);
      checkZooReport(readFileSync(file, 'utf8'));
      expect(JSON.parse(ran.report!).results).toHaveLength(10);
    } finally {
      cleanup(ran);
    }
  });

  it('without junit-file, no JUnit report', async () => {
    const ran = await runAction({ config, retries: '0' });
    try {
      expect(ran.code).toBe(1);
      expect(readdirSync(ran.dir).filter((f) => f.endsWith('.xml'))).toEqual([]);
      expect(ran.report).not.toBe(null);
    } finally {
      cleanup(ran);
    }
  });
});
