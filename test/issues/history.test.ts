// The run history store against the GitHub fake, through the real Octokit
// client: a branch of its own made on the first write, one read and one write
// per run, a race with another run settled by reading again, and GitHub's
// refusals named with the permission to add.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/octokit.js';
import { emptyHistory, parseHistory, recordRun } from '../../src/history/history.js';
import { historyPath, loadHistory, saveHistory } from '../../src/history/store.js';
import { useGitHubFake } from '../github-fake/use.js';
import { failing, passing } from '../support/issue-records.js';

const REPO = 'acme/widgets';
const github = useGitHubFake();
const place = { repo: REPO, branch: 'cors-gate-data', path: historyPath('github-cors-gate') };
const log = { info: () => {}, warning: () => {} };
const client = () => createClient({ token: github().token, baseUrl: github().url, log, throttle: { enabled: false } });
const run = (i: number) => ({ at: `2026-12-0${i}T06:00:00.000Z` });

describe('the run history on a data branch', () => {
  it('starts empty, makes a branch with only the history file, then reads it back', async () => {
    const gh = client();
    const first = await loadHistory(gh, place);
    expect(first).toEqual({ history: emptyHistory() });
    await saveHistory(gh, place, first, (h) => recordRun(h, [failing()], run(1)), 'cors-gate: run 1');
    const branch = github().branch(REPO, 'cors-gate-data')!;
    // A branch of its own: one root commit holding only the history, nothing of the code.
    expect(Object.keys(branch.files)).toEqual([place.path]);
    expect(branch.log).toHaveLength(1);
    expect(branch.log[0]!.parents).toEqual([]);
    const second = await loadHistory(gh, place);
    expect(second.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(second.history.endpoints[failing().id]!.states).toBe('f');
  });

  it('writes each later run as one commit on the branch: one read and one write', async () => {
    const gh = client();
    await saveHistory(gh, place, await loadHistory(gh, place), (h) => recordRun(h, [failing()], run(1)), 'run 1');
    const before = github().requests.length;
    const loaded = await loadHistory(gh, place);
    await saveHistory(gh, place, loaded, (h) => recordRun(h, [passing()], run(2)), 'run 2');
    expect(
      github()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['repos/get-content', 'repos/create-or-update-file-contents']);
    const branch = github().branch(REPO, 'cors-gate-data')!;
    expect(branch.log.map((c) => c.message)).toEqual(['run 2', 'run 1']);
    expect(parseHistory(branch.files[place.path]!, 'x').endpoints[failing().id]!.states).toBe('fp');
  });

  it('when another run wrote in between, reads again and adds this run to that one', async () => {
    const gh = client();
    await saveHistory(gh, place, await loadHistory(gh, place), (h) => recordRun(h, [failing()], run(1)), 'run 1');
    const mine = await loadHistory(gh, place);
    const theirs = await loadHistory(gh, place);
    await saveHistory(gh, place, theirs, (h) => recordRun(h, [failing()], run(2)), 'run 2');
    // Ours was read before theirs was written: the write answers 409 and is done again on theirs.
    await saveHistory(gh, place, mine, (h) => recordRun(h, [passing()], run(3)), 'run 3');
    const stored = parseHistory(github().branch(REPO, 'cors-gate-data')!.files[place.path]!, 'x');
    expect(stored.runs.map((r) => r.at)).toEqual([run(1).at, run(2).at, run(3).at]);
    expect(stored.endpoints[failing().id]!.states).toBe('ffp');
    expect(github().requests.some((r) => r.status === 409)).toBe(true);
  });

  it('names the permission a refused write needs, and a read-only token reads', async () => {
    github().setRepo(REPO, { readOnly: true });
    github().seedFile(
      REPO,
      place.path,
      `${JSON.stringify(recordRun(emptyHistory(), [failing()], run(1)))}\n`,
      'cors-gate-data',
    );
    const gh = client();
    const loaded = await loadHistory(gh, place);
    expect(loaded.history.runs).toHaveLength(1);
    await expect(saveHistory(gh, place, loaded, (h) => h, 'x')).rejects.toThrow(
      /GitHub answered 403 .* while writing the run history history\/github-cors-gate\.json on branch cors-gate-data in acme\/widgets: .*"permissions: contents: write"/,
    );
  });

  it('refuses a file that is not a history, naming where it is', async () => {
    github().seedFile(REPO, place.path, '{"tool":"other"}', 'cors-gate-data');
    await expect(loadHistory(client(), place)).rejects.toThrow(
      /acme\/widgets \(branch cors-gate-data, history\/github-cors-gate\.json\): not a cors-gate history/,
    );
  });
});
