// The authenticated streaming check: a real key is sent, the event stream is
// judged, and the key shows up nowhere a person or a log can read it. Issue
// bodies are rendered from the same redacted records as the report, so the
// report, summary and stdout checked here cover them too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanup, runAction, runNode } from '../support/spawn.js';
import { SDK_ZOO, startZoo, type Zoo } from '../support/zoo.js';

const KEY = 'sk-cors-gate-test-9f2c71e4b0';
const FILE_KEY = 'sk-literal-in-file-51aa07';

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  zoo = await startZoo(SDK_ZOO);
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-secret-'));
});
afterAll(async () => {
  await zoo?.close();
});

interface Row {
  name: string;
  verdict: string;
  findings: { code: string; level: string; message: string }[];
}

describe('auth: one real streaming request, the key masked everywhere', () => {
  const outputs: string[] = [];
  let rows: Row[];
  beforeAll(async () => {
    const file = join(dir, 'auth.yml');
    writeFileSync(
      file,
      `defaults:
  address-space: local
endpoints:
  - name: Streamer
    url: ${zoo.url}/stream/v1
    style: openai
    paths: [/chat/completions, /models]
    clients: [fetch, openai-sdk]
    auth: {env: ZOO_KEY}
  - name: Streamer with key in file
    url: ${zoo.url}/stream/v1/chat/completions
    auth: ${FILE_KEY}
  - name: Stream without ACAO
    url: ${zoo.url}/stream-noacao/v1/chat/completions
    auth: {env: ZOO_KEY}
  - name: Rejected key
    url: ${zoo.url}/stream/v1/chat/completions
    client: anthropic-sdk
    auth: not-a-valid-key-77
`,
    );
    const report = join(dir, 'report.json');
    const env = { ZOO_KEY: KEY };
    const json = await runNode(
      CLI,
      ['--config', file, '--format', 'json', '--fail-on', 'never', '--report-file', report],
      env,
    );
    const table = await runNode(CLI, ['--config', file, '--fail-on', 'never'], env);
    const md = await runNode(CLI, ['--config', file, '--format', 'markdown', '--fail-on', 'never'], env);
    expect(json.code).toBe(0);
    rows = (JSON.parse(json.stdout) as { results: Row[] }).results;
    outputs.push(
      json.stdout,
      json.stderr,
      table.stdout,
      table.stderr,
      md.stdout,
      md.stderr,
      readFileSync(report, 'utf8'),
    );
  });

  it('sent the real key and asked for a stream', () => {
    const sent = zoo.requests.filter((q) => q.method === 'POST' && q.headers.some(([, v]) => v === `Bearer ${KEY}`));
    // Per run: one POST with the env key for each of the two chat rows, and three for the
    // no-ACAO row (it fails, so two more probes confirm it); three runs.
    expect(sent.length).toBe(15);
    expect(sent.every((q) => JSON.parse(q.body!).stream === true)).toBe(true);
    expect(
      zoo.requests.some(
        (q) => q.method === 'GET' && q.path === '/stream/v1/models' && q.headers.some(([, v]) => v === `Bearer ${KEY}`),
      ),
    ).toBe(true);
    expect(zoo.requests.some((q) => q.headers.some(([, v]) => v === `Bearer ${FILE_KEY}`))).toBe(true);
  });

  it('judges the event stream and lists the headers a page can read', () => {
    const chat = rows.find((r) => r.name === 'Streamer /chat/completions · openai-sdk')!;
    expect(chat.verdict).toBe('pass');
    expect(chat.findings.find((f) => f.code === 'EventStream')?.message).toMatch(
      /^200 text\/event-stream with Access-Control-Allow-Origin: \*/,
    );
    expect(chat.findings.find((f) => f.code === 'ExposedHeaders')?.message).toContain(
      'x-request-id, x-ratelimit-remaining-requests',
    );
    const models = rows.find((r) => r.name === 'Streamer /models')!;
    expect(models.findings.map((f) => f.code)).toContain('AuthenticatedResponse');
    expect(models.findings.find((f) => f.code === 'ExposedHeaders')?.message).toMatch(
      /^No Access-Control-Expose-Headers/,
    );
    const noAcao = rows.find((r) => r.name === 'Stream without ACAO')!;
    expect(noAcao.verdict).toBe('fail');
    expect(noAcao.findings[0]!.code).toBe('MissingAllowOriginHeader');
    const rejected = rows.find((r) => r.name === 'Rejected key')!;
    expect(rejected.verdict).toBe('warn');
    expect(rejected.findings[0]!.code).toBe('AuthenticatedRequestRejected');
  });

  it('the keys appear in no output: stdout, stderr, table, summary, report', () => {
    expect(outputs.length).toBe(7);
    for (const text of outputs) {
      for (const secret of [KEY, FILE_KEY, 'not-a-valid-key-77']) expect(text).not.toContain(secret);
    }
    // The server echoed the key in a header and in the body: they were there to leak.
    expect(outputs[0]).toContain('"X-Echo-Key"');
    expect(outputs[0]).toContain('Bearer ***');
  });
});

// Credentials written straight into `headers:` (a workflow's `${{ secrets.KEY }}`
// reaches the action already substituted): the zoo echoes them back, and they
// must still be shown nowhere.
describe('credential headers written in the config are masked', () => {
  const BEARER = 'sk-header-literal-7d41c0';
  const API_KEY = 'sk-xapikey-literal-e93b2a';
  const COOKIE = 'session=cookie-literal-55f0';
  const SECRETS = [BEARER, API_KEY, COOKIE];
  const config = () => `defaults:
  address-space: local
endpoints:
  - name: Bearer in headers
    url: ${zoo.url}/stream/v1/chat/completions
    headers:
      Authorization: "Bearer ${BEARER}"
      Content-Type: application/json
  - name: Key in headers
    url: ${zoo.url}/stream/v1/messages
    style: anthropic
    headers:
      x-api-key: ${API_KEY}
      Cookie: ${COOKIE}
`;

  it('sent them, and the CLI shows them in no format', async () => {
    const file = join(dir, 'headers.yml');
    writeFileSync(file, config());
    const before = zoo.requests.length;
    const outputs: string[] = [];
    for (const format of ['json', 'markdown', 'table', 'html']) {
      const r = await runNode(CLI, ['--config', file, '--format', format, '--fail-on', 'never']);
      expect(r.code, r.stderr).toBe(0);
      outputs.push(r.stdout, r.stderr);
    }
    const sent = JSON.stringify(zoo.requests.slice(before));
    // A page cannot set Cookie, so only the other two reach the server.
    for (const s of [BEARER, API_KEY]) expect(sent).toContain(s);
    // The echo came back in the response: there was something to leak.
    expect(outputs[0]).toContain('"X-Echo-Key"');
    for (const text of outputs) for (const s of SECRETS) expect(text).not.toContain(s);
  });

  it('the action’s inline endpoints input: masked in log, summary, report and outputs', async () => {
    const r = await runAction({ endpoints: config(), 'fail-on': 'never', timeout: '5' });
    try {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
      for (const s of SECRETS)
        expect(
          masks.some((l) => l.includes(s)),
          s,
        ).toBe(true);
      const log = r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      for (const text of [log, r.stderr, r.summary, r.report ?? '', r.output])
        for (const s of SECRETS) expect(text).not.toContain(s);
      expect(r.report).toContain('Bearer ***');
    } finally {
      cleanup(r);
    }
  });
});
