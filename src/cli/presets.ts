// `cors-gate presets`: what each client preset sends, for reading or diffing.
import { parseArgs } from 'node:util';
import { UsageError } from '../report/gate.js';
import type { Browser } from '../types.js';
import { describePresets, fillModel, presetRequest, PRESETS, STYLES } from '../presets/requests.js';

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
  if (!['chromium', 'firefox', 'safari'].includes(browser)) throw new UsageError(`--browser must be chromium, firefox or safari, got ${JSON.stringify(values.browser)}`);
  if (values.format === 'json') {
    const list = PRESETS.map((p) => {
      const path = fillModel(STYLES[p.style].paths[0]!, p.style);
      const req = presetRequest({ client: p.name, url: `https://api.example${path}`, browser });
      return { name: p.name, sdk: p.sdk, version: p.version, source: p.source, style: p.style, path, method: req.method, headers: req.headers, body: req.body ?? null, notes: p.notes };
    });
    write(JSON.stringify({ browser, presets: list }, null, 2) + '\n');
    return 0;
  }
  if (values.format !== 'text') throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  write(describePresets(browser));
  return 0;
}
