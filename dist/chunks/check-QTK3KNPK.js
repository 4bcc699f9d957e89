import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as F,c as L,d as R}from"./chunk-5NOGX2DW.js";import{a as j,b as U,c as J,d as q,e as _}from"./chunk-V52HVAOW.js";import{a as r,b as E,d as N,e as k,g as v,h as l,j as O,k as S,o as I,q as w,r as T,s as C,t as x,u as $,w as A,x as P,y as M}from"./chunk-SQQ4664T.js";import{a as p}from"./chunk-MMF3LTHC.js";import"./chunk-NXWBHERZ.js";import"./chunk-ANQ3J577.js";import"./chunk-BEMABT23.js";import{a}from"./chunk-WM2OXYU3.js";import"./chunk-EEEC4TXW.js";import{existsSync as H}from"node:fs";import{dirname as Q,join as W}from"node:path";import{fileURLToPath as Z}from"node:url";import{parseArgs as ee}from"node:util";var D=`cors-gate ${p} \u2014 can a browser call this API?

Usage: cors-gate [options]
       cors-gate demo                                        checks local servers that answer as providers did (no network)
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

Exit status: 0 the gate holds, 1 it fails, 2 usage or configuration error, 3 an unexpected error.`;function re(){let m=Q(Z(import.meta.url)),e=["../../examples","../examples"].map(n=>W(m,n,"llm-providers.yml")).find(n=>H(n));if(!e)throw new a(`no --config given, no ${r.config}, and the built-in provider list is missing`);return e}async function Ee(m,s){let{values:e,positionals:n}=ee({args:m,options:{config:{type:"string",short:"c"},format:{type:"string",short:"f",default:"table"},origin:{type:"string"},"fail-on":{type:"string",default:r["fail-on"]},timeout:{type:"string",default:r.timeout},concurrency:{type:"string",default:r.concurrency},retries:{type:"string",default:r.retries},confirm:{type:"string",default:r.confirm},"report-file":{type:"string"},shard:{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},strict:!0,allowPositionals:s});if(s&&!e.help&&n.length===0)throw new a("merge needs the JSON report files (or a quoted glob) to merge");if(s&&(e.config||e.origin||e.shard))throw new a("merge reads reports and checks nothing: --config, --origin and --shard do not apply");if(e.help)return process.stdout.write(D+`
`),0;if(e.version)return process.stdout.write(p+`
`),0;let i=e.format;if(!["table","json","markdown"].includes(i))throw new a(`--format must be table, json or markdown, got ${JSON.stringify(i)}`);let y=S(e["fail-on"],"--fail-on"),X=v(e.timeout,"--timeout"),Y=l(e.concurrency,"--concurrency",E),V=l(e.retries,"--retries",N,0),B=l(e.confirm,"--confirm",k,0),b=e.origin?O(e.origin,"--origin"):void 0,c=e.shard!==void 0?I(e.shard,"--shard"):void 0,f=e["report-file"],u=U(i,process.stderr.isTTY,process.env)?new J(o=>process.stderr.write(o)):null,g;if(s)g=x(L(n,f?[f]:[]),y);else{let o=e.config??(H(r.config)?r.config:re()),d=T([F(o)],{...b?{origin:b}:{},env:process.env});g=await C(d,{...c?{shard:c}:{},timeoutMs:X,concurrency:Y,retries:V,confirm:B,failOn:y,...u?{onResult:(z,G,K)=>u.update(z,G,K)}:{}}),u?.clear()}let{report:t,decision:h}=g;if(f&&R(f,w(t)),i==="json")for(let o of w(t))process.stdout.write(o);else if(i==="markdown")process.stdout.write(A({records:t.results,decision:h,...c?{shard:c}:{}}));else{process.stdout.write(P(t.results,h,j(process.stdout.isTTY,process.env))+`
`);let o=$(t.results);o&&process.stdout.write(`
`+o+`
`);let d=M(t.results);d&&process.stdout.write(`
`+d+`
`)}return!s&&q(t.results)&&process.stderr.write(`${_}
`),h.ok?0:1}export{Ee as checkCommand};
