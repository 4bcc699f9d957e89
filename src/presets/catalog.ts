// What each client library sends, as captured from the SDKs themselves: every
// call is run in real browsers against a logging server by `npm run
// presets:capture`, which writes captured.json (see docs/presets.md). Nothing
// an SDK sends is typed here; only what cannot be captured is: a line about
// each preset, and `fetch`, which is no library.
import type { Browser, HeaderLine } from '../types.js';
import captured from './captured.json' with { type: 'json' };

export type ApiStyle = 'openai' | 'anthropic' | 'gemini';
export const API_STYLES: readonly ApiStyle[] = ['openai', 'anthropic', 'gemini'];

/** What one browser saw of a call. */
export interface CapturedBrowserRequest {
  /** The headers the SDK handed to fetch(), names lower-cased, in its order. */
  headers: [string, string][];
  /** The Access-Control-Request-Headers the browser sent; null when it sent no preflight. */
  acrh: string | null;
}

export interface CapturedCall {
  /** The code that was run. */
  code: string;
  method: string;
  /** The URL the SDK called with its default base URL; `{model}` stands for the model. */
  url: string;
  /** The JSON body (`{model}` for the model), or null. */
  body: unknown;
  browsers: Partial<Record<Browser, CapturedBrowserRequest>>;
}

export interface CapturedVersion {
  /** What `@major` selects: the SDK's major (for the Vercel AI SDK, that of `ai`). */
  major: number;
  /** npm package → version captured. */
  packages: Record<string, string>;
  /** The call the name without a call kind means. */
  default: string;
  calls: Record<string, CapturedCall>;
}

export interface CapturedPreset {
  preset: string;
  style: ApiStyle;
  /** Newest first: the first is what the name without `@major` means. */
  versions: CapturedVersion[];
}

export interface CapturedData {
  generated: string[];
  presets: CapturedPreset[];
}

export const CAPTURED: CapturedData = captured as unknown as CapturedData;

/** What cannot be captured: what each preset is, and what it leaves out. */
export const PRESET_NOTES: Record<string, string[]> = {
  fetch: ['Sends only the headers the config gives; with none, the API style’s key and content-type headers.'],
  'openai-sdk': [
    'Needs `dangerouslyAllowBrowser: true` in a browser.',
    'Adds OpenAI-Organization / OpenAI-Project when configured and X-Stainless-Timeout when a timeout is set: add them with `headers:`.',
  ],
  'anthropic-sdk': [
    'Needs `dangerouslyAllowBrowser: true` in a browser (that sends anthropic-dangerous-direct-browser-access).',
  ],
  'google-genai': ['Adds X-Server-Timeout when httpOptions.timeout is set.'],
  'vercel-ai/anthropic': [
    'Sends no anthropic-dangerous-direct-browser-access: add it with `headers:` (or createAnthropic({headers})), or Anthropic answers without CORS headers.',
  ],
  'vercel-ai/openai-compatible': ['Captured with OpenAI’s base URL; a provider’s own base URL changes only the URL.'],
};

/** `fetch` as a client: what a hand-written call sends (STYLES in requests.ts says which headers). */
export const FETCH_PRESET = 'fetch';

export type { HeaderLine };
