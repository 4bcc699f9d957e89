import { describe, expect, it } from 'vitest';
import { presetsCommand } from '../../../src/cli/presets.js';
import { UsageError } from '../../../src/errors.js';

const run = (...argv: string[]) => {
  let out = '';
  const code = presetsCommand(argv, (s) => {
    out += s;
  });
  return { code, out };
};

describe('cors-gate presets', () => {
  it('--format json lists every version and call kind with each browser’s Access-Control-Request-Headers', () => {
    const { code, out } = run('--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      browser: string;
      presets: {
        name: string;
        versions: {
          major: number;
          latest: boolean;
          calls: { name: string; accessControlRequestHeaders: Record<string, string | null> }[];
        }[];
      }[];
    };
    expect(json.browser).toBe('chromium');
    const openai = json.presets.find((p) => p.name === 'openai-sdk')!;
    expect(openai.versions.map((v) => [v.major, v.latest])).toEqual([
      [7, true],
      [6, false],
      [5, false],
    ]);
    const calls = Object.fromEntries(openai.versions.flatMap((v) => v.calls.map((c) => [c.name, c])));
    expect(Object.keys(calls)).toContain('openai-sdk/stream-helper@7');
    expect(calls['openai-sdk/chat@7']!.accessControlRequestHeaders.firefox).not.toContain('user-agent');
    expect(calls['openai-sdk/chat@6']!.accessControlRequestHeaders.firefox).toContain('user-agent');
    expect(calls['openai-sdk/chat@6']!.accessControlRequestHeaders.chromium).not.toContain('user-agent');
    expect(calls['openai-sdk/chat@6']!.accessControlRequestHeaders.safari).toContain('user-agent');
  });

  it('prints the named clients in full, in the browser asked for', () => {
    const { out } = run('anthropic-sdk@0', 'vercel-ai/openai:chat', '--browser', 'firefox');
    expect(out).toContain('anthropic-sdk@0 — anthropic-sdk/messages@0, @anthropic-ai/sdk ');
    expect(out).toContain('    x-api-key: cors-gate-probe');
    expect(out).toContain('    x-stainless-runtime: browser:firefox');
    expect(out).toMatch(/vercel-ai\/openai:chat — vercel-ai\/openai:chat@7, @ai-sdk\/openai 4\.\S+, ai 7\./);
    expect(out).toContain('POST https://api.openai.com/v1/chat/completions');
    expect(out).toContain('Access-Control-Request-Headers (firefox): authorization,content-type,user-agent');
  });

  it('without names: each preset’s latest in full, with its other call kinds and earlier majors', () => {
    const { out } = run();
    expect(out).toContain('openai-sdk — openai 7.');
    expect(out).toMatch(
      /\n {4}openai-sdk\/stream-helper +POST https:\/\/api\.openai\.com\/v1\/chat\/completions +\S*x-stainless-helper-method/,
    );
    expect(out).toMatch(
      /\n {4}google-genai@2 +\(@google\/genai 2\.\S+\) POST https:\/\/generativelanguage\.googleapis\.com\/v1beta\//,
    );
    expect(out).toContain('vercel-ai/openai is vercel-ai/openai:responses@7');
  });

  it('refuses unknown names and options', () => {
    expect(() => run('openai-sdk@4')).toThrow(UsageError);
    expect(() => run('openai-sdk:stream')).toThrow(/write the call kind after "\/"/);
    expect(() => run('--browser', 'edge')).toThrow(/--browser must be chromium, firefox or safari/);
  });
});
