import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as r,b,d as S,e as E,g as O,h as k,l as v,n as L,o as N,p as T,r as h,s as I,t as R,u as x,v as C,x as $,y as P,z as j}from"./chunk-CD5Z7H7O.js";import{a as p}from"./chunk-MMF3LTHC.js";import"./chunk-PHP2FO5J.js";import{b as F}from"./chunk-2XNK3JRA.js";import"./chunk-Q7AS3Z3H.js";import{a}from"./chunk-WM2OXYU3.js";import"./chunk-EEEC4TXW.js";import{existsSync as U}from"node:fs";import{dirname as H,join as K}from"node:path";import{fileURLToPath as V}from"node:url";import{parseArgs as B}from"node:util";var A=`cors-gate ${p} \u2014 can a browser call this API?

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
  --report-file FILE   also write the JSON report to FILE
  --shard I/N          check only shard I of N (1-based; by endpoint id, stable under reordering)
  -h, --help           this help
  -v, --version        the version

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function X(){let l=H(V(import.meta.url)),e=["../../examples","../examples"].map(o=>K(l,o,"llm-providers.yml")).find(o=>U(o));if(!e)throw new a(`no --config given, no ${r.config}, and the built-in provider list is missing`);return e}async function le(l,s){let{values:e,positionals:o}=B({args:l,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"fail-on":{type:"string",default:r["fail-on"]},timeout:{type:"string",default:r.timeout},concurrency:{type:"string",default:r.concurrency},"report-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:s});if(s&&!e.help&&o.length===0)throw new a("merge needs the JSON report files (or a quoted glob) to merge");if(s&&(e.config||e.origin||e.shard))throw new a("merge reads reports and checks nothing: --config, --origin and --shard do not apply");if(e.help)return process.stdout.write(A+`
`),0;if(e.version)return process.stdout.write(p+`
`),0;let i=e.format;if(!["table","json","markdown"].includes(i))throw new a(`--format must be table, json or markdown, got ${JSON.stringify(i)}`);let g=k(e["fail-on"],"--fail-on"),J=S(e.timeout,"--timeout"),M=E(e.concurrency,"--concurrency",b),w=e.origin?O(e.origin,"--origin"):void 0,c=e.shard!==void 0?v(e.shard,"--shard"):void 0,f=e["report-file"],y=i==="table"&&process.stderr.isTTY,m;if(s)m=x(N(o,f?[f]:[]),g);else{let n=e.config??(U(r.config)?r.config:X()),d=I([L(n)],{...w?{origin:w}:{},env:process.env});m=await R(d,{...c?{shard:c}:{},timeoutMs:J,concurrency:M,failOn:g,...y?{onResult:(q,D,Y)=>process.stderr.write(`\r\x1B[K[${D}/${Y}] ${F(q.endpoint.name,60)}`)}:{}}),y&&process.stderr.write("\r\x1B[K")}let{report:t,decision:u}=m;if(f&&T(f,h(t)),i==="json")for(let n of h(t))process.stdout.write(n);else if(i==="markdown")process.stdout.write($({records:t.results,decision:u,...c?{shard:c}:{}}));else{process.stdout.write(P(t.results,u,process.stdout.isTTY)+`
`);let n=C(t.results);n&&process.stdout.write(`
`+n+`
`);let d=j(t.results);d&&process.stdout.write(`
`+d+`
`)}return u.ok?0:1}export{le as checkCommand};
