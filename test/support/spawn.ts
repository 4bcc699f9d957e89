// Runs the built action and CLI the way their users do: the action as the runner
// starts it (node dist/index.js, inputs in INPUT_* variables, files for the summary
// and outputs, RUNNER_TEMP), the CLI as a command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION, ROOT } from './build.js';

export { ACTION, CLI, DIST, ROOT } from './build.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node <args>` in a clean environment: nothing of the outer CI leaks in, and no proxy unless a test sets one. */
export function run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return new Promise((done, reject) => {
    const started = performance.now();
    const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NO_PROXY: '*' };
    const child = spawn(process.execPath, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return run([script, ...args], env, cwd);
}

export interface ActionRun extends Ran {
  summary: string;
  /** GITHUB_OUTPUT as written. */
  output: string;
  /** GITHUB_OUTPUT parsed. */
  outputs: Record<string, string>;
  /** The JSON report's text at its default place, if written. */
  report: string | null;
  dir: string;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/**
 * Runs dist/index.js with inputs as INPUT_* variables (names as in action.yml,
 * upper-cased, dashes kept). Pass the `dir` of an earlier run to run again in
 * the same workspace; the summary file is then appended to, as on a runner.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-action-')),
): Promise<ActionRun> {
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  if (!existsSync(summaryFile)) writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const vars: NodeJS.ProcessEnv = {
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_ACTIONS: 'true',
  };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
  const ran = await run([ACTION], { ...vars, ...env }, dir);
  const output = readFileSync(outputFile, 'utf8');
  const reportFile = join(dir, 'cors-gate-report.json');
  return {
    ...ran,
    summary: readFileSync(summaryFile, 'utf8'),
    output,
    outputs: parseOutputs(output),
    report: existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : null,
    dir,
  };
}

export function cleanup(r: { dir: string }): void {
  rmSync(r.dir, { recursive: true, force: true });
}
