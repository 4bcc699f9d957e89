// Opens an HTML report from file:// in Chromium as a reader would, and records
// what a reader would never see: console errors and warnings, requests, dialogs,
// Content-Security-Policy violations. Reads the page's DOM back as an
// inventory of elements, attributes and where server text ended up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
}

export interface OpenReport {
  page: Page;
  url: string;
  /** Console errors and warnings, and uncaught exceptions. */
  problems: string[];
  /** Every request the page made, the document's own included. */
  requests: string[];
  /** alert(), confirm() and prompt() calls. */
  dialogs: string[];
  /** Content-Security-Policy violations the page reported. */
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

// Runs before any of the page's own code, and outside its CSP.
const WATCH_CSP = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});`;

export async function openReport(browser: Browser, file: string, opts: OpenOptions = {}): Promise<OpenReport> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    colorScheme: opts.colorScheme ?? 'light',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(WATCH_CSP);
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    url,
    problems,
    requests,
    dialogs,
    violations: () => page.evaluate('window.__violations ?? []') as Promise<string[]>,
    close: () => context.close(),
  };
}

export interface Inventory {
  /** Elements by tag name. */
  tags: Record<string, number>;
  /** Attributes by name, over every element. */
  attributes: Record<string, number>;
  /** Every href, as written. */
  hrefs: string[];
  /** Attributes whose name starts with `on`, as tag[name]. */
  handlers: string[];
  /** Text nodes holding `mark` outside code and pre. */
  markOutsideCode: string[];
  /** Text nodes holding `mark` inside code and pre. */
  markInCode: number;
  /** The page's scripts' text. */
  scripts: string[];
  /** window.__planted, which a script planted in server text would set. */
  planted: unknown;
}

/** The DOM as it stands, read in the page. */
export function inventory(page: Page, mark: string): Promise<Inventory> {
  return page.evaluate(`((mark) => {
    const tags = {}, attributes = {}, hrefs = [], handlers = [], markOutsideCode = [];
    let markInCode = 0;
    for (const el of document.querySelectorAll('*')) {
      tags[el.localName] = (tags[el.localName] || 0) + 1;
      for (const a of el.attributes) {
        attributes[a.name] = (attributes[a.name] || 0) + 1;
        if (/^on/i.test(a.name)) handlers.push(el.localName + '[' + a.name + ']');
      }
      if (el.hasAttribute('href')) hrefs.push(el.getAttribute('href'));
    }
    const walk = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.data.includes(mark)) continue;
      if (n.parentElement.closest('code, pre')) markInCode++;
      else markOutsideCode.push(n.parentElement.localName + ': ' + n.data.slice(0, 120));
    }
    const scripts = [...document.scripts].map((s) => s.textContent);
    return { tags, attributes, hrefs, handlers, markOutsideCode, markInCode, scripts, planted: window.__planted };
  })(${JSON.stringify(mark)})`) as Promise<Inventory>;
}

/** Opens every folded block, so what is inside is laid out and checked too. */
export function openAll(page: Page): Promise<void> {
  return page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`) as Promise<void>;
}

/** Elements that reach past the viewport's right edge, outside the boxes that scroll on their own. */
export function overflowing(page: Page): Promise<{ scrollWidth: number; width: number; elements: string[] }> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const elements = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.scroll')) continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + 0.5) elements.push(el.localName + '.' + el.className + ' right ' + Math.round(r.right));
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, elements: elements.slice(0, 10) };
  })()`) as Promise<{ scrollWidth: number; width: number; elements: string[] }>;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the page as it stands; its source is evaluated in the page, not added as a script. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`) as Promise<
    AxeViolation[]
  >;
}

/** The elements renderHtml writes; anything else came from somewhere else. */
export const OWN_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 p span code main form label select option button output div table thead tbody tr th td a small wbr details summary dl dt dd ul li b pre footer script br'.split(
    ' ',
  ),
);

/** The attributes renderHtml writes (`open` is the reader's, when a block is unfolded). */
export const OWN_ATTRS = new Set(
  'lang charset http-equiv content name id role aria-label aria-hidden aria-live aria-labelledby hidden for value type class scope href tabindex data-v data-p data-c data-col open'.split(
    ' ',
  ),
);
