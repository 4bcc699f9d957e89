// `cors-gate presets`: what each client preset sends, for reading or diffing.
import { parseArgs } from 'node:util';
import { corsUnsafeHeaderNames, sendableHeaders } from '../cors/fetch-rules.js';
import { UsageError } from '../errors.js';
import { fillModel, PRESETS, presetRequest, STYLES } from '../presets/requests.js';
import type { Browser } from '../types.js';

export const PRESETS_HELP = `Usage: cors-gate presets [--browser chromium|firefox|safari] [--format text|json]

Prints, for each client preset, the SDK version and source file it was read
from, the request it makes for a chat call (method, headers with values, body)
and the Access-Control-Request-Headers the browser sends for it.`;

export function presetsCommand(argv: string[], write: (s: string) => void): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'string', default: 'chromium' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    write(PRESETS_HELP + '\n');
    return 0;
  }
  const browser = values.browser as Browser;
  if (!['chromium', 'firefox', 'safari'].includes(browser))
    throw new UsageError(`--browser must be chromium, firefox or safari, got ${JSON.stringify(values.browser)}`);
  if (values.format === 'json') {
    const list = PRESETS.map((p) => {
      const path = fillModel(STYLES[p.style].paths[0]!, p.style);
      const req = presetRequest({ client: p.name, url: `https://api.example${path}`, browser });
      return {
        name: p.name,
        sdk: p.sdk,
        version: p.version,
        source: p.source,
        style: p.style,
        path,
        method: req.method,
        headers: req.headers,
        body: req.body ?? null,
        notes: p.notes,
      };
    });
    write(JSON.stringify({ browser, presets: list }, null, 2) + '\n');
    return 0;
  }
  if (values.format !== 'text')
    throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  write(describePresets(browser));
  return 0;
}

/** What `cors-gate presets` prints: one block per preset. */
export function describePresets(browser: Browser): string {
  const out: string[] = [];
  for (const p of PRESETS) {
    const style = STYLES[p.style];
    const url = `https://api.example${fillModel(style.paths[0]!, p.style)}`;
    const req = presetRequest({ client: p.name, url, browser });
    out.push(`${p.name} — ${p.sdk}${p.version === '-' ? '' : ` ${p.version}`} (API style ${p.style})`);
    out.push(`  source: ${p.source}`);
    out.push(`  ${req.method} ${fillModel(style.paths[0]!, p.style)}`);
    for (const [n, v] of req.headers) out.push(`    ${n}: ${v}`);
    const { kept, dropped } = sendableHeaders(req.headers, browser);
    if (dropped.length) out.push(`    (${browser} drops ${dropped.join(', ')}: a page cannot set it)`);
    out.push(
      `  Access-Control-Request-Headers (${browser}): ${corsUnsafeHeaderNames(kept, browser).join(',') || '(none: no preflight)'}`,
    );
    if (req.body) out.push(`  body: ${req.body}`);
    for (const n of p.notes) out.push(`  note: ${n}`);
    out.push('');
  }
  return out.join('\n');
}
