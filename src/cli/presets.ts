// `cors-gate presets`: what each client preset sends, for reading or diffing.
import { parseArgs } from 'node:util';
import { corsUnsafeHeaderNames, sendableHeaders } from '../cors/fetch-rules.js';
import { UsageError } from '../errors.js';
import { CAPTURED, type CapturedPreset, type CapturedVersion, PRESET_NOTES } from '../presets/catalog.js';
import { callSeparator, clientProblem, resolveClient } from '../presets/clients.js';
import { presetRequest } from '../presets/requests.js';
import type { Browser } from '../types.js';

const BROWSERS: readonly Browser[] = ['chromium', 'firefox', 'safari'];

export const PRESETS_HELP = `Usage: cors-gate presets [CLIENT...] [--browser chromium|firefox|safari] [--format text|json]

Prints what each client preset sends, as captured from the SDK in real
browsers: the SDK version, and for each call kind the request (method, URL,
headers with values, body) and the Access-Control-Request-Headers the browser
sends for it. Without CLIENT: every preset's latest version in full, its other
call kinds and earlier majors in one line each. With CLIENT (openai-sdk@6,
vercel-ai/openai:chat, …): those in full. --format json prints every version
and call kind, with the Access-Control-Request-Headers of every browser.`;

/** `openai-sdk/stream@6`: the full name of one call of one version. */
const callName = (p: CapturedPreset, v: CapturedVersion, call: string) =>
  `${p.preset}${callSeparator(p.preset)}${call}@${v.major}`;

const packages = (v: CapturedVersion) =>
  Object.entries(v.packages)
    .map(([n, ver]) => `${n} ${ver}`)
    .join(', ');

interface Described {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
  /** Browser → Access-Control-Request-Headers ('' when there is no preflight). */
  acrh: Record<string, string>;
  dropped: Record<string, string[]>;
}

/** The request cors-gate makes for one captured call in `shown`, and what each browser asks in its preflight. */
function describeCall(p: CapturedPreset, v: CapturedVersion, call: string, shown: Browser): Described {
  const c = v.calls[call]!;
  const name = callName(p, v, call);
  const acrh: Record<string, string> = {};
  const dropped: Record<string, string[]> = {};
  let picked: ReturnType<typeof presetRequest> | undefined;
  for (const browser of BROWSERS) {
    const req = presetRequest({ client: name, url: c.url, browser });
    if (browser === shown) picked = req;
    const s = sendableHeaders(req.headers, browser);
    acrh[browser] = corsUnsafeHeaderNames(s.kept, browser).join(',');
    dropped[browser] = s.dropped;
  }
  const req = picked!;
  return {
    method: req.method,
    url: c.url,
    headers: req.headers.map(([n, val]) => [n, val]),
    body: req.body ?? null,
    acrh,
    dropped,
  };
}

export function presetsCommand(argv: string[], write: (s: string) => void): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'string', default: 'chromium' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    write(PRESETS_HELP + '\n');
    return 0;
  }
  const browser = values.browser as Browser;
  if (!BROWSERS.includes(browser))
    throw new UsageError(`--browser must be chromium, firefox or safari, got ${JSON.stringify(values.browser)}`);
  for (const c of positionals) {
    const problem = c === 'fetch' ? 'fetch is no library: it sends the headers the config gives' : clientProblem(c);
    if (problem) throw new UsageError(problem);
  }
  if (values.format === 'json') {
    write(JSON.stringify(presetsJson(browser, positionals), null, 2) + '\n');
    return 0;
  }
  if (values.format !== 'text')
    throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  write(positionals.length ? describeClients(positionals, browser) : describePresets(browser));
  return 0;
}

/**
 * Every preset, version and call kind (or those named): the request as `browser` sends it, and
 * every browser's Access-Control-Request-Headers.
 */
export function presetsJson(browser: Browser, only: readonly string[] = []) {
  const picked = only.map((c) => resolveClient(c)!);
  const presets = CAPTURED.presets
    .filter((p) => picked.length === 0 || picked.some((r) => r.preset === p))
    .map((p) => ({
      name: p.preset,
      style: p.style,
      notes: PRESET_NOTES[p.preset] ?? [],
      versions: p.versions
        .filter((v) => picked.length === 0 || picked.some((r) => r.version === v))
        .map((v) => ({
          major: v.major,
          latest: v === p.versions[0],
          packages: v.packages,
          default: v.default,
          calls: Object.keys(v.calls)
            .filter(
              (call) => picked.length === 0 || picked.some((r) => r.version === v && (r.call ?? v.default) === call),
            )
            .map((call) => {
              const d = describeCall(p, v, call, browser);
              return {
                name: callName(p, v, call),
                call,
                code: v.calls[call]!.code,
                method: d.method,
                url: d.url,
                headers: d.headers,
                body: d.body,
                accessControlRequestHeaders: Object.fromEntries(BROWSERS.map((b) => [b, d.acrh[b] || null])),
              };
            }),
        })),
    }));
  return { browser, generated: CAPTURED.generated, presets };
}

function block(p: CapturedPreset, v: CapturedVersion, call: string, browser: Browser, title: string): string[] {
  const d = describeCall(p, v, call, browser);
  const out = [title, `  ${d.method} ${d.url}`];
  for (const [n, val] of d.headers) out.push(`    ${n}: ${val}`);
  if (d.dropped[browser]!.length)
    out.push(`    (${browser} drops ${d.dropped[browser]!.join(', ')}: a page cannot set it)`);
  out.push(`  Access-Control-Request-Headers (${browser}): ${d.acrh[browser] || '(none: no preflight)'}`);
  if (d.body) out.push(`  body: ${d.body}`);
  return out;
}

/** What `cors-gate presets` prints: one block per preset, its latest version in full. */
export function describePresets(browser: Browser): string {
  const out: string[] = [
    'fetch — no library: the headers the config gives, or the API style’s key and content-type headers',
    '',
  ];
  for (const p of CAPTURED.presets) {
    const [latest, ...earlier] = p.versions;
    const v = latest!;
    out.push(
      ...block(
        p,
        v,
        v.default,
        browser,
        `${p.preset} — ${packages(v)} (API style ${p.style}); ${p.preset} is ${callName(p, v, v.default)}`,
      ),
    );
    for (const n of PRESET_NOTES[p.preset] ?? []) out.push(`  note: ${n}`);
    const rows: [string, string][] = [];
    for (const call of Object.keys(v.calls)) {
      if (call === v.default) continue;
      const d = describeCall(p, v, call, browser);
      rows.push([`${p.preset}${callSeparator(p.preset)}${call}`, `${d.method} ${d.url}  ${d.acrh[browser] || '-'}`]);
    }
    for (const e of earlier) {
      const d = describeCall(p, e, e.default, browser);
      rows.push([`${p.preset}@${e.major}`, `(${packages(e)}) ${d.method} ${d.url}  ${d.acrh[browser] || '-'}`]);
    }
    if (rows.length) {
      out.push(`  other call kinds and majors (method, URL, Access-Control-Request-Headers in ${browser}):`);
      const width = Math.max(...rows.map(([n]) => n.length));
      for (const [n, rest] of rows) out.push(`    ${n.padEnd(width)}  ${rest}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** `cors-gate presets NAME...`: each named call in full. */
function describeClients(names: readonly string[], browser: Browser): string {
  const out: string[] = [];
  for (const name of names) {
    const ref = resolveClient(name)!;
    const call = ref.call ?? ref.version.default;
    out.push(
      ...block(
        ref.preset,
        ref.version,
        call,
        browser,
        `${name} — ${callName(ref.preset, ref.version, call)}, ${packages(ref.version)}`,
      ),
    );
    out.push(`  code: ${ref.version.calls[call]!.code.replace(/\n/g, '\n        ')}`);
    out.push('');
  }
  return out.join('\n');
}
