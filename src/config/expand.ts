// Config entries → endpoint rows: one row per path × origin × client, each with
// a stable id, its secrets, and the request its client makes.
import { createHash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import { DEFAULT_ORIGIN } from '../inputs.js';
import { fillModel, presetRequest, routeBody, styleRoutes } from '../presets/requests.js';
import { PLACEHOLDER_KEY } from '../secrets.js';
import type { Endpoint, HeaderLine } from '../types.js';
import { DEFAULT_HEADERS } from './headers.js';
import type { EntrySpec } from './yaml.js';

export interface ExpandOptions {
  /** Overrides every origin (CLI --origin). */
  origin?: string;
  /** With `origin`: whether that extension origin has host permissions (CLI --host-permissions). */
  hostPermissions?: boolean;
}

export function expand(file: string, spec: EntrySpec, defaults: EntrySpec, options: ExpandOptions): Endpoint[] {
  const origins = options.origin ? [options.origin] : (spec.origins ?? [DEFAULT_ORIGIN]);
  // The origin option replaces the configured origins, and with them what was said about their extension.
  const hostPermissions = options.origin ? options.hostPermissions : spec.hostPermissions;
  const own = spec.headers === defaults.headers ? undefined : spec.headers;
  const headers = mergeHeaders(defaults.headers, own);
  const secrets = [...(defaults.secretHeaders ?? []), ...(spec.secretHeaders ?? [])];
  if (spec.auth) {
    secrets.push(spec.auth);
  }
  // Presets, styles and the authenticated check shape the request; without any of them it is as configured.
  const shaped = Boolean(spec.clients || spec.style || spec.auth);
  // A client or style decides the headers itself: the defaults' headers are meant for plain rows,
  // and would take the place of a style's own headers or add ones the SDK never sends.
  const given = spec.clients || spec.style ? own : headers;
  const clients: (string | undefined)[] = spec.clients ?? [undefined];
  const several = clients.length > 1;
  // A `style:` without `paths:` means the url is a base URL: check the style's usual routes, each
  // client on the path its SDK calls there. Otherwise every client goes to the paths given.
  const listed = Boolean(spec.paths || spec.style);
  const routes =
    spec.style && !spec.paths
      ? styleRoutes(spec.style, clients)
      : (spec.paths ?? ['']).map((slot) => ({ slot, paths: clients.map(() => slot) }));
  const model = (path: string) => fillModel(path, spec.style ?? 'gemini', spec.models?.[0]);
  const out: Endpoint[] = [];
  for (const route of routes) {
    for (const origin of origins) {
      for (const [i, client] of clients.entries()) {
        const own = route.paths[i];
        if (own === null || own === undefined) continue;
        // The row is named, and its id made, after the route; the URL is where the client sends it.
        const path = model(route.slot);
        const url = joinUrl(spec.url!, model(own));
        let name = spec.name!;
        if (routes.length > 1 || listed) name += ` ${path}`;
        if (origins.length > 1) name += ` from ${origin}`;
        // The plain-fetch row keeps the entry's own name (and so its id and its issue).
        if (several && client !== 'fetch') name += ` · ${client}`;
        // A client row's id names its client even when it is the only one, so adding or
        // removing other clients moves no row's id (nor its issue).
        const idName = client && client !== 'fetch' ? `${spec.name!} · ${client}` : spec.name!;
        const req = shaped
          ? presetRequest({
              client: client ?? 'fetch',
              ...(spec.style ? { style: spec.style } : {}),
              url,
              ...(given ? { headers: given } : {}),
              browser: spec.browser ?? 'chromium',
              ...(spec.models?.[0] ? { model: spec.models[0] } : {}),
              ...(spec.auth ? { auth: spec.auth } : {}),
              ...(spec.method ? { method: spec.method } : {}),
              ...(spec.body !== undefined ? { body: spec.body } : {}),
            })
          : undefined;
        const written = req ? req.body : spec.body;
        const method = req?.method ?? spec.method ?? 'POST';
        const bodyless = method === 'GET' || method === 'HEAD';
        if (bodyless && written !== undefined) {
          throw new ConfigError(
            file,
            spec.line,
            1,
            `${spec.name}: a ${method} request cannot have a body (fetch() throws "Request with GET/HEAD method cannot have body"); remove body or use another method`,
          );
        }
        // A plain row's actual request carries the smallest chat call, as an app's would.
        const body =
          written ?? (bodyless ? undefined : routeBody('chat', 'openai', spec.models?.[0] ?? PLACEHOLDER_KEY, false));
        // Optional fields are set only when present (no `key: undefined`), one by one:
        // a config of thousands of rows is expanded before the first request goes out.
        const row: Endpoint = {
          id: endpointId(idName, joinUrl(spec.url!, path), origin),
          name,
          url,
          origin,
          method,
          headers: req?.headers ??
            headers ?? [
              ['authorization', DEFAULT_HEADERS.authorization!],
              ['content-type', 'application/json'],
            ],
          credentials: spec.credentials ?? 'omit',
          actual: spec.actual ?? true,
          browser: spec.browser ?? 'chromium',
          secrets,
          source: { file, line: spec.line },
        };
        if (routes.length > 1 || origins.length > 1 || several) row.group = spec.name!;
        if (hostPermissions) row.hostPermissions = true;
        if (spec.addressSpace) row.addressSpace = spec.addressSpace;
        if (body !== undefined) row.body = body;
        if (spec.expect) row.expect = spec.expect;
        if (spec.models) row.models = spec.models;
        if (client) row.client = client;
        if (req) row.style = req.style;
        if (spec.auth && req) row.stream = req.stream;
        if (spec.issue) row.issue = spec.issue;
        if (spec.retries !== undefined) row.retries = spec.retries;
        if (spec.confirm !== undefined) row.confirm = spec.confirm;
        out.push(row);
      }
    }
  }
  return out;
}

/** Endpoint headers add to (and override by name) the defaults' headers. */
function mergeHeaders(base: HeaderLine[] | undefined, extra: HeaderLine[] | undefined): HeaderLine[] | undefined {
  if (!base) return extra;
  if (!extra) return base;
  const names = new Set(extra.map(([n]) => n.toLowerCase()));
  return [...base.filter(([n]) => !names.has(n.toLowerCase())), ...extra];
}

function joinUrl(base: string, path: string): string {
  if (!path) return base;
  return base.replace(/\/+$/, '') + path;
}

/** Stable across runs and config reordering, so issues and shards follow the endpoint. */
export function endpointId(name: string, url: string, origin: string): string {
  return createHash('sha256').update(`${name}\n${url}\n${origin}`).digest('hex').slice(0, 12);
}
