import { describe, expect, it } from 'vitest';
import { endpointId } from '../../../src/config/expand.js';
import { parseConfig } from '../../../src/config/load.js';
import { corsUnsafeHeaderNames, sendableHeaders } from '../../../src/cors/fetch-rules.js';
import { ConfigError } from '../../../src/errors.js';
import { CLIENT_NAMES, callSeparator, PRESETS, resolveClient } from '../../../src/presets/clients.js';
import { presetRequest } from '../../../src/presets/requests.js';
import type { Browser, Endpoint } from '../../../src/types.js';

const names = (client: string, browser: Browser = 'chromium', url = 'https://api.example/v1/chat/completions') =>
  presetRequest({ client, url, browser }).headers.map(([n]) => n.toLowerCase());

/** What the browser lists in Access-Control-Request-Headers for this client. */
const acrh = (client: string, browser: Browser, url?: string) => {
  const req = presetRequest({ client, url: url ?? 'https://api.example/v1/chat/completions', browser });
  return corsUnsafeHeaderNames(sendableHeaders(req.headers, browser).kept).join(',');
};

/** The captured version a client name picks. */
const version = (client: string) => resolveClient(client)!.version;

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
  it('lists every preset, each with its captured versions, newest first', () => {
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
      expect(p.versions.length, p.preset).toBeGreaterThanOrEqual(2);
      const majors = p.versions.map((v) => v.major);
      expect(majors, p.preset).toEqual([...majors].sort((a, b) => b - a));
      for (const v of p.versions) {
        expect(Object.keys(v.packages).length).toBeGreaterThan(0);
        expect(v.calls[v.default], `${p.preset}@${v.major}`).toBeDefined();
      }
    }
  });

  it('the preflight cors-gate predicts is the one each browser sent for the SDK, for every call', () => {
    let compared = 0;
    for (const p of PRESETS)
      for (const v of p.versions)
        for (const [call, c] of Object.entries(v.calls))
          for (const browser of ['chromium', 'firefox', 'safari'] as const) {
            const seen = c.browsers[browser];
            if (!seen) continue;
            const name = `${p.preset}${callSeparator(p.preset)}${call}@${v.major}`;
            const req = presetRequest({ client: name, url: c.url, browser });
            expect(req.method, name).toBe(c.method);
            const predicted = corsUnsafeHeaderNames(sendableHeaders(req.headers, browser).kept, browser).join(',');
            expect(predicted || null, `${name} in ${browser}`).toBe(seen.acrh);
            compared++;
          }
    expect(compared).toBeGreaterThanOrEqual(100);
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

  it('openai-sdk: the x-stainless set, authorization, content-type; user-agent only before 7, only outside Chromium', () => {
    const chromium = ['authorization', 'content-type', ...STAINLESS].join(',');
    expect(acrh('openai-sdk', 'chromium')).toBe(chromium);
    // openai 7 sets no User-Agent, so Firefox and Safari list none either.
    expect(acrh('openai-sdk', 'firefox')).toBe(chromium);
    expect(acrh('openai-sdk', 'safari')).toBe(chromium);
    for (const old of ['openai-sdk@6', 'openai-sdk@5']) {
      expect(acrh(old, 'chromium')).toBe(chromium);
      expect(acrh(old, 'firefox')).toBe(['authorization', 'content-type', 'user-agent', ...STAINLESS].sort().join(','));
    }
    const h = Object.fromEntries(
      presetRequest({ client: 'openai-sdk', url: 'https://a.example/v1/chat/completions', browser: 'firefox' }).headers,
    );
    expect(h['x-stainless-runtime']).toBe('browser:firefox');
    expect(h['x-stainless-package-version']).toBe(version('openai-sdk').packages.openai);
  });

  it('openai-sdk and anthropic-sdk stream helpers add x-stainless-helper-method', () => {
    for (const client of ['openai-sdk/stream-helper', 'anthropic-sdk/stream-helper', 'openai-sdk/stream-helper@5'])
      expect(
        Object.fromEntries(presetRequest({ client, url: 'https://a.example/x', browser: 'chromium' }).headers),
      ).toMatchObject({
        'x-stainless-helper-method': 'stream',
      });
    for (const client of ['openai-sdk/stream', 'anthropic-sdk/stream'])
      expect(names(client)).not.toContain('x-stainless-helper-method');
  });

  it('anthropic-sdk 1 sends its key as authorization, 0 as x-api-key; both the browser opt-in and x-stainless-timeout', () => {
    const latest = acrh('anthropic-sdk', 'chromium', 'https://a.example/v1/messages').split(',');
    expect(latest).toContain('authorization');
    expect(latest).not.toContain('x-api-key');
    const zero = acrh('anthropic-sdk@0', 'chromium', 'https://a.example/v1/messages').split(',');
    expect(zero).toContain('x-api-key');
    expect(zero).not.toContain('authorization');
    for (const list of [latest, zero])
      expect(list).toEqual(
        expect.arrayContaining([
          'anthropic-dangerous-direct-browser-access',
          'anthropic-version',
          'x-stainless-timeout',
        ]),
      );
    for (const client of ['anthropic-sdk/stream', 'anthropic-sdk/stream@0'])
      expect(names(client)).toContain('x-stainless-timeout');
    const r = presetRequest({ client: 'anthropic-sdk', url: 'https://a.example/v1/messages', browser: 'chromium' });
    expect(Object.fromEntries(r.headers)['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(JSON.parse(r.body!)).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'ping' }],
    });
  });

  it('google-genai: content-type, x-goog-api-key, x-goog-api-client (+ user-agent outside Chromium)', () => {
    const url = 'https://g.example/v1/models/gemini-2.5-flash:generateContent';
    for (const client of ['google-genai', 'google-genai@2']) {
      expect(acrh(client, 'chromium', url)).toBe('content-type,x-goog-api-client,x-goog-api-key');
      expect(acrh(client, 'safari', url)).toBe('content-type,user-agent,x-goog-api-client,x-goog-api-key');
    }
    expect(JSON.parse(presetRequest({ client: 'google-genai', url, browser: 'chromium' }).body!)).toMatchObject({
      contents: [{ parts: [{ text: 'ping' }], role: 'user' }],
      generationConfig: { maxOutputTokens: 1 },
    });
  });

  it('vercel-ai: the provider’s auth header and content-type; user-agent outside Chromium', () => {
    expect(acrh('vercel-ai/openai', 'chromium')).toBe('authorization,content-type');
    expect(acrh('vercel-ai/openai', 'firefox')).toBe('authorization,content-type,user-agent');
    expect(acrh('vercel-ai/anthropic', 'chromium')).toBe('anthropic-version,content-type,x-api-key');
    expect(acrh('vercel-ai/google', 'chromium')).toBe('content-type,x-goog-api-key');
    expect(acrh('vercel-ai/azure', 'chromium')).toBe('api-key,content-type');
    // The AI SDK 7 puts the browser's own user agent into its user-agent header.
    const ua = Object.fromEntries(
      presetRequest({ client: 'vercel-ai/openai', url: 'https://a.example/v1/responses', browser: 'firefox' }).headers,
    )['user-agent'];
    expect(ua).toMatch(/^ai\/7\.\S+ .*firefox\/\d+/);
    expect(ua).not.toContain('{');
  });

  it('the route picks the call: vercel-ai/openai calls /responses by default and /chat/completions on a chat URL', () => {
    expect(version('vercel-ai/openai').default).toBe('responses');
    expect(version('vercel-ai/azure').default).toBe('responses');
    const call = (client: string, url: string) => presetRequest({ client, url, browser: 'chromium' }).call;
    expect(call('vercel-ai/openai', 'https://a.example/v1/chat/completions')).toBe('vercel-ai/openai:chat@7');
    expect(call('vercel-ai/openai', 'https://a.example/v1/responses')).toBe('vercel-ai/openai:responses@7');
    expect(call('vercel-ai/openai', 'https://proxy.example/openai')).toBe('vercel-ai/openai:responses@7');
    expect(call('openai-sdk', 'https://a.example/v1/responses')).toBe('openai-sdk/responses@7');
    expect(call('openai-sdk', 'https://a.example/v1/models')).toBe('openai-sdk/models@7');
    expect(call('google-genai', 'https://g.example/v1/models/m:streamGenerateContent?alt=sse')).toBe(
      'google-genai/stream@3',
    );
    // A call kind in the name wins over the route.
    expect(call('openai-sdk/stream@6', 'https://a.example/v1/responses')).toBe('openai-sdk/stream@6');
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

  it('x-stainless-timeout: whatever the SDK sent for the call; openai-sdk never by itself', () => {
    const timeout = (client: string, url: string) =>
      presetRequest({ client, url, browser: 'chromium' }).headers.some(
        ([n]) => n.toLowerCase() === 'x-stainless-timeout',
      );
    expect(timeout('anthropic-sdk', 'https://a.example/v1/messages')).toBe(true);
    // A URL with no known route stands for the default call, messages.create.
    expect(timeout('anthropic-sdk', 'https://proxy.example/anthropic')).toBe(true);
    for (const path of ['/v1/chat/completions', '/v1/responses', '/v1/models', '/v1/messages'])
      expect(timeout('openai-sdk', `https://a.example${path}`)).toBe(false);
    // Given on the entry, it is sent wherever the entry points.
    const given = presetRequest({
      client: 'openai-sdk',
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
    expect(Object.fromEntries(o.headers).authorization).toBe('Bearer sk-real');
    expect(o.stream).toBe(true);
    expect(JSON.parse(o.body!).stream).toBe(true);
    const a = presetRequest({
      client: 'anthropic-sdk@0',
      url: 'https://a.example/v1/messages',
      browser: 'chromium',
      auth: 'sk-ant',
    });
    expect(Object.fromEntries(a.headers)['x-api-key']).toBe('sk-ant');
    const a1 = presetRequest({
      client: 'anthropic-sdk',
      url: 'https://a.example/v1/messages',
      browser: 'chromium',
      auth: 'sk-ant',
    });
    expect(Object.fromEntries(a1.headers).authorization).toBe('Bearer sk-ant');
    expect(a1.headers.some(([n]) => n === 'x-api-key')).toBe(false);
    const g = presetRequest({
      client: 'google-genai',
      url: 'https://g.example/v1beta/models/m:streamGenerateContent?alt=sse',
      browser: 'chromium',
      auth: 'AIza-x',
    });
    expect(Object.fromEntries(g.headers)['x-goog-api-key']).toBe('AIza-x');
    expect(g.stream).toBe(true);
    expect(JSON.parse(g.body!).stream).toBeUndefined();
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
    expect(rows[1]!.headers.some(([n]) => n === 'x-stainless-lang')).toBe(true);
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

  it('style without paths sends each client to the path its SDK calls, under the route’s name and id', () => {
    const rows = load(
      '- name: G\n  url: https://g.example\n  style: gemini\n  models: [gm]\n  clients: [fetch, google-genai, google-genai@2, vercel-ai/google]\n',
    );
    const gen = rows.filter((r) => r.name.startsWith('G /v1beta/models/gm:generateContent'));
    expect(gen.map((r) => [r.client, r.url])).toEqual([
      ['fetch', 'https://g.example/v1beta/models/gm:generateContent'],
      ['google-genai', 'https://g.example/v1/models/gm:generateContent'],
      ['google-genai@2', 'https://g.example/v1beta/models/gm:generateContent'],
      ['vercel-ai/google', 'https://g.example/v1beta/models/gm:generateContent'],
    ]);
    // The id is the route's, as before google-genai 3 moved to /v1: its issue is still found.
    expect(gen[1]!.id).toBe(
      endpointId('G · google-genai', 'https://g.example/v1beta/models/gm:generateContent', 'https://example.com'),
    );
    expect(rows.find((r) => r.client === 'google-genai' && r.name.includes('stream'))!.url).toBe(
      'https://g.example/v1/models/gm:streamGenerateContent?alt=sse',
    );
  });

  it('a call kind in the name checks only its own route, adding it when the style lacks it', () => {
    const rows = load(
      '- name: O\n  url: https://o.example/v1\n  style: openai\n  clients: [fetch, openai-sdk/stream-helper, vercel-ai/openai:chat]\n',
    );
    expect(rows.map((r) => `${r.client} ${r.method} ${r.url}`)).toEqual([
      'fetch POST https://o.example/v1/chat/completions',
      'openai-sdk/stream-helper POST https://o.example/v1/chat/completions',
      'vercel-ai/openai:chat POST https://o.example/v1/chat/completions',
      'fetch POST https://o.example/v1/responses',
      'fetch GET https://o.example/v1/models',
    ]);
    const a = load(
      '- name: A\n  url: https://a.example\n  style: anthropic\n  clients: [fetch, anthropic-sdk/models]\n',
    );
    expect(a.map((r) => `${r.client} ${r.method} ${r.url}`)).toEqual([
      'fetch POST https://a.example/v1/messages',
      'anthropic-sdk/models GET https://a.example/v1/models',
    ]);
  });

  it('names a config line and the known clients for a wrong client name', () => {
    expect(() => load('- name: A\n  url: https://a.example\n  clients: [fetch, openai-sdk@9]\n')).toThrow(
      /t\.yml:3:\d+: endpoints\[0\]\.clients: "openai-sdk@9": openai-sdk is captured for majors 7, 6, 5/,
    );
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
    // The origins local servers' users call from: a dev server, an extension, an app, a hosted page.
    expect(new Set(local.map((e) => e.origin))).toEqual(
      new Set([
        'http://localhost:5173',
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'app://obsidian.md',
        'https://chat.example.com',
      ]),
    );
    expect(local.filter((e) => e.hostPermissions).map((e) => e.name)).toEqual([
      'Ollama from a browser extension /chat/completions',
    ]);
  });
});
