// Secrets (the GitHub token, auth keys, header values marked secret, credentials
// in URLs) are masked in the log and redacted from every output, even when the
// server echoes them back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issueBody } from '../../src/issues/body.js';
import { curlCommand } from '../../src/report/curl.js';
import type { Report } from '../../src/report/record.js';
import { displayUrl, urlSecrets } from '../../src/secrets.js';
import { type ActionRun, CLI, cleanup, commandLines, run, runAction } from './harness.js';
import { inspect } from './render.js';

const TOKEN = 'ghs_SecretToken_0123456789abcdef';
const AUTH = 'sk-AUTHSECRET-abcdef0123456789';
const HEADER_SECRET = 'HDRSECRET-77777777';
const QUERY_KEY = 'QUERYKEY-123456789';
const API_KEY = 'APIKEY-5555555555';
const USER = 'alice-user-name';
const PASSWORD = 'USERPASS-987654321';
const SECRETS = [TOKEN, AUTH, HEADER_SECRET, QUERY_KEY, API_KEY, PASSWORD];

let server: Server;
let base: string;
let dir: string;
const seen: { url: string; headers: string[] }[] = [];

beforeAll(async () => {
  // Echoes everything it received, in headers and body, and leaks the GitHub token
  // as well: the worst a server can do with what it is sent.
  server = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.rawHeaders });
    req.resume();
    const echo = req.rawHeaders.join(' | ');
    // The preflight lets everything through, so the actual request carries the keys.
    const preflight =
      req.method === 'OPTIONS'
        ? {
            'access-control-allow-origin': '*',
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': 'authorization, content-type, x-api-key',
          }
        : {};
    res.writeHead(req.method === 'OPTIONS' ? 204 : 401, {
      ...preflight,
      'x-echo-url': req.url!,
      'x-echo-headers': echo,
      'x-leak': TOKEN,
      'access-control-expose-headers': `x-${AUTH}`,
    });
    res.end(`request ${req.method} ${req.url}\n${echo}\ntoken ${TOKEN}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-secrets-'));
  writeFileSync(
    join(dir, 'secrets.yml'),
    `endpoints:
  - name: with auth
    url: http://${base}/a/v1/chat/completions?key=${QUERY_KEY}
    auth: ${AUTH}
  - name: secret header
    url: http://${USER}:${PASSWORD}@${base}/b/v1/chat?api_key=${API_KEY}&x=1
    headers:
      x-api-key: {value: ${HEADER_SECRET}, secret: true}
      content-type: application/json
  - name: simple GET with key
    url: http://${base}/c/v1/models?key=${QUERY_KEY}
    method: GET
    headers: []
`,
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function noSecrets(where: string, text: string, secrets = SECRETS): void {
  for (const s of secrets)
    expect(
      text
        .split('\n')
        .filter((l) => l.includes(s))
        .map((l) => l.slice(0, 300)),
      `${s} in ${where}`,
    ).toEqual([]);
}

describe('the action', () => {
  let r: ActionRun;
  beforeAll(async () => {
    r = await runAction({ config: join(dir, 'secrets.yml'), 'github-token': TOKEN, timeout: '5' });
  });
  afterAll(() => r && cleanup(r));

  test('sent the real values (so redaction is not a matter of never having them)', () => {
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const all = JSON.stringify(seen);
    for (const s of [AUTH, HEADER_SECRET, QUERY_KEY, API_KEY]) expect(all).toContain(s);
  });

  test('registers every secret with the runner before printing anything that could hold it', () => {
    const masks = commandLines(r.stdout)
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    for (const s of SECRETS) expect(masks, s).toContain(s);
    const lines = r.stdout.split('\n');
    const lastMask = Math.max(...lines.map((l, i) => (l.startsWith('::add-mask::') ? i : -1)));
    const firstTable = lines.findIndex((l) => /^\s+(PASS|WARN|FAIL|ERR)\s/.test(l));
    expect(lastMask).toBeLessThan(firstTable);
  });

  test('no secret in the log (outside the mask commands), summary, report or outputs', () => {
    const log = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    noSecrets('log', log);
    noSecrets('stderr', r.stderr);
    noSecrets('summary', r.summary);
    noSecrets('report', r.report!);
    noSecrets('outputs', r.output);
    // Escaped in the Markdown source; a reader sees the stars.
    expect(inspect(r.summary).codeText).toContain('***');
  });

  test('URLs are shown with their credentials replaced, in the summary, the report and the curl command', () => {
    const report = JSON.parse(r.report!) as Report;
    expect(report.results.map((x) => x.url)).toEqual([
      `http://${base}/a/v1/chat/completions?key=***`,
      `http://***@${base}/b/v1/chat?api_key=***&x=1`,
      `http://${base}/c/v1/models?key=***`,
    ]);
    const shown = inspect(r.summary).codeText;
    expect(shown).toContain(`curl -sig -X OPTIONS 'http://${base}/a/v1/chat/completions?key=***'`);
    expect(shown).toContain(`http://***@${base}/b/v1/chat?api_key=***&x=1`);
    expect(r.summary).not.toContain(USER);
    // The evidence a reader copies reproduces the request with the key replaced.
    const echoed = report.results[0]!.actual!.headers.find(([n]) => n === 'x-echo-url')!;
    expect(echoed[1]).toBe('/a/v1/chat/completions?key=***');
  });

  test('issue bodies built from the report hold no secret', () => {
    const report = JSON.parse(r.report!) as Report;
    for (const rec of report.results) {
      noSecrets(
        'issue body',
        issueBody(rec, { marker: { id: 'abcdef', fp: 'abcdef', first: '2026-01-01', changed: '2026-01-01' } }),
      );
    }
  });
});

describe('the CLI', () => {
  for (const format of ['table', 'markdown', 'json', 'html']) {
    test(`${format} output holds no secret`, async () => {
      const out = await run(
        [
          CLI,
          '--config',
          join(dir, 'secrets.yml'),
          '--format',
          format,
          '--timeout',
          '5',
          '--report-file',
          join(dir, `r-${format}.json`),
        ],
        {},
      );
      expect(out.code, out.stderr).toBe(1);
      // The CLI is given no GitHub token, so a server that prints one cannot be redacted.
      const known = SECRETS.filter((x) => x !== TOKEN);
      noSecrets(format, out.stdout, known);
      noSecrets('stderr', out.stderr, known);
    });
  }
});

describe('the URL helpers', () => {
  test('displayUrl and urlSecrets cover userinfo and credential query parameters', () => {
    expect(displayUrl('https://u:p@h.example/x?key=1&api_key=2&apikey=3&token=4&q=5')).toBe(
      'https://***@h.example/x?key=***&api_key=***&apikey=***&token=***&q=5',
    );
    expect(urlSecrets('https://u%40x:p%2Fw@h.example/?key=a%2Bb&q=keep')).toEqual(
      expect.arrayContaining(['u%40x', 'u@x', 'p%2Fw', 'p/w', 'a+b', 'a%2Bb']),
    );
    expect(urlSecrets('https://h.example/?q=keep')).toEqual([]);
    expect(curlCommand('GET', displayUrl(`https://h.example/?key=${QUERY_KEY}`), [])).not.toContain(QUERY_KEY);
  });
});
