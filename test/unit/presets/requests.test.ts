import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { corsUnsafeHeaderNames, sendableHeaders } from '../../../src/cors/fetch-rules.js';
import { ConfigError } from '../../../src/errors.js';
import { CLIENT_NAMES, PRESETS, presetRequest } from '../../../src/presets/requests.js';
import type { Browser, Endpoint } from '../../../src/types.js';

const names = (client: string, browser: Browser = 'chromium', url = 'https://api.example/v1/chat/completions') =>
  presetRequest({ client, url, browser }).headers.map(([n]) => n.toLowerCase());

/** What the browser lists in Access-Control-Request-Headers for this client. */
const acrh = (client: string, browser: Browser, url?: string) => {
  const req = presetRequest({ client, url: url ?? 'https://api.example/v1/chat/completions', browser });
  return corsUnsafeHeaderNames(sendableHeaders(req.headers, browser).kept).join(',');
};

const STAINLESS = [
  'x-stainless-arch',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-retry-count',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

describe('presets expand to the headers their SDK sends', () => {
  it('lists every preset with its version and source', () => {
    expect(CLIENT_NAMES).toEqual([
      'fetch',
      'openai-sdk',
      'anthropic-sdk',
      'google-genai',
      'vercel-ai/openai',
      'vercel-ai/openai-compatible',
      'vercel-ai/anthropic',
      'vercel-ai/google',
      'vercel-ai/azure',
    ]);
    for (const p of PRESETS) {
      expect(p.version).not.toBe('');
      expect(p.source).not.toBe('');
    }
  });

  it('fetch as a client sends the style’s usual headers, and headers given add to them', () => {
    expect(names('fetch')).toEqual(['authorization', 'content-type']);
    const given = presetRequest({
      client: 'fetch',
      url: 'https://a.example/x',
      browser: 'chromium',
      headers: [['X-Custom', '1']],
    });
    expect(given.headers.map(([n]) => n)).toEqual(['authorization', 'content-type', 'X-Custom']);
    expect(
      presetRequest({
        client: 'fetch',
        style: 'anthropic',
        url: 'https://a.example/v1/messages',
        browser: 'chromium',
      }).headers.map(([n]) => n),
    ).toEqual(['x-api-key', 'anthropic-version', 'anthropic-dangerous-direct-browser-access', 'content-type']);
  });

  it('openai-sdk: the x-stainless set, authorization, content-type; user-agent only outside Chromium', () => {
    expect(new Set(names('openai-sdk'))).toEqual(
      new Set(['accept', 'user-agent', 'authorization', 'content-type', ...STAINLESS]),
    );
    expect(acrh('openai-sdk', 'chromium')).toBe(['authorization', 'content-type', ...STAINLESS].join(','));
    expect(acrh('openai-sdk', 'firefox')).toBe(
      ['authorization', 'content-type', 'user-agent', ...STAINLESS].sort().join(','),
    );
    const h = Object.fromEntries(
      presetRequest({ client: 'openai-sdk', url: 'https://a.example/v1/chat/completions', browser: 'firefox' }).headers,
    );
    expect(h['X-Stainless-Runtime']).toBe('browser:firefox');
    expect(h['X-Stainless-Package-Version']).toBe('5.19.0');
  });

  it('anthropic-sdk: x-api-key, anthropic-version, the browser opt-in and x-stainless-timeout', () => {
    expect(acrh('anthropic-sdk', 'chromium', 'https://a.example/v1/messages')).toBe(
      [
        'anthropic-dangerous-direct-browser-access',
        'anthropic-version',
        'content-type',
        'x-api-key',
        ...STAINLESS,
        'x-stainless-timeout',
      ]
        .sort()
        .join(','),
    );
    const r = presetRequest({ client: 'anthropic-sdk', url: 'https://a.example/v1/messages', browser: 'chromium' });
    expect(Object.fromEntries(r.headers)['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(JSON.parse(r.body!)).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'ping' }],
    });
  });

  it('google-genai: content-type, x-goog-api-key, x-goog-api-client (+ user-agent outside Chromium)', () => {
    const url = 'https://g.example/v1beta/models/gemini-2.5-flash:generateContent';
    expect(acrh('google-genai', 'chromium', url)).toBe('content-type,x-goog-api-client,x-goog-api-key');
    expect(acrh('google-genai', 'safari', url)).toBe('content-type,user-agent,x-goog-api-client,x-goog-api-key');
    expect(JSON.parse(presetRequest({ client: 'google-genai', url, browser: 'chromium' }).body!)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'ping' }] }],
      generationConfig: { maxOutputTokens: 1 },
    });
  });

  it('vercel-ai: the provider’s auth header, content-type and user-agent', () => {
    expect(acrh('vercel-ai/openai', 'chromium')).toBe('authorization,content-type');
    expect(acrh('vercel-ai/openai', 'firefox')).toBe('authorization,content-type,user-agent');
    expect(acrh('vercel-ai/anthropic', 'chromium')).toBe('anthropic-version,content-type,x-api-key');
    expect(acrh('vercel-ai/google', 'chromium')).toBe('content-type,x-goog-api-key');
    expect(acrh('vercel-ai/azure', 'chromium')).toBe('api-key,content-type');
  });

  it('headers given alongside a preset add to it (a repeated name takes the new value)', () => {
    const r = presetRequest({
      client: 'openai-sdk',
      url: 'https://a.example/v1/chat/completions',
      browser: 'chromium',
      headers: [
        ['X-Stainless-Timeout', '60'],
        ['authorization', 'Bearer other'],
      ],
    });
    const h = r.headers.map(([n, v]) => `${n.toLowerCase()}=${v}`);
    expect(h).toContain('x-stainless-timeout=60');
    expect(h).toContain('authorization=Bearer other');
    expect(h.filter((x) => x.startsWith('authorization=')).length).toBe(1);
  });

  it('routes decide method and body: /models is a GET without body; /responses has its own body', () => {
    const m = presetRequest({ client: 'openai-sdk', url: 'https://a.example/v1/models', browser: 'chromium' });
    expect(m.method).toBe('GET');
    expect(m.body).toBeUndefined();
    const r = presetRequest({ client: 'openai-sdk', url: 'https://a.example/v1/responses', browser: 'chromium' });
    expect(JSON.parse(r.body!)).toMatchObject({ input: 'ping', max_output_tokens: 16 });
  });

  it('a request without body sends no content-type, whatever the client', () => {
    for (const client of CLIENT_NAMES) {
      const r = presetRequest({ client, url: 'https://a.example/v1/models', browser: 'chromium' });
      expect(r.method).toBe('GET');
      expect(r.body).toBeUndefined();
      expect(
        r.headers.map(([n]) => n.toLowerCase()),
        client,
      ).not.toContain('content-type');
    }
    const own = presetRequest({
      client: 'fetch',
      url: 'https://a.example/v1/models',
      browser: 'chromium',
      headers: [
        ['authorization', 'Bearer x'],
        ['content-type', 'application/json'],
      ],
    });
    expect(own.headers).toEqual([['authorization', 'Bearer x']]);
    const post = presetRequest({
      client: 'openai-sdk',
      url: 'https://a.example/v1/chat/completions',
      browser: 'chromium',
    });
    expect(post.headers.map(([n]) => n.toLowerCase())).toContain('content-type');
  });

  it('x-stainless-timeout: anthropic-sdk on messages.create only; openai-sdk never by itself', () => {
    const timeout = (client: string, url: string) =>
      presetRequest({ client, url, browser: 'chromium' }).headers.some(
        ([n]) => n.toLowerCase() === 'x-stainless-timeout',
      );
    expect(timeout('anthropic-sdk', 'https://a.example/v1/messages')).toBe(true);
    expect(timeout('anthropic-sdk', 'https://a.example/v1/models')).toBe(false);
    expect(timeout('anthropic-sdk', 'https://a.example/v1/chat/completions')).toBe(false);
    // A URL with no known route stands for messages.create, the call the preset describes.
    expect(timeout('anthropic-sdk', 'https://proxy.example/anthropic')).toBe(true);
    for (const path of ['/v1/chat/completions', '/v1/responses', '/v1/models', '/v1/messages'])
      expect(timeout('openai-sdk', `https://a.example${path}`)).toBe(false);
    // Given on the entry, it is sent wherever the entry points.
    const given = presetRequest({
      client: 'anthropic-sdk',
      url: 'https://a.example/v1/models',
      browser: 'chromium',
      headers: [['X-Stainless-Timeout', '60']],
    });
    expect(Object.fromEntries(given.headers)['X-Stainless-Timeout']).toBe('60');
  });

  it('auth puts the real key where the client sends its key and asks for a stream', () => {
    const o = presetRequest({
      client: 'openai-sdk',
      url: 'https://a.example/v1/chat/completions',
      browser: 'chromium',
      auth: 'sk-real',
    });
    expect(Object.fromEntries(o.headers).Authorization).toBe('Bearer sk-real');
    expect(o.stream).toBe(true);
    expect(JSON.parse(o.body!).stream).toBe(true);
    const a = presetRequest({
      client: 'anthropic-sdk',
      url: 'https://a.example/v1/messages',
      browser: 'chromium',
      auth: 'sk-ant',
    });
    expect(Object.fromEntries(a.headers)['X-Api-Key']).toBe('sk-ant');
    const g = presetRequest({
      client: 'google-genai',
      url: 'https://g.example/v1beta/models/m:streamGenerateContent?alt=sse',
      browser: 'chromium',
      auth: 'AIza-x',
    });
    expect(Object.fromEntries(g.headers)['x-goog-api-key']).toBe('AIza-x');
    expect(g.stream).toBe(true);
  });
});

describe('config: client, clients, style, auth', () => {
  const load = (text: string): Endpoint[] => parseConfig({ file: 't.yml', text });

  it('a clients list makes one row per client; the fetch row keeps the name and id', () => {
    const plain = load('- name: OpenRouter\n  url: https://o.example/v1/chat/completions\n');
    const rows = load(
      '- name: OpenRouter\n  url: https://o.example/v1/chat/completions\n  clients: [fetch, openai-sdk]\n',
    );
    expect(rows.map((r) => r.name)).toEqual(['OpenRouter', 'OpenRouter · openai-sdk']);
    expect(rows.map((r) => r.client)).toEqual(['fetch', 'openai-sdk']);
    expect(rows[0]!.id).toBe(plain[0]!.id);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(rows.every((r) => r.group === 'OpenRouter')).toBe(true);
    expect(rows[1]!.headers.some(([n]) => n === 'X-Stainless-Lang')).toBe(true);
  });

  it('client in defaults applies to every endpoint; a single client adds no suffix', () => {
    const rows = load(
      'defaults:\n  client: anthropic-sdk\nendpoints:\n  - name: A\n    url: https://a.example/v1/messages\n',
    );
    expect(rows.map((r) => [r.name, r.client])).toEqual([['A', 'anthropic-sdk']]);
  });

  it('style without paths checks the style’s routes; /models becomes a GET', () => {
    const rows = load('- name: OpenAI\n  url: https://api.example/v1\n  style: openai\n');
    expect(rows.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://api.example/v1/chat/completions',
      'POST https://api.example/v1/responses',
      'GET https://api.example/v1/models',
    ]);
    const g = load('- name: G\n  url: https://g.example\n  style: gemini\n  models: [gemini-x]\n');
    expect(g.map((r) => r.url)).toEqual([
      'https://g.example/v1beta/models/gemini-x:generateContent',
      'https://g.example/v1beta/models/gemini-x:streamGenerateContent?alt=sse',
    ]);
  });

  it('auth: {env: NAME} reads the key from the environment and marks it secret', () => {
    const env = { CORS_GATE_TEST_KEY: 'sk-from-env-123' };
    const [e] = parseConfig(
      {
        file: 'c.yml',
        text: '- name: S\n  url: https://s.example/v1/chat/completions\n  auth: {env: CORS_GATE_TEST_KEY}\n',
      },
      { env },
    );
    expect(e!.secrets).toContain('sk-from-env-123');
    expect(e!.stream).toBe(true);
    expect(e!.headers).toContainEqual(['authorization', 'Bearer sk-from-env-123']);
    // Only the environment it is given: the process's own is not read.
    process.env.CORS_GATE_TEST_KEY = 'sk-from-process';
    try {
      expect(() => load('- name: S\n  url: https://s.example/v1\n  auth: {env: CORS_GATE_TEST_KEY}\n')).toThrow(
        /CORS_GATE_TEST_KEY is not set/,
      );
    } finally {
      delete process.env.CORS_GATE_TEST_KEY;
    }
    expect(() => load('- name: S\n  url: https://s.example/v1\n  auth: {env: CORS_GATE_UNSET_KEY}\n')).toThrow(
      /CORS_GATE_UNSET_KEY is not set/,
    );
  });

  it('refuses unknown clients, a bare vercel-ai and unknown styles, naming the line', () => {
    expect(() => load('- name: A\n  url: https://a.example\n  client: openai\n')).toThrow(ConfigError);
    expect(() => load('- name: A\n  url: https://a.example\n  client: vercel-ai\n')).toThrow(
      /vercel-ai needs its provider/,
    );
    expect(() => load('- name: A\n  url: https://a.example\n  style: cohere\n')).toThrow(
      /t\.yml:3:\d+: .*style must be one of/,
    );
  });

  it('the shipped catalogs load', async () => {
    const { readFileSync } = await import('node:fs');
    const cat = load(readFileSync('examples/llm-providers.yml', 'utf8'));
    for (const n of ['OpenRouter', 'Azure AI Foundry', 'ModelStream', 'NVIDIA NIM', 'OpenCode Zen'])
      expect(cat.some((e) => e.name === n)).toBe(true);
    expect(new Set(cat.map((e) => e.group ?? e.name)).size).toBeGreaterThanOrEqual(18);
    const local = load(readFileSync('examples/local-servers.yml', 'utf8'));
    expect(new Set(local.map((e) => new URL(e.url).port))).toEqual(new Set(['11434', '1234', '8000', '8080', '4000']));
  });
});
