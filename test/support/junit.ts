// Reads a JUnit XML report as its readers do: parsed by a real XML parser
// (libxml2, compiled to WebAssembly: no native build, no Java) and validated
// against a published JUnit schema (test/fixtures/junit-10.xsd, the Jenkins xUnit
// plugin's). A report that is not well-formed XML or breaks the schema throws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, type XmlElement, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { ROOT } from './build.js';

export interface JunitCase {
  classname: string;
  name: string;
  time: string;
  /** failure, error or skipped; pass when none (a warn is a pass with system-out). */
  outcome: 'pass' | 'failure' | 'error' | 'skipped';
  type?: string;
  message?: string;
  /** The failure's, error's or skip's text. */
  text?: string;
  systemOut?: string;
}

export interface JunitReport {
  suites: { attrs: Record<string, string>; cases: JunitCase[] }[];
  attrs: Record<string, string>;
}

let validator: XsdValidator | undefined;

function attrs(e: XmlElement): Record<string, string> {
  return Object.fromEntries(e.attrs.map((a) => [a.name, a.value]));
}

function children(e: XmlElement, name: string): XmlElement[] {
  return e.find(`./${name}`) as XmlElement[];
}

/** Parses and validates; the report as plain data. */
export function readJunit(xml: string): JunitReport {
  if (!validator) {
    const xsd = XmlDocument.fromString(readFileSync(join(ROOT, 'test/fixtures/junit-10.xsd'), 'utf8'));
    validator = XsdValidator.fromDoc(xsd);
    xsd.dispose();
  }
  const doc = XmlDocument.fromString(xml);
  try {
    try {
      validator.validate(doc);
    } catch (err) {
      if (err instanceof XmlValidateError)
        throw new Error(`not valid JUnit XML: ${err.details.map((d) => `${d.line}: ${d.message}`).join('; ')}`);
      throw err;
    }
    const root = doc.root;
    if (root.name !== 'testsuites') throw new Error(`root element is ${root.name}`);
    return {
      attrs: attrs(root),
      suites: children(root, 'testsuite').map((s) => ({
        attrs: attrs(s),
        cases: children(s, 'testcase').map((c) => {
          const a = attrs(c);
          const out: JunitCase = { classname: a.classname!, name: a.name!, time: a.time!, outcome: 'pass' };
          for (const kind of ['failure', 'error', 'skipped'] as const) {
            const [el] = children(c, kind);
            if (!el) continue;
            out.outcome = kind;
            const ea = attrs(el);
            if (ea.type !== undefined) out.type = ea.type;
            if (ea.message !== undefined) out.message = ea.message;
            out.text = el.content;
          }
          const [so] = children(c, 'system-out');
          if (so) out.systemOut = so.content;
          return out;
        }),
      })),
    };
  } finally {
    doc.dispose();
  }
}
