// The hidden marker that makes an issue (or a comment) an endpoint's own, and
// the fingerprint of the findings it was written for: what a later run reads
// back to know which issue is whose and whether its findings changed.
import { createHash } from 'node:crypto';
import { problems as blocking } from '../report/cells.js';
import type { ResultRecord } from '../report/record.js';

export interface Marker {
  /** Endpoint id (config.ts endpointId). */
  id: string;
  /** Fingerprint of the findings the text was written for. */
  fp: string;
  /** YYYY-MM-DD the failure was first seen (issue) or the state was observed (comment). */
  first: string;
  /** YYYY-MM-DD the findings last changed. */
  changed: string;
  /** On comments on a followed issue: the state the comment reported. */
  state?: 'fail' | 'pass';
  /** The closed issue this one follows. */
  prev?: number;
}

const MARKER_RE =
  /^<!-- cors-gate:v1 id=([0-9a-f]{6,64}) fp=([0-9a-f]{6,64}) first=(\d{4}-\d\d-\d\d) changed=(\d{4}-\d\d-\d\d)(?: state=(fail|pass))?(?: prev=(\d{1,9}))? -->/;
const MARKER_START = '<!-- cors-gate:v1';
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function renderMarker(m: Marker): string {
  return `<!-- cors-gate:v1 id=${m.id} fp=${m.fp} first=${m.first} changed=${m.changed}${m.state ? ` state=${m.state}` : ''}${m.prev ? ` prev=${m.prev}` : ''} -->`;
}

/**
 * The marker is the first line that starts with `<!-- cors-gate:v1` outside
 * fenced code blocks, so a line someone adds above it does not disown the issue.
 * Server text is only ever quoted in fenced blocks or one-line code spans: a
 * code span cannot start a line with `<!--` (that line would open an HTML block
 * and end the paragraph), so a look-alike quoted from a server is never read.
 */
export function parseMarker(body: string | null | undefined): Marker | null {
  if (!body) return null;
  let fence: { char: string; length: number } | null = null;
  for (const line of body.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const f = FENCE_RE.exec(line);
    if (fence) {
      // CommonMark: closed by a run of the same character, at least as long, with nothing after it.
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.length && f[2]!.trim() === '') fence = null;
      continue;
    }
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      fence = { char: f[1]![0]!, length: f[1]!.length };
      continue;
    }
    if (!line.startsWith(MARKER_START)) continue;
    const m = MARKER_RE.exec(line);
    if (!m) return null;
    return {
      id: m[1]!,
      fp: m[2]!,
      first: m[3]!,
      changed: m[4]!,
      ...(m[5] ? { state: m[5] as 'fail' | 'pass' } : {}),
      ...(m[6] ? { prev: Number(m[6]) } : {}),
    };
  }
  return null;
}

/**
 * Findings whose codes say nothing about CORS: the authenticated check reports
 * on the key and the stream, and its details change from run to run.
 */
const NOT_FINGERPRINTED = new Set([
  'AuthenticatedRequestRejected',
  'EventStream',
  'AuthenticatedResponse',
  'StreamNotEventStream',
  'ExposedHeaders',
]);

/** Fingerprints of this length are the older ones, built from the findings' messages. */
const LEGACY_FP_LENGTH = 16;
const FP_LENGTH = 20;

/**
 * What counts as "the same findings": the verdict and the codes (with levels) of
 * the blocking findings. Messages are left out, since they quote details (a
 * status, a header value) that may change from run to run without the endpoint
 * failing differently; a preflight's bad status counts by its class only.
 */
export function fingerprint(r: ResultRecord): string {
  const parts = [
    r.verdict,
    ...blocking(r)
      .filter((f) => !NOT_FINGERPRINTED.has(f.code))
      .map(
        (f) =>
          `${f.level}|${f.on ?? ''}|${f.code}${f.code === 'PreflightInvalidStatus' ? `|${statusClass(r.preflight?.status)}` : ''}`,
      ),
  ];
  return createHash('sha256')
    .update([...new Set(parts)].sort().join('\n'))
    .digest('hex')
    .slice(0, FP_LENGTH);
}

function statusClass(status: number | null | undefined): string {
  return typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'none';
}

/** The fingerprint markers written before codes replaced messages; still read, never written. */
export function legacyFingerprint(r: ResultRecord): string {
  const parts = [
    r.verdict,
    ...blocking(r)
      .map((f) => `${f.level}|${f.on ?? ''}|${f.code}|${f.message}`)
      .sort(),
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, LEGACY_FP_LENGTH);
}

/** Whether a marker's fingerprint names the findings of this result, in either form. */
export function sameFindings(fp: string, r: ResultRecord): boolean {
  return fp.length === LEGACY_FP_LENGTH ? fp === legacyFingerprint(r) : fp === fingerprint(r);
}
