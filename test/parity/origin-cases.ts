// Parity cases for origins that are not a web page's, by where the browser
// runs them (the group): Origin null from a file:// page and from a sandboxed
// iframe, a page that counts as public calling this machine (Local Network
// Access, permission granted or denied, and from an insecure page), and a
// browser extension with and without host permissions. As in cases.ts, only
// what the page asks and the server answers is written here: what the browser
// does is asked of it every run.
import type { Behaviour, CaseRequest, HeaderLine, ParityCase } from './cases.js';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAH = 'Access-Control-Allow-Headers';
const JSON_CT: HeaderLine = ['Content-Type', 'application/json'];

const answer = (headers: HeaderLine[], status = 200): Behaviour => ({
  status,
  headers: [JSON_CT, ...headers],
  body: '{"ok":true}',
});
const get = (credentials: CaseRequest['credentials'] = 'omit'): CaseRequest => ({
  method: 'GET',
  headers: [],
  credentials,
});
const post = (extra: HeaderLine[] = [], credentials: CaseRequest['credentials'] = 'omit'): CaseRequest => ({
  method: 'POST',
  headers: [['content-type', 'application/json'], ...extra],
  credentials,
  body: '{"q":1}',
});
const allowHeaders = (acao: string, extra: HeaderLine[] = []): Behaviour => ({
  status: 204,
  headers: [[ACAO, acao], [ACAH, 'content-type, authorization'], ...extra],
});
const NO_CORS_PREFLIGHT: Behaviour = { status: 204, headers: [] };

function make(group: string, id: string, title: string, rest: Omit<ParityCase, 'id' | 'group' | 'title'>): ParityCase {
  return { id: `${group}-${id}`, group, title, ...rest };
}

/** Origin null: the same cases from a file:// page and from a sandboxed iframe. */
export function nullCases(group: 'null-file' | 'null-iframe'): ParityCase[] {
  const c = (id: string, title: string, rest: Omit<ParityCase, 'id' | 'group' | 'title'>) =>
    make(group, id, title, rest);
  const cred: HeaderLine = [ACAC, 'true'];
  return [
    c('get-null', 'GET, Allow-Origin null', {
      request: get(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, 'null']]),
    }),
    c('get-star', 'GET, Allow-Origin *', {
      request: get(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '*']]),
    }),
    c('get-echo', 'GET, Allow-Origin echoes Origin', {
      request: get(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '{origin}']]),
    }),
    c('get-none', 'GET, no Allow-Origin', { request: get(), preflight: NO_CORS_PREFLIGHT, actual: answer([]) }),
    c('get-other', 'GET, Allow-Origin names a web origin', {
      request: get(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, 'https://app.example']]),
    }),
    c('post-null', 'JSON POST, Allow-Origin null on both', {
      request: post(),
      preflight: allowHeaders('null'),
      actual: answer([[ACAO, 'null']]),
    }),
    c('post-star', 'JSON POST, Allow-Origin * on both', {
      request: post(),
      preflight: allowHeaders('*'),
      actual: answer([[ACAO, '*']]),
    }),
    c('post-none', 'JSON POST, preflight without Allow-Origin', {
      request: post(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '*']]),
    }),
    c('cred-null', 'credentialed GET, Allow-Origin null and Allow-Credentials true', {
      request: get('include'),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, 'null'], cred]),
    }),
    c('cred-star', 'credentialed GET, Allow-Origin * and Allow-Credentials true', {
      request: get('include'),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '*'], cred]),
    }),
    c('cred-post-null', 'credentialed JSON POST, null and Allow-Credentials true on both', {
      request: post([], 'include'),
      preflight: allowHeaders('null', [cred]),
      actual: answer([[ACAO, 'null'], cred]),
    }),
  ];
}

/** A page that counts as public calling 127.0.0.1. */
export function lnaCases(group: 'lna-granted' | 'lna-denied' | 'lna-insecure'): ParityCase[] {
  const c = (id: string, title: string, rest: Omit<ParityCase, 'id' | 'group' | 'title'>) =>
    make(group, id, title, rest);
  const all = [
    c('get-star', 'GET, Allow-Origin *', {
      request: get(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '*']]),
    }),
    c('post-star', 'JSON POST, Allow-Origin * on both', {
      request: post(),
      preflight: allowHeaders('*'),
      actual: answer([[ACAO, '*']]),
    }),
    c('get-none', 'GET, no Allow-Origin', { request: get(), preflight: NO_CORS_PREFLIGHT, actual: answer([]) }),
    c('post-none', 'JSON POST, preflight without Allow-Origin', {
      request: post(),
      preflight: NO_CORS_PREFLIGHT,
      actual: answer([[ACAO, '*']]),
    }),
  ];
  // Without the permission nothing reaches the server: what it would answer cannot matter.
  return group === 'lna-granted' ? all : all.slice(0, 2);
}

/** Ollama's way: 403 with nothing else to an Origin it does not know, the answer itself without one. */
const refusesOrigins = (status = 403): Pick<ParityCase, 'actual' | 'withoutOrigin'> => ({
  actual: { status, headers: [] },
  withoutOrigin: answer([]),
});

/** A browser extension's page, with host permissions for 127.0.0.1 or without. */
export function extensionCases(group: 'ext-host' | 'ext-plain'): ParityCase[] {
  const c = (id: string, title: string, rest: Omit<ParityCase, 'id' | 'group' | 'title'>) =>
    make(group, id, title, rest);
  const auth: HeaderLine = ['authorization', 'Bearer cors-gate-probe'];
  if (group === 'ext-host') {
    return [
      c('post-refused', 'POST with Authorization, the server refuses the origin', {
        request: post([auth]),
        preflight: { status: 403, headers: [] },
        ...refusesOrigins(),
      }),
      c('post-open', 'POST with Authorization, an answer without CORS headers', {
        request: post([auth]),
        preflight: { status: 403, headers: [] },
        actual: answer([]),
      }),
      c('get-refused', 'GET, the server refuses an Origin (a GET carries none)', {
        request: get(),
        preflight: { status: 403, headers: [] },
        ...refusesOrigins(),
      }),
      c('post-401', 'POST, 401 with or without Origin (the placeholder key)', {
        request: post([auth]),
        preflight: { status: 403, headers: [] },
        actual: { status: 401, headers: [] },
        withoutOrigin: { status: 401, headers: [] },
      }),
    ];
  }
  return [
    c('post-refused', 'POST with Authorization, the server refuses the origin', {
      request: post([auth]),
      preflight: { status: 403, headers: [] },
      ...refusesOrigins(),
    }),
    c('get-refused', 'GET, the server refuses the origin', {
      request: get(),
      preflight: { status: 403, headers: [] },
      ...refusesOrigins(),
    }),
    c('post-star', 'POST with Authorization, Allow-Origin * on both', {
      request: post([auth]),
      preflight: allowHeaders('*'),
      actual: answer([[ACAO, '*']]),
    }),
    c('post-echo', 'POST with Authorization, the origin echoed on both', {
      request: post([auth]),
      preflight: allowHeaders('{origin}'),
      actual: answer([[ACAO, '{origin}']]),
    }),
  ];
}
