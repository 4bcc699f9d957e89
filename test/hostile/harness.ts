// What the hostile-input tests share: the runners from test/support/spawn.ts,
// a reader for workflow-command lines, and a request-counting server.
import { createServer } from 'node:http';

export { ACTION, type ActionRun, CLI, cleanup, type Ran, run, runAction } from '../support/spawn.js';

/** Lines a runner would take as workflow commands: any line that starts with `::` once trimmed. */
export function commandLines(log: string): string[] {
  return log.split(/\r?\n|\r/).filter((l) => l.trim().startsWith('::'));
}

/** A command cors-gate means: an annotation it titled, a mask, or a debug line. */
export function isOwnCommand(line: string, secrets: readonly string[] = []): boolean {
  const l = line.trim();
  if (/^::(error|warning|notice) title=cors-gate[^:]*::/.test(l)) return true;
  const mask = /^::add-mask::(.*)$/.exec(l);
  if (mask) return secrets.includes(mask[1]!);
  // core.setFailed: the gate's verdict or a configuration or input error, in cors-gate's words.
  if (/^::error::(\d+ endpoints? failed the gate|Configuration error: |Input error: |cors-gate failed: )/.test(l))
    return true;
  return /^::debug::/.test(l);
}

export interface Counter {
  url: string;
  count(): number;
  close(): Promise<void>;
}

/** A server that answers everything with a permissive CORS response and counts requests. */
export async function startCounter(): Promise<Counter> {
  let n = 0;
  const server = createServer((req, res) => {
    n++;
    req.resume();
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': '*',
      'access-control-allow-headers': 'authorization, content-type',
    });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
