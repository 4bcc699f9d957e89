// A "provider zoo" on 127.0.0.1: local servers that answer as five LLM
// providers were seen to answer (the report cors-gate started from), plus a few
// mistakes CORS setups commonly make. `cors-gate demo` checks it with no
// network; the tests use it as a set of real servers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Lines = [string, string][];
export type Answer = { status: number; headers: Lines; body?: string };
export interface ZooRequest {
  method: string;
  path: string;
  headers: Lines;
  body: string;
}
export interface Behaviour {
  preflight: Answer;
  actual: Answer;
  /** Decides from the request (allow-lists that depend on what was asked); undefined falls back to the fixed answers. */
  respond?: (req: ZooRequest) => Answer | undefined;
}

const WIDE_HEADERS =
  'Authorization, Content-Type, HTTP-Referer, X-Title, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Arch, X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Package-Version, X-Stainless-Retry-Count, X-Stainless-Timeout';

/** The five providers of the original report, as observed. */
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

/** Mistakes CORS setups commonly make, one path prefix each. */
export const MISTAKES: Record<string, Behaviour> = {
  // nginx's add_header without `always` leaves the headers off error responses: the
  // preflight passes, and the 401 a page must read has no Access-Control-Allow-Origin.
  'nginx-401': {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'POST, OPTIONS'],
        ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ],
    },
    actual: {
      status: 401,
      headers: [['Content-Type', 'application/json']],
      body: '{"error":"unauthorized"}',
    },
  },
  // `Access-Control-Allow-Headers: *` relied on to cover Authorization: browsers allow it
  // today, the standard does not, and Chromium has flagged it for removal.
  'wildcard-headers': {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', '*'],
        ['Access-Control-Allow-Headers', '*'],
      ],
    },
    actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*']], body: '{"error":"unauthorized"}' },
  },
  // An allow-list that names another origin than the page's.
  'allow-list': {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', 'https://app.example.com'],
        ['Access-Control-Allow-Methods', 'POST'],
        ['Access-Control-Allow-Headers', 'authorization, content-type'],
        ['Vary', 'Origin'],
      ],
    },
    actual: {
      status: 401,
      headers: [
        ['Access-Control-Allow-Origin', 'https://app.example.com'],
        ['Vary', 'Origin'],
      ],
    },
  },
};

export interface Zoo {
  url: string;
  /** Requests seen, for checking what was sent. */
  requests: { method: string; path: string; headers: Lines; body?: string }[];
  close(): Promise<void>;
}

/** Serves the behaviours on 127.0.0.1, one path prefix each (`/nvidia/...`). */
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

/** The five providers as a cors-gate config, as a user would write it. */
export function zooConfig(base: string): string {
  return `defaults:
  origin: https://example.com
  # The servers stand in for providers on the internet but run on this machine: the page counts as
  # on it too, so Chromium's Local Network Access (a public page calling loopback) does not apply.
  address-space: local
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
