// Every broken config is refused before anything is sent or filed: the CLI exits
// 2 and the action fails its step, with a message that names the problem and
// the line, and the server the config points at never sees a request. That the
// loader refuses each for its own problem is tested with the unit suites.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, type Counter, cleanup, commandLines, run, runAction, startCounter } from '../hostile/harness.js';
import { BROKEN, type Broken, brokenProblem, brokenText } from '../support/broken-configs.js';

let counter: Counter;
let dir: string;
const slowest = { cli: 0, action: 0 };

beforeAll(async () => {
  counter = await startCounter();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-broken-'));
});
afterAll(async () => {
  console.log(
    `${BROKEN.length} broken configs; slowest refusal: CLI ${slowest.cli.toFixed(0)} ms, action ${slowest.action.toFixed(0)} ms (process start included)`,
  );
  await counter?.close();
  rmSync(dir, { recursive: true, force: true });
});

function fileFor(c: Broken, i: number): string {
  const file = join(dir, `broken-${i}.yml`);
  writeFileSync(file, brokenText(c, counter.url));
  return file;
}

/** Where the message must point: file:line:col for a line, file: for the whole file. */
function place(file: string, line: number): RegExp {
  const f = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return line > 0 ? new RegExp(`${f}:${line}:\\d+: `) : new RegExp(`${f}: `);
}

/** The problem as the case names it: exactly, or the whole text matching its anchored pattern. */
function expectProblem(problem: string | undefined, c: Broken): void {
  const expected = brokenProblem(c, counter.url);
  if (typeof expected === 'string') expect(problem).toBe(expected);
  else expect(problem).toMatch(expected);
}

/** The text after `prefix` + file:line:col on a line of its own, or undefined. */
function problemAfter(text: string, prefix: string, file: string, line: number): string | undefined {
  const at = new RegExp(`^${prefix}${place(file, line).source}(.*)$`, 'm').exec(text);
  return at?.[1];
}

/** A workflow command's message, unescaped as the runner reads it. */
function commandMessage(command: string): string {
  const message = command.slice(command.indexOf('::', 2) + 2);
  return message.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

describe('the CLI exits 2 and sends nothing', () => {
  BROKEN.forEach((c, i) => {
    test.concurrent(c.kind, async () => {
      const file = fileFor(c, i);
      const r = await run([CLI, '--config', file, '--format', 'json'], {});
      slowest.cli = Math.max(slowest.cli, r.ms);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cors-gate: configuration error: [^\n]*\n$/);
      expectProblem(problemAfter(r.stderr, 'cors-gate: configuration error: ', file, c.line), c);
    });
  });
});

describe('the action fails the step, files nothing and sends nothing', () => {
  BROKEN.forEach((c, i) => {
    test.concurrent(c.kind, async () => {
      const file = fileFor(c, 1000 + i);
      const r = await runAction(
        { config: file, 'github-token': 'ghs_brokenConfigToken000', issues: 'true', 'issue-repo': 'o/r' },
        { GITHUB_API_URL: counter.url, GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: counter.url },
      );
      try {
        slowest.action = Math.max(slowest.action, r.ms);
        expect(r.code, r.stdout + r.stderr).toBe(1);
        const commands = commandLines(r.stdout);
        const annotation = commands.find((l) => l.startsWith('::error title=cors-gate%3A configuration error'));
        expect(annotation, r.stdout).toBeDefined();
        expectProblem(commandMessage(annotation!), c);
        if (c.line > 0) expect(annotation).toMatch(new RegExp(`line=${c.line}\\b`));
        expect(commands.some((l) => l.startsWith('::error::Configuration error: '))).toBe(true);
        expect(r.summary).toMatch(/^## cors-gate: configuration error\n/);
        expect(r.summary).toContain('Nothing was checked');
        expect(r.report).toBeNull();
      } finally {
        cleanup(r);
      }
    });
  });
});

test('no request reached the server, from the CLI or the action (checks or GitHub)', () => {
  expect(counter.count()).toBe(0);
});
