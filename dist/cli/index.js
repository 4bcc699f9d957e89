#!/usr/bin/env node
import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as c}from"../chunks/chunk-MMF3LTHC.js";import{i as r}from"../chunks/chunk-2XNK3JRA.js";import{a as t,b as i,c as n}from"../chunks/chunk-WM2OXYU3.js";import"../chunks/chunk-EEEC4TXW.js";import m from"node:module";m.enableCompileCache?.();async function d(e){let[s]=e;if(s==="--version"||s==="-v")return process.stdout.write(c+`
`),0;if(s==="presets"){let{presetsCommand:a}=await import("../chunks/presets-4OFQV6LL.js");return a(e.slice(1),p=>process.stdout.write(p))}let{checkCommand:o}=await import("../chunks/check-N4U6PEVX.js");return s==="merge"?o(e.slice(1),!0):o(e,!1)}process.stdout.on("error",e=>{throw e.code==="EPIPE"&&process.exit(process.exitCode??0),e});d(process.argv.slice(2)).then(e=>{process.exitCode=e},e=>{if(e instanceof i)process.stderr.write(r(`cors-gate: configuration error: ${e.message}`)+`
`);else if(e instanceof n)process.stderr.write(r(`cors-gate: ${e.message}`)+`
`);else if(e instanceof t||e?.code?.startsWith?.("ERR_PARSE_ARGS"))process.stderr.write(r(`cors-gate: ${e.message}`)+`
Try cors-gate --help.
`);else{process.stderr.write(`cors-gate: unexpected error: ${e?.stack??String(e)}
`),process.exitCode=3;return}process.exitCode=2});
