// What `npm run presets:capture` runs: for each client preset, the SDK packages
// it is captured from (one set per major version kept, newest first) and the
// calls a user can pick, each as the code an app would write. Nothing here says
// what an SDK sends: the capture runs this code in real browsers and records it.
import type { ApiStyle } from '../../src/presets/catalog.js';

/** The placeholders a call's code uses; the capture turns them back into `{key}` and `{model}`. */
export const CAPTURE_KEY = 'cors-gate-capture-key';
export const CAPTURE_MODEL = 'cors-gate-capture-model';

export interface CallSpec {
  /** The call kind: `openai-sdk/<name>`, `vercel-ai/openai:<name>`. */
  name: string;
  /** The body of an async function with `client` (or `provider`), `KEY` and `MODEL` in scope. */
  code: string;
}

export interface VersionSpec {
  /** The installed package (an npm alias for an earlier major) the client comes from. */
  sdk: string;
  /** For the Vercel AI SDK: the installed `ai` package that goes with the provider. */
  ai?: string;
}

export interface FamilySpec {
  /** The client name users write (`openai-sdk`, `vercel-ai/openai`). */
  preset: string;
  style: ApiStyle;
  /** Newest first: the first is what the bare name means. */
  versions: VersionSpec[];
  /** Makes `client` (or `provider`) from `sdk` (and `ai`). */
  setup: string;
  calls: CallSpec[];
  /**
   * The call the bare name means: one of `calls`, or code whose request the capture
   * matches against theirs (the Vercel AI SDK decides its default route itself).
   */
  default: { call: string } | { code: string };
}

const PING = `[{ role: 'user', content: 'ping' }]`;

const openaiCalls: CallSpec[] = [
  {
    name: 'chat',
    code: `await client.chat.completions.create({ model: MODEL, messages: ${PING}, max_tokens: 1 });`,
  },
  {
    name: 'stream',
    code: `const s = await client.chat.completions.create({ model: MODEL, messages: ${PING}, max_tokens: 1, stream: true });
for await (const _ of s);`,
  },
  {
    name: 'stream-helper',
    code: `await client.chat.completions.stream({ model: MODEL, messages: ${PING}, max_tokens: 1 }).finalChatCompletion();`,
  },
  {
    name: 'responses',
    code: `await client.responses.create({ model: MODEL, input: 'ping', max_output_tokens: 16 });`,
  },
  { name: 'models', code: `await client.models.list();` },
];

const anthropicCalls: CallSpec[] = [
  {
    name: 'messages',
    code: `await client.messages.create({ model: MODEL, max_tokens: 1, messages: ${PING} });`,
  },
  {
    name: 'stream',
    code: `const s = await client.messages.create({ model: MODEL, max_tokens: 1, messages: ${PING}, stream: true });
for await (const _ of s);`,
  },
  {
    name: 'stream-helper',
    code: `await client.messages.stream({ model: MODEL, max_tokens: 1, messages: ${PING} }).finalMessage();`,
  },
  { name: 'models', code: `await client.models.list();` },
];

const genaiCalls: CallSpec[] = [
  {
    name: 'generate',
    code: `await client.models.generateContent({ model: MODEL, contents: 'ping', config: { maxOutputTokens: 1 } });`,
  },
  {
    name: 'stream',
    code: `for await (const _ of await client.models.generateContentStream({ model: MODEL, contents: 'ping', config: { maxOutputTokens: 1 } }));`,
  },
];

/** One model call through the AI SDK core, as an app makes it. */
const generate = (model: string) => `await ai.generateText({ model: ${model}, prompt: 'ping', maxOutputTokens: 16 });`;

export const FAMILIES: readonly FamilySpec[] = [
  {
    preset: 'openai-sdk',
    style: 'openai',
    versions: [{ sdk: 'openai' }, { sdk: 'openai-6' }, { sdk: 'openai-5' }],
    setup: `const client = new sdk.default({ apiKey: KEY, dangerouslyAllowBrowser: true });`,
    calls: openaiCalls,
    default: { call: 'chat' },
  },
  {
    preset: 'anthropic-sdk',
    style: 'anthropic',
    versions: [{ sdk: '@anthropic-ai/sdk' }, { sdk: 'anthropic-sdk-0' }],
    setup: `const client = new sdk.default({ apiKey: KEY, dangerouslyAllowBrowser: true });`,
    calls: anthropicCalls,
    default: { call: 'messages' },
  },
  {
    preset: 'google-genai',
    style: 'gemini',
    versions: [{ sdk: '@google/genai' }, { sdk: 'google-genai-2' }],
    setup: `const client = new sdk.GoogleGenAI({ apiKey: KEY });`,
    calls: genaiCalls,
    default: { call: 'generate' },
  },
  {
    preset: 'vercel-ai/openai',
    style: 'openai',
    versions: [
      { sdk: '@ai-sdk/openai', ai: 'ai' },
      { sdk: 'ai-sdk-openai-3', ai: 'ai-6' },
    ],
    setup: `const provider = sdk.createOpenAI({ apiKey: KEY });`,
    calls: [
      { name: 'responses', code: generate('provider.responses(MODEL)') },
      { name: 'chat', code: generate('provider.chat(MODEL)') },
    ],
    default: { code: generate('provider(MODEL)') },
  },
  {
    preset: 'vercel-ai/openai-compatible',
    style: 'openai',
    versions: [
      { sdk: '@ai-sdk/openai-compatible', ai: 'ai' },
      { sdk: 'ai-sdk-openai-compatible-2', ai: 'ai-6' },
    ],
    // It has no default base URL: a compatible provider is given its own, here OpenAI's.
    setup: `const provider = sdk.createOpenAICompatible({ name: 'compatible', baseURL: 'https://api.openai.com/v1', apiKey: KEY });`,
    calls: [{ name: 'chat', code: generate('provider.chatModel(MODEL)') }],
    default: { code: generate('provider(MODEL)') },
  },
  {
    preset: 'vercel-ai/anthropic',
    style: 'anthropic',
    versions: [
      { sdk: '@ai-sdk/anthropic', ai: 'ai' },
      { sdk: 'ai-sdk-anthropic-3', ai: 'ai-6' },
    ],
    setup: `const provider = sdk.createAnthropic({ apiKey: KEY });`,
    calls: [{ name: 'messages', code: generate('provider.messages(MODEL)') }],
    default: { code: generate('provider(MODEL)') },
  },
  {
    preset: 'vercel-ai/google',
    style: 'gemini',
    versions: [
      { sdk: '@ai-sdk/google', ai: 'ai' },
      { sdk: 'ai-sdk-google-3', ai: 'ai-6' },
    ],
    setup: `const provider = sdk.createGoogleGenerativeAI({ apiKey: KEY });`,
    calls: [{ name: 'generate', code: generate('provider.languageModel(MODEL)') }],
    default: { code: generate('provider(MODEL)') },
  },
  {
    preset: 'vercel-ai/azure',
    style: 'openai',
    versions: [
      { sdk: '@ai-sdk/azure', ai: 'ai' },
      { sdk: 'ai-sdk-azure-3', ai: 'ai-6' },
    ],
    setup: `const provider = sdk.createAzure({ resourceName: 'cors-gate-probe', apiKey: KEY });`,
    calls: [
      { name: 'responses', code: generate('provider.responses(MODEL)') },
      { name: 'chat', code: generate('provider.chat(MODEL)') },
    ],
    default: { code: generate('provider(MODEL)') },
  },
];
