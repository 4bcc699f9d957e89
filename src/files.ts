// The file system at the edge of the pipeline: config files in, reports out.
// Reads name the file in their errors; writes are whole or not at all.
import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigSource } from './config/yaml.js';
import { ConfigError, UsageError } from './errors.js';
import { expandPatterns } from './report/glob.js';
import type { ReportSource } from './report/merge.js';

/** Reads a config file; a missing or unreadable file is a config error naming it. */
export function readSource(path: string): ConfigSource {
  if (!fs.existsSync(path)) throw new ConfigError(path, 0, 0, 'file not found');
  try {
    return { file: path, text: fs.readFileSync(path, 'utf8') };
  } catch (err) {
    throw new ConfigError(path, 0, 0, `cannot read the file: ${(err as Error).message}`);
  }
}

/**
 * The reports that files or globs name, each read whole. `exclude` keeps the
 * merged report's own path out of a glob that matches it.
 */
export function readReports(patterns: readonly string[], exclude: readonly string[] = []): ReportSource[] {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const files = expandPatterns(patterns, fs).filter((f) => !skip.has(resolve(f)));
  return files.map((file) => {
    try {
      return { file, text: fs.readFileSync(file, 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read the report ${file}: ${(err as Error).message}`);
    }
  });
}

/** Writes the file whole or not at all: a reader never sees half a report. */
export function writeFileAtomic(path: string, text: string | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
    if (typeof text === 'string') fs.writeFileSync(tmp, text);
    else {
      const fd = fs.openSync(tmp, 'w');
      try {
        for (const chunk of text) fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(tmp, path);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`);
  }
}
