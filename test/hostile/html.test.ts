// The HTML report of server text written to do harm, opened in real Chromium:
// the DOM holds only the elements and attributes the renderer makes, in the
// numbers it makes them, no javascript: link, no event handler, server text
// only inside code and pre where it is evidence, and no planted script ran —
// with the page's Content-Security-Policy, and without it (escaping alone).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { neededHeaders } from '../../src/report/cells.js';
import { decideGate } from '../../src/report/gate.js';
import { renderHtml } from '../../src/report/html.js';
import type { Report, ResultRecord } from '../../src/report/record.js';
import { browserLabel, describeWithChromium, launchChromium } from '../parity/chromium.js';
import { type Inventory, inventory, OWN_ATTRS, OWN_TAGS, openAll, openReport } from '../support/html-page.js';
import { CLI, run } from './harness.js';
import { hostileConfig, MARK, startHostile } from './hostile-server.js';
import { hostileHistory, hostileRecords } from './html-records.js';

let dir: string;
let browser: Browser;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-html-hostile-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How many of each structural element the renderer makes for these records. */
function expectedCounts(records: readonly ResultRecord[]): Record<string, number> {
  const pre = records.reduce(
    (n, r) =>
      n + (neededHeaders(r) ? 1 : 0) + (r.preflight ? 1 : 0) + (r.actual ? 1 : 0) + (r.preflight || r.actual ? 1 : 0),
    0,
  );
  const li = records.reduce(
    (n, r) => n + r.findings.filter((f) => !(f.level === 'info' && f.code === 'MaxAge')).length,
    0,
  );
  return {
    html: 1,
    head: 1,
    body: 1,
    title: 1,
    style: 1,
    script: 1,
    h1: 1,
    form: 1,
    select: 3,
    button: 1,
    table: 1,
    details: records.length,
    summary: records.length,
    // One link per matrix cell that has an endpoint: one per endpoint.
    a: records.length,
    pre,
    li,
  };
}

/** What no server text may ever do to the page, whatever the records. */
function checkDom(inv: Inventory, records: readonly ResultRecord[]): void {
  expect(Object.keys(inv.tags).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
  expect(Object.keys(inv.attributes).filter((a) => !OWN_ATTRS.has(a))).toEqual([]);
  for (const [tag, n] of Object.entries(expectedCounts(records))) expect(inv.tags[tag] ?? 0, tag).toBe(n);
  expect(inv.handlers).toEqual([]);
  expect(inv.hrefs.filter((h) => !/^#e\d+$/.test(h))).toEqual([]);
  expect(inv.attributes.src ?? 0).toBe(0);
  expect(inv.attributes.style ?? 0).toBe(0);
  expect(inv.scripts).toHaveLength(1);
  expect(inv.planted).toBeUndefined();
}

async function openChecked(file: string, records: readonly ResultRecord[]): Promise<Inventory> {
  const opened = await openReport(browser, file);
  try {
    await openAll(opened.page);
    const inv = await inventory(opened.page, MARK);
    checkDom(inv, records);
    // The evidence is there, as text.
    expect(inv.markInCode).toBeGreaterThan(0);
    expect(opened.dialogs).toEqual([]);
    expect(await opened.violations()).toEqual([]);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
    return inv;
  } finally {
    await opened.close();
  }
}

/** The same page with its Content-Security-Policy taken out: escaping alone must hold. */
async function openWithoutCsp(file: string, records: readonly ResultRecord[]): Promise<void> {
  const bare = file.replace(/\.html$/, '-no-csp.html');
  const html = readFileSync(file, 'utf8');
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
  expect(stripped.length).toBeLessThan(html.length);
  writeFileSync(bare, stripped);
  const opened = await openReport(browser, bare);
  try {
    await openAll(opened.page);
    checkDom(await inventory(opened.page, MARK), records);
    expect(opened.dialogs).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
  } finally {
    await opened.close();
  }
}

describeWithChromium('the HTML report of hostile server text, in Chromium', () => {
  let server: Awaited<ReturnType<typeof startHostile>>;
  let cliFile: string;
  let cliRecords: ResultRecord[];
  let synthFile: string;
  const synthRecords = hostileRecords();

  beforeAll(async () => {
    server = await startHostile();
    try {
      const config = join(dir, 'hostile.yml');
      writeFileSync(config, hostileConfig(server.url));
      cliFile = join(dir, 'hostile.html');
      const json = join(dir, 'hostile.json');
      const r = await run(
        [CLI, '--config', config, '--format', 'html', '--timeout', '5', '--html-file', cliFile, '--report-file', json],
        {},
      );
      expect(r.code, r.stderr).toBe(1);
      cliRecords = (JSON.parse(readFileSync(json, 'utf8')) as Report).results;
    } finally {
      await server.close();
    }
    synthFile = join(dir, 'synthetic.html');
    writeFileSync(
      synthFile,
      renderHtml({
        records: synthRecords,
        decision: decideGate(synthRecords, ['fail', 'error']),
        generatedAt: '2026-11-03T06:00:00.000Z',
        history: hostileHistory(synthRecords),
      }),
    );
    browser = await launchChromium();
  });

  test('from the hostile servers, through the CLI: only its own markup, server text only in code', async ({ task }) => {
    expect(cliRecords).toHaveLength(6);
    const inv = await openChecked(cliFile, cliRecords);
    // Servers only wrote headers, bodies and status lines: all of it is evidence, in code or pre.
    expect(inv.markOutsideCode).toEqual([]);
    task.meta.chromiumRan = `HTML report, hostile server text: DOM inspected in ${browserLabel()}`;
  });

  test('from a report whose every field is hostile, with a history: only its own markup, no planted script ran', async () => {
    await openChecked(synthFile, synthRecords);
  });

  test('without the Content-Security-Policy, escaping alone keeps every planted script and element out', async () => {
    await openWithoutCsp(cliFile, cliRecords);
    await openWithoutCsp(synthFile, synthRecords);
  });

  test('the filters take hostile provider and client names as values and make no markup of them', async () => {
    const opened = await openReport(browser, synthFile);
    try {
      const { page } = opened;
      for (const name of ['p', 'c']) {
        const values = (await page.evaluate(
          `[...document.querySelectorAll('select[name=${name}] option')].map((o) => o.value).filter(Boolean)`,
        )) as string[];
        expect(values.some((v) => v.includes(MARK))).toBe(true);
        for (const v of values) {
          await page.selectOption(`select[name=${name}]`, v);
          const shown = (await page.evaluate(
            `[...document.querySelectorAll('details.ep')].filter((d) => !d.hidden).map((d) => d.dataset.${name})`,
          )) as string[];
          expect(shown.length).toBeGreaterThan(0);
          expect(new Set(shown)).toEqual(new Set([v]));
        }
        await page.selectOption(`select[name=${name}]`, '');
      }
      checkDom(await inventory(page, MARK), synthRecords);
      expect(opened.dialogs).toEqual([]);
      expect(await opened.violations()).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
