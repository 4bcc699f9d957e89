import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as T,c as R,d as y}from"./chunk-5NOGX2DW.js";import{a as U,b as H,c as J,d as q,e as _}from"./chunk-ZNUVI7UY.js";import{a as r,b as N,d as k,e as v,g as F,h as p,j as I,k as O,o as S,q as b,r as C,s as x,t as A,u as P,v as j}from"./chunk-FVUZKTFW.js";import{c as M,g as $}from"./chunk-PGN5Q3J7.js";import{a as m}from"./chunk-MMF3LTHC.js";import"./chunk-NXWBHERZ.js";import"./chunk-ROOYCC2I.js";import"./chunk-BEMABT23.js";import{a as l}from"./chunk-WM2OXYU3.js";import"./chunk-EEEC4TXW.js";import{existsSync as X}from"node:fs";import{dirname as W,join as Z}from"node:path";import{fileURLToPath as ee}from"node:url";import{parseArgs as re}from"node:util";var D=`cors-gate ${m} \u2014 can a browser call this API?

Usage: cors-gate [options]
       cors-gate demo                                        checks local servers that answer as providers did (no network)
       cors-gate presets [--browser B] [--format text|json]   what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE] [--html-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${r.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout), markdown (the job summary)
                       or html (the HTML report: one self-contained page)
  --origin URL         check from this origin instead of the configured ones
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default ${r["fail-on"]})
  --timeout SECONDS    per-request deadline (default ${r.timeout})
  --concurrency N      requests in flight at once (default ${r.concurrency})
  --retries N          ask again after no answer or a 502/503/504/429, up to N times (default ${r.retries})
  --confirm N          probe a failing endpoint N more times before its failure stands (default ${r.confirm})
  --report-file FILE   also write the JSON report to FILE
  --html-file FILE     also write the HTML report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function te(){let u=W(ee(import.meta.url)),e=["../../examples","../examples"].map(a=>Z(u,a,"llm-providers.yml")).find(a=>X(a));if(!e)throw new l(`no --config given, no ${r.config}, and the built-in provider list is missing`);return e}async function Le(u,i){let{values:e,positionals:a}=re({args:u,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"fail-on":{type:"string",default:r["fail-on"]},timeout:{type:"string",default:r.timeout},concurrency:{type:"string",default:r.concurrency},retries:{type:"string",default:r.retries},confirm:{type:"string",default:r.confirm},"report-file":{type:"string"},"html-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:i});if(i&&!e.help&&a.length===0)throw new l("merge needs the JSON report files (or a quoted glob) to merge");if(i&&(e.config||e.origin||e.shard))throw new l("merge reads reports and checks nothing: --config, --origin and --shard do not apply");if(e.help)return process.stdout.write(D+`
`),0;if(e.version)return process.stdout.write(m+`
`),0;let s=e.format;if(!["table","json","markdown","html"].includes(s))throw new l(`--format must be table, json, markdown or html, got ${JSON.stringify(s)}`);let E=O(e["fail-on"],"--fail-on"),Y=F(e.timeout,"--timeout"),V=p(e.concurrency,"--concurrency",N),B=p(e.retries,"--retries",k,0),z=p(e.confirm,"--confirm",v,0),L=e.origin?I(e.origin,"--origin"):void 0,c=e.shard!==void 0?S(e.shard,"--shard"):void 0,f=e["report-file"],h=e["html-file"],g=H(s,process.stderr.isTTY,process.env)?new J(t=>process.stderr.write(t)):null,w;if(i)w=A(R(a,f?[f]:[]),E);else{let t=e.config??(X(r.config)?r.config:te()),n=C([T(t)],{...L?{origin:L}:{},env:process.env});w=await x(n,{...c?{shard:c}:{},timeoutMs:Y,concurrency:V,retries:B,confirm:z,failOn:E,...g?{onResult:(G,K,Q)=>g.update(G,K,Q)}:{}}),g?.clear()}let{report:o,decision:d}=w;if(f&&y(f,b(o)),h||s==="html"){let{renderHtml:t}=await import("./html-NZYNCV77.js"),n=t({records:o.results,decision:d,generatedAt:o.generatedAt,...c?{shard:c}:{}});h&&y(h,n),s==="html"&&process.stdout.write(n)}if(s==="json")for(let t of b(o))process.stdout.write(t);else if(s==="markdown")process.stdout.write($({records:o.results,decision:d,...c?{shard:c}:{}}));else if(s!=="html"){process.stdout.write(P(o.results,d,U(process.stdout.isTTY,process.env))+`
`);let t=M(o.results);t&&process.stdout.write(`
`+t+`
`);let n=j(o.results);n&&process.stdout.write(`
`+n+`
`)}return!i&&q(o.results)&&process.stderr.write(`${_}
`),d.ok?0:1}export{Le as checkCommand};
