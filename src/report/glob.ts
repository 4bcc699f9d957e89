// Report files named by globs, for `cors-gate merge 'reports/*.json'` and the
// action's merge-reports input.
import { MergeError } from '../errors.js';

/** What file expansion needs from the file system (node:fs fits). */
export interface DirReader {
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  existsSync(path: string): boolean;
}

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        let set = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = '^' + set.slice(1);
        re += `[${set}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const MAGIC = /[*?[]/;
const MAX_MATCHES = 10_000;

/**
 * Expands a pattern with *, ?, [set] and ** (any depth) into existing files,
 * sorted; a pattern with no wildcard stands for itself. For a quoted glob
 * (`cors-gate merge 'reports/*.json'`) and the action's merge-reports input.
 */
export function expandGlob(pattern: string, fs: DirReader): string[] {
  if (!MAGIC.test(pattern)) return fs.existsSync(pattern) ? [pattern] : [];
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  if (absolute) parts.shift();
  const out = new Set<string>();
  const join = (base: string, name: string) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const walk = (base: string, i: number, depth: number): void => {
    if (out.size >= MAX_MATCHES || depth > 32) return;
    if (i === parts.length) return;
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part === '**') {
      if (last) return;
      walk(base, i + 1, depth);
      for (const d of list(base))
        if (d.isDirectory() && !d.name.startsWith('.')) walk(join(base, d.name), i, depth + 1);
      return;
    }
    if (!MAGIC.test(part)) {
      const next = join(base, part);
      if (last) {
        if (fs.existsSync(next)) out.add(next);
      } else walk(next, i + 1, depth);
      return;
    }
    const re = segmentRegExp(part);
    for (const d of list(base)) {
      if (!re.test(d.name) || (d.name.startsWith('.') && !part.startsWith('.'))) continue;
      if (last) {
        if (!d.isDirectory()) out.add(join(base, d.name));
      } else if (d.isDirectory()) walk(join(base, d.name), i + 1, depth);
    }
  };
  walk(absolute ? '/' : '', 0, 0);
  return [...out].sort();
}

/**
 * Every file the patterns name, each once, in pattern order then sorted; a
 * pattern that matches nothing is an error (a missing artifact must not pass).
 */
export function expandPatterns(patterns: readonly string[], fs: DirReader): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const p of patterns) {
    const matched = expandGlob(p, fs);
    if (matched.length === 0) throw new MergeError(`${p}: no report file matches`);
    for (const f of matched) {
      if (!seen.has(f)) {
        seen.add(f);
        files.push(f);
      }
    }
  }
  return files;
}

/** The merge-reports input: one pattern per line or comma-separated. */
export function splitPatterns(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
