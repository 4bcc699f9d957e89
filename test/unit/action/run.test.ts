// The action's layer in-process, with @actions/core stubbed: inputs in, then
// the report file, the summary, the outputs, the annotations and the step's
// result out, against the provider zoo on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { createCoreStub } from '../../support/core-stub.js';
import { startZoo, type Zoo, zooConfig } from '../../support/zoo.js';

const stub = vi.hoisted(() => ({ value: undefined as ReturnType<typeof createCoreStub> | undefined }));
vi.mock('@actions/core', async () => {
  const { createCoreStub } = await import('../../support/core-stub.js');
  stub.value = createCoreStub();
  return stub.value.core;
});

const { readActionInputs } = await import('../../../src/action/inputs.js');
const { finish, runAction } = await import('../../../src/action/run.js');

let zoo: Zoo;
let dir: string;
const record = () => stub.value!.record;

beforeAll(async () => {
  zoo = await startZoo();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-action-'));
});
afterAll(async () => {
  await zoo.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => stub.value!.reset());

async function act(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const read = readActionInputs((n) => inputs[n] ?? '', {
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: join(dir, 's.md'),
    ...env,
  });
  const outcome = await runAction(read);
  finish(outcome);
  return { outcome, inputs: read };
}

describe('the action in-process', () => {
  it('checks the zoo: report file, summary, outputs, annotations, failed step', async () => {
    const config = join(dir, 'zoo.yml');
    writeFileSync(config, zooConfig(zoo.url));
    const { outcome, inputs } = await act({ config });
    expect(outcome?.decision.counts).toMatchObject({ total: 5, passed: 3, failed: 2 });
    const r = record();
    expect(r.outputs).toMatchObject({ total: '5', passed: '3', warned: '0', failed: '2', errored: '0', issues: '[]' });
    expect(JSON.parse(r.outputs['failed-endpoints']!)).toEqual(['NVIDIA NIM', 'OpenCode Zen']);
    expect(r.outputs['report-file']).toBe(inputs.reportFile);
    const report = JSON.parse(readFileSync(inputs.reportFile, 'utf8')) as {
      results: { name: string; verdict: string }[];
    };
    expect(report.results.map((x) => x.verdict)).toEqual(['pass', 'pass', 'pass', 'fail', 'fail']);
    expect(r.summary).toContain('## cors-gate: 3 of 5 endpoints can be called from a browser');
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatch(/^2 endpoints failed the gate \(fail-on: fail, error\): NVIDIA NIM, OpenCode Zen$/);
    // One annotation sums up, one per blocked endpoint follows, and the step's own failure.
    const errors = r.annotations.filter((a) => a.kind === 'error').map((a) => a.message);
    expect(errors[0]).toMatch(/^2 blocked by the browser \(of 5 checked\): NVIDIA NIM, OpenCode Zen/);
    expect(errors.slice(1, 3)).toEqual([
      expect.stringMatching(/^NVIDIA NIM: PreflightMissingAllowOriginHeader: /),
      expect.stringMatching(/^OpenCode Zen: PreflightMissingAllowOriginHeader: /),
    ]);
    expect(r.log.some((l) => /^\[5\/5\] /.test(l))).toBe(true);
  });

  it('html-file: the HTML report, written with the JSON report, without last runs when there is no history', async () => {
    const config = join(dir, 'zoo.yml');
    writeFileSync(config, zooConfig(zoo.url));
    const htmlFile = join(dir, 'site', 'index.html');
    const { inputs } = await act({ config, 'html-file': htmlFile });
    expect(inputs.htmlFile).toBe(htmlFile);
    const page = readFileSync(htmlFile, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1>cors-gate: 3 of 5 endpoints can be called from a browser</h1>');
    expect(page.match(/<details class="ep"/g)).toHaveLength(5);
    expect(page).not.toContain('class="runs"');
  });

  it('fail-on: never passes the step and still reports every endpoint', async () => {
    const config = join(dir, 'zoo.yml');
    writeFileSync(config, zooConfig(zoo.url));
    await act({ config, 'fail-on': 'never' });
    const r = record();
    expect(r.failed).toEqual([]);
    expect(r.outputs.failed).toBe('2');
    // Blocked endpoints are warnings, not errors, when they do not fail the gate.
    expect(r.annotations.filter((a) => a.kind === 'error')).toEqual([]);
    expect(r.annotations.filter((a) => a.kind === 'warning').length).toBeGreaterThanOrEqual(3);
  });

  it('a config error is an error annotation at its line, a failed step and a summary, and nothing is sent', async () => {
    const before = zoo.requests.length;
    const config = join(dir, 'broken.yml');
    writeFileSync(config, `endpoints:\n  - name: a\n    url: ${zoo.url}/openrouter/x\n    method: TRACK\n`);
    const { outcome } = await act({ config });
    expect(outcome).toBeNull();
    const r = record();
    expect(r.annotations[0]).toMatchObject({ kind: 'error', properties: { file: config, startLine: 4 } });
    expect(r.failed[0]).toMatch(
      /^Configuration error: .*broken\.yml:4:\d+: endpoints\[0\]\.method TRACK cannot be sent by fetch\(\)/,
    );
    expect(r.summary).toContain('## cors-gate: configuration error');
    expect(r.outputs).toEqual({});
    expect(zoo.requests.length).toBe(before);
  });

  it('masks every configured secret before the first request', async () => {
    const config = join(dir, 'secret.yml');
    writeFileSync(config, `endpoints:\n  - name: a\n    url: ${zoo.url}/openrouter/x\n    auth: {env: ZOO_KEY}\n`);
    await act({ config, 'github-token': 'ghs_token_value' }, { ZOO_KEY: 'sk-secret-1234' });
    expect(record().secrets).toEqual(expect.arrayContaining(['ghs_token_value', 'sk-secret-1234']));
    const { secrets: _, ...shown } = record();
    expect(JSON.stringify(shown)).not.toContain('sk-secret-1234');
    const seen = zoo.requests.at(-1)!.headers.find(([n]) => n.toLowerCase() === 'authorization');
    expect(seen?.[1]).toBe('Bearer sk-secret-1234');
  });

  it("folds a long run's log into groups of a hundred endpoints", async () => {
    const config = join(dir, 'many.yml');
    const rows = Array.from({ length: 205 }, (_, i) => `  - name: e${i}\n    url: ${zoo.url}/openrouter/v1/${i}\n`);
    writeFileSync(config, `endpoints:\n${rows.join('')}`);
    await act({ config, concurrency: '32' });
    const marks = record().log.filter((l) => l.startsWith('::'));
    expect(marks).toEqual([
      '::group::Endpoints 1–100 of 205',
      '::endgroup::',
      '::group::Endpoints 101–200 of 205',
      '::endgroup::',
      '::group::Endpoints 201–205 of 205',
      '::endgroup::',
    ]);
    // Five endpoints or a hundred: no groups.
    writeFileSync(config, zooConfig(zoo.url));
    stub.value!.reset();
    await act({ config });
    expect(record().log.filter((l) => l.startsWith('::'))).toEqual([]);
  });
});
