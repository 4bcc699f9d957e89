#!/usr/bin/env node
import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as n,b as c,c as a}from"../chunks/chunk-WM2OXYU3.js";import{a as m}from"../chunks/chunk-MMF3LTHC.js";import{l as o}from"../chunks/chunk-UD7BYCGD.js";import"../chunks/chunk-EEEC4TXW.js";import p from"node:module";p.enableCompileCache?.();async function d(e){let[s]=e;if(s==="--version"||s==="-v")return process.stdout.write(m+`
`),0;if(s==="demo"){let{demoCommand:r}=await import("../chunks/demo-QG63DGFN.js");return r(e.slice(1),t=>process.stdout.write(t))}if(s==="presets"){let{presetsCommand:r}=await import("../chunks/presets-MYFLID4L.js");return r(e.slice(1),t=>process.stdout.write(t))}let{checkCommand:i}=await import("../chunks/check-2NOCAIMQ.js");return s==="merge"?i(e.slice(1),!0):i(e,!1)}process.stdout.on("error",e=>{throw e.code==="EPIPE"&&process.exit(process.exitCode??0),e});d(process.argv.slice(2)).then(e=>{process.exitCode=e},e=>{if(e instanceof c)process.stderr.write(o(`cors-gate: configuration error: ${e.message}`)+`
`);else if(e instanceof a)process.stderr.write(o(`cors-gate: ${e.message}`)+`
`);else if(e instanceof n||e?.code?.startsWith?.("ERR_PARSE_ARGS"))process.stderr.write(o(`cors-gate: ${e.message}`)+`
Try cors-gate --help.
`);else{process.stderr.write(`cors-gate: unexpected error: ${e?.stack??String(e)}
`),process.exitCode=3;return}process.exitCode=2});
