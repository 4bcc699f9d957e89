// Responses the strict HTTP parser refuses but browsers read: a space before a
// header's colon, folded header lines. Real raw-socket servers on 127.0.0.1.

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/check/check.js';
import { parseHeadLeniently } from '../../src/check/lenient.js';
import type { Endpoint } from '../../src/types.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

async function rawServer(answer: (method: string) => string): Promise<string> {
  const server = createServer((socket) => {
    socket.once('data', (d) => socket.end(answer(d.toString('latin1').split(' ')[0]!)));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const endpoint = (url: string): Endpoint => ({
  id: 'l',
  name: 'l',
  url,
  origin: 'https://app.example',
  // The servers run on this machine, and so does the page: no Local Network Access.
  addressSpace: 'local',
  method: 'GET',
  credentials: 'omit',
  actual: true,
  browser: 'chromium',
  secrets: [],
  headers: [['authorization', 'Bearer cors-gate-probe']],
});

describe('lenient reading', () => {
  it('parses a space before the colon and folded lines as browsers do', () => {
    expect(
      parseHeadLeniently('HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin : *\r\nX-Folded: a\r\n b\r\n'),
    ).toEqual({
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Folded', 'a b'],
      ],
    });
    expect(parseHeadLeniently('garbage\r\n')).toBeNull();
  });

  it('an endpoint whose headers only a lenient parser reads is judged on them, with a note', async () => {
    const url = await rawServer((method) =>
      method === 'OPTIONS'
        ? 'HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin : *\r\nAccess-Control-Allow-Headers:\r\n authorization\r\nContent-Length: 0\r\n\r\n'
        : 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin : *\r\nContent-Length: 2\r\n\r\n{}',
    );
    const [r] = await checkEndpoints([endpoint(url)], { timeoutMs: 3000, concurrency: 2 });
    expect(r!.evaluation.verdict).toBe('pass');
    expect(r!.evaluation.findings.map((f) => f.code)).toContain('MalformedResponse');
  });

  it('a garbage status line stays an error', async () => {
    const url = await rawServer(() => 'SPAM 200 nope\r\n\r\n');
    const [r] = await checkEndpoints([endpoint(url)], { timeoutMs: 2000, concurrency: 2 });
    expect(r!.evaluation.verdict).toBe('error');
  });
});
