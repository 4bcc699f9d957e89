// Broken configs, one per way a config goes wrong: the loader refuses each for its
// own problem (test/unit/config/load.test.ts), and the CLI and the action refuse
// each before anything is sent (test/e2e/broken-config.test.ts). `%URL%` stands
// for the URL of a server that counts requests: a config that is refused must not reach it.
import { DEFAULT_KEYS, ENTRY_KEYS } from '../../src/config/yaml.js';

export interface Broken {
  kind: string;
  /** The document; every `%URL%` is replaced by the counting server's URL. */
  text: string | (() => string);
  /**
   * The problem it is refused for, after file:line:col: the exact text (with `%URL%`
   * replaced as in the document), or a pattern anchored at both ends where part of
   * it is not this case's to pin (a byte count, the list of clients).
   */
  problem: string | RegExp;
  /** The line it must name; 0 for problems of the whole file. */
  line: number;
}

const ok = (extra = '') => `endpoints:\n  - name: a\n    url: %URL%/v1/chat\n${extra}`;

export const BROKEN: Broken[] = [
  {
    kind: 'YAML syntax: unclosed flow list',
    text: 'endpoints: [\n  {name: a, url: %URL%}\n',
    problem: 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    line: 3,
  },
  {
    kind: 'YAML syntax: bad indentation',
    text: 'endpoints:\n  - name: a\n   url: %URL%\n',
    problem: 'YAML: Sequence item without - indicator',
    line: 3,
  },
  {
    kind: 'tab indentation',
    text: 'endpoints:\n\t- name: a\n\t  url: %URL%\n',
    problem: 'YAML: Tabs are not allowed as indentation',
    line: 2,
  },
  { kind: 'empty file', text: '', problem: 'the file is empty: it needs an endpoints list', line: 0 },
  { kind: 'only white space', text: '  \n\n\t\n', problem: 'the file is empty: it needs an endpoints list', line: 0 },
  {
    kind: 'only a comment',
    text: '# endpoints: later\n',
    problem: 'the config must be a mapping with endpoints, or a list of endpoints; got nothing',
    line: 0,
  },
  {
    kind: 'huge file (over 1 MiB)',
    text: () => ok() + `# ${'x'.repeat(1100 * 1024)}\n`,
    problem: /^the file is \d{7} bytes; the limit is 1048576$/,
    line: 0,
  },
  {
    // Anchors nested three deep (a value, a header made of it, headers made of those),
    // each level multiplying the one below, used by endpoint after endpoint; valid in
    // every other way, so only the cap can refuse it. The alias that passes the cap is
    // read through *h, at its place inside the anchored headers: line 6.
    kind: 'alias bomb (billion laughs)',
    text: () => {
      const headers = ['      x-0: &s cors-gate-probe', '      x-1: &m {value: *s}'];
      for (let i = 2; i < 10; i++) headers.push(`      x-${i}: *m`);
      const lines = ['endpoints:', '  - name: e0', '    url: %URL%/0', '    headers: &h', ...headers];
      for (let i = 1; i < 10; i++) lines.push(`  - name: e${i}`, `    url: %URL%/${i}`, '    headers: *h');
      return `${lines.join('\n')}\n`;
    },
    problem: 'more than 100 aliases: the document is refused',
    line: 6,
  },
  {
    kind: 'alias bomb inside an endpoint',
    text: () => ok(`    models: [&m x${', *m'.repeat(101)}]\n`),
    problem: 'more than 100 aliases: the document is refused',
    line: 4,
  },
  {
    kind: 'several YAML documents',
    text: `${ok()}---\n${ok()}`,
    problem: 'YAML: Source contains multiple documents; please use YAML.parseAllDocuments()',
    line: 4,
  },
  {
    kind: 'undefined alias',
    text: 'endpoints:\n  - *nothing\n',
    problem: 'alias *nothing refers to no anchor defined before it',
    line: 2,
  },
  {
    kind: 'duplicate keys',
    text: 'endpoints:\n  - name: a\n    url: %URL%/one\n    url: %URL%/two\n',
    problem: 'YAML: Map keys must be unique',
    line: 4,
  },
  {
    kind: 'top level is text',
    text: 'just some text\n',
    problem: 'the config must be a mapping with endpoints, or a list of endpoints; got text "just some text"',
    line: 1,
  },
  {
    kind: 'top level is a list of text',
    text: '- %URL%/v1/chat\n',
    problem: 'endpoints[0] must be a mapping (key: value), got text "%URL%/v1/chat"',
    line: 1,
  },
  {
    kind: 'unknown top-level key (typo)',
    text: 'endpoint:\n  - name: a\n    url: %URL%\n',
    problem: 'unknown top-level key "endpoint" (expected defaults, endpoints)',
    line: 1,
  },
  {
    kind: 'endpoints missing',
    text: 'defaults:\n  origin: https://example.com\n',
    problem: 'endpoints is missing: the config needs a list of endpoints',
    line: 1,
  },
  {
    kind: 'endpoints is a mapping',
    text: 'endpoints:\n  name: a\n  url: %URL%\n',
    problem: 'endpoints must be a list, got a mapping',
    line: 2,
  },
  { kind: 'endpoints is empty', text: 'endpoints: []\n', problem: 'endpoints is empty', line: 1 },
  { kind: 'endpoints is null', text: 'endpoints:\n', problem: 'endpoints must be a list, got null', line: 1 },
  {
    kind: 'unknown key in an endpoint',
    text: ok('    urll: %URL%\n'),
    // The key list is the loader's own, so a new key does not need a new text here.
    problem: `unknown key "urll" in endpoints[0] (expected one of: ${ENTRY_KEYS.join(', ')})`,
    line: 4,
  },
  {
    kind: 'missing url',
    text: 'endpoints:\n  - name: a\n    method: GET\n',
    problem: 'endpoints[0] (a) needs a url',
    line: 2,
  },
  { kind: 'missing name', text: 'endpoints:\n  - url: %URL%\n', problem: 'endpoints[0] needs a name', line: 2 },
  {
    kind: 'non-HTTP url',
    text: 'endpoints:\n  - name: a\n    url: ftp://127.0.0.1/x\n',
    problem: 'endpoints[0].url must be an http:// or https:// URL, got "ftp://127.0.0.1/x"',
    line: 3,
  },
  {
    kind: 'url with spaces',
    text: 'endpoints:\n  - name: a\n    url: %URL%/v1/chat completions\n',
    problem: 'endpoints[0].url "%URL%/v1/chat completions" contains white space',
    line: 3,
  },
  {
    kind: 'url that is not a URL',
    text: 'endpoints:\n  - name: a\n    url: example.com/v1\n',
    problem: 'endpoints[0].url "example.com/v1" is not a valid URL',
    line: 3,
  },
  {
    kind: 'null where text is expected (url)',
    text: 'endpoints:\n  - name: a\n    url: ~\n',
    problem: 'endpoints[0].url must be text, got null',
    line: 3,
  },
  {
    kind: 'null name',
    text: 'endpoints:\n  - name:\n    url: %URL%\n',
    problem: 'endpoints[0].name must be text, got null',
    line: 2,
  },
  {
    kind: 'list where text is expected',
    text: 'endpoints:\n  - name: [a, b]\n    url: %URL%\n',
    problem: 'endpoints[0].name must be text, got a list',
    line: 2,
  },
  {
    kind: 'boolean where text is expected',
    text: 'endpoints:\n  - name: yes\n    url: %URL%\n  - name: true\n    url: %URL%\n',
    problem: 'endpoints[1].name must be text, got true (quote it if you meant the text)',
    line: 4,
  },
  {
    kind: 'mapping where a list is expected',
    text: ok('    models: {a: 1}\n'),
    problem: 'endpoints[0].models must be a list, got a mapping',
    line: 4,
  },
  {
    kind: 'text where true/false is expected',
    text: ok('    actual: "no"\n'),
    problem: 'endpoints[0].actual must be true or false, got text "no"',
    line: 4,
  },
  {
    kind: 'duplicate names',
    text: 'endpoints:\n  - name: a\n    url: %URL%/one\n  - name: a\n    url: %URL%/two\n',
    problem: 'duplicate endpoint name "a" (first defined on line 2)',
    line: 4,
  },
  {
    kind: 'origin with a path',
    text: ok('    origin: https://app.example.com/chat\n'),
    problem:
      'endpoints[0].origin must be an origin (scheme://host[:port], no path, query or user), got "https://app.example.com/chat"',
    line: 4,
  },
  {
    kind: 'origin with a query',
    text: ok('    origin: https://app.example.com/?x=1\n'),
    problem:
      'endpoints[0].origin must be an origin (scheme://host[:port], no path, query or user), got "https://app.example.com/?x=1"',
    line: 4,
  },
  {
    kind: 'origin of a file page',
    text: ok('    origin: file:///tmp/x\n'),
    problem: 'endpoints[0].origin must be "null" for a file:// page, which sends Origin: null, got "file:///tmp/x"',
    line: 4,
  },
  {
    kind: 'origin no page runs from',
    text: ok('    origin: ftp://files.example.com\n'),
    problem:
      'endpoints[0].origin must be the origin of a page, and no page runs from a ftp: URL, got "ftp://files.example.com"',
    line: 4,
  },
  {
    kind: 'origin with credentials',
    text: ok('    origin: app://user:pw@obsidian.md\n'),
    problem:
      'endpoints[0].origin must be an origin (scheme://host, no path, query or user), got "app://user:pw@obsidian.md"',
    line: 4,
  },
  {
    kind: 'host-permissions with a web origin',
    text: ok('    origin: https://app.example.com\n    host-permissions: true\n'),
    problem: `endpoints[0] (a).host-permissions: true applies to a browser extension's origin (chrome-extension://, moz-extension://, safari-web-extension://), but the origin is "https://app.example.com"; remove it or check from the extension's origin`,
    line: 5,
  },
  {
    kind: 'host-permissions without an origin',
    text: ok('    host-permissions: true\n'),
    problem: `endpoints[0] (a).host-permissions: true applies to a browser extension's origin (chrome-extension://, moz-extension://, safari-web-extension://), but the origin is "https://example.com"; remove it or check from the extension's origin`,
    line: 4,
  },
  {
    kind: 'host-permissions in defaults, an endpoint not from an extension',
    text: `defaults:\n  origin: chrome-extension://abcdefghijklmnopabcdefghijklmnop\n  host-permissions: true\nendpoints:\n  - name: ext\n    url: %URL%/a\n  - name: web\n    url: %URL%/b\n    origins: [chrome-extension://abcdefghijklmnopabcdefghijklmnop, 'null']\n`,
    problem: `defaults.host-permissions (for endpoints[1] (web)): true applies to a browser extension's origin (chrome-extension://, moz-extension://, safari-web-extension://), but the origin is "null"; remove it or check from the extension's origin`,
    line: 3,
  },
  {
    kind: 'host-permissions not a boolean',
    text: ok('    origin: chrome-extension://abcdefghijklmnopabcdefghijklmnop\n    host-permissions: always\n'),
    problem: 'endpoints[0].host-permissions must be true or false, got text "always"',
    line: 5,
  },
  {
    kind: 'address-space not one of the three',
    text: ok('    address-space: loopback\n'),
    problem: 'endpoints[0].address-space must be one of public, private, local, got "loopback"',
    line: 4,
  },
  {
    kind: 'extension origin with a bad id',
    text: ok('    origin: chrome-extension://not-an-id\n'),
    problem:
      'endpoints[0].origin must hold a chrome-extension id (32 letters a to p), got "chrome-extension://not-an-id"',
    line: 4,
  },
  {
    kind: 'empty origins list',
    text: ok('    origins: []\n'),
    problem: 'endpoints[0].origins must not be empty',
    line: 4,
  },
  {
    kind: 'both origin and origins',
    text: ok('    origin: https://a.example\n    origins: [https://b.example]\n'),
    problem: 'endpoints[0] has both origin and origins: use one',
    line: 5,
  },
  {
    kind: 'bad method (two words)',
    text: ok('    method: GET POST\n'),
    problem: 'endpoints[0].method "GET POST" is not a valid HTTP method',
    line: 4,
  },
  {
    kind: 'method fetch() cannot send',
    text: ok('    method: CONNECT\n'),
    problem: 'endpoints[0].method CONNECT cannot be sent by fetch()',
    line: 4,
  },
  {
    kind: 'bad header name',
    text: ok('    headers:\n      "x bad": v\n'),
    problem: 'header name "x bad" is not a valid HTTP header name',
    line: 5,
  },
  {
    kind: 'header value with a newline',
    text: ok('    headers:\n      x-a: "one\\ntwo"\n'),
    problem: 'headers.x-a contains a line break or NUL',
    line: 5,
  },
  {
    kind: 'secret header with a newline',
    text: ok('    headers:\n      x-key: {value: "one\\ntwo", secret: true}\n'),
    problem: 'headers.x-key.value contains a line break or NUL',
    line: 5,
  },
  {
    kind: 'unknown key in a header',
    text: ok('    headers:\n      x-key: {value: v, secrte: true}\n'),
    problem: 'unknown key "secrte" in headers.x-key (expected value or env, and secret)',
    line: 5,
  },
  {
    kind: 'header without a value',
    text: ok('    headers:\n      x-key: {secret: true}\n'),
    problem: 'headers.x-key needs a value (or env: NAME)',
    line: 5,
  },
  {
    kind: 'headers as text',
    text: ok('    headers: authorization\n'),
    problem: 'headers must be a list of names or a mapping of name: value, got text "authorization"',
    line: 4,
  },
  {
    kind: 'bad expect',
    text: ok('    expect: maybe\n'),
    problem: 'endpoints[0].expect must be one of pass, fail, got "maybe"',
    line: 4,
  },
  {
    kind: 'bad credentials',
    text: ok('    credentials: same-origin\n'),
    problem: 'endpoints[0].credentials must be one of omit, include, got "same-origin"',
    line: 4,
  },
  {
    kind: 'bad browser',
    text: ok('    browser: netscape\n'),
    problem: 'endpoints[0].browser must be one of chromium, firefox, safari, got "netscape"',
    line: 4,
  },
  {
    kind: 'bad issue.repo',
    text: ok('    issue:\n      repo: not a repo\n'),
    problem: 'issue.repo must be owner/repo, got "not a repo"',
    line: 5,
  },
  {
    kind: 'issue.number not a positive number',
    text: ok('    issue: {number: -3}\n'),
    problem: 'issue.number must be a positive whole number, got number -3',
    line: 4,
  },
  {
    kind: 'unknown key in issue',
    text: ok('    issue: {repository: o/r}\n'),
    problem: 'unknown key "repository" in issue (expected repo, number, labels)',
    line: 4,
  },
  {
    kind: 'path without a leading slash',
    text: ok('    paths: [v1/models]\n'),
    problem: 'endpoints[0].paths: "v1/models" must start with / and contain no white space',
    line: 4,
  },
  {
    kind: 'header from an unset variable',
    text: ok('    headers:\n      x-api-key: {env: CORS_GATE_TEST_UNSET_VARIABLE}\n'),
    problem: 'headers.x-api-key: the environment variable CORS_GATE_TEST_UNSET_VARIABLE is not set or empty',
    line: 5,
  },
  {
    kind: 'header with both value and env',
    text: ok('    headers:\n      x-api-key: {value: a, env: HOME}\n'),
    problem: 'headers.x-api-key takes value or env, not both',
    line: 5,
  },
  {
    kind: 'auth from an unset variable',
    text: ok('    auth: {env: CORS_GATE_TEST_UNSET_VARIABLE}\n'),
    problem: 'endpoints[0].auth: the environment variable CORS_GATE_TEST_UNSET_VARIABLE is not set or empty',
    line: 4,
  },
  {
    kind: 'unknown client',
    text: ok('    client: netscape-sdk\n'),
    problem:
      /^endpoints\[0\]\.client: unknown client "netscape-sdk" \(known clients: fetch, openai-sdk, .+ \(cors-gate presets lists them\)\)$/,
    line: 4,
  },
  { kind: 'key that is not text', text: ok('    ? [a, b]\n    : c\n'), problem: 'keys must be plain text', line: 4 },
  {
    kind: 'endpoint-only key in defaults',
    text: 'defaults:\n  name: x\nendpoints:\n  - name: a\n    url: %URL%\n',
    problem: `unknown key "name" in defaults (expected one of: ${DEFAULT_KEYS.join(', ')})`,
    line: 2,
  },
];

/** The case's document with `%URL%` replaced. */
export function brokenText(c: Broken, url: string): string {
  return (typeof c.text === 'function' ? c.text() : c.text).replaceAll('%URL%', url);
}

/** The case's problem with `%URL%` replaced, when it is exact text. */
export function brokenProblem(c: Broken, url: string): string | RegExp {
  return typeof c.problem === 'string' ? c.problem.replaceAll('%URL%', url) : c.problem;
}
