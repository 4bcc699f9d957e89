import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
var r=class extends Error{name="UsageError"},t=class extends Error{constructor(n,s,d,o){super(s>0?`${n}:${s}:${d}: ${o}`:`${n}: ${o}`);this.file=n;this.line=s;this.column=d;this.problem=o;this.name="ConfigError"}file;line;column;problem},a=class extends r{name="MergeError"};export{r as a,t as b,a as c};
