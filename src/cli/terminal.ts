// What the CLI does on a terminal: colour when a person is looking (NO_COLOR and
// FORCE_COLOR respected), a one-line progress indicator on stderr that updates
// in place and goes away, and the hint that a machine looks offline.
import type { ResultRecord } from '../report/record.js';
import { oneLine } from '../text.js';
import type { CheckResult } from '../types.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org, FORCE_COLOR as Node reads it). */
export function colorEnabled(isTTY: boolean | undefined, env: Env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(isTTY);
}

/** Progress only for a person at a terminal: not into a pipe, not in CI logs, not when the output is JSON. */
export function progressEnabled(format: string, isTTY: boolean | undefined, env: Env): boolean {
  return Boolean(isTTY) && format !== 'json' && !env.CI;
}

/** done/total, failures so far and the time, on one line that the next update replaces. */
export class Progress {
  private failing = 0;
  private readonly started = performance.now();

  constructor(private readonly write: (s: string) => void) {}

  update(r: CheckResult, done: number, total: number): void {
    if (r.evaluation.verdict === 'fail' || r.evaluation.verdict === 'error') this.failing++;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const failing = this.failing ? ` · ${this.failing} failing` : '';
    this.write(`\r\u001b[K[${done}/${total}]${failing} · ${seconds} s · ${oneLine(r.endpoint.name, 50)}`);
  }

  clear(): void {
    this.write('\r\u001b[K');
  }
}

/** Errors that say the machine reached nothing: no name lookup, no route, no connection. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
]);

/** True when every endpoint got no answer for want of a network: then the user is better served by the demo. */
export function looksOffline(records: readonly ResultRecord[]): boolean {
  return (
    records.length > 0 &&
    records.every((r) => {
      const ex = r.preflight ?? r.actual;
      return r.verdict === 'error' && ex?.error !== null && ex?.error !== undefined && UNREACHABLE.has(ex.error.code);
    }) &&
    // Refused connections alone are a local server that is down, not an offline machine.
    records.some((r) => (r.preflight ?? r.actual)?.error?.code !== 'ECONNREFUSED')
  );
}

export const OFFLINE_HINT =
  'cors-gate: every endpoint failed with a DNS or connection error: this machine looks offline. ' +
  'To see cors-gate at work without a network, run `cors-gate demo`: it checks local servers that answer as real providers did.';
