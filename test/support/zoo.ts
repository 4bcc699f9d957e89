// The provider zoo (src/demo/zoo.ts, which `cors-gate demo` serves) for the
// tests, and behaviours of client-library allow-lists that pass one SDK and
// block another.
import type { Answer, Behaviour, Lines, ZooRequest } from '../../src/demo/zoo.js';

export { MISTAKES, startZoo, ZOO, type Zoo, type ZooRequest, zooConfig } from '../../src/demo/zoo.js';

// --- Client-library behaviours: allow-lists that pass one SDK and block another. ---

function header(req: ZooRequest, name: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function requested(req: ZooRequest): string[] {
  return (header(req, 'access-control-request-headers') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

const OLLAMA_HEADERS =
  'Authorization, Content-Type, User-Agent, Accept, X-Requested-With, Openai-Beta, x-stainless-arch, x-stainless-async, x-stainless-custom-poll-interval, x-stainless-helper-method, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-poll-helper, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout';
const GEMINI_ALLOWED = ['content-type', 'x-goog-api-key', 'x-goog-api-client', 'authorization'];
const ANTHROPIC_PROXY_ALLOWED = [
  'x-api-key',
  'anthropic-version',
  'anthropic-dangerous-direct-browser-access',
  'content-type',
];
const JSON_401: Answer = {
  status: 401,
  headers: [
    ['Access-Control-Allow-Origin', '*'],
    ['Content-Type', 'application/json'],
  ],
  body: '{"error":"invalid key"}',
};

/**
 * Ollama's own allow-list of origins (ollama envconfig AllowedOrigins): localhost,
 * 127.0.0.1 and 0.0.0.0 on any port, the app schemes, and what OLLAMA_ORIGINS
 * adds (`*` matches anything). A request whose Origin is not on it is answered
 * 403 with nothing else, preflight or not; a request without Origin is no
 * CORS request and goes through.
 */
export const OLLAMA_DEFAULT_ORIGINS: readonly string[] = [
  ...['localhost', '127.0.0.1', '0.0.0.0'].flatMap((h) => [
    `http://${h}`,
    `https://${h}`,
    `http://${h}:*`,
    `https://${h}:*`,
  ]),
  'app://*',
  'file://*',
  'tauri://*',
  'vscode-webview://*',
  'vscode-file://*',
];

function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const literal = (text: string) => text.replace(/[.+?^$()|[\]{}\\/]/g, '\\$&');
  return allowed.some((pattern) => new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`).test(origin));
}

/** An Ollama-like server started with OLLAMA_ORIGINS set to `extra` (comma-joined). */
export function ollamaLike(extra: readonly string[]): Behaviour {
  const allowed = [...OLLAMA_DEFAULT_ORIGINS, ...extra];
  const notFound = '{"error":{"message":"model \\"cors-gate-probe\\" not found"}}';
  return {
    preflight: { status: 204, headers: [] },
    actual: { status: 404, headers: [['Content-Type', 'application/json']], body: notFound },
    respond: (req) => {
      const origin = header(req, 'origin');
      if (origin !== undefined && !originAllowed(origin, allowed)) return { status: 403, headers: [] };
      const cors: Lines = origin
        ? [
            ['Access-Control-Allow-Origin', origin],
            ['Vary', 'Origin'],
          ]
        : [];
      if (req.method === 'OPTIONS') {
        return {
          status: 204,
          headers: [
            ...cors,
            ['Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS'],
            ['Access-Control-Allow-Headers', OLLAMA_HEADERS],
            ['Access-Control-Max-Age', '43200'],
          ],
        };
      }
      if (req.method === 'GET' && req.path.endsWith('/api/tags')) {
        return { status: 200, headers: [...cors, ['Content-Type', 'application/json']], body: '{"models":[]}' };
      }
      return { status: 404, headers: [...cors, ['Content-Type', 'application/json']], body: notFound };
    },
  };
}

export const SDK_ZOO: Record<string, Behaviour> = {
  // A fixed list: a preflight asking for anything else is refused with 403 and no CORS headers.
  gemini: {
    preflight: { status: 200, headers: [] },
    actual: {
      status: 400,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}',
    },
    respond: (req) => {
      if (req.method !== 'OPTIONS') return undefined;
      if (requested(req).every((h) => GEMINI_ALLOWED.includes(h))) {
        return {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'GET, POST, OPTIONS'],
            ['Access-Control-Allow-Headers', GEMINI_ALLOWED.join(', ')],
            ['Vary', 'Origin'],
          ],
        };
      }
      return {
        status: 403,
        headers: [['Content-Type', 'text/html; charset=UTF-8']],
        body: '<html><body>403 Forbidden</body></html>',
      };
    },
  },
  // Started as if with OLLAMA_ORIGINS=https://example.com, the origin the zoo's configs check from.
  ollama: ollamaLike(['https://example.com']),
  fireworks: {
    preflight: {
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'GET, POST, OPTIONS'],
        ['Access-Control-Allow-Headers', 'Authorization, Content-Type'],
      ],
    },
    actual: JSON_401,
  },
  // CORS on the actual response only when the page opted in with the browser-access header.
  anthropic: {
    preflight: { status: 200, headers: [] },
    actual: {
      status: 401,
      headers: [['Content-Type', 'application/json']],
      body: '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
    },
    respond: (req) => {
      if (req.method === 'OPTIONS') {
        return {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'POST, OPTIONS'],
            ['Access-Control-Allow-Headers', requested(req).join(', ') || 'content-type'],
          ],
        };
      }
      if (header(req, 'anthropic-dangerous-direct-browser-access') === 'true') {
        return {
          status: 401,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Content-Type', 'application/json'],
          ],
          body: '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
        };
      }
      return undefined;
    },
  },
  // A proxy for Anthropic's API that allows the headers @anthropic-ai/sdk 0.x sends (x-api-key and
  // every x-stainless-*) but not authorization, which 1.x sends the key in: a 403 without CORS headers.
  'anthropic-proxy': {
    preflight: { status: 200, headers: [] },
    actual: JSON_401,
    respond: (req) => {
      if (req.method !== 'OPTIONS') return undefined;
      const asked = requested(req);
      if (asked.every((h) => ANTHROPIC_PROXY_ALLOWED.includes(h) || h.startsWith('x-stainless-')))
        return {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'GET, POST, OPTIONS'],
            ['Access-Control-Allow-Headers', asked.join(', ') || 'content-type'],
          ],
        };
      return { status: 403, headers: [['Content-Type', 'text/plain']], body: 'header not allowed' };
    },
  },
  // A Gemini proxy that forwards /v1beta/ only (as many do): /v1/ answers 404 without CORS headers.
  'gemini-v1beta': {
    preflight: { status: 404, headers: [['Content-Type', 'text/plain']], body: 'not found' },
    actual: { status: 404, headers: [['Content-Type', 'text/plain']], body: 'not found' },
    respond: (req) => {
      if (!req.path.startsWith('/gemini-v1beta/v1beta/')) return undefined;
      if (req.method === 'OPTIONS')
        return {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'POST, OPTIONS'],
            ['Access-Control-Allow-Headers', GEMINI_ALLOWED.join(', ')],
          ],
        };
      return { ...JSON_401, status: 400 };
    },
  },
  // An OpenAI-compatible server with the Chat Completions route only: /responses answers 404 without CORS.
  'chat-only': {
    preflight: { status: 404, headers: [['Content-Type', 'text/plain']], body: 'not found' },
    actual: { status: 404, headers: [['Content-Type', 'text/plain']], body: 'not found' },
    respond: (req) => {
      if (!req.path.split('?')[0]!.endsWith('/chat/completions')) return undefined;
      if (req.method === 'OPTIONS')
        return {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'POST'],
            ['Access-Control-Allow-Headers', 'authorization, content-type'],
          ],
        };
      return JSON_401;
    },
  },
  // Streams when asked, exposes a request id, and echoes the key it was sent (a
  // careless proxy does): the key must still appear nowhere in what is shown.
  stream: {
    preflight: { status: 204, headers: [] },
    actual: JSON_401,
    respond: (req) => {
      if (req.method === 'OPTIONS') {
        return {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'GET, POST'],
            ['Access-Control-Allow-Headers', requested(req).join(', ') || 'content-type'],
          ],
        };
      }
      const key = header(req, 'authorization')?.replace(/^Bearer /, '') ?? header(req, 'x-api-key') ?? '';
      const echo: Lines = [['X-Echo-Key', key]];
      if (!key.startsWith('sk-')) return { ...JSON_401, headers: [...JSON_401.headers, ...echo] };
      if (!/"stream":true/.test(req.body)) {
        return {
          status: 200,
          headers: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/json'], ...echo],
          body: `{"data":[],"key":"${key}"}`,
        };
      }
      return {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Expose-Headers', 'x-request-id, x-ratelimit-remaining-requests'],
          ['Content-Type', 'text/event-stream'],
          ['X-Request-Id', 'req_1'],
          ['X-Ratelimit-Remaining-Requests', '99'],
          ...echo,
        ],
        body: `data: {"choices":[{"delta":{"content":"p"}}],"echo":"${key}"}\n\ndata: [DONE]\n\n`,
      };
    },
  },
  // Streams without Access-Control-Allow-Origin: a browser cannot read the stream.
  'stream-noacao': {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Headers', '*, authorization'],
      ],
    },
    actual: { status: 200, headers: [['Content-Type', 'text/event-stream']], body: 'data: [DONE]\n\n' },
  },
};

/**
 * The zoo as a board: each provider with the client libraries its users run in
 * a page, one in Firefox, and one that no longer answers (a port just closed).
 */
export function zooBoardConfig(base: string, gone: string): string {
  return `defaults:
  origin: https://example.com
  # The servers stand in for providers on the internet but run on this machine: the page counts as
  # on it too, so Chromium's Local Network Access (a public page calling loopback) does not apply.
  address-space: local
  clients: [fetch, openai-sdk, vercel-ai/openai-compatible]
endpoints:
  - name: OpenRouter
    url: ${base}/openrouter/api/v1/chat/completions
  - name: Azure AI Foundry
    url: ${base}/azure/models/chat/completions
    clients: [fetch, openai-sdk, vercel-ai/azure]
  - name: ModelStream
    url: ${base}/modelstream/v1/chat/completions
  - name: NVIDIA NIM
    url: ${base}/nvidia/v1/chat/completions
    expect: fail
  - name: OpenCode Zen
    url: ${base}/zen/zen/v1/chat/completions
    expect: fail
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
    clients: [fetch, google-genai, vercel-ai/google]
  - name: Anthropic-like
    url: ${base}/anthropic
    style: anthropic
    clients: [fetch, anthropic-sdk, vercel-ai/anthropic]
  - name: Fireworks-like
    url: ${base}/fireworks/inference/v1/chat/completions
  - name: Ollama-like
    url: ${base}/ollama/v1/chat/completions
    clients: [fetch, openai-sdk, vercel-ai/openai-compatible, anthropic-sdk]
  - name: Gone provider
    url: ${gone}
    clients: [fetch]
`;
}
