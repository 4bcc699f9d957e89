// Client names read into the captured preset, version and call they pick.
import { describe, expect, it } from 'vitest';
import { callSeparator, clientProblem, PRESETS } from '../../../src/presets/clients.js';

describe('client names: <preset>[/call or :call][@major]', () => {
  it('accepts every preset, call kind and major captured', () => {
    for (const p of PRESETS)
      for (const v of p.versions) {
        expect(clientProblem(`${p.preset}@${v.major}`)).toBeNull();
        for (const call of Object.keys(v.calls))
          expect(clientProblem(`${p.preset}${callSeparator(p.preset)}${call}@${v.major}`)).toBeNull();
      }
    for (const name of ['openai-sdk/stream-helper', 'vercel-ai/openai:responses', 'anthropic-sdk@0', 'openai-sdk@5'])
      expect(clientProblem(name), name).toBeNull();
  });

  it('refuses what it does not know, saying what it does', () => {
    expect(clientProblem('openai')).toMatch(/unknown client "openai" \(known clients: fetch, openai-sdk, /);
    expect(clientProblem('openai-sdk@4')).toMatch(/openai-sdk is captured for majors 7, 6, 5/);
    expect(clientProblem('openai-sdk/batch')).toMatch(/has no call kind "batch" \(its call kinds: chat, stream, /);
    expect(clientProblem('openai-sdk:stream')).toMatch(/write the call kind after "\/": "openai-sdk\/stream"/);
    expect(clientProblem('vercel-ai/openai/chat')).toMatch(/write the call kind after ":": "vercel-ai\/openai:chat"/);
    expect(clientProblem('openai-sdk@6/stream')).toMatch(/put the major last: "openai-sdk\/stream@6"/);
    expect(clientProblem('openai-sdk@latest')).toMatch(/must be a major version number/);
    expect(clientProblem('fetch@1')).toMatch(/fetch takes no call kind or version/);
    expect(clientProblem('vercel-ai')).toMatch(/vercel-ai needs its provider/);
  });
});
