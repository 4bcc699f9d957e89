import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';

const VAR = 'CORS_GATE_TEST_HEADER_KEY';
afterEach(() => {
  delete process.env[VAR];
});

describe('header values from the environment', () => {
  it('reads the value and treats it as a secret', () => {
    process.env[VAR] = 'sk-from-env-123456';
    const [e] = parseConfig({ file: 'c.yml', text: `endpoints:\n  - name: A\n    url: https://api.example/v1\n    headers:\n      x-api-key: {env: ${VAR}}\n      content-type: application/json\n` });
    expect(e!.headers).toEqual([['x-api-key', 'sk-from-env-123456'], ['content-type', 'application/json']]);
    expect(e!.secrets).toContain('sk-from-env-123456');
  });
  it('secret: false opts out', () => {
    process.env[VAR] = 'not-a-secret';
    const [e] = parseConfig({ file: 'c.yml', text: `endpoints:\n  - name: A\n    url: https://api.example/v1\n    headers:\n      x-tenant: {env: ${VAR}, secret: false}\n` });
    expect(e!.secrets).not.toContain('not-a-secret');
  });
});
