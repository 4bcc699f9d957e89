// Per-client verdicts against zoo servers that copy the allow-lists real
// providers have, through the built CLI as users run it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runNode } from '../support/spawn.js';
import { SDK_ZOO, startZoo, ZOO, type Zoo } from '../support/zoo.js';

let zoo: Zoo;
let dir: string;
beforeAll(async () => {
  zoo = await startZoo({ ...ZOO, ...SDK_ZOO });
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-presets-'));
});
afterAll(async () => {
  await zoo?.close();
});

const config = (base: string) => `defaults:
  origin: https://example.com
  # The servers stand in for providers on the internet but run on this machine: the page counts as
  # on it too, so Chromium's Local Network Access (a public page calling loopback) does not apply.
  address-space: local
endpoints:
  - name: Gemini-like
    url: ${base}/gemini
    style: gemini
    paths: ['/v1beta/models/{model}:generateContent']
    clients: [fetch, google-genai, vercel-ai/google, openai-sdk]
  - name: Gemini-like in Firefox
    url: ${base}/gemini
    style: gemini
    paths: ['/v1beta/models/{model}:generateContent']
    browser: firefox
    clients: [google-genai, vercel-ai/google]
  - name: Ollama-like
    url: ${base}/ollama/v1/chat/completions
    clients: [fetch, openai-sdk, vercel-ai/openai-compatible, anthropic-sdk]
  - name: Fireworks-like
    url: ${base}/fireworks/inference/v1/chat/completions
    clients: [fetch, openai-sdk, vercel-ai/openai-compatible]
  - name: Fireworks-like in Safari
    url: ${base}/fireworks/inference/v1/chat/completions
    browser: safari
    clients: [fetch, vercel-ai/openai-compatible]
  - name: Anthropic-like
    url: ${base}/anthropic
    style: anthropic
    clients: [fetch, anthropic-sdk, vercel-ai/anthropic]
  - name: OpenRouter-like
    url: ${base}/openrouter/api/v1/chat/completions
    clients: [fetch, openai-sdk, anthropic-sdk]
  - name: Anthropic proxy
    url: ${base}/anthropic-proxy
    style: anthropic
    clients: [anthropic-sdk, anthropic-sdk@0]
  - name: Gemini v1beta proxy
    url: ${base}/gemini-v1beta
    style: gemini
    models: [gemini-2.5-flash]
    clients: [google-genai, google-genai@2]
  - name: OpenRouter-like in Firefox
    url: ${base}/openrouter/api/v1/chat/completions
    browser: firefox
    clients: [openai-sdk, openai-sdk@6, openai-sdk@5]
  - name: OpenRouter-like in Safari
    url: ${base}/openrouter/api/v1/chat/completions
    browser: safari
    clients: [openai-sdk, openai-sdk@6]
  - name: OpenRouter-like streams
    url: ${base}/openrouter/api/v1/chat/completions
    clients: [openai-sdk/stream, openai-sdk/stream-helper, openai-sdk/stream-helper@5]
  - name: Chat-only server
    url: ${base}/chat-only/v1
    style: openai
    clients: [vercel-ai/openai, vercel-ai/openai:chat]
`;

interface Row {
  name: string;
  url: string;
  client?: string;
  verdict: string;
  findings: { code: string; level: string; message: string }[];
  preflight: { request: { headers: [string, string][] } } | null;
}

describe('provider × client verdicts against the zoo', () => {
  let rows: Row[];
  let table: string;
  let markdown: string;
  beforeAll(async () => {
    const file = join(dir, 'zoo-clients.yml');
    writeFileSync(file, config(zoo.url));
    const json = await runNode(CLI, ['--config', file, '--format', 'json', '--fail-on', 'never']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    rows = (JSON.parse(json.stdout) as { results: Row[] }).results;
    table = (await runNode(CLI, ['--config', file, '--fail-on', 'never'])).stdout;
    markdown = (await runNode(CLI, ['--config', file, '--format', 'markdown', '--fail-on', 'never'])).stdout;
  });

  const blockedBy = (name: string) => rows.find((x) => x.name === name)!.findings.find((f) => f.level === 'fail')?.code;

  it('matches the observed provider behaviour for each client', () => {
    const matrix = Object.fromEntries(rows.map((r) => [r.name, r.verdict]));
    expect(matrix).toEqual({
      'Gemini-like /v1beta/models/gemini-2.5-flash:generateContent': 'pass',
      'Gemini-like /v1beta/models/gemini-2.5-flash:generateContent · google-genai': 'pass',
      'Gemini-like /v1beta/models/gemini-2.5-flash:generateContent · vercel-ai/google': 'pass',
      'Gemini-like /v1beta/models/gemini-2.5-flash:generateContent · openai-sdk': 'fail',
      'Gemini-like in Firefox /v1beta/models/gemini-2.5-flash:generateContent · google-genai': 'fail',
      'Gemini-like in Firefox /v1beta/models/gemini-2.5-flash:generateContent · vercel-ai/google': 'fail',
      'Ollama-like': 'pass',
      'Ollama-like · openai-sdk': 'pass',
      'Ollama-like · vercel-ai/openai-compatible': 'pass',
      'Ollama-like · anthropic-sdk': 'fail',
      'Fireworks-like': 'pass',
      'Fireworks-like · openai-sdk': 'fail',
      'Fireworks-like · vercel-ai/openai-compatible': 'pass',
      'Fireworks-like in Safari': 'pass',
      'Fireworks-like in Safari · vercel-ai/openai-compatible': 'fail',
      'Anthropic-like /v1/messages': 'pass',
      'Anthropic-like /v1/messages · anthropic-sdk': 'pass',
      'Anthropic-like /v1/messages · vercel-ai/anthropic': 'fail',
      'OpenRouter-like': 'pass',
      'OpenRouter-like · openai-sdk': 'pass',
      'OpenRouter-like · anthropic-sdk': 'fail',
      // @anthropic-ai/sdk 1 sends its key in authorization, which this proxy does not allow; 0.x sent x-api-key.
      'Anthropic proxy /v1/messages · anthropic-sdk': 'fail',
      'Anthropic proxy /v1/messages · anthropic-sdk@0': 'pass',
      // @google/genai 3 calls /v1/, 2 called /v1beta/.
      'Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:generateContent · google-genai': 'fail',
      'Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:generateContent · google-genai@2': 'pass',
      'Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse · google-genai': 'fail',
      'Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse · google-genai@2': 'pass',
      // openai 7 sets no User-Agent; Firefox and Safari put a page's into the preflight, and this server does not allow it.
      'OpenRouter-like in Firefox · openai-sdk': 'pass',
      'OpenRouter-like in Firefox · openai-sdk@6': 'fail',
      'OpenRouter-like in Firefox · openai-sdk@5': 'fail',
      'OpenRouter-like in Safari · openai-sdk': 'pass',
      'OpenRouter-like in Safari · openai-sdk@6': 'fail',
      // The stream helper adds x-stainless-helper-method, which this server does not list.
      'OpenRouter-like streams · openai-sdk/stream': 'pass',
      'OpenRouter-like streams · openai-sdk/stream-helper': 'fail',
      'OpenRouter-like streams · openai-sdk/stream-helper@5': 'fail',
      // The Vercel AI SDK's openai('m') calls /responses too; a named call (openai.chat('m')) is checked on its route only.
      'Chat-only server /chat/completions · vercel-ai/openai': 'pass',
      'Chat-only server /chat/completions · vercel-ai/openai:chat': 'pass',
      'Chat-only server /responses · vercel-ai/openai': 'fail',
      'Chat-only server /models · vercel-ai/openai': 'fail',
    });
  });

  it('names the reason each client is blocked', () => {
    expect(blockedBy('Gemini-like /v1beta/models/gemini-2.5-flash:generateContent · openai-sdk')).toBe(
      'PreflightMissingAllowOriginHeader',
    );
    expect(blockedBy('Fireworks-like · openai-sdk')).toBe('HeaderDisallowedByPreflightResponse');
    expect(blockedBy('Anthropic-like /v1/messages · vercel-ai/anthropic')).toBe('MissingAllowOriginHeader');
    // Only the headers that survive the browser are asked for: Chromium never lists user-agent.
    const gg = rows.find((r) => r.name.endsWith(':generateContent · google-genai') && !r.name.includes('Firefox'))!;
    const asked = gg.preflight!.request.headers.find(([n]) => n === 'Access-Control-Request-Headers')![1];
    expect(asked).toBe('content-type,x-goog-api-client,x-goog-api-key');
  });

  it('names why the latest SDKs are blocked where their previous majors pass', () => {
    expect(blockedBy('Anthropic proxy /v1/messages · anthropic-sdk')).toBe('PreflightMissingAllowOriginHeader');
    expect(blockedBy('Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:generateContent · google-genai')).toBe(
      'PreflightMissingAllowOriginHeader',
    );
    expect(blockedBy('OpenRouter-like in Firefox · openai-sdk@6')).toBe('HeaderDisallowedByPreflightResponse');
    expect(blockedBy('OpenRouter-like streams · openai-sdk/stream-helper')).toBe('HeaderDisallowedByPreflightResponse');
    const genai = rows.find(
      (r) => r.name === 'Gemini v1beta proxy /v1beta/models/gemini-2.5-flash:generateContent · google-genai',
    )!;
    expect(genai.url).toBe(`${zoo.url}/gemini-v1beta/v1/models/gemini-2.5-flash:generateContent`);
    const asked = (name: string) =>
      rows
        .find((r) => r.name === name)!
        .preflight!.request.headers.find(([n]) => n === 'Access-Control-Request-Headers')![1]
        .split(',');
    expect(asked('OpenRouter-like in Firefox · openai-sdk@6')).toContain('user-agent');
    expect(asked('OpenRouter-like in Firefox · openai-sdk')).not.toContain('user-agent');
    expect(asked('Anthropic proxy /v1/messages · anthropic-sdk')).toContain('authorization');
    expect(asked('Anthropic proxy /v1/messages · anthropic-sdk@0')).toContain('x-api-key');
  });

  it('the zoo saw the SDK headers on the wire', () => {
    const sdkPreflight = zoo.requests.find(
      (q) =>
        q.method === 'OPTIONS' &&
        q.path.startsWith('/ollama') &&
        q.headers.some(([n, v]) => n === 'Access-Control-Request-Headers' && v.includes('x-stainless-lang')),
    );
    expect(sdkPreflight).toBeDefined();
  });

  it('shows a provider × client matrix in the table and the summary', () => {
    expect(table).toContain('By client:');
    expect(table).toMatch(/\n {2}Fireworks-like +PASS +- +- +FAIL HeaderDisallowedByPreflightResponse +PASS/);
    expect(markdown).toContain('### By client');
    expect(markdown).toContain('| Provider | fetch | google-genai | vercel-ai/google | openai-sdk |');
    expect(markdown).toMatch(
      /\| Anthropic-like \/v1\/messages \| ✅ pass \|[ |]*\| ✅ pass \| ❌ fail<br>MissingAllowOriginHeader \|[ |]*\n/,
    );
  });
});
