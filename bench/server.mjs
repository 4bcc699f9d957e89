// The bench's API stand-in: several ports on 127.0.0.1, any path, every
// preflight and actual request answered after a fixed delay with headers that
// let a browser through, so every endpoint costs exactly two round trips.
import { createServer } from 'node:http';

export const PAGE_ORIGIN = 'https://example.com';

/**
 * @param {{ ports: number, delayMs: number }} opts
 */
export async function startBenchServer({ ports, delayMs }) {
  const stats = { options: 0, posts: 0, other: 0, connections: 0, firstRequestAt: 0 };
  /**
   * How many requests of each shape arrived (see requestShape): lets the bench
   * prove that two clients sent the same requests, not just as many.
   * @type {Map<string, number>}
   */
  let shapes = new Map();
  /** @type {((t: number) => void)[]} */
  let firstWaiters = [];
  let delay = delayMs;

  const handler = (req, res) => {
    const now = performance.now();
    if (!stats.firstRequestAt) {
      stats.firstRequestAt = now;
      for (const w of firstWaiters) w(now);
      firstWaiters = [];
    }
    if (req.method === 'OPTIONS') stats.options++;
    else if (req.method === 'POST') stats.posts++;
    else stats.other++;
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const shape = requestShape(req, body);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    });
    const answer = () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': PAGE_ORIGIN,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'authorization, content-type',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        });
        res.end();
      } else {
        const body = '{"id":"bench","object":"chat.completion","choices":[]}';
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Access-Control-Allow-Origin': PAGE_ORIGIN,
          Vary: 'Origin',
        });
        res.end(body);
      }
    };
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  };

  const servers = [];
  const urls = [];
  for (let i = 0; i < ports; i++) {
    const server = createServer({ keepAliveTimeout: 15_000 }, handler);
    server.on('connection', () => stats.connections++);
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    servers.push(server);
    urls.push(`http://127.0.0.1:${server.address().port}`);
  }

  return {
    urls,
    stats,
    /** The request shapes seen since the last reset. */
    shapes() {
      return shapes;
    },
    setDelay(ms) {
      delay = ms;
    },
    reset() {
      stats.options = stats.posts = stats.other = stats.connections = stats.firstRequestAt = 0;
      shapes = new Map();
      firstWaiters = [];
    },
    /** Resolves with the time (performance.now) the next first request arrives. */
    firstRequest() {
      if (stats.firstRequestAt) return Promise.resolve(stats.firstRequestAt);
      return new Promise((resolve) => firstWaiters.push(resolve));
    },
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    },
  };
}

/**
 * A request as its semantics go: method, target, every header (names
 * lower-cased, sorted) and the body. `Connection` is left out: undici says
 * keep-alive explicitly where HTTP/1.1 clients such as curl imply it.
 */
function requestShape(req, body) {
  const headers = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (name !== 'connection') headers.push(`${name}: ${req.rawHeaders[i + 1]}`);
  }
  headers.sort();
  return `${req.method} ${req.url}\n${headers.join('\n')}\n\n${body}`;
}

/** The path of endpoint i: many distinct routes, as a provider list has. */
export function benchPath(i) {
  return `/v1/route-${i}/chat/completions`;
}
