// Turns `client:` / `style:` / `auth:` into the request a page using that
// client library would make: method, headers with values, body.
import { PLACEHOLDER_KEY } from '../secrets.js';
import type { Browser, HeaderLine } from '../types.js';
import {
  ANTHROPIC_SDK,
  type ApiStyle,
  FETCH,
  GOOGLE_GENAI,
  OPENAI_SDK,
  type PresetTable,
  VALUE_VERSIONS,
  VERCEL_PROVIDERS,
  vercelTable,
} from './catalog.js';

export { API_STYLES, type ApiStyle, type PresetTable } from './catalog.js';

export const PRESETS: readonly PresetTable[] = [
  FETCH,
  OPENAI_SDK,
  ANTHROPIC_SDK,
  GOOGLE_GENAI,
  ...VERCEL_PROVIDERS.map(vercelTable),
];

export const CLIENT_NAMES: readonly string[] = PRESETS.map((p) => p.name);

export function findPreset(name: string): PresetTable | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** Why a client name is refused, or null when it is known. */
export function clientProblem(name: string): string | null {
  if (findPreset(name)) return null;
  if (name === 'vercel-ai')
    return `vercel-ai needs its provider: ${VERCEL_PROVIDERS.map((p) => `vercel-ai/${p.provider}`).join(', ')}`;
  return `unknown client ${JSON.stringify(name)} (expected one of: ${CLIENT_NAMES.join(', ')})`;
}

interface StyleInfo {
  /** Routes checked when `style:` is given without `paths:`. */
  paths: string[];
  defaultModel: string;
  authHeader: string;
  /** What a hand-written fetch() to this API sends. */
  fetchHeaders: HeaderLine[];
}

export const STYLES: Record<ApiStyle, StyleInfo> = {
  openai: {
    paths: ['/chat/completions', '/responses', '/models'],
    defaultModel: 'gpt-4o-mini',
    authHeader: 'authorization',
    fetchHeaders: [
      ['authorization', `Bearer {key}`],
      ['content-type', 'application/json'],
    ],
  },
  anthropic: {
    paths: ['/v1/messages'],
    defaultModel: 'claude-haiku-4-5',
    authHeader: 'x-api-key',
    fetchHeaders: [
      ['x-api-key', '{key}'],
      ['anthropic-version', '2023-06-01'],
      ['anthropic-dangerous-direct-browser-access', 'true'],
      ['content-type', 'application/json'],
    ],
  },
  gemini: {
    paths: ['/v1beta/models/{model}:generateContent', '/v1beta/models/{model}:streamGenerateContent?alt=sse'],
    defaultModel: 'gemini-2.5-flash',
    authHeader: 'x-goog-api-key',
    fetchHeaders: [
      ['x-goog-api-key', '{key}'],
      ['content-type', 'application/json'],
    ],
  },
};

const RUNTIME: Record<Browser, [string, string]> = {
  chromium: ['browser:chrome', '156.0.0'],
  firefox: ['browser:firefox', '145.0.0'],
  safari: ['browser:safari', '26.0.0'],
};

type Route = 'chat' | 'responses' | 'models' | 'messages' | 'generate' | 'stream-generate' | 'other';

export function routeOf(url: string): Route {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  path = path.replace(/\/+$/, '');
  if (path.endsWith('/chat/completions')) return 'chat';
  if (path.endsWith('/responses')) return 'responses';
  if (path.endsWith('/models')) return 'models';
  if (path.endsWith('/messages')) return 'messages';
  if (path.endsWith(':streamGenerateContent')) return 'stream-generate';
  if (path.endsWith(':generateContent')) return 'generate';
  return 'other';
}

/** The body the client sends for the smallest chat call on this route; none for GET routes. */
export function routeBody(route: Route, style: ApiStyle, model: string, stream: boolean): string | undefined {
  const s = stream ? { stream: true } : {};
  const ping = [{ role: 'user', content: 'ping' }];
  switch (route) {
    case 'models':
      return undefined;
    case 'responses':
      // The Responses API refuses max_output_tokens below 16.
      return JSON.stringify({ model, input: 'ping', max_output_tokens: 16, ...s });
    case 'messages':
      return JSON.stringify({ model, max_tokens: 1, messages: ping, ...s });
    case 'generate':
    case 'stream-generate':
      return JSON.stringify({
        contents: [{ role: 'user', parts: [{ text: 'ping' }] }],
        generationConfig: { maxOutputTokens: 1 },
      });
    case 'chat':
      return JSON.stringify({ model, messages: ping, max_tokens: 1, ...s });
    default:
      if (style === 'anthropic') return routeBody('messages', style, model, stream);
      if (style === 'gemini') return routeBody('generate', style, model, stream);
      return routeBody('chat', style, model, stream);
  }
}

/** Does a request on this route stream its answer (so `auth` can check the event stream)? */
export function routeStreams(route: Route, style: ApiStyle): boolean {
  if (route === 'models' || route === 'generate') return false;
  if (route === 'other') return style !== 'gemini';
  return true;
}

export interface PresetInput {
  client: string;
  /** Explicit `style:`; otherwise the preset's. */
  style?: ApiStyle;
  url: string;
  /** Headers given in the config: the entry's own (the defaults' reach only rows without client or style). */
  headers?: HeaderLine[];
  browser: Browser;
  model?: string;
  /** Real key for the authenticated check. */
  auth?: string;
  method?: string;
  body?: string;
}

export interface PresetRequest {
  method: string;
  headers: HeaderLine[];
  body?: string;
  style: ApiStyle;
  /** True when the request is the authenticated streaming check. */
  stream: boolean;
}

function fill(value: string, client: string, browser: Browser, key: string): string {
  const [runtime, runtimeVersion] = RUNTIME[browser];
  return value
    .replace(/\{version\}/g, VALUE_VERSIONS[client] ?? '0')
    .replace(/\{runtime\}/g, runtime)
    .replace(/\{runtimeVersion\}/g, runtimeVersion)
    .replace(/\{key\}/g, key);
}

/** Extra headers add to the preset's; a name already there takes the new value in place. */
export function addHeaders(base: readonly HeaderLine[], extra: readonly HeaderLine[]): HeaderLine[] {
  const out = base.map((h) => [h[0], h[1]] as [string, string]);
  for (const [n, v] of extra) {
    const at = out.findIndex(([m]) => m.toLowerCase() === n.toLowerCase());
    if (at >= 0) out[at]![1] = v;
    else out.push([n, v]);
  }
  return out;
}

const AUTH_NAMES = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];

/** Puts the real key where the client puts its key. */
function withKey(headers: HeaderLine[], authHeader: string, key: string): HeaderLine[] {
  const names = [authHeader.toLowerCase(), ...AUTH_NAMES];
  const at = names.map((n) => headers.findIndex(([h]) => h.toLowerCase() === n)).find((i) => i >= 0);
  const value = (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${key}` : key);
  if (at === undefined) return [...headers, [authHeader, value(authHeader)]];
  return headers.map((h, i) => (i === at ? [h[0], value(h[0])] : h));
}

/** The request a page using `client` makes to `url`. */
export function presetRequest(input: PresetInput): PresetRequest {
  const table = findPreset(input.client);
  if (!table) throw new Error(clientProblem(input.client) ?? 'unknown client');
  const style = input.style ?? table.style;
  const info = STYLES[style];
  const key = input.auth ?? PLACEHOLDER_KEY;
  const route = routeOf(input.url);
  let headers: HeaderLine[];
  if (table.name === 'fetch') {
    // As a client (in a clients list, or with a style) fetch is what a hand-written
    // call to this API sends; headers given alongside add to it, as for every preset.
    headers = addHeaders(
      info.fetchHeaders.map(([n, v]) => [n, fill(v, table.name, input.browser, PLACEHOLDER_KEY)] as HeaderLine),
      input.headers ?? [],
    );
  } else {
    // The anthropic SDK passes a timeout (so sends X-Stainless-Timeout) on messages.create only;
    // a base URL without a known route stands for that call.
    const timed = route === 'messages' || route === 'other';
    const base = table.headers.filter(
      ([n]) => table.name !== 'anthropic-sdk' || timed || n.toLowerCase() !== 'x-stainless-timeout',
    );
    headers = addHeaders(
      base.map(([n, v]) => [n, fill(v, table.name, input.browser, PLACEHOLDER_KEY)] as HeaderLine),
      input.headers ?? [],
    );
  }
  if (input.auth) headers = withKey(headers, table.authHeader ?? info.authHeader, key);
  const method = route === 'models' ? 'GET' : (input.method ?? 'POST');
  const stream = Boolean(input.auth) && routeStreams(route, style);
  const model = input.model ?? info.defaultModel;
  const body =
    method === 'GET' || method === 'HEAD' ? undefined : (input.body ?? routeBody(route, style, model, stream));
  // Clients set content-type for the body they send; with none there is nothing to describe.
  if (body === undefined) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
  return { method, headers, ...(body !== undefined ? { body } : {}), style, stream };
}

/** `{model}` in a route becomes the endpoint's first model (or the style's default). */
export function fillModel(path: string, style: ApiStyle, model?: string): string {
  return path.replace(/\{model\}/g, encodeURIComponent(model ?? STYLES[style].defaultModel));
}
