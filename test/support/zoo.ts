// A "provider zoo" on 127.0.0.1 that reproduces the observed CORS behaviour of
// five LLM providers, one path prefix each.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Lines = [string, string][];
type Answer = { status: number; headers: Lines; body?: string };
export interface ZooRequest {
  method: string;
  path: string;
  headers: Lines;
  body: string;
}
interface Behaviour {
  preflight: Answer;
  actual: Answer;
  /** Decides from the request (allow-lists that depend on what was asked); undefined falls back to the fixed answers. */
  respond?: (req: ZooRequest) => Answer | undefined;
}

const WIDE_HEADERS =
  'Authorization, Content-Type, HTTP-Referer, X-Title, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Arch, X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Package-Version, X-Stainless-Retry-Count, X-Stainless-Timeout';

export const ZOO: Record<string, Behaviour> = {
  openrouter: {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'GET,OPTIONS,PATCH,DELETE,POST,PUT'],
        ['Access-Control-Allow-Headers', WIDE_HEADERS],
      ],
    },
    actual: {
      status: 401,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"error":{"message":"No auth credentials found","code":401}}',
    },
  },
  azure: {
    preflight: {
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'POST'],
        ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ],
    },
    actual: {
      status: 401,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}',
    },
  },
  modelstream: {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS'],
        ['Access-Control-Allow-Headers', WIDE_HEADERS],
        ['Access-Control-Max-Age', '43200'],
      ],
    },
    actual: {
      status: 401,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"error":"invalid api key"}',
    },
  },
  nvidia: {
    preflight: {
      status: 200,
      headers: [['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers']],
    },
    actual: {
      status: 401,
      headers: [['Content-Type', 'application/json']],
      body: '{"status":401,"title":"Unauthorized"}',
    },
  },
  zen: {
    preflight: {
      status: 404,
      headers: [['Content-Type', 'text/html; charset=utf-8']],
      body: '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>',
    },
    actual: {
      status: 401,
      headers: [['Content-Type', 'application/json']],
      body: '{"type":"error","error":{"type":"AuthError","message":"Missing API key."}}',
    },
  },
};

export interface Zoo {
  url: string;
  /** Requests seen, for checking what was sent. */
  requests: { method: string; path: string; headers: Lines; body?: string }[];
  close(): Promise<void>;
}

export async function startZoo(behaviours: Record<string, Behaviour> = ZOO, listenPort = 0): Promise<Zoo> {
  const requests: Zoo['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const lines: Lines = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    const seen: Zoo['requests'][number] = { method: req.method!, path: req.url!, headers: lines };
    requests.push(seen);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = req.url!.split('/')[1] ?? '';
      const b = behaviours[name];
      if (!b) {
        res.writeHead(404).end('no such provider');
        return;
      }
      seen.body = Buffer.concat(chunks).toString('utf8');
      const answer =
        b.respond?.({ method: req.method!, path: req.url!, headers: lines, body: seen.body }) ??
        (req.method === 'OPTIONS' ? b.preflight : b.actual);
      res.writeHead(answer.status, answer.headers.flat());
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The zoo as a cors-gate config, as a user would write it. */
export function zooConfig(base: string): string {
  return `defaults:
  origin: https://example.com
  method: POST
  headers: [authorization, content-type]
endpoints:
  - name: OpenRouter
    url: ${base}/openrouter/api/v1/chat/completions
  - name: Azure AI Foundry
    url: ${base}/azure/models/chat/completions
  - name: ModelStream
    url: ${base}/modelstream/v1/chat/completions
  - name: NVIDIA NIM
    url: ${base}/nvidia/v1/chat/completions
  - name: OpenCode Zen
    url: ${base}/zen/zen/v1/chat/completions
`;
}

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
const JSON_401: Answer = {
  status: 401,
  headers: [
    ['Access-Control-Allow-Origin', '*'],
    ['Content-Type', 'application/json'],
  ],
  body: '{"error":"invalid key"}',
};

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
  ollama: {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS'],
        ['Access-Control-Allow-Headers', OLLAMA_HEADERS],
        ['Access-Control-Max-Age', '43200'],
      ],
    },
    actual: {
      status: 404,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"error":{"message":"model \\"cors-gate-probe\\" not found"}}',
    },
  },
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
