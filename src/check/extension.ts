// An extension with host permissions: the one request it sends (no preflight),
// and, when the answer is a refusal, the same request without Origin to tell
// whether the origin is what the server refused.
import type { CorsRequest } from '../cors/evaluate.js';
import { evaluateExtension, needsControl } from '../cors/extension.js';
import type { Endpoint, Evaluation, Exchange, Finding, HeaderLine } from '../types.js';
import { extensionHeaders } from './request.js';
import { unavailableFinding } from './retry.js';

type Send = (method: string, url: string, headers: HeaderLine[], body: string | undefined) => Promise<Exchange>;

export async function checkAsExtension(
  e: Endpoint,
  req: CorsRequest,
  send: Send,
  notes: Finding[],
): Promise<{ actual: Exchange; evaluation: Evaluation }> {
  const actual = await send(req.method, e.url, extensionHeaders(req), e.body);
  const unavailable = unavailableFinding(actual, 'actual');
  const control =
    !unavailable && needsControl(req, actual)
      ? await send(req.method, e.url, extensionHeaders(req, false), e.body)
      : undefined;
  const evaluation = evaluateExtension(req, {
    actual,
    ...(control ? { control } : {}),
    notes,
    ...(unavailable ? { unavailable } : {}),
  });
  return { actual, evaluation };
}
