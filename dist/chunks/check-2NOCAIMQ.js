import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as R,c as x,d as m,e as L}from"./chunk-FY3WBKLY.js";import{a as X,b as q,c as Y,d as _,e as D}from"./chunk-OOOWNU2L.js";import{a as t,b as F,d as v,e as N,g as O,h as d,j as S,k as T,l as j,p as C,r as b,s as A,t as M,u as P,v as J,w as H}from"./chunk-NNLE7LQ4.js";import"./chunk-MSVGET4D.js";import{a as l}from"./chunk-WM2OXYU3.js";import"./chunk-FWFO7GNF.js";import{c as $,g as U}from"./chunk-NRRH4CSS.js";import{a as u}from"./chunk-MMF3LTHC.js";import"./chunk-NXWBHERZ.js";import"./chunk-UD7BYCGD.js";import"./chunk-EEEC4TXW.js";import{existsSync as B}from"node:fs";import{dirname as re,join as oe}from"node:path";import{fileURLToPath as se}from"node:url";import{parseArgs as ie}from"node:util";var V=`cors-gate ${u} \u2014 can a browser call this API?

Usage: cors-gate [options]
       cors-gate demo                                        checks local servers that answer as providers did (no network)
       cors-gate presets [CLIENT...] [--browser B] [--format text|json]
                                                             what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE] [--html-file FILE] [--junit-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${t.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout), markdown (the job summary),
                       html (the HTML report: one self-contained page) or junit (JUnit XML, for CI test reports)
  --origin URL         check from this origin instead of the configured ones (http(s), null, an extension's or an app's)
  --host-permissions   the extension given with --origin has host permissions for the endpoints
                       (no preflight, no CORS check: the server's own origin allow-list decides)
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default ${t["fail-on"]})
  --timeout SECONDS    per-request deadline (default ${t.timeout})
  --concurrency N      requests in flight at once (default ${t.concurrency})
  --retries N          ask again after no answer or a 502/503/504/429, up to N times (default ${t.retries})
  --confirm N          probe a failing endpoint N more times before its failure stands (default ${t.confirm})
  --report-file FILE   also write the JSON report to FILE
  --html-file FILE     also write the HTML report to FILE
  --junit-file FILE    also write the JUnit XML report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function ne(){let h=re(se(import.meta.url)),e=["../../examples","../examples"].map(c=>oe(h,c,"llm-providers.yml")).find(c=>B(c));if(!e)throw new l(`no --config given, no ${t.config}, and the built-in provider list is missing`);return e}async function Ne(h,a){let{values:e,positionals:c}=ie({args:h,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"host-permissions":{type:"boolean"},"fail-on":{type:"string",default:t["fail-on"]},timeout:{type:"string",default:t.timeout},concurrency:{type:"string",default:t.concurrency},retries:{type:"string",default:t.retries},confirm:{type:"string",default:t.confirm},"report-file":{type:"string"},"html-file":{type:"string"},"junit-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:a});if(a&&!e.help&&c.length===0)throw new l("merge needs the JSON report files (or a quoted glob) to merge");if(a&&(e.config||e.origin||e["host-permissions"]||e.shard))throw new l("merge reads reports and checks nothing: --config, --origin, --host-permissions and --shard do not apply");if(e.help)return process.stdout.write(V+`
`),0;if(e.version)return process.stdout.write(u+`
`),0;let s=e.format;if(!["table","json","markdown","html","junit"].includes(s))throw new l(`--format must be table, json, markdown, html or junit, got ${JSON.stringify(s)}`);let I=j(e["fail-on"],"--fail-on"),z=O(e.timeout,"--timeout"),G=d(e.concurrency,"--concurrency",F),K=d(e.retries,"--retries",v,0),Q=d(e.confirm,"--confirm",N,0),g=e.origin?S(e.origin,"--origin"):void 0,W=T(e["host-permissions"]?"true":t["host-permissions"],"--host-permissions",g),i=e.shard!==void 0?C(e.shard,"--shard"):void 0,f=e["report-file"],w=e["html-file"],y=q(s,process.stderr.isTTY,process.env)?new Y(r=>process.stderr.write(r)):null,E;if(a)E=P(x(c,f?[f]:[]),I);else{let r=e.config??(B(t.config)?t.config:ne()),n=A([R(r)],{...g?{origin:g,hostPermissions:W}:{},env:process.env});E=await M(n,{...i?{shard:i}:{},timeoutMs:z,concurrency:G,retries:K,confirm:Q,failOn:I,...y?{onResult:(Z,ee,te)=>y.update(Z,ee,te)}:{}}),y?.clear()}let{report:o,decision:p}=E;if(f&&m(f,b(o,"lines")),w||s==="html"){let{renderHtml:r}=await import("./html-62K2SWUW.js"),n=r({records:o.results,decision:p,generatedAt:o.generatedAt,...i?{shard:i}:{}});w&&m(w,n),s==="html"&&process.stdout.write(n)}let k={records:o.results,generatedAt:o.generatedAt,...i?{shard:i}:{}};if(e["junit-file"]&&m(e["junit-file"],L(k)),s==="json")for(let r of b(o,process.stdout.isTTY?"indented":"lines"))process.stdout.write(r);else if(s==="junit")for(let r of L(k))process.stdout.write(r);else if(s==="markdown")process.stdout.write(U({records:o.results,decision:p,...i?{shard:i}:{}}));else if(s!=="html"){process.stdout.write(J(o.results,p,X(process.stdout.isTTY,process.env))+`
`);let r=$(o.results);r&&process.stdout.write(`
`+r+`
`);let n=H(o.results);n&&process.stdout.write(`
`+n+`
`)}return!a&&_(o.results)&&process.stderr.write(`${D}
`),p.ok?0:1}export{Ne as checkCommand};
