import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs } from '../../../src/action/inputs.js';
import { parseConfig } from '../../../src/config/load.js';
import { UsageError } from '../../../src/errors.js';
import { DEFAULTS, parseIssueOn } from '../../../src/inputs.js';
import { ROOT } from '../../support/spawn.js';

const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const read = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  readActionInputs((n) => inputs[n] ?? '', env);

describe('action inputs', () => {
  it('defaults: the default config, fail,error, 10 s, 8 requests, report under RUNNER_TEMP', () => {
    const i = read({}, { RUNNER_TEMP: '/runner/tmp' });
    expect(i).toMatchObject({
      config: '.github/cors-gate.yml',
      configGiven: false,
      endpoints: '',
      failOn: ['fail', 'error'],
      timeoutMs: 10_000,
      concurrency: 8,
      reportFile: '/runner/tmp/cors-gate-report.json',
      summary: false,
    });
    expect(i.origin).toBeUndefined();
    expect(i.shard).toBeUndefined();
    expect(i.mergeReports).toBeUndefined();
    expect(i.htmlFile).toBeUndefined();
  });

  it('reads every input, typed, and names a bad one', () => {
    const i = read(
      {
        config: 'c.yml',
        origin: 'https://app.example/',
        'fail-on': 'fail',
        timeout: '2.5',
        concurrency: '3',
        shard: '2/4',
        'merge-reports': 'r/*.json',
        'report-file': 'out.json',
        'html-file': 'site/index.html',
        'github-token': 't',
      },
      { GITHUB_STEP_SUMMARY: '/s' },
    );
    expect(i).toMatchObject({
      config: 'c.yml',
      configGiven: true,
      origin: 'https://app.example',
      failOn: ['fail'],
      timeoutMs: 2500,
      concurrency: 3,
      shard: { index: 2, count: 4 },
      mergeReports: 'r/*.json',
      reportFile: 'out.json',
      htmlFile: 'site/index.html',
      githubToken: 't',
      summary: true,
    });
    expect(() => read({ timeout: '0' })).toThrow(/^timeout must be/);
    expect(() => read({ concurrency: '999' })).toThrow(/^concurrency must be a whole number from 1 to 256/);
    expect(() => read({ origin: 'https://app.example/path' })).toThrow(/^origin must be an origin/);
    expect(() => read({ 'fail-on': 'fail,never' })).toThrow(/^fail-on: never/);
    expect(() => read({ shard: '5/4' })).toThrow(/^shard:/);
  });

  it('host-permissions goes with an extension given as the origin, and only with one', () => {
    const ext = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect(read({}).hostPermissions).toBe(false);
    expect(read({ origin: ext }).hostPermissions).toBe(false);
    expect(read({ origin: ext, 'host-permissions': 'true' })).toMatchObject({ origin: ext, hostPermissions: true });
    expect(() => read({ 'host-permissions': 'true' })).toThrow(/^host-permissions describes .* no origin is given/);
    expect(() => read({ origin: 'null', 'host-permissions': 'true' })).toThrow(
      /^host-permissions describes the browser extension .* the origin is "null"/,
    );
    expect(() => read({ origin: ext, 'host-permissions': 'sometimes' })).toThrow(
      /^host-permissions must be true or false/,
    );
  });

  it('the environment given is what config env: reads, not the process', () => {
    expect(read({}, { KEY: 'v' }).env).toEqual({ KEY: 'v' });
  });
});

describe('issue inputs', () => {
  const issues = (inputs: Record<string, string>, env: Record<string, string> = {}) => read(inputs, env).issues;

  it('defaults: off, the workflow repo, label cors-gate, fail only, 20 writes, run link', () => {
    expect(
      issues(
        {},
        {
          GITHUB_REPOSITORY: 'acme/widgets',
          GITHUB_RUN_ID: '9',
          GITHUB_SERVER_URL: 'https://ghe.example.com/',
          GITHUB_API_URL: 'https://ghe.example.com/api/v3',
        },
      ),
    ).toEqual({
      enabled: false,
      repo: 'acme/widgets',
      labels: ['cors-gate'],
      dryRun: false,
      issueOn: ['fail'],
      maxWrites: 20,
      issueAfter: 1,
      closeAfter: 1,
      apiUrl: 'https://ghe.example.com/api/v3',
      runUrl: 'https://ghe.example.com/acme/widgets/actions/runs/9',
    });
  });

  it('reads every input and refuses bad values with the input name', () => {
    expect(
      issues({
        issues: 'true',
        'issue-repo': 'o/r',
        'issue-labels': 'a, b',
        'issue-on': 'fail,error',
        'dry-run': 'true',
        'max-issue-writes': '0',
      }),
    ).toMatchObject({
      enabled: true,
      repo: 'o/r',
      labels: ['a', 'b'],
      issueOn: ['fail', 'error'],
      dryRun: true,
      maxWrites: 0,
    });
    expect(() => issues({ 'issue-repo': 'not a repo' })).toThrow(/issue-repo must be owner\/repo/);
    expect(() => issues({ 'max-issue-writes': '-1' })).toThrow(/max-issue-writes/);
    expect(() => issues({ issues: 'maybe' })).toThrow(UsageError);
    expect(() => parseIssueOn('pass')).toThrow(/issue-on/);
    expect(parseIssueOn('never')).toEqual([]);
  });
});

describe('history inputs', () => {
  const env = { GITHUB_REPOSITORY: 'acme/widgets' };
  it('off by default; issue-after or close-after above 1 needs it', () => {
    expect(read({}, env).history).toBeUndefined();
    expect(() => read({ 'issue-after': '2' }, env)).toThrow(
      /^issue-after: 2 and close-after: 1 count runs in a row, which needs history: true$/,
    );
    expect(() => read({ 'close-after': '3' }, env)).toThrow(/needs history: true/);
    expect(read({ 'issue-after': '2', history: 'true' }, env).issues.issueAfter).toBe(2);
  });

  it('keeps one file per config and shard in the workflow repository, on cors-gate-data', () => {
    expect(read({ history: 'true' }, env).history).toEqual({
      repo: 'acme/widgets',
      branch: 'cors-gate-data',
      key: 'github-cors-gate',
    });
    expect(read({ history: 'true', config: 'ci/providers.yaml', shard: '2/4' }, env).history?.key).toBe(
      'ci-providers-shard-2-of-4',
    );
    expect(read({ history: 'true', 'merge-reports': 'r/*.json' }, env).history?.key).toBe('merged');
    expect(read({ history: 'true', 'history-key': 'mine', 'history-branch': 'data/cors' }, env).history).toEqual({
      repo: 'acme/widgets',
      branch: 'data/cors',
      key: 'mine',
    });
    expect(() => read({ history: 'true', 'history-key': '../x' }, env)).toThrow(/history-key may hold/);
    expect(() => read({ history: 'true', 'history-branch': 'a..b' }, env)).toThrow(
      /history-branch must be a branch name/,
    );
    expect(() => read({ history: 'true' }, {})).toThrow(/GITHUB_REPOSITORY is not set/);
  });
});

describe('action.yml', () => {
  it('the board workflow publishes the HTML report it writes, with what Pages needs and no more', () => {
    const wf = parse(readFileSync(join(ROOT, 'examples/board-workflow.yml'), 'utf8'));
    const steps = wf.jobs.check.steps as { uses?: string; with?: Record<string, unknown> }[];
    const gate = steps.find((s) => s.uses?.startsWith('cors-gate/cors-gate'))!;
    expect(gate.with).toMatchObject({
      config: 'examples/llm-providers.yml',
      'fail-on': 'never',
      history: true,
      'html-file': 'site/index.html',
      'report-file': 'site/report.json',
    });
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(upload.with?.path).toBe(dirname(gate.with!['html-file'] as string));
    // The check job pushes the history and nothing else; only the deploy job may publish.
    expect(wf.permissions).toEqual({ contents: 'write' });
    expect(wf.jobs.check.permissions).toBeUndefined();
    expect(wf.jobs.deploy).toMatchObject({
      needs: 'check',
      permissions: { pages: 'write', 'id-token': 'write' },
      environment: { name: 'github-pages' },
    });
    expect(Object.keys(wf.jobs.deploy.permissions)).toHaveLength(2);
    expect(wf.jobs.deploy.steps.map((s: { uses: string }) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    expect(wf.on.schedule).toHaveLength(1);
  });

  it('declares every input the action reads, with the defaults of inputs.ts', () => {
    const read: string[] = [];
    readActionInputs((n) => (read.push(n), ''), {});
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...new Set(read)].sort());
    for (const [name, value] of Object.entries(DEFAULTS)) expect(actionYml.inputs[name]?.default, name).toBe(value);
  });

  it('declares the issues output', () => {
    expect(actionYml.outputs.issues).toBeDefined();
  });

  it('the example config parses, with its issue targets', () => {
    const file = join(ROOT, 'examples/issues-config.yml');
    const eps = parseConfig({ file, text: readFileSync(file, 'utf8') });
    expect(eps.map((e) => e.issue)).toEqual([
      { labels: ['team:platform'] },
      { repo: 'anomalyco/opencode', number: 31041 },
      { repo: 'provider-org/provider-api' },
    ]);
    const wf = parse(readFileSync(join(ROOT, 'examples/issues-workflow.yml'), 'utf8'));
    expect(wf.permissions).toMatchObject({ issues: 'write' });
  });

  it('every example workflow gives the action only inputs it has, with the permissions they need', () => {
    const dir = join(ROOT, 'examples');
    const workflows = readdirSync(dir).filter((f) => f.endsWith('-workflow.yml'));
    expect(workflows.length).toBeGreaterThan(1);
    for (const file of workflows) {
      const wf = parse(readFileSync(join(dir, file), 'utf8')) as {
        permissions?: Record<string, string>;
        jobs: Record<
          string,
          { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, unknown> }[] }
        >;
      };
      for (const job of Object.values(wf.jobs)) {
        // A job's own permissions replace the workflow's.
        const permissions = job.permissions ?? wf.permissions;
        for (const step of job.steps.filter((s) => s.uses?.startsWith('cors-gate/cors-gate'))) {
          for (const key of Object.keys(step.with ?? {}))
            expect(actionYml.inputs[key], `${file}: ${key}`).toBeDefined();
          if (step.with?.history === true) expect(permissions, file).toMatchObject({ contents: 'write' });
          if (step.with?.issues === true) expect(permissions, file).toMatchObject({ issues: 'write' });
        }
      }
    }
  });
});
