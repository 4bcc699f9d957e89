// A browser extension with host permissions for the API: its pages and service
// worker send no preflight, and the browser applies no CORS check to the
// answer. What decides is the server's own allow-list of origins, which sees
// the Origin header the browser sends on a request other than GET and HEAD.
import type { Evaluation, Exchange, Finding } from '../types.js';
import { type CorsRequest, LEVEL_ORDER, networkFinding, verdictOf } from './evaluate.js';

/** Statuses a server answers a request from an origin it does not allow with. */
export const REFUSAL_STATUSES = new Set([401, 403, 404]);

/** Extensions send Origin on everything but GET and HEAD. */
export function extensionSendsOrigin(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** Where common servers keep their allow-list of origins. */
export const ORIGIN_SWITCHES: readonly string[] = [
  'Ollama: OLLAMA_ORIGINS',
  'vLLM: --allowed-origins',
  'LM Studio: the server setting Enable CORS',
];

export const HOST_PERMISSIONS_NOTE: Finding = {
  code: 'HostPermissions',
  level: 'info',
  message:
    'An extension with host permissions for this URL: the browser sends no preflight and applies no CORS check, so the extension reads whatever the server answers; only the server’s own origin allow-list decides.',
};

/**
 * Whether the server refused the origin: it answered 401, 403 or 404 to the
 * request with Origin, and otherwise to the same request without it (the
 * control). Without a control answer there is nothing to compare: no refusal
 * is claimed.
 */
export function originRefused(req: CorsRequest, answer: Exchange, control: Exchange | undefined): Finding | null {
  if (!needsControl(req, answer)) return null;
  const status = answer.response!.status;
  const without = control?.response?.status;
  if (without === undefined || without === status) return null;
  return {
    code: 'OriginRefusedByServer',
    level: 'fail',
    on: 'actual',
    message: `The server answered ${status} to Origin ${req.origin} and ${without} to the same request without an Origin: it refuses this origin. Add ${req.origin} to the server's allowed origins (${ORIGIN_SWITCHES.join('; ')}).`,
  };
}

/** Whether the answer calls for the same request without Origin, to tell a refused origin from a refused request. */
export function needsControl(req: CorsRequest, answer: Exchange): boolean {
  const status = answer.response?.status;
  return status !== undefined && REFUSAL_STATUSES.has(status) && extensionSendsOrigin(req.method);
}

/** The extension's view of the answer: it reads whatever comes back, unless the server refused its origin. */
export function evaluateExtension(
  req: CorsRequest,
  exchanges: { actual: Exchange; control?: Exchange; notes?: Finding[]; unavailable?: Finding },
): Evaluation {
  const findings: Finding[] = [];
  const { actual } = exchanges;
  if (exchanges.unavailable) findings.push(exchanges.unavailable);
  else if (!actual.response) findings.push(networkFinding('actual', actual));
  else {
    const refused = originRefused(req, actual, exchanges.control);
    if (refused) findings.push(refused);
    else if (REFUSAL_STATUSES.has(actual.response.status)) {
      const origin = extensionSendsOrigin(req.method)
        ? 'the same status without an Origin, so not for the origin'
        : `no Origin (a ${req.method} from an extension carries none)`;
      findings.push({
        code: 'ActualStatus',
        level: 'info',
        on: 'actual',
        message: `The request was answered with status ${actual.response.status}, with ${origin}; the extension reads it (the probe sends a placeholder key).`,
      });
    }
  }
  findings.push(HOST_PERMISSIONS_NOTE, ...(exchanges.notes ?? []));
  findings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return { verdict: verdictOf(findings), findings, preflightNeeded: false, fix: [] };
}
