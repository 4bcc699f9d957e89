// The CLI's help text, with the defaults of inputs.ts.
import { DEFAULTS } from '../inputs.js';
import { VERSION } from '../version.js';

export const HELP = `cors-gate ${VERSION} — can a browser call this API?

Usage: cors-gate [options]
       cors-gate demo                                        checks local servers that answer as providers did (no network)
       cors-gate presets [CLIENT...] [--browser B] [--format text|json]
                                                             what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE] [--html-file FILE] [--junit-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${DEFAULTS.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout), markdown (the job summary),
                       html (the HTML report: one self-contained page) or junit (JUnit XML, for CI test reports)
  --origin URL         check from this origin instead of the configured ones (http(s), null, an extension's or an app's)
  --host-permissions   the extension given with --origin has host permissions for the endpoints
                       (no preflight, no CORS check: the server's own origin allow-list decides)
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default ${DEFAULTS['fail-on']})
  --timeout SECONDS    per-request deadline (default ${DEFAULTS.timeout})
  --concurrency N      requests in flight at once (default ${DEFAULTS.concurrency})
  --retries N          ask again after no answer or a 502/503/504/429, up to N times (default ${DEFAULTS.retries})
  --confirm N          probe a failing endpoint N more times before its failure stands (default ${DEFAULTS.confirm})
  --report-file FILE   also write the JSON report to FILE
  --html-file FILE     also write the HTML report to FILE
  --junit-file FILE    also write the JUnit XML report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;
