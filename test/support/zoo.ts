// A "provider zoo" on 127.0.0.1 that reproduces the observed CORS behaviour of
// five LLM providers, one path prefix each.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Lines = [string, string][];
interface Behaviour {
  preflight: { status: number; headers: Lines; body?: string };
  actual: { status: number; headers: Lines; body?: string };
}

const WIDE_HEADERS = 'Authorization, Content-Type, HTTP-Referer, X-Title, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Arch, X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Package-Version, X-Stainless-Retry-Count, X-Stainless-Timeout';

export const ZOO: Record<string, Behaviour> = {
  openrouter: {
    preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'GET,OPTIONS,PATCH,DELETE,POST,PUT'], ['Access-Control-Allow-Headers', WIDE_HEADERS]] },
    actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/json']], body: '{"error":{"message":"No auth credentials found","code":401}}' },
  },
  azure: {
    preflight: { status: 200, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'POST'], ['Access-Control-Allow-Headers', 'authorization, content-type']] },
    actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/json']], body: '{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}' },
  },
  modelstream: {
    preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS'], ['Access-Control-Allow-Headers', WIDE_HEADERS], ['Access-Control-Max-Age', '43200']] },
    actual: { status: 401, headers: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/json']], body: '{"error":"invalid api key"}' },
  },
  nvidia: {
    preflight: { status: 200, headers: [['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers']] },
    actual: { status: 401, headers: [['Content-Type', 'application/json']], body: '{"status":401,"title":"Unauthorized"}' },
  },
  zen: {
    preflight: { status: 404, headers: [['Content-Type', 'text/html; charset=utf-8']], body: '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>' },
    actual: { status: 401, headers: [['Content-Type', 'application/json']], body: '{"type":"error","error":{"type":"AuthError","message":"Missing API key."}}' },
  },
};

export interface Zoo {
  url: string;
  /** Requests seen, for checking what was sent. */
  requests: { method: string; path: string; headers: Lines }[];
  close(): Promise<void>;
}

export async function startZoo(behaviours: Record<string, Behaviour> = ZOO): Promise<Zoo> {
  const requests: Zoo['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const lines: Lines = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    requests.push({ method: req.method!, path: req.url!, headers: lines });
    req.resume();
    req.on('end', () => {
      const name = req.url!.split('/')[1] ?? '';
      const b = behaviours[name];
      if (!b) {
        res.writeHead(404).end('no such provider');
        return;
      }
      const answer = req.method === 'OPTIONS' ? b.preflight : b.actual;
      res.writeHead(answer.status, answer.headers.flat());
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
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
