// Where the page and the server are, and what Chromium does about it before
// CORS: mixed content (an https page calling http://) and Local Network Access
// (a page calling an address more private than its own). Pure: the edge
// resolves the server's host name and passes the address in.
import type { AddressSpace, Finding } from '../types.js';

export type { AddressSpace } from '../types.js';
export const ADDRESS_SPACES: readonly AddressSpace[] = ['public', 'private', 'local'];

const RANK: Record<AddressSpace, number> = { public: 0, private: 1, local: 2 };
/** The names Chromium gives them in its messages. */
const CHROMIUM_NAME: Record<AddressSpace, string> = { public: 'public', private: 'local', local: 'loopback' };

function ipv4Space(ip: string): AddressSpace | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 127 || (a === 0 && ip === '0.0.0.0')) return 'local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/** The address space of an IP address; undefined when the text is not one. */
export function addressSpaceOfIp(text: string): AddressSpace | undefined {
  const ip = text.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = ipv4Space(ip);
  if (v4) return v4;
  if (!ip.includes(':') || !/^[0-9a-f:.]+$/.test(ip)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return ipv4Space(mapped[1]!);
  if (ip === '::1' || ip === '::') return 'local';
  if (/^f[cd]/.test(ip) || /^fe[89ab]/.test(ip)) return 'private';
  return 'public';
}

/** `localhost` and its subdomains always mean this machine, in browsers as in the standard. */
function isLocalhostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

/** The space a host is in when its text says so (an address, localhost); undefined for a name to resolve. */
export function hostAddressSpace(host: string): AddressSpace | undefined {
  if (isLocalhostName(host)) return 'local';
  return addressSpaceOfIp(host);
}

/**
 * "Potentially trustworthy" hosts (Secure Contexts): loopback addresses and
 * localhost names. An http:// URL on one is no mixed content, and a page on
 * one is a secure context.
 */
export function isTrustworthyHost(host: string): boolean {
  return hostAddressSpace(host) === 'local';
}

export interface Page {
  space: AddressSpace;
  /** A secure context: https, a page on loopback, a file:// page, an extension or an app. */
  secure: boolean;
}

/**
 * The page's address space and whether it is a secure context. Given with
 * `address-space`, or read from the origin: an address or localhost by what it
 * is, any other name counts as public (cors-gate does not resolve the page's
 * host: the machine that runs the check is not the user's network). A page
 * with an opaque origin (a file:// page), an extension's or an app's counts
 * as on this machine.
 */
export function pageOf(origin: string, explicit?: AddressSpace): Page {
  if (!/^https?:\/\//i.test(origin)) return { space: explicit ?? 'local', secure: true };
  const url = new URL(origin);
  const host = url.hostname;
  const space = explicit ?? hostAddressSpace(host) ?? 'public';
  return { space, secure: url.protocol === 'https:' || isTrustworthyHost(host) };
}

/** An https page calling an http:// URL that is not on loopback: Chromium blocks it before sending anything. */
export function mixedContent(origin: string, url: string): Finding | null {
  if (!/^https:\/\//i.test(origin)) return null;
  const target = new URL(url);
  if (target.protocol !== 'http:' || isTrustworthyHost(target.hostname)) return null;
  return {
    code: 'MixedContent',
    level: 'fail',
    message: `Mixed Content: a page on ${origin} requested the insecure resource ${url}; Chromium blocks it and sends nothing. Serve the API over https (Chromium exempts a private address only when fetch() is given targetAddressSpace).`,
  };
}

/**
 * Local Network Access: a page calling an address more private than its own.
 * From a page that is not a secure context Chromium blocks it and sends
 * nothing; from a secure page it asks the user, and blocks it until they
 * allow it (headless browsers never do). Null when the call is no such call.
 */
export function localNetworkAccess(page: Page, target: AddressSpace, url: string): Finding | null {
  if (RANK[target] <= RANK[page.space]) return null;
  const where = `${CHROMIUM_NAME[target]} address space (${url})`;
  if (!page.secure) {
    return {
      code: 'InsecureLocalNetwork',
      level: 'fail',
      message: `The request client is not a secure context and the resource is in more-private ${where}: Chromium blocks it and sends nothing. Serve the page over https.`,
    };
  }
  return {
    code: 'LocalNetworkAccessPrompt',
    level: 'warn',
    message: `A ${CHROMIUM_NAME[page.space]} page calling the more-private ${where}: Chromium asks the user to allow Local Network Access and blocks the call until they do (LocalNetworkAccessPermissionDenied; headless browsers deny it). The verdict is for a user who allows it.`,
  };
}
