// Broken configs, one per way a config goes wrong. `%URL%` stands for the URL of a
// server that counts requests: a config that is refused must not reach it.
export interface Broken {
  kind: string;
  /** The document; every `%URL%` is replaced by the counting server's URL. */
  text: string | (() => string);
  /** The message must say this. */
  problem: RegExp;
  /** The line it must name; 0 for problems of the whole file. */
  line: number;
}

const ok = (extra = '') => `endpoints:\n  - name: a\n    url: %URL%/v1/chat\n${extra}`;

export const BROKEN: Broken[] = [
  {
    kind: 'YAML syntax: unclosed flow list',
    text: 'endpoints: [\n  {name: a, url: %URL%}\n',
    problem: /YAML: .*(flow|collection|end|missing)/i,
    line: 3,
  },
  {
    kind: 'YAML syntax: bad indentation',
    text: 'endpoints:\n  - name: a\n   url: %URL%\n',
    problem: /YAML: /,
    line: 3,
  },
  { kind: 'tab indentation', text: 'endpoints:\n\t- name: a\n\t  url: %URL%\n', problem: /YAML: .*tab/i, line: 2 },
  { kind: 'empty file', text: '', problem: /empty/, line: 0 },
  { kind: 'only white space', text: '  \n\n\t\n', problem: /empty/, line: 0 },
  {
    kind: 'only a comment',
    text: '# endpoints: later\n',
    problem: /mapping with endpoints, or a list of endpoints; got nothing/,
    line: 0,
  },
  {
    kind: 'huge file (over 1 MiB)',
    text: () => ok() + `# ${'x'.repeat(1100 * 1024)}\n`,
    problem: /bytes; the limit is 1048576/,
    line: 0,
  },
  {
    kind: 'alias bomb (billion laughs)',
    text: () => {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++)
        lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
      return `defaults:\n  origin: https://example.com\nx:\n${lines.map((l) => `  ${l}`).join('\n')}\nendpoints: *a9\n`;
    },
    problem: /(more than 100 aliases|unknown top-level key "x")/,
    line: 3,
  },
  {
    kind: 'alias bomb inside the endpoints',
    text: () => {
      const lines = ['- &a0 {name: n, url: %URL%}'];
      let prev = 'a0';
      for (let i = 1; i < 8; i++) {
        lines.push(`- &a${i} [${Array.from({ length: 10 }, () => `*${prev}`).join(', ')}]`);
        prev = `a${i}`;
      }
      return `${lines.join('\n')}\n`;
    },
    problem: /(more than 100 aliases|must be a mapping)/,
    line: 2,
  },
  {
    kind: 'several YAML documents',
    text: `${ok()}---\n${ok()}`,
    problem: /YAML: .*(multiple documents|document)/i,
    line: 4,
  },
  {
    kind: 'undefined alias',
    text: 'endpoints:\n  - *nothing\n',
    problem: /alias \*nothing refers to no anchor/,
    line: 2,
  },
  {
    kind: 'duplicate keys',
    text: 'endpoints:\n  - name: a\n    url: %URL%/one\n    url: %URL%/two\n',
    problem: /YAML: .*(unique|duplicate)/i,
    line: 4,
  },
  { kind: 'top level is text', text: 'just some text\n', problem: /got text "just some text"/, line: 1 },
  {
    kind: 'top level is a list of text',
    text: '- %URL%/v1/chat\n',
    problem: /endpoints\[0\] must be a mapping/,
    line: 1,
  },
  {
    kind: 'unknown top-level key (typo)',
    text: 'endpoint:\n  - name: a\n    url: %URL%\n',
    problem: /unknown top-level key "endpoint"/,
    line: 1,
  },
  {
    kind: 'endpoints missing',
    text: 'defaults:\n  origin: https://example.com\n',
    problem: /endpoints is missing/,
    line: 1,
  },
  {
    kind: 'endpoints is a mapping',
    text: 'endpoints:\n  name: a\n  url: %URL%\n',
    problem: /endpoints must be a list/,
    line: 2,
  },
  { kind: 'endpoints is empty', text: 'endpoints: []\n', problem: /endpoints is empty/, line: 1 },
  { kind: 'endpoints is null', text: 'endpoints:\n', problem: /endpoints must be a list, got (null|nothing)/, line: 1 },
  {
    kind: 'unknown key in an endpoint',
    text: ok('    urll: %URL%\n'),
    problem: /unknown key "urll" in endpoints\[0\]/,
    line: 4,
  },
  { kind: 'missing url', text: 'endpoints:\n  - name: a\n    method: GET\n', problem: /needs a url/, line: 2 },
  { kind: 'missing name', text: 'endpoints:\n  - url: %URL%\n', problem: /needs a name/, line: 2 },
  {
    kind: 'non-HTTP url',
    text: 'endpoints:\n  - name: a\n    url: ftp://127.0.0.1/x\n',
    problem: /must be an http:\/\/ or https:\/\/ URL/,
    line: 3,
  },
  {
    kind: 'url with spaces',
    text: 'endpoints:\n  - name: a\n    url: %URL%/v1/chat completions\n',
    problem: /contains white space/,
    line: 3,
  },
  {
    kind: 'url that is not a URL',
    text: 'endpoints:\n  - name: a\n    url: example.com/v1\n',
    problem: /is not a valid URL/,
    line: 3,
  },
  {
    kind: 'null where text is expected (url)',
    text: 'endpoints:\n  - name: a\n    url: ~\n',
    problem: /url must be text, got null/,
    line: 3,
  },
  {
    kind: 'null name',
    text: 'endpoints:\n  - name:\n    url: %URL%\n',
    problem: /name must be text, got (null|nothing)/,
    line: 2,
  },
  {
    kind: 'list where text is expected',
    text: 'endpoints:\n  - name: [a, b]\n    url: %URL%\n',
    problem: /name must be text, got a list/,
    line: 2,
  },
  {
    kind: 'boolean where text is expected',
    text: 'endpoints:\n  - name: yes\n    url: %URL%\n  - name: true\n    url: %URL%\n',
    problem: /name must be text, got true/,
    line: 4,
  },
  {
    kind: 'number where a list is expected',
    text: ok('    models: {a: 1}\n'),
    problem: /models must be a list, got a mapping/,
    line: 4,
  },
  {
    kind: 'text where true/false is expected',
    text: ok('    actual: "no"\n'),
    problem: /actual must be true or false, got text "no"/,
    line: 4,
  },
  {
    kind: 'duplicate names',
    text: 'endpoints:\n  - name: a\n    url: %URL%/one\n  - name: a\n    url: %URL%/two\n',
    problem: /duplicate endpoint name "a" \(first defined on line 2\)/,
    line: 4,
  },
  {
    kind: 'origin with a path',
    text: ok('    origin: https://app.example.com/chat\n'),
    problem: /must be an origin .*no path/,
    line: 4,
  },
  {
    kind: 'origin with a query',
    text: ok('    origin: https://app.example.com/?x=1\n'),
    problem: /must be an origin/,
    line: 4,
  },
  {
    kind: 'origin of a file page',
    text: ok('    origin: file:///tmp/x\n'),
    problem: /origin must be "null" for a file:\/\/ page, which sends Origin: null/,
    line: 4,
  },
  {
    kind: 'origin no page runs from',
    text: ok('    origin: ftp://files.example.com\n'),
    problem: /origin must be the origin of a page, and no page runs from a ftp: URL/,
    line: 4,
  },
  {
    kind: 'origin with credentials',
    text: ok('    origin: app://user:pw@obsidian.md\n'),
    problem: /origin must be an origin \(scheme:\/\/host, no path, query or user\)/,
    line: 4,
  },
  {
    kind: 'extension origin with a bad id',
    text: ok('    origin: chrome-extension://not-an-id\n'),
    problem: /origin must hold a chrome-extension id \(32 letters a to p\)/,
    line: 4,
  },
  { kind: 'empty origins list', text: ok('    origins: []\n'), problem: /origins must not be empty/, line: 4 },
  {
    kind: 'both origin and origins',
    text: ok('    origin: https://a.example\n    origins: [https://b.example]\n'),
    problem: /both origin and origins/,
    line: 5,
  },
  {
    kind: 'bad method (two words)',
    text: ok('    method: GET POST\n'),
    problem: /method "GET POST" is not a valid HTTP method/,
    line: 4,
  },
  {
    kind: 'method fetch() cannot send',
    text: ok('    method: CONNECT\n'),
    problem: /method CONNECT cannot be sent by fetch\(\)/,
    line: 4,
  },
  {
    kind: 'bad header name',
    text: ok('    headers:\n      "x bad": v\n'),
    problem: /header name "x bad" is not a valid HTTP header name/,
    line: 5,
  },
  {
    kind: 'header value with a newline',
    text: ok('    headers:\n      x-a: "one\\ntwo"\n'),
    problem: /headers\.x-a contains a line break/,
    line: 5,
  },
  {
    kind: 'secret header with a newline',
    text: ok('    headers:\n      x-key: {value: "one\\ntwo", secret: true}\n'),
    problem: /x-key.*line break/,
    line: 5,
  },
  {
    kind: 'unknown key in a header',
    text: ok('    headers:\n      x-key: {value: v, secrte: true}\n'),
    problem: /unknown key "secrte" in headers\.x-key/,
    line: 5,
  },
  {
    kind: 'header without a value',
    text: ok('    headers:\n      x-key: {secret: true}\n'),
    problem: /headers\.x-key needs a value/,
    line: 5,
  },
  {
    kind: 'headers as text',
    text: ok('    headers: authorization\n'),
    problem: /headers must be a list of names or a mapping/,
    line: 4,
  },
  {
    kind: 'bad expect',
    text: ok('    expect: maybe\n'),
    problem: /expect must be one of pass, fail, got "maybe"/,
    line: 4,
  },
  {
    kind: 'bad credentials',
    text: ok('    credentials: same-origin\n'),
    problem: /credentials must be one of omit, include, got "same-origin"/,
    line: 4,
  },
  {
    kind: 'bad browser',
    text: ok('    browser: netscape\n'),
    problem: /browser must be one of chromium, firefox, safari/,
    line: 4,
  },
  {
    kind: 'bad issue.repo',
    text: ok('    issue:\n      repo: not a repo\n'),
    problem: /issue\.repo must be owner\/repo, got "not a repo"/,
    line: 5,
  },
  {
    kind: 'issue.number not a positive number',
    text: ok('    issue: {number: -3}\n'),
    problem: /issue\.number must be a positive whole number/,
    line: 4,
  },
  {
    kind: 'unknown key in issue',
    text: ok('    issue: {repository: o/r}\n'),
    problem: /unknown key "repository" in issue/,
    line: 4,
  },
  {
    kind: 'path without a leading slash',
    text: ok('    paths: [v1/models]\n'),
    problem: /must start with \//,
    line: 4,
  },
  {
    kind: 'header from an unset variable',
    text: ok('    headers:\n      x-api-key: {env: CORS_GATE_TEST_UNSET_VARIABLE}\n'),
    problem: /x-api-key: the environment variable CORS_GATE_TEST_UNSET_VARIABLE is not set/,
    line: 5,
  },
  {
    kind: 'header with both value and env',
    text: ok('    headers:\n      x-api-key: {value: a, env: HOME}\n'),
    problem: /value or env, not both/,
    line: 5,
  },
  {
    kind: 'auth from an unset variable',
    text: ok('    auth: {env: CORS_GATE_TEST_UNSET_VARIABLE}\n'),
    problem: /CORS_GATE_TEST_UNSET_VARIABLE is not set/,
    line: 4,
  },
  { kind: 'unknown client', text: ok('    client: netscape-sdk\n'), problem: /unknown client "netscape-sdk"/, line: 4 },
  { kind: 'key that is not text', text: ok('    ? [a, b]\n    : c\n'), problem: /keys must be plain text/, line: 4 },
  {
    kind: 'endpoint-only key in defaults',
    text: 'defaults:\n  name: x\nendpoints:\n  - name: a\n    url: %URL%\n',
    problem: /unknown key "name" in defaults/,
    line: 2,
  },
];
