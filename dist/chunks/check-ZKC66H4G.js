import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as C,c as R,d as m,e as b}from"./chunk-7F7KJIN6.js";import{a as H,b as X,c as q,d as _,e as D}from"./chunk-ZLE574ZT.js";import{a as t,b as k,d as N,e as v,g as O,h as p,j as S,k as j,o as T,q as E,r as A,s as M,t as x,u as U,v as J}from"./chunk-3NBTOFXW.js";import{c as $,g as P}from"./chunk-4CZDAHN7.js";import{a as u}from"./chunk-MMF3LTHC.js";import"./chunk-NXWBHERZ.js";import"./chunk-THGD2FE6.js";import"./chunk-SF47J65V.js";import{a as f}from"./chunk-WM2OXYU3.js";import"./chunk-EEEC4TXW.js";import{existsSync as V}from"node:fs";import{dirname as ee,join as te}from"node:path";import{fileURLToPath as re}from"node:url";import{parseArgs as oe}from"node:util";var Y=`cors-gate ${u} \u2014 can a browser call this API?

Usage: cors-gate [options]
       cors-gate demo                                        checks local servers that answer as providers did (no network)
       cors-gate presets [CLIENT...] [--browser B] [--format text|json]
                                                             what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE] [--html-file FILE] [--junit-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${t.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout), markdown (the job summary),
                       html (the HTML report: one self-contained page) or junit (JUnit XML, for CI test reports)
  --origin URL         check from this origin instead of the configured ones
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

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function se(){let h=ee(re(import.meta.url)),e=["../../examples","../examples"].map(c=>te(h,c,"llm-providers.yml")).find(c=>V(c));if(!e)throw new f(`no --config given, no ${t.config}, and the built-in provider list is missing`);return e}async function ke(h,a){let{values:e,positionals:c}=oe({args:h,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"fail-on":{type:"string",default:t["fail-on"]},timeout:{type:"string",default:t.timeout},concurrency:{type:"string",default:t.concurrency},retries:{type:"string",default:t.retries},confirm:{type:"string",default:t.confirm},"report-file":{type:"string"},"html-file":{type:"string"},"junit-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:a});if(a&&!e.help&&c.length===0)throw new f("merge needs the JSON report files (or a quoted glob) to merge");if(a&&(e.config||e.origin||e.shard))throw new f("merge reads reports and checks nothing: --config, --origin and --shard do not apply");if(e.help)return process.stdout.write(Y+`
`),0;if(e.version)return process.stdout.write(u+`
`),0;let s=e.format;if(!["table","json","markdown","html","junit"].includes(s))throw new f(`--format must be table, json, markdown, html or junit, got ${JSON.stringify(s)}`);let L=j(e["fail-on"],"--fail-on"),B=O(e.timeout,"--timeout"),z=p(e.concurrency,"--concurrency",k),G=p(e.retries,"--retries",N,0),K=p(e.confirm,"--confirm",v,0),I=e.origin?S(e.origin,"--origin"):void 0,n=e.shard!==void 0?T(e.shard,"--shard"):void 0,l=e["report-file"],g=e["html-file"],w=X(s,process.stderr.isTTY,process.env)?new q(r=>process.stderr.write(r)):null,y;if(a)y=x(R(c,l?[l]:[]),L);else{let r=e.config??(V(t.config)?t.config:se()),i=A([C(r)],{...I?{origin:I}:{},env:process.env});y=await M(i,{...n?{shard:n}:{},timeoutMs:B,concurrency:z,retries:G,confirm:K,failOn:L,...w?{onResult:(Q,W,Z)=>w.update(Q,W,Z)}:{}}),w?.clear()}let{report:o,decision:d}=y;if(l&&m(l,E(o)),g||s==="html"){let{renderHtml:r}=await import("./html-Y6LV2VXL.js"),i=r({records:o.results,decision:d,generatedAt:o.generatedAt,...n?{shard:n}:{}});g&&m(g,i),s==="html"&&process.stdout.write(i)}let F={records:o.results,generatedAt:o.generatedAt,...n?{shard:n}:{}};if(e["junit-file"]&&m(e["junit-file"],b(F)),s==="json")for(let r of E(o))process.stdout.write(r);else if(s==="junit")for(let r of b(F))process.stdout.write(r);else if(s==="markdown")process.stdout.write(P({records:o.results,decision:d,...n?{shard:n}:{}}));else if(s!=="html"){process.stdout.write(U(o.results,d,H(process.stdout.isTTY,process.env))+`
`);let r=$(o.results);r&&process.stdout.write(`
`+r+`
`);let i=J(o.results);i&&process.stdout.write(`
`+i+`
`)}return!a&&_(o.results)&&process.stderr.write(`${D}
`),d.ok?0:1}export{ke as checkCommand};
