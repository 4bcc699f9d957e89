// Config sources → the endpoint rows of a run: each document read and checked,
// its entries expanded, and names and ids kept unique across all sources.
import { ConfigError } from '../errors.js';
import type { Endpoint } from '../types.js';
import { type ExpandOptions, expand } from './expand.js';
import { type ConfigSource, type Env, readDocument } from './yaml.js';

export type { ConfigSource } from './yaml.js';

export interface LoadOptions extends ExpandOptions {
  /** Where `env: NAME` reads from; none unless given (the entry points pass process.env). */
  env?: Env;
}

export interface LoadedConfig {
  endpoints: Endpoint[];
}

/** Parses one YAML document into endpoint rows. */
export function parseConfig(src: ConfigSource, options: LoadOptions = {}): Endpoint[] {
  const { defaults, entries } = readDocument(src, options.env);
  return entries.flatMap((spec) => expand(src.file, { ...defaults, ...spec, line: spec.line }, defaults, options));
}

/** Loads several sources into one list; names must stay unique across them. */
export function loadConfig(sources: ConfigSource[], options: LoadOptions = {}): LoadedConfig {
  const endpoints: Endpoint[] = [];
  const seen = new Map<string, Endpoint>();
  for (const src of sources) {
    for (const e of parseConfig(src, options)) {
      const before = seen.get(e.name);
      if (before) {
        throw new ConfigError(
          src.file,
          e.source?.line ?? 0,
          1,
          `duplicate endpoint name ${JSON.stringify(e.name)} (also in ${before.source?.file}:${before.source?.line})`,
        );
      }
      seen.set(e.name, e);
      endpoints.push(e);
    }
  }
  // One id, one issue: two rows sharing an id would open and close each other's.
  const ids = new Map<string, Endpoint>();
  for (const e of endpoints) {
    const before = ids.get(e.id);
    if (before) {
      const where = (x: Endpoint) => `${JSON.stringify(x.name)} (${x.source?.file}:${x.source?.line})`;
      throw new ConfigError(
        e.source?.file ?? 'config',
        e.source?.line ?? 0,
        1,
        `${where(before)} and ${where(e)} would share the endpoint id ${e.id} (same name once the client is added, same url and origin); rename one of them`,
      );
    }
    ids.set(e.id, e);
  }
  if (endpoints.length === 0) throw new ConfigError(sources[0]?.file ?? 'config', 0, 0, 'no endpoints to check');
  return { endpoints };
}
