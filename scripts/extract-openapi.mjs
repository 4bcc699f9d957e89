#!/usr/bin/env node
// Cuts the few GitHub REST operations that cors-gate calls out of GitHub's own
// OpenAPI description (as published in @octokit/openapi) into
// test/github-fake/openapi-issues.json, which the local GitHub fake validates
// every request and response against.
//
// The package is fetched with `npm pack` into a temporary folder so that it
// never becomes a dependency: it is about 400 MB unpacked.
//
// Usage: node scripts/extract-openapi.mjs [version]   (default: DEFAULT_VERSION)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_VERSION = '23.0.2';
const OPERATIONS = [
  'issues/list-for-repo',
  'issues/get',
  'issues/create',
  'issues/update',
  'issues/create-comment',
  'issues/list-comments',
  'issues/update-comment',
  'issues/add-labels',
  'issues/set-labels',
  'issues/remove-label',
  'issues/remove-all-labels',
  'repos/get',
  // A run history kept in a file on a data branch.
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'git/get-ref',
  'git/create-ref',
  'git/create-tree',
  'git/create-commit',
  // Who the token acts as: a user's token gets the user, an installation token 403.
  'users/get-authenticated',
];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'test/github-fake/openapi-issues.json');

function fetchPackage(version) {
  const dir = mkdtempSync(join(tmpdir(), 'octokit-openapi-'));
  execFileSync('npm', ['pack', `@octokit/openapi@${version}`, '--pack-destination', dir, '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack produced no tarball in ${dir}`);
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  return dir;
}

// Keys that carry no validation meaning and only make the file large. Titles
// stay: they name the schema ("Issue", "Simple User") in violation messages.
const DROP = new Set(['example', 'examples', 'description', 'externalDocs']);

// OpenAPI 3.0's `nullable: true` is not JSON Schema; Ajv would ignore it and
// reject every null. Rewrite it the way OpenAPI 3.1 spells it.
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
    // `properties` maps names to schemas: a property may be called "description".
    out[k] = k === 'properties' ? mapValues(v, toJsonSchema) : toJsonSchema(v);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  // No single type (oneOf/anyOf/allOf): null is an extra alternative.
  const { title, ...rest } = out;
  return { ...(title ? { title } : {}), anyOf: [{ type: 'null' }, rest] };
}

const mapValues = (obj, fn) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));

function extractOperation(_method, _path, op) {
  const parameters = (op.parameters ?? []).map((p) => ({
    name: p.name,
    in: p.in,
    required: p.required === true,
    schema: toJsonSchema(p.schema),
  }));
  const requestBody = op.requestBody && {
    required: op.requestBody.required === true,
    content: { 'application/json': { schema: toJsonSchema(op.requestBody.content['application/json'].schema) } },
  };
  const responses = {};
  for (const [status, res] of Object.entries(op.responses)) {
    const json = res.content?.['application/json'];
    responses[status] = {
      description: res.description,
      ...(res.headers ? { headers: mapValues(res.headers, (h) => ({ schema: toJsonSchema(h.schema) })) } : {}),
      ...(json ? { content: { 'application/json': { schema: toJsonSchema(json.schema) } } } : {}),
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function main() {
  const version = process.argv[2] ?? DEFAULT_VERSION;
  const dir = fetchPackage(version);
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'));
    const sourceFile = 'generated/api.github.com.deref.json';
    const spec = JSON.parse(readFileSync(join(dir, 'package', sourceFile), 'utf8'));
    const paths = {};
    const found = new Set();
    let basicError;
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!OPERATIONS.includes(op?.operationId)) continue;
        (paths[path] ??= {})[method] = extractOperation(method, path, op);
        found.add(op.operationId);
        basicError ??= op.responses['404']?.content?.['application/json']?.schema;
      }
    }
    const missing = OPERATIONS.filter((id) => !found.has(id));
    if (missing.length) throw new Error(`operations not in ${sourceFile}: ${missing.join(', ')}`);
    if (JSON.stringify(paths).includes('"$ref"'))
      throw new Error(`${sourceFile} still holds $ref in the chosen operations`);
    const doc = {
      openapi: '3.1.0',
      info: {
        title: `GitHub REST API (subset used by cors-gate)`,
        version: spec.info.version,
        'x-source': {
          package: pkg.name,
          version: pkg.version,
          file: sourceFile,
          openapi: spec.openapi,
          transform: 'nullable rewritten as type unions; example, description, x-* dropped',
        },
      },
      paths,
      // Statuses an operation does not declare (401, 403 on reads) still get
      // GitHub's generic error body.
      components: { schemas: { 'basic-error': toJsonSchema(basicError) } },
    };
    const text = JSON.stringify(doc, null, 1) + '\n';
    writeFileSync(outFile, text);
    console.log(`${pkg.name}@${pkg.version}: ${found.size} operations, ${text.length} bytes -> ${outFile}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
