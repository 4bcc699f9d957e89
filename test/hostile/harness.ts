// Runs the built action and CLI the way their users do: the action as the runner
// starts it (node dist/index.js, inputs in INPUT_* variables, files for the summary
// and outputs), the CLI as a command. Also a request-counting server.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
export const ACTION = join(ROOT, 'dist/index.js');
export const CLI = join(ROOT, 'dist/cli/index.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(args: string[], env: Record<string, string>, cwd?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A clean environment: nothing of the outer CI leaks in, and no proxy unless a test sets one.
    const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_PROXY: '*' };
    const child = spawn(process.execPath, args, { env: { ...base, ...env }, cwd: cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export interface ActionRun extends Ran {
  summary: string;
  output: string;
  report: string | null;
  dir: string;
}

/** Runs dist/index.js with the given inputs (names as in action.yml). */
export async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-gate-action-'));
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.toUpperCase()}`] = v;
  const ran = await run([ACTION], {
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    ...inputEnv,
    ...env,
  }, dir);
  const reportFile = join(dir, 'cors-gate-report.json');
  const out: ActionRun = {
    ...ran,
    summary: readFileSync(summaryFile, 'utf8'),
    output: readFileSync(outputFile, 'utf8'),
    report: existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : null,
    dir,
  };
  return out;
}

export function cleanup(r: { dir: string }): void {
  rmSync(r.dir, { recursive: true, force: true });
}

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
  if (/^::error::(\d+ endpoints? failed the gate|Configuration error: |Input error: |cors-gate failed: )/.test(l)) return true;
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
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*', 'access-control-allow-headers': 'authorization, content-type' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => n,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
