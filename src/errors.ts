// The errors a run can end with, each with its own exit status in the CLI and
// its own wording in the action: a bad option, a bad config file, bad reports.

/** An option (action input or CLI flag) that cannot be used. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `${file}:${line}:${column}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Shards' reports that cannot be merged into one. */
export class MergeError extends UsageError {
  override name = 'MergeError';
}
