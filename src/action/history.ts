// The action's run history step: read what earlier runs saw before the summary
// and the issues need it, write this run after them. Without it (first run,
// no permission, GitHub unreachable) everything works as if each run stood
// alone, and the log says so once.
import * as core from '@actions/core';
import type { GitHubClient } from '../github/client.js';
import { type History, type RunEntry, recordRun } from '../history/history.js';
import { historyPath, type Loaded, loadHistory, saveHistory } from '../history/store.js';
import type { ResultRecord } from '../report/record.js';
import { noLegacyCommands } from '../text.js';
import type { HistoryInputs } from './inputs.js';

export interface RunHistory {
  /** As stored before this run. */
  loaded: Loaded;
  /** With this run added. */
  history: History;
}

const placeOf = (h: HistoryInputs) => ({ repo: h.repo, branch: h.branch, path: historyPath(h.key) });

function warn(message: string): void {
  core.warning(noLegacyCommands(message), { title: 'cors-gate history' });
}

export async function readRunHistory(
  gh: GitHubClient,
  inputs: HistoryInputs,
  records: readonly ResultRecord[],
  run: RunEntry,
): Promise<RunHistory | null> {
  const place = placeOf(inputs);
  try {
    const loaded = await loadHistory(gh, place);
    const history = recordRun(loaded.history, records, run);
    core.info(
      loaded.history.runs.length
        ? `Run history: ${loaded.history.runs.length} earlier run${loaded.history.runs.length === 1 ? '' : 's'} from ${place.repo}, branch ${place.branch}, ${place.path}.`
        : `Run history: none yet in ${place.repo}, branch ${place.branch}, ${place.path}; this run starts it.`,
    );
    return { loaded, history };
  } catch (err) {
    warn(`No run history in this run, so each endpoint is judged on this run alone: ${(err as Error).message}`);
    return null;
  }
}

export async function writeRunHistory(
  gh: GitHubClient,
  inputs: HistoryInputs,
  read: RunHistory,
  records: readonly ResultRecord[],
  run: RunEntry,
): Promise<void> {
  const place = placeOf(inputs);
  try {
    await saveHistory(gh, place, read.loaded, (h) => recordRun(h, records, run), `cors-gate: run of ${run.at}`);
  } catch (err) {
    warn(`This run was not added to the run history: ${(err as Error).message}`);
  }
}
