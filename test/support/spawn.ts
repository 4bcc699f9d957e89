// Runs the built action or CLI as a child process, as the runner and users run them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ACTION = join(ROOT, 'dist/index.js');
export const CLI = join(ROOT, 'dist/cli/index.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export interface ActionRun extends Ran {
  summary: string;
  outputs: Record<string, string>;
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

/** Runs dist/index.js with inputs as INPUT_* variables (dashes kept, upper-cased). */
export async function runAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, dir = mkdtempSync(join(tmpdir(), 'cors-gate-action-'))): Promise<ActionRun> {
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  if (!existsSync(summaryFile)) writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const vars: NodeJS.ProcessEnv = { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir, GITHUB_ACTIONS: 'true', ...env };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
  const ran = await runNode(ACTION, [], vars, dir);
  return { ...ran, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')), dir };
}
