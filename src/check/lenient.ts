// A second, lenient read of a response that the strict HTTP parser refused.
// Browsers read some malformed responses anyway (a space before a header's
// colon, folded header lines), so refusing them would turn a browser's answer
// into an error. The request is sent once more on a fresh connection and only
// the status line and headers are read, the way Chromium's parser reads them.
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { HeaderLine, RawResponse } from '../types.js';

const MAX_HEAD = 256 * 1024;
const KEEP_BODY = 2048;

/** Status line and header lines, read as a browser reads them; null when there is no HTTP status line. */
export function parseHeadLeniently(head: string): { status: number; headers: HeaderLine[] } | null {
  const lines = head.split(/\r?\n/);
  const m = /^HTTP\/1\.[01] +(\d{3})(?: .*)?$/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers: HeaderLine[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') break;
    // A line that starts with white space continues the previous value (obs-fold).
    if (/^[ \t]/.test(line) && headers.length) {
      const [n, v] = headers[headers.length - 1]!;
      headers[headers.length - 1] = [n, `${v} ${line.trim()}`.trim()];
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).replace(/[ \t]+$/, '');
    if (!name || /[ \t]/.test(name)) continue;
    headers.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { status: Number(m[1]), headers };
}

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some((k) => env[k]);
}

/** Sends the request again over a raw connection and reads its head leniently. */
export function readLeniently(
  method: string,
  url: string,
  headers: readonly HeaderLine[],
  body: string | undefined,
  timeoutMs: number,
): Promise<RawResponse | null> {
  const u = new URL(url);
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let done = false;
    const chunks: Buffer[] = [];
    let size = 0;
    let socket: Socket;
    const finish = (result: RawResponse | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const onConnect = () => {
      const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`];
      for (const [n, v] of headers) lines.push(`${n}: ${v}`);
      if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      lines.push('Connection: close', '', '');
      socket.write(lines.join('\r\n') + (body ?? ''));
    };
    socket =
      u.protocol === 'https:'
        ? connectTls({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host }, onConnect)
        : connectTcp({ host, port }, onConnect);
    const settle = (): boolean => {
      const buf = Buffer.concat(chunks);
      let end = buf.indexOf('\r\n\r\n');
      let gap = 4;
      if (end < 0) {
        end = buf.indexOf('\n\n');
        gap = 2;
      }
      if (end < 0 && size < MAX_HEAD) return false;
      const head = parseHeadLeniently(buf.subarray(0, end < 0 ? MAX_HEAD : end).toString('latin1'));
      const rest = end < 0 ? Buffer.alloc(0) : buf.subarray(end + gap, end + gap + KEEP_BODY);
      finish(
        head ? { status: head.status, headers: head.headers, body: rest.toString('utf8'), bodyTruncated: true } : null,
      );
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      settle();
    });
    socket.on('end', () => {
      if (!settle()) finish(null);
    });
    socket.on('error', () => finish(null));
  });
}
