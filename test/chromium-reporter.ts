// Says at the end of the run what the browser suites did: one line per suite
// that ran (what and in which Chromium), or a banner naming the suites that had
// no browser (skipped, or failed when CHROMIUM_PATH or CI is set), why, and how
// to run them.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface BrowserlessSuite {
  file: string;
  suite: string;
  tests: number;
  reason: string;
  /** Failed for want of a browser (CHROMIUM_PATH or CI set) rather than skipped. */
  failed: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function noBrowserBanner(skipped: readonly BrowserlessSuite[]): string {
  const tests = skipped.reduce((n, s) => n + s.tests, 0);
  const reasons = [...new Set(skipped.map((s) => s.reason))];
  const failed = skipped.some((s) => s.failed);
  const rule = '='.repeat(78);
  return [
    rule,
    `BROWSER SUITES DID NOT RUN: ${plural(skipped.length, 'Chromium suite')} (${plural(tests, 'test')}) ${failed ? 'FAILED for want of a browser' : 'skipped'}`,
    '',
    ...reasons.map((r) => `Why: ${r}`),
    '',
    failed ? 'Failed:' : 'Skipped:',
    ...skipped.map((s) => `  ${s.file} > ${s.suite} (${plural(s.tests, 'test')})`),
    '',
    'To run them, point CHROMIUM_PATH at a Chromium or Chrome executable:',
    '  CHROMIUM_PATH=/path/to/chromium npm test',
    ...(failed ? [] : ['With CI set, a missing browser fails these suites instead of skipping them.']),
    rule,
  ].join('\n');
}

export default class ChromiumReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const ran: string[] = [];
    const skipped: BrowserlessSuite[] = [];
    for (const m of testModules) {
      const file = relative(process.cwd(), m.moduleId);
      for (const s of m.children.allSuites()) {
        const { chromiumMissing: reason, chromiumRequired } = s.meta();
        if (reason)
          skipped.push({
            file,
            suite: s.fullName,
            tests: [...s.children.allTests()].length,
            reason,
            failed: chromiumRequired === true,
          });
      }
      for (const t of m.children.allTests()) {
        const line = t.meta().chromiumRan;
        if (line) ran.push(line);
      }
    }
    const out: string[] = [];
    if (ran.length) out.push('', ...ran.sort());
    if (skipped.length) out.push('', noBrowserBanner(skipped));
    if (out.length) process.stdout.write(out.join('\n') + '\n\n');
  }
}
