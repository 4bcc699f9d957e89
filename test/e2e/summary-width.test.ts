/// <reference lib="dom" />
// The job summary as a person sees it: the action's Markdown for the provider
// zoo, rendered as GitHub renders a summary (Markdown with HTML, GitHub's table
// styles) in real Chromium at 1,000 px, must fit without scrolling sideways.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium } from '../parity/chromium.js';
import { cleanup, runAction } from '../support/spawn.js';
import { startZoo, type Zoo, zooConfig } from '../support/zoo.js';

/** The parts of GitHub's Markdown styles that decide a summary's width. */
const GITHUB_LIKE = `
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.markdown-body { box-sizing: border-box; width: 1000px; padding: 16px; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d0d7de; }
.markdown-body code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; padding: .2em .4em; white-space: break-spaces; }
.markdown-body pre { overflow: auto; }
`;

let zoo: Zoo;
let dir: string;
let markdown: string;

beforeAll(async () => {
  zoo = await startZoo();
  dir = mkdtempSync(join(tmpdir(), 'cors-gate-width-'));
  writeFileSync(join(dir, 'zoo.yml'), zooConfig(zoo.url));
  const ran = await runAction({ config: join(dir, 'zoo.yml'), 'fail-on': 'never' });
  markdown = ran.summary;
  cleanup(ran);
});
afterAll(async () => {
  await zoo.close();
  rmSync(dir, { recursive: true, force: true });
});

describeWithChromium('the job summary in a browser', () => {
  it('fits 1,000 px for the five providers: the table needs no sideways scroll', async () => {
    const html = new MarkdownIt({ html: true }).render(markdown);
    const file = join(dir, 'summary.html');
    writeFileSync(
      file,
      `<!doctype html><meta charset="utf-8"><style>${GITHUB_LIKE}</style><div class="markdown-body">${html}</div>`,
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(`file://${file}`);
      const widths = await page.evaluate(() => {
        const table = document.querySelector('table')!;
        return { page: document.documentElement.scrollWidth, table: table.scrollWidth, box: table.clientWidth };
      });
      const shot = process.env.CORS_GATE_SHOT ?? join(dir, 'summary.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(
        `summary at 1000 px: page ${widths.page} px wide, table ${widths.table} px in a ${widths.box} px box; screenshot ${readFileSync(shot).length} bytes`,
      );
      expect(widths.page).toBeLessThanOrEqual(1000);
      expect(widths.table).toBeLessThanOrEqual(widths.box);
    } finally {
      await browser.close();
    }
  });
});
