// Every option's parser: the value it gives, and the message that names a bad one.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  parseBool,
  parseCount,
  parseFailOn,
  parseIssueOn,
  parseLabels,
  parseOrigin,
  parseRepo,
  parseSeconds,
  parseShard,
  repoProblem,
} from '../../src/inputs.js';

/** The UsageError's message, or a failure when the call returns. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('seconds', () => {
  it('above 0 and at most 600, as milliseconds', () => {
    expect(parseSeconds('2.5', 'timeout')).toBe(2500);
    expect(parseSeconds(' 600 ', 'timeout')).toBe(600_000);
  });

  it('refuses the rest, naming the option', () => {
    for (const text of ['', '  ', '0', '-1', '600.001', 'abc', 'Infinity', 'NaN'])
      expect(
        refusal(() => parseSeconds(text, 'timeout')),
        text,
      ).toBe(`timeout must be a number of seconds above 0 and at most 600, got ${JSON.stringify(text)}`);
  });
});

describe('counts', () => {
  it('a whole number from min to max, white space around it allowed', () => {
    expect(parseCount('1', 'concurrency', 8)).toBe(1);
    expect(parseCount(' 8 ', 'concurrency', 8)).toBe(8);
    expect(parseCount('0', 'max-issue-writes', 5, 0)).toBe(0);
  });

  it('refuses the rest, naming the option and the range', () => {
    for (const text of ['0', '9', '1.5', '-1', 'x1', '1x', '', '1e1'])
      expect(
        refusal(() => parseCount(text, 'concurrency', 8)),
        text,
      ).toBe(`concurrency must be a whole number from 1 to 8, got ${JSON.stringify(text)}`);
  });
});

describe('booleans', () => {
  it('true, yes, 1 and false, no, 0 or nothing, in any case, white space around them allowed', () => {
    for (const t of ['true', 'TRUE', ' yes ', '1']) expect(parseBool(t, 'issues'), t).toBe(true);
    for (const t of ['false', 'No', ' 0 ', '', '  ']) expect(parseBool(t, 'issues'), t).toBe(false);
  });

  it('refuses the rest', () => {
    for (const text of ['truely', 'xtrue', 'yes please', 'nope', '01', '2'])
      expect(
        refusal(() => parseBool(text, 'issues')),
        text,
      ).toBe(`issues must be true or false, got ${JSON.stringify(text)}`);
  });
});

describe('origins', () => {
  it('trimmed, and refused with the option named', () => {
    expect(parseOrigin(' https://app.example/ ', 'origin')).toBe('https://app.example');
    expect(refusal(() => parseOrigin('https://app.example/x', '--origin'))).toBe(
      '--origin must be an origin (scheme://host[:port], no path, query or user), got "https://app.example/x"',
    );
  });
});

describe('verdict lists', () => {
  it('a comma list in any case and spacing, or never for none', () => {
    expect(parseFailOn(' Fail , ERROR ,')).toEqual(['fail', 'error']);
    expect(parseFailOn('never')).toEqual([]);
    expect(parseFailOn(' Never ')).toEqual([]);
    expect(parseIssueOn('warn')).toEqual(['warn']);
  });

  it('refuses never with verdicts, an unknown verdict, pass for issues, and nothing', () => {
    expect(refusal(() => parseFailOn('never,fail'))).toBe(
      'fail-on: never means none and cannot be combined with verdicts, got "never,fail"',
    );
    expect(refusal(() => parseFailOn('fail,sometimes', '--fail-on'))).toBe(
      '--fail-on: "sometimes" is not a verdict (use a comma list of pass, warn, fail, error, or never)',
    );
    expect(refusal(() => parseIssueOn('pass'))).toBe(
      'issue-on: "pass" is not a failing verdict or flaky (use a comma list of fail, error, warn, flaky, or never)',
    );
    expect(refusal(() => parseFailOn(' , '))).toBe(
      'fail-on is empty (use a comma list of pass, warn, fail, error, or never)',
    );
  });
});

describe('repositories', () => {
  it('owner/repo, trimmed', () => {
    expect(parseRepo(' acme/widgets.js ', 'issue-repo')).toBe('acme/widgets.js');
    expect(repoProblem('a-b/c_d')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const text of ['acme', 'acme/widgets/x', '/widgets', 'acme/', 'a b/c', 'x acme/widgets', 'acme/widgets x'])
      expect(repoProblem(text), text).toBe(`must be owner/repo, got ${JSON.stringify(text)}`);
    expect(refusal(() => parseRepo('acme', 'issue-repo'))).toBe('issue-repo must be owner/repo, got "acme"');
  });
});

describe('labels', () => {
  it('a comma list, trimmed, without empty items', () => {
    expect(parseLabels(' cors-gate , provider:x ,, ')).toEqual(['cors-gate', 'provider:x']);
    expect(parseLabels('')).toEqual([]);
  });
});

describe('shards', () => {
  it('i/n, white space allowed, nothing for none', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 12 / 256 ')).toEqual({ index: 12, count: 256 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('  ')).toBeUndefined();
  });

  it('refuses another shape, a count out of range, a shard out of its count', () => {
    for (const text of ['2', '2/', '/4', 'a/4', '2/4/8', '2/4x', 'x2/4', '-1/4'])
      expect(
        refusal(() => parseShard(text)),
        text,
      ).toBe(`shard must look like i/n (for example 2/4), got ${JSON.stringify(text)}`);
    expect(refusal(() => parseShard('1/0', '--shard'))).toBe(
      '--shard: the number of shards must be from 1 to 256, got 0',
    );
    expect(refusal(() => parseShard('1/257'))).toBe('shard: the number of shards must be from 1 to 256, got 257');
    expect(refusal(() => parseShard('0/4'))).toBe('shard: the shard number counts from 1 to 4, got 0');
    expect(refusal(() => parseShard('5/4'))).toBe('shard: the shard number counts from 1 to 4, got 5');
  });
});
