// What each client library sends for one chat call, read from its source.
// One table per SDK so that an SDK release is a one-table update: bump
// `version`, re-read `source`, adjust `headers`.
//
// Values are what the library sends from a browser page; `{key}` stands for the
// API key and `{runtime}` / `{runtimeVersion}` for what the library derives
// from navigator.userAgent. Header order follows the library's own order.
import type { HeaderLine } from '../types.js';

export type ApiStyle = 'openai' | 'anthropic' | 'gemini';
export const API_STYLES: readonly ApiStyle[] = ['openai', 'anthropic', 'gemini'];

export interface PresetTable {
  /** The name used in `client:` (vercel-ai takes `vercel-ai/<provider>`). */
  name: string;
  /** npm package and the version the table was read from. */
  sdk: string;
  version: string;
  /** Repository and file (function) the headers come from. */
  source: string;
  style: ApiStyle;
  /** The header that carries the key (its value holds `{key}`). */
  authHeader?: string;
  headers: HeaderLine[];
  /** Things a reader of the table should know (conditions, omissions). */
  notes: string[];
}

const KEY = '{key}';

/** Headers the Stainless-generated SDKs (openai, anthropic) derive from the browser. */
const STAINLESS_BROWSER: HeaderLine[] = [
  ['X-Stainless-Lang', 'js'],
  ['X-Stainless-Package-Version', '{version}'],
  ['X-Stainless-OS', 'Unknown'],
  ['X-Stainless-Arch', 'unknown'],
  ['X-Stainless-Runtime', '{runtime}'],
  ['X-Stainless-Runtime-Version', '{runtimeVersion}'],
];

export const FETCH: PresetTable = {
  name: 'fetch',
  sdk: 'fetch()',
  version: '-',
  source: 'the headers given in the config (or the API style’s usual ones when none are given)',
  style: 'openai',
  headers: [],
  notes: ['Sends only the headers the config gives; with none, the API style’s key and content-type headers.'],
};

export const OPENAI_SDK: PresetTable = {
  name: 'openai-sdk',
  sdk: 'openai',
  version: '5.19.0',
  source: 'openai/openai-node src/client.ts (buildHeaders), src/internal/detect-platform.ts (getPlatformProperties)',
  style: 'openai',
  authHeader: 'Authorization',
  headers: [
    ['Accept', 'application/json'],
    ['User-Agent', 'OpenAI/JS {version}'],
    ['X-Stainless-Retry-Count', '0'],
    ...STAINLESS_BROWSER,
    ['Authorization', `Bearer ${KEY}`],
    ['Content-Type', 'application/json'],
  ],
  notes: [
    'Needs `dangerouslyAllowBrowser: true` in a browser.',
    'Adds X-Stainless-Timeout when a per-request timeout is set, OpenAI-Organization / OpenAI-Project when configured, X-Stainless-Helper-Method for stream helpers: add them with `headers:`.',
    'User-Agent is reported gone from v7.5 on (not read here); Chromium never sends it from a page anyway.',
  ],
};

export const ANTHROPIC_SDK: PresetTable = {
  name: 'anthropic-sdk',
  sdk: '@anthropic-ai/sdk',
  version: '0.116.0',
  source: 'anthropics/anthropic-sdk-typescript src/client.ts (buildHeaders), src/internal/detect-platform.ts',
  style: 'anthropic',
  authHeader: 'X-Api-Key',
  headers: [
    ['Accept', 'application/json'],
    ['User-Agent', 'Anthropic/JS {version}'],
    ['X-Stainless-Retry-Count', '0'],
    // messages.create always passes a timeout (600 s by default), so this is on every chat call;
    // other calls (models.list) pass none, and the preset leaves it out there.
    ['X-Stainless-Timeout', '600'],
    ...STAINLESS_BROWSER,
    ['anthropic-dangerous-direct-browser-access', 'true'],
    ['anthropic-version', '2023-06-01'],
    ['X-Api-Key', KEY],
    ['Content-Type', 'application/json'],
  ],
  notes: [
    'anthropic-dangerous-direct-browser-access is sent when `dangerouslyAllowBrowser: true` (required in a browser).',
    'With `authToken` instead of `apiKey` the key travels in Authorization: Bearer.',
  ],
};

export const GOOGLE_GENAI: PresetTable = {
  name: 'google-genai',
  sdk: '@google/genai',
  version: '2.28.0',
  source: 'googleapis/js-genai src/_api_client.ts (getDefaultHeaders, getHeadersInternal), src/web/_web_auth.ts',
  style: 'gemini',
  authHeader: 'x-goog-api-key',
  headers: [
    ['User-Agent', 'google-genai-sdk/{version} gl-node/web'],
    ['x-goog-api-client', 'google-genai-sdk/{version} gl-node/web'],
    ['Content-Type', 'application/json'],
    ['x-goog-api-key', KEY],
  ],
  notes: ['Adds X-Server-Timeout when httpOptions.timeout is set.'],
};

export interface VercelProvider {
  /** `vercel-ai/<provider>` */
  provider: string;
  package: string;
  style: ApiStyle;
  authHeader: string;
  /** Provider headers before the user-agent suffix, as getHeaders() builds them. */
  headers: HeaderLine[];
}

/** `@ai-sdk/*` packages are versioned together; the tables were read at this release line. */
export const VERCEL_AI_VERSION = '@ai-sdk/provider-utils 4 / providers 3–4 (ai 6)';
export const VERCEL_AI_SOURCE =
  'vercel/ai packages/<provider>/src/<provider>-provider.ts (getHeaders), packages/provider-utils/src/with-user-agent-suffix.ts, post-to-api.ts';

export const VERCEL_PROVIDERS: readonly VercelProvider[] = [
  {
    provider: 'openai',
    package: '@ai-sdk/openai',
    style: 'openai',
    authHeader: 'Authorization',
    headers: [['Authorization', `Bearer ${KEY}`]],
  },
  {
    provider: 'openai-compatible',
    package: '@ai-sdk/openai-compatible',
    style: 'openai',
    authHeader: 'Authorization',
    headers: [['Authorization', `Bearer ${KEY}`]],
  },
  {
    provider: 'anthropic',
    package: '@ai-sdk/anthropic',
    style: 'anthropic',
    authHeader: 'x-api-key',
    headers: [
      ['anthropic-version', '2023-06-01'],
      ['x-api-key', KEY],
    ],
  },
  {
    provider: 'google',
    package: '@ai-sdk/google',
    style: 'gemini',
    authHeader: 'x-goog-api-key',
    headers: [['x-goog-api-key', KEY]],
  },
  { provider: 'azure', package: '@ai-sdk/azure', style: 'openai', authHeader: 'api-key', headers: [['api-key', KEY]] },
];

export function vercelTable(p: VercelProvider): PresetTable {
  return {
    name: `vercel-ai/${p.provider}`,
    sdk: p.package,
    version: VERCEL_AI_VERSION,
    source: VERCEL_AI_SOURCE.replace(
      /<provider>/g,
      p.provider === 'openai-compatible' ? 'openai-compatible' : p.provider,
    ),
    style: p.style,
    authHeader: p.authHeader,
    headers: [
      ...p.headers,
      ['user-agent', `ai-sdk/${p.provider}/{version} ai-sdk/provider-utils/4 runtime/browser`],
      ['content-type', 'application/json'],
    ],
    notes:
      p.provider === 'anthropic'
        ? [
            'Does not send anthropic-dangerous-direct-browser-access: add it with `headers:` (or createAnthropic({headers})) or Anthropic answers without CORS headers.',
          ]
        : [],
  };
}

/** SDK versions substituted for `{version}` in header values. */
export const VALUE_VERSIONS: Record<string, string> = {
  'openai-sdk': '5.19.0',
  'anthropic-sdk': '0.116.0',
  'google-genai': '2.28.0',
  'vercel-ai/openai': '3.0.0',
  'vercel-ai/openai-compatible': '2.0.0',
  'vercel-ai/anthropic': '4.0.0',
  'vercel-ai/google': '3.0.0',
  'vercel-ai/azure': '3.0.0',
};
