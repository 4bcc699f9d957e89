#!/usr/bin/env node
// The CLI's entry: picks the command and loads only what it needs (`--version`
// and `presets` never load the HTTP client or the report writers), then turns
// errors into exit statuses: 0 the gate holds, 1 it fails, 2 a usage or
// configuration error, 3 an unexpected error.
import module from 'node:module';
import { ConfigError, MergeError, UsageError } from '../errors.js';
import { logSafe } from '../text.js';
import { VERSION } from '../version.js';

// Later runs reuse the compiled code of the bundle's chunks (Node 22.1 and later).
module.enableCompileCache?.();

async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (first === 'demo') {
    const { demoCommand } = await import('./demo.js');
    return demoCommand(argv.slice(1), (s) => process.stdout.write(s));
  }
  if (first === 'presets') {
    const { presetsCommand } = await import('./presets.js');
    return presetsCommand(argv.slice(1), (s) => process.stdout.write(s));
  }
  const { checkCommand } = await import('./check.js');
  return first === 'merge' ? checkCommand(argv.slice(1), true) : checkCommand(argv, false);
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError)
      process.stderr.write(logSafe(`cors-gate: configuration error: ${err.message}`) + '\n');
    else if (err instanceof MergeError) process.stderr.write(logSafe(`cors-gate: ${err.message}`) + '\n');
    else if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(logSafe(`cors-gate: ${(err as Error).message}`) + '\n' + 'Try cors-gate --help.\n');
    } else {
      // Not 1: that means the gate failed, and a crash must not look like blocked endpoints.
      process.stderr.write(`cors-gate: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = 2;
  },
);
