// `cors-gate demo`: the real engine against local servers on 127.0.0.1 that
// answer as five LLM providers were seen to answer and as common CORS mistakes
// do. Works with no network; prints the table and one endpoint in detail, then
// stops the servers.
import { parseArgs } from 'node:util';
import { MISTAKES, startZoo, ZOO } from '../demo/zoo.js';
import { loadEndpoints, runChecks } from '../pipeline.js';
import { renderDetail, renderTable } from '../report/table.js';
import { colorEnabled } from './terminal.js';

export const DEMO_HELP = `Usage: cors-gate demo

Starts local servers on 127.0.0.1 that answer as five LLM providers were seen
to answer, and as three common CORS mistakes do, checks them from the origin
https://example.com as a browser would, prints the verdicts and one endpoint in
full, and stops the servers. Needs no network.`;

/** The demo's endpoints: the providers of the original report, then the mistakes. */
export function demoConfig(base: string): string {
  const rows: [string, string][] = [
    ['OpenRouter (as seen)', '/openrouter/api/v1/chat/completions'],
    ['Azure AI Foundry (as seen)', '/azure/models/chat/completions'],
    ['ModelStream (as seen)', '/modelstream/v1/chat/completions'],
    ['NVIDIA NIM (as seen)', '/nvidia/v1/chat/completions'],
    ['OpenCode Zen (as seen)', '/zen/zen/v1/chat/completions'],
    ['nginx without always: no CORS on a 401', '/nginx-401/v1/chat/completions'],
    ['Allow-Headers: * for Authorization', '/wildcard-headers/v1/chat/completions'],
    ['an allow-list without this origin', '/allow-list/v1/chat/completions'],
  ];
  return `defaults:
  origin: https://example.com
  # The servers stand in for providers on the internet but run on this machine: the page counts as
  # on it too, so Chromium's Local Network Access (a public page calling loopback) does not apply.
  address-space: local
  headers: [authorization, content-type]
endpoints:
${rows.map(([name, path]) => `  - name: ${JSON.stringify(name)}\n    url: ${base}${path}\n`).join('')}`;
}

export async function demoCommand(argv: string[], write: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    write(`${DEMO_HELP}\n`);
    return 0;
  }
  const zoo = await startZoo({ ...ZOO, ...MISTAKES });
  try {
    const endpoints = loadEndpoints([{ file: 'demo', text: demoConfig(zoo.url) }]);
    write(
      `cors-gate demo: ${endpoints.length} local servers on 127.0.0.1 answer as providers were seen to answer and as common CORS mistakes do; checked from https://example.com, with no network.\n\n`,
    );
    const { report, decision } = await runChecks(endpoints, {
      timeoutMs: 5000,
      concurrency: 8,
      confirmPauseMs: 50,
      failOn: ['fail', 'error'],
    });
    write(`${renderTable(report.results, decision, colorEnabled(process.stdout.isTTY, process.env))}\n`);
    const example = report.results.find((r) => r.verdict === 'fail');
    if (example) write(`\nOne of them in full:\n${renderDetail(example)}\n`);
    write('\nYour own API: write its URL in .github/cors-gate.yml and run cors-gate (see cors-gate --help).\n');
    return 0;
  } finally {
    await zoo.close();
  }
}
