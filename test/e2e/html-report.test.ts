// The HTML report as a person looks at it: the provider zoo's report opened
// from file:// in Chromium, on a laptop (1,280 px) and a phone (390 px), light
// and dark. It loads nothing and logs nothing, never scrolls sideways (the
// matrix scrolls in its own box), has no serious or critical accessibility
// violation (axe-core), and its filters work with JavaScript and stay out of
// the way without it. The 130-row catalog is rendered as well.
//
//   UPDATE_SCREENSHOTS=1 npx vitest run test/e2e/html-report.test.ts
// writes the screenshots to docs/ (board-1280.png, board-390.png), as the
// README shows them; otherwise they go to the run's temporary folder.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { emptyHistory, type History, recordRun } from '../../src/history/history.js';
import { runChecks } from '../../src/pipeline.js';
import { decideGate } from '../../src/report/gate.js';
import { renderHtml } from '../../src/report/html.js';
import type { Report, ResultRecord } from '../../src/report/record.js';
import { browserLabel, describeWithChromium, launchChromium } from '../parity/chromium.js';
import { axe, openAll, openReport, overflowing } from '../support/html-page.js';
import { CLI, ROOT, runNode } from '../support/spawn.js';
import { SDK_ZOO, startZoo, ZOO, type Zoo, zooBoardConfig } from '../support/zoo.js';

let dir: string;
let zoo: Zoo;
let browser: Browser;
/** The CLI's report of the zoo, as `--html-file` wrote it. */
let zooFile: string;
/** The same results with a week of history behind them, as a scheduled board shows them. */
let boardFile: string;
let records: ResultRecord[];

/** A port that was open a moment ago: the zoo's provider that no longer answers. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/**
 * Six earlier daily runs: everything as now, except that Azure's openai-sdk row
 * passed until three days ago and the gone provider was not yet listed.
 */
function weekOf(now: readonly ResultRecord[], at: string): History {
  let h = emptyHistory();
  const day = 24 * 3600 * 1000;
  for (let i = 6; i >= 1; i--) {
    const earlier = now
      .filter((r) => !r.name.startsWith('Gone'))
      .map((r) => (r.name === 'Azure AI Foundry · openai-sdk' && i > 3 ? { ...r, verdict: 'pass' as const } : r));
    h = recordRun(h, earlier, { at: new Date(Date.parse(at) - i * day).toISOString() });
  }
  return recordRun(h, now, { at });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-html-'));
  zoo = await startZoo({ ...ZOO, ...SDK_ZOO });
  const config = join(dir, 'zoo.yml');
  writeFileSync(config, zooBoardConfig(zoo.url, `http://127.0.0.1:${await closedPort()}/v1/chat/completions`));
  zooFile = join(dir, 'zoo.html');
  const json = join(dir, 'zoo.json');
  const ran = await runNode(CLI, [
    '--config',
    config,
    '--fail-on',
    'never',
    '--retries',
    '0',
    '--confirm',
    '0',
    '--html-file',
    zooFile,
    '--report-file',
    json,
  ]);
  expect(ran.code, ran.stderr).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  records = report.results;
  boardFile = join(dir, 'board.html');
  writeFileSync(
    boardFile,
    renderHtml({
      records,
      decision: decideGate(records, ['fail', 'error']),
      generatedAt: report.generatedAt,
      history: weekOf(records, report.generatedAt),
    }),
  );
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the zoo covers every verdict but warn, several clients and a second browser', () => {
  const verdicts = new Set(records.map((r) => r.verdict));
  expect([...verdicts].sort()).toEqual(['error', 'fail', 'pass']);
  expect(new Set(records.map((r) => r.client)).size).toBeGreaterThan(5);
  expect(records.some((r) => r.browser === 'firefox')).toBe(true);
});

describeWithChromium('the HTML report in Chromium, as a person looks at it', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  test('opens from file:// with no console error, no request but its own, no CSP violation', async ({ task }) => {
    for (const file of [zooFile, boardFile]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const opened = await openReport(browser, file, { colorScheme });
        try {
          await openAll(opened.page);
          // The filter script ran (it shows the filters): the CSP let it, by its hash.
          expect(await opened.page.isVisible('#filters')).toBe(true);
          expect(opened.problems).toEqual([]);
          expect(opened.requests).toEqual([opened.url]);
          expect(await opened.violations()).toEqual([]);
        } finally {
          await opened.close();
        }
      }
    }
    task.meta.chromiumRan = `HTML report of the zoo (${records.length} rows): file://, layout, axe-core, ${browserLabel()}`;
  });

  test('never scrolls sideways: at 390 px the matrix scrolls inside its own box; screenshots at 1,280 and 390 px', async () => {
    const out = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : dir;
    for (const [width, height, colorScheme] of [
      [1280, 900, 'light'],
      [390, 844, 'dark'],
    ] as const) {
      const opened = await openReport(browser, boardFile, { width, height, colorScheme });
      try {
        const { page } = opened;
        const folded = await overflowing(page);
        expect(folded.elements).toEqual([]);
        expect(folded.scrollWidth).toBe(folded.width);
        // Wider than a phone: the matrix is laid out whole and scrolls in its box.
        const box = (await page.evaluate(
          `(() => { const b = document.querySelector('.scroll'); const r = b.getBoundingClientRect();
            return { scroll: b.scrollWidth, client: b.clientWidth, right: r.right }; })()`,
        )) as { scroll: number; client: number; right: number };
        expect(box.right).toBeLessThanOrEqual(width);
        if (width === 390) expect(box.scroll).toBeGreaterThan(box.client);
        const file = join(out, `board-${width}.png`);
        await page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(10_000);
        // Unfolded, long header values and bodies wrap instead of widening the page.
        await openAll(page);
        const unfolded = await overflowing(page);
        expect(unfolded.elements).toEqual([]);
        expect(unfolded.scrollWidth).toBe(unfolded.width);
      } finally {
        await opened.close();
      }
    }
  });

  test('axe-core finds no serious or critical violation: light at 1,280 px, dark at 390 px, folded and unfolded', {
    timeout: 180_000,
  }, async () => {
    for (const [colorScheme, width] of [
      ['light', 1280],
      ['dark', 390],
    ] as const) {
      const opened = await openReport(browser, boardFile, { colorScheme, width });
      try {
        const found = colorScheme === 'light' ? await axe(opened.page) : [];
        await openAll(opened.page);
        found.push(...(await axe(opened.page)));
        const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious, `${colorScheme} ${width}px`).toEqual([]);
        // What is left is minor or moderate: said here, so a change shows in review.
        expect(found.map((v) => `${v.impact} ${v.id}`)).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  test('the filters show what is asked for, and Show all brings everything back', async () => {
    const opened = await openReport(browser, boardFile);
    try {
      const { page } = opened;
      const visible = (sel: string) =>
        page.evaluate(
          `[...document.querySelectorAll(${JSON.stringify(sel)})].filter((e) => e.offsetParent !== null).length`,
        );
      const all = records.length;
      expect(await page.textContent('#shown')).toBe(`${all} of ${all} endpoints shown`);
      await page.selectOption('#f-v', 'fail');
      const failing = records.filter((r) => r.verdict === 'fail').length;
      expect(await visible('details.ep')).toBe(failing);
      expect(await visible('details.ep[data-v="fail"]')).toBe(failing);
      expect(await page.textContent('#shown')).toBe(`${failing} of ${all} endpoints shown`);
      // Matrix rows without a failing cell are gone; passing cells in the rest are dimmed.
      expect(await visible('tr[data-p="OpenRouter"]')).toBe(0);
      expect(await visible('tr[data-p="NVIDIA NIM"]')).toBe(1);
      await page.selectOption('#f-c', 'openai-sdk');
      expect(await visible('th[data-col]')).toBe(1);
      expect(await visible('details.ep')).toBe(
        records.filter((r) => r.verdict === 'fail' && r.client === 'openai-sdk').length,
      );
      await page.click('button[type=reset]');
      await page.waitForFunction(`document.querySelector('#shown').textContent.startsWith('${all} of')`);
      expect(await visible('details.ep')).toBe(all);
      expect(await visible('td.dim')).toBe(0);
      // A matrix cell opens its endpoint's block.
      await page.click('tr[data-p="NVIDIA NIM"] td[data-col="fetch"] a');
      const target = (await page.evaluate('location.hash')) as string;
      expect(await page.evaluate(`document.getElementById(${JSON.stringify(target.slice(1))}).open`)).toBe(true);
    } finally {
      await opened.close();
    }
  });

  test('with JavaScript off, everything but the filters is there', async () => {
    const opened = await openReport(browser, boardFile, { javaScriptEnabled: false });
    try {
      const { page } = opened;
      expect(await page.isVisible('#filters')).toBe(false);
      expect(await page.locator('details.ep').count()).toBe(records.length);
      expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
      await page.click('details.ep >> nth=0 >> summary');
      expect(await page.isVisible('details.ep >> nth=0 >> pre')).toBe(true);
      expect(opened.requests).toEqual([opened.url]);
    } finally {
      await opened.close();
    }
  });

  test('the 130-row catalog, checked against the zoo, renders whole and keeps its layout on a phone', async () => {
    const file = join(ROOT, 'examples/llm-providers.yml');
    const catalog = loadConfig([{ file, text: readFileSync(file, 'utf8') }], { env: {} }).endpoints;
    expect(catalog).toHaveLength(130);
    // Each provider's host is the zoo, answering as one of its providers does (by API style where there is one).
    const plain = ['openrouter', 'azure', 'modelstream', 'nvidia', 'zen', 'fireworks', 'ollama'];
    const groups = [...new Set(catalog.map((e) => e.group ?? e.name))];
    const local = catalog.map((e) => {
      const u = new URL(e.url);
      const as =
        e.style === 'gemini' || e.style === 'anthropic' ? e.style : plain[groups.indexOf(e.group ?? e.name) % 7];
      return { ...e, url: `${zoo.url}/${as}${u.pathname}${u.search}` };
    });
    const { report, decision } = await runChecks(local, { timeoutMs: 5000, concurrency: 8, confirm: 0, failOn: [] });
    const html = renderHtml({ records: report.results, decision, generatedAt: report.generatedAt });
    const out = join(dir, 'catalog.html');
    writeFileSync(out, html);
    expect(html.match(/<details class="ep"/g)).toHaveLength(130);
    // Every exchange is cut, so the page stays a page: well under a megabyte for the catalog.
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
    const opened = await openReport(browser, out, { width: 390, height: 844 });
    try {
      await openAll(opened.page);
      const o = await overflowing(opened.page);
      expect(o.elements).toEqual([]);
      expect(o.scrollWidth).toBe(o.width);
      expect(opened.problems).toEqual([]);
      expect(opened.requests).toEqual([opened.url]);
    } finally {
      await opened.close();
    }
  });
});
