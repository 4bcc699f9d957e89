// Before anything is sent: whether the browser blocks the call for where the
// page and the server are (mixed content, Local Network Access). The decision
// is pure (src/cors/network.ts); this resolves the server's host name when its
// text does not say where it is, once per host and run.
import { lookup } from 'node:dns/promises';
import { hostAddressSpace, localNetworkAccess, mixedContent, pageOf } from '../cors/network.js';
import type { AddressSpace, Endpoint, Evaluation, Finding } from '../types.js';

const resolved = new Map<string, Promise<AddressSpace | undefined>>();

/** The address space of the URL's host; undefined when it does not resolve in time (the request will say why). */
function targetSpace(host: string, timeoutMs: number): Promise<AddressSpace | undefined> {
  const known = hostAddressSpace(host);
  if (known) return Promise.resolve(known);
  let pending = resolved.get(host);
  if (!pending) {
    pending = new Promise<AddressSpace | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
      lookup(host).then(
        ({ address }) => {
          clearTimeout(timer);
          resolve(hostAddressSpace(address));
        },
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
      );
    });
    resolved.set(host, pending);
  }
  return pending;
}

export interface BeforeSending {
  /** The browser blocks the call and sends nothing. */
  blocked?: Evaluation;
  /** Findings that hold whatever the server answers. */
  notes: Finding[];
}

/** Mixed content, then Local Network Access, in the order Chromium applies them. */
export async function beforeSending(e: Endpoint, preflightNeeded: boolean, timeoutMs: number): Promise<BeforeSending> {
  const blocked = (finding: Finding): BeforeSending => ({
    blocked: { verdict: 'fail', findings: [finding], preflightNeeded, fix: [] },
    notes: [],
  });
  const mixed = mixedContent(e.origin, e.url);
  if (mixed) return blocked(mixed);
  const page = pageOf(e.origin, e.addressSpace);
  // Nothing is more private than this machine: a page on it needs no resolving.
  if (page.space === 'local') return { notes: [] };
  const target = await targetSpace(new URL(e.url).hostname, timeoutMs);
  const lna = target && localNetworkAccess(page, target, e.url);
  if (!lna) return { notes: [] };
  return lna.level === 'fail' ? blocked(lna) : { notes: [lna] };
}
