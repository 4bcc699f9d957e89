// A stand-in for @actions/core that records what the action tells the runner:
// outputs, secrets, annotations, log lines, the step's failure and the job
// summary. Tests install it with vi.mock('@actions/core', ...) and run the
// action's code in-process; the built bundle is run as the runner runs it
// elsewhere (test/support/spawn.ts).

export interface Annotation {
  kind: 'error' | 'warning';
  message: string;
  properties?: Record<string, unknown>;
}

export interface CoreRecord {
  outputs: Record<string, string>;
  secrets: string[];
  annotations: Annotation[];
  log: string[];
  failed: string[];
  summary: string;
}

export function createCoreStub() {
  const record: CoreRecord = { outputs: {}, secrets: [], annotations: [], log: [], failed: [], summary: '' };
  let pending = '';
  const summary = {
    addRaw(text: string) {
      pending += text;
      return summary;
    },
    async write() {
      record.summary += pending;
      pending = '';
      return summary;
    },
  };
  const core = {
    getInput: () => '',
    setOutput: (name: string, value: unknown) => {
      record.outputs[name] = typeof value === 'string' ? value : JSON.stringify(value);
    },
    setSecret: (value: string) => void record.secrets.push(value),
    info: (line: string) => void record.log.push(line),
    startGroup: (name: string) => void record.log.push(`::group::${name}`),
    endGroup: () => void record.log.push('::endgroup::'),
    error: (message: string, properties?: Record<string, unknown>) =>
      void record.annotations.push({ kind: 'error', message, ...(properties ? { properties } : {}) }),
    warning: (message: string, properties?: Record<string, unknown>) =>
      void record.annotations.push({ kind: 'warning', message, ...(properties ? { properties } : {}) }),
    setFailed: (message: string) => {
      record.failed.push(message);
      record.annotations.push({ kind: 'error', message });
    },
    summary,
  };
  const reset = () => {
    Object.assign(record, { outputs: {}, secrets: [], annotations: [], log: [], failed: [], summary: '' });
    pending = '';
  };
  return { core, record, reset };
}
