import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{A as M,B as P,C as j,a as r,b as E,d as N,e as O,g as k,h as l,j as v,k as L,o as R,q as I,r as T,s as F,u as h,v as C,w as $,x,y as A}from"./chunk-2YDJEDVF.js";import{a as p}from"./chunk-MMF3LTHC.js";import"./chunk-NREU3QIQ.js";import{b as S}from"./chunk-2XNK3JRA.js";import"./chunk-BEMABT23.js";import{a}from"./chunk-WM2OXYU3.js";import"./chunk-EEEC4TXW.js";import{existsSync as J}from"node:fs";import{dirname as V,join as B}from"node:path";import{fileURLToPath as z}from"node:url";import{parseArgs as G}from"node:util";var U=`cors-gate ${p} \u2014 can a browser call this API?

Usage: cors-gate [options]
       cors-gate presets [--browser B] [--format text|json]   what each client preset sends
       cors-gate merge REPORT... [--format F] [--fail-on LIST] [--report-file FILE]
                            one table and one gate from shards' JSON reports (files or quoted globs)

  --config FILE        endpoints to check (default ${r.config}, else the built-in LLM provider list)
  --format FORMAT      table (default), json (the JSON report on stdout) or markdown (the job summary)
  --origin URL         check from this origin instead of the configured ones
  --fail-on LIST       verdicts that fail the run: comma list of pass,warn,fail,error, or never (default ${r["fail-on"]})
  --timeout SECONDS    per-request deadline (default ${r.timeout})
  --concurrency N      requests in flight at once (default ${r.concurrency})
  --retries N          ask again after no answer or a 502/503/504/429, up to N times (default ${r.retries})
  --confirm N          probe a failing endpoint N more times before its failure stands (default ${r.confirm})
  --report-file FILE   also write the JSON report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function Q(){let m=V(z(import.meta.url)),e=["../../examples","../examples"].map(o=>B(m,o,"llm-providers.yml")).find(o=>J(o));if(!e)throw new a(`no --config given, no ${r.config}, and the built-in provider list is missing`);return e}async function he(m,s){let{values:e,positionals:o}=G({args:m,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"fail-on":{type:"string",default:r["fail-on"]},timeout:{type:"string",default:r.timeout},concurrency:{type:"string",default:r.concurrency},retries:{type:"string",default:r.retries},confirm:{type:"string",default:r.confirm},"report-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:s});if(s&&!e.help&&o.length===0)throw new a("merge needs the JSON report files (or a quoted glob) to merge");if(s&&(e.config||e.origin||e.shard))throw new a("merge reads reports and checks nothing: --config, --origin and --shard do not apply");if(e.help)return process.stdout.write(U+`
`),0;if(e.version)return process.stdout.write(p+`
`),0;let i=e.format;if(!["table","json","markdown"].includes(i))throw new a(`--format must be table, json or markdown, got ${JSON.stringify(i)}`);let w=L(e["fail-on"],"--fail-on"),q=k(e.timeout,"--timeout"),D=l(e.concurrency,"--concurrency",E),X=l(e.retries,"--retries",N,0),Y=l(e.confirm,"--confirm",O,0),y=e.origin?v(e.origin,"--origin"):void 0,c=e.shard!==void 0?R(e.shard,"--shard"):void 0,f=e["report-file"],b=i==="table"&&process.stderr.isTTY,u;if(s)u=x(T(o,f?[f]:[]),w);else{let n=e.config??(J(r.config)?r.config:Q()),d=C([I(n)],{...y?{origin:y}:{},env:process.env});u=await $(d,{...c?{shard:c}:{},timeoutMs:q,concurrency:D,retries:X,confirm:Y,failOn:w,...b?{onResult:(_,H,K)=>process.stderr.write(`\r\x1B[K[${H}/${K}] ${S(_.endpoint.name,60)}`)}:{}}),b&&process.stderr.write("\r\x1B[K")}let{report:t,decision:g}=u;if(f&&F(f,h(t)),i==="json")for(let n of h(t))process.stdout.write(n);else if(i==="markdown")process.stdout.write(M({records:t.results,decision:g,...c?{shard:c}:{}}));else{process.stdout.write(P(t.results,g,process.stdout.isTTY)+`
`);let n=A(t.results);n&&process.stdout.write(`
`+n+`
`);let d=j(t.results);d&&process.stdout.write(`
`+d+`
`)}return g.ok?0:1}export{he as checkCommand};
