// Client names, as a config or the CLI writes them, read into the captured
// preset, version and call they pick:
//
//   <preset>[<call>][@<major>]
//   preset: fetch, openai-sdk, anthropic-sdk, google-genai, vercel-ai/<provider>
//   call:   /<kind> after an SDK (openai-sdk/stream), :<kind> after a Vercel AI
//           provider (vercel-ai/openai:chat); without one, the call the URL's route
//           stands for, else the preset's default call
//   major:  @6 picks that major; without one, the latest captured
import { CAPTURED, type CapturedPreset, type CapturedVersion, FETCH_PRESET } from './catalog.js';

export const PRESETS: readonly CapturedPreset[] = CAPTURED.presets;

/** The preset names without call kind or version: `fetch`, `openai-sdk`, `vercel-ai/openai`, … */
export const CLIENT_NAMES: readonly string[] = [FETCH_PRESET, ...PRESETS.map((p) => p.preset)];

const isVercel = (preset: string) => preset.startsWith('vercel-ai/');
/** How a call kind joins its preset: `/` after an SDK, `:` after a Vercel AI provider (whose name has a `/`). */
export const callSeparator = (preset: string) => (isVercel(preset) ? ':' : '/');

/** A client name read: the preset, the version and, when named, the call. */
export interface ClientRef {
  name: string;
  preset: CapturedPreset;
  version: CapturedVersion;
  /** The call kind given in the name; without one the route decides. */
  call?: string;
}

type Parsed = { fetch: true } | ClientRef | { problem: string };

const known = () =>
  `known clients: ${CLIENT_NAMES.join(', ')}; a call kind and a major may follow, as in openai-sdk/stream@6 or vercel-ai/openai:chat (cors-gate presets lists them)`;

function parse(name: string): Parsed {
  if (name === FETCH_PRESET) return { fetch: true };
  const at = name.lastIndexOf('@');
  const rest = at >= 0 ? name.slice(0, at) : name;
  const major = at >= 0 ? name.slice(at + 1) : undefined;
  if (major !== undefined && !/^\d+$/.test(major)) {
    const moved = /^(\d+)([/:].+)$/.exec(major);
    if (moved) return { problem: `put the major last: ${JSON.stringify(`${rest}${moved[2]}@${moved[1]}`)}` };
    return { problem: `${JSON.stringify(name)}: the part after @ must be a major version number, as in openai-sdk@6` };
  }
  if (rest === 'vercel-ai')
    return {
      problem: `vercel-ai needs its provider: ${PRESETS.filter((p) => isVercel(p.preset))
        .map((p) => p.preset)
        .join(', ')}`,
    };
  const vercel = rest.startsWith('vercel-ai/');
  const sep = vercel ? rest.indexOf(':') : rest.indexOf('/');
  const presetName = sep >= 0 ? rest.slice(0, sep) : rest;
  const call = sep >= 0 ? rest.slice(sep + 1) : undefined;
  const preset = PRESETS.find((p) => p.preset === presetName);
  if (!preset) {
    if (presetName === FETCH_PRESET)
      return { problem: `fetch takes no call kind or version: write ${JSON.stringify(FETCH_PRESET)}` };
    const other = vercel ? rest.lastIndexOf('/') : rest.indexOf(':');
    const fixed = other > 0 ? PRESETS.find((p) => p.preset === rest.slice(0, other)) : undefined;
    if (fixed)
      return {
        problem: `write the call kind after ${JSON.stringify(callSeparator(fixed.preset))}: ${JSON.stringify(
          `${fixed.preset}${callSeparator(fixed.preset)}${rest.slice(other + 1)}${major !== undefined ? `@${major}` : ''}`,
        )}`,
      };
    return { problem: `unknown client ${JSON.stringify(name)} (${known()})` };
  }
  const version = major === undefined ? preset.versions[0] : preset.versions.find((v) => v.major === Number(major));
  if (!version)
    return {
      problem: `${JSON.stringify(name)}: ${preset.preset} is captured for majors ${preset.versions.map((v) => v.major).join(', ')}`,
    };
  if (call !== undefined && !(call in version.calls))
    return {
      problem: `${JSON.stringify(name)}: ${preset.preset}@${version.major} has no call kind ${JSON.stringify(call)} (its call kinds: ${Object.keys(version.calls).join(', ')})`,
    };
  return { name, preset, version, ...(call !== undefined ? { call } : {}) };
}

/** Why a client name is refused, or null when it is known. */
export function clientProblem(name: string): string | null {
  const p = parse(name);
  return 'problem' in p ? p.problem : null;
}

/** The preset, version and call a client name picks; undefined for `fetch`. Throws on an unknown name. */
export function resolveClient(name: string): ClientRef | undefined {
  const p = parse(name);
  if ('problem' in p) throw new Error(p.problem);
  return 'fetch' in p ? undefined : p;
}
