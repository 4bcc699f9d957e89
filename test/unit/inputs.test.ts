import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { parseBool } from '../../src/inputs.js';
import { parseIssueOn } from '../../src/inputs.js';
import { readIssueInputs } from '../../src/action/issues.js';
import { ROOT } from '../support/spawn.js';

describe('issue inputs', () => {
  const read = (inputs: Record<string, string>, env: Record<string, string> = {}) => readIssueInputs((n) => inputs[n] ?? '', parseBool, env);

  it('defaults: off, the workflow repo, label cors-gate, fail only, 20 writes, run link', () => {
    expect(read({}, { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_RUN_ID: '9', GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toEqual({
      enabled: false, repo: 'acme/widgets', labels: ['cors-gate'], dryRun: false, issueOn: ['fail'], maxWrites: 20,
      apiUrl: 'https://ghe.example.com/api/v3', runUrl: 'https://ghe.example.com/acme/widgets/actions/runs/9',
    });
  });

  it('reads every input and refuses bad values with the input name', () => {
    expect(read({ issues: 'true', 'issue-repo': 'o/r', 'issue-labels': 'a, b', 'issue-on': 'fail,error', 'dry-run': 'true', 'max-issue-writes': '0' })).toMatchObject({
      enabled: true, repo: 'o/r', labels: ['a', 'b'], issueOn: ['fail', 'error'], dryRun: true, maxWrites: 0,
    });
    expect(() => read({ 'issue-repo': 'not a repo' })).toThrow(/issue-repo must be owner\/repo/);
    expect(() => read({ 'max-issue-writes': '-1' })).toThrow(/max-issue-writes/);
    expect(() => read({ issues: 'maybe' })).toThrow(UsageError);
    expect(() => parseIssueOn('pass')).toThrow(/issue-on/);
    expect(parseIssueOn('never')).toEqual([]);
  });

  it('action.yml declares the inputs and the output', () => {
    const doc = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    for (const name of ['issues', 'issue-repo', 'issue-labels', 'issue-on', 'dry-run', 'max-issue-writes', 'github-token']) expect(doc.inputs[name]).toBeDefined();
    expect(doc.inputs['max-issue-writes'].default).toBe('20');
    expect(doc.inputs['issue-on'].default).toBe('fail');
    expect(doc.outputs.issues).toBeDefined();
  });

  it('the example config parses, with its issue targets', () => {
    const file = join(ROOT, 'examples/issues-config.yml');
    const eps = parseConfig({ file, text: readFileSync(file, 'utf8') });
    expect(eps.map((e) => e.issue)).toEqual([{ labels: ['team:platform'] }, { repo: 'anomalyco/opencode', number: 31041 }, { repo: 'provider-org/provider-api' }]);
    const wf = parse(readFileSync(join(ROOT, 'examples/issues-workflow.yml'), 'utf8'));
    expect(wf.permissions).toMatchObject({ issues: 'write' });
  });
});
