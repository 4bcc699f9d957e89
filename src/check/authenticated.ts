// The authenticated check (`auth:`): the actual request carried a real key and,
// on a streaming route, asked for a stream. A browser client needs the event
// stream itself to carry Access-Control-Allow-Origin (the CORS check of the
// actual response says whether it does) and can read only the response headers
// listed in Access-Control-Expose-Headers (plus the safelisted few).
import { headerValues } from '../cors/evaluate.js';
import type { Endpoint, Exchange, Finding } from '../types.js';

/** Response headers every CORS response exposes (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name). */
const SAFELISTED_RESPONSE = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

export function exposedHeaders(ex: Exchange): string[] | '*' {
  const listed = headerValues(ex.response?.headers ?? [], 'access-control-expose-headers')
    .flatMap((v) => v.split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (listed.includes('*')) return '*';
  return [...new Set(listed)];
}

export function streamFindings(e: Endpoint, actual: Exchange | undefined): Finding[] {
  if (e.stream === undefined || !actual?.response) return [];
  const res = actual.response;
  const out: Finding[] = [];
  const type = (headerValues(res.headers, 'content-type')[0] ?? '').split(';')[0]!.trim().toLowerCase();
  const acao = headerValues(res.headers, 'access-control-allow-origin');
  const what = e.stream ? 'streaming request' : 'request';
  if (res.status >= 400) {
    out.push({
      code: 'AuthenticatedRequestRejected',
      level: 'warn',
      on: 'actual',
      message: `The authenticated ${what} was answered ${res.status}${type ? ` (${type})` : ''}: check the key; the stream itself was not checked.`,
    });
  } else if (e.stream && type !== 'text/event-stream') {
    out.push({
      code: 'StreamNotEventStream',
      level: 'warn',
      on: 'actual',
      message: `Asked for a stream, got ${res.status} ${type || 'without Content-Type'} instead of text/event-stream.`,
    });
  } else {
    out.push({
      code: e.stream ? 'EventStream' : 'AuthenticatedResponse',
      level: 'info',
      on: 'actual',
      message: `${res.status} ${type || 'without Content-Type'} ${acao.length ? `with Access-Control-Allow-Origin: ${acao.join(', ')}` : 'without Access-Control-Allow-Origin: the page cannot read it'}.`,
    });
  }
  const exposed = exposedHeaders(actual);
  out.push({
    code: 'ExposedHeaders',
    level: 'info',
    on: 'actual',
    message:
      exposed === '*'
        ? 'Access-Control-Expose-Headers: * — a page can read every response header (without credentials).'
        : exposed.length
          ? `A page can read these response headers: ${exposed.join(', ')} (Access-Control-Expose-Headers), besides ${SAFELISTED_RESPONSE.join(', ')}.`
          : `No Access-Control-Expose-Headers: a page can read only ${SAFELISTED_RESPONSE.join(', ')} (no request id, no rate-limit headers).`,
  });
  return out;
}
