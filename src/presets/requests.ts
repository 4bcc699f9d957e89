// Turns `client:` / `style:` / `auth:` into the request a page using that
// client library would make: method, headers with values, body. The SDKs'
// requests come from captured.json (catalog.ts); a client name (clients.ts)
// picks one.
import { PLACEHOLDER_KEY } from '../secrets.js';
import type { Browser, HeaderLine } from '../types.js';
import type { ApiStyle, CapturedCall } from './catalog.js';
import { type ClientRef, callSeparator, resolveClient } from './clients.js';

export { API_STYLES, type ApiStyle } from './catalog.js';

interface StyleInfo {
  /** What a base URL of this style stands for: the SDKs' paths are read relative to it. */
  base: string;
  /** Routes checked when `style:` is given without `paths:`. */
  paths: string[];
  defaultModel: string;
  authHeader: string;
  /** What a hand-written fetch() to this API sends. */
  fetchHeaders: HeaderLine[];
}

export const STYLES: Record<ApiStyle, StyleInfo> = {
  openai: {
    base: 'https://api.openai.com/v1',
    paths: ['/chat/completions', '/responses', '/models'],
    defaultModel: 'gpt-4o-mini',
    authHeader: 'authorization',
    fetchHeaders: [
      ['authorization', `Bearer {key}`],
      ['content-type', 'application/json'],
    ],
  },
  anthropic: {
    base: 'https://api.anthropic.com',
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
    base: 'https://generativelanguage.googleapis.com',
    paths: ['/v1beta/models/{model}:generateContent', '/v1beta/models/{model}:streamGenerateContent?alt=sse'],
    defaultModel: 'gemini-2.5-flash',
    authHeader: 'x-goog-api-key',
    fetchHeaders: [
      ['x-goog-api-key', '{key}'],
      ['content-type', 'application/json'],
    ],
  },
};

/**
 * What fills the browser placeholders of the captured headers. They stand for
 * the user's browser, not for anything an SDK decides, so any current version
 * will do; the names a preflight lists do not depend on them.
 */
const BROWSER_VALUES: Record<Browser, { runtimeVersion: string; userAgent: string }> = {
  chromium: {
    runtimeVersion: '156.0.0',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  },
  firefox: {
    runtimeVersion: '153.0.0',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  },
  safari: {
    runtimeVersion: '26.0.0',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
  },
};

type Route = 'chat' | 'responses' | 'models' | 'messages' | 'generate' | 'stream-generate' | 'other';

export function routeOf(url: string): Route {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0]!;
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

/** The call a client makes on a route: the named one, else the first of its calls on that route (the default first). */
function callFor(ref: ClientRef, route: Route): { name: string; call: CapturedCall; matched: boolean } {
  const v = ref.version;
  if (ref.call) return { name: ref.call, call: v.calls[ref.call]!, matched: true };
  const names = [v.default, ...Object.keys(v.calls).filter((n) => n !== v.default)];
  const name = names.find((n) => routeOf(v.calls[n]!.url) === route);
  if (name) return { name, call: v.calls[name]!, matched: true };
  return { name: v.default, call: v.calls[v.default]!, matched: false };
}

/** A captured URL relative to its style's base URL, or undefined when it lies elsewhere (Azure). */
function stylePath(url: string, style: ApiStyle): string | undefined {
  const base = STYLES[style].base;
  return url.startsWith(`${base}/`) ? url.slice(base.length) : undefined;
}

/**
 * The rows `style:` without `paths:` checks: the style's routes, each with the
 * path every client calls there (relative to the base URL), or null when the
 * client's named call is on another route. An SDK's own path takes the place of
 * the style's (google-genai 3 calls /v1/…, not /v1beta/…); a named call on a
 * route the style does not list gets a row of its own.
 */
export function styleRoutes(style: ApiStyle, clients: readonly (string | undefined)[]): StyleRoute[] {
  const refs = clients.map((c) => (c ? resolveClient(c) : undefined));
  const slots = STYLES[style].paths.map((slot) => ({ slot, own: true }));
  for (const ref of refs) {
    if (!ref?.call) continue;
    const path = stylePath(ref.version.calls[ref.call]!.url, ref.preset.style);
    if (path && !slots.some((s) => routeOf(s.slot) === routeOf(path))) slots.push({ slot: path, own: false });
  }
  return slots.map(({ slot, own }) => ({
    slot,
    paths: refs.map((ref) => {
      if (!ref) return own ? slot : null;
      const { call, matched } = callFor(ref, routeOf(slot));
      if (ref.call && routeOf(stylePath(call.url, ref.preset.style) ?? call.url) !== routeOf(slot)) return null;
      if (!ref.call && !own) return null;
      return (matched && stylePath(call.url, ref.preset.style)) || slot;
    }),
  }));
}

export interface StyleRoute {
  /** The style's route (or a named call's own path): what the row is named after. */
  slot: string;
  /** Per client, in the order given: the path it calls, or null for no row. */
  paths: (string | null)[];
}

/** The smallest call a hand-written fetch() makes on this route; none for GET routes. */
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
  /** The SDK call it is (`openai-sdk/chat@7`); absent for fetch. */
  call?: string;
}

function fill(value: string, browser: Browser, model: string): string {
  const b = BROWSER_VALUES[browser];
  return value
    .replaceAll('{runtimeVersion}', b.runtimeVersion)
    .replaceAll('{userAgentLowerCase}', b.userAgent.toLowerCase())
    .replaceAll('{userAgent}', b.userAgent)
    .replaceAll('{model}', model)
    .replaceAll('{key}', PLACEHOLDER_KEY);
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

/** The headers one browser saw the SDK set for a call (Chromium's when that browser was not captured). */
export function capturedHeaders(call: CapturedCall, browser: Browser): [string, string][] {
  return (call.browsers[browser] ?? call.browsers.chromium!).headers;
}

/** The request a page using `client` makes to `url`. */
export function presetRequest(input: PresetInput): PresetRequest {
  const ref = resolveClient(input.client);
  const style = input.style ?? ref?.preset.style ?? 'openai';
  const info = STYLES[style];
  const model = input.model ?? info.defaultModel;
  const route = routeOf(input.url);
  if (!ref) {
    // As a client (in a clients list, or with a style) fetch is what a hand-written
    // call to this API sends; headers given alongside add to it, as for every preset.
    let headers = addHeaders(
      info.fetchHeaders.map(([n, v]) => [n, fill(v, input.browser, model)] as HeaderLine),
      input.headers ?? [],
    );
    if (input.auth) headers = withKey(headers, info.authHeader, input.auth);
    const method = route === 'models' ? 'GET' : (input.method ?? 'POST');
    const stream = Boolean(input.auth) && routeStreams(route, style);
    const body =
      method === 'GET' || method === 'HEAD' ? undefined : (input.body ?? routeBody(route, style, model, stream));
    // Clients set content-type for the body they send; with none there is nothing to describe.
    if (body === undefined) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
    return { method, headers, ...(body !== undefined ? { body } : {}), style, stream };
  }
  const { name, call, matched } = callFor(ref, route);
  const captured = capturedHeaders(call, input.browser);
  let headers = addHeaders(
    captured.map(([n, v]) => [n, fill(v, input.browser, model)] as HeaderLine),
    input.headers ?? [],
  );
  if (input.auth) {
    const authHeader = captured.find(([, v]) => v.includes('{key}'))?.[0] ?? info.authHeader;
    headers = withKey(headers, authHeader, input.auth);
  }
  // On a route the SDK has no call for, its default call's headers go with the route's method.
  const method = matched ? call.method : route === 'models' ? 'GET' : (input.method ?? call.method);
  const streamed = routeOf(call.url) === 'stream-generate' || (call.body as { stream?: unknown })?.stream === true;
  const stream = Boolean(input.auth) && (streamed || routeStreams(route, style));
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (input.body !== undefined) body = input.body;
    else if (call.body !== null) {
      const json = typeof call.body === 'object' && !Array.isArray(call.body) ? { ...call.body } : call.body;
      // The authenticated check asks for a stream; Gemini streams by route, not by body.
      if (stream && style !== 'gemini' && json && typeof json === 'object')
        (json as Record<string, unknown>).stream = true;
      const text = typeof json === 'string' ? json : JSON.stringify(json);
      body = text.replaceAll('{model}', JSON.stringify(model).slice(1, -1));
    }
  }
  if (body === undefined) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
  const callName = `${ref.preset.preset}${callSeparator(ref.preset.preset)}${name}@${ref.version.major}`;
  return { method, headers, ...(body !== undefined ? { body } : {}), style, stream, call: callName };
}

/** `{model}` in a route becomes the endpoint's first model (or the style's default). */
export function fillModel(path: string, style: ApiStyle, model?: string): string {
  return path.replace(/\{model\}/g, encodeURIComponent(model ?? STYLES[style].defaultModel));
}
