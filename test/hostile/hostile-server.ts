// A server whose every header value and body is written to break whatever
// prints it: Markdown tables, HTML, @-mentions, issue references, workflow
// commands, terminals, bidirectional text. Every hostile string carries the
// marker PWNED so that a test can find where server text ended up.
import { createServer, type Socket } from 'node:net';

export const MARK = 'PWNED';

/** Values a header can carry (no CR, LF or NUL; HTTP forbids them there). */
export const HEADER_VALUES: string[] = [
  `a|b|c \`x\` \`\`\` ~~~ ${MARK}`,
  `<script>alert('${MARK}')</script>`,
  `<img src=x onerror=alert('${MARK}')>`,
  `</details></details></summary><details open><summary>${MARK}</summary>`,
  `@someone ${MARK} @github/security`,
  `#123 ${MARK} GH-1 owner/repo#4`,
  `::error::${MARK}`,
  `::add-mask::${MARK}`,
  `::stop-commands::${MARK}`,
  `::warning file=x.ts,line=1::${MARK}`,
  `[click](https://evil.example/${MARK}) ![i](https://evil.example/${MARK}.png) https://evil.example/${MARK}`,
  `**${MARK}** _x_ <!-- ${MARK} --> &lt;b&gt;${MARK}&lt;/b&gt; &#64;someone`,
  `\t${MARK}\tafter tab`,
  `${MARK} ${'V'.repeat(20_000)}`,
];

/** Lines a body can carry: anything at all. */
export const BODY = [
  `::error::${MARK} from the body`,
  `  ::add-mask::${MARK}`,
  `::stop-commands::${MARK}`,
  `</pre></code></details><script>alert('${MARK}')</script>`,
  '',
  `| ${MARK} | table |`,
  '|---|---|',
  '```',
  `@someone #123 ${MARK}`,
  '```',
  `bare\rCR ::error::${MARK} after CR`,
  `\u202Eevil ${MARK} \u2066isolate\u2069 \u200Bzero width`,
  `\u001b[31mred ${MARK}\u001b[0m bell\u0007 nul\u0000 del\u007f`,
  `${MARK} ${'L'.repeat(100_000)}`,
].join('\n');

export interface HostileServer {
  url: string;
  close(): Promise<void>;
}

function headerBlock(extra: [string, string][]): string {
  const lines = HEADER_VALUES.map((v, i) => `X-Evil-${i}: ${v}`);
  for (const [n, v] of extra) lines.push(`${n}: ${v}`);
  return lines.join('\r\n');
}

function answer(s: Socket, head: string): void {
  const [line] = head.split('\r\n');
  const [method, path] = line!.split(' ');
  const body = Buffer.from(BODY, 'utf8');
  const send = (status: string, extra: [string, string][], withBody = true) => {
    const h = `HTTP/1.1 ${status}\r\n${headerBlock(extra)}\r\nContent-Length: ${withBody ? body.length : 0}\r\nConnection: close\r\n\r\n`;
    s.end(Buffer.concat([Buffer.from(h, 'latin1'), withBody ? body : Buffer.alloc(0)]));
  };
  const route = path!.split('/')[1];
  if (route === 'warn') {
    // Passes in Chromium with a warning, so both exchanges are shown as evidence.
    if (method === 'OPTIONS')
      send(
        '204 No Content',
        [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Methods', 'POST'],
          ['Access-Control-Allow-Headers', '*'],
        ],
        false,
      );
    else
      send('401 Unauthorized', [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Expose-Headers', `x-a, @someone, <img src=x onerror=alert(1)>, ::error::${MARK}`],
      ]);
  } else if (route === 'fail') {
    send('200 OK', [
      ['Access-Control-Allow-Origin', `::error::${MARK} <script>@someone</script>`],
      ['X-Legacy', `##[error]${MARK} ##[stop-commands]`],
    ]);
  } else if (route === 'fold') {
    s.end(`HTTP/1.1 200 OK\r\nX-Fold: first\r\n ::error::${MARK} folded\r\nContent-Length: 0\r\n\r\n`);
  } else if (route === 'barecr') {
    s.end(`HTTP/1.1 200 OK\r\nX-CR: a\r::error::${MARK}\r\nContent-Length: 0\r\n\r\n`);
  } else if (route === 'status') {
    s.end(`HTTP/1.1 200 ::error::${MARK} <b>@someone</b>\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  } else {
    send('200 OK', []);
  }
}

export async function startHostile(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString('latin1');
      const end = seen.indexOf('\r\n\r\n');
      if (end >= 0) {
        s.off('data', onData);
        s.resume();
        answer(s, seen.slice(0, end));
      }
    };
    s.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A config with one endpoint per route; names are plain so that every marker found came from the server. */
export function hostileConfig(base: string): string {
  return `defaults:
  origin: https://example.com
  headers: [authorization, content-type]
endpoints:
  - name: warn route
    url: ${base}/warn/v1/chat
  - name: fail route
    url: ${base}/fail/v1/chat
  - name: obs-fold route
    url: ${base}/fold/v1/chat
  - name: bare CR route
    url: ${base}/barecr/v1/chat
  - name: status text route
    url: ${base}/status/v1/chat
  - name: simple GET route
    url: ${base}/get/v1/models
    method: GET
    headers: []
`;
}
