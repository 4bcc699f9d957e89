import { describe, expect, it } from 'vitest';
import { emptyHistory, recordRun } from '../../../src/history/history.js';
import { fingerprint, legacyFingerprint, parseMarker, renderMarker } from '../../../src/issues/marker.js';
import {
  type Planned,
  type PlanOptions,
  planIssues,
  reposNeedingHistory,
  trackedKey,
  type Write,
} from '../../../src/issues/plan.js';
import type { ResultRecord } from '../../../src/report/record.js';
import type { Finding } from '../../../src/types.js';
import { changed, emptyWorld, erroring, exchange, failing, issue, passing } from '../../support/issue-records.js';

const REPO = 'acme/widgets';
const opts = (over: Partial<PlanOptions> = {}): PlanOptions => ({
  repo: REPO,
  labels: ['cors-gate'],
  issueOn: ['fail'],
  now: new Date('2026-11-20T12:00:00Z'),
  runUrl: 'https://github.com/acme/widgets/actions/runs/7',
  ...over,
});
const only = (plan: Planned[]) => {
  expect(plan).toHaveLength(1);
  return plan[0]!;
};
const ops = (p: Planned) => p.writes.map((w: Write) => w.op + (w.op === 'update' && w.state ? `:${w.state}` : ''));

/** Runs one plan and returns the issue the create would make, as GitHub would store it. */
function created(r = failing(), number = 1) {
  const w = only(planIssues([r], { ...emptyWorld(), history: [REPO] }, opts())).writes[0]!;
  if (w.op !== 'create') throw new Error('expected a create');
  return issue(REPO, number, w.body, { title: w.title });
}

describe('planIssues: transitions, not runs', () => {
  it('creates an issue for a failing endpoint with no issue, labelled and marked', () => {
    const p = only(planIssues([failing()], emptyWorld(), opts()));
    expect(p.action).toBe('created');
    expect(p.needsHistory).toBe(true);
    const w = p.writes[0]!;
    expect(w.op).toBe('create');
    expect(w.op).toBe('create');
    if (w.op !== 'create') return;
    expect(w.labels).toEqual(['cors-gate']);
    expect(w.title).toBe('CORS: Zen blocks browser calls — preflight answers 404');
    const m = parseMarker(w.body)!;
    expect(m).toMatchObject({
      id: failing().id,
      fp: fingerprint(failing()),
      first: '2026-11-20',
      changed: '2026-11-20',
    });
  });

  it('writes nothing when the same findings fail again', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const p = only(planIssues([failing()], world, opts({ now: new Date('2026-11-25T00:00:00Z') })));
    expect(p).toMatchObject({ action: 'unchanged', number: 1, writes: [] });
  });

  it('ignores the run link and the time of day: only the findings count', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const later = failing('Zen', { checkedAt: '2026-12-01T00:00:00Z', actual: { ...failing().actual!, ms: 999 } });
    expect(
      only(planIssues([later], world, opts({ runUrl: 'https://github.com/acme/widgets/actions/runs/8' }))).writes,
    ).toEqual([]);
  });

  it('updates the body and comments once when the findings change, keeping first seen', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const p = only(planIssues([changed()], world, opts({ now: new Date('2026-11-22T00:00:00Z') })));
    expect(p.action).toBe('updated');
    expect(ops(p)).toEqual(['update', 'comment']);
    const up = p.writes[0]!;
    expect(up.op).toBe('update');
    if (up.op !== 'update') return;
    expect(parseMarker(up.body)).toMatchObject({
      first: '2026-11-20',
      changed: '2026-11-22',
      fp: fingerprint(changed()),
    });
    expect(up.title).toContain('request headers not allowed');
    const c = p.writes[1]!;
    expect(c.op).toBe('comment');
    if (c.op !== 'comment') return;
    expect(c.body).toContain('The findings changed');
    expect(c.body).toContain('HeaderDisallowedByPreflightResponse');
  });

  it('resolves with one comment and closes as completed, counting the days', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const p = only(planIssues([passing()], world, opts({ now: new Date('2026-11-23T08:00:00Z') })));
    expect(p.action).toBe('closed');
    // Closed before the comment: a closed issue is not listed again, so a failed comment is never repeated.
    expect(ops(p)).toEqual(['update:closed', 'comment']);
    const [close, c] = p.writes;
    expect([close?.op, c?.op]).toEqual(['update', 'comment']);
    if (c?.op !== 'comment' || close?.op !== 'update') return;
    expect(c.body).toMatch(
      /^\*\*Resolved:\*\* a browser can call `Zen` — it passes since 2026-11-23, after 3 days \(first seen 2026-11-20\)/,
    );
    expect(close).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(close.body).toBeUndefined();
  });

  it('a warn passes when warn is not in issue-on, and fails when it is', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const warn = passing('Zen', {
      verdict: 'warn',
      findings: [{ code: 'AuthorizationCoveredByWildcard', level: 'warn', on: 'preflight', message: 'x' }],
    });
    expect(only(planIssues([warn], world, opts())).action).toBe('closed');
    expect(only(planIssues([warn], world, opts({ issueOn: ['fail', 'warn'] }))).action).toBe('updated');
  });

  it('opens a new issue that links the previous one when it fails again', () => {
    const old = created(failing(), 4);
    const world = {
      ...emptyWorld(),
      history: [REPO],
      issues: [{ ...old, state: 'closed' as const, stateReason: 'completed', closedAt: '2026-11-21T00:00:00Z' }],
    };
    const p = only(planIssues([failing()], world, opts({ now: new Date('2026-11-28T00:00:00Z') })));
    expect(p.action).toBe('created');
    expect(p.needsHistory).toBeUndefined();
    const w = p.writes[0]!;
    expect(w.op).toBe('create');
    if (w.op !== 'create') return;
    expect(parseMarker(w.body)).toMatchObject({ prev: 4, first: '2026-11-28' });
    expect(w.body).toContain('- Follows #4, closed on 2026-11-21; the endpoint fails again.');
    // The link survives a later change of findings.
    const again = only(planIssues([changed()], { ...emptyWorld(), issues: [issue(REPO, 9, w.body)] }, opts()))
      .writes[0]!;
    expect(again.op).toBe('update');
    if (again.op !== 'update') return;
    expect(parseMarker(again.body)!.prev).toBe(4);
    expect(again.body).toContain('- Follows #4');
  });

  it('leaves closed what a maintainer closed as not planned, until the findings change', () => {
    const old = created(failing(), 4);
    const world = {
      ...emptyWorld(),
      history: [REPO],
      issues: [{ ...old, state: 'closed' as const, stateReason: 'not_planned', closedAt: '2026-11-21T00:00:00Z' }],
    };
    expect(only(planIssues([failing()], world, opts()))).toMatchObject({ action: 'skipped', writes: [] });
    expect(only(planIssues([changed()], world, opts())).action).toBe('created');
  });

  it('never touches an issue without the marker, whatever its labels and title', () => {
    const human = issue(REPO, 3, 'I see CORS errors with Zen too', {
      title: 'CORS: Zen blocks browser calls — preflight answers 404',
    });
    const world = { ...emptyWorld(), history: [REPO], issues: [human] };
    const p = only(planIssues([failing()], world, opts()));
    expect(p.action).toBe('created');
    expect(planIssues([passing()], world, opts())).toEqual([]);
  });

  it('ignores a marker quoted inside a fenced block', () => {
    const forged = `Some text\n\`\`\`\n${renderMarker({ id: failing().id, fp: 'ffffffffffffffff', first: '2020-01-01', changed: '2020-01-01' })}\n\`\`\``;
    expect(parseMarker(forged)).toBeNull();
    const world = { ...emptyWorld(), issues: [issue(REPO, 3, forged)] };
    expect(only(planIssues([failing()], world, opts())).action).toBe('created');
  });

  it('still knows its issue after someone adds text above the marker', () => {
    const mine = created();
    const edited = { ...mine, body: `**Triage:** known, upstream is on it.\n\n${mine.body}` };
    const world = { ...emptyWorld(), history: [REPO], issues: [edited] };
    expect(only(planIssues([failing()], world, opts()))).toMatchObject({ action: 'unchanged', number: 1, writes: [] });
    expect(only(planIssues([passing()], world, opts()))).toMatchObject({ action: 'closed', number: 1 });
  });

  it('closes later open issues of the same endpoint as duplicates of the oldest', () => {
    const first = created(failing(), 3);
    const second = created(failing(), 7);
    const human = issue(REPO, 5, 'Zen is broken', { title: 'CORS: Zen blocks browser calls — preflight answers 404' });
    const world = { ...emptyWorld(), history: [REPO], issues: [second, human, first] };
    const plan = planIssues([failing()], world, opts());
    expect(plan.map((p) => [p.action, p.number, p.reason])).toEqual([
      ['closed', 7, 'duplicate of #3'],
      ['unchanged', 3, 'same findings since 2026-11-20'],
    ]);
    expect(ops(plan[0]!)).toEqual(['update:closed', 'comment']);
    expect(plan[0]!.writes[0]).toMatchObject({ number: 7, state: 'closed', stateReason: 'duplicate' });
    expect((plan[0]!.writes[1] as { body: string }).body).toMatch(/^Duplicate of #3, /);
    // Passing: the oldest is resolved, the duplicate closed all the same.
    expect(planIssues([passing()], world, opts()).map((p) => [p.action, p.number])).toEqual([
      ['closed', 7],
      ['closed', 3],
    ]);
    // A duplicate closed that way is neither the issue a new one links nor a maintainer's "not planned".
    const after = {
      ...emptyWorld(),
      history: [REPO],
      issues: [{ ...second, state: 'closed' as const, stateReason: 'duplicate', closedAt: '2026-11-21T00:00:00Z' }],
    };
    const p = only(planIssues([failing()], after, opts()));
    expect(p.action).toBe('created');
    expect(parseMarker((p.writes[0] as { body: string }).body)!.prev).toBeUndefined();
  });

  it('treats error as transient by default: no issue opened, an open one left alone', () => {
    expect(planIssues([erroring()], emptyWorld(), opts())).toEqual([]);
    const world = { ...emptyWorld(), issues: [created()] };
    expect(only(planIssues([erroring()], world, opts()))).toMatchObject({ action: 'unchanged', writes: [] });
    expect(only(planIssues([erroring()], emptyWorld(), opts({ issueOn: ['fail', 'error'] }))).action).toBe('created');
  });

  it('says nothing about a passing endpoint that never had an issue', () => {
    expect(planIssues([passing()], emptyWorld(), opts())).toEqual([]);
  });

  it('files in the endpoint repo with its extra labels, and keeps repos apart', () => {
    const r = failing('Zen', { issue: { repo: 'anomalyco/opencode', labels: ['provider:zen'] } });
    const ours = created(); // in acme/widgets: a different repo, so not this endpoint's issue there
    const p = only(planIssues([r], { ...emptyWorld(), issues: [ours] }, opts()));
    expect(p).toMatchObject({ action: 'created', repo: 'anomalyco/opencode' });
    const w = p.writes[0]!;
    expect(w.op).toBe('create');
    if (w.op === 'create') expect(w.labels).toEqual(['cors-gate', 'provider:zen']);
    expect(reposNeedingHistory([p])).toEqual(['anomalyco/opencode']);
  });

  it('skips when there is no repository at all', () => {
    expect(only(planIssues([failing()], emptyWorld(), opts({ repo: '' })))).toMatchObject({ action: 'skipped' });
  });
});

describe('planIssues: the fingerprint', () => {
  const withFindings = (findings: Finding[], over: Partial<ResultRecord> = {}) => failing('Zen', { findings, ...over });
  const acah = (header: string): Finding => ({
    code: 'HeaderDisallowedByPreflightResponse',
    level: 'fail',
    on: 'preflight',
    message: `Request header field ${header} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  });

  it('ignores details in the messages: the codes and levels decide', () => {
    const world = { ...emptyWorld(), issues: [created(withFindings([acah('x-request-id-1')]))] };
    expect(only(planIssues([withFindings([acah('x-request-id-2')])], world, opts())).action).toBe('unchanged');
    expect(fingerprint(withFindings([acah('a')]))).toBe(fingerprint(withFindings([acah('b')])));
    expect(fingerprint(withFindings([acah('a')]))).not.toBe(
      fingerprint(withFindings([{ ...acah('a'), level: 'warn' }])),
    );
    expect(fingerprint(withFindings([acah('a')]))).not.toBe(
      fingerprint(withFindings([{ ...acah('a'), code: 'MethodDisallowedByPreflightResponse' }])),
    );
  });

  it('leaves the authenticated check out of it', () => {
    const stream = (status: number, rid: string): Finding[] => [
      {
        code: 'AuthenticatedRequestRejected',
        level: 'warn',
        on: 'actual',
        message: `The authenticated streaming request was answered ${status} (application/json): check the key.`,
      },
      {
        code: 'ExposedHeaders',
        level: 'info',
        on: 'actual',
        message: `A page can read these response headers: ${rid}.`,
      },
    ];
    const base = failing().findings;
    expect(fingerprint(withFindings([...base, ...stream(401, 'a')]))).toBe(fingerprint(withFindings(base)));
    expect(
      fingerprint(
        withFindings([
          ...base,
          {
            code: 'StreamNotEventStream',
            level: 'warn',
            on: 'actual',
            message: 'Asked for a stream, got 200 application/json.',
          },
        ]),
      ),
    ).toBe(fingerprint(withFindings(base)));
  });

  it('counts a bad preflight status by its class', () => {
    const status = (n: number) =>
      withFindings(
        [
          {
            code: 'PreflightInvalidStatus',
            level: 'fail',
            on: 'preflight',
            message: `It does not have HTTP ok status (status ${n}).`,
          },
        ],
        { preflight: exchange('OPTIONS', n) },
      );
    expect(fingerprint(status(404))).toBe(fingerprint(status(403)));
    expect(fingerprint(status(502))).toBe(fingerprint(status(503)));
    expect(fingerprint(status(404))).not.toBe(fingerprint(status(503)));
    expect(fingerprint(status(301))).not.toBe(fingerprint(status(404)));
  });

  it('reads markers written with the older fingerprint without rewriting them, and rewrites a changed one once', () => {
    const old = created();
    const legacy = legacyFingerprint(failing());
    expect(legacy).toHaveLength(16);
    expect(fingerprint(failing())).not.toHaveLength(16);
    const m = parseMarker(old.body)!;
    const world = { ...emptyWorld(), issues: [{ ...old, body: old.body!.replace(`fp=${m.fp}`, `fp=${legacy}`) }] };
    expect(parseMarker(world.issues[0]!.body)!.fp).toBe(legacy);
    expect(only(planIssues([failing()], world, opts()))).toMatchObject({ action: 'unchanged', writes: [] });
    // A message detail changed: the old fingerprint no longer matches, so one update writes the new one...
    const detail = failing('Zen', {
      findings: failing().findings.map((f) => ({ ...f, message: f.message.replace('404', '410') })),
    });
    const p = only(planIssues([detail], world, opts()));
    expect(p.action).toBe('updated');
    const body = (p.writes[0] as { body: string }).body;
    expect(parseMarker(body)!.fp).toBe(fingerprint(detail));
    // ...and after it the same failure writes nothing.
    expect(only(planIssues([failing()], { ...emptyWorld(), issues: [issue(REPO, 1, body)] }, opts())).action).toBe(
      'unchanged',
    );
  });
});

describe('planIssues: following an issue someone else opened', () => {
  const follow = (r = failing()) => ({ ...r, issue: { repo: 'anomalyco/opencode', number: 31041 } });
  const key = trackedKey('anomalyco/opencode', 31041);

  it('comments once on the first check, then only when the state changes', () => {
    const first = only(
      planIssues([follow()], { ...emptyWorld(), comments: { [key]: [{ id: 1, body: 'me too', url: 'u' }] } }, opts()),
    );
    expect(first).toMatchObject({ action: 'commented', number: 31041, followed: true });
    expect(first.writes.map((w) => w.op)).toEqual(['comment']);
    const body = (first.writes[0] as { body: string }).body;
    expect(parseMarker(body)).toMatchObject({ state: 'fail' });

    const after = {
      ...emptyWorld(),
      comments: {
        [key]: [
          { id: 1, body: 'me too', url: 'u' },
          { id: 2, body, url: 'u' },
        ],
      },
    };
    // Same state, even with other findings: no comment.
    expect(only(planIssues([follow(changed())], after, opts())).action).toBe('unchanged');
    const fixed = only(planIssues([follow(passing())], after, opts({ now: new Date('2026-12-01T00:00:00Z') })));
    expect(fixed.action).toBe('commented');
    const fixedBody = (fixed.writes[0] as { body: string }).body;
    expect(fixedBody).toContain('**Verified fixed on 2026-12-01:**');
    const later = {
      ...emptyWorld(),
      comments: { [key]: [...after.comments[key]!, { id: 3, body: fixedBody, url: 'u' }] },
    };
    expect(only(planIssues([follow(passing())], later, opts())).action).toBe('unchanged');
    const regressed = only(planIssues([follow()], later, opts()));
    expect((regressed.writes[0] as { body: string }).body).toContain('**Regression on');
  });

  it('never plans an edit or a close of the followed issue', () => {
    const comments = { [key]: [] };
    for (const r of [failing(), changed(), passing(), erroring()]) {
      for (const p of planIssues([follow(r)], { ...emptyWorld(), comments }, opts())) {
        expect(p.writes.every((w) => w.op === 'comment')).toBe(true);
      }
    }
  });

  it('ignores markers of other endpoints in the comments', () => {
    const other = renderMarker({
      id: 'bbbbbbbbbbbb',
      fp: '0000000000000000',
      first: '2026-01-01',
      changed: '2026-01-01',
      state: 'fail',
    });
    const p = only(
      planIssues([follow()], { ...emptyWorld(), comments: { [key]: [{ id: 1, body: other, url: 'u' }] } }, opts()),
    );
    expect(p.action).toBe('commented');
  });
});

describe('planIssues: runs in a row (issue-after, close-after)', () => {
  /** A history whose runs end with this run; `letters` one per run for the endpoint `failing()` makes. */
  function runs(letters: string, r = failing()) {
    let h = emptyHistory();
    const verdicts = { p: 'pass', f: 'fail', F: 'fail', e: 'error' } as const;
    [...letters].forEach((l, i) => {
      const v = verdicts[l as keyof typeof verdicts];
      h = recordRun(h, [{ ...r, verdict: v, ...(l === 'F' ? { flaky: true } : {}) }], {
        at: `2026-11-${String(10 + i).padStart(2, '0')}T06:00:00Z`,
      });
    });
    return h;
  }

  it('opens no issue until the endpoint has failed issue-after runs in a row', () => {
    const one = only(planIssues([failing()], emptyWorld(), opts({ runs: runs('ppf'), issueAfter: 2 })));
    expect(one.action).toBe('pending');
    expect(one.writes).toEqual([]);
    expect(one.reason).toBe('failing in 1 run in a row; an issue opens after 2 (issue-after)');
    const two = only(
      planIssues([failing()], { ...emptyWorld(), history: [REPO] }, opts({ runs: runs('pff'), issueAfter: 2 })),
    );
    expect(two.action).toBe('created');
    // The issue says since when: the first failing run of the streak, not today.
    expect(parseMarker((two.writes[0] as { body: string }).body)!.first).toBe('2026-11-11');
  });

  it('an error between failures neither breaks nor extends the run; a pass does', () => {
    const plan = (letters: string) =>
      only(planIssues([failing()], { ...emptyWorld(), history: [REPO] }, opts({ runs: runs(letters), issueAfter: 2 })));
    expect(plan('fef').action).toBe('created');
    expect(plan('fpf').action).toBe('pending');
  });

  it('a flaky failure counts only when issue-on names flaky', () => {
    const flaky = { ...failing(), flaky: true };
    // Transient by default: no issue, and none is pending either.
    expect(planIssues([flaky], emptyWorld(), opts({ runs: runs('FF', flaky), issueAfter: 2 }))).toEqual([]);
    const world = { ...emptyWorld(), history: [REPO] };
    const named = opts({ runs: runs('FF', flaky), issueAfter: 2, issueOn: ['fail', 'flaky'] });
    expect(only(planIssues([flaky], world, named)).action).toBe('created');
  });

  it('closes only after close-after passing runs in a row', () => {
    const open = created();
    const world = { ...emptyWorld(), issues: [open] };
    const one = only(planIssues([passing()], world, opts({ runs: runs('ffp'), closeAfter: 2 })));
    expect(one).toMatchObject({ action: 'pending', number: 1, writes: [] });
    expect(one.reason).toBe('passing in 1 run in a row; it counts as fixed after 2 (close-after)');
    expect(only(planIssues([passing()], world, opts({ runs: runs('fpp'), closeAfter: 2 }))).action).toBe('closed');
  });

  it('without a history each run stands alone, as before', () => {
    expect(only(planIssues([failing()], emptyWorld(), opts({ issueAfter: 3 }))).action).toBe('created');
  });

  it('a followed issue gets its regression comment only after issue-after failing runs', () => {
    const r = failing('Zen', { issue: { repo: REPO, number: 5 } });
    const world = { ...emptyWorld(), comments: { [trackedKey(REPO, 5)]: [] } };
    expect(only(planIssues([r], world, opts({ runs: runs('pf', r), issueAfter: 2 }))).action).toBe('pending');
    expect(only(planIssues([r], world, opts({ runs: runs('ff', r), issueAfter: 2 }))).action).toBe('commented');
  });
});

describe('planIssues: whose issue it is', () => {
  it("never takes a human's issue that carries a copied marker for its own", () => {
    const mine = created();
    const copied = { ...mine, author: 'octocat' };
    expect(planIssues([passing()], { ...emptyWorld(), issues: [copied] }, opts())).toEqual([]);
    expect(only(planIssues([passing()], { ...emptyWorld(), issues: [mine] }, opts())).action).toBe('closed');
  });

  it("with a user's token, its own login's issues are its own", () => {
    const mine = { ...created(), author: 'Octo-Bot' };
    const world = { ...emptyWorld(), issues: [mine], identity: { login: 'octo-bot' } };
    expect(only(planIssues([passing()], world, opts())).action).toBe('closed');
    const bots = { ...emptyWorld(), issues: [created()], identity: { login: 'octo-bot' } };
    expect(planIssues([passing()], bots, opts())).toEqual([]);
  });
});

describe('planIssues: repository names in any case', () => {
  // GitHub treats owner/repo case-insensitively; the config may spell it differently from the API.
  const MIXED = 'Acme/Widgets';

  it('finds the open issue listed under the lower-case name: no second issue', () => {
    const world = { ...emptyWorld(), history: [REPO], issues: [created()] };
    const p = only(planIssues([failing()], world, opts({ repo: MIXED })));
    expect(p).toMatchObject({ action: 'unchanged', number: 1, writes: [] });
    expect(only(planIssues([passing()], world, opts({ repo: MIXED })))).toMatchObject({ action: 'closed', number: 1 });
    const named = failing('Zen', { issue: { repo: 'ACME/widgets' } });
    expect(only(planIssues([named], world, opts()))).toMatchObject({ action: 'unchanged', number: 1 });
  });

  it('knows closed issues were read for a repo whatever its case', () => {
    const world = { ...emptyWorld(), history: [REPO] };
    const p = only(planIssues([failing()], world, opts({ repo: MIXED })));
    expect(p.action).toBe('created');
    expect(p.needsHistory).toBeUndefined();
  });

  it('finds the comments of a followed issue keyed by the lower-case repo', () => {
    expect(trackedKey('AnomalyCo/OpenCode', 31041)).toBe('anomalyco/opencode#31041');
    const r = { ...failing(), issue: { repo: 'AnomalyCo/OpenCode', number: 31041 } };
    const comments = { 'anomalyco/opencode#31041': [{ id: 1, body: 'me too', url: 'u' }] };
    const p = only(planIssues([r], { ...emptyWorld(), comments }, opts()));
    expect(p).toMatchObject({ action: 'commented', number: 31041, followed: true });
  });
});

describe('planIssues: what each plan says and links', () => {
  const follow = (r: ResultRecord) => ({ ...r, issue: { repo: 'anomalyco/opencode', number: 31041 } });
  const key = trackedKey('anomalyco/opencode', 31041);
  const url = 'https://github.com/anomalyco/opencode/issues/31041';
  const bodyOf = (p: Planned, i = 0) => (p.writes[i] as { body: string }).body;

  it('a fail not in issue-on is transient, not a pass: the open issue stays open', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    expect(only(planIssues([failing()], world, opts({ issueOn: ['error'] })))).toMatchObject({
      action: 'unchanged',
      number: 1,
      writes: [],
      reason: 'fail is not in issue-on: treated as transient',
    });
    expect(only(planIssues([erroring()], world, opts()))).toMatchObject({
      reason: 'error is not in issue-on: treated as transient',
    });
    expect(only(planIssues([passing()], world, opts()))).toMatchObject({ action: 'closed', reason: 'passes (pass)' });
  });

  it('says why it skips an endpoint with no repository', () => {
    expect(only(planIssues([failing()], emptyWorld(), opts({ repo: '' })))).toEqual({
      endpoint: 'Zen',
      id: failing().id,
      repo: '',
      action: 'skipped',
      writes: [],
      reason: 'no repository to file in (set issue-repo)',
    });
  });

  it('skips a followed issue it could not read, and leaves it unchanged while the result is transient', () => {
    expect(only(planIssues([follow(failing())], emptyWorld(), opts()))).toEqual({
      endpoint: 'Zen',
      id: failing().id,
      repo: 'anomalyco/opencode',
      followed: true,
      action: 'skipped',
      number: 31041,
      url,
      writes: [],
      reason: 'the followed issue could not be read',
    });
    expect(only(planIssues([follow(erroring())], { ...emptyWorld(), comments: { [key]: [] } }, opts()))).toEqual({
      endpoint: 'Zen',
      id: failing().id,
      repo: 'anomalyco/opencode',
      followed: true,
      action: 'unchanged',
      number: 31041,
      url,
      writes: [],
      reason: 'error is not in issue-on: treated as transient',
    });
  });

  it('gives the reason of each comment on a followed issue', () => {
    const world = (...bodies: string[]) => ({
      ...emptyWorld(),
      comments: { [key]: bodies.map((body, i) => ({ id: i, body, url: 'u' })) },
    });
    const firstFail = only(planIssues([follow(failing())], world(), opts()));
    expect(firstFail).toMatchObject({ action: 'commented', url, reason: 'first check: fails' });
    const firstPass = only(planIssues([follow(passing())], world(), opts()));
    expect(firstPass).toMatchObject({ action: 'commented', reason: 'first check: passes' });
    expect(parseMarker(bodyOf(firstPass))).toMatchObject({ state: 'pass' });
    expect(only(planIssues([follow(failing())], world(bodyOf(firstFail)), opts()))).toMatchObject({
      action: 'unchanged',
      writes: [],
      reason: 'still failing since 2026-11-20',
    });
    expect(only(planIssues([follow(passing())], world(bodyOf(firstPass)), opts()))).toMatchObject({
      action: 'unchanged',
      writes: [],
      reason: 'still passing since 2026-11-20',
    });
    expect(only(planIssues([follow(passing())], world(bodyOf(firstFail)), opts())).reason).toBe('verified fixed');
    expect(only(planIssues([follow(failing())], world(bodyOf(firstFail), bodyOf(firstPass)), opts())).reason).toBe(
      'regression',
    );
  });

  it('says why it updates, leaves closed or creates, and links the run in each body', () => {
    const world = { ...emptyWorld(), issues: [created()] };
    const updated = only(planIssues([changed()], world, opts()));
    expect(updated.reason).toBe('the findings changed');
    expect(bodyOf(updated)).toContain('- Workflow run: https://github.com/acme/widgets/actions/runs/7');
    const fresh = only(planIssues([failing()], emptyWorld(), opts()));
    expect(fresh.reason).toBe('fails');
    expect(bodyOf(fresh)).toContain('- Workflow run: https://github.com/acme/widgets/actions/runs/7');
    const noRun = only(planIssues([failing()], emptyWorld(), opts({ runUrl: undefined })));
    expect(bodyOf(noRun)).not.toContain('Workflow run');
    const declined = {
      ...emptyWorld(),
      history: [REPO],
      issues: [
        { ...created(), state: 'closed' as const, stateReason: 'not_planned', closedAt: '2026-11-21T00:00:00Z' },
      ],
    };
    expect(only(planIssues([failing()], declined, opts())).reason).toBe(
      'closed as not planned by a maintainer; left closed until the findings change',
    );
  });

  it('links the issue closed last, the higher number on a tie, and says so', () => {
    const closedAs = (n: number, closedAt: string | null) => ({
      ...created(failing(), n),
      state: 'closed' as const,
      stateReason: 'completed',
      closedAt,
    });
    const link = (...issues: ReturnType<typeof closedAs>[]) => {
      const p = only(planIssues([failing()], { ...emptyWorld(), history: [REPO], issues }, opts()));
      return [parseMarker(bodyOf(p))!.prev, p.reason];
    };
    expect(link(closedAs(4, '2026-11-01T00:00:00Z'), closedAs(3, '2026-11-10T00:00:00Z'))).toEqual([
      3,
      'fails again after #3 was closed',
    ]);
    expect(link(closedAs(3, '2026-11-10T00:00:00Z'), closedAs(4, '2026-11-01T00:00:00Z'))[0]).toBe(3);
    expect(link(closedAs(3, '2026-11-10T00:00:00Z'), closedAs(5, '2026-11-10T00:00:00Z'))[0]).toBe(5);
    expect(link(closedAs(5, '2026-11-10T00:00:00Z'), closedAs(3, '2026-11-10T00:00:00Z'))[0]).toBe(5);
    expect(link(closedAs(6, null), closedAs(2, '2026-11-10T00:00:00Z'))[0]).toBe(2);
    expect(link(closedAs(2, '2026-11-10T00:00:00Z'), closedAs(6, null))[0]).toBe(2);
  });

  it('lists each repo that wants its closed issues read once, and only those', () => {
    const a = { ...failing('A'), issue: { repo: 'o/a' } };
    const b = { ...failing('B'), issue: { repo: 'o/b' } };
    const a2 = { ...failing('A2'), issue: { repo: 'o/a' } };
    const plan = planIssues([a, b, a2], { ...emptyWorld(), history: ['o/b'] }, opts());
    expect(plan.map((p) => p.needsHistory)).toEqual([true, undefined, true]);
    expect(reposNeedingHistory(plan)).toEqual(['o/a']);
  });
});

describe('planIssues: a fleet of endpoints and issues', () => {
  // Each issue's marker is read once per plan, not once per endpoint: with
  // thousands of both, reading every body for every endpoint took minutes.
  it('reads each issue body a bounded number of times, whatever the number of endpoints', () => {
    const records = Array.from({ length: 60 }, (_, i) => failing(String(i).padStart(5, '0')));
    let reads = 0;
    const issues = records.map((r, i) => {
      const made = created(r, i + 1);
      const body = made.body;
      return Object.defineProperty(made, 'body', {
        get: () => {
          reads++;
          return body;
        },
      });
    });
    const plan = planIssues(records, { ...emptyWorld(), history: [REPO], issues }, opts());
    expect(plan.map((p) => p.action)).toEqual(records.map(() => 'unchanged'));
    expect(plan.map((p) => p.number)).toEqual(records.map((_, i) => i + 1));
    // One read to index the issue and one for its open issue's marker; 3,600 if every endpoint read every body.
    expect(reads).toBeLessThanOrEqual(2 * records.length);
  });
});
