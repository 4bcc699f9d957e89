// A copy-paste curl command that reproduces a request, for evidence in reports and issues.
import type { HeaderLine } from '../types.js';

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(method: string, url: string, headers: readonly HeaderLine[]): string {
  // -g: curl would otherwise read [ ] { } in a query as its own URL globbing.
  const parts = ['curl', '-sig', '-X', /^[A-Za-z]+$/.test(method) ? method : shellQuote(method), shellQuote(url)];
  for (const [n, v] of headers) {
    if (n.toLowerCase() === 'user-agent' || n.toLowerCase() === 'accept') continue;
    parts.push('-H', shellQuote(`${n}: ${v}`));
  }
  return parts.join(' ');
}
