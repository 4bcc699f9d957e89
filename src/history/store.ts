// The run history as a JSON file on a branch of its own in the repository
// (cors-gate-data by default, with no other files and no common history with
// the code), read and written through the Contents API. One read and one write
// per run; a run that lost a race with another rereads and writes again.
import { describeFailure, type FileClient, statusOf } from '../github/client.js';
import { emptyHistory, type History, parseHistory } from './history.js';

export interface HistoryPlace {
  repo: string;
  branch: string;
  /** The file on the branch, e.g. history/github-cors-gate.json. */
  path: string;
}

export interface Loaded {
  history: History;
  /** The blob replaced by the next write; absent when the file does not exist yet. */
  sha?: string;
}

/** A history key from the config's path (and the shard): one file per config a repository checks. */
export function historyKey(config: string | null, shard?: { index: number; count: number }): string {
  const base = config
    ? config
        .replace(/\.(ya?ml)$/i, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[.-]+|[.-]+$/g, '') || 'config'
    : 'merged';
  return shard ? `${base}-shard-${shard.index}-of-${shard.count}` : base;
}

export const historyPath = (key: string) => `history/${key}.json`;

const where = (p: HistoryPlace) => `${p.repo} (branch ${p.branch}, ${p.path})`;

/** The stored history, or an empty one when the branch or the file does not exist yet. */
export async function loadHistory(gh: FileClient, place: HistoryPlace): Promise<Loaded> {
  let file: Awaited<ReturnType<FileClient['readFile']>>;
  try {
    file = await gh.readFile(place.repo, place.branch, place.path);
  } catch (err) {
    throw describeFailure(
      err,
      place.repo,
      `reading the run history ${place.path} on branch ${place.branch}`,
      'contents: read',
    );
  }
  if (!file) return { history: emptyHistory() };
  return { history: parseHistory(file.text, where(place)), sha: file.sha };
}

const MAX_ATTEMPTS = 3;

/**
 * Writes `update(stored history)`. When another run wrote in between (409), or
 * made the branch first (422), the history is read again and updated again.
 */
export async function saveHistory(
  gh: FileClient,
  place: HistoryPlace,
  loaded: Loaded,
  update: (h: History) => History,
  message: string,
): Promise<void> {
  let current = loaded;
  for (let attempt = 1; ; attempt++) {
    const text = `${JSON.stringify(update(current.history))}\n`;
    try {
      if (current.sha) await gh.writeFile(place.repo, place.branch, place.path, text, current.sha, message);
      else {
        // No file yet: the branch may be missing too, and is made with the file as its only content.
        try {
          await gh.writeFile(place.repo, place.branch, place.path, text, undefined, message);
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
          await gh.createBranch(place.repo, place.branch, place.path, text, message);
        }
      }
      return;
    } catch (err) {
      const raced = statusOf(err) === 409 || statusOf(err) === 422;
      if (!raced || attempt >= MAX_ATTEMPTS) {
        throw describeFailure(
          err,
          place.repo,
          `writing the run history ${place.path} on branch ${place.branch}`,
          'contents: write',
        );
      }
      current = await loadHistory(gh, place);
    }
  }
}
